/**
 * Writing and checking backup files (format: shared/backup/format.ts). The writer streams to a
 * temporary file that is renamed into place only when complete, so a crash, a full disk or a
 * failed write leaves no partial backup; the checker reads the whole file and rejects it on the
 * first problem, before anything is restored from it.
 */
import { createHash } from 'node:crypto';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import * as v from 'valibot';
import {
  BACKUP_END,
  BACKUP_FORMAT_VERSION,
  BACKUP_HEADER_BYTES,
  BACKUP_MAGIC,
  BACKUP_TRAILER_BYTES,
  ManifestSchema,
  MAX_MANIFEST_BYTES,
  type BackupManifest,
  type BackupPart,
} from '../../../shared/backup/format';
import { checkRecords } from '../../../shared/backup/records';
import { AppError } from '../../../shared/errors';
import { gunzipBounded, outputCap, type InflateBounds } from '../archive/inflate';

const gzipAsync = promisify(gzip);
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

/** Where bytes go; replaceable in tests to simulate a full disk. */
export interface Sink {
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
export type OpenSink = (path: string) => Promise<Sink>;

export const openFileSink: OpenSink = async (path) => {
  const handle = await open(path, 'wx');
  return {
    write: async (bytes) => {
      let at = 0;
      while (at < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, at, bytes.length - at);
        at += bytesWritten;
      }
    },
    close: async () => {
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
  };
};

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** A write error as the user should see it: a full disk is named as such. */
export function writeError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (DISK_FULL.has(code)) return new AppError('E_DISK_FULL', '磁盘空间不足，备份没有写入（未完成的文件已删除）。请清理磁盘后重试。');
  return new AppError('E_RESOURCE', `备份文件写入失败（${code || '未知原因'}），未留下不完整的文件。`);
}

export type ManifestBase = Omit<BackupManifest, 'parts' | 'counts' | 'format' | 'version'>;

export class BackupWriter {
  private offset = 0;
  private readonly parts: BackupPart[] = [];
  private readonly counts: Record<string, number> = {};
  private readonly whole = createHash('sha256');
  private failed: AppError | null = null;
  private closed = false;

  private constructor(
    readonly tmpPath: string,
    private readonly sink: Sink,
  ) {}

  static async create(tmpPath: string, openSink: OpenSink = openFileSink): Promise<BackupWriter> {
    let sink: Sink;
    try {
      sink = await openSink(tmpPath);
    } catch (error) {
      throw writeError(error);
    }
    const writer = new BackupWriter(tmpPath, sink);
    const header = new Uint8Array(BACKUP_HEADER_BYTES);
    header.set(Buffer.from(BACKUP_MAGIC, 'latin1'), 0);
    new DataView(header.buffer).setUint16(8, BACKUP_FORMAT_VERSION);
    await writer.write(header);
    return writer;
  }

  private async write(bytes: Uint8Array): Promise<void> {
    if (this.failed) throw this.failed;
    try {
      await this.sink.write(bytes);
    } catch (error) {
      this.failed = writeError(error);
      await this.abort();
      throw this.failed;
    }
    this.whole.update(bytes);
    this.offset += bytes.length;
  }

  /**
   * One chunk of a table: every record is checked first, so no backup holds an invalid one.
   * Returns how many parts it became (see addPart).
   */
  async addTable(table: string, records: readonly unknown[], schemaVersion?: number): Promise<number> {
    const problem = checkRecords(table, records, schemaVersion);
    if (problem) throw new AppError('E_INVALID_ARGUMENT', `备份数据无效：${problem.message}`);
    return this.addPart(table, records);
  }

  /**
   * Writes records as parts the reader's bounds accept: a chunk too large, or compressing
   * better than the ratio a bomb check allows (a note of one repeated character), is split in
   * halves; a single such record is stored uncompressed. So every backup written can be read.
   */
  private async addPart(table: string, records: readonly unknown[]): Promise<number> {
    const json = Buffer.from(JSON.stringify(records), 'utf8');
    let bytes = await gzipAsync(json, { level: 1 });
    if (json.length > outputCap(bytes.length, TABLE_BOUNDS)) {
      if (records.length > 1) {
        const half = Math.ceil(records.length / 2);
        return (await this.addPart(table, records.slice(0, half))) + (await this.addPart(table, records.slice(half)));
      }
      if (json.length > MAX_TABLE_JSON_BYTES) throw new AppError('E_RESOURCE', `${table} 中有一条记录过大（超过 64 MB），无法备份。`);
      bytes = await gzipAsync(json, { level: 0 });
    }
    const offset = this.offset;
    await this.write(bytes);
    this.parts.push({ kind: 'table', table, records: records.length, offset, size: bytes.length, sha256: sha256(bytes) });
    this.counts[table] = (this.counts[table] ?? 0) + records.length;
    return 1;
  }

  async addMedia(name: string, bytes: Uint8Array): Promise<void> {
    const offset = this.offset;
    await this.write(bytes);
    this.parts.push({ kind: 'media', name, offset, size: bytes.length, sha256: sha256(bytes) });
    this.counts.media = (this.counts.media ?? 0) + 1;
  }

  /** Writes manifest and trailer, closes, and renames the file to `finalPath`. */
  async finish(base: ManifestBase, finalPath: string): Promise<BackupManifest> {
    const manifest: BackupManifest = {
      format: 'yandu-backup',
      version: BACKUP_FORMAT_VERSION,
      ...base,
      counts: this.counts,
      parts: this.parts,
    };
    const json = Buffer.from(JSON.stringify(manifest), 'utf8');
    await this.write(json);
    const trailer = new Uint8Array(BACKUP_TRAILER_BYTES);
    new DataView(trailer.buffer).setUint32(0, json.length);
    trailer.set(Buffer.from(sha256(json), 'hex'), 4);
    trailer.set(this.whole.copy().digest(), 36);
    trailer.set(Buffer.from(BACKUP_END, 'latin1'), 68);
    await this.write(trailer);
    try {
      this.closed = true;
      await this.sink.close();
      await rename(this.tmpPath, finalPath);
    } catch (error) {
      await rm(this.tmpPath, { force: true });
      throw writeError(error);
    }
    return manifest;
  }

  /** Drops the unfinished file. Safe to call more than once. */
  async abort(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.sink.close().catch(() => undefined);
    }
    await rm(this.tmpPath, { force: true }).catch(() => undefined);
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function bad(message: string): AppError {
  return new AppError('E_BACKUP_FORMAT', `不是有效的研读备份文件：${message}`);
}

async function readAt(handle: FileHandle, offset: number, length: number): Promise<Buffer> {
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
  part: Extract<BackupPart, { kind: 'table' }>,
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

export interface OpenedBackup {
  manifest: BackupManifest;
  size: number;
  readPart(index: number): Promise<Buffer>;
}

/**
 * Checks a whole backup file: layout, whole-file and manifest hashes, manifest schema, part
 * layout (contiguous, inside the file), each part's hash, and every record of every table
 * against its schema. Throws E_BACKUP_FORMAT / E_BACKUP_HASH on the first problem.
 */
export async function verifyBackup(path: string): Promise<OpenedBackup> {
  const info = await stat(path).catch(() => null);
  if (!info || !info.isFile()) throw new AppError('E_NOT_FOUND', '找不到该备份文件。');
  const size = info.size;
  if (size < BACKUP_HEADER_BYTES + BACKUP_TRAILER_BYTES) throw bad('文件太短。');
  const handle = await open(path, 'r');
  try {
    const header = await readAt(handle, 0, BACKUP_HEADER_BYTES);
    if (header.subarray(0, 8).toString('latin1') !== BACKUP_MAGIC) throw bad('文件头不对。');
    if (header.readUInt16BE(8) !== BACKUP_FORMAT_VERSION)
      throw new AppError('E_BACKUP_NEWER', '这个备份文件由更新版本的研读写成，请先升级研读。');
    const trailer = await readAt(handle, size - BACKUP_TRAILER_BYTES, BACKUP_TRAILER_BYTES);
    if (trailer.subarray(68).toString('latin1') !== BACKUP_END) throw bad('文件尾不对（可能不完整）。');
    const manifestLength = trailer.readUInt32BE(0);
    const manifestAt = size - BACKUP_TRAILER_BYTES - manifestLength;
    if (manifestLength > MAX_MANIFEST_BYTES || manifestAt < BACKUP_HEADER_BYTES) throw bad('目录长度不对。');
    // The whole file, streamed through the hash.
    const whole = createHash('sha256');
    const step = 4 * 1024 * 1024;
    for (let at = 0; at < size - BACKUP_TRAILER_BYTES; at += step) {
      whole.update(await readAt(handle, at, Math.min(step, size - BACKUP_TRAILER_BYTES - at)));
    }
    if (!whole.digest().equals(trailer.subarray(36, 68))) throw new AppError('E_BACKUP_HASH', '备份文件已损坏：整体校验值不符。');
    const manifestBytes = await readAt(handle, manifestAt, manifestLength);
    if (sha256(manifestBytes) !== trailer.subarray(4, 36).toString('hex'))
      throw new AppError('E_BACKUP_HASH', '备份文件已损坏：目录校验值不符。');
    let raw: unknown;
    try {
      raw = JSON.parse(manifestBytes.toString('utf8'));
    } catch {
      throw bad('目录不是有效的 JSON。');
    }
    const parsed = v.safeParse(ManifestSchema, raw);
    if (!parsed.success) throw bad('目录内容不对。');
    const manifest = parsed.output;
    let expected = BACKUP_HEADER_BYTES;
    const media = new Set<string>();
    const counts: Record<string, number> = {};
    for (const part of manifest.parts) {
      if (part.offset !== expected) throw bad('部件位置不对。');
      expected += part.size;
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
    if (expected !== manifestAt) throw bad('部件长度不对。');
    for (const [k, n] of Object.entries(counts)) if (manifest.counts[k] !== n) throw bad(`${k} 的条数不符。`);
    for (const [k, n] of Object.entries(manifest.counts)) if ((counts[k] ?? 0) !== n) throw bad(`${k} 的条数不符。`);
    // Every part: hash, and for tables every record.
    for (const part of manifest.parts) {
      const bytes = await readAt(handle, part.offset, part.size);
      if (part.kind === 'table') await decodeTablePart(part, bytes, manifest.db.schemaVersion);
      else if (sha256(bytes) !== part.sha256) throw new AppError('E_BACKUP_HASH', `备份文件已损坏：图片 ${part.name} 的校验值不符。`);
    }
  } finally {
    await handle.close();
  }
  return {
    manifest: await readManifestUnchecked(path, size),
    size,
    readPart: async (index) => {
      const m = await readManifestUnchecked(path, size);
      const part = m.parts[index];
      if (!part) throw new AppError('E_NOT_FOUND', '备份文件中没有这一部分。');
      const h = await open(path, 'r');
      try {
        const bytes = await readAt(h, part.offset, part.size);
        if (sha256(bytes) !== part.sha256) throw new AppError('E_BACKUP_HASH', '备份文件在检查之后被改动了。');
        return bytes;
      } finally {
        await h.close();
      }
    },
  };
}

const manifestCache = new Map<string, { size: number; mtimeMs: number; manifest: BackupManifest }>();

/** The manifest of a file that verifyBackup already accepted (cached by size and mtime). */
async function readManifestUnchecked(path: string, size: number): Promise<BackupManifest> {
  const info = await stat(path);
  const cached = manifestCache.get(path);
  if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return cached.manifest;
  if (info.size !== size) throw new AppError('E_BACKUP_HASH', '备份文件在检查之后被改动了。');
  const handle = await open(path, 'r');
  try {
    const trailer = await readAt(handle, size - BACKUP_TRAILER_BYTES, BACKUP_TRAILER_BYTES);
    const length = trailer.readUInt32BE(0);
    const bytes = await readAt(handle, size - BACKUP_TRAILER_BYTES - length, length);
    if (sha256(bytes) !== trailer.subarray(4, 36).toString('hex')) throw new AppError('E_BACKUP_HASH', '备份文件在检查之后被改动了。');
    const manifest = v.parse(ManifestSchema, JSON.parse(bytes.toString('utf8')));
    manifestCache.set(path, { size: info.size, mtimeMs: info.mtimeMs, manifest });
    if (manifestCache.size > 50) manifestCache.delete(manifestCache.keys().next().value!);
    return manifest;
  } finally {
    await handle.close();
  }
}

/** The manifest only (for listing): layout and manifest hash checked, parts not read. */
export async function readManifest(path: string): Promise<{ manifest: BackupManifest; size: number } | null> {
  try {
    const info = await stat(path);
    const handle = await open(path, 'r');
    try {
      const header = await readAt(handle, 0, 8);
      if (header.toString('latin1') !== BACKUP_MAGIC) return null;
    } finally {
      await handle.close();
    }
    return { manifest: await readManifestUnchecked(path, info.size), size: info.size };
  } catch {
    return null;
  }
}
