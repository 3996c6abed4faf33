/**
 * A phrase the revision inserted at several places, one of them inside the passage: an
 * anti-copy watermark (本文首发于某某号, （未经授权，禁止转载）) set every few hundred units at a
 * random unit, set off by brackets. The passage's words all stand, split in two by the phrase, with the stored
 * context whole on both sides; approximate matching sees too many inserted units and leaves
 * it an orphan (contextResumesFarther). The same run of units inserted elsewhere too, and
 * absent from the stored quote and context, is the revision's, not the passage's: the passage
 * is placed over it, its two pieces and the phrase between.
 */
import { contextMatch, MAX_COPIES, occurrences, OWN_CONTEXT_MARGIN, sidesOf } from './copies';
import { type Doc } from './doc';
import { normalisePrefix, normaliseQuote, normaliseSuffix } from './normalise';
import { NEAR_RUN, startsAfterPrefix, suffixHolds } from './stutter';
import type { TextSelector } from './types';

/** Units of an inserted phrase, at least and at most: shorter runs recur as ordinary words. */
const MIN_PHRASE = 4;
const MAX_PHRASE = 40;

/**
 * The normalised [from, to) of the passage with one inserted phrase inside it, or null: the
 * stored prefix stands before `from`, the quote's first k units follow, then a phrase of
 * MIN_PHRASE–MAX_PHRASE units that the text holds at least once more elsewhere and the stored
 * prefix + quote + suffix never held, then the quote's other units and the stored suffix. Only
 * when the new text holds fewer whole copies of the quote than the old one did, with more of the
 * stored context there than any other copy had (copyContext), and exactly one place reads so.
 */
export function insertedPhrasePlace(
  doc: Doc,
  s: TextSelector,
  heldBefore: (words: string) => boolean = () => true,
): { from: number; to: number; phrase: string } | null {
  const quote = normaliseQuote(s);
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  if (quote.length < 2 || prefix.length < NEAR_RUN || suffix.length < NEAR_RUN) return null;
  const copies = s.copies;
  if (typeof copies !== 'number' || !Number.isInteger(copies) || copies < 0 || copies >= MAX_COPIES) return null;
  const norm = doc.norm.text;
  // The new text holds fewer whole copies than the old one did: the passage's own is not among
  // them (a page printed twice keeps its other copy whole).
  if (occurrences(norm, quote, copies + 1).length > copies) return null;
  const stored = prefix + quote + suffix;
  const starts = startsAfterPrefix(norm, prefix);
  if (!starts) return null;
  let found: { from: number; to: number; phrase: string } | null = null;
  for (const from of starts) {
    let k = 0;
    while (k < quote.length && norm.charCodeAt(from + k) === quote.charCodeAt(k)) k++;
    if (k === 0 || k === quote.length) continue;
    const rest = quote.slice(k);
    for (let g = from + k + MIN_PHRASE; g <= from + k + MAX_PHRASE && g + rest.length <= norm.length; g++) {
      if (!norm.startsWith(rest, g) || !suffixHolds(norm, g + rest.length, suffix)) continue;
      const phrase = norm.slice(from + k, g);
      if (stored.includes(phrase) || !elsewhere(norm, phrase, from + k)) continue;
      if (!setOff(phrase) && !insertedUnbracketed(norm, phrase, from + k, quote.length, heldBefore)) continue;
      const to = g + rest.length;
      // With other copies of the quote in the old text, more of the stored context than any of them had.
      if (copies > 0 && !(contextMatch(norm, from, to, sidesOf(s)) > (s.copyContext ?? Infinity) + OWN_CONTEXT_MARGIN)) continue;
      if (found) return null;
      found = { from, to, phrase };
    }
  }
  return found;
}

/** Brackets that set a note off from the text around it (comparison form: 【】 → [], （） → ()). */
const SET_OFF = new Map([
  ['[', ']'],
  ['(', ')'],
  ['〔', '〕'],
  ['〖', '〗'],
]);

/**
 * Whether `phrase` is one note set off by brackets, whole (（未经授权，禁止转载）, 【本文来源：…】): a
 * repeated run of ordinary words inserted inside a passage (a template sentence cut by an
 * edit) is an edit of its words, not a note beside them.
 */
function setOff(phrase: string): boolean {
  const close = SET_OFF.get(phrase.charAt(0));
  if (close === undefined || !phrase.endsWith(close)) return false;
  const inner = phrase.slice(1, -1);
  return inner.length > 0 && !inner.includes(phrase.charAt(0)) && !inner.includes(close);
}

/**
 * Whether an unbracketed phrase inside the passage at `at` is one the revision inserted: the old
 * words the batch's selectors stored (`heldBefore`) never held it, and either it stands at
 * several other places as a whole run (insertedThroughout), or at another place the stored old
 * words read straight across it (the units before and after it, without it, stood side by side:
 * another highlight's context saw that spot before the phrase was set there).
 */
function insertedUnbracketed(
  norm: string,
  phrase: string,
  at: number,
  quoteLength: number,
  heldBefore: (words: string) => boolean,
): boolean {
  if (heldBefore(phrase)) return false;
  // Without a witness, only a phrase shorter than half the passage: more new words than that
  // inside it, cut from words the text holds elsewhere, are as likely a rewrite of the passage.
  if (phrase.length * 2 <= quoteLength && insertedThroughout(norm, phrase, at)) return true;
  let seen = 0;
  for (let o = norm.indexOf(phrase); o >= 0; o = norm.indexOf(phrase, o + 1)) {
    if (++seen > MAX_PLACES) return false;
    if (o + phrase.length > at && o < at + phrase.length) continue;
    if (o < ACROSS_SIDE || o + phrase.length + ACROSS_SIDE > norm.length) continue;
    if (heldBefore(norm.slice(o - ACROSS_SIDE, o) + norm.slice(o + phrase.length, o + phrase.length + ACROSS_SIDE))) return true;
  }
  return false;
}

/** Units on each side of another place of the phrase that the stored old words must read across. */
const ACROSS_SIDE = 8;

/** Other places an unbracketed phrase needs, at least, to read as inserted throughout the text. */
const MIN_OTHER_PLACES = 2;
/** Occurrences of a phrase looked at, at most. */
const MAX_PLACES = 64;

/**
 * Whether an unbracketed `phrase` (本文首发于某某号) stands in `norm` at MIN_OTHER_PLACES or more
 * places besides `at`, none overlapping, and is a whole run at them: neither the unit before
 * nor the unit after is the same at all of them. A phrase set at random units reads so; a run
 * of the text's own words cut out of a sentence it repeats (a template sentence's first words,
 * inserted by an edit) is followed at its other places by the rest of that sentence.
 */
function insertedThroughout(norm: string, phrase: string, at: number): boolean {
  const before = new Set<number>();
  const after = new Set<number>();
  let places = 0;
  let seen = 0;
  for (let o = norm.indexOf(phrase); o >= 0; o = norm.indexOf(phrase, o + 1)) {
    if (++seen > MAX_PLACES) return false;
    if (o + phrase.length > at && o < at + phrase.length) continue;
    places++;
    before.add(o > 0 ? norm.charCodeAt(o - 1) : -1);
    after.add(o + phrase.length < norm.length ? norm.charCodeAt(o + phrase.length) : -1);
  }
  return places >= MIN_OTHER_PLACES && before.size > 1 && after.size > 1;
}

/** Whether `phrase` occurs in `norm` apart from the occurrence at `at`, not overlapping it. */
function elsewhere(norm: string, phrase: string, at: number): boolean {
  for (let o = norm.indexOf(phrase); o >= 0; o = norm.indexOf(phrase, o + 1))
    if (o + phrase.length <= at || o >= at + phrase.length) return true;
  return false;
}
