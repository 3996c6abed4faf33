/**
 * A passage that opened its paragraph, its words now copied into a line written right before
 * that paragraph: a 学习问答 edition asks a question quoting the paragraph's first clause
 * (问：怎样做到<clause>？) and labels the paragraph 答：; a heading or a pull line may restate a
 * paragraph's opening the same way. The stored prefix (the previous paragraph's end, then the
 * break) now reads best before the copy in the written line, which directly follows the previous
 * paragraph, so the first pass may place the passage there.
 *
 * The copy in the written line is new text when: the old text held the quote once and the new one
 * holds it more often; that copy is not at its line's head (more than a label before it); the very
 * next line opens (after at most a label) with another copy; and that copy keeps more of the
 * stored suffix, by more than a chance margin, than the placed one (the written line breaks off
 * where its quotation ends: a question mark, the end of a heading). The passage is then the copy
 * opening the next line, where the old text had it: at a paragraph's head, its words going on.
 */
import { contextMatch, OWN_CONTEXT_MARGIN, sidesOf, type Sides } from './copies';
import { toNormalised, type Doc } from './doc';
import { normalise, normaliseQuote, quoteAtHead } from './normalise';
import type { TextSelector } from './types';

/** Comparison units a paragraph's label may take before its words (答：, 【答】, A：, 问题一：). */
const LABEL_UNITS = 5;

/** The normalised start of the copy opening the line after the one `a` sits in, or null (see above). */
export function introducedCopy(doc: Doc, s: TextSelector, a: { start: number; end: number }): number | null {
  if (s.copies !== 0 || !quoteAtHead(s)) return null;
  return nextLineCopy(doc, s, a, normaliseQuote(s));
}

/**
 * Where `words` (comparison form), placed at `a` after more than a label of its own line, stand
 * again at the head of the next line (after at most a label) and keep more of the stored suffix
 * there than here: the next line's copy goes on with the passage's words, the written line's
 * breaks off. Null otherwise.
 */
function nextLineCopy(doc: Doc, s: TextSelector, a: { start: number; end: number }, words: string): number | null {
  const norm = doc.norm.text;
  const from = toNormalised(doc, a.start);
  if (words.length === 0 || norm.slice(from, from + words.length) !== words) return null;
  const raw = doc.raw;
  const lineStart = raw.lastIndexOf('\n', a.start - 1) + 1;
  // Not at its own line's head: more than a label stands before it in that line.
  if (from - toNormalised(doc, lineStart) <= LABEL_UNITS) return null;
  const lineEnd = raw.indexOf('\n', a.end);
  if (lineEnd < 0) return null;
  const nextEnd = raw.indexOf('\n', lineEnd + 1);
  const nextFrom = toNormalised(doc, lineEnd + 1);
  const nextTo = nextEnd < 0 ? norm.length : toNormalised(doc, nextEnd);
  let at = -1;
  for (let k = 0; k <= LABEL_UNITS && nextFrom + k + words.length <= nextTo; k++)
    if (norm.startsWith(words, nextFrom + k)) {
      at = nextFrom + k;
      break;
    }
  if (at < 0) return null;
  const both = sidesOf(s);
  const after: Sides = { ...both, prefix: '', before: null, edge: { start: false, end: both.edge.end } };
  const here = contextMatch(norm, from, from + words.length, after);
  const there = contextMatch(norm, at, at + words.length, after);
  return there > here + OWN_CONTEXT_MARGIN ? at : null;
}

/**
 * The same for a span over a break placed as its larger piece, the paragraph opening after the
 * break (largerPieceAnchor, edges.ts): a 学习问答 line written at the break quotes that opening
 * (【问】为什么说<opening>…？), so the piece is found in the question, after its frame, while the next
 * line opens (after a label) with the piece and keeps more of the stored suffix. The placement is
 * then on the question's copy, not the passage: true where it should be an orphan.
 */
export function onIntroducedPieceCopy(doc: Doc, s: TextSelector, a: { start: number; end: number }): boolean {
  const cut = s.exact.lastIndexOf('\n');
  if (cut < 0) return false;
  const piece = normalise(s.exact.slice(cut + 1), true);
  // The placement is the piece itself, no more.
  if (toNormalised(doc, a.end) - toNormalised(doc, a.start) !== piece.length) return false;
  return nextLineCopy(doc, s, a, piece) !== null;
}
