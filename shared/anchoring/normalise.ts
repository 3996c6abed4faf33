import { variantOf } from './variants';

/**
 * Comparison form of text for anchoring: whitespace dropped and full-width / curly punctuation
 * folded to one form, so that a re-typeset article still matches. Matching happens on this form;
 * `map` leads every comparison unit back to its UTF-16 offset in the real text.
 */
export interface NormalisedText {
  readonly text: string;
  /** map[i] = offset in the original text of normalised unit i (strictly increasing). */
  readonly map: Int32Array;
  /** ends[i] = offset just past the raw units that normalised unit i stands for. */
  readonly ends: Int32Array;
}

/** Code units dropped from the comparison form: Unicode white space plus zero-width space. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Punctuation that editors swap freely in Chinese text, folded to one ASCII form. */
const FOLD = new Map<number, number>([
  [0x3001, 0x2c], // 、 → ,
  [0x3002, 0x2e], // 。 → .
  [0x2018, 0x27], // ‘ → '
  [0x2019, 0x27], // ’ → '
  [0x201c, 0x22], // “ → "
  [0x201d, 0x22], // ” → "
  [0x300c, 0x22], // 「 → "
  [0x300d, 0x22], // 」 → "
  [0x300e, 0x22], // 『 → "
  [0x300f, 0x22], // 』 → "
  [0x3010, 0x5b], // 【 → [
  [0x3011, 0x5d], // 】 → ]
  [0x2013, 0x2d], // – → -
  [0x2014, 0x2d], // — → -
  [0x2015, 0x2d], // ― → -
  [0x2212, 0x2d], // − → -
]);

/**
 * Presentation forms of marks, compared as the mark they present: a paragraph pasted from a 竖排
 * (vertical) PDF writes every mark in its vertical form (︐ for ，, ︒ for 。, ﹁﹂ for 「」 or “”,
 * ︵︶ for （）, ︽︾ for 《》, ︙ for …, ︱ for —), and the small form variants (﹐ ﹒ ﹔ ﹙ …) are
 * the same marks again. Another form of one mark is the same unit to a reader, so the text
 * still matches a passage highlighted in its horizontal edition. Built from the forms' Unicode
 * compatibility (NFKC) mapping where that is one unit (U+FE10–FE19, U+FE30–FE6B); ︙ and ︰, whose
 * NFKC is a run of full stops, are the ellipsis marks … and ‥ they present.
 */
const PRESENTATION = new Map<number, number>([
  [0xfe19, 0x2026], // ︙ → …
  [0xfe30, 0x2025], // ︰ → ‥
]);
for (const [from, to] of [
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6b],
] as const) {
  for (let c = from; c <= to; c++) {
    const nfkc = String.fromCharCode(c).normalize('NFKC');
    if (nfkc.length === 1 && nfkc.charCodeAt(0) !== c && !PRESENTATION.has(c)) PRESENTATION.set(c, nfkc.charCodeAt(0));
  }
}

/**
 * Quotation and title marks and lenticular brackets: editors put them around a term for
 * emphasis (“存储”, 《…》, 【…】) or take them away without changing the words. They are
 * compared (they make a short quote longer, so surer), except in the mark-free form that a
 * passage not found otherwise is looked for in again (withMarksDropped).
 */
const EMPHASIS = new Set<number>([
  0x22, // "
  0x27, // '
  0xff02, // ＂
  0xff07, // ＇
  0x2018, // ‘
  0x2019, // ’
  0x201c, // “
  0x201d, // ”
  0x300a, // 《
  0x300b, // 》
  0x3008, // 〈
  0x3009, // 〉
  0x300c, // 「
  0x300d, // 」
  0x300e, // 『
  0x300f, // 』
  0x3010, // 【
  0x3011, // 】
]);

/** Whether the comparison form being built drops EMPHASIS marks (set only by withMarksDropped). */
let marksDropped = false;

/**
 * Runs `f` with quotation and title marks dropped from every comparison form it builds (texts,
 * quotes, context): anchoring is synchronous, so nothing else runs meanwhile. Documents built
 * inside must not be mixed with those built outside.
 */
export function withMarksDropped<T>(f: () => T): T {
  return withForm(true, markersLiteral, f);
}

/**
 * Whether paragraph markers are compared as their own characters (set only by withMarkersLiteral):
 * for a passage that is mostly a marker (第二条 alone), whose words are the label itself.
 */
let markersLiteral = false;

/**
 * Runs `f` with paragraph markers compared literally in every comparison form it builds (texts,
 * quotes, context), as they were before markers became one unit. Documents built inside must not
 * be mixed with those built outside (documentFor keys on it).
 */
export function withMarkersLiteral<T>(f: () => T): T {
  return withForm(marksDropped, true, f);
}

/** Whether comparison forms built now drop quotation and title marks (withMarksDropped). */
export function droppingMarks(): boolean {
  return marksDropped;
}

/** Whether comparison forms built now compare paragraph markers literally (withMarkersLiteral). */
export function comparingMarkersLiterally(): boolean {
  return markersLiteral;
}

/**
 * normalise() with the marks kept and markers as one unit even inside withMarksDropped or
 * withMarkersLiteral: for prints recorded with them.
 */
export function normaliseKeepingMarks(text: string, lineStart = false): string {
  return withForm(false, false, () => normalise(text, lineStart));
}

/** normaliseWithMap() with the marks kept and markers as one unit, as normaliseKeepingMarks (a whole text's prints). */
export function normaliseWithMapKeepingMarks(text: string): NormalisedText {
  return withForm(false, false, () => normaliseWithMap(text));
}

/** Runs `f` with the comparison form's two settings as given, restoring them after. */
function withForm<T>(dropMarks: boolean, literalMarkers: boolean, f: () => T): T {
  const [wasDropped, wasLiteral] = [marksDropped, markersLiteral];
  marksDropped = dropMarks;
  markersLiteral = literalMarkers;
  try {
    return f();
  } finally {
    marksDropped = wasDropped;
    markersLiteral = wasLiteral;
  }
}

/** Whether `c` is a mark that the comparison form being built drops (inside withMarksDropped). */
export function isDroppedMark(c: number): boolean {
  return marksDropped && EMPHASIS.has(c);
}

/** The comparison form of one UTF-16 unit, or -1 when the unit is dropped. */
function fold(c: number): number {
  if (c < 0x80) return isSpace(c) || ((c === 0x22 || c === 0x27) && marksDropped) ? -1 : c;
  // CJK ideographs and everything else up to the surrogates (the hot path): kept, or a
  // traditional character as its simplified form (variants.ts).
  if (c >= 0x3400 && c < 0xd800) return variantOf(c);
  if (isSpace(c) || isInvisible(c) || (marksDropped && EMPHASIS.has(c))) return -1;
  // A vertical or small presentation form of a mark: folded as the mark it presents.
  if (c >= 0xfe10 && c <= 0xfe6b) {
    const mark = PRESENTATION.get(c);
    if (mark !== undefined) return fold(mark);
  }
  // Full-width ASCII block: ，；：！？（）０-９Ａ-Ｚ etc.
  if (c >= 0xff01 && c <= 0xff5e) return (c === 0xff02 || c === 0xff07) && marksDropped ? -1 : c - 0xfee0;
  // Kangxi radicals and compatibility ideographs pasted from a PDF: the character they show.
  const variant = variantOf(c);
  if (variant !== c) return variant;
  // Circled numbers ①–⑳: footnote and list markers that editions add or drop.
  if (c >= 0x2460 && c <= 0x2473) return -1;
  return FOLD.get(c) ?? c;
}

/** Units with no visible form that pasted or converted text carries inside words. */
function isInvisible(c: number): boolean {
  return c === 0xad || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0x180e;
}

/**
 * HTML character references left as text by a converter (&nbsp; &ldquo; &#8220;): compared as
 * the character they stand for, so a passage with one inside still matches its stored quote.
 */
const ENTITIES = new Map<string, number>([
  ['nbsp', 0x20],
  ['ensp', 0x20],
  ['emsp', 0x20],
  ['thinsp', 0x20],
  ['amp', 0x26],
  ['lt', 0x3c],
  ['gt', 0x3e],
  ['quot', 0x22],
  ['apos', 0x27],
  ['ldquo', 0x201c],
  ['rdquo', 0x201d],
  ['lsquo', 0x2018],
  ['rsquo', 0x2019],
  ['mdash', 0x2014],
  ['ndash', 0x2013],
  ['middot', 0xb7],
  ['hellip', 0x2026],
  ['shy', 0xad],
  ['zwj', 0x200d],
  ['zwnj', 0x200c],
]);

/** Length of the character reference at text[i] ('&') and the unit it stands for, or null. */
function entityAt(text: string, i: number): [number, number] | null {
  const semi = text.indexOf(';', i + 2);
  if (semi < 0 || semi - i > 9) return null;
  const name = text.slice(i + 1, semi);
  let code: number | undefined;
  if (name.charCodeAt(0) === 0x23) {
    const hex = name.charCodeAt(1) === 0x78 || name.charCodeAt(1) === 0x58;
    const digits = name.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9a-fA-F]{1,4}$/ : /^[0-9]{1,5}$/).test(digits)) return null;
    code = parseInt(digits, hex ? 16 : 10);
    // Only the Basic Multilingual Plane outside the surrogates: one unit for one reference.
    if (code === 0 || code > 0xffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  } else code = ENTITIES.get(name);
  return code === undefined ? null : [semi + 1 - i, code];
}

/**
 * HTML tags a CMS leaked into the text (<p style="…">, </p>, <strong>, <span …>, <br />): markup,
 * no words, so the comparison form drops them as it drops a character reference's spelling. Only
 * tags of text formatting by name, closed on the same line within MAX_TAG units, with quoted or
 * plain attributes: "a<b" or "<10万" in a sentence is words and stays.
 */
const TAG_NAMES = new Set(
  'p br strong b em i u s span font div section a sup sub h1 h2 h3 h4 h5 h6 blockquote center small big mark ins del'.split(' '),
);
/** Raw units of one leaked tag at most (a style attribute's worth). */
const MAX_TAG = 200;

/** What may follow a tag's name up to its '>': name=value attributes only, and a closing slash. */
const TAG_REST = /^(?:[ \t]+[a-zA-Z_:][-\w:.]*[ \t]*=[ \t]*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'<>=`]+))*[ \t]*\/?$/;

/** Length of the formatting tag at text[i] ('<'), or 0. */
export function tagAt(text: string, i: number): number {
  let j = i + 1;
  const closing = text.charCodeAt(j) === 0x2f;
  if (closing) j++;
  const nameFrom = j;
  while (j < text.length && j - nameFrom < 11 && /[a-zA-Z0-9]/.test(text[j]!)) j++;
  if (!TAG_NAMES.has(text.slice(nameFrom, j).toLowerCase())) return 0;
  if (text.charCodeAt(j) === 0x3e) return j + 1 - i;
  const close = text.indexOf('>', j);
  if (close < 0 || close - i > MAX_TAG) return 0;
  const rest = text.slice(j, close);
  return (closing ? /^[ \t]*$/ : TAG_REST).test(rest) ? close + 1 - i : 0;
}

/** Vowels carrying a pinyin tone mark (and ü): a Latin run holding one is a reading, not a word. */
const TONED = new Set<number>([...'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü'].map((c) => c.charCodeAt(0)));
/** Units of a pinyin reading looked at, at most (a few syllables). */
const MAX_READING = 40;

const isLatinLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || TONED.has(c);
const isHanUnit = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;

/**
 * Length of a pinyin reading at text[i] right after a Chinese character, or 0: a 注音 reprint
 * flattens ruby into the line (龃jǔ龉yǔ, 龃(jǔ)龉(yǔ)) or glosses a word (龃龉（jǔ yǔ）). Letters with
 * at least one tone mark, syllables apart by single spaces, in () or （） or bare up to a
 * non-letter. Readings are no words: an edition adding or dropping them changed none.
 */
function readingAt(text: string, i: number): number {
  if (!isHanUnit(text.charCodeAt(i - 1))) return 0;
  const open = text.charCodeAt(i);
  const close = open === 0x28 ? 0x29 : open === 0xff08 ? 0xff09 : -1;
  let j = close < 0 ? i : i + 1;
  let toned = false;
  let letters = 0;
  for (; j < text.length && j - i <= MAX_READING; j++) {
    const c = text.charCodeAt(j);
    if (isLatinLetter(c)) {
      letters++;
      if (TONED.has(c)) toned = true;
    } else if (c === 0x20 && letters > 0 && close >= 0 && isLatinLetter(text.charCodeAt(j + 1))) continue;
    else break;
  }
  if (!toned || letters === 0) return 0;
  if (close >= 0) return text.charCodeAt(j) === close ? j + 1 - i : 0;
  return j - i;
}

/** Opening and closing brackets of a footnote marker ([12], 〔3〕, ［4］) and its caret form ^5. */
const MARK_OPEN = new Map<number, number>([
  [0x5b, 0x5d],
  [0x3014, 0x3015],
  [0xff3b, 0xff3d],
]);

/** Length of a footnote marker at text[i] (one to three digits in brackets, or after ^), or 0. */
function markerAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const close = MARK_OPEN.get(c);
  if (close === undefined && c !== 0x5e) return 0;
  let j = i + 1;
  while (j < text.length && j - i <= 3 && isDigit(text.charCodeAt(j))) j++;
  if (j === i + 1) return 0;
  if (close === undefined) return j < text.length && isDigit(text.charCodeAt(j)) ? 0 : j - i;
  return text.charCodeAt(j) === close ? j + 1 - i : 0;
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * The unit a paragraph's outline or list marker is compared as, whatever its style: 一、 （一）
 * (1) 1. 1） 1、 ① ● ■ 第N条, a table row's number before its first cell (1⇥); each of several in a row.
 * Editions restyle, renumber or drop these labels (一、→（一）, 1.→①, 第九条→第十条 when a 条
 * is inserted before), while the paragraph's words stay: compared as one kind of unit, the
 * passage and its context still match. A private-use code point: no text compares equal to it.
 */
export const HEAD_MARK = 0xe000;

/** Numerals of outline markers. */
const NUM = '一二三四五六七八九十百零〇';

/**
 * One outline or list marker at a paragraph's head (sticky: tried at a given offset). Digits
 * followed by a digit are a number (1.5亿, 2020年), not a marker; 第N条 is one only when a
 * space follows it or the string ends there (第一条新闻 is words).
 */
const HEAD_MARKER = new RegExp(
  [
    `第[${NUM}两千0-9０-９]{1,8}[条章节款](?=[\\s\\u3000]|$)`,
    `[（(][${NUM}0-9０-９]{1,4}[）)]`,
    `[${NUM}]{1,4}[、．.]`,
    `[0-9０-９]{1,3}(?:[.．、)）](?![0-9０-９])|\t)`,
    '[●■◆◇○□★☆▲△▶►•▪◦※\u2460-\u249b\u2776-\u2793]',
  ].join('|'),
  'y',
);

/** Opening quotation marks that open every paragraph of a quotation of several (“ ‘ 「 『 and the straight ones). */
const OPENING_QUOTES = new Set<number>([0x201c, 0x2018, 0x300c, 0x300e, 0x22, 0x27, 0xff02, 0xfe41, 0xfe43]);

/** Length of the marker at text[i], a paragraph's head; 0 when none. */
function headMarkerAt(text: string, i: number): number {
  HEAD_MARKER.lastIndex = i;
  return HEAD_MARKER.exec(text)?.[0].length ?? 0;
}

/**
 * Raw units of the outline/list markers (and the white space after them) at the start of `text`,
 * read as a paragraph's head: 0 when it begins with no marker. A label an edition may restyle or
 * drop (edges.ts treats it as one).
 */
export function headMarkerLength(text: string): number {
  let i = 0;
  let end = 0;
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    const n = headMarkerAt(text, i);
    if (n === 0) break;
    i += n;
    end = i;
  }
  // The white space after the last marker goes with it (第二条 and U+3000, 1⇥).
  while (end > 0 && end < text.length && isSpace(text.charCodeAt(end))) end++;
  return end;
}

/**
 * Walks `text` in comparison form: `emit(unit, from, to)` for every kept unit with the raw
 * range it stands for (a character reference is one unit for several raw units; footnote
 * markers and invisible units are dropped; a paragraph's head marker is HEAD_MARK). `lineStart`:
 * whether `text` begins at a paragraph's head.
 */
function walk(text: string, emit: (unit: number, from: number, to: number) => void, lineStart: boolean): void {
  let head = lineStart && !markersLiteral;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3c) {
      // A leaked tag is dropped, and a paragraph's head stays its head after <p>.
      const t = tagAt(text, i);
      if (t) {
        i += t - 1;
        continue;
      }
    }
    if (head) {
      if (c === 0x0a || isSpace(c)) continue;
      // A quotation of several paragraphs opens each of them with its mark (“（五）…, “第三条…,
      // “★…): the marker after it still heads the paragraph. The mark stays compared.
      if (OPENING_QUOTES.has(c) && headMarkerAt(text, i + 1) > 0) {
        const f = fold(c);
        if (f >= 0) emit(f, i, i + 1);
        continue;
      }
      const n = headMarkerAt(text, i);
      if (n > 0) {
        // Each marker one unit (第九百九十一条 then 第四十二条, （一）★): a reader may mark one of them.
        emit(HEAD_MARK, i, i + n);
        i += n - 1;
        continue;
      }
      head = false;
    }
    if (c === 0x0a) {
      head = !markersLiteral;
      continue;
    }
    if (c === 0x26) {
      const e = entityAt(text, i);
      if (e) {
        const f = fold(e[1]);
        if (f >= 0) emit(f, i, i + e[0]);
        i += e[0] - 1;
        continue;
      }
    } else if (c === 0x5b || c === 0x5e || c === 0x3014 || c === 0xff3b) {
      const m = markerAt(text, i);
      if (m) {
        i += m - 1;
        continue;
      }
    }
    if (c === 0x28 || c === 0xff08 || (c >= 0x61 && c <= 0x7a) || (c > 0xdf && c < 0x1dd && TONED.has(c))) {
      const r = readingAt(text, i);
      if (r) {
        i += r - 1;
        continue;
      }
    }
    const f = fold(c);
    if (f >= 0) emit(f, i, i + 1);
  }
}

const CHUNK = 8192;

/**
 * UTF-16LE decoder for the whole-text path (fromCharCode in chunks costs several times more on
 * a 100k-unit article); only where typed arrays are little-endian, as on every supported CPU.
 */
const utf16 =
  typeof TextDecoder === 'function' && new Uint8Array(Uint16Array.of(1).buffer)[0] === 1
    ? new TextDecoder('utf-16le', { ignoreBOM: true })
    : null;

/** A surrogate half without its partner: TextDecoder would turn it into U+FFFD. */
function hasLoneSurrogate(codes: Uint16Array): boolean {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] ?? 0;
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < codes.length && (codes[i + 1] ?? 0) >= 0xdc00 && (codes[i + 1] ?? 0) <= 0xdfff) i++;
    else return true;
  }
  return false;
}

/** Joins char codes into a string without blowing the argument limit of fromCharCode. */
export function codesToString(codes: Uint16Array): string {
  if (utf16 && !hasLoneSurrogate(codes)) return utf16.decode(codes);
  let out = '';
  for (let i = 0; i < codes.length; i += CHUNK) {
    out += String.fromCharCode(...codes.subarray(i, i + CHUNK));
  }
  return out;
}

/** Normalises `text` and remembers where every kept unit came from. */
export function normaliseWithMap(text: string): NormalisedText {
  const codes = new Uint16Array(text.length);
  const map = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  let n = 0;
  walk(
    text,
    (f, from, to) => {
      codes[n] = f;
      map[n] = from;
      ends[n] = to;
      n++;
    },
    true,
  );
  return { text: codesToString(codes.subarray(0, n)), map: map.slice(0, n), ends: ends.slice(0, n) };
}

/**
 * Normalises a short string (quote or context) where no offset map is needed. `lineStart`:
 * whether it begins at a paragraph's head (see quoteAtHead), so that a marker there is compared
 * as one (HEAD_MARK) as it is in the text.
 */
export function normalise(text: string, lineStart = false): string {
  let out = '';
  walk(
    text,
    (f) => {
      out += String.fromCharCode(f);
    },
    lineStart,
  );
  return out;
}

/** What is stored of a passage that says where its paragraph began. */
interface Stored {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
}

/** A stored passage's quote and context in comparison form, and what they were made from. */
export interface StoredForms {
  prefix: string;
  quote: string;
  suffix: string;
  /** Units of the prefix after its last line break, of the suffix before its first; null when it has none. */
  prefixAfterBreak: number | null;
  suffixBeforeBreak: number | null;
  /** Raw units of the quote inside a marker it begins (ends) inside of: 条 of 第四十七条; 0 when none. */
  markerHead: number;
  markerTail: number;
  /** Whether at least half the quote's visible units lie inside paragraph markers (第二条 alone, 二条). */
  mostlyMarker: boolean;
  /** The paragraph markers of the stored prefix, quote and suffix as written (第十五条, （一）); none when compared literally. */
  markers: string[];
  of: Stored;
  marksDropped: boolean;
  markersLiteral: boolean;
}

/** Per selector object: its forms are asked for many times while one batch is anchored. */
const storedCache = [
  new WeakMap<Stored, StoredForms>(),
  new WeakMap<Stored, StoredForms>(),
  new WeakMap<Stored, StoredForms>(),
  new WeakMap<Stored, StoredForms>(),
];

/** The cache for the comparison form being built now (marks dropped or not, markers literal or not). */
function cacheNow(): WeakMap<Stored, StoredForms> {
  return storedCache[(marksDropped ? 2 : 0) + (markersLiteral ? 1 : 0)] as WeakMap<Stored, StoredForms>;
}

/**
 * The stored prefix, quote and suffix in comparison form, read as one stretch of text, so that a
 * paragraph's head marker is one unit (HEAD_MARK) there as in the text: after a line break in the
 * context, or at the quote's start when its prefix ends with one. A marker the quote begins or
 * ends inside (a span from 第三百八十三[条…) belongs to the quote whole, as the placement will.
 * The prefix begins a paragraph only at the text's start (otherwise its first line is cut).
 */
export function storedForms(s: Stored): StoredForms {
  const cached = cacheNow().get(s);
  const was = cached?.of;
  if (
    cached &&
    was &&
    cached.marksDropped === marksDropped &&
    cached.markersLiteral === markersLiteral &&
    was.exact === s.exact &&
    was.prefix === s.prefix &&
    was.suffix === s.suffix &&
    was.start === s.start
  ) {
    return cached;
  }
  const all = s.prefix + s.exact + s.suffix;
  const from = s.prefix.length;
  const to = from + s.exact.length;
  const units: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  walk(
    all,
    (f, a, b) => {
      units.push(f);
      starts.push(a);
      ends.push(b);
    },
    s.start === s.prefix.length,
  );
  let q0 = 0;
  while (q0 < units.length && (ends[q0] ?? 0) <= from) q0++;
  let q1 = q0;
  while (q1 < units.length && (starts[q1] ?? 0) < to) q1++;
  const str = (i: number, j: number) => codesToString(Uint16Array.from(units.slice(i, j)));
  const of = { exact: s.exact, prefix: s.prefix, suffix: s.suffix, start: s.start };
  const lastBreak = s.prefix.lastIndexOf('\n');
  const firstBreak = s.suffix.indexOf('\n');
  // Visible raw units of the quote, and those inside a marker unit.
  let visible = 0;
  let inMarker = 0;
  for (let i = q0; i < q1; i++) {
    const a = Math.max(from, starts[i] ?? 0);
    const b = Math.min(to, ends[i] ?? 0);
    let n = 0;
    for (let k = a; k < b; k++) if (!isSpace(all.charCodeAt(k))) n++;
    visible += n;
    if (units[i] === HEAD_MARK) inMarker += n;
  }
  const markers: string[] = [];
  units.forEach((u, i) => {
    if (u === HEAD_MARK) markers.push(all.slice(starts[i], ends[i]));
  });
  const forms = {
    prefix: str(0, q0),
    quote: str(q0, q1),
    suffix: str(q1, units.length),
    prefixAfterBreak: lastBreak < 0 ? null : q0 - starts.filter((a, i) => i < q0 && a <= lastBreak).length,
    suffixBeforeBreak: firstBreak < 0 ? null : starts.filter((a, i) => i >= q1 && a < to + firstBreak).length,
    markerHead: q0 < q1 && units[q0] === HEAD_MARK && (starts[q0] ?? 0) < from ? (ends[q0] ?? 0) - from : 0,
    markerTail: q0 < q1 && units[q1 - 1] === HEAD_MARK && (ends[q1 - 1] ?? 0) > to ? to - (starts[q1 - 1] ?? 0) : 0,
    mostlyMarker: inMarker > 0 && inMarker * 2 >= visible,
    markers,
    of,
    marksDropped,
    markersLiteral,
  };
  cacheNow().set(s, forms);
  return forms;
}

/** Whether raw `offset` of `text` is at a paragraph's head (only white space since the line began). */
export function atHead(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return true;
    if (!isSpace(c)) return false;
  }
  return true;
}

/** Whether a stored quote began at a paragraph's head: its prefix ends with a line break, or the text began there. */
export function quoteAtHead(s: Stored): boolean {
  const at = s.prefix.lastIndexOf('\n');
  for (let i = at + 1; i < s.prefix.length; i++) if (!isSpace(s.prefix.charCodeAt(i))) return false;
  return at >= 0 || s.start === s.prefix.length;
}

/** The stored quote in comparison form (see storedForms). */
export function normaliseQuote(s: Stored): string {
  return storedForms(s).quote;
}

/** The stored prefix in comparison form (see storedForms). */
export function normalisePrefix(s: Stored): string {
  return storedForms(s).prefix;
}

/** The stored suffix in comparison form (see storedForms). */
export function normaliseSuffix(s: Stored): string {
  return storedForms(s).suffix;
}

/**
 * Whether a stored passage is mostly a paragraph's marker (第二条 alone, or 二条 begun inside
 * it): its words are the label itself, which compared as one unit would match every marker. Such
 * a passage is anchored with markers compared literally (withMarkersLiteral), on its real characters.
 */
export function mostlyMarker(s: Stored): boolean {
  const was = markersLiteral;
  markersLiteral = false;
  try {
    return storedForms(s).mostlyMarker;
  } finally {
    markersLiteral = was;
  }
}

/** The paragraph markers of a stored passage's prefix, quote and suffix as written (see storedForms). */
export function storedMarkers(s: Stored): readonly string[] {
  const was = markersLiteral;
  markersLiteral = false;
  try {
    return storedForms(s).markers;
  } finally {
    markersLiteral = was;
  }
}
