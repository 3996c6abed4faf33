/**
 * A passage edited in place at one spot, its context on both sides untouched: a first-person
 * opener dropped or rewritten as reported speech (我们必须X → 必须X, 我们要X → 他强调，要X, 我想强调的是，X →
 * 他强调，X), a date shortened (2024年3月5日 → 5日), a salutation's tail cut (同志们，X → X). The passage's
 * remaining words are the reader's, and they stand exactly between the stored context's nearest
 * words; every exact-run gate refuses them (the quote is not there), and a short quote is never
 * looked for approximately.
 *
 * The rule, a last try for an orphan: the stored prefix's last SIDE units and the suffix's first
 * SIDE units stand in the new text with, between them, the quote with ONE run of its units taken
 * out, nothing written in its place or, at the quote's head, a lead-in ending in a comma of at most
 * REWRITE more units than were cut (no digit in it: a figure changed is no rewrite); the cut not
 * inside a number; at least half the quote kept. That
 * pair of sides stands so exactly once, and the kept words with the side they touch stand nowhere
 * else (another print of the paragraph, its lead-in written otherwise). Never for a quote the old text held again, exactly or as
 * a look-alike, nor one the new text still holds: its copies could be the ones edited. Placed on
 * the kept words (the words written at the quote's edge are not the reader's).
 */
import { occurrencesIn, type Doc } from './doc';
import { normalisePrefix, normaliseQuote, normaliseSuffix } from './normalise';
import type { TextSelector } from './types';

/** Units of each stored side that must stand exactly beside the edited passage. */
const SIDE = 12;
/** Units a rewrite may write beyond those it took out (我们要 → 他强调，要: 2 out, 4 in). */
const REWRITE = 2;
/** Places of the prefix's nearest units looked at, at most (a side that common is no evidence). */
const MAX_HEADS = 64;

/** Units of a side read with the kept words when looking for another print of them. */
const NEAR = 8;

const NUMBER_UNIT = /[0-9.,%]/u;

/** Normalised [from, to) of the passage's kept words, or null. */
export function trimmedInPlace(doc: Doc, s: TextSelector): { from: number; to: number } | null {
  if ((s.copies ?? 0) !== 0 || (s.wordCopies ?? 0) > 0 || s.nearErrors !== undefined) return null;
  const quote = normaliseQuote(s);
  const m = quote.length;
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  if (m < 2 || prefix.length < SIDE || suffix.length < SIDE) return null;
  const text = doc.norm.text;
  if (occurrencesIn(doc, quote, 1).length > 0) return null;
  const head = prefix.slice(-SIDE);
  const tail = suffix.slice(0, SIDE);
  const heads = occurrencesIn(doc, head, MAX_HEADS + 1);
  if (heads.length > MAX_HEADS) return null;
  let found: { from: number; to: number; cut: number } | null = null;
  for (const h of heads) {
    const from = h + SIDE;
    const window = text.slice(from, from + m + REWRITE + SIDE);
    for (let k = window.indexOf(tail); k >= 0; k = window.indexOf(tail, k + 1)) {
      const kept = keptPart(quote, window.slice(0, k));
      if (!kept) continue;
      if (found) return null;
      found = { from: from + kept[0], to: from + kept[1], cut: kept[2] };
    }
  }
  if (!found) return null;
  // The kept words with the side away from the cut stand nowhere else: another print of the
  // paragraph holding them (its lead-in written otherwise) could as well be the passage's.
  // Marks at the kept words' edges aside (a print without the quotation's opening mark).
  const kept = text.slice(found.from, found.to);
  const words = kept.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}]+$/u, '');
  const lead = kept.length - kept.replace(/^[^\p{L}\p{N}]+/u, '').length;
  // The side's nearest units only, its far end cut to a word: marks may differ between prints.
  const before =
    found.cut >= 0 && lead === 0 && text.slice(found.from - SIDE, found.from) === head
      ? head.slice(-NEAR).replace(/^[^\p{L}\p{N}]+/u, '')
      : '';
  const after =
    found.cut <= 0 && words.length === kept.length - lead && text.startsWith(tail, found.to)
      ? tail.slice(0, NEAR).replace(/[^\p{L}\p{N}]+$/u, '')
      : '';
  const withSide = before + words + after;
  return words.length > 0 && occurrencesIn(doc, withSide, 2).length === 1 ? found : null;
}

/**
 * Where in `between` the quote's kept words stand ([from, to) over the kept head, written words
 * inside only when the cut is inside the quote) and where the cut was (−1 its head, 1 its tail, 0
 * inside), when `between` is the quote with one run of units
 * taken out and at most REWRITE more written in its place; null otherwise.
 */
function keptPart(quote: string, between: string): [number, number, number] | null {
  const m = quote.length;
  const n = between.length;
  let a = 0;
  while (a < m && a < n && quote[a] === between[a]) a++;
  let b = 0;
  while (b < m - a && b < n - a && quote[m - 1 - b] === between[n - 1 - b]) b++;
  const cut = m - a - b;
  const written = n - a - b;
  if (cut <= 0 || written > cut + REWRITE || 2 * (a + b) < m || a + b < 2) return null;
  // Units written in place of the cut: none (units dropped), or a lead-in ending in a comma
  // written over the quote's head (我们要 → 他强调，要). Other words there replaced the passage's:
  // two of six units changed is another phrase.
  const lead = between.slice(a, n - b);
  if (written > 0 && (a > 0 || !lead.endsWith(',') || /[0-9]/u.test(lead))) return null;
  // Not inside a number: the units on each side of the cut would read as one figure.
  if (a > 0 && NUMBER_UNIT.test(quote[a - 1]!) && /[0-9]/u.test(quote[a]!)) return null;
  if (b > 0 && NUMBER_UNIT.test(quote[m - b]!) && /[0-9]/u.test(quote[m - b - 1]!)) return null;
  if (a > 0 && /[0-9]/u.test(quote[a - 1]!) && NUMBER_UNIT.test(quote[a]!)) return null;
  if (b > 0 && /[0-9]/u.test(quote[m - b]!) && NUMBER_UNIT.test(quote[m - b - 1]!)) return null;
  // The words written at an edge are not the reader's: the kept words only.
  if (a === 0) return [n - b, n, -1];
  if (b === 0) return [0, a, 1];
  return [0, n, 0];
}
