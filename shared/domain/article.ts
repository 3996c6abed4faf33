import * as v from 'valibot';

/** YYYY-MM-DD, the only date form stored for an article's publication date. */
export const IsoDateSchema = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));

const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nullableText = (max: number) => v.nullable(shortText(max));

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
});
export type ArticlePayload = v.InferOutput<typeof ArticlePayloadSchema>;
