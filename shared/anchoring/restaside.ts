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
import { contextMatch, sidesOf } from './copies';
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

const WORDS_ONLY = /[^\p{L}\p{N}]/gu;

/** Short lines an insertion parting a paragraph may add (an advert block, a 相关阅读 title), at most. */
const PARTING_LINES = 4;
/** Units, white space aside, of a line counted as such an inserted line. */
const PARTING_LINE_UNITS = 24;

/**
 * The raw range of the paragraph holding raw `raw`, and past a few short lines right after (before)
 * it the next (previous) paragraph too: a paragraph parted by an advert block is still one.
 */
function partedParagraphRange(raw: string, at: number): [number, number] {
  let [pf, pt] = paragraphRange(raw, at, at + 1);
  const short = (a: number, b: number) => raw.slice(a, b).replace(/\s/g, '').length <= PARTING_LINE_UNITS;
  let end = pt;
  for (let n = 0; n < PARTING_LINES && end < raw.length; n++) {
    const [lf, lt] = paragraphRange(raw, end + 1, end + 2);
    if (!short(lf, lt)) {
      if (n > 0) pt = lt;
      break;
    }
    end = lt;
  }
  let start = pf;
  for (let n = 0; n < PARTING_LINES && start > 0; n++) {
    const [lf, lt] = paragraphRange(raw, start - 1, start);
    if (!short(lf, lt)) {
      if (n > 0) pf = lf;
      break;
    }
    start = lf;
  }
  return [pf, pt];
}

/** How many of `pieces` stand in the paragraph holding normalised offset `at` (parted or not), marks aside (，restyled to ：). */
function wordPiecesInParagraph(doc: Doc, at: number, pieces: readonly string[]): number {
  const raw = doc.norm.map[at] ?? 0;
  const [pf, pt] = partedParagraphRange(doc.raw, raw);
  const para = doc.norm.text.slice(toNormalised(doc, pf), toNormalised(doc, pt)).replace(WORDS_ONLY, '');
  return pieces.filter((p) => para.includes(p)).length;
}

/** Letters or digits a piece needs, marks aside, to tell one paragraph from another. */
const PIECE_WORDS = 5;

/**
 * A passage repeated in twin paragraphs (a page printed twice in a long read, timeline entries
 * alike but for their date), the new text holding no more copies than the old one did, placed on
 * a copy whose stored context no more than another copy had: the context cannot tell the copies
 * apart, and paragraphs moved (entries reversed) so rank and position say little. The rest of the
 * passage's old paragraph past the stored context (`restBefore`/`restAfter`: the entry's date,
 * its other sentence) can: where another copy's paragraph holds more of those pieces (marks aside)
 * than the placement's, the placement is on the twin, not the passage: an orphan.
 */
export function onTwinParagraph(doc: Doc, s: TextSelector, a: Anchor): boolean {
  if (typeof s.copies !== 'number' || s.copies < 1 || typeof s.copyContext !== 'number') return false;
  const pieces = storedPieces(s)
    .map((p) => p.replace(WORDS_ONLY, ''))
    .filter((p) => p.length >= PIECE_WORDS);
  if (pieces.length < 2) return false;
  const quote = normaliseQuote(s);
  if (quote.length === 0) return false;
  const text = doc.norm.text;
  const at = toNormalised(doc, a.start);
  if (text.slice(at, at + quote.length) !== quote) return false;
  const copies = occurrencesIn(doc, quote, MAX_COPIES + 1);
  if (copies.length > MAX_COPIES || copies.length > s.copies + 1) return false;
  if (contextMatch(text, at, at + quote.length, sidesOf(s)) > s.copyContext) return false;
  const here = wordPiecesInParagraph(doc, at, pieces);
  return copies.some((o) => {
    if (o === at) return false;
    const there = wordPiecesInParagraph(doc, o, pieces);
    return there > here && 2 * there >= pieces.length;
  });
}
