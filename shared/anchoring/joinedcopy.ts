/**
 * A copy that JOINED a paragraph break the old text had beside (or inside) the passage: a CMS's
 * 摘要 / 简介 field printed on top of the article holds the body's opening cut short with its lines
 * run together, so the passage near the opening stands twice, in the summary (no break) and in
 * the body (the break kept, as the stored context has it).
 *
 * - A placement on a copy that reads the stored context with a break dropped (the units between
 *   the break and the quote the same, no break there; the old text's start counts as a break) is
 *   moved to the one other copy of the quote that keeps that break and reads more of the stored
 *   context; where several copies do, nothing tells them apart: an orphan.
 * - A passage over a break (its quote holds one) placed on a joined copy, while the old text's
 *   words on one side of that break still stand elsewhere with the break beside them (the body
 *   kept the break and lost or changed the passage), is an orphan: the joined copy is a copy.
 *
 * Neither can move a passage whose own place keeps its breaks: only a placement that reads the
 * stored context up to a break and then no break is judged.
 */
import { CONTEXT_LENGTH, type Anchor, type TextSelector } from './types';

/**
 * Units of the old text on each side of a break inside the quote that must stand beside a kept
 * break elsewhere: a whole clause's worth, not a short caption a page prints more than once.
 */
const SIDE_UNITS = 16;
/** Units of the stored context before a break that a joined copy must read right before the units after it. */
const JOINED_READ = 4;

const NL = '\n';

/** Whether `text` has a break (or its start / end) at `at` ( `at` is a boundary: before unit `at`). */
function lineEdge(text: string, at: number, side: 'before' | 'after'): boolean {
  if (side === 'before') return at === 0 || text[at - 1] === NL;
  return at === text.length || text[at] === NL;
}

/** The nearest break of the stored context on `side` of the quote: the units between it and the quote, and the units past it. */
function storedBreak(s: TextSelector, side: 'before' | 'after'): { between: string; past: string } | null {
  if (side === 'before') {
    const j = s.prefix.lastIndexOf(NL);
    if (j >= 0) return { between: s.prefix.slice(j + 1), past: s.prefix.slice(0, j) };
    // The old text's start: the stored prefix reaches it (shorter than the context length).
    return s.start === s.prefix.length && s.prefix.length < CONTEXT_LENGTH - 1 ? { between: s.prefix, past: '' } : null;
  }
  const k = s.suffix.indexOf(NL);
  if (k >= 0) return { between: s.suffix.slice(0, k), past: s.suffix.slice(k + 1) };
  return null;
}

/** Whether the copy at [from, to) reads the stored units up to the break on `side` and keeps the break there. */
function keeps(text: string, s: TextSelector, side: 'before' | 'after', from: number, to: number): boolean {
  const b = storedBreak(s, side);
  if (!b) return false;
  if (side === 'before') {
    const at = from - b.between.length;
    return at >= 0 && text.slice(at, from) === b.between && lineEdge(text, at, 'before');
  }
  const at = to + b.between.length;
  return text.slice(to, at) === b.between && lineEdge(text, at, 'after');
}

/** Whether the copy at [from, to) reads the stored units up to the break on `side`, then no break but the words past it (joined). */
function joins(text: string, s: TextSelector, side: 'before' | 'after', from: number, to: number): boolean {
  const b = storedBreak(s, side);
  if (!b) return false;
  if (side === 'before') {
    const at = from - b.between.length;
    if (at < 0 || text.slice(at, from) !== b.between || lineEdge(text, at, 'before')) return false;
    // The old text's start: any units before the copy join it (nothing more to read).
    const past = b.past.slice(-JOINED_READ);
    return text.slice(Math.max(0, at - past.length), at) === past;
  }
  const at = to + b.between.length;
  if (text.slice(to, at) !== b.between || lineEdge(text, at, 'after')) return false;
  const past = b.past.slice(0, JOINED_READ);
  return past.length > 0 && text.startsWith(past, at);
}

/** Units of the stored context (a break matching a break) read right beside [from, to), the text's edges as breaks. */
function readUnits(text: string, s: TextSelector, from: number, to: number): number {
  let n = 0;
  const p = s.prefix;
  while (n < p.length && from - n - 1 >= 0 && text[from - n - 1] === p[p.length - 1 - n]) n++;
  if (n === p.length && s.start === p.length && p.length < CONTEXT_LENGTH - 1 && lineEdge(text, from - n, 'before')) n++;
  let m = 0;
  const q = s.suffix;
  while (m < q.length && to + m < text.length && text[to + m] === q[m]) m++;
  return n + m;
}

/** Starts of the raw copies of `quote` in `text`. */
function copiesOf(text: string, quote: string): number[] {
  const out: number[] = [];
  if (quote.length === 0) return out;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) out.push(at);
  return out;
}

/** Whether the old words on a side of the quote's first break stand elsewhere in `text` with a break beside them. */
function innerBreakKeptElsewhere(text: string, s: TextSelector, a: Anchor): boolean {
  const first = s.exact.indexOf(NL);
  const last = s.exact.lastIndexOf(NL);
  if (first < 0) return false;
  const placed = text.slice(a.start, a.end);
  if (placed.includes(NL)) return false;
  const before = (s.prefix + s.exact.slice(0, first)).slice(-SIDE_UNITS);
  const after = (s.exact.slice(last + 1) + s.suffix).slice(0, SIDE_UNITS);
  const outside = (at: number, len: number) => at + len <= a.start || at >= a.end;
  if (before.length === SIDE_UNITS) {
    for (const at of copiesOf(text, before + NL)) if (outside(at, before.length)) return true;
  }
  if (after.length === SIDE_UNITS) {
    for (const at of copiesOf(text, NL + after)) if (outside(at + 1, after.length)) return true;
  }
  return false;
}

/**
 * `a`, or the one copy that keeps the break `a` joined (see the module comment), or null (an
 * orphan) where `a` joined a break and several copies keep it, or joined the quote's own break
 * while the body kept it.
 */
export function joinedCopyAnchor(text: string, s: TextSelector, a: Anchor | null): Anchor | null {
  if (!a) return a;
  // The quote's words with its own break(s) dropped, no other unit changed: a joined copy of it.
  const innerJoined = s.exact.includes(NL) && text.slice(a.start, a.end) === s.exact.split(NL).join('');
  const sides = (['before', 'after'] as const).filter((side) => joins(text, s, side, a.start, a.end));
  if (sides.length === 0 && !innerJoined) return a;
  // A copy holding the quote's own break reads it better than `a` at equal context.
  const own = readUnits(text, s, a.start, a.end) - (innerJoined ? 1 : 0);
  let best: number[] = [];
  let bestRead = own;
  for (const at of copiesOf(text, s.exact)) {
    if (at === a.start && at + s.exact.length === a.end) continue;
    const to = at + s.exact.length;
    // It keeps every break `a` joined beside the quote.
    if (!sides.every((side) => keeps(text, s, side, at, to))) continue;
    const read = readUnits(text, s, at, to);
    if (read <= own || read < bestRead) continue;
    if (read > bestRead) best = [];
    bestRead = read;
    best.push(at);
  }
  if (best.length > 1) return null;
  if (best.length === 1) {
    const at = best[0] as number;
    return { ...a, start: at, end: at + s.exact.length };
  }
  return innerJoined && innerBreakKeptElsewhere(text, s, a) ? null : a;
}
