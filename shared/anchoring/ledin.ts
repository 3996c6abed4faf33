/**
 * A passage that opened its paragraph with a list marker (★ ● 1.), its quote held by the old text
 * more than once (a page printed twice in a long read). A speech turned into a summary writes a
 * lead-in before the passage's own paragraph (他指出，★1号入口…): the marker no longer heads a
 * paragraph, so it is compared as a character there, and the new text seems to hold one exact copy
 * fewer. The exact copy left (the other printing) may then look confirmed by its context: the same
 * edit, made differently at the two printings (我想强调的是， → 他强调， beside the other one, 他指出，
 * written before the passage's own), left it a few units more of the stored context than it had in
 * the old text. It is not confirmed when the quote's words, the marker aside, stand elsewhere off a
 * paragraph's head with about as much of the stored context: the passage's own copy, led in. The
 * context cannot tell the two apart; only neighbours can (index.ts confirmedCopies).
 */
import { contextMatch, MAX_COPIES, OWN_CONTEXT_MARGIN, sidesOf } from './copies';
import { occurrencesIn, type Doc } from './doc';
import { HEAD_MARK, normaliseQuote } from './normalise';
import type { TextSelector } from './types';

/** Units of words (the marker aside) the quote needs for its words elsewhere to be its own copy. */
const MIN_WORDS = 8;

/**
 * Whether the quote of `s` began with a paragraph's marker and its words, without it, stand at
 * another place than normalised [from, to) not right after a marker unit (so not an exact copy,
 * counted as such), with no fewer than OWN_CONTEXT_MARGIN units less of the stored context than
 * [from, to) has.
 */
export function ownCopyLedIn(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  const quote = normaliseQuote(s);
  let k = 0;
  while (k < quote.length && quote.charCodeAt(k) === HEAD_MARK) k++;
  if (k === 0) return false;
  const words = quote.slice(k);
  if (words.length < MIN_WORDS) return false;
  const norm = doc.norm.text;
  const sides = sidesOf(s);
  const here = contextMatch(norm, from, to, sides);
  for (const at of occurrencesIn(doc, words, MAX_COPIES)) {
    if (at >= from && at < to) continue;
    if (at > 0 && norm.charCodeAt(at - 1) === HEAD_MARK) continue;
    if (contextMatch(norm, at, at + words.length, sides) + OWN_CONTEXT_MARGIN >= here) return true;
  }
  return false;
}
