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
import { toNormalised, type Doc } from './doc';
import { normalisePrefix, normaliseQuote, normaliseSuffix } from './normalise';
import { NEAR_RUN, prefixHolds, suffixHolds } from './stutter';
import type { TextSelector } from './types';

/** A line's number: at the text's start or after a break, 1–3 digits, then spaces or tabs. */
const LINE_NUMBER = /(?:^|\n)([0-9]{1,3})[ \t\u3000]+/g;
/** Line numbers a text needs, at least, to be read as numbered: one or two are a list's. */
const MIN_NUMBERED_LINES = 4;
/** Places of the quote looked at, at most. */
const MAX_STARTS = 64;

/** The comparison form with line numbers taken out, and each remaining unit's index in it. */
interface Unnumbered {
  text: string;
  /** Index in doc.norm.text of each unit of `text`. */
  at: Int32Array;
  /** Whether a line number was taken out right before the unit at each index of `text` (and at its end). */
  cutBefore: Uint8Array;
}

const cache = new WeakMap<Doc, Unnumbered | null>();

/** The comparison form without the line numbers of a numbered layout, or null when the text has none. */
function unnumbered(doc: Doc): Unnumbered | null {
  if (cache.has(doc)) return cache.get(doc) ?? null;
  const runs: { from: number; to: number; n: number }[] = [];
  for (const m of doc.raw.matchAll(LINE_NUMBER)) {
    const digits = (m.index ?? 0) + m[0].length - m[0].replace(/^\n/, '').length;
    runs.push({ from: digits, to: (m.index ?? 0) + m[0].length, n: Number(m[1]) });
  }
  // A number is a line's only when the numbering runs on to the next line or from the one before.
  const nextLine = (i: number): boolean => {
    const r = runs[i];
    const next = runs[i + 1];
    if (!r || !next) return false;
    const between = doc.raw.indexOf('\n', r.to);
    return between >= 0 && between + 1 === next.from && next.n === r.n + 1;
  };
  const kept = runs.filter((_, i) => nextLine(i) || nextLine(i - 1));
  if (kept.length < MIN_NUMBERED_LINES) {
    cache.set(doc, null);
    return null;
  }
  const norm = doc.norm.text;
  const drop = new Uint8Array(norm.length + 1);
  for (const r of kept) {
    const from = toNormalised(doc, r.from);
    const to = toNormalised(doc, r.to);
    for (let i = from; i < to; i++) drop[i] = 1;
  }
  const at: number[] = [];
  const cut: number[] = [];
  let pending = 0;
  let out = '';
  for (let i = 0; i < norm.length; i++) {
    if (drop[i]) {
      pending = 1;
      continue;
    }
    out += norm.charAt(i);
    at.push(i);
    cut.push(pending);
    pending = 0;
  }
  cut.push(pending);
  const found = { text: out, at: Int32Array.from(at), cutBefore: Uint8Array.from(cut) };
  cache.set(doc, found);
  return found;
}

/**
 * The normalised [from, to) of the passage read through line numbers, or null (see the header).
 * `to` is the end of its last unit, `from` its first unit; the numbers inside are taken in.
 */
export function numberedLinesPlace(doc: Doc, s: TextSelector): { from: number; to: number } | null {
  const quote = normaliseQuote(s);
  if (quote.length < 2) return null;
  const copies = s.copies ?? 0;
  if (!Number.isInteger(copies) || copies < 0 || copies >= MAX_COPIES) return null;
  const u = unnumbered(doc);
  if (!u) return null;
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  let found: { from: number; to: number } | null = null;
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
    found = { from: u.at[k] ?? 0, to: (u.at[end - 1] ?? 0) + 1 };
  }
  return found;
}
