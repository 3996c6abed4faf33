/**
 * Full-text search, in Debian's chromium with a fresh profile through the browser host: a
 * bench-only page (built here with Vite into <dist>/renderer/__bench/) drives the app's own
 * database, worker-built index and query engine on synthetic ~3,000-字 articles.
 *   index_build_s              import of N articles with their index (wall clock, 2 batches in flight)
 *   import_longtask_max_ms     longest main-thread task during the import (PerformanceObserver 'longtask')
 *   search_p95_ms / _p99_ms    2–6 character phrase queries, top 20 with snippets (10k; _100k with --docs 100000)
 *   search_fullscan_ratio      p95 of String.includes over every text ÷ search p95
 *   index_bytes_per_text_byte  postings + document rows ÷ UTF-8 bytes of the indexed text
 * Checked: every result contains the query; every article containing it is found.
 *   search_minisearch_ratio    MiniSearch (bigram tokeniser, same queries, top 20) p95 ÷ search p95, at up to
 *                              10,000 articles (it holds everything in memory: ~1 GB and minutes to build at 10k);
 *                              with its build time and heap. Skipped (-1) above 10,000 or with SEARCH_NO_MINISEARCH=1.
 * Profile: a fresh in-memory browser context; from 50,000 articles a fresh profile on disk
 * (the in-memory quota is too small for 100,000 articles and their bodies).
 * SEARCH_DEBUG=1 prints the engine's phase times, the slowest queries and p95 per query
 * length (unminified page); SEARCH_PROFILE=1 (or =queries) adds main-thread CPU profiles.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS } from '../e2e/playwright.config';
import { startHost } from '../e2e/fixtures';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface ImportResult {
  importMs: number;
  longTaskMax: number;
  longTaskCount: number;
  indexBytes: number;
  postingBytes: number;
  recordsPerBucket: number;
  textUtf8Bytes: number;
  textUtf16Bytes: number;
  cacheMs: number;
}
interface QueryResult {
  p50: number;
  p95: number;
  p99: number;
  scanP95: number;
  avgHits: number;
  notContaining: number;
  missing: number;
  extra: number;
  phases?: Record<string, unknown>;
}

export interface CpuProfile {
  nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

export function summarize(label: string, profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const f = byId.get(id)!.callFrame;
    const name = `${f.functionName || '(anon)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + dt);
    if (f.functionName !== '(idle)' && f.functionName !== '(program)') total += dt;
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  process.stderr.write(`profile ${label}: ${total.toFixed(0)} ms busy\n`);
  for (const [name, ms] of top) process.stderr.write(`  ${ms.toFixed(1).padStart(8)} ms  ${name}\n`);
  // Busy spans over 40 ms (long-task candidates): their heaviest frames, self and on the stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label2 = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anon)'}:${f.lineNumber + 1}`;
  };
  let spanStart = -1;
  let spanMs = 0;
  const flush = (end: number) => {
    if (spanStart >= 0 && spanMs > 40) {
      const incl = new Map<string, number>();
      const own = new Map<string, number>();
      for (let i = spanStart; i < end; i++) {
        const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
        own.set(label2(profile.samples[i]!), (own.get(label2(profile.samples[i]!)) ?? 0) + dt);
        const seen = new Set<string>();
        for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
          const l = label2(id);
          if (!seen.has(l)) incl.set(l, (incl.get(l) ?? 0) + dt);
          seen.add(l);
        }
      }
      const fmt = (m: Map<string, number>, n: number) =>
        [...m]
          .sort((a, b) => b[1] - a[1])
          .slice(0, n)
          .map(([k, v]) => `${k}=${v.toFixed(0)}`)
          .join(' ');
      process.stderr.write(`  span ${spanMs.toFixed(0)} ms: self ${fmt(own, 6)}\n      stack ${fmt(incl, 14)}\n`);
    }
    spanStart = -1;
    spanMs = 0;
  };
  profile.samples.forEach((id, i) => {
    const idle = byId.get(id)!.callFrame.functionName === '(idle)';
    if (idle) flush(i);
    else {
      if (spanStart < 0) spanStart = i;
      spanMs += (profile.timeDeltas[i + 1] ?? 0) / 1000;
    }
  });
  flush(profile.samples.length);
}

export async function benchSearch(args: string[] = []): Promise<Record<string, number>> {
  const at = args.indexOf('--docs');
  const docs = at >= 0 ? Number(args[at + 1]) : 10_000;
  const dist = process.env.YANDU_DIST || 'dist';
  await build({
    root,
    configFile: false,
    base: './',
    logLevel: 'warn',
    build: {
      outDir: `${root}/${dist}/renderer/__bench`,
      emptyOutDir: true,
      target: 'chrome120',
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      minify: !process.env.SEARCH_PROFILE && !process.env.SEARCH_DEBUG,
      rollupOptions: { input: `${root}/tests/bench/search-page/index.html` },
    },
  });
  // A kept profile needs the same origin (port) every time: IndexedDB is per origin.
  const host = await startHost({}, process.env.SEARCH_KEEP_PROFILE ? 47_613 : 0);
  // A fresh profile per run: in memory (a new browser context), but on disk from 50,000
  // articles: an in-memory context's storage quota is too small for 100,000 articles with
  // their bodies (QuotaExceededError near the end of the import).
  const onDisk = docs >= 50_000;
  // SEARCH_KEEP_PROFILE=dir (experiments only): keep the profile there and reuse its articles next time.
  const kept = process.env.SEARCH_KEEP_PROFILE;
  const profile = kept ? path.resolve(kept) : onDisk ? mkdtempSync(path.join(tmpdir(), 'yandu-search-bench-')) : null;
  const launch = { executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS };
  const browser = profile ? null : await chromium.launch(launch);
  const context = profile ? await chromium.launchPersistentContext(profile, launch) : await browser!.newContext();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    await page.goto(host.url);
    await page.goto(`${host.origin}/__bench/tests/bench/search-page/index.html`);
    await page.waitForFunction(() => document.body.dataset.ready === '1');
    // SEARCH_PROFILE=1: a CPU profile of the main thread per phase, top functions by self time on stderr.
    const profiling = !!process.env.SEARCH_PROFILE;
    const cdp = profiling ? await context.newCDPSession(page) : null;
    const startProfile = async () => {
      if (!cdp) return;
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    };
    const stopProfile = async (label: string) => {
      if (!cdp) return;
      const { profile } = await cdp.send('Profiler.stop');
      summarize(label, profile as unknown as CpuProfile);
    };
    if (process.env.SEARCH_PROFILE !== 'queries') await startProfile();
    const imp = await page.evaluate(
      ([n]) =>
        (window as unknown as { searchBench: { importDocs(n: number, b: number): Promise<ImportResult> } }).searchBench.importDocs(
          n!,
          1000,
        ),
      [docs],
    );
    if (process.env.SEARCH_PROFILE !== 'queries') await stopProfile('import');
    const big = docs >= 50_000;
    type Bench = {
      searchBench: {
        runQueries(n: number, s: number, c: number, seed?: number): Promise<QueryResult>;
        compact(): Promise<{ ms: number; removed: number; recordsPerBucket: number; postingBytes: number; longTaskMax: number }>;
      };
    };
    // Straight after the import: one record per segment and bucket (timing only).
    const fresh = await page.evaluate(() => (window as unknown as Bench).searchBench.runQueries(300, 0, 0, 7));
    const compacted = await page.evaluate(() => (window as unknown as Bench).searchBench.compact());
    await startProfile();
    const q = await page.evaluate(
      ([n, s, c]) =>
        (
          window as unknown as { searchBench: { runQueries(n: number, s: number, c: number): Promise<QueryResult> } }
        ).searchBench.runQueries(n!, s!, c!),
      [300, big ? 20 : 60, big ? 10 : 40],
    );
    await stopProfile('queries');
    const mini =
      docs <= 10_000 && !process.env.SEARCH_NO_MINISEARCH
        ? await page.evaluate(
            ([n]) =>
              (
                window as unknown as {
                  searchBench: { runMiniSearch(n: number): Promise<{ buildMs: number; heapMb: number; p95: number }> };
                }
              ).searchBench.runMiniSearch(n!),
            [300],
          )
        : null;
    if (profiling || process.env.SEARCH_DEBUG)
      process.stderr.write(`phases (ms, sum over timed queries): ${JSON.stringify(q.phases ?? {}, null, 0).replace(/},{/g, '},\n  {')}\n`);
    if (q.notContaining || q.missing || q.extra)
      throw new Error(`search results wrong: ${q.notContaining} without the query, ${q.missing} missing, ${q.extra} extra`);
    const round = (x: number, d = 2) => Number(x.toFixed(d));
    const out: Record<string, number> = {
      search_docs: docs,
      index_build_s: round(imp.importMs / 1000),
      import_longtask_max_ms: Math.round(imp.longTaskMax),
      import_longtasks: imp.longTaskCount,
      index_bytes_per_text_byte: round(imp.indexBytes / imp.textUtf8Bytes, 3),
      index_bytes_per_utf16_text_byte: round(imp.indexBytes / imp.textUtf16Bytes, 3),
      index_records_per_bucket: round(imp.recordsPerBucket, 1),
      search_cache_load_ms: Math.round(imp.cacheMs),
      [big ? 'search_p95_ms_100k_before_compaction' : 'search_p95_ms_before_compaction']: round(fresh.p95),
      index_compact_s: round(compacted.ms / 1000),
      compact_longtask_max_ms: Math.round(compacted.longTaskMax),
      index_records_per_bucket_after_compaction: round(compacted.recordsPerBucket, 1),
      index_bytes_per_text_byte_after_compaction: round(
        (compacted.postingBytes + imp.indexBytes - imp.postingBytes) / imp.textUtf8Bytes,
        3,
      ),
      [big ? 'search_p50_ms_100k' : 'search_p50_ms']: round(q.p50),
      [big ? 'search_p95_ms_100k' : 'search_p95_ms']: round(q.p95),
      [big ? 'search_p99_ms_100k' : 'search_p99_ms']: round(q.p99),
      search_fullscan_p95_ms: round(q.scanP95),
      search_fullscan_ratio: round(q.scanP95 / q.p95, 1),
      search_avg_hits: round(q.avgHits, 1),
      search_minisearch_ratio: mini ? round(mini.p95 / q.p95, 1) : -1,
      ...(mini
        ? {
            minisearch_p95_ms: round(mini.p95),
            minisearch_build_s: round(mini.buildMs / 1000, 1),
            minisearch_heap_mb: Math.round(mini.heapMb),
          }
        : {}),
    };
    return out;
  } finally {
    await context.close();
    await browser?.close();
    if (profile && !kept) rmSync(profile, { recursive: true, force: true });
    host.process.kill('SIGTERM');
  }
}
