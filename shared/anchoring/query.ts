/**
 * What is known about a passage (normalised quote and context) and how a place in the new text
 * is judged against it: scores, the acceptance rule and the choice among candidates.
 */
import { anchoredDistance, compilePattern, type Pattern } from './myers';
import { normalise } from './normalise';
import { CONTEXT_LENGTH, type TextSelector } from './types';

export interface Query {
  readonly selector: TextSelector;
  readonly quote: string;
  /** Normalised context, as text and as patterns (the prefix reversed, to read backwards). */
  readonly prefixText: string;
  readonly suffixText: string;
  readonly prefix: Pattern | null;
  readonly suffix: Pattern | null;
  readonly textLength: number;
}

export function prepareQuery(text: string, selector: TextSelector): Query {
  const prefixText = normalise(selector.prefix).slice(-CONTEXT_LENGTH);
  const suffixText = normalise(selector.suffix).slice(0, CONTEXT_LENGTH);
  return {
    selector,
    quote: normalise(selector.exact),
    prefixText,
    suffixText,
    prefix: prefixText ? compilePattern(reverse(prefixText)) : null,
    suffix: suffixText ? compilePattern(suffixText) : null,
    textLength: text.length,
  };
}

/** Reverses UTF-16 units; only ever compared with text read backwards, so pairs stay paired. */
export function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i] ?? '';
  return out;
}

/** A place for the quote in the normalised text. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  /** Edit distance between the quote and the text at this place. */
  readonly errors: number;
}

export interface Scored extends Candidate {
  readonly quoteSim: number;
  /** Mean similarity of the stored context sides (1 when the selector has none). */
  readonly context: number;
  /** Context units matching exactly right next to the quote, per side. */
  readonly prefixRun: number;
  readonly suffixRun: number;
  /** Each boundary is backed by exact text on one side of it (context or the quote's own ends). */
  readonly boundsConfirmed: boolean;
  readonly total: number;
}

/** Extra units read past a context's length, so insertions next to the quote still fit. */
const CONTEXT_SLACK = 16;

/** Edit distance of the stored prefix against the text that ends at `start`. */
export function prefixDistance(text: string, q: Query, start: number): number {
  if (!q.prefix) return 0;
  const count = Math.min(start, q.prefix.length + CONTEXT_SLACK);
  return anchoredDistance(q.prefix, text, start - 1, count, -1);
}

/** Edit distance of the stored suffix against the text that begins at `end`. */
export function suffixDistance(text: string, q: Query, end: number): number {
  if (!q.suffix) return 0;
  const count = Math.min(text.length - end, q.suffix.length + CONTEXT_SLACK);
  return anchoredDistance(q.suffix, text, end, count, 1);
}

/** How many units of the stored prefix match exactly, reading back from `start`. */
export function prefixRun(text: string, q: Query, start: number): number {
  const p = q.prefixText;
  let n = 0;
  while (n < p.length && n < start && p.charCodeAt(p.length - 1 - n) === text.charCodeAt(start - 1 - n)) n++;
  return n;
}

export function suffixRun(text: string, q: Query, end: number): number {
  const s = q.suffixText;
  let n = 0;
  while (n < s.length && end + n < text.length && s.charCodeAt(n) === text.charCodeAt(end + n)) n++;
  return n;
}

const WEIGHT_QUOTE = 0.5;
const WEIGHT_CONTEXT = 0.45;
const WEIGHT_POSITION = 0.05;

/** `rawStart`: the candidate's start in the real text, to compare with the stored position. */
export function score(text: string, q: Query, c: Candidate, rawStart: number): Scored {
  const quoteSim = 1 - c.errors / q.quote.length;
  const pRun = prefixRun(text, q, c.start);
  const sRun = suffixRun(text, q, c.end);
  const sides: number[] = [];
  if (q.prefix) sides.push(sideScore(q.prefix.length, pRun, prefixDistance(text, q, c.start)));
  else if (c.start === 0) sides.push(1); // was and still is at the start of the text
  if (q.suffix) sides.push(sideScore(q.suffix.length, sRun, suffixDistance(text, q, c.end)));
  else if (c.end === text.length) sides.push(1);
  const context = combineSides(sides);
  const distance = Math.abs(rawStart - q.selector.start) / Math.max(1, q.textLength);
  const position = 1 - Math.min(1, distance);
  return {
    ...c,
    quoteSim,
    context,
    prefixRun: pRun,
    suffixRun: sRun,
    boundsConfirmed: boundsConfirmed(text, q, c, pRun, sRun),
    total: WEIGHT_QUOTE * quoteSim + WEIGHT_CONTEXT * context + WEIGHT_POSITION * position,
  };
}

/** Exact units a boundary needs on one side before an approximate match may be placed. */
const BOUNDARY_RUN = 6;

/** Whether both ends of a match are backed by exact text (context or the quote's own ends). */
export function boundsConfirmed(
  text: string,
  q: Query,
  c: Candidate,
  pRun = prefixRun(text, q, c.start),
  sRun = suffixRun(text, q, c.end),
): boolean {
  return startConfirmed(text, q, c, pRun) && endConfirmed(text, q, c, sRun);
}

function startConfirmed(text: string, q: Query, c: Candidate, run: number): boolean {
  if (run >= Math.min(BOUNDARY_RUN, q.prefixText.length) && (run > 0 || c.start === 0)) return true;
  const head = q.quote.slice(0, BOUNDARY_RUN);
  return text.startsWith(head, c.start) && c.start + head.length <= c.end;
}

function endConfirmed(text: string, q: Query, c: Candidate, run: number): boolean {
  if (run >= Math.min(BOUNDARY_RUN, q.suffixText.length) && (run > 0 || c.end === text.length)) return true;
  const tail = q.quote.slice(-BOUNDARY_RUN);
  return c.end - tail.length >= c.start && text.startsWith(tail, c.end - tail.length);
}

/**
 * One context side: half for the exact run next to the quote, half for overall similarity.
 * Set phrases make scattered similarity common between unrelated places; long adjacent runs
 * are not.
 */
function sideScore(length: number, run: number, distance: number): number {
  return 0.5 * (run / length) + 0.5 * (1 - distance / length);
}

/** One intact side identifies a passage (a neighbouring paragraph may have changed). */
function combineSides(sides: readonly number[]): number {
  const [a, b] = sides;
  if (a === undefined) return 1;
  if (b === undefined) return a;
  return 0.7 * Math.max(a, b) + 0.3 * Math.min(a, b);
}

/**
 * Minimum context score for an exact occurrence, by quote length. Short quotes are set phrases
 * that recur with similar surroundings, so they need near-intact context; measured on our
 * repetitive generated corpus, unrelated places score up to 0.78 (quotes under 12 units),
 * 0.53 (12–23) and 0.35 (longer).
 */
function minExactContext(m: number): number {
  if (m < 12) return 0.8;
  if (m < 24) return 0.65;
  return 0.55;
}

/** Same for an approximate occurrence; unrelated places scored up to 0.55 there. */
function minFuzzyContext(m: number): number {
  return m < SHORT_FUZZY ? 0.7 : 0.6;
}

/** A quote this long (longer than any set phrase), found whole and only once, is the passage. */
const UNIQUE_QUOTE = 48;
export const MIN_FUZZY_LENGTH = 8;
export const MIN_FUZZY_QUOTE_SIM = 0.75;
/** Short quotes tolerate fewer edits: one changed unit in eight is already a different phrase. */
const MIN_SHORT_FUZZY_QUOTE_SIM = 0.85;
const SHORT_FUZZY = 16;

function acceptable(c: Scored, q: Query, uniqueExact: boolean): boolean {
  const m = q.quote.length;
  if (c.errors === 0) return c.context >= minExactContext(m) || (uniqueExact && m >= UNIQUE_QUOTE);
  if (m < MIN_FUZZY_LENGTH) return false;
  const minSim = m < SHORT_FUZZY ? MIN_SHORT_FUZZY_QUOTE_SIM : MIN_FUZZY_QUOTE_SIM;
  return c.quoteSim >= minSim && c.context >= minFuzzyContext(m) && c.boundsConfirmed;
}

/** A rival place scoring within this of the best makes the best doubtful. */
const MARGIN = 0.03;
/** Context this close on both places means a repeated passage: the old position decides. */
const SAME_CONTEXT = 0.97;

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The best acceptable candidate, or null when none is acceptable or the best has a close rival. */
export function decide(candidates: readonly Scored[], q: Query): Scored | null {
  const uniqueExact = candidates.filter((c) => c.errors === 0).length === 1;
  let best: Scored | null = null;
  for (const c of candidates) {
    if (acceptable(c, q, uniqueExact) && (!best || c.total > best.total)) best = c;
  }
  if (!best) return null;
  best = preferWhole(best, candidates, q, uniqueExact);
  for (const c of candidates) {
    if (c === best || overlaps(c, best) || c.total < best.total - MARGIN) continue;
    const repeated = c.errors === 0 && best.errors === 0 && c.context >= SAME_CONTEXT && best.context >= SAME_CONTEXT;
    if (!repeated) return null;
  }
  return best;
}

/**
 * The quote found whole beats an approximate match over the same words: what the fuzzy match
 * adds at its edges was inserted next to the passage, not into it.
 */
function preferWhole(best: Scored, candidates: readonly Scored[], q: Query, uniqueExact: boolean): Scored {
  if (best.errors === 0) return best;
  const whole = candidates.find((c) => c.errors === 0 && overlaps(c, best) && acceptable(c, q, uniqueExact));
  return whole ?? best;
}

/** Context clear enough that a fuzzy search could not find anything better. */
export function conclusive(c: Scored): boolean {
  return c.errors === 0 && c.context >= 0.9;
}
