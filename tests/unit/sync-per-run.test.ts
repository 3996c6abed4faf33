/**
 * Politeness belongs to a run: two runs at once against one site keep their own delay (one
 * shared client used to let the second run overwrite the first's). Counted, not timed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract';
import type { SyncBatch, SyncProgress, SyncRequest } from '../../shared/domain/sync';
import { createSyncService } from '../../main/services/sync-service';
import { createSyncDeps } from '../../main/services/sync-wiring';
import { startHostileWorld, type HostileWorld } from '../fixtures/hostile-site';

let world: HostileWorld;
let dataDir = '';
beforeAll(async () => {
  world = await startHostileWorld({ trickle: false });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-per-run-'));
});
afterAll(async () => {
  await world.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('per-run politeness', () => {
  it('a run with no delay finishes while a run with a long delay to the same site still waits', async () => {
    const deps = createSyncDeps({ dataDir, version: '0.0.0-test', client: { retries: 0 } });
    const progress: SyncProgress[] = [];
    // eslint-disable-next-line prefer-const
    let service: ReturnType<typeof createSyncService>;
    const emit = (name: EventName, payload: unknown) => {
      if (name === 'sync.progress') progress.push(payload as SyncProgress);
      if (name === 'sync.batch') {
        const b = payload as SyncBatch;
        queueMicrotask(() => void service.ack({ runId: b.runId, seq: b.seq, ok: true }));
      }
    };
    service = createSyncService({ emit, runner: deps.runner });
    const request = (runId: string, id: string, delayMs: number): SyncRequest => ({
      runId,
      source: { id, kind: 'cms', location: world.listUrl, name: id, column: null },
      known: [],
      fullRescan: false,
      maxPages: 1,
      delayMs,
    });
    const ends = (runId: string) => progress.filter((p) => p.runId === runId && ['done', 'failed', 'cancelled'].includes(p.phase));

    const before = world.site.requests.length;
    await service.start(request('run_slow', 'slow', 60_000));
    // The slow run has asked robots.txt and now waits its 60 s before the list page.
    await expect.poll(() => world.site.requests.slice(before)).toEqual(['/robots.txt']);
    await service.start(request('run_fast', 'fast', 0));
    await expect.poll(() => ends('run_fast').map((p) => p.phase), { timeout: 15_000 }).toEqual(['done']);
    expect(ends('run_fast')[0]!.counts.fetched).toBe(2);
    // The fast run's zero delay did not reach the slow run: still one list page short, not ended.
    expect(ends('run_slow')).toEqual([]);
    expect(world.site.requests.slice(before).filter((p) => p === '/news/')).toHaveLength(1);
    await service.cancel({ runId: 'run_slow' });
    await expect.poll(() => ends('run_slow').map((p) => p.phase)).toEqual(['cancelled']);
    expect(world.site.requests.slice(before).filter((p) => p === '/news/')).toHaveLength(1);
  });
});
