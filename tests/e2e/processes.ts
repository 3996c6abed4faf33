/**
 * Real processes for end-to-end tests: the built browser host on a chosen data folder, and a
 * Chromium started by hand on a profile folder (so a test holds its process and can SIGKILL
 * it with every helper process, which Playwright's launchers do not allow), driven over CDP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from './playwright.config';

export interface Host {
  url: string;
  dataDir: string;
  origin: string;
  process: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

function watchExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * The built host (dist/host/serve.mjs) on `dataDir`. `port` null starts it with no --port and
 * no YANDU_PORT, so it must use the data folder's recorded address, as a user's launch does.
 */
export async function spawnHost(dataDir: string, port: number | null, env: Record<string, string> = {}): Promise<Host> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, YANDU_DATA_DIR: dataDir, ...env };
  if (port === null) {
    delete childEnv.YANDU_PORT;
    delete childEnv.YANDU_HOST_SECRET;
  }
  const args = [`${process.env.YANDU_DIST || 'dist'}/host/serve.mjs`, ...(port === null ? [] : ['--port', String(port)])];
  const child = spawn(process.execPath, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = watchExit(child);
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
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`host exited (${child.exitCode ?? child.signalCode}): ${out}${err}`));
    });
  });
  return { url, dataDir, origin: new URL(url).origin, process: child, exited };
}

/** SIGKILL: no signal handler runs, nothing is flushed. */
export async function killHost(host: Host): Promise<void> {
  host.process.kill('SIGKILL');
  await host.exited;
}

export interface RealBrowser {
  process: ChildProcess;
  exited: Promise<void>;
  browser: Browser;
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
}

/** Chromium on `profile`, in its own process group, with one page open on about:blank. */
export async function startRealBrowser(profile: string, { width = 1280, height = 800, args = [] as string[] } = {}): Promise<RealBrowser> {
  const child = spawn(
    process.env.CHROME_PATH || '/usr/bin/chromium',
    [
      ...CHROMIUM_ARGS,
      '--headless=new',
      `--user-data-dir=${profile}`,
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      `--window-size=${width},${height}`,
      '--lang=zh-CN',
      ...args,
      'about:blank',
    ],
    // Its own process group, so a kill takes its helpers (renderers, utilities) with it.
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = watchExit(child);
  let err = '';
  const ws = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`chromium did not start: ${err}`)), 30_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`chromium exited: ${err}`));
    });
  });
  const browser = await chromium.connectOverCDP(ws);
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width, height });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  return { process: child, exited, browser, page, requests };
}

export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGKILL to the whole browser process group; returns once none of it is left. */
export async function killBrowser(b: RealBrowser): Promise<void> {
  const pid = b.process.pid!;
  if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  await b.exited;
  const deadline = Date.now() + 15_000;
  while (groupAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`browser process group ${pid} still alive after SIGKILL`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
