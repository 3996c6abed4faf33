/**
 * Issue 12 item 4, round 50 (the fifteenth and fourteenth outside benches' twin printings): a long
 * article holds one page twice, and an edit next to the passage's own printing (a separator line
 * after its paragraph; quotation marks opening its lines while a left-out line is written back
 * beside the twin) leaves the twin's surroundings reading as much like the stored context as the
 * passage's own copy, or more. twinorder.ts: a quote held past the count (a figure) on a far twin
 * read no better than the twin was in the old text is in doubt, placed only where its neighbours
 * put it; a neighbour placed among its own copies by context is no second witness for a copy in
 * doubt; two passages of different old words placed on one place keep only the one of its rank.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { documentFor, toNormalised } from '../../shared/anchoring/doc';
import { placedByContextAmongCopies, rankHolders } from '../../shared/anchoring/twinorder';
import { at, filler } from './helpers/anchoring-text';

// Our own travel notice, printed twice in a long article: a timetable opens the article and holds
// the figure 6 more often than copies are counted; numbered filler paragraphs lie between.
const TABLE = Array.from({ length: 70 }, (_, i) => `班次${i + 1}：6号站台发车。`);
const TRIP = [
  '海上假期专栏：本周可以预订的邮轮航线一览',
  '★11月25日出发的游轮航线共有6晚7天行程；',
  '★旅客也可以改在月底出发，到海边小城体验当地风情。',
];
const old = [...TABLE, ...filler(0, 500), ...TRIP, ...filler(500, 95), ...TRIP, ...filler(595, 20)].join('\n');

function sel(text: string, words: string, n = 0) {
  const s = at(text, words, n);
  return describe(text, s, s + words.length);
}

/** The figure 6 of the `n`th printing's 6晚. */
function figure(n: number) {
  const s = at(old, '共有6晚', n) + 2;
  return describe(old, s, s + 1);
}

/** A line written on top and a separator line after the `n`th printing's figure line. */
function separated(n: number): string {
  const top = '本文于今日更新。\n' + old;
  const line = at(top, TRIP[1]! + '\n', n) + TRIP[1]!.length + 1;
  return top.slice(0, line) + '◇◇◇\n' + top.slice(line);
}

suite('a figure of a page printed twice, a separator after its own printing', () => {
  const neu = separated(0);

  it('does not place the figure on the far twin that kept the stored context', () => {
    const [a] = anchorAll(neu, [figure(0)]);
    // The twin's figure reads the whole stored context; the passage's own lost its suffix.
    expect(a?.start).not.toBe(at(neu, '共有6晚', 1) + 2);
    expect(a).toBeNull();
  });

  it('places it on its own printing where the passages before and after it went', () => {
    const placed = anchorAll(neu, [sel(old, '第498段'), figure(0), sel(old, '第501段')]);
    expect(placed[1]?.start).toBe(at(neu, '共有6晚', 0) + 2);
  });

  it('still places the far printing’s figure when the separator came after the near one', () => {
    const other = separated(0);
    const placed = anchorAll(other, [sel(old, '第590段'), figure(1), sel(old, '第596段')]);
    expect(placed[1]?.start).toBe(at(other, '共有6晚', 1) + 2);
  });
});

suite('a figure of a page printed twice, the passage’s own edited away and the twin’s edited into it', () => {
  // The first printing wrote the figure, the second the numeral; the revision swapped them.
  const numeral = TRIP[1]!.replace('6晚', '六晚');
  const mixed = [...TABLE, ...filler(0, 500), ...TRIP, ...filler(500, 95), TRIP[0]!, numeral, TRIP[2]!, ...filler(595, 20)].join('\n');
  const own = at(mixed, '共有6晚') + 2;
  const passage = describe(mixed, own, own + 1);

  it('leaves an orphan, not the twin that now reads the stored context, while its own printing stands', () => {
    const swapped = mixed.replace(TRIP[1]!, '＠').replace(numeral, TRIP[1]!).replace('＠', numeral);
    expect(anchorAll(swapped, [passage])[0]).toBeNull();
  });

  it('still places it far away when its whole paragraph block moved there (its surroundings along)', () => {
    const block = TRIP.join('\n') + '\n';
    const cut = mixed.replace(block, '');
    const there = cut.indexOf(filler(610, 1)[0]!);
    const moved = cut.slice(0, there) + block + cut.slice(there);
    expect(anchorAll(moved, [passage])[0]?.start).toBe(at(moved, '共有6晚') + 2);
  });
});

// A short listing printed twice, a few lines apart: two readers' highlights of one line.
const LIST = ['甲组先到礼堂签到', '乙组成员名单见附页', '丙组负责布置会场'];
const twice = [...filler(0, 2), ...LIST, ...filler(2, 2), '那么名单可能改成这样：', ...LIST, ...filler(4, 2)].join('\n');

suite('neighbours and places among copies (twinorder.ts)', () => {
  const doc = documentFor(twice);
  const norm = (raw: number) => toNormalised(doc, raw);
  const span = (words: string, n: number) => ({ start: at(twice, words, n), end: at(twice, words, n) + words.length });

  it('counts a neighbour placed on the copy of its own rank as a witness, one on the other copy not', () => {
    const second = sel(twice, '乙组成员名单', 1);
    expect(second.copies).toBe(1);
    expect(placedByContextAmongCopies(doc, second, norm(at(twice, '乙组成员名单', 1)), span('乙组成员名单', 1))).toBe(false);
    expect(placedByContextAmongCopies(doc, second, norm(at(twice, '乙组成员名单', 0)), span('乙组成员名单', 0))).toBe(true);
  });

  it('counts a neighbour whose words the old text held once as a witness', () => {
    const once = sel(twice, '那么名单可能改成这样');
    expect(once.copies).toBe(0);
    expect(placedByContextAmongCopies(doc, once, norm(at(twice, '那么名单可能改成这样')), span('那么名单可能改成这样', 0))).toBe(false);
  });

  it('counts one on another copy in its own old paragraph, told apart from the twin’s, as a witness (blocks reordered)', () => {
    // Two answers quote one figure; their paragraphs differ. The answers swapped places.
    const A = '答：今年共接待游客三万人次，比去年多两成。';
    const B = '答：三万人次的目标提前完成，景区将继续限流。';
    const before = [...filler(0, 2), A, ...filler(2, 2), B, ...filler(4, 2)].join('\n');
    const after = [...filler(0, 2), B, ...filler(2, 2), A, ...filler(4, 2)].join('\n');
    const t = sel(before, '三万人次', 1);
    expect(t.copies).toBe(1);
    const d = documentFor(after);
    const moved = at(after, '三万人次', 0);
    expect(placedByContextAmongCopies(d, t, toNormalised(d, moved), { start: moved, end: moved + 4 })).toBe(false);
  });

  it('keeps on one place only the passage whose rank the place is', () => {
    const selectors = [sel(twice, '乙组成员名单', 0), sel(twice, '乙组成员名单', 1)];
    const place = at(twice, '乙组成员名单', 0);
    const both = [
      { start: place, end: place + 6 },
      { start: place, end: place + 6 },
    ];
    expect([...rankHolders(doc, [0, 1], selectors, both)]).toEqual([selectors[0]!.start]);
  });

  it('keeps none when the count of copies changed (a copy added: ranks say nothing)', () => {
    const more = twice + '\n乙组成员名单';
    const moreDoc = documentFor(more);
    const selectors = [sel(twice, '乙组成员名单', 0), sel(twice, '乙组成员名单', 1)];
    const place = at(more, '乙组成员名单', 0);
    const both = [
      { start: place, end: place + 6 },
      { start: place, end: place + 6 },
    ];
    expect(rankHolders(moreDoc, [0, 1], selectors, both).size).toBe(0);
  });
});
