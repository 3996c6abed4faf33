/**
 * Review finding (review-b), fixed in att19d: an attachment read in full before a sync is
 * stopped was accepted into the run's pending batch, but once the article tasks were over
 * nothing sent that batch until every attachment had settled, so a stop while a later
 * attachment downloaded dropped it unsaid. Now, once the article tasks are over, each accepted
 * attachment is sent at once (Run.attachmentAccepted).
 *
 * One notice, two attachments on the same server (they are read one after the other): the
 * first is served, the second is held open; the sync is stopped once the second is asked for,
 * which is after the first was read and accepted.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SyncBatch, SyncLogEntry } from '../../shared/domain/sync';
import { HttpClient } from '../../main/services/sync/http-client';
import { ImageStore } from '../../main/services/sync/images';
import { NetPolicy } from '../../main/services/sync/net-policy';
import { runSourceSync } from '../../main/services/sync/runner';

const pdf = readFileSync(new URL('../fixtures/documents/gongwen.pdf', import.meta.url));
const P = '各支部要把理论学习摆在突出位置，按计划组织集体学习，做好学习记录，确保学习取得实效。';
const page = (title: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="main"><h1>${title}</h1><div class="info">发布时间：2025-01-12</div><div class="content">${body}</div></div></body></html>`;

let base = '';
const held: ServerResponse[] = [];
const asked: string[] = [];
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  asked.push(url.pathname);
  if (url.pathname === '/col/' || url.pathname === '/col/index.html') {
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(page('栏目', '<ul class="list"><li><a href="/col/1.html">关于印发学习计划的通知</a><span>2025-01-12</span></li></ul>'));
  } else if (url.pathname === '/col/1.html') {
    const links = '<p>附件：</p><p>1. <a href="/upload/a.pdf">学习计划.pdf</a></p><p>2. <a href="/upload/b.pdf">学习安排.pdf</a></p>';
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(page('关于印发学习计划的通知', `<p>${P}</p><p>${P}</p>${links}`));
  } else if (url.pathname === '/upload/a.pdf') {
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length }).end(pdf);
  } else if (url.pathname === '/upload/b.pdf') {
    held.push(res);
  } else res.writeHead(404).end();
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of held) res.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it('an attachment read before the stop is sent or logged, not dropped unsaid', { timeout: 60_000 }, async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-attach-stop-'));
  const client = new HttpClient({
    delayMs: 0,
    timeoutMs: 30_000,
    backoffMs: 10,
    retries: 0,
    robots: false,
    policy: new NetPolicy({ allow: [base] }),
  });
  const stop = new AbortController();
  const batches: SyncBatch[] = [];
  const logs: SyncLogEntry[] = [];
  const run = runSourceSync(
    {
      runId: 'run_stop',
      source: { id: 'col', kind: 'cms', location: `${base}/col/index.html`, name: '栏目', column: null },
      known: [],
      fullRescan: true,
      maxPages: 5,
      delayMs: 0,
    },
    {
      client,
      images: new ImageStore({ dataDir, client }),
      dataDir,
      signal: stop.signal,
      emitProgress: () => undefined,
      emitLog: (e) => logs.push(e),
      sendBatch: async (b) => {
        batches.push(b);
      },
      // One article per batch: the notice is sent as soon as its task is done.
      batchSize: 1,
    },
  );
  // The second attachment is asked for only after the first was read and accepted.
  await expect.poll(() => held.length, { timeout: 30_000 }).toBe(1);
  const sent = () => batches.flatMap((b) => b.articles);
  expect(sent()[0]?.title).toBe('关于印发学习计划的通知');
  stop.abort();
  const summary = await run;
  expect(summary.cancelled).toBe(true);
  // The held one says it was not read.
  await expect
    .poll(() => logs.filter((l) => l.code === 'E_CANCELLED').map((l) => l.url), { timeout: 30_000 })
    .toEqual([`${base}/upload/b.pdf`]);
  // The one read before the stop was sent with the run, or logged with a reason.
  const first = `${base}/upload/a.pdf`;
  const stored = sent().some((a) => a.url === first);
  const logged = logs.some((l) => l.url === first);
  expect(stored || logged).toBe(true);
});
