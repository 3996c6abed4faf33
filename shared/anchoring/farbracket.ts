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
import { contextMatch, occurrences, sidesOf } from './copies';
import { toNormalised, type Doc } from './doc';
import type { PlacedSpan } from './pinned';
import { prefixRun, suffixRun, type Query } from './query';
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

/** A frame: the new raw range [lo, hi) between a passage's nearest placed neighbours, and the old one. */
interface Frame {
  lo: number;
  hi: number;
  oldLo: number;
  oldHi: number;
}

/**
 * The nearest placed neighbours of `s` in the old text, at any distance, a missing one standing
 * for the text's edge (the end only when its old length is known); null with neither, or with
 * the neighbours out of order in the new text.
 */
function frameOf(placed: readonly PlacedSpan[], s: TextSelector, oldEnd: number | null, newEnd: number): Frame | null {
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
  return hi < lo ? null : { lo, hi, oldLo, oldHi };
}

/**
 * The new raw range [lo, hi) of the frame of `s` (frameOf) when the new gap is no wider than the
 * old one (times the text's growth, up to FAR_GROWTH); else null. Only for a quote the old text
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
  const f = frameOf(placed, s, oldEnd, newEnd);
  if (!f || f.hi - f.lo > Math.min(FAR_GROWTH, Math.max(1, growth)) * (f.oldHi - f.oldLo) + FAR_SLACK) return null;
  return [f.lo, f.hi];
}

/** Occurrences of a quote looked at for copyGap, at most: a quote more common than this has one near. */
const GAP_SCAN = 512;

/**
 * For describe(): the old-text distance (raw units) from the passage's start to the start of the
 * nearest other occurrence of its quote, `own` its normalised start; null when it has none or
 * more than GAP_SCAN. The frame of neighbours nearer than this held no other copy.
 */
export function copyGapIn(doc: Doc, quote: string, own: number): number | null {
  if (quote.length === 0) return null;
  const found = occurrences(doc.norm.text, quote, GAP_SCAN + 1);
  if (found.length > GAP_SCAN || found.length < 2) return null;
  const at = doc.norm.map[own] ?? 0;
  let gap = Infinity;
  for (const o of found) if (o !== own) gap = Math.min(gap, Math.abs((doc.norm.map[o] ?? 0) - at));
  return Number.isFinite(gap) ? gap : null;
}

/**
 * A quote the old text held once (copies 0) is read here only when the new text holds it more
 * often (a 专题 printing the article and an abridged copy, a page reprinted): then every copy has
 * the stored context alike and only position can choose, which is what the frame reads. The
 * first pass guessed the copy by its old position; the one-sided neighbour of a passage in the
 * article's opening paragraphs moved otherwise (a paragraph dropped after them), so nothing
 * confirmed the guess. The frame (the text's start to that neighbour) held the passage alone in
 * the old text and did not grow: the one copy inside it is the passage. A quote held once and
 * still once is left to the other passes (a frame says nothing new where no copy competes).
 */
function onceGained(norm: string, quote: string): boolean {
  return occurrences(norm, quote, 2).length > 1;
}

/** Quotes shorter than this need an exact run of their stored context on one side (as pinned.ts). */
const LONE_BARE = 8;
const LONE_RUN = 4;

/**
 * A passage whose quote the old text held several times, the count now changed (a copy dropped
 * by an abridged reprint, or gained by a second printing elsewhere), framed by its nearest placed
 * neighbours or the text's edge at any distance: when the old frame held no other copy (copyGap
 * beyond it) and the frame did not grow (the text between only lost words, FAR_SLACK aside), the
 * one exact copy inside the new frame is the passage's own: nothing between the neighbours was
 * written in that could hold another. Two copies there, or none, leave the orphan. Normalised
 * [start, end) with 0 errors, or null.
 */
export function loneCopyInFrame(
  doc: Doc,
  q: Query,
  s: TextSelector,
  placed: readonly PlacedSpan[],
  oldEnd: number | null,
): { start: number; end: number; errors: number } | null {
  const gap = s.copyGap;
  if (typeof s.copies !== 'number' || q.quote.length < 2) return null;
  // A quote the old text held once: no other old copy anywhere, so none in the frame (see onceGained).
  const once = s.copies === 0;
  if (!once && (typeof gap !== 'number' || s.copies < 1)) return null;
  const f = frameOf(placed, s, oldEnd, doc.raw.length);
  if (!f || f.hi - f.lo > f.oldHi - f.oldLo + FAR_SLACK) return null;
  // Another old copy starting anywhere from a quote's length before the frame to its end was inside.
  if (!once && gap! < Math.max(s.start - f.oldLo + (s.end - s.start), f.oldHi - s.start)) return null;
  const norm = doc.norm.text;
  if (once && !onceGained(norm, q.quote)) return null;
  const lo = toNormalised(doc, f.lo);
  const hi = toNormalised(doc, f.hi);
  const m = q.quote.length;
  const inside: number[] = [];
  for (const at of occurrences(norm, q.quote, GAP_SCAN + 1)) if (at >= lo && at + m <= hi) inside.push(at);
  if (inside.length !== 1) return null;
  const at = inside[0] as number;
  if (m < LONE_BARE && Math.max(prefixRun(norm, q, at), suffixRun(norm, q, at + m)) < LONE_RUN) return null;
  // A short quote (common words) whose lone copy reads less of the stored context than another
  // old copy had next to it may be that copy, moved into the frame by a reorder while the passage's
  // own words were edited (a frame that gained a paragraph and lost as much elsewhere does not grow).
  if (!once && m < LONE_BARE && contextMatch(norm, at, at + m, sidesOf(s)) < (s.copyContext ?? Infinity)) return null;
  return { start: at, end: at + m, errors: 0 };
}
