/**
 * A passage that closed (opened) the old text is taken where a copy still closes (opens) the new
 * one: a closing line printed twice (a pull quote, a paste) leaves only the edge to tell (stutter.ts
 * pairAtEdges, query.ts textEdgeLost). An editor's 结语 (总之，… / 结语：…) restating the article's
 * last sentence word for word at the end of a paragraph of its own words is another kind of copy:
 * its paragraph is not the passage's old paragraph (another size), while the old paragraph still
 * stands whole elsewhere, the quote at the same edge of it. The text's edge then says nothing of
 * which copy is the passage: the placement on the restatement is an orphan.
 */
import { paragraphLength } from './copies';
import { occurrencesIn, toNormalised, type Doc } from './doc';
import { normaliseQuote } from './normalise';
import { paragraphRange } from './paragraphs';
import { CONTEXT_LENGTH, type Anchor, type TextSelector } from './types';

/** Copies of the quote looked at for the old paragraph standing whole. */
const EDGE_COPIES = 16;

/** The normalised [from, to) of the raw paragraph holding normalised [from, to). */
function paragraphOf(doc: Doc, from: number, to: number): [number, number] {
  const start = doc.norm.map[from] ?? 0;
  const end = (doc.norm.map[Math.max(from, to - 1)] ?? 0) + 1;
  const [pf, pt] = paragraphRange(doc.raw, start, end);
  return [toNormalised(doc, pf), toNormalised(doc, pt)];
}

/**
 * Whether placement `a` is a copy at the new text's edge, the passage having stood at the old
 * text's same edge, in a paragraph of another size than the passage's old one (paraLength), while
 * another copy of the quote ends (begins) a paragraph of exactly that size.
 */
export function edgeCopyRestated(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const length = s.paraLength;
  if (typeof length !== 'number' || !Number.isInteger(length) || length <= 0) return false;
  const closed = s.suffix.length < CONTEXT_LENGTH;
  const opened = s.prefix.length < CONTEXT_LENGTH && s.start === s.prefix.length;
  if (!closed && !opened) return false;
  const quote = normaliseQuote(s);
  const text = doc.norm.text;
  const from = toNormalised(doc, a.start);
  const to = from + quote.length;
  if (quote.length === 0 || !text.startsWith(quote, from)) return false;
  const atEnd = closed && to === text.length;
  const atStart = opened && from === 0;
  if (!atEnd && !atStart) return false;
  if (paragraphLength(doc, from, to) === length) return false;
  for (const o of occurrencesIn(doc, quote, EDGE_COPIES)) {
    if (o === from) continue;
    const [pf, pt] = paragraphOf(doc, o, o + quote.length);
    if (pt - pf !== length) continue;
    if ((atEnd && o + quote.length === pt) || (atStart && o === pf)) return true;
  }
  return false;
}
