/** Sources (来源) and what sync remembers of them, as stored. */
import * as v from 'valibot';
import { CountField, IdField, IsoField, nullableText, text } from './fields';
import { AttachmentFetchSchema, SourceKindSchema } from './sync';

const ScheduleSchema = v.object({
  mode: v.picklist(['manual', 'startup', 'interval']),
  hours: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
});

/** A configured source (来源): a CMS column, a feed or a local folder. */
export const SourceRowSchema = v.object({
  id: IdField,
  kind: SourceKindSchema,
  /** List page or feed URL, or a folder path. */
  location: text(4096),
  name: text(2000),
  /** 栏目 label given to its articles. */
  column: nullableText(2000),
  schedule: ScheduleSchema,
  enabled: v.boolean(),
  /**
   * Origins (http(s)://host[:port]) this source may also fetch from, as the user added them (an
   * image or attachment server). Absent in rows written before it existed: none. Not indexed.
   */
  allowedHosts: v.optional(v.pipe(v.array(text(4096)), v.maxLength(1000))),
  /** A column's first sync: its newest list pages (the sync setting) or the whole column. Absent: newest. */
  firstSync: v.optional(v.picklist(['newest', 'all'])),
  createdAt: IsoField,
  lastSyncAt: v.nullable(IsoField),
  lastError: nullableText(10_000),
  counts: v.object({
    articles: CountField,
    /** New to this source in the last run (new to the library, or `joined`). */
    added: CountField,
    /** Of `added`, articles the library already held (another source listed them first). Absent before v5. */
    joined: v.optional(CountField),
    updated: CountField,
    unchanged: CountField,
    failed: CountField,
  }),
});
export type SourceRow = v.InferOutput<typeof SourceRowSchema>;

/** What sync remembers of each fetched page: validators for conditional requests. */
export const FetchStateRowSchema = v.object({
  urlKey: text(4096),
  sourceId: IdField,
  etag: nullableText(4096),
  lastModified: nullableText(200),
  contentHash: nullableText(128),
  checkedAt: IsoField,
  /** The address the page was asked at, when it is not its key (FetchedPageSchema.href). Not indexed. */
  href: v.optional(text(4096)),
  /** The page answered 404/410 this many times in a row (absent: it answered). Not indexed. */
  failures: v.optional(CountField),
  /** Not asked again before this time (backoff). Not indexed. */
  retryAt: v.optional(IsoField),
  /** An attachment that was not stored: failed (with its backoff) or over the size cap. Not indexed. */
  attachment: v.optional(AttachmentFetchSchema),
});
export type FetchStateRow = v.InferOutput<typeof FetchStateRowSchema>;

export const SyncLogRowSchema = v.object({
  id: v.optional(CountField),
  sourceId: IdField,
  at: IsoField,
  level: v.picklist(['info', 'warning', 'error']),
  url: nullableText(4096),
  code: nullableText(200),
  message: text(10_000),
});
export type SyncLogRow = v.InferOutput<typeof SyncLogRowSchema>;
