/**
 * Real runs of the hostile column through the services the hosts wire in (createSyncDeps +
 * createSyncService): the policy refuses and logs every off-site address, nothing reaches the
 * other port or the app's port, and each run ends exactly once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract';
import type { SyncBatch, SyncLogEntry, SyncProgress, SyncRequest } from '../../shared/domain/sync';
import { createSyncService } from '../../main/services/sync-service';
import { createSyncDeps } from '../../main/services/sync-wiring';
import { startHostileWorld, type HostileWorld } from '../fixtures/hostile-site';

let world: HostileWorld;
let dataDir = '';
beforeAll(async () => {
  world = await startHostileWorld();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-hostile-'));
});
afterAll(async () => {
  await world.close();
  await rm(dataDir, { recursive: true, force: true });
});

const TERMINAL = ['done', 'failed', 'cancelled'];

async function run(runId: string, allowedHosts: string[] = []) {
  const progress: SyncProgress[] = [];
  const logs: SyncLogEntry[] = [];
  const batches: SyncBatch[] = [];
  let ended!: () => void;
  const end = new Promise<void>((r) => (ended = r));
  const deps = createSyncDeps({
    dataDir,
    version: '0.0.0-test',
    ownPorts: () => [world.app.port],
    client: { deadlineMs: 3000, retries: 0, backoffMs: 10 },
  });
  // eslint-disable-next-line prefer-const
  let service: ReturnType<typeof createSyncService>;
  const emit = (name: EventName, payload: unknown) => {
    if (name === 'sync.progress') {
      const p = payload as SyncProgress;
      progress.push(p);
      if (TERMINAL.includes(p.phase)) queueMicrotask(ended);
    } else if (name === 'sync.log') logs.push(payload as SyncLogEntry);
    else if (name === 'sync.batch') {
      const b = payload as SyncBatch;
      batches.push(b);
      queueMicrotask(() => void service.ack({ runId: b.runId, seq: b.seq, ok: true }));
    }
  };
  service = createSyncService({ emit, runner: deps.runner });
  const request: SyncRequest = {
    runId,
    source: { id: 'hostile', kind: 'cms', location: world.listUrl, name: '理论学习', column: '理论学习', allowedHosts },
    known: [],
    fullRescan: false,
    maxPages: 5,
    delayMs: 0,
  };
  await service.start(request);
  await end;
  // Anything emitted after the end would land here too.
  await new Promise((r) => setImmediate(r));
  return { progress, logs, batches };
}

describe('a hostile column synced through the services', () => {
  it('syncs its own articles, logs every refused address once, and asks nothing else', async () => {
    const r = await run('run_hostile_1');
    const ends = r.progress.filter((p) => TERMINAL.includes(p.phase));
    expect(ends.map((p) => p.phase)).toEqual(['done']);
    expect(r.progress.at(-1)).toBe(ends[0]);
    expect(ends[0]!.remaining).toBe(0);

    const saved = r.batches.flatMap((b) => b.articles.map((a) => a.urlKey)).sort();
    expect(saved).toEqual([...world.good].sort());

    // Another port, the app's port, link-local: a warning each, with the URL and a reason.
    for (const url of world.refused) {
      const lines = r.logs.filter((l) => l.url === url);
      expect(lines).toHaveLength(1);
      expect(lines[0]!.code).toBe('E_FORBIDDEN');
      expect(lines[0]!.message).toContain(url);
    }
    expect(r.logs.find((l) => l.url === world.refused[1])!.message).toMatch(/研读自身的地址/);
    expect(r.logs.find((l) => l.url === world.refused[2])!.message).toMatch(/链路本地地址/);
    // Redirects into refused places fail that article with the reason.
    for (const url of world.redirects) {
      const lines = r.logs.filter((l) => l.url === url);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 'error', code: 'E_FORBIDDEN' });
    }
    // So is the pager's 下一页 to the other port (never followed).
    expect(r.logs.filter((l) => l.url === `${world.other.origin}/news/index_1.html`).map((l) => l.code)).toEqual(['E_FORBIDDEN']);
    // The off-site image of a1 is not fetched either.
    expect(r.logs.some((l) => l.url === `${world.other.origin}/img/track.png` && l.code === 'E_FORBIDDEN')).toBe(true);
    // file: and credentials never become requests; they are logged as links not taken.
    expect(r.logs.some((l) => l.url === 'file:///etc/passwd')).toBe(true);
    expect(r.logs.some((l) => l.url?.startsWith('http://admin:secret@'))).toBe(true);
    // The trickling page ended at the deadline.
    expect(r.logs.filter((l) => l.url === world.slowUrl).map((l) => l.message)).toEqual([
      expect.stringMatching(/请求超过总时限（3 秒），已中止/),
    ]);
    await expect.poll(() => world.trickleClosed()).toBe(world.trickleOpened());

    // Counting requests, not time: nothing reached the other port or the app's port.
    expect(world.other.requests).toEqual([]);
    expect(world.app.requests).toEqual([]);
    // One log line per URL.
    const keyed = r.logs.filter((l) => l.url !== null).map((l) => `${l.url} ${l.message}`);
    expect(new Set(keyed).size).toBe(keyed.length);

    const counts = ends[0]!.counts;
    expect(counts.fetched).toBe(2);
    expect(counts.sent).toBe(2);
    expect(counts.failed).toBe(4); // three refused redirects, the trickle page
  });

  it('with robots.txt answering 503 it fetches no page and says why, ending once as failed', async () => {
    world.setRobotsStatus(503);
    const before = world.site.requests.length;
    try {
      const r = await run('run_hostile_2');
      const ends = r.progress.filter((p) => TERMINAL.includes(p.phase));
      expect(ends.map((p) => p.phase)).toEqual(['failed']);
      expect(ends[0]!.message).toBe(`无法获取 robots.txt（503），本次未抓取：${world.listUrl}`);
      expect(r.logs.map((l) => l.message)).toEqual([`无法获取 robots.txt（503），本次未抓取：${world.listUrl}`]);
      expect(r.batches).toEqual([]);
      expect(world.site.requests.slice(before)).toEqual(['/robots.txt']);
    } finally {
      world.setRobotsStatus(200);
    }
  });

  it('a host the user added to the source is fetched (its image server), nothing else', async () => {
    const r = await run('run_hostile_3', [world.other.origin]);
    expect(r.progress.filter((p) => TERMINAL.includes(p.phase)).map((p) => p.phase)).toEqual(['done']);
    // The added host's image was asked for (robots first), the admin console link too now
    // that its site is allowed; the app's port and link-local never.
    expect(world.other.requests).toEqual(expect.arrayContaining(['/robots.txt', '/img/track.png', '/admin/console.html']));
    expect(world.app.requests).toEqual([]);
    expect(r.logs.some((l) => l.url === world.refused[1] && /研读自身的地址/.test(l.message))).toBe(true);
  });
});
