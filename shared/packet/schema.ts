/**
 * What a packet (学习资料包) and a return file (学习成果回执) hold, as valibot schemas: the
 * same schemas check a file on import and the data a host is asked to write.
 */
import * as v from 'valibot';
import { ArticlePayloadSchema, IsoDateSchema } from '../domain/article';
import { HighlightColorSchema, HighlightStyleSchema } from '../domain/highlight';
import { SessionStatusSchema } from '../domain/session';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Sha256Schema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
export const PacketIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{4,80}$/));
const RowIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,80}$/));
const IsoTimeSchema = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp());
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000_000));

export const PACKET_FORMAT = 'yandu-packet';
export const PACKET_FORMAT_VERSION = 1;
export const MAX_ARTICLES = 500;
export const MAX_IMAGES = 1000;
export const MAX_HIGHLIGHTS = 5000;
export const MAX_JSON_BYTES = 12 * 1024 * 1024;

export const PartEntrySchema = v.strictObject({
  name: text(120),
  size: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(16 * 1024 * 1024)),
  sha256: Sha256Schema,
});
export type PartEntry = v.InferOutput<typeof PartEntrySchema>;

export const ManifestSchema = v.strictObject({
  format: v.literal(PACKET_FORMAT),
  formatVersion: v.literal(PACKET_FORMAT_VERSION),
  kind: v.picklist(['packet', 'return']),
  /** Stable across re-issues of the same packet. */
  id: PacketIdSchema,
  /** 1, 2, …: a 勘误 re-issue has a higher number and replaces the older one. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000)),
  issuer: text(200),
  issuedAt: IsoTimeSchema,
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  /** Every other part, in container order, with its size and SHA-256. */
  parts: v.pipe(v.array(PartEntrySchema), v.maxLength(2000)),
  /** SHA-256 of the whole content: of the lines "name\tsize\tsha256\n" of every part, in order. */
  wholeSha256: Sha256Schema,
});
export type Manifest = v.InferOutput<typeof ManifestSchema>;

export { SessionStatusSchema };

/** A study session (一次集中学习) as it travels in a packet. */
export const PacketSessionSchema = v.strictObject({
  id: RowIdSchema,
  topic: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
  date: IsoDateSchema,
  place: text(200),
  host: text(100),
  speakers: v.pipe(v.array(text(100)), v.maxLength(50)),
  readings: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9_-]{4,80}$/i))), v.maxLength(MAX_ARTICLES)),
  questions: v.pipe(v.array(text(1000)), v.maxLength(50)),
  status: SessionStatusSchema,
});
export type PacketSession = v.InferOutput<typeof PacketSessionSchema>;

export { HighlightColorSchema };

export const SelectorSchema = v.strictObject({
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)),
  prefix: text(500),
  suffix: text(500),
  start: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2_000_000)),
  end: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2_000_000)),
});

/** One 重点摘编: a leader's highlight with a comment. */
export const LeaderHighlightSchema = v.strictObject({
  id: RowIdSchema,
  articleId: v.pipe(v.string(), v.regex(/^[a-z0-9_-]{4,80}$/i)),
  color: HighlightColorSchema,
  style: HighlightStyleSchema,
  selector: SelectorSchema,
  comment: v.nullable(text(10_000)),
  tags: v.pipe(v.array(text(40)), v.maxLength(20)),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type LeaderHighlight = v.InferOutput<typeof LeaderHighlightSchema>;

export const LeaderLayerSchema = v.strictObject({
  highlights: v.pipe(v.array(LeaderHighlightSchema), v.maxLength(MAX_HIGHLIGHTS)),
});

export const PacketArticleSchema = ArticlePayloadSchema;
export type PacketArticle = v.InferOutput<typeof PacketArticleSchema>;

export const ImageNameSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}\.(?:png|jpg|gif|webp|bmp)$/));

/**
 * The original of a document article as it travels (`documents/<sha256>.<ext>`, the article's
 * `document.file`): an optional part, one per distinct original, named by its content hash.
 */
export const OriginalFileSchema = v.pipe(v.string(), v.regex(/^documents\/[0-9a-f]{64}\.(?:pdf|doc|wps|ofd|docx)$/));
export const MAX_ORIGINALS = MAX_ARTICLES;

export const PacketMetaSchema = v.strictObject({
  id: PacketIdSchema,
  version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000)),
  issuer: text(200),
  issuedAt: IsoTimeSchema,
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
});
export type PacketMeta = v.InferOutput<typeof PacketMetaSchema>;

/** What the renderer hands main to write a packet (images are read from the media folder). */
export const PacketDraftSchema = v.strictObject({
  meta: PacketMetaSchema,
  session: PacketSessionSchema,
  articles: v.pipe(v.array(PacketArticleSchema), v.minLength(1), v.maxLength(MAX_ARTICLES)),
  highlights: v.pipe(v.array(LeaderHighlightSchema), v.maxLength(MAX_HIGHLIGHTS)),
});
export type PacketDraft = v.InferOutput<typeof PacketDraftSchema>;

export const ReturnNoteSchema = v.strictObject({
  id: RowIdSchema,
  kind: v.picklist(['note', 'outline', 'reflection']),
  title: text(500),
  text: text(500_000),
  zi: Count,
  articleId: v.nullable(text(80)),
  quote: v.nullable(text(20_000)),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type ReturnNote = v.InferOutput<typeof ReturnNoteSchema>;

export const ReturnHighlightSchema = v.strictObject({
  id: RowIdSchema,
  articleId: text(80),
  exact: text(20_000),
  comment: v.nullable(text(10_000)),
  color: HighlightColorSchema,
  createdAt: IsoTimeSchema,
});

/** 学习成果回执: what one member wrote for one session. */
export const ReturnBodySchema = v.strictObject({
  sessionId: RowIdSchema,
  sessionTopic: text(300),
  packetId: v.nullable(PacketIdSchema),
  packetVersion: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  member: v.strictObject({ name: v.pipe(v.string(), v.minLength(1), v.maxLength(100)), title: text(100) }),
  notes: v.pipe(v.array(ReturnNoteSchema), v.maxLength(5000)),
  highlights: v.pipe(v.array(ReturnHighlightSchema), v.maxLength(MAX_HIGHLIGHTS)),
});
export type ReturnBody = v.InferOutput<typeof ReturnBodySchema>;

export const ReturnDraftSchema = v.strictObject({
  meta: PacketMetaSchema,
  body: ReturnBodySchema,
});
export type ReturnDraft = v.InferOutput<typeof ReturnDraftSchema>;

export { Sha256Schema };
