/**
 * Maps between the article's DOM and offsets in its stored plain text.
 *
 * The stored text is the article body's element children's textContent joined by "\n": one
 * line per block. The map is built once per rendered article (one walk over its text nodes)
 * and then answers both ways with binary searches:
 *   - a DOM boundary point (node, offset) → a UTF-16 offset in the text;
 *   - [start, end) → a DOM Range, for painting.
 */

export interface BoundaryRange {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

export interface TextMap {
  /** The text the DOM spells, which must equal the stored text. */
  readonly text: string;
  readonly root: Element;
  /** Offset of each block's first character (one per element child of the root). */
  readonly blockStarts: readonly number[];
  /** A DOM boundary point → offset in the text; points outside the root clamp to 0 or the end. */
  pointToOffset(node: Node, offset: number): number;
  /** A selection range → [start, end), trimmed of surrounding whitespace; null when empty. */
  rangeToOffsets(range: BoundaryRange): { start: number; end: number } | null;
  /** [start, end) → a live Range over the DOM, or null for an empty or out-of-bounds span. */
  offsetsToRange(start: number, end: number): Range | null;
  /** Index of the block that holds offset. */
  blockAt(offset: number): number;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const FOLLOWING = 4;
const CONTAINED_BY = 16;

function collectText(node: Node, nodes: Text[], starts: number[], pos: number): number {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      const len = (child as Text).data.length;
      nodes.push(child as Text);
      starts.push(pos);
      pos += len;
    } else if (child.nodeType === ELEMENT_NODE) {
      pos = collectText(child, nodes, starts, pos);
    }
  }
  return pos;
}

/** Last index i with xs[i] <= x, or -1. */
function lastAtOrBelow(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function isSpace(code: number): boolean {
  return code === 0x0a || code === 0x20 || code === 0x09 || code === 0x0d || code === 0x3000 || code === 0xa0;
}

export function buildTextMap(root: Element): TextMap {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const blockStarts: number[] = [];
  const parts: string[] = [];
  let pos = 0;
  const blocks = root.children;
  for (let b = 0; b < blocks.length; b++) {
    if (b > 0) pos += 1; // the "\n" between blocks
    blockStarts.push(pos);
    const block = blocks[b]!;
    const first = nodes.length;
    pos = collectText(block, nodes, starts, pos);
    let line = '';
    for (let i = first; i < nodes.length; i++) line += nodes[i]!.data;
    parts.push(line);
  }
  for (let i = 0; i < nodes.length; i++) ends.push(starts[i]! + nodes[i]!.data.length);
  const text = parts.join('\n');
  const doc = root.ownerDocument;

  /** Index of the first text node at or after a point given as "before `ref`" / "after `ref`". */
  function firstTextFrom(isAtOrAfter: (t: Text) => boolean): number {
    let lo = 0;
    let hi = nodes.length - 1;
    let found = nodes.length;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (isAtOrAfter(nodes[mid]!)) {
        found = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return found;
  }

  const indexOf = new Map<Text, number>();
  nodes.forEach((n, i) => indexOf.set(n, i));

  function pointToOffset(node: Node, offset: number): number {
    if (nodes.length === 0) return 0;
    if (node.nodeType === TEXT_NODE) {
      const i = indexOf.get(node as Text);
      if (i !== undefined) return starts[i]! + Math.min(offset, (node as Text).data.length);
      // A text node we do not map (outside the body, or between blocks).
      const after = offset > 0;
      const j = firstTextFrom((t) => {
        const p = node.compareDocumentPosition(t);
        return (p & FOLLOWING) !== 0 || (!after && t === node);
      });
      return j < nodes.length ? starts[j]! : text.length;
    }
    const child = node.childNodes[offset];
    let j: number;
    if (child) {
      j = firstTextFrom((t) => t === child || (child.compareDocumentPosition(t) & (FOLLOWING | CONTAINED_BY)) !== 0);
    } else {
      // After the last child of `node`: the first text node that follows it and is not inside it.
      j = firstTextFrom((t) => {
        const p = node.compareDocumentPosition(t);
        return (p & FOLLOWING) !== 0 && (p & CONTAINED_BY) === 0;
      });
    }
    if (j >= nodes.length) return text.length;
    // A point just after a block's last text lies at that block's end, not at the next line.
    if (j > 0 && !child) {
      const prev = j - 1;
      if ((node.compareDocumentPosition(nodes[prev]!) & CONTAINED_BY) !== 0) return ends[prev]!;
    }
    return starts[j]!;
  }

  function rangeToOffsets(range: BoundaryRange): { start: number; end: number } | null {
    let start = pointToOffset(range.startContainer, range.startOffset);
    let end = pointToOffset(range.endContainer, range.endOffset);
    if (end < start) [start, end] = [end, start];
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    return end > start ? { start, end } : null;
  }

  function locateStart(offset: number): { node: Text; offset: number } | null {
    let i = lastAtOrBelow(starts, offset);
    if (i < 0) i = 0;
    // Past this node's end (the "\n" or an empty node): move to the next node's start.
    while (i < nodes.length - 1 && offset >= ends[i]!) i++;
    const node = nodes[i];
    if (!node) return null;
    return { node, offset: Math.max(0, Math.min(offset - starts[i]!, node.data.length)) };
  }

  function locateEnd(offset: number): { node: Text; offset: number } | null {
    let i = lastAtOrBelow(starts, offset);
    if (i < 0) i = 0;
    // At a node's very start: end inside the previous node instead.
    while (i > 0 && offset <= starts[i]!) i--;
    const node = nodes[i];
    if (!node) return null;
    return { node, offset: Math.max(0, Math.min(offset - starts[i]!, node.data.length)) };
  }

  function offsetsToRange(start: number, end: number): Range | null {
    if (!(start >= 0 && end <= text.length && start < end)) return null;
    const a = locateStart(start);
    const b = locateEnd(end);
    if (!a || !b) return null;
    const range = doc.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  }

  function blockAt(offset: number): number {
    return Math.max(0, lastAtOrBelow(blockStarts, offset));
  }

  return { text, root, blockStarts, pointToOffset, rangeToOffsets, offsetsToRange, blockAt };
}
