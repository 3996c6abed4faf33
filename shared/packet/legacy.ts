/**
 * Reading the container of format v1 (packets written before issue 13's one container,
 * shared/container/zip.ts): kept so files of that release still import; nothing writes it.
 * One self-contained file of named parts, length-prefixed, with a SHA-256 of everything before
 * it at the end.
 *
 *   magic    8 bytes  "YANDUPK\n"
 *   version  u16 BE   1
 *   reserved u16      0
 *   count    u32 BE   number of parts (≤ MAX_PARTS)
 *   count × { nameLength u16 BE, name (UTF-8), size u32 BE }
 *   the parts' bytes, in the same order
 *   trailer  32 bytes SHA-256 of every byte before it
 *
 * Decoding checks every length against what is left before it reads, so a truncated file,
 * a huge length or a bad name is an error with a code, never an exception or a long loop.
 */
import { MAX_FILE_BYTES, MAX_PART_BYTES, MAX_PARTS, packetError } from './limits';
import type { Hasher } from '../container/zip';

export const MAGIC = new Uint8Array([0x59, 0x41, 0x4e, 0x44, 0x55, 0x50, 0x4b, 0x0a]);
const CONTAINER_VERSION = 1;
export const MAX_NAME_BYTES = 120;
const HEADER_BYTES = 16;
const TRAILER_BYTES = 32;

export interface Part {
  name: string;
  bytes: Uint8Array;
}

/** Whether bytes start as a v1 packet (or are a cut-off start of one). */
export function isLegacyPacket(data: Uint8Array): boolean {
  return data.length > 0 && MAGIC.subarray(0, Math.min(data.length, MAGIC.length)).every((b, i) => data[i] === b);
}

/**
 * Part names: lower-case ASCII segments joined by one "/", no "." or ".." segment, no leading
 * slash, no backslash, no NUL: `../../x`, `/etc/passwd`, `C:\x` and `a\0b` are all refused.
 */
const NAME_RE = /^[a-z0-9_-][a-z0-9_-]*(?:\.[a-z0-9]+)?(?:\/[a-z0-9_-][a-z0-9_-]*(?:\.[a-z0-9]+)?)?$/;

export function isSafePartName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_NAME_BYTES && NAME_RE.test(name);
}

export function decodeLegacyContainer(data: Uint8Array, hash: Hasher): Part[] {
  if (data.length > MAX_FILE_BYTES) throw packetError('E_PACKET_TOO_LARGE', `文件过大（最多 ${MAX_FILE_BYTES / 1024 / 1024} MB）。`);
  for (let i = 0; i < Math.min(MAGIC.length, data.length); i++) {
    if (data[i] !== MAGIC[i]) throw packetError('E_PACKET_FORMAT', '这不是研读资料包（文件头不对）。');
  }
  if (data.length < MAGIC.length) throw packetError('E_PACKET_TRUNCATED', '文件不完整：太短，不是研读资料包。');
  if (data.length < HEADER_BYTES + TRAILER_BYTES) throw packetError('E_PACKET_TRUNCATED', '文件不完整：缺少文件头或校验值。');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const version = view.getUint16(8);
  if (version !== CONTAINER_VERSION) throw packetError('E_PACKET_FORMAT', `不支持的资料包格式版本：${version}。请升级研读。`);
  if (view.getUint16(10) !== 0) throw packetError('E_PACKET_FORMAT', '文件头的保留字段不为零。');
  const count = view.getUint32(12);
  if (count === 0) throw packetError('E_PACKET_FORMAT', '资料包是空的。');
  if (count > MAX_PARTS) throw packetError('E_PACKET_TOO_LARGE', `资料包的部件过多（${count} 个）。`);
  const end = data.length - TRAILER_BYTES;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: { name: string; size: number }[] = [];
  const seen = new Set<string>();
  let at = HEADER_BYTES;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 2 > end) throw packetError('E_PACKET_TRUNCATED', '文件不完整：目录被截断。');
    const nameLength = view.getUint16(at);
    at += 2;
    if (nameLength === 0 || nameLength > MAX_NAME_BYTES) throw packetError('E_PACKET_PATH', `部件名称长度不合规（${nameLength}）。`);
    if (at + nameLength + 4 > end) throw packetError('E_PACKET_TRUNCATED', '文件不完整：目录被截断。');
    let name: string;
    try {
      name = decoder.decode(data.subarray(at, at + nameLength));
    } catch {
      throw packetError('E_PACKET_PATH', '部件名称不是有效的 UTF-8 文字。');
    }
    at += nameLength;
    if (!isSafePartName(name)) throw packetError('E_PACKET_PATH', `部件名称不合规：${JSON.stringify(name.slice(0, 60))}`);
    if (seen.has(name)) throw packetError('E_PACKET_FORMAT', `部件重复：${name}`);
    seen.add(name);
    const size = view.getUint32(at);
    at += 4;
    if (size > MAX_PART_BYTES) throw packetError('E_PACKET_TOO_LARGE', `部件过大：${name}（${size} 字节）。`);
    total += size;
    if (total > MAX_FILE_BYTES) throw packetError('E_PACKET_TOO_LARGE', '资料包各部件合计过大。');
    entries.push({ name, size });
  }
  if (at + total > end) throw packetError('E_PACKET_TRUNCATED', '文件不完整：内容被截断。');
  if (at + total < end) throw packetError('E_PACKET_FORMAT', '文件末尾有多余的数据。');
  const expected = bytesToHex(data.subarray(end));
  if (hash(data.subarray(0, end)) !== expected) throw packetError('E_PACKET_HASH', '整个文件的校验值（SHA-256）不符：文件已损坏或被改动。');
  const parts: Part[] = [];
  for (const e of entries) {
    parts.push({ name: e.name, bytes: data.subarray(at, at + e.size) });
    at += e.size;
  }
  return parts;
}

export function bytesToHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}
