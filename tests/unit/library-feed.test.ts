/**
 * The library list follows the database by delta: a sync batch reads back only the rows it
 * wrote, a bulk write is re-read in pages and diffed, and the view's sorted list is kept in
 * order by merging the delta, never by sorting the whole library again.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticlePayload } from '../../shared/domain/article';
import { createLibraryFeed, type LibraryDelta, type LibraryFeed } from '../../renderer/core/library';
import { applySyncBatch } from '../../renderer/core/sync/writer';
import { createArticleRepository, createReadingRepository } from '../../renderer/db/repositories';
import { YanduDB, type ArticleRow } from '../../renderer/db/schema';
import { comparator, mergeSorted, sortRows, type SortDir, type SortKey } from '../../renderer/stores/library';

let n = 0;
const open: { db: YanduDB; feed: LibraryFeed }[] = [];
afterEach(async () => {
  for (const { db, feed } of open.splice(0)) {
    feed.stop();
    await db.delete();
  }
});

async function library(count: number) {
  const db = new YanduDB(`library-feed-${++n}`);
  const feed = createLibraryFeed(db);
  open.push({ db, feed });
  await createArticleRepository(db).addMany(Array.from({ length: count }, (_, i) => payload(i)));
  const deltas: LibraryDelta[] = [];
  feed.subscribe((d) => deltas.push(d));
  await feed.start();
  return { db, feed, deltas };
}

const hex = (i: number) => i.toString(16).padStart(64, '0');
function payload(i: number, extra: Partial<ArticlePayload> = {}): ArticlePayload {
  const text = `第${i}篇\n坚持理论学习与工作实践相结合。`;
  return {
    id: `a_${String(i).padStart(5, '0')}`,
    urlKey: `http://intranet.test/${i}.html`,
    url: `http://intranet.test/${i}.html`,
    title: `文章${i}`,
    publishedAt: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
    origin: '编辑部',
    author: null,
    editor: null,
    column: '学习参考',
    sourceId: 's_1',
    sourceName: '内网',
    html: `<p>第${i}篇</p><p>坚持理论学习与工作实践相结合。</p>`,
    text,
    contentHash: hex(i + 1),
    ...extra,
  };
}

describe('library feed', () => {
  it('hands a sync batch to listeners as the rows it wrote, read back by key', async () => {
    const { db, feed, deltas } = await library(300);
    expect(feed.snapshot().rows.size).toBe(300);
    const bulkGet = vi.spyOn(db.articles, 'bulkGet');
    const orderBy = vi.spyOn(db.articles, 'orderBy');
    const fresh = Array.from({ length: 20 }, (_, i) => payload(1000 + i));
    const changed = payload(7, { title: '文章7（更正）', text: '第7篇\n新的正文。', contentHash: hex(99_999) });
    await applySyncBatch(db, {
      runId: 'r_1',
      sourceId: 's_1',
      seq: 0,
      articles: [...fresh, changed],
      pages: [],
    });
    await feed.settled();
    expect(deltas).toHaveLength(1);
    expect(deltas[0]!.upserted.map((r) => r.id).sort()).toEqual([...fresh.map((p) => p.id), changed.id].sort());
    expect(deltas[0]!.removed).toEqual([]);
    expect(deltas[0]!.progress).toBeNull();
    expect(feed.snapshot().rows.get(changed.id)?.title).toBe('文章7（更正）');
    expect(feed.snapshot().rows.size).toBe(320);
    // Read back by key, not by re-reading the library.
    expect(bulkGet).toHaveBeenCalledTimes(1);
    expect(orderBy).not.toHaveBeenCalled();
  });

  it('re-reads a bulk write in pages and still hands over only what changed', async () => {
    const { db, feed, deltas } = await library(50);
    const added = Array.from({ length: 1200 }, (_, i) => payload(5000 + i));
    await createArticleRepository(db).addMany(added);
    await feed.settled();
    const upserted = deltas.flatMap((d) => d.upserted.map((r) => r.id));
    expect(new Set(upserted)).toEqual(new Set(added.map((p) => p.id)));
    expect(feed.snapshot().rows.size).toBe(1250);
  });

  it('reports removed articles and reading progress', async () => {
    const { db, feed, deltas } = await library(10);
    const readAll = vi.spyOn(db.reading, 'toArray');
    await createArticleRepository(db).remove(['a_00003', 'a_00004']);
    await createReadingRepository(db).save('a_00005', { block: 2, offset: 0.5, progress: 0.4 });
    await feed.settled();
    expect(deltas.flatMap((d) => d.removed).sort()).toEqual(['a_00003', 'a_00004']);
    expect(deltas.at(-1)!.progress?.get('a_00005')).toBe(0.4);
    expect(feed.snapshot().rows.has('a_00003')).toBe(false);
    // One saved position is read back by key, not by reading every state.
    expect(readAll).not.toHaveBeenCalled();
  });

  it('sees a write made through another connection to the same database (as another tab)', async () => {
    const { db, feed, deltas } = await library(5);
    const other = new YanduDB(db.name);
    try {
      await createArticleRepository(other).addMany([payload(77)]);
    } finally {
      other.close();
    }
    await feed.settled();
    expect(deltas.flatMap((d) => d.upserted.map((r) => r.id))).toEqual(['a_00077']);
  });
});

describe('sorted list by delta', () => {
  const rng = (seed: number) => () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const row = (i: number, r: () => number): ArticleRow => ({
    id: `a_${i}`,
    version: 1,
    updatedAt: null,
    urlKey: `k${i}`,
    url: null,
    title: ['加强', '把握', '标准', '调查', '民主'][Math.floor(r() * 5)]! + String(Math.floor(r() * 50)),
    publishedAt: r() < 0.1 ? null : `20${10 + Math.floor(r() * 15)}-05-0${1 + Math.floor(r() * 9)}`,
    origin: r() < 0.2 ? null : ['报社', '编辑部', '党委'][Math.floor(r() * 3)]!,
    author: null,
    editor: null,
    column: ['企廉论坛', '中心组学习', null][Math.floor(r() * 3)]!,
    sourceId: 's',
    sourceName: '示例',
    zi: 1,
    contentHash: '0',
    addedAt: '2026-01-01T00:00:00Z',
  });

  it('gives the same order as sorting everything, for every column and direction', () => {
    for (const key of ['title', 'origin', 'column', 'date'] as SortKey[]) {
      for (const dir of ['asc', 'desc'] as SortDir[]) {
        const r = rng(key.length * 31 + dir.length);
        let all = Array.from({ length: 400 }, (_, i) => row(i, r));
        let sorted = sortRows([...all], key, dir);
        for (let round = 0; round < 5; round++) {
          const removed = all.filter(() => r() < 0.05).map((x) => x.id);
          const changed = all.filter((x) => !removed.includes(x.id) && r() < 0.05).map((x) => ({ ...row(0, r), id: x.id }));
          const added = Array.from({ length: 20 }, (_, i) => row(1000 * (round + 1) + i, r));
          const upserted = [...changed, ...added];
          sorted = mergeSorted(sorted, upserted, removed, key, dir);
          const byId = new Map(all.map((x) => [x.id, x]));
          for (const id of removed) byId.delete(id);
          for (const x of upserted) byId.set(x.id, x);
          all = [...byId.values()];
          expect(sorted.map((x) => x.id)).toEqual(sortRows([...all], key, dir).map((x) => x.id));
        }
        const cmp = comparator(key, dir);
        for (let i = 1; i < sorted.length; i++) expect(cmp(sorted[i - 1]!, sorted[i]!)).toBeLessThan(0);
      }
    }
  });
});
