/**
 * The search tokeniser, shared by the index builder (worker or main thread), the query parser
 * and Node tests. Index terms are 32-bit hashes of:
 * - every pair of adjacent Han characters (bigrams), so any substring of two or more
 *   characters can be found;
 * - words of three or more Han characters from Intl.Segmenter('zh', { granularity: 'word' }),
 *   segmented one paragraph at a time (it is quadratic on long strings in Node 20), in titles,
 *   meta, notes and highlights only (article bodies: bigrams, see build.ts);
 * - Latin words and numbers ([a-z0-9]+), lower-cased.
 * Changing anything here changes what the index holds: bump SEARCH_INDEX_VERSION, and stored
 * indexes are rebuilt instead of giving wrong answers.
 */

export const SEARCH_INDEX_VERSION = 3;

/** Buckets of the postings table: the top bits of a term hash. */
export const BUCKET_BITS = 11;
export const BUCKETS = 1 << BUCKET_BITS;

/** Posting flags: bits 0–1 a term-frequency code, bit 2 "occurs in the title". */
export const FLAG_TITLE = 4;
const TF_VALUES = [1, 2, 3.5, 6] as const;
export function tfCode(count: number): number {
  return count <= 1 ? 0 : count === 2 ? 1 : count <= 4 ? 2 : 3;
}
export function tfValue(flags: number): number {
  return TF_VALUES[flags & 3]!;
}

const SEED = 0x811c9dc5;
function step(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The hash of an index term (a bigram, word or lower-cased Latin token). */
export function termHash(term: string): number {
  let h = SEED;
  for (let i = 0; i < term.length; i++) h = step(h, term.charCodeAt(i));
  return finish(h);
}

export function bigramHash(a: number, b: number): number {
  return finish(step(step(SEED, a), b));
}

/**
 * A bigram posting carries a mask of the characters that follow the bigram in the document
 * (per occurrence, one bit each for the next Han character and the next two, chosen by the
 * top bits of followerHash and pairHash): a phrase
 * "ABC" can only occur where AB's mask has C's bit, so most documents that merely contain AB
 * and BC apart are ruled out without reading their text. The mask is wider where the bigram
 * is more frequent (more distinct followers): 8, 16 or 32 bits for tf codes 0–2; for tf code 3
 * a leading byte gives its width (log2 5, 6 or 7: 32, 64 or 128 bits, at least two bits per
 * bit set; 0: no mask, any follower, when it would be fuller than that).
 * Non-bigram terms (and terms of small pending documents) allow every follower.
 */
export const MASK_WORDS = 8;
export function followerHash(c: number): number {
  return Math.imul(c, 0x9e3779b1) >>> 0;
}
/** Bit index (0–255) of a follower in a 256-bit mask. */
export function followerBit256(c: number): number {
  return followerHash(c) >>> 24;
}
/** The hash of the two characters after a bigram (a second mask bit: four-character phrases). */
export function pairHash(c: number, d: number): number {
  return Math.imul(Math.imul(c, 0x85ebca6b) ^ d ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
}
export function pairBit256(c: number, d: number): number {
  return pairHash(c, d) >>> 24;
}
/** `follower` of TermCounter.add: any character may follow (non-bigram terms), or none (end of a run). */
export const ANY_FOLLOWER = -2;
export const NO_FOLLOWER = -1;

export function bucketOf(hash: number): number {
  return hash >>> (32 - BUCKET_BITS);
}

/** Han ideographs (BMP): CJK unified, extension A, compatibility, and 〇. */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

/** ASCII letters and digits (Latin tokens). */
export function isLatin(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** Lower-cases ASCII only, so offsets into the result are offsets into the original. */
export function foldCase(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (s) => s.toLowerCase()) : text;
}

let segmenter: Intl.Segmenter | null | undefined;
/** Null where the browser has no Intl.Segmenter (Firefox before 125): bigrams alone then. */
function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  return segmenter;
}

/** Without a segmenter: each run of Han characters, letters or digits is one word. */
function runsOf(text: string): { segment: string; isWordLike: boolean }[] {
  return (text.match(/[\u3400-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+/g) ?? []).map((segment) => ({ segment, isWordLike: true }));
}

/** Han words of three or more characters in one paragraph. */
export function longWords(paragraph: string): string[] {
  const out: string[] = [];
  const seg = getSegmenter();
  if (!seg) return out;
  for (const s of seg.segment(paragraph)) {
    const w = s.segment;
    if (w.length < 3 || !s.isWordLike) continue;
    let han = true;
    for (let i = 0; i < w.length && han; i++) han = isHan(w.charCodeAt(i));
    if (han) out.push(w);
  }
  return out;
}

/** Words the segmenter finds in a short text (a query): Han words and Latin/number runs. */
export function segmentWords(text: string): string[] {
  const out: string[] = [];
  for (const s of getSegmenter()?.segment(text) ?? runsOf(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/**
 * Per-document term counts: an open-addressing table reused across documents (clear() only
 * touches the slots used), so building postings allocates almost nothing per document.
 */
export class TermCounter {
  private keys: Int32Array;
  private counts: Uint16Array;
  private flags: Uint8Array;
  /** MASK_WORDS 32-bit words per slot. */
  private masks: Int32Array;
  private filled: Uint8Array;
  private used: Int32Array;
  size = 0;
  /** Sum of term occurrences (the document length for ranking). */
  length = 0;

  constructor(capacity = 1 << 13) {
    this.keys = new Int32Array(capacity);
    this.counts = new Uint16Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.masks = new Int32Array(capacity * MASK_WORDS);
    this.filled = new Uint8Array(capacity);
    this.used = new Int32Array(capacity);
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) {
      const slot = this.used[i]!;
      this.filled[slot] = 0;
      this.counts[slot] = 0;
      this.flags[slot] = 0;
      this.masks.fill(0, slot * MASK_WORDS, slot * MASK_WORDS + MASK_WORDS);
    }
    this.size = 0;
    this.length = 0;
  }

  /** Counts one occurrence of a term; `follower`: the 64-bit-mask bit of the next character, or ANY_/NO_FOLLOWER. */
  add(hash: number, flag: number, follower: number = ANY_FOLLOWER, pair = -1): void {
    if (this.size * 2 >= this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = hash & mask;
    const key = hash | 0;
    while (this.filled[slot] && this.keys[slot] !== key) slot = (slot + 1) & mask;
    if (!this.filled[slot]) {
      this.filled[slot] = 1;
      this.keys[slot] = key;
      this.used[this.size++] = slot;
    }
    if (this.counts[slot]! < 65535) this.counts[slot]!++;
    this.flags[slot]! |= flag;
    if (pair >= 0) this.masks[slot * MASK_WORDS + (pair >>> 5)]! |= 1 << (pair & 31);
    if (follower >= 0) this.masks[slot * MASK_WORDS + (follower >>> 5)]! |= 1 << (follower & 31);
    else if (follower === ANY_FOLLOWER) this.masks.fill(-1, slot * MASK_WORDS, slot * MASK_WORDS + MASK_WORDS);
    this.length++;
  }

  private grow(): void {
    const old = {
      keys: this.keys,
      counts: this.counts,
      flags: this.flags,
      masks: this.masks,
      used: this.used,
      size: this.size,
    };
    const capacity = this.keys.length * 2;
    this.keys = new Int32Array(capacity);
    this.counts = new Uint16Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.masks = new Int32Array(capacity * MASK_WORDS);
    this.filled = new Uint8Array(capacity);
    this.used = new Int32Array(capacity);
    this.size = 0;
    const mask = capacity - 1;
    for (let i = 0; i < old.size; i++) {
      const from = old.used[i]!;
      const key = old.keys[from]!;
      let slot = key & mask;
      while (this.filled[slot]) slot = (slot + 1) & mask;
      this.filled[slot] = 1;
      this.keys[slot] = key;
      this.counts[slot] = old.counts[from]!;
      this.flags[slot] = old.flags[from]!;
      this.masks.set(old.masks.subarray(from * MASK_WORDS, from * MASK_WORDS + MASK_WORDS), slot * MASK_WORDS);
      this.used[this.size++] = slot;
    }
  }

  /**
   * The distinct terms: hashes (unsigned), posting flags (tf code | title bit) and, with
   * `withMasks`, each term's encoded follower mask (maskBytes[maskOffsets[i]..maskOffsets[i + 1]]).
   */
  terms(withMasks = false): { hashes: Uint32Array; flags: Uint8Array; maskBytes?: Uint8Array; maskOffsets?: Uint32Array } {
    const hashes = new Uint32Array(this.size);
    const flags = new Uint8Array(this.size);
    for (let i = 0; i < this.size; i++) {
      const slot = this.used[i]!;
      hashes[i] = this.keys[slot]! >>> 0;
      flags[i] = tfCode(this.counts[slot]!) | this.flags[slot]!;
    }
    if (!withMasks) return { hashes, flags };
    const maskOffsets = new Uint32Array(this.size + 1);
    let bytes = new Uint8Array(this.size * 4 + 64);
    let pos = 0;
    for (let i = 0; i < this.size; i++) {
      if (pos + 40 > bytes.length) {
        const next = new Uint8Array(bytes.length * 2);
        next.set(bytes);
        bytes = next;
      }
      pos = encodeMask(this.masks, this.used[i]! * MASK_WORDS, flags[i]! & 3, bytes, pos);
      maskOffsets[i + 1] = pos;
    }
    return { hashes, flags, maskBytes: bytes.slice(0, pos), maskOffsets };
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Writes a 256-bit follower mask (MASK_WORDS words at `at`) folded to its posting width:
 * 8/16/32 bits for tf codes 0–2; for code 3 a width byte (log2 of 8…256 bits) first.
 * Folding keeps the top bits of the follower's bit index, so a reader tests bit
 * followerHash >>> (32 − log2 width). Returns the new write position.
 */
export function encodeMask(masks: Int32Array, at: number, code: number, out: Uint8Array, pos: number): number {
  let set = 0;
  for (let w = 0; w < MASK_WORDS; w++) set += popcount(masks[at + w]!);
  let log2: number;
  if (code < 3) log2 = 3 + code;
  else {
    // About half full at most; a mask that would still be mostly set rules out little and
    // costs bytes on every read of a frequent bigram: "any" (one byte) instead.
    log2 = set <= 16 ? 5 : set <= 32 ? 6 : set <= 48 ? 7 : 3;
    if (log2 === 3) {
      out[pos++] = 0;
      return pos;
    }
    out[pos++] = log2;
  }
  const n = 1 << (log2 - 3);
  out.fill(0, pos, pos + n);
  const shift = 8 - log2;
  for (let w = 0; w < MASK_WORDS; w++) {
    for (let x = masks[at + w]!; x; x &= x - 1) {
      const b = ((w << 5) | (31 - Math.clz32(x & -x))) >>> shift;
      out[pos + (b >>> 3)]! |= 1 << (b & 7);
    }
  }
  return pos + n;
}

/** The encoding of "any follower" for a posting with this tf code. */
export function encodeAnyMask(code: number, out: Uint8Array, pos: number): number {
  if (code === 3) {
    out[pos++] = 0;
    return pos;
  }
  const n = 1 << code;
  out.fill(0xff, pos, pos + n);
  return pos + n;
}

export interface TokenizeOptions {
  /** Add Intl.Segmenter words of ≥ 3 Han characters (default true). */
  words?: boolean;
}

/** Adds the index terms of one field to the counter; `flag` is FLAG_TITLE for titles, else 0. */
export function addTerms(text: string, counter: TermCounter, flag: number, options: TokenizeOptions = {}): void {
  const n = text.length;
  let prevHan = -1;
  let hanRun = 0;
  let latin = 0;
  let latinLen = 0;
  let paragraphStart = 0;
  let paragraphHasRun = false;
  const words = options.words !== false;
  // A bigram is counted once the two characters after it are known (for its follower mask:
  // the next character, and the next two as a pair). wait1: formed at the previous
  // character; wait2: formed before that, its next character next1.
  let wait1 = -1;
  let wait2 = -1;
  let next1 = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    if (isHan(c)) {
      if (wait2 >= 0) counter.add(wait2, flag, followerBit256(next1), pairBit256(next1, c));
      wait2 = wait1;
      next1 = c;
      wait1 = prevHan >= 0 ? bigramHash(prevHan, c) : -1;
      prevHan = c;
      hanRun++;
    } else {
      if (wait2 >= 0) counter.add(wait2, flag, followerBit256(next1));
      if (wait1 >= 0) counter.add(wait1, flag, NO_FOLLOWER);
      wait1 = -1;
      wait2 = -1;
      if (hanRun >= 3) paragraphHasRun = true;
      prevHan = -1;
      hanRun = 0;
    }
    if (isLatin(c)) {
      if (latinLen === 0) latin = SEED;
      latin = step(latin, c >= 0x41 && c <= 0x5a ? c + 32 : c);
      latinLen++;
    } else if (latinLen) {
      counter.add(finish(latin), flag);
      latinLen = 0;
    }
    if (c === 10) {
      if (words && paragraphHasRun) for (const w of longWords(text.slice(paragraphStart, i))) counter.add(termHash(w), flag);
      paragraphStart = i + 1;
      paragraphHasRun = false;
    }
  }
}

/** The distinct index terms of a text, as strings (for tests and the query parser). */
export function indexTermsOf(text: string, options: TokenizeOptions = {}): string[] {
  const out = new Set<string>();
  const folded = foldCase(text);
  for (const m of folded.matchAll(/[a-z0-9]+/g)) out.add(m[0]);
  for (const run of text.match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  if (options.words !== false) for (const p of text.split('\n')) for (const w of longWords(p)) out.add(w);
  return [...out];
}
