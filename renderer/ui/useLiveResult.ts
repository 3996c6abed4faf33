/**
 * A live query with its loading and failure states: the querier runs again whenever a table it
 * read changes (in this tab or another), so a view follows the data without reloading it.
 * A failure becomes a value (useLiveQuery alone would throw it during render).
 */
import { useLiveQuery } from 'dexie-react-hooks';

export type LiveResult<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

const LOADING = { state: 'loading' } as const;

export function useLiveResult<T>(querier: () => Promise<T>, deps: readonly unknown[]): LiveResult<T> {
  return useLiveQuery<LiveResult<T>, LiveResult<T>>(
    () =>
      querier().then(
        (value): LiveResult<T> => ({ state: 'ready', value }),
        (e: unknown): LiveResult<T> => ({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
      ),
    [...deps],
    LOADING,
  );
}
