/**
 * The sync service: runs a source's sync from the renderer's side (starts it over the
 * contract, writes each batch in one transaction and acknowledges it, records log lines),
 * keeps per-source run state for the UI, and the sources and their settings. One run per
 * source at a time. Views follow sources and logs through live queries (`listSources`,
 * `recentLog`) and the library through its feed: nothing here reloads a view.
 */
import * as v from 'valibot';
import { createStore } from 'zustand/vanilla';
import type { SyncCounts, SyncProgress } from '../../shared/domain/sync';
import { AppError } from '../../shared/errors';
import { api } from '../bridge';
import { db, settings } from '../db';
import type { SourceRow as DbSourceRow, SyncLogRow as DbSyncLogRow } from '../db/schema';
import {
  createSourceRepository,
  DEFAULT_SYNC_SETTINGS as DB_DEFAULT_SYNC_SETTINGS,
  readSyncSettings,
  SourceInputSchema,
  SyncSettingsSchema,
  type SourceInput as DbSourceInput,
  type SourceInputArg,
  type SyncSettings as DbSyncSettings,
} from '../db/sources';
import { beforeBulkChange } from './backup';
import { keptSetting, SOURCE_DRAFT_KIND } from './pendingKinds';
import { formDrafts } from './pendingWrites';
import { messages } from '../i18n/messages';
import { reanchorArticle } from './highlights';
import { applySyncBatch, emptyTally, sourceCounts, storedTally } from './sync/writer';

export type SourceRow = DbSourceRow;
export type SyncLogRow = DbSyncLogRow;
export type SyncSettings = DbSyncSettings;
export type SourceInput = DbSourceInput;
export const DEFAULT_SYNC_SETTINGS: SyncSettings = DB_DEFAULT_SYNC_SETTINGS;

const sources = createSourceRepository(db);

/** Sources by id (read inside a live query, the view follows every change). */
export const listSources = (): Promise<SourceRow[]> => sources.list();
export const recentLog = (sourceId: string): Promise<SyncLogRow[]> => sources.recentLog(sourceId);

/** Checks a source form's input; the first problem in Chinese, or null when it was stored. */
export async function saveSource(id: string | null, input: SourceInputArg): Promise<string | null> {
  const parsed = v.safeParse(SourceInputSchema, input);
  if (!parsed.success) return parsed.issues[0]?.message ?? messages.errors.generic;
  if (id) await sources.update(id, parsed.output);
  else await sources.add(parsed.output);
  return null;
}

/** A source form as typed (its fields before the checks of 保存): what a draft of it holds. */
const SourceFormDraftSchema = v.object({
  input: v.object({
    kind: v.picklist(['cms', 'feed', 'folder']),
    location: v.string(),
    name: v.string(),
    column: v.nullable(v.string()),
    schedule: v.object({ mode: v.picklist(['manual', 'startup', 'interval']), hours: v.optional(v.number()) }),
    enabled: v.boolean(),
    allowedHosts: v.array(v.string()),
    firstSync: v.picklist(['newest', 'all']),
  }),
  hostsText: v.string(),
  hoursText: v.string(),
});
export type SourceFormDraft = v.InferOutput<typeof SourceFormDraftSchema>;

/**
 * A source's form typed but not saved (it stores only on 保存): journalled at each change, one per
 * source ('new' for one being added), so a reload, a crash or a closed window keeps the address, the
 * name and the allowed sites; the 来源 page opens that form again with the draft, to save or give up.
 */
export const sourceDrafts = formDrafts(SOURCE_DRAFT_KIND, SourceFormDraftSchema);

/** Removes a source; a draft of its form goes with it (there is nothing left to save it to). */
export async function removeSource(id: string): Promise<void> {
  await sources.remove(id);
  const draft = sourceDrafts.read(id);
  if (draft) sourceDrafts.settle(draft.token);
}
/** 试抓取: what a source would give, fetched by the host without storing anything. */
export const previewSource = (location: string) => api.sources.preview({ location });

export const loadSyncSettings = (): Promise<SyncSettings> => settings.get('sync', SyncSettingsSchema, DEFAULT_SYNC_SETTINGS);

/** Out of range: the problem in Chinese, and nothing is saved or silently clamped. */
export async function saveSyncSettings(next: SyncSettings): Promise<string | null> {
  const checked = v.safeParse(SyncSettingsSchema, next);
  if (!checked.success) return checked.issues[0]?.message ?? messages.errors.generic;
  // The form shows the typed value as in force: journalled until stored.
  await keptSetting('sync', checked.output, () => settings.set('sync', SyncSettingsSchema, checked.output));
  return null;
}

export interface RunState {
  runId: string;
  phase: SyncProgress['phase'];
  counts: SyncCounts;
  remaining: number | null;
  /** New to this source: new to the library, or already there and now listed here too (`joined`). */
  added: number;
  joined: number;
  updated: number;
  /** Sent by main but already stored as it is (another source had it): counted with 未变. */
  unchanged: number;
  message: string | null;
}

interface SyncState {
  runs: Record<string, RunState>;
  set(sourceId: string, patch: Partial<RunState>): void;
}

/** Each source's current or last run (views subscribe with zustand's `useStore`). */
export const syncRuns = createStore<SyncState>((set) => ({
  runs: {},
  set: (sourceId, patch) =>
    set((s) => {
      const prior = s.runs[sourceId];
      const next = { ...(prior ?? emptyRun('')), ...patch } as RunState;
      return { runs: { ...s.runs, [sourceId]: next } };
    }),
}));
const useSync = syncRuns;

function emptyRun(runId: string): RunState {
  return {
    runId,
    phase: 'starting',
    counts: { pages: 0, found: 0, fetched: 0, sent: 0, unchanged: 0, failed: 0 },
    remaining: null,
    added: 0,
    joined: 0,
    updated: 0,
    unchanged: 0,
    message: null,
  };
}

export function isRunning(sourceId: string): boolean {
  const run = useSync.getState().runs[sourceId];
  return !!run && !['done', 'failed', 'cancelled'].includes(run.phase);
}

export async function cancelSync(sourceId: string): Promise<void> {
  const run = useSync.getState().runs[sourceId];
  if (run) await api.sync.cancel({ runId: run.runId });
}

/**
 * Listens to one run in main: writes each batch (exactly once, even when main sends it again
 * after a reload), acknowledges it, stores log lines, follows progress, and records the run on
 * the source when it ends. Resolves with the run's final state.
 */
function follow(sourceId: string, runId: string): { finished: Promise<RunState>; offs: (() => void)[] } {
  let tally = emptyTally();
  // Main announces a run's end once; should a second end ever arrive, it is not recorded again.
  let endSeen = false;
  let queue: Promise<void> = Promise.resolve();
  const offs: (() => void)[] = [];
  const finished = new Promise<RunState>((resolve) => {
    offs.push(
      api.events.on('sync.batch', (batch) => {
        if (batch.runId !== runId) return;
        // Batches are written strictly one after another, each in its own transaction.
        queue = queue.then(async () => {
          try {
            const result = await applySyncBatch(db, batch);
            // The run's counts as stored with its batches: right after a reload too.
            tally = result.tally;
            useSync.getState().set(sourceId, tally);
            await api.sync.ack({ runId, seq: batch.seq, ok: true });
            // The library list follows the write by itself (core/library's feed).
            // New texts: move their highlights, or mark them orphans (never lost, never misplaced).
            for (const id of result.updatedIds) await reanchorArticle(id);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            await api.sync.ack({ runId, seq: batch.seq, ok: false, message: message.slice(0, 500) }).catch(() => undefined);
          }
        });
      }),
      api.events.on('sync.log', (entry) => {
        if (entry.runId !== runId) return;
        void sources
          .log({ sourceId, at: new Date().toISOString(), level: entry.level, url: entry.url, code: entry.code, message: entry.message })
          .catch((error: unknown) => console.error('[sync] log line not stored', error));
      }),
      api.events.on('sync.progress', (progress) => {
        if (progress.runId !== runId) return;
        const update = { phase: progress.phase, counts: progress.counts, remaining: progress.remaining, message: progress.message };
        const ended = progress.phase === 'done' || progress.phase === 'failed' || progress.phase === 'cancelled';
        if (!ended) {
          if (!endSeen) useSync.getState().set(sourceId, update);
        } else if (!endSeen) {
          endSeen = true;
          // The run has ended only once every batch is written and its highlights re-anchored.
          void queue.then(async () => {
            useSync.getState().set(sourceId, update);
            // Batches written before a reload count too: their counts are stored with them.
            tally = (await storedTally(db, runId)) ?? tally;
            useSync.getState().set(sourceId, tally);
            const articles = await sources.articleCount(sourceId);
            await sources.recordRun(sourceId, {
              lastSyncAt: new Date().toISOString(),
              lastError: progress.phase === 'failed' ? (progress.message ?? '同步失败') : null,
              counts: sourceCounts(articles, tally, progress.counts),
            });
            resolve(useSync.getState().runs[sourceId]!);
          });
        }
      }),
    );
  });

  return { finished, offs };
}

/** Syncs one source; resolves when the run has ended (done, failed or cancelled). */
export async function runSync(sourceId: string, options: { fullRescan?: boolean } = {}): Promise<RunState> {
  if (isRunning(sourceId)) throw new AppError('E_INVALID_ARGUMENT', '该来源正在同步。');
  const source = await sources.get(sourceId);
  if (!source) throw new AppError('E_NOT_FOUND', '找不到该来源。');
  const { settings: syncSettings, problem } = await readSyncSettings((key) => db.settings.get(key));
  const { delayMs, maxPages } = syncSettings;
  const runId = `r_${Date.now().toString(36)}_${crypto.randomUUID().slice(0, 8)}`;
  const store = useSync.getState();
  store.set(sourceId, emptyRun(runId));

  const { finished, offs } = follow(sourceId, runId);

  if (problem) {
    await sources.log({
      sourceId,
      at: new Date().toISOString(),
      level: 'warning',
      url: null,
      code: 'E_INVALID_ARGUMENT',
      message: problem,
    });
  }
  try {
    // A sync run is a bulk change: changes not yet in a backup are backed up first.
    await beforeBulkChange();
    await api.sync.start({
      runId,
      source: {
        id: source.id,
        kind: source.kind,
        location: source.location,
        name: source.name,
        column: source.column,
        // Main fetches nothing else: the source's own site, these, and (for a feed) its items' sites.
        allowedHosts: source.allowedHosts ?? [],
      },
      known: await sources.known(sourceId),
      // A column whose user chose "the whole column" reads every list page on its first sync.
      fullRescan: (options.fullRescan ?? false) || (source.lastSyncAt === null && source.kind === 'cms' && source.firstSync === 'all'),
      maxPages,
      delayMs,
    });
  } catch (error) {
    for (const off of offs) off();
    const message = error instanceof Error ? error.message : String(error);
    useSync.getState().set(sourceId, { phase: 'failed', message });
    await sources.recordRun(sourceId, { lastSyncAt: new Date().toISOString(), lastError: message, counts: source.counts });
    throw error;
  }
  const result = await finished;
  for (const off of offs) off();
  return result;
}

/** Sources due now: at start-up ones once per launch, interval ones when their time has come. */
export async function dueSources(now: number, startup: boolean): Promise<string[]> {
  const all = await sources.list();
  return all
    .filter((s) => s.enabled)
    .filter((s) => {
      if (s.schedule.mode === 'startup') return startup;
      if (s.schedule.mode === 'interval') {
        const hours = s.schedule.hours ?? 24;
        return !s.lastSyncAt || now - Date.parse(s.lastSyncAt) >= hours * 3_600_000;
      }
      return false;
    })
    .map((s) => s.id);
}

let schedulerStarted = false;
/** Runs due sources at start-up and checks interval sources every minute. */
export function startScheduler(): void {
  if (schedulerStarted) return;
  schedulerStarted = true;
  // Runs main is still running (the page was reloaded) are taken up before anything new starts.
  void resumeRuns().catch((error: unknown) => console.error('[sync] runs not taken up again', error));
  const tick = async (startup: boolean) => {
    for (const id of await dueSources(Date.now(), startup)) {
      if (!isRunning(id)) await runSync(id).catch(() => undefined);
    }
  };
  void tick(true);
  setInterval(() => void tick(false), 60_000);
}

/**
 * After a page reload: takes up the runs main is still running (the run lives in main), shows
 * their progress, and asks main for their unacknowledged batches again. Resolves once attached.
 */
export async function resumeRuns(): Promise<number> {
  const { runs } = await api.sync.active({});
  let attached = 0;
  for (const progress of runs) {
    const { sourceId, runId } = progress;
    if (useSync.getState().runs[sourceId]?.runId === runId) continue;
    if (!(await sources.get(sourceId))) continue;
    useSync.getState().set(sourceId, { ...emptyRun(runId), phase: progress.phase, counts: progress.counts, remaining: progress.remaining });
    const { finished, offs } = follow(sourceId, runId);
    void finished.then(() => {
      for (const off of offs) off();
    });
    if ((await api.sync.attach({ runId })).attached) attached++;
    else {
      // It ended between the two calls: nothing more will come for it.
      for (const off of offs) off();
      useSync.getState().set(sourceId, { phase: 'done', remaining: 0 });
    }
  }
  return attached;
}
