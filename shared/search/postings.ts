/**
 * Postings in buckets. A segment (one bulk build) holds, for each of the BUCKETS buckets a
 * term hash falls in, one record:
 *   varint base (smallest document number in the record), varint (largest − base), varint term count,
 *   per term (ascending hash): varint hash delta, varint posting count, varint byte length,
 *   then each term's postings: varint ((document number delta) << 3 | flags), then the
 *   follower mask (see encodeMask in tokenize.ts).
 * A query reads one bucket across all segments in a single key-range read and decodes only
 * the terms it asks for. Compaction (mergeRecords) later folds a bucket's records into one:
 * every record read costs a fixed ~50 µs in IndexedDB, far more than its bytes.
 */
import { BUCKET_BITS, BUCKETS, bucketOf, encodeAnyMask } from './tokenize';

/** One document's terms, as the builder sees it. */
export interface DocTerms {
  num: number;
  hashes: Uint32Array;
  flags: Uint8Array;
  /** Encoded follower masks of the terms (absent: every follower possible). */
  maskBytes?: Uint8Array;
  maskOffsets?: Uint32Array;
}

class Writer {
  buf = new Uint8Array(256);
  pos = 0;
  varint(value: number): void {
    if (this.pos + 10 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    while (value >= 0x80) {
      this.buf[this.pos++] = (value & 0x7f) | 0x80;
      value = Math.floor(value / 128);
    }
    this.buf[this.pos++] = value;
  }
  ensure(extra: number): void {
    if (this.pos + extra > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + extra));
      next.set(this.buf);
      this.buf = next;
    }
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

const LOW_BITS = 32 - BUCKET_BITS;
const LOW_MASK = 2 ** LOW_BITS - 1;
/** Bits of the local document index kept in the key's low half. */
const LOCAL_LOW = 16 - BUCKET_BITS;
if (BUCKET_BITS < 4 || BUCKET_BITS > 12) throw new Error('search index: the sort key layout needs 4–12 bucket bits');
if (new Uint8Array(Uint32Array.of(1).buffer)[0] !== 1) throw new Error('search index: little-endian platform required');

/**
 * Builds a segment's bucket records from documents (any order; at most 65,536 per segment).
 * Returns [bucket, record] pairs for the non-empty buckets.
 */
export function buildSegment(docs: readonly DocTerms[]): [number, Uint8Array][] {
  if (docs.length > 65536) throw new Error('segment too large');
  const ordered = [...docs].sort((a, b) => a.num - b.num);
  const counts = new Uint32Array(BUCKETS + 1);
  let total = 0;
  for (const d of ordered) {
    for (let i = 0; i < d.hashes.length; i++) counts[bucketOf(d.hashes[i]!) + 1]!++;
    total += d.hashes.length;
  }
  for (let b = 0; b < BUCKETS; b++) counts[b + 1]! += counts[b]!;
  const fill = counts.slice(0, BUCKETS);
  // One 64-bit sort key per posting, written and read as two 32-bit halves (little-endian):
  //   high: low hash bits (LOW_BITS) << BUCKET_BITS | local document index >> LOCAL_LOW
  //   low:  local's low LOCAL_LOW bits << (16 + BUCKET_BITS) | flags << 16 | index of the term in its document (65535: beyond)
  const keys = new BigUint64Array(total);
  const halves = new Uint32Array(keys.buffer);
  ordered.forEach((d, local) => {
    const masks = d.maskBytes;
    for (let i = 0; i < d.hashes.length; i++) {
      const h = d.hashes[i]!;
      const at = fill[bucketOf(h)]!++ * 2;
      halves[at + 1] = (((h & LOW_MASK) << BUCKET_BITS) | (local >>> LOCAL_LOW)) >>> 0;
      halves[at] =
        (((local & ((1 << LOCAL_LOW) - 1)) << (16 + BUCKET_BITS)) | (d.flags[i]! << 16) | (masks ? Math.min(i, 65535) : 65535)) >>> 0;
    }
  });
  const out: [number, Uint8Array][] = [];
  const head = new Writer();
  const body = new Writer();
  for (let b = 0; b < BUCKETS; b++) {
    const start = counts[b]!;
    const end = counts[b + 1]!;
    if (start === end) continue;
    keys.subarray(start, end).sort();
    head.pos = 0;
    body.pos = 0;
    const high = b * 2 ** LOW_BITS;
    const localOf = (k: number) => ((halves[2 * k + 1]! & (BUCKETS - 1)) << LOCAL_LOW) | (halves[2 * k]! >>> (16 + BUCKET_BITS));
    let base = Infinity;
    let last = -Infinity;
    for (let k = start; k < end; k++) {
      const num = ordered[localOf(k)]!.num;
      base = Math.min(base, num);
      last = Math.max(last, num);
    }
    // Directory first (term count unknown until grouped): collect groups.
    const groups: number[] = [];
    let k = start;
    while (k < end) {
      const low = halves[2 * k + 1]! >>> BUCKET_BITS;
      const bodyStart = body.pos;
      let prev = base;
      let n = 0;
      while (k < end && halves[2 * k + 1]! >>> BUCKET_BITS === low) {
        const lo = halves[2 * k]!;
        const doc = ordered[localOf(k)]!;
        const num = doc.num;
        const flags = (lo >>> 16) & 7;
        body.varint((num - prev) * 8 + flags);
        const ti = lo & 0xffff;
        body.ensure(40);
        if (ti < 65535 && doc.maskBytes && doc.maskOffsets) {
          const from = doc.maskOffsets[ti]!;
          const to = doc.maskOffsets[ti + 1]!;
          body.buf.set(doc.maskBytes.subarray(from, to), body.pos);
          body.pos += to - from;
        } else body.pos = encodeAnyMask(flags & 3, body.buf, body.pos);
        prev = num;
        n++;
        k++;
      }
      groups.push(high + low, n, body.pos - bodyStart);
    }
    out.push([b, assemble(head, body, base, last, groups)]);
  }
  return out;
}

/** A record from its body and directory groups (hash, posting count, byte length). */
function assemble(head: Writer, body: Writer, base: number, last: number, groups: readonly number[]): Uint8Array {
  head.pos = 0;
  head.varint(base);
  head.varint(last - base);
  head.varint(groups.length / 3);
  let prevHash = 0;
  for (let g = 0; g < groups.length; g += 3) {
    head.varint(groups[g]! - prevHash);
    prevHash = groups[g]!;
    head.varint(groups[g + 1]!);
    head.varint(groups[g + 2]!);
  }
  const record = new Uint8Array(head.pos + body.pos);
  record.set(head.buf.subarray(0, head.pos));
  record.set(body.buf.subarray(0, body.pos), head.pos);
  return record;
}

/** Reads varints from a record. */
class Reader {
  pos = 0;
  constructor(readonly data: Uint8Array) {}
  varint(): number {
    let result = 0;
    let mul = 1;
    for (;;) {
      const byte = this.data[this.pos++]!;
      result += (byte & 0x7f) * mul;
      if (byte < 0x80) return result;
      mul *= 128;
    }
  }
}

/** Bounds of the document numbers a record holds postings for (base may be lower than the first). */
export function recordRange(record: Uint8Array): { base: number; last: number } {
  const r = new Reader(record);
  const base = r.varint();
  return { base, last: base + r.varint() };
}

/** Bytes of a posting's mask encoding starting at `pos` (after its varint), from its tf code. */
function maskLength(record: Uint8Array, pos: number, code: number): number {
  if (code < 3) return 1 << code;
  const log2 = record[pos]!;
  return log2 === 0 ? 1 : 1 + (1 << (log2 - 3));
}

/** Growable scratch arrays for one term's postings while merging. */
class Scratch {
  docs = new Float64Array(1024);
  src = new Int32Array(1024);
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  flags = new Uint8Array(1024);
  ensure(n: number): void {
    if (n <= this.docs.length) return;
    const size = Math.max(n, this.docs.length * 2);
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.docs = grow(this.docs, (k) => new Float64Array(k));
    this.src = grow(this.src, (k) => new Int32Array(k));
    this.from = grow(this.from, (k) => new Int32Array(k));
    this.to = grow(this.to, (k) => new Int32Array(k));
    this.flags = grow(this.flags, (k) => new Uint8Array(k));
  }
}

/**
 * Folds several records of one bucket (any segments, in any order) into one, term by term,
 * postings in document order; masks are copied as they are. A document number in more than
 * one record keeps the posting of the first record given. `drop`: documents known dead, left out.
 * Null when nothing is left.
 */
export function mergeRecords(records: readonly Uint8Array[], drop?: (num: number) => boolean): Uint8Array | null {
  interface Dir {
    base: number;
    hashes: number[];
    counts: number[];
    offsets: number[];
  }
  const dirs: Dir[] = records.map((data) => {
    const r = new Reader(data);
    const base = r.varint();
    r.varint();
    const terms = r.varint();
    const dir: Dir = { base, hashes: [], counts: [], offsets: [] };
    let h = 0;
    let offset = 0;
    const lens: number[] = [];
    for (let t = 0; t < terms; t++) {
      h += r.varint();
      dir.hashes.push(h);
      dir.counts.push(r.varint());
      lens.push(r.varint());
    }
    for (const len of lens) {
      dir.offsets.push(r.pos + offset);
      offset += len;
    }
    return dir;
  });
  const cursor = dirs.map(() => 0);
  const body = new Writer();
  const groups: number[] = [];
  const scratch = new Scratch();
  // At most the smallest document kept (exact unless `drop` removed it): deltas start here.
  const base = Math.min(...dirs.map((d) => d.base));
  let last = -Infinity;
  for (;;) {
    // The next hash in ascending order across all directories.
    let hash = Infinity;
    for (let i = 0; i < dirs.length; i++) {
      const h = dirs[i]!.hashes[cursor[i]!];
      if (h !== undefined && h < hash) hash = h;
    }
    if (hash === Infinity) break;
    let n = 0;
    let sorted = true;
    for (let i = 0; i < dirs.length; i++) {
      const d = dirs[i]!;
      const t = cursor[i]!;
      if (d.hashes[t] !== hash) continue;
      cursor[i] = t + 1;
      const data = records[i]!;
      const r = new Reader(data);
      r.pos = d.offsets[t]!;
      let doc = d.base;
      const count = d.counts[t]!;
      scratch.ensure(n + count);
      for (let k = 0; k < count; k++) {
        const v = r.varint();
        doc += Math.floor(v / 8);
        const from = r.pos;
        r.pos += maskLength(data, from, v % 4);
        if (drop?.(doc)) continue;
        if (n > 0 && doc <= scratch.docs[n - 1]!) sorted = false;
        scratch.docs[n] = doc;
        scratch.src[n] = i;
        scratch.from[n] = from;
        scratch.to[n] = r.pos;
        scratch.flags[n] = v % 8;
        n++;
      }
    }
    if (!n) continue;
    let order: Int32Array | null = null;
    if (!sorted) {
      // Stable: for equal document numbers the earlier record comes first (and is kept).
      order = Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => scratch.docs[a]! - scratch.docs[b]! || a - b);
    }
    const bodyStart = body.pos;
    let prev = base;
    let written = 0;
    for (let k = 0; k < n; k++) {
      const j = order ? order[k]! : k;
      const doc = scratch.docs[j]!;
      if (written > 0 && doc === prev) continue;
      body.varint((doc - prev) * 8 + scratch.flags[j]!);
      const from = scratch.from[j]!;
      const to = scratch.to[j]!;
      body.ensure(to - from);
      body.buf.set(records[scratch.src[j]!]!.subarray(from, to), body.pos);
      body.pos += to - from;
      prev = doc;
      written++;
    }
    last = Math.max(last, prev);
    groups.push(hash, written, body.pos - bodyStart);
  }
  if (!groups.length) return null;
  return assemble(new Writer(), body, base, last, groups);
}

/**
 * Postings of one term: document numbers (ascending), flags, and per posting which of the
 * asked followers its mask allows (bit t for followers[t] of readPostings; -1: any).
 * Typed arrays: a common term has 100,000 postings, and number arrays of that size are what
 * made queries collect garbage.
 */
export interface PostingList {
  docs: Int32Array;
  flags: Uint8Array;
  pass: Int32Array;
}

/** A PostingList being filled: sized up front when the count is known, grown if not. */
export class PostingBuffer {
  docs: Int32Array;
  flags: Uint8Array;
  pass: Int32Array;
  length = 0;
  constructor(capacity = 16) {
    this.docs = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.pass = new Int32Array(capacity);
  }
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.docs.length) return;
    const size = Math.max(need, this.docs.length * 2);
    const docs = new Int32Array(size);
    docs.set(this.docs.subarray(0, this.length));
    const flags = new Uint8Array(size);
    flags.set(this.flags.subarray(0, this.length));
    const pass = new Int32Array(size);
    pass.set(this.pass.subarray(0, this.length));
    this.docs = docs;
    this.flags = flags;
    this.pass = pass;
  }
  push(doc: number, flags: number, pass: number): void {
    if (this.length === this.docs.length) this.reserve(1);
    this.docs[this.length] = doc;
    this.flags[this.length] = flags;
    this.pass[this.length++] = pass;
  }
  /** The filled part (views, no copies). */
  list(): PostingList {
    return {
      docs: this.docs.subarray(0, this.length),
      flags: this.flags.subarray(0, this.length),
      pass: this.pass.subarray(0, this.length),
    };
  }
}

/** Where a term's postings are in a record: the record's document bounds, byte offset, count. */
export interface PostingsAt {
  base: number;
  last: number;
  pos: number;
  count: number;
}

/** Finds a term in a record's directory (no postings decoded); null when absent. */
export function locatePostings(record: Uint8Array, hash: number): PostingsAt | null {
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let mul = 1;
    for (;;) {
      const byte = record[pos++]!;
      result += (byte & 0x7f) * mul;
      if (byte < 0x80) return result;
      mul *= 128;
    }
  };
  const base = varint();
  const last = base + varint();
  const terms = varint();
  let h = 0;
  let offset = 0;
  let found = -1;
  let count = 0;
  for (let t = 0; t < terms; t++) {
    h += varint();
    const n = varint();
    const len = varint();
    if (h === hash) {
      found = offset;
      count = n;
    } else if (found < 0) offset += len;
    if (h >= hash) {
      // Ascending hashes: the rest of the directory only moves the postings start.
      for (t++; t < terms; t++) {
        varint();
        varint();
        varint();
      }
      break;
    }
  }
  return found < 0 ? null : { base, last, pos: pos + found, count };
}

/**
 * Appends located postings to `into`. `followers`: followerHash / pairHash values (at most
 * 31) to test each posting's mask against (PostingList.pass). `only` (sorted): keep just
 * these documents; the rest are stepped over without testing their masks.
 */
export function decodePostings(
  record: Uint8Array,
  at: PostingsAt,
  into: PostingBuffer,
  followers: readonly number[] = [],
  only: Int32Array | null = null,
): void {
  let pos = at.pos;
  into.reserve(only ? Math.min(at.count, only.length) : at.count);
  const docs = into.docs;
  const flagsOut = into.flags;
  const passOut = into.pass;
  let n = into.length;
  const varint = (): number => {
    let result = 0;
    let mul = 1;
    for (;;) {
      const byte = record[pos++]!;
      result += (byte & 0x7f) * mul;
      if (byte < 0x80) return result;
      mul *= 128;
    }
  };
  let doc = at.base;
  const nf = followers.length;
  let o = 0;
  for (let k = 0; k < at.count; k++) {
    const v = varint();
    doc += Math.floor(v / 8);
    if (only) {
      while (o < only.length && only[o]! < doc) o++;
      if (o === only.length) break;
      if (only[o] !== doc) {
        const code = v % 4;
        pos += code < 3 ? 1 << code : record[pos] === 0 ? 1 : 1 + (1 << (record[pos]! - 3));
        continue;
      }
    }
    docs[n] = doc;
    flagsOut[n] = v % 8;
    const code = v % 4;
    const log2 = code < 3 ? 3 + code : record[pos++]!;
    if (log2 === 0) {
      passOut[n++] = -1;
      continue;
    }
    let pass = 0;
    for (let t = 0; t < nf; t++) {
      const bit = followers[t]! >>> (32 - log2);
      pass |= ((record[pos + (bit >>> 3)]! >>> (bit & 7)) & 1) << t;
    }
    passOut[n++] = pass;
    pos += 1 << (log2 - 3);
  }
  into.length = n;
}

/** The postings of `hash` in one bucket record, appended to `into`; false when absent. */
export function readPostings(record: Uint8Array, hash: number, into: PostingBuffer, followers: readonly number[] = []): boolean {
  const at = locatePostings(record, hash);
  if (!at) return false;
  decodePostings(record, at, into, followers);
  return true;
}
