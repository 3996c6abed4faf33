/** Search UI state: the query, filters, sort, results and the index rebuild's progress. */
import { create } from 'zustand';
import type { SearchFilters } from '../../../shared/search/query';
import { compactSearch, rebuildSearch, runSearch, type SearchResponse, type SearchSort } from '../../core/search';

export const SEARCH_DEBOUNCE_MS = 150;

interface SearchState {
  query: string;
  filters: SearchFilters;
  sort: SearchSort;
  open: boolean;
  /** Bumped by Ctrl+K: the box focuses and selects. */
  focusToken: number;
  busy: boolean;
  result: SearchResponse | null;
  /** The query, filters and sort `result` answers (it may lag behind the box while typing). */
  resultKey: string;
  error: string | null;
  rebuild: { running: boolean; done: number; total: number };
  /** Compaction started from settings (background upkeep runs without showing here). */
  compact: { running: boolean; done: number; total: number; error: string | null };
  setQuery(query: string): void;
  setFilters(patch: Partial<SearchFilters>): void;
  clearFilters(): void;
  setSort(sort: SearchSort): void;
  setOpen(open: boolean): void;
  focus(): void;
  run(): Promise<void>;
  /** The result for what the box holds now: the shown one if current, else searched at once. */
  current(): Promise<SearchResponse | null>;
  /** True when `result` answers what the box holds now and no search is waiting to run. */
  isCurrent(): boolean;
  startRebuild(fresh: boolean): Promise<void>;
  startCompact(): Promise<void>;
}

let timer: ReturnType<typeof setTimeout> | null = null;
let seq = 0;

function keyOf(s: Pick<SearchState, 'query' | 'filters' | 'sort'>): string {
  return JSON.stringify([s.query, s.filters, s.sort]);
}

export const useSearch = create<SearchState>((set, get) => {
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void get().run();
    }, SEARCH_DEBOUNCE_MS);
  };
  return {
    query: '',
    filters: {},
    sort: 'relevance',
    open: false,
    focusToken: 0,
    busy: false,
    result: null,
    resultKey: '',
    error: null,
    rebuild: { running: false, done: 0, total: 0 },
    compact: { running: false, done: 0, total: 0, error: null },
    setQuery(query) {
      set({ query, open: true });
      schedule();
    },
    setFilters(patch) {
      const next = { ...get().filters, ...patch };
      for (const k of Object.keys(next) as (keyof SearchFilters)[])
        if (next[k] === undefined || next[k] === '' || next[k] === false) delete next[k];
      set({ filters: next });
      schedule();
    },
    clearFilters() {
      set({ filters: {} });
      schedule();
    },
    setSort(sort) {
      set({ sort });
      schedule();
    },
    setOpen: (open) => set({ open }),
    focus: () => set({ focusToken: get().focusToken + 1, open: true }),
    async run() {
      const mine = ++seq;
      const { query, filters, sort } = get();
      const key = keyOf({ query, filters, sort });
      set({ busy: true });
      try {
        const result = await runSearch(query, { filters, sort });
        if (mine === seq) set({ result, resultKey: key, error: null, busy: false });
      } catch (error) {
        console.error(error);
        if (mine === seq) set({ error: error instanceof Error ? error.message : String(error), busy: false });
      }
    },
    isCurrent: () => get().result !== null && get().resultKey === keyOf(get()) && !timer,
    async current() {
      const key = keyOf(get());
      if (get().isCurrent()) return get().result;
      if (timer) clearTimeout(timer);
      timer = null;
      await get().run();
      return get().resultKey === key ? get().result : null;
    },
    async startRebuild(fresh) {
      if (get().rebuild.running && !fresh) return;
      set({ rebuild: { running: true, done: 0, total: 0 } });
      try {
        await rebuildSearch(fresh, (p) => set({ rebuild: { running: true, ...p } }));
      } finally {
        set({ rebuild: { ...get().rebuild, running: false } });
        if (get().query) void get().run();
      }
    },
    async startCompact() {
      if (get().compact.running) return;
      set({ compact: { running: true, done: 0, total: 0, error: null } });
      let error: string | null = null;
      try {
        await compactSearch((p) => set({ compact: { running: true, ...p, error: null } }));
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      } finally {
        set({ compact: { ...get().compact, running: false, error } });
      }
    },
  };
});
