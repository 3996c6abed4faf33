/**
 * Paints highlights with the CSS Custom Highlight API: one registry entry per
 * layer × colour × style (`yandu-personal-yellow-fill`, …), styled by `::highlight()` rules in
 * styles.css. The article's DOM is never touched. A change of colour or style moves one Range
 * between two entries; nothing else is repainted. Without the API the same entries are painted
 * as wrapped marks (paint.ts); then the stored Ranges go stale, so callers get fresh ones.
 */
import type { HighlightColor, HighlightRow } from '../../core/highlights';
import { placeOf } from '../../core/highlights/place';
import './marks.css';
import { paintFor, type Paint, type PaintEntry, type PaintRegistry } from './paint';
import type { TextMap } from './textMap';

export type Layer = HighlightRow['layer'];

export const LAYERS: readonly Layer[] = ['personal', 'leader'];

export function entryName(layer: Layer, color: HighlightColor, style: HighlightRow['style']): string {
  return `yandu-${layer}-${color}-${style}`;
}

interface Painted {
  row: HighlightRow;
  range: Range;
  name: string;
  start: number;
  end: number;
}

interface Interval {
  start: number;
  end: number;
  id: string;
}

export class HighlightPainter {
  private readonly entries = new Map<string, PaintEntry>();
  private readonly registry: PaintRegistry;
  private readonly painted = new Map<string, Painted>();
  private readonly hidden = new Set<Layer>();
  private rows: ReadonlyMap<string, HighlightRow> = new Map();
  private intervals: Interval[] | null = null;
  private maxEnd: number[] = [];

  constructor(
    private readonly map: TextMap,
    private readonly version: number,
    private readonly paint: Paint = paintFor(map),
  ) {
    this.registry = paint.registry;
  }

  private entry(name: string, layer: Layer): PaintEntry {
    let h = this.entries.get(name);
    if (!h) {
      h = this.paint.create();
      h.priority = layer === 'personal' ? 2 : 1;
      this.entries.set(name, h);
      if (!this.hidden.has(layer)) this.registry.set(name, h);
    }
    return h;
  }

  private paintOne(row: HighlightRow): void {
    const place = placeOf(row, this.map.text, this.version);
    if (!place) return;
    const range = this.map.offsetsToRange(place.start, place.end);
    if (!range) return;
    const name = entryName(row.layer, row.color, row.style);
    this.entry(name, row.layer).add(range);
    this.painted.set(row.id, { row, range, name, ...place });
  }

  private unpaint(id: string): void {
    const p = this.painted.get(id);
    if (!p) return;
    this.entries.get(p.name)?.delete(p.range);
    this.painted.delete(id);
  }

  /** Brings the paint in line with `rows`: only rows that changed (by reference) are touched. */
  sync(rows: ReadonlyMap<string, HighlightRow>): void {
    if (rows === this.rows) return;
    let changed = false;
    for (const [id, old] of this.rows) {
      if (!rows.has(id) && old) {
        this.unpaint(id);
        changed = true;
      }
    }
    for (const [id, row] of rows) {
      const old = this.rows.get(id);
      if (old === row) continue;
      changed = true;
      const p = this.painted.get(id);
      if (p && old && row.selector === old.selector && row.orphan === old.orphan && row.articleVersion === old.articleVersion) {
        // Same place: move the existing Range to its new entry.
        const name = entryName(row.layer, row.color, row.style);
        if (name !== p.name) {
          this.entries.get(p.name)?.delete(p.range);
          this.entry(name, row.layer).add(p.range);
          p.name = name;
        }
        p.row = row;
        continue;
      }
      this.unpaint(id);
      this.paintOne(row);
    }
    this.rows = rows;
    if (changed) this.intervals = null;
  }

  setLayerVisible(layer: Layer, visible: boolean): void {
    if (visible) this.hidden.delete(layer);
    else this.hidden.add(layer);
    for (const [name, h] of this.entries) {
      if (!name.startsWith(`yandu-${layer}-`)) continue;
      if (visible) this.registry.set(name, h);
      else this.registry.delete(name);
    }
  }

  isPainted(id: string): boolean {
    return this.painted.has(id);
  }

  /** A fresh Range over a painted highlight (marks split text nodes, so stored ones may be stale). */
  rangeOf(id: string): Range | null {
    const p = this.painted.get(id);
    return p ? this.map.offsetsToRange(p.start, p.end) : null;
  }

  placeOfPainted(id: string): { start: number; end: number } | null {
    const p = this.painted.get(id);
    return p ? { start: p.start, end: p.end } : null;
  }

  private index(): Interval[] {
    if (this.intervals) return this.intervals;
    const list: Interval[] = [];
    for (const [id, p] of this.painted) {
      if (!this.hidden.has(p.row.layer)) list.push({ start: p.start, end: p.end, id });
    }
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    const maxEnd: number[] = new Array<number>(list.length);
    let m = -1;
    for (let i = 0; i < list.length; i++) {
      m = Math.max(m, list[i]!.end);
      maxEnd[i] = m;
    }
    this.intervals = list;
    this.maxEnd = maxEnd;
    return list;
  }

  /** Ids of painted, visible highlights covering offset, shortest first. */
  hitTest(offset: number, layer?: Layer): string[] {
    const list = this.index();
    // Last interval starting at or before offset.
    let lo = 0;
    let hi = list.length - 1;
    let i = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start <= offset) {
        i = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const hits: Interval[] = [];
    for (; i >= 0 && this.maxEnd[i]! > offset; i--) {
      const it = list[i]!;
      if (it.end > offset && (!layer || this.painted.get(it.id)?.row.layer === layer)) hits.push(it);
    }
    hits.sort((a, b) => a.end - a.start - (b.end - b.start));
    return hits.map((h) => h.id);
  }

  /** Painted ids in reading order. */
  ordered(layer?: Layer): string[] {
    return this.index()
      .filter((it) => !layer || this.painted.get(it.id)?.row.layer === layer)
      .map((it) => it.id);
  }

  dispose(): void {
    for (const [name, h] of this.entries) {
      if (this.registry.get(name) === h) this.registry.delete(name);
    }
    this.entries.clear();
    this.painted.clear();
  }
}
