import { describe, expect, it } from 'vitest';
import { applyEdits, concat, judge, lit, paragraphRanges, slice, track, truthOf, type Tracked } from '../bench/anchoring-outside7-judge';

// Our own text: two paragraphs, the phrase 小区花园 twice.
const OLD = '春天到了，小区花园开满了月季。\n居民们说，小区花园是大家的。';
const at = (w: string, from = 0): [number, number] => {
  const s = OLD.indexOf(w, from);
  return [s, s + w.length];
};
const place = (t: Tracked, w: string, from = 0): { start: number; end: number } => {
  const s = t.text.indexOf(w, from);
  if (s < 0) throw new Error(`no ${w}`);
  return { start: s, end: s + w.length };
};

describe('anchoring-outside7 judge', () => {
  it('an untouched text: the same place is right, another copy of the words is wrong, null is a miss', () => {
    const t = track(OLD);
    const [s, e] = at('小区花园');
    expect(judge(OLD, t, s, e, { start: s, end: e }).verdict).toBe('right');
    expect(judge(OLD, t, s, e, place(t, '小区花园', e)).verdict).toBe('wrong');
    expect(judge(OLD, t, s, e, null).verdict).toBe('miss');
  });

  it('words written inside the passage belong to its place (a gloss, a line break)', () => {
    const [s, e] = at('小区花园开满了月季');
    const t = applyEdits(track(OLD), [
      { start: s + 4, end: s + 4, insert: '（Garden）' },
      { start: s + 7, end: s + 7, insert: '\n' },
    ]);
    expect(t.text).toContain('小区花园（Garden）开满了\n月季');
    const truth = truthOf(OLD, t, s, e);
    expect(truth.surviving).toBe(true);
    expect(truth.kept).toBe(9);
    expect(judge(OLD, t, s, e, place(t, '小区花园（Garden）开满了\n月季')).verdict).toBe('right');
    // Only the words before the gloss: a sliver of the passage, not the passage.
    expect(judge(OLD, t, s, e, place(t, '小区')).verdict).toBe('partial');
  });

  it('a character in another form keeps its origin; a rewritten one does not', () => {
    const [s, e] = at('居民们说');
    const variant = applyEdits(track(OLD), [{ start: s + 1, end: s + 3, insert: '民們', same: true }]);
    expect(truthOf(OLD, variant, s, e).kept).toBe(4);
    const rewritten = applyEdits(track(OLD), [{ start: s, end: s + 3, insert: '大家' }]);
    const truth = truthOf(OLD, rewritten, s, e);
    expect(truth.kept).toBe(1);
    expect(truth.surviving).toBe(false);
    expect(judge(OLD, rewritten, s, e, null).verdict).toBe('lost');
    // A lost passage placed on its remains is tolerated, placed on other words it is wrong.
    expect(judge(OLD, rewritten, s, e, place(rewritten, '说')).verdict).toBe('on_remains');
    expect(judge(OLD, rewritten, s, e, place(rewritten, '春天')).verdict).toBe('wrong');
  });

  it('a span over a break whose paragraphs were reversed is parted, not surviving', () => {
    const [s, e] = at('月季。\n居民们');
    const [p1, p2] = paragraphRanges(OLD) as [[number, number], [number, number]];
    const t = concat([slice(track(OLD), p2[0], p2[1]), lit('\n'), slice(track(OLD), p1[0], p1[1])]);
    const truth = truthOf(OLD, t, s, e);
    expect(truth.kept).toBe(6);
    expect(truth.parted).toBe(true);
    expect(judge(OLD, t, s, e, null).verdict).toBe('lost');
    expect(judge(OLD, t, s, e, place(t, '月季')).verdict).toBe('on_remains');
  });

  it('a moved paragraph: its new place is right, its old offset (now other words) is wrong', () => {
    const [s, e] = at('月季');
    const [p1, p2] = paragraphRanges(OLD) as [[number, number], [number, number]];
    const t = concat([slice(track(OLD), p2[0], p2[1]), lit('\n'), slice(track(OLD), p1[0], p1[1])]);
    expect(judge(OLD, t, s, e, place(t, '月季')).verdict).toBe('right');
    expect(judge(OLD, t, s, e, { start: s, end: e }).verdict).toBe('wrong');
  });

  it('an advert copy of the passage is new text: placing on it is wrong', () => {
    const [s, e] = at('春天到了');
    const [[, p1end]] = paragraphRanges(OLD) as [[number, number]];
    const t = applyEdits(track(OLD), [
      { start: 0, end: 4, insert: '春季来临' },
      { start: p1end, end: p1end, insert: '\n相关阅读：春天到了' },
    ]);
    expect(truthOf(OLD, t, s, e).surviving).toBe(false);
    expect(judge(OLD, t, s, e, place(t, '春天到了')).verdict).toBe('wrong');
  });

  it('a revision may not hold one old unit twice', () => {
    const t = concat([track(OLD), track(OLD)]);
    expect(() => truthOf(OLD, t, 0, 2)).toThrow();
  });
});
