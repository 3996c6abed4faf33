/**
 * Sync data that crosses the contract: sources, what the renderer already knows, the batches
 * main streams back, progress and log lines. The renderer owns the library (IndexedDB); main
 * only fetches and extracts, and never decides what is stored.
 */
import * as v from 'valibot';
import { ArticlePayloadSchema, AttachmentSchema } from './article';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const SourceKindSchema = v.picklist(['cms', 'feed', 'folder']);
export type SourceKind = v.InferOutput<typeof SourceKindSchema>;

export const SourceSpecSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,64}$/i)),
  kind: SourceKindSchema,
  /** List page or feed URL (http/https), or an absolute folder path. */
  location: text(2048),
  name: text(200),
  column: v.nullable(text(200)),
  /**
   * More origins (http(s)://host[:port]) this source may fetch from besides its own, as the
   * user added them (an image or attachment server). Nothing else is ever asked.
   */
  allowedHosts: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(300), v.regex(/^https?:\/\/[^\s/?#@]+\/?$/i))), v.maxLength(20))),
});
export type SourceSpec = v.InferOutput<typeof SourceSpecSchema>;

/**
 * A page that answered 404/410: how many times in a row, and not to be asked again before
 * `retryAt` (backoff of 1, 2, 4… days, capped). Absent for a page that answered.
 */
const MissingFields = {
  failures: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
  retryAt: v.optional(v.pipe(v.string(), v.maxLength(40))),
};

/**
 * An attachment that was not stored: its downloads or imports failed `failures` times in a row
 * (not asked again before `retryAt`: the next sync, then after 1, 2, 4… days), or it is over the
 * size cap (`tooLarge`: not asked again by itself). A stopped sync is no failure: it records nothing.
 */
export const AttachmentFetchSchema = v.strictObject({
  failures: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
  retryAt: v.pipe(v.string(), v.maxLength(40)),
  tooLarge: v.optional(v.literal(true)),
});
export type AttachmentFetch = v.InferOutput<typeof AttachmentFetchSchema>;

/** What the library already holds for one URL key: lets main skip, ask conditionally, or stop. */
export const KnownPageSchema = v.strictObject({
  urlKey: text(2048),
  etag: v.nullable(text(512)),
  lastModified: v.nullable(text(128)),
  contentHash: v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
  /** The article's date, when the library has it: recent ones are asked again for corrections. */
  publishedAt: v.optional(v.nullable(text(40))),
  /** The address the page was last asked at, when it is not its key (see FetchedPageSchema). */
  href: v.optional(text(2048)),
  ...MissingFields,
  /**
   * A known article's attachment links: the run fetches the ones not stored yet (missing after a
   * stopped sync, or failed and due again) even when the article itself is unchanged.
   */
  attachments: v.optional(v.pipe(v.array(AttachmentSchema), v.maxLength(50))),
  /** This key is an attachment that was not stored (see AttachmentFetchSchema). */
  attachment: v.optional(AttachmentFetchSchema),
});
export type KnownPage = v.InferOutput<typeof KnownPageSchema>;

export const SyncRequestSchema = v.strictObject({
  runId: v.pipe(v.string(), v.regex(/^[a-z0-9_-]{4,64}$/i)),
  source: SourceSpecSchema,
  known: v.pipe(v.array(KnownPageSchema), v.maxLength(200_000)),
  /** Walk every list page instead of stopping at known articles. */
  fullRescan: v.boolean(),
  /** List pages per routine sync (a full re-scan ignores it). */
  maxPages: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
  /** Delay between requests to one host, ms. */
  delayMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60_000)),
});
export type SyncRequest = v.InferOutput<typeof SyncRequestSchema>;

/** Validators remembered for a fetched page (also for unchanged ones, to refresh checkedAt). */
export const FetchedPageSchema = v.strictObject({
  urlKey: text(2048),
  etag: v.nullable(text(512)),
  lastModified: v.nullable(text(128)),
  contentHash: v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
  /**
   * The address the page was asked at, when it is not its key: a server need not answer the
   * canonical form (`/col/` for `/col/index.shtml`, a reordered signed query), so a page asked
   * again with no list page showing it is asked as it was linked.
   */
  href: v.optional(text(2048)),
  ...MissingFields,
  /** An attachment that was not stored (absent: stored or unchanged). */
  attachment: v.optional(AttachmentFetchSchema),
});
export type FetchedPage = v.InferOutput<typeof FetchedPageSchema>;

/** A batch: written by the renderer in one transaction, then acknowledged. */
export const SyncBatchSchema = v.strictObject({
  runId: text(64),
  sourceId: text(64),
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  articles: v.pipe(v.array(ArticlePayloadSchema), v.maxLength(100)),
  pages: v.pipe(v.array(FetchedPageSchema), v.maxLength(1000)),
});
export type SyncBatch = v.InferOutput<typeof SyncBatchSchema>;

export const SyncPhaseSchema = v.picklist(['starting', 'listing', 'fetching', 'done', 'failed', 'cancelled']);

export const SyncCountsSchema = v.strictObject({
  pages: v.pipe(v.number(), v.integer(), v.minValue(0)),
  found: v.pipe(v.number(), v.integer(), v.minValue(0)),
  fetched: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Sent to the renderer (new or changed text). */
  sent: v.pipe(v.number(), v.integer(), v.minValue(0)),
  unchanged: v.pipe(v.number(), v.integer(), v.minValue(0)),
  failed: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type SyncCounts = v.InferOutput<typeof SyncCountsSchema>;

export const SyncProgressSchema = v.strictObject({
  runId: text(64),
  sourceId: text(64),
  phase: SyncPhaseSchema,
  counts: SyncCountsSchema,
  /** Articles still to fetch, when known. */
  remaining: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  message: v.nullable(text(500)),
});
export type SyncProgress = v.InferOutput<typeof SyncProgressSchema>;

export const SyncLogEntrySchema = v.strictObject({
  runId: text(64),
  sourceId: text(64),
  level: v.picklist(['info', 'warning', 'error']),
  url: v.nullable(text(2048)),
  code: v.nullable(text(64)),
  message: text(1000),
});
export type SyncLogEntry = v.InferOutput<typeof SyncLogEntrySchema>;

/** "试抓取": what the first list page or feed yields, before a source is saved. */
export const SourcePreviewSchema = v.strictObject({
  kind: SourceKindSchema,
  title: v.nullable(text(500)),
  items: v.pipe(
    v.array(v.strictObject({ url: text(2048), title: text(500), publishedAt: v.nullable(text(10)), pinned: v.boolean() })),
    v.maxLength(200),
  ),
  pageCount: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /**
   * The first article as extraction reads it (issue 16): optional, so a host without it still
   * answers within the contract. `error` says why it could not be read; the rest is then empty.
   */
  firstArticle: v.optional(
    v.strictObject({
      url: text(2048),
      title: text(500),
      publishedAt: v.nullable(text(10)),
      origin: v.nullable(text(200)),
      /** Characters of body text. */
      chars: v.pipe(v.number(), v.integer(), v.minValue(0)),
      /** 0–1: how sure the extractor is that the body is the whole article and nothing else. */
      confidence: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
      error: v.nullable(text(500)),
    }),
  ),
});
export type SourcePreview = v.InferOutput<typeof SourcePreviewSchema>;

/** Below this extraction confidence a page is flagged (sync log, 试抓取) and a referee is asked. */
export const LOW_EXTRACT_CONFIDENCE = 0.8;
