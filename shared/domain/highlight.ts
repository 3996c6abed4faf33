/**
 * A highlight as stored, and THE list of highlight colours (toolbar order, keys 1–6).
 * Row schemas (here and in the other domain modules) are plain `v.object`s used to CHECK rows:
 * the row itself is stored, never the parsed output, so keys a later version added survive.
 */
import * as v from 'valibot';
import { CountField, IdField, IsoField, nullableText, TagsField, text } from './fields';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export const HighlightColorSchema = v.picklist(HIGHLIGHT_COLORS);
export type HighlightColor = v.InferOutput<typeof HighlightColorSchema>;

export const HighlightStyleSchema = v.picklist(['fill', 'underline']);
export type HighlightStyle = v.InferOutput<typeof HighlightStyleSchema>;
export const HighlightLayerSchema = v.picklist(['personal', 'leader']);

/** Plain-JSON TextSelector (shared/anchoring) as stored on a highlight. */
export const StoredSelectorSchema = v.object({
  exact: text(20_000_000),
  prefix: text(10_000),
  suffix: text(10_000),
  start: CountField,
  end: CountField,
  /** Optional paragraph fingerprints describe() records (shared/anchoring/paragraphs.ts). */
  para: v.optional(text(64)),
  others: v.optional(v.pipe(v.array(text(64)), v.maxLength(64))),
  twins: v.optional(CountField),
  /** Optional count of the quote's other occurrences in the old text (shared/anchoring/copies.ts). */
  copies: v.optional(CountField),
  copyContext: v.optional(CountField),
  /** Optional look-alikes of the quote in the old text (shared/anchoring/lookalikes.ts). */
  nearErrors: v.optional(CountField),
  nearContext: v.optional(CountField),
  nearWords: v.optional(v.pipe(v.array(text(64)), v.maxLength(64))),
  copyRank: v.optional(CountField),
  /** Optional distance to the quote's nearest other occurrence in the old text (shared/anchoring/farbracket.ts). */
  copyGap: v.optional(CountField),
  paraLength: v.optional(CountField),
  /** Optional pieces of the quote's old paragraph past the context (shared/anchoring/restated.ts). */
  restBefore: v.optional(v.pipe(v.array(text(64)), v.maxLength(16))),
  restAfter: v.optional(v.pipe(v.array(text(64)), v.maxLength(16))),
  /** Optional count of the quote's words elsewhere, marks aside (shared/anchoring/pinned.ts). */
  wordCopies: v.optional(CountField),
  /** Optional count of other old runs of the quote's own-paragraph words (shared/anchoring/ownpara.ts). */
  ownCopies: v.optional(CountField),
  /** rewrittenedge.ts: which edge-rewrite runs the old text held elsewhere too (bits). */
  edgeTwins: v.optional(CountField),
});

/** A highlight on an article's stored text. Written by the user, never by sync. */
export const HighlightRowSchema = v.object({
  id: IdField,
  articleId: IdField,
  /** 'personal' for the user's own; 'leader' for a group leader's 重点摘编 layer. */
  layer: HighlightLayerSchema,
  color: HighlightColorSchema,
  style: HighlightStyleSchema,
  selector: StoredSelectorSchema,
  /** Article version the selector was last placed on. */
  articleVersion: CountField,
  /** True when re-anchoring failed: shown as an orphan, never deleted. */
  orphan: v.boolean(),
  tags: TagsField,
  comment: nullableText(100_000),
  createdAt: IsoField,
  updatedAt: IsoField,
});
export type HighlightRow = v.InferOutput<typeof HighlightRowSchema>;
