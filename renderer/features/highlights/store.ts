/**
 * The open article's highlights, as the reader and its painter see them. Rows are replaced,
 * never mutated, so the painter can tell what changed by reference.
 */
import * as v from 'valibot';
import { create } from 'zustand';
import { SETTINGS } from '../../../shared/domain/settings';
import { settings } from '../../db';
import type { HighlightColor, HighlightRow } from '../../db/schema';

export type HighlightStyle = HighlightRow['style'];

const DefaultsSchema = SETTINGS.highlightDefaults.schema;
const DEFAULTS_KEY = 'highlightDefaults';

interface HighlightsState {
  articleId: string | null;
  rows: ReadonlyMap<string, HighlightRow>;
  /** The highlight whose popover is open (or that keys act on). */
  activeId: string | null;
  lastColor: HighlightColor;
  lastStyle: HighlightStyle;
  leaderVisible: boolean;
  notice: { text: string; error: boolean; at: number } | null;
  setArticle(articleId: string | null, rows: readonly HighlightRow[]): void;
  /** Adds or replaces rows of the open article; rows of other articles are ignored. */
  applyRows(rows: readonly HighlightRow[]): void;
  dropRow(id: string): void;
  setActive(id: string | null): void;
  setDefaults(color: HighlightColor, style: HighlightStyle): void;
  loadDefaults(): Promise<void>;
  setLeaderVisible(visible: boolean): void;
  setNotice(text: string, error?: boolean): void;
}

export const useHighlights = create<HighlightsState>((set, get) => ({
  articleId: null,
  rows: new Map(),
  activeId: null,
  lastColor: 'yellow',
  lastStyle: 'fill',
  leaderVisible: true,
  notice: null,
  setArticle: (articleId, rows) => set({ articleId, rows: new Map(rows.map((r) => [r.id, r])), activeId: null }),
  applyRows(rows) {
    const { articleId } = get();
    const mine = rows.filter((r) => r.articleId === articleId);
    if (!mine.length) return;
    const next = new Map(get().rows);
    for (const r of mine) next.set(r.id, r);
    set({ rows: next });
  },
  dropRow(id) {
    if (!get().rows.has(id)) return;
    const next = new Map(get().rows);
    next.delete(id);
    set({ rows: next, activeId: get().activeId === id ? null : get().activeId });
  },
  setActive: (activeId) => set({ activeId }),
  setDefaults(color, style) {
    if (color === get().lastColor && style === get().lastStyle) return;
    set({ lastColor: color, lastStyle: style });
    void settings.set(DEFAULTS_KEY, DefaultsSchema, { color, style });
  },
  async loadDefaults() {
    const fallback: v.InferOutput<typeof DefaultsSchema> = { color: 'yellow', style: 'fill' };
    const d = await settings.get(DEFAULTS_KEY, DefaultsSchema, fallback);
    set({ lastColor: d.color, lastStyle: d.style });
  },
  setLeaderVisible: (leaderVisible) => set({ leaderVisible }),
  setNotice: (text, error = false) => set({ notice: { text, error, at: Date.now() } }),
}));
