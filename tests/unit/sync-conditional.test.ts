/**
 * Cheaper re-syncs, on real runs against a real server on 127.0.0.1 that counts every request
 * and its validators: list pages are asked conditionally (a 304 page means nothing new on it
 * or after it), and a page that answered 404 is asked again after 1, 2, 4… days, not on every
 * sync, with one log line saying so.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../main/services/sync/http-client';
import { addBatch, applySyncBatch, emptyTally, sourceCounts } from '../../renderer/core/sync/writer';
import { YanduDB } from '../../renderer/db/schema';
import { createSourceRepository } from '../../renderer/db/sources';
import { runSync } from './helpers/sync-run';
import { startLocalServer, type LocalServer } from './helpers/local-server';

let server: LocalServer;
let origin = '';
let dataDir = '';
/** Every request but robots.txt: path, whether it carried a validator, the status answered. */
let asked: { path: string; conditional: boolean; status: number }[] = [];
/** The first list page's articles (the newest first); it changes when one is added. */
let firstPage = [5, 4, 3, 2, 99, 1];

function listPage(ids: number[], next: string | null): string {
  const items = ids
    .map((n) => `<li><a href="/a/${n}.html">学习通知第${n}号</a><span>2024-02-${String(n % 28 || 1).padStart(2, '0')}</span></li>`)
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>通知</title></head><body><div class="list"><ul>${items}</ul>${next ? `<div class="page"><a href="${next}">下一页</a></div>` : ''}</div></body></html>`;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-conditional-'));
  server = await startLocalServer((req, res) => {
    const p = req.url ?? '/';
    if (p === '/robots.txt') {
      res.writeHead(404);
      return res.end();
    }
    const conditional = req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;
    const answer = (etag: string, body: string) => {
      const status = req.headers['if-none-match'] === etag ? 304 : 200;
      asked.push({ path: p, conditional, status });
      res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ETag: etag });
      res.end(status === 200 ? body : undefined);
    };
    if (p === '/col/' || p === '/col/index.html') return answer(`"list-${firstPage.join('-')}"`, listPage(firstPage, '/col/index_1.html'));
    if (p === '/col/index_1.html') return answer('"list2"', listPage([8, 7, 6], null));
    const m = /^\/a\/(\d+)\.html$/.exec(p);
    if (m && m[1] !== '99') {
      const n = Number(m[1]);
      return answer(
        `"a${n}"`,
        `<!doctype html><html><head><meta charset="utf-8"><title>学习通知第${n}号</title></head><body><div class="article"><h1>学习通知第${n}号</h1><div class="content"><p>第${n}号通知：各支部要按照年度学习计划，认真组织专题学习研讨。</p><p>请于月底前报送第${n}期学习记录。</p></div></div></body></html>`,
      );
    }
    asked.push({ path: p, conditional, status: 404 });
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<p>页面不存在</p>');
  });
  origin = server.origin;
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

const DAY = 86_400_000;
const T0 = Date.parse('2024-03-20T12:00:00+08:00');

describe('conditional re-syncs', () => {
  it('asks list pages conditionally and a missing page with backoff, counting right', async () => {
    const db = new YanduDB('sync-conditional');
    await db.open();
    const repo = createSourceRepository(db);
    const row = await repo.add({
      kind: 'cms',
      location: `${origin}/col/`,
      name: '内网',
      column: '通知',
      schedule: { mode: 'manual' },
      enabled: true,
    });
    const source = { id: row.id, kind: 'cms' as const, location: row.location, name: row.name, column: row.column, allowedHosts: [] };
    let n = 0;
    const sync = async (at: number, fullRescan = false) => {
      asked = [];
      let tally = emptyTally();
      const run = await runSync(source, {
        dataDir,
        client: new HttpClient({ delayMs: 0 }),
        known: await repo.known(source.id),
        maxPages: 5,
        fullRescan,
        runId: `run_cond_${++n}`,
        now: new Date(at),
        onBatch: async (b) => {
          tally = addBatch(tally, await applySyncBatch(db, b));
        },
      });
      const counts = sourceCounts(await repo.articleCount(source.id), tally, run.summary.counts);
      return {
        counts,
        main: run.summary.counts,
        logs: run.logs,
        asked: asked.map((a) => `${a.path} ${a.conditional ? 'cond' : 'plain'} ${a.status}`),
      };
    };

    // First sync: everything plainly; the missing page once, and the log says when it is tried again.
    const first = await sync(T0);
    expect(first.counts).toEqual({ articles: 8, added: 8, joined: 0, updated: 0, unchanged: 0, failed: 1 });
    expect(first.asked.filter((a) => a.includes('/99.'))).toEqual(['/a/99.html plain 404']);
    expect(first.asked.filter((a) => a.startsWith('/col/'))).toEqual(['/col/ plain 200', '/col/index_1.html plain 200']);
    expect(first.logs.filter((l) => l.url?.endsWith('/a/99.html')).map((l) => l.message)).toEqual([
      expect.stringContaining('连续第 1 次），1 天内不再请求'),
    ]);
    expect(await db.fetchState.get(`${origin}/a/99.html`)).toMatchObject({ failures: 1 });

    // Re-sync the same day: the list page answers 304 and nothing else is asked.
    const same = await sync(T0 + DAY / 4);
    expect(same.asked).toEqual(['/col/ cond 304']);
    expect(same.main).toMatchObject({ pages: 1, fetched: 0, failed: 0 });
    expect(same.counts).toMatchObject({ articles: 8, added: 0, failed: 0 });

    // A new article on the first page: page 1 changed (200), page 2 asked conditionally (304), walk stops.
    firstPage = [9, 5, 4, 3, 2, 99, 1];
    const added = await sync(T0 + DAY / 2);
    expect(added.asked).toEqual(['/col/ cond 200', '/col/index_1.html cond 304', '/a/9.html plain 200']);
    expect(added.counts).toMatchObject({ articles: 9, added: 1, unchanged: 0, failed: 0 });
    // The waiting missing page is said once, not asked.
    const waiting = added.logs.filter((l) => l.message.includes('此前不存在'));
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.message).toContain('/a/99.html');

    // A day and a half later its wait is over: asked again (also with the list page at 304), and now waits 2 days.
    const retry = await sync(T0 + 1.5 * DAY);
    expect(retry.asked).toEqual(['/col/ cond 304', '/a/99.html plain 404']);
    expect(retry.logs.filter((l) => l.url?.endsWith('/a/99.html')).map((l) => l.message)).toEqual([
      expect.stringContaining('连续第 2 次），2 天内不再请求'),
    ]);
    expect(await db.fetchState.get(`${origin}/a/99.html`)).toMatchObject({ failures: 2 });
    // Still waiting a day later.
    const later = await sync(T0 + 2.5 * DAY);
    expect(later.asked).toEqual(['/col/ cond 304']);
    // A full rescan reads every list page plainly and every article conditionally; the missing page still waits.
    const full = await sync(T0 + 3 * DAY, true);
    expect(full.asked.filter((a) => a.startsWith('/col/'))).toEqual(['/col/ plain 200', '/col/index_1.html plain 200']);
    expect(full.asked.some((a) => a.includes('/99.'))).toBe(false);
    expect(full.asked.filter((a) => a.startsWith('/a/'))).toHaveLength(9);
    expect(full.asked.filter((a) => a.startsWith('/a/')).every((a) => a.endsWith('cond 304'))).toBe(true);
    expect(full.counts).toEqual({ articles: 9, added: 0, joined: 0, updated: 0, unchanged: 9, failed: 0 });
    await db.delete();
  });
});
