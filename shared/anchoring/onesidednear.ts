/**
 * A passage the old text held once, printed twice by the new text with its whole stored context
 * at both copies far apart (a 专题 printing the updated article and an abridged copy of the old
 * one), in the article's opening or closing paragraphs: the first pass guesses a copy by the old
 * position, and the neighbour pass confirms a guess only between placed neighbours on both sides,
 * or with neighbours on one side only, the copy that moved EXACTLY as the nearest of them did
 * (onesided.ts). A sentence dropped between the passage and that neighbour (or a head written
 * above the opening paragraphs) moves the passage a few dozen units otherwise, and it was left.
 *
 * The guess is the passage's printing when: the old text held the quote once (no other old
 * passage can stand there); the guess reads the WHOLE stored context on both sides; it lies
 * within the neighbour tolerance of where the one-sided neighbour's shift puts it; and every other
 * copy of the quote within the neighbour distance of that place lacks some of the stored context
 * (the abridged copy, a paragraph dropped beside it; a head that repeats the title). Two copies
 * with the whole context near each other (a paragraph set twice, a page inserted again) are left
 * to the other passes: nothing says which is the passage.
 */
import { contextAt, MAX_COPIES } from './copies';
import { occurrencesIn, toNormalised, type Doc } from './doc';
import { normaliseQuote } from './normalise';
import type { Anchor, TextSelector } from './types';

/**
 * Whether the guessed `a` is the passage's printing, the nearest placed neighbour (on one side
 * only) having moved by `shift`; `tolerance` and `gap` are the neighbour pass's shift tolerance
 * and neighbour distance (raw units).
 */
export function nearOneSidedGuess(doc: Doc, s: TextSelector, a: Anchor, shift: number, tolerance: number, gap: number): boolean {
  if (s.copies !== 0) return false;
  const quote = normaliseQuote(s);
  if (quote.length === 0) return false;
  const from = toNormalised(doc, a.start);
  if (!doc.norm.text.startsWith(quote, from)) return false;
  const here = contextAt(doc, s, from, from + quote.length);
  if (here.full === 0 || here.found < here.full) return false;
  const expected = s.start + shift;
  if (Math.abs(a.start - expected) > tolerance) return false;
  const copies = occurrencesIn(doc, quote, MAX_COPIES);
  if (copies.length >= MAX_COPIES) return false;
  for (const o of copies) {
    if (o === from || Math.abs((doc.norm.map[o] ?? 0) - expected) > gap) continue;
    if (contextAt(doc, s, o, o + quote.length).found >= here.full) return false;
  }
  return true;
}
