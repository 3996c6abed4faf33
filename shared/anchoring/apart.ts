/**
 * Placements that join what an edit parted (last check of anchorAll):
 * - a passage over a paragraph break whose pieces now lie apart (question–answer blocks
 *   reordered): a placement that keeps one piece and stretches over other words of the same
 *   frame where the other piece stood, while that piece stands whole elsewhere, is not the
 *   passage (halvesApart);
 * - a passage whose stored context held the same words again a few units on (a twin), placed
 *   on a copy whose side toward that twin lacks the words between and has no twin: the words
 *   from the passage to its twin were dropped (a clause cut from a draft) and the copy is the
 *   twin, which now stands on the passage's other context (twinInOwnContext).
 * Both prefer an orphan to another passage's words.
 */
import { lineBreakBefore, toNormalised, type Doc } from './doc';
import { anchoredDistance, compilePattern } from './myers';
import { normalise, normalisePrefix, normaliseQuote, normaliseSuffix, quoteAtHead } from './normalise';
import { CONTEXT_READ, reverse } from './query';
import { CONTEXT_LENGTH, type Anchor, type TextSelector } from './types';

const MARK = /[\p{P}\p{S}]/u;
const MARKS = /[\p{P}\p{S}]/gu;

/** Units of the stored context that must stand beside a piece found elsewhere. */
const SIDE = 6;
/** Units a piece of a passage over a break needs to say by itself where it stands. */
const PIECE_MIN = 6;
/** Units of words between a passage and its twin below which their loss says nothing. */
const BETWEEN_MIN = 4;
/** Units beyond the stored distance where the twin may still stand (a small edit between). */
const TWIN_SLACK = 8;

/**
 * Whether `a` joins pieces of a passage over a paragraph break that now lie apart: the placed
 * words are not the quote, lack an edge piece of it, and that piece stands whole elsewhere with
 * the passage's stored context on its outer side.
 */
export function halvesApart(doc: Doc, s: TextSelector, a: Anchor): boolean {
  if (!s.exact.includes('\n')) return false;
  const pieces = s.exact
    .split('\n')
    // Every piece after a break begins a paragraph: its marker is one unit, as in the text.
    .map((p, i) => normalise(p, i > 0 || quoteAtHead(s)))
    .filter((p) => p.length > 0);
  if (pieces.length < 2) return false;
  const norm = doc.norm.text;
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  const placed = norm.slice(from, to);
  // The whole passage, or one piece of it alone (its larger piece, the other beyond inserted paragraphs), joins nothing.
  if (placed === pieces.join('') || pieces.includes(placed)) return false;
  const bare = placed.replace(MARKS, '');
  const prefix = normalisePrefix(s).slice(-SIDE);
  const suffix = normaliseSuffix(s).slice(0, SIDE);
  // An edge piece that was a whole paragraph (the quote began or ended with it) is told by its own
  // breaks: standing elsewhere as a paragraph of its own, it is there, whatever now surrounds it
  // (entries of a timeline reversed). Its stored outer context went with its old neighbours.
  const wholeFirst = s.start === s.prefix.length || /\n[ \t\u3000]*$/u.test(s.prefix);
  const wholeLast = s.suffix.length === 0 || /^[ \t\u3000]*\n/u.test(s.suffix);
  const ownParagraph = (at: number, length: number) =>
    (at === 0 || lineBreakBefore(doc, at)) && (at + length === norm.length || lineBreakBefore(doc, at + length));
  return pieces.some((p, i) => {
    // Only an edge piece says where the passage's other half went: there its stored context
    // stands on the outer side (a middle paragraph, or a piece without that context, may be a copy).
    if (i > 0 && i < pieces.length - 1) return false;
    // A mark changed at the piece's edge (。→，) is an edit in place, not a piece gone.
    const core = p.replace(MARKS, '');
    if (core.length < PIECE_MIN || bare.includes(core)) return false;
    for (let at = norm.indexOf(p); at >= 0; at = norm.indexOf(p, at + 1)) {
      if (at + p.length > from && at < to) continue;
      if (i === 0 && prefix && norm.slice(Math.max(0, at - prefix.length), at) === prefix) return true;
      if (((i === 0 && wholeFirst) || (i === pieces.length - 1 && wholeLast)) && ownParagraph(at, p.length)) return true;
      if (i === pieces.length - 1 && suffix && norm.startsWith(suffix, at + p.length)) return true;
    }
    return false;
  });
}

/** Whether dropping `span` (between the units `before` and `after`) removes a whole clause: it starts after a mark and ends with one, or starts with one and ends before one. */
function clauseShaped(before: string | undefined, startEdge: boolean, span: string, after: string, endEdge = false): boolean {
  const isMark = (c: string | undefined) => c !== undefined && c !== '' && MARK.test(c);
  const open = startEdge && !before ? true : isMark(before);
  const close = endEdge && !after ? true : isMark(after);
  return (open && isMark(span.at(-1))) || (isMark(span.charAt(0)) && close);
}

/**
 * Whether `a` is the twin the passage's stored context held (its quote again, at least
 * BETWEEN_MIN units away on one side), the words between gone from that side of `a` and no
 * copy of the quote there: the twin now stands where the passage stood.
 */
export function twinInOwnContext(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const quote = normaliseQuote(s);
  if (quote.length === 0) return false;
  const norm = doc.norm.text;
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  const suffix = normaliseSuffix(s);
  const prefix = normalisePrefix(s);
  const k = suffix.indexOf(quote);
  // The reading in which the passage's own words went must drop a whole clause: from after a
  // mark to a mark (the other reading, the twin gone, may be as short but is not a clause).
  if (k >= BETWEEN_MIN && clauseShaped(prefix.at(-1), s.prefix.length < CONTEXT_LENGTH, quote + suffix.slice(0, k), suffix.charAt(k))) {
    const between = suffix.slice(0, k);
    const twin = norm.indexOf(quote, to);
    const twinStill = twin >= 0 && twin <= to + k + TWIN_SLACK;
    if (!twinStill) {
      const d = anchoredDistance(compilePattern(between), norm, to, Math.min(norm.length - to, k + CONTEXT_READ), 1);
      // ...and what followed the twin follows the placement (the twin moved up, not a block away).
      const tail = suffix.slice(k + quote.length);
      const t = tail ? anchoredDistance(compilePattern(tail), norm, to, Math.min(norm.length - to, tail.length + CONTEXT_READ), 1) : 1;
      if (d * 2 > k && t * 2 < tail.length) return true;
    }
  }
  const j = prefix.lastIndexOf(quote);
  const gap = j >= 0 ? prefix.length - j - quote.length : -1;
  if (
    j >= 0 &&
    gap >= BETWEEN_MIN &&
    clauseShaped(
      prefix.charAt(j + quote.length - 1),
      false,
      prefix.slice(j + quote.length) + quote,
      suffix.charAt(0),
      s.suffix.length < CONTEXT_LENGTH,
    )
  ) {
    const between = prefix.slice(j + quote.length);
    const twin = from >= quote.length ? norm.lastIndexOf(quote, from - quote.length) : -1;
    const twinStill = twin >= 0 && twin >= from - gap - quote.length - TWIN_SLACK;
    if (!twinStill) {
      const d = anchoredDistance(compilePattern(reverse(between)), norm, from - 1, Math.min(from, gap + CONTEXT_READ), -1);
      const head = prefix.slice(0, j);
      const h = head ? anchoredDistance(compilePattern(reverse(head)), norm, from - 1, Math.min(from, head.length + CONTEXT_READ), -1) : 1;
      if (d * 2 > gap && h * 2 < head.length) return true;
    }
  }
  return false;
}
