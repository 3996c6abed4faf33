/**
 * The search match in the reader, painted as `yandu-search` with the CSS Custom Highlight API
 * (or wrapped marks where the browser lacks it: see highlights/paint.ts).
 */
import { paintFor, type TextMap } from '../highlights';

export const SEARCH_MARK_ENTRY = 'yandu-search';

export function markSearchMatch(map: TextMap, start: number, end: number): void {
  const { registry, create } = paintFor(map);
  const range = map.offsetsToRange(start, end);
  if (!range) {
    registry.delete(SEARCH_MARK_ENTRY);
    return;
  }
  const h = create(range);
  h.priority = 4;
  registry.set(SEARCH_MARK_ENTRY, h);
}
