/**
 * A wider bracket for the rank placement of pinned.ts, for a passage whose quote the old text held
 * several times, when its nearest placed neighbours stand farther than PIN_GAP or one side has
 * none before the text's edge. The kind of text: a stretch printed twice (a page reprinted in a
 * long read, a block of paragraphs repeated), every passage inside it in doubt, so the passages
 * placed on their own evidence stand only outside the printed-twice stretch, far apart, and the
 * text's start or end is the nearest landmark on one side.
 *
 * The far neighbours (or the text's edge) still frame the passage when the text between them only
 * LOST words: the new gap between them is no wider than the old one (a little slack for a line
 * written on top). Then no printing was added between them, so the copies of the quote keep their
 * order, and when the new text holds exactly as many copies as the old one did (pinnedPlace, exact
 * quote only), the copy of the passage's rank, alone between the frame, is its own. A text that
 * gained a printing (a 专题 page printing the article again) widens the gap and is not read this way.
 */
import type { PlacedSpan } from './pinned';
import { CONTEXT_LENGTH, type TextSelector } from './types';

/** Units the new gap may exceed the old one by (an update line or a head written in). */
const FAR_SLACK = 200;
/**
 * The whole text's growth (pinned.ts textGrowth: labels written at every paragraph's head) counted
 * at most this: a printing added inside the frame grows it by far more.
 */
const FAR_GROWTH = 1.25;

/**
 * The old text's length when a passage's stored suffix reached its end (shorter than the context
 * read), else null: the end is then a landmark like a placed neighbour, new end for old end.
 */
export function oldTextEnd(selectors: readonly TextSelector[]): number | null {
  let end: number | null = null;
  for (const s of selectors) {
    // A suffix one short may be a surrogate pair cut at the edge of the context (describe()).
    if (s.suffix.length < CONTEXT_LENGTH - 1) end = Math.max(end ?? 0, s.end + s.suffix.length);
  }
  return end;
}

/**
 * The new raw range [lo, hi) between the nearest placed neighbours of `s` in the old text, at any
 * distance, a missing one standing for the text's edge (the end only when its old length is
 * known), when the new gap is no wider than the old one (times the text's growth, up to
 * FAR_GROWTH); else null. Only for a quote the old text
 * held more than once: the other copies, outside the frame, are what the rank is read against.
 */
export function farBracket(
  placed: readonly PlacedSpan[],
  s: TextSelector,
  oldEnd: number | null,
  newEnd: number,
  growth = 1,
): [number, number] | null {
  if (typeof s.copies !== 'number' || s.copies < 1) return null;
  let before: PlacedSpan | undefined;
  let after: PlacedSpan | undefined;
  for (const p of placed) {
    if (p.oldEnd <= s.start && (!before || p.oldStart > before.oldStart)) before = p;
    if (p.oldStart >= s.end && (!after || p.oldStart < after.oldStart)) after = p;
  }
  if (!before && !after) return null;
  const [oldLo, lo] = before ? [before.oldEnd, before.newEnd] : [0, 0];
  let oldHi: number;
  let hi: number;
  if (after) [oldHi, hi] = [after.oldStart, after.newStart];
  else if (oldEnd !== null && oldEnd >= s.end) [oldHi, hi] = [oldEnd, newEnd];
  else return null;
  if (hi < lo || hi - lo > Math.min(FAR_GROWTH, Math.max(1, growth)) * (oldHi - oldLo) + FAR_SLACK) return null;
  return [lo, hi];
}
