/**
 * Comparison form of text for anchoring: whitespace dropped and full-width / curly punctuation
 * folded to one form, so that a re-typeset article still matches. Matching happens on this form;
 * `map` leads every comparison unit back to its UTF-16 offset in the real text.
 */
export interface NormalisedText {
  readonly text: string;
  /** map[i] = offset in the original text of normalised unit i (strictly increasing). */
  readonly map: Int32Array;
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

/** The comparison form of one UTF-16 unit, or -1 when the unit is dropped. */
function fold(c: number): number {
  if (c < 0x80) return isSpace(c) ? -1 : c;
  // CJK ideographs and everything else up to the surrogates: kept as they are (the hot path).
  if (c >= 0x3400 && c < 0xd800) return c;
  if (isSpace(c)) return -1;
  // Full-width ASCII block: ，；：！？（）０-９Ａ-Ｚ etc.
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  return FOLD.get(c) ?? c;
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
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const f = fold(text.charCodeAt(i));
    if (f < 0) continue;
    codes[n] = f;
    map[n] = i;
    n++;
  }
  return { text: codesToString(codes.subarray(0, n)), map: map.slice(0, n) };
}

/** Normalises a short string (quote or context) where no offset map is needed. */
export function normalise(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const f = fold(text.charCodeAt(i));
    if (f >= 0) out += String.fromCharCode(f);
  }
  return out;
}
