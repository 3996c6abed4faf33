/** Where a stored highlight lies on an article's text: one rule for the reader's painter and for print. */
import type { HighlightRow } from '../../db/schema';

/** Where a row may be painted on this text, or null (orphan, pending re-anchoring, or stale). */
export function placeOf(row: HighlightRow, text: string, version: number): { start: number; end: number } | null {
  if (row.orphan || row.articleVersion !== version) return null;
  const { start, end, exact } = row.selector;
  if (!(start >= 0 && end <= text.length && start < end)) return null;
  if (text.slice(start, end) !== exact) return null;
  return { start, end };
}
