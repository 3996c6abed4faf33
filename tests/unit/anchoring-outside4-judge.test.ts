// The fourth outside anchoring bench's judge on hand-made texts: edits are tracked unit by unit
// and each verdict follows the definitions in tests/bench/anchoring-outside4-judge.ts.
import { describe, expect, it } from 'vitest';
import { applyEdits, insertAt, judge, mapping, track, type Tracked } from '../bench/anchoring-outside4-judge';

const OLD = '第九条　甲方应当按期交付。\n第十条　乙方负责验收，验收合格后付款。\n双方要落实责任，共同推进工作。';

function judged(oldText: string, doc: Tracked, quote: string, placed: { start: number; end: number } | null, nth = 0) {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = oldText.indexOf(quote, start + 1);
  expect(start).toBeGreaterThanOrEqual(0);
  return judge(oldText, doc, mapping(oldText, doc), start, start + quote.length, placed);
}

const at = (doc: Tracked, words: string, nth = 0): { start: number; end: number } => {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = doc.text.indexOf(words, start + 1);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + words.length };
};

describe('tracked edits', () => {
  it('pairs the changed middle of a replacement and keeps head and tail', () => {
    const doc = applyEdits(track(OLD), [{ start: 1, end: 2, insert: '十' }]); // 第九条 → 第十条
    expect(doc.text.startsWith('第十条')).toBe(true);
    expect(Array.from(doc.origin.slice(0, 3))).toEqual([0, 1, 2]);
    const map = mapping(OLD, doc);
    expect([map.identical[0], map.identical[1], map.identical[2]]).toEqual([1, 0, 1]);
  });

  it('keeps the common tail of a longer replacement and marks the head inserted', () => {
    const i = OLD.indexOf('落实');
    const doc = applyEdits(track(OLD), [{ start: i, end: i + 2, insert: '贯彻落实' }]);
    expect(doc.text).toContain('双方要贯彻落实责任');
    expect(Array.from(doc.origin.slice(i, i + 4))).toEqual([-1, -1, i, i + 1]);
  });

  it('lengthens a numeral with the extra unit inserted: 第十条 → 第十一条', () => {
    const i = OLD.indexOf('第十条');
    const doc = applyEdits(track(OLD), [{ start: i + 1, end: i + 2, insert: '十一' }]);
    expect(doc.text).toContain('第十一条');
    expect(Array.from(doc.origin.slice(i, i + 4))).toEqual([i, i + 1, -1, i + 2]);
  });

  it('composes revisions: a unit keeps its first origin through two edits', () => {
    const first = applyEdits(track(OLD), [insertAt(0, '【更正】\n')]);
    const i = first.text.indexOf('甲方');
    const second = applyEdits(first, [{ start: i, end: i + 2, insert: '甲方单位' }]);
    expect(second.origin[second.text.indexOf('甲方')]).toBe(OLD.indexOf('甲方'));
    expect(second.origin[0]).toBe(-1);
  });

  it('refuses overlapping edits', () => {
    expect(() =>
      applyEdits(track(OLD), [
        { start: 0, end: 3, insert: 'x' },
        { start: 2, end: 4, insert: 'y' },
      ]),
    ).toThrow(/overlapping/);
  });
});

describe('verdicts', () => {
  // The revision: a new article inserted before 第十条, which becomes 第十一条; 要 → 必须.
  const tenth = OLD.indexOf('第十条');
  const must = OLD.indexOf('要落实');
  const doc = applyEdits(track(OLD), [
    insertAt(tenth, '第十条　丙方提供场地。\n'),
    { start: tenth + 1, end: tenth + 2, insert: '十一' },
    { start: must, end: must + 1, insert: '必须' },
  ]);

  it('RIGHT: the passage placed on its own words after the renumbering', () => {
    expect(doc.text).toContain('第十一条　乙方负责验收');
    expect(judged(OLD, doc, '乙方负责验收', at(doc, '乙方负责验收')).verdict).toBe('right');
    // an inserted unit inside the passage is part of it: 第十条 → 第十一条
    expect(judged(OLD, doc, '第十条　乙方', at(doc, '第十一条　乙方')).verdict).toBe('right');
  });

  it('RIGHT with an insertion at the edge: 要落实 placed as 必须落实', () => {
    expect(judged(OLD, doc, '要落实责任', at(doc, '必须落实责任')).verdict).toBe('right');
  });

  it('WRONG: placed on the inserted article that reads like the old one', () => {
    const j = judged(OLD, doc, '第十条', at(doc, '第十条'));
    expect(j.surviving).toBe(true);
    expect(j.verdict).toBe('wrong');
  });

  it('WRONG: placed on another copy of the words', () => {
    expect(judged(OLD, doc, '验收', at(doc, '验收', 1)).verdict).toBe('wrong'); // the second 验收
    expect(judged(OLD, doc, '验收', at(doc, '验收', 0)).verdict).toBe('right');
  });

  it('PARTIAL: on its words but covering too little of them', () => {
    expect(judged(OLD, doc, '验收合格后付款', at(doc, '合格')).verdict).toBe('partial');
  });

  it('MISS: a surviving passage left unplaced', () => {
    expect(judged(OLD, doc, '甲方应当按期交付', null).verdict).toBe('miss');
  });

  it('LOST: a one-unit word rewritten; placed on its remains it is tolerated, elsewhere wrong', () => {
    const lost = judged(OLD, doc, '要', null);
    expect(lost.surviving).toBe(false);
    expect(lost.verdict).toBe('lost');
    expect(judged(OLD, doc, '要', at(doc, '必须')).verdict).toBe('on_remains');
    expect(judged(OLD, doc, '要', at(doc, '甲方')).verdict).toBe('wrong');
  });

  it('LOST: deleted words placed anywhere are wrong', () => {
    const i = OLD.indexOf('共同推进');
    const cut = applyEdits(track(OLD), [{ start: i, end: i + 4, insert: '' }]);
    const j = judged(OLD, cut, '共同推进', at(cut, '工作'));
    expect(j.hull).toBeNull();
    expect(j.verdict).toBe('wrong');
  });

  it('a span across a break split by a longer inserted paragraph does not survive', () => {
    const span = '交付。\n第十条';
    const j = judged(OLD, doc, span, null);
    expect(j.surviving).toBe(false);
    // a short insertion inside a span keeps it surviving
    const nl = OLD.indexOf('\n');
    const small = applyEdits(track(OLD), [insertAt(nl + 1, '注：')]);
    expect(judged(OLD, small, span, null).surviving).toBe(true);
  });

  it('blank units count for nothing: an added space or zero-width space leaves a passage RIGHT', () => {
    const i = OLD.indexOf('按期');
    const spaced = applyEdits(track(OLD), [insertAt(i + 1, '\u200b'), insertAt(i + 2, ' ')]);
    expect(judged(OLD, spaced, '按期交付', at(spaced, '按\u200b期 交付')).verdict).toBe('right');
  });
});
