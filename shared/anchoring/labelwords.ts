/**
 * A highlight that is mostly a paragraph's label (第二十六条 alone, or 十六条\u3000监 begun inside it),
 * found on ANOTHER label's characters (placed as one marker unit: the label renumbered or
 * restyled), is the passage only if the label still heads its own words. Parallel articles of a
 * law (监察机关在调查过程中，可以… / 监察机关在调查过程中，对于…) share most of their two-unit
 * pieces, so sharing pieces (literalStands in index.ts) does not say the words are the same: when
 * an article was deleted, the next one's label would take its highlight. A renumbering or a
 * restyling leaves the label's words as they were, so the stored words after it must follow it in
 * order, nearly unchanged (a unit in four may differ). Otherwise the label is an orphan.
 */
import { toNormalised, type Doc } from './doc';
import { levenshtein } from './myers';
import { storedForms } from './normalise';
import type { Anchor, TextSelector } from './types';

/** Units of the stored words after the label compared in order. */
const LABEL_WORDS = 16;
/** Stored words shorter than this say too little to refuse on (a heading of a few units). */
const LABEL_WORDS_MIN = 8;

/**
 * Whether the stored words after a mostly-marker passage (up to its paragraph's end, at most
 * LABEL_WORDS units) follow placement `a` in order with at most a quarter of them changed.
 */
export function labelHeadsItsWords(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const forms = storedForms(s);
  const own = forms.suffixBeforeBreak === null ? forms.suffix : forms.suffix.slice(0, forms.suffixBeforeBreak);
  const stored = own.slice(0, LABEL_WORDS);
  if (stored.length < LABEL_WORDS_MIN) return true;
  const from = toNormalised(doc, a.end);
  const lineEnd = doc.raw.indexOf('\n', a.end);
  const to = lineEnd < 0 ? doc.norm.text.length : toNormalised(doc, lineEnd);
  const there = doc.norm.text.slice(from, Math.min(to, from + stored.length));
  return levenshtein(stored, there) * 4 <= stored.length;
}
