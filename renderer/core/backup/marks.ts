/**
 * What the backups keep in localStorage: a separate database from IndexedDB's, so it outlives a
 * library store Chromium discards after a crash (google/leveldb#1287). Two marks: changes not yet
 * in a backup (set while any are pending; still set at the next start means the last session
 * ended without its final backup), and the id of the library this browser last held, so a start
 * on a new, empty store can tell it was discarded rather than never had anything.
 */
import { localStore, type LocalStore } from '../localStore';

export const PENDING_KEY = 'yandu.backupPending';
export const REMEMBERED_LIBRARY_KEY = 'yandu.libraryId';

export type MarkStorage = LocalStore;

/** The origin's localStorage (the same helper the note and highlight journals use). */
export const defaultMarkStorage: () => MarkStorage | null = localStore;

export function readMark(storage: MarkStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** A full or missing localStorage only loses the hint; the library and its backups are unaffected. */
export function writeMark(storage: MarkStorage | null, key: string, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // Only a hint is lost.
  }
}
