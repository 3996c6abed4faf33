/** The search match in the reader, painted with the CSS Custom Highlight API (`yandu-search`). */
export const SEARCH_MARK_ENTRY = 'yandu-search';

export function markSearchMatch(range: Range | null): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (!range) {
    CSS.highlights.delete(SEARCH_MARK_ENTRY);
    return;
  }
  const h = new Highlight(range);
  h.priority = 4;
  CSS.highlights.set(SEARCH_MARK_ENTRY, h);
}
