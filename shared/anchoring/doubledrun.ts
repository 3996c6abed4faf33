/**
 * A passage a re-typist wrote with a word twice inside it (衍字 老槐槐树下, 衍文 经过文过文刃): one
 * run of 1–4 units that repeats the units right before it, written between two of the passage's
 * own units. Short passages lose too large a share to such a run for the approximate search
 * (two written units in eight), so they were left orphans though every unit of theirs stands.
 * Without the written run the new text reads the stored quote exactly, with the stored context's
 * nearest units exactly on both sides (or the text's edge where the passage stood at it, the rest
 * of each side nearly). Only at one place, with more context than any other copy of the quote had
 * in the old text; and (index.ts) between the new places of its placed neighbours when they
 * bracket it. A run that repeats nothing (a word inserted), two runs, or a unit changed as well
 * is not this edit: any doubt leaves it an orphan.
 */
import { contextMatch, MAX_COPIES, occurrences, OWN_CONTEXT_MARGIN, sidesOf } from './copies';
import type { Doc } from './doc';
import { anchoredDistance, compilePattern } from './myers';
import { normalisePrefix, normaliseQuote, normaliseSuffix } from './normalise';
import { CONTEXT_READ, reverse } from './query';
import { CONTEXT_LENGTH, type TextSelector } from './types';

/** Units of each stored side that must stand exactly right next to the place. */
const EXACT_SIDE = 12;
/** Units of a whole side that may differ (other edits nearby): one in eight. */
const SIDE_ERRORS_PER = 8;
/** Places of the stored prefix's end looked at, at most (a context this common says nothing). */
const MAX_STARTS = 16;
/** The longest run a re-typist writes twice (a 2-unit word, at most a 4-unit one). */
const MAX_RUN = 4;
/** Shortest quote with an inside (a run between two of its units). */
const MIN_QUOTE = 2;

/**
 * True when `w` is `quote` with one run of `d` units written inside it (between two of its
 * units) that repeats the `d` units right before it in `norm` (`w` starts at `from` there).
 */
function doubledInside(norm: string, from: number, w: string, quote: string, d: number): boolean {
  const m = quote.length;
  // the first unit where w leaves the quote: the run is written there or before it
  let j = 0;
  while (j < m && w.charCodeAt(j) === quote.charCodeAt(j)) j++;
  if (j === m) return false;
  for (let i = Math.max(1, j - d); i <= j && i < m; i++) {
    if (w.slice(i + d) !== quote.slice(i)) continue;
    if (norm.slice(from + i, from + i + d) === norm.slice(from + i - d, from + i)) return true;
  }
  return false;
}

/**
 * The normalised range [start, end) of the one place where the stored quote stands with one
 * doubled run written inside it and the stored context around it; null when none or several.
 */
export function doubledRunPlace(doc: Doc, s: TextSelector): { start: number; end: number } | null {
  const quote = normaliseQuote(s);
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  const m = quote.length;
  if (m < MIN_QUOTE) return null;
  const copies = s.copies;
  if (typeof copies !== 'number' || !Number.isInteger(copies) || copies < 0 || copies >= MAX_COPIES) return null;
  const norm = doc.norm.text;
  const edgeStart = s.prefix.length < CONTEXT_LENGTH;
  const edgeEnd = s.suffix.length < CONTEXT_LENGTH;
  if ((!edgeStart && prefix.length < EXACT_SIDE) || (!edgeEnd && suffix.length < EXACT_SIDE)) return null;
  // Where the stored prefix ends: after its nearest units, or at the text's start it stood at.
  let starts: number[];
  if (edgeStart) starts = norm.startsWith(prefix) ? [prefix.length] : [];
  else {
    starts = occurrences(norm, prefix.slice(-EXACT_SIDE), MAX_STARTS + 1).map((t) => t + EXACT_SIDE);
    if (starts.length > MAX_STARTS) return null;
  }
  const tail = suffix.slice(0, EXACT_SIDE);
  const sides = sidesOf(s);
  let place: { start: number; end: number } | null = null;
  for (const from of starts)
    for (let d = 1; d <= MAX_RUN; d++) {
      const end = from + m + d;
      if (end > norm.length) break;
      if (edgeEnd ? end + suffix.length !== norm.length || !norm.endsWith(suffix) : !norm.startsWith(tail, end)) continue;
      if (!doubledInside(norm, from, norm.slice(from, end), quote, d)) continue;
      if (prefix && !edgeStart) {
        const before = anchoredDistance(compilePattern(reverse(prefix)), norm, from - 1, Math.min(from, prefix.length + CONTEXT_READ), -1);
        if (before * SIDE_ERRORS_PER > prefix.length) continue;
      }
      if (suffix && !edgeEnd) {
        const after = anchoredDistance(compilePattern(suffix), norm, end, Math.min(norm.length - end, suffix.length + CONTEXT_READ), 1);
        if (after * SIDE_ERRORS_PER > suffix.length) continue;
      }
      // With other copies of the quote in the old text (a page printed twice), more of the stored
      // context than any of them had: else this may be another copy, retyped.
      if (copies > 0 && !(contextMatch(norm, from, end, sides) > (s.copyContext ?? Infinity) + OWN_CONTEXT_MARGIN)) continue;
      if (place !== null) return null;
      place = { start: from, end };
    }
  return place;
}
