/**
 * Issue 12 item 4: the fifth outside bench's qa_reorder wrongs (tests/bench/anchoring-outside5.ts,
 * seeds 170 and 194), built by hand. A 答记者问 prints one answer twice, after two different
 * questions; the update reorders the question–answer blocks. The copy placed has the context that
 * followed the passage (the next line, the one after it), the other copy has the question that
 * stood before it. Nothing stored says which copy is the passage's: an orphan, not the wrong one.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const ANSWER = '答：据介绍，新码头的验收工作完成后，预计今年十月具备试运营条件，十一月正式开港。';
const AFTER = '▲新建的候船大厅造型取自展翅的海鸥。';
const OURS = '问：据介绍下一步将如何推进？';
const THEIRS = '问：社会各界关心据介绍，对此您怎么看？';

suite('an answer printed twice, its question–answer blocks reordered', () => {
  const [a, b, c, d, e, f, g] = filler(0, 7);
  const old = [a, b, THEIRS, ANSWER, AFTER, c, d, e, OURS, ANSWER, AFTER, f, g].join('\n');
  // The passage: the answer after our question (the second copy).
  const start = at(old, ANSWER, 1);
  const sel = describe(old, start, start + ANSWER.length);

  it('is an orphan rather than the copy without its question, the other copy having it', () => {
    const neu = [a, b, OURS, ANSWER, AFTER, c, d, e, THEIRS, ANSWER, AFTER, f, g].join('\n');
    // The old code placed it on the second copy (its rank, and the lines after it as stored).
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('is placed on the copy that keeps its question when nothing moved', () => {
    const neu = [a, b, THEIRS, ANSWER, AFTER, c, e, OURS, ANSWER, AFTER, f, g].join('\n');
    expect(anchorAll(neu, [sel])[0]?.start).toBe(at(neu, ANSWER, 1));
  });

  it('is placed on the first of two copies pasted in a row, the line after it now after the second', () => {
    const neu = [a, b, THEIRS, ANSWER, AFTER, c, d, e, OURS, ANSWER, ANSWER, AFTER, f, g].join('\n');
    expect(anchorAll(neu, [sel])[0]?.start).toBe(at(neu, ANSWER, 1));
  });

  it('is placed on a copy that keeps its question when the other lost its own', () => {
    const neu = [a, b, ANSWER, AFTER, c, d, e, OURS, ANSWER, AFTER, f, g].join('\n');
    expect(anchorAll(neu, [sel])[0]?.start).toBe(at(neu, ANSWER, 1));
  });
});
