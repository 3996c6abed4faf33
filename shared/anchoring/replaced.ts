/**
 * A passage whose words were replaced in place (a title+name rewritten as name+同志, a term
 * reworded) leaves its stored context standing on both sides of the new words. A copy of the
 * quote elsewhere, without that context on both sides (the same words written at another
 * mention), is then another passage's: the passage's own place is known and no longer holds its
 * words. Such a placement is an orphan.
 */
import { occurrences } from './copies';
import { lineBreakBefore, toNormalised, type Doc } from './doc';
import { normalise, normalisePrefix, normaliseQuote, normaliseSuffix } from './normalise';
import { numeralReading } from './pinned';
import type { Anchor, TextSelector } from './types';

/** Units of the stored context next to the quote, on each side, that must stand around the new words. */
const KEY = 10;
/** Occurrences of the prefix key looked at. */
const KEY_COPIES = 16;
/** Units the new words may exceed twice the quote's length by (a title lengthened). */
const MIDDLE_SLACK = 8;
/** Units of exact context by which the replaced place must beat the placement (a mark or two agree anywhere). */
const RUN_MARGIN = 4;

/**
 * Whether the stored context's nearest KEY units on both sides stand elsewhere around other words
 * that replaced the quote (not the quote, not nothing, no longer than twice the quote and a few
 * units, sharing some of its two-unit pieces, with the quote's paragraph edges), while placement
 * `a` lacks that context on a side.
 */
export function replacedInPlace(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const quote = normaliseQuote(s);
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  if (quote.length < 2 || prefix.length < KEY || suffix.length < KEY) return false;
  const before = prefix.slice(-KEY);
  const after = suffix.slice(0, KEY);
  const text = doc.norm.text;
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  const maxMiddle = 2 * quote.length + MIDDLE_SLACK;
  // The placement with both sides beside it, or a few inserted units off (a title lengthened:
  // 省委常委、 before it), is the passage's own place.
  // Looked for in windows only: a key absent must not cost a scan of the whole text.
  const windowFrom = Math.max(0, from - KEY - maxMiddle);
  const keyBefore = text.slice(windowFrom, Math.max(windowFrom, from)).lastIndexOf(before);
  const keyAfter = text.slice(to, to + maxMiddle + KEY).indexOf(after);
  if (keyBefore >= 0 && keyAfter >= 0) return false;
  // How far the stored context runs exactly beside the placement, on each side.
  const placedBefore = commonTail(prefix, text.slice(Math.max(0, from - prefix.length), from));
  const placedAfter = commonHead(suffix, text.slice(to, to + suffix.length));
  // Pieces read with numbers in Arabic digits (numeralReading): a number rewritten in place
  // (28岁 → 二十八岁, 2019年 → 二〇一九年) shares no written piece with the quote, yet is its words.
  const pieces = twoUnitPieces(numeralReading(quote).text);
  const needShared = Math.max(2, Math.ceil(pieces.size / 4));
  const headBreak = /\n[ \t\u3000]*$/u.test(s.prefix);
  const endBreak = /^[ \t\u3000]*\n/u.test(s.suffix);
  // The first KEY_COPIES places of the key before (through the text's trigram index: no scan of a long text).
  for (const at of occurrences(text, before, KEY_COPIES)) {
    const m0 = at + KEY;
    // The first key after past m0, looked for only as far as it may stand (maxMiddle on).
    const near = text.slice(m0 + 1, m0 + maxMiddle + KEY).indexOf(after);
    const m1 = near < 0 ? -1 : m0 + 1 + near;
    if (m1 < 0 || m1 - m0 > maxMiddle) continue;
    // The placement's own words are not a replacement of themselves.
    if (m0 < to && m1 > from) continue;
    const middle = text.slice(m0, m1);
    if (middle.includes(quote)) continue;
    // Laid out as the passage was: a paragraph's head or end where it began or ended one, no break inside unless it had one.
    if (lineBreakBefore(doc, m0) !== headBreak || lineBreakBefore(doc, m1) !== endBreak) continue;
    if (!s.exact.includes('\n') && breakInside(doc, m0, m1)) continue;
    // Not a frame repeated (问：社会各界关心…，对此您怎么看？ of a reordered block): the context
    // runs on past the keys there, on each side about as far as beside the placement (a few
    // units past a break agree by chance), and in all clearly farther.
    const siteBefore = commonTail(prefix, text.slice(Math.max(0, at + KEY - prefix.length), at + KEY));
    const siteAfter = commonHead(suffix, text.slice(m1, m1 + suffix.length));
    if (
      siteBefore + RUN_MARGIN < placedBefore ||
      siteAfter + RUN_MARGIN < placedAfter ||
      siteBefore + siteAfter < placedBefore + placedAfter + RUN_MARGIN
    )
      continue;
    let shared = 0;
    for (const p of twoUnitPieces(numeralReading(middle).text)) if (pieces.has(p)) shared++;
    if (shared >= needShared) return true;
  }
  return false;
}

/** Length of the longest common head of a and b. */
export function commonHead(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** Length of the longest common tail of a and b. */
export function commonTail(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function twoUnitPieces(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Whether a line break lies between normalised units m0 and m1 (exclusive of their edges). */
function breakInside(doc: Doc, m0: number, m1: number): boolean {
  for (let i = m0 + 1; i < m1; i++) if (lineBreakBefore(doc, i)) return true;
  return false;
}

/** Units a stored neighbouring line needs to tell one copy's surroundings from another's. */
const LINE_MIN = 6;
/** Copies of the quote looked at for a neighbouring line. */
const LINE_COPIES = 16;

/**
 * Whether placement `a`, on one of several copies of a quote, lacks the whole line the stored
 * context held next to the quote's paragraph (a question before its answer, a heading before a
 * line) while that line stands, whole and as a line, next to the same paragraph words at another
 * copy: blocks moved across the copies (a 答记者问 reordered), or the lines beside the copies were
 * edited, and nothing stored says which copy is the passage's.
 */
export function neighbourLineElsewhere(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const quote = normaliseQuote(s);
  if (quote.length === 0) return false;
  const text = doc.norm.text;
  const from = toNormalised(doc, a.start);
  const before = storedLine(s.prefix, true);
  const after = storedLine(s.suffix, false);
  // Most passages stand inside a paragraph with no whole line stored beside it: no search.
  if (!before && !after) return false;
  // The same copies as an indexOf scan, through the document's trigram index (no scan of a long text per passage).
  const copies = occurrences(text, quote, LINE_COPIES);
  if (copies.length < 2 || !copies.includes(from)) return false;
  const isBreak = (i: number) => i === 0 || i === text.length || lineBreakBefore(doc, i);
  // A copy right beside the placement is its twin pasted twice in a row (stutter.ts places the
  // first): the pair stands where the passage stood, the stored line past the twin.
  const to = from + quote.length;
  const twinAfter = copies.includes(to);
  const twinBefore = copies.includes(from - quote.length);
  const others = copies.filter((o) => o !== from && o !== to && o + quote.length !== from);
  if (before) {
    const { own, line } = before;
    const lineBefore = (at: number) => {
      const head = at - own.length;
      return (
        text.slice(head, at) === own &&
        isBreak(head) &&
        text.slice(head - line.length, head) === line &&
        head - line.length >= 0 &&
        isBreak(head - line.length)
      );
    };
    // Not where the passage's own paragraph words on the other side stand at the placement and not at
    // that copy: they tell the copies apart (a timeline's entries reversed, each line now before another).
    const after = ownSideWords(s.suffix, false);
    const toldApart = (o: number) =>
      after !== null && ownWordsAt(doc, to, after, false) && !ownWordsAt(doc, o + quote.length, after, false);
    if (!lineBefore(twinBefore ? from - quote.length : from) && others.some((o) => lineBefore(o) && !toldApart(o))) return true;
  }
  if (after) {
    const { own, line } = after;
    const lineAfter = (end: number) => {
      const tail = end + own.length;
      return text.startsWith(own, end) && isBreak(tail) && text.startsWith(line, tail) && isBreak(tail + line.length);
    };
    const before = ownSideWords(s.prefix, true);
    const toldApart = (o: number) => before !== null && ownWordsAt(doc, from, before, true) && !ownWordsAt(doc, o, before, true);
    if (!lineAfter(twinAfter ? to + quote.length : to) && others.some((o) => lineAfter(o + quote.length) && !toldApart(o))) return true;
  }
  return false;
}

/** Words (letters and digits) of the passage's own paragraph beside it that tell its copy from another. */
const OWN_WORDS = 8;
/** Units read past the quote for those words (marks and spaces between them). */
const OWN_WORDS_READ = 4 * OWN_WORDS;
const WORD = /[\p{L}\p{N}]/u;

/** The OWN_WORDS words of the stored side's own-paragraph part nearest the quote, or null when fewer stand there. */
function ownSideWords(side: string, before: boolean): string | null {
  const own = before ? side.slice(side.lastIndexOf('\n') + 1) : side.slice(0, (side.indexOf('\n') + 1 || side.length + 1) - 1);
  const words = [...normalise(own, before && !side.includes('\n') ? false : before)].filter((c) => WORD.test(c)).join('');
  if (words.length < OWN_WORDS) return null;
  return before ? words.slice(-OWN_WORDS) : words.slice(0, OWN_WORDS);
}

/** Whether the words of the new text's paragraph nearest comparison-form offset `at` (before it or from it) are `words`. */
function ownWordsAt(doc: Doc, at: number, words: string, before: boolean): boolean {
  const text = doc.norm.text;
  let got = '';
  for (let k = 0; k < OWN_WORDS_READ && got.length < words.length; k++) {
    const i = before ? at - 1 - k : at + k;
    if (i < 0 || i >= text.length) break;
    // A break between the quote's side and this unit: the paragraph ends there.
    if (lineBreakBefore(doc, before ? i + 1 : i)) break;
    const c = text[i] as string;
    if (WORD.test(c)) got = before ? c + got : got + c;
  }
  return got === words;
}

/**
 * In a stored side (`before`: the prefix), the quote's own paragraph words next to it and the whole
 * line beyond them (comparison form), when the side holds that line entire and it has LINE_MIN
 * units; null otherwise.
 */
function storedLine(side: string, before: boolean): { own: string; line: string } | null {
  const lines = side.split('\n');
  if (lines.length < 3) return null;
  const own = before ? lines[lines.length - 1]! : lines[0]!;
  const line = normalise(before ? lines[lines.length - 2]! : lines[1]!, true);
  if (line.length < LINE_MIN) return null;
  return { own: normalise(own, before), line };
}
