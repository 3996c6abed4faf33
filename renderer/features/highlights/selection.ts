/** The user's selection in the article, as text offsets, and a click point as an offset. */
import type { TextMap } from './textMap';

export interface SelectionSpan {
  start: number;
  end: number;
}

/** The current (non-empty) selection inside the article, or null. */
export function selectionInArticle(map: TextMap): SelectionSpan | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const root = map.root;
  if (!root.contains(range.startContainer) && !root.contains(range.endContainer)) return null;
  return map.rangeToOffsets(range);
}

interface CaretPoint {
  node: Node;
  offset: number;
}

function caretAt(x: number, y: number): CaretPoint | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

function contains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1;
}

/**
 * The offset of the character under (x, y), or null when the point is not on text. The caret
 * lands between characters: the character before or after it is the one actually under the point.
 */
export function charOffsetAt(map: TextMap, x: number, y: number): number | null {
  const caret = caretAt(x, y);
  if (!caret || !map.root.contains(caret.node)) return null;
  const offset = map.pointToOffset(caret.node, caret.offset);
  for (const o of [offset, offset - 1]) {
    if (o < 0 || o >= map.text.length || map.text.charCodeAt(o) === 0x0a) continue;
    const r = map.offsetsToRange(o, o + 1);
    if (!r) continue;
    for (const rect of r.getClientRects()) if (contains(rect, x, y)) return o;
  }
  return null;
}
