/**
 * Words pasted twice in a row (an editor's accidental repetition): a paragraph set again right
 * after itself, a sentence or a clause's tail repeated right after itself. The passage now
 * stands twice side by side, and each copy keeps the stored context on one side only (the
 * first its prefix, the second its suffix), so no single place reads like the stored one and
 * the usual passes leave it an orphan. Taking one copy away gives back the stored text, and
 * the two copies are the same words in the same frame: the first one is the passage's place.
 *
 * Only where the repeat is a duplicate in place, not a copy set apart: the two copies are
 * contiguous inside one paragraph, or both are whole paragraphs with the same breaks. A pull
 * quote (a sentence of a paragraph set as its own paragraph next to it) joins its neighbours
 * otherwise — a paragraph of its own beside a paragraph that holds more — and stays with the
 * passes that judge copies set apart (copies.ts).
 */
import { occurrences, ownContextAt, MAX_COPIES } from './copies';
import { lineBreakBefore, type Doc } from './doc';
import { anchoredDistance, compilePattern } from './myers';
import { normalisePrefix, normaliseQuote, normaliseSuffix } from './normalise';
import { CONTEXT_READ, reverse } from './query';
import { CONTEXT_LENGTH, type TextSelector } from './types';

/** Units a repeated block needs: shorter repeats (看看, 谢谢谢谢) are words, not a paste. */
const MIN_BLOCK = 4;

/**
 * The normalised start of the first of two side-by-side copies of the passage's quote when the
 * new text holds more copies than the old text did, the two are a block pasted twice in a row
 * (stutterShaped), and the stored context stands on the outer side of each copy (the stored
 * prefix before the first, the stored suffix after the second; prefixHolds, suffixHolds). Null otherwise, or when
 * more than one pair of copies reads so.
 */
export function stutterCopy(doc: Doc, s: TextSelector): number | null {
  return stutterPair(doc, s)?.[0] ?? null;
}

/** stutterCopy's two copies: the normalised starts of the first and the second. */
export function stutterPair(doc: Doc, s: TextSelector): [number, number] | null {
  const old = s.copies;
  if (typeof old !== 'number' || !Number.isInteger(old) || old < 0 || old >= MAX_COPIES) return null;
  const quote = normaliseQuote(s);
  if (quote.length === 0) return null;
  const norm = doc.norm.text;
  const found = occurrences(norm, quote, MAX_COPIES);
  if (found.length <= old + 1 || found.length >= MAX_COPIES) return null;
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  const firsts = found.filter((at) => prefixHolds(norm, at, prefix));
  const seconds = found.filter((at) => suffixHolds(norm, at + quote.length, suffix));
  let place: [number, number] | null = null;
  for (const first of firsts) {
    for (const second of seconds) {
      if (second <= first || !stutterShaped(doc, first, second - first)) continue;
      // Not a pair the old text may have held already: a page printed twice in a row, the passage
      // in its second printing, and copies gained elsewhere (a 专题 printing the story again).
      // Then another old copy had as much of the stored context as the first copy reads now
      // (copyContext): nothing says the first is the passage and not that copy, unchanged.
      if (old > 0 && !ownContextAt(doc, s, first, first + quote.length)) return null;
      if (place !== null) return null;
      place = [first, second];
    }
  }
  return place;
}

/**
 * What the text's edges say of a pair (stutterPair) for a passage whose stored context ran to
 * an edge of the old text (a side shorter than CONTEXT_LENGTH; copies.ts atEdges), where that
 * side's words stand beside both copies (an empty suffix after every copy; a suffix inside the
 * repeated block after both), so that only the edge can tell. A passage that closed the old text
 * is the copy that still closes the new one: a pull quote or a paste of the closing line set
 * before it (… A S S, the end) leaves the passage second, and only the second copy has the stored
 * suffix and then the text's end ('second'); the same at the start for the first copy ('first').
 * Where the edge is lost (new words before the first copy or after the second: a 内容提要 on top,
 * a footer), or both copies hold an edge (the whole text printed twice), nothing tells: 'none', an
 * orphan. 'free' where a side's own words tell (the pair's usual rule).
 */
export function pairAtEdges(doc: Doc, s: TextSelector, pair: readonly [number, number]): 'first' | 'second' | 'none' | 'free' {
  const norm = doc.norm.text;
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  const quoteLength = normaliseQuote(s).length;
  const endTells = s.suffix.length < CONTEXT_LENGTH && suffixHolds(norm, pair[0] + quoteLength, suffix);
  const startTells = s.prefix.length < CONTEXT_LENGTH && prefixHolds(norm, pair[1], prefix);
  if (!endTells && !startTells) return 'free';
  const closes = endTells && norm.slice(pair[1] + quoteLength) === suffix;
  const opens = startTells && norm.slice(0, pair[0]) === prefix;
  if (closes === opens) return 'none';
  return closes ? 'second' : 'first';
}

/** Units of a stored side that must stand exactly right next to its copy (all of a shorter side). */
export const NEAR_RUN = 8;

/**
 * Whether the stored prefix stands before normalised `at`: its last NEAR_RUN units exactly, and
 * the whole within a quarter of its units (another paste a few units off may touch it).
 */
export function prefixHolds(norm: string, at: number, prefix: string): boolean {
  if (prefix.length === 0) return true;
  const near = prefix.slice(-NEAR_RUN);
  if (!norm.endsWith(near, at)) return false;
  const d = anchoredDistance(compilePattern(reverse(prefix)), norm, at - 1, Math.min(at, prefix.length + CONTEXT_READ), -1);
  return d * 4 <= prefix.length;
}

/** Places of the stored prefix's end looked at, at most (a context this common says nothing). */
const MAX_PREFIX_STARTS = 16;

/**
 * The normalised places right after which the stored prefix holds (prefixHolds), in text order,
 * for passes that read the passage on from where its stored context ends; null when the
 * prefix's last NEAR_RUN units stand at more than MAX_PREFIX_STARTS places.
 */
export function startsAfterPrefix(norm: string, prefix: string): number[] | null {
  const tail = prefix.slice(-NEAR_RUN);
  const ends = occurrences(norm, tail, MAX_PREFIX_STARTS + 1);
  if (ends.length > MAX_PREFIX_STARTS) return null;
  const starts: number[] = [];
  for (const t of ends) if (prefixHolds(norm, t + tail.length, prefix)) starts.push(t + tail.length);
  return starts;
}

/** The same for the stored suffix after normalised `at`. */
export function suffixHolds(norm: string, at: number, suffix: string): boolean {
  if (suffix.length === 0) return true;
  if (!norm.startsWith(suffix.slice(0, NEAR_RUN), at)) return false;
  const d = anchoredDistance(compilePattern(suffix), norm, at, Math.min(norm.length - at, suffix.length + CONTEXT_READ), 1);
  return d * 4 <= suffix.length;
}

/**
 * Whether the normalised text around `at` is a block of `d` units set twice in a row, joined
 * as a duplicate in place: for some start b, text[b, b + d) = text[b + d, b + 2d) and either
 * no line break falls inside (b, b + 2d) (a sentence or fragment repeated inside its paragraph)
 * or breaks stand before b, b + d and b + 2d (or the text's edges) and fall alike inside both
 * copies (whole paragraphs set twice).
 */
export function stutterShaped(doc: Doc, at: number, d: number): boolean {
  const norm = doc.norm.text;
  if (d < MIN_BLOCK || at + d > norm.length) return false;
  // The run of units equal to those d further on, around `at`: every start b in [lo, hi − d] has its block repeated.
  let lo = at;
  while (lo > 0 && norm.charCodeAt(lo - 1) === norm.charCodeAt(lo - 1 + d)) lo--;
  let hi = at;
  while (hi + d < norm.length && norm.charCodeAt(hi) === norm.charCodeAt(hi + d)) hi++;
  if (hi - lo < d) return false;
  const end = hi + d;
  const breaks: number[] = [];
  for (let i = lo; i <= end; i++) if (i === 0 || i === norm.length || lineBreakBefore(doc, i)) breaks.push(i);
  const isBreak = (i: number) => breaks.includes(i);
  // Inline: a stretch of 2d units between breaks inside the run.
  let from = lo;
  for (const b of [...breaks, end]) {
    const last = Math.min(b, end) - 2 * d;
    if (last >= Math.max(from, lo) && Math.max(from, lo) <= hi - d) return true;
    from = Math.max(from, b);
  }
  // Whole paragraphs: a break at the block's start, its seam and its end, and the same breaks inside both copies.
  for (const b of breaks) {
    if (b > hi - d || !isBreak(b + d) || !isBreak(b + 2 * d)) continue;
    if (breaks.every((x) => x <= b || x >= b + d || isBreak(x + d)) && breaks.every((x) => x <= b + d || x >= b + 2 * d || isBreak(x - d)))
      return true;
  }
  return false;
}
