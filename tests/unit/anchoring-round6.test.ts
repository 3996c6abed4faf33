/**
 * Issue 12 item 4, sixth round: kinds of wrong placement seen on generated seeds 60001–60060 and
 * prose seeds 600–660, each built by hand here, plus the judge's reading of a slid deletion.
 * The bench (tests/bench/anchoring.ts) measures them on generated edits.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { assemble, judgeSurvival, slidDeletion, survives, truth, wordsOf } from '../fixtures/anchoring-corpus';
import { at, FILLER, filler as fillerFrom } from './helpers/anchoring-text';

/** The first eight filler paragraphs: the texts these cases were built on. */
const POOL = FILLER.slice(0, 8);
const filler = (from: number, count: number) => fillerFrom(from, count, POOL);

/** A highlight on the first 12 units after `phrase`'s first 2, as a neighbour to the passage. */
function near(text: string, phrase: string) {
  const p = at(text, phrase);
  return describe(text, p + 2, p + 14);
}

suite('copies the stored context cannot tell apart', () => {
  // A sentence longer than quote + 64 units, pasted into three paragraphs: every copy has the
  // same 32 units before and after the quote, so only the position can choose among them.
  const LONG =
    '各级党委和政府以及各级领导干部要切实强化制度意识，带头维护制度权威，做制度执行的表率，确保党和国家重大决策部署、重大工作安排都按照制度要求落到实处，切实防止各自为政、标准不一、宽严失度等问题的发生。';
  const Q = '确保党和国家重大决策部署、重大工作安排';
  const paras = [
    ...filler(0, 3),
    `会议指出，${LONG}大家一致同意。`,
    ...filler(3, 6),
    `座谈会上，${LONG}与会同志作了发言。`,
    '驻村第一书记带着大家把问题清单逐条核对，一项一项落实到人。',
    ...filler(9, 6),
    `调研报告写道，${LONG}这一条写进了制度汇编。`,
    ...filler(15, 3),
  ];
  const old = paras.join('\n');
  const own = at(old, LONG, 1) + LONG.indexOf(Q);
  const selector = describe(old, own, own + Q.length);
  const ownPara = paras.findIndex((p) => p.startsWith('座谈会上'));
  // Placed neighbours: a paragraph before the passage's and the one right after it.
  const selectors = [near(old, filler(7, 1)[0]!), selector, near(old, '驻村第一书记')];

  it('orphans the passage when its own copy is deleted and the neighbours say where it was', () => {
    const edited = paras.filter((_, i) => i !== ownPara).join('\n');
    expect(edited.split(Q).length - 1).toBe(2);
    const found = anchorAll(edited, selectors);
    expect(found[0]).not.toBeNull();
    expect(found[2]).not.toBeNull();
    expect(found[1]).toBeNull();
  });

  it('orphans it when its own copy is deleted along with a block that parts the neighbours', () => {
    // Paragraphs before it deleted too: the neighbours moved by different amounts, no window is
    // certain, and the copy chosen by position alone is outside what either allows.
    const edited = paras.filter((_, i) => i !== ownPara && !(i >= 4 && i <= 6)).join('\n');
    const found = anchorAll(edited, selectors);
    expect(found[0]).not.toBeNull();
    expect(found[2]).not.toBeNull();
    expect(found[1]).toBeNull();
  });

  it('still finds its own copy, moved by text deleted before it, between its neighbours', () => {
    const edited = paras.filter((_, i) => i !== 1 && i !== 2).join('\n');
    const want = at(edited, LONG, 1) + LONG.indexOf(Q);
    expect(anchorAll(edited, selectors)[1]).toMatchObject({ start: want, end: want + Q.length });
  });
});

suite('the judge: a deletion that can be slid onto a copy', () => {
  // Old: copy A ends paragraph 1; the passage's own copy ends paragraph 3; paragraphs 2 and 3
  // are deleted. The new text "…A的句子。\n第四段…" is the same whether paragraph 3's copy or A's
  // went with the deleted block: a placement on the copy left is not wrong.
  const S = '第7期讲习所以“科技创新”为题，东山镇的18名同志作了交流发言；';
  const p1 = `此外，宣传部门在人才培养方面还存在2个短板，需要拓展。${S}`;
  const p2 = '机关各部门主动把理论学习同制度创新结合起来，做到推进有力、优化有序。';
  const p3 = `第5期流动课堂以“水利建设”为题，松林乡的32名同志作了交流发言；${S}`;
  const p4 = '第9期座谈会以“基层治理”为题，东山镇的56名同志作了交流发言。';
  const old = [p1, p2, p3, p4].join('\n');
  const start = at(old, S, 1) + S.indexOf('山镇的18');
  const end = start + 5;
  const p4At = at(old, p4);
  // Keep paragraph 1 with its line break, then paragraph 4.
  const edited = assemble(old, [
    { from: 0, to: p1.length + 1 },
    { from: p4At, to: old.length },
  ]);
  const placedAt = edited.text.indexOf('山镇的18');

  it('reads the copy left as the passage with the block before it deleted', () => {
    const t = truth(edited, start, end);
    expect(t.kind).toBe('destroyed');
    expect(survives(edited, t, start, end)).toBe(false);
    const w = wordsOf(old, edited, { start, end });
    const result = { start: placedAt, end: placedAt + 5 };
    expect(slidDeletion(result, w)).toBe(true);
    expect(judgeSurvival(t, false, end - start, result, w)).toBe('right');
  });

  it('still calls a copy wrong when the text after it is not the passage’s own', () => {
    // Paragraph 4 deleted as well: the copy is followed by nothing of the passage's own.
    const alone = assemble(old, [{ from: 0, to: p1.length }]);
    const at1 = alone.text.indexOf('山镇的18');
    const w = wordsOf(old, alone, { start, end });
    const result = { start: at1, end: at1 + 5 };
    expect(slidDeletion(result, w)).toBe(false);
    expect(judgeSurvival(truth(alone, start, end), false, end - start, result, w)).toBe('wrong');
  });
});

suite('inserted words that repeat the passage’s own edges', () => {
  it('orphans a passage whose head is pushed away by inserted look-alike words, not mark the look-alike', () => {
    // Template words were inserted inside the highlight; they end like the stored prefix ("…结合
    // 起来，做") and go on like the quote's head ("到…有力、…有"), so a shorter extent over the
    // inserted words and the quote's tail matches well enough. The stored prefix's own last 8
    // units still stand right before the quote's real head, a little earlier: the passage's true
    // extent holds all the inserted words (57 of 73 units), too many to place it.
    const q =
      '到落实有力、深化有序。第12期夜校以“人才培养”为题，南湖街道的33名同志作了交流发言；正如《乡土调研手记》里所写：“学而不思则罔。”县乡两级深有';
    const head = '街道社区切实把安全生产同人才培养结合起来，做';
    const tail = '同感，要梳理数字化转型。同时，宣传部门在乡村振兴方面还存在8个短板，需要健全。';
    const paras = [...filler(0, 4), '我们要把人才培养同理论学习结合起来，做到拓展有力、抓好有序。', `${head}${q}${tail}`, ...filler(4, 60)];
    const old = paras.join('\n');
    const start = at(old, q);
    const selector = describe(old, start, start + q.length);
    const inserted = '要把营商环境作为长期课题，要推进耕地保护和理论学习。宣传部门始终把风险防控同水利建设结合起来，做到优化有力、推进有';
    const cut = q.indexOf('养”为题');
    const edited = old.slice(0, start + cut) + inserted + old.slice(start + cut);
    expect(anchorAll(edited, [selector])[0]).toBeNull();
    // The same passage with only its own few words changed is still found.
    const light = old.replace('深化有序', '巩固有序');
    expect(anchorAll(light, [selector])[0]).toMatchObject({ start, end: start + q.length });
  });
});

suite('the judge: what a 1–4-unit quote needs to survive', () => {
  const p1 = '有人利用漏洞劫持用户身份';
  const p2 = '第十七条上级监察机关可以将其所管辖的监察事项指定下级监察机关管辖。';
  const old = `${p1}\n${p2}`;
  const start = p1.indexOf('身份');
  const end = start + 2;

  it('does not count the next paragraph’s first words as the quote’s kept context', () => {
    // Words inserted right before the quote; all that still follows it is the next paragraph.
    const edited = assemble(old, [{ from: 0, to: start }, { insert: '她说' }, { from: start, to: old.length }]);
    const t = truth(edited, start, end);
    expect(t.kind).toBe('intact');
    expect(survives(edited, t, start, end)).toBe(false);
    expect(survives(edited, t, start, end, true)).toBe(true);
  });

  it('counts 8 kept units of its own paragraph', () => {
    const edited = assemble(old, [{ from: 0, to: end }, { insert: '信息' }, { from: end, to: old.length }]);
    const t = truth(edited, start, end);
    expect(survives(edited, t, start, end)).toBe(true);
  });
});
