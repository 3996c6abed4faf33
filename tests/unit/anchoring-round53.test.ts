/**
 * Issue 12 item 4, round 53 (the eighth outside bench's attrib_move and its long reads): a passage
 * that opens with a speaker's attribution (张某说：“…。”) holds the speaker among its own words. An
 * edition moves the attribution behind the quotation, splits the quotation with it or rewrites it
 * (张某表示，…), but keeps the speaker beside the words. A page printed twice in a long read, only
 * one printing made into quoted speech, leaves the same words bare in the other printing with all
 * the stored context around them: a search takes that printing when the passage's own is split
 * by its attribution. speaker.ts: such a placement, with neither the name nor a verb of saying in
 * or beside it in its paragraph, is an orphan.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const LINE_A = '区级调解委员会可以受理下一级调解组织转来的纠纷';
const LINE_B = '必要时也可以直接受理辖区内情况复杂的各类疑难纠纷';
const SAID = `张某说：“${LINE_A}，${LINE_B}。”`;
const BARE = `${LINE_A}，${LINE_B}。`;
const BEFORE_LINE = '第九条　调解组织按照管辖范围受理本辖区内发生的民间纠纷。';
const AFTER_LINE = '调解组织之间对纠纷的管辖有争议的，由共同的上级组织确定。';

/** The second printing's next line: quoted speech there, its attribution moved by the edition. */
const AFTER_SAID = `李某说：“${AFTER_LINE}”`;
const AFTER_MOVED = `“${AFTER_LINE.slice(0, -1)}，”李某说。`;

/**
 * A page printed twice in a long read: the first printing has the sentence as quoted speech, the
 * second has it bare and its next line as quoted speech instead.
 */
function longRead(first: string, second: string, after2: string): string {
  return [...filler(0, 30), BEFORE_LINE, first, AFTER_LINE, ...filler(40, 200), BEFORE_LINE, second, after2, ...filler(300, 30)].join('\n');
}

function sel(text: string, words: string, n = 0) {
  const s = at(text, words, n);
  return describe(text, s, s + words.length);
}

suite('a passage opening with its speaker, printed bare elsewhere', () => {
  const old = longRead(SAID, BARE, AFTER_SAID);

  it('is not placed on the bare printing when its own is split by the attribution', () => {
    const split = `“${LINE_A}，”张某说，“${LINE_B}。”`;
    const neu = longRead(split, BARE, AFTER_MOVED);
    const [a] = anchorAll(neu, [sel(old, SAID)]);
    const bare = at(neu, BARE);
    // Never on the other printing's words (an orphan, or the split printing itself).
    if (a) expect(a.end <= bare || a.start >= bare + BARE.length).toBe(true);
    if (a) expect(neu.slice(a.start, a.end)).toContain('张某');
  });

  it('is placed where the attribution moved behind the quotation (the speaker kept beside it)', () => {
    const moved = `“${LINE_A}，${LINE_B}，”张某说。`;
    const neu = [...filler(0, 30), BEFORE_LINE, moved, AFTER_LINE, ...filler(40, 30)].join('\n');
    const oldOne = [...filler(0, 30), BEFORE_LINE, SAID, AFTER_LINE, ...filler(40, 30)].join('\n');
    const [a] = anchorAll(neu, [sel(oldOne, SAID)]);
    expect(a).not.toBeNull();
    const start = at(neu, moved);
    expect(a!.start).toBeGreaterThanOrEqual(start);
    expect(a!.end).toBeLessThanOrEqual(start + moved.length);
  });

  it('is placed where the attribution was rewritten before the words (张某表示，)', () => {
    const rewritten = `张某表示，${BARE}`;
    const neu = [...filler(0, 30), BEFORE_LINE, rewritten, AFTER_LINE, ...filler(40, 30)].join('\n');
    const oldOne = [...filler(0, 30), BEFORE_LINE, SAID, AFTER_LINE, ...filler(40, 30)].join('\n');
    const [a] = anchorAll(neu, [sel(oldOne, SAID)]);
    expect(a).not.toBeNull();
    expect(a!.start).toBeGreaterThanOrEqual(at(neu, rewritten));
  });
});

/*
 * A 专题 page printing the article and, after it, an abridged copy of its first paragraphs: every
 * passage there is held twice with its whole stored context, so the first pass guesses a copy by
 * its old position. The nearest sure neighbour stands on one side only (the text's start on the
 * other) and moved otherwise (a paragraph dropped between), so nothing confirmed the guess.
 * farbracket.ts (loneCopyInFrame, now for a quote the old text held once): the frame from the
 * text's start to that neighbour held the passage alone and did not grow; its one copy is the
 * passage. Two copies inside the frame (a head repeating the words) leave the orphan.
 */
const LIB = [
  '据本报记者报道，城西新建的社区图书馆昨天正式开馆，首日接待读者一千二百多人次。',
  '图书馆设有少儿阅览区和自习区，馆内藏书四万余册，周末还将开设亲子绘本课。',
  '开馆仪式上，几位老读者捐出了自己珍藏多年的地方志，馆方为他们颁发了证书。',
  '馆长介绍，图书馆实行通借通还，读者凭社保卡即可在全市任何一个分馆借书。',
  '据悉，图书馆下一步还将引入自助借还设备，方便上班族夜间借阅图书。',
];
const LIB_OLD = LIB.join('\n');
const ARTICLE = [LIB[0]!, LIB[1]!, LIB[3]!, LIB[4]!];
const DIGEST = [LIB[0]!, LIB[1]!];
const PASSAGE = '少儿阅览区和自习区';
const NEIGHBOURS = ['读者凭社保卡即可在全市任何一个分馆借书', '方便上班族夜间借阅图书'];

suite('a passage held once, printed twice by a 专题 after the article', () => {
  const sels = [PASSAGE, ...NEIGHBOURS].map((w) => sel(LIB_OLD, w));

  it('is placed on the one copy between the text start and its sure neighbour', () => {
    const neu = ['专题｜一线调研', ...ARTICLE, '相关报道：一图读懂本周要闻', ...DIGEST, '（本专题由编辑部整理）'].join('\n');
    const [a, b] = anchorAll(neu, sels);
    expect(b).toMatchObject({ start: at(neu, NEIGHBOURS[0]!) });
    expect(a).toMatchObject({ start: at(neu, PASSAGE, 0), end: at(neu, PASSAGE, 0) + PASSAGE.length });
  });

  it('is left an orphan when a head inside the frame repeats its words (two copies there)', () => {
    const neu = [`专题｜${PASSAGE}开放`, ...ARTICLE, '相关报道：一图读懂本周要闻', ...DIGEST, '（本专题由编辑部整理）'].join('\n');
    const [a] = anchorAll(neu, sels);
    expect(a).toBeNull();
  });
});
