/**
 * The backup file (备份文件, `.yandubak`): every user table of the library (IndexedDB) plus the
 * media folder, in one versioned, hashed container. Written and checked by main
 * (main/services/backup), filled and restored by the renderer (renderer/features/backup).
 *
 *   header   16 bytes  "YANDUBK\n", u16 BE format version, 6 reserved zero bytes
 *   parts    the stored bytes of each part, back to back, in manifest order
 *            (table parts: gzip of a JSON array of records; media parts: the image bytes)
 *   manifest UTF-8 JSON (ManifestSchema): what each part is, its offset, size and SHA-256
 *   trailer  76 bytes: u32 BE manifest length, SHA-256 of the manifest, SHA-256 of every byte
 *            before the trailer, "YANDUEND"
 *
 * The manifest comes last so main can write the file as a stream (to a temporary name that is
 * renamed only when complete), and every part is hashed on its own and the whole file again.
 */
import * as v from 'valibot';

export const BACKUP_MAGIC = 'YANDUBK\n';
export const BACKUP_END = 'YANDUEND';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_HEADER_BYTES = 16;
export const BACKUP_TRAILER_BYTES = 4 + 32 + 32 + 8;
export const BACKUP_EXTENSION = '.yandubak';
/** Most records the renderer sends (or asks for) in one call, and most JSON bytes of one part. */
export const BACKUP_CHUNK_RECORDS = 2000;
export const BACKUP_CHUNK_BYTES = 8 * 1024 * 1024;
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
export const MAX_BACKUP_PARTS = 100_000;
/** Default number of backups kept in <dataDir>/backups. */
export const DEFAULT_BACKUP_KEEP = 10;

export const BackupReasonSchema = v.picklist(['manual', 'daily', 'upgrade', 'packet', 'restore']);
export type BackupReason = v.InferOutput<typeof BackupReasonSchema>;

/** Tables never backed up: the search index is derived from the library and rebuilt after a restore. */
export const DERIVED_TABLES: readonly string[] = ['searchDocs', 'searchPostings', 'searchPending'];

const Sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const TableName = v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/));
export const MEDIA_NAME_RE = /^[0-9a-f]{64}\.(?:png|jpe?g|gif|webp)$/;
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 40));

export const PartSchema = v.variant('kind', [
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
export type BackupPart = v.InferOutput<typeof PartSchema>;

export const ManifestSchema = v.strictObject({
  format: v.literal('yandu-backup'),
  version: v.literal(BACKUP_FORMAT_VERSION),
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
  parts: v.pipe(v.array(PartSchema), v.maxLength(MAX_BACKUP_PARTS)),
});
export type BackupManifest = v.InferOutput<typeof ManifestSchema>;

/** One backup as listed in 数据与备份. */
export const BackupEntrySchema = v.strictObject({
  name: v.pipe(v.string(), v.maxLength(255)),
  bytes: Count,
  createdAt: v.string(),
  reason: BackupReasonSchema,
  schemaVersion: v.number(),
  counts: v.record(v.string(), v.number()),
});
export type BackupEntry = v.InferOutput<typeof BackupEntrySchema>;

/** File names main gives backups: backup-<UTC stamp>-<reason>[-n].yandubak. */
export const BACKUP_FILE_RE = /^backup-\d{8}T\d{6}(?:\d{3})?Z-(?:manual|daily|upgrade|packet|restore)(?:-\d{1,3})?\.yandubak$/;

export function backupFileName(date: Date, reason: BackupReason): string {
  const stamp = date.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `backup-${stamp}-${reason}${BACKUP_EXTENSION}`;
}
