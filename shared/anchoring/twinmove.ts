/**
 * A passage whose whole old paragraph now stands twice: the quote held once in the old text, the
 * paragraph printed again elsewhere (a pull quote copying a one-sentence paragraph, a 金句 box set
 * a paragraph or two from it). The first pass places it on one printing by its context; the
 * neighbour pass would move it to the other because the passages after it moved by that shift.
 * But the two printings read the same (the same paragraph, the same words), and a printing set
 * right before the next paragraph gets that paragraph's shift whichever of the two is new text:
 * the neighbours say where the paragraphs around moved, not which printing is the passage's.
 * Such a move is undecided, an orphan (the reader re-attaches it), when the paragraph is printed
 * alone: the lines beside one printing are not those beside the other, on either side. Asked only
 * of a move made by placed neighbours on ONE side (index.ts nearNeighbours, onesided.ts): where
 * neighbours on both sides moved alike, the text between them moved as one block and the
 * printing inside it is the passage's (a 专题's article beside an abridged copy keeping the
 * paragraph whole, its lines beside differing from the article's on both sides as well).
 *
 * It cannot refuse a passage of a text printed twice in the old text too (copies recorded > 0),
 * nor a move between copies whose paragraphs differ, nor a move to the quote's only copy.
 */
import { paragraphLength } from './copies';
import { toNormalised, type Doc } from './doc';
import { normaliseQuote } from './normalise';
import { paragraphRange } from './paragraphs';
import type { Anchor, TextSelector } from './types';

/** Whether moving the passage from `a` to `b` (both on its quote's very words) is a move between twin printings of its old paragraph. */
export function twinParagraphMove(doc: Doc, s: TextSelector, a: Anchor, b: Anchor): boolean {
  if (s.copies !== 0 || typeof s.paraLength !== 'number') return false;
  const quote = normaliseQuote(s);
  if (quote.length === 0) return false;
  const norm = doc.norm.text;
  const fa = toNormalised(doc, a.start);
  const fb = toNormalised(doc, b.start);
  if (fa === fb || !norm.startsWith(quote, fa) || !norm.startsWith(quote, fb)) return false;
  // Each placement in a paragraph of the old paragraph's size.
  if (paragraphLength(doc, fa, fa + quote.length) !== s.paraLength || paragraphLength(doc, fb, fb + quote.length) !== s.paraLength)
    return false;
  const [pa, ea] = paragraphRange(doc.raw, a.start, a.end);
  const [pb, eb] = paragraphRange(doc.raw, b.start, b.end);
  if (pa === pb) return false;
  // The same paragraph twice, the quote at the same place in both.
  if (doc.raw.slice(pa, ea).trim() !== doc.raw.slice(pb, eb).trim() || a.start - pa !== b.start - pb) return false;
  // Printed alone: the lines beside the two printings differ on both sides. A block of paragraphs
  // printed twice (an abridged copy beside the article) shares a neighbour line, and there the
  // neighbours moving with one block do say which printing is the passage's.
  return lineBefore(doc.raw, pa) !== lineBefore(doc.raw, pb) && lineAfter(doc.raw, ea) !== lineAfter(doc.raw, eb);
}

/** The line before the one starting at raw `start` (null at the text's start), trimmed. */
function lineBefore(raw: string, start: number): string | null {
  if (start <= 0) return null;
  return raw.slice(raw.lastIndexOf('\n', start - 2) + 1, start - 1).trim();
}

/** The line after the one ending at raw `end` (null at the text's end), trimmed. */
function lineAfter(raw: string, end: number): string | null {
  if (end >= raw.length) return null;
  const nl = raw.indexOf('\n', end + 1);
  return raw.slice(end + 1, nl < 0 ? raw.length : nl).trim();
}
