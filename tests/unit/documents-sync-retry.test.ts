/**
 * Attachments a sync did not store are fetched by a later sync, though their articles are
 * unchanged: ones a stopped sync never read (on the very next run), ones that failed (503: on the
 * next run, then after 1, 2, 4… days). Ones over the size cap are not asked again. The articles
 * themselves are not sent twice. Real HTTP on 127.0.0.1; the attachments live on a second host
 * name of the same machine (localhost), as files often do on their own server.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { KnownPage, SyncBatch } from '../../shared/domain/sync';
import { HttpClient } from '../../main/services/sync/http-client';
import { NetPolicy } from '../../main/services/sync/net-policy';
import { runSync } from './helpers/sync-run';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url));
const FILES = ['gongwen.pdf', 'report.pdf', 'tongzhi.ofd'];
const P = '各支部要把理论学习摆在突出位置，按计划组织集体学习，做好学习记录，确保学习取得实效。';
const page = (title: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="main"><h1>${title}</h1><div class="info">发布时间：2025-01-12</div><div class="content">${body}</div></div></body></html>`;

/** How the attachment server answers now. */
let mode: 'hang' | 'serve' | 'unavailable' = 'serve';
let port = 0;
const hits: { path: string; status: number }[] = [];
const held: ServerResponse[] = [];
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/col/index.html' || url.pathname === '/col/') {
    hits.push({ path: url.pathname, status: 200 });
    const items = FILES.map((_, i) => `<li><a href="/col/${i}.html">第${i}期学习通知</a><span>2025-01-12</span></li>`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('栏目', `<ul class="list">${items.join('')}</ul>`));
    return;
  }
  const art = /^\/col\/(\d+)\.html$/.exec(url.pathname);
  if (art) {
    hits.push({ path: url.pathname, status: 200 });
    const file = FILES[Number(art[1])]!;
    const link = `<p>附件：<a href="http://localhost:${port}/upload/${file}">附件${art[1]}.${file.split('.')[1]}</a></p>`;
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: `"a${art[1]}"` })
      .end(page(`第${art[1]}期学习通知`, `<p>${P}</p><p>${P}</p>${link}`));
    return;
  }
  const up = /^\/upload\/([a-z]+\.[a-z]+)$/.exec(url.pathname);
  if (up && FILES.includes(up[1]!)) {
    if (mode === 'hang') {
      held.push(res);
      return;
    }
    if (mode === 'unavailable') {
      hits.push({ path: url.pathname, status: 503 });
      res.writeHead(503).end();
      return;
    }
    hits.push({ path: url.pathname, status: 200 });
    const body = fixture(up[1]!);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
    return;
  }
  res.writeHead(404).end();
});

let base = '';
const source = () => ({ id: 'col', kind: 'cms' as const, location: `${base}/col/index.html`, name: '栏目', column: null });
const client = () =>
  new HttpClient({
    delayMs: 0,
    timeoutMs: 30_000,
    backoffMs: 10,
    retries: 0,
    robots: false,
    policy: new NetPolicy({ allow: [base, `http://localhost:${port}`] }),
  });
const upload = (what: { path: string }) => what.path.startsWith('/upload/');
const articlePages = (what: { path: string }) => /^\/col\/\d+\.html$/.test(what.path);

/**
 * What the renderer's sources.known() gives main after these batches were written: each page's
 * validators (and attachment state), articles with their date and attachment links.
 */
function knownAfter(batches: SyncBatch[], before: KnownPage[] = []): KnownPage[] {
  const byKey = new Map<string, KnownPage>(before.map((k) => [k.urlKey, k]));
  for (const b of batches) {
    for (const p of b.pages) {
      const was = byKey.get(p.urlKey);
      byKey.set(p.urlKey, {
        ...p,
        publishedAt: was?.publishedAt ?? null,
        ...(was?.attachments ? { attachments: was.attachments } : {}),
      });
    }
    for (const a of b.articles) {
      const was = byKey.get(a.urlKey);
      byKey.set(a.urlKey, {
        urlKey: a.urlKey,
        etag: was?.etag ?? null,
        lastModified: was?.lastModified ?? null,
        contentHash: a.contentHash,
        publishedAt: a.publishedAt,
        ...(a.attachments ? { attachments: a.attachments } : {}),
        ...(was?.attachment ? { attachment: was.attachment } : {}),
      });
    }
  }
  return [...byKey.values()];
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
beforeEach(() => {
  hits.length = 0;
  mode = 'serve';
});
afterAll(async () => {
  for (const res of held) res.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it('a sync stopped while attachments hang: the next sync fetches them, the articles are not sent again', { timeout: 60_000 }, async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-attach-retry-'));
  mode = 'hang';
  const stop = new AbortController();
  const sent: SyncBatch[] = [];
  // One article a batch, so each is written before the run stops (as the earlier batches of a long run are).
  const first = runSync(source(), { dataDir, client: client(), signal: stop.signal, batchSize: 1, onBatch: (b) => void sent.push(b) });
  // The articles are written; two attachment downloads hang, the third waits in the queue.
  await expect.poll(() => sent.flatMap((b) => b.articles).length, { timeout: 30_000 }).toBe(FILES.length);
  await expect.poll(() => held.length, { timeout: 30_000 }).toBe(2);
  stop.abort();
  const stopped = await first;
  expect(stopped.summary.cancelled).toBe(true);
  await expect.poll(() => stopped.logs.filter((l) => l.code === 'E_CANCELLED').length, { timeout: 30_000 }).toBe(FILES.length);
  expect(stopped.articles.filter((a) => a.document)).toEqual([]);

  mode = 'serve';
  hits.length = 0;
  const known = knownAfter(stopped.batches);
  const second = await runSync(source(), { dataDir, client: client(), known });
  expect(second.summary.cancelled).toBe(false);
  // Each attachment asked once, and each arrives linked to its article; no article is sent again.
  expect(hits.filter(upload).map((h) => h.status)).toEqual([200, 200, 200]);
  expect(second.articles.every((a) => a.document !== undefined)).toBe(true);
  const parents = new Map(stopped.articles.map((a) => [a.urlKey, a.title]));
  expect(second.articles.map((a) => parents.get(a.document!.attachmentOf!)).sort()).toEqual(
    ['第0期学习通知', '第1期学习通知', '第2期学习通知'].sort(),
  );
  expect(second.logs.filter((l) => l.level !== 'info')).toEqual([]);

  // Stored now: a third sync asks none of them.
  hits.length = 0;
  const third = await runSync(source(), { dataDir, client: client(), known: knownAfter(second.batches, known) });
  expect(hits.filter(upload)).toEqual([]);
  expect(third.articles).toEqual([]);
});

it('a failing (503) attachment is asked on the next sync, then after a day, and stored once it answers', { timeout: 60_000 }, async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-attach-503-'));
  const day0 = new Date('2024-03-20T12:00:00+08:00');
  mode = 'unavailable';
  const first = await runSync(source(), { dataDir, client: client(), now: day0 });
  expect(first.articles.filter((a) => a.document)).toEqual([]);
  expect(hits.filter(upload).map((h) => h.status)).toEqual([503, 503, 503]);
  const failedLines = first.logs.filter((l) => l.url?.includes('/upload/'));
  expect(failedLines).toHaveLength(3);
  for (const l of failedLines) expect(l.message).toContain('下次同步时再试');
  const states = first.batches.flatMap((b) => b.pages).filter((p) => p.attachment);
  expect(states.map((p) => p.attachment!.failures)).toEqual([1, 1, 1]);

  // The next sync (the same day) asks again; still down: now it waits a day.
  hits.length = 0;
  let known = knownAfter(first.batches);
  const second = await runSync(source(), { dataDir, client: client(), known, now: day0 });
  expect(hits.filter(upload).map((h) => h.status)).toEqual([503, 503, 503]);
  expect(hits.filter(articlePages)).toEqual([]);
  for (const l of second.logs.filter((x) => x.url?.includes('/upload/'))) expect(l.message).toContain('1 天后再试（连续第 2 次失败）');
  known = knownAfter(second.batches, known);

  // Within the day: not asked.
  mode = 'serve';
  hits.length = 0;
  const waiting = await runSync(source(), { dataDir, client: client(), known, now: new Date(day0.getTime() + 3_600_000) });
  expect(hits.filter(upload)).toEqual([]);
  expect(waiting.articles).toEqual([]);

  // A day later: asked, stored, and the failure state is gone.
  hits.length = 0;
  const later = await runSync(source(), { dataDir, client: client(), known, now: new Date(day0.getTime() + 86_400_000) });
  expect(hits.filter(upload).map((h) => h.status)).toEqual([200, 200, 200]);
  expect(later.articles).toHaveLength(3);
  expect(later.articles.every((a) => a.document?.attachmentOf !== undefined)).toBe(true);
  const pages = later.batches.flatMap((b) => b.pages).filter((p) => p.urlKey.includes('/upload/'));
  expect(pages).toHaveLength(3);
  for (const p of pages) expect(p.attachment).toBeUndefined();
});

it('an attachment over the size cap is not asked again', { timeout: 60_000 }, async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-attach-cap-retry-'));
  // Under a 5 KB cap the OFD (3.6 KB) fits, the PDFs do not.
  const first = await runSync(source(), { dataDir, client: client(), attachmentMaxBytes: 5 * 1024 });
  expect(first.articles.filter((a) => a.document).map((a) => a.document!.format)).toEqual(['ofd']);
  expect(first.logs.filter((l) => l.code === 'E_TOO_LARGE')).toHaveLength(2);
  hits.length = 0;
  const second = await runSync(source(), { dataDir, client: client(), known: knownAfter(first.batches), attachmentMaxBytes: 5 * 1024 });
  expect(hits.filter(upload)).toEqual([]);
  expect(second.articles).toEqual([]);
});
