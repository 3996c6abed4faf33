/**
 * A restore killed inside its upgrade copy leaves that copy (a whole older backup's worth of
 * storage) as its own IndexedDB database. Start-up deletes copies older than a day, and never a
 * young one (a restore may be running in another tab) or anything else.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { RESTORE_COPY_PREFIX } from '../../renderer/core/backup/backup';
import { dropStaleRestoreCopies, STALE_RESTORE_COPY_MS } from '../../renderer/core/backup/startup';

async function makeDb(name: string): Promise<void> {
  const db = new Dexie(name);
  db.version(1).stores({ articles: 'id' });
  await db.open();
  await db.table('articles').put({ id: 'a', title: name });
  db.close();
}

async function names(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name!).sort();
}

describe('unfinished restore copies', () => {
  it('deletes copies older than a day and keeps young ones, the library and other names', async () => {
    const now = 1_800_000_000_000;
    const old = `${RESTORE_COPY_PREFIX}${now - STALE_RESTORE_COPY_MS - 1}`;
    const older = `${RESTORE_COPY_PREFIX}${now - 30 * STALE_RESTORE_COPY_MS}`;
    const young = `${RESTORE_COPY_PREFIX}${now - 60_000}`;
    for (const name of ['yandu', old, older, young, `${RESTORE_COPY_PREFIX}x`, 'yandu-restore']) await makeDb(name);

    const dropped = await dropStaleRestoreCopies(indexedDB, now);

    expect(dropped.sort()).toEqual([old, older].sort());
    expect(await names()).toEqual(['yandu', 'yandu-restore', young, `${RESTORE_COPY_PREFIX}x`].sort());
    // The library itself is untouched.
    const lib = new Dexie('yandu');
    lib.version(1).stores({ articles: 'id' });
    expect(await lib.table('articles').count()).toBe(1);
    lib.close();
  });

  it('does nothing where the browser cannot list its databases', async () => {
    const factory = { databases: undefined } as unknown as IDBFactory;
    expect(await dropStaleRestoreCopies(factory, Date.now())).toEqual([]);
  });
});
