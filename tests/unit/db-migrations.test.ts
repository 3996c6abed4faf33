/**
 * Every earlier schema version writes a database with the code kept here (its frozen store
 * declaration), and the current code must open it with every record intact.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { YanduDB } from '../../renderer/db/schema';
import { openSearchIndex, rebuildSearchIndex } from '../../renderer/db/searchIndex';
import { search } from '../../renderer/features/search/engine';

const V1_STORES = {
  articles: 'id, &urlKey, publishedAt, sourceId, column, addedAt, contentHash',
  bodies: 'articleId',
  reading: 'articleId, updatedAt',
  settings: 'key',
};

async function writeV1(name: string): Promise<void> {
  const db = new Dexie(name);
  db.version(1).stores(V1_STORES);
  await db.open();
  await db.table('articles').bulkAdd(
    Array.from({ length: 50 }, (_, i) => ({
      id: `a_${i}`,
      urlKey: `sample:${i}`,
      url: null,
      title: `第${i}篇`,
      publishedAt: '2024-01-02',
      origin: '编辑部',
      author: null,
      editor: null,
      column: '学习参考',
      sourceId: 'sample',
      sourceName: '示例文库',
      zi: 100 + i,
      contentHash: 'f'.repeat(64),
      addedAt: '2025-01-01T00:00:00.000Z',
    })),
  );
  await db
    .table('bodies')
    .bulkAdd(Array.from({ length: 50 }, (_, i) => ({ articleId: `a_${i}`, html: `<p>正文${i}</p>`, text: `正文${i}` })));
  await db.table('reading').add({ articleId: 'a_3', block: 2, offset: 0.5, progress: 0.3, updatedAt: '2025-01-02T00:00:00.000Z' });
  await db.table('settings').bulkAdd([
    { key: 'reader', value: { fontSize: 22, lineHeight: 2, width: 'wide', theme: 'sepia', font: 'kai' } },
    { key: 'sampleLibraryImported', value: true },
  ]);
  db.close();
}

describe('schema migrations', () => {
  it('opens a version-1 database with every record intact and upgraded', async () => {
    await writeV1('migrate-v1');
    const db = new YanduDB('migrate-v1');
    await db.open();
    expect(db.verno).toBe(4);
    const articles = await db.articles.orderBy('id').toArray();
    expect(articles).toHaveLength(50);
    for (const a of articles) {
      expect(a.version).toBe(1);
      expect(a.updatedAt).toBeNull();
      expect(a.title).toBe(`第${a.id.slice(2)}篇`);
    }
    expect(await db.bodies.count()).toBe(50);
    expect((await db.bodies.get('a_7'))?.text).toBe('正文7');
    expect(await db.reading.get('a_3')).toMatchObject({ block: 2, offset: 0.5, progress: 0.3 });
    expect((await db.settings.get('reader'))?.value).toMatchObject({ fontSize: 22, theme: 'sepia' });
    expect(await db.highlights.count()).toBe(0);
    await db.delete();
  });

  it('opens a version-2 database (highlights, notes) in version 4 with every record intact and empty study tables', async () => {
    const name = 'migrate-v2-to-v4';
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    old.version(2).stores({
      articles: 'id, &urlKey, publishedAt, sourceId, column, addedAt, contentHash, updatedAt',
      versions: '[articleId+version], articleId',
      sources: 'id, kind',
      fetchState: 'urlKey, sourceId',
      syncLog: '++id, sourceId, at',
      highlights: 'id, articleId, layer, color, *tags, createdAt, updatedAt',
      notes: 'id, kind, articleId, highlightId, *tags, createdAt, updatedAt',
    });
    await old.open();
    const now = '2025-01-01T00:00:00.000Z';
    await old.table('highlights').bulkAdd(
      (['personal', 'leader'] as const).map((layer, i) => ({
        id: `h_${i}`,
        articleId: 'a_1',
        layer,
        color: 'yellow',
        style: 'fill',
        selector: { exact: '正文', prefix: '', suffix: '', start: 0, end: 2 },
        articleVersion: 1,
        orphan: false,
        tags: [],
        comment: layer === 'leader' ? '重点' : null,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await old.table('notes').add({
      id: 'n_1',
      kind: 'reflection',
      articleId: null,
      highlightId: null,
      title: '心得',
      doc: { type: 'doc' },
      text: '体会',
      zi: 2,
      tags: [],
      createdAt: now,
      updatedAt: now,
    });
    old.close();
    const db = new YanduDB(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect((await db.highlights.orderBy('id').toArray()).map((h) => [h.id, h.layer, h.comment])).toEqual([
      ['h_0', 'personal', null],
      ['h_1', 'leader', '重点'],
    ]);
    expect(await db.notes.get('n_1')).toMatchObject({ kind: 'reflection', zi: 2 });
    expect(await Promise.all([db.sessions.count(), db.members.count(), db.packets.count(), db.returns.count()])).toEqual([0, 0, 0, 0]);
    await db.delete();
  });

  it('gives a version-1 or version-2 library an empty search index (v3) that is rebuilt from intact records', async () => {
    await writeV1('migrate-v1-search');
    const db = new YanduDB('migrate-v1-search');
    await db.open();
    expect(await Promise.all([db.searchDocs.count(), db.searchPostings.count(), db.searchPending.count()])).toEqual([0, 0, 0]);
    expect(await openSearchIndex(db)).toBe(true);
    await rebuildSearchIndex(db);
    expect(await db.searchDocs.count()).toBe(50);
    expect((await search(db, '正文7')).articles.map((h) => h.id)).toEqual(['a_7']);
    expect(await db.articles.count()).toBe(50);
    expect((await db.bodies.get('a_7'))?.text).toBe('正文7');
    await db.delete();
  });
});
