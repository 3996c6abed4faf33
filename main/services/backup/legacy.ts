/**
 * Reading backups of format version 1 (shared/backup/format.ts LEGACY_BACKUP_VERSION), kept so
 * files of that release still restore; nothing writes this layout any more.
 */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import * as v from 'valibot';
import {
  BACKUP_END,
  BACKUP_HEADER_BYTES,
  BACKUP_MAGIC,
  BACKUP_TRAILER_BYTES,
  LEGACY_BACKUP_VERSION,
  LegacyManifestSchema,
  MAX_MANIFEST_BYTES,
  type LegacyBackupManifest,
} from '../../../shared/backup/format';
import { AppError } from '../../../shared/errors';
import { bad, checkPart, decodeTablePart, readAt, sha256 } from './tables';
import type { OpenedBackup } from './container';

/**
 * Checks a whole backup file: layout, whole-file and manifest hashes, manifest schema, part
 * layout (contiguous, inside the file), each part's hash, and every record of every table
 * against its schema. Throws E_BACKUP_FORMAT / E_BACKUP_HASH on the first problem.
 */
export async function verifyLegacyBackup(path: string): Promise<OpenedBackup> {
  const info = await stat(path).catch(() => null);
  if (!info || !info.isFile()) throw new AppError('E_NOT_FOUND', '找不到该备份文件。');
  const size = info.size;
  if (size < BACKUP_HEADER_BYTES + BACKUP_TRAILER_BYTES) throw bad('文件太短。');
  const handle = await open(path, 'r');
  try {
    const header = await readAt(handle, 0, BACKUP_HEADER_BYTES);
    if (header.subarray(0, 8).toString('latin1') !== BACKUP_MAGIC) throw bad('文件头不对。');
    if (header.readUInt16BE(8) !== LEGACY_BACKUP_VERSION)
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
    const parsed = v.safeParse(LegacyManifestSchema, raw);
    if (!parsed.success) throw bad('目录内容不对。');
    const manifest = parsed.output;
    let expected = BACKUP_HEADER_BYTES;
    const media = new Set<string>();
    const counts: Record<string, number> = {};
    for (const part of manifest.parts) {
      if (part.offset !== expected) throw bad('部件位置不对。');
      expected += part.size;
      checkPart(part, media, counts);
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

const manifestCache = new Map<string, { size: number; mtimeMs: number; manifest: LegacyBackupManifest }>();

/** The manifest of a file that verifyBackup already accepted (cached by size and mtime). */
async function readManifestUnchecked(path: string, size: number): Promise<LegacyBackupManifest> {
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
    const manifest = v.parse(LegacyManifestSchema, JSON.parse(bytes.toString('utf8')));
    manifestCache.set(path, { size: info.size, mtimeMs: info.mtimeMs, manifest });
    if (manifestCache.size > 50) manifestCache.delete(manifestCache.keys().next().value!);
    return manifest;
  } finally {
    await handle.close();
  }
}

/** The manifest only (for listing): layout and manifest hash checked, parts not read. */
export async function readLegacyManifest(path: string): Promise<{ manifest: LegacyBackupManifest; size: number } | null> {
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
