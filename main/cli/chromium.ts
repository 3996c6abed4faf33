/**
 * Prints a print route of the app to PDF in a local Chromium (CHROME_PATH or Debian's
 * /usr/bin/chromium), the way tests and the CLI do it: a fresh profile opens the app from the
 * browser host (first run imports the sample library), optional rows are written into its
 * IndexedDB, the print route is shown and, once it has measured its pages, page.pdf() prints it.
 * Lives on the CLI side: Playwright is a devDependency, which main/services may not import.
 */
import { chromium } from '@playwright/test';
import { AppError } from '../../shared/errors';
import { findChromium, QUIET_CHROMIUM_ARGS } from '../services/print/render';
import type { SeedRows } from '../services/print/sample';

/** Keep Chromium from calling home (the same flags as the e2e tests); tests and the CLI run it without the sandbox. */
export const CHROMIUM_ARGS = ['--no-sandbox', ...QUIET_CHROMIUM_ARGS];

export function chromePath(): string {
  const found = findChromium();
  if (found.path === null) throw new AppError('E_NOT_FOUND', `${found.reason}。`);
  return found.path;
}

// The page functions below run in Chromium, not in Node; main/ typechecks without the DOM
// library, so declare just what they touch.
interface PageRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface PageTransaction {
  error: unknown;
  oncomplete: (() => void) | null;
  onerror: (() => void) | null;
  objectStore(name: string): { put(row: unknown): void };
}
interface PageDatabase {
  objectStoreNames: { contains(name: string): boolean };
  transaction(stores: string[], mode: 'readwrite'): PageTransaction;
  close(): void;
}
declare const indexedDB: { open(name: string): PageRequest<PageDatabase> };
declare const window: { location: { hash: string } };

export interface PrintJob {
  /** The host's tokenised address (http://127.0.0.1:PORT/?token=…). */
  appUrl: string;
  /** The print route, "#/print/…". */
  hash: string;
  seed?: SeedRows;
  timeoutMs?: number;
}

export interface PrintResult {
  pdf: Uint8Array;
  /** Pages the print view measured (null where it does not measure). */
  measuredPages: number | null;
  ms: number;
}

export async function printRouteToPdf(job: PrintJob): Promise<PrintResult> {
  const started = performance.now();
  const timeout = job.timeoutMs ?? 120_000;
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromePath(), args: CHROMIUM_ARGS });
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new AppError('E_RESOURCE', `无法启动 Chromium：${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`, {
      cause,
    });
  }
  const problems: string[] = [];
  try {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(job.appUrl);
    await page.locator('[data-testid="article-row"]').first().waitFor({ timeout });
    if (job.seed) {
      await page.evaluate(async (seed) => {
        const db = await new Promise<PageDatabase>((resolve, reject) => {
          const req = indexedDB.open('yandu');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const stores = Object.keys(seed).filter((s) => db.objectStoreNames.contains(s));
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(stores, 'readwrite');
          for (const s of stores) for (const row of seed[s]!) tx.objectStore(s).put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      }, job.seed);
    }
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, job.hash);
    const ready = page.locator('.pr-screen[data-print-ready="true"]');
    try {
      await ready.waitFor({ timeout });
    } catch (cause) {
      const alert = await page
        .locator('.pr-notice[role="alert"], .boot.error')
        .first()
        .textContent({ timeout: 1000 })
        .catch(() => null);
      throw new AppError('E_INTERNAL', `打印页面没有排版完成：${alert ?? problems.slice(0, 3).join('；') ?? '超时'}`, { cause });
    }
    const measured = await ready.getAttribute('data-print-pages');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    return { pdf: new Uint8Array(pdf), measuredPages: measured ? Number(measured) : null, ms: performance.now() - started };
  } finally {
    await browser.close();
  }
}
