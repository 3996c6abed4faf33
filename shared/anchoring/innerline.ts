/**
 * A passage over three or more lines (a question, its answer, the next question) placed where one
 * of its inner lines is missing, while that line still stands elsewhere in the new text as a line
 * of its own, word for word. The line was not deleted: the placement is another block whose outer
 * lines look like the passage's (a questionnaire put to several people, each answer under the same
 * questions; a dropped answer brings two questions together into the passage's shape). An orphan:
 * a placement that leaves out a line of the passage standing elsewhere cannot be the passage.
 */
import { toNormalised, type Doc } from './doc';
import { normalise } from './normalise';
import { linesOf } from './restated';
import type { Anchor, TextSelector } from './types';

/** Units an inner line needs before its standing elsewhere says anything (not a lone 是。 or 不。). */
const LINE_MIN = 4;

/** The comparison form of a line without marks at its edges. */
function wordsOf(form: string): string {
  return form.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}]+$/u, '');
}

/** Whether placement `a` leaves out an inner line of the quote that stands as a line elsewhere. */
export function innerLineElsewhere(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const lines = s.exact.split('\n');
  if (lines.length < 3) return false;
  const placed = doc.norm.text.slice(toNormalised(doc, a.start), toNormalised(doc, a.end));
  const quote = normalise(s.exact, s.prefix === '' || s.prefix.endsWith('\n'));
  for (const line of lines.slice(1, -1)) {
    const words = wordsOf(normalise(line, true));
    if (words.length < LINE_MIN || placed.includes(words)) continue;
    // Left out, not edited: the placement is shorter than the quote by half the line at least
    // (a line with a word corrected or a note inserted keeps its length).
    if (placed.length * 2 > (quote.length - words.length) * 2 + words.length) continue;
    // Standing once, as a line of its own, outside the placement: a stock line repeated in every
    // section (the same question) may be the passage's own, edited, with its twins elsewhere.
    const standing = linesOf(doc).filter((l) => l.words === words);
    if (standing.length === 1 && standing.every((l) => l.start < a.start || l.start >= a.end)) return true;
  }
  return false;
}
