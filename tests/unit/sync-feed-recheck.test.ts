/** A feed's known recent articles are asked again conditionally (304s), not skipped and not re-read whole. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnownPage } from '../../shared/domain/sync';
import { HttpClient } from '../../main/services/sync/http-client';
import { runSync } from './helpers/sync-run';
import { startLocalServer, type LocalServer } from './helpers/local-server';

let server: LocalServer;
let origin = '';
let dataDir = '';
const asked: { path: string; conditional: boolean; status: number }[] = [];

function page(n: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>通知第${n}号</title></head><body><div class="article"><h1>通知第${n}号</h1>
<div class="content"><p>第${n}号通知：各支部要按照年度学习计划，认真组织专题学习研讨。</p><p>请于月底前报送学习记录和心得体会。</p></div></div></body></html>`;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-feed-recheck-'));
  server = await startLocalServer((req, res) => {
    const p = req.url ?? '/';
    const conditional = req.headers['if-none-match'] !== undefined;
    if (p === '/robots.txt') {
      res.writeHead(404);
      return res.end();
    }
    if (p === '/feed.xml') {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
      const items = [1, 2, 3]
        .map(
          (n) =>
            `<item><title>通知第${n}号</title><link>${origin}/n/${n}.html</link><pubDate>${n === 3 ? 'Mon, 01 Jan 2024 08:00:00 +0800' : 'Tue, 19 Mar 2024 08:00:00 +0800'}</pubDate><description>摘要</description></item>`,
        )
        .join('');
      return res.end(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>通知公告</title>${items}</channel></rss>`);
    }
    const m = /^\/n\/(\d)\.html$/.exec(p);
    if (!m) {
      res.writeHead(404);
      return res.end();
    }
    const etag = `"n${m[1]}"`;
    const status = req.headers['if-none-match'] === etag ? 304 : 200;
    asked.push({ path: p, conditional, status });
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ETag: etag });
    res.end(status === 200 ? page(Number(m[1])) : undefined);
  });
  origin = server.origin;
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function sync(known: KnownPage[]) {
  const { summary, batches } = await runSync(
    { id: 'feed', kind: 'feed', location: `${origin}/feed.xml`, name: '通知公告', column: null },
    { dataDir, client: new HttpClient({ delayMs: 0 }), known, maxPages: 3, runId: 'run_feed' },
  );
  return { summary, batches };
}

describe('feed re-sync', () => {
  it('asks the recent known pages conditionally (304) and skips the old ones', async () => {
    const first = await sync([]);
    expect(first.summary.counts.fetched).toBe(3);
    expect(asked.map((a) => [a.path, a.conditional, a.status])).toEqual(
      expect.arrayContaining([
        ['/n/1.html', false, 200],
        ['/n/2.html', false, 200],
        ['/n/3.html', false, 200],
      ]),
    );
    const articles = first.batches.flatMap((b) => b.articles);
    const known: KnownPage[] = first.batches
      .flatMap((b) => b.pages)
      .map((p) => ({ ...p, publishedAt: articles.find((a) => a.urlKey === p.urlKey)?.publishedAt ?? null }));
    asked.length = 0;

    const again = await sync(known);
    // Items 1 and 2 (19 March) are recent for 20 March: re-asked with their ETag, both 304.
    expect(asked.map((a) => [a.path, a.conditional, a.status]).sort()).toEqual([
      ['/n/1.html', true, 304],
      ['/n/2.html', true, 304],
    ]);
    expect(again.summary.counts).toMatchObject({ fetched: 0, unchanged: 2, failed: 0 });
    expect(again.batches.flatMap((b) => b.articles)).toEqual([]);
  });
});
