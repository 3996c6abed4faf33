/**
 * Attachments wait in a queue beside the articles: a slow attachment server never holds up the
 * article pipeline, and a sync stopped while attachments are still waiting or downloading logs
 * each of them with its URL and a reason (nothing dropped unsaid). The attachments live on a
 * second host name of the same machine (localhost), as files often do on their own server, so
 * the per-host politeness limit of the pages is not what is measured.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HttpClient } from '../../main/services/sync/http-client';
import { NetPolicy } from '../../main/services/sync/net-policy';
import { runSync } from './helpers/sync-run';

const ARTICLES = 6;
const P = '各支部要把理论学习摆在突出位置，按计划组织集体学习，做好学习记录，确保学习取得实效。';
const page = (title: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="main"><h1>${title}</h1><div class="info">发布时间：2025-01-12</div><div class="content">${body}</div></div></body></html>`;

let port = 0;
const articleHits = new Set<string>();
/** Attachment requests held open: none is ever answered. */
const held: ServerResponse[] = [];
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/col/index.html' || url.pathname === '/col/') {
    const items = Array.from(
      { length: ARTICLES },
      (_, i) => `<li><a href="/col/${i}.html">第${i}期学习通知</a><span>2025-01-12</span></li>`,
    );
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('栏目', `<ul class="list">${items.join('')}</ul>`));
    return;
  }
  const art = /^\/col\/(\d+)\.html$/.exec(url.pathname);
  if (art) {
    articleHits.add(art[1]!);
    const link = `<p>附件：<a href="http://localhost:${port}/upload/${art[1]}.pdf">学习计划${art[1]}.pdf</a></p>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(`第${art[1]}期学习通知`, `<p>${P}</p><p>${P}</p>${link}`));
    return;
  }
  if (url.pathname.startsWith('/upload/')) {
    held.push(res);
    return;
  }
  res.writeHead(404).end();
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const res of held) res.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it('reads every article while attachment downloads hang; stopping logs each attachment not read', { timeout: 60_000 }, async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-attach-queue-'));
  const base = `http://127.0.0.1:${port}`;
  const client = new HttpClient({
    delayMs: 0,
    timeoutMs: 30_000,
    backoffMs: 10,
    retries: 0,
    robots: false,
    policy: new NetPolicy({ allow: [base, `http://localhost:${port}`] }),
  });
  const stop = new AbortController();
  const source = { id: 'col', kind: 'cms' as const, location: `${base}/col/index.html`, name: '栏目', column: null };
  // Articles the run has read and accepted: an article's attachments are queued in the same step.
  let accepted = 0;
  const run = runSync(source, {
    dataDir,
    client,
    fullRescan: true,
    signal: stop.signal,
    onProgress: (p) => void (accepted = p.counts.fetched),
  });
  // Two attachment downloads hang (the slots), four more wait in the queue: every article is
  // still fetched and read (a request answered is not yet an article read, so wait for both).
  await expect.poll(() => articleHits.size, { timeout: 30_000 }).toBe(ARTICLES);
  await expect.poll(() => accepted, { timeout: 30_000 }).toBe(ARTICLES);
  await expect.poll(() => held.length, { timeout: 30_000 }).toBe(2);
  stop.abort();
  const result = await run;
  expect(result.summary.cancelled).toBe(true);
  // Each of the six attachments, waiting or downloading when the sync stopped, has its line.
  await expect
    .poll(
      () =>
        result.logs
          .filter((l) => l.code === 'E_CANCELLED')
          .map((l) => l.url)
          .sort(),
      { timeout: 30_000 },
    )
    .toEqual(Array.from({ length: ARTICLES }, (_, i) => `http://localhost:${port}/upload/${i}.pdf`).sort());
  for (const l of result.logs.filter((x) => x.code === 'E_CANCELLED')) expect(l.message).toContain('同步已停止，附件未下载');
  // Only the two in the slots were ever asked for.
  expect(held).toHaveLength(2);
});
