/**
 * A short passage (a term, a place name, a number) whose stored context on one side itself holds
 * the quote again a few units on (重庆[X学会、重庆]市…: the next item of a list opens with the same
 * words). When its own words move away or go (a list reordered, an item cut), the next copy closes
 * up onto the passage's context: the stored side before it stands beside that copy, and what
 * follows is not the stored side's nearest words but what followed the copy inside the stored side
 * (its other words, a mark restyled at most: 和 → 、 between items). The placement is then the
 * copy the stored side held, another item's words, and nothing stored says where the passage went:
 * an orphan. (ownside.ts reads the case where the near side is gone; this is the one where it stands.)
 * Only this way round (see closedOntoSideCopy).
 */
import { toNormalised, type Doc } from './doc';
import { levenshtein } from './myers';
import { storedForms } from './normalise';
import type { Anchor, TextSelector } from './types';

/** Quotes up to this many comparison units: a longer quote is told from its copies by its own words. */
const SHORT = 12;
/** Units of the side, next to the quote, that must NOT stand beside the placement (its own words gone). */
const NEAR = 4;
/** Units before the side's copy of the quote there must be at least (an item's words, not a doubled unit). */
const BETWEEN_MIN = 2;
/** Units after the side's copy of the quote compared with what stands beside the placement. */
const REST = 8;
/** Of them, units that may differ (a mark or joining word restyled between items). */
const REST_EDITS = 1;
/** Letters or digits the compared rest must hold (marks alone say nothing). */
const REST_WORDS = 4;

const WORD = /[\p{L}\p{N}]/u;

/** Whether the units read away from the quote (`there`) are the stored side's words past its own copy of `quote`. */
function readsAsSideCopy(side: string, there: string, quote: string): boolean {
  if (side.length < NEAR || there.startsWith(side.slice(0, NEAR))) return false;
  const k = side.indexOf(quote, BETWEEN_MIN);
  if (k < 0) return false;
  const rest = side.slice(k + quote.length, k + quote.length + REST);
  if (rest.length < REST || [...rest].filter((c) => WORD.test(c)).length < REST_WORDS) return false;
  return levenshtein(rest, there.slice(0, REST)) <= REST_EDITS;
}

/**
 * Whether short passage `a` has the stored context on one side beside it while the other side reads
 * as the words past the quote's copy inside that stored side (see the file comment).
 */
export function closedOntoSideCopy(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const forms = storedForms(s);
  const quote = forms.quote;
  if (quote.length === 0 || quote.length > SHORT) return false;
  const text = doc.norm.text;
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  const before = forms.prefix.slice(-NEAR);
  const after = forms.suffix.slice(0, NEAR);
  if (before.length < NEAR || text.slice(Math.max(0, from - NEAR), from) !== before) return false;
  const afterStands = after.length === NEAR && text.slice(to, to + NEAR) === after;
  // The prefix stands, the suffix reads as the words after the suffix's own copy of the quote.
  // Not the other way round: a clause or an item begins at its word, so the one left of two where
  // the words between went (专项债券的…加快，专项债券的… → 专项债券的…) is the second, its own
  // words after it; the first, its prefix standing, is the one cut or moved.
  return !afterStands && readsAsSideCopy(forms.suffix, text.slice(to, to + REST + REST_EDITS), quote);
}
