/**
 * Issue 12 item 4, round 56 (the default bench's 113k mixed revision, seed 90027): a short quote
 * of common words (a template phrase a report repeats: 扎实推进…) held several times in the old
 * text, its own copy edited by one unit, while a reorder moved another paragraph holding the same
 * phrase between the passage's placed neighbours and a deletion kept that frame from growing.
 * farbracket.ts loneCopyInFrame read the one exact copy in the frame as the passage's own; for a
 * short quote it now also asks that copy to read as much of the stored context as another old
 * copy did, else the orphan (a miss the reader can re-attach, never the other paragraph's words).
 * The made-up case guards that a short quote whose own copy stands unedited is still placed.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { scenario, truth } from '../fixtures/anchoring-corpus';
import { at, filler } from './helpers/anchoring-text';

const PHRASE = '扎实推进';
const OWN = `宣传部门${PHRASE}理论学习同基层宣讲结合起来，做到部署有力、落实有序。`;
const OTHER = `教师队伍${PHRASE}理论学习同课堂改革结合起来，做到计划周密、评价公正。`;
const THIRD = `卫生系统${PHRASE}分级诊疗同医保改革结合起来，做到服务便捷、费用透明。`;

function sel(text: string, words: string, n = 0) {
  const s = at(text, words, n);
  return describe(text, s, s + words.length);
}

suite('a short template quote in a frame a reorder brought another copy into (farbracket.ts)', () => {
  const head = filler(0, 60);
  const mid = filler(60, 60);
  const far = filler(120, 60);
  const dropped = filler(200, 1);
  const old = [...head, OTHER, ...mid, '前一段的话说到这里为止。', OWN, ...dropped, '后一段的话从这里说起。', ...far, THIRD].join('\n');
  const before = '前一段的话说到这里为止';
  const after = '后一段的话从这里说起';

  it('still places the passage where its own copy stands unedited', () => {
    const neu = [...head, OTHER, ...mid, '前一段的话说到这里为止。', OWN, '后一段的话从这里说起。', ...far, THIRD].join('\n');
    const [a] = anchorAll(neu, [sel(old, PHRASE, 1), sel(old, before), sel(old, after)]);
    expect(a).toMatchObject({ start: at(neu, PHRASE, 1), end: at(neu, PHRASE, 1) + PHRASE.length });
  });

  it('leaves the orphan on the default bench’s 113k mixed revision where another paragraph’s copy moved into the frame', () => {
    // Our generated corpus (tests/fixtures/anchoring-corpus.ts): the one wrong the default bench
    // showed after session 24, a 4-unit template phrase whose own copy was edited by one unit.
    const sc = scenario(90027, 'mixed', 113_000, 200);
    const k = sc.spans.findIndex((h) => h.start === 59506);
    expect(k).toBeGreaterThanOrEqual(0);
    const h = sc.spans[k]!;
    const placed = anchorAll(
      sc.edited.text,
      sc.spans.map((x) => describe(sc.old, x.start, x.end)),
    )[k];
    const own = truth(sc.edited, h.start, h.end);
    if (own.kind !== 'edited') throw new Error(`the passage is ${own.kind}, not edited`);
    if (placed) expect(placed).toMatchObject({ start: own.start, end: own.end });
  });
});
