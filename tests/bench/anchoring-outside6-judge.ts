/**
 * The judge of the sixth outside anchoring bench (anchoring-outside6.ts): a tracked-character
 * model. Every UTF-16 unit of the revised text carries where it came from:
 *   src[i]  the index of the OLD unit it is (kept unchanged), or -1 for a unit the revision wrote;
 *   copy[i] for a unit the revision wrote as a copy of old units, the old index it copies, else -1;
 *   twin[i] 1 when that copy is an accidental duplicate (an editor pasted the same words twice in a
 *           row), so the two copies stand equal and either one is the passage's place.
 * A substituted unit (地 → 的) is a deleted old unit plus a written one: it is no longer the old unit.
 *
 * Definitions, for a highlight on old units [s, e) (its quote), n = the non-whitespace units of it:
 * - KEPT: the non-whitespace old units of [s, e) that still stand in the new text (src points at them).
 * - SURVIVING: kept ≥ ⌈2n/3⌉ (so a 2-unit term survives only whole, a 3-unit one with 2 units left).
 *   Its TRUE place is [first kept unit, last kept unit + 1) in the new text.
 * - For a placement [ps, pe): own = its units whose src lies in [s, e); twinOwn = its units that are a
 *   twin copy of a unit in [s, e); foreign = its non-whitespace units whose src is another old unit.
 *   Units the revision wrote (src -1, not a twin copy) are neither: an insertion inside a passage
 *   belongs to it wherever it is.
 * - RIGHT: surviving, placed, own ≥ ⌈kept/2⌉ and foreign ≤ slack, slack = max(2, ⌊n/5⌋), or placed
 *   exactly on the true place (a clause moved into the passage's hull is not its fault).
 *   RIGHT_TWIN: the same with twinOwn in place of own (placed on the accidental duplicate): counted
 *   right, and reported apart.
 * - PARTIAL: placed with own (or twinOwn) ≥ 1 but not right (too little of it, or too much of other
 *   words): neither right nor wrong, reported apart.
 * - UNDECIDABLE: placed with own = twinOwn = 0, but its text and the 100 units either side are the
 *   same as the true place's (no reader could tell): neither right nor wrong, reported apart.
 * - WRONG: any other placement (own = twinOwn = 0), of a surviving passage or a lost one: the
 *   reader's highlight now marks words it never marked.
 * - MISS: surviving and not placed (null).
 * - LOST: not surviving and not placed (right to drop it); LOST_ON_REMAINS: not surviving, placed
 *   with own ≥ 1 (on what is left of it): tolerated, neither right nor wrong.
 * Recall = (RIGHT + RIGHT_TWIN) / SURVIVING.
 */

export interface Tracked {
  text: string;
  src: Int32Array;
  copy: Int32Array;
  twin: Uint8Array;
}

/** The old text, every unit kept. */
export function tracked(text: string): Tracked {
  const n = text.length;
  const src = new Int32Array(n);
  for (let i = 0; i < n; i++) src[i] = i;
  return { text, src, copy: new Int32Array(n).fill(-1), twin: new Uint8Array(n) };
}

/**
 * One edit on the CURRENT text: [start, end) is removed and replaced by `insert` (units the
 * revision writes) or by a copy of the current text's [copyFrom, copyTo) (`twin` marks an
 * accidental duplicate; `move` keeps the units themselves, for a move whose source another edit
 * removes). start = end is a pure insertion.
 */
export interface Edit {
  start: number;
  end: number;
  insert?: string;
  copyFrom?: number;
  copyTo?: number;
  twin?: boolean;
  move?: boolean;
}

/** Applies non-overlapping edits (any order; insertions at one place keep their given order). */
export function applyEdits(t: Tracked, edits: readonly Edit[]): Tracked {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .map((x) => x.e);
  const text: string[] = [];
  const src: number[] = [];
  const copy: number[] = [];
  const twin: number[] = [];
  const keep = (from: number, to: number): void => {
    if (to <= from) return;
    text.push(t.text.slice(from, to));
    for (let i = from; i < to; i++) {
      src.push(t.src[i] ?? -1);
      copy.push(t.copy[i] ?? -1);
      twin.push(t.twin[i] ?? 0);
    }
  };
  let at = 0;
  for (const e of sorted) {
    if (e.start < at || e.end < e.start || e.end > t.text.length) {
      throw new Error(`overlapping or bad edit [${e.start}, ${e.end}) after ${at}`);
    }
    keep(at, e.start);
    if (e.insert !== undefined) {
      text.push(e.insert);
      for (let i = 0; i < e.insert.length; i++) {
        src.push(-1);
        copy.push(-1);
        twin.push(0);
      }
    } else if (e.copyFrom !== undefined && e.copyTo !== undefined) {
      text.push(t.text.slice(e.copyFrom, e.copyTo));
      for (let i = e.copyFrom; i < e.copyTo; i++) {
        if (e.move) {
          src.push(t.src[i] ?? -1);
          copy.push(t.copy[i] ?? -1);
          twin.push(t.twin[i] ?? 0);
          continue;
        }
        const origin = (t.src[i] ?? -1) >= 0 ? (t.src[i] ?? -1) : (t.copy[i] ?? -1);
        src.push(-1);
        copy.push(origin);
        twin.push(e.twin && origin >= 0 ? 1 : 0);
      }
    }
    at = e.end;
  }
  keep(at, t.text.length);
  return { text: text.join(''), src: Int32Array.from(src), copy: Int32Array.from(copy), twin: Uint8Array.from(twin) };
}

/** Old index → new index (or -1) for the units kept. */
export function positions(t: Tracked, oldLength: number): Int32Array {
  const pos = new Int32Array(oldLength).fill(-1);
  for (let i = 0; i < t.src.length; i++) {
    const s = t.src[i] ?? -1;
    if (s >= 0) pos[s] = i;
  }
  return pos;
}

/** Old units not kept in order (deleted or moved) plus units written, over the old length (in %). */
export function editPct(t: Tracked, oldLength: number): number {
  let kept = 0;
  let written = 0;
  let last = -1;
  for (let i = 0; i < t.src.length; i++) {
    const s = t.src[i] ?? -1;
    if (s < 0) written++;
    else if (s > last) {
      kept++;
      last = s;
    }
  }
  return oldLength ? (100 * (oldLength - kept + written)) / oldLength : 0;
}

export type Verdict = 'right' | 'right_twin' | 'partial' | 'undecidable' | 'wrong' | 'miss' | 'lost' | 'lost_on_remains';

export interface Judgement {
  verdict: Verdict;
  surviving: boolean;
  /** The true place in the new text when surviving, else null. */
  truth: { start: number; end: number } | null;
  own: number;
  twinOwn: number;
  foreign: number;
}

const SPACE = /\s/u;

export function judge(
  oldText: string,
  t: Tracked,
  pos: Int32Array,
  highlight: { start: number; end: number },
  placed: { start: number; end: number } | null,
): Judgement {
  const { start: s, end: e } = highlight;
  let n = 0;
  let kept = 0;
  let first = -1;
  let last = -1;
  for (let i = s; i < e; i++) {
    if (SPACE.test(oldText[i] ?? '')) continue;
    n++;
    const p = pos[i] ?? -1;
    if (p < 0) continue;
    kept++;
    if (first < 0 || p < first) first = p;
    if (p > last) last = p;
  }
  const surviving = n > 0 && kept >= Math.ceil((2 * n) / 3);
  const truth = surviving ? { start: first, end: last + 1 } : null;
  if (!placed) return { verdict: surviving ? 'miss' : 'lost', surviving, truth, own: 0, twinOwn: 0, foreign: 0 };
  let own = 0;
  let twinOwn = 0;
  let foreign = 0;
  for (let i = placed.start; i < placed.end; i++) {
    const sr = t.src[i] ?? -1;
    if (sr >= s && sr < e) own++;
    else if ((t.twin[i] ?? 0) === 1 && (t.copy[i] ?? -1) >= s && (t.copy[i] ?? -1) < e) twinOwn++;
    else if (sr >= 0 && !SPACE.test(t.text[i] ?? '')) foreign++;
  }
  const counts = { own, twinOwn, foreign };
  if (!surviving) {
    if (own > 0 || twinOwn > 0) return { verdict: 'lost_on_remains', surviving, truth, ...counts };
    return { verdict: 'wrong', surviving, truth, ...counts };
  }
  const slack = Math.max(2, Math.floor(n / 5));
  const half = Math.ceil(kept / 2);
  // Exactly the true place is right even when a move put other words inside its hull.
  const onTruth = !!truth && placed.start === truth.start && placed.end === truth.end;
  if (own >= half && (foreign <= slack || onTruth)) return { verdict: 'right', surviving, truth, ...counts };
  if (twinOwn >= half && foreign <= slack) return { verdict: 'right_twin', surviving, truth, ...counts };
  if (own > 0 || twinOwn > 0) return { verdict: 'partial', surviving, truth, ...counts };
  if (truth && sameReading(t.text, truth, placed)) return { verdict: 'undecidable', surviving, truth, ...counts };
  return { verdict: 'wrong', surviving, truth, ...counts };
}

const AROUND = 100;

/** The placed words and AROUND units either side read exactly as the truth's. */
function sameReading(text: string, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const read = (r: { start: number; end: number }) =>
    text.slice(Math.max(0, r.start - AROUND), r.start) + '|' + text.slice(r.start, r.end) + '|' + text.slice(r.end, r.end + AROUND);
  return read(a) === read(b);
}
