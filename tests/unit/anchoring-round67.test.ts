/**
 * Issue 12 item 4, round 67 (anchor27d): a text that repeated itself, cleaned up (去重, deduped.ts).
 * The old text held a paragraph pasted twice in a row (or again a few paragraphs on) or a sentence
 * written twice in a row, and the revision deletes the second copy. A reader's passage inside the
 * repeat was stored with two copies and a context naming the repeat; the copy left is its place
 * (the same words) when the new text with the run set again reads the stored context exactly.
 * A span over the joint of a paragraph printed twice has lost its second piece: no placement on
 * the first copy's opening words. Guards: a quote held twice in unrelated sentences whose own
 * paragraph went stays an orphan; a span over an ordinary break is placed as before.
 * Our own made-up text throughout.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { documentFor } from '../../shared/anchoring/doc';
import { dedupedPlace } from '../../shared/anchoring/deduped';
import { at, filler } from './helpers/anchoring-text';

function sel(text: string, words: string, n = 0) {
  const s = at(text, words, n);
  return describe(text, s, s + words.length);
}

const BEFORE = filler(0, 4);
const AFTER = filler(4, 4);
const PASTED = '山区的公路修通以后，果农们把刚摘下的苹果直接装车运往城里，每斤能多卖两毛钱，一年下来收入翻了一番。';
const NEXT = '县里又请来电商讲师，教大家在网上开店，直播间里一晚上就卖出三百多箱。';

suite('a passage in a paragraph pasted twice, the second copy deleted (deduped.ts)', () => {
  const old = [...BEFORE, PASTED, PASTED, NEXT, ...AFTER].join('\n');
  const neu = [...BEFORE, PASTED, NEXT, ...AFTER].join('\n');

  it('places a clause made in the deleted copy on the copy left (placed before too: a guard)', () => {
    const a = anchor(neu, sel(old, '果农们把刚摘下的苹果直接装车运往城里', 1));
    expect(a).toMatchObject({ start: at(neu, '果农们把刚摘下'), end: at(neu, '果农们把刚摘下') + 18 });
  });

  it('places a clause near the first copy’s end, its stored suffix running into the copy', () => {
    const a = anchor(neu, sel(old, '一年下来收入翻了一番', 0));
    expect(a).toMatchObject({ start: at(neu, '一年下来收入'), end: at(neu, '一年下来收入') + 10 });
  });

  it('does not read a copy pasted again two paragraphs on as a repeat (lines between: maybe two passages)', () => {
    const far = [...BEFORE, PASTED, NEXT, AFTER[0], PASTED, ...AFTER.slice(1)].join('\n');
    const cleaned = [...BEFORE, PASTED, NEXT, ...AFTER].join('\n');
    expect(dedupedPlace(documentFor(cleaned), sel(far, '山区的公路修通以后', 1))).toBeNull();
  });

  it('places a clause in the run’s middle, the joint read on both sides of it', () => {
    const a = anchor(neu, sel(old, '每斤能多卖两毛钱', 1));
    expect(a).toMatchObject({ start: at(neu, '每斤能多卖两毛钱'), end: at(neu, '每斤能多卖两毛钱') + 8 });
  });

  it('places a clause made in a sentence written twice in a row', () => {
    const twice = '村民们说，这条路是致富路，也是连心路。';
    const para = `乡亲们在路口放起了鞭炮。${twice}${twice}大家盼着早日通上公交车。`;
    const was = [...BEFORE, para, ...AFTER].join('\n');
    const now = [...BEFORE, para.replace(twice + twice, twice), ...AFTER].join('\n');
    const a = anchorAll(now, [sel(was, '这条路是致富路', 1), sel(was, '这条路是致富路', 0)]);
    const want = at(now, '这条路是致富路');
    expect(a[0]).toMatchObject({ start: want, end: want + 7 });
    expect(a[1]).toMatchObject({ start: want, end: want + 7 });
  });

  it('leaves a span over the joint of the two copies an orphan, not on the copy’s opening words', () => {
    // Its larger piece, the copy's opening words, stands once with the stored suffix after it.
    expect(anchor(neu, sel(old, '收入翻了一番。\n山区的公路修通以后，果农们把刚摘下的苹果直接装车运往城里'))).toBeNull();
    expect(anchor(neu, sel(old, '翻了一番。\n山区的公路修通以后'))).toBeNull();
  });
});

suite('guards: no repeat, no placement by deduped.ts', () => {
  it('does not place a quote held twice in unrelated sentences whose own paragraph went', () => {
    const one = '农民夜校开课第一天，来听课的人挤满了教室，连窗台上都坐着人。';
    const two = '到了年底评先进，大家都说要感谢农民夜校开课以来老师们的付出。';
    const was = [...BEFORE, one, ...AFTER, two].join('\n');
    const now = [...BEFORE, one, ...AFTER].join('\n');
    const s = sel(was, '农民夜校开课', 1);
    expect(s.copies).toBe(1);
    expect(dedupedPlace(documentFor(now), s)).toBeNull();
    expect(anchor(now, s)).toBeNull();
  });

  it('still places a span over an ordinary break where it stands', () => {
    const was = [...BEFORE, PASTED, NEXT, ...AFTER].join('\n');
    const now = [...BEFORE, PASTED, NEXT, ...AFTER].join('\n');
    const a = anchor(now, sel(was, '一年下来收入翻了一番。\n县里又请来电商讲师'));
    expect(a).toMatchObject({ start: at(now, '一年下来收入'), end: at(now, '县里又请来电商讲师') + 9 });
  });
});
