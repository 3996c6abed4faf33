/**
 * Table parts of a backup (gzip of a JSON array of records) under bounds, and the small file
 * helpers both backup formats' readers share.
 */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { BackupPart } from '../../../shared/backup/format';
import { checkRecords } from '../../../shared/backup/records';
import { AppError } from '../../../shared/errors';
import { gunzipBounded, outputCap, type InflateBounds } from '../archive/inflate';

export const gzipAsync = promisify(gzip);
export { outputCap };
/** Largest JSON a table part may inflate to. */
export const MAX_TABLE_JSON_BYTES = 64 * 1024 * 1024;
/** Above this much JSON, a part may inflate to at most MAX_TABLE_RATIO times its gzip size. */
export const TABLE_RATIO_FLOOR_BYTES = 8 * 1024 * 1024;
export const MAX_TABLE_RATIO = 200;
/** Largest gzip part: the largest JSON stored (level 0 adds 5 bytes per 64 KB block) and then some. */
export const MAX_TABLE_PART_BYTES = MAX_TABLE_JSON_BYTES + MAX_TABLE_JSON_BYTES / 64 + 1024;
/** The reader's bounds; the writer holds every part it writes to the same ones. */
export const TABLE_BOUNDS: InflateBounds = {
  maxOutput: MAX_TABLE_JSON_BYTES,
  maxRatio: MAX_TABLE_RATIO,
  ratioFloor: TABLE_RATIO_FLOOR_BYTES,
};

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function bad(message: string): AppError {
  return new AppError('E_BACKUP_FORMAT', `不是有效的研读备份文件：${message}`);
}

/**
 * One manifest part, checked the same way in every format version: media listed once and named
 * by their hash, table parts within the size their reader accepts; counts what the part holds.
 */
export function checkPart(part: BackupPart, media: Set<string>, counts: Record<string, number>): void {
  if (part.kind === 'media') {
    if (media.has(part.name)) throw bad(`图片重复：${part.name}`);
    media.add(part.name);
    if (!part.name.startsWith(part.sha256)) throw bad(`图片名称与内容不符：${part.name}`);
    counts.media = (counts.media ?? 0) + 1;
  } else {
    // Read whole before inflating: bounded like its output (the writer never makes one larger).
    if (part.size > MAX_TABLE_PART_BYTES)
      throw new AppError('E_ARCHIVE_LIMIT', `备份文件中的 ${part.table} 数据过大（${part.size} 字节），已拒绝恢复。`);
    counts[part.table] = (counts[part.table] ?? 0) + part.records;
  }
}

export async function readAt(handle: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let at = 0;
  while (at < length) {
    const { bytesRead } = await handle.read(buf, at, length - at, offset + at);
    if (bytesRead === 0) throw bad('文件被截断。');
    at += bytesRead;
  }
  return buf;
}

/**
 * The records of one table part: hash checked, inflated streamed under TABLE_BOUNDS (a gzip
 * bomb stops at the cap), parsed and each record checked.
 */
export async function decodeTablePart(
  part: { kind: 'table'; table: string; records: number; sha256: string; size?: number; offset?: number },
  bytes: Uint8Array,
  schemaVersion?: number,
): Promise<unknown[]> {
  if (sha256(bytes) !== part.sha256) throw new AppError('E_BACKUP_HASH', `备份文件已损坏：${part.table} 数据的校验值不符。`);
  const json = await gunzipBounded(bytes, TABLE_BOUNDS, {
    tooLarge: () => new AppError('E_ARCHIVE_LIMIT', `备份文件中的 ${part.table} 数据解压后过大（可能是压缩炸弹），已拒绝恢复。`),
    broken: () => bad(`${part.table} 数据无法解压。`),
  });
  let records: unknown;
  try {
    records = JSON.parse(json.toString('utf8'));
  } catch {
    throw bad(`${part.table} 数据不是有效的 JSON。`);
  }
  if (!Array.isArray(records) || records.length !== part.records) throw bad(`${part.table} 数据的条数不符。`);
  const problem = checkRecords(part.table, records, schemaVersion);
  if (problem) throw new AppError('E_BACKUP_FORMAT', `备份文件中的数据无效：${problem.message}`);
  return records;
}
