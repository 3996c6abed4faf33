/**
 * A restart right after a crash: Chromium may refuse the first opens of a database whose
 * previous browser was just killed (`UnknownError: Internal error opening backing store`).
 * Start-up waits that out and opens the user's library; other failures are not retried.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Api } from '../../shared/contract';
import { backupBeforeUpgrade, isTransientOpenError, openWithRetry } from '../../renderer/core/backup/startup';
import { YanduDB } from '../../renderer/db/schema';

/** A real (fake-indexeddb) factory whose first `failures` opens throw as Chromium's does. */
function flakyFactory(failures: number, real = new IDBFactory()): { factory: IDBFactory; opens: () => number } {
  let opens = 0;
  const factory = new Proxy(real, {
    get(target, key) {
      if (key === 'open')
        return (name: string, version?: number) => {
          opens++;
          if (opens <= failures) throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
          return target.open(name, version);
        };
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { factory, opens: () => opens };
}

function libraryDb(factory: IDBFactory): Dexie {
  const db = new Dexie('retry-library', { indexedDB: factory, IDBKeyRange });
  db.version(1).stores({ notes: 'id' });
  return db;
}

describe('opening the library after a crash', () => {
  it('waits out the transient backing-store error and then opens the same database', async () => {
    const storage = new IDBFactory();
    const first = libraryDb(flakyFactory(0, storage).factory);
    await first.table('notes').put({ id: 'n1', text: '断电之前' });
    first.close();

    // Dexie itself retries an UnknownError three times at once; five failures outlast that.
    const flaky = flakyFactory(5, storage);
    const db = libraryDb(flaky.factory);
    const waits: number[] = [];
    const attempt = await openWithRetry(() => db.open(), { wait: async (ms) => void waits.push(ms) });
    expect(flaky.opens()).toBe(6);
    expect(attempt).toBe(2);
    expect(waits).toEqual([100, 250]);
    expect(await db.table('notes').get('n1')).toEqual({ id: 'n1', text: '断电之前' });
    db.close();
  });

  it('gives up after the last wait with the browser’s error', async () => {
    const { factory } = flakyFactory(100);
    const db = libraryDb(factory);
    const waits: number[] = [];
    await expect(openWithRetry(() => db.open(), { delaysMs: [1, 2], wait: async (ms) => void waits.push(ms) })).rejects.toSatisfy(
      isTransientOpenError,
    );
    expect(waits).toEqual([1, 2]);
  });

  it('does not retry an error that is not transient', async () => {
    let calls = 0;
    const versionError = new DOMException('The requested version is less than the existing version.', 'VersionError');
    await expect(
      openWithRetry(
        async () => {
          calls++;
          throw versionError;
        },
        { wait: async () => undefined },
      ),
    ).rejects.toBe(versionError);
    expect(calls).toBe(1);
  });

  it('recognises the error however Dexie wraps it', () => {
    const inner = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    expect(isTransientOpenError({ name: 'OpenFailedError', message: 'UnknownError …', inner })).toBe(true);
    expect(isTransientOpenError({ name: 'OpenFailedError', inner: new DOMException('x', 'QuotaExceededError') })).toBe(false);
    expect(isTransientOpenError(null)).toBe(false);
  });

  it('start-up’s look at the stored version waits out the same error (indexedDB.databases() opens the backing store too)', async () => {
    const db = new YanduDB('retry-startup');
    await db.open();
    db.close();
    // Chromium's databases() opens the backing store first and answers the same UnknownError.
    const factory = indexedDB as IDBFactory & { databases: IDBFactory['databases'] };
    const real = factory.databases.bind(factory);
    let calls = 0;
    factory.databases = async () => {
      calls++;
      if (calls <= 2) throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
      return real();
    };
    try {
      // No upgrade is pending, so nothing is backed up and the host is not asked.
      await expect(backupBeforeUpgrade(db, {} as Api)).resolves.toBeNull();
    } finally {
      delete (factory as { databases?: unknown }).databases;
    }
    expect(calls).toBe(3);
    await db.open();
    db.close();
  });
});
