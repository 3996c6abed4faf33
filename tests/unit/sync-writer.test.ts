import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticlePayload } from '../../shared/domain/article';
import type { SyncBatch } from '../../shared/domain/sync';
import { createSourceRepository } from '../../renderer/db/sources';
import { applySyncBatch } from '../../renderer/core/sync/writer';
import { YanduDB } from '../../renderer/db/schema';

let n = 0;
const dbs: YanduDB[] = [];
function freshDb() {
  const db = new YanduDB(`sync-writer-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const hash = (c: string) => c.repeat(64).slice(0, 64);
function payload(key: string, text: string, h: string, extra: Partial<ArticlePayload> = {}): ArticlePayload {
  return {
    id: `a_${key}`,
    urlKey: `http://intranet.test/${key}.html`,
    url: `http://intranet.test/${key}.html`,
    title: `标题${key}`,
    publishedAt: '2024-05-06',
    origin: '编辑部',
    author: null,
    editor: null,
    column: '学习参考',
    sourceId: 's_1',
    sourceName: '内网',
    html: text
      .split('\n')
      .map((l) => `<p>${l}</p>`)
      .join(''),
    text,
    contentHash: hash(h),
    ...extra,
  };
}
const batch = (articles: ArticlePayload[], seq = 0): SyncBatch => ({
  runId: 'r_test',
  sourceId: 's_1',
  seq,
  articles,
  pages: articles.map((a) => ({ urlKey: a.urlKey, etag: '"e1"', lastModified: null, contentHash: a.contentHash })),
});

describe('applySyncBatch', () => {
  it('adds new articles with bodies and validators', async () => {
    const db = freshDb();
    const r = await applySyncBatch(db, batch([payload('1', '第一段\n第二段', 'a'), payload('2', '另一篇', 'b')]));
    expect(r).toMatchObject({ added: 2, updated: 0, unchanged: 0, duplicates: 0 });
    expect(await db.bodies.count()).toBe(2);
    expect((await db.fetchState.get('http://intranet.test/1.html'))?.etag).toBe('"e1"');
  });

  it('keeps the old text as a version when the text changed, and never touches user tables', async () => {
    const db = freshDb();
    await applySyncBatch(db, batch([payload('1', '旧的正文', 'a')]));
    await db.reading.put({ articleId: 'a_1', block: 0, offset: 0, progress: 0.5, updatedAt: '2025-01-01T00:00:00Z' });
    const r = await applySyncBatch(db, batch([payload('1', '新的正文', 'c', { title: '更正后的标题' })], 1));
    expect(r).toMatchObject({ updated: 1, updatedIds: ['a_1'] });
    const row = await db.articles.get('a_1');
    expect(row).toMatchObject({ version: 2, title: '更正后的标题', contentHash: hash('c') });
    expect(row?.updatedAt).toBeTruthy();
    expect((await db.bodies.get('a_1'))?.text).toBe('新的正文');
    expect(await db.versions.get(['a_1', 1])).toMatchObject({ text: '旧的正文', contentHash: hash('a') });
    expect(await db.reading.get('a_1')).toMatchObject({ progress: 0.5 });
  });

  it('counts unchanged text and skips the same text under another address', async () => {
    const db = freshDb();
    await applySyncBatch(db, batch([payload('1', '正文', 'a')]));
    const r = await applySyncBatch(db, batch([payload('1', '正文', 'a'), payload('1-copy', '正文', 'a')], 1));
    expect(r).toMatchObject({ added: 0, unchanged: 1, duplicates: 1 });
    expect(await db.articles.count()).toBe(1);
  });

  it('stores nothing of a batch that fails half-way', async () => {
    const db = freshDb();
    const bad = payload('2', '坏', 'd');
    // A body row already sitting on the id makes the add fail inside the transaction.
    await db.bodies.add({ articleId: bad.id, html: '', text: '' });
    await expect(applySyncBatch(db, batch([payload('1', '好', 'a'), bad]))).rejects.toThrow();
    expect(await db.articles.count()).toBe(0);
    expect(await db.fetchState.count()).toBe(0);
  });
});

describe('source repository', () => {
  it('validates input, lists known pages with validators, and keeps articles when a source is removed', async () => {
    const db = freshDb();
    const repo = createSourceRepository(db);
    await expect(
      repo.add({ kind: 'cms', location: '  ', name: 'x', column: null, schedule: { mode: 'manual' }, enabled: true }),
    ).rejects.toThrow();
    const s = await repo.add({
      kind: 'cms',
      location: 'http://intranet.test/list/',
      name: '内网',
      column: ' 学习参考 ',
      schedule: { mode: 'manual' },
      enabled: true,
    });
    expect(s.column).toBe('学习参考');
    await applySyncBatch(db, { ...batch([payload('1', '正文', 'a')]), sourceId: s.id });
    await db.articles.update('a_1', { sourceId: s.id });
    expect(await repo.known(s.id)).toEqual([
      // With its date: recent articles are asked again for corrections.
      { urlKey: 'http://intranet.test/1.html', etag: '"e1"', lastModified: null, contentHash: hash('a'), publishedAt: '2024-05-06' },
    ]);
    await repo.log({
      sourceId: s.id,
      at: new Date().toISOString(),
      level: 'error',
      url: 'http://intranet.test/x',
      code: 'E_RESOURCE',
      message: 'HTTP 404',
    });
    await repo.remove(s.id);
    expect(await db.sources.count()).toBe(0);
    expect(await db.syncLog.count()).toBe(0);
    expect(await db.articles.count()).toBe(1);
  });

  it('gives main a known article’s attachment links and the state of one that failed (written by a batch)', async () => {
    const db = freshDb();
    const repo = createSourceRepository(db);
    const s = await repo.add({
      kind: 'cms',
      location: 'http://intranet.test/list/',
      name: '内网',
      column: null,
      schedule: { mode: 'manual' },
      enabled: true,
    });
    const links = [
      { url: 'http://intranet.test/up/plan.pdf', name: '学习计划.pdf', ext: 'pdf' as const },
      { url: 'http://intranet.test/up/big.pdf', name: '汇编.pdf', ext: 'pdf' as const },
    ];
    const notice = payload('1', '通知正文', 'a', { sourceId: s.id, attachments: links });
    const b = batch([notice]);
    await applySyncBatch(db, {
      ...b,
      sourceId: s.id,
      pages: [
        ...b.pages,
        {
          urlKey: 'http://intranet.test/up/plan.pdf',
          etag: null,
          lastModified: null,
          contentHash: null,
          attachment: { failures: 2, retryAt: '2024-05-08T00:00:00.000Z' },
        },
        {
          urlKey: 'http://intranet.test/up/big.pdf',
          etag: null,
          lastModified: null,
          contentHash: null,
          attachment: { failures: 1, retryAt: '2024-05-07T00:00:00.000Z', tooLarge: true },
        },
      ],
    });
    const known = await repo.known(s.id);
    expect(known.find((k) => k.urlKey === notice.urlKey)?.attachments).toEqual(links);
    expect(known.find((k) => k.urlKey === 'http://intranet.test/up/plan.pdf')?.attachment).toEqual({
      failures: 2,
      retryAt: '2024-05-08T00:00:00.000Z',
    });
    expect(known.find((k) => k.urlKey === 'http://intranet.test/up/big.pdf')?.attachment?.tooLarge).toBe(true);
    // Stored at last: the next batch's page for it has no state, and known() says so.
    await applySyncBatch(db, {
      runId: 'r_later',
      sourceId: s.id,
      seq: 0,
      articles: [],
      pages: [{ urlKey: 'http://intranet.test/up/plan.pdf', etag: '"p"', lastModified: null, contentHash: hash('p') }],
    });
    expect((await repo.known(s.id)).find((k) => k.urlKey === 'http://intranet.test/up/plan.pdf')?.attachment).toBeUndefined();
  });
});
