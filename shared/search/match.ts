/**
 * Verification and snippets against stored text: every result really contains the query,
 * phrases and exclusions are exact, and snippets mark what matched.
 */
import { isLatin } from './tokenize';
import { latinEdges, type QueryTerm } from './query';

/** First occurrence of a term in ASCII-folded text at or after `from`, or -1. Latin edges match whole words. */
export function findTerm(folded: string, term: Pick<QueryTerm, 'text'>, from = 0): number {
  const needle = term.text;
  if (!needle) return -1;
  const edges = latinEdges(needle);
  for (let i = folded.indexOf(needle, from); i >= 0; i = folded.indexOf(needle, i + 1)) {
    if (edges.start && i > 0 && isLatin(folded.charCodeAt(i - 1))) continue;
    const end = i + needle.length;
    if (edges.end && end < folded.length && isLatin(folded.charCodeAt(end))) continue;
    return i;
  }
  return -1;
}

/** Every include term occurs in some field, and no exclusion occurs in any. */
export function verify(foldedFields: readonly string[], terms: readonly QueryTerm[], exclude: readonly QueryTerm[]): boolean {
  for (const t of terms) if (!foldedFields.some((f) => findTerm(f, t) >= 0)) return false;
  for (const t of exclude) if (foldedFields.some((f) => findTerm(f, t) >= 0)) return false;
  return true;
}

export interface SnippetPart {
  text: string;
  mark: boolean;
}

export interface Snippet {
  parts: SnippetPart[];
  /** Offset of the first match in the field, and its length. */
  at: number;
  length: number;
}

/** Most matches looked at when choosing a snippet's window (common terms in long texts). */
const SNIPPET_MATCHES = 4000;

/**
 * About `width` characters of `text` where the most different terms match (the earliest such
 * window: for one term, around its first match), every match in it marked. `text` is the stored
 * text; `folded` its ASCII-folded copy (same offsets). Null when nothing matches. `at`/`length`:
 * the window's first match (where the reader opens).
 */
export function makeSnippet(text: string, folded: string, terms: readonly QueryTerm[], width = 80): Snippet | null {
  // Every match, in text order: [offset, term index, length].
  const hits: [number, number, number][] = [];
  terms.forEach((t, k) => {
    for (let i = findTerm(folded, t); i >= 0 && hits.length < SNIPPET_MATCHES; i = findTerm(folded, t, i + 1))
      hits.push([i, k, t.text.length]);
  });
  if (!hits.length) return null;
  hits.sort((a, b) => a[0] - b[0] || b[2] - a[2]);
  // Sliding window over matches that fit in `width`: the one covering the most distinct terms.
  const inWindow = new Array<number>(terms.length).fill(0);
  let distinct = 0;
  let best = { from: 0, to: 0, distinct: 0 };
  let lo = 0;
  for (let hi = 0; hi < hits.length; hi++) {
    const [pos, k, len] = hits[hi]!;
    if (inWindow[k]!++ === 0) distinct++;
    while (pos + len - hits[lo]![0] > width) {
      if (--inWindow[hits[lo]![1]]! === 0) distinct--;
      lo++;
    }
    if (distinct > best.distinct) best = { from: lo, to: hi, distinct };
  }
  const first = hits[best.from]!;
  const last = hits[best.to]!;
  const spanStart = first[0];
  const spanEnd = Math.max(spanStart + first[2], last[0] + last[2]);
  let start = Math.max(0, spanStart - Math.floor(Math.max(0, width - (spanEnd - spanStart)) / 3));
  const end = Math.min(text.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  // Marked ranges inside the window, leftmost-longest, no overlaps.
  const ranges = hits.filter(([i]) => i >= start && i < end).map(([i, , len]): [number, number] => [i, Math.min(end, i + len)]);
  const parts: SnippetPart[] = [];
  const plain = (s: string) => s.replace(/\s+/g, ' ');
  if (start > 0) parts.push({ text: '…', mark: false });
  let pos = start;
  for (const [a, b] of ranges) {
    if (a < pos) continue;
    if (a > pos) parts.push({ text: plain(text.slice(pos, a)), mark: false });
    parts.push({ text: text.slice(a, b), mark: true });
    pos = b;
  }
  if (pos < end) parts.push({ text: plain(text.slice(pos, end)), mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return { parts, at: first[0], length: first[2] };
}
