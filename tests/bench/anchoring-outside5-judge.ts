/**
 * Judge of the FIFTH outside anchoring bench (anchoring-outside5.ts): a tracked-character model.
 *
 * A text under revision is a list of paragraphs; every UTF-16 unit of a paragraph carries its
 * ORIGIN: the index of the old unit it continues, or -1 when the revision (or a prepare step)
 * wrote it. Edits only ever keep, drop or write units, never duplicate an origin: a copy of old
 * words (a quotation in an appendix, a running header) is NEW text. A replacement of old words
 * by new ones keeps their common prefix and suffix (2023年 → 2024年 keeps 202 and 年); the
 * changed middle is new. Paragraph breaks of the rendered text are new units (origin -1).
 *
 * For a highlight on old units [s, e) (L = e − s units):
 * - K: the new positions of its kept units, in order. They are cut into clusters wherever two
 *   successive ones lie more than max(16, L) apart; the MAIN cluster is the one with most units.
 *   T = [first, last + 1) of the main cluster is where its words now are.
 * - A number is one word: when any digit of a run of digits of the old text was rewritten, no
 *   unit of that run counts as kept (2020年 → 2021年 keeps only 年; see numbersAsWords).
 * - SURVIVING: the main cluster holds at least 60% of the L units, and a highlight of at most 6
 *   units lost at most one (edited inside, moved, split by a short insertion: still there; a
 *   number rewritten to another, a clause gone, two of a short term's units changed: not).
 * - For a placement P = [ps, pe): own = units of P whose origin is in [s, e); ownMain = those in
 *   the main cluster; out = units of P outside [T.start − 2, T.end + 2) that are not its own.
 * - RIGHT (surviving only): ownMain ≥ 50% of the main cluster and out ≤ max(2, 25% of |P|).
 * - WRONG: placed, and own = 0 (on other words: another copy, a look-alike, new text), unless P is
 *   only new units standing where the passage's words were (REPLACED: between the new places of
 *   the nearest kept old units before s and after e, ±3: its words rewritten in place, tolerated);
 *   or, surviving, out > 50% of |P| (mostly beside its words).
 * - PARTIAL: placed on a surviving passage, neither RIGHT nor WRONG.
 * - MISS: surviving and not placed (an orphan).
 * - LOST: not surviving. Not placed: fine. Placed with own > 0 or REPLACED: "on remains",
 *   tolerated. Otherwise WRONG.
 * Recall = RIGHT / SURVIVING; the target is ≥ 99% and 0 WRONG.
 */

export interface Para {
  s: string;
  /** origin of each unit of s: old index, or -1 for new units */
  o: number[];
}
export type Doc = Para[];

/** New words: every unit's origin is -1. */
export function fresh(s: string): Para {
  return { s, o: new Array<number>(s.length).fill(-1) };
}

/** The old text's paragraphs, each unit's origin its index in `text` (the '\n' between them dropped). */
export function docFromText(text: string): Doc {
  const doc: Doc = [];
  let at = 0;
  for (const line of text.split('\n')) {
    doc.push({ s: line, o: Array.from({ length: line.length }, (_, i) => at + i) });
    at += line.length + 1;
  }
  return doc;
}

export function slice(p: Para, from: number, to = p.s.length): Para {
  return { s: p.s.slice(from, to), o: p.o.slice(from, to) };
}

export function concat(...parts: Para[]): Para {
  return { s: parts.map((p) => p.s).join(''), o: parts.flatMap((p) => p.o) };
}

/**
 * p with [start, end) replaced by `by`: the common prefix and suffix of the old and new words
 * keep their origins, the middle is new.
 */
export function edit(p: Para, start: number, end: number, by: string): Para {
  const old = p.s.slice(start, end);
  let pre = 0;
  while (pre < old.length && pre < by.length && old[pre] === by[pre]) pre++;
  let suf = 0;
  while (suf < old.length - pre && suf < by.length - pre && old[old.length - 1 - suf] === by[by.length - 1 - suf]) suf++;
  return concat(slice(p, 0, start + pre), fresh(by.slice(pre, by.length - suf)), slice(p, end - suf, end), slice(p, end));
}

/**
 * Every match of the global `re` in p replaced by fn(match) (null: left as it is), each with
 * edit()'s minimal tracking.
 */
export function replaceEach(p: Para, re: RegExp, fn: (m: RegExpExecArray) => string | null): Para {
  const parts: Para[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(p.s); m; m = re.exec(p.s)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const by = fn(m);
    if (by === null) continue;
    parts.push(slice(p, last, m.index));
    parts.push(edit(slice(p, m.index, m.index + m[0].length), 0, m[0].length, by));
    last = m.index + m[0].length;
  }
  parts.push(slice(p, last));
  return concat(...parts);
}

export interface Rendered {
  text: string;
  origin: Int32Array;
}

/** The revised text (paragraphs joined by '\n', new units) and each unit's origin. */
export function render(doc: Doc): Rendered {
  const text = doc.map((p) => p.s).join('\n');
  const origin = new Int32Array(text.length).fill(-1);
  let at = 0;
  for (const p of doc) {
    for (let i = 0; i < p.o.length; i++) origin[at + i] = p.o[i]!;
    at += p.s.length + 1;
  }
  return { text, origin };
}

/** New position of every old unit (-1: dropped); throws when an origin occurs twice. */
export function newPositions(origin: Int32Array, oldLength: number): Int32Array {
  const at = new Int32Array(oldLength).fill(-1);
  for (let i = 0; i < origin.length; i++) {
    const o = origin[i]!;
    if (o < 0) continue;
    if (o >= oldLength) throw new Error(`origin ${o} beyond the old text (${oldLength})`);
    if (at[o] !== -1) throw new Error(`old unit ${o} kept twice (at ${at[o]} and ${i}): a copy must be new text`);
    at[o] = i;
  }
  return at;
}

/**
 * `at` (newPositions) with every digit of a run of old digits dropped when one digit of the run
 * was: a number changed is another number, not the same one edited.
 */
export function numbersAsWords(old: string, at: Int32Array): Int32Array {
  const out = at.slice();
  const re = /\d+/g;
  for (let m = re.exec(old); m; m = re.exec(old)) {
    const s = m.index;
    const e = s + m[0].length;
    let whole = true;
    for (let i = s; i < e; i++) if (at[i]! < 0) whole = false;
    // a digit kept but no longer next to its run's other digits was rewritten around it
    for (let i = s + 1; i < e && whole; i++) if (at[i] !== at[i - 1]! + 1) whole = false;
    if (!whole) for (let i = s; i < e; i++) out[i] = -1;
  }
  return out;
}

export interface Truth {
  surviving: boolean;
  /** kept units in the main cluster */
  kept: number;
  /** [start, end) of the main cluster in the new text; -1 when nothing is kept */
  start: number;
  end: number;
}

export function truthOf(at: Int32Array, s: number, e: number): Truth {
  const len = e - s;
  const ks: number[] = [];
  for (let i = s; i < e; i++) if (at[i]! >= 0) ks.push(at[i]!);
  if (!ks.length) return { surviving: false, kept: 0, start: -1, end: -1 };
  ks.sort((a, b) => a - b);
  const gap = Math.max(16, len);
  let best = { from: 0, to: 1 };
  let from = 0;
  for (let i = 1; i <= ks.length; i++) {
    if (i === ks.length || ks[i]! - ks[i - 1]! > gap) {
      if (i - from > best.to - best.from) best = { from, to: i };
      from = i;
    }
  }
  const kept = best.to - best.from;
  return { surviving: kept >= 0.6 * len && (len > 6 || kept >= len - 1), kept, start: ks[best.from]!, end: ks[best.to - 1]! + 1 };
}

export type Verdict = 'right' | 'wrong' | 'partial' | 'miss' | 'lost' | 'lost_on_remains';

export interface Judged {
  verdict: Verdict;
  truth: Truth;
  own: number;
  out: number;
  /** the placement is only new units standing where the passage's words were */
  replaced: boolean;
}

/** Whether [ps, pe) holds only new units lying where old [s, e) was (between its kept neighbours, ±3). */
function onReplacement(origin: Int32Array, at: Int32Array, s: number, e: number, ps: number, pe: number): boolean {
  for (let i = ps; i < pe; i++) if (origin[i]! >= 0) return false;
  let before = -1;
  for (let i = s - 1; i >= 0; i--)
    if (at[i]! >= 0) {
      before = at[i]!;
      break;
    }
  let after = origin.length;
  for (let i = e; i < at.length; i++)
    if (at[i]! >= 0) {
      after = at[i]!;
      break;
    }
  return ps >= before - 3 && pe <= after + 4;
}

export function judge(origin: Int32Array, at: Int32Array, s: number, e: number, placed: { start: number; end: number } | null): Judged {
  const truth = truthOf(at, s, e);
  if (!placed) return { verdict: truth.surviving ? 'miss' : 'lost', truth, own: 0, out: 0, replaced: false };
  const { start: ps, end: pe } = placed;
  let own = 0;
  let ownMain = 0;
  let out = 0;
  for (let i = ps; i < pe; i++) {
    const o = origin[i]!;
    if (o >= s && o < e) {
      own++;
      if (i >= truth.start && i < truth.end) ownMain++;
    } else if (truth.start < 0 || i < truth.start - 2 || i >= truth.end + 2) out++;
  }
  const replaced = own === 0 && pe > ps && onReplacement(origin, at, s, e, ps, pe);
  const size = Math.max(1, pe - ps);
  let verdict: Verdict;
  if (!truth.surviving) verdict = own > 0 || replaced ? 'lost_on_remains' : 'wrong';
  else if (ownMain >= 0.5 * truth.kept && out <= Math.max(2, 0.25 * size)) verdict = 'right';
  else if ((own === 0 && !replaced) || out > 0.5 * size) verdict = 'wrong';
  else verdict = 'partial';
  return { verdict, truth, own, out, replaced };
}
