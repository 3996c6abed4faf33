/**
 * The origin's localStorage where the page has one, else null (tests, a storage the browser refuses).
 * Journals and crash marks live here: a database apart from IndexedDB's, which Chromium may discard
 * whole after a second crash (google/leveldb#1287).
 */
export type LocalStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function localStore(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
