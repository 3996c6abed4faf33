/**
 * Words written in before a passage's opening label (issue 12 item 4): a paragraph that opened
 * with the passage, its first unit a label (第十九条, （三）, 一、) that the comparison form reads
 * as one marker unit at a paragraph's head, gets words written before it (a source line, a
 * dateline run into the paragraph). The label now stands inside the line, read as its own
 * characters, so the placement's start cannot match the quote's first unit there; the stored
 * prefix still ends at the paragraph break, an exact run that backs a start right after the break
 * (query.ts startKept), and the approximate match takes the inserted words into the highlight.
 *
 * The passage is its own words: where the quote's opening as stored (HEAD raw units) stands whole
 * within the placement's first MAX_LEAD units and not at its start, the words before it were
 * written in front of the passage, and the placement starts at that opening. Only the start: a
 * quote's last unit is no label, and an edit next to its end is already left outside by the
 * refinement's preference for fewer quote errors.
 */
import type { Anchor, TextSelector } from './types';

/** Raw units of the quote's opening that must stand whole. */
const HEAD = 6;
/** Units of inserted words read past, at most (as far as refinement moves a boundary). */
const MAX_LEAD = 16;

/** `a` starting at the quote's own opening when words were written in before it; else `a`. */
export function fromOwnOpening(text: string, s: TextSelector, a: Anchor): Anchor {
  if (s.exact.length < 2 * HEAD) return a;
  const head = s.exact.slice(0, HEAD);
  if (text.startsWith(head, a.start)) return a;
  const k = text.slice(a.start, Math.min(a.end, a.start + MAX_LEAD + HEAD)).indexOf(head);
  if (k <= 0) return a;
  return { ...a, start: a.start + k };
}
