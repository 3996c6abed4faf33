/**
 * A short passage (3–4 units, never searched approximately) with one unit corrected by a proof
 * pass: 更好地为 → 更好的为, 天南地北 → 天南的北. Its other units and the stored context on both
 * sides stand as they were; nothing else in the text reads like that, so that is the passage
 * edited in place. Only where both context sides stand (their nearest units exactly, the rest
 * nearly), at one place only, with more context than any other copy of the quote had in the old
 * text, and (index.ts) between the new places of its placed neighbours when they bracket it: any
 * doubt leaves it an orphan.
 */
import { contextMatch, MAX_COPIES, occurrences, OWN_CONTEXT_MARGIN, sidesOf } from './copies';
import type { Doc } from './doc';
import { anchoredDistance, compilePattern } from './myers';
import { normalisePrefix, normaliseQuote, normaliseSuffix } from './normalise';
import { CONTEXT_READ, MIN_FUZZY_LENGTH, reverse } from './query';
import type { TextSelector } from './types';

/** Units of each stored side that must stand exactly right next to the place. */
const EXACT_SIDE = 12;
/** Units of a whole side that may differ (other corrections nearby): one in eight. */
const SIDE_ERRORS_PER = 8;
/** Places of the stored prefix's end looked at, at most (a context this common says nothing). */
const MAX_STARTS = 16;
/** Shortest quote a one-unit change leaves most of (two of three units). */
const MIN_QUOTE = 3;

/**
 * The normalised start of the one place where the stored prefix ends, then the quote's units
 * with exactly one changed, then the stored suffix begins; null when none or several do, or the
 * quote is not short (longer ones are searched approximately).
 */
export function oneUnitCorrectedPlace(doc: Doc, s: TextSelector): number | null {
  const quote = normaliseQuote(s);
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  const m = quote.length;
  if (m < MIN_QUOTE || m >= MIN_FUZZY_LENGTH || prefix.length < EXACT_SIDE || suffix.length < EXACT_SIDE) return null;
  const copies = s.copies;
  if (typeof copies !== 'number' || !Number.isInteger(copies) || copies < 0 || copies >= MAX_COPIES) return null;
  const norm = doc.norm.text;
  const head = prefix.slice(-EXACT_SIDE);
  const tail = suffix.slice(0, EXACT_SIDE);
  const starts = occurrences(norm, head, MAX_STARTS + 1);
  if (starts.length > MAX_STARTS) return null;
  let place: number | null = null;
  for (const t of starts) {
    const from = t + EXACT_SIDE;
    if (from + m > norm.length || !norm.startsWith(tail, from + m)) continue;
    let changed = 0;
    for (let i = 0; i < m && changed < 2; i++) if (norm.charCodeAt(from + i) !== quote.charCodeAt(i)) changed++;
    if (changed !== 1) continue;
    const before = anchoredDistance(compilePattern(reverse(prefix)), norm, from - 1, Math.min(from, prefix.length + CONTEXT_READ), -1);
    const after = anchoredDistance(
      compilePattern(suffix),
      norm,
      from + m,
      Math.min(norm.length - from - m, suffix.length + CONTEXT_READ),
      1,
    );
    if (before * SIDE_ERRORS_PER > prefix.length || after * SIDE_ERRORS_PER > suffix.length) continue;
    // With other copies of the quote in the old text (a page printed twice), more of the stored
    // context than any of them had: else this may be another copy, edited.
    if (copies > 0 && !(contextMatch(norm, from, from + m, sidesOf(s)) > (s.copyContext ?? Infinity) + OWN_CONTEXT_MARGIN)) continue;
    if (place !== null) return null;
    place = from;
  }
  return place;
}
