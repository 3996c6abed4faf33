/**
 * Judge of the ELEVENTH outside anchoring bench (anchoring-outside11.ts): a tracked-character
 * model, after the tenth bench's judge (the layout of anchoring-outside10-judge.ts was read as a
 * model; this one adds units retyped in place).
 *
 * Every UTF-16 unit of a revised text carries its origin: the index of the old text's unit it is
 * (kept, possibly moved), or -1 when the revision wrote it. A unit may also be RETYPED: written
 * in the place of one old unit (an IME slip 在 → 再): it keeps that old unit's origin and is
 * flagged `changed`. Revisions are built with `Builder` (keep old ranges, retype one unit, write
 * new strings), so where each highlighted unit went, or that it is gone, is known exactly. Copies
 * of old words that a revision writes (a 关键词 line, a 目录, a reader's comment quoting the text)
 * are written units: they are other words, never the passage. Each old unit appears at most once
 * in a revised text (Builder.done() refuses a text where one appears twice).
 *
 * Definitions (a highlight is the old range [s, e); its CONTENT units are those of [s, e) that are
 * not white space — \s, U+3000 and line breaks included —; white space never decides anything):
 * - LOST: some content unit of the highlight is not in the revised text, or more than ⌊len/8⌋ of
 *   them were retyped (one slip in a sentence leaves the reader's sentence there; a retyped unit
 *   in a 2–7-unit term makes it other words).
 * - PARTED: every content unit is kept, but out of their old order, or the span from the first to
 *   the last of them holds more than max(4, ⌊len/4⌋) content units that are not the highlight's
 *   (written ones or other old ones): a reader would no longer see the passage whole.
 * - SURVIVING: every content unit kept, in order, with at most that many others between; its TRUE
 *   SPAN is from its first kept content unit to its last (written units inside, such as an
 *   inserted （掌声）, belong to it).
 * - RIGHT (surviving, placed): the placed range holds at least ⌈0.9·len⌉ of the highlight's own
 *   content units (retyped ones count as its own) and at most max(2, ⌊len/10⌋) content units
 *   outside the true span.
 * - PARTIAL (surviving, placed, not RIGHT): the placed range holds at least one own content unit.
 * - WRONG (surviving, placed): the placed range holds none of its own units (other words,
 *   however alike: another occurrence of the phrase, or a copy the revision wrote).
 * - MISS (surviving): not placed (an orphan). Recall = RIGHT / SURVIVING; PARTIAL counts as not
 *   right (and not wrong).
 * - For a LOST or PARTED highlight: an orphan is fine (ORPHAN_OK); a placement holding at least one
 *   of its own kept units is ON_REMAINS (tolerated); any other placement is WRONG_LOST, counted
 *   among the wrong.
 */

/** A text whose every unit knows where it came from. */
export interface Tracked {
  text: string;
  /** origin[i]: old index of text[i], or -1 for a written unit. */
  origin: Int32Array;
  /** changed[i] = 1: text[i] was retyped in the place of old unit origin[i]. */
  changed: Uint8Array;
}

/** The old text itself: every unit its own origin. */
export function track(text: string): Tracked {
  const origin = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) origin[i] = i;
  return { text, origin, changed: new Uint8Array(text.length) };
}

/** Builds a revision of `src` piece by piece: kept ranges, retyped units and written strings. */
export class Builder {
  private parts: string[] = [];
  private origins: Int32Array[] = [];
  private changes: Uint8Array[] = [];
  constructor(private readonly src: Tracked) {}

  keep(from: number, to: number): this {
    if (to <= from) return this;
    this.parts.push(this.src.text.slice(from, to));
    this.origins.push(this.src.origin.subarray(from, to));
    this.changes.push(this.src.changed.subarray(from, to));
    return this;
  }

  /** src[i] retyped as the one unit `ch` (same origin, flagged changed unless ch is the same). */
  retype(i: number, ch: string): this {
    if (ch.length !== 1) throw new Error('retype takes one unit');
    this.parts.push(ch);
    this.origins.push(Int32Array.of(this.src.origin[i]!));
    this.changes.push(Uint8Array.of(ch === this.src.text[i] ? this.src.changed[i]! : 1));
    return this;
  }

  write(s: string): this {
    if (!s) return this;
    this.parts.push(s);
    this.origins.push(new Int32Array(s.length).fill(-1));
    this.changes.push(new Uint8Array(s.length));
    return this;
  }

  done(): Tracked {
    const text = this.parts.join('');
    const origin = new Int32Array(text.length);
    const changed = new Uint8Array(text.length);
    let at = 0;
    for (let k = 0; k < this.origins.length; k++) {
      origin.set(this.origins[k]!, at);
      changed.set(this.changes[k]!, at);
      at += this.origins[k]!.length;
    }
    if (at !== text.length) throw new Error('builder length mismatch');
    const seen = new Set<number>();
    for (const o of origin) {
      if (o < 0) continue;
      if (seen.has(o)) throw new Error(`old unit ${o} kept twice`);
      seen.add(o);
    }
    return { text, origin, changed };
  }
}

/**
 * One edit of the current text: [start, end) replaced by `insert` (empty: a pure insertion), or,
 * with `retype`, the units of [start, end) retyped one for one as `insert` (same length).
 */
export interface Splice {
  start: number;
  end: number;
  insert: string;
  retype?: boolean;
}

/** Applies splices (any order, not overlapping; insertions at one point keep their given order). */
export function splice(src: Tracked, splices: readonly Splice[]): Tracked {
  const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  const b = new Builder(src);
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error(`overlapping splice at ${s.start}`);
    b.keep(at, s.start);
    if (s.retype) {
      if (s.insert.length !== s.end - s.start) throw new Error('a retype keeps the length');
      for (let k = 0; k < s.insert.length; k++) b.retype(s.start + k, s.insert[k]!);
    } else b.write(s.insert);
    at = s.end;
  }
  b.keep(at, src.text.length);
  return b.done();
}

/** new index of every old unit (-1: gone). */
export function positions(t: Tracked, oldLength: number): Int32Array {
  const pos = new Int32Array(oldLength).fill(-1);
  for (let i = 0; i < t.origin.length; i++) if (t.origin[i]! >= 0) pos[t.origin[i]!] = i;
  return pos;
}

const SPACE = /\s/;
export const isSpace = (ch: string): boolean => SPACE.test(ch);

export type State = 'surviving' | 'lost' | 'parted';

export interface Truth {
  state: State;
  /** Content units of the highlight in the old text. */
  len: number;
  /** True span in the revised text (surviving only; else -1). */
  start: number;
  end: number;
}

/** Where the highlight old[s, e) is in the revision, or why it is not (see the header). */
export function truthOf(oldText: string, t: Tracked, pos: Int32Array, s: number, e: number): Truth {
  const content: number[] = [];
  for (let p = s; p < e; p++) if (!isSpace(oldText.charAt(p))) content.push(p);
  const len = content.length;
  const gone = { len, start: -1, end: -1 };
  if (len === 0) throw new Error('a highlight of white space only');
  let prev = -1;
  let ordered = true;
  let retyped = 0;
  for (const p of content) {
    const q = pos[p]!;
    if (q < 0) return { state: 'lost', ...gone };
    if (t.changed[q]) retyped++;
    if (q <= prev) ordered = false;
    prev = q;
  }
  if (retyped > Math.floor(len / 8)) return { state: 'lost', ...gone };
  if (!ordered) return { state: 'parted', ...gone };
  const a = pos[content[0]!]!;
  const b = pos[content[len - 1]!]! + 1;
  let foreign = 0;
  for (let i = a; i < b; i++) {
    if (isSpace(t.text.charAt(i))) continue;
    const o = t.origin[i]!;
    if (o < s || o >= e) foreign++;
  }
  if (foreign > Math.max(4, Math.floor(len / 4))) return { state: 'parted', ...gone };
  return { state: 'surviving', len, start: a, end: b };
}

export type Verdict = 'right' | 'partial' | 'wrong' | 'miss' | 'orphan_ok' | 'on_remains' | 'wrong_lost';

/** The verdict on one placement (null: an orphan) of the highlight old[s, e). */
export function judge(t: Tracked, truth: Truth, s: number, e: number, placed: { start: number; end: number } | null): Verdict {
  if (!placed) return truth.state === 'surviving' ? 'miss' : 'orphan_ok';
  let own = 0;
  let outside = 0;
  for (let i = Math.max(0, placed.start); i < Math.min(placed.end, t.text.length); i++) {
    if (isSpace(t.text.charAt(i))) continue;
    const o = t.origin[i]!;
    if (o >= s && o < e) own++;
    if (truth.state === 'surviving' && (i < truth.start || i >= truth.end)) outside++;
  }
  if (truth.state !== 'surviving') return own > 0 ? 'on_remains' : 'wrong_lost';
  if (own >= Math.ceil(0.9 * truth.len) && outside <= Math.max(2, Math.floor(truth.len / 10))) return 'right';
  return own > 0 ? 'partial' : 'wrong';
}
