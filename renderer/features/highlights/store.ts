/**
 * The open article's highlights, as the reader and its painter see them. Rows are replaced,
 * never mutated, so the painter can tell what changed by reference.
 */
import { create } from 'zustand';
import {
  attachHighlightView,
  loadHighlightDefaults,
  saveHighlightDefaults,
  type HighlightColor,
  type HighlightRow,
  type HighlightStyle,
} from '../../core/highlights';
import { messages } from '../../i18n/messages';
import { toldIfNotStored } from '../../ui/keptWriteNotice';

export type { HighlightStyle } from '../../core/highlights';

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
    // The toolbar shows it at once; a write the database failed is said once (and kept for the next start).
    toldIfNotStored(messages.writes.highlightDefaults, saveHighlightDefaults(color, style));
  },
  async loadDefaults() {
    const d = await loadHighlightDefaults();
    set({ lastColor: d.color, lastStyle: d.style });
  },
  setLeaderVisible: (leaderVisible) => set({ leaderVisible }),
  setNotice: (text, error = false) => set({ notice: { text, error, at: Date.now() } }),
}));

// The highlights service updates this view first and the database second.
attachHighlightView({
  get: (id) => useHighlights.getState().rows.get(id),
  apply: (rows) => useHighlights.getState().applyRows(rows),
  drop: (id) => useHighlights.getState().dropRow(id),
  ids: () => [...useHighlights.getState().rows.keys()],
  defaults: () => ({ color: useHighlights.getState().lastColor, style: useHighlights.getState().lastStyle }),
  setDefaults: (color, style) => useHighlights.getState().setDefaults(color, style),
  notice: (text, error) => useHighlights.getState().setNotice(text, error),
});
