/**
 * Writing and checking backup files in THE container (shared/container/zip.ts; the file's
 * contents: shared/backup/format.ts). The writer streams to a temporary file that is renamed
 * into place only when complete, so a crash, a full disk or a failed write leaves no partial
 * backup; the checker reads the whole file and rejects it on the first problem, before anything
 * is restored from it. Files of format version 1 are read by ./legacy.ts.
 */
import { createHash, type Hash } from 'node:crypto';
import { open, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { renameWithRetry } from '../fs-retry';
import * as v from 'valibot';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MAGIC,
  ManifestSchema,
  MAX_MANIFEST_BYTES,
  type BackupManifest,
  type BackupManifestInfo,
  type BackupPartEntry,
} from '../../../shared/backup/format';
import { checkRecords } from '../../../shared/backup/records';
import {
  checkCrc,
  checkLocalHeader,
  ContainerError,
  ContainerLayout,
  dataOffset,
  MANIFEST_ENTRY,
  MIN_FILE_BYTES,
  parseCentral,
  parseTail,
  seal,
  ZIP_MAX_BYTES,
  ZIP_MAX_ENTRIES,
  type ContainerLimits,
  type EntryInfo,
} from '../../../shared/container/zip';
import { ROWS_DB_VERSION } from '../../../shared/domain/tables';
import { AppError } from '../../../shared/errors';
import { readLegacyManifest, verifyLegacyBackup } from './legacy';
import {
  bad,
  checkPart,
  decodeTablePart,
  gzipAsync,
  MAX_TABLE_JSON_BYTES,
  MAX_TABLE_PART_BYTES,
  outputCap,
  readAt,
  sha256,
  TABLE_BOUNDS,
} from './tables';

export {
  decodeTablePart,
  MAX_TABLE_JSON_BYTES,
  MAX_TABLE_PART_BYTES,
  MAX_TABLE_RATIO,
  TABLE_BOUNDS,
  TABLE_RATIO_FLOOR_BYTES,
} from './tables';

/** A backup's bounds in the container: the ZIP ceiling (4 GiB, 65,535 entries); an entry is a table part, an image or the manifest. */
export const BACKUP_LIMITS: ContainerLimits = {
  maxFileBytes: ZIP_MAX_BYTES,
  maxEntryBytes: Math.max(MAX_TABLE_PART_BYTES, MAX_MANIFEST_BYTES),
  maxEntries: ZIP_MAX_ENTRIES,
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

const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST']);

/** A write error as the user should see it: a full disk, or a backups folder that cannot be written, is named as such. */
export function writeError(error: unknown, folder?: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ContainerError)
    return new AppError('E_RESOURCE', `备份超出了备份文件的上限（${error.message}），没有写入。请删除不需要的图片或文章后重试。`);
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (DISK_FULL.has(code)) return new AppError('E_DISK_FULL', '磁盘空间不足，备份没有写入（未完成的文件已删除）。请清理磁盘后重试。');
  if (folder !== undefined && NOT_WRITABLE.has(code))
    return new AppError(
      'E_RESOURCE',
      `备份文件夹 ${folder} 无法写入（${code === 'EROFS' ? '磁盘只读' : code === 'ENOTDIR' || code === 'EEXIST' ? '同名的不是文件夹' : '没有写入权限'}），备份没有写入；文库中的内容没有受影响。请检查该文件夹后重试。`,
    );
  return new AppError('E_RESOURCE', `备份文件写入失败（${code || '未知原因'}），未留下不完整的文件。`);
}

export type ManifestBase = Omit<BackupManifest, 'parts' | 'counts' | 'format' | 'version'>;

export class BackupWriter {
  private readonly layout = new ContainerLayout(BACKUP_LIMITS);
  private readonly parts: BackupPartEntry[] = [];
  private readonly counts: Record<string, number> = {};
  private readonly whole: Hash = createHash('sha256');
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
      // Nothing is written yet: a refusal here is the folder's (permissions, read-only disk).
      throw writeError(error, path.dirname(tmpPath));
    }
    return new BackupWriter(tmpPath, sink);
  }

  private async write(bytes: Uint8Array, hashed = true): Promise<void> {
    if (this.failed) throw this.failed;
    try {
      await this.sink.write(bytes);
    } catch (error) {
      this.failed = writeError(error);
      await this.abort();
      throw this.failed;
    }
    if (hashed) this.whole.update(bytes);
  }

  /** One entry: its local header and bytes (the layout refuses names, sizes and counts out of bounds). */
  private async entry(name: string, bytes: Uint8Array): Promise<void> {
    let local: Uint8Array;
    try {
      local = this.layout.entry(name, bytes);
    } catch (error) {
      throw writeError(error);
    }
    await this.write(local);
    await this.write(bytes);
  }

  /**
   * One chunk of a table, of database version `schemaVersion`: every record is checked first,
   * so no backup holds an invalid one. Returns how many parts it became (see addPart).
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
    const entry = `tables/${String(this.parts.length).padStart(6, '0')}.json.gz`;
    await this.entry(entry, bytes);
    this.parts.push({ kind: 'table', entry, table, records: records.length, size: bytes.length, sha256: sha256(bytes) });
    this.counts[table] = (this.counts[table] ?? 0) + records.length;
    return 1;
  }

  async addMedia(name: string, bytes: Uint8Array): Promise<void> {
    await this.entry(`media/${name}`, bytes);
    this.parts.push({ kind: 'media', name, size: bytes.length, sha256: sha256(bytes) });
    this.counts.media = (this.counts.media ?? 0) + 1;
  }

  /** Writes the manifest, the directory and the seal, closes, and renames the file to `finalPath`. */
  async finish(base: ManifestBase, finalPath: string): Promise<BackupManifest> {
    const manifest: BackupManifest = {
      format: 'yandu-backup',
      version: BACKUP_FORMAT_VERSION,
      ...base,
      counts: this.counts,
      parts: this.parts,
    };
    await this.entry(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest), 'utf8'));
    let end: Uint8Array;
    try {
      end = this.layout.end();
    } catch (error) {
      throw writeError(error);
    }
    await this.write(end);
    await this.write(seal(this.whole.copy().digest('hex')), false);
    try {
      this.closed = true;
      await this.sink.close();
      await renameWithRetry(this.tmpPath, finalPath);
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

export interface OpenedBackup {
  manifest: BackupManifestInfo;
  size: number;
  readPart(index: number): Promise<Buffer>;
}

function containerError(error: unknown): unknown {
  if (!(error instanceof ContainerError)) return error;
  if (error.problem === 'hash') return new AppError('E_BACKUP_HASH', `备份文件已损坏：${error.message}`);
  if (error.problem === 'tooLarge') return new AppError('E_ARCHIVE_LIMIT', `备份文件超出上限，已拒绝恢复：${error.message}`);
  return bad(error.message);
}

async function isLegacy(handle: FileHandle, size: number): Promise<boolean> {
  if (size < BACKUP_MAGIC.length) return false;
  return (await readAt(handle, 0, BACKUP_MAGIC.length)).toString('latin1') === BACKUP_MAGIC;
}

interface Located {
  manifest: BackupManifest;
  entries: EntryInfo[];
}

/**
 * Layout, seal and manifest of a file in the container: the end record and seal at their fixed
 * place, the whole file through the hash (streamed), the directory, then the manifest entry.
 * `wholeHash` false (listing): the seal is not recomputed, but every byte that is read is
 * checked by its CRC and the manifest by its schema.
 */
async function locate(handle: FileHandle, size: number, wholeHash: boolean): Promise<Located> {
  if (size > ZIP_MAX_BYTES) throw new AppError('E_ARCHIVE_LIMIT', '备份文件过大（超过 4 GB），已拒绝恢复。');
  if (size < MIN_FILE_BYTES) throw bad('文件太短。');
  const head = await readAt(handle, 0, 4);
  if (!(head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)) throw bad('文件头不对。');
  try {
    const tail = parseTail(await readAt(handle, size - MIN_FILE_BYTES, MIN_FILE_BYTES), size, BACKUP_LIMITS);
    if (wholeHash) {
      const whole = createHash('sha256');
      const step = 4 * 1024 * 1024;
      for (let at = 0; at < tail.hashed; at += step) whole.update(await readAt(handle, at, Math.min(step, tail.hashed - at)));
      if (whole.digest('hex') !== tail.digestHex) throw new AppError('E_BACKUP_HASH', '备份文件已损坏：整体校验值不符。');
    }
    const entries = parseCentral(await readAt(handle, tail.cdOffset, tail.cdSize), tail, BACKUP_LIMITS);
    const last = entries[entries.length - 1]!;
    if (last.size > MAX_MANIFEST_BYTES) throw bad('目录过大。');
    checkLocalHeader(await readAt(handle, last.offset, dataOffset(last) - last.offset), last);
    const bytes = await readAt(handle, dataOffset(last), last.size);
    checkCrc(bytes, last);
    let raw: unknown;
    try {
      raw = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw bad('目录不是有效的 JSON。');
    }
    const version = (raw as { version?: unknown } | null)?.version;
    const schemaVersion = (raw as { db?: { schemaVersion?: unknown } } | null)?.db?.schemaVersion;
    if (
      (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) ||
      (typeof schemaVersion === 'number' && schemaVersion > ROWS_DB_VERSION)
    )
      throw new AppError('E_BACKUP_NEWER', '这个备份文件由更新版本的研读写成，当前版本无法恢复，请先升级研读。');
    const parsed = v.safeParse(ManifestSchema, raw);
    if (!parsed.success) throw bad('目录内容不对。');
    return { manifest: parsed.output, entries };
  } catch (error) {
    throw containerError(error);
  }
}

/** The manifest's parts must be the file's entries, in order, with the manifest last. */
function matchEntries({ manifest, entries }: Located): void {
  if (entries.length !== manifest.parts.length + 1) throw bad('目录与文件中的部件不一致。');
  const media = new Set<string>();
  const counts: Record<string, number> = {};
  manifest.parts.forEach((part, i) => {
    const e = entries[i]!;
    const name = part.kind === 'table' ? part.entry : `media/${part.name}`;
    if (e.name !== name || e.size !== part.size) throw bad(`目录与部件不一致：${e.name}`);
    checkPart(part, media, counts);
  });
  for (const [k, n] of Object.entries(counts)) if (manifest.counts[k] !== n) throw bad(`${k} 的条数不符。`);
  for (const [k, n] of Object.entries(manifest.counts)) if ((counts[k] ?? 0) !== n) throw bad(`${k} 的条数不符。`);
}

async function readEntry(handle: FileHandle, e: EntryInfo, sha: string): Promise<Buffer> {
  try {
    checkLocalHeader(await readAt(handle, e.offset, dataOffset(e) - e.offset), e);
    const bytes = await readAt(handle, dataOffset(e), e.size);
    checkCrc(bytes, e);
    if (sha256(bytes) !== sha) throw new AppError('E_BACKUP_HASH', `备份文件已损坏：${e.name} 的校验值不符。`);
    return bytes;
  } catch (error) {
    throw containerError(error);
  }
}

/**
 * Checks a whole backup file: the seal over every byte, the layout, the manifest (schema, a
 * newer version refused), each part's headers, CRC and SHA-256, and every record of every table
 * against its schema. Throws E_BACKUP_FORMAT / E_BACKUP_HASH / E_BACKUP_NEWER on the first problem.
 */
export async function verifyBackup(path: string): Promise<OpenedBackup> {
  const info = await stat(path).catch(() => null);
  if (!info || !info.isFile()) throw new AppError('E_NOT_FOUND', '找不到该备份文件。');
  const size = info.size;
  let handle = await open(path, 'r');
  let located: Located;
  try {
    if (await isLegacy(handle, size)) return await verifyLegacyBackup(path);
    located = await locate(handle, size, true);
    matchEntries(located);
    for (const [i, part] of located.manifest.parts.entries()) {
      const bytes = await readEntry(handle, located.entries[i]!, part.sha256);
      if (part.kind === 'table') await decodeTablePart(part, bytes, located.manifest.db.schemaVersion);
    }
  } finally {
    await handle.close();
  }
  const { manifest, entries } = located;
  return {
    manifest,
    size,
    readPart: async (index) => {
      const part = manifest.parts[index];
      if (!part) throw new AppError('E_NOT_FOUND', '备份文件中没有这一部分。');
      const now = await stat(path).catch(() => null);
      if (!now || now.size !== size || now.mtimeMs !== info.mtimeMs) throw new AppError('E_BACKUP_HASH', '备份文件在检查之后被改动了。');
      handle = await open(path, 'r');
      try {
        return await readEntry(handle, entries[index]!, part.sha256);
      } catch (error) {
        if (error instanceof AppError && error.code === 'E_BACKUP_HASH')
          throw new AppError('E_BACKUP_HASH', '备份文件在检查之后被改动了。');
        throw error;
      } finally {
        await handle.close();
      }
    },
  };
}

const manifestCache = new Map<string, { size: number; mtimeMs: number; manifest: BackupManifestInfo }>();

/** The manifest only (for listing): layout, manifest CRC and schema checked, parts not read; null for a file that is not a backup. */
export async function readManifest(path: string): Promise<{ manifest: BackupManifestInfo; size: number } | null> {
  try {
    const info = await stat(path);
    const cached = manifestCache.get(path);
    if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return { manifest: cached.manifest, size: info.size };
    const handle = await open(path, 'r');
    let manifest: BackupManifestInfo;
    try {
      if (await isLegacy(handle, info.size)) {
        const legacy = await readLegacyManifest(path);
        if (!legacy) return null;
        manifest = legacy.manifest;
      } else manifest = (await locate(handle, info.size, false)).manifest;
    } finally {
      await handle.close();
    }
    manifestCache.set(path, { size: info.size, mtimeMs: info.mtimeMs, manifest });
    if (manifestCache.size > 50) manifestCache.delete(manifestCache.keys().next().value!);
    return { manifest, size: info.size };
  } catch {
    return null;
  }
}
