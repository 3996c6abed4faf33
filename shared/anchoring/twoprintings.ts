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
import { normalisePrefix, normaliseSuffix, storedForms } from './normalise';
import type { Anchor, TextSelector } from './types';

/** Pieces that must stand in both printings (of the up to six recorded). */
const BOTH_MIN = 2;
/** Units of a stored side, next to the quote, that the other printing must hold. */
const SIDE_RUN = 8;
/** Sentence ends in the comparison form. */
const SENTENCE_END = /[。！？!?]|\.(?!\d)/gu;

/** Whether placement `a` is on the farther of two printings of the passage's old paragraph (see the file comment). */
export function onFartherPrinting(doc: Doc, s: TextSelector, a: Anchor, expected: readonly number[] = [s.start]): boolean {
  // Only a paragraph and a quote the old text held once: copies and twins are told by rank.
  // Nor a paragraph the old text held look-alikes of (paragraphs.ts `others`: two paragraphs of a
  // kind share their phrases, and a piece standing twice says nothing).
  // Nor one whose quote had a look-alike there (`nearErrors`: a page printed twice, a word misread).
  if ((s.copies ?? 0) > 0 || (s.twins ?? 0) > 0 || (s.others?.length ?? 0) > 0 || s.nearErrors !== undefined) return false;
  // Nor a passage over a paragraph break: its two paragraphs are not one paragraph printed twice,
  // and a printing that dropped the other paragraph cannot hold the passage at all.
  if (doc.raw.slice(a.start, a.end).includes('\n')) return false;
  const pieces = [...(s.restBefore ?? []), ...(s.restAfter ?? [])].filter((p) => typeof p === 'string' && p.length > 0);
  if (pieces.length < BOTH_MIN) return false;
  const [pf, pt] = paragraphRange(doc.raw, a.start, a.end);
  const from = toNormalised(doc, pf);
  const to = toNormalised(doc, pt);
  const raw = (o: number) => doc.norm.map[o] ?? 0;
  let both = 0;
  const sides = { before: false, after: false };
  const beforeCount = (s.restBefore ?? []).length;
  // The other printing's extent (normalised), over the pieces found there.
  let otherFrom = Infinity;
  let otherTo = -1;
  for (const [k, piece] of pieces.entries()) {
    const found = occurrencesIn(doc, piece, 3);
    if (found.length !== 2) continue;
    const inside = found.filter((o) => o >= from && o + piece.length <= to);
    if (inside.length !== 1) continue;
    const other = found.find((o) => o !== inside[0]) as number;
    // A piece whose printing beside the placement stands nearer where the passage would be (its old
    // place, and that moved as its nearest placed neighbour before it moved): this printing is the one there.
    if (expected.some((e) => Math.abs(raw(other) - e) >= Math.abs(raw(inside[0]!) - e))) return false;
    otherFrom = Math.min(otherFrom, other);
    otherTo = Math.max(otherTo, other + piece.length);
    both++;
    if (k < beforeCount) sides.before = true;
    else sides.after = true;
  }
  // Most of the recorded pieces printed twice: the paragraph, not a stock phrase of it (a photo credit).
  if (both < BOTH_MIN || both * 2 <= pieces.length) return false;
  // The other printing is of the passage's own stretch (a stored side's nearest words stand in it,
  // its paragraphs taken whole), not a sentence of the paragraph quoted apart (a pull quote).
  const [of, ot] = paragraphRange(doc.raw, raw(otherFrom), raw(otherTo - 1) + 1);
  // (One stretch apart from the placement's paragraph: pieces quoted in several places say nothing.)
  if (of < pt && pf < ot) return false;
  const otherText = doc.norm.text.slice(toNormalised(doc, of), toNormalised(doc, ot));
  // A printing of one sentence is a sentence quoted apart (a pull quote, a summary line), not the paragraph.
  if ((otherText.match(SENTENCE_END) ?? []).length < 2) return false;
  const before = normalisePrefix(s).slice(-SIDE_RUN);
  const after = normaliseSuffix(s).slice(0, SIDE_RUN);
  const sideThere = (before.length === SIDE_RUN && otherText.includes(before)) || (after.length === SIDE_RUN && otherText.includes(after));
  // Or pieces of both sides of the passage printed there: the paragraph across the passage's place.
  if (!sideThere && !(sides.before && sides.after)) return false;
  // The quote in one printing only (in both, the copies' logic decides).
  const quote = storedForms(s).quote;
  return quote.length > 0 && occurrencesIn(doc, quote, 2).length === 1;
}
