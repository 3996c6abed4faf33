/**
 * A paragraph given a short label at its head (a 学习问答 edition's 答： / 【答】 / A：, a 精读
 * edition's ①): its length changes, but the words after the label are the old paragraph, all of
 * it. The length check of copies.ts (otherParagraphsLength: a copy in a paragraph of another
 * length, while another copy's paragraph has the stored length, is another passage's) then reads
 * the labelled paragraph as another one; it is the passage's own, and the other copy of the stored
 * length (its twin, a page printed twice) is no likelier the passage's than it was before the
 * label. Only the print of the whole old paragraph after at most HEAD_MAX units counts: words
 * changed anywhere else in the paragraph, or a paragraph that merely begins like it, do not.
 */
import { type Doc } from './doc';
import { fingerprint, paragraphRange } from './paragraphs';
import { type TextSelector } from './types';

/** Raw units a label written at a paragraph's head may take (【答】, 问：, （答）, white space). */
const HEAD_MAX = 8;

/**
 * Whether the paragraph(s) holding raw [start, end) of the new text read, after a label of at most
 * HEAD_MAX units at their head, as the passage's whole old paragraph (its stored print `para`),
 * and are not as they stand one of the other old paragraphs the passage recorded (`others`).
 */
export function ownParagraphHeaded(doc: Doc, s: TextSelector, start: number, end: number): boolean {
  if (typeof s.para !== 'string') return false;
  const [from, to] = paragraphRange(doc.raw, start, end);
  const paragraph = doc.raw.slice(from, to);
  if (Array.isArray(s.others) && s.others.includes(fingerprint(paragraph))) return false;
  // The label lies before the passage: it cannot cut into the quote.
  const most = Math.min(HEAD_MAX, start - from);
  for (let k = 1; k <= most; k++) {
    if (fingerprint(paragraph.slice(k)) === s.para) return true;
  }
  return false;
}
