/**
 * Look-alikes of a quote: places in the old text where the quote stands with a few units changed
 * (a summary box repeating a paragraph, a page of the same story with one word corrected).
 * describe() records the fewest units any of them differed in (`nearErrors`) and the most units
 * of the stored context that stood next to any of them (`nearContext`). A placement that differs
 * from the quote in as many units is no closer to the passage than the look-alike was: were the
 * passage deleted, the look-alike (perhaps edited a little more) would be found instead. Such a
 * placement stands only with more of the stored context next to it than any look-alike had, or
 * where sure neighbours put it (index.ts); otherwise it is an orphan.
 */
import { fuzzyCandidates } from './candidates';
import { contextMatch, sidesOf } from './copies';
import type { Doc } from './doc';
import { anchoredDistance, compilePattern } from './myers';
import { MIN_FUZZY_LENGTH, prepareQuery, type Candidate } from './query';
import type { TextSelector } from './types';

/** Quotes longer than this are not searched for look-alikes: the search would cost more than it tells. */
const MAX_LOOKALIKE_QUOTE = 1000;

export interface LookAlikes {
  nearErrors: number;
  nearContext: number;
  /** Prints of the look-alikes' own words (comparison form; wordsPrint), for quotes of MIN_NEAR_WORDS_QUOTE units or more. */
  nearWords?: string[];
}

/** Look-alike word prints recorded per passage, at most. */
const MAX_NEAR_WORDS = 8;
/**
 * Quotes shorter than this record no look-alike words: a short one (第二十一条, a clause citing
 * 第六条) is edited into its look-alike's very words when a list is renumbered, while a passage
 * this long is the look-alike's words only when it is a copy of its paragraph.
 */
const MIN_NEAR_WORDS_QUOTE = 64;

/** FNV-1a over words already in the comparison form, base 36, with their length. */
export function wordsPrint(words: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) {
    h ^= words.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36) + '.' + words.length.toString(36);
}

/**
 * The quote's look-alikes in the old text `doc` (its own place at normalised [own, own + quote)
 * and places holding the quote exactly, which `copies` counts, left out); null when there are none.
 */
export function lookAlikes(doc: Doc, own: number, s: TextSelector): LookAlikes | null {
  const q = prepareQuery(doc.raw, s);
  const m = q.quote.length;
  if (m < MIN_FUZZY_LENGTH || m > MAX_LOOKALIKE_QUOTE) return null;
  const text = doc.norm.text;
  const exact: number[] = [];
  for (let at = text.indexOf(q.quote); at >= 0 && exact.length < 64; at = text.indexOf(q.quote, at + 1)) exact.push(at);
  const overlapsCopy = (start: number, end: number) => exact.some((at) => at < end && start < at + m) || (own < end && start < own + m);
  const sides = sidesOf(s);
  let nearErrors = Infinity;
  let nearContext = 0;
  const nearWords: string[] = [];
  for (const c of fuzzyCandidates(doc, q)) {
    if (c.errors === 0 || overlapsCopy(c.start, c.end)) continue;
    nearErrors = Math.min(nearErrors, c.errors);
    nearContext = Math.max(nearContext, contextMatch(text, c.start, c.end, sides));
    const print = wordsPrint(text.slice(c.start, c.end));
    if (m >= MIN_NEAR_WORDS_QUOTE && nearWords.length < MAX_NEAR_WORDS && !nearWords.includes(print)) nearWords.push(print);
  }
  if (!Number.isFinite(nearErrors)) return null;
  return nearWords.length > 0 ? { nearErrors, nearContext, nearWords } : { nearErrors, nearContext };
}

/**
 * Whether a placement at normalised [from, to) differs from the quote in at least as many units as
 * a look-alike of the old text did, and has no more of the stored context than it had: nothing
 * tells it from that look-alike. Selectors without the fields never are.
 */
export function likeALookAlike(doc: Doc, quote: string, s: TextSelector, from: number, to: number): boolean {
  const near = s.nearErrors;
  const known = s.nearContext;
  if (typeof near !== 'number' || !Number.isInteger(near) || near <= 0) return false;
  if (typeof known !== 'number' || !Number.isInteger(known) || known < 0) return false;
  if (quote.length === 0 || quote.length > MAX_LOOKALIKE_QUOTE) return false;
  const text = doc.norm.text;
  // The quote against the placed words (its best end near `to`): the units that differ.
  const errors = anchoredDistance(compilePattern(quote), text, from, Math.min(text.length - from, to - from + near), 1);
  if (errors < near) return false;
  return contextMatch(text, from, to, sidesOf(s)) <= known;
}

/**
 * Whether the words at normalised [from, to) are a recorded look-alike's own words, unchanged:
 * the passage's words differed from them, so they are the look-alike, whatever context now
 * stands next to them (its neighbour deleted, the passage's context closes up around it).
 */
export function onLookAlikeWords(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  const prints = s.nearWords;
  if (!Array.isArray(prints) || prints.length === 0 || to <= from) return false;
  return prints.includes(wordsPrint(doc.norm.text.slice(from, to)));
}

/** Units trimmed off one edge, at most, to read a placement as a look-alike's words with a lead-in written before (after) them. */
const MAX_WRITTEN_EDGE = 8;

/**
 * Whether the words at normalised [from, to), other than the quote's, are a recorded look-alike's
 * own words with a few units written at one edge, where that look-alike was the quote with its own
 * edge (no more units than it differed in) dropped: 同志们，X (the passage) and X (its look-alike, a
 * page printed twice) → 他指出，X and X. A lead-in written before the look-alike reads as an edit of
 * the passage's own lead-in, fewer units off than the look-alike was, while the passage with its
 * lead-in dropped is the look-alike's print: nothing tells the two places apart.
 */
export function onLookAlikeLedIn(doc: Doc, s: TextSelector, quote: string, from: number, to: number): boolean {
  const prints = s.nearWords;
  const near = s.nearErrors;
  if (!Array.isArray(prints) || prints.length === 0 || typeof near !== 'number' || near <= 0 || to <= from) return false;
  const placed = doc.norm.text.slice(from, to);
  if (placed === quote) return false;
  const most = Math.min(near, MAX_WRITTEN_EDGE, placed.length - 1);
  for (let k = 1; k <= most; k++) {
    // Written before: the rest ends the quote, the quote's own head (≤ near units) is not what was written.
    const tail = placed.slice(k);
    const head = quote.length - tail.length;
    if (
      head > 0 &&
      head <= near &&
      quote.endsWith(tail) &&
      quote.slice(0, head) !== placed.slice(0, k) &&
      prints.includes(wordsPrint(tail))
    )
      return true;
    // Written after: the same at the end.
    const lead = placed.slice(0, -k);
    const end = quote.length - lead.length;
    if (end > 0 && end <= near && quote.startsWith(lead) && quote.slice(-end) !== placed.slice(-k) && prints.includes(wordsPrint(lead)))
      return true;
  }
  return false;
}

/**
 * Whether a placement on the quote's very words, at normalised [from, to), may be the recorded
 * look-alike edited into them: it has no more of the stored context than the look-alike had, and
 * the new text holds no look-alike any more (two prints of one story, the passage's print edited
 * away from the quote and the other's edited into it: a filler's space written as ，). The
 * context cannot tell the two; only sure neighbours can (index.ts).
 */
export function lookAlikeBecameQuote(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  const near = s.nearErrors;
  const known = s.nearContext;
  if (typeof near !== 'number' || !Number.isInteger(near) || near <= 0) return false;
  if (typeof known !== 'number' || !Number.isInteger(known) || known < 0) return false;
  const q = prepareQuery(doc.raw, s);
  const m = q.quote.length;
  if (m < MIN_FUZZY_LENGTH || m > MAX_LOOKALIKE_QUOTE || to - from !== m) return false;
  const text = doc.norm.text;
  if (!text.startsWith(q.quote, from)) return false;
  if (contextMatch(text, from, to, sidesOf(s)) > known) return false;
  const exact: number[] = [];
  for (let at = text.indexOf(q.quote); at >= 0 && exact.length < 64; at = text.indexOf(q.quote, at + 1)) exact.push(at);
  const overlapsCopy = (start: number, end: number) => exact.some((at) => at < end && start < at + m);
  return !fuzzyCandidates(doc, q).some((c) => c.errors > 0 && c.errors <= near && !overlapsCopy(c.start, c.end));
}

/**
 * Whether `best`, an approximate place differing from the quote in at least as many units as a
 * recorded look-alike of the old text did, was chosen while another place differs in fewer units
 * than any look-alike did. A near-twin sentence (the same report printed twice, one print naming
 * one more source) keeps the stored context it shared with the passage; when an edit beside the
 * passage (an advert block after it, its quotation marks stripped) costs the passage's own place
 * some context, the context ranks the twin first. The place nearer the quote than any look-alike
 * was is the likelier passage, and the context says the other: nothing tells, an orphan.
 */
export function closerPlaceThanLookAlike(s: TextSelector, best: Candidate, candidates: readonly Candidate[]): boolean {
  const near = s.nearErrors;
  if (typeof near !== 'number' || !Number.isInteger(near) || near <= 0 || best.errors < near) return false;
  // An exact copy elsewhere (0 errors) is the copies' question (copies.ts), not a look-alike's: the
  // generated reports' repeated phrases lost right placements to it (default bench, 43 of 5,800).
  return candidates.some((c) => c !== best && c.errors > 0 && c.errors < near && (c.end <= best.start || best.end <= c.start));
}
