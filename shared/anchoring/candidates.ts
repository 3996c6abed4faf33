/**
 * Places in the new text where the quote might be: exact occurrences of the normalised quote,
 * and approximate ones found by trigram seeds voting for diagonals, verified with the
 * bit-parallel DP only around the best-supported regions.
 */
import { lineBreakBefore, occurrencesIn, toNormalised, trigramIndex, type Doc } from './doc';
import { compilePattern, scan, scratch, type Pattern } from './myers';
import {
  boundsConfirmed,
  CONTEXT_READ,
  endKept,
  startKept,
  MIN_FUZZY_QUOTE_SIM,
  prefixDistance,
  prefixRun,
  reverse,
  score,
  suffixDistance,
  suffixRun,
  type Candidate,
  type Query,
  type Scored,
} from './query';
import { bucketSize, forEachOccurrence, type TrigramIndex } from './trigrams';

export function scoreAt(doc: Doc, q: Query, c: Candidate): Scored {
  return score(doc.norm.text, q, c, doc.norm.map[c.start] ?? 0, (i) => lineBreakBefore(doc, i));
}

// ---------------------------------------------------------------------------------------------
// Exact occurrences

/** Occurrences beyond this many are ranked by their exact context runs before full scoring. */
const MAX_EXACT_SCORED = 24;

export function exactCandidates(doc: Doc, q: Query): Scored[] {
  const text = doc.norm.text;
  const m = q.quote.length;
  let starts = exactStarts(doc, q.quote);
  if (starts.length > MAX_EXACT_SCORED) {
    const ranked: { start: number; run: number }[] = [];
    for (const start of starts) {
      // One long intact side is what places a set phrase; two short runs are common.
      const p = prefixRun(text, q, start);
      const s = suffixRun(text, q, start + m);
      const run = Math.max(p, s) + Math.min(p, s) / 4;
      keepTop(ranked, { start, run }, MAX_EXACT_SCORED, (a, b) => b.run - a.run);
    }
    starts = ranked.map((r) => r.start);
  }
  return starts.map((start) => scoreAt(doc, q, { start, end: start + m, errors: 0 }));
}

/** Start offsets of the quote in the normalised text, via its rarest trigram when it has one. */
function exactStarts(doc: Doc, quote: string): number[] {
  const text = doc.norm.text;
  const starts: number[] = [];
  // One or two units: every occurrence, through the document's unit index (doc.ts).
  if (quote.length > 0 && quote.length < 3) return occurrencesIn(doc, quote, Infinity);
  if (quote.length < 3) {
    for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) starts.push(at);
    return starts;
  }
  const index = trigramIndex(doc);
  let rarest = 0;
  let rarestSize = Infinity;
  for (let o = 0; o + 3 <= quote.length && rarestSize > 1; o++) {
    const size = bucketSize(index, quote, o);
    if (size < rarestSize) {
      rarest = o;
      rarestSize = size;
    }
  }
  forEachOccurrence(index, quote, rarest, (p) => {
    if (p >= rarest && text.startsWith(quote, p - rarest)) starts.push(p - rarest);
  });
  return starts;
}

// ---------------------------------------------------------------------------------------------
// Approximate occurrences

/** Seed trigrams are taken rarest first until they have this many occurrences in all. */
const SEED_BUDGET = 300;
/** Quote offsets considered for seeds; long quotes are sampled evenly. */
const MAX_SEED_OFFSETS = 256;
const REGIONS_BY_VOTES = 6;
const REGIONS_NEAR_HINT = 2;
/** A region with less than 1/5 of the best region's votes is not verified. */
const MIN_VOTE_SHARE = 5;
const ENDS_PER_REGION = 2;
/** How far boundary refinement may move an end from the DP minimum. */
const MAX_SHIFT = 16;

function maxErrors(quoteLength: number): number {
  return Math.floor(quoteLength * (1 - MIN_FUZZY_QUOTE_SIM));
}

/**
 * Quotes this short are never placed approximately, but their approximate places still count
 * as rivals: a set phrase found whole elsewhere must not win over its own edited words.
 */
const MIN_RIVAL_LENGTH = 4;

export function fuzzyCandidates(doc: Doc, q: Query): Scored[] {
  const m = q.quote.length;
  if (m < MIN_RIVAL_LENGTH) return [];
  const k = Math.max(1, maxErrors(m));
  const index = trigramIndex(doc);
  const hint = toNormalised(doc, q.selector.start);
  const regions = pickRegions(seedDiagonals(index, q.quote, 0), k, hint);
  if (m < CONTEXT_SEEDED) {
    // A short quote's trigrams are common; its context's are not: seed with both, read as
    // one string, so that a passage edited inside is found where its surroundings are.
    const around = q.prefixText + q.quote + q.suffixText;
    const shift = q.prefixText.length;
    for (const r of pickRegions(seedDiagonals(index, around, shift), k + CONTEXT_SLACK_ERRORS, hint)) {
      if (!regions.some((x) => x.lo <= r.hi + k && r.lo <= x.hi + k)) regions.push(r);
    }
  }
  const quote = compilePattern(q.quote);
  const reversed = compilePattern(reverse(q.quote));
  const found = new Map<string, Scored>();
  for (const r of regions) {
    for (const c of verifyRegion(doc.norm.text, q, quote, reversed, r.lo - k, r.hi + m + k, k)) {
      const key = `${c.start}:${c.end}`;
      if (!found.has(key)) found.set(key, scoreAt(doc, q, c));
    }
  }
  return [...found.values()];
}

/** Quotes shorter than this are also looked for through their context. */
const CONTEXT_SEEDED = 32;
/** Extra spread allowed when grouping context seeds (edits around the quote move them). */
const CONTEXT_SLACK_ERRORS = 6;

/**
 * Sorted diagonals (text position − quote offset) of the rarest trigrams' occurrences;
 * `shift` is where the quote begins inside `quote` (when it carries context).
 */
function seedDiagonals(index: TrigramIndex, quote: string, shift: number): Int32Array {
  const last = quote.length - 3;
  const stride = Math.max(1, Math.ceil((last + 1) / MAX_SEED_OFFSETS));
  // Offsets by bucket size, ties in offset order (a stable sort), as one sorted array of numbers:
  // size · 2^16 + rank (the rank of the offset, < 2^16) orders exactly so, with no object per offset.
  const count = last < 0 ? 0 : Math.floor(last / stride) + 1;
  const keys = new Float64Array(count);
  for (let r = 0; r < count; r++) keys[r] = bucketSize(index, quote, r * stride) * 65536 + r;
  keys.sort();
  const diagonals: number[] = [];
  for (let i = 0; i < count; i++) {
    const key = keys[i] as number;
    const size = Math.floor(key / 65536);
    const o = (key - size * 65536) * stride;
    if (diagonals.length > 0 && diagonals.length + size > SEED_BUDGET) break;
    forEachOccurrence(index, quote, o, (p) => diagonals.push(p - o + shift));
  }
  return Int32Array.from(diagonals).sort();
}

interface Region {
  lo: number;
  hi: number;
  votes: number;
}

/**
 * Groups diagonals lying within k of each other. Keeps the best-supported groups and, since
 * edits elsewhere shift a passage only a little, the groups nearest its old position.
 */
function pickRegions(diagonals: Int32Array, k: number, hint: number): Region[] {
  const best: Region[] = [];
  const near: Region[] = [];
  const gap = (r: Region) => Math.max(0, r.lo - hint, hint - r.hi);
  let i = 0;
  while (i < diagonals.length) {
    const lo = diagonals[i] ?? 0;
    let hi = lo;
    let j = i + 1;
    while (j < diagonals.length && (diagonals[j] ?? 0) - hi <= k) hi = diagonals[j++] ?? hi;
    const region = { lo, hi, votes: j - i };
    keepTop(best, region, REGIONS_BY_VOTES, (a, b) => b.votes - a.votes);
    keepTop(near, region, REGIONS_NEAR_HINT, (a, b) => gap(a) - gap(b));
    i = j;
  }
  // Regions far behind the best in support cannot hold a passage with few edits.
  const floor = (best[0]?.votes ?? 0) / MIN_VOTE_SHARE;
  return [...new Set([...best.filter((r) => r.votes >= floor), ...near.filter((r) => r.votes > 1)])];
}

/** Inserts `item` into the sorted list `top`, keeping only the first `size` items. */
function keepTop<T>(top: T[], item: T, size: number, order: (a: T, b: T) => number): void {
  const last = top[top.length - 1];
  if (top.length === size && last !== undefined && order(item, last) >= 0) return;
  let at = top.length;
  while (at > 0 && order(item, top[at - 1] as T) < 0) at--;
  top.splice(at, 0, item);
  if (top.length > size) top.pop();
}

/** Approximate matches of the quote in text[lo, hi), one per local minimum of the search DP. */
function verifyRegion(text: string, q: Query, quote: Pattern, reversed: Pattern, lo: number, hi: number, k: number): Candidate[] {
  const from = Math.max(0, lo);
  const count = Math.min(text.length, hi) - from;
  if (count <= 0) return [];
  const row = new Int32Array(count);
  scan(quote, text, from, count, 1, false, row);
  const minima = localMinima(row, k);
  if (minima.length === 0) return [];
  // Every start and end refine() may try lies in this window: context distances for all of
  // them come from one search scan per side instead of one DP per boundary.
  const budget = Math.min(quote.length, 2 * k);
  const window = contextWindow(text, q, from - quote.length - budget - MAX_SHIFT, from + count + MAX_SHIFT + 1);
  const found: Candidate[] = [];
  for (const j of minima) {
    const c = refine(text, q, reversed, row, from, j, k, window);
    if (c) found.push(c);
  }
  return found;
}

/** Prefix distance for every boundary in [lo, hi) and suffix distance likewise. */
interface ContextWindow {
  lo: number;
  prefix: Int32Array | null;
  suffix: Int32Array | null;
}

/**
 * prefix[i - lo]: edit distance of the stored prefix against the best text run ending right
 * before boundary i (as prefixDistance, without its length cap); suffix[i - lo]: the stored
 * suffix against the best run starting at i.
 */
function contextWindow(text: string, q: Query, lo: number, hi: number): ContextWindow {
  const from = Math.max(0, lo);
  const to = Math.min(text.length, hi);
  const size = Math.max(0, to - from + 1);
  let prefix: Int32Array | null = null;
  let suffix: Int32Array | null = null;
  if (q.prefixPattern) {
    prefix = new Int32Array(size).fill(q.prefixPattern.length);
    const begin = Math.max(0, from - q.prefixPattern.length - CONTEXT_READ);
    const count = to - begin;
    if (count > 0) {
      const out = scratch(count);
      scan(q.prefixPattern, text, begin, count, 1, false, out);
      // out[j]: prefix ending at unit begin + j, i.e. right before boundary begin + j + 1.
      for (let b = Math.max(from, begin + 1); b <= to; b++) prefix[b - from] = out[b - begin - 1] ?? q.prefixPattern.length;
    }
  }
  if (q.suffix) {
    suffix = new Int32Array(size).fill(q.suffix.length);
    const end = Math.min(text.length, to + q.suffix.length + CONTEXT_READ);
    const count = end - from;
    if (count > 0) {
      const out = scratch(count);
      scan(q.suffixReversed as Pattern, text, end - 1, count, -1, false, out);
      // out[j]: suffix starting at unit end - 1 - j, i.e. at boundary end - 1 - j.
      for (let b = from; b <= to && b < end; b++) suffix[b - from] = out[end - 1 - b] ?? q.suffix.length;
    }
  }
  return { lo: from, prefix, suffix };
}

function windowPrefix(text: string, q: Query, w: ContextWindow, at: number): number {
  const i = at - w.lo;
  if (!w.prefix || i < 0 || i >= w.prefix.length) return prefixDistance(text, q, at);
  return w.prefix[i] ?? 0;
}

function windowSuffix(text: string, q: Query, w: ContextWindow, at: number): number {
  const i = at - w.lo;
  if (!w.suffix || i < 0 || i >= w.suffix.length) return suffixDistance(text, q, at);
  return w.suffix[i] ?? 0;
}

/** Columns whose score is <= k and no worse than their neighbours, best first. */
function localMinima(row: Int32Array, k: number): number[] {
  const found: number[] = [];
  for (let j = 0; j < row.length; j++) {
    const v = row[j] ?? k + 1;
    if (v > k) continue;
    if (j > 0 && (row[j - 1] ?? 0) < v) continue;
    if (j + 1 < row.length && (row[j + 1] ?? 0) <= v) continue;
    found.push(j);
  }
  found.sort((a, b) => (row[a] ?? 0) - (row[b] ?? 0));
  return found.slice(0, ENDS_PER_REGION);
}

/**
 * Exact boundaries for the match ending near column `j`: among nearby ends and every start,
 * the pair minimising quote errors + prefix and suffix distance. Edits next to a boundary thus
 * fall on the side the stored context says, not wherever the quote alone fits best.
 */
function refine(
  text: string,
  q: Query,
  reversed: Pattern,
  row: Int32Array,
  from: number,
  j: number,
  k: number,
  window: ContextWindow,
): Candidate | null {
  const m = reversed.length;
  const e = row[j] ?? k;
  // Boundaries are chosen with twice the error budget, so that a passage edited beyond the
  // threshold is measured at its true extent (and rejected) rather than shrunk to a sub-span.
  const budget = Math.min(m, 2 * k);
  const limit = Math.min(budget, e + MAX_SHIFT);
  const ends: number[] = [];
  for (let jj = Math.max(0, j - MAX_SHIFT); jj <= Math.min(row.length - 1, j + MAX_SHIFT); jj++) {
    if ((row[jj] ?? budget + 1) <= limit) ends.push(jj);
  }
  ends.sort((a, b) => (row[a] ?? 0) - (row[b] ?? 0));
  // Extents that begin and end with the quote's own first and last unit (or on a long exact
  // context run) are preferred whatever their cost: an edited passage keeps its edges, while words inserted next to it that look
  // like the stored context would otherwise pull a boundary onto them.
  let best: Refined | null = null;
  let other: Refined | null = null;
  const back = new Int32Array(m + budget);
  for (const jj of ends) {
    const end = from + jj + 1;
    const sd = windowSuffix(text, q, window, end);
    if (best && (row[jj] ?? 0) + sd > best.cost) continue;
    const endOk = endKept(text, q, end);
    const count = Math.min(end, m + budget);
    scan(reversed, text, end - 1, count, -1, true, back);
    for (let b = 0; b < count; b++) {
      const errors = back[b] ?? budget + 1;
      if (errors > budget || (best && errors + sd > best.cost)) continue;
      const start = end - b - 1;
      const cost = errors + sd + windowPrefix(text, q, window, start);
      const edges = endOk && startKept(text, q, start);
      const current = edges ? best : other;
      if (current && cost > current.cost) continue;
      const c = { start, end, errors };
      const next: Refined = { start, end, errors, cost, confirmed: boundsConfirmed(text, q, c) };
      if (!current || better(next, current, m)) {
        if (edges) best = next;
        else other = next;
      }
    }
  }
  const chosen = best ?? other;
  return chosen && { start: chosen.start, end: chosen.end, errors: chosen.errors };
}

interface Refined extends Candidate {
  /** Quote errors plus prefix and suffix distance. */
  cost: number;
  confirmed: boolean;
}

/**
 * Lower cost wins. On equal cost: boundaries backed by exact text, then fewer quote errors
 * (an edit at a boundary goes outside the highlight), then the length nearer the quote's.
 */
function better(a: Refined, b: Refined, m: number): boolean {
  if (a.cost !== b.cost) return a.cost < b.cost;
  if (a.confirmed !== b.confirmed) return a.confirmed;
  if (a.errors !== b.errors) return a.errors < b.errors;
  return Math.abs(a.end - a.start - m) < Math.abs(b.end - b.start - m);
}

// ---------------------------------------------------------------------------------------------
// Places inside a window (the neighbour pass of anchorAll)

/**
 * Every exact occurrence of the quote and the approximate ones the DP finds in normalised
 * text [lo, hi): the window that placed neighbouring highlights say the passage lies in. The
 * window is small, so it is searched whole instead of through trigram seeds.
 */
export function windowCandidates(doc: Doc, q: Query, lo: number, hi: number): Scored[] {
  const text = doc.norm.text;
  const m = q.quote.length;
  const found = new Map<string, Scored>();
  const from = Math.max(0, lo);
  const to = Math.min(text.length, hi + m);
  for (let at = text.indexOf(q.quote, from); at >= 0 && at < hi; at = text.indexOf(q.quote, at + 1)) {
    if (at + m <= to) found.set(`${at}:${at + m}`, scoreAt(doc, q, { start: at, end: at + m, errors: 0 }));
  }
  if (m >= MIN_RIVAL_LENGTH) {
    const k = Math.max(1, maxErrors(m));
    const quote = compilePattern(q.quote);
    const reversed = compilePattern(reverse(q.quote));
    for (const c of verifyRegion(text, q, quote, reversed, from - k, to + k, k)) {
      const key = `${c.start}:${c.end}`;
      if (!found.has(key) && c.start >= from - k && c.start < hi + k) found.set(key, scoreAt(doc, q, c));
    }
  }
  return [...found.values()];
}
