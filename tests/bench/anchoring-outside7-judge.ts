/**
 * Judge of the seventh outside anchoring bench (anchoring-outside7.ts): a tracked-character model.
 *
 * A revision is made on a Tracked text: every UTF-16 unit of the new text carries `orig`, the
 * offset of the old unit it is (moved, or written in another form of the same character: a
 * traditional character, a restyled mark), or -1 when the revision wrote it (a gloss, a header,
 * an advert line, a copy of old words: copies are new text, not the passage). Old units absent
 * from `orig` were deleted. So for every highlight we know where its words are now, or that they
 * are gone, without guessing from the text.
 *
 * Counting ignores whitespace units (spaces, U+3000, paragraph breaks): "content units".
 * For a highlight old [s, e) with n content units:
 * - KEPT: the new positions whose orig lies in [s, e) and whose unit is content.
 * - LOST: fewer than 60% of the n old content units are kept. Not surviving.
 * - PARTED: kept enough, but the hull of the kept positions (first to last, inclusive) holds more
 *   than max(n, 10) content units that are OLD units from outside the highlight (its pieces were
 *   moved apart, as a reorder parts a span over a break; words the revision wrote inside it, a
 *   gloss or an advert line, do not part it). Not surviving either: no single place is its place.
 * - SURVIVING: neither; its TRUE place is that hull.
 * A placement P = [a, b) of a surviving highlight is
 * - RIGHT when at least half of P's content units lie inside the true hull (it is mostly the
 *   passage, inserted words inside the passage included) AND P covers at least half of the kept
 *   units (it is not a sliver of it);
 * - PARTIAL when it overlaps the hull but is not RIGHT (neither right nor wrong; counts against
 *   recall);
 * - WRONG when it does not overlap the hull at all (other words, a twin, a copy the revision made);
 * - MISS when there is no placement (null).
 * A placement of a LOST or PARTED highlight is ON_REMAINS (tolerated, neither right nor wrong) when
 * at least half of P's content units are kept units of it, else WRONG. Null is the right answer.
 * Recall = RIGHT / SURVIVING. WRONG counts every wrong placement, surviving or not.
 */

export interface Tracked {
  text: string;
  /** Old offset of each unit, or -1 for units the revision wrote. */
  orig: number[];
}

export function track(text: string): Tracked {
  const orig = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) orig[i] = i;
  return { text, orig };
}

/** New text the revision writes (no old unit). */
export function lit(text: string): Tracked {
  return { text, orig: new Array<number>(text.length).fill(-1) };
}

export function slice(t: Tracked, a: number, b: number): Tracked {
  return { text: t.text.slice(a, b), orig: t.orig.slice(a, b) };
}

export function concat(parts: readonly Tracked[]): Tracked {
  const orig: number[] = [];
  for (const p of parts) for (const o of p.orig) orig.push(o);
  return { text: parts.map((p) => p.text).join(''), orig };
}

/**
 * One replacement of t.text[start, end). `insert` is new text, unless `same` is set: then it has
 * the same length and each unit keeps the origin of the unit it replaces (the same character
 * written in another form).
 */
export interface Edit {
  start: number;
  end: number;
  insert: string;
  same?: boolean;
}

/** Applies non-overlapping edits (any order). */
export function applyEdits(t: Tracked, edits: readonly Edit[]): Tracked {
  const sorted = [...edits].sort((x, y) => x.start - y.start || x.end - y.end);
  const parts: Tracked[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue; // overlapping: the first one wins
    parts.push(slice(t, at, e.start));
    if (e.same) {
      if (e.insert.length !== e.end - e.start) throw new Error('same-form edit must keep the length');
      parts.push({ text: e.insert, orig: t.orig.slice(e.start, e.end) });
    } else parts.push(lit(e.insert));
    at = e.end;
  }
  parts.push(slice(t, at, t.text.length));
  return concat(parts);
}

/** Paragraph ranges [start, end) of a text whose paragraphs are joined by '\n'. */
export function paragraphRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let a = 0;
  for (;;) {
    const nl = text.indexOf('\n', a);
    if (nl < 0) {
      out.push([a, text.length]);
      return out;
    }
    out.push([a, nl]);
    a = nl + 1;
  }
}

/** Whether a unit counts (not whitespace; past the end counts as nothing). */
export function isContent(ch: string | undefined): boolean {
  return ch !== undefined && !/\s/u.test(ch);
}

export type Verdict = 'right' | 'partial' | 'wrong' | 'miss' | 'lost' | 'on_remains';

export interface Truth {
  /** Content units of the highlight in the old text. */
  total: number;
  /** Distinct old content units of it still in the new text. */
  kept: number;
  surviving: boolean;
  parted: boolean;
  /** The true place [start, end) in the new text (hull of the kept units), or null when none kept. */
  hull: [number, number] | null;
}

const inverses = new WeakMap<Tracked, Int32Array>();

/** New position of each old unit (-1: deleted). Each old unit stands at most once in the new text. */
export function inverseOf(t: Tracked, oldLength: number): Int32Array {
  let inv = inverses.get(t);
  if (inv && inv.length === oldLength) return inv;
  inv = new Int32Array(oldLength).fill(-1);
  for (let j = 0; j < t.orig.length; j++) {
    const o = t.orig[j] ?? -1;
    if (o < 0) continue;
    if (o >= oldLength || (inv[o] ?? -1) >= 0) throw new Error(`old unit ${o} stands twice in the revision`);
    inv[o] = j;
  }
  inverses.set(t, inv);
  return inv;
}

/** Where the old [s, e) is in `t`, per the header's definitions. */
export function truthOf(oldText: string, t: Tracked, s: number, e: number): Truth {
  let total = 0;
  for (let i = s; i < e; i++) if (isContent(oldText[i])) total++;
  const inv = inverseOf(t, oldText.length);
  const seen = new Set<number>();
  let lo = -1;
  let hi = -1;
  for (let o = s; o < e; o++) {
    const j = inv[o] ?? -1;
    if (j < 0 || !isContent(t.text[j])) continue;
    seen.add(o);
    if (lo < 0 || j < lo) lo = j;
    if (j + 1 > hi) hi = j + 1;
  }
  const kept = seen.size;
  const hull: [number, number] | null = lo < 0 ? null : [lo, hi];
  if (kept * 10 < total * 6 || !hull) return { total, kept, surviving: false, parted: false, hull };
  let foreign = 0;
  for (let j = hull[0]; j < hull[1]; j++) {
    const o = t.orig[j] ?? -1;
    if (o >= 0 && (o < s || o >= e) && isContent(t.text[j])) foreign++;
  }
  const parted = foreign > Math.max(total, 10);
  return { total, kept, surviving: !parted, parted, hull };
}

/** The verdict on a placement (or null) of old [s, e) in the revised `t`. */
export function judge(
  oldText: string,
  t: Tracked,
  s: number,
  e: number,
  placed: { start: number; end: number } | null,
): { verdict: Verdict; truth: Truth } {
  const truth = truthOf(oldText, t, s, e);
  if (!truth.surviving) {
    if (!placed) return { verdict: 'lost', truth };
    let own = 0;
    let content = 0;
    for (let j = placed.start; j < placed.end; j++) {
      if (!isContent(t.text[j])) continue;
      content++;
      const o = t.orig[j] ?? -1;
      if (o >= s && o < e) own++;
    }
    return { verdict: content > 0 && own * 2 >= content ? 'on_remains' : 'wrong', truth };
  }
  if (!placed) return { verdict: 'miss', truth };
  const [h0, h1] = truth.hull!;
  let content = 0;
  let inside = 0;
  const covered = new Set<number>();
  for (let j = placed.start; j < placed.end; j++) {
    if (!isContent(t.text[j])) continue;
    content++;
    if (j >= h0 && j < h1) inside++;
    const o = t.orig[j] ?? -1;
    if (o >= s && o < e) covered.add(o);
  }
  const overlaps = placed.start < h1 && placed.end > h0;
  if (content > 0 && inside * 2 >= content && covered.size * 2 >= truth.kept) return { verdict: 'right', truth };
  return { verdict: overlaps ? 'partial' : 'wrong', truth };
}

/** Where the placed units came from, for --list: "old 123–140", "written by the revision", or a mix. */
export function originOf(t: Tracked, a: number, b: number): string {
  const olds = t.orig.slice(a, b).filter((o) => o >= 0);
  const written = b - a - olds.length;
  if (olds.length === 0) return 'written by the revision';
  const lo = Math.min(...olds);
  const hi = Math.max(...olds);
  return `old ${lo}–${hi + 1}${written ? ` (+${written} written)` : ''}`;
}
