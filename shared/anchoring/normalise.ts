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
  const was = marksDropped;
  marksDropped = true;
  try {
    return f();
  } finally {
    marksDropped = was;
  }
}

/** normalise() with the marks kept even inside withMarksDropped: for prints recorded with them. */
export function normaliseKeepingMarks(text: string): string {
  const was = marksDropped;
  marksDropped = false;
  try {
    return normalise(text);
  } finally {
    marksDropped = was;
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
 * Walks `text` in comparison form: `emit(unit, from, to)` for every kept unit with the raw
 * range it stands for (a character reference is one unit for several raw units; footnote
 * markers and invisible units are dropped).
 */
function walk(text: string, emit: (unit: number, from: number, to: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
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
function codesToString(codes: Uint16Array): string {
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
  walk(text, (f, from, to) => {
    codes[n] = f;
    map[n] = from;
    ends[n] = to;
    n++;
  });
  return { text: codesToString(codes.subarray(0, n)), map: map.slice(0, n), ends: ends.slice(0, n) };
}

/** Normalises a short string (quote or context) where no offset map is needed. */
export function normalise(text: string): string {
  let out = '';
  walk(text, (f) => {
    out += String.fromCharCode(f);
  });
  return out;
}
