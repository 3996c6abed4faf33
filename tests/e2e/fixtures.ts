/**
 * End-to-end fixtures: a real browser host (the built dist/host/serve.mjs) per worker, and a
 * page whose every request is recorded so a test can prove nothing left 127.0.0.1.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { installPaintProbe, removeHighlightApi } from './paint-probe';
import { spawnHost, type Host } from './processes';

export type { Host } from './processes';

export async function startHost(extraEnv: Record<string, string> = {}, port = 0): Promise<Host> {
  // Each host gets its own data folder (synced images), never the user's.
  return spawnHost(mkdtempSync(path.join(os.tmpdir(), 'yandu-e2e-')), port, extraEnv);
}

// A host per test: each gets its own data folder (images, backups), as a fresh install would.
export const test = base.extend<{ host: Host; requests: string[]; app: Page; noHighlightApi: boolean }>({
  /** Set by the chromium-no-highlight-api project: pages start without CSS.highlights / Highlight. */
  noHighlightApi: [false, { option: true }],
  context: async ({ context, noHighlightApi }, use) => {
    if (noHighlightApi) await context.addInitScript(removeHighlightApi);
    await context.addInitScript(installPaintProbe);
    await use(context);
  },
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    host.process.kill('SIGTERM');
  },
  requests: async ({ page }, use) => {
    const seen: string[] = [];
    page.on('request', (r) => seen.push(r.url()));
    await use(seen);
  },
  /** The app, opened from the host's tokenised address, with the library shown. */
  app: async ({ page, host, requests }, use) => {
    void requests;
    await page.goto(host.url);
    await expect(page.getByTestId('article-row').first()).toBeVisible();
    await use(page);
  },
});

export { expect };
