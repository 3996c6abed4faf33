/**
 * A passage printed twice by the new text, its stored context alike at both copies, placed by
 * the neighbours on ONE side when the other side has none.
 *
 * A 专题 page (or any reprint block) prints the updated article and an abridged copy of it: the
 * paragraphs the copy kept hold every passage twice, with the same stored context, and the first
 * pass picks one copy by the old position alone (a guess). The neighbour pass confirms a guess
 * only between placed neighbours on both sides; a passage in the article's opening (closing)
 * paragraphs, with the copy before (after) it, has placed neighbours on one side only: those in
 * the paragraphs the copy dropped, which only the article holds. The nearest of them moved by
 * some amount; the one copy that moved by exactly that amount continues
 * into that neighbour as the old text did, the length between them unchanged, while the other
 * copy continues into other paragraphs.
 *
 * Taken only when: the other side has no placed neighbour at all (between placed neighbours on
 * both sides the two-sided rule decides, and when they disagree nothing is taken); the neighbour
 * lies within the neighbour distance in the old text; exactly one copy moved exactly as it did; that
 * copy has at least as much of the stored context as any other copy; no copy still stands at the
 * stored position with its context (the passage, unmoved, with a copy set after it); and neither
 * the chosen copy's paragraph nor the other copies' is set twice in a row (A S S B reads the same
 * whichever S was inserted: each keeps the neighbours' order on one side only).
 */
import { contextAt, MAX_COPIES, twinBeside } from './copies';
import { occurrencesIn, type Doc } from './doc';
import type { TextSelector } from './types';

/**
 * Units by which the copy's shift may differ from the neighbour's: none. The length between them
 * unchanged is the evidence; a copy a few units off is another text (a caption that copied the
 * head of the sentence and ends right before the neighbour's paragraph).
 */
const ALONG_SLACK = 0;

/**
 * The normalised start of the copy of `quote` (the passage's comparison form) that moved as the
 * one-sided neighbour did (`shift`: its new start minus its old start, raw units), or null.
 * `storedAt`: whether a copy stands at the stored position with the stored context.
 */
export function oneSidedCopy(doc: Doc, s: TextSelector, quote: string, shift: number, storedAt: boolean): number | null {
  if (quote.length === 0 || storedAt) return null;
  const copies = occurrencesIn(doc, quote, MAX_COPIES);
  if (copies.length < 2 || copies.length >= MAX_COPIES) return null;
  const along = copies.filter((o) => Math.abs((doc.norm.map[o] ?? 0) - s.start - shift) <= ALONG_SLACK);
  if (along.length !== 1) return null;
  const chosen = along[0]!;
  const found = contextAt(doc, s, chosen, chosen + quote.length).found;
  for (const o of copies) {
    if (o !== chosen && contextAt(doc, s, o, o + quote.length).found > found) return null;
    if (twinBeside(doc, o)) return null;
  }
  return chosen;
}
