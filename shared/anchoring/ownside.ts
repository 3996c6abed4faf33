/**
 * A short passage (a date, a number, a term) is told from its copies by the words of its own
 * paragraph beside it; the paragraphs around it may move (entries reversed, advert lines
 * inserted) and so say little. A placement whose own-paragraph context on one side is gone, while
 * those very words stand elsewhere in the new text, is on another copy: its own place moved with
 * them (its date shortened, its entry moved, its month dropped onto the day's digits). What was
 * stored cannot say which copy is the passage there, so such a placement is an orphan.
 */
import { toNormalised, type Doc } from './doc';
import { levenshtein } from './myers';
import { storedForms } from './normalise';
import { reverse } from './query';
import type { Anchor, TextSelector } from './types';

/** Quotes up to this many comparison units count as short: their own words do not decide. */
const SHORT_OWN_SIDE = 12;
/** Units of own-paragraph context read on each side. */
const OWN_SIDE_READ = 16;
/** Units of that context looked for elsewhere, its nearest unit left out (a ， restyled to ：). */
const OWN_SIDE_KEY = 8;
/** The fewest units of own-paragraph context worth reading: a key and the unit left out. */
const OWN_SIDE_MIN = OWN_SIDE_KEY + 1;
/** Copies of the key looked at. */
const OWN_SIDE_COPIES = 8;

/** Whether short passage `a`'s own-paragraph context on one side is missing there but stands elsewhere. */
export function ownSideElsewhere(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const forms = storedForms(s);
  const quote = forms.quote;
  if (quote.length === 0 || quote.length > SHORT_OWN_SIDE) return false;
  const text = doc.norm.text;
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  const ownBefore = forms.prefixAfterBreak === null ? forms.prefix : forms.prefix.slice(forms.prefix.length - forms.prefixAfterBreak);
  const before = ownBefore.slice(-OWN_SIDE_READ);
  const after = (forms.suffixBeforeBreak === null ? forms.suffix : forms.suffix.slice(0, forms.suffixBeforeBreak)).slice(0, OWN_SIDE_READ);
  const thereBefore = text.slice(Math.max(0, from - before.length), from);
  const thereAfter = text.slice(to, to + after.length);
  // Only from the edge of its own paragraph's words (a date leading its entry): where its own
  // words on the other side stand beside it, the placement is on its own paragraph (a sentence of
  // it moved away), not on another copy.
  if (!stands(before, thereBefore, true)) {
    if (after.length >= OWN_SIDE_MIN && missing(after, thereAfter, false)) {
      // Occurrences in the placement's own paragraph (its clauses reordered), or past a few lines
      // inserted right after it, are its own context moved by an edit there.
      const own = (raw: number, rawEnd: number) =>
        sameParagraph(doc, a, raw, rawEnd) || (raw >= a.end && insertedOnly(doc.raw.slice(a.end, raw), false));
      if (elsewhere(doc, after.slice(1, 1 + OWN_SIDE_KEY), own)) return true;
    }
    // The stored side itself holds the quote again (11 of 11月11日): the placement may be that copy,
    // the quote and the units up to it deleted (11日).
    const k = after.indexOf(quote);
    if (k >= 0 && sideCopyAt(thereAfter, after.slice(0, OWN_SIDE_EDGE), after.slice(k + quote.length))) return true;
  }
  if (!stands(after, thereAfter, false)) {
    if (before.length >= OWN_SIDE_MIN && missing(before, thereBefore, true)) {
      const own = (raw: number, rawEnd: number) =>
        sameParagraph(doc, a, raw, rawEnd) || (rawEnd <= a.start && insertedOnly(doc.raw.slice(rawEnd, a.start), true));
      if (elsewhere(doc, before.slice(-1 - OWN_SIDE_KEY, -1), own)) return true;
    }
    const j = before.lastIndexOf(quote);
    if (j >= 0 && sideCopyAt(reverse(thereBefore), reverse(before.slice(-OWN_SIDE_EDGE)), reverse(before.slice(0, j)))) return true;
  }
  return false;
}

/** Whether some of the stored own side stands beside the placement, its nearest units nearly all. */
function stands(stored: string, there: string, before: boolean): boolean {
  if (stored.length < OWN_SIDE_EDGE) return false;
  const near = (x: string) => (before ? x.slice(-NEAREST) : x.slice(0, NEAREST));
  return levenshtein(near(stored), near(there)) <= 1;
}

/** Units of a side next to the quote that must stand there for the passage's own place. */
const OWN_SIDE_EDGE = 3;
/** Units of the side past its copy of the quote that must stand next to that copy. */
const SIDE_COPY_REST = 4;

/**
 * Whether `there` (read away from the placement) lacks the side's nearest units `edge` but begins
 * with `rest`, what the side read past its own copy of the quote: the placement is that copy.
 */
function sideCopyAt(there: string, edge: string, rest: string): boolean {
  if (rest.length < SIDE_COPY_REST || there.startsWith(edge)) return false;
  return there.startsWith(rest.slice(0, OWN_SIDE_KEY));
}

/** Units next to the quote, of which NEAREST_GONE must differ for its own side to be missing there. */
const NEAREST = 4;
const NEAREST_GONE = 3;

/**
 * More than half of the stored side (read away from the quote unless `before`) differs from what
 * stands there, its nearest units too: an edit a few units off leaves the passage's own place.
 */
function missing(stored: string, there: string, before: boolean): boolean {
  if (levenshtein(stored, there) * 2 <= stored.length) return false;
  const near = (x: string) => (before ? x.slice(-NEAREST) : x.slice(0, NEAREST));
  return levenshtein(near(stored), near(there)) >= NEAREST_GONE;
}

/** Whether raw [raw, rawEnd) lies in the paragraph of `a`: no line break between them. */
function sameParagraph(doc: Doc, a: Anchor, raw: number, rawEnd: number): boolean {
  const between = rawEnd <= a.start ? doc.raw.slice(rawEnd, a.start) : raw >= a.end ? doc.raw.slice(a.end, raw) : '';
  return !between.includes('\n');
}

/** Lines an insertion parting a paragraph may add (an advert block, a 相关阅读 list). */
const INSERTED_LINES = 8;
/** Units the placement's own line may hold beyond the quote on the side of the insertion. */
const LINE_REST = 2;

/**
 * Whether raw `between` (placement to the key's copy; `before`: the copy precedes) is the same
 * paragraph's words, or the placement's line ends right there and a few whole lines follow: an
 * insertion parted the paragraph, the copy is its own context. A placement with other words of
 * its line on that side sits in another paragraph.
 */
function insertedOnly(between: string, before: boolean): boolean {
  const lines = between.split('\n');
  if (lines.length === 1) return true;
  if (lines.length - 1 > INSERTED_LINES) return false;
  const own = (before ? lines[lines.length - 1] : lines[0]) ?? '';
  return own.replace(/\s/g, '').length <= LINE_REST;
}

/** Whether `key` stands in the comparison form somewhere `own(rawStart, rawEnd)` does not call the placement's own paragraph. */
function elsewhere(doc: Doc, key: string, own: (raw: number, rawEnd: number) => boolean): boolean {
  if (key.length < OWN_SIDE_KEY) return false;
  const { text, map, ends } = doc.norm;
  let n = 0;
  let other = false;
  for (let o = text.indexOf(key); o >= 0 && n < OWN_SIDE_COPIES; o = text.indexOf(key, o + 1), n++) {
    const raw = map[o] ?? 0;
    const rawEnd = ends[o + key.length - 1] ?? raw;
    // Standing on the placement's own side too: the words repeat, and say nothing against it.
    if (own(raw, rawEnd)) return false;
    other = true;
  }
  return other;
}
