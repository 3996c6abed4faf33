/**
 * The search service: queries, the index's start-up and upkeep (workers for bulk postings,
 * merging and compaction), rebuilding, and its size for settings. Results are data; views
 * build their links (features/search/links.ts).
 */
import { db } from '../db';
import {
  compactSearchIndex,
  enableSearchMaintenance,
  loadSearchCache,
  mergePending,
  openSearchIndex,
  rebuildSearchIndex,
  searchIndexSize,
  setIndexBuilder,
  setRecordMerger,
} from '../db/searchIndex';
import { search, type SearchOptions, type SearchResponse } from './search/engine';
import { createIndexWorkers } from './search/workerBuilder';

export type { SearchHit, SearchOptions, SearchResponse, SearchSort } from './search/engine';

export const runSearch = (query: string, options: SearchOptions = {}): Promise<SearchResponse> => search(db, query, options);

/**
 * Before anything writes: postings for bulk writes are built in workers, and an index of
 * another format is emptied. Resolves true when the index must be rebuilt in the background.
 */
export async function openSearch(): Promise<boolean> {
  const workers = createIndexWorkers();
  setIndexBuilder(workers?.build ?? null);
  setRecordMerger(workers?.merge ?? null);
  return openSearchIndex(db);
}

/** Pending notes merged and postings compacted once writes settle. */
export const startSearchMaintenance = (): void => enableSearchMaintenance(db);

/** Warms the index's cache (the search box does this when it opens). */
export const warmSearch = (): Promise<unknown> => loadSearchCache(db);

export const rebuildSearch = (fresh: boolean, onProgress: (p: { done: number; total: number }) => void): Promise<unknown> =>
  rebuildSearchIndex(db, { fresh, onProgress });

export async function compactSearch(onProgress: (p: { done: number; total: number }) => void): Promise<void> {
  await mergePending(db, true);
  await compactSearchIndex(db, { all: true, onProgress });
}

export const searchSize = () => searchIndexSize(db);
export type SearchSize = Awaited<ReturnType<typeof searchIndexSize>>;
