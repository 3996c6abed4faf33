/**
 * A passage restated elsewhere after its own paragraph went (a 上期回顾 recap quoting the old
 * sentences, a digest): the copy keeps the quote and often all the stored context, since a recap
 * quotes whole sentences, neighbours included. What tells it from the passage is the rest of the
 * passage's old paragraph, past the stored context: describe() records a few pieces of it on each
 * side (`restBefore`, `restAfter`). When most pieces of one side stand nowhere in the new text, the
 * paragraph is gone on that side; a placement whose paragraph also holds another paragraph's words
 * whole (a block made of copies) is then on a restatement, not on the passage: an orphan.
 * A paragraph kept, edited or split, keeps some of its pieces somewhere; a paragraph gone, with no
 * copies beside the placement, is left to the other passes.
 */
import { occurrencesIn, toNormalised, type Doc } from './doc';
import { normalise, normalisePrefix, normaliseSuffix } from './normalise';
import { paragraphRange } from './paragraphs';
import { CONTEXT_LENGTH, type Anchor, type TextSelector } from './types';

/** Units of each recorded piece: long enough that a piece found elsewhere is not chance. */
const PIECE = 8;
/** Pieces recorded per side, at most. */
const MAX_PIECES = 3;

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
function sideGone(doc: Doc, pieces: unknown): boolean {
  if (!Array.isArray(pieces) || pieces.length === 0) return false;
  if (!pieces.every((p) => typeof p === 'string' && p.length > 0)) return false;
  const standing = pieces.filter((p: string) => occurrencesIn(doc, p, 1).length > 0).length;
  return standing * 2 < pieces.length;
}

/**
 * Whether placement `a` is on a restatement: one side of the passage's old paragraph is gone from
 * the new text (most of its recorded pieces stand nowhere), and the placement's paragraph holds,
 * outside the placed words, the whole words of another paragraph of the new text (a recap quoting a
 * line that still stands): a block made of copies. Words merely repeated somewhere (a stock phrase,
 * a sentence used twice) are no such sign; a paragraph held whole inside another is.
 */
export function onRestatement(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const norm = doc.norm.text;
  if (!sideGone(doc, s.restBefore) && !sideGone(doc, s.restAfter)) return false;
  const [pf, pt] = paragraphRange(doc.raw, a.start, a.end);
  const from = toNormalised(doc, pf);
  const own = norm.slice(from, toNormalised(doc, pt));
  const quoteFrom = toNormalised(doc, a.start) - from;
  const quoteTo = toNormalised(doc, a.end) - from;
  for (const line of linesOf(doc)) {
    const words = line.words;
    if (line.start === pf || words.length < RESTATED_MIN || words.length >= own.length) continue;
    // The paragraph's own test first: the whole-text count (stock) only for words it holds.
    let outside = false;
    for (let at = own.indexOf(words); at >= 0 && !outside; at = own.indexOf(words, at + 1)) {
      outside = at >= quoteTo || at + words.length <= quoteFrom;
    }
    if (outside && !stock(doc, words)) return true;
  }
  return false;
}

interface Line {
  /** Raw offset of the line's first unit. */
  start: number;
  /** The line's comparison form without edge marks (wordsOf). */
  words: string;
}

/** Each line's words, made once per text: every placement checked looks at all of them. */
const linesCache = new WeakMap<Doc, Line[]>();

/** The lines of the text (between '\n's) with their words, cached on the doc. */
export function linesOf(doc: Doc): Line[] {
  const hit = linesCache.get(doc);
  if (hit) return hit;
  const raw = doc.raw;
  const norm = doc.norm.text;
  const lines: Line[] = [];
  for (let start = 0; start < raw.length;) {
    const nl = raw.indexOf('\n', start);
    const end = nl < 0 ? raw.length : nl;
    lines.push({ start, words: wordsOf(norm.slice(toNormalised(doc, start), toNormalised(doc, end))) });
    start = end + 1;
  }
  linesCache.set(doc, lines);
  return lines;
}

/**
 * Whether `words` stand more than twice in `norm`: a stock sentence the text repeats (此外，有关
 *工作正在稳步推进。), set as a line of its own somewhere, is no line a block of copies quoted; a
 * line restated stands twice, in its paragraph and in the block.
 */
function stock(doc: Doc, words: string): boolean {
  return occurrencesIn(doc, words, 3).length > 2;
}

/** Occurrences of a paragraph's words looked at for one standing on its own. */
const MAX_STANDING = 64;

/**
 * The passage's whole old paragraph in comparison form without edge marks, when the stored
 * context reaches both its edges (a break or the text's edge on each side); else null.
 */
function wholeOldParagraph(s: TextSelector): string | null {
  if (s.exact.includes('\n')) return null;
  const head = s.prefix.lastIndexOf('\n');
  if (head < 0 && s.start !== s.prefix.length) return null;
  const tail = s.suffix.indexOf('\n');
  // A suffix shorter than the context (a unit short for a split pair aside) reached the text's end.
  if (tail < 0 && s.suffix.length >= CONTEXT_LENGTH - 1) return null;
  const words = wordsOf(normalise(s.prefix.slice(head + 1) + s.exact + (tail < 0 ? s.suffix : s.suffix.slice(0, tail)), true));
  return words.length >= RESTATED_MIN ? words : null;
}

/**
 * Whether placement `a` is on a copy of the passage's whole old paragraph (known from the stored
 * context) held inside a longer paragraph, while that paragraph still stands on its own elsewhere,
 * word for word: the block around the placement copies it (a recap joining the sentences of
 * several paragraphs into one), and the passage is the paragraph standing as it was, or, if the
 * revision merged its paragraph into a longer one and copied it apart, undecidable. An orphan
 * either way, never a placement on the copy.
 */
export function paragraphStandsApart(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const words = wholeOldParagraph(s);
  if (!words) return false;
  const norm = doc.norm.text;
  const [pf, pt] = paragraphRange(doc.raw, a.start, a.end);
  const from = toNormalised(doc, pf);
  const to = toNormalised(doc, pt);
  const own = norm.slice(from, to);
  if (wordsOf(own) === words || !own.includes(words)) return false;
  let n = 0;
  for (let at = norm.indexOf(words); at >= 0 && n < MAX_STANDING; at = norm.indexOf(words, at + 1), n++) {
    if (at >= from && at < to) continue;
    const raw = doc.norm.map[at] ?? 0;
    const [f, t] = paragraphRange(doc.raw, raw, raw + 1);
    if (wordsOf(norm.slice(toNormalised(doc, f), toNormalised(doc, t))) === words) return true;
  }
  return false;
}

/** Units of a paragraph's words before one held whole inside another says the other restates it. */
const RESTATED_MIN = 8;

/** A letter or digit (one code point, a surrogate pair whole). */
const WORD_POINT = /[\p{L}\p{N}]/u;

/** Code units of the code point ending at `end` (a surrogate pair is two). */
function pointBefore(form: string, end: number): number {
  const c = form.charCodeAt(end - 1);
  const h = end >= 2 ? form.charCodeAt(end - 2) : 0;
  return c >= 0xdc00 && c <= 0xdfff && h >= 0xd800 && h <= 0xdbff ? 2 : 1;
}

/** Code units of the code point starting at `at`, not read past `end`. */
function pointAt(form: string, at: number, end: number): number {
  const c = form.charCodeAt(at);
  const l = at + 1 < end ? form.charCodeAt(at + 1) : 0;
  return c >= 0xd800 && c <= 0xdbff && l >= 0xdc00 && l <= 0xdfff ? 2 : 1;
}

/**
 * The comparison form of a paragraph without marks at its edges: what
 * form.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}]+$/u, '') gives, read from each end
 * (that trailing pattern is retried from every mark of a line: a long paragraph of many marks,
 * done for every line of a long text, cost more than the rest of its pass).
 */
export function wordsOf(form: string): string {
  let end = form.length;
  while (end > 0) {
    const w = pointBefore(form, end);
    if (WORD_POINT.test(form.slice(end - w, end))) break;
    end -= w;
  }
  let start = 0;
  while (start < end) {
    const w = pointAt(form, start, end);
    if (WORD_POINT.test(form.slice(start, start + w))) break;
    start += w;
  }
  return form.slice(start, end);
}
