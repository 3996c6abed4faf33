/**
 * A passage edited in place at one spot, its context on both sides untouched: a first-person
 * opener dropped or rewritten as reported speech (我们必须X → 必须X, 我们要X → 他强调，要X, 我想强调的是，X →
 * 他强调，X), a date shortened (2024年3月5日 → 5日), a salutation's tail cut (同志们，X → X). The passage's
 * remaining words are the reader's, and they stand exactly between the stored context's nearest
 * words; every exact-run gate refuses them (the quote is not there), and a short quote is never
 * looked for approximately.
 *
 * The rule, a last try for an orphan: the stored prefix's last SIDE units and the suffix's first
 * SIDE units stand in the new text with, between them, the quote with ONE run of its units taken
 * out, nothing written in its place or, at the quote's head, a lead-in ending in a comma of at most
 * REWRITE more units than were cut (no digit in it: a figure changed is no rewrite); the cut not
 * inside a number; at least half the quote kept. That
 * pair of sides stands so exactly once, and the kept words with the side they touch stand nowhere
 * else (another print of the paragraph, its lead-in written otherwise). Never for a quote the old text held again, exactly or as
 * a look-alike, nor one the new text still holds: its copies could be the ones edited. Placed on
 * the kept words (the words written at the quote's edge are not the reader's).
 */
import { occurrencesIn, type Doc } from './doc';
import { atHead, normalise, normalisePrefix, normaliseQuote, normaliseSuffix, quoteAtHead } from './normalise';
import type { TextSelector } from './types';

/** Units of each stored side that must stand exactly beside the edited passage. */
const SIDE = 12;
/** Units a rewrite may write beyond those it took out (我们要 → 他强调，要: 2 out, 4 in). */
const REWRITE = 2;
/** Places of the prefix's nearest units looked at, at most (a side that common is no evidence). */
const MAX_HEADS = 64;

/** Units of a side read with the kept words when looking for another print of them. */
const NEAR = 8;

const NUMBER_UNIT = /[0-9.,%]/u;

/** Normalised [from, to) of the passage's kept words, or null. */
export function trimmedInPlace(doc: Doc, s: TextSelector): { from: number; to: number } | null {
  if ((s.copies ?? 0) !== 0 || (s.wordCopies ?? 0) > 0 || s.nearErrors !== undefined) return null;
  const quote = normaliseQuote(s);
  const m = quote.length;
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  if (m < 2 || prefix.length < SIDE || suffix.length < SIDE) return null;
  const text = doc.norm.text;
  if (occurrencesIn(doc, quote, 1).length > 0) return null;
  const head = prefix.slice(-SIDE);
  const tail = suffix.slice(0, SIDE);
  const heads = occurrencesIn(doc, head, MAX_HEADS + 1);
  if (heads.length > MAX_HEADS) return null;
  let found: { from: number; to: number; cut: number } | null = null;
  for (const h of heads) {
    const from = h + SIDE;
    const window = text.slice(from, from + m + REWRITE + SIDE);
    for (let k = window.indexOf(tail); k >= 0; k = window.indexOf(tail, k + 1)) {
      const kept = keptPart(quote, window.slice(0, k));
      if (!kept) continue;
      if (found) return null;
      found = { from: from + kept[0], to: from + kept[1], cut: kept[2] };
    }
  }
  if (!found) return null;
  // The kept words with the side away from the cut stand nowhere else: another print of the
  // paragraph holding them (its lead-in written otherwise) could as well be the passage's.
  // Marks at the kept words' edges aside (a print without the quotation's opening mark).
  const kept = text.slice(found.from, found.to);
  const words = kept.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}]+$/u, '');
  const lead = kept.length - kept.replace(/^[^\p{L}\p{N}]+/u, '').length;
  // The side's nearest units only, its far end cut to a word: marks may differ between prints.
  const before =
    found.cut >= 0 && lead === 0 && text.slice(found.from - SIDE, found.from) === head
      ? head.slice(-NEAR).replace(/^[^\p{L}\p{N}]+/u, '')
      : '';
  const after =
    found.cut <= 0 && words.length === kept.length - lead && text.startsWith(tail, found.to)
      ? tail.slice(0, NEAR).replace(/[^\p{L}\p{N}]+$/u, '')
      : '';
  const withSide = before + words + after;
  return words.length > 0 && occurrencesIn(doc, withSide, 2).length === 1 ? found : null;
}

/**
 * Where in `between` the quote's kept words stand ([from, to) over the kept head, written words
 * inside only when the cut is inside the quote) and where the cut was (−1 its head, 1 its tail, 0
 * inside), when `between` is the quote with one run of units
 * taken out and at most REWRITE more written in its place; null otherwise.
 */
function keptPart(quote: string, between: string): [number, number, number] | null {
  const m = quote.length;
  const n = between.length;
  let a = 0;
  while (a < m && a < n && quote[a] === between[a]) a++;
  let b = 0;
  while (b < m - a && b < n - a && quote[m - 1 - b] === between[n - 1 - b]) b++;
  const cut = m - a - b;
  const written = n - a - b;
  if (cut <= 0 || written > cut + REWRITE || 2 * (a + b) < m || a + b < 2) return null;
  // Units written in place of the cut: none (units dropped), or a lead-in ending in a comma
  // written over the quote's head (我们要 → 他强调，要). Other words there replaced the passage's:
  // two of six units changed is another phrase.
  const lead = between.slice(a, n - b);
  if (written > 0 && (a > 0 || !lead.endsWith(',') || /[0-9]/u.test(lead))) return null;
  // Not inside a number: the units on each side of the cut would read as one figure.
  if (a > 0 && NUMBER_UNIT.test(quote[a - 1]!) && /[0-9]/u.test(quote[a]!)) return null;
  if (b > 0 && NUMBER_UNIT.test(quote[m - b]!) && /[0-9]/u.test(quote[m - b - 1]!)) return null;
  if (a > 0 && /[0-9]/u.test(quote[a - 1]!) && NUMBER_UNIT.test(quote[a]!)) return null;
  if (b > 0 && /[0-9]/u.test(quote[m - b]!) && NUMBER_UNIT.test(quote[m - b - 1]!)) return null;
  // The words written at an edge are not the reader's: the kept words only.
  if (a === 0) return [n - b, n, -1];
  if (b === 0) return [0, a, 1];
  return [0, n, 0];
}

/*
 * rewrittenEdge, the same kind where the sides do not both stand exactly (session 26, anchor26d):
 *
 * A passage whose first (or last) few words were rewritten in place, the rest of its words
 * standing, where trimmedInPlace above does not read it: the pronoun swapped (我认为 → 他认为: no
 * comma ends the written words), the stored side's nearest words touched by the same edit (同志们，
 * dropped before the next paragraph, a salutation line and the text's opening line gone), a figure
 * shortened at its edge (10月1日 → 1日). edges.ts places such a passage only when the words left are
 * 8 units or more: a shorter piece (认为, 要划重点) stands all over a text, so its own words cannot
 * tell where it is.
 *
 * Here the words left do not tell it alone: the rest of the passage joined to the stored context's
 * nearest EDGE_SIDE units on the untouched side, read as one run, must stand exactly once in the new text,
 * and the stored context's nearest EDGE_SIDE units on the rewritten side must end (begin) at most the
 * dropped units plus REWRITE_SLACK units away from it (the new words of the rewrite, no more), with
 * as many paragraph breaks between as the stored text had there. Then the passage's own words and
 * both its neighbours stand at one place, only its edge rewritten: the passage, placed on the words
 * left. A passage that opened the old text has no stored side before it: its rest must then open a
 * paragraph and the run after it is OPENING_SIDE units long.
 *
 * Never for a quote the old text held again, in words or nearly (copies, wordCopies, nearErrors), nor
 * one whose paragraph had look-alikes (others, twins), nor through a run the old text held at another
 * place too (edgeTwins, recorded by describe(): 他认为 printed beside 我认为, where the passage's own
 * paragraph goes the look-alike's words would read as it; a selector stored without it is never
 * placed so). Never where the dropped words still stand before (after) the rest: words inserted
 * inside the passage pushed them away, or the whole quote stands, and other passes judge it.
 */

/** Units of the untouched side read joined to the words left (rewrittenEdge). */
const EDGE_SIDE = 8;
/** Units of the run after the rest when the passage opened the old text (no side before it to check). */
const OPENING_SIDE = 16;
/** Units of the quote's edge (comparison form) that may have been rewritten. */
const EDGE_MAX = 4;
/** New units beyond those dropped that a rewrite may write (我们要 → 他强调，要: two more). */
const REWRITE_SLACK = REWRITE;
/** Words (bare units) the rest must keep. */
const REST_MIN = 2;

/** Marks compared nowhere at the junction: an edit swaps them freely (。→”, ：→，). Comparison form. */
const BARE = /["'?!.,:;]/g;
/** One such mark. */
const BARE_UNIT = /^["'?!.,:;]$/u;

function bare(s: string): string {
  return s.replace(BARE, '');
}

/** Whether a unit bare() keeps of `dropped` stands in `gap`. */
function sharesUnit(gap: string, dropped: string): boolean {
  for (const c of bare(dropped)) if (gap.includes(c)) return true;
  return false;
}

/** Line breaks in a raw string. */
function breaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 0x0a) n++;
  return n;
}

/** The raw length of `exact`'s head (from its start) whose comparison form is `units` long, or -1. */
function rawHead(exact: string, units: number, lineStart: boolean): number {
  for (let k = 1; k <= exact.length; k++) {
    const n = normalise(exact.slice(0, k), lineStart).length;
    if (n === units) {
      // Take the white space that follows too (it folds to nothing).
      let j = k;
      while (j < exact.length && normalise(exact.slice(0, j + 1), lineStart).length === units) j++;
      return j;
    }
    if (n > units) return -1;
  }
  return -1;
}

/** The raw length of `exact`'s tail (to its end) whose comparison form is `units` long, or -1. */
function rawTail(exact: string, units: number): number {
  for (let k = 1; k <= exact.length; k++) {
    const n = normalise(exact.slice(exact.length - k)).length;
    if (n === units) {
      let j = k;
      while (j < exact.length && normalise(exact.slice(exact.length - j - 1)).length === units) j++;
      return j;
    }
    if (n > units) return -1;
  }
  return -1;
}

/** Trailing (leading) white space of a stored side, raw. */
function edgeSpace(side: string, dir: -1 | 1): string {
  const m = dir < 0 ? /\s*$/u.exec(side) : /^\s*/u.exec(side);
  return m ? m[0] : '';
}

/**
 * The runs the rule reads, comparison form: for a head of h = 1…EDGE_MAX units rewritten, the rest
 * joined to the side after (index h − 1); for a tail of t units, the side before joined to the rest
 * (index EDGE_MAX + t − 1); null where the rule does not try that edge.
 */
function runsOf(s: TextSelector): (string | null)[] {
  const quote = normaliseQuote(s);
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  const runs: (string | null)[] = new Array<string | null>(2 * EDGE_MAX).fill(null);
  if (bare(quote).length < REST_MIN + 1) return runs;
  const opening = s.start === s.prefix.length && prefix.length === 0;
  const after = suffix.slice(0, opening ? OPENING_SIDE : EDGE_SIDE);
  const headSides = after.length === (opening ? OPENING_SIDE : EDGE_SIDE) && (opening || prefix.length >= EDGE_SIDE);
  const tailSides = prefix.length >= EDGE_SIDE && suffix.length >= EDGE_SIDE;
  for (let k = 1; k <= EDGE_MAX && k < quote.length; k++) {
    if (headSides) {
      const dropped = quote.slice(0, k);
      const rest = quote.slice(k);
      // Marks only: edges.ts's kind. A rest that begins on a mark: the next k reads it as dropped.
      // Most of the passage's words stand: the rest keeps at least as many as were dropped.
      if (bare(dropped).length > 0 && !BARE_UNIT.test(rest[0]!) && bare(rest).length >= Math.max(REST_MIN, bare(dropped).length))
        runs[k - 1] = rest + after;
    }
    if (tailSides) {
      const dropped = quote.slice(quote.length - k);
      const rest = quote.slice(0, quote.length - k);
      if (bare(dropped).length > 0 && !BARE_UNIT.test(dropped[0]!) && bare(rest).length >= Math.max(REST_MIN, bare(dropped).length))
        runs[EDGE_MAX + k - 1] = prefix.slice(-EDGE_SIDE) + rest;
    }
  }
  return runs;
}

/**
 * For describe(): which of the runs the rule reads the old text holds at another place too (bit i
 * for runsOf's index i), or null when the rule reads none. A run held twice is a look-alike of the
 * passage with another edge (他认为 printed beside 我认为): where the passage's own paragraph goes,
 * that one would read as it.
 */
export function edgeTwinsIn(old: Doc, s: TextSelector): number | null {
  const runs = runsOf(s);
  let bits = 0;
  let any = false;
  runs.forEach((run, i) => {
    if (run === null) return;
    any = true;
    if (occurrencesIn(old, run, 2).length > 1) bits |= 1 << i;
  });
  return any ? bits : null;
}

/** Normalised [from, to) of the words left of a passage whose head or tail was rewritten (see the file comment), or null. */
export function rewrittenEdge(doc: Doc, s: TextSelector): { from: number; to: number } | null {
  // Selectors stored before edgeTwins existed do not say whether the old text held a look-alike.
  if (s.edgeTwins === undefined) return null;
  if ((s.copies ?? 0) > 0 || (s.wordCopies ?? 0) > 0 || s.nearErrors !== undefined) return null;
  if ((s.others?.length ?? 0) > 0 || (s.twins ?? 0) > 0) return null;
  const quote = normaliseQuote(s);
  const runs = runsOf(s);
  return rewrittenHead(doc, s, quote, runs, s.edgeTwins) ?? rewrittenTail(doc, s, quote, runs, s.edgeTwins);
}

function rewrittenHead(
  doc: Doc,
  s: TextSelector,
  quote: string,
  runs: readonly (string | null)[],
  twins: number,
): { from: number; to: number } | null {
  const text = doc.norm.text;
  const prefix = normalisePrefix(s);
  const opening = s.start === s.prefix.length && prefix.length === 0;
  const sideBefore = prefix.slice(-EDGE_SIDE);
  const lineStart = quoteAtHead(s);
  for (let h = 1; h <= EDGE_MAX; h++) {
    const run = runs[h - 1];
    if (!run || twins & (1 << (h - 1))) continue;
    const dropped = quote.slice(0, h);
    const rest = quote.slice(h);
    const droppedWords = bare(dropped).length;
    const hits = occurrencesIn(doc, run, 2);
    if (hits.length !== 1) continue;
    const at = hits[0]!;
    const rawAt = doc.norm.map[at] ?? 0;
    const head = rawHead(s.exact, h, lineStart);
    if (head < 0) continue;
    if (opening) {
      // No side before: the rest opens a paragraph (or the text).
      if (!atHead(doc.raw, rawAt)) continue;
      return { from: at, to: at + rest.length };
    }
    // The stored side before ends at most the dropped words plus the slack before the rest.
    const window = text.slice(Math.max(0, at - sideBefore.length - (h + REWRITE_SLACK) * 2), at);
    const p = window.lastIndexOf(sideBefore);
    if (p < 0) continue;
    const gap = window.slice(p + sideBefore.length);
    if (bare(gap).length > droppedWords + REWRITE_SLACK) continue;
    // The dropped words still standing before the rest (words inserted inside the passage pushed
    // them away, or the whole quote stands): not rewritten, not this kind.
    if (bare(gap).includes(bare(dropped))) return null;
    // The words written are new ones: a dropped unit standing among them is the passage's own
    // words edited inside (老槐树下 → 老槐槐树上), not its edge rewritten.
    if (sharesUnit(gap, dropped)) continue;
    // Nor a figure changed: digits written right before a rest that begins with one read as one number.
    if (/[0-9]$/u.test(gap) && /^[0-9]/u.test(rest)) continue;
    // As many paragraph breaks between the side and the rest as the stored text had there.
    const gapFrom = at - gap.length;
    const rawFrom = gapFrom > 0 ? (doc.norm.ends[gapFrom - 1] ?? 0) : 0;
    const storedBreaks = breaks(edgeSpace(s.prefix, -1)) + breaks(s.exact.slice(0, head));
    if (breaks(doc.raw.slice(rawFrom, rawAt)) !== storedBreaks) continue;
    return { from: at, to: at + rest.length };
  }
  return null;
}

function rewrittenTail(
  doc: Doc,
  s: TextSelector,
  quote: string,
  runs: readonly (string | null)[],
  twins: number,
): { from: number; to: number } | null {
  const text = doc.norm.text;
  const sideAfter = normaliseSuffix(s).slice(0, EDGE_SIDE);
  for (let t = 1; t <= EDGE_MAX; t++) {
    const run = runs[EDGE_MAX + t - 1];
    if (!run || twins & (1 << (EDGE_MAX + t - 1))) continue;
    const dropped = quote.slice(quote.length - t);
    const rest = quote.slice(0, quote.length - t);
    const droppedWords = bare(dropped).length;
    const hits = occurrencesIn(doc, run, 2);
    if (hits.length !== 1) continue;
    const from = hits[0]! + run.length - rest.length;
    const to = from + rest.length;
    const tail = rawTail(s.exact, t);
    if (tail < 0) continue;
    const window = text.slice(to, to + sideAfter.length + (t + REWRITE_SLACK) * 2);
    const q = window.indexOf(sideAfter);
    if (q < 0) continue;
    const gap = window.slice(0, q);
    if (bare(gap).length > droppedWords + REWRITE_SLACK) continue;
    if (bare(gap).includes(bare(dropped))) return null;
    if (sharesUnit(gap, dropped)) continue;
    if (/^[0-9]/u.test(gap) && /[0-9]$/u.test(rest)) continue;
    const rawTo = doc.norm.ends[to - 1] ?? 0;
    const rawGapEnd = doc.norm.map[to + gap.length] ?? doc.raw.length;
    const storedBreaks = breaks(edgeSpace(s.suffix, 1)) + breaks(s.exact.slice(s.exact.length - tail));
    if (breaks(doc.raw.slice(rawTo, rawGapEnd)) !== storedBreaks) continue;
    return { from: from, to: to };
  }
  return null;
}
