/**
 * A quote the old text held more than once, one of its copies lost (the passage's own paragraph
 * dropped by an abridged reprint), and another copy that an edit beside it brought nearer the
 * passage's stored context: the other printing of a page printed twice, whose attribution
 * (王某说：“) moved behind its quotation and whose label was restyled, now reads a few units more
 * of the stored context than it did in the old text (copyContext) — no more than the few units
 * of it still missing there. Those units are what the edit took from the other copy's
 * difference, not a sign of the passage: the place is as far from the stored context as the
 * other copy, edited, would be. Such a copy is not confirmed by its context (index.ts, doubt());
 * only sure neighbours can place it. A copy with the whole stored context, or reading more beyond
 * the other copy's than it misses, or missing a whole side (a neighbouring paragraph dropped:
 * the side that stands confirms it), is still confirmed.
 */
import { contextAt } from './copies';
import type { Doc } from './doc';
import type { TextSelector } from './types';

/**
 * Units of stored context missing at the placement that an edit of a few units beside the quote
 * accounts for (a label restyled, a quotation mark added): more than that is a side gone (a
 * neighbouring paragraph dropped), where the side that stands is what confirms the copy.
 */
const FEW_UNITS = 4;

/** Whether the copy at normalised [from, to) reads more than the other old copy did by no more than the few units it misses. */
export function otherCopyNeared(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  const known = s.copyContext;
  if (typeof known !== 'number' || !Number.isInteger(known) || known < 0) return false;
  const { found, full } = contextAt(doc, s, from, to);
  const missing = full - found;
  return missing > 0 && missing <= FEW_UNITS && found - known <= missing;
}
