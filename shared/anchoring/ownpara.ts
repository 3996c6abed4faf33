/**
 * A passage whose own paragraph moved whole among other paragraphs (a timeline's entries reversed
 * newest-first, sections reordered): its stored context past the paragraph's edges now reads as
 * other neighbours, so a short passage (a date, a number, a term that repeats) is refused by the
 * passes that weigh its context. Yet the words of its own paragraph that the context holds are all
 * there, in one paragraph of the new text: the paragraph is the context, not its neighbours.
 *
 * The orphan is placed where exactly one paragraph of the new text holds the stored own-paragraph
 * words (letters and digits: a ， restyled to ： changes no words) with the quote at the same place
 * among them, beginning (ending) the paragraph where the stored context saw it begin (end). Dates
 * and numbers repeat, so everything that could make the paragraph one of several is refused: an
 * old copy of the quote with as much context as those words (a twin page), an identical twin
 * paragraph recorded by describe(), a second paragraph of the new text matching, too few own words
 * to tell, a paragraph whose length or recorded rest pieces (restated.ts) disagree, or a near copy
 * of the paragraph in the new text (its words beside the quote standing elsewhere too: a pasted
 * duplicate whose original was then edited in the quote, and the edited one is the passage's).
 */
import { lineBreakBefore, toNormalised, type Doc } from './doc';
import { MAX_COPIES, occurrences } from './copies';
import { codesToString, HEAD_MARK, storedForms } from './normalise';
import { CONTEXT_LENGTH, type TextSelector } from './types';
import { isLetterOrDigitUnit } from './wordcodes';

/** Words (letters and digits) of the stored own paragraph, quote included, that tell one paragraph. */
const PATTERN_MIN = 12;
/** Own-paragraph words beside the quote needed when the paragraph's two ends are not both in the context. */
const OWN_WORDS_MIN = 8;
/** Units a matched paragraph may differ in length from the stored paragraph (a mark restyled or dropped). */
const LENGTH_SLACK = 2;
/** Words of the other side beside the quote that make an occurrence elsewhere a rival. */
const RIVAL_WORDS = 4;
/** Own words next to the quote, on one side, that found elsewhere too mean a near copy (fewer repeat as stock phrases in long texts). */
const NEAR_SIDE = 12;
/** Separator between paragraphs in the words-only form. */
const BREAK = '\n';

interface WordsForm {
  /** Letters, digits and paragraph markers of the comparison form, BREAK between paragraphs. */
  text: string;
  /** Comparison-form index of each unit of `text` (-1 for BREAK). */
  at: Int32Array;
}

function isWord(code: number): boolean {
  return code === HEAD_MARK || isLetterOrDigitUnit(code);
}

/** The words of a comparison-form string: letters, digits, markers. */
function wordsOf(form: string): string {
  let out = '';
  for (let i = 0; i < form.length; i++) if (isWord(form.charCodeAt(i))) out += form[i];
  return out;
}

const formsOf = new WeakMap<Doc, WordsForm>();

/** The words-only form of a text, built once per document (in typed arrays: one unit each, no strings per unit). */
function wordsForm(doc: Doc): WordsForm {
  const cached = formsOf.get(doc);
  if (cached) return cached;
  const text = doc.norm.text;
  // Every unit, a BREAK before each, and one at each end: room enough.
  const codes = new Uint16Array(2 * text.length + 2);
  const at = new Int32Array(2 * text.length + 2);
  const BREAK_UNIT = BREAK.charCodeAt(0);
  codes[0] = BREAK_UNIT;
  at[0] = -1;
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    // Only dropped units (white space) lie between two comparison units: a break among them parts paragraphs.
    if (i > 0 && codes[n - 1] !== BREAK_UNIT && lineBreakBefore(doc, i)) {
      codes[n] = BREAK_UNIT;
      at[n++] = -1;
    }
    const c = text.charCodeAt(i);
    if (isWord(c)) {
      codes[n] = c;
      at[n++] = i;
    }
  }
  if (codes[n - 1] !== BREAK_UNIT) {
    codes[n] = BREAK_UNIT;
    at[n++] = -1;
  }
  const form = { text: codesToString(codes.subarray(0, n)), at: at.slice(0, n) };
  formsOf.set(doc, form);
  return form;
}

/** Leading (trailing) units of a comparison-form string that are not words. */
function edgeMarks(form: string, fromEnd: boolean): number {
  let n = 0;
  while (n < form.length && !isWord(form.charCodeAt(fromEnd ? form.length - 1 - n : n))) n++;
  return n;
}

interface OwnPattern {
  /** Own-paragraph words and quote, with BREAK where the context saw the paragraph begin (end). */
  pattern: string;
  beforeWords: string;
  quoteWords: string;
  afterWords: string;
  startKnown: boolean;
  endKnown: boolean;
  /** The stored context reached the text's start or end (taken as the paragraph's edge). */
  atEdge: boolean;
  /** Comparison-form units of the stored context inside the own paragraph. */
  ownUnits: number;
}

/**
 * The stored own-paragraph words around the quote, or null when the quote has no words. The
 * text's very start (end), reached by the stored context, counts as a paragraph edge.
 */
function ownPattern(s: TextSelector): OwnPattern | null {
  const forms = storedForms(s);
  const quoteWords = wordsOf(forms.quote);
  if (quoteWords.length === 0) return null;
  const startAtEdge = forms.prefixAfterBreak === null && s.prefix.length < CONTEXT_LENGTH;
  const endAtEdge = forms.suffixBeforeBreak === null && s.suffix.length < CONTEXT_LENGTH;
  const startKnown = forms.prefixAfterBreak !== null || startAtEdge;
  const endKnown = forms.suffixBeforeBreak !== null || endAtEdge;
  const before = forms.prefixAfterBreak === null ? forms.prefix : forms.prefix.slice(forms.prefix.length - forms.prefixAfterBreak);
  const after = forms.suffixBeforeBreak === null ? forms.suffix : forms.suffix.slice(0, forms.suffixBeforeBreak);
  const beforeWords = wordsOf(before);
  const afterWords = wordsOf(after);
  const pattern = (startKnown ? BREAK : '') + beforeWords + quoteWords + afterWords + (endKnown ? BREAK : '');
  return {
    pattern,
    beforeWords,
    quoteWords,
    afterWords,
    startKnown,
    endKnown,
    atEdge: startAtEdge || endAtEdge,
    ownUnits: before.length + after.length,
  };
}

/** Occurrences of `pattern` in `text`, counted up to `limit`. */
function countOf(text: string, pattern: string, limit: number): number {
  let n = 0;
  for (let at = text.indexOf(pattern); at >= 0 && n < limit; at = text.indexOf(pattern, at + 1)) n++;
  return n;
}

/**
 * For describe(), on the old text: how many OTHER runs of the old text's words read as the quote
 * with its stored own-paragraph words (capped at 2), or null when there are too few to tell. A
 * quote that repeats (a date, a number, a page the text holds twice under other dates) says by 0
 * that its own paragraph's words were its alone, whatever its copies' context.
 */
export function ownWordsCopies(doc: Doc, s: TextSelector): number | null {
  const own = ownPattern(s);
  if (!own) return null;
  return Math.max(0, countOf(wordsForm(doc).text, own.pattern, 3) - 1);
}

/**
 * The comparison-form extent [from, to) of the passage in its own paragraph found whole elsewhere,
 * or null (see the module comment).
 */
export function ownParagraphPlace(doc: Doc, s: TextSelector): { from: number; to: number } | null {
  const copies = s.copies;
  if (typeof copies !== 'number' || !Number.isInteger(copies) || copies < 0 || copies > MAX_COPIES) return null;
  // The old text's own-paragraph words were the passage's alone (ownCopies, recorded by describe()).
  const ownAlone = s.ownCopies === 0;
  // Copies past the count's cap: only a paragraph known to be the passage's alone tells.
  if (copies === MAX_COPIES && !ownAlone) return null;
  if (typeof s.twins === 'number' && s.twins > 0) return null;
  const forms = storedForms(s);
  // A copy gained (a caption or a pull-quote repeating it): which one is the passage is in doubt
  // (past the cap the count is unknown: the own words alone tell).
  const gained = copies < MAX_COPIES && numberCopies(doc.norm.text, forms.quote, copies + 2) > copies + 1;
  const own = ownPattern(s);
  if (!own) return null;
  const { pattern, beforeWords, quoteWords, afterWords, startKnown, endKnown } = own;
  // A passage at the text's very start or end: that is where a revision cuts or appends, and a
  // whole-page twin ends its paragraph the same way; only words known to be its alone tell.
  if (own.atEdge && !ownAlone) return null;
  // Enough words to tell one paragraph: a whole short paragraph, or a run of a longer one (fewer
  // are a template line, 序号 事项 说明, that a revision writes anew where its own one went).
  const ownWords = beforeWords.length + afterWords.length;
  if (ownWords + quoteWords.length < PATTERN_MIN || (!(startKnown && endKnown) && ownWords < OWN_WORDS_MIN)) return null;
  // No old copy of the quote may have stood in a twin or near copy of the paragraph (the one found
  // could be it): none had as much stored context beside it as these own words, or none of the old
  // text's runs but the passage's read as its own words.
  const copyContext = typeof s.copyContext === 'number' && Number.isInteger(s.copyContext) && s.copyContext >= 0 ? s.copyContext : Infinity;
  if (copies > 0 && !ownAlone && !(copyContext < own.ownUnits)) return null;
  // Nor a look-alike differing in no more units than the quote has marks, with as much of that
  // context beside it: its paragraph may be a twin in words (嗯，/嗯 heard apart in two prints).
  if (lookAlikeTwin(s, forms.quote.length - quoteWords.length, own.ownUnits)) return null;
  const words = wordsForm(doc);
  const first = words.text.indexOf(pattern);
  if (first < 0 || words.text.indexOf(pattern, first + 1) >= 0) return null;
  // Elsewhere the quote with one side of its own words whole and the other's nearest words: its own
  // place, the paragraph parted or edited a little farther on, and the match may be a copy of it.
  const head = (startKnown ? BREAK : '') + beforeWords + quoteWords + afterWords.slice(0, RIVAL_WORDS);
  const tail = beforeWords.slice(-RIVAL_WORDS) + quoteWords + afterWords + (endKnown ? BREAK : '');
  const inMatch = (at: number) => at >= first && at < first + pattern.length;
  // A copy gained may be a reprint of the passage (a caption, a pull-quote, a 相关阅读 line repeating
  // the first line): in doubt, unless no copy outside the match has the passage's own nearest words
  // beside it on either side (a timeline's newest entry written on top, 3月30日 beside the month of
  // 3月9日): then it is new words.
  if (gained && gainedBesideOwnWords(words.text, quoteWords, beforeWords, afterWords, inMatch)) return null;
  for (const part of [head, tail]) {
    for (let at = words.text.indexOf(part); at >= 0; at = words.text.indexOf(part, at + 1)) if (!inMatch(at)) return null;
  }
  // A near copy of the paragraph elsewhere, its quote edited (or the match a pasted copy of it):
  // the own words right beside the quote on one side stand there too. Which is the passage's is in doubt.
  for (const side of [beforeWords.slice(-NEAR_SIDE), afterWords.slice(0, NEAR_SIDE)]) {
    if (side.length < NEAR_SIDE) continue;
    for (let at = words.text.indexOf(side); at >= 0; at = words.text.indexOf(side, at + 1)) if (!inMatch(at)) return null;
  }
  const q0 = first + (startKnown ? 1 : 0) + beforeWords.length;
  const q1 = q0 + quoteWords.length;
  let from = words.at[q0] ?? -1;
  let to = (words.at[q1 - 1] ?? -2) + 1;
  if (from < 0 || to <= from) return null;
  // The quote's own marks at its edges (，全国 / 日，), when the same number of marks stands there.
  const norm = doc.norm.text;
  const lead = edgeMarks(forms.quote, false);
  const trail = edgeMarks(forms.quote, true);
  for (let k = 0; k < lead && from > 0 && !isWord(norm.charCodeAt(from - 1)); k++) from--;
  for (let k = 0; k < trail && to < norm.length && !isWord(norm.charCodeAt(to)); k++) to++;
  if (!paragraphAgrees(doc, s, from, to)) return null;
  return { from, to };
}

/** Own words next to the quote that a gained copy must not have beside it (a parted first line keeps only a few). */
const GAINED_SIDE = 2;

/**
 * Whether some occurrence of the quote's words outside the match has the passage's own nearest
 * words (GAINED_SIDE of them: a paragraph parted by an inserted line keeps only a few) right beside
 * it on either side, or no own words beside the quote to tell by. A paragraph's edge is no sign:
 * every entry of a timeline has one.
 */
function gainedBesideOwnWords(
  text: string,
  quoteWords: string,
  beforeWords: string,
  afterWords: string,
  inMatch: (at: number) => boolean,
): boolean {
  const before = beforeWords.slice(-GAINED_SIDE);
  const after = afterWords.slice(0, GAINED_SIDE);
  if (before.length === 0 && after.length === 0) return true;
  for (let at = text.indexOf(quoteWords); at >= 0; at = text.indexOf(quoteWords, at + 1)) {
    if (inMatch(at)) continue;
    if (before.length > 0 && text.slice(Math.max(0, at - before.length), at) === before) return true;
    if (after.length > 0 && text.startsWith(after, at + quoteWords.length)) return true;
  }
  return false;
}

const DIGIT = /\p{Nd}/u;

/**
 * Occurrences of `quote` in `text`, up to `limit`, leaving out those inside a longer number when
 * the quote begins or ends with a digit: 2月 inside 12月, 5日 inside 25日 are other dates (a new
 * timeline entry dated 12月29日 gains no copy of 2月). The old count (`copies`) may hold such ones
 * too, so this only ever counts fewer: a copy gained of the number itself still counts.
 */
function numberCopies(text: string, quote: string, limit: number): number {
  const digitHead = DIGIT.test(quote[0] ?? '');
  const digitTail = DIGIT.test(quote[quote.length - 1] ?? '');
  if (!digitHead && !digitTail) return occurrences(text, quote, limit).length;
  let n = 0;
  for (let at = text.indexOf(quote); at >= 0 && n < limit; at = text.indexOf(quote, at + 1)) {
    if (digitHead && DIGIT.test(text[at - 1] ?? '')) continue;
    if (digitTail && DIGIT.test(text[at + quote.length] ?? '')) continue;
    n++;
  }
  return n;
}

/** Whether describe() recorded a look-alike that may read as the quote in words: at most `marks` units off, with `context` units of stored context beside it. */
function lookAlikeTwin(s: TextSelector, marks: number, context: number): boolean {
  const near = s.nearErrors;
  const known = s.nearContext;
  if (typeof near !== 'number' || !Number.isInteger(near) || near <= 0 || near > marks) return false;
  return typeof known === 'number' && Number.isInteger(known) && known >= context;
}

/** Whether the new paragraph holding comparison-form [from, to) has the stored paragraph's length and rest pieces. */
function paragraphAgrees(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  const raw = doc.raw;
  const rawFrom = doc.norm.map[from] ?? 0;
  const rawTo = (doc.norm.map[to - 1] ?? 0) + 1;
  const pf = raw.lastIndexOf('\n', rawFrom - 1) + 1;
  const nl = raw.indexOf('\n', rawTo - 1);
  const pt = nl < 0 ? raw.length : nl;
  const nf = toNormalised(doc, pf);
  const nt = toNormalised(doc, pt);
  if (typeof s.paraLength === 'number' && Math.abs(nt - nf - s.paraLength) > LENGTH_SLACK) return false;
  // Words only: a piece holding the entry's restyled ， still reads the same.
  const own = wordsOf(doc.norm.text.slice(nf, nt));
  for (const pieces of [s.restBefore, s.restAfter]) {
    if (!Array.isArray(pieces)) continue;
    if (!pieces.every((p) => typeof p === 'string' && own.includes(wordsOf(p)))) return false;
  }
  return true;
}
