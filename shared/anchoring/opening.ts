/**
 * The first words of a text whose next lines a revision replaced (a short first line 划重点： with
 * an 【摘要】, a 目录 or 来源 lines written under it): the quote has no stored words before it and its
 * stored words after it are gone, so every pass that weighs context leaves it an orphan.
 *
 * It is certain only where nothing else could be the passage: the quote opened the old text (no
 * stored words before it) and was held there once (no `copies` recorded), it opens the new text
 * too, and the new text holds it nowhere else. A title repeated under written lines (a 转载 head),
 * words moved below a line written above them (an 引题), or a short quote (under 4 units, a
 * coincidence at the start of other words) stays an orphan.
 */
import { occurrencesIn, type Doc } from './doc';
import { normaliseQuote } from './normalise';
import { type TextSelector } from './types';

/** Fewest units of the quote's comparison form. */
const OPENING_MIN = 4;

/** The quote's place at the new text's start (normalised offsets), or null (see above). */
export function openingPlace(doc: Doc, s: TextSelector): { from: number; to: number } | null {
  if (s.prefix.trim() !== '' || (s.copies ?? 0) > 0) return null;
  const quote = normaliseQuote(s);
  if (quote.length < OPENING_MIN || !doc.norm.text.startsWith(quote)) return null;
  return occurrencesIn(doc, quote, 2).length === 1 ? { from: 0, to: quote.length } : null;
}
