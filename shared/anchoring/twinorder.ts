/**
 * Twin printings where the words around the twin read more like the stored context than the
 * passage's own copy does (issue 12 item 4): a page printed twice in a long article, an edit next
 * to the passage's own copy (a separator line, quotation marks opening every line) while the
 * twin's surroundings stand or were even made more like the passage's (a left-out line written
 * back beside the twin). The context then points at the twin; the order of the copies and the
 * passages already placed around it do not. These checks let order and position count against a
 * context score, and say "in doubt" (an orphan unless sure neighbours place it) where the two
 * disagree; none of them places a passage anywhere itself.
 */
import { contextAt, MAX_COPIES, sameRankCopy } from './copies';
import { toNormalised, type Doc } from './doc';
import { normalisePrefix, normaliseQuote, normaliseSuffix } from './normalise';
import { fingerprint, paragraphRange } from './paragraphs';
import type { TextSelector } from './types';

/**
 * Whether the placement of neighbour `t` on normalised `from` was chosen among copies by its
 * context alone: its quote stood more than once in the old text and the placement is not the
 * copy of its rank (the new text holding as many copies, copies keeping their order), or no rank
 * can be known (a count changed, a quote held past MAX_COPIES times), and its paragraph there is
 * not its own old paragraph told apart from the twin's by its print. Such a neighbour inside the
 * same twin paragraph was placed by the same surrounding words as the passage (its context
 * overlaps the passage's), so its moving along with a placement is no second witness for it.
 */
export function placedByContextAmongCopies(doc: Doc, t: TextSelector, from: number, placed: { start: number; end: number }): boolean {
  if (!((t.copies ?? 0) > 0)) return false;
  if (sameRankCopy(doc, normaliseQuote(t), t) === from) return false;
  // Unless it stands in its own old paragraph, whole, which differed from every other paragraph
  // holding its quote (paragraphs.ts): blocks reordered across the copies carry it along.
  if (typeof t.para !== 'string' || (t.twins ?? 0) > 0) return true;
  const [pFrom, pTo] = paragraphRange(doc.raw, placed.start, placed.end);
  return fingerprint(doc.raw.slice(pFrom, pTo)) !== t.para;
}

/** Units either side of where the passage would be within which a copy counts as standing there. */
export const NEAR_EXPECTED = 3000;

/**
 * A quote held so often that its copies are not counted (MAX_COPIES or more: a figure, a month),
 * placed on a copy with no more of the stored context than another copy had in the old text (the
 * old text held the passage's surroundings twice: a twin printing, unchanged), or with more while
 * a whole stored side still stands where the passage would be (its printing there, its words
 * edited away, and the twin's edited into the quote), more than
 * NEAR_EXPECTED from every place the passage would be (`expected`, raw: its old place, and that
 * moved with unique placed neighbours), while a copy of the quote stands within NEAR_EXPECTED of
 * one of them: the context cannot tell the twin from the passage, and the passage's place says
 * it is the near copy. In doubt. The copies are looked for only near the expected places, as the
 * first MAX_COPIES of a common quote say nothing about where the passage is.
 */
export function commonQuoteOnFarTwin(
  doc: Doc,
  s: TextSelector,
  quote: string,
  from: number,
  to: number,
  rawStart: number,
  expected: readonly number[],
): boolean {
  if ((s.copies ?? 0) < MAX_COPIES) return false;
  const known = s.copyContext;
  if (typeof known !== 'number' || !Number.isInteger(known) || known < 0) return false;
  if (expected.some((e) => Math.abs(rawStart - e) <= NEAR_EXPECTED)) return false;
  const norm = doc.norm.text;
  const near = (words: string, e: number) => {
    const lo = toNormalised(doc, Math.max(0, e - NEAR_EXPECTED));
    const hi = toNormalised(doc, e + NEAR_EXPECTED);
    const at = norm.indexOf(words, lo);
    return at >= 0 && at + words.length <= hi;
  };
  if (!expected.some((e) => near(quote, e))) return false;
  if (contextAt(doc, s, from, to).found <= known) return true;
  // More context than any copy had: a paragraph moved far away carries its surroundings along;
  // but where a whole stored side still stands where the passage would be, that printing is the
  // passage's and the far copy a twin's words edited into the quote.
  const sides = [normalisePrefix(s), normaliseSuffix(s)].filter((side) => side.length >= MIN_SIDE);
  return sides.some((side) => expected.some((e) => near(side, e)));
}

/** Units a stored side must hold to say where the passage's surroundings stand. */
const MIN_SIDE = 16;

/**
 * Passages of different old words placed on one place (`group`, indices into `selectors` and
 * `placed`), which neither or both of their neighbour windows confirm (copies of one quote a few
 * lines apart): the old starts of those on the copy of their own rank, the new text holding as
 * many copies of their quote as the old one did. Two passages cannot both be these words; the
 * copies kept their order, so only the one whose rank the place is may stay there.
 */
export function rankHolders(
  doc: Doc,
  group: readonly number[],
  selectors: readonly TextSelector[],
  placed: readonly ({ start: number; end: number } | null)[],
): Set<number> {
  const out = new Set<number>();
  for (const i of group) {
    const s = selectors[i];
    const a = placed[i];
    if (!s || !a) continue;
    const quote = normaliseQuote(s);
    const from = toNormalised(doc, a.start);
    if (doc.norm.text.startsWith(quote, from) && sameRankCopy(doc, quote, s) === from) out.add(s.start);
  }
  return out;
}
