/**
 * Where each trigram (three UTF-16 units) of a text occurs, bucketed by hash with a counting
 * sort: two linear passes and two typed arrays, so building it for a 300,000-unit article
 * takes a few milliseconds and lookups never scan the text.
 */
export interface TrigramIndex {
  readonly text: string;
  /** log2 of the bucket count, sized to the text so small texts stay cheap to index. */
  readonly bits: number;
  /** Positions of bucket h are positions[starts[h] .. starts[h + 1]). */
  readonly starts: Int32Array;
  readonly positions: Int32Array;
}

function hash(a: number, b: number, c: number, bits: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) >>> (32 - bits);
}

function hashAt(text: string, i: number, bits: number): number {
  return hash(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2), bits);
}

export function buildTrigramIndex(text: string): TrigramIndex {
  const n = Math.max(0, text.length - 2);
  const bits = Math.min(18, Math.max(8, Math.ceil(Math.log2(n + 1))));
  const buckets = 1 << bits;
  const hashes = new Int32Array(n);
  const starts = new Int32Array(buckets + 1);
  // The three units of position i carried along (the same hash as hashAt, one charCodeAt per position).
  let a = text.charCodeAt(0);
  let b = text.charCodeAt(1);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i + 2);
    const h = hash(a, b, c, bits);
    a = b;
    b = c;
    hashes[i] = h;
    starts[h + 1] = (starts[h + 1] ?? 0) + 1;
  }
  for (let h = 0; h < buckets; h++) starts[h + 1] = (starts[h + 1] ?? 0) + (starts[h] ?? 0);
  const cursor = starts.slice(0, buckets);
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = hashes[i] ?? 0;
    const at = cursor[h] ?? 0;
    positions[at] = i;
    cursor[h] = at + 1;
  }
  return { text, bits, starts, positions };
}

/** Upper bound on the occurrences of pattern[at .. at+3) (its bucket size). */
export function bucketSize(index: TrigramIndex, pattern: string, at: number): number {
  const h = hashAt(pattern, at, index.bits);
  return (index.starts[h + 1] ?? 0) - (index.starts[h] ?? 0);
}

/** Calls `visit` with every text position where pattern[at .. at+3) occurs, in text order. */
export function forEachOccurrence(index: TrigramIndex, pattern: string, at: number, visit: (position: number) => void): void {
  const a = pattern.charCodeAt(at);
  const b = pattern.charCodeAt(at + 1);
  const c = pattern.charCodeAt(at + 2);
  const h = hash(a, b, c, index.bits);
  const end = index.starts[h + 1] ?? 0;
  const text = index.text;
  for (let k = index.starts[h] ?? 0; k < end; k++) {
    const p = index.positions[k] ?? 0;
    if (text.charCodeAt(p) === a && text.charCodeAt(p + 1) === b && text.charCodeAt(p + 2) === c) {
      visit(p);
    }
  }
}

/**
 * Where each single unit of a text occurs, bucketed by hash as the trigram index is: for words of
 * one or two units, which have no trigram, so that counting a short quote (a 2-unit term) for every
 * passage never scans a long text with indexOf either.
 */
export interface UnitIndex {
  readonly text: string;
  readonly bits: number;
  readonly starts: Int32Array;
  readonly positions: Int32Array;
}

function unitHash(c: number, bits: number): number {
  return Math.imul(c, 0x9e3779b1) >>> (32 - bits);
}

export function buildUnitIndex(text: string): UnitIndex {
  const n = text.length;
  const bits = Math.min(16, Math.max(8, Math.ceil(Math.log2(n + 1)) - 2));
  const buckets = 1 << bits;
  const starts = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) {
    const h = unitHash(text.charCodeAt(i), bits);
    starts[h + 1] = (starts[h + 1] ?? 0) + 1;
  }
  for (let h = 0; h < buckets; h++) starts[h + 1] = (starts[h + 1] ?? 0) + (starts[h] ?? 0);
  const cursor = starts.slice(0, buckets);
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = unitHash(text.charCodeAt(i), bits);
    const at = cursor[h] ?? 0;
    positions[at] = i;
    cursor[h] = at + 1;
  }
  return { text, bits, starts, positions };
}

/** Upper bound on the occurrences of unit `c` (its bucket size). */
export function unitBucketSize(index: UnitIndex, c: number): number {
  const h = unitHash(c, index.bits);
  return (index.starts[h + 1] ?? 0) - (index.starts[h] ?? 0);
}

/** Calls `visit` with every text position of unit `c`, in text order, until it returns false. */
export function forEachUnit(index: UnitIndex, c: number, visit: (position: number) => boolean): void {
  const h = unitHash(c, index.bits);
  const end = index.starts[h + 1] ?? 0;
  const text = index.text;
  for (let k = index.starts[h] ?? 0; k < end; k++) {
    const p = index.positions[k] ?? 0;
    if (text.charCodeAt(p) === c && !visit(p)) return;
  }
}
