/**
 * End-to-end fixtures: a real browser host (the built dist/host/serve.mjs) per worker, and a
 * page whose every request is recorded so a test can prove nothing left 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export interface Host {
  url: string;
  dataDir: string;
  origin: string;
  process: ChildProcess;
}

export async function startHost(extraEnv: Record<string, string> = {}, port = 0): Promise<Host> {
  // Each host gets its own data folder (synced images), never the user's.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-e2e-'));
  const child = spawn(process.execPath, [`${process.env.YANDU_DIST || 'dist'}/host/serve.mjs`, '--port', String(port)], {
    env: { ...process.env, YANDU_DATA_DIR: dataDir, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}${err}`)), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited (${code}): ${err}`)));
  });
  return { url, dataDir, origin: new URL(url).origin, process: child };
}

// A host per test: each gets its own data folder (images, backups), as a fresh install would.
export const test = base.extend<{ host: Host; requests: string[]; app: Page }>({
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
