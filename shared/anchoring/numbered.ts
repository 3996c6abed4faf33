/**
 * A passage in a line-numbered copy (a draft's or a court's PDF, a plain-text export with 行号):
 * the text wrapped every few dozen units, each line led by its number and a space or tab. Lines
 * break inside sentences, clauses and even numbers (9⏎6\t0 for 90), so a 60-unit sentence holds
 * two or three line numbers; the comparison form reads a number at a line's start as a paragraph
 * marker (or as digits), and approximate matching sees too many inserted units and breaks to
 * place the passage or to trust its context.
 *
 * Here the line numbers are read out of the comparison form, and the passage and its stored
 * context are looked for in what is left. A line's number counts as furniture only where the
 * numbering runs on: the number before or after it, on the next line, is one more or one less
 * (so a paragraph that begins with its own 12 or a section number alone on its line is text).
 * Placed only where the quote and the stored context on both sides (prefixHolds, suffixHolds)
 * read through line numbers at exactly one place, with a line number inside the passage or its
 * nearest context (elsewhere the other passes have judged it), and, for a quote the old text held
 * more than once, with more of the stored context there than any other copy had.
 */
import { contextMatch, MAX_COPIES, OWN_CONTEXT_MARGIN, sidesOf } from './copies';
import { type Doc } from './doc';
import { normalisePrefix, normaliseQuote, normaliseSuffix, normaliseWithMap } from './normalise';
import { NEAR_RUN, prefixHolds, suffixHolds } from './stutter';
import type { TextSelector } from './types';

/** A line's number: at the text's start or after a break, 1–3 digits, then spaces or tabs. */
const LINE_NUMBER = /(?:^|\n)([0-9]{1,3})[ \t\u3000]+/g;
/** Line numbers a text needs, at least, to be read as numbered: one or two are a list's. */
const MIN_NUMBERED_LINES = 4;
/** Places of the quote looked at, at most. */
const MAX_STARTS = 64;

/** The text with line numbers taken out, in comparison form, and where each of its units stands in the text. */
interface Unnumbered {
  /** Comparison form of the text without its line numbers (a line's words led by a marker read as one again). */
  text: string;
  /** Raw [start, end) in the numbered text of each unit of `text`. */
  start: Int32Array;
  end: Int32Array;
  /** Whether a line number was taken out right before the unit at each index of `text` (and at its end). */
  cutBefore: Uint8Array;
}

const cache = new WeakMap<Doc, Unnumbered | null>();

/** The comparison form without the line numbers of a numbered layout, or null when the text has none. */
function unnumbered(doc: Doc): Unnumbered | null {
  if (cache.has(doc)) return cache.get(doc) ?? null;
  const raw = doc.raw;
  const runs: { from: number; to: number; n: number }[] = [];
  for (const m of raw.matchAll(LINE_NUMBER)) {
    const at = m.index ?? 0;
    runs.push({ from: m[0].startsWith('\n') ? at + 1 : at, to: at + m[0].length, n: Number(m[1]) });
  }
  // A number is a line's only when the numbering runs on to the next line or from the one before.
  const nextLine = (i: number): boolean => {
    const r = runs[i];
    const next = runs[i + 1];
    return !!r && !!next && raw.indexOf('\n', r.to) + 1 === next.from && next.n === r.n + 1;
  };
  const kept = runs.filter((_, i) => nextLine(i) || nextLine(i - 1));
  if (kept.length < MIN_NUMBERED_LINES) {
    cache.set(doc, null);
    return null;
  }
  // The text without the numbers (breaks kept), and where each of its units was.
  const pieces: string[] = [];
  const rawAt = new Int32Array(raw.length + 1);
  const cutAt = new Set<number>();
  let length = 0;
  let from = 0;
  for (const r of [...kept, { from: raw.length, to: raw.length, n: 0 }]) {
    pieces.push(raw.slice(from, r.from));
    for (let i = from; i < r.from; i++) rawAt[length++] = i;
    if (r.from < raw.length) cutAt.add(length);
    from = r.to;
  }
  rawAt[length] = raw.length;
  const norm = normaliseWithMap(pieces.join(''));
  const n = norm.text.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const cut = new Uint8Array(n + 1);
  let unit = 0;
  for (let i = 0; i < n; i++) {
    start[i] = rawAt[norm.map[i] ?? 0] ?? 0;
    end[i] = (rawAt[(norm.ends[i] ?? 1) - 1] ?? 0) + 1;
  }
  // A cut marks the first unit at or after it.
  const cuts = [...cutAt].sort((x, y) => x - y);
  for (const c of cuts) {
    while (unit < n && (norm.map[unit] ?? 0) < c) unit++;
    cut[unit] = 1;
  }
  const found = { text: norm.text, start, end, cutBefore: cut };
  cache.set(doc, found);
  return found;
}

/**
 * The raw [start, end) of the passage read through line numbers, or null (see the header): from
 * its first unit to its last, the numbers inside taken in.
 */
export function numberedLinesPlace(doc: Doc, s: TextSelector): { start: number; end: number } | null {
  const quote = normaliseQuote(s);
  if (quote.length < 2) return null;
  const copies = s.copies ?? 0;
  if (!Number.isInteger(copies) || copies < 0 || copies >= MAX_COPIES) return null;
  const u = unnumbered(doc);
  if (!u) return null;
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  let found: { start: number; end: number } | null = null;
  let n = 0;
  for (let k = u.text.indexOf(quote); k >= 0; k = u.text.indexOf(quote, k + 1)) {
    if (++n > MAX_STARTS) return null;
    const end = k + quote.length;
    if (!prefixHolds(u.text, k, prefix) || !suffixHolds(u.text, end, suffix)) continue;
    // A line number inside the passage or within its nearest context: elsewhere nothing here is new.
    let cut = false;
    for (let i = Math.max(0, k - NEAR_RUN + 1); i <= Math.min(u.text.length, end + NEAR_RUN - 1) && !cut; i++) cut = u.cutBefore[i] === 1;
    if (!cut) continue;
    if (copies > 0 && !(contextMatch(u.text, k, end, sidesOf(s)) > (s.copyContext ?? Infinity) + OWN_CONTEXT_MARGIN)) continue;
    if (found) return null;
    found = { start: u.start[k] ?? 0, end: u.end[end - 1] ?? 0 };
  }
  return found;
}
