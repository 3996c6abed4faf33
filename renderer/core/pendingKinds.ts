/**
 * The app's writes that show before they are stored (see pendingWrites.ts), one kind each, and
 * how start-up writes each kind back:
 * - `setting`: a key of the settings table and its whole value (reader typography, the colour and
 *   style of the next highlight, the sync settings); replayed through the key's schema, and only
 *   over a row written before the entry (rows carry `updatedAt`; an earlier release's row has none).
 * - `leaderLayer`: the reader's 重点摘编 layer switched off or on (one field of `study.hidden`,
 *   written without touching the hidden sessions beside it).
 * - `reading`: an article's reading position, saved on the way out; never replayed over a
 *   position stored later, nor for an article no longer in the library.
 * The 学习安排's free-text fields typed but not yet left (`sessionField`) are journalled and replayed
 * by core/study.ts itself, through the session's own checks. The 学习记录 form typed but not saved
 * (`recordDraft`, one entry per session) is never replayed into the database: it stays until the
 * form, showing it as a restored draft, saves it or the user gives it up (core/study.ts). So is a
 * 重点摘编's comment typed but not saved (`excerptComment`, core/packets.ts), a source's form typed but
 * not saved (`sourceForm`, core/sync.ts) and the 新建学习安排 dialog typed but not created
 * (`newSession`, core/study.ts): the form shows each again (core/pendingWrites formDrafts).
 */
import * as v from 'valibot';
import { settingSchema } from '../../shared/domain/settings';
import { db as appDb } from '../db';
import { createReadingRepository, createSettingsRepository } from '../db/repositories';
import type { YanduDB } from '../db/schema';
import { localStore, type LocalStore } from './localStore';
import { keptWrite, replayPendingWrites, type PendingReplayer } from './pendingWrites';
import { writeLeaderLayerHidden } from './roles';

export interface ReadingPosition {
  block: number;
  offset: number;
  progress: number;
}

/** A settings-table write the view has applied already. */
export const keptSetting = <T>(key: string, value: unknown, run: () => Promise<T>): Promise<T> => keptWrite('setting', key, value, run);

export const keptLeaderLayer = <T>(hide: boolean, run: () => Promise<T>): Promise<T> => keptWrite('leaderLayer', 'leaderLayer', hide, run);

/** The kind of the 学习安排 field drafts, which core/study.ts journals and replays itself. */
export const SESSION_DRAFT_KIND = 'sessionField';
/** The kind of the 学习记录 drafts (core/study.ts); start-up leaves them for the form. */
export const RECORD_DRAFT_KIND = 'recordDraft';
/** The kind of the 重点摘编 comment drafts (core/packets.ts), left for the excerpt's comment box likewise. */
export const COMMENT_DRAFT_KIND = 'excerptComment';
/** The kind of a source form's drafts (core/sync.ts), one per source ('new' for one being added). */
export const SOURCE_DRAFT_KIND = 'sourceForm';
/** The kind of the 新建学习安排 dialog's draft (core/study.ts), one at a time. */
export const NEW_SESSION_DRAFT_KIND = 'newSession';

export const keptReading = <T>(articleId: string, position: ReadingPosition, run: () => Promise<T>): Promise<T> =>
  keptWrite('reading', articleId, position, run);

function replayers(db: YanduDB): Record<string, PendingReplayer> {
  const settings = createSettingsRepository(db);
  const reading = createReadingRepository(db);
  return {
    async setting(key, value, at) {
      // Only keys of the settings table, through their schema: anything else is declined.
      const schema = settingSchema(key);
      if (!schema || !v.is(schema, value)) return false;
      return db.transaction('rw', db.settings, async () => {
        // Never over a value written since (another tab, whatever path it took); a row of an earlier
        // release has no time and counts as oldest. A tie is this very write, committed.
        const stored = await db.settings.get(key);
        if (stored?.updatedAt !== undefined && stored.updatedAt >= at) return false;
        await settings.set(key, schema, value, at);
        return true;
      });
    },
    // Judged by no row time: it writes only its own field of study.hidden, whose other writers (hiding
    // a session) leave that field as stored; a newer switch of the layer replaces this entry itself.
    async leaderLayer(_key, value) {
      if (typeof value !== 'boolean') return false;
      await writeLeaderLayerHidden(db, value);
      return true;
    },
    async reading(articleId, value, at) {
      if (!(await db.articles.get(articleId))) return false;
      const stored = await reading.get(articleId);
      if (stored && stored.updatedAt >= at) return false;
      try {
        await reading.save(articleId, value as ReadingPosition);
      } catch (error) {
        // The repository refuses a malformed position (valibot): declined, never retried.
        if (error instanceof v.ValiError) return false;
        throw error;
      }
      return true;
    },
  };
}

/** At start-up, once the library is settled: writes still in flight when the page last went are stored; the number written. */
export function recoverPendingWrites(db: YanduDB = appDb, storage: LocalStore | null = localStore()): Promise<number> {
  return replayPendingWrites(replayers(db), storage);
}
