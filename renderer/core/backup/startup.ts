/**
 * What start-up does for the library's safety, before and after the database opens:
 * asks for persistent storage, backs up a database that is about to be upgraded (opened
 * as it is, at its own version, so nothing is upgraded before the copy exists), and takes
 * the daily backup once the app is ready.
 *
 * Why this approach for upgrades: IndexedDB upgrades run inside `open()`, so the only moment
 * the old data can be copied unchanged is before the app's own Dexie opens. `indexedDB.databases()`
 * tells the stored version without opening; if it is older than the code's, a Dexie without
 * declared versions opens the database at its stored version (no upgrade), and its tables
 * are backed up with their store declarations, so a restore can replay the app's own upgrade.
 */
import Dexie from 'dexie';
import type { Api } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { YanduDB } from '../../db/schema';
import { backupDatabase, isDailyDue, RESTORE_COPY_PREFIX } from './backup';

/** Asks the browser not to evict the library under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}

/** The stored IndexedDB version of a database (Dexie stores verno × 10), or null when there is none. */
export async function storedVersion(name: string, factory: IDBFactory = indexedDB): Promise<number | null> {
  if (typeof factory.databases !== 'function') return null;
  const found = (await factory.databases()).find((d) => d.name === name);
  return found?.version ?? null;
}

/**
 * Backs up the database if opening it with the current code would upgrade it. Returns the
 * backup's name, or null when no upgrade is pending. A failed backup stops the upgrade.
 */
export async function backupBeforeUpgrade(db: YanduDB, api: Api): Promise<string | null> {
  if (db.isOpen()) return null;
  // Chromium's databases() opens the backing store too: right after a crash it fails as an
  // open does, so it waits that out the same way (else start-up fails before openLibrary).
  const stored = await retryOpen(() => storedVersion(db.name));
  if (stored === null || stored === 0) return null;
  const target = Math.round(db.verno * 10);
  if (stored >= target) return null;
  const old = new Dexie(db.name);
  try {
    await openWithRetry(() => old.open());
    if (old.tables.length === 0) return null;
    const entry = await backupDatabase(old, api, 'upgrade');
    return entry.name;
  } catch (error) {
    throw new AppError(
      error instanceof AppError ? error.code : 'E_INTERNAL',
      `升级数据库前的自动备份没有完成，为保护数据暂不升级：${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    old.close();
  }
}

/** The daily backup: when the newest backup is more than 24 hours old. */
export async function dailyBackupIfDue(db: YanduDB, api: Api): Promise<string | null> {
  const { entries } = await api.backup.list({});
  if (!isDailyDue(entries)) return null;
  return (await backupDatabase(db, api, 'daily')).name;
}

/** Waits between attempts to open a database the browser could not open yet, ms (about 6 s in all). */
export const OPEN_RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000, 2000];

/**
 * Chromium answers `UnknownError: Internal error opening backing store` while the files of a
 * browser that was just killed are still being let go; a moment later the same open works.
 * Only that kind of failure is waited out: a version or quota error is not transient.
 */
export function isTransientOpenError(error: unknown): boolean {
  const named = (e: unknown): { name?: unknown; message?: unknown; inner?: unknown } =>
    typeof e === 'object' && e !== null ? (e as { name?: unknown; message?: unknown; inner?: unknown }) : {};
  for (let e: unknown = error, depth = 0; e && depth < 3; e = named(e).inner, depth++) {
    const { name, message } = named(e);
    if (name === 'UnknownError') return true;
    if (typeof message === 'string' && /opening backing store/i.test(message)) return true;
  }
  return false;
}

/**
 * Opens the library, waiting out the transient failure above so a restart right after a crash
 * opens the user's library instead of an error page. Other failures are thrown at once.
 */
export async function openWithRetry(
  open: () => Promise<unknown>,
  { delaysMs = OPEN_RETRY_DELAYS_MS, wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) } = {},
): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      await open();
      return attempt;
    } catch (error) {
      const delay = delaysMs[attempt];
      if (delay === undefined || !isTransientOpenError(error)) throw error;
      console.warn(`[db] the library could not be opened yet (attempt ${attempt + 1}); trying again`, error);
      await wait(delay);
    }
  }
}

/** `fn`'s answer, with openWithRetry's waits for the same transient failure. */
async function retryOpen<T>(fn: () => Promise<T>): Promise<T> {
  let value!: T;
  await openWithRetry(async () => {
    value = await fn();
  });
  return value;
}

/** An upgrade copy older than this was left by a restore that never finished (a crash). */
export const STALE_RESTORE_COPY_MS = 24 * 3600 * 1000;

/**
 * Deletes the upgrade copies a restore killed half-way left behind (a whole older backup's worth
 * of storage each). A young copy may belong to a restore running in another tab: kept.
 * Returns the names deleted; a failure is only logged (the copy is a duplicate, never the library).
 */
export async function dropStaleRestoreCopies(factory: IDBFactory = indexedDB, now = Date.now()): Promise<string[]> {
  if (typeof factory.databases !== 'function') return [];
  const dropped: string[] = [];
  try {
    for (const { name } of await factory.databases()) {
      const made = name?.startsWith(RESTORE_COPY_PREFIX) ? Number(name.slice(RESTORE_COPY_PREFIX.length)) : NaN;
      if (!name || !Number.isSafeInteger(made) || now - made < STALE_RESTORE_COPY_MS) continue;
      await Dexie.delete(name);
      dropped.push(name);
    }
  } catch (error) {
    console.warn('[backup] an unfinished restore copy was not deleted', error);
  }
  return dropped;
}
