/**
 * A copy set apart while the passage's own place was edited (issue 12 item 4). A pull quote or a
 * summary line copies a sentence word for word and stands among other words; then an edit
 * touches the passage itself where it stands (a note inserted inside it, a number rewritten, a
 * parenthetical next to it dropped). The copy is now the quote's only exact occurrence, and a
 * quote the old text held once, found once, is taken at once, with none of the stored context
 * beside it. The passage's own place still reads as the stored prefix and the quote, a few units
 * edited, right before the stored suffix's first words: that frame is the passage, and a copy
 * with no context is no evidence against it. The placement on the copy is refused (an orphan,
 * which the later passes may still place on the frame; never the copy by this evidence).
 *
 * Not where the copy has any of the stored context's words beside it (a break and a mark are no
 * words): a moved passage keeps its words, and its old frame holds no edited quote. Not where
 * the old text held a look-alike of the quote with that much of the stored context (`nearContext`):
 * the frame may be that look-alike's.
 */
import { occurrencesIn, toNormalised, type Doc } from './doc';
import { anchoredDistance, compilePattern } from './myers';
import { normalisePrefix, normaliseQuote, normaliseSuffix } from './normalise';
import { paragraphRange } from './paragraphs';
import { reverse } from './query';
import { linesOf } from './restated';
import type { Anchor, TextSelector } from './types';

/** Units a quote needs: a sentence or a clause set apart, not a term found anywhere. */
const MIN_QUOTE = 8;
/** Exact context units beside the copy below which it has none of the stored words (a mark or two). */
const BARE = 4;
/** Units of the stored suffix's start, and of the prefix at least, that mark the frame. */
const FRAME_SIDE = 12;
/** Places of the suffix's start looked at, at most (a context this common says nothing). */
const MAX_TAILS = 8;

/**
 * Whether placement `a`, an exact copy of the quote with none of the stored context's words
 * beside it, is refused because the passage's own frame stands edited elsewhere: the stored
 * suffix's first FRAME_SIDE units exactly, before them the quote with at least one edit and at
 * most a quarter of its units, and before that at least half of the stored prefix.
 */
export function editedInOwnFrame(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const quote = normaliseQuote(s);
  if (quote.length < MIN_QUOTE) return false;
  const text = doc.norm.text;
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  if (to - from !== quote.length || !text.startsWith(quote, from)) return false;
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  if (prefix.length < FRAME_SIDE || suffix.length < FRAME_SIDE) return false;
  if ((s.nearContext ?? 0) >= FRAME_SIDE) return false;
  let before = 0;
  while (before < BARE && from - 1 - before >= 0 && text.charCodeAt(from - 1 - before) === prefix.charCodeAt(prefix.length - 1 - before))
    before++;
  let after = 0;
  while (after < BARE && text.charCodeAt(to + after) === suffix.charCodeAt(after)) after++;
  if (before >= BARE || after >= BARE) return false;
  const tails = occurrencesIn(doc, suffix.slice(0, FRAME_SIDE), MAX_TAILS + 1);
  if (tails.length > MAX_TAILS) return false;
  const quoteSlack = Math.floor(quote.length / 4);
  const framed = prefix + quote;
  // The prefix may have lost a note beside the quote, or its far words to the copy set before it: half of it stands.
  const frameSlack = quoteSlack + Math.floor(prefix.length / 2);
  for (const t of tails) {
    if (t >= from && t <= to + FRAME_SIDE) continue;
    const quoteErrors = anchoredDistance(compilePattern(reverse(quote)), text, t - 1, Math.min(t, quote.length + quoteSlack), -1);
    if (quoteErrors === 0 || quoteErrors > quoteSlack) continue;
    const frameErrors = anchoredDistance(compilePattern(reverse(framed)), text, t - 1, Math.min(t, framed.length + frameSlack), -1);
    if (frameErrors <= frameSlack) return true;
  }
  return false;
}

/**
 * A paragraph set twice in a row (A S S B) by a revision that sets sentences apart: pull quotes
 * (a sentence of a paragraph printed again as a line of its own near it) or a summary line
 * quoting sentences. A pull quote of a one-sentence paragraph set right before or right after
 * it leaves the two copies alike, each with the stored context on one side, and an editor sets
 * it either way: nothing in the words tells which copy is new (a paste twice in a row, stutter.ts,
 * takes the first; there either copy is the passage, here one is new text). So where the text
 * holds such copies elsewhere, a line whose words stand inside a longer line, the pair is an
 * orphan. A text with no line copied into another is left to the paste's rule.
 */
export function pairAmongCopiesSetApart(doc: Doc, first: number, second: number): boolean {
  const one = lineHolding(doc, first);
  const two = lineHolding(doc, second);
  // Two whole lines alike, one right after the other, the copies at the same place in each.
  if (one.form !== two.form || two.start !== one.start + one.form.length || second - first !== one.form.length) return false;
  return linesSetApart(doc).some((form) => form !== one.form);
}

/** The line holding normalised `at`: its comparison form and where it starts (normalised). */
function lineHolding(doc: Doc, at: number): { form: string; start: number } {
  const raw = doc.norm.map[at] ?? 0;
  const [from, to] = paragraphRange(doc.raw, raw, raw + 1);
  const start = toNormalised(doc, from);
  return { form: doc.norm.text.slice(start, toNormalised(doc, to)), start };
}

/** Units of a line's words for it to count as a sentence set apart (not a heading's few words). */
const SET_APART_MIN = 12;
/** Lines on each side within which a pull quote stands from its source. */
const SET_APART_REACH = 2;

/** A line ending as a sentence does: a stop, then closing quotes or brackets, then white space. */
const SENTENCE_LINE = /[。！？!?][”’」』）)]*\s*$/u;

const setApartCache = new WeakMap<Doc, string[]>();

/**
 * The comparison forms of the text's sentence lines whose words (edge marks aside) stand inside
 * a longer line at most SET_APART_REACH lines away: a sentence set apart next to its paragraph, a
 * pull quote (cached per text).
 */
function linesSetApart(doc: Doc): string[] {
  const hit = setApartCache.get(doc);
  if (hit) return hit;
  const out: string[] = [];
  const lines = linesOf(doc);
  const norm = doc.norm.text;
  lines.forEach((line, i) => {
    if (line.words.length < SET_APART_MIN) return;
    // A sentence, its stop kept: a subheading made of a paragraph's first words has none.
    const end = doc.raw.indexOf('\n', line.start);
    if (!SENTENCE_LINE.test(doc.raw.slice(line.start, end < 0 ? doc.raw.length : end))) return;
    for (let j = Math.max(0, i - SET_APART_REACH); j <= Math.min(lines.length - 1, i + SET_APART_REACH); j++) {
      const other = lines[j]?.words ?? '';
      if (j === i || other.length <= line.words.length || !other.includes(line.words)) continue;
      const start = toNormalised(doc, line.start);
      out.push(norm.slice(start, toNormalised(doc, paragraphRange(doc.raw, line.start, line.start + 1)[1])));
      return;
    }
  });
  setApartCache.set(doc, out);
  return out;
}
