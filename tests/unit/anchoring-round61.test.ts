/**
 * Issue 12 item 4, round 61: placements on a 摘要 copy of the opening (anchoring-outside18.ts,
 * kind zhaiyao). A CMS prints the body's opening on top, cut short, its lines run together; the
 * passage near the opening then stands twice, and the copy keeping the old paragraph break is the
 * passage's (joinedcopy.ts). Our own made-up text.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { joinedCopyAnchor } from '../../shared/anchoring/joinedcopy';

const L0 = '城东社区办起了夜间读书角';
const L1 = '每到傍晚，退休教师王老师就会把一箱旧书搬到活动室门口，邻居们陆续赶来翻看。';
const L2 = '“书不在多，有人读就好。”王老师说，读书角开办半年来已经借出图书三百多册，还办了四次分享会。';
const REST = [
  '社区工作人员介绍，活动室原本是一间堆放杂物的仓库，去年秋天经过简单整修后才对外开放。',
  '不少年轻家长也带着孩子来读绘本，周末的时候常常坐满了人，大家轻声交谈，互相推荐好书。',
  '下一步，社区打算和附近的中学合作，请语文老师定期来讲一讲怎样读一本书，把读书角办得更久。',
];
const OLD = [L0, L1, L2, ...REST].join('\n');

/** The opening with its breaks dropped, cut at `cut` units, led by `label` and closed with ……. */
function summary(label: string, cut: number): string {
  return `${label}${[L0, L1, L2].join('').slice(0, cut)}……`;
}

function place(old: string, next: string, start: number, end: number) {
  const s = describe(old, start, end);
  const [a] = anchorAll(next, [s]);
  return a ? next.slice(a.start, a.end) + '@' + a.start : null;
}

suite('a passage near the opening, copied into a 摘要 with its lines joined', () => {
  it('a paragraph start goes to the body copy that keeps the break, not the summary', () => {
    const next = [summary('摘要：', 100), L0, L1, '【本文要点】社区活动室改成了读书角。', L2, ...REST].join('\n');
    const q = '“书不在多，有人读';
    const at = OLD.indexOf(q);
    expect(place(OLD, next, at, at + q.length)).toBe(`${q}@${next.indexOf(`\n${q}`) + 1}`);
  });

  it('a passage over a break the body reworded is an orphan, not placed on the joined summary', () => {
    const edited = L2.replace('书不在多', '书籍不在多少');
    const next = [summary('摘要：', 70), L0, L1, edited, ...REST].join('\n');
    const q = '邻居们陆续赶来翻看。\n“书不在多';
    const at = OLD.indexOf(q);
    expect(place(OLD, next, at, at + q.length)).toBeNull();
  });

  it('a passage over a break the revision joined in place (no other copy) is still placed', () => {
    const next = [L0, L1 + L2, ...REST].join('\n');
    const q = '邻居们陆续赶来翻看。\n“书不在多';
    const at = OLD.indexOf(q);
    const joined = q.replace('\n', '');
    expect(place(OLD, next, at, at + q.length)).toBe(`${joined}@${next.indexOf(joined)}`);
  });
});

suite('joinedCopyAnchor', () => {
  const q = '“书不在多，有人读';
  const at = OLD.indexOf(q);
  const s = describe(OLD, at, at + q.length);

  it('moves a placement on the joined copy to the one copy keeping the break', () => {
    const next = [summary('摘要：', 70), L0, L1, L2].join('\n');
    const joined = next.indexOf(q);
    const body = next.indexOf(`\n${q}`) + 1;
    expect(joined).toBeLessThan(body);
    expect(joinedCopyAnchor(next, s, { start: joined, end: joined + q.length, score: 0.9 })).toEqual({
      start: body,
      end: body + q.length,
      score: 0.9,
    });
  });

  it('leaves an orphan where two copies keep the break alike (nothing tells them apart)', () => {
    const next = [summary('摘要：', 70), L0, L1, L2, L0, L1, L2].join('\n');
    const joined = next.indexOf(q);
    expect(joinedCopyAnchor(next, s, { start: joined, end: joined + q.length, score: 0.9 })).toBeNull();
  });

  it("moves the article's first words off the summary (the old text's start counts as a break)", () => {
    const first = describe(OLD, 0, 6);
    const next = [summary('简介：', 60), L0, L1, L2].join('\n');
    const body = next.indexOf(`\n${L0}`) + 1;
    expect(joinedCopyAnchor(next, first, { start: 3, end: 9, score: 0.9 })).toEqual({ start: body, end: body + 6, score: 0.9 });
  });

  it('keeps a passage over breaks joined in place, though a short caption of it stands elsewhere on its own line', () => {
    const cap = '图为社区读书角一角';
    const old = [L1, cap, L2, REST[0], cap, REST[1]].join('\n');
    const quote = `${cap}\n“书不在多`;
    const from = old.indexOf(quote);
    const sel = describe(old, from, from + quote.length);
    const next = [L1 + cap + L2, REST[0], cap, REST[1]].join('\n');
    const start = next.indexOf(`${cap}“书不在多`);
    const a = { start, end: start + quote.length - 1, score: 0.9 };
    expect(joinedCopyAnchor(next, sel, a)).toBe(a);
  });

  it('leaves a placement that keeps its break alone', () => {
    const next = [summary('摘要：', 70), L0, L1, L2].join('\n');
    const body = next.indexOf(`\n${q}`) + 1;
    const a = { start: body, end: body + q.length, score: 1 };
    expect(joinedCopyAnchor(next, s, a)).toBe(a);
  });
});
