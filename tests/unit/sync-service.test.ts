/**
 * The sync service with the runner the hosts wire in (createSyncDeps: the real HTTP client,
 * list walker, extractor and image store) against a real CMS fixture on 127.0.0.1: batches are
 * held until acknowledged, a refused or missing acknowledgement stops the run, cancel is prompt,
 * and every run ends with exactly one terminal progress event (done, failed or cancelled).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../shared/contract';
import type { SyncBatch, SyncLogEntry, SyncProgress, SyncRequest } from '../../shared/domain/sync';
import { createSyncService, type SyncRunner, type SyncService } from '../../main/services/sync-service';
import { createSyncDeps } from '../../main/services/sync-wiring';
import { generateLargeSite, startCmsWorld, type CmsWorld } from '../fixtures/cms-world';

/** 45 articles: two full batches of 20 and one of 5. */
const ARTICLES = 45;
const TERMINAL = ['done', 'failed', 'cancelled'];

let world: CmsWorld;
let dataDir = '';
beforeAll(async () => {
  world = await startCmsWorld({ sites: [generateLargeSite(ARTICLES)] });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-sync-service-'));
});
afterAll(async () => {
  await world.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const request = (runId: string): SyncRequest => ({
  runId,
  source: { id: 's_large', kind: 'cms', location: world.abs('/large/col/'), name: '大型栏目', column: null },
  known: [],
  fullRescan: false,
  maxPages: 10,
  delayMs: 0,
});

type Logged =
  | { name: 'sync.progress'; payload: SyncProgress }
  | { name: 'sync.batch'; payload: SyncBatch }
  | { name: 'sync.log'; payload: SyncLogEntry }
  | { name: 'ack'; payload: { runId: string; seq: number; accepted: boolean } };

/**
 * A service on the hosts' real runner. Every event it emits, and every acknowledgement the test
 * sends, go into one ordered log. `returned` holds the runs whose runner has returned.
 */
function harness(options: { ackTimeoutMs?: number } = {}) {
  const log: Logged[] = [];
  const returned = new Set<string>();
  const deps = createSyncDeps({ dataDir, version: '0.0.0-test', client: { retries: 0 } });
  const runner: SyncRunner = async (req, io) => {
    try {
      await deps.runner(req, io);
    } finally {
      returned.add(req.runId);
    }
  };
  const service: SyncService = createSyncService({
    emit: (name: EventName, payload: unknown) => log.push({ name, payload } as Logged),
    runner,
    ackTimeoutMs: options.ackTimeoutMs,
  });
  const batches = (runId: string) => log.flatMap((e) => (e.name === 'sync.batch' && e.payload.runId === runId ? [e.payload] : []));
  const progress = (runId: string) => log.flatMap((e) => (e.name === 'sync.progress' && e.payload.runId === runId ? [e.payload] : []));
  const ends = (runId: string) => progress(runId).filter((p) => TERMINAL.includes(p.phase));
  const ack = async (runId: string, seq: number, ok = true, message?: string) => {
    const { accepted } = await service.ack({ runId, seq, ok, message });
    log.push({ name: 'ack', payload: { runId, seq, accepted } });
    return accepted;
  };
  /**
   * Resolves once the run is over: its runner returned and a macrotask has passed, so the
   * service's own end (chained on the runner's promise as microtasks) has been emitted too.
   */
  const settled = async (runId: string) => {
    await vi.waitFor(() => expect(returned.has(runId)).toBe(true), { timeout: 20_000 });
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  return { service, log, batches, progress, ends, ack, settled };
}

const articleRequests = () => world.requests.filter((r) => r.path.startsWith('/large/col/art/')).length;

describe('sync service on the real runner', () => {
  it('holds each batch until it is acknowledged; the run ends once, done, with every article sent', async () => {
    const h = harness();
    await h.service.start(request('run_all'));
    for (const seq of [0, 1, 2]) {
      await vi.waitFor(() => expect(h.batches('run_all').map((b) => b.seq)).toContain(seq), { timeout: 20_000 });
      expect(await h.ack('run_all', seq)).toBe(true);
      // Acknowledged once only.
      expect(await h.ack('run_all', seq)).toBe(false);
    }
    await h.settled('run_all');

    const batches = h.batches('run_all');
    expect(batches.map((b) => [b.seq, b.articles.length])).toEqual([
      [0, 20],
      [1, 20],
      [2, 5],
    ]);
    const keys = batches.flatMap((b) => b.articles.map((a) => a.urlKey));
    expect(new Set(keys).size).toBe(ARTICLES);
    // Batch n+1 was sent only after batch n was acknowledged.
    const order = h.log.flatMap((e) =>
      e.name === 'sync.batch' ? [`batch ${e.payload.seq}`] : e.name === 'ack' && e.payload.accepted ? [`ack ${e.payload.seq}`] : [],
    );
    expect(order).toEqual(['batch 0', 'ack 0', 'batch 1', 'ack 1', 'batch 2', 'ack 2']);

    const phases = h.progress('run_all').map((p) => p.phase);
    expect(phases[0]).toBe('starting');
    expect(h.ends('run_all')).toHaveLength(1);
    expect(h.ends('run_all')[0]).toMatchObject({ phase: 'done', remaining: 0, counts: { sent: ARTICLES, fetched: ARTICLES, failed: 0 } });
    // The end is the run's last word.
    expect(h.log.at(-1)).toMatchObject({ name: 'sync.progress', payload: { runId: 'run_all', phase: 'done' } });
  });

  it('with no acknowledgement the run sends one batch, fetches no further, and fails once', async () => {
    const h = harness({ ackTimeoutMs: 1500 });
    const before = articleRequests();
    await h.service.start(request('run_silent'));
    await h.settled('run_silent');
    expect(h.batches('run_silent').map((b) => b.seq)).toEqual([0]);
    // One batch's worth of articles was fetched; the rest waited for an acknowledgement that never came.
    expect(articleRequests() - before).toBe(20);
    expect(h.ends('run_silent')).toHaveLength(1);
    expect(h.ends('run_silent')[0]).toMatchObject({ phase: 'failed', message: '界面长时间没有确认写入，同步已停止。' });
    const errors = h.log.flatMap((e) =>
      e.name === 'sync.log' && e.payload.runId === 'run_silent' && e.payload.level === 'error' ? [e] : [],
    );
    expect(errors.map((e) => e.payload.message)).toEqual(['界面长时间没有确认写入，同步已停止。']);
    expect(await h.ack('run_silent', 0)).toBe(false);
  });

  it('stops the run when the renderer could not store a batch, logs why, and ends once', async () => {
    const h = harness();
    await h.service.start(request('run_full_disk'));
    await vi.waitFor(() => expect(h.batches('run_full_disk')).toHaveLength(1), { timeout: 20_000 });
    expect(await h.ack('run_full_disk', 0, false, '磁盘已满')).toBe(true);
    await h.settled('run_full_disk');
    expect(h.batches('run_full_disk')).toHaveLength(1);
    expect(h.ends('run_full_disk')).toHaveLength(1);
    expect(h.ends('run_full_disk')[0]).toMatchObject({ phase: 'failed', message: '保存失败：磁盘已满' });
    const errors = h.log.flatMap((e) =>
      e.name === 'sync.log' && e.payload.runId === 'run_full_disk' && e.payload.level === 'error' ? [e] : [],
    );
    expect(errors.map((e) => e.payload.message)).toEqual(['保存失败：磁盘已满']);
  });

  it('refuses a second run of a source while one runs, cancels promptly and once, then frees the source', async () => {
    const h = harness();
    await h.service.start(request('run_1'));
    await expect(h.service.start(request('run_1'))).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT' });
    await expect(h.service.start(request('run_2'))).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT' });
    await vi.waitFor(() => expect(h.batches('run_1')).toHaveLength(1), { timeout: 20_000 });
    const fetchedAtCancel = articleRequests();
    expect(await h.service.cancel({ runId: 'run_1' })).toEqual({ cancelled: true });
    await h.settled('run_1');
    expect(h.ends('run_1')).toHaveLength(1);
    expect(h.ends('run_1')[0]).toMatchObject({ phase: 'cancelled', message: null });
    // Cancelled while waiting for the first acknowledgement: no further article was asked for.
    expect(articleRequests()).toBe(fetchedAtCancel);
    expect(h.batches('run_1')).toHaveLength(1);
    expect(await h.service.cancel({ runId: 'run_1' })).toEqual({ cancelled: false });
    expect(h.log.some((e) => e.name === 'sync.log' && e.payload.runId === 'run_1' && e.payload.level === 'error')).toBe(false);

    // The source is free again: a new run goes to its end.
    await h.service.start(request('run_3'));
    for (let seq = 0; seq < 3; seq++) {
      await vi.waitFor(() => expect(h.batches('run_3').map((b) => b.seq)).toContain(seq), { timeout: 20_000 });
      await h.ack('run_3', seq);
    }
    await h.settled('run_3');
    expect(h.ends('run_3').map((p) => p.phase)).toEqual(['done']);
  });
});
