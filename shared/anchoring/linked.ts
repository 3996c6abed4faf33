/**
 * A passage with runs of non-Han units written into it OR into the stored context next to it: a
 * Markdown export's link around the very words (东部 → [东部](https://…)) or around a word of the
 * context (东北[地区](https://…)中东部), a > before a quoting paragraph, ## before a heading, a
 * blank line. latin-inside.ts reads only inside the quote (6+ Han units) and wants the context's
 * nearest units verbatim; here the quote together with the nearest SIDE units of the stored
 * context on each side is read across such runs, and the passage is placed where that whole
 * stretch reads so, at exactly one place in the text.
 *
 * Han units are never skipped: every unit of the stretch stands, in order; only units no Chinese
 * sentence is made of (Latin, digits, marks, breaks) were written between them, each run short
 * (a link's address), all of them few, and none inside a number or a Latin word. A quote the old text held again is read so only when the
 * context read goes beyond what any other copy had next to it (copyContext).
 */
import { OWN_CONTEXT_MARGIN } from './copies';
import { occurrencesIn, type Doc } from './doc';
import { normalisePrefix, normaliseQuote, normaliseSuffix } from './normalise';
import type { TextSelector } from './types';

/** Units of the stored context read on each side (comparison form). */
const SIDE = 12;
/** Units of each side needed, at least. */
const MIN_SIDE = 8;
/** Han units the stretch needs, at least: fewer are found again by chance. */
const MIN_HAN = 14;
/** Units written in one run at most (a link's address) and in all. */
const MAX_RUN = 96;
const MAX_WRITTEN = 320;
/** Places tried at most (where the stretch's first two units stand). */
const MAX_TRIED = 4000;

const HAN = /\p{Script=Han}/u;
const isHan = (c: string): boolean => HAN.test(c);
const ALNUM = /[0-9A-Za-z]/;

/** The normalised [from, to) of the passage read across non-Han runs with its nearest context, or null. */
export function linkedPlace(doc: Doc, s: TextSelector): { from: number; to: number; written: number } | null {
  const quote = normaliseQuote(s);
  // From a Han unit on: a mark or break before it may have had a run written after it (⏎> ).
  const prefix = normalisePrefix(s)
    .slice(-SIDE)
    .replace(/^[^\p{Script=Han}]+/u, '');
  const suffix = normaliseSuffix(s).slice(0, SIDE);
  if (quote.length === 0 || prefix.length < MIN_SIDE || suffix.length < MIN_SIDE) return null;
  const copies = s.copies ?? 0;
  if (!Number.isInteger(copies) || copies < 0) return null;
  if (copies > 0 && !(typeof s.copyContext === 'number' && prefix.length + suffix.length > s.copyContext + OWN_CONTEXT_MARGIN)) return null;
  const stretch = prefix + quote + suffix;
  let han = 0;
  for (const c of stretch) if (isHan(c)) han++;
  if (han < MIN_HAN) return null;
  // Where the stretch's first unit (Han) stands, with the next when that is Han too (no run between).
  const head = isHan(stretch.charAt(1)) ? stretch.slice(0, 2) : stretch.slice(0, 1);
  let found: { from: number; to: number; written: number } | null = null;
  let tried = 0;
  // The head's occurrences through the document's index, in order (not an indexOf scan per passage).
  for (const at of occurrencesIn(doc, head, MAX_TRIED + 1)) {
    if (++tried > MAX_TRIED) return null;
    const read = readAcross(doc, at, stretch, prefix.length, prefix.length + quote.length);
    if (!read || read.written === 0) continue;
    if (found) return null;
    found = read;
  }
  // The quote with one whole side of its context standing verbatim at another place: the passage's
  // own words, untouched there, with the other side rewritten (a pull quote ■ … written before its
  // paragraph took the paragraph's old neighbour). A stretch read across written runs is no
  // evidence against that place.
  if (found && (verbatimElsewhere(doc, quote + suffix, 0, found.from) || verbatimElsewhere(doc, prefix + quote, prefix.length, found.from)))
    return null;
  return found;
}

/**
 * Whether `piece` stands in the comparison form with its unit `offset` at a place other than `from`:
 * of its first two occurrences (through the document's index), at most one can be at `from`.
 */
function verbatimElsewhere(doc: Doc, piece: string, offset: number, from: number): boolean {
  return occurrencesIn(doc, piece, 2).some((at) => at + offset !== from);
}

/**
 * `stretch` read in `norm` from `at`, only non-Han units skipped between its units (each run at
 * most MAX_RUN, all at most MAX_WRITTEN), with where its units [qs, qe) stand; null otherwise.
 * Each unit is matched at its earliest place: with only non-Han units skippable, no later choice
 * lets more of the stretch through.
 */
function readAcross(doc: Doc, at: number, stretch: string, qs: number, qe: number): { from: number; to: number; written: number } | null {
  const norm = doc.norm.text;
  let i = at;
  let written = 0;
  let from = -1;
  let to = -1;
  for (let k = 0; k < stretch.length; k++) {
    const q = stretch.charCodeAt(k);
    let run = 0;
    // Nothing written onto a number or a Latin word (1000 → 10000, 2019 → 20190 is another figure):
    // a run's first unit goes after the stretch's unit, its last before the next, never letter to letter.
    while (i < norm.length && norm.charCodeAt(i) !== q) {
      const c = norm.charAt(i);
      if (isHan(c) || ++run > MAX_RUN || ++written > MAX_WRITTEN) return null;
      if (run === 1 && k > 0 && ALNUM.test(c) && ALNUM.test(stretch.charAt(k - 1))) return null;
      i++;
    }
    if (run > 0 && ALNUM.test(norm.charAt(i - 1)) && ALNUM.test(stretch.charAt(k))) return null;
    // A run over a line break holds marks only (> or ## before a paragraph, a blank line): letters or
    // digits there are lines of their own written between (a translation), not markup of the words.
    if (run > 0 && i < norm.length && /[0-9A-Za-z]/.test(norm.slice(i - run, i)) && overBreak(doc, i - run, i)) return null;
    if (i >= norm.length) return null;
    if (k === qs) from = i;
    if (k === qe - 1) to = i + 1;
    i++;
  }
  return { from, to, written };
}

/** Whether the raw text behind normalised [from, to), with what was dropped around it, holds a line break. */
function overBreak(doc: Doc, from: number, to: number): boolean {
  const start = from > 0 ? (doc.norm.map[from - 1] ?? 0) + 1 : 0;
  const end = doc.norm.map[to] ?? doc.raw.length;
  return doc.raw.slice(start, end).includes('\n');
}
