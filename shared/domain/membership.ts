/**
 * Memberships (since database v5): an article belongs to every source (and 栏目) that lists
 * it. A second source or a feed over articles already in the library adds memberships; it never
 * moves an article to another source or 栏目.
 */
import * as v from 'valibot';
import { IdField, IsoField, text } from './fields';

export const MembershipRowSchema = v.object({
  articleId: IdField,
  sourceId: IdField,
  /** The source's 栏目 label, '' when it has none (a compound key cannot hold null). */
  column: text(2000),
  /** The source's name when the membership was last written (shown; sources can be renamed). */
  sourceName: text(2000),
  addedAt: IsoField,
});
export type MembershipRow = v.InferOutput<typeof MembershipRowSchema>;

/** The membership an article row itself names (its first source), as the v5 upgrade derives it. */
export function membershipOf(article: {
  id: string;
  sourceId: string;
  sourceName: string;
  column: string | null;
  addedAt: string;
}): MembershipRow {
  return {
    articleId: article.id,
    sourceId: article.sourceId,
    column: article.column ?? '',
    sourceName: article.sourceName,
    addedAt: article.addedAt,
  };
}

/**
 * Every membership of an article as one line, in the order they were added: "来源A·栏目1；来源B".
 * Null for one membership or none: the article's own 来源 and 栏目 say it all.
 */
export function placementLabel(
  memberships: readonly Pick<MembershipRow, 'sourceName' | 'column' | 'addedAt' | 'sourceId'>[],
): string | null {
  if (memberships.length < 2) return null;
  const ordered = [...memberships].sort((a, b) =>
    a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.sourceId < b.sourceId ? -1 : 1,
  );
  return ordered
    .map((m) => (m.column ? `${m.sourceName}·${m.column}` : m.sourceName))
    .join('；')
    .slice(0, 2000);
}
