/**
 * Judge of the EIGHTH outside anchoring bench (anchoring-outside8.ts): a tracked-character model.
 *
 * A revision is never given as two strings to diff. It is built unit by unit (UTF-16 code units)
 * from the old text with a Builder: `keep` carries old units over (they keep their origin, the old
 * index), `copy` carries them over as a COPY (same origin, marked as a copy: a second printing of
 * words that still stand, or stand no longer, elsewhere), `write` adds new units (origin -1). A
 * changed character is always written, never kept, so a unit with an origin reads as its old unit.
 * Every old unit is kept at most once; it may be copied any number of times.
 *
 * Definitions, for a highlight over old units [s, e) (CONTENT = its non-whitespace units, n of them):
 * - RUN: a maximal sequence of the highlight's carried units, in new-text order, in which each next
 *   unit comes from a LATER old unit and stands at most (old distance + MAX_INSERT) units after the
 *   previous one. Kept units and copied units form runs separately (a run is all kept or all copies
 *   of one printing). A run QUALIFIES when it holds at least `need(n)` content units: all of them
 *   when n ≤ 2, else ceil(0.6 n).
 * - TRUTH: the new span [first unit, last unit + 1) of a qualifying run; the OWN truth is the
 *   kept run with most content units, if it qualifies; COPY truths are the qualifying copy runs.
 * - SURVIVING: it has an own truth or a copy truth. Otherwise LOST.
 * - A placement P MATCHES a truth T when |P ∩ T| ≥ ½|T| and |P ∩ T| ≥ ½|P| (neither much shorter
 *   nor much longer than the words' new place).
 * - RIGHT: surviving and P matches the own truth. RIGHT_COPY: surviving and P matches a copy truth
 *   (the same words printed again by the revision; counted as placed). PARTIAL: surviving, P
 *   overlaps a truth but matches none. WRONG: surviving and P overlaps no truth; or LOST and P holds
 *   no unit carried (kept or copied) from [s, e). ON_REMAINS: LOST and P holds such a unit
 *   (tolerated). MISS: surviving and no placement. ORPHAN: lost and no placement (correct).
 * - Recall = (RIGHT + RIGHT_COPY) / SURVIVING. PARTIAL counts neither as placed nor as wrong.
 */

/** New units allowed between two carried units of one run beyond their old distance. */
export const MAX_INSERT = 40;

export interface Doc {
  text: string;
  /** Old index of each unit, or -1 for a unit the revision wrote. */
  origin: Int32Array;
  /** 1 where the unit is a copy of its origin, 0 where it is the origin itself. */
  copy: Uint8Array;
}

export function docOf(text: string): Doc {
  const origin = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) origin[i] = i;
  return { text, origin, copy: new Uint8Array(text.length) };
}

export class Builder {
  private parts: string[] = [];
  private origin: number[] = [];
  private copy: number[] = [];

  /** Carries d's units [s, e) over as they are (kept stay kept, copies stay copies). */
  keep(d: Doc, s: number, e: number): this {
    if (e <= s) return this;
    this.parts.push(d.text.slice(s, e));
    for (let i = s; i < e; i++) {
      this.origin.push(d.origin[i]!);
      this.copy.push(d.copy[i]!);
    }
    return this;
  }

  /** Prints d's units [s, e) again: same origin, marked as copies (new units stay new). */
  copyOf(d: Doc, s: number, e: number): this {
    if (e <= s) return this;
    this.parts.push(d.text.slice(s, e));
    for (let i = s; i < e; i++) {
      this.origin.push(d.origin[i]!);
      this.copy.push(d.origin[i]! >= 0 ? 1 : 0);
    }
    return this;
  }

  write(str: string): this {
    this.parts.push(str);
    for (let i = 0; i < str.length; i++) {
      this.origin.push(-1);
      this.copy.push(0);
    }
    return this;
  }

  get length(): number {
    return this.origin.length;
  }

  build(): Doc {
    const text = this.parts.join('');
    const kept = new Set<number>();
    for (let i = 0; i < this.origin.length; i++) {
      const o = this.origin[i]!;
      if (o < 0 || this.copy[i]) continue;
      if (kept.has(o)) throw new Error(`old unit ${o} kept twice`);
      kept.add(o);
    }
    return { text, origin: Int32Array.from(this.origin), copy: Uint8Array.from(this.copy) };
  }
}

/** A piece of a replacement: new text, or a range of the doc carried over as it is. */
export type Part = string | readonly [number, number];

/**
 * Rewrites every match of `re` (global) with the parts `fn` returns; null leaves the match as it
 * is. Ranges in the parts are absolute positions in d.
 */
export function rewrite(d: Doc, re: RegExp, fn: (m: RegExpExecArray) => readonly Part[] | null): Doc {
  if (!re.global) throw new Error('rewrite needs a global pattern');
  const b = new Builder();
  let at = 0;
  re.lastIndex = 0;
  for (let m = re.exec(d.text); m; m = re.exec(d.text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const parts = fn(m);
    if (!parts) continue;
    b.keep(d, at, m.index);
    for (const p of parts) {
      if (typeof p === 'string') b.write(p);
      else b.keep(d, p[0], p[1]);
    }
    at = m.index + m[0].length;
  }
  b.keep(d, at, d.text.length);
  return b.build();
}

/** The paragraphs of d as [start, end) ranges ('\n' separates them). */
export function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      out.push([s, i]);
      s = i + 1;
    }
  }
  return out;
}

export interface Span {
  start: number;
  end: number;
}

export interface Truths {
  content: number;
  own: Span | null;
  copies: Span[];
  surviving: boolean;
}

export function need(n: number): number {
  return n <= 2 ? n : Math.ceil(0.6 * n);
}

const isContent = (ch: string | undefined) => ch !== undefined && !/\s/.test(ch);

/** Where the words of old [s, e) stand in d (see the header). */
export function truthsOf(d: Doc, oldText: string, s: number, e: number): Truths {
  let content = 0;
  for (let i = s; i < e; i++) if (isContent(oldText[i]!)) content++;
  const own: number[] = [];
  const copies: number[] = [];
  for (let j = 0; j < d.origin.length; j++) {
    const o = d.origin[j]!;
    if (o < s || o >= e) continue;
    (d.copy[j] ? copies : own).push(j);
  }
  const runs = (positions: number[]) => {
    const out: { first: number; last: number; content: number }[] = [];
    let cur: { first: number; last: number; content: number } | null = null;
    let prevOld = -1;
    for (const j of positions) {
      const o = d.origin[j]!;
      const extend = cur && o > prevOld && j - cur.last <= o - prevOld + MAX_INSERT;
      if (!extend) {
        if (cur) out.push(cur);
        cur = { first: j, last: j, content: 0 };
      }
      cur!.last = j;
      if (isContent(oldText[o]!)) cur!.content++;
      prevOld = o;
    }
    if (cur) out.push(cur);
    return out;
  };
  const enough = need(content);
  let ownTruth: Span | null = null;
  const best = runs(own).sort((a, b) => b.content - a.content)[0];
  if (content > 0 && best && best.content >= enough) ownTruth = { start: best.first, end: best.last + 1 };
  const copyTruths =
    content > 0
      ? runs(copies)
          .filter((r) => r.content >= enough)
          .map((r) => ({ start: r.first, end: r.last + 1 }))
      : [];
  return { content, own: ownTruth, copies: copyTruths, surviving: !!ownTruth || copyTruths.length > 0 };
}

export type Verdict = 'right' | 'right_copy' | 'partial' | 'wrong' | 'miss' | 'on_remains' | 'orphan';

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

export function matches(p: Span, t: Span): boolean {
  const ov = overlap(p, t);
  return ov > 0 && ov * 2 >= t.end - t.start && ov * 2 >= p.end - p.start;
}

export function judge(d: Doc, oldText: string, s: number, e: number, placed: Span | null): { verdict: Verdict; truths: Truths } {
  const truths = truthsOf(d, oldText, s, e);
  const verdict = ((): Verdict => {
    if (!placed) return truths.surviving ? 'miss' : 'orphan';
    if (truths.surviving) {
      if (truths.own && matches(placed, truths.own)) return 'right';
      if (truths.copies.some((t) => matches(placed, t))) return 'right_copy';
      const all = truths.own ? [truths.own, ...truths.copies] : truths.copies;
      return all.some((t) => overlap(placed, t) > 0) ? 'partial' : 'wrong';
    }
    for (let j = placed.start; j < placed.end && j < d.origin.length; j++) {
      const o = d.origin[j]!;
      if (o >= s && o < e) return 'on_remains';
    }
    return 'wrong';
  })();
  return { verdict, truths };
}

/** Where the units of d[s, e) came from, for --list: "old a–b", "copy of old a–b", "new", joined. */
export function originOf(d: Doc, s: number, e: number): string {
  const out: string[] = [];
  let i = s;
  while (i < e) {
    const o = d.origin[i]!;
    const c = d.copy[i];
    let j = i + 1;
    if (o < 0) {
      while (j < e && d.origin[j]! < 0) j++;
      out.push(`new×${j - i}`);
    } else {
      while (j < e && d.origin[j] === d.origin[j - 1]! + 1 && d.copy[j] === c) j++;
      out.push(`${c ? 'copy of ' : ''}old ${o}–${d.origin[j - 1]! + 1}`);
    }
    i = j;
  }
  return out.join(' + ');
}
