/**
 * Writes the view shows before IndexedDB has committed them (core/pendingWrites.ts): journalled
 * synchronously, taken out once settled, replayed at start-up when the page went in between; and the
 * app's kinds (core/pendingKinds.ts) on fake-indexeddb: a setting through its schema, the leader
 * layer beside the hidden sessions, a reading position never over a newer one.
 */
import 'fake-indexeddb/auto';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import {
  journalPendingWrite,
  keptWrite,
  MAX_PENDING_WRITES,
  PENDING_WRITES_KEY,
  pendingWrites,
  replayPendingWrites,
  settlePendingWrite,
  WriteNotStored,
  formDrafts,
} from '../../renderer/core/pendingWrites';
import { AppError } from '../../shared/errors';
import { NEW_SESSION_DRAFT_KIND, recoverPendingWrites, SOURCE_DRAFT_KIND } from '../../renderer/core/pendingKinds';
import { createReadingRepository, createSettingsRepository } from '../../renderer/db/repositories';
import { YanduDB } from '../../renderer/db/schema';
import { HIDDEN_KEY, readHidden } from '../../renderer/core/roles';
import { articleRow } from './helpers/rows';

function memoryStorage() {
  const store = new Map<string, string>();
  return {
    store,
    storage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    },
  };
}

/** A promise the test resolves or rejects by hand: a write still in flight. */
function inFlight<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('pending writes', () => {
  it('journals before the write starts and takes the entry out once it commits', async () => {
    const { storage } = memoryStorage();
    const write = inFlight<void>();
    let seenWhileRunning: unknown[] = [];
    const done = keptWrite(
      'setting',
      'page.zoom',
      3,
      () => {
        seenWhileRunning = pendingWrites(storage).map((e) => e.value);
        return write.promise;
      },
      storage,
    );
    // Synchronously, before anything was awaited: a reload now finds it.
    expect(pendingWrites(storage).map((e) => [e.kind, e.key, e.value])).toEqual([['setting', 'page.zoom', 3]]);
    expect(seenWhileRunning).toEqual([3]);
    write.resolve();
    await done;
    expect(pendingWrites(storage)).toEqual([]);
  });

  it('a refused value leaves no entry behind and fails as it was refused', async () => {
    const { storage } = memoryStorage();
    const refusal = new AppError('E_INVALID_ARGUMENT', '设置的值无效。没有保存。');
    await expect(keptWrite('setting', 'page.zoom', 3, () => Promise.reject(refusal), storage)).rejects.toBe(refusal);
    expect(pendingWrites(storage)).toEqual([]);
    const valiError = (() => {
      try {
        v.parse(v.number(), 'x');
      } catch (error) {
        return error;
      }
      throw new Error('a string passed as a number');
    })();
    expect(valiError).toBeInstanceOf(v.ValiError);
    await expect(keptWrite('setting', 'page.zoom', 4, () => Promise.reject(valiError), storage)).rejects.toBe(valiError);
    expect(pendingWrites(storage)).toEqual([]);
  });

  it('a write the database failed keeps its entry for the next start and says so (WriteNotStored, kept)', async () => {
    const { storage } = memoryStorage();
    const full = new DOMException('the disk is full', 'QuotaExceededError');
    const failed = await keptWrite('setting', 'page.zoom', 3, () => Promise.reject(full), storage).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(WriteNotStored);
    expect((failed as WriteNotStored).kept).toBe(true);
    expect((failed as WriteNotStored).cause).toBe(full);
    expect(pendingWrites(storage).map((e) => [e.kind, e.key, e.value])).toEqual([['setting', 'page.zoom', 3]]);
    // The next change of the same key replaces it; once that one is stored, nothing waits.
    await keptWrite('setting', 'page.zoom', 5, () => Promise.resolve(), storage);
    expect(pendingWrites(storage)).toEqual([]);
  });

  it('a failed write whose journal could not be written either says it is not kept', async () => {
    const { storage } = memoryStorage();
    const refusing = {
      ...storage,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const failed = await keptWrite('setting', 'page.zoom', 3, () => Promise.reject(new Error('closed')), refusing).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(WriteNotStored);
    expect((failed as WriteNotStored).kept).toBe(false);
  });

  it('a newer write to the same key replaces the older entry, and the older settling leaves the newer', async () => {
    const { storage } = memoryStorage();
    const first = inFlight<void>();
    const second = inFlight<void>();
    const a = keptWrite('setting', 'page.zoom', 2, () => first.promise, storage);
    const b = keptWrite('setting', 'page.zoom', 4, () => second.promise, storage);
    const c = keptWrite('setting', 'page.colour', 'grey', () => Promise.resolve(), storage);
    await c;
    expect(pendingWrites(storage).map((e) => e.value)).toEqual([4]);
    first.resolve();
    await a;
    expect(pendingWrites(storage).map((e) => e.value)).toEqual([4]);
    second.resolve();
    await b;
    expect(pendingWrites(storage)).toEqual([]);
  });

  it('replays what is left, through the replayer of its kind; unknown kinds and failed replays stay', async () => {
    const { storage } = memoryStorage();
    journalPendingWrite('setting', 'page.zoom', 5, storage);
    journalPendingWrite('bookmark', 'p7', { line: 3 }, storage);
    journalPendingWrite('setting', 'page.colour', 'grey', storage);
    journalPendingWrite('setting', 'page.bad', 'x', storage);
    const written: [string, unknown][] = [];
    const n = await replayPendingWrites(
      {
        async setting(key, value) {
          if (key === 'page.bad') return false;
          if (key === 'page.colour') throw new Error('database closed');
          written.push([key, value]);
          return true;
        },
      },
      storage,
    );
    expect(n).toBe(1);
    expect(written).toEqual([['page.zoom', 5]]);
    expect(pendingWrites(storage).map((e) => `${e.kind}:${e.key}`)).toEqual(['bookmark:p7', 'setting:page.colour']);
  });

  it('a settled token that is not there changes nothing; unreadable storage reads as empty', () => {
    const { storage, store } = memoryStorage();
    const token = journalPendingWrite('setting', 'page.zoom', 1, storage);
    settlePendingWrite('not-a-token', storage);
    expect(pendingWrites(storage)).toHaveLength(1);
    settlePendingWrite(token, storage);
    expect(store.has(PENDING_WRITES_KEY)).toBe(false);
    store.set(PENDING_WRITES_KEY, '{broken');
    expect(pendingWrites(storage)).toEqual([]);
  });

  it('stays bounded: beyond the bound the oldest entries go', () => {
    const { storage } = memoryStorage();
    for (let i = 0; i < MAX_PENDING_WRITES + 5; i++) journalPendingWrite('setting', `k${i}`, i, storage);
    const left = pendingWrites(storage);
    expect(left).toHaveLength(MAX_PENDING_WRITES);
    expect(left[0]!.key).toBe('k5');
  });
});

describe("form drafts (a form that stores only on the user's word)", () => {
  const FormSchema = v.object({ title: v.string(), place: v.string() });

  it('keeps one draft per key, read back through its schema with its time, until settled', () => {
    const { storage } = memoryStorage();
    const drafts = formDrafts('testForm', FormSchema, () => storage);
    drafts.write('a', { title: '第一稿', place: '' });
    const token = drafts.write('a', { title: '第二稿', place: '三楼' });
    drafts.write('b', { title: '另一张表', place: '' });
    const kept = drafts.read('a');
    expect(kept?.value).toEqual({ title: '第二稿', place: '三楼' });
    expect(kept?.token).toBe(token);
    expect(Number.isNaN(Date.parse(kept!.at))).toBe(false);
    expect(drafts.keys().sort()).toEqual(['a', 'b']);
    drafts.settle(token);
    expect(drafts.read('a')).toBeNull();
    expect(drafts.keys()).toEqual(['b']);
  });

  it('an entry its form cannot hold reads as none and is left as it is', () => {
    const { storage } = memoryStorage();
    journalPendingWrite('testForm', 'a', { title: 3 }, storage);
    const drafts = formDrafts('testForm', FormSchema, () => storage);
    expect(drafts.read('a')).toBeNull();
    expect(pendingWrites(storage)).toHaveLength(1);
  });

  it('start-up never replays a draft into the database: it waits for its form', async () => {
    const { storage } = memoryStorage();
    formDrafts(SOURCE_DRAFT_KIND, FormSchema, () => storage).write('new', { title: '来源', place: '' });
    formDrafts(NEW_SESSION_DRAFT_KIND, FormSchema, () => storage).write('new', { title: '专题', place: '' });
    const db = new YanduDB(`form-drafts-${Math.random()}`);
    expect(await recoverPendingWrites(db, storage)).toBe(0);
    expect(pendingWrites(storage).map((e) => e.kind)).toEqual([SOURCE_DRAFT_KIND, NEW_SESSION_DRAFT_KIND]);
    db.close();
  });
});

describe("the app's pending kinds at start-up", () => {
  const open: YanduDB[] = [];
  let counter = 0;
  afterEach(async () => {
    for (const db of open.splice(0)) await db.delete();
  });
  async function freshDb(): Promise<YanduDB> {
    const db = new YanduDB(`pending-${Date.now()}-${counter++}`);
    open.push(db);
    await db.open();
    return db;
  }

  it('a reader setting left in flight is stored through its schema; a value failing it is declined and dropped', async () => {
    const db = await freshDb();
    const { storage } = memoryStorage();
    const reader = { fontSize: 24, lineHeight: 2, width: 'wide', theme: 'sepia', font: 'kai' };
    journalPendingWrite('setting', 'reader', reader, storage);
    journalPendingWrite('setting', 'sync', { delayMs: -5, maxPages: 3 }, storage);
    journalPendingWrite('setting', 'no.such.key', 1, storage);
    expect(await recoverPendingWrites(db, storage)).toBe(1);
    expect((await db.settings.get('reader'))?.value).toEqual(reader);
    expect(await db.settings.get('sync')).toBeUndefined();
    expect(await db.settings.get('no.such.key')).toBeUndefined();
    expect(pendingWrites(storage)).toEqual([]);
  });

  it('a setting is replayed only over a row written before it; a row of the previous release (no time) counts as oldest', async () => {
    const db = await freshDb();
    const { storage } = memoryStorage();
    const settings = createSettingsRepository(db);
    const reader = (fontSize: number) => ({ fontSize, lineHeight: 1.8, width: 'medium', theme: 'light', font: 'song' });
    // The previous release wrote rows without a time.
    await db.settings.put({ key: 'reader', value: reader(16) });
    journalPendingWrite('setting', 'reader', reader(20), storage, '2026-03-01T08:00:00.000Z');
    // Another tab wrote the colour of the next highlight after this entry was made (its own entry lost).
    journalPendingWrite('setting', 'highlightDefaults', { color: 'green', style: 'fill' }, storage, '2026-03-01T08:00:00.000Z');
    await settings.set('highlightDefaults', v.unknown(), { color: 'blue', style: 'underline' }, '2026-03-01T08:00:05.000Z');
    // …and the sync settings before it.
    journalPendingWrite('setting', 'sync', { delayMs: 2500, maxPages: 3 }, storage, '2026-03-01T08:00:00.000Z');
    await settings.set('sync', v.unknown(), { delayMs: 1000, maxPages: 5 }, '2026-03-01T07:59:00.000Z');

    expect(await recoverPendingWrites(db, storage)).toBe(2);
    expect(await db.settings.get('reader')).toEqual({ key: 'reader', value: reader(20), updatedAt: '2026-03-01T08:00:00.000Z' });
    expect((await db.settings.get('highlightDefaults'))?.value).toEqual({ color: 'blue', style: 'underline' });
    expect((await db.settings.get('sync'))?.value).toEqual({ delayMs: 2500, maxPages: 3 });
    expect(pendingWrites(storage)).toEqual([]);
    // Every write through the repository carries its time.
    await settings.write(HIDDEN_KEY, { sessions: [], leaderLayer: true });
    expect((await db.settings.get(HIDDEN_KEY))?.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('the leader layer switched off is stored beside the hidden sessions, which stay', async () => {
    const db = await freshDb();
    const { storage } = memoryStorage();
    await createSettingsRepository(db).write(HIDDEN_KEY, { sessions: ['s_one'], leaderLayer: false });
    journalPendingWrite('leaderLayer', 'leaderLayer', true, storage);
    expect(await recoverPendingWrites(db, storage)).toBe(1);
    expect(await readHidden(db)).toEqual({ sessions: ['s_one'], leaderLayer: true });
  });

  it('a reading position is stored unless a newer one is, or the article is gone', async () => {
    const db = await freshDb();
    const { storage } = memoryStorage();
    await db.articles.bulkPut([articleRow(1), articleRow(2)] as never);
    const reading = createReadingRepository(db);
    // Article 2 was read further after this position was journalled (another window).
    journalPendingWrite('reading', 'a_2', { block: 1, offset: 0, progress: 0.1 }, storage, '2026-01-01T00:00:00.000Z');
    await reading.save('a_2', { block: 9, offset: 0, progress: 0.9 });
    journalPendingWrite('reading', 'a_1', { block: 4, offset: 0.5, progress: 0.4 }, storage);
    journalPendingWrite('reading', 'a_gone', { block: 4, offset: 0.5, progress: 0.4 }, storage);
    expect(await recoverPendingWrites(db, storage)).toBe(1);
    expect(await reading.get('a_1')).toMatchObject({ block: 4, offset: 0.5, progress: 0.4 });
    expect(await reading.get('a_2')).toMatchObject({ block: 9, progress: 0.9 });
    expect(await reading.get('a_gone')).toBeUndefined();
    expect(pendingWrites(storage)).toEqual([]);
  });
});
