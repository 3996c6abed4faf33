/**
 * A Chinese passage with runs of non-Han units written inside it: a Markdown export's link
 * address around a word (去年 → [去年](https://…)), a thread's post marker at a cut (⏎3/9, 【7】).
 * Every unit of the passage still stands, in order, and the stored context on both sides; only
 * units no Chinese sentence is made of (Latin, digits, marks) were written between them.
 * Approximate matching sees a 40-unit address as a rewrite and leaves the passage an orphan.
 * Han units are never skipped: a passage that lost or changed a word is not read here.
 */
import { contextMatch, MAX_COPIES, occurrences, OWN_CONTEXT_MARGIN, sidesOf } from './copies';
import { type Doc } from './doc';
import { normalisePrefix, normaliseQuote, normaliseSuffix } from './normalise';
import { NEAR_RUN, startsAfterPrefix, suffixHolds } from './stutter';
import type { TextSelector } from './types';

/** Han units a passage needs, at least: shorter ones are found again by many runs of text. */
const MIN_HAN = 6;
/** Units written inside, at most, per unit of the passage and in all (a link address is ~40). */
const MAX_WRITTEN_PER_UNIT = 2;
const MAX_WRITTEN = 240;

const HAN = /\p{Script=Han}/u;
const isHan = (c: string): boolean => HAN.test(c);

/**
 * The normalised [from, to) of the passage with non-Han runs written inside it, or null: the
 * stored prefix's last NEAR_RUN units stand before `from` (a non-Han run may follow them), the
 * quote's units follow in order with only non-Han units between them, and the stored suffix
 * after (a non-Han run may come first). Only when the new text holds fewer whole copies of the
 * quote than the old one did, with more of the stored context there than any other copy had,
 * and exactly one place reads so.
 */
export function latinInsidePlace(doc: Doc, s: TextSelector): { from: number; to: number; written: number } | null {
  const quote = normaliseQuote(s);
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  if (prefix.length < NEAR_RUN || suffix.length < NEAR_RUN) return null;
  let han = 0;
  for (const c of quote) if (isHan(c)) han++;
  if (han < MIN_HAN) return null;
  const copies = s.copies;
  if (typeof copies !== 'number' || !Number.isInteger(copies) || copies < 0 || copies >= MAX_COPIES) return null;
  const norm = doc.norm.text;
  if (occurrences(norm, quote, copies + 1).length > copies) return null;
  const limit = Math.min(MAX_WRITTEN, quote.length * MAX_WRITTEN_PER_UNIT);
  const starts = startsAfterPrefix(norm, prefix);
  if (!starts) return null;
  let found: { from: number; to: number; written: number } | null = null;
  for (const from of starts) {
    const read = readAcross(norm, from, quote, limit);
    if (!read) continue;
    // The stored suffix right after the quote's last unit, or after one more non-Han run (a link's address).
    let after = read.to;
    let written = read.written;
    while (!suffixHolds(norm, after, suffix) && after < norm.length && !isHan(norm.charAt(after)) && written < limit) {
      after++;
      written++;
    }
    if (written === 0 || written > limit || !suffixHolds(norm, after, suffix)) continue;
    if (copies > 0 && !(contextMatch(norm, from, read.to, sidesOf(s)) > (s.copyContext ?? Infinity) + OWN_CONTEXT_MARGIN)) continue;
    if (found) return null;
    found = { from, to: read.to, written };
  }
  return found;
}

/**
 * The end of `quote` read in `norm` from `at` with only non-Han units skipped between its units,
 * and how many were skipped; null past `limit` or where a Han unit would have to be skipped.
 * Each unit is matched at its earliest place: with only non-Han units skippable, no later
 * choice can let more of the quote through.
 */
function readAcross(norm: string, at: number, quote: string, limit: number): { to: number; written: number } | null {
  let i = at;
  let written = 0;
  for (let k = 0; k < quote.length; k++) {
    const q = quote.charCodeAt(k);
    while (i < norm.length && norm.charCodeAt(i) !== q) {
      if (isHan(norm.charAt(i)) || ++written > limit) return null;
      i++;
    }
    if (i >= norm.length) return null;
    i++;
  }
  return { to: i, written };
}
