/**
 * A passage restated elsewhere after its own paragraph went (a 上期回顾 recap quoting the old
 * sentences, a digest): the copy keeps the quote and often all the stored context, since a recap
 * quotes whole sentences, neighbours included. What tells it from the passage is the rest of the
 * passage's old paragraph, past the stored context: describe() records a few pieces of it on each
 * side (`restBefore`, `restAfter`). When most pieces of one side stand nowhere in the new text, the
 * paragraph is gone on that side; a placement whose paragraph also holds other words the new text
 * holds elsewhere (a block made of copies) is then on a restatement, not on the passage: an orphan.
 * A paragraph kept, edited or split, keeps some of its pieces somewhere; a paragraph gone, with no
 * copies beside the placement, is left to the other passes.
 */
import { toNormalised, type Doc } from './doc';
import { normalisePrefix, normaliseSuffix } from './normalise';
import { paragraphRange } from './paragraphs';
import type { Anchor, TextSelector } from './types';

/** Units of each recorded piece: long enough that a piece found elsewhere is not chance. */
const PIECE = 8;
/** Pieces recorded per side, at most. */
const MAX_PIECES = 3;
/** Units of a stretch of the placement's paragraph looked for elsewhere, and the step between tries. */
const COPY_RUN = 12;
const COPY_STEP = 4;

export interface RestPieces {
  restBefore?: string[];
  restAfter?: string[];
}

/** Up to MAX_PIECES pieces of norm[from, to), spread evenly. */
function piecesOf(norm: string, from: number, to: number): string[] {
  const length = to - from;
  if (length < PIECE) return [];
  const n = Math.min(MAX_PIECES, Math.floor(length / PIECE));
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const at = from + (n === 1 ? 0 : Math.round((k * (length - PIECE)) / (n - 1)));
    const piece = norm.slice(at, at + PIECE);
    if (!out.includes(piece)) out.push(piece);
  }
  return out;
}

/**
 * Pieces of the old paragraph(s) holding raw [start, end) beyond the stored context on each side
 * (`doc` is the old text); null when the paragraph holds nothing past the context.
 */
export function restPieces(doc: Doc, s: TextSelector, own: number, end: number): RestPieces | null {
  const [pf, pt] = paragraphRange(doc.raw, s.start, s.end);
  const norm = doc.norm.text;
  const before = piecesOf(norm, toNormalised(doc, pf), Math.max(0, own - normalisePrefix(s).length));
  const after = piecesOf(norm, end + normaliseSuffix(s).length, toNormalised(doc, pt));
  if (before.length === 0 && after.length === 0) return null;
  const out: RestPieces = {};
  if (before.length > 0) out.restBefore = before;
  if (after.length > 0) out.restAfter = after;
  return out;
}

/**
 * Whether `pieces` were recorded and fewer than half of them stand in the comparison form `norm`:
 * a recap quoting the sentence next to the quote may carry one piece along.
 */
function sideGone(norm: string, pieces: unknown): boolean {
  if (!Array.isArray(pieces) || pieces.length === 0) return false;
  if (!pieces.every((p) => typeof p === 'string' && p.length > 0)) return false;
  const standing = pieces.filter((p: string) => norm.includes(p)).length;
  return standing * 2 < pieces.length;
}

/**
 * Whether placement `a` is on a restatement: one side of the passage's old paragraph is gone from
 * the new text (most of its recorded pieces stand nowhere), and the placement's paragraph holds,
 * outside the placed words, a stretch of COPY_RUN units the new text holds in another paragraph.
 */
export function onRestatement(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const norm = doc.norm.text;
  if (!sideGone(norm, s.restBefore) && !sideGone(norm, s.restAfter)) return false;
  const [pf, pt] = paragraphRange(doc.raw, a.start, a.end);
  const from = toNormalised(doc, pf);
  const to = toNormalised(doc, pt);
  const quoteFrom = toNormalised(doc, a.start);
  const quoteTo = toNormalised(doc, a.end);
  for (let i = from; i + COPY_RUN <= to; i += COPY_STEP) {
    if (i < quoteTo && i + COPY_RUN > quoteFrom) continue;
    const run = norm.slice(i, i + COPY_RUN);
    for (let at = norm.indexOf(run); at >= 0; at = norm.indexOf(run, at + 1)) {
      if (at < from || at >= to) return true;
    }
  }
  return false;
}
