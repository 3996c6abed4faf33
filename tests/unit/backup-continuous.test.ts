// @vitest-environment jsdom
// Restores sanitise article HTML with the renderer's DOMPurify, which needs a DOM as in the app.
/**
 * Continuous backups: the change tracker (a Dexie DBCore middleware) sees every committed user
 * write once per transaction and ignores the derived search index, derived settings and aborted
 * transactions; the scheduler's settle / max-wait / quiet rules on an injected clock; the
 * retention policy; the start-up recovery offer's choice; the host's quitting handshake; and the
 * whole loop on fake-indexeddb: a change becomes an `auto` backup recording the library's identity.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackupService } from '../../main/services/backup/service';
import { backupDelaysFromEnv, createQuitGate } from '../../main/services/backup/quit';
import { BACKUP_RETENTION, backupFileName, backupsToPrune, reasonOfFile, type BackupEntry } from '../../shared/backup/format';
import { buildApi, dispatch, type Api, type Services } from '../../shared/contract';
import { trackChanges, type LibraryChange } from '../../renderer/db/changeTracker';
import { YanduDB } from '../../renderer/db/schema';
import { BackupScheduler, type Clock } from '../../renderer/core/backup/scheduler';
import { chooseRecoveryOffer, declineOffer, findRecoveryOffer } from '../../renderer/core/backup/recovery';
import { ensureLibraryIdentity, isLibraryEmpty, readLibraryMeta } from '../../renderer/core/backup/library';
import { startContinuousBackup } from '../../renderer/core/backup/continuous';
import { backupDatabase, restoreBackup } from '../../renderer/core/backup/backup';
import { createNotesService, journalSaved, newDraft, NOTE_JOURNAL_PREFIX } from '../../renderer/core/notes';
import {
  forgetHighlight,
  HIGHLIGHT_JOURNAL_KEY,
  journalHighlight,
  MAX_HIGHLIGHT_JOURNAL_CHARS,
  MAX_JOURNALLED_HIGHLIGHTS,
} from '../../renderer/core/highlights/journal';
import { articleRow } from './helpers/rows';

/** A clock whose timers fire only when the test advances it. */
class ManualClock implements Clock {
  t = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private next = 1;
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  };
  clearTimeout = (h: unknown) => {
    this.timers = this.timers.filter((x) => x.id !== h);
  };
  /** Moves time forward, firing due timers in order. */
  async advance(ms: number): Promise<void> {
    // Work already started runs before time moves on, as it would on a real event loop.
    await flushPromises();
    const end = this.t + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const due = this.timers[0];
      if (!due || due.at > end) break;
      this.timers.shift();
      this.t = due.at;
      due.fn();
      await flushPromises();
    }
    this.t = end;
    await flushPromises();
  }
  get armed(): number {
    return this.timers.length;
  }
}

async function flushPromises(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

const article = articleRow;

function highlight(id: string) {
  const at = '2025-01-01T00:00:00.000Z';
  return {
    id,
    articleId: 'a_0',
    layer: 'personal' as const,
    color: 'yellow' as const,
    style: 'fill' as const,
    selector: { exact: '正文', prefix: '', suffix: '', start: 0, end: 2 },
    articleVersion: 1,
    orphan: false,
    tags: [],
    comment: null,
    createdAt: at,
    updatedAt: at,
  };
}

const dbs: YanduDB[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

function newDb(name: string): { db: YanduDB; seen: LibraryChange[]; tracker: ReturnType<typeof trackChanges> } {
  const db = new YanduDB(`${name}-${Math.random().toString(36).slice(2)}`);
  const tracker = trackChanges(db);
  const seen: LibraryChange[] = [];
  tracker.subscribe((c) => seen.push(c));
  dbs.push(db);
  return { db, seen, tracker };
}

/** `settled` hears of each call once its answer (or error) is back. */
async function apiFor(settled?: (name: string) => void): Promise<{ api: Api; dir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-continuous-'));
  dirs.push(dir);
  const services = { backup: createBackupService({ dataDir: dir, appVersion: 'test' }) } as unknown as Services;
  return {
    api: buildApi(
      (name, arg) => dispatch(services, name, arg).finally(() => settled?.(name)),
      () => () => undefined,
    ),
    dir,
  };
}

describe('change tracker (DBCore middleware)', () => {
  it('reports each committed transaction once, with its tables', async () => {
    const { db, seen } = newDb('ct-basic');
    await db.open();
    await db.transaction('rw', [db.articles, db.bodies], async () => {
      await db.articles.add(article(0));
      await db.bodies.add({ articleId: 'a_0', html: '<p>正文</p>', text: '正文' });
      await db.articles.put({ ...article(0), title: '改' });
    });
    await db.highlights.add(highlight('h1'));
    await db.highlights.where('id').equals('h1').modify({ color: 'green' });
    await db.highlights.delete('h1');
    await db.notes.clear();
    expect(seen).toEqual([
      { tables: ['articles', 'bodies'], minor: false },
      { tables: ['highlights'], minor: false },
      { tables: ['highlights'], minor: false },
      { tables: ['highlights'], minor: false },
      { tables: ['notes'], minor: false },
    ]);
  });

  it('ignores the search index, derived settings and aborted transactions; reading positions are minor', async () => {
    const { db, seen } = newDb('ct-ignore');
    await db.open();
    await db.searchDocs.add({
      num: 1,
      key: 'a:x',
      kind: 'article',
      articleId: 'x',
      length: 1,
      title: '',
      meta: '',
      date: null,
      sourceId: null,
      column: null,
      color: null,
      noteKind: null,
      tags: [],
    });
    await db.searchPostings.put({ k: 1, data: new Uint8Array([1]) });
    await db.settings.bulkPut([
      { key: 'searchIndex', value: { complete: true } },
      { key: 'searchRebuild', value: null },
      { key: 'library', value: { id: 'lib_12345678', rev: 1, changedAt: null } },
      { key: 'backupOfferDeclined', value: [] },
    ]);
    await db.settings.delete('searchRebuild');
    await expect(
      db.transaction('rw', db.notes, async () => {
        await db.notes.add({
          id: 'n1',
          kind: 'note',
          articleId: null,
          highlightId: null,
          title: 't',
          doc: { type: 'doc' },
          text: 't',
          zi: 1,
          tags: [],
          createdAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-01-01T00:00:00.000Z',
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.notes.count()).toBe(0);
    expect(seen).toEqual([]);

    await db.reading.put({ articleId: 'a', block: 1, offset: 0, progress: 0.1, updatedAt: '2025-01-01T00:00:00.000Z' });
    await db.settings.put({ key: 'reader', value: { fontSize: 18 } });
    await db.settings.bulkPut([
      { key: 'searchIndex', value: { complete: false } },
      { key: 'sync', value: { delayMs: 0 } },
    ]);
    expect(seen).toEqual([
      { tables: ['reading'], minor: true },
      { tables: ['settings'], minor: false },
      { tables: ['settings'], minor: false },
    ]);
  });

  it('keeps what was written before anyone listened, for the first listener to pick up', async () => {
    const db = new YanduDB(`ct-unheard-${Math.random().toString(36).slice(2)}`);
    dbs.push(db);
    const tracker = trackChanges(db);
    await db.open();
    await db.articles.add(article(1));
    await db.reading.put({ articleId: 'a', block: 1, offset: 0, progress: 0.1, updatedAt: '2025-01-01T00:00:00.000Z' });
    expect(tracker.takeUnheard()).toEqual({ tables: ['articles', 'reading'], minor: false });
    expect(tracker.takeUnheard()).toBeNull();
  });
});

describe('backup scheduler (injected clock)', () => {
  function scheduler(clock: ManualClock, runs: number[], options: { fail?: () => boolean } = {}) {
    return new BackupScheduler({
      settleMs: 30_000,
      maxWaitMs: 300_000,
      quietMs: 1500,
      clock,
      run: async () => {
        runs.push(clock.now());
        if (options.fail?.()) throw new Error('disk full');
        return `b${runs.length}`;
      },
    });
  }

  it('runs once, settleMs after the last of a burst of changes', async () => {
    const clock = new ManualClock();
    const runs: number[] = [];
    const s = scheduler(clock, runs);
    s.changed();
    await clock.advance(10_000);
    s.changed();
    await clock.advance(10_000);
    s.changed();
    await clock.advance(29_999);
    expect(runs).toEqual([]);
    await clock.advance(1);
    expect(runs).toEqual([50_000]);
    expect(s.pending).toBe(false);
    await clock.advance(600_000);
    expect(runs).toHaveLength(1);
  });

  it('steady writes are still backed up at most maxWaitMs after the first one, and again after the next', async () => {
    const clock = new ManualClock();
    const runs: number[] = [];
    const s = scheduler(clock, runs);
    // A write every 10 s for 12 minutes: settle never comes; max-wait does.
    for (let i = 0; i < 72; i++) {
      s.changed();
      await clock.advance(10_000);
    }
    // Due 300 s after the first write; the last one was 10 s before, quiet enough: it runs then,
    // and the next one 300 s after the first write that follows it.
    expect(runs).toEqual([300_000, 600_000]);
  });

  it('waits for quiet: a due backup starts after the next write commits or after quietMs, never while writes are pending', async () => {
    const clock = new ManualClock();
    const runs: number[] = [];
    const s = new BackupScheduler({ settleMs: 100, maxWaitMs: 200, quietMs: 1500, clock, run: async () => `b${runs.push(clock.now())}` });
    // quietMs is capped at settleMs: 100 ms quiet after the last change, then it runs.
    s.changed();
    await clock.advance(100);
    expect(runs).toEqual([100]);

    const t = new BackupScheduler({
      settleMs: 30_000,
      maxWaitMs: 60_000,
      quietMs: 1500,
      clock,
      run: async () => `c${runs.push(clock.now())}`,
    });
    const start = clock.now();
    // Typing: a save every 700 ms for 70 s. Max-wait falls due at 60 s, 500 ms after a save.
    for (let i = 0; i <= 100; i++) {
      t.changed();
      await clock.advance(700);
    }
    // It starts on the save that follows the due time (60.2 s), not in the middle of the gap.
    expect(runs.slice(1).map((r) => r - start)).toEqual([60_200]);
  });

  it('flush backs up pending changes at once and says null when nothing is pending', async () => {
    const clock = new ManualClock();
    const runs: number[] = [];
    const s = scheduler(clock, runs);
    expect(await s.flush()).toBeNull();
    s.changed();
    expect(await s.flush()).toBe('b1');
    expect(clock.armed).toBe(0);
    expect(await s.flush()).toBeNull();
    // Minor changes are included by a flush, but never schedule a backup themselves.
    s.changed(true);
    await clock.advance(600_000);
    expect(runs).toHaveLength(1);
    expect(s.pending).toBe(true);
    expect(await s.flush()).toBe('b2');
  });

  it('a failed backup keeps the changes pending and tries again after another settle period', async () => {
    const clock = new ManualClock();
    const runs: number[] = [];
    let failing = true;
    const pendingLog: boolean[] = [];
    const s = new BackupScheduler({
      settleMs: 30_000,
      maxWaitMs: 300_000,
      clock,
      onPending: (p) => pendingLog.push(p),
      run: async () => {
        runs.push(clock.now());
        if (failing) throw new Error('disk full');
        return 'ok';
      },
      onError: () => undefined,
    });
    s.changed();
    await clock.advance(30_000);
    expect(runs).toEqual([30_000]);
    expect(s.pending).toBe(true);
    failing = false;
    await clock.advance(30_000);
    expect(runs).toEqual([30_000, 60_000]);
    expect(s.pending).toBe(false);
    expect(pendingLog).toEqual([true, false]);
  });

  it('a change during a running backup schedules another one; runs never overlap', async () => {
    const clock = new ManualClock();
    let release: () => void = () => undefined;
    let running = 0;
    let maxRunning = 0;
    const runs: number[] = [];
    const s = new BackupScheduler({
      settleMs: 1000,
      maxWaitMs: 10_000,
      clock,
      run: async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        runs.push(clock.now());
        await new Promise<void>((r) => (release = r));
        running--;
        return 'x';
      },
    });
    s.changed();
    await clock.advance(1000);
    expect(s.busy).toBe(true);
    s.changed();
    const flushed = s.flush();
    release();
    await flushPromises();
    release();
    await flushed;
    expect(runs).toEqual([1000, 1000]);
    expect(maxRunning).toBe(1);
    expect(s.pending).toBe(false);
  });
});

describe('retention policy', () => {
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i));
  it('keeps the last 10 auto, the last 7 daily and the last `keep` of every other reason, each on its own', () => {
    const names = [
      ...Array.from({ length: 14 }, (_, i) => backupFileName(at(i), 'auto')),
      ...Array.from({ length: 9 }, (_, i) => backupFileName(at(100 + i), 'daily')),
      ...Array.from({ length: 4 }, (_, i) => backupFileName(at(200 + i), 'upgrade')),
      ...Array.from({ length: 4 }, (_, i) => backupFileName(at(300 + i), 'packet')),
      backupFileName(at(400), 'manual'),
      'notes.txt',
      '.partial-abc.yandubak',
    ];
    expect(BACKUP_RETENTION).toEqual({ auto: 10, daily: 7 });
    const drop = backupsToPrune(names, 3);
    expect(drop).toEqual([...names.slice(0, 4), ...names.slice(14, 16), names[23]!, names[27]!].sort());
    // The newest of each kind is never dropped, whatever the mix.
    for (const reason of ['auto', 'daily', 'upgrade', 'packet', 'manual'] as const) {
      const newest = names
        .filter((n) => reasonOfFile(n) === reason)
        .sort()
        .at(-1)!;
      expect(drop).not.toContain(newest);
    }
    expect(reasonOfFile('backup-20260101T000000000Z-auto-2.yandubak')).toBe('auto');
    expect(reasonOfFile('backup-x-auto.yandubak')).toBeNull();
  });

  it('main applies it after each backup: a stream of auto backups never pushes out an upgrade backup', async () => {
    const { api, dir } = await apiFor();
    const { db } = newDb('ret-main');
    await db.open();
    await db.articles.add(article(0));
    const { backupDatabase } = await import('../../renderer/core/backup/backup');
    const upgrade = await backupDatabase(db, api, 'upgrade', 2);
    for (let i = 0; i < 12; i++) await backupDatabase(db, api, 'auto', 2);
    const files = (await readdir(path.join(dir, 'backups'))).filter((n) => n.endsWith('.yandubak'));
    expect(files.filter((n) => reasonOfFile(n) === 'auto')).toHaveLength(10);
    expect(files).toContain(upgrade.name);
  });
});

describe('recovery offer', () => {
  const entry = (name: string, createdAt: string, library: BackupEntry['library'], counts: Record<string, number> = {}): BackupEntry => ({
    name,
    bytes: 1,
    createdAt,
    reason: 'auto',
    schemaVersion: 4,
    counts: { articles: 10, ...counts },
    ...(library ? { library } : {}),
  });
  const lib = (id: string, rev: number, userArticles = 0) => ({ id, rev, changedAt: null, userArticles });
  const ours = { id: 'lib_ours0000', rev: 5, changedAt: null };

  it('an empty library is offered the newest backup with content from another library', () => {
    const entries = [
      entry('b1', '2026-01-01T00:00:00.000Z', lib('lib_other000', 3), { highlights: 2 }),
      entry('b2', '2026-01-02T00:00:00.000Z', lib('lib_other000', 4), { notes: 1 }),
      // Newer, but only samples: nothing to offer in it.
      entry('b3', '2026-01-03T00:00:00.000Z', lib('lib_third000', 1)),
    ];
    expect(chooseRecoveryOffer(entries, { meta: ours, empty: true }, [])).toEqual({ entry: entries[1], reason: 'empty' });
    // Not when ours holds anything of the user's.
    expect(chooseRecoveryOffer(entries, { meta: ours, empty: false }, [])).toBeNull();
    // Declined: not again; a newer backup is offered again.
    expect(chooseRecoveryOffer(entries, { meta: ours, empty: true }, ['b2'])).toBeNull();
    const newer = [...entries, entry('b4', '2026-01-04T00:00:00.000Z', lib('lib_other000', 5, 3))];
    expect(chooseRecoveryOffer(newer, { meta: ours, empty: true }, ['b2'])?.entry.name).toBe('b4');
    // Backups written before library ids existed count their user tables.
    expect(
      chooseRecoveryOffer([entry('old', '2025-01-01T00:00:00.000Z', undefined, { notes: 1 })], { meta: ours, empty: true }, [])?.entry.name,
    ).toBe('old');
  });

  it('an empty library in a browser that held another one was discarded: said so, also before ids were remembered when changes were pending', () => {
    const entries = [entry('b1', '2026-01-01T00:00:00.000Z', lib('lib_lost0000', 3), { notes: 2 })];
    const offer = (last: { libraryId: string | null; pending: boolean }) =>
      chooseRecoveryOffer(entries, { meta: ours, empty: true }, [], last)?.reason;
    expect(offer({ libraryId: 'lib_lost0000', pending: false })).toBe('discarded');
    // Another library than the backup's was lost: still discarded (the offer names no library).
    expect(offer({ libraryId: 'lib_third000', pending: false })).toBe('discarded');
    // The browser remembers this very library: it was always empty.
    expect(offer({ libraryId: ours.id, pending: true })).toBe('empty');
    expect(offer({ libraryId: null, pending: true })).toBe('discarded');
    expect(offer({ libraryId: null, pending: false })).toBe('empty');
    // A library with the user's data is never offered another's backup, whatever is remembered.
    expect(chooseRecoveryOffer(entries, { meta: ours, empty: false }, [], { libraryId: 'lib_lost0000', pending: true })).toBeNull();
  });

  it('a backup of our own library with a higher revision means ours lost changes; our own up-to-date backup means nothing to offer', () => {
    const own = entry('o1', '2026-01-05T00:00:00.000Z', lib(ours.id, 7));
    const other = entry('x1', '2026-01-04T00:00:00.000Z', lib('lib_other000', 9), { notes: 3 });
    expect(chooseRecoveryOffer([other, own], { meta: ours, empty: false }, [])).toEqual({ entry: own, reason: 'newer' });
    expect(chooseRecoveryOffer([other, own], { meta: { ...ours, rev: 7 }, empty: false }, [])).toBeNull();
    // Even when empty: our own newest backup (same revision) decides, older foreign ones are not offered.
    expect(chooseRecoveryOffer([other, own], { meta: { ...ours, rev: 7 }, empty: true }, [])).toBeNull();
    expect(chooseRecoveryOffer([other, own], { meta: ours, empty: false }, ['o1'])).toBeNull();
  });

  it('end to end on fake-indexeddb: changes become an auto backup; a fresh library is offered it; 暂不 is remembered; 恢复 brings everything back', async () => {
    const { api } = await apiFor();
    const clock = new ManualClock();
    const first = newDb('rec-first');
    await first.db.open();
    await first.db.articles.add(article(0, 'sample'));
    const meta = await ensureLibraryIdentity(first.db);
    expect(await isLibraryEmpty(first.db)).toBe(true);
    const storage = new Map<string, string>();
    const kv = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    };
    const cb = startContinuousBackup({
      db: first.db,
      api,
      tracker: first.tracker,
      delays: { settleMs: 1000, maxWaitMs: 5000 },
      clock,
      storage: kv,
    });
    // Only the samples changed: nothing the user made, no backup.
    await first.db.articles.put({ ...article(0, 'sample'), title: '示例' });
    expect(await cb.flush()).toBeNull();
    expect((await api.backup.list({})).entries).toHaveLength(0);
    await first.db.highlights.add(highlight('h1'));
    await first.db.highlights.add(highlight('h2'));
    expect(cb.scheduler.pending).toBe(true);
    expect(storage.has('yandu.backupPending')).toBe(true);
    await clock.advance(1000);
    await expect.poll(() => api.backup.list({}).then((l) => l.entries.length)).toBe(1);
    await expect.poll(() => storage.has('yandu.backupPending')).toBe(false);
    const [written] = (await api.backup.list({})).entries;
    expect(written!.reason).toBe('auto');
    expect(written!.library).toMatchObject({ id: meta.id, rev: 1, userArticles: 0 });
    expect(written!.counts).toMatchObject({ highlights: 2 });
    expect((await readLibraryMeta(first.db))?.rev).toBe(1);
    expect(await isLibraryEmpty(first.db)).toBe(false);
    // The library itself is up to date with its backup: nothing to offer it (and it is remembered).
    expect(await findRecoveryOffer(first.db, api, kv)).toBeNull();
    expect(storage.get('yandu.libraryId')).toBe(meta.id);
    cb.stop();

    const fresh = newDb('rec-fresh');
    await fresh.db.open();
    await fresh.db.articles.add(article(0, 'sample'));
    await ensureLibraryIdentity(fresh.db);
    // A browser that never held a library (nothing remembered) is simply empty…
    expect(await findRecoveryOffer(fresh.db, api, null)).toMatchObject({ reason: 'empty', entry: { name: written!.name } });
    // …one that held `first` lost it (the browser discarded its store): the offer says so, and
    // keeps saying so until answered.
    expect(await findRecoveryOffer(fresh.db, api, kv)).toMatchObject({ reason: 'discarded', entry: { name: written!.name } });
    expect(storage.get('yandu.libraryId')).toBe(meta.id);
    await declineOffer(fresh.db, written!.name, kv);
    expect(storage.get('yandu.libraryId')).toBe((await readLibraryMeta(fresh.db))!.id);
    expect(await findRecoveryOffer(fresh.db, api, kv)).toBeNull();

    const checked = await api.backup.inspect({ ref: { from: 'folder', name: written!.name } });
    await restoreBackup(fresh.db, api, checked);
    expect((await fresh.db.highlights.toArray()).map((h) => h.id).sort()).toEqual(['h1', 'h2']);
    const after = await readLibraryMeta(fresh.db);
    expect(after?.id).not.toBe(meta.id);
    expect(await findRecoveryOffer(fresh.db, api)).toBeNull();
  });
});

describe('a start that follows a crash', () => {
  /** A library with something of the user's, its tracker having heard nothing yet. */
  async function libraryWithUserData(name: string) {
    const db = new YanduDB(`${name}-${Math.random().toString(36).slice(2)}`);
    const tracker = trackChanges(db);
    dbs.push(db);
    await db.open();
    await db.articles.add(article(0, 'sample'));
    // With its text: a backup keeps only articles that have one.
    await db.bodies.add({ articleId: 'a_0', html: '<p>正文</p>', text: '正文' });
    await db.highlights.add(highlight('h1'));
    await ensureLibraryIdentity(db);
    tracker.takeUnheard();
    return { db, tracker };
  }
  const memory = () => {
    const map = new Map<string, string>();
    return {
      map,
      kv: {
        getItem: (k: string) => map.get(k) ?? null,
        setItem: (k: string, v: string) => void map.set(k, v),
        removeItem: (k: string) => void map.delete(k),
      },
    };
  };

  it('backs up at once when the last session left changes no backup had, or start-up wrote any; after the settle delay otherwise', async () => {
    const settle = { settleMs: 30_000, maxWaitMs: 300_000 };
    const cases = [
      'pending flag',
      'pending only in IndexedDB',
      'written at start-up',
      'only reading positions at start-up',
      'nothing',
    ] as const;
    for (const start of cases) {
      const { api } = await apiFor();
      const clock = new ManualClock();
      const { db, tracker } = await libraryWithUserData('crash-start');
      const { map, kv } = memory();
      if (start === 'pending flag') map.set('yandu.backupPending', '2026-12-05T00:00:00.000Z');
      // The browser was killed before it wrote localStorage out: only IndexedDB's row says so.
      if (start === 'pending only in IndexedDB') await db.settings.put({ key: 'backupPendingSince', value: '2026-12-05T00:00:00.000Z' });
      if (start === 'written at start-up') await db.highlights.add(highlight('h2'));
      if (start === 'only reading positions at start-up')
        await db.reading.put({ articleId: 'a_0', block: 3, offset: 0.5, progress: 0.2, updatedAt: '2026-12-05T00:00:00.000Z' });
      const cb = startContinuousBackup({ db, api, tracker, delays: settle, clock, storage: kv });
      // No time passes: only a backup started at once is running.
      const atOnce = start !== 'only reading positions at start-up' && start !== 'nothing';
      if (atOnce)
        await expect.poll(async () => cb.scheduler.busy || (await api.backup.list({})).entries.length > 0, { message: start }).toBe(true);
      await flushPromises();
      if (!atOnce) expect(cb.scheduler.busy, start).toBe(false);
      await expect.poll(() => cb.scheduler.busy).toBe(false);
      expect((await api.backup.list({})).entries, start).toHaveLength(atOnce ? 1 : 0);
      if (atOnce) {
        expect(map.has('yandu.backupPending')).toBe(false);
        await expect.poll(() => db.settings.get('backupPendingSince')).toBeUndefined();
      }
      // A change now waits for the settle delay, as always.
      await db.highlights.add(highlight('h3'));
      await clock.advance(settle.settleMs - 1);
      expect(cb.scheduler.busy).toBe(false);
      await clock.advance(1);
      expect(cb.scheduler.busy).toBe(true);
      await expect.poll(() => api.backup.list({}).then((l) => l.entries.length)).toBe(atOnce ? 2 : 1);
      cb.stop();
    }
  });

  it('a note typed after the last backup: its journal is kept until a backup holds it, and a restore of that backup into a store the browser emptied brings it back', async () => {
    localStorage.clear();
    const { api } = await apiFor();
    const { db } = await libraryWithUserData('late-note');
    const notes = createNotesService(db);
    const draft = { ...newDraft('note', null, null, '2026-12-05T10:00:00.000Z'), title: '最后一条' };
    const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
    // Saved and journalled as the editor does it, then backed up: the journal goes.
    const first = await notes.save({ ...draft, doc: doc('备份里有这一句。') });
    journalSaved(first, [first.updatedAt]);
    expect(localStorage.getItem(NOTE_JOURNAL_PREFIX + draft.id)).not.toBeNull();
    const backup = await backupDatabase(db, api, 'auto');
    expect(localStorage.getItem(NOTE_JOURNAL_PREFIX + draft.id)).toBeNull();
    // Typed after that backup: in IndexedDB and in the journal, in no backup.
    const late = await notes.save({ ...draft, doc: doc('备份之后又写了这一句。'), updatedAt: '2026-12-05T10:00:40.000Z' });
    journalSaved(late, [late.updatedAt]);
    expect(localStorage.getItem(NOTE_JOURNAL_PREFIX + draft.id)).not.toBeNull();
    // Highlights too: one recoloured and one made after the backup, and one on an article the backup lacks.
    const recoloured = { ...highlight('h1'), color: 'green' as const, updatedAt: '2026-12-05T10:00:41.000Z' };
    const made = { ...highlight('h_late'), updatedAt: '2026-12-05T10:00:42.000Z' };
    const elsewhere = { ...highlight('h_new_article'), articleId: 'a_9', updatedAt: '2026-12-05T10:00:43.000Z' };
    await db.articles.add(article(9, 'import'));
    for (const row of [recoloured, made, elsewhere]) {
      await db.highlights.put(row);
      journalHighlight(row);
    }

    // The browser discards the store: a new, empty one (samples only) with a new identity.
    const emptied = new YanduDB(`late-note-emptied-${Math.random().toString(36).slice(2)}`);
    dbs.push(emptied);
    await emptied.open();
    await emptied.articles.add(article(0, 'sample'));
    await ensureLibraryIdentity(emptied);
    localStorage.removeItem('yandu.backupPending');
    const result = await restoreBackup(emptied, api, await api.backup.inspect({ ref: { from: 'folder', name: backup.name } }));
    expect(result.journalsReplayed).toBe(1);
    expect(result.highlightsReplayed).toBe(2);
    expect((await emptied.notes.toArray()).map((n) => [n.title, n.text])).toEqual([['最后一条', '备份之后又写了这一句。']]);
    // The highlight on an article the restored library lacks has nothing to stand on: not written.
    expect((await emptied.highlights.toArray()).map((h) => [h.id, h.color]).sort()).toEqual([
      ['h1', 'green'],
      ['h_late', 'yellow'],
    ]);
    // Still in no backup: the journals stay, and the next start backs up at once.
    expect(localStorage.getItem(NOTE_JOURNAL_PREFIX + draft.id)).not.toBeNull();
    expect(localStorage.getItem('yandu.backupPending')).not.toBeNull();
    expect(await emptied.settings.get('backupPendingSince')).toBeDefined();
    await backupDatabase(emptied, api, 'auto');
    expect(localStorage.getItem(NOTE_JOURNAL_PREFIX + draft.id)).toBeNull();
    // Released too, but for the one the backup could not hold.
    expect((JSON.parse(localStorage.getItem(HIGHLIGHT_JOURNAL_KEY)!) as { id: string }[]).map((h) => h.id)).toEqual(['h_new_article']);
    localStorage.clear();
  });

  it('the highlight journal keeps the newest within its count and size bounds, and forgets a deleted highlight', () => {
    localStorage.clear();
    const at = (i: number) => new Date(Date.UTC(2026, 11, 5, 0, 0, i)).toISOString();
    for (let i = 0; i <= MAX_JOURNALLED_HIGHLIGHTS; i++) journalHighlight({ ...highlight(`h_${i}`), updatedAt: at(i) });
    const ids = () => (JSON.parse(localStorage.getItem(HIGHLIGHT_JOURNAL_KEY) ?? '[]') as { id: string }[]).map((h) => h.id);
    expect(ids()).toHaveLength(MAX_JOURNALLED_HIGHLIGHTS);
    expect(ids()[0]).toBe('h_1');
    // Written again: one entry, now the newest.
    journalHighlight({ ...highlight('h_1'), color: 'blue', updatedAt: at(999) });
    expect(ids().filter((id) => id === 'h_1')).toHaveLength(1);
    expect(ids().at(-1)).toBe('h_1');
    forgetHighlight('h_1');
    expect(ids()).not.toContain('h_1');
    // Size: long comments; the list stays within its bound, newest kept.
    localStorage.clear();
    const comment = '批'.repeat(Math.floor(MAX_HIGHLIGHT_JOURNAL_CHARS / 3));
    for (let i = 0; i < 4; i++) journalHighlight({ ...highlight(`big_${i}`), comment, updatedAt: at(i) });
    expect(localStorage.getItem(HIGHLIGHT_JOURNAL_KEY)!.length).toBeLessThanOrEqual(MAX_HIGHLIGHT_JOURNAL_CHARS);
    expect(ids()).toEqual(['big_2', 'big_3']);
    localStorage.clear();
  });

  it('a restore over a library that holds the late note leaves no journal to replay: the undo backup holds it', async () => {
    localStorage.clear();
    const { api } = await apiFor();
    const { db } = await libraryWithUserData('undo-holds');
    const notes = createNotesService(db);
    const old = await backupDatabase(db, api, 'manual');
    const row = await notes.save({ ...newDraft('note', null, null, '2026-12-05T11:00:00.000Z'), title: '撤销可找回' });
    journalSaved(row, [row.updatedAt]);
    const result = await restoreBackup(db, api, await api.backup.inspect({ ref: { from: 'folder', name: old.name } }));
    // The deliberate restore goes back to before the note; the note is in the undo backup, not replayed.
    expect(result.journalsReplayed).toBe(0);
    expect(await db.notes.count()).toBe(0);
    expect(localStorage.getItem(NOTE_JOURNAL_PREFIX + row.id)).toBeNull();
    expect(result.undo.counts.notes).toBe(1);
  });
});

describe('a backups folder that cannot be written', () => {
  it('is said once in Chinese (not at every retry), loses no change, and backing up resumes once the folder is fixed', async () => {
    // Backup attempts that reached the host and came back: a retry's file writes are real I/O,
    // so the folder is fixed only once the retry has finished (not while it is writing).
    let attempts = 0;
    const { api, dir } = await apiFor((name) => {
      if (name === 'backup.begin') attempts++;
    });
    // A file where the backups folder should be: a real write failure even for root (chmod is not).
    await writeFile(path.join(dir, 'backups'), 'not a folder');
    const clock = new ManualClock();
    const { db, tracker } = newDb('unwritable');
    await db.open();
    await ensureLibraryIdentity(db);
    const failures: string[] = [];
    let recovered = 0;
    const cb = startContinuousBackup({
      db,
      api,
      tracker,
      delays: { settleMs: 1000, maxWaitMs: 5000 },
      clock,
      storage: null,
      onFailure: (m) => failures.push(m),
      onRecovered: () => recovered++,
    });
    await db.highlights.add(highlight('h1'));
    await clock.advance(1000);
    await expect.poll(() => failures.length).toBe(1);
    expect(failures[0]).toContain(path.join(dir, 'backups'));
    expect(failures[0]).toMatch(/无法写入.*文库中的内容没有受影响/);
    expect(cb.scheduler.pending).toBe(true);
    // Retries with the same reason are not said again.
    await db.highlights.add(highlight('h2'));
    await clock.advance(5000);
    await expect.poll(() => attempts).toBeGreaterThanOrEqual(2);
    await expect.poll(() => cb.scheduler.busy).toBe(false);
    expect(failures).toHaveLength(1);
    expect(recovered).toBe(0);
    expect(await db.highlights.count()).toBe(2);

    await rm(path.join(dir, 'backups'));
    await db.highlights.add(highlight('h3'));
    await clock.advance(5000);
    await expect.poll(() => recovered).toBe(1);
    const [entry] = (await api.backup.list({})).entries;
    expect(entry!.counts).toMatchObject({ highlights: 3 });
    expect(failures).toHaveLength(1);
    cb.stop();
  });
});

describe('an automatic backup failing with a browser error', () => {
  it('is said in Chinese, once, however the English message varies between retries', async () => {
    const { api } = await apiFor();
    const clock = new ManualClock();
    const { db, tracker } = newDb('foreign-error');
    await db.open();
    await ensureLibraryIdentity(db);
    let attempt = 0;
    // The renderer side of a backup fails as IndexedDB does: an English, non-AppError message.
    const failing = {
      ...api,
      backup: {
        ...api.backup,
        begin: () => Promise.reject(new Error(`UnknownError: Internal error opening backing store (${++attempt})`)),
      },
    } as Api;
    const failures: string[] = [];
    const cb = startContinuousBackup({
      db,
      api: failing,
      tracker,
      delays: { settleMs: 1000, maxWaitMs: 5000 },
      clock,
      storage: null,
      onFailure: (m) => failures.push(m),
    });
    await db.highlights.add(highlight('h1'));
    await clock.advance(1000);
    await expect.poll(() => attempt).toBe(1);
    await db.highlights.add(highlight('h2'));
    await clock.advance(5000);
    await expect.poll(() => attempt).toBeGreaterThanOrEqual(2);
    await flushPromises();
    expect(failures).toHaveLength(1);
    expect(failures[0]).not.toMatch(/[A-Za-z]{3,}/);
    expect(failures[0]).toMatch(/[\u4e00-\u9fff]/);
    cb.stop();
  });
});

describe('quitting handshake (host side)', () => {
  it('waits for every page that was told, or the timeout; no page means no wait', async () => {
    const gate = createQuitGate();
    expect(await gate.wait(() => 0, 60_000)).toEqual({ answered: 0, backups: [], timedOut: false });
    const waiting = gate.wait(() => 2, 60_000);
    gate.ready('backup-a.yandubak');
    gate.ready(null);
    expect(await waiting).toEqual({ answered: 2, backups: ['backup-a.yandubak'], timedOut: false });
    // A page that never answers: the bounded wait ends.
    expect(await gate.wait(() => 1, 20)).toEqual({ answered: 0, backups: [], timedOut: true });
  });

  it('reads the settle delays for tests from the environment, production defaults otherwise', () => {
    expect(backupDelaysFromEnv({})).toBeUndefined();
    expect(backupDelaysFromEnv({ YANDU_BACKUP_SETTLE_MS: '300' })).toEqual({ settleMs: 300, maxWaitMs: 3000 });
    expect(backupDelaysFromEnv({ YANDU_BACKUP_SETTLE_MS: '300', YANDU_BACKUP_MAX_WAIT_MS: '900' })).toEqual({
      settleMs: 300,
      maxWaitMs: 900,
    });
    expect(backupDelaysFromEnv({ YANDU_BACKUP_SETTLE_MS: 'soon' })).toBeUndefined();
  });
});

describe('snapshot in short reads', () => {
  it('reads article texts a page at a time and keeps the snapshot whole when sync writes between pages', async () => {
    const { snapshotChunks } = await import('../../renderer/core/backup/backup');
    const { db } = newDb('snap-pages');
    await db.open();
    const id = (i: number) => `a_${String(i).padStart(3, '0')}`;
    const body = (articleId: string) => ({ articleId, html: `<p>${articleId}</p>`, text: articleId });
    await db.articles.bulkAdd(Array.from({ length: 450 }, (_, i) => ({ ...article(i), id: id(i), urlKey: `k:${i}` })));
    await db.bodies.bulkAdd(Array.from({ length: 450 }, (_, i) => body(id(i))));

    // Between the first and second page: an article added behind the read position (its text
    // is missed), one deleted whose text was already read, and one added ahead (read whole).
    const realSetTimeout = globalThis.setTimeout;
    let injected = 0;
    globalThis.setTimeout = ((fn: () => void, ms?: number) => {
      if (injected++ === 0) {
        void (async () => {
          await db.transaction('rw', [db.articles, db.bodies], async () => {
            await db.articles.add({ ...article(1000), id: 'a_0005', urlKey: 'k:behind' });
            await db.bodies.add(body('a_0005'));
            await db.articles.delete('a_001');
            await db.bodies.delete('a_001');
            await db.articles.add({ ...article(1001), id: 'a_zzz', urlKey: 'k:ahead' });
            await db.bodies.add(body('a_zzz'));
          });
          realSetTimeout(fn, ms);
        })();
        return 0 as unknown as ReturnType<typeof setTimeout>;
      }
      return realSetTimeout(fn, ms);
    }) as typeof setTimeout;
    let snap: Awaited<ReturnType<typeof snapshotChunks>>;
    try {
      snap = await snapshotChunks(db);
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
    expect(injected).toBeGreaterThan(1);
    const rows = (table: string) =>
      snap.chunks.filter((c) => c.table === table).flatMap((c) => c.records) as { id?: string; articleId?: string }[];
    const articleIds = rows('articles')
      .map((a) => a.id!)
      .sort();
    const bodyIds = rows('bodies')
      .map((b) => b.articleId!)
      .sort();
    expect(bodyIds).toEqual(articleIds);
    expect(articleIds).toHaveLength(450);
    expect(articleIds).toContain('a_zzz');
    expect(articleIds).not.toContain('a_001');
    expect(articleIds).not.toContain('a_0005');
  });
});
