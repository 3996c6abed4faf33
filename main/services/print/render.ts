/**
 * PDF files for the browser host: the print view's document, as the page laid it out (the 目录
 * numbers it measured included), printed by the system's Chromium through playwright-core (a
 * runtime dependency, loaded only when asked). The document is shown in a private page whose
 * every request is answered here, from the built renderer (styles, fonts) and the synced
 * images; nothing is fetched from any network and no script runs (CSP script-src 'none').
 * Chromium keeps its sandbox unless this process runs as root, where Chromium refuses it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import { contentTypeFor, resolveStaticPath } from '../static-files';

/** Where Chromium may be: CHROME_PATH, else the usual Linux places. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The system's Chromium, or the reason there is none (in Chinese, for the user). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): { path: string } | { path: null; reason: string } {
  const configured = env.CHROME_PATH;
  if (configured) {
    if (existsSync(configured)) return { path: configured };
    return { path: null, reason: `CHROME_PATH 指向的浏览器程序不存在：${configured}` };
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (found) return { path: found };
  return { path: null, reason: '这台电脑上找不到 Chromium 浏览器（可安装 chromium，或用 CHROME_PATH 指定浏览器程序）' };
}

/** Flags that keep a headless Chromium from calling home; no --no-sandbox here (see sandboxed()). */
export const QUIET_CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Chromium's sandbox stays on, except as root, where Chromium will not start with it. */
export function sandboxed(uid: number | null = typeof process.getuid === 'function' ? process.getuid() : null): boolean {
  return uid !== 0;
}

export interface RenderRequest {
  /** The print document's HTML (the view's `.pr-doc`, already sanitised and measured). */
  html: string;
  /** The page's stylesheets, as paths under the built renderer ("/assets/x.css"). */
  stylesheets: string[];
}

export interface RenderFolders {
  rendererDir: string;
  mediaDir?: string;
}

// Requests are answered in the page (route), never sent: the origin only names the page.
const ORIGIN = 'http://127.0.0.1:9';
const PAGE_CSP =
  "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; script-src 'none'; base-uri 'none'; form-action 'none'";

const STYLESHEET = /^\/assets\/[A-Za-z0-9._-]+\.css$/;

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The page Chromium prints: the app's stylesheets and the document, inside the same containers as in the app. */
export function printPage(req: RenderRequest): string {
  const links = req.stylesheets
    .filter((s) => STYLESHEET.test(s))
    .map((s) => `<link rel="stylesheet" href="${escapeAttr(s)}">`)
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>研读打印</title>${links}</head><body><div id="root"><div class="pr-screen">${req.html}</div></div></body></html>`;
}

/** The PDF bytes of the document; throws AppError with a Chinese message when Chromium fails. */
export async function renderPdf(req: RenderRequest, folders: RenderFolders, chromiumPath: string): Promise<Uint8Array> {
  if (!req.stylesheets.some((s) => STYLESHEET.test(s))) throw new AppError('E_INVALID_ARGUMENT', '打印页面缺少样式表。');
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (cause) {
    throw new AppError('E_RESOURCE', '缺少 playwright-core，无法调用 Chromium 生成 PDF。', { cause });
  }
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, chromiumSandbox: sandboxed(), args: QUIET_CHROMIUM_ARGS });
  } catch (cause) {
    throw new AppError('E_RESOURCE', `无法启动 Chromium：${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`, {
      cause,
    });
  }
  try {
    const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN || route.request().method() !== 'GET') return route.abort('blockedbyclient');
      if (url.pathname === '/') {
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'Content-Security-Policy': PAGE_CSP },
          body: printPage(req),
        });
      }
      const media = folders.mediaDir !== undefined && url.pathname.startsWith('/media/');
      const file = media
        ? resolveStaticPath(folders.mediaDir!, url.pathname.slice('/media'.length))
        : resolveStaticPath(folders.rendererDir, url.pathname);
      if (!file) return route.abort('blockedbyclient');
      try {
        return await route.fulfill({ status: 200, contentType: contentTypeFor(file), body: await readFile(file) });
      } catch {
        return route.fulfill({ status: 404, body: '' });
      }
    });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/`, { waitUntil: 'load' });
    // The faces the text needs (unicode-range slices) load on use: wait until they have.
    await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready);
    return new Uint8Array(await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new AppError('E_INTERNAL', '生成 PDF 失败。', { cause });
  } finally {
    await browser.close();
  }
}
