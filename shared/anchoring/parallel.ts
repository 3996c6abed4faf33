/**
 * Parallel lines (issue 12 item 4): a spec list or a table-like passage writes one line per item
 * with the same words and a figure changed (前置 800 万像素摄像头，电池容量为 3800 / 4200 毫安时), so
 * a quote inside one line stands in the next with nearly all of its stored context. When an
 * edit (an abridged reprint cutting a paragraph, a sentence dropped) takes the passage's line and
 * the next one stays, the copy left reads as the passage with a unit or two of its context changed,
 * and it moved about where the passage stood, so nearby neighbours seem to confirm it.
 */
import { contextAt } from './copies';
import type { Doc } from './doc';
import type { TextSelector } from './types';

/**
 * Whether the copy at normalised [from, to), of a quote the old text held three or more times, has
 * no more of the stored context than another copy had in the old text (copyContext), while that
 * other copy had at least three quarters of it but not all: a line parallel to the passage's. What
 * stands there is what stood beside that line. Asked (index.ts) only when a copy was lost: no placed
 * neighbour tells the line from the passage then (it stands about where the passage stood), a firm
 * doubt. (With the count unchanged, a copy printed elsewhere making up for the passage's line, it
 * is not asked: short quotes of pages printed twice lost more right placements than it saved.) A quote
 * held twice is otherCopysContext's (index.ts), without the three quarters: there copyContext is
 * the other copy's own.
 */
export function parallelLineCopy(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  const copies = s.copies;
  const known = s.copyContext;
  if (typeof copies !== 'number' || copies < 2) return false;
  // Nor a paragraph the old text held twice (paragraphs.ts twins): a page printed twice, its copies'
  // context parted only by what an edit did to one printing (a label restyled); the neighbours tell.
  if (typeof s.twins === 'number' && s.twins > 0) return false;
  if (typeof known !== 'number' || !Number.isInteger(known) || known < 0) return false;
  const there = contextAt(doc, s, from, to);
  // Not a twin (a copy that had all of it: a page printed twice, left to the neighbours): a line
  // alike, differing in a few units of the context.
  return there.found <= known && known < there.full && known * 4 >= there.full * 3;
}
