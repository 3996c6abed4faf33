/**
 * The backup file (备份文件, `.yandubak`): every user table of the library (IndexedDB) plus the
 * media folder, in THE container of packets and backups (shared/container/zip.ts): a ZIP of
 * stored entries, `tables/NNNNNN.json.gz` (gzip of a JSON array of records), `media/<sha256>.<ext>`
 * and `manifest.json` last (ManifestSchema: what each entry is, its size and SHA-256), sealed by
 * a SHA-256 of every byte. Written and checked by main (main/services/backup), filled and
 * restored by the renderer (renderer/core/backup).
 *
 * Format version 1 (a layout of its own, see LegacyManifestSchema) is still read.
 */
import * as v from 'valibot';
import { DEFAULT_BACKUP_KEEP, LibraryMetaSchema } from '../domain/settings';

/** The manifest's version: 2 since the one container; 1 was the layout below. */
export const BACKUP_FORMAT_VERSION = 2;
/**
 * Format version 1, read only: a 16-byte header ("YANDUBK\n", u16 BE version 1, zeros), the parts
 * back to back, the manifest JSON, and a 76-byte trailer (u32 BE manifest length, SHA-256 of the
 * manifest, SHA-256 of every byte before the trailer, "YANDUEND").
 */
export const LEGACY_BACKUP_VERSION = 1;
export const BACKUP_MAGIC = 'YANDUBK\n';
export const BACKUP_END = 'YANDUEND';
export const BACKUP_HEADER_BYTES = 16;
export const BACKUP_TRAILER_BYTES = 4 + 32 + 32 + 8;
export const BACKUP_EXTENSION = '.yandubak';
/** Most records the renderer sends (or asks for) in one call, and most JSON bytes of one part. */
export const BACKUP_CHUNK_RECORDS = 2000;
export const BACKUP_CHUNK_BYTES = 8 * 1024 * 1024;
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
/** Parts besides the manifest (the container holds at most 65,535 entries). */
export const MAX_BACKUP_PARTS = 65_534;
export { DEFAULT_BACKUP_KEEP };

/**
 * Why a backup was taken. `auto`: continuous, after changes settle, before quitting and before
 * a bulk change (a sync run, a multi-file import); `daily`: the first start of a day; the rest
 * are taken before something that replaces data (upgrade, packet import, restore) or by hand.
 */
export const BackupReasonSchema = v.picklist(['manual', 'daily', 'upgrade', 'packet', 'restore', 'auto']);
export type BackupReason = v.InferOutput<typeof BackupReasonSchema>;

/**
 * THE retention policy of <dataDir>/backups, applied by main after every backup it writes.
 * Each reason is its own rolling set, so frequent backups never push out rarer ones:
 * the last 10 `auto`, the last 7 `daily`, and the last `keep` (the user's setting,
 * 保留最近的备份份数) of each of manual, upgrade, packet and restore.
 */
export const BACKUP_RETENTION: Readonly<Record<'auto' | 'daily', number>> = { auto: 10, daily: 7 };

export function retainedCount(reason: BackupReason, keep: number): number {
  return reason === 'auto' || reason === 'daily' ? BACKUP_RETENTION[reason] : keep;
}

/** The reason a backup file name carries (see backupFileName), or null for a name not ours. */
export function reasonOfFile(name: string): BackupReason | null {
  if (!BACKUP_FILE_RE.test(name)) return null;
  const m = /Z-([a-z]+)(?:-\d{1,3})?\.yandubak$/.exec(name);
  return m && v.is(BackupReasonSchema, m[1]) ? m[1] : null;
}

/** Which of these backup files the policy drops: the oldest beyond each reason's count. */
export function backupsToPrune(names: readonly string[], keep: number): string[] {
  const byReason = new Map<BackupReason, string[]>();
  for (const name of names) {
    const reason = reasonOfFile(name);
    if (!reason) continue;
    const list = byReason.get(reason) ?? [];
    list.push(name);
    byReason.set(reason, list);
  }
  const drop: string[] = [];
  for (const [reason, list] of byReason) {
    // Names start with a UTC stamp: sorted is oldest first.
    list.sort();
    drop.push(...list.slice(0, Math.max(0, list.length - retainedCount(reason, keep))));
  }
  return drop.sort();
}

/** Tables never backed up: the search index is derived from the library and rebuilt after a restore. */
export const DERIVED_TABLES: readonly string[] = ['searchDocs', 'searchPostings', 'searchPending'];

const Sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const TableName = v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/));
export const MEDIA_NAME_RE = /^[0-9a-f]{64}\.(?:png|jpe?g|gif|webp)$/;
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 40));

const PartSize = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(64 * 1024 * 1024 + 2 * 1024 * 1024));

/** One entry of a backup besides the manifest. */
export const PartSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('table'),
    entry: v.pipe(v.string(), v.regex(/^tables\/\d{6}\.json\.gz$/)),
    table: TableName,
    records: Count,
    size: PartSize,
    sha256: Sha256,
  }),
  v.strictObject({
    kind: v.literal('media'),
    name: v.pipe(v.string(), v.regex(MEDIA_NAME_RE)),
    size: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(64 * 1024 * 1024)),
    sha256: Sha256,
  }),
]);
export type BackupPartEntry = v.InferOutput<typeof PartSchema>;

/** A part of format version 1: located by offset. */
export const LegacyPartSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('table'),
    table: TableName,
    records: Count,
    offset: Count,
    size: Count,
    sha256: Sha256,
  }),
  v.strictObject({
    kind: v.literal('media'),
    name: v.pipe(v.string(), v.regex(MEDIA_NAME_RE)),
    offset: Count,
    size: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(64 * 1024 * 1024)),
    sha256: Sha256,
  }),
]);

/** A part as the services use it, whichever format it came from. */
export type BackupPart =
  | { kind: 'table'; table: string; records: number; size: number; sha256: string }
  | { kind: 'media'; name: string; size: number; sha256: string };

/**
 * Which library a backup was taken from (absent in backups written before continuous backups):
 * a random id given to every library at creation, a revision raised by every backup, the
 * library's last change, and how many articles it holds beyond the bundled samples. Start-up
 * compares these with its own library to decide whether to offer a restore.
 */
export const BackupLibrarySchema = v.strictObject({
  ...LibraryMetaSchema.entries,
  userArticles: Count,
});
export type BackupLibrary = v.InferOutput<typeof BackupLibrarySchema>;

const ManifestFields = {
  format: v.literal('yandu-backup'),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  reason: BackupReasonSchema,
  appVersion: v.pipe(v.string(), v.maxLength(40)),
  db: v.strictObject({
    name: v.pipe(v.string(), v.maxLength(80)),
    /** Dexie version number (verno) of the database the records were read from. */
    schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
    /** Dexie store declarations of that version, so an older backup can be upgraded on restore. */
    stores: v.record(TableName, v.pipe(v.string(), v.maxLength(1000))),
  }),
  counts: v.record(TableName, Count),
  library: v.optional(BackupLibrarySchema),
};

export const ManifestSchema = v.strictObject({
  ...ManifestFields,
  version: v.literal(BACKUP_FORMAT_VERSION),
  parts: v.pipe(v.array(PartSchema), v.maxLength(MAX_BACKUP_PARTS)),
});
export type BackupManifest = v.InferOutput<typeof ManifestSchema>;

export const LegacyManifestSchema = v.strictObject({
  ...ManifestFields,
  version: v.literal(LEGACY_BACKUP_VERSION),
  parts: v.pipe(v.array(LegacyPartSchema), v.maxLength(100_000)),
});
export type LegacyBackupManifest = v.InferOutput<typeof LegacyManifestSchema>;

/** A checked manifest as the services use it, whichever format it came from. */
export type BackupManifestInfo = Omit<BackupManifest, 'version' | 'parts'> & { version: number; parts: BackupPart[] };

/** One backup as listed in 数据与备份. */
export const BackupEntrySchema = v.strictObject({
  name: v.pipe(v.string(), v.maxLength(255)),
  bytes: Count,
  createdAt: v.string(),
  reason: BackupReasonSchema,
  schemaVersion: v.number(),
  counts: v.record(v.string(), v.number()),
  library: v.optional(BackupLibrarySchema),
});
export type BackupEntry = v.InferOutput<typeof BackupEntrySchema>;

/** File names main gives backups: backup-<UTC stamp>-<reason>[-n].yandubak. */
export const BACKUP_FILE_RE = /^backup-\d{8}T\d{6}(?:\d{3})?Z-(?:manual|daily|upgrade|packet|restore|auto)(?:-\d{1,3})?\.yandubak$/;

export function backupFileName(date: Date, reason: BackupReason): string {
  const stamp = date.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `backup-${stamp}-${reason}${BACKUP_EXTENSION}`;
}
