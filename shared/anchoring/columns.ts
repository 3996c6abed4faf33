/**
 * A passage in a page laid out in columns and copied back row by row (a PDF or print copy read
 * across the columns): each line holds a short piece of the left column, a gap (spaces, a tab,
 * an ideographic space) and a piece of the right column. A short passage inside one piece keeps
 * its words, but the units before and after its piece are now the other column's: its stored
 * context goes on at a piece boundary of the line above or below, not beside it, so every pass
 * that reads the context beside the quote finds it replaced on both sides.
 *
 * Here the stored context is read as a reader of the columns reads it: from the quote's piece on
 * to where that piece ends at a gap or a line's end, then on from the start of a piece of the
 * next line (back: from the end of a piece of the line before), as long as the stored words go
 * on there, at least JUMP_MIN units at each jump (all that is left of the side, if less), and at
 * exactly one piece of that line. Placed only where the quote stands whole inside one piece, the
 * context read so reaches past a piece boundary, holds SIDE_MIN units on each side (all of a
 * shorter side), at exactly one of the quote's places; for a quote the old text held more than
 * once, with more of the stored context there than any other copy had beside it.
 */
import { MAX_COPIES, OWN_CONTEXT_MARGIN } from './copies';
import { lineBreakBefore, occurrencesIn, toNormalised, type Doc } from './doc';
import { normalisePrefix, normaliseQuote, normaliseSuffix } from './normalise';
import { reverse } from './query';
import type { TextSelector } from './types';

/** Units of the stored side that must go on at a piece of the next (previous) line. */
const JUMP_MIN = 4;
/** Units of stored context each side must read through the columns (all of a shorter side). */
const SIDE_MIN = 8;
/** Lines read on from the quote's, at most, on each side. */
const MAX_JUMPS = 4;
/** Places of the quote looked at, at most. */
const MAX_STARTS = 64;

const GAP = /[ \t\u3000\u00a0]+/gu;
/** A line of two pieces or more: words, a gap, words. */
const ROW = /\S[ \t\u3000\u00a0]+\S/u;

/**
 * Whether a line holds a gap that can part two columns: a tab, an ideographic or no-break space,
 * two spaces or more, or one space beside a unit that is not ASCII. One space between ASCII units
 * is a word space (a line of code, an English sentence: client = redis.Redis()), and a line of
 * nothing else is no row: its words after a space are the same line read on, not another column.
 */
function columnGap(line: string): boolean {
  for (const m of line.matchAll(GAP)) {
    const at = m.index ?? 0;
    if (at === 0 || at + m[0].length >= line.length) continue;
    if (m[0] !== ' ') return true;
    const before = line.charCodeAt(at - 1);
    const after = line.charCodeAt(at + 1);
    if (!(before < 0x80) || !(after < 0x80)) return true;
  }
  return false;
}

/** Whether raw code unit `c` is white space that parts two pieces of a line. */
function isGap(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0;
}

/** Whether a piece of a line ends between normalised units i − 1 and i: a line break or a gap lies between. */
function pieceEdge(doc: Doc, i: number): boolean {
  const { map, ends } = doc.norm;
  if (i <= 0 || i >= map.length) return true;
  const from = ends[i - 1] ?? 0;
  const to = map[i] ?? 0;
  for (let at = from; at < to; at++) {
    const c = doc.raw.charCodeAt(at);
    if (c === 0x0a || isGap(c)) return true;
  }
  return false;
}

/** Normalised [start, end) of the pieces of the raw line [from, to). */
function piecesOf(doc: Doc, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  const line = doc.raw.slice(from, to);
  let at = 0;
  const push = (a: number, b: number) => {
    const s = toNormalised(doc, from + a);
    const e = toNormalised(doc, from + b);
    if (e > s) out.push([s, e]);
  };
  for (const m of line.matchAll(GAP)) {
    push(at, m.index ?? 0);
    at = (m.index ?? 0) + m[0].length;
  }
  push(at, line.length);
  return out;
}

/** Raw [start, end) of the line holding raw offset `at` (dir 0), or of the line after (1) or before (−1) it. */
function lineAround(raw: string, at: number, dir: -1 | 0 | 1): [number, number] | null {
  let start = raw.lastIndexOf('\n', at - 1) + 1;
  let end = raw.indexOf('\n', at);
  if (end < 0) end = raw.length;
  if (dir === 1) {
    if (end >= raw.length) return null;
    start = end + 1;
    end = raw.indexOf('\n', start);
    if (end < 0) end = raw.length;
  } else if (dir === -1) {
    if (start === 0) return null;
    end = start - 1;
    start = raw.lastIndexOf('\n', end - 1) + 1;
  }
  return [start, end];
}

/**
 * Units of `side` (the stored suffix read on, or the prefix reversed) read from normalised `at`
 * through the columns, and whether a piece boundary was crossed.
 */
function readOn(doc: Doc, at: number, side: string, dir: 1 | -1): { units: number; jumped: boolean } {
  const norm = doc.norm.text;
  const unitAtStep = (i: number) => (dir === 1 ? norm.charCodeAt(i) : norm.charCodeAt(i - 1));
  const inText = (i: number) => (dir === 1 ? i < norm.length : i > 0);
  /** Units of the side from its unit `n` that stand reading on from `pos`, at most `most`, over nothing but units. */
  const run = (pos: number, n: number, most: number) => {
    let k = 0;
    while (k < most && n + k < side.length && inText(pos + k * dir) && unitAtStep(pos + k * dir) === side.charCodeAt(n + k)) k++;
    return k;
  };
  /**
   * Read on along a line from `pos`: over a gap inside the line only where the side goes on right
   * past it for JUMP_MIN units (all that is left, if less): words with a space between (Mate 20 X).
   */
  const along = (pos: number, n: number, landed = false): { pos: number; n: number } => {
    for (let first = landed; n < side.length && inText(pos); first = false) {
      // (Not before the first unit of a piece just jumped to: that edge is the one jumped over.)
      if (!first && pieceEdge(doc, pos)) {
        if (lineBreakBefore(doc, pos)) break;
        const need = Math.min(JUMP_MIN, side.length - n);
        const k = run(pos, n, need);
        // (Or to the line's end, if nearer: a word split over the gap and the line's edge.)
        if (k < need && !(k > 0 && lineBreakBefore(doc, pos + k * dir))) break;
      }
      if (unitAtStep(pos) !== side.charCodeAt(n)) break;
      n++;
      pos += dir;
    }
    return { pos, n };
  };
  let { pos, n } = along(at, 0);
  let jumped = false;
  for (let jumps = 0; jumps < MAX_JUMPS && n < side.length && pieceEdge(doc, pos); jumps++) {
    // The piece ended: the side goes on at exactly one piece of the next (previous) line.
    const rawHere = dir === 1 ? (doc.norm.ends[pos - 1] ?? 0) : (doc.norm.map[pos] ?? 0);
    const line = lineAround(doc.raw, rawHere, dir);
    if (!line) break;
    const need = Math.min(JUMP_MIN, side.length - n);
    let next = -1;
    const pieces = piecesOf(doc, line[0], line[1]);
    // Only onto a row of the columns too: a line of one piece (the paragraph above a pull quote
    // set as "■ words") is ordinary text, read as the other passes read it.
    if (!isRow(doc, line, pieces)) break;
    const lineFrom = pieces[0]?.[0] ?? 0;
    const lineTo = pieces[pieces.length - 1]?.[1] ?? 0;
    for (const [s, e] of pieces) {
      const from = dir === 1 ? s : e;
      // Up to the line's end (start): a piece's words may go on past a space between words.
      if (run(from, n, dir === 1 ? lineTo - s : e - lineFrom) < need) continue;
      if (next >= 0) return { units: n, jumped };
      next = from;
    }
    if (next < 0) break;
    ({ pos, n } = along(next, n, true));
    jumped = true;
  }
  return { units: n, jumped };
}

/** Units a piece needs to count as a column's line (a lone bullet or mark is not one). */
const PIECE_MIN = 2;

/** Whether the raw line [from, to) holds two pieces or more of PIECE_MIN units: a row of the columns. */
function isRow(doc: Doc, line: [number, number], pieces = piecesOf(doc, line[0], line[1])): boolean {
  return pieces.filter(([s, e]) => e - s >= PIECE_MIN).length >= 2;
}

const rows = new WeakMap<Doc, boolean>();

/** Whether some line of the text has a gap between words (tested once per text). */
function hasRows(doc: Doc): boolean {
  let has = rows.get(doc);
  if (has === undefined) rows.set(doc, (has = ROW.test(doc.raw)));
  return has;
}

/** The normalised [from, to) of the passage read through columns, or null (see the header). */
export function columnsPlace(doc: Doc, s: TextSelector): { from: number; to: number } | null {
  const quote = normaliseQuote(s);
  if (quote.length < 2) return null;
  const copies = s.copies ?? 0;
  if (!Number.isInteger(copies) || copies < 0 || copies >= MAX_COPIES) return null;
  // Only a text with gaps inside lines can be a column layout.
  if (!hasRows(doc)) return null;
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  const before = reverse(prefix);
  const needBefore = Math.min(SIDE_MIN, prefix.length);
  const needAfter = Math.min(SIDE_MIN, suffix.length);
  const starts = occurrencesIn(doc, quote, MAX_STARTS + 1);
  if (starts.length > MAX_STARTS) return null;
  let found: { from: number; to: number } | null = null;
  for (const k of starts) {
    const end = k + quote.length;
    // The quote whole inside one piece.
    // (A gap inside it only where the stored quote had white space too.)
    const spaced = /\s/u.test(s.exact);
    let inside = true;
    for (let i = k + 1; i < end && inside; i++) inside = !pieceEdge(doc, i) || (spaced && !lineBreakBefore(doc, i));
    if (!inside) continue;
    const back = readOn(doc, k, before, -1);
    const on = readOn(doc, end, suffix, 1);
    if (!back.jumped && !on.jumped) continue;
    if (back.units < needBefore || on.units < needAfter) continue;
    // On a line of two pieces or more (a row of the columns).
    const line = lineAround(doc.raw, doc.norm.map[k] ?? 0, 0);
    if (!line || !ROW.test(doc.raw.slice(line[0], line[1])) || !columnGap(doc.raw.slice(line[0], line[1])) || !isRow(doc, line)) continue;
    if (copies > 0 && !(back.units + on.units > (s.copyContext ?? Infinity) + OWN_CONTEXT_MARGIN)) continue;
    if (found) return null;
    found = { from: k, to: end };
  }
  return found;
}
