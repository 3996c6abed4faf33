import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../main/services/sync/http-client';
import { ImageStore } from '../../main/services/sync/images';
import { runSourceSync } from '../../main/services/sync/runner';
import { runSync } from './helpers/sync-run';
import type { ArticlePayload } from '../../shared/domain/article';
import { SyncBatchSchema, type KnownPage, type SyncBatch, type SyncLogEntry, type SyncProgress } from '../../shared/domain/sync';
import { expectedBlocks, generateLargeSite, startCmsWorld, type CmsWorld, type FixtureSite } from '../fixtures/cms-world';

let world: CmsWorld;
let dataDir: string;

beforeAll(async () => {
  world = await startCmsWorld();
  dataDir = mkdtempSync(path.join(tmpdir(), 'yandu-sync-'));
});
afterAll(async () => {
  await world.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface RunResult {
  batches: SyncBatch[];
  articles: ArticlePayload[];
  logs: SyncLogEntry[];
  progress: SyncProgress[];
  client: HttpClient;
  counts: SyncProgress['counts'];
  skipped: number;
  cancelled: boolean;
}

async function sync(
  w: CmsWorld,
  site: FixtureSite,
  opts: {
    known?: KnownPage[];
    fullRescan?: boolean;
    maxPages?: number;
    signal?: AbortSignal;
    onBatch?: (b: SyncBatch) => void;
    delayMs?: number;
    now?: Date;
  } = {},
): Promise<RunResult> {
  const r = await runSync(
    { id: site.name, kind: site.kind, location: w.abs(site.listPath), name: site.family, column: '学习园地' },
    {
      dataDir,
      known: opts.known,
      fullRescan: opts.fullRescan,
      maxPages: opts.maxPages,
      delayMs: opts.delayMs,
      signal: opts.signal,
      now: opts.now,
      onBatch: async (b) => {
        expect(v.safeParse(SyncBatchSchema, b).success).toBe(true);
        opts.onBatch?.(b);
        // The renderer's acknowledgement comes on a later turn; the runner must not depend on it being instant.
        await new Promise((r) => setImmediate(r));
      },
    },
  );
  return { ...r, counts: r.summary.counts, skipped: r.summary.skipped, cancelled: r.summary.cancelled };
}

function knownFrom(r: RunResult): KnownPage[] {
  const m = new Map<string, KnownPage>();
  for (const b of r.batches) for (const p of b.pages) m.set(p.urlKey, { ...p });
  return [...m.values()];
}

function f1(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    const c = s.replace(/\s+/g, '');
    for (let i = 0; i + 4 <= c.length; i++) m.set(c.slice(i, i + 4), (m.get(c.slice(i, i + 4)) ?? 0) + 1);
    return m;
  };
  const A = grams(a);
  const B = grams(b);
  let inter = 0;
  let ta = 0;
  let tb = 0;
  for (const [g, c] of A) {
    ta += c;
    inter += Math.min(c, B.get(g) ?? 0);
  }
  for (const c of B.values()) tb += c;
  return inter === 0 ? 0 : (2 * inter) / (ta + tb);
}

const firstRuns = new Map<string, RunResult>();
const report: string[] = [];

describe('runSourceSync against the CMS world', () => {
  afterAll(() => process.stderr.write(`extraction per template (title / date / 来源 / body F1):\n${report.join('\n')}\n`));

  const names = ['trs', 'dede', 'phpcms', 'ecms', 'asp', 'corporate', 'university', 'wechat', 'rss', 'atom', 'rdf'];
  for (const name of names) {
    it(`${name}: every article arrives once, complete, dated and sourced`, async () => {
      const site = world.site(name);
      const r = await sync(world, site);
      firstRuns.set(name, r);
      const keys = r.articles.map((a) => a.urlKey);
      expect(new Set(keys).size).toBe(keys.length);
      for (const b of r.batches) expect(b.articles.length).toBeLessThanOrEqual(20);
      let titles = 0;
      let dates = 0;
      let origins = 0;
      let f1sum = 0;
      let n = 0;
      const truncated = new Set(site.truncated ?? []);
      for (const a of site.articles) {
        const key =
          name === 'corporate' && a.path.endsWith(`${world.corporate.redirected.split('=')[1]}.html`)
            ? world.key(world.corporate.redirected)
            : world.key(a.path);
        const got = r.articles.find((x) => x.urlKey === key);
        expect(got, `${name} ${a.path}`).toBeDefined();
        if (!got) continue;
        expect(got.text).not.toContain('\ufffd');
        if (truncated.has(a.path)) continue;
        n++;
        if (got.title === a.title) titles++;
        if (got.publishedAt === a.publishedAt) dates++;
        const expectedOrigin = site.kind === 'feed' && name !== 'atom' ? got.origin : a.origin;
        if (got.origin === expectedOrigin) origins++;
        f1sum += f1(got.text, expectedBlocks(a).join('\n'));
        expect(got.column).toBe('学习园地');
        expect(got.id).toMatch(/^a_[0-9a-f]{20}$/);
      }
      const meanF1 = f1sum / n;
      report.push(
        `  ${name.padEnd(10)} ${n} articles: title ${titles}/${n}, date ${dates}/${n}, 来源 ${origins}/${n}, F1 ${meanF1.toFixed(4)}`,
      );
      expect(titles).toBe(n);
      expect(dates).toBe(n);
      expect(origins / n).toBeGreaterThanOrEqual(0.95);
      expect(meanF1).toBeGreaterThanOrEqual(0.97);
      // Bad links: an error logged against each URL, the run went on.
      for (const bad of site.bad) {
        expect(
          r.logs.some((l) => l.level === 'error' && l.url === world.key(bad.path) && l.code && l.message.includes(world.key(bad.path))),
          `${bad.reason}`,
        ).toBe(true);
      }
      // The runner never announces the end (the sync service does, once): its last event carries
      // the final counts with nothing remaining.
      expect(r.progress.filter((p) => ['done', 'failed', 'cancelled'].includes(p.phase))).toEqual([]);
      expect(r.progress.at(-1)).toMatchObject({ remaining: 0, counts: r.counts });
      expect(r.cancelled).toBe(false);
    });
  }

  it('stores text that equals the HTML blocks’ textContent, sanitised, with local images', () => {
    const all = [...firstRuns.values()].flatMap((r) => r.articles);
    expect(all.length).toBeGreaterThan(140);
    let images = 0;
    for (const a of all) {
      const { document } = parseHTML(`<!doctype html><html><body>${a.html}</body></html>`);
      const lines = Array.from(document.body.children).map((c) => c.textContent ?? '');
      expect(lines.join('\n')).toBe(a.text);
      expect(a.html).not.toMatch(/<script|<iframe|<svg|<style|<object|\son\w+=|javascript:|<form/i);
      for (const m of a.html.matchAll(/<img [^>]*src="([^"]+)"/g)) {
        images++;
        expect(m[1]).toMatch(/^media\/[0-9a-f]{64}\.(?:png|jpg)$/);
        expect(existsSync(path.join(dataDir, m[1]!))).toBe(true);
      }
    }
    expect(images).toBeGreaterThanOrEqual(6);
    const hostile = all.find((a) => a.urlKey === world.key(world.corporate.hostile))!;
    expect(hostile.text).not.toContain('脚本注入');
  });

  it('logs a failed image and keeps the article; asks politely (≤ 2 at a time, our UA)', () => {
    const corp = firstRuns.get('corporate')!;
    expect(corp.logs.some((l) => l.level === 'warning' && l.url === world.key(world.corporate.missingImage))).toBe(true);
    expect(world.maxConcurrent()).toBeLessThanOrEqual(2);
    expect(world.requests.every((q) => q.userAgent.startsWith('Yandu/'))).toBe(true);
    expect(corp.logs.some((l) => l.code === 'E_INVALID_ARGUMENT' && l.message.includes('exa mple'))).toBe(true);
  });

  it('incremental re-run sends nothing; ≥ 90% of requests are 304 or skipped', async () => {
    let requests = 0;
    let answered = 0;
    for (const name of ['trs', 'dede', 'corporate', 'university', 'rss']) {
      const site = world.site(name);
      const first = firstRuns.get(name)!;
      const known = knownFrom(first);
      for (const a of first.articles)
        if (!known.some((k) => k.urlKey === a.urlKey))
          known.push({ urlKey: a.urlKey, etag: null, lastModified: null, contentHash: a.contentHash });
      const before = world.requests.length;
      const r = await sync(world, site, { known });
      const reqs = world.requests.slice(before).filter((q) => q.path !== '/robots.txt');
      expect(r.articles).toEqual([]);
      requests += reqs.length + r.skipped;
      answered += reqs.filter((q) => q.status === 304).length + r.skipped;
    }
    const ratio = answered / requests;
    process.stderr.write(`re-sync: ${requests} requests or skips, ${answered} answered 304 or skipped (${(ratio * 100).toFixed(1)}%)\n`);
    expect(ratio).toBeGreaterThanOrEqual(0.9);
  });

  it('a full re-scan asks conditionally; an edited article is re-sent with a new hash', async () => {
    const site = world.site('ecms');
    const first = firstRuns.get('ecms')!;
    const edited = site.articles[2]!;
    const old = first.articles.find((a) => a.urlKey === world.key(edited.path))!;
    world.editArticle(edited.path);
    const before = world.requests.length;
    const r = await sync(world, site, { known: knownFrom(first), fullRescan: true });
    expect(r.articles.map((a) => a.urlKey)).toEqual([old.urlKey]);
    expect(r.articles[0]!.contentHash).not.toBe(old.contentHash);
    expect(r.articles[0]!.id).toBe(old.id);
    const articleReqs = world.requests.slice(before).filter((q) => /\/\d+\.html$/.test(q.path));
    expect(articleReqs.length).toBe(site.articles.length);
    expect(articleReqs.filter((q) => q.status === 304).length).toBe(site.articles.length - 1);
    expect(articleReqs.every((q) => typeof q.headers['if-none-match'] === 'string')).toBe(true);
    expect(r.counts.unchanged).toBe(site.articles.length - 1);
    expect(r.batches.flatMap((b) => b.pages).length).toBeGreaterThanOrEqual(site.articles.length);
  });

  it('an incremental run asks recent known articles again and picks up a correction', async () => {
    const site = world.site('dede');
    const first = await sync(world, site);
    // What the library sends: validators, and each article's date.
    const dated = (r: RunResult, more: KnownPage[] = []) =>
      [...more, ...knownFrom(r)].map((k) => ({
        ...k,
        publishedAt: r.articles.find((a) => a.urlKey === k.urlKey)?.publishedAt ?? k.publishedAt ?? null,
      }));
    const newest = [...site.articles].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0]!;
    const old = first.articles.find((a) => a.urlKey === world.key(newest.path))!;
    world.editArticle(newest.path);
    const now = new Date(`${newest.publishedAt}T12:00:00+08:00`);
    now.setDate(now.getDate() + 2);
    const before = world.requests.length;
    const r = await sync(world, site, { known: dated(first), now });
    expect(r.articles.map((a) => a.urlKey)).toEqual([old.urlKey]);
    expect(r.articles[0]!.contentHash).not.toBe(old.contentHash);
    expect(r.articles[0]!.id).toBe(old.id);
    // Only articles dated in the last week were asked, each conditionally.
    const paths = new Set(site.articles.map((a) => a.path));
    const articleReqs = world.requests.slice(before).filter((q) => paths.has(q.path));
    const recent = site.articles.filter((a) => Date.parse(a.publishedAt) >= now.getTime() - 7 * 86_400_000);
    expect(recent.length).toBeGreaterThan(0);
    expect(articleReqs.length).toBe(recent.length);
    expect(articleReqs.every((q) => q.headers['if-none-match'] !== undefined || q.headers['if-modified-since'] !== undefined)).toBe(true);
    // Long after: nothing is recent, nothing is asked or sent.
    const mark = world.requests.length;
    const later = await sync(world, site, { known: dated(r, dated(first)), now: new Date('2030-01-01T00:00:00Z') });
    expect(later.articles).toHaveLength(0);
    expect(world.requests.slice(mark).filter((q) => paths.has(q.path))).toHaveLength(0);
  });

  it('recovers from a 500 and waits for a slow page', async () => {
    const site = world.site('corporate');
    world.failNext(world.corporate.flaky, 2, 500);
    world.setSlow(world.corporate.slow, 800);
    const r = await sync(world, site);
    world.setSlow(world.corporate.slow, 0);
    expect(r.articles.some((a) => a.urlKey === world.key(world.corporate.flaky))).toBe(true);
    expect(r.articles.some((a) => a.urlKey === world.key(world.corporate.slow))).toBe(true);
    expect(world.requests.filter((q) => q.path === world.corporate.flaky && q.status === 500).length).toBeGreaterThanOrEqual(2);
  });

  it('honours maxPages and stops at known articles', async () => {
    const site = world.site('trs');
    const r = await sync(world, site, { maxPages: 1 });
    expect(r.counts.pages).toBe(1);
    expect(r.articles).toHaveLength(7);
    // The list page changed since (no validators to send), but the finished run recorded it.
    const known = knownFrom(r).map((k) => (k.urlKey.endsWith('/dwgk/') ? { ...k, etag: null, lastModified: null } : k));
    expect(known.some((k) => k.urlKey.endsWith('/dwgk/'))).toBe(true);
    const again = await sync(world, site, { known, maxPages: 10 });
    // Page 1 is all known: nothing further is walked.
    expect(again.counts.pages).toBe(1);
    expect(again.articles).toEqual([]);
    // After an interrupted run (no list page recorded) the same known articles do not stop the walk.
    const interrupted = await sync(world, site, { known: known.filter((k) => !k.urlKey.endsWith('/dwgk/')), maxPages: 10 });
    expect(interrupted.counts.pages).toBeGreaterThan(1);
    expect(interrupted.articles.length).toBe(site.articles.length - 7);
  });

  it('cancel stops promptly and only whole batches were sent', async () => {
    const big = await startCmsWorld({ sites: [generateLargeSite(120)], latencyMs: 15 });
    try {
      const ctrl = new AbortController();
      let sent = 0;
      let requestsAtCancel = -1;
      const r = await sync(big, big.site('large'), {
        signal: ctrl.signal,
        onBatch: (b) => {
          sent += b.articles.length;
          if (sent >= 20 && requestsAtCancel < 0) {
            requestsAtCancel = big.requests.length;
            ctrl.abort();
          }
        },
      });
      expect(r.cancelled).toBe(true);
      for (const b of r.batches) expect(b.articles.length === 20 || b.articles.length === 0).toBe(true);
      expect(r.articles).toHaveLength(20);
      // Prompt: the run returned having asked the site for nothing after the cancel (it came while
      // the first batch waited for its acknowledgement), and every request it made was answered.
      expect(requestsAtCancel).toBeGreaterThan(20);
      await expect.poll(() => big.requests.every((q) => q.end > 0)).toBe(true);
      expect(big.requests.length).toBe(requestsAtCancel);
    } finally {
      await big.close();
    }
  });

  it('a 1,000-article site syncs with no delay (timed), then re-syncs from 304s', async () => {
    const big = await startCmsWorld({ sites: [generateLargeSite(1000)] });
    try {
      const t0 = performance.now();
      const r = await sync(big, big.site('large'), { maxPages: 100 });
      const s = (performance.now() - t0) / 1000;
      expect(r.articles).toHaveLength(1000);
      const t1 = performance.now();
      const again = await sync(big, big.site('large'), { known: knownFrom(r), maxPages: 100 });
      const s2 = (performance.now() - t1) / 1000;
      expect(again.articles).toHaveLength(0);
      process.stderr.write(`sync_1000_node_s: ${s.toFixed(2)}\nresync_1000_node_s: ${s2.toFixed(3)}\n`);
    } finally {
      await big.close();
    }
  }, 120_000);

  it('an invalid source URL fails the run with a Chinese message', async () => {
    const site: FixtureSite = { ...world.site('trs'), listPath: '' };
    const client = new HttpClient({ delayMs: 0 });
    await expect(
      runSourceSync(
        {
          runId: 'run_bad',
          source: { id: 'bad', kind: 'cms', location: 'http://exa mple/列表', name: 'x', column: null },
          known: [],
          fullRescan: false,
          maxPages: 1,
          delayMs: 0,
        },
        {
          client,
          images: new ImageStore({ dataDir, client }),
          dataDir,
          signal: new AbortController().signal,
          emitProgress: () => {},
          emitLog: () => {},
          sendBatch: async () => {},
        },
      ),
    ).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT', message: expect.stringContaining('网址无效') });
    expect(site.name).toBe('trs');
  });
});
