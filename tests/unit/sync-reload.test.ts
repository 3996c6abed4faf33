/**
 * A run survives a page reload: the run lives in main (the sync service with the real runner,
 * a real server on 127.0.0.1). The first "page" writes a batch and dies before acknowledging
 * it; the second takes the run up (sync.active, sync.attach), gets that batch again, knows it
 * was written (nothing twice), and the run ends with every article once and the right counts.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract';
import type { SyncBatch, SyncProgress } from '../../shared/domain/sync';
import { HttpClient } from '../../main/services/sync/http-client';
import { ImageStore } from '../../main/services/sync/images';
import { runSourceSync } from '../../main/services/sync/runner';
import { createSyncService } from '../../main/services/sync-service';
import { applySyncBatch, storedTally } from '../../renderer/core/sync/writer';
import { YanduDB } from '../../renderer/db/schema';
import { startLocalServer, type LocalServer } from './helpers/local-server';

let server: LocalServer;
let origin = '';
let dataDir = '';

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-reload-'));
  server = await startLocalServer((req, res) => {
    const p = req.url ?? '/';
    if (p === '/col/') {
      const items = Array.from(
        { length: 6 },
        (_, i) => `<li><a href="/a/${i + 1}.html">学习通知第${i + 1}号</a><span>2024-02-0${i + 1}</span></li>`,
      ).join('');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(`<!doctype html><html><head><meta charset="utf-8"><title>通知</title></head><body><ul>${items}</ul></body></html>`);
    }
    const m = /^\/a\/(\d+)\.html$/.exec(p);
    if (!m) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html><head><meta charset="utf-8"><title>学习通知第${m[1]}号</title></head><body><div class="article"><h1>学习通知第${m[1]}号</h1><div class="content"><p>第${m[1]}号通知：各支部要按照年度学习计划，认真组织专题学习研讨。</p></div></div></body></html>`,
    );
  });
  origin = server.origin;
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a run across a page reload', () => {
  it('writes every batch exactly once and ends with the right counts', async () => {
    const db = new YanduDB('sync-reload');
    await db.open();
    /** Which page listens now: 1 before the reload, 2 after, 0 while none does. */
    let page = 1;
    const written: number[] = [];
    const ends: SyncProgress[] = [];
    let ended!: () => void;
    const end = new Promise<void>((r) => (ended = r));
    // eslint-disable-next-line prefer-const
    let service: ReturnType<typeof createSyncService>;
    const onBatch = async (b: SyncBatch, who: number) => {
      const result = await applySyncBatch(db, b);
      if (!result.replayed) written.push(b.seq);
      // Page 1 writes batch 1 and is gone before it acknowledges.
      if (who === 1 && b.seq === 1) {
        page = 0;
        return;
      }
      await service.ack({ runId: b.runId, seq: b.seq, ok: true });
    };
    const emit = (name: EventName, payload: unknown) => {
      const who = page;
      if (name === 'sync.progress' && ['done', 'failed', 'cancelled'].includes((payload as SyncProgress).phase)) {
        ends.push(payload as SyncProgress);
        queueMicrotask(ended);
      }
      if (name === 'sync.batch' && who !== 0) void onBatch(payload as SyncBatch, who);
    };
    service = createSyncService({
      emit,
      runner: async (request, io) => {
        const client = new HttpClient({ delayMs: 0 });
        await runSourceSync(request, { client, images: new ImageStore({ dataDir, client }), dataDir, batchSize: 2, ...io });
      },
    });
    await service.start({
      runId: 'run_reload',
      source: { id: 'col', kind: 'cms', location: `${origin}/col/`, name: '内网', column: '通知', allowedHosts: [] },
      known: [],
      fullRescan: false,
      maxPages: 3,
      delayMs: 0,
    });
    // The page is gone: the run waits in main for batch 1's acknowledgement.
    await expect.poll(() => page, { timeout: 30_000 }).toBe(0);
    await expect.poll(() => written, { timeout: 30_000 }).toEqual([0, 1]);
    const active = service.active();
    expect(active.map((p) => [p.runId, p.sourceId])).toEqual([['run_reload', 'col']]);
    // The reloaded page takes it up: batch 1 comes again and is acknowledged, not written twice.
    page = 2;
    expect(await service.attach({ runId: 'run_reload' })).toEqual({ attached: true });
    await end;
    expect(ends.map((e) => e.phase)).toEqual(['done']);
    // Every batch once, in order (the last one carries the list page's validators only).
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written).toEqual(written.map((_, i) => i));
    expect(await db.articles.count()).toBe(6);
    expect(await db.memberships.count()).toBe(6);
    expect(await storedTally(db, 'run_reload')).toEqual({ added: 6, joined: 0, updated: 0, unchanged: 0 });
    expect(ends[0]!.counts).toMatchObject({ fetched: 6, sent: 6, failed: 0 });
    expect(service.active()).toEqual([]);
    expect(await service.attach({ runId: 'run_reload' })).toEqual({ attached: false });
    await db.delete();
  });
});
