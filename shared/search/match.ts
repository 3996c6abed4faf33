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

/**
 * About `width` characters around the first match of any term, matches marked. `text` is the
 * stored text; `folded` its ASCII-folded copy (same offsets). Null when nothing matches.
 */
export function makeSnippet(text: string, folded: string, terms: readonly QueryTerm[], width = 80): Snippet | null {
  let first = -1;
  let firstLen = 0;
  for (const t of terms) {
    const i = findTerm(folded, t);
    if (i >= 0 && (first < 0 || i < first)) {
      first = i;
      firstLen = t.text.length;
    }
  }
  if (first < 0) return null;
  let start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  // Marked ranges inside the window, leftmost-longest, no overlaps.
  const ranges: [number, number][] = [];
  for (const t of terms) {
    for (let i = findTerm(folded, t, start); i >= 0 && i < end; i = findTerm(folded, t, i + 1))
      ranges.push([i, Math.min(end, i + t.text.length)]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
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
  return { parts, at: first, length: firstLen };
}
