/**
 * A short passage (a date, a number, a term) is told from its copies by the words of its own
 * paragraph beside it; the paragraphs around it may move (entries reversed, advert lines
 * inserted) and so say little. A placement whose own-paragraph context on one side is gone, while
 * those very words stand elsewhere in the new text, is on another copy: its own place moved with
 * them (its date shortened, its entry moved, its month dropped onto the day's digits). What was
 * stored cannot say which copy is the passage there, so such a placement is an orphan.
 */
import { lineBreakBefore, occurrencesIn, toNormalised, type Doc } from './doc';
import { levenshtein } from './myers';
import { normalise, storedForms } from './normalise';
import { paragraphRange } from './paragraphs';
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

/** Units of own-paragraph context read on each side when looking for a place that reads it farther. */
const FAR_READ = 32;
/** Units past the placement's agreement looked for elsewhere: a run that long is not chance. */
const FAR_KEY = 8;
/** Letters or digits the key needs (marks alone say nothing). */
const FAR_KEY_WORDS = 4;
/** Copies of the key looked at, at most: more, and it is a stock phrase. */
const FAR_COPIES = 8;
/** Quote units next to the side that must stand before (after) the other place's reading of it. */
const FAR_QUOTE_EDGE = 2;

const WORD = /[\p{L}\p{N}]/u;
const isMark = (c: string | undefined): boolean => c !== undefined && !WORD.test(c);

/** Leading units of `a` and `b` alike, a mark against a mark counting alike (，restyled to ：). */
function looseAgree(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && (a[k] === b[k] || (isMark(a[k]) && isMark(b[k])))) k++;
  return k;
}

/** `n` units read away from normalised boundary `at` (after: rightwards; before: leftwards), nearest first. */
function outward(text: string, at: number, n: number, after: boolean): string {
  return after ? text.slice(at, at + n) : reverse(text.slice(Math.max(0, at - n), at));
}

/**
 * A short passage (a date, a number, a term) whose placement agrees with its stored own-paragraph
 * side only for a while, or not at all, while another place in the new text reads that side
 * farther, right beside the quote's nearest units (marks aside), is on another entry: timeline
 * entries sharing a source tag (【某某报道】) or an opening (目前建设的…) and differing after it,
 * or a date whose entry kept its words while the month or the mark after it was edited. Also a
 * short own side bounded by its paragraph break (3月1 before 日，): the placement has other words
 * there, and a paragraph elsewhere opens with that side and the quote's first unit. The stored
 * context cannot say the placement is the passage while its own words stand beside another copy:
 * an orphan.
 */
export function ownSideReadsFarther(doc: Doc, s: TextSelector, a: Anchor): boolean {
  // A paragraph the old text printed twice (describe() recorded its twins): the twin reads the own
  // side farther whenever the placed copy was edited beside the quote, and which printing is the
  // passage's own is the twins' rank to decide, not this reading.
  if ((s.twins ?? 0) > 0) return false;
  const forms = storedForms(s);
  // A passage over a paragraph break (an entry's last words and the next entry's date) is read
  // piece by piece: its last piece against the words after it, its first against those before.
  const pieces = s.exact.split('\n').filter((p) => p.trim().length > 0);
  const multi = pieces.length > 1;
  // Only a passage short in every piece: a piece longer than a short quote (a sentence after the
  // break, an entry's tail before it) is told from its copies by its own words, and the reading of
  // the other piece's side says nothing against it (a sentence's last words edited before the break).
  if (multi && pieces.some((p) => normalise(p).length > SHORT_OWN_SIDE)) return false;
  const pieceQuotes = multi ? [normalise(pieces[pieces.length - 1] ?? ''), normalise(pieces[0] ?? '')] : [forms.quote, forms.quote];
  if (pieceQuotes.every((q) => q.length === 0 || q.length > SHORT_OWN_SIDE)) return false;
  const text = doc.norm.text;
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  const ownBefore = forms.prefixAfterBreak === null ? forms.prefix : forms.prefix.slice(forms.prefix.length - forms.prefixAfterBreak);
  const ownAfter = forms.suffixBeforeBreak === null ? forms.suffix : forms.suffix.slice(0, forms.suffixBeforeBreak);
  const sides = [
    { side: ownAfter.slice(0, FAR_READ), whole: forms.suffixBeforeBreak !== null && ownAfter.length <= FAR_READ, after: true, at: to },
    {
      side: reverse(ownBefore.slice(-FAR_READ)),
      whole: forms.prefixAfterBreak !== null && ownBefore.length <= FAR_READ,
      after: false,
      at: from,
    },
  ];
  const agreed = sides.map(({ side, after, at }) => looseAgree(side, outward(text, at, side.length, after)));
  for (let i = 0; i < 2; i++) {
    const { side, whole, after, at } = sides[i] as (typeof sides)[number];
    const opposite = sides[1 - i] as (typeof sides)[number];
    const quote = pieceQuotes[i] ?? '';
    if (quote.length === 0 || quote.length > SHORT_OWN_SIDE) continue;
    const k = agreed[i] ?? 0;
    if (k >= side.length) continue;
    // Departing at a line break is its paragraph parted there (lines inserted, a paragraph split),
    // not other words beside it: only a departure inside the placement's paragraph counts.
    if (breakWithin(doc, at, k + 1, after)) continue;
    // Nor a unit or two edited there (a misread 后 → 启, a word inserted): the side must go on
    // otherwise, most of its next units other words.
    const next = Math.min(FAR_KEY, side.length - k);
    if (levenshtein(side.slice(k, k + next), outward(text, at, k + next + 2, after).slice(k)) * 2 <= next) continue;
    // Nor words inserted there, the side's rest going on later in the placement's own paragraph.
    const rest = side.slice(k, k + next);
    const [pf, pt] = paragraphRange(doc.raw, a.start, a.end);
    const region = after ? text.slice(at, toNormalised(doc, pt)) : text.slice(toNormalised(doc, pf), at);
    if (region.includes(after ? rest : reverse(rest))) continue;
    // The quote's units next to this side, read outward from the side's boundary.
    const edge = after ? reverse(quote.slice(-FAR_QUOTE_EDGE)) : quote.slice(0, FAR_QUOTE_EDGE);
    const quoteBeside = (boundary: number) => looseAgree(edge, outward(text, boundary, edge.length, !after)) === edge.length;
    const own = (boundary: number) => boundary === at || sameParagraph(doc, a, doc.norm.map[boundary] ?? 0, doc.norm.map[boundary] ?? 0);
    // Where the placement has own words on the other side, the other place must read them as far:
    // the quote there (marks aside) and that side beside it.
    const otherSideHolds = (boundary: number): boolean => {
      if (opposite.side.length === 0 || multi) return true;
      const qFrom = after ? boundary - quote.length : boundary;
      if (qFrom < 0 || looseAgree(quote, text.slice(qFrom, qFrom + quote.length)) < quote.length) return false;
      const oppAt = after ? qFrom : qFrom + quote.length;
      const read = agreed[1 - i] ?? 0;
      if (looseAgree(opposite.side, outward(text, oppAt, opposite.side.length, opposite.after)) < read) return false;
      // An own side bounded by its paragraph's edge (a sentence opening its paragraph), read whole
      // at the placement, is read as far only where the other place's paragraph has that edge too:
      // the same words in the middle of another paragraph (a stock sentence repeated after a
      // clause there) are a copy, not the passage's own place.
      return !(opposite.whole && read >= opposite.side.length) || paragraphEdge(doc, oppAt, read, opposite.after);
    };
    if (side.length - k >= FAR_KEY) {
      const key = side.slice(k, k + FAR_KEY);
      if ([...key].filter((c) => WORD.test(c)).length < FAR_KEY_WORDS) continue;
      const copies = occurrencesIn(doc, after ? key : reverse(key), FAR_COPIES + 1);
      if (copies.length > FAR_COPIES) continue;
      for (const o of copies) {
        const boundary = after ? o - k : o + FAR_KEY + k;
        if (boundary < 0 || boundary > text.length || own(boundary)) continue;
        if (looseAgree(side, outward(text, boundary, k, after)) < k || !quoteBeside(boundary) || !otherSideHolds(boundary)) continue;
        return true;
      }
    } else if (whole && side.length >= 2) {
      // The whole own side, bounded by its paragraph's edge: another paragraph's edge reads it,
      // next to the quote's nearest unit.
      const key = after ? quote.slice(-1) + ownAfter : ownBefore + quote.slice(0, 1);
      const copies = occurrencesIn(doc, key, FAR_COPIES + 1);
      if (copies.length > FAR_COPIES) continue;
      for (const o of copies) {
        const boundary = after ? o + 1 : o + ownBefore.length;
        if (own(boundary) || !otherSideHolds(boundary)) continue;
        const edgeAt = after ? o + key.length : o;
        const atEdge = after ? edgeAt >= text.length || lineBreakBefore(doc, edgeAt) : edgeAt === 0 || lineBreakBefore(doc, edgeAt);
        if (atEdge) return true;
      }
    }
  }
  return false;
}

/** Whether a paragraph's edge (a line break, the text's own edge) lies `n` units away from normalised boundary `at`. */
function paragraphEdge(doc: Doc, at: number, n: number, after: boolean): boolean {
  const i = after ? at + n : at - n;
  return i <= 0 || i >= doc.norm.text.length || lineBreakBefore(doc, i);
}

/** Whether a line break lies within `n` units read away from normalised boundary `at`. */
function breakWithin(doc: Doc, at: number, n: number, after: boolean): boolean {
  for (let j = 0; j < n; j++) {
    const i = after ? at + j : at - j;
    if (i <= 0 || i >= doc.norm.text.length) return true;
    if (lineBreakBefore(doc, i)) return true;
  }
  return false;
}
