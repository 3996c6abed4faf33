/**
 * A paragraph the old text held once, printed twice in the new one (an editor's duplicate set
 * elsewhere), the passage's words standing in one printing only: the other printing lost them (a
 * sentence cut, a word corrected) or this one kept them. The copy keeps the quote and all its
 * context, so every pass takes it; what tells the two printings apart is only where they stand. The
 * rest of the passage's old paragraph, past the stored context (`restBefore`, `restAfter`), stands in
 * both printings; where those pieces stand nearer the passage's old place in the other printing,
 * the placement is on the printing set apart, and the paragraph at the passage's place no longer
 * holds it: nothing stored says the passage is the duplicate's words, so it is an orphan. A paragraph
 * moved leaves no second printing behind, and a printing that is itself nearer is kept.
 */
import { occurrencesIn, toNormalised, type Doc } from './doc';
import { paragraphRange } from './paragraphs';
import { storedForms } from './normalise';
import type { Anchor, TextSelector } from './types';

/** Pieces that must stand in both printings (of the up to six recorded). */
const BOTH_MIN = 2;

/** Whether placement `a` is on the farther of two printings of the passage's old paragraph (see the file comment). */
export function onFartherPrinting(doc: Doc, s: TextSelector, a: Anchor): boolean {
  // Only a paragraph and a quote the old text held once: copies and twins are told by rank.
  if ((s.copies ?? 0) > 0 || (s.twins ?? 0) > 0) return false;
  const pieces = [...(s.restBefore ?? []), ...(s.restAfter ?? [])].filter((p) => typeof p === 'string' && p.length > 0);
  if (pieces.length < BOTH_MIN) return false;
  const [pf, pt] = paragraphRange(doc.raw, a.start, a.end);
  const from = toNormalised(doc, pf);
  const to = toNormalised(doc, pt);
  const raw = (o: number) => doc.norm.map[o] ?? 0;
  let both = 0;
  for (const piece of pieces) {
    const found = occurrencesIn(doc, piece, 3);
    if (found.length !== 2) continue;
    const inside = found.filter((o) => o >= from && o + piece.length <= to);
    if (inside.length !== 1) continue;
    const other = found.find((o) => o !== inside[0]) as number;
    // A piece whose printing beside the placement stands nearer the old place: this printing is the one there.
    if (Math.abs(raw(other) - s.start) >= Math.abs(raw(inside[0]!) - s.start)) return false;
    both++;
  }
  if (both < BOTH_MIN) return false;
  // The quote in one printing only (in both, the copies' logic decides).
  const quote = storedForms(s).quote;
  return quote.length > 0 && occurrencesIn(doc, quote, 2).length === 1;
}
