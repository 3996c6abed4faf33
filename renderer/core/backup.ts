/**
 * The backup service's façade: what views and start-up ask of backups. Everything takes the
 * app's one database and host API; the work is in renderer/core/backup/.
 */
import type { BackupEntry } from '../../shared/backup/format';
import { api } from '../bridge';
import { changes, db, settings } from '../db';
import { backupDatabase, downloadBackup, inspectFile, restoreBackup, type Restorable, type RestoreResult } from './backup/backup';
import { answerQuitting, beforeBulkChange, startContinuousBackup, type ContinuousBackup } from './backup/continuous';
import { ensureLibraryIdentity } from './backup/library';
import { acceptOffer, declineOffer, findRecoveryOffer, type RecoveryOffer } from './backup/recovery';
import { backupBeforeUpgrade, dailyBackupIfDue, dropStaleRestoreCopies, openWithRetry, requestPersistentStorage } from './backup/startup';

export type { BackupEntry, Restorable, RestoreResult, RecoveryOffer };

export const backups = {
  /** 立即备份. */
  now: (): Promise<BackupEntry> => backupDatabase(db, api, 'manual'),
  list: () => api.backup.list({}),
  /** A file the user chose, checked completely by the host; nothing restored yet. */
  inspectFile: (file: Blob): Promise<Restorable> => inspectFile(api, file),
  /** A backup of the backups folder, checked completely; nothing restored yet. */
  inspectEntry: (name: string): Promise<Restorable> => api.backup.inspect({ ref: { from: 'folder', name } }),
  /** Replaces the library with a checked backup (the current one is backed up first). */
  restore: (checked: Restorable): Promise<RestoreResult> => restoreBackup(db, api, checked),
  download: (name: string): Promise<Blob> => downloadBackup(api, name),
  /** 保留最近的备份份数, through the settings table's schema. */
  keep: async (): Promise<number> => (await settings.read('backup')).keep,
  setKeep: (keep: number): Promise<void> => settings.write('backup', { keep }),
  /** Call before a bulk change (sync run, multi-file import): pending changes are backed up first. */
  beforeBulkChange,
};

export const recovery = {
  find: (): Promise<RecoveryOffer | null> => findRecoveryOffer(db, api),
  decline: (name: string): Promise<void> => declineOffer(db, name),
  accept: (name: string): Promise<RestoreResult> => acceptOffer(db, api, name),
};

/** What start-up does for the library's safety, in this order. */
export const backupStartup = {
  requestPersistentStorage,
  /** Before anything opens the database: a pending schema upgrade is backed up first. */
  beforeUpgrade: (): Promise<string | null> => backupBeforeUpgrade(db, api),
  /** Opens the library, waiting out a browser that still holds a crashed run's files. */
  openLibrary: async (): Promise<void> => {
    await openWithRetry(() => db.open());
  },
  ensureLibraryIdentity: () => ensureLibraryIdentity(db),
  /** Storage a restore killed half-way left behind (its upgrade copy), in the background. */
  dropStaleRestoreCopies: (): Promise<string[]> => dropStaleRestoreCopies(),
  answerQuitting: (): (() => void) => answerQuitting(api),
  startContinuous: (
    delays?: { settleMs: number; maxWaitMs: number },
    report: { onFailure?: (message: string) => void; onRecovered?: () => void } = {},
  ): ContinuousBackup => startContinuousBackup({ db, api, tracker: changes, delays, page: { window, document }, ...report }),
  dailyIfDue: (): Promise<string | null> => dailyBackupIfDue(db, api),
};

export { beforeBulkChange };
