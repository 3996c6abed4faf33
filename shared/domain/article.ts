import * as v from 'valibot';
import { BIG_TEXT, CountField, FiniteField, IdField, IsoField, nullableText as nullableStored, text } from './fields';

/** YYYY-MM-DD, the only date form stored for an article's publication date. */
export const IsoDateSchema = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));

const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nullableText = (max: number) => v.nullable(shortText(max));

/** Where a page of a paged document (PDF, OFD) starts: an offset into the article's `text`. */
export const PageMarkerSchema = v.strictObject({
  page: v.pipe(v.number(), v.integer(), v.minValue(1)),
  offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type PageMarker = v.InferOutput<typeof PageMarkerSchema>;

/**
 * An article read from a document file: its format, the original kept in the data folder
 * (`documents/<sha256>.<ext>`, relative to it), and for paged formats the page markers, which
 * live beside the text so citations can say 第 N 页 without the text carrying them.
 */
export const DocumentInfoSchema = v.strictObject({
  format: v.picklist(['pdf', 'doc', 'wps', 'ofd', 'docx']),
  /** The file's name as the user had it. */
  name: shortText(255),
  file: v.nullable(v.pipe(v.string(), v.regex(/^documents\/[0-9a-f]{64}\.(?:pdf|doc|wps|ofd|docx)$/))),
  pageCount: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  pages: v.nullable(v.pipe(v.array(PageMarkerSchema), v.maxLength(5000))),
  /** 文号 of a 公文, when the document states one. */
  docNumber: nullableText(100),
  /** A PDF without a text layer: its text only says so. */
  scanned: v.boolean(),
  /** For a synced attachment: the URL key of the article that links to it. */
  attachmentOf: v.optional(shortText(2048)),
});
export type DocumentInfo = v.InferOutput<typeof DocumentInfoSchema>;

/** A document an article page links to as an attachment (附件). */
export const AttachmentSchema = v.strictObject({
  url: shortText(2048),
  name: shortText(255),
  ext: v.picklist(['pdf', 'doc', 'docx', 'wps', 'ofd', 'xls', 'xlsx', 'zip']),
});
export type AttachmentLink = v.InferOutput<typeof AttachmentSchema>;

/**
 * One article as it crosses the contract: metadata, sanitised HTML and the plain text that
 * annotations are anchored to (block texts joined by "\n").
 */
export const ArticlePayloadSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9_-]{4,80}$/i)),
  urlKey: shortText(2048),
  url: nullableText(2048),
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  publishedAt: v.nullable(IsoDateSchema),
  origin: nullableText(200),
  author: nullableText(200),
  editor: nullableText(200),
  column: nullableText(200),
  sourceId: shortText(200),
  sourceName: shortText(200),
  html: shortText(5_000_000),
  text: shortText(2_000_000),
  contentHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  /** Only for articles read from a document file (optional: older payloads have none). */
  document: v.optional(DocumentInfoSchema),
  /** The attachments a synced page links to (each readable one also arrives as its own article). */
  attachments: v.optional(v.pipe(v.array(AttachmentSchema), v.maxLength(50))),
});
export type ArticlePayload = v.InferOutput<typeof ArticlePayloadSchema>;

/** What the library list needs: small rows, no body text. */
export const ArticleRowSchema = v.object({
  id: IdField,
  /** Current version number (since schema v2; 1 for the first text seen). */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** ISO time of the last change of text by sync (since v2), null if never updated. */
  updatedAt: v.nullable(IsoField),
  urlKey: text(4096),
  url: nullableStored(4096),
  title: text(2000),
  publishedAt: nullableStored(40),
  origin: nullableStored(2000),
  author: nullableStored(2000),
  editor: nullableStored(2000),
  column: nullableStored(2000),
  sourceId: IdField,
  sourceName: text(2000),
  /** 字 count of the text. */
  zi: CountField,
  contentHash: text(128),
  /** ISO time the article entered the library. */
  addedAt: IsoField,
  /** Read from a document file (PDF, .doc, .wps, OFD, .docx): its original and page markers. Not indexed. */
  document: v.optional(DocumentInfoSchema),
  /** The attachments (附件) a synced page links to. Not indexed. */
  attachments: v.optional(v.pipe(v.array(AttachmentSchema), v.maxLength(50))),
  /**
   * Every source·栏目 the article belongs to, as shown ("来源A·栏目1；来源B"), when more than one
   * (since v5; kept in step with the memberships table by whoever writes it). Absent: just its own.
   */
  placement: v.optional(v.nullable(text(2000))),
});
export type ArticleRow = v.InferOutput<typeof ArticleRowSchema>;

/** The heavy part, read only when an article is opened. */
export const ArticleBodyRowSchema = v.object({
  articleId: IdField,
  /** Sanitised HTML, one element per block. */
  html: text(BIG_TEXT),
  /** Plain text, blocks joined by "\n": what annotations are anchored to. */
  text: text(BIG_TEXT),
});
export type ArticleBodyRow = v.InferOutput<typeof ArticleBodyRowSchema>;

/** Per-article reading state. Written only by the reader, never by sync. */
export const ReadingRowSchema = v.object({
  articleId: IdField,
  /** Index of the block at the top of the viewport. */
  block: CountField,
  /** How far into that block (0–1) the viewport top is. */
  offset: FiniteField,
  /** 0–1 of the whole article, for the list's progress display. */
  progress: FiniteField,
  updatedAt: IsoField,
});
export type ReadingRow = v.InferOutput<typeof ReadingRowSchema>;

/** An older text of an article, kept when sync stores a changed version (已更新). */
export const VersionRowSchema = v.object({
  articleId: IdField,
  /** 1 for the first text seen; the current text is articles.version. */
  version: CountField,
  html: text(BIG_TEXT),
  text: text(BIG_TEXT),
  contentHash: text(128),
  /** ISO time this version was replaced. */
  replacedAt: IsoField,
});
export type VersionRow = v.InferOutput<typeof VersionRowSchema>;
