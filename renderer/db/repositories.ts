/**
 * Repositories of the article, body, reading, settings and highlight tables. Other tables have
 * their own repository modules here (notes, sources, sessions, the search index). Only the
 * core services (renderer/core) and start-up code call them; views and their stores go
 * through core. Each write that belongs together happens in one transaction, so nothing is
 * ever stored half.
 */
import Dexie from 'dexie';
import * as v from 'valibot';
import type { ArticlePayload } from '../../shared/domain/article';
import { membershipOf } from '../../shared/domain/membership';
import { SETTINGS, settingSchema, type SettingKey, type SettingValue } from '../../shared/domain/settings';
import { AppError } from '../../shared/errors';
import { countZi } from '../../shared/text';
import type { ArticleBodyRow, ArticleRow, HighlightRow, ReadingRow, YanduDB } from './schema';
import {
  highlightDoc,
  indexArticles,
  indexSmallDocs,
  prepareArticles,
  removeSearchDocs,
  searchTables,
  type PreparedArticles,
} from './searchIndex';

export function toArticleRow(payload: ArticlePayload, addedAt: string): ArticleRow {
  return {
    id: payload.id,
    version: 1,
    updatedAt: null,
    urlKey: payload.urlKey,
    url: payload.url,
    title: payload.title,
    publishedAt: payload.publishedAt,
    origin: payload.origin,
    author: payload.author,
    editor: payload.editor,
    column: payload.column,
    sourceId: payload.sourceId,
    sourceName: payload.sourceName,
    zi: countZi(payload.text),
    contentHash: payload.contentHash,
    addedAt,
    ...(payload.document ? { document: payload.document } : {}),
    ...(payload.attachments ? { attachments: payload.attachments } : {}),
  };
}

export function createArticleRepository(db: YanduDB) {
  return {
    /** Adds articles and their bodies in one transaction; an article already known by URL key is left alone. */
    async addMany(payloads: readonly ArticlePayload[], now = new Date().toISOString(), prepared?: PreparedArticles): Promise<number> {
      // Search postings are built before the transaction (in the worker for bulk text); inside
      // a caller's transaction without them, they are built inline.
      const ready = prepared ?? (Dexie.currentTransaction ? undefined : await prepareArticles(db, payloads));
      return db.transaction('rw', [db.articles, db.bodies, db.memberships, ...searchTables(db)], async () => {
        const existing = await db.articles
          .where('urlKey')
          .anyOf(payloads.map((p) => p.urlKey))
          .keys();
        const known = new Set<unknown>(existing);
        const fresh: ArticlePayload[] = [];
        for (const p of payloads) {
          if (known.has(p.urlKey)) continue;
          known.add(p.urlKey);
          fresh.push(p);
        }
        // In slices: each bulk call clones its rows synchronously, so big imports stay responsive.
        for (let i = 0; i < fresh.length; i += 100) {
          const slice = fresh.slice(i, i + 100);
          await db.articles.bulkAdd(slice.map((p) => toArticleRow(p, now)));
          await db.bodies.bulkAdd(slice.map((p): ArticleBodyRow => ({ articleId: p.id, html: p.html, text: p.text })));
          await db.memberships.bulkPut(slice.map((p) => membershipOf({ ...p, addedAt: now })));
        }
        await indexArticles(db, fresh, ready);
        return fresh.length;
      });
    },
    /** Removes articles with their bodies, old versions, reading state, memberships and search postings (annotations stay). */
    async remove(ids: readonly string[]): Promise<void> {
      await db.transaction('rw', [db.articles, db.bodies, db.versions, db.reading, db.memberships, ...searchTables(db)], async () => {
        await db.articles.bulkDelete([...ids]);
        await db.bodies.bulkDelete([...ids]);
        await db.reading.bulkDelete([...ids]);
        await db.versions
          .where('articleId')
          .anyOf([...ids])
          .delete();
        await db.memberships
          .where('articleId')
          .anyOf([...ids])
          .delete();
        await removeSearchDocs(
          db,
          ids.map((id) => `a:${id}`),
        );
      });
    },
    listRows: (): Promise<ArticleRow[]> => db.articles.toArray(),
    get: (id: string): Promise<ArticleRow | undefined> => db.articles.get(id),
    getBody: (id: string): Promise<ArticleBodyRow | undefined> => db.bodies.get(id),
    count: (): Promise<number> => db.articles.count(),
  };
}

const ReadingSchema = v.object({
  block: v.pipe(v.number(), v.integer(), v.minValue(0)),
  offset: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  progress: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
});

export function createReadingRepository(db: YanduDB) {
  return {
    get: (articleId: string): Promise<ReadingRow | undefined> => db.reading.get(articleId),
    async save(articleId: string, position: { block: number; offset: number; progress: number }): Promise<void> {
      const checked = v.parse(ReadingSchema, position);
      await db.reading.put({ articleId, ...checked, updatedAt: new Date().toISOString() });
    },
    all: (): Promise<ReadingRow[]> => db.reading.toArray(),
  };
}

/** Refuses a value that fails its schema: a clear Chinese error, nothing written. */
function checkedSetting<T>(key: string, schema: v.GenericSchema<unknown, T>, value: unknown): T {
  const table = settingSchema(key);
  const parsed = v.safeParse(schema, value);
  const listed = table ? v.safeParse(table, value) : null;
  const issue = !parsed.success ? parsed.issues[0] : listed && !listed.success ? listed.issues[0] : null;
  if (issue || !parsed.success) {
    const field = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new AppError('E_INVALID_ARGUMENT', `设置“${key}”的值无效${field ? `（${field}）` : ''}：${issue?.message ?? ''}。没有保存。`);
  }
  return parsed.output;
}

/**
 * Settings, each written through its schema (the table in shared/domain/settings.ts). A stored
 * value that fails its schema reads as the default: bad settings never break the app, and the
 * stored row is kept as it is (never overwritten behind the user's back) until the user saves.
 */
export function createSettingsRepository(db: YanduDB) {
  async function get<T>(key: string, schema: v.GenericSchema<unknown, T>, fallback: T): Promise<T> {
    const row = await db.settings.get(key);
    if (!row) return fallback;
    const table = settingSchema(key);
    if (table && !v.is(table, row.value)) return fallback;
    const parsed = v.safeParse(schema, row.value);
    return parsed.success ? parsed.output : fallback;
  }
  /** `at`: when the value was made (a replay passes the journal's time); the row keeps it as its version. */
  async function set<T>(key: string, schema: v.GenericSchema<unknown, T>, value: T, at = new Date().toISOString()): Promise<void> {
    await db.settings.put({ key, value: checkedSetting(key, schema, value), updatedAt: at });
  }
  return {
    get,
    set,
    /** A key of the settings table: its stored value, or its default. */
    read: <K extends SettingKey>(key: K): Promise<SettingValue<K>> =>
      get(key, SETTINGS[key].schema as v.GenericSchema<unknown, SettingValue<K>>, SETTINGS[key].default as SettingValue<K>),
    /** Writes a key of the settings table; a value failing its schema throws and writes nothing. */
    write: <K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void> =>
      set(key, SETTINGS[key].schema as v.GenericSchema<unknown, SettingValue<K>>, value),
  };
}

/** Highlights: written by the user (and by re-anchoring), never by sync. */
export function createHighlightRepository(db: YanduDB) {
  return {
    forArticle: (articleId: string): Promise<HighlightRow[]> => db.highlights.where('articleId').equals(articleId).toArray(),
    get: (id: string): Promise<HighlightRow | undefined> => db.highlights.get(id),
    async put(row: HighlightRow): Promise<void> {
      await db.transaction('rw', [db.highlights, ...searchTables(db)], async () => {
        await db.highlights.put(row);
        await indexSmallDocs(db, [highlightDoc(row)]);
      });
    },
    async delete(id: string): Promise<void> {
      await db.transaction('rw', [db.highlights, ...searchTables(db)], async () => {
        await db.highlights.delete(id);
        await removeSearchDocs(db, [`h:${id}`]);
      });
    },
    /** Every tag in use, sorted, for completion. */
    async allTags(): Promise<string[]> {
      const keys = await db.highlights.orderBy('tags').uniqueKeys();
      return keys.filter((k): k is string => typeof k === 'string');
    },
  };
}

export type HighlightRepository = ReturnType<typeof createHighlightRepository>;
export type ArticleRepository = ReturnType<typeof createArticleRepository>;
export type ReadingRepository = ReturnType<typeof createReadingRepository>;
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
