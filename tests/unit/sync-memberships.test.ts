/**
 * Articles belong to sources, plural: real runs (runner and client against a real server on
 * 127.0.0.1, batches written by the renderer's writer into IndexedDB) of a two-page column, a
 * second column and a feed over the same articles. Nothing moves to another source or 栏目,
 * the library shows every membership, and the source cards' counts agree with the library and
 * with each other after a first sync, a re-sync, a full rescan and a second source.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRequest } from '../../shared/domain/sync';
import { HttpClient } from '../../main/services/sync/http-client';
import { addBatch, applySyncBatch, emptyTally, sourceCounts } from '../../renderer/core/sync/writer';
import { createArticleRepository } from '../../renderer/db/repositories';
import { YanduDB } from '../../renderer/db/schema';
import { createSourceRepository } from '../../renderer/db/sources';
import { runSync } from './helpers/sync-run';
import { startLocalServer, type LocalServer } from './helpers/local-server';

let server: LocalServer;
let origin = '';
let dataDir = '';
const requests: string[] = [];

const ARTICLE_TEXT = (n: number) =>
  `<p>第${n}篇：各支部要按照年度学习计划，认真组织专题学习研讨，做好学习记录。</p><p>请于月底前报送第${n}期心得体会和学习记录表。</p>`;

function listPage(title: string, ids: number[], next: string | null): string {
  const items = ids
    .map((n) => `<li><a href="/a/${n}.html">学习通知第${n}号</a><span>2024-02-${String(n).padStart(2, '0')}</span></li>`)
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="list"><ul>${items}</ul>${next ? `<div class="page"><a href="${next}">下一页</a></div>` : ''}</div></body></html>`;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-memberships-'));
  server = await startLocalServer((req, res) => {
    const p = req.url ?? '/';
    requests.push(p);
    const html = (body: string, etag?: string) => {
      if (etag && req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ETag: etag });
        return res.end();
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...(etag ? { ETag: etag } : {}) });
      res.end(body);
    };
    if (p === '/colA/' || p === '/colA/index.html') return html(listPage('栏目一', [1, 2, 3, 4, 5, 6], '/colA/index_1.html'));
    if (p === '/colA/index_1.html') return html(listPage('栏目一', [7, 8, 9, 10], null));
    if (p === '/colB/' || p === '/colB/index.html') return html(listPage('栏目二', [4, 5, 6, 11, 12], null));
    if (p === '/feed.xml') {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
      // Summaries only: the feed's articles are the pages themselves.
      const items = [1, 2, 3]
        .map((n) => `<item><title>学习通知第${n}号</title><link>${origin}/a/${n}.html</link><description>摘要</description></item>`)
        .join('');
      return res.end(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>通知</title>${items}</channel></rss>`);
    }
    const m = /^\/a\/(\d+)\.html$/.exec(p);
    if (m) {
      const n = Number(m[1]);
      return html(
        `<!doctype html><html><head><meta charset="utf-8"><title>学习通知第${n}号</title></head><body><div class="article"><h1>学习通知第${n}号</h1><div class="info">发布时间：2024-02-${String(n).padStart(2, '0')}</div><div class="content">${ARTICLE_TEXT(n)}</div></div></body></html>`,
        `"a${n}"`,
      );
    }
    res.writeHead(404);
    res.end();
  });
  origin = server.origin;
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** One run as the renderer's sync service does it: known from the library, batches written, card counts recorded. */
async function syncSource(db: YanduDB, source: SyncRequest['source'], fullRescan = false) {
  const repo = createSourceRepository(db);
  let tally = emptyTally();
  const run = await runSync(source, {
    dataDir,
    client: new HttpClient({ delayMs: 0 }),
    known: await repo.known(source.id),
    fullRescan,
    maxPages: 5,
    runId: `run_${source.id}_${Date.now().toString(36)}`,
    onBatch: async (b) => {
      tally = addBatch(tally, await applySyncBatch(db, b));
    },
  });
  const counts = sourceCounts(await repo.articleCount(source.id), tally, run.summary.counts);
  await repo.recordRun(source.id, { lastSyncAt: new Date().toISOString(), lastError: null, counts });
  return { counts, main: run.summary.counts, logs: run.logs };
}

async function addSource(db: YanduDB, kind: 'cms' | 'feed', location: string, name: string, column: string | null) {
  const row = await createSourceRepository(db).add({
    kind,
    location,
    name,
    column,
    schedule: { mode: 'manual' },
    enabled: true,
  });
  return { id: row.id, kind, location, name, column, allowedHosts: [] };
}

describe('memberships on real runs', () => {
  it('keeps every article where it was, shows all its sources, and counts agree after each kind of sync', async () => {
    const db = new YanduDB('memberships-real');
    await db.open();
    const colA = await addSource(db, 'cms', `${origin}/colA/index.html`, '来源A', '栏目1');
    const colB = await addSource(db, 'cms', `${origin}/colB/index.html`, '来源B', '栏目2');
    const feed = await addSource(db, 'feed', `${origin}/feed.xml`, '来源C', null);
    const report: Record<string, unknown> = {};

    // First sync: 10 articles over two list pages.
    const first = await syncSource(db, colA);
    report.first = first.counts;
    expect(first.counts).toEqual({ articles: 10, added: 10, joined: 0, updated: 0, unchanged: 0, failed: 0 });
    expect(first.main.fetched).toBe(10);
    expect(await db.articles.count()).toBe(10);

    // Re-sync: the first list page is all known; nothing is new, nothing is fetched.
    const again = await syncSource(db, colA);
    report.resync = again.counts;
    expect(again.counts).toMatchObject({ articles: 10, added: 0, joined: 0, updated: 0, failed: 0 });
    expect(again.main.fetched).toBe(0);

    // Full rescan: every article asked again conditionally, all unchanged.
    const full = await syncSource(db, colA, true);
    report.fullRescan = full.counts;
    expect(full.counts).toEqual({ articles: 10, added: 0, joined: 0, updated: 0, unchanged: 10, failed: 0 });

    // A second column over articles 4–6 and two new ones.
    const second = await syncSource(db, colB);
    report.secondSource = second.counts;
    expect(second.counts).toEqual({ articles: 5, added: 5, joined: 3, updated: 0, unchanged: 0, failed: 0 });
    expect(await db.articles.count()).toBe(12);
    // A feed over articles 1–3.
    const viaFeed = await syncSource(db, feed);
    report.feed = viaFeed.counts;
    expect(viaFeed.counts).toEqual({ articles: 3, added: 3, joined: 3, updated: 0, unchanged: 0, failed: 0 });
    expect(await db.articles.count()).toBe(12);

    // Nothing moved: article 4 is still 来源A·栏目1's, and shows both memberships.
    const a4 = await db.articles.where('urlKey').equals(`${origin}/a/4.html`).first();
    expect(a4).toMatchObject({ sourceId: colA.id, sourceName: '来源A', column: '栏目1', placement: '来源A·栏目1；来源B·栏目2' });
    const a1 = await db.articles.where('urlKey').equals(`${origin}/a/1.html`).first();
    expect(a1).toMatchObject({ sourceId: colA.id, column: '栏目1', placement: '来源A·栏目1；来源C' });
    const a11 = await db.articles.where('urlKey').equals(`${origin}/a/11.html`).first();
    expect(a11).toMatchObject({ sourceId: colB.id, column: '栏目2' });
    expect(a11?.placement ?? null).toBeNull();

    // The cards agree with the library: each source's 共 N 篇 is the articles listing it.
    const sources = createSourceRepository(db);
    const all = await sources.list();
    for (const s of all) expect(s.counts.articles).toBe(await db.memberships.where('sourceId').equals(s.id).count());
    expect(await db.memberships.count()).toBe(10 + 5 + 3);

    // Re-syncs of the column after the others: its 10 stay its own, nothing re-added.
    const after = await syncSource(db, colA, true);
    report.fullRescanAfterOthers = after.counts;
    expect(after.counts).toEqual({ articles: 10, added: 0, joined: 0, updated: 0, unchanged: 10, failed: 0 });
    expect((await db.articles.where('urlKey').equals(`${origin}/a/4.html`).first())?.column).toBe('栏目1');

    // Removing 来源A: its memberships go; articles stay; those another source lists now show it as their own.
    await db.reading.put({ articleId: a4!.id, block: 0, offset: 0, progress: 0.5, updatedAt: new Date().toISOString() });
    await sources.remove(colA.id);
    expect(await db.articles.count()).toBe(12);
    expect(await db.memberships.where('sourceId').equals(colA.id).count()).toBe(0);
    expect(await db.articles.get(a4!.id)).toMatchObject({ sourceId: colB.id, sourceName: '来源B', column: '栏目2', placement: null });
    expect(await db.reading.get(a4!.id)).toMatchObject({ progress: 0.5 });
    console.log(`run counts: ${JSON.stringify(report)}`);
    await db.delete();
  });

  it('removes an article’s memberships with the article', async () => {
    const db = new YanduDB('memberships-remove');
    await db.open();
    const col = await addSource(db, 'cms', `${origin}/colB/index.html`, '来源B', '栏目2');
    await syncSource(db, col);
    const ids = (await db.articles.toArray()).map((a) => a.id);
    await createArticleRepository(db).remove(ids.slice(0, 2));
    expect(await createSourceRepository(db).articleCount(col.id)).toBe(3);
    await db.delete();
  });
});
