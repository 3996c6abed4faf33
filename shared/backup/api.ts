/** The `backup` namespace of the contract: what crosses, with size caps. */
import * as v from 'valibot';
import { BackupEntrySchema, BackupLibrarySchema, BackupReasonSchema, BACKUP_CHUNK_RECORDS, ManifestSchema } from './format';

const Token = v.pipe(v.string(), v.regex(/^[a-z0-9]{16,64}$/));
const TableName = v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/));
const FileName = v.pipe(v.string(), v.minLength(1), v.maxLength(255));
const Keep = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100));
/** 6 MB of file per upload or download call, as base64. */
export const BACKUP_TRANSFER_BYTES = 6 * 1024 * 1024;
const Base64 = v.pipe(v.string(), v.maxLength((BACKUP_TRANSFER_BYTES / 3) * 4), v.regex(/^[A-Za-z0-9+/]*={0,2}$/));
const Offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 42));

/** Where `inspect` reads from: a backup in the backups folder, or a file the user uploaded. */
const RefSchema = v.variant('from', [
  v.strictObject({ from: v.literal('folder'), name: FileName }),
  v.strictObject({ from: v.literal('upload'), token: Token }),
]);

export const InspectResultSchema = v.strictObject({
  /** Names the checked file for readPart and installMedia. */
  handle: Token,
  bytes: v.number(),
  manifest: v.strictObject({
    createdAt: v.string(),
    reason: BackupReasonSchema,
    appVersion: v.string(),
    db: ManifestSchema.entries.db,
    counts: v.record(v.string(), v.number()),
    library: v.optional(BackupLibrarySchema),
  }),
  /** The table parts, in order (media parts are installed by main). */
  tables: v.array(v.strictObject({ index: v.number(), table: v.string(), records: v.number() })),
});
export type InspectResult = v.InferOutput<typeof InspectResultSchema>;

export const backupMethods = {
  /** Starts a backup file; the renderer then sends every table in chunks. */
  begin: {
    input: v.strictObject({
      reason: BackupReasonSchema,
      db: ManifestSchema.entries.db,
      /** The library the records come from (see BackupLibrarySchema). */
      library: v.optional(BackupLibrarySchema),
    }),
    output: v.strictObject({ token: Token }),
  },
  /** One chunk of one table (every record is checked against the table's schema). */
  put: {
    input: v.strictObject({ token: Token, table: TableName, records: v.pipe(v.array(v.unknown()), v.maxLength(BACKUP_CHUNK_RECORDS)) }),
    output: v.strictObject({ parts: v.number() }),
  },
  /** Adds the media folder, writes the manifest, renames the file into place and prunes by the retention policy (`keep` per deliberate reason). */
  finish: { input: v.strictObject({ token: Token, keep: Keep }), output: BackupEntrySchema },
  /** Drops an unfinished backup. */
  abort: { input: v.strictObject({ token: Token }), output: v.strictObject({ aborted: v.boolean() }) },
  /** The backups folder, newest first. */
  list: {
    input: v.strictObject({}),
    output: v.strictObject({ folder: v.string(), entries: v.pipe(v.array(BackupEntrySchema), v.maxLength(1000)) }),
  },
  /** A file the user chose, sent in pieces: start, then `upload` each piece in order. */
  uploadBegin: { input: v.strictObject({ size: v.pipe(Offset, v.minValue(1)) }), output: v.strictObject({ token: Token }) },
  upload: {
    input: v.strictObject({ token: Token, offset: Offset, base64: Base64 }),
    output: v.strictObject({ received: v.number() }),
  },
  /** Checks a whole file (format, hashes, every record); restores nothing. */
  inspect: { input: v.strictObject({ ref: RefSchema }), output: InspectResultSchema },
  /** The records of one table part of a checked file. */
  readPart: {
    input: v.strictObject({ handle: Token, index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
    output: v.strictObject({ table: v.string(), records: v.array(v.unknown()) }),
  },
  /**
   * Stores the images of a checked file in the media folder, and puts back the originals its
   * articles name (documents/…) from the backups folder's store, each verified by its hash
   * (content-addressed: never overwrites). An original that cannot be put back is counted, not an error.
   */
  installMedia: {
    input: v.strictObject({ handle: Token }),
    output: v.strictObject({ images: v.number(), originals: v.optional(v.number()), originalsMissing: v.optional(v.number()) }),
  },
  /** A piece of a backup file, for saving it elsewhere (下载备份). */
  download: {
    input: v.strictObject({ name: FileName, offset: Offset }),
    output: v.strictObject({ base64: v.string(), size: v.number(), next: v.nullable(v.number()) }),
  },
} as const;
