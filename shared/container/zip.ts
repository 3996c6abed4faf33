/**
 * THE container of packets (.yandu) and backups (.yandubak): a ZIP archive of stored (not
 * compressed) entries, so ordinary tools list and extract it (`unzip -l`), written and read
 * under strict rules that leave no room for surprises:
 *
 * - entries are stored (method 0), no flags, no extra fields, no comments, fixed times; a
 *   reader accepts exactly the layout the writer makes: entries back to back from byte 0, the
 *   central directory right after them, then the end record, nothing in between;
 * - entry names come from a fixed set and pattern (ENTRY_NAME_RE): no directories, no "..", no
 *   absolute or drive paths, no backslash, nothing a tool could write outside its folder;
 * - the last entry is `manifest.json` (what each entry is, its size and SHA-256);
 * - the archive comment is the seal: "yandu-container 1 sha256 " and the SHA-256 of every byte
 *   before the comment. The comment is last and of fixed length, so every byte of the file is
 *   covered: a changed byte fails the hash, an appended or missing byte moves the seal.
 * - no ZIP64: at most 65,535 entries and 4 GiB, and each kind of file sets tighter limits.
 *
 * Pure TypeScript: the hash function is a required parameter (node:crypto in main; WebCrypto
 * where a renderer needs one). Main streams large backups through the same pieces.
 */

/** SHA-256 of some bytes, as lower-case hex. */
export type Hasher = (data: Uint8Array) => string;

export type ContainerProblem = 'format' | 'truncated' | 'hash' | 'path' | 'tooLarge' | 'newer';

/** What is wrong with a container; each kind of file turns it into its own error code. */
export class ContainerError extends Error {
  constructor(
    readonly problem: ContainerProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ContainerError';
  }
}

export interface ContainerLimits {
  maxFileBytes: number;
  maxEntryBytes: number;
  maxEntries: number;
}

/** The ZIP format's own ceiling without ZIP64. */
export const ZIP_MAX_ENTRIES = 0xffff;
export const ZIP_MAX_BYTES = 0xffffffff;

export const MANIFEST_ENTRY = 'manifest.json';

/** Every name an entry may have. */
export const ENTRY_NAME_RE =
  /^(?:(?:manifest|session|leader|return|signature)\.json|articles\/[a-z0-9_-]{1,80}\.json|media\/[0-9a-f]{64}\.(?:png|jpe?g|gif|webp|bmp)|documents\/[0-9a-f]{64}\.(?:pdf|doc|wps|ofd|docx)|tables\/\d{6}\.json\.gz)$/;

export function isSafeEntryName(name: string): boolean {
  return ENTRY_NAME_RE.test(name);
}

const SEAL_PREFIX = 'yandu-container 1 sha256 ';
export const SEAL_BYTES = SEAL_PREFIX.length + 64;
const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
export const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
export const END_BYTES = 22;
/** The smallest file: one empty entry with a one-letter name would still be bigger. */
export const MIN_FILE_BYTES = END_BYTES + SEAL_BYTES;
const VERSION = 20;
/** 1980-01-01 00:00 in DOS form: entries carry no time (the manifest says when). */
const DOS_DATE = 0x21;

const encoder = new TextEncoder();
const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

// ------------------------------------------------------------------ CRC-32 (ZIP's checksum)

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array, seed = 0): number {
  let c = ~seed >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

// ------------------------------------------------------------------ writing

export interface EntryInfo {
  name: string;
  /** Offset of the entry's local header. */
  offset: number;
  size: number;
  crc: number;
}

/** Where an entry's bytes start. */
export function dataOffset(entry: Pick<EntryInfo, 'name' | 'offset'>): number {
  return entry.offset + LOCAL_HEADER_BYTES + entry.name.length;
}

function header(sig: number, central: boolean, name: string, size: number, crc: number, offset: number): Uint8Array {
  const fixed = central ? CENTRAL_HEADER_BYTES : LOCAL_HEADER_BYTES;
  const out = new Uint8Array(fixed + name.length);
  const v = new DataView(out.buffer);
  let at = 0;
  const u16 = (n: number) => {
    v.setUint16(at, n, true);
    at += 2;
  };
  const u32 = (n: number) => {
    v.setUint32(at, n >>> 0, true);
    at += 4;
  };
  u32(sig);
  if (central) u16(VERSION);
  u16(VERSION);
  u16(0); // flags
  u16(0); // method: stored
  u16(0); // time
  u16(DOS_DATE);
  u32(crc);
  u32(size);
  u32(size);
  u16(name.length);
  u16(0); // extra
  if (central) {
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offset);
  }
  out.set(encoder.encode(name), at);
  return out;
}

/**
 * Lays out entries one by one, as byte pieces the caller writes in order (to memory or a
 * stream) and hashes; `end` gives the central directory and end record, `seal` the comment.
 */
export class ContainerLayout {
  readonly entries: EntryInfo[] = [];
  private offset = 0;
  private readonly names = new Set<string>();

  constructor(private readonly limits: ContainerLimits) {}

  get bytesSoFar(): number {
    return this.offset;
  }

  /** The local header of an entry; the caller writes it, then the bytes. */
  entry(name: string, bytes: Uint8Array): Uint8Array {
    if (!isSafeEntryName(name)) throw new ContainerError('path', `部件名称不合规：${name.slice(0, 80)}`);
    if (this.names.has(name)) throw new ContainerError('format', `部件重复：${name}`);
    if (this.entries.length + 1 > Math.min(this.limits.maxEntries, ZIP_MAX_ENTRIES))
      throw new ContainerError('tooLarge', `部件过多（最多 ${Math.min(this.limits.maxEntries, ZIP_MAX_ENTRIES)} 个）。`);
    if (bytes.length > this.limits.maxEntryBytes) throw new ContainerError('tooLarge', `部件过大：${name}（${bytes.length} 字节）。`);
    const info: EntryInfo = { name, offset: this.offset, size: bytes.length, crc: crc32(bytes) };
    const local = header(LOCAL_SIG, false, name, info.size, info.crc, 0);
    const next = this.offset + local.length + bytes.length;
    if (next + MIN_FILE_BYTES > Math.min(this.limits.maxFileBytes, ZIP_MAX_BYTES))
      throw new ContainerError(
        'tooLarge',
        `文件过大（最多 ${Math.floor(Math.min(this.limits.maxFileBytes, ZIP_MAX_BYTES) / 1048576)} MB）。`,
      );
    this.names.add(name);
    this.entries.push(info);
    this.offset = next;
    return local;
  }

  /** Central directory and end record (the manifest must be the last entry). */
  end(): Uint8Array {
    if (this.entries[this.entries.length - 1]?.name !== MANIFEST_ENTRY)
      throw new ContainerError('format', '清单（manifest.json）应为最后一个部件。');
    const central = this.entries.map((e) => header(CENTRAL_SIG, true, e.name, e.size, e.crc, e.offset));
    const cdSize = central.reduce((n, c) => n + c.length, 0);
    if (this.offset + cdSize + MIN_FILE_BYTES > Math.min(this.limits.maxFileBytes, ZIP_MAX_BYTES))
      throw new ContainerError('tooLarge', '文件过大。');
    const out = new Uint8Array(cdSize + END_BYTES);
    let at = 0;
    for (const c of central) {
      out.set(c, at);
      at += c.length;
    }
    const v = new DataView(out.buffer);
    v.setUint32(at, END_SIG, true);
    v.setUint16(at + 4, 0, true);
    v.setUint16(at + 6, 0, true);
    v.setUint16(at + 8, this.entries.length, true);
    v.setUint16(at + 10, this.entries.length, true);
    v.setUint32(at + 12, cdSize, true);
    v.setUint32(at + 16, this.offset, true);
    v.setUint16(at + 20, SEAL_BYTES, true);
    return out;
  }
}

/** The archive comment that seals a file whose bytes before it hash to `digestHex`. */
export function seal(digestHex: string): Uint8Array {
  if (!/^[0-9a-f]{64}$/.test(digestHex)) throw new ContainerError('hash', '校验值格式不对。');
  return encoder.encode(SEAL_PREFIX + digestHex);
}

// ------------------------------------------------------------------ reading

/** Whether bytes start like one of our containers (a ZIP local header). */
export function looksLikeContainer(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

export interface Tail {
  /** Bytes covered by the seal: [0, hashed). */
  hashed: number;
  digestHex: string;
  count: number;
  cdOffset: number;
  cdSize: number;
}

/**
 * Reads the end record and seal from the last END_BYTES + SEAL_BYTES bytes of a file of `size`
 * bytes. Positions are fixed, so a byte appended or cut off is caught here.
 */
export function parseTail(tail: Uint8Array, size: number, limits: ContainerLimits): Tail {
  if (size < MIN_FILE_BYTES || tail.length !== MIN_FILE_BYTES) throw new ContainerError('truncated', '文件不完整：太短。');
  if (size > Math.min(limits.maxFileBytes, ZIP_MAX_BYTES))
    throw new ContainerError('tooLarge', `文件过大（最多 ${Math.floor(limits.maxFileBytes / 1048576)} MB）。`);
  const v = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const comment = latin1(tail.subarray(END_BYTES));
  if (v.getUint32(0, true) !== END_SIG || v.getUint16(20, true) !== SEAL_BYTES || !comment.startsWith(SEAL_PREFIX))
    throw new ContainerError('truncated', '文件不完整或末尾有多余的数据：找不到文件尾的校验封记。');
  const digestHex = comment.slice(SEAL_PREFIX.length);
  if (!/^[0-9a-f]{64}$/.test(digestHex)) throw new ContainerError('hash', '文件尾的校验值格式不对：文件已损坏或被改动。');
  const count = v.getUint16(8, true);
  const cdSize = v.getUint32(12, true);
  const cdOffset = v.getUint32(16, true);
  return { hashed: size - SEAL_BYTES, digestHex, count, cdOffset, cdSize };
}

/**
 * The entries of the central directory, checked against the end record and the layout the
 * writer makes. `cd` is the bytes [cdOffset, cdOffset + cdSize). Call only after the seal's
 * hash matched (then the bytes are the writer's; these checks refuse a hostile writer).
 */
export function parseCentral(cd: Uint8Array, tail: Tail, limits: ContainerLimits): EntryInfo[] {
  const endAt = tail.hashed - END_BYTES;
  const bad = (what: string) => new ContainerError('format', `文件结构不对：${what}。`);
  if (tail.count === 0) throw bad('没有部件');
  if (tail.count > Math.min(limits.maxEntries, ZIP_MAX_ENTRIES)) throw new ContainerError('tooLarge', `部件过多（${tail.count} 个）。`);
  if (tail.cdOffset + tail.cdSize !== endAt || cd.length !== tail.cdSize) throw bad('目录位置不对');
  const end = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: EntryInfo[] = [];
  const seen = new Set<string>();
  let at = 0;
  let expected = 0;
  for (let i = 0; i < tail.count; i++) {
    if (at + CENTRAL_HEADER_BYTES > cd.length) throw bad('目录被截断');
    const u16 = (o: number) => end.getUint16(at + o, true);
    const u32 = (o: number) => end.getUint32(at + o, true);
    if (u32(0) !== CENTRAL_SIG) throw bad('目录项标记不对');
    if (u16(4) !== VERSION || u16(6) !== VERSION || u16(8) !== 0 || u16(10) !== 0)
      throw bad('部件不是按规定方式存放的（版本、标志或压缩方式）');
    if (u16(12) !== 0 || u16(14) !== DOS_DATE) throw bad('部件时间字段不对');
    const crc = u32(16);
    const size = u32(20);
    if (u32(24) !== size) throw bad('部件大小不一致');
    const nameLength = u16(28);
    if (u16(30) !== 0 || u16(32) !== 0 || u16(34) !== 0 || u16(36) !== 0 || u32(38) !== 0) throw bad('部件带有多余字段');
    const offset = u32(42);
    if (nameLength === 0 || nameLength > 200 || at + CENTRAL_HEADER_BYTES + nameLength > cd.length) throw bad('部件名称长度不对');
    let name: string;
    try {
      name = decoder.decode(cd.subarray(at + CENTRAL_HEADER_BYTES, at + CENTRAL_HEADER_BYTES + nameLength));
    } catch {
      throw new ContainerError('path', '部件名称不是有效的 UTF-8 文字。');
    }
    if (!isSafeEntryName(name)) throw new ContainerError('path', `部件名称不合规：${JSON.stringify(name.slice(0, 60))}`);
    if (seen.has(name)) throw bad(`部件重复：${name}`);
    seen.add(name);
    if (size > limits.maxEntryBytes) throw new ContainerError('tooLarge', `部件过大：${name}（${size} 字节）。`);
    if (offset !== expected) throw bad(`部件位置不对：${name}`);
    expected = offset + LOCAL_HEADER_BYTES + nameLength + size;
    if (expected > tail.cdOffset) throw new ContainerError('truncated', '文件不完整：内容被截断。');
    entries.push({ name, offset, size, crc });
    at += CENTRAL_HEADER_BYTES + nameLength;
  }
  if (at !== cd.length) throw bad('目录长度不对');
  if (expected !== tail.cdOffset) throw bad('部件之间有多余的数据');
  if (entries[entries.length - 1]!.name !== MANIFEST_ENTRY) throw bad('清单（manifest.json）应为最后一个部件');
  return entries;
}

/** A local header must say exactly what its central directory entry says. */
export function checkLocalHeader(local: Uint8Array, entry: EntryInfo): void {
  const expected = header(LOCAL_SIG, false, entry.name, entry.size, entry.crc, 0);
  if (local.length !== expected.length || local.some((b, i) => b !== expected[i]))
    throw new ContainerError('format', `文件结构不对：部件 ${entry.name} 的头与目录不一致。`);
}

/** An entry's bytes must match the CRC-32 its headers carry. */
export function checkCrc(bytes: Uint8Array, entry: EntryInfo): void {
  if (crc32(bytes) !== entry.crc) throw new ContainerError('hash', `部件 ${entry.name} 的 CRC 校验不符：文件已损坏。`);
}

// ------------------------------------------------------------------ in memory (packets)

export interface Entry {
  name: string;
  bytes: Uint8Array;
}

/** Writes a whole container in memory; the last entry must be `manifest.json`. */
export function encodeContainer(entries: readonly Entry[], hash: Hasher, limits: ContainerLimits): Uint8Array {
  const layout = new ContainerLayout(limits);
  const pieces: Uint8Array[] = [];
  for (const e of entries) pieces.push(layout.entry(e.name, e.bytes), e.bytes);
  pieces.push(layout.end());
  const body = concat(pieces);
  const sealed = seal(hash(body));
  const out = new Uint8Array(body.length + sealed.length);
  out.set(body, 0);
  out.set(sealed, body.length);
  return out;
}

/** Reads and checks a whole container in memory: seal, layout, every header and CRC. */
export function decodeContainer(data: Uint8Array, hash: Hasher, limits: ContainerLimits): Entry[] {
  if (data.length > Math.min(limits.maxFileBytes, ZIP_MAX_BYTES))
    throw new ContainerError('tooLarge', `文件过大（最多 ${Math.floor(limits.maxFileBytes / 1048576)} MB）。`);
  if (data.length === 0) throw new ContainerError('truncated', '文件是空的。');
  if (!looksLikeContainer(data)) {
    const prefix = data.length < 4 && [0x50, 0x4b, 0x03].slice(0, data.length).every((b, i) => data[i] === b);
    throw new ContainerError(prefix ? 'truncated' : 'format', prefix ? '文件不完整：太短。' : '文件头不对。');
  }
  const tail = parseTail(data.subarray(data.length - MIN_FILE_BYTES), data.length, limits);
  if (hash(data.subarray(0, tail.hashed)) !== tail.digestHex)
    throw new ContainerError('hash', '整个文件的校验值（SHA-256）不符：文件已损坏或被改动。');
  const entries = parseCentral(data.subarray(tail.cdOffset, tail.cdOffset + tail.cdSize), tail, limits);
  return entries.map((e) => {
    const start = dataOffset(e);
    checkLocalHeader(data.subarray(e.offset, start), e);
    const bytes = data.subarray(start, start + e.size);
    checkCrc(bytes, e);
    return { name: e.name, bytes };
  });
}

function concat(pieces: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}
