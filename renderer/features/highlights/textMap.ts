/**
 * Maps between the article's DOM and offsets in its stored plain text.
 *
 * The stored text is the article body's element children's textContent joined by "\n": one
 * line per block. The map is built once per rendered article (one walk over its text nodes)
 * and then answers both ways with binary searches:
 *   - a DOM boundary point (node, offset) → a UTF-16 offset in the text;
 *   - [start, end) → a DOM Range, for painting.
 * Where highlights are painted with wrapped marks (no CSS Custom Highlight API, see paint.ts) the
 * marks split text nodes but never change the text: the painter calls `markDomChanged(root)` and
 * every map over that root re-walks its text nodes on next use, so offsets stay the same.
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
  /** Offset → a DOM boundary point; 'start' prefers the next node at a node edge, 'end' the previous one. */
  offsetToPoint(offset: number, side: 'start' | 'end'): { node: Text; offset: number } | null;
}

// Bumped by the mark painter each time it splits or merges text nodes under a root.
const generations = new WeakMap<Element, number>();

export function markDomChanged(root: Element): void {
  generations.set(root, (generations.get(root) ?? 0) + 1);
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

/** The mapped text nodes of root in order, with the offset of each one's first character. */
export function collectTextNodes(root: Element): { nodes: Text[]; starts: number[]; blockStarts: number[]; text: string } {
  const nodes: Text[] = [];
  const starts: number[] = [];
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
  return { nodes, starts, blockStarts, text: parts.join('\n') };
}

export function buildTextMap(root: Element): TextMap {
  let nodes: Text[] = [];
  let starts: number[] = [];
  let ends: number[] = [];
  let indexOf = new Map<Text, number>();
  let generation = -1;
  const first = collectTextNodes(root);
  const { text, blockStarts } = first;
  const doc = root.ownerDocument;

  function adopt(walk: { nodes: Text[]; starts: number[] }): void {
    nodes = walk.nodes;
    starts = walk.starts;
    ends = nodes.map((n, i) => starts[i]! + n.data.length);
    indexOf = new Map();
    nodes.forEach((n, i) => indexOf.set(n, i));
    generation = generations.get(root) ?? 0;
  }
  adopt(first);

  /** Re-walks the text nodes after marks were wrapped or removed (same text, other nodes). */
  function current(): void {
    if ((generations.get(root) ?? 0) !== generation) adopt(collectTextNodes(root));
  }

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

  function pointToOffset(node: Node, offset: number): number {
    current();
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
    current();
    let i = lastAtOrBelow(starts, offset);
    if (i < 0) i = 0;
    // Past this node's end (the "\n" or an empty node): move to the next node's start.
    while (i < nodes.length - 1 && offset >= ends[i]!) i++;
    const node = nodes[i];
    if (!node) return null;
    return { node, offset: Math.max(0, Math.min(offset - starts[i]!, node.data.length)) };
  }

  function locateEnd(offset: number): { node: Text; offset: number } | null {
    current();
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

  function offsetToPoint(offset: number, side: 'start' | 'end'): { node: Text; offset: number } | null {
    if (!(offset >= 0 && offset <= text.length)) return null;
    return side === 'start' ? locateStart(offset) : locateEnd(offset);
  }

  return { text, root, blockStarts, pointToOffset, rangeToOffsets, offsetsToRange, blockAt, offsetToPoint };
}
