/**
 * Continuous backups: every committed change the change tracker (renderer/db/changeTracker.ts)
 * reports goes to the scheduler, which writes an `auto` backup once changes settle (and at most
 * `maxWaitMs` after the first one), before a bulk change (sync run, multi-file import), when
 * the host is quitting (`app.quitting`) and, best effort, when the page is hidden or left.
 * Whether changes are pending is also kept in localStorage (same origin as the library, another
 * database), so changes made just before a crash are backed up as soon as the next start is ready.
 */
import type { Api } from '../../../shared/contract';
import { toErrorInfo } from '../../../shared/errors';
import type { ChangeTracker } from '../../db/changeTracker';
import type { YanduDB } from '../../db/schema';
import { backupDatabase } from './backup';
import { BACKUP_PENDING_KEY } from '../../db/changeTracker';
import { isLibraryEmpty, settingRow } from './library';
import { defaultMarkStorage, PENDING_KEY, readMark, writeMark } from './marks';
import { BackupScheduler, type Clock } from './scheduler';

export { PENDING_KEY };

/** Production timings: a backup 30 s after the last change, at most 5 min after the first. */
export const DEFAULT_SETTLE_MS = 30_000;
export const DEFAULT_MAX_WAIT_MS = 5 * 60_000;

export interface ContinuousBackup {
  readonly scheduler: BackupScheduler;
  /** Backs up pending changes now; never throws (a failure is logged and retried later). */
  flush(): Promise<string | null>;
  stop(): void;
}

export interface ContinuousOptions {
  db: YanduDB;
  api: Api;
  tracker: ChangeTracker;
  delays?: { settleMs: number; maxWaitMs: number };
  clock?: Clock;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /**
   * Told when automatic backups start failing (once per distinct reason, not every retry) and
   * when one succeeds again, so the user learns the safety net is down and why.
   */
  onFailure?: (message: string) => void;
  onRecovered?: () => void;
  /** Page lifecycle events (window/document); absent in unit tests. */
  page?: { window: Pick<Window, 'addEventListener' | 'removeEventListener'>; document: Document } | null;
}

let active: ContinuousBackup | null = null;

export function startContinuousBackup(options: ContinuousOptions): ContinuousBackup {
  active?.stop();
  const { db, api, tracker } = options;
  const storage = options.storage === undefined ? defaultMarkStorage() : options.storage;
  let lastChange: string | null = null;
  let failing: string | null = null;
  const scheduler = new BackupScheduler({
    settleMs: options.delays?.settleMs ?? DEFAULT_SETTLE_MS,
    maxWaitMs: options.delays?.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
    clock: options.clock,
    run: async () => {
      // Nothing the user made (a first start's sample library): nothing worth a backup.
      if (await isLibraryEmpty(db)) return null;
      const { name } = await backupDatabase(db, api, 'auto', undefined, lastChange);
      if (failing !== null) {
        failing = null;
        options.onRecovered?.();
      }
      return name;
    },
    onPending: (pending) => {
      const since = pending ? (lastChange ?? new Date().toISOString()) : null;
      writeMark(storage ?? null, PENDING_KEY, since);
      void markPendingInDb(db, since);
    },
    onError: (error) => {
      console.warn('[backup] continuous backup failed; will retry', error);
      // Shown to the user: an AppError's Chinese message; anything else (a Dexie or browser
      // error, in English and varying) as the one generic Chinese line, said once.
      const message = toErrorInfo(error).message;
      if (message !== failing) {
        failing = message;
        options.onFailure?.(message);
      }
    },
  });

  // Changes of the last session that never reached a backup (a crash, a killed browser), or
  // written at start-up before anyone listened (journals replayed, a restore's replay): backed up
  // at once, not after the settle delay. After a crash the browser may have torn the end of its
  // IndexedDB log, and a second crash then discards the whole store; until this backup exists,
  // the only copy of those changes is that store.
  const carried = !!readMark(storage ?? null, PENDING_KEY);
  const unheard = tracker.takeUnheard();
  if (unheard || carried) {
    const minor = unheard ? unheard.minor && !carried : false;
    scheduler.changed(minor);
    if (!minor) void scheduler.flush();
  } else {
    // localStorage is written out seconds after a change: a browser killed sooner kept only the
    // IndexedDB row.
    void pendingInDb(db).then((since) => {
      if (!since || scheduler.pending) return;
      scheduler.changed();
      void scheduler.flush();
    });
  }

  const off = tracker.subscribe((change) => {
    lastChange = new Date().toISOString();
    scheduler.changed(change.minor);
  });

  const flush = () => scheduler.flush();
  const onHide = () => {
    if (scheduler.pending) void flush();
  };
  const onVisibility = () => {
    if (options.page?.document.visibilityState === 'hidden') onHide();
  };
  options.page?.window.addEventListener('pagehide', onHide);
  options.page?.document.addEventListener('visibilitychange', onVisibility);

  const handle: ContinuousBackup = {
    scheduler,
    flush,
    stop: () => {
      off();
      scheduler.dispose();
      options.page?.window.removeEventListener('pagehide', onHide);
      options.page?.document.removeEventListener('visibilitychange', onVisibility);
      if (active === handle) active = null;
    },
  };
  active = handle;
  return handle;
}

/** The IndexedDB copy of the pending mark (see BACKUP_PENDING_KEY); a failure only loses the hint. */
async function markPendingInDb(db: YanduDB, since: string | null): Promise<void> {
  try {
    if (since) await db.settings.put(settingRow(BACKUP_PENDING_KEY, since));
    else await db.settings.delete(BACKUP_PENDING_KEY);
  } catch (error) {
    console.warn('[backup] pending mark not written', error);
  }
}

async function pendingInDb(db: YanduDB): Promise<string | null> {
  try {
    const row = await db.settings.get(BACKUP_PENDING_KEY);
    return typeof row?.value === 'string' ? row.value : null;
  } catch {
    return null;
  }
}

/** Call before a bulk change (sync run, multi-file import): pending changes are backed up first. */
export async function beforeBulkChange(): Promise<void> {
  await active?.flush();
}

/**
 * Answers the host's `app.quitting`: the final backup of pending changes, then `app.quitReady`.
 * Installed at start-up, before continuous backups start, so a page still deciding about a
 * recovery offer answers at once (it has nothing of its own to save yet).
 */
export function answerQuitting(api: Api): () => void {
  return api.events.on('app.quitting', () => {
    void (async () => {
      let name: string | null = null;
      try {
        name = (await active?.flush()) ?? null;
      } finally {
        await api.app.quitReady({ backup: name }).catch(() => undefined);
      }
    })();
  });
}
