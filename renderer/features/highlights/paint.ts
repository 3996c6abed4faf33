/**
 * Where painted ranges go: the CSS Custom Highlight API when the browser has it (Chromium 105+),
 * otherwise wrapped marks. Browsers the browser host meets on 信创 PCs (Chromium 8x–104,
 * Firefox ESR 115) lack the API, so there the same registry calls wrap the covered text in
 * `<span class="yandu-mark" data-entry="…">` elements, styled like the `::highlight()` rules
 * (marks.css).
 *
 * The marks live only in the rendered article: they are removed and rebuilt as a whole on each
 * change (batched to one microtask), never read back as HTML, and never change the text, so
 * offsets from the text map stay valid (the map re-walks its text nodes after each repaint,
 * see `markDomChanged`). Ranges handed to a mark entry are turned into offsets at once; a
 * selection in the article is carried across a repaint by its offsets.
 */
import { collectTextNodes, markDomChanged, type TextMap } from './textMap';

/** The part of `Highlight` the app uses. */
export interface PaintEntry {
  priority: number;
  add(range: Range): unknown;
  delete(range: Range): boolean;
  readonly size: number;
}

/** The part of `HighlightRegistry` the app uses. */
export interface PaintRegistry {
  set(name: string, entry: PaintEntry): unknown;
  delete(name: string): boolean;
  get(name: string): PaintEntry | undefined;
}

export interface Paint {
  readonly kind: 'native' | 'marks';
  readonly registry: PaintRegistry;
  create(...ranges: Range[]): PaintEntry;
}

/** True when the CSS Custom Highlight API is there to paint with. */
export function hasHighlightApi(): boolean {
  return (
    typeof CSS !== 'undefined' &&
    'highlights' in CSS &&
    typeof (CSS as { highlights?: unknown }).highlights === 'object' &&
    typeof (globalThis as { Highlight?: unknown }).Highlight === 'function'
  );
}

const native: Paint | null = hasHighlightApi()
  ? {
      kind: 'native',
      registry: CSS.highlights as unknown as PaintRegistry,
      create: (...ranges: Range[]) => new Highlight(...ranges),
    }
  : null;

const surfaces = new WeakMap<Element, MarkSurface>();

/** The paint for the article a text map covers. */
export function paintFor(map: TextMap): Paint {
  if (native) return native;
  let surface = surfaces.get(map.root);
  if (!surface) {
    surface = new MarkSurface(map);
    surfaces.set(map.root, surface);
  }
  return surface;
}

export const MARK_CLASS = 'yandu-mark';

interface Span {
  start: number;
  end: number;
}

class MarkEntry implements PaintEntry {
  priority = 0;
  readonly spans = new Map<Range, Span>();

  constructor(private readonly surface: MarkSurface) {}

  add(range: Range): this {
    const span = this.surface.spanOf(range);
    if (span && !this.spans.has(range)) {
      this.spans.set(range, span);
      this.surface.changed(this);
    }
    return this;
  }

  delete(range: Range): boolean {
    const had = this.spans.delete(range);
    if (had) this.surface.changed(this);
    return had;
  }

  get size(): number {
    return this.spans.size;
  }
}

interface Layer {
  name: string;
  /** Index of the span within its entry: marks of one span share it. */
  index: number;
  priority: number;
  order: number;
}

// Text directly inside these may only be whitespace between cells or items: never wrapped.
const NO_WRAP_PARENTS = new Set(['TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'COLGROUP', 'UL', 'OL', 'DL', 'SELECT']);

export class MarkSurface implements Paint, PaintRegistry {
  readonly kind = 'marks' as const;
  readonly registry: PaintRegistry = this;
  private readonly entries = new Map<string, MarkEntry>();
  private scheduled = false;

  constructor(private readonly map: TextMap) {}

  // An arrow: callers destructure `{ registry, create }` as they do for the native paint.
  readonly create = (...ranges: Range[]): PaintEntry => {
    const entry = new MarkEntry(this);
    for (const r of ranges) entry.add(r);
    return entry;
  };

  set(name: string, entry: PaintEntry): this {
    if (!(entry instanceof MarkEntry)) throw new TypeError('not a mark entry');
    this.entries.set(name, entry);
    this.schedule();
    return this;
  }

  delete(name: string): boolean {
    const had = this.entries.delete(name);
    if (had) this.schedule();
    return had;
  }

  get(name: string): PaintEntry | undefined {
    return this.entries.get(name);
  }

  /** A live range → offsets, read now (before a repaint moves its text nodes). */
  spanOf(range: Range): Span | null {
    const start = this.map.pointToOffset(range.startContainer, range.startOffset);
    const end = this.map.pointToOffset(range.endContainer, range.endOffset);
    return end > start ? { start, end } : null;
  }

  changed(entry: MarkEntry): void {
    for (const e of this.entries.values()) {
      if (e === entry) {
        this.schedule();
        return;
      }
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.repaint();
    });
  }

  /** Paints now (normally batched to a microtask). */
  repaint(): void {
    const root = this.map.root;
    const doc = root.ownerDocument;
    const selection = doc.getSelection();
    let kept: { anchor: number; focus: number } | null = null;
    // While the user types in a field elsewhere (the find bar) the document selection is not theirs.
    const active = doc.activeElement as HTMLElement | null;
    const typing = !!active && !root.contains(active) && (/^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) || active.isContentEditable);
    if (!typing && selection && selection.rangeCount > 0 && selection.anchorNode && selection.focusNode) {
      if (root.contains(selection.anchorNode) && root.contains(selection.focusNode)) {
        kept = {
          anchor: this.map.pointToOffset(selection.anchorNode, selection.anchorOffset),
          focus: this.map.pointToOffset(selection.focusNode, selection.focusOffset),
        };
      }
    }
    unwrapMarks(root);
    markDomChanged(root);
    wrapMarks(root, this.layers());
    markDomChanged(root);
    if (kept && selection) {
      const forward = kept.anchor <= kept.focus;
      const a = this.map.offsetToPoint(kept.anchor, forward ? 'start' : 'end');
      const f = this.map.offsetToPoint(kept.focus, forward ? 'end' : 'start');
      if (a && f) selection.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
    }
  }

  private layers(): { span: Span; layer: Layer }[] {
    const out: { span: Span; layer: Layer }[] = [];
    let order = 0;
    for (const [name, entry] of this.entries) {
      let index = 0;
      for (const span of entry.spans.values()) out.push({ span, layer: { name, index: index++, priority: entry.priority, order } });
      order++;
    }
    return out;
  }
}

/** Removes every mark under root and merges the text nodes they split. */
export function unwrapMarks(root: Element): void {
  const marks = root.querySelectorAll(`span.${MARK_CLASS}`);
  if (marks.length === 0) return;
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  for (const p of parents) if (p.isConnected || root.contains(p)) p.normalize();
}

/** Wraps the text each span covers; overlapping spans nest, the highest priority innermost. */
export function wrapMarks(root: Element, items: readonly { span: Span; layer: Layer }[]): void {
  if (items.length === 0) return;
  // Elementary segments between all span edges, each with the layers covering it.
  const edges = [...new Set(items.flatMap((i) => [i.span.start, i.span.end]))].sort((a, b) => a - b);
  const byStart = [...items].sort((a, b) => a.span.start - b.span.start);
  const segments: { start: number; end: number; layers: Layer[] }[] = [];
  let active: { span: Span; layer: Layer }[] = [];
  let next = 0;
  for (let e = 0; e < edges.length - 1; e++) {
    const start = edges[e]!;
    const end = edges[e + 1]!;
    active = active.filter((i) => i.span.end > start);
    while (next < byStart.length && byStart[next]!.span.start <= start) {
      if (byStart[next]!.span.end > start) active.push(byStart[next]!);
      next++;
    }
    if (active.length === 0) continue;
    const layers = active.map((i) => i.layer).sort((a, b) => a.priority - b.priority || a.order - b.order);
    segments.push({ start, end, layers });
  }
  const { nodes, starts } = collectTextNodes(root);
  const doc = root.ownerDocument;
  let s = 0;
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    const nodeStart = starts[n]!;
    const nodeEnd = nodeStart + node.data.length;
    if (nodeEnd === nodeStart || NO_WRAP_PARENTS.has(node.parentNode?.nodeName ?? '')) continue;
    while (s < segments.length && segments[s]!.end <= nodeStart) s++;
    const pieces: { a: number; b: number; layers: Layer[] }[] = [];
    for (let k = s; k < segments.length && segments[k]!.start < nodeEnd; k++) {
      const seg = segments[k]!;
      pieces.push({ a: Math.max(seg.start, nodeStart) - nodeStart, b: Math.min(seg.end, nodeEnd) - nodeStart, layers: seg.layers });
    }
    // Right to left, so the part still to split is always the original node.
    for (let p = pieces.length - 1; p >= 0; p--) {
      const piece = pieces[p]!;
      if (piece.b < node.data.length) node.splitText(piece.b);
      const target = piece.a > 0 ? node.splitText(piece.a) : node;
      wrapText(doc, target, piece.layers);
    }
  }
}

function wrapText(doc: Document, text: Text, layers: readonly Layer[]): void {
  const parent = text.parentNode;
  if (!parent) return;
  let outer: HTMLElement | null = null;
  let inner: HTMLElement | null = null;
  for (const layer of layers) {
    const el = doc.createElement('span');
    el.className = MARK_CLASS;
    el.dataset.entry = layer.name;
    el.dataset.range = String(layer.index);
    if (inner) inner.appendChild(el);
    else outer = el;
    inner = el;
  }
  if (!outer || !inner) return;
  parent.insertBefore(outer, text);
  inner.appendChild(text);
}
