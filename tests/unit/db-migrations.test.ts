/**
 * Every earlier schema version writes a database with the code kept here (its frozen store
 * declaration), and the current code must open it with every record intact.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { YanduDB } from '../../renderer/db/schema';
import { openSearchIndex, rebuildSearchIndex } from '../../renderer/db/searchIndex';
import { search } from '../../renderer/core/search/engine';
import { roleState } from '../../renderer/core/roles';
import { createStudy } from '../../renderer/core/study';
import type { Api } from '../../shared/contract';

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
    expect(db.verno).toBe(5);
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
    expect(db.verno).toBe(5);
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

/** Version 3's frozen declarations (v1 + v2 + v3), kept here to write a v3 database. */
const V2_STORES = {
  articles: 'id, &urlKey, publishedAt, sourceId, column, addedAt, contentHash, updatedAt',
  versions: '[articleId+version], articleId',
  sources: 'id, kind',
  fetchState: 'urlKey, sourceId',
  syncLog: '++id, sourceId, at',
  highlights: 'id, articleId, layer, color, *tags, createdAt, updatedAt',
  notes: 'id, kind, articleId, highlightId, *tags, createdAt, updatedAt',
};
const V3_STORES = { searchDocs: 'num, &key, articleId, kind', searchPostings: 'k', searchPending: 'num' };

async function writeV3(name: string): Promise<void> {
  const db = new Dexie(name);
  db.version(1).stores(V1_STORES);
  db.version(2).stores(V2_STORES);
  db.version(3).stores(V3_STORES);
  await db.open();
  const now = '2025-02-01T00:00:00.000Z';
  await db.table('articles').bulkAdd(
    Array.from({ length: 20 }, (_, i) => ({
      id: `a_${i}`,
      version: i === 4 ? 2 : 1,
      updatedAt: i === 4 ? now : null,
      urlKey: `http://intranet.example/${i}.html`,
      url: `http://intranet.example/${i}.html`,
      title: `第三版${i}`,
      publishedAt: '2024-05-06',
      origin: '编辑部',
      author: null,
      editor: null,
      column: '党务公开',
      sourceId: 'src_1',
      sourceName: '内网',
      zi: 40,
      contentHash: 'e'.repeat(64),
      addedAt: now,
    })),
  );
  await db
    .table('bodies')
    .bulkAdd(Array.from({ length: 20 }, (_, i) => ({ articleId: `a_${i}`, html: `<p>三版正文${i}</p>`, text: `三版正文${i}` })));
  await db
    .table('versions')
    .add({ articleId: 'a_4', version: 1, html: '<p>旧文</p>', text: '旧文', contentHash: 'd'.repeat(64), replacedAt: now });
  await db.table('sources').add({
    id: 'src_1',
    kind: 'cms',
    location: 'http://intranet.example/list.html',
    name: '内网',
    column: '党务公开',
    schedule: { mode: 'manual' },
    enabled: true,
    createdAt: now,
    lastSyncAt: now,
    lastError: null,
    counts: { articles: 20, added: 20, updated: 1, unchanged: 0, failed: 0 },
  });
  await db.table('fetchState').add({
    urlKey: 'http://intranet.example/0.html',
    sourceId: 'src_1',
    etag: '"x"',
    lastModified: null,
    contentHash: null,
    checkedAt: now,
  });
  await db.table('syncLog').add({ sourceId: 'src_1', at: now, level: 'info', url: null, code: null, message: '同步完成' });
  await db.table('highlights').add({
    id: 'h_3',
    articleId: 'a_2',
    layer: 'personal',
    color: 'green',
    style: 'underline',
    selector: { exact: '正文', prefix: '三版', suffix: '2', start: 2, end: 4 },
    articleVersion: 1,
    orphan: false,
    tags: ['重点'],
    comment: '批注',
    createdAt: now,
    updatedAt: now,
  });
  await db.table('notes').add({
    id: 'n_3',
    kind: 'outline',
    articleId: 'a_2',
    highlightId: 'h_3',
    title: '提纲',
    doc: { type: 'doc' },
    text: '提纲正文',
    zi: 4,
    tags: [],
    createdAt: now,
    updatedAt: now,
  });
  await db.table('searchDocs').add({
    num: 1,
    key: 'a:a_0',
    kind: 'article',
    articleId: 'a_0',
    length: 3,
    title: '第三版0',
    meta: '',
    date: null,
    sourceId: 'src_1',
    column: null,
    color: null,
    noteKind: null,
    tags: [],
  });
  await db.table('searchPostings').add({ k: 1, data: new Uint8Array([1, 2, 3]) });
  db.close();
}

describe('schema migrations (version 3 fixture)', () => {
  it('opens a version-3 database (sync, annotations, search index) with every record intact', async () => {
    const name = 'migrate-v3';
    await writeV3(name);
    const db = new YanduDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(await db.articles.count()).toBe(20);
    expect(await db.articles.get('a_4')).toMatchObject({ version: 2, updatedAt: '2025-02-01T00:00:00.000Z', title: '第三版4' });
    expect((await db.bodies.get('a_19'))?.text).toBe('三版正文19');
    expect(await db.versions.get(['a_4', 1])).toMatchObject({ text: '旧文' });
    expect(await db.sources.get('src_1')).toMatchObject({ kind: 'cms', counts: { articles: 20 } });
    expect(await db.fetchState.get('http://intranet.example/0.html')).toMatchObject({ etag: '"x"' });
    expect(await db.syncLog.count()).toBe(1);
    expect(await db.highlights.get('h_3')).toMatchObject({ color: 'green', style: 'underline', tags: ['重点'], comment: '批注' });
    expect(await db.notes.get('n_3')).toMatchObject({ kind: 'outline', highlightId: 'h_3', text: '提纲正文' });
    expect(await db.searchDocs.get(1)).toMatchObject({ key: 'a:a_0' });
    expect(Array.from((await db.searchPostings.get(1))!.data)).toEqual([1, 2, 3]);
    expect(await Promise.all([db.sessions.count(), db.members.count(), db.packets.count(), db.returns.count()])).toEqual([0, 0, 0, 0]);
    await db.delete();
  });
});

const V4_STORES = {
  sessions: 'id, year, date, status, packetId',
  members: 'id, name, order',
  packets: 'id, sessionId',
  returns: 'id, sessionId',
};

describe('schema migrations (version 4 fixture: the previous release)', () => {
  it('opens a version-4 database with every row intact and derives one membership per article', async () => {
    const name = 'migrate-v4';
    await writeV3(name);
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    old.version(2).stores(V2_STORES);
    old.version(3).stores(V3_STORES);
    old.version(4).stores(V4_STORES);
    await old.open();
    const now = '2025-03-01T00:00:00.000Z';
    // A folder article without a 栏目, from another source.
    await old.table('articles').add({
      id: 'a_folder',
      version: 1,
      updatedAt: null,
      urlKey: 'file:///材料/讲话.docx',
      url: null,
      title: '讲话',
      publishedAt: null,
      origin: null,
      author: null,
      editor: null,
      column: null,
      sourceId: 'src_2',
      sourceName: '文件夹',
      zi: 2,
      contentHash: 'c'.repeat(64),
      addedAt: now,
    });
    await old.table('bodies').add({ articleId: 'a_folder', html: '<p>讲话</p>', text: '讲话' });
    await old.table('members').add({ id: 'm_1', name: '张三', title: '书记', order: 1 });
    await old.table('packets').add({ id: 'p_1', sessionId: null, title: '资料包' });
    await old.table('reading').add({ articleId: 'a_2', block: 1, offset: 0, progress: 0.5, updatedAt: now });
    const before = new Map<string, unknown[]>();
    for (const t of old.tables) before.set(t.name, await t.toArray());
    old.close();

    const db = new YanduDB(name);
    await db.open();
    expect(db.verno).toBe(5);
    // Every row of every older table survives unchanged.
    for (const [table, rows] of before) expect(await db.table(table).toArray()).toEqual(rows);
    expect(await db.articles.count()).toBe(21);
    const memberships = await db.memberships.orderBy('articleId').toArray();
    expect(memberships).toHaveLength(21);
    expect(await db.memberships.get(['a_3', 'src_1', '党务公开'])).toEqual({
      articleId: 'a_3',
      sourceId: 'src_1',
      column: '党务公开',
      sourceName: '内网',
      addedAt: '2025-02-01T00:00:00.000Z',
    });
    expect(await db.memberships.get(['a_folder', 'src_2', ''])).toMatchObject({ sourceName: '文件夹', addedAt: now });
    expect(await db.memberships.where('sourceId').equals('src_1').count()).toBe(20);
    await db.delete();
  });
});

const V5_STORES = { memberships: '[articleId+sourceId+column], articleId, sourceId' };

describe('roles on a version-5 database (the previous release: no study.role)', () => {
  const at = '2025-03-01T00:00:00.000Z';
  const session = (id: string, packetId: string | null, issued: unknown = null) => ({
    id,
    year: 2025,
    topic: id,
    date: '2025-03-01',
    place: '',
    host: '',
    speakers: [],
    readings: [],
    questions: [],
    status: 'planned',
    time: '',
    attendees: [],
    absentees: [],
    observers: [],
    content: '',
    method: '',
    summary: '',
    recorder: '',
    recordedAt: null,
    packetId,
    issued,
    createdAt: at,
    updatedAt: at,
  });
  async function writeV5(name: string, sessions: unknown[]): Promise<void> {
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    old.version(2).stores(V2_STORES);
    old.version(3).stores(V3_STORES);
    old.version(4).stores(V4_STORES);
    old.version(5).stores(V5_STORES);
    await old.open();
    await old.table('sessions').bulkAdd(sessions);
    await old.table('settings').add({ key: 'study.profile', value: { name: '张三', title: '', issuer: '' } });
    old.close();
  }

  it('infers leader, member or unset from the sessions, keeps every row, and writes nothing on open', async () => {
    const issued = { packetId: 'p_s1', version: 2, wholeSha256: 'a'.repeat(64), issuedAt: at };
    const cases = [
      { name: 'roles-v5-leader', sessions: [session('s1', null, issued), session('s2', 'p_other')], role: 'leader' },
      { name: 'roles-v5-author', sessions: [session('s1', null)], role: 'leader' },
      { name: 'roles-v5-member', sessions: [session('s1', 'p_1'), session('s2', 'p_2')], role: 'member' },
      { name: 'roles-v5-empty', sessions: [], role: null },
    ] as const;
    for (const c of cases) {
      await writeV5(c.name, [...c.sessions]);
      const db = new YanduDB(c.name);
      await db.open();
      expect(db.verno).toBe(5);
      expect(await roleState(db)).toEqual({ role: c.role, chosen: false });
      expect(await db.sessions.toArray()).toEqual(c.sessions);
      expect(await db.settings.get('study.role')).toBeUndefined();
      // The member copy's first edit of its own packet session is refused; the leader's is not.
      if (c.sessions.length) {
        const study = createStudy(db, {} as Api);
        const write = study.updateSession('s1', { topic: '改' });
        if (c.role === 'member') await expect(write).rejects.toMatchObject({ code: 'E_FORBIDDEN' });
        else expect((await write)?.topic).toBe('改');
      }
      await db.delete();
    }
  });
});
