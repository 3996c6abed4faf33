/**
 * Clauses that changed places inside their sentence (A，B，C。 → B，A，C。): a touch-up that moves
 * whole clauses keeps every word, but a passage made of whole clauses loses its context on the
 * side the moved clause left, and one over several clauses is no longer one run. A passage left
 * an orphan, made of whole clauses, is placed where one sentence of the new text holds each of
 * its clauses whole, together with the clauses that stood next to it in its stored context: the
 * hull of its clauses there. Only when exactly one sentence does.
 */
import type { Anchor, TextSelector } from './types';

/** Marks that end a clause inside a sentence. */
const CLAUSE_MARKS = '，、；：,;:';
/** Marks (and the break) that end a sentence. */
const SENTENCE_MARKS = '。！？!?\n';
/** Words a passage of one clause must have, or neighbour clauses on both sides. */
const MIN_WORDS = 4;
/** Sentences of the new text looked at, at most (a clause this common says nothing). */
const MAX_SENTENCES = 64;

const isClauseMark = (c: string | undefined): boolean => c !== undefined && CLAUSE_MARKS.includes(c);
const isSentenceMark = (c: string | undefined): boolean => c !== undefined && SENTENCE_MARKS.includes(c);
const isMark = (c: string | undefined): boolean => isClauseMark(c) || isSentenceMark(c);

/** The words of each clause in `s` (marks and edge spaces cut off), empty ones dropped. */
function clauseWords(s: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || isMark(s[i])) {
      const w = s.slice(from, i).trim();
      if (w) out.push(w);
      from = i + 1;
    }
  }
  return out;
}

/** The clause words of the stored context inside the passage's sentence: [before, after] (may be partial at the far end). */
function neighbours(s: TextSelector): { before: string | null; after: string | null } {
  const prefix = s.prefix;
  let before: string | null = null;
  const last = prefix.length - 1;
  if (last >= 0 && !isSentenceMark(prefix[last])) {
    let from = last;
    while (from >= 0 && !isMark(prefix[from])) from--;
    // The clause before, from its own start mark (or the prefix's start) to the passage's edge mark.
    let start = from - 1;
    if (from >= 0 && isClauseMark(prefix[from])) {
      while (start >= 0 && !isMark(prefix[start])) start--;
      before = prefix.slice(start + 1, from).trim() || null;
    }
  }
  let after: string | null = null;
  const suffix = s.suffix;
  if (suffix.length > 0 && isClauseMark(suffix[0])) {
    let to = 1;
    while (to < suffix.length && !isMark(suffix[to])) to++;
    after = suffix.slice(1, to).trim() || null;
  }
  return { before, after };
}

/** Whether the passage is made of whole clauses: it starts and ends at clause or sentence bounds. */
function wholeClauses(s: TextSelector): boolean {
  const q = s.exact;
  if (!q.trim()) return false;
  const startsAtBound = s.prefix.length === 0 || isMark(s.prefix[s.prefix.length - 1]) || isMark(q[0]);
  const endsAtBound = s.suffix.length === 0 || isMark(s.suffix[0]) || isMark(q[q.length - 1]);
  return startsAtBound && endsAtBound;
}

/** [start, end) of the sentence holding text[at]. */
function sentenceAround(text: string, at: number): [number, number] {
  let from = at;
  while (from > 0 && !isSentenceMark(text[from - 1])) from--;
  let to = at;
  while (to < text.length && !isSentenceMark(text[to])) to++;
  return [from, Math.min(text.length, to + 1)];
}

/** Where each clause word stands as a whole clause inside sentence [from, to), or null when one does not. */
function clausesIn(text: string, from: number, to: number, words: readonly string[]): [number, number][] | null {
  const out: [number, number][] = [];
  const sentence = text.slice(from, to);
  for (const w of words) {
    let hit = -1;
    for (let at = sentence.indexOf(w); at >= 0; at = sentence.indexOf(w, at + 1)) {
      const before = sentence[at - 1];
      const after = sentence[at + w.length];
      if ((at === 0 || isMark(before) || before === ' ') && (at + w.length === sentence.length || isMark(after) || after === ' ')) {
        hit = at;
        break;
      }
    }
    if (hit < 0) return null;
    out.push([from + hit, from + hit + w.length]);
  }
  return out;
}

/**
 * Whether `part` (a neighbour clause, maybe cut at the stored context's far end) stands in
 * text[from, to) apart from the passage's own clauses (`spots`). A neighbour read on one of the
 * passage's own clauses is no neighbour: a transcript's filler 嗯，实际上，嗯， keeps its 嗯 both
 * inside the passage and beside it, and any other line opening 嗯，实际上 would "hold" both.
 */
function standsIn(text: string, from: number, to: number, part: string, spots: readonly [number, number][]): boolean {
  const sentence = text.slice(from, to);
  for (let at = sentence.indexOf(part); at >= 0; at = sentence.indexOf(part, at + 1)) {
    const p = from + at;
    if (!spots.some(([a, b]) => p < b && p + part.length > a)) return true;
  }
  return false;
}

/**
 * The place of a passage of whole clauses in the one sentence of `text` that holds all its
 * clauses and its stored neighbour clauses, their order changed; or null.
 */
export function movedClausesPlace(text: string, s: TextSelector): Anchor | null {
  // A quote the old text held once: a copy of a repeated one may be another passage's.
  if (s.copies !== 0 || !wholeClauses(s)) return null;
  // A passage over a paragraph break is not one sentence's clauses: a clause of the next paragraph
  // (a timeline entry's date) found in another sentence beside the first piece's words is that
  // sentence's own (entries of one date reversed), not the passage's clause moved.
  if (s.exact.trim().includes('\n')) return null;
  const words = clauseWords(s.exact);
  if (words.length === 0) return null;
  const { before, after } = neighbours(s);
  const total = words.reduce((n, w) => n + w.length, 0);
  // One short clause needs both its neighbours there; longer passages at least one, or two clauses of their own.
  const needed = [before, after].filter((x): x is string => x !== null);
  if (words.length === 1 && (total < MIN_WORDS ? needed.length < 2 : needed.length < 1)) return null;
  if (words.length > 1 && needed.length === 0 && total < 2 * MIN_WORDS) return null;
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  let found: Anchor | null = null;
  const seen = new Set<number>();
  let n = 0;
  for (let at = text.indexOf(longest); at >= 0; at = text.indexOf(longest, at + 1)) {
    const [from, to] = sentenceAround(text, at);
    if (seen.has(from)) continue;
    seen.add(from);
    if (++n > MAX_SENTENCES) return null;
    const spots = clausesIn(text, from, to, words);
    if (!spots || !needed.every((w) => standsIn(text, from, to, w, spots))) continue;
    // The passage's clauses in their old order, its neighbours at its sides, is no move: the usual passes judged it.
    if (inOldOrder(text, spots, before, after)) continue;
    let start = Math.min(...spots.map((p) => p[0]));
    let end = Math.max(...spots.map((p) => p[1]));
    if (isMark(s.exact[s.exact.length - 1]) && isMark(text[end])) end++;
    if (isMark(s.exact[0]) && isMark(text[start - 1])) start--;
    if (found) return null;
    found = { start, end, score: 0.5 };
  }
  return found;
}

/** Whether the clauses stand one right after the other in their old order, the stored neighbours right beside them. */
function inOldOrder(text: string, spots: readonly [number, number][], before: string | null, after: string | null): boolean {
  for (let k = 1; k < spots.length; k++) {
    const gap = text.slice((spots[k - 1] as [number, number])[1], (spots[k] as [number, number])[0]).trim();
    if (gap.length !== 1 || !isMark(gap)) return false;
  }
  const first = (spots[0] as [number, number])[0];
  const last = (spots[spots.length - 1] as [number, number])[1];
  const lead = text.slice(Math.max(0, first - 1 - (before?.length ?? 0)), Math.max(0, first - 1));
  const tail = text.slice(last + 1, last + 1 + (after?.length ?? 0));
  return (before === null || lead === before) && (after === null || tail === after);
}
