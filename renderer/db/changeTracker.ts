/**
 * The one place that sees every write to the library: a Dexie DBCore middleware. It tells its
 * listeners, once per committed transaction, that user data changed, so continuous backups
 * need no calls sprinkled through the app. Ignored: the derived search index (rebuilt from the
 * library) and settings that only describe that index or the backups themselves — writing
 * them must not make a backup necessary, or every backup would schedule the next one.
 */
import type Dexie from 'dexie';
import type { DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware, DBCore } from 'dexie';
import { DERIVED_TABLES } from '../../shared/backup/format';
import { SEARCH_CHECKPOINT_KEY, SEARCH_META_KEY } from './searchIndex';

/** Settings row naming this library: { id, rev, changedAt } (see shared/backup/format.ts BackupLibrarySchema). */
export const LIBRARY_META_KEY = 'library';
/** Settings row listing the backups whose restore offer the user declined (暂不). */
export const DECLINED_OFFERS_KEY = 'backupOfferDeclined';
/** Settings row: since when changes wait for a backup (renderer/core/backup/continuous.ts). */
export const BACKUP_PENDING_KEY = 'backupPendingSince';

/** Settings whose writes are not user data changes. */
export const UNTRACKED_SETTINGS: ReadonlySet<string> = new Set([
  SEARCH_META_KEY,
  SEARCH_CHECKPOINT_KEY,
  LIBRARY_META_KEY,
  DECLINED_OFFERS_KEY,
  BACKUP_PENDING_KEY,
]);

/**
 * Tables whose writes are kept in the next backup but do not by themselves call for one:
 * reading positions change on every scroll, and sync's page validators and log are rebuilt by
 * the next sync. A sync's articles are tracked normally.
 */
export const MINOR_TABLES: ReadonlySet<string> = new Set(['reading', 'fetchState', 'syncLog']);

export interface LibraryChange {
  /** Tables written by the committed transaction (untracked ones left out). */
  tables: string[];
  /** True when only minor tables were written. */
  minor: boolean;
}

export type ChangeListener = (change: LibraryChange) => void;

export interface ChangeTracker {
  /** Listens for committed changes; returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void;
  /** Changes committed while nobody listened (start-up writes), merged; cleared when read. */
  takeUnheard(): LibraryChange | null;
}

function touchesUserSettings(req: DBCoreMutateRequest): boolean {
  if (req.type === 'deleteRange') return true;
  if (req.type === 'delete') return req.keys.some((k) => !UNTRACKED_SETTINGS.has(String(k)));
  const keys = req.keys ?? req.values.map((v) => (v as { key?: unknown } | null)?.key);
  return keys.some((k) => !UNTRACKED_SETTINGS.has(String(k)));
}

/** Installs the tracker on `db`; must be called before the database opens (Dexie builds its stack then). */
export function trackChanges(db: Dexie): ChangeTracker {
  const listeners = new Set<ChangeListener>();
  let unheard: Set<string> | null = null;
  // Tables written per open transaction, reported once when it commits.
  const pending = new WeakMap<DBCoreTransaction, Set<string>>();

  const report = (tables: Set<string>) => {
    if (listeners.size === 0) {
      unheard ??= new Set();
      for (const t of tables) unheard.add(t);
      return;
    }
    const change = toChange(tables);
    for (const listener of listeners) listener(change);
  };

  const note = (trans: DBCoreTransaction, table: string) => {
    let tables = pending.get(trans);
    if (tables) {
      tables.add(table);
      return;
    }
    tables = new Set([table]);
    pending.set(trans, tables);
    const idb = trans as unknown as Partial<IDBTransaction>;
    if (typeof idb.addEventListener === 'function') {
      // Only a committed write is a change: an aborted transaction left the library as it was.
      idb.addEventListener('complete', () => report(tables), { once: true });
    } else {
      queueMicrotask(() => report(tables));
    }
  };

  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'yanduChangeTracker',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (DERIVED_TABLES.includes(name)) return table;
        const tracked: DBCoreTable = {
          ...table,
          mutate: (req) =>
            table.mutate(req).then((res) => {
              if (name !== 'settings' || touchesUserSettings(req)) note(req.trans, name);
              return res;
            }),
        };
        return tracked;
      },
    }),
  };
  db.use(middleware);

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    takeUnheard() {
      const tables = unheard;
      unheard = null;
      return tables ? toChange(tables) : null;
    },
  };
}

function toChange(tables: Set<string>): LibraryChange {
  const list = [...tables].sort();
  return { tables: list, minor: list.every((t) => MINOR_TABLES.has(t)) };
}
