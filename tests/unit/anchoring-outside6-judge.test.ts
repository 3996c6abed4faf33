// The sixth outside anchoring bench's judge on hand-made texts: every unit is tracked through the
// edit, and each verdict follows the definitions in tests/bench/anchoring-outside6-judge.ts.
import { describe, expect, it } from 'vitest';
import { applyEdits, editPct, judge, positions, tracked } from '../bench/anchoring-outside6-judge';

const OLD = '春天来了，燕子飞回北方。\n农民开始耕种，田野一片忙碌。';

function at(text: string, words: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`not found: ${words}`);
  return { start, end: start + words.length };
}

describe('tracking units through edits', () => {
  it('keeps old units, marks written ones and keeps the order of insertions at one place', () => {
    const t = applyEdits(tracked(OLD), [
      { start: 2, end: 2, insert: 'B' },
      { start: 0, end: 0, insert: '①' },
      { start: 2, end: 2, insert: 'C' },
      { start: 5, end: 6, insert: '燕' },
    ]);
    expect(t.text).toBe('①春天BC来了，燕子飞回北方。\n农民开始耕种，田野一片忙碌。');
    expect(Array.from(t.src.slice(0, 10))).toEqual([-1, 0, 1, -1, -1, 2, 3, 4, -1, 6]);
    const pos = positions(t, OLD.length);
    expect(pos[5]).toBe(-1); // substituted: no longer the old unit
    expect(pos[6]).toBe(9);
  });

  it('a twin copy points at its origin, a move keeps the units themselves', () => {
    const clause = at(OLD, '燕子飞回北方。');
    const t = applyEdits(tracked(OLD), [{ start: clause.end, end: clause.end, copyFrom: clause.start, copyTo: clause.end, twin: true }]);
    expect(t.text.startsWith('春天来了，燕子飞回北方。燕子飞回北方。')).toBe(true);
    expect(t.src[clause.end]).toBe(-1);
    expect(t.copy[clause.end]).toBe(clause.start);
    expect(t.twin[clause.end]).toBe(1);

    const a = at(OLD, '春天来了，');
    const b = at(OLD, '燕子飞回北方。');
    const moved = applyEdits(tracked(OLD), [
      { start: a.start, end: a.end },
      { start: b.end, end: b.end, copyFrom: a.start, copyTo: a.end, move: true },
    ]);
    expect(moved.text.startsWith('燕子飞回北方。春天来了，')).toBe(true);
    expect(moved.src[7]).toBe(0);
    expect(editPct(moved, OLD.length)).toBeGreaterThan(0); // the moved units count as edited
  });

  it('refuses overlapping edits', () => {
    expect(() =>
      applyEdits(tracked(OLD), [
        { start: 0, end: 4 },
        { start: 2, end: 6 },
      ]),
    ).toThrow(/overlapping/u);
  });
});

describe('verdicts', () => {
  const h = at(OLD, '燕子飞回北方');

  it('RIGHT on its own units, with words inserted inside it', () => {
    const t = applyEdits(tracked(OLD), [{ start: h.start + 2, end: h.start + 2, insert: '🔥' }]);
    const pos = positions(t, OLD.length);
    const truth = at(t.text, '燕子🔥飞回北方');
    const j = judge(OLD, t, pos, h, truth);
    expect(j.verdict).toBe('right');
    expect(j.truth).toEqual(truth);
  });

  it('MISS when a surviving passage is not placed, LOST when its words are gone', () => {
    const t = tracked(OLD);
    expect(judge(OLD, t, positions(t, OLD.length), h, null).verdict).toBe('miss');
    const gone = applyEdits(tracked(OLD), [{ start: h.start, end: h.end - 1, insert: '大雁南' }]);
    const j = judge(OLD, gone, positions(gone, OLD.length), h, null);
    expect(j.surviving).toBe(false);
    expect(j.verdict).toBe('lost');
  });

  it('a 2-unit term survives only whole; 2 of 3 units are enough for a 3-unit one', () => {
    const term = at(OLD, '田野');
    const t = applyEdits(tracked(OLD), [{ start: term.start + 1, end: term.end, insert: '地' }]);
    expect(judge(OLD, t, positions(t, OLD.length), term, null).verdict).toBe('lost');
    const three = at(OLD, '北方。');
    const t3 = applyEdits(tracked(OLD), [{ start: three.start, end: three.start + 1, insert: '南' }]);
    expect(judge(OLD, t3, positions(t3, OLD.length), three, null).verdict).toBe('miss');
  });

  it('WRONG on other words, for a surviving passage and for a lost one', () => {
    const t = tracked(OLD);
    const other = at(OLD, '农民开始耕种');
    expect(judge(OLD, t, positions(t, OLD.length), h, other).verdict).toBe('wrong');
    const gone = applyEdits(tracked(OLD), [{ start: h.start, end: h.end }]);
    const otherNow = at(gone.text, '农民开始耕种');
    expect(judge(OLD, gone, positions(gone, OLD.length), h, otherNow).verdict).toBe('wrong');
  });

  it('LOST_ON_REMAINS for a lost passage placed on what is left of it', () => {
    const t = applyEdits(tracked(OLD), [{ start: h.start, end: h.start + 4, insert: '大雁' }]);
    const remains = at(t.text, '北方');
    expect(judge(OLD, t, positions(t, OLD.length), h, remains).verdict).toBe('lost_on_remains');
  });

  it('PARTIAL when too little of it, or too many other words, are placed', () => {
    const t = tracked(OLD);
    const pos = positions(t, OLD.length);
    expect(judge(OLD, t, pos, h, { start: h.start, end: h.start + 2 }).verdict).toBe('partial');
    expect(judge(OLD, t, pos, h, { start: 0, end: h.end }).verdict).toBe('partial');
    // Two units of slack (a mark either side) are still right.
    expect(judge(OLD, t, pos, h, { start: h.start - 1, end: h.end + 1 }).verdict).toBe('right');
  });

  it('RIGHT exactly on the true place even when a clause moved into it', () => {
    const span = at(OLD, '燕子飞回北方。\n农民');
    const moved = at(OLD, '田野一片忙碌。');
    const t = applyEdits(tracked(OLD), [
      { start: span.start + 7, end: span.start + 7, copyFrom: moved.start, copyTo: moved.end, move: true },
      { start: moved.start, end: moved.end },
    ]);
    expect(t.text).toBe('春天来了，燕子飞回北方。田野一片忙碌。\n农民开始耕种，');
    const pos = positions(t, OLD.length);
    const j = judge(OLD, t, pos, span, at(t.text, '燕子飞回北方。田野一片忙碌。\n农民'));
    expect(j.foreign).toBe(7);
    expect(j.verdict).toBe('right');
    // One unit more than the true place, with the same other words inside, is not.
    expect(judge(OLD, t, pos, span, at(t.text, '燕子飞回北方。田野一片忙碌。\n农民开')).verdict).toBe('partial');
  });

  it('RIGHT_TWIN on an accidental duplicate pasted right after it', () => {
    const t = applyEdits(tracked(OLD), [{ start: h.end, end: h.end, copyFrom: h.start, copyTo: h.end, twin: true }]);
    const pos = positions(t, OLD.length);
    const second = { start: h.end, end: h.end + (h.end - h.start) };
    expect(t.text.slice(second.start, second.end)).toBe('燕子飞回北方');
    expect(judge(OLD, t, pos, h, second).verdict).toBe('right_twin');
    // A copy that is not a twin (a recap quoting it) is other words.
    const recap = applyEdits(tracked(OLD), [{ start: OLD.length, end: OLD.length, copyFrom: h.start, copyTo: h.end }]);
    const onRecap = { start: OLD.length, end: OLD.length + (h.end - h.start) };
    expect(judge(OLD, recap, positions(recap, OLD.length), h, onRecap).verdict).toBe('wrong');
  });

  it('UNDECIDABLE only when the placed words and 100 units either side read as the truth', () => {
    const block = '甲乙丙丁戊己庚辛壬癸'.repeat(12);
    const old = `${block}\n${block}`;
    const t = tracked(old);
    const pos = positions(t, old.length);
    // The old text holds the block twice; in the middle of both the text around reads the same only far from the ends.
    const mine = { start: 0, end: 4 };
    const twin = { start: block.length + 1, end: block.length + 5 };
    expect(judge(old, t, pos, mine, twin).verdict).toBe('wrong');
    const same = 'ab'.repeat(200);
    const t2 = tracked(same);
    expect(judge(same, t2, positions(t2, same.length), { start: 150, end: 154 }, { start: 200, end: 204 }).verdict).toBe('undecidable');
  });
});
