/**
 * Myers' bit-parallel edit distance (Myers 1999, in the block form described by Hyyrö):
 * 32 pattern rows per Int32 word, one column per text unit, so a scan costs
 * O(count × ceil(m / 32)) word operations and never allocates a full DP matrix.
 */
export interface Pattern {
  readonly length: number;
  readonly blocks: number;
  /**
   * For each unit of the pattern, its match words (bit i of word b set when pattern[32·b + i] is
   * that unit), in an open-addressing table of typed arrays read once per text column by scan():
   * slotKeys[h] is a unit of the pattern (−1: an empty slot) and its words are rows[slotRows[h] ..
   * + blocks). (A Map from unit to words, as before, cost a fifth of a long article's time in its
   * lookups; its keys and bits are the same.)
   */
  readonly slotKeys: Int32Array;
  readonly slotRows: Int32Array;
  readonly rows: Int32Array;
  /** log2 of the slot count. */
  readonly slotBits: number;
  /** Bit of the pattern's last row inside the last block. */
  readonly lastBit: number;
}

/**
 * Patterns compiled lately, by their text: anchorAll prepares the same quote and context again in
 * several passes (and a re-anchoring job again for the next revision). A Pattern is never changed
 * after it is compiled, so one may serve every caller; the cache is emptied when it grows large.
 */
const compiled = new Map<string, Pattern>();
const MAX_COMPILED = 4096;

export function compilePattern(pattern: string): Pattern {
  const hit = compiled.get(pattern);
  if (hit) return hit;
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  const made = compileUncached(pattern);
  compiled.set(pattern, made);
  return made;
}

function compileUncached(pattern: string): Pattern {
  const m = pattern.length;
  const blocks = Math.max(1, Math.ceil(m / 32));
  // At most half the slots taken (a pattern has at most m distinct units), so a probe for a unit
  // not in the pattern ends soon; one buffer for the three tables.
  let slotBits = 4;
  while (1 << slotBits < 2 * m) slotBits++;
  const size = 1 << slotBits;
  const mask = size - 1;
  const buffer = new Int32Array(2 * size + Math.max(1, m) * blocks);
  const slotKeys = buffer.subarray(0, size).fill(-1);
  const slotRows = buffer.subarray(size, 2 * size);
  const rows = buffer.subarray(2 * size);
  let next = 0;
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    let h = slotOf(c, slotBits);
    while (slotKeys[h] !== c && slotKeys[h] !== -1) h = (h + 1) & mask;
    if (slotKeys[h] === -1) {
      slotKeys[h] = c;
      slotRows[h] = next;
      next += blocks;
    }
    const at = (slotRows[h] as number) + (i >> 5);
    rows[at] = (rows[at] as number) | (1 << (i & 31));
  }
  const lastBit = m === 0 ? 0 : 1 << ((m - 1) & 31);
  return { length: m, blocks, slotKeys, slotRows, rows, slotBits, lastBit };
}

function slotOf(c: number, bits: number): number {
  return Math.imul(c, 0x9e3779b1) >>> (32 - bits);
}

/** Where the words of text unit `c` begin in pattern.rows, or −1 when the pattern has no such unit. */
function rowOf(pattern: Pattern, c: number): number {
  const keys = pattern.slotKeys;
  const mask = keys.length - 1;
  for (let h = slotOf(c, pattern.slotBits); ; h = (h + 1) & mask) {
    const k = keys[h] as number;
    if (k === c) return pattern.slotRows[h] as number;
    if (k === -1) return -1;
  }
}

const TOP_BIT = 1 << 31;
let vp = new Int32Array(8);
let vn = new Int32Array(8);

/**
 * Scores `pattern` against `count` units of `text` read from `from` moving by `step` (+1 or -1).
 * out[j] receives the edit distance of the whole pattern against the text ending at column j.
 * `anchored`: the alignment must begin at `from` (row 0 costs j); otherwise it may begin
 * anywhere (row 0 costs 0), which is approximate search.
 */
export function scan(pattern: Pattern, text: string, from: number, count: number, step: 1 | -1, anchored: boolean, out: Int32Array): void {
  const blocks = pattern.blocks;
  if (vp.length < blocks) {
    vp = new Int32Array(blocks * 2);
    vn = new Int32Array(blocks * 2);
  }
  vp.fill(-1, 0, blocks);
  vn.fill(0, 0, blocks);
  const rowZeroIn = anchored ? 1 : 0;
  let score = pattern.length;
  if (blocks === 1) {
    scanOneBlock(pattern, text, from, count, step, rowZeroIn, out);
    return;
  }
  const rows = pattern.rows;
  for (let j = 0, pos = from; j < count; j++, pos += step) {
    const r = rowOf(pattern, text.charCodeAt(pos));
    let hIn = rowZeroIn;
    for (let b = 0; b < blocks; b++) {
      hIn = advance(b, r >= 0 ? (rows[r + b] ?? 0) : 0, hIn, b === blocks - 1 ? pattern.lastBit : TOP_BIT);
    }
    score += hIn;
    out[j] = score;
  }
}

/**
 * scan() for a pattern of at most 32 units (one block, as most quotes and every stored context):
 * advance() inlined with its state in locals, the same operations in the same order.
 */
function scanOneBlock(pattern: Pattern, text: string, from: number, count: number, step: 1 | -1, rowZeroIn: number, out: Int32Array): void {
  const lastBit = pattern.lastBit;
  // rowOf() inlined: the pattern's table probed for the column's unit.
  const keys = pattern.slotKeys;
  const slotRows = pattern.slotRows;
  const rows = pattern.rows;
  const mask = keys.length - 1;
  const shift = 32 - pattern.slotBits;
  let pv = -1;
  let mv = 0;
  let score = pattern.length;
  for (let j = 0, pos = from; j < count; j++, pos += step) {
    const c = text.charCodeAt(pos);
    let eq = 0;
    for (let h = Math.imul(c, 0x9e3779b1) >>> shift; ; h = (h + 1) & mask) {
      const k = keys[h] as number;
      if (k === c) {
        eq = rows[slotRows[h] as number] as number;
        break;
      }
      if (k === -1) break;
    }
    // hIn is rowZeroIn (0 or 1): never negative here.
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    const hOut = (ph & lastBit) !== 0 ? 1 : (mh & lastBit) !== 0 ? -1 : 0;
    ph = (ph << 1) | rowZeroIn;
    mh = mh << 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    score += hOut;
    out[j] = score;
  }
}

/** One column step for one 32-row block; returns the horizontal delta leaving its last row. */
function advance(b: number, peq: number, hIn: number, lastBit: number): number {
  const pv = vp[b] ?? 0;
  const mv = vn[b] ?? 0;
  const hInNeg = hIn < 0 ? 1 : 0;
  const eq = peq | hInNeg;
  const xv = eq | mv;
  const xh = (((eq & pv) + pv) ^ pv) | eq;
  let ph = mv | ~(xh | pv);
  let mh = pv & xh;
  const hOut = (ph & lastBit) !== 0 ? 1 : (mh & lastBit) !== 0 ? -1 : 0;
  ph = (ph << 1) | (hIn > 0 ? 1 : 0);
  mh = (mh << 1) | hInNeg;
  vp[b] = mh | ~(xv | ph);
  vn[b] = ph & xv;
  return hOut;
}

let scratchOut = new Int32Array(256);

/** A reusable output buffer of at least `n` entries (valid until the next call). */
export function scratch(n: number): Int32Array {
  if (scratchOut.length < n) scratchOut = new Int32Array(Math.max(n, scratchOut.length * 2));
  return scratchOut;
}

/**
 * Edit distance between `pattern` and the best-fitting run of text that starts at `from` and
 * reads `count` units in direction `step`; the run may be shorter or longer than the pattern.
 */
export function anchoredDistance(pattern: Pattern, text: string, from: number, count: number, step: 1 | -1): number {
  const out = scratch(count);
  scan(pattern, text, from, count, step, true, out);
  let best = pattern.length;
  for (let j = 0; j < count; j++) best = Math.min(best, out[j] ?? best);
  return best;
}

/** Plain edit distance, for strings of a few units. */
export function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}
