/**
 * A span over a line break placed on a look-alike of its other piece. The old text held the
 * quote's look-alikes (describe(): `nearErrors`), differing in no more units than one piece of the
 * span holds: a line printed several times (an answer's closing line in a 答记者问 whose pages were
 * joined), each followed by another line. The piece past the break is then all that told the
 * passage from them. A placement that keeps nothing of that piece's words, no two units in a row
 * (问：公允价值 read on 问：棱镜), reads only the line held several times; what context it reads past
 * the break is the next line's common wording (下一步将如何推进？ after every question), not the
 * passage's. An orphan.
 */
import { normalise } from './normalise';
import type { Anchor, TextSelector } from './types';

const WORD = /[\p{L}\p{N}]/u;

/** The letters and digits of `s`. */
function wordsOf(s: string): string {
  let out = '';
  for (const c of s) if (WORD.test(c)) out += c;
  return out;
}

/**
 * Whether none of the two-unit runs of `piece`'s words stands in `placed`'s words (comparison form:
 * a list marker is one unit, so 第三十一条 → ■第三十一条 is the same marker, not words gone).
 */
function pieceGone(piece: string, placed: string, lineStart: boolean): boolean {
  const q = wordsOf(normalise(piece, lineStart));
  const p = wordsOf(normalise(placed, lineStart));
  if (q.length < 3) return false;
  for (let i = 0; i + 2 <= q.length; i++) if (p.includes(q.slice(i, i + 2))) return false;
  return true;
}

/** Whether placement `a` of `s` in `text` is a span over a break whose one piece is gone there, the old text holding look-alikes that differed within that piece. */
export function spanPieceGoneOnLookAlike(text: string, s: TextSelector, a: Anchor): boolean {
  const near = s.nearErrors;
  if (typeof near !== 'number' || near <= 0) return false;
  const quote = s.exact.trim();
  const placed = text.slice(a.start, a.end).trim();
  const qb = quote.indexOf('\n');
  const pb = placed.indexOf('\n');
  if (qb < 0 || pb < 0) return false;
  const qHead = quote.slice(0, qb);
  const qTail = quote.slice(quote.lastIndexOf('\n') + 1);
  const pHead = placed.slice(0, pb);
  const pTail = placed.slice(placed.lastIndexOf('\n') + 1);
  // The look-alikes differed in no more units than the gone piece holds, and the other piece still reads as stored.
  const gone = (piece: string, at: string, lineStart: boolean) =>
    near <= piece.replace(/\s/g, '').length && pieceGone(piece, at, lineStart);
  const reads = (piece: string, at: string) => wordsOf(piece).length > 0 && wordsOf(at).includes(wordsOf(piece));
  return (gone(qTail, pTail, true) && reads(qHead, pHead)) || (gone(qHead, pHead, false) && reads(qTail, pTail));
}
