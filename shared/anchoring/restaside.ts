/**
 * A copy the text gained, set apart from the passage's own paragraph, that reads more like the
 * old text than the passage's own place now does: a 上期回顾 recap quoting the old sentences word
 * for word while the article's own paragraph was then touched up (two clauses swapped, a word
 * inserted). The recap's copy has more of the stored context and wins on it; what tells it from the
 * passage is the rest of the old paragraph past the stored context (`restBefore`/`restAfter`,
 * restated.ts): the passage's own paragraph keeps most of those pieces, a recap holds none.
 *
 * The rule: a placement on an exact copy of the quote, where the new text holds more copies than
 * the old one did (`copies`), whose paragraph holds at most half of the recorded pieces (a recap
 * quotes the sentences next to the passage too) while another copy's paragraph holds at least
 * half of them and two more, is on the restatement: an orphan. Never a placement on the copy whose
 * paragraph keeps the most pieces, nor one where the copy count is as before (a repeated passage
 * whose copies are told apart by other evidence).
 */
import { occurrencesIn, toNormalised, type Doc } from './doc';
import { normaliseQuote } from './normalise';
import { paragraphRange } from './paragraphs';
import type { Anchor, TextSelector } from './types';

/** Pieces more that the other copy's paragraph must hold: one piece may be quoted along by chance. */
const MORE_PIECES = 2;
/** Copies of the quote looked at, at most: past that the quote is a stock phrase. */
const MAX_COPIES = 16;

function storedPieces(s: TextSelector): string[] {
  const out: string[] = [];
  for (const side of [s.restBefore, s.restAfter]) {
    if (!Array.isArray(side)) continue;
    for (const p of side) if (typeof p === 'string' && p.length > 0 && !out.includes(p)) out.push(p);
  }
  return out;
}

/** How many of `pieces` stand in the paragraph holding normalised offset `at`. */
function piecesInParagraph(doc: Doc, at: number, pieces: readonly string[]): number {
  const raw = doc.norm.map[at] ?? 0;
  const [pf, pt] = paragraphRange(doc.raw, raw, raw + 1);
  const para = doc.norm.text.slice(toNormalised(doc, pf), toNormalised(doc, pt));
  return pieces.filter((p) => para.includes(p)).length;
}

/** Whether placement `a` is on a gained copy of the quote apart from the paragraph that keeps the passage's old surroundings. */
export function onGainedRestatement(doc: Doc, s: TextSelector, a: Anchor): boolean {
  if (typeof s.copies !== 'number') return false;
  const pieces = storedPieces(s);
  if (pieces.length < 2) return false;
  const quote = normaliseQuote(s);
  if (quote.length === 0) return false;
  const at = toNormalised(doc, a.start);
  if (doc.norm.text.slice(at, at + quote.length) !== quote) return false;
  const copies = occurrencesIn(doc, quote, MAX_COPIES + 1);
  if (copies.length > MAX_COPIES || copies.length <= s.copies + 1) return false;
  const here = piecesInParagraph(doc, at, pieces);
  if (2 * here > pieces.length) return false;
  return copies.some((o) => {
    if (o === at) return false;
    const there = piecesInParagraph(doc, o, pieces);
    return 2 * there >= pieces.length && there >= here + MORE_PIECES;
  });
}
