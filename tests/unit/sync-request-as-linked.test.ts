/**
 * Every request is the one the user configured or the page linked. The canonical key only says
 * which page a link names (so a page linked twice is fetched once); the request goes to the link
 * as written. A real server on 127.0.0.1 that is strict the way real ones can be: its column
 * answers at `/col/index.shtml` but `/col/` is a forbidden directory listing, and a signed article
 * link is refused unless its query comes back byte for byte (order and `timestamp` included).
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../main/services/sync/http-client';
import { previewSource } from '../../main/services/sync';
import { applySyncBatch } from '../../renderer/core/sync/writer';
import { YanduDB } from '../../renderer/db/schema';
import { createSourceRepository } from '../../renderer/db/sources';
import { runSync } from './helpers/sync-run';
import { startLocalServer, type LocalServer } from './helpers/local-server';

const SIGNED = '/art.jsp?id=7&sig=ab12&timestamp=1700000000';
let server: LocalServer;
let origin = '';
let dataDir = '';
let asked: string[] = [];
/** Off: the column's list no longer shows the signed article (it dropped off the first page). */
let listShowsSigned = true;

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}
function article(title: string): string {
  return page(
    title,
    `<div class="article"><h1>${title}</h1><div class="content"><p>${title}：各支部要按照年度学习计划，认真组织专题学习研讨，做好学习记录。</p><p>请于月底前报送本期学习情况。</p></div></div>`,
  );
}
function list(rows: [string, string, string][], next: string | null): string {
  const items = rows.map(([href, title, date]) => `<li><a href="${href}">${title}</a><span>${date}</span></li>`).join('');
  return page('通知公告', `<div class="list"><ul>${items}</ul>${next ? `<div class="page"><a href="${next}">下一页</a></div>` : ''}</div>`);
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-as-linked-'));
  server = await startLocalServer((req, res) => {
    const p = req.url ?? '/';
    if (p === '/robots.txt') {
      res.writeHead(404);
      return res.end();
    }
    asked.push(p);
    const send = (status: number, body: string, type = 'text/html; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    };
    if (p === '/col/index.shtml')
      return send(
        200,
        list(
          [
            ...(listShowsSigned ? [[SIGNED, '关于开展专题学习的通知', '2024-03-18'] as [string, string, string]] : []),
            ['/a/2.html#comments', '关于报送学习记录的通知', '2024-03-17'],
            ['/a/2.html?spm=3.4', '关于报送学习记录的通知', '2024-03-17'],
          ],
          'index_1.shtml',
        ),
      );
    if (p === '/col/index_1.shtml') return send(200, list([['/a/3.html', '关于调整学习安排的通知', '2024-03-10']], null));
    if (p === SIGNED) return send(200, article('关于开展专题学习的通知'));
    if (p === '/a/2.html' || p === '/a/3.html')
      return send(200, article(p === '/a/2.html' ? '关于报送学习记录的通知' : '关于调整学习安排的通知'));
    if (p === '/feed/rss.xml')
      return send(
        200,
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>通知</title><link>${origin}/col/index.shtml</link><item><title>关于开展专题学习的通知</title><link>${origin}${SIGNED}</link><description>摘要</description></item></channel></rss>`,
        'application/rss+xml; charset=utf-8',
      );
    // `/col/` (no directory index), an unsigned or reordered query: refused as such servers do.
    send(403, page('禁止访问', '<p>403 Forbidden</p>'));
  });
  origin = server.origin;
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  asked = [];
  listShowsSigned = true;
});

describe('requests go to the links as configured or written', () => {
  it('a column at /col/index.shtml and a signed link: each asked as written, a page linked twice asked once', async () => {
    const run = await runSync(
      { id: 'cms', kind: 'cms', location: `${origin}/col/index.shtml`, name: '内网', column: '通知', allowedHosts: [] },
      { dataDir },
    );
    expect([...asked].sort()).toEqual(['/a/2.html', '/a/3.html', SIGNED, '/col/index.shtml', '/col/index_1.shtml'].sort());
    expect(run.summary.counts).toMatchObject({ pages: 2, failed: 0 });
    // Stored under their keys: one per page, tracking parameters and the index name gone.
    expect(run.articles.map((a) => a.url).sort()).toEqual(
      [`${origin}/a/2.html`, `${origin}/a/3.html`, `${origin}/art.jsp?id=7&sig=ab12`].sort(),
    );
    // Nothing refused or failed (the short test articles are read with a low-confidence note).
    expect(run.logs.filter((l) => l.level !== 'info' && l.code !== 'W_LOW_CONFIDENCE')).toEqual([]);
  });

  it('a recent article no list page shows any more is asked again at the address it was linked at', async () => {
    // Through the library as the app keeps it: batches written by the renderer's writer, `known` read back from it.
    const db = new YanduDB('sync-as-linked');
    await db.open();
    const repo = createSourceRepository(db);
    const row = await repo.add({
      kind: 'cms',
      location: `${origin}/col/index.shtml`,
      name: '内网',
      column: '通知',
      schedule: { mode: 'manual' },
      enabled: true,
    });
    const source = { id: row.id, kind: 'cms' as const, location: row.location, name: row.name, column: row.column, allowedHosts: [] };
    const sync = (runId: string) => runSync(source, { dataDir, runId, onBatch: async (b) => void (await applySyncBatch(db, b)) });
    const signedKey = `${origin}/art.jsp?id=7&sig=ab12`;

    await sync('run_linked_1');
    // The signed page's validators keep the link as written; a page asked at its key keeps none.
    expect((await db.fetchState.get(signedKey))?.href).toBe(`${origin}${SIGNED}`);
    expect(await db.fetchState.get(`${origin}/a/3.html`)).toMatchObject({ urlKey: `${origin}/a/3.html` });
    expect((await db.fetchState.get(`${origin}/a/3.html`))?.href).toBeUndefined();
    const known = await repo.known(source.id);
    expect(known.find((k) => k.urlKey === signedKey)).toMatchObject({
      href: `${origin}${SIGNED}`,
      publishedAt: expect.stringMatching(/^2024-03-18/),
    });

    // The list page no longer shows it; dated two days ago, it is asked again for corrections, as linked.
    listShowsSigned = false;
    asked = [];
    const again = await runSync(source, {
      dataDir,
      known,
      runId: 'run_linked_2',
      onBatch: async (b) => void (await applySyncBatch(db, b)),
    });
    expect(asked.filter((p) => p.startsWith('/art.jsp'))).toEqual([SIGNED]);
    expect(again.summary.counts.failed).toBe(0);
    expect((await db.fetchState.get(signedKey))?.href).toBe(`${origin}${SIGNED}`);
    db.close();
  });

  it('a feed’s item link is asked as the feed wrote it', async () => {
    const run = await runSync(
      { id: 'feed', kind: 'feed', location: `${origin}/feed/rss.xml`, name: '通知', column: null, allowedHosts: [] },
      { dataDir },
    );
    expect(asked).toEqual(['/feed/rss.xml', SIGNED]);
    expect(run.articles.map((a) => a.title)).toEqual(['关于开展专题学习的通知']);
  });

  it('试抓取 asks the configured column and the first article as written', async () => {
    const preview = await previewSource(new HttpClient({ delayMs: 0 }), `${origin}/col/index.shtml`, 'cms');
    expect(asked).toEqual(['/col/index.shtml', SIGNED]);
    expect(preview.firstArticle).toMatchObject({ title: '关于开展专题学习的通知', error: null });
  });
});
