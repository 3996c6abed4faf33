/**
 * Start-up and size of the app: cold start (fresh profile: first run imports the sample
 * library) and warm start to the library shown, in Debian's chromium through the browser host;
 * the renderer bundle's size raw and gzipped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../e2e/playwright.config';
import { startHost } from '../e2e/fixtures';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

export async function benchApp(): Promise<Record<string, number>> {
  const all = files(`${process.env.YANDU_DIST || 'dist'}/renderer`);
  const js = all.filter((f) => f.endsWith('.js'));
  const bundleBytes = all.reduce((n, f) => n + statSync(f).size, 0);
  const gzipBytes = js.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
  // The bundled OFL fonts (woff2 slices) within bundle_bytes; a page loads only the slices it uses.
  const fontBytes = all.filter((f) => f.endsWith('.woff2')).reduce((n, f) => n + statSync(f).size, 0);

  const host = await startHost();
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const cold: number[] = [];
    const warm: number[] = [];
    const blank: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let t = performance.now();
      await page.goto(host.url);
      await page.getByTestId('article-row').first().waitFor();
      cold.push(performance.now() - t);
      t = performance.now();
      await page.reload();
      await page.getByTestId('article-row').first().waitFor();
      warm.push(performance.now() - t);
      // Baseline: the same host serving a page that does nothing (its 404 text).
      t = performance.now();
      await page.goto(`${host.origin}/nothing-here.txt`);
      blank.push(performance.now() - t);
      await context.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    return {
      cold_start_ms: Math.round(median(cold)),
      warm_start_ms: Math.round(median(warm)),
      warm_start_vs_blank_page_ratio: Number((median(warm) / median(blank)).toFixed(1)),
      bundle_bytes: bundleBytes,
      bundle_js_gzip_bytes: gzipBytes,
      bundle_font_bytes: fontBytes,
    };
  } finally {
    await browser.close();
    host.process.kill('SIGTERM');
  }
}
