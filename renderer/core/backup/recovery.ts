/**
 * The start-up recovery offer: whether a backup in the data folder should be offered for
 * restore, because this browser's library is
 * - empty (only the bundled samples) while the newest backup with content comes from another
 *   library (a new browser profile, a cleared or evicted IndexedDB, another port), or
 * - older than a backup of its own library (a higher revision: our database lost changes).
 * A backup the user declined (暂不) is not offered again; a newer one may be.
 *
 * An empty library is told apart from one the browser discarded (reason 'discarded') by what
 * localStorage, a separate database that survives, still says: this browser last held another
 * library, or (before it remembered one) the last session ended with changes no backup had. The
 * offer then says why the library is empty, in plain words.
 */
import type { BackupEntry } from '../../../shared/backup/format';
import type { Api } from '../../../shared/contract';
import { DECLINED_OFFERS_KEY } from '../../db/changeTracker';
import type { YanduDB } from '../../db/schema';
import { restoreBackup, type RestoreResult } from './backup';
import { isLibraryEmpty, readLibraryMeta, settingRow, type LibraryMeta } from './library';
import { defaultMarkStorage, PENDING_KEY, readMark, REMEMBERED_LIBRARY_KEY, writeMark, type MarkStorage } from './marks';

export type OfferReason = 'empty' | 'newer' | 'discarded';

/** What localStorage remembers of the last session (see marks.ts). */
export interface LastSession {
  /** The library this browser last held. */
  libraryId: string | null;
  /** That session ended with changes no backup had. */
  pending: boolean;
}

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
  last: LastSession = { libraryId: null, pending: false },
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
    if (skip.has(entry.name)) return null;
    // This browser held another library than the empty one it holds now (or, before it
    // remembered one, ended its last session with changes pending): the browser lost it.
    const lost = last.libraryId !== null ? last.libraryId !== ours.meta?.id : last.pending;
    return { entry, reason: lost ? 'discarded' : 'empty' };
  }
  return null;
}

export async function readDeclined(db: YanduDB): Promise<string[]> {
  const row = await db.settings.get(DECLINED_OFFERS_KEY);
  return Array.isArray(row?.value) ? row.value.filter((n): n is string => typeof n === 'string') : [];
}

/**
 * The offer for this browser's library, or null. With no offer, the library is settled and
 * remembered as this browser's; while an offer waits for an answer the remembered one stays,
 * so a start that crashes again before the answer offers the same backup for the same reason.
 */
export async function findRecoveryOffer(
  db: YanduDB,
  api: Api,
  storage: MarkStorage | null = defaultMarkStorage(),
): Promise<RecoveryOffer | null> {
  const { entries } = await api.backup.list({});
  const [meta, empty, declined] = await Promise.all([readLibraryMeta(db), isLibraryEmpty(db), readDeclined(db)]);
  const last = { libraryId: readMark(storage, REMEMBERED_LIBRARY_KEY), pending: !!readMark(storage, PENDING_KEY) };
  const offer = entries.length === 0 ? null : chooseRecoveryOffer(entries, { meta, empty }, declined, last);
  if (!offer) rememberLibrary(meta, storage);
  return offer;
}

function rememberLibrary(meta: LibraryMeta | null, storage: MarkStorage | null): void {
  if (meta) writeMark(storage, REMEMBERED_LIBRARY_KEY, meta.id);
}

/** 暂不: remembered, so the same backup is not offered on every start; this library is settled. */
export async function declineOffer(db: YanduDB, name: string, storage: MarkStorage | null = defaultMarkStorage()): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const list = (await readDeclined(db)).filter((n) => n !== name);
    list.push(name);
    await db.settings.put(settingRow(DECLINED_OFFERS_KEY, list.slice(-MAX_DECLINED)));
  });
  rememberLibrary(await readLibraryMeta(db), storage);
}

/** 恢复: the ordinary restore path (checked first; the current library is backed up first, so it can be undone). */
export async function acceptOffer(db: YanduDB, api: Api, name: string): Promise<RestoreResult> {
  const checked = await api.backup.inspect({ ref: { from: 'folder', name } });
  return restoreBackup(db, api, checked);
}
