/**
 * The library's identity, for telling at start-up whether a backup in the data folder is newer
 * than what this browser holds. Every library gets a random id when it is created; every
 * backup raises its revision (stored in the library first, then recorded in the backup), so a
 * backup of our own id with a higher revision than ours means our database lost changes (was
 * evicted, rolled back or replaced by an older profile). A restore starts a new id: the
 * restored library is a new line, and older backups of the replaced one are not offered again.
 */
import type Dexie from 'dexie';
import * as v from 'valibot';
import { LibraryMetaSchema, SETTINGS, type LibraryMeta, type SettingKey, type SettingValue } from '../../../shared/domain/settings';
import { LIBRARY_META_KEY } from '../../db/changeTracker';

/** Articles of the bundled sample library carry this source id (main/services/sample-library.ts). */
export const SAMPLE_SOURCE_ID = 'sample';

const MetaSchema = LibraryMetaSchema;
export type { LibraryMeta };

/**
 * A value for the settings table, through its key's schema: the bookkeeping rows written here
 * (inside transactions on any version of the database, so not through the repository) obey the
 * same table as everything else.
 */
export function settingRow<K extends SettingKey>(key: K, value: SettingValue<K>): { key: K; value: SettingValue<K> } {
  return { key, value: v.parse(SETTINGS[key].schema as v.GenericSchema<unknown, SettingValue<K>>, value) };
}

export function newLibraryMeta(): LibraryMeta {
  return { id: `lib_${crypto.randomUUID().replace(/-/g, '')}`, rev: 0, changedAt: null };
}

export function parseLibraryMeta(value: unknown): LibraryMeta | null {
  const r = v.safeParse(MetaSchema, value);
  return r.success ? r.output : null;
}

export async function readLibraryMeta(db: Dexie): Promise<LibraryMeta | null> {
  const row = (await db.table('settings').get(LIBRARY_META_KEY)) as { value?: unknown } | undefined;
  return parseLibraryMeta(row?.value);
}

/** Gives a library its id on first start (or when the row is missing or damaged). */
export async function ensureLibraryIdentity(db: Dexie): Promise<LibraryMeta> {
  return db.transaction('rw', db.table('settings'), async () => {
    const found = await readLibraryMeta(db);
    if (found) return found;
    const meta = newLibraryMeta();
    await db.table('settings').put(settingRow(LIBRARY_META_KEY, meta));
    return meta;
  });
}

/** Raises the revision before a backup records it; null for a database without an identity (an old one being upgraded). */
export async function bumpLibraryRev(db: Dexie, changedAt: string | null): Promise<LibraryMeta | null> {
  if (!db.tables.some((t) => t.name === 'settings')) return null;
  return db.transaction('rw', db.table('settings'), async () => {
    const found = await readLibraryMeta(db);
    if (!found) return null;
    const next: LibraryMeta = {
      id: found.id,
      rev: found.rev + 1,
      changedAt: changedAt && (!found.changedAt || changedAt > found.changedAt) ? changedAt : found.changedAt,
    };
    await db.table('settings').put(settingRow(LIBRARY_META_KEY, next));
    return next;
  });
}

/** Nothing the user made: no highlights, notes, study data or sources, and no articles but the samples. */
export async function isLibraryEmpty(db: Dexie): Promise<boolean> {
  const userTables = ['highlights', 'notes', 'sessions', 'members', 'packets', 'returns', 'sources'];
  for (const name of userTables) {
    if (!db.tables.some((t) => t.name === name)) continue;
    if ((await db.table(name).count()) > 0) return false;
  }
  return (await db.table('articles').where('sourceId').notEqual(SAMPLE_SOURCE_ID).count()) === 0;
}
