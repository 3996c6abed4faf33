/**
 * A last look for an orphan whose own words were edited in place: its stored context stands on
 * both sides, all but intact and only once in the text, around words that are the quote with a
 * word changed (提高 → 提升, 以及 → 及, 这个 → 该, a name corrected). A quote under 5 units is
 * never searched approximately, and a short one with one word of two changed falls below the
 * approximate search's similarity; but the reader's passage is what now stands between its own
 * context, when those words keep at least half of its units.
 */
import type { Doc } from './doc';
import { levenshtein } from './myers';
import { prefixDistance, suffixDistance, type Candidate, type Query } from './query';
import { CONTEXT_LENGTH, type TextSelector } from './types';

/** Units of the stored prefix's end and the suffix's start that must stand exactly around the words. */
const BRACKET_SIDE = 12;
/** Units in which each whole stored side may differ there. */
const SIDE_ERRORS = 4;

/**
 * Whether the old text held the passage's surroundings once: its quote once (copies 0), or its
 * other copies with less than half the stored context beside them. A page printed twice in one
 * article holds the context twice, and an edit of one copy's context leaves the other's whole
 * around its own words, edited or not.
 */
function contextWasOnce(s: TextSelector): boolean {
  if (s.copies === 0) return true;
  return typeof s.copies === 'number' && typeof s.copyContext === 'number' && s.copyContext < CONTEXT_LENGTH;
}

/**
 * The words between the stored context, when the context stands once in the text around words
 * of about the quote's length (within half of it) that differ from the quote in at most half its
 * units, and not in none (a quote found whole was judged by the other passes), the old text having
 * held that context once; else null.
 */
export function editedInPlace(doc: Doc, q: Query): Candidate | null {
  const text = doc.norm.text;
  const m = q.quote.length;
  if (m === 0 || q.prefixText.length < BRACKET_SIDE || q.suffixText.length < BRACKET_SIDE) return null;
  if (!contextWasOnce(q.selector)) return null;
  const head = q.prefixText.slice(-BRACKET_SIDE);
  const tail = q.suffixText.slice(0, BRACKET_SIDE);
  const slack = Math.floor(m / 2);
  let found: Candidate | null = null;
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
    const from = at + BRACKET_SIDE;
    const window = text.slice(from, from + m + slack + BRACKET_SIDE);
    for (let gap = window.indexOf(tail); gap >= 0; gap = window.indexOf(tail, gap + 1)) {
      if (gap < Math.max(1, m - slack) || gap > m + slack) continue;
      // Two places with the same context around them: it cannot say which is the passage.
      if (found) return null;
      found = { start: from, end: from + gap, errors: 0 };
    }
  }
  if (!found) return null;
  const words = text.slice(found.start, found.end);
  if (words === q.quote) return null;
  const errors = levenshtein(words, q.quote);
  if (errors > slack) return null;
  if (prefixDistance(text, q, found.start) > SIDE_ERRORS || suffixDistance(text, q, found.end) > SIDE_ERRORS) return null;
  return { start: found.start, end: found.end, errors };
}
