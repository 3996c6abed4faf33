/**
 * Judge of the FOURTH outside anchoring bench (anchoring-outside4.ts): a tracked-character model.
 *
 * Every unit (UTF-16 code unit) of a revised text carries its ORIGIN: the index of the old
 * unit it continues, or -1 when the revision inserted it. A revision is a list of replacements
 * on the current text (`applyEdits`); inside one replacement the old and new strings are aligned
 * by their common head and tail, and the units left in the middle are paired in order as
 * SUBSTITUTIONS (三 → 四 in 第三条 → 第四条, 国 → 國, ⼈ for 人) with the extra ones inserted or
 * deleted (落实 → 贯彻落实 keeps 落实 and inserts 贯彻). Revisions compose: a unit keeps the
 * origin it had. A unit is IDENTICAL when it still equals the old unit it came from.
 *
 * Units that carry no words do not count anywhere below: white space, line breaks, zero-width
 * characters, soft hyphens (`isBlank`).
 *
 * For a highlight on old units [s, e) with n counted units:
 * - T, its TRUE UNITS: the new positions of its old units that survive (identical or substituted);
 *   H, its HULL: [min T, max T]; E, its EXTENT: H widened on each side over at most 8 adjacent
 *   inserted units of the same paragraph (an adverb put in front of it, a closing mark after it).
 * - SURVIVING: at least half of its n units survive IDENTICAL (and n ≥ 1), and its hull holds
 *   no more inserted units than n (a new article inserted between the two halves of a span
 *   across a paragraph break SPLITS it: no single placement can be its words). Otherwise LOST
 *   (its words were cut, split, or rewritten beyond recognition: 目前 → 当前, 国家 → 國家).
 * For a placement P = [ps, pe) with p counted units:
 * - inE: the counted units of P inside E; cover: the units of T inside P, over |T|.
 * - RIGHT (a surviving highlight): cover ≥ 0.7 and inE ≥ 0.7·p — it covers most of the
 *   passage's own words and little else.
 * - WRONG (any highlight): placed with inE < 0.5·p — most of what it covers is other words
 *   (a copy elsewhere, a look-alike, an errata notice quoting it, inserted text). A LOST highlight
 *   with no surviving unit is WRONG wherever it is placed.
 * - PARTIAL: a surviving highlight placed, neither RIGHT nor WRONG (on its words, but too short
 *   or too long). Not counted as right.
 * - MISS: a surviving highlight not placed (an orphan).
 * - LOST highlights: unplaced is fine; placed and not WRONG (mostly on its remains) is
 *   ON_REMAINS, tolerated.
 * Recall = RIGHT / SURVIVING.
 */

/** Units that carry no words: spaces, breaks, zero-width and invisible format characters. */
export function isBlank(unit: string | undefined): boolean {
  if (unit === undefined) return false;
  return /[\s\u200b-\u200f\u2060\ufeff\u00ad\u3000]/.test(unit);
}

/** A revised text and, for each of its units, the old unit it continues (or -1: inserted). */
export interface Tracked {
  text: string;
  origin: Int32Array;
}

export function track(text: string): Tracked {
  const origin = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) origin[i] = i;
  return { text, origin };
}

/** Replace current units [start, end) with `insert`. */
export interface Edit {
  start: number;
  end: number;
  insert: string;
}

/**
 * Applies non-overlapping edits (positions in the current text) in one pass. Inside an edit the
 * common head and tail of old and new strings keep their origins; the middle is paired in order
 * (substitutions), the rest inserted (-1) or deleted.
 */
export function applyEdits(doc: Tracked, edits: readonly Edit[]): Tracked {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  const origins: number[] = [];
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at || edit.end < edit.start || edit.end > doc.text.length) {
      throw new Error(`overlapping or bad edit ${edit.start}-${edit.end} (at ${at})`);
    }
    for (let i = at; i < edit.start; i++) origins.push(doc.origin[i]!);
    parts.push(doc.text.slice(at, edit.start));
    const before = doc.text.slice(edit.start, edit.end);
    const after = edit.insert;
    let head = 0;
    while (head < before.length && head < after.length && before[head] === after[head]) head++;
    let tail = 0;
    while (
      tail < before.length - head &&
      tail < after.length - head &&
      before[before.length - 1 - tail] === after[after.length - 1 - tail]
    ) {
      tail++;
    }
    const midOld = before.length - head - tail;
    for (let i = 0; i < after.length; i++) {
      if (i < head) origins.push(doc.origin[edit.start + i]!);
      else if (i >= after.length - tail) origins.push(doc.origin[edit.end - (after.length - i)]!);
      else {
        const k = i - head;
        origins.push(k < midOld ? doc.origin[edit.start + head + k]! : -1);
      }
    }
    parts.push(after);
    at = edit.end;
  }
  for (let i = at; i < doc.text.length; i++) origins.push(doc.origin[i]!);
  parts.push(doc.text.slice(at));
  const text = parts.join('');
  if (text.length !== origins.length) throw new Error('tracked text and origins differ in length');
  return { text, origin: Int32Array.from(origins) };
}

/** Edits that insert `insert` at `at`. */
export function insertAt(at: number, insert: string): Edit {
  return { start: at, end: at, insert };
}

export type Verdict = 'right' | 'partial' | 'wrong' | 'miss' | 'lost' | 'on_remains';

export interface Judgement {
  verdict: Verdict;
  surviving: boolean;
  /** True units' hull in the new text, or null when nothing survives. */
  hull: [number, number] | null;
  cover: number;
  inExtent: number;
}

/** Old index → new index (-1 when deleted), and whether the new unit is identical. */
export interface Mapping {
  toNew: Int32Array;
  identical: Uint8Array;
}

export function mapping(oldText: string, doc: Tracked): Mapping {
  const toNew = new Int32Array(oldText.length).fill(-1);
  const identical = new Uint8Array(oldText.length);
  for (let j = 0; j < doc.origin.length; j++) {
    const o = doc.origin[j]!;
    if (o < 0 || toNew[o]! >= 0) continue; // an old unit continues once; later copies are new text
    toNew[o] = j;
    identical[o] = doc.text[j] === oldText[o] ? 1 : 0;
  }
  return { toNew, identical };
}

const EXTENT_SLACK = 8;

export function judge(
  oldText: string,
  doc: Tracked,
  map: Mapping,
  start: number,
  end: number,
  placed: { start: number; end: number } | null,
): Judgement {
  let n = 0;
  let same = 0;
  const truth: number[] = [];
  for (let i = start; i < end; i++) {
    if (isBlank(oldText[i])) continue;
    n++;
    if (map.toNew[i]! >= 0) {
      truth.push(map.toNew[i]!);
      if (map.identical[i]) same++;
    }
  }
  let hull: [number, number] | null = null;
  let lo = -1;
  let hi = -1;
  let inserted = 0;
  if (truth.length) {
    lo = Math.min(...truth);
    hi = Math.max(...truth);
    hull = [lo, hi + 1];
    for (let j = lo; j <= hi; j++) if (doc.origin[j]! < 0 && !isBlank(doc.text[j])) inserted++;
    for (let k = 0; k < EXTENT_SLACK && lo > 0 && doc.origin[lo - 1]! < 0 && doc.text[lo - 1] !== '\n'; k++) lo--;
    for (let k = 0; k < EXTENT_SLACK && hi + 1 < doc.text.length && doc.origin[hi + 1]! < 0 && doc.text[hi + 1] !== '\n'; k++) hi++;
  }
  const surviving = n > 0 && same * 2 >= n && inserted <= n;
  if (!placed) return { verdict: surviving ? 'miss' : 'lost', surviving, hull, cover: 0, inExtent: 0 };
  let p = 0;
  let inE = 0;
  for (let j = placed.start; j < placed.end; j++) {
    if (isBlank(doc.text[j] ?? ' ')) continue;
    p++;
    if (j >= lo && j <= hi && lo >= 0) inE++;
  }
  const covered = truth.filter((j) => j >= placed.start && j < placed.end).length;
  const cover = truth.length ? covered / truth.length : 0;
  const inExtent = p ? inE / p : 0;
  const wrong = !truth.length || p === 0 || inE * 2 < p;
  let verdict: Verdict;
  if (wrong) verdict = 'wrong';
  else if (!surviving) verdict = 'on_remains';
  else if (cover >= 0.7 && inE >= 0.7 * p) verdict = 'right';
  else verdict = 'partial';
  return { verdict, surviving, hull, cover, inExtent };
}
