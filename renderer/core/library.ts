/**
 * The library service: the list of articles (metadata rows, never bodies), importing local
 * files, removing articles, opening one, and reading state.
 *
 * The list follows the database: every committed write (a sync batch, a packet import, a
 * restore, another tab) arrives as Dexie's `storagemutated` event with the keys it touched,
 * and only those rows are read again and handed to listeners as a delta. Writes that touched a
 * range (bulk imports of 50+ rows, a restore's clear) are re-read in pages and diffed, so the
 * listeners still see a delta and no single task handles the whole library at once.
 */
import Dexie, { cmp, type IntervalTree, type ObservabilitySet } from 'dexie';
import * as v from 'valibot';
import type { Api } from '../../shared/contract';
import type { ArticlePayload } from '../../shared/domain/article';
import { api } from '../bridge';
import { articles, db, highlights, reading, settings } from '../db';
import { createArticleRepository } from '../db/repositories';
import { prepareArticles, searchTables } from '../db/searchIndex';
import type { ArticleBodyRow as DbArticleBodyRow, ArticleRow, HighlightRow, ReadingRow, YanduDB } from '../db/schema';
import { beforeBulkChange } from './backup';
import { keptReading, keptSetting } from './pendingKinds';

/** A row of the list: an article's metadata (its body lives in another table). */
export type LibraryRow = ArticleRow;
/** An article's text and HTML, read when it is opened. */
export type ArticleBodyRow = DbArticleBodyRow;

/** A change to the list: rows new or changed (by id), ids gone, and the reading progress if it changed. */
export interface LibraryDelta {
  upserted: readonly ArticleRow[];
  removed: readonly string[];
  /** The whole progress map, when any reading state changed; null otherwise. */
  progress: ReadonlyMap<string, number> | null;
}

export interface LibrarySnapshot {
  rows: ReadonlyMap<string, ArticleRow>;
  progress: ReadonlyMap<string, number>;
}

type Listener = (delta: LibraryDelta, snapshot: LibrarySnapshot) => void;

/** Rows read per step when a whole table is re-read: small enough that no step blocks the page. */
const PAGE = 500;

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function sameRow(a: ArticleRow, b: ArticleRow): boolean {
  for (const key of Object.keys(b) as (keyof ArticleRow)[]) if (a[key] !== b[key]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}

/**
 * The keys named by a mutated-parts tree, or null when it names a range (a bulk write or a
 * clear): then the caller re-reads the table. Trees from another tab arrive as plain objects.
 */
export function keysOfRange(tree: IntervalTree | undefined): string[] | null {
  const keys: string[] = [];
  const walk = (node: IntervalTree | null | undefined): boolean => {
    if (!node || !('from' in node)) return true;
    if (cmp(node.from, node.to) !== 0 || typeof node.from !== 'string') return false;
    keys.push(node.from);
    return walk(node.l) && walk(node.r);
  };
  return walk(tree) ? keys : null;
}

async function readAllRows(database: YanduDB): Promise<ArticleRow[]> {
  const out: ArticleRow[] = [];
  let last: string | null = null;
  for (;;) {
    const page: ArticleRow[] = await (last === null ? database.articles.orderBy('id') : database.articles.where('id').above(last))
      .limit(PAGE)
      .toArray();
    out.push(...page);
    if (page.length < PAGE) return out;
    last = page[page.length - 1]!.id;
    await yieldToPage();
  }
}

/** Follows the articles and reading tables of one database; created once per database. */
export function createLibraryFeed(database: YanduDB) {
  let rows = new Map<string, ArticleRow>();
  let progress = new Map<string, number>();
  const listeners = new Set<Listener>();
  let started: Promise<void> | null = null;
  // Keys waiting to be read again; null = the whole table.
  let dirtyArticles: Set<string> | null = new Set();
  // Reading states to read again (by article id); null = all of them; empty = none.
  let dirtyReading: Set<string> | null = new Set();
  let scheduled: Promise<void> | null = null;
  let queue: Promise<void> = Promise.resolve();

  const articlesPart = `idb://${database.name}/articles/`;
  const readingPart = `idb://${database.name}/reading/`;

  const snapshot = (): LibrarySnapshot => ({ rows, progress });

  const emit = (delta: LibraryDelta) => {
    if (!delta.upserted.length && !delta.removed.length && !delta.progress) return;
    for (const listener of listeners) listener(delta, snapshot());
  };

  const readProgress = async () => {
    const states: ReadingRow[] = await database.reading.toArray();
    progress = new Map(states.map((s) => [s.articleId, s.progress]));
  };

  const apply = async () => {
    const dirty = dirtyArticles;
    const readingDirty = dirtyReading;
    dirtyArticles = new Set();
    dirtyReading = new Set();
    scheduled = null;
    const upserted: ArticleRow[] = [];
    const removed: string[] = [];
    const next = new Map(rows);
    if (dirty === null) {
      const all = await readAllRows(database);
      const seen = new Set<string>();
      for (const row of all) {
        seen.add(row.id);
        const prior = rows.get(row.id);
        if (!prior || !sameRow(prior, row)) upserted.push(row);
        next.set(row.id, row);
      }
      for (const id of rows.keys()) if (!seen.has(id)) removed.push(id);
    } else if (dirty.size) {
      const ids = [...dirty];
      const found = await database.articles.bulkGet(ids);
      ids.forEach((id, i) => {
        const row = found[i];
        if (row) upserted.push(row);
        else if (rows.has(id)) removed.push(id);
      });
      for (const row of upserted) next.set(row.id, row);
    }
    for (const id of removed) next.delete(id);
    rows = next;
    const readingChanged = readingDirty === null || readingDirty.size > 0;
    if (readingDirty === null) await readProgress();
    else if (readingDirty.size) {
      // A saved reading position touches one row: read that one, not every state.
      const ids = [...readingDirty];
      const found = await database.reading.bulkGet(ids);
      const next = new Map(progress);
      ids.forEach((id, i) => {
        const state = found[i];
        if (state) next.set(id, state.progress);
        else next.delete(id);
      });
      progress = next;
    }
    emit({ upserted, removed, progress: readingChanged ? progress : null });
  };

  const onMutated = (parts: ObservabilitySet) => {
    const articlePart = parts[articlesPart];
    const readingPartTree = parts[readingPart];
    if (!articlePart && !readingPartTree) return;
    if (articlePart) {
      const keys = keysOfRange(articlePart);
      if (keys === null) dirtyArticles = null;
      else if (dirtyArticles) for (const k of keys) dirtyArticles.add(k);
    }
    if (readingPartTree) {
      const keys = keysOfRange(readingPartTree);
      if (keys === null) dirtyReading = null;
      else if (dirtyReading) for (const k of keys) dirtyReading.add(k);
    }
    // Writes that land together (several transactions in one tick) are read once.
    scheduled ??= queue = queue.then(apply).catch((error: unknown) => console.error('[library] could not follow a change', error));
  };

  return {
    /** Reads the list once and follows every later change; resolves when the first read is done. */
    start(): Promise<void> {
      if (!started) {
        // Subscribed before the first read, and changes are applied only after it: none is missed or undone.
        Dexie.on.storagemutated.subscribe(onMutated);
        started = Promise.all([readAllRows(database), readProgress()]).then(([all]) => {
          rows = new Map(all.map((r) => [r.id, r]));
        });
        queue = started.catch(() => undefined);
      }
      return started;
    },
    /** Stops following (tests, and a database being closed). */
    stop(): void {
      Dexie.on.storagemutated.unsubscribe(onMutated);
      listeners.clear();
    },
    snapshot,
    /** Every later change, as a delta; returns the unsubscribe function. */
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Resolves once every change seen so far has reached the listeners. */
    settled: (): Promise<void> => queue,
  };
}

export type LibraryFeed = ReturnType<typeof createLibraryFeed>;

/** The app's library list. */
export const libraryFeed = createLibraryFeed(db);

/** An imported article the library already holds (the same file, or the same text). */
export interface ImportDuplicate {
  name: string;
  title: string;
  existing: { id: string; title: string };
  /** What 仍然导入 adds; null for the very same file (its key is taken: only 打开 makes sense). */
  payload: ArticlePayload | null;
}

export interface ImportReport {
  added: number;
  skipped: number;
  failures: { name: string; message: string }[];
  /** The new articles, in import order, so the notice can lead to them. */
  addedArticles: { id: string; title: string }[];
  duplicates: ImportDuplicate[];
}

export const IMPORT_ACCEPT = '.docx,.pdf,.doc,.wps,.ofd,.html,.htm,.txt';
const MAX_FILE_BYTES = 20 * 1024 * 1024;

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Imports .docx/.html/.txt files picked in a dialog or dropped on the window: main reads them
 * (mammoth, decoding, extraction), the library stores what came back in one transaction per
 * file. One file per call keeps every request small and lets the others go on when one fails.
 */
export async function importLocalFiles(files: readonly File[], onProgress?: (done: number, total: number) => void): Promise<ImportReport> {
  const report: ImportReport = { added: 0, skipped: 0, failures: [], addedArticles: [], duplicates: [] };
  let done = 0;
  // Several files at once are a bulk change: changes not yet in a backup are backed up first.
  if (files.length > 1) await beforeBulkChange();
  for (const file of files) {
    try {
      if (file.size > MAX_FILE_BYTES) throw new Error(`文件过大（超过 20 MB）：${file.name}`);
      const result = await api.files.importFiles({ files: [{ name: file.name, dataBase64: toBase64(await file.arrayBuffer()) }] });
      for (const f of result.failures) report.failures.push({ name: f.name, message: f.message });
      const fresh: ArticlePayload[] = [];
      for (const p of result.articles) {
        // The same file (its key) or the same text (its hash, indexed) is offered, not added twice.
        const same =
          (await db.articles.where('urlKey').equals(p.urlKey).first()) ??
          (await db.articles.where('contentHash').equals(p.contentHash).first());
        if (same) {
          report.skipped++;
          report.duplicates.push({
            name: file.name,
            title: p.title,
            existing: { id: same.id, title: same.title },
            payload: same.urlKey === p.urlKey ? null : p,
          });
        } else fresh.push(p);
      }
      if (fresh.length) {
        const added = await articles.addMany(fresh);
        report.added += added;
        report.skipped += fresh.length - added;
        const stored = await db.articles.bulkGet(fresh.map((p) => p.id));
        for (const row of stored) if (row) report.addedArticles.push({ id: row.id, title: row.title });
      }
    } catch (error) {
      report.failures.push({ name: file.name, message: error instanceof Error ? error.message : String(error) });
    }
    onProgress?.(++done, files.length);
  }
  return report;
}

/** 仍然导入: adds an article the import held back as a duplicate of the same text; its id, or null if its key is taken. */
export async function importDuplicateAnyway(payload: ArticlePayload): Promise<string | null> {
  const added = await articles.addMany([payload]);
  return added ? payload.id : null;
}

/** One article opened in the reader: its row, body, saved position and highlights. */
export interface OpenedArticle {
  row: ArticleRow;
  body: ArticleBodyRow;
  saved: { block: number; offset: number; progress: number } | null;
  highlights: HighlightRow[];
}

export async function openArticle(id: string): Promise<OpenedArticle | null> {
  const [row, body, saved, marks] = await Promise.all([articles.get(id), articles.getBody(id), reading.get(id), highlights.forArticle(id)]);
  return row && body ? { row, body, saved: saved ?? null, highlights: marks } : null;
}

export const getArticle = (id: string): Promise<ArticleRow | undefined> => articles.get(id);

/**
 * Saves the reading position; the list's progress follows through the feed. The reader saves it as
 * the page goes (a reload, a close), when an IndexedDB write may not finish: journalled until stored.
 */
export const saveReadingPosition = (articleId: string, position: { block: number; offset: number; progress: number }): Promise<void> =>
  keptReading(articleId, position, () => reading.save(articleId, position));

export const removeArticles = (ids: readonly string[]): Promise<void> => articles.remove(ids);

const READER_SETTINGS_KEY = 'reader';

/** Reader typography (its schema and defaults live with the view's store); bad stored values read as the fallback. */
export const loadReaderSettings = <T>(schema: v.GenericSchema<unknown, T>, fallback: T): Promise<T> =>
  settings.get(READER_SETTINGS_KEY, schema, fallback);

/** The reader applies the settings at once: journalled until stored. */
export const saveReaderSettings = <T>(schema: v.GenericSchema<unknown, T>, value: T): Promise<void> =>
  keptSetting(READER_SETTINGS_KEY, value, () => settings.set(READER_SETTINGS_KEY, schema, value));

export const SAMPLE_FLAG = 'sampleLibraryImported';

/**
 * First run: the bundled sample library is imported once. The "done" flag is written in the
 * same transaction as the articles, so a crash half-way leaves neither.
 */
export async function ensureSampleLibrary(database: YanduDB = db, host: Api = api): Promise<number> {
  const flag = await database.settings.get(SAMPLE_FLAG);
  if (flag && v.is(v.literal(true), flag.value)) return 0;
  const payloads = await host.library.sample({});
  const repo = createArticleRepository(database);
  // Search postings are built before the transaction (a worker must not run inside one).
  const prepared = await prepareArticles(database, payloads);
  return database.transaction('rw', [database.articles, database.bodies, database.memberships, ...searchTables(database)], async () => {
    const added = await repo.addMany(payloads, undefined, prepared);
    await database.settings.put({ key: SAMPLE_FLAG, value: true });
    return added;
  });
}
