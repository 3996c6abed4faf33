/**
 * Every request is the one the user configured or the page linked. The canonical key only says
 * which page a link names (so a page linked twice is fetched once); the request goes to the link
 * as written. A real server on 127.0.0.1 that is strict the way real ones can be: its column
 * answers at `/col/index.shtml` but `/col/` is a forbidden directory listing, and a signed article
 * link is refused unless its query comes back byte for byte (order and `timestamp` included).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../main/services/sync/http-client';
import { previewSource } from '../../main/services/sync';
import { runSync } from './helpers/sync-run';
import { startLocalServer, type LocalServer } from './helpers/local-server';

const SIGNED = '/art.jsp?id=7&sig=ab12&timestamp=1700000000';
let server: LocalServer;
let origin = '';
let dataDir = '';
let asked: string[] = [];

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
            [SIGNED, '关于开展专题学习的通知', '2024-03-18'],
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
