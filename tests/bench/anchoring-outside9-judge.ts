/**
 * The judge of the ninth outside anchoring bench (anchoring-outside9.ts): a tracked-character
 * model. Every unit (UTF-16 code unit) of a revised text carries its ORIGIN: the index of the old
 * unit it comes from, or -1 when the revision wrote it. A unit whose character the revision
 * restyled (， → ,, 约 put before a figure is -1, a rounded digit, 公里 → km) keeps the origin of the
 * old unit it stands for with `same` false; a unit copied as it was has `same` true. Revisions are
 * made only through Tracked/Builder below, so the origins are exact by construction; a mix of
 * revisions composes them (an origin always points into the text the bench highlighted).
 *
 * For a highlight [s, e) of the old text, its REMAINS are the new units whose origin lies in
 * [s, e) (spaces and line breaks not counted), and its TRUTH is their hull [first, last + 1).
 *
 * - SURVIVING: at least half of the highlight's non-space units have remains, and the hull is
 *   not stretched apart (at most twice the quote's length plus 40 units: units written inside it,
 *   such as a link's address or a post marker, do not part it; a list reordered around it may).
 *   A highlight with remains over a longer hull is PARTED; one with under half its units left is
 *   LOST. Neither counts in recall.
 * - RIGHT: a surviving highlight placed on [a, b) holding at least half its remains, with at
 *   least half of [a, b)'s units inside the truth hull.
 * - PARTIAL: placed over part of the truth but not RIGHT (neither right nor wrong; in recall's
 *   denominator).
 * - UNDECIDABLE: placed off the truth on words that read exactly as the truth's, 60 units either
 *   side included (a page a long article holds twice): the text cannot tell them apart. Also a
 *   LOST highlight placed on exactly its old words within the quote's length of where it stood
 *   (a stutter 去感去感受 → 去感受 whose first copy was deleted: the kept copy is its twin).
 * - WRONG: any other placement: a surviving highlight placed where none of its remains are, or a
 *   LOST/PARTED one placed where none of its remains are.
 * - ON_REMAINS: a lost or parted highlight placed over some of its remains (tolerated).
 * - MISS: a surviving highlight left an orphan (null). An orphan lost highlight is right.
 *
 * recall = RIGHT / SURVIVING; wrong = every WRONG.
 */

/** A text with the origin of each unit in the text the highlights were made on. */
export interface Tracked {
  text: string;
  origin: Int32Array;
  same: Uint8Array;
}

export function track(text: string): Tracked {
  const origin = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) origin[i] = i;
  return { text, origin, same: new Uint8Array(text.length).fill(1) };
}

/** Builds a revision of `src` piece by piece; its origins point where src's do. */
export class Builder {
  private parts: string[] = [];
  private origins: number[] = [];
  private sames: number[] = [];
  constructor(private readonly src: Tracked) {}
  /** src units [i, j) copied as they are. */
  keep(i: number, j: number): this {
    if (j <= i) return this;
    this.parts.push(this.src.text.slice(i, j));
    for (let k = i; k < j; k++) {
      this.origins.push(this.src.origin[k]!);
      this.sames.push(this.src.same[k]!);
    }
    return this;
  }
  /** Words the revision writes. */
  put(s: string): this {
    this.parts.push(s);
    for (let k = 0; k < s.length; k++) {
      this.origins.push(-1);
      this.sames.push(0);
    }
    return this;
  }
  /** src units [i, j) written as `s` (a restyle): the new units share the old ones' origins in turn. */
  restyle(i: number, j: number, s: string): this {
    if (s === this.src.text.slice(i, j)) return this.keep(i, j);
    this.parts.push(s);
    for (let k = 0; k < s.length; k++) {
      const from = j > i ? i + Math.min(k, j - i - 1) : -1;
      this.origins.push(from >= 0 ? this.src.origin[from]! : -1);
      this.sames.push(0);
    }
    return this;
  }
  get length(): number {
    return this.origins.length;
  }
  done(): Tracked {
    return { text: this.parts.join(''), origin: Int32Array.from(this.origins), same: Uint8Array.from(this.sames) };
  }
}

export type Verdict = 'right' | 'partial' | 'undecidable' | 'wrong' | 'miss' | 'lost' | 'on_remains';

export interface Judged {
  verdict: Verdict;
  surviving: boolean;
  /** Truth hull in the new text (null when nothing remains). */
  truth: [number, number] | null;
  /** Why a highlight does not survive: lost (under half left) or parted (hull stretched). */
  gone?: 'lost' | 'parted';
}

const isSpace = (c: string): boolean => /\s/.test(c);

/** Remains of old [s, e) in `t`: sorted new indices of non-space units. */
export function remains(t: Tracked, s: number, e: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < t.origin.length; k++) {
    const o = t.origin[k]!;
    if (o >= s && o < e && !isSpace(t.text[k]!)) out.push(k);
  }
  return out;
}

export function judge(
  oldText: string,
  t: Tracked,
  s: number,
  e: number,
  placed: { start: number; end: number } | null,
  rem: number[] = remains(t, s, e),
): Judged {
  let need = 0;
  for (let i = s; i < e; i++) if (!isSpace(oldText[i]!)) need++;
  const truth: [number, number] | null = rem.length ? [rem[0]!, rem[rem.length - 1]! + 1] : null;
  // Distinct old units left (a restyle may turn one unit into several).
  const kept = new Set<number>();
  for (const k of rem) kept.add(t.origin[k]!);
  let gone: 'lost' | 'parted' | undefined;
  if (kept.size * 2 < need || !truth) gone = 'lost';
  else if (truth[1] - truth[0] > 2 * (e - s) + 40) gone = 'parted';
  const surviving = !gone;
  if (!placed) return { verdict: surviving ? 'miss' : 'lost', surviving, truth, gone };
  const { start: a, end: b } = placed;
  let covered = 0;
  for (const k of rem) if (k >= a && k < b) covered++;
  if (!surviving) {
    if (covered > 0) return { verdict: 'on_remains', surviving, truth, gone };
    return { verdict: besideOwnPlace(oldText, t, s, e, a, b) ? 'undecidable' : 'wrong', surviving, truth, gone };
  }
  const inHull = Math.max(0, Math.min(b, truth![1]) - Math.max(a, truth![0]));
  if (covered * 2 >= rem.length && inHull * 2 >= b - a) return { verdict: 'right', surviving, truth };
  if (covered > 0) return { verdict: 'partial', surviving, truth };
  const [ts, te] = truth!;
  const W = 60;
  if (
    b - a === te - ts &&
    t.text.slice(a, b) === t.text.slice(ts, te) &&
    t.text.slice(Math.max(0, a - W), a) === t.text.slice(Math.max(0, ts - W), ts) &&
    t.text.slice(b, b + W) === t.text.slice(te, te + W) &&
    Math.min(a, W) === Math.min(ts, W)
  )
    return { verdict: 'undecidable', surviving, truth };
  return { verdict: 'wrong', surviving, truth };
}

/**
 * Whether a lost highlight's placement holds exactly its old words right where they stood: within
 * the quote's length of the new place of the last old unit before it that is left. A stutter
 * (去感去感受 → 去感受) or a paragraph pasted twice in a row, one copy deleted: the copies are twins.
 */
function besideOwnPlace(oldText: string, t: Tracked, s: number, e: number, a: number, b: number): boolean {
  if (oldText.slice(s, e) !== t.text.slice(a, b)) return false;
  let before = -1;
  let bestOrigin = -1;
  for (let k = 0; k < t.origin.length; k++) {
    const o = t.origin[k]!;
    if (o < s && o > bestOrigin) {
      bestOrigin = o;
      before = k;
    }
  }
  return Math.abs(a - (before + 1)) <= e - s;
}

/** remains() for many highlights of one revision: new indices grouped by origin once. */
export function remainsFinder(t: Tracked, oldLength: number): (s: number, e: number) => number[] {
  const count = new Int32Array(oldLength + 1);
  for (let k = 0; k < t.origin.length; k++) {
    const o = t.origin[k]!;
    if (o >= 0 && o < oldLength && !isSpace(t.text[k]!)) count[o + 1]!++;
  }
  for (let i = 0; i < oldLength; i++) count[i + 1]! += count[i]!;
  const at = new Int32Array(count[oldLength]!);
  const fill = count.slice();
  for (let k = 0; k < t.origin.length; k++) {
    const o = t.origin[k]!;
    if (o >= 0 && o < oldLength && !isSpace(t.text[k]!)) at[fill[o]!++] = k;
  }
  return (s, e) => Array.from(at.subarray(count[s]!, count[e]!)).sort((x, y) => x - y);
}
