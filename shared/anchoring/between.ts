/**
 * A short passage rewritten in place by a clause-sized edit at or inside it (a speech made a
 * summary: 我们要 → 他强调，要; a date shortened: 9月25日 → 25日): too short, or too much edited, for
 * the approximate search to accept, yet the stored context of its own paragraph stands whole on
 * both sides, with only a few units between. The words between are its place; the passage is
 * what of its words stands there, from the first kept unit to the last.
 *
 * Placed only when that frame (the nearest stored units on each side) stands exactly once in the
 * text, within one paragraph, and the words between keep at least 60% of the quote's words (letters
 * and digits) in order; an exact copy there was refused by another pass for its own reasons and stays refused.
 */
import { toNormalised, type Doc } from './doc';
import { HEAD_MARK, storedForms } from './normalise';
import { CONTEXT_LENGTH, type TextSelector } from './types';

/** Units of stored own-paragraph context that must stand whole on each side. */
const SIDE = 12;
/** Units the two sides must hold together (a side at its paragraph's edge may be shorter). */
const SIDES_MIN = 16;
/** Occurrences of the first side looked at. */
const MAX_STARTS = 64;
/** Units of the quote to keep, in tenths: a passage keeping fewer is gone, not edited. */
const KEPT_TENTHS = 6;

/** Comparison-form extent [from, to) of the passage's kept words between its context, or null. */
export function betweenContextPlace(doc: Doc, s: TextSelector): { from: number; to: number } | null {
  if (s.exact.includes('\n')) return null;
  const forms = storedForms(s);
  const quote = forms.quote;
  if (quote.length < 2) return null;
  const startKnown = forms.prefixAfterBreak !== null || s.prefix.length < CONTEXT_LENGTH;
  const endKnown = forms.suffixBeforeBreak !== null || s.suffix.length < CONTEXT_LENGTH;
  const ownBefore = forms.prefixAfterBreak === null ? forms.prefix : forms.prefix.slice(forms.prefix.length - forms.prefixAfterBreak);
  const ownAfter = forms.suffixBeforeBreak === null ? forms.suffix : forms.suffix.slice(0, forms.suffixBeforeBreak);
  const before = ownBefore.slice(-SIDE);
  const after = ownAfter.slice(0, SIDE);
  if ((before.length < SIDE && !startKnown) || (after.length < SIDE && !endKnown)) return null;
  if (before.length + after.length < SIDES_MIN) return null;
  // An old copy with as much context beside it: the frame may be a twin's.
  if (typeof s.copies !== 'number' || (s.copies > 0 && (s.copyContext ?? Infinity) >= before.length + after.length)) return null;
  const text = doc.norm.text;
  const maxGap = 2 * quote.length + 8;
  let frame: { from: number; to: number } | null = null;
  const seen = (from: number, to: number): boolean => {
    if (frame && (frame.from !== from || frame.to !== to)) return false;
    frame = { from, to };
    return true;
  };
  if (before.length > 0) {
    let starts = 0;
    for (let at = text.indexOf(before); at >= 0; at = text.indexOf(before, at + 1)) {
      if (++starts > MAX_STARTS) return null;
      if (before.length < SIDE && !paragraphStart(doc, at)) continue;
      const from = at + before.length;
      const to = frameEnd(doc, from, after, after.length < SIDE, maxGap);
      if (to !== null && !seen(from, to)) return null;
    }
  } else {
    let starts = 0;
    for (let at = text.indexOf(after); at >= 0; at = text.indexOf(after, at + 1)) {
      if (++starts > MAX_STARTS) return null;
      const from = lineStart(doc, at);
      if (at - from > maxGap || hasBreak(doc, from, at + after.length)) continue;
      if (after.length < SIDE && !(at + after.length === text.length || breakAt(doc, at + after.length))) continue;
      if (!seen(from, at)) return null;
    }
  }
  const found = frame as { from: number; to: number } | null;
  if (!found || found.to <= found.from) return null;
  const gap = text.slice(found.from, found.to);
  if (gap === quote) return null;
  // Kept words only: a mark is written anew with any clause (他强调，), and says nothing.
  const gapWords = wordUnits(gap);
  const quoteWords = wordUnits(quote);
  const kept = keptSpan(gapWords.units, quoteWords.units);
  if (!kept || kept.count < 2 || kept.count * 10 < quoteWords.units.length * KEPT_TENTHS) return null;
  let from = found.from + (gapWords.at[kept.first] ?? 0);
  let to = found.from + (gapWords.at[kept.last] ?? 0) + 1;
  // The quote's own marks at its edges (。我们要), when as many marks stand there.
  for (let k = 0; k < (quoteWords.at[0] ?? 0) && from > found.from && !isWord(text.charCodeAt(from - 1)); k++) from--;
  const trail = quote.length - 1 - (quoteWords.at[quoteWords.units.length - 1] ?? quote.length - 1);
  for (let k = 0; k < trail && to < found.to && !isWord(text.charCodeAt(to)); k++) to++;
  return { from, to };
}

const WORD = /[\p{L}\p{N}]/u;

function isWord(code: number): boolean {
  return code === HEAD_MARK || WORD.test(String.fromCharCode(code));
}

/** The word units (letters, digits, markers) of a comparison-form string and where each stands in it. */
function wordUnits(form: string): { units: string; at: number[] } {
  let units = '';
  const at: number[] = [];
  for (let i = 0; i < form.length; i++) {
    if (!isWord(form.charCodeAt(i))) continue;
    units += form[i];
    at.push(i);
  }
  return { units, at };
}

/** Where `after` begins within maxGap units of `from` in the same line (at its end when `atEdge`), or null. */
function frameEnd(doc: Doc, from: number, after: string, atEdge: boolean, maxGap: number): number | null {
  const text = doc.norm.text;
  const window = text.slice(from, from + maxGap + after.length);
  const k = window.indexOf(after);
  if (k < 0) return null;
  const to = from + k;
  if (hasBreak(doc, from, to + after.length)) return null;
  if (atEdge && !(to + after.length === text.length || breakAt(doc, to + after.length))) return null;
  return to;
}

/** Longest common subsequence of `gap` and `quote`: how many units, and the first and last of them in `gap`. */
function keptSpan(gap: string, quote: string): { count: number; first: number; last: number } | null {
  const n = gap.length;
  const m = quote.length;
  // Suffix table: best[i][j] = LCS of gap[i:] and quote[j:].
  const best = Array.from({ length: n + 1 }, () => new Int16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = best[i] as Int16Array;
    const next = best[i + 1] as Int16Array;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = gap[i] === quote[j] ? (next[j + 1] ?? 0) + 1 : Math.max(next[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const count = best[0]?.[0] ?? 0;
  if (count === 0) return null;
  // Walk one alignment: its first and last matched units in `gap`.
  let first = -1;
  let last = -1;
  for (let i = 0, j = 0; i < n && j < m;) {
    if (gap[i] === quote[j] && (best[i]?.[j] ?? 0) === (best[i + 1]?.[j + 1] ?? 0) + 1) {
      if (first < 0) first = i;
      last = i;
      i++;
      j++;
    } else if ((best[i + 1]?.[j] ?? 0) >= (best[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return first < 0 ? null : { count, first, last };
}

/** Whether a line break lies right before normalised unit i (only white space between). */
function breakAt(doc: Doc, i: number): boolean {
  const { map, ends } = doc.norm;
  if (i <= 0 || i >= map.length) return false;
  return doc.raw.slice(ends[i - 1] ?? 0, map[i] ?? 0).includes('\n');
}

function paragraphStart(doc: Doc, i: number): boolean {
  return i === 0 || breakAt(doc, i);
}

/** Whether a line break lies between two of the normalised units [from, to). */
function hasBreak(doc: Doc, from: number, to: number): boolean {
  if (to - from < 2) return false;
  return doc.raw.slice(doc.norm.map[from] ?? 0, doc.norm.ends[to - 1] ?? doc.raw.length).includes('\n');
}

/** The normalised unit beginning the line that holds unit i. */
function lineStart(doc: Doc, i: number): number {
  const raw = doc.norm.map[i] ?? 0;
  return toNormalised(doc, doc.raw.lastIndexOf('\n', raw - 1) + 1);
}
