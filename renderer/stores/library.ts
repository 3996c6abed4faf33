/** The library list: rows in memory (metadata only), with sort and filter. */
import { create } from 'zustand';
import { articles, reading } from '../db';
import type { ArticleRow } from '../db/schema';

export type SortKey = 'title' | 'origin' | 'column' | 'date';
export type SortDir = 'asc' | 'desc';

interface LibraryState {
  rows: ArticleRow[];
  progress: Map<string, number>;
  loaded: boolean;
  sortKey: SortKey;
  sortDir: SortDir;
  filter: string;
  load(): Promise<void>;
  setSort(key: SortKey): void;
  setFilter(filter: string): void;
  setProgress(articleId: string, progress: number): void;
}

export const useLibrary = create<LibraryState>((set, get) => ({
  rows: [],
  progress: new Map(),
  loaded: false,
  sortKey: 'date',
  sortDir: 'desc',
  filter: '',
  async load() {
    const [rows, states] = await Promise.all([articles.listRows(), reading.all()]);
    set({ rows, progress: new Map(states.map((s) => [s.articleId, s.progress])), loaded: true });
  },
  setSort(key) {
    const { sortKey, sortDir } = get();
    set(key === sortKey ? { sortDir: sortDir === 'asc' ? 'desc' : 'asc' } : { sortKey: key, sortDir: key === 'date' ? 'desc' : 'asc' });
  },
  setFilter: (filter) => set({ filter }),
  setProgress(articleId, value) {
    const progress = new Map(get().progress);
    progress.set(articleId, value);
    set({ progress });
  },
}));

const collator = new Intl.Collator('zh-CN-u-co-pinyin');

function sortValue(row: ArticleRow, key: SortKey): string {
  switch (key) {
    case 'title':
      return row.title;
    case 'origin':
      return row.origin ?? '';
    case 'column':
      return row.column ?? '';
    case 'date':
      return row.publishedAt ?? '';
  }
}

/** Filtered and sorted rows; pure so it is unit-tested and memoised by the view. */
export function visibleRows(rows: readonly ArticleRow[], filter: string, key: SortKey, dir: SortDir): ArticleRow[] {
  const terms = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const matched = terms.length
    ? rows.filter((r) => {
        const hay = `${r.title}\n${r.origin ?? ''}\n${r.column ?? ''}\n${r.sourceName}`.toLowerCase();
        return terms.every((t) => hay.includes(t));
      })
    : [...rows];
  const sign = dir === 'asc' ? 1 : -1;
  return matched.sort((a, b) => {
    const primary =
      key === 'date' ? sortValue(a, key).localeCompare(sortValue(b, key)) : collator.compare(sortValue(a, key), sortValue(b, key));
    if (primary !== 0) return primary * sign;
    return collator.compare(a.title, b.title);
  });
}
