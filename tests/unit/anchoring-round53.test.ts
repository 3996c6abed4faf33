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
import { labelFree } from '../../shared/anchoring/relabelled';
import { relabelledOneSide } from '../../shared/anchoring/relabelledside';
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

/*
 * An interview reprinted in another house style and abridged (every second paragraph dropped): a
 * highlight that began with its paragraph's label (问：…？) has the label restyled and the paragraph
 * its stored prefix held dropped, so the whole label-free context (relabelled.ts) stands nowhere.
 * relabelledside.ts: the label-free quote with the rest of its own paragraph, found once at a
 * paragraph's head, between its placed neighbours. Refused where the old text held a look-alike
 * differing in its labels (the interview printed twice, labels alternating otherwise).
 */
const TALK = [
  '小区加装电梯这件事，居民们议论了整整两年。',
  '问：当初为什么决定先在三号楼试点？',
  '答：三号楼住的老人最多，六楼以上就有十一户，下楼买菜都要歇两回。',
  '问：试点以后，居民的费用是怎么分摊的？',
  '答：按楼层分摊，一楼不出钱，越往上出得越多，政府补贴了一半的工程款。',
  '问：施工期间有没有遇到反对意见？记者了解到，施工队每天傍晚六点准时收工，周末也不打夜班。',
  '答：有，二楼的一户担心采光，我们把电梯井挪开了半米，又请设计院出了日照报告。',
  '问：下一步还有哪些楼准备加装？街道已经把申请表放到了各个楼道口，居民可以自愿报名。',
  '答：五号楼和七号楼已经报名，明年开春就能开工。',
];
const restyled = (p: string) => p.replace(/^问：/u, '**记者**：').replace(/^答：/u, '**周主任**：');
const abridged = TALK.filter((_, i) => i < 2 || i % 2 === 1).map(restyled);
const ASKED = '问：施工期间有没有遇到反对意见？';
/** The interview printed twice, its labels alternating the other way in the second printing. */
const swapped = (p: string) => p.replace(/^问：/u, '甲：').replace(/^答：/u, '问：').replace(/^甲：/u, '答：');

suite('a relabelled question whose neighbouring paragraph an abridged reprint dropped', () => {
  it('is placed on its words with the rest of its paragraph, between its placed neighbours', () => {
    const old = TALK.join('\n');
    const neu = abridged.join('\n');
    const [a, b, c] = anchorAll(
      neu,
      [ASKED, '当初为什么决定先在三号楼试点', '街道已经把申请表放到了各个楼道口'].map((w) => sel(old, w)),
    );
    expect(b).not.toBeNull();
    expect(c).not.toBeNull();
    const words = ASKED.slice(2);
    expect(a).toMatchObject({ start: at(neu, words), end: at(neu, words) + words.length });
  });

  it('is not placed where the old text held the paragraph again under the other label', () => {
    const plain = TALK.join('\n');
    const twice = [...TALK, '——往期访谈——', ...TALK.map(swapped)].join('\n');
    // Only the second printing's copy stands in the new text (the first printing's paragraph gone).
    const neu = [...abridged.filter((p) => !p.includes('施工期间')), '——往期访谈——', ...TALK.map(swapped).map(restyled)].join('\n');
    const form = () => labelFree(neu, true);
    expect(relabelledOneSide(form, sel(plain, ASKED))).not.toBeNull();
    expect(relabelledOneSide(form, sel(twice, ASKED))).toBeNull();
  });
});

suite('a spoken filler at a passage head is no speaker (speaker.ts)', () => {
  it('places a sentence begun with 就是说， where a transcript edit dropped the filler', () => {
    const body = '社区食堂每天中午供应两荤两素，六十岁以上的老人凭卡打八折。';
    const oldText = [...filler(0, 6), `就是说，${body}`, ...filler(10, 6)].join('\n');
    const neu = [...filler(0, 6), body, ...filler(10, 6)].join('\n');
    const [a] = anchorAll(neu, [sel(oldText, `就是说，${body}`)]);
    expect(a).not.toBeNull();
    expect(neu.slice(a!.start, a!.end)).toContain(body.slice(0, 10));
  });
});
