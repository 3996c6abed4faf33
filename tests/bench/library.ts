/**
 * The library view during a sync, in Debian's chromium through the browser host: a bench-only
 * page (built here with Vite into <dist>/renderer/__bench_library/) mounts the app's own
 * library view on 10,000 articles, then writes a 1,000-article sync in batches of 20 through
 * the sync writer (as the sync service does, with the app's index workers).
 *   library_batch_update_ms       median time from a batch's commit to the view's count showing it
 *   library_batch_update_p95_ms   the same, 95th percentile
 *   library_sync_longest_task_ms  longest main-thread task during the sync (PerformanceObserver 'longtask'; target ≤ 50)
 *   library_sync_longtasks        tasks over 50 ms during the sync
 *   library_view_longest_task_ms  longest of those that started between a batch's commit and the view showing it
 *                                 (the list's own part: feed, merge, render; the rest is the writer's transaction)
 * Checked: every batch reached the view, and the list stayed virtualised (few rows in the DOM).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS } from '../e2e/playwright.config';
import { startHost } from '../e2e/fixtures';
import type { LibraryBenchResult } from './library-page/main';
import { summarize, type CpuProfile } from './search';

const root = fileURLToPath(new URL('../..', import.meta.url));

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export async function benchLibrary(): Promise<Record<string, number>> {
  const seed = 10_000;
  const sync = 1_000;
  const batch = 20;
  const dist = process.env.YANDU_DIST || 'dist';
  await build({
    root,
    configFile: false,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir: `${root}/${dist}/renderer/__bench_library`,
      emptyOutDir: true,
      target: 'chrome120',
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      minify: !process.env.LIBRARY_PROFILE,
      rollupOptions: { input: `${root}/tests/bench/library-page/index.html` },
    },
  });
  const host = await startHost({}, 0);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    await page.goto(host.url);
    await page.goto(`${host.origin}/__bench_library/tests/bench/library-page/index.html`);
    await page.waitForFunction(() => document.body.dataset.ready === '1');
    // LIBRARY_PROFILE=1: a main-thread CPU profile of the whole run, long spans on stderr.
    const cdp = process.env.LIBRARY_PROFILE ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const result = await page.evaluate(
      ([s, n, b]) =>
        (window as unknown as { libraryBench: { run(s: number, n: number, b: number): Promise<LibraryBenchResult> } }).libraryBench.run(
          s!,
          n!,
          b!,
        ),
      [seed, sync, batch],
    );
    if (cdp) summarize('library sync', (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile);
    if (process.env.LIBRARY_DEBUG) process.stderr.write(`${result.timeline.join('\n')}\n`);
    if (result.batchUpdateMs.length !== sync / batch) throw new Error(`only ${result.batchUpdateMs.length} batches reached the view`);
    if (result.rowsInDom > 200) throw new Error(`the list is not virtualised: ${result.rowsInDom} rows in the DOM`);
    const round = (x: number) => Number(x.toFixed(1));
    return {
      library_articles: seed + sync,
      library_batch_update_ms: round(percentile(result.batchUpdateMs, 50)),
      library_batch_update_p95_ms: round(percentile(result.batchUpdateMs, 95)),
      library_sync_longest_task_ms: Math.round(Math.max(0, ...result.longTasks)),
      library_sync_longtasks: result.longTasks.length,
      library_view_longest_task_ms: Math.round(Math.max(0, ...result.viewLongTasks)),
    };
  } finally {
    await browser.close();
    host.process.kill('SIGTERM');
  }
}
