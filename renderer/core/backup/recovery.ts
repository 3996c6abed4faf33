/**
 * The start-up recovery offer: whether a backup in the data folder should be offered for
 * restore, because this browser's library is
 * - empty (only the bundled samples) while the newest backup with content comes from another
 *   library (a new browser profile, a cleared or evicted IndexedDB, another port), or
 * - older than a backup of its own library (a higher revision: our database lost changes).
 * A backup the user declined (暂不) is not offered again; a newer one may be.
 */
import type { BackupEntry } from '../../../shared/backup/format';
import type { Api } from '../../../shared/contract';
import { DECLINED_OFFERS_KEY } from '../../db/changeTracker';
import type { YanduDB } from '../../db/schema';
import { restoreBackup, type RestoreResult } from './backup';
import { isLibraryEmpty, readLibraryMeta, settingRow, type LibraryMeta } from './library';

export type OfferReason = 'empty' | 'newer';

export interface RecoveryOffer {
  entry: BackupEntry;
  reason: OfferReason;
}

const USER_TABLES = ['highlights', 'notes', 'sessions', 'members', 'packets', 'returns', 'sources'];
const MAX_DECLINED = 50;

/** Whether a backup holds anything the user made. */
export function hasUserContent(entry: Pick<BackupEntry, 'counts' | 'library'>): boolean {
  const made = USER_TABLES.reduce((n, t) => n + (entry.counts[t] ?? 0), 0);
  return made + (entry.library?.userArticles ?? 0) > 0;
}

/** The offer for this library, or null. `entries` in any order. */
export function chooseRecoveryOffer(
  entries: readonly BackupEntry[],
  ours: { meta: LibraryMeta | null; empty: boolean },
  declined: readonly string[],
): RecoveryOffer | null {
  const newestFirst = [...entries].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const skip = new Set(declined);
  for (const entry of newestFirst) {
    const own = !!ours.meta && entry.library?.id === ours.meta.id;
    if (own) {
      // Our own newest backup decides: newer than our database, or nothing to offer.
      if (ours.meta && entry.library!.rev > ours.meta.rev && !skip.has(entry.name)) return { entry, reason: 'newer' };
      return null;
    }
    if (!ours.empty) continue;
    if (!hasUserContent(entry)) continue;
    return skip.has(entry.name) ? null : { entry, reason: 'empty' };
  }
  return null;
}

export async function readDeclined(db: YanduDB): Promise<string[]> {
  const row = await db.settings.get(DECLINED_OFFERS_KEY);
  return Array.isArray(row?.value) ? row.value.filter((n): n is string => typeof n === 'string') : [];
}

export async function findRecoveryOffer(db: YanduDB, api: Api): Promise<RecoveryOffer | null> {
  const { entries } = await api.backup.list({});
  if (entries.length === 0) return null;
  const [meta, empty, declined] = await Promise.all([readLibraryMeta(db), isLibraryEmpty(db), readDeclined(db)]);
  return chooseRecoveryOffer(entries, { meta, empty }, declined);
}

/** 暂不: remembered, so the same backup is not offered on every start. */
export async function declineOffer(db: YanduDB, name: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const list = (await readDeclined(db)).filter((n) => n !== name);
    list.push(name);
    await db.settings.put(settingRow(DECLINED_OFFERS_KEY, list.slice(-MAX_DECLINED)));
  });
}

/** 恢复: the ordinary restore path (checked first; the current library is backed up first, so it can be undone). */
export async function acceptOffer(db: YanduDB, api: Api, name: string): Promise<RestoreResult> {
  const checked = await api.backup.inspect({ ref: { from: 'folder', name } });
  return restoreBackup(db, api, checked);
}
