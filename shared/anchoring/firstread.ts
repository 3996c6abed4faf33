/**
 * A quote held several times, its Q&A blocks (sections) reordered: the first pass finds the copy
 * with the stored context beside it (the answer's opening words after a template question) but
 * leaves it for want of neighbours to confirm it; the neighbour passes (nearNeighbours, pinned.ts)
 * then take the copy of the passage's old rank between its placed neighbours, which the reorder
 * filled with another block's copy. Rank and context disagree there: nothing tells which moved.
 *
 * A copy placed by rank or neighbours is an orphan when the copy the first pass found elsewhere
 * reads more of the stored context, by more than chance (OWN_CONTEXT_MARGIN), than it does.
 */
import { contextMatch, OWN_CONTEXT_MARGIN, sidesOf } from './copies';
import { toNormalised, type Doc } from './doc';
import type { Anchor, TextSelector } from './types';

export function firstReadsMore(doc: Doc, s: TextSelector, first: Anchor, pinned: Anchor): boolean {
  if (first.start < pinned.end && pinned.start < first.end) return false;
  const sides = sidesOf(s);
  const text = doc.norm.text;
  const at = (a: Anchor) => contextMatch(text, toNormalised(doc, a.start), toNormalised(doc, a.end), sides);
  return at(first) > at(pinned) + OWN_CONTEXT_MARGIN;
}
