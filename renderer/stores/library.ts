/**
 * The library list's view state: rows (metadata only) kept sorted by the chosen column, the
 * filter and reading progress. Rows follow the library feed by delta: a sync batch of 20
 * articles moves 20 rows into place in the sorted list instead of sorting the whole library.
 */
import { create } from 'zustand';
import { libraryFeed, type LibraryDelta, type LibraryRow, type LibrarySnapshot } from '../core/library';

export type SortKey = 'title' | 'origin' | 'column' | 'date';
export type SortDir = 'asc' | 'desc';

interface LibraryState {
  /** Every row by id. */
  rows: ReadonlyMap<string, LibraryRow>;
  /** Every row, sorted by `sortKey`/`sortDir` (not filtered). */
  sorted: readonly LibraryRow[];
  progress: ReadonlyMap<string, number>;
  loaded: boolean;
  sortKey: SortKey;
  sortDir: SortDir;
  filter: string;
  /** Starts following the library; resolves once the first rows are in. */
  follow(): Promise<void>;
  setSort(key: SortKey): void;
  setFilter(filter: string): void;
}

let following: Promise<void> | null = null;

export const useLibrary = create<LibraryState>((set, get) => {
  const onDelta = (delta: LibraryDelta, snapshot: LibrarySnapshot) => {
    const { sorted, sortKey, sortDir } = get();
    set({
      rows: snapshot.rows,
      sorted: mergeSorted(sorted, delta.upserted, delta.removed, sortKey, sortDir),
      ...(delta.progress ? { progress: delta.progress } : {}),
    });
  };
  return {
    rows: new Map(),
    sorted: [],
    progress: new Map(),
    loaded: false,
    sortKey: 'date',
    sortDir: 'desc',
    filter: '',
    follow() {
      following ??= (async () => {
        libraryFeed.subscribe(onDelta);
        await libraryFeed.start();
        const { rows, progress } = libraryFeed.snapshot();
        const { sortKey, sortDir } = get();
        set({ rows, progress, sorted: sortRows([...rows.values()], sortKey, sortDir), loaded: true });
      })();
      return following;
    },
    setSort(key) {
      const { sortKey, sortDir, rows } = get();
      const next: Pick<LibraryState, 'sortKey' | 'sortDir'> =
        key === sortKey
          ? { sortKey, sortDir: sortDir === 'asc' ? 'desc' : 'asc' }
          : { sortKey: key, sortDir: key === 'date' ? 'desc' : 'asc' };
      set({ ...next, sorted: sortRows([...rows.values()], next.sortKey, next.sortDir) });
    },
    setFilter: (filter) => set({ filter }),
  };
});

const collator = new Intl.Collator('zh-CN-u-co-pinyin');

/** The local calendar day (yyyy-mm-dd) of an ISO time: the date an undated import shows and sorts by. */
export function importDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function sortValue(row: LibraryRow, key: SortKey): string {
  switch (key) {
    case 'title':
      return row.title;
    case 'origin':
      return row.origin ?? '';
    case 'column':
      return row.placement ?? row.column ?? '';
    case 'date':
      // Undated imports sort by the day they were imported (shown so, with a mark), not to the bottom.
      return row.publishedAt ?? importDay(row.addedAt);
  }
}

/** The list's order: the column, then the title by pinyin, then the id (so equal rows have one place). */
export function comparator(key: SortKey, dir: SortDir): (a: LibraryRow, b: LibraryRow) => number {
  const sign = dir === 'asc' ? 1 : -1;
  return (a, b) => {
    // ISO dates order by code unit; other columns by pinyin.
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    const primary = key === 'date' ? (va < vb ? -1 : va > vb ? 1 : 0) : collator.compare(va, vb);
    if (primary !== 0) return primary * sign;
    return collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}

export function sortRows(rows: LibraryRow[], key: SortKey, dir: SortDir): LibraryRow[] {
  return rows.sort(comparator(key, dir));
}

/**
 * A sorted list with some rows replaced, added or removed, still sorted: the changed rows are
 * sorted among themselves and each placed by binary search; the rest is copied, not compared.
 */
export function mergeSorted(
  sorted: readonly LibraryRow[],
  upserted: readonly LibraryRow[],
  removed: readonly string[],
  key: SortKey,
  dir: SortDir,
): LibraryRow[] {
  if (!upserted.length && !removed.length) return sorted as LibraryRow[];
  const gone = new Set(removed);
  for (const row of upserted) gone.add(row.id);
  const kept = sorted.filter((r) => !gone.has(r.id));
  const cmp = comparator(key, dir);
  const incoming = [...upserted].sort(cmp);
  const out: LibraryRow[] = [];
  let from = 0;
  for (const row of incoming) {
    let lo = from;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(kept[mid]!, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i++) out.push(kept[i]!);
    out.push(row);
    from = lo;
  }
  for (let i = from; i < kept.length; i++) out.push(kept[i]!);
  return out;
}

/** Rows that match every term of the filter across title, 来源, 栏目 and source. */
export function filterRows(rows: readonly LibraryRow[], filter: string): readonly LibraryRow[] {
  const terms = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return rows;
  return rows.filter((r) => {
    const hay = `${r.title}\n${r.origin ?? ''}\n${r.column ?? ''}\n${r.sourceName}\n${r.placement ?? ''}`.toLowerCase();
    return terms.every((t) => hay.includes(t));
  });
}

/** Filtered and sorted rows; pure so it is unit-tested. */
export function visibleRows(rows: readonly LibraryRow[], filter: string, key: SortKey, dir: SortDir): LibraryRow[] {
  return [...filterRows(sortRows([...rows], key, dir), filter)];
}
