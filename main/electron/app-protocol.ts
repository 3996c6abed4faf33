/**
 * The `app://yandu/` scheme that serves the built renderer inside Electron, and the network
 * allow-list. Pure logic (no 'electron' import), so it is tested in Node.
 *
 * Why a custom scheme and not file://: file: pages share one opaque origin with the whole disk,
 * and a standard, secure scheme gives the renderer a real origin (`app://yandu`) for IPC sender
 * checks, CSP 'self', IndexedDB and fetch.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { contentTypeFor, resolveStaticPath } from '../services/static-files';
import { documentContentType, resolveDocumentPath } from '../services/documents-route';
import { APP_HOST, APP_SCHEME, isAppUrl } from './ipc';

export { APP_HOST, APP_ORIGIN, APP_SCHEME, APP_START_URL, appOriginOf, isAppUrl } from './ipc';

/**
 * Passed to `protocol.registerSchemesAsPrivileged` before the app is ready. codeCache lets V8
 * keep compiled renderer scripts between launches (a faster start on slow office PCs); it needs
 * a standard scheme.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/**
 * Maps an `app://yandu/...` request URL to a file inside rootDir, or null when the URL is for
 * another scheme or host, or its path is malformed or would leave rootDir.
 *
 * The raw path is checked before any URL normalisation: `app://yandu/../x` is refused rather
 * than quietly resolved to `/x`, and so are encoded dots, slashes and backslashes (`%2e%2e%2f`,
 * `..%5c`), NUL, and drive letters. `/` (and an empty path) serves index.html.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  if (typeof requestUrl !== 'string' || requestUrl.length > 4096) return null;
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\\]*)([^?#]*)/i.exec(requestUrl);
  if (!match) return null;
  const [, scheme = '', authority = '', rawPath = ''] = match;
  if (scheme.toLowerCase() !== APP_SCHEME || authority.toLowerCase() !== APP_HOST) return null;
  const urlPath = rawPath === '' ? '/' : rawPath;
  if (!urlPath.startsWith('/')) return null;
  if (/%00|%2f|%5c|\\/i.test(urlPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  // ':' has no place in a renderer file name, and on Windows it means drives or streams.
  if (/[\0\\:]/.test(decoded)) return null;
  return resolveStaticPath(rootDir, urlPath);
}

/** Headers every app:// response carries, besides its Content-Type. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * The handler given to `protocol.handle('app', …)`: GET/HEAD only, files under rootDir only
 * (symlinks resolved and re-checked), the CSP and nosniff headers on every response.
 */
export function createAppProtocolHandler(rootDir: string, mediaRoot?: string, dataDir?: string): (request: Request) => Promise<Response> {
  const rendererRoot = path.resolve(rootDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, '不支持的请求方法。');
    // 查看原件: originals by content hash only, app://yandu/documents/<sha256>.<ext>.
    const doc = /^app:\/\/yandu(\/documents\/[^?#]*)/i.exec(request.url);
    if (doc) {
      const file = dataDir === undefined ? null : resolveDocumentPath(dataDir, doc[1]!);
      if (!file) return textResponse(404, '找不到该原件。');
      try {
        const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
        return new Response(body, { status: 200, headers: appResponseHeaders(documentContentType(file)) });
      } catch {
        return textResponse(404, '找不到该原件：它可能已被删除，请重新导入该文件。');
      }
    }
    // Synced images live in the data folder, not in the app: app://yandu/media/<hash>.<ext>.
    const media = mediaRoot !== undefined && /^app:\/\/yandu\/media\//i.test(request.url);
    const root = media ? path.resolve(mediaRoot) : rendererRoot;
    const url = media ? request.url.replace(/^app:\/\/yandu\/media\//i, 'app://yandu/') : request.url;
    const file = resolveAppPath(root, url);
    if (!file) return textResponse(404, '找不到该文件。');
    try {
      const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
      if (!isInside(realRoot, realFile)) return textResponse(404, '找不到该文件。');
      const info = await stat(realFile);
      if (!info.isFile()) return textResponse(404, '找不到该文件。');
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(realFile));
      return new Response(body, { status: 200, headers: appResponseHeaders(contentTypeFor(realFile)) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return textResponse(404, '找不到该文件。');
      console.error(`[app://] ${request.url} failed:`, error);
      return textResponse(500, '内部错误。');
    }
  };
}

/**
 * The renderer's http(s) allow-list: empty, and it stays so. The renderer fetches nothing from
 * sources; main does, through its HTTP client and each source's network policy
 * (main/services/sync/net-policy.ts), in its own session.
 */
export const RENDERER_ALLOWED_ORIGINS: readonly string[] = Object.freeze([]);

/**
 * The network allow-list for `session.webRequest.onBeforeRequest`: the app's own scheme,
 * DevTools, and in-memory data:/blob: URLs never leave the machine; http(s) goes out
 * only to an origin in `allowedOrigins` (the renderer's: RENDERER_ALLOWED_ORIGINS, empty).
 * Everything else, file: included, is refused.
 */
export function isAllowedRequest(url: string, allowedOrigins: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  switch (u.protocol) {
    case 'app:':
      return u.host === APP_HOST && u.username === '' && u.password === '';
    case 'devtools:':
    case 'data:':
      return true;
    case 'blob:':
      // blob:app://yandu/<uuid>: only blobs the app itself created.
      return isAppUrl(u.pathname);
    case 'http:':
    case 'https:': {
      if (u.username !== '' || u.password !== '') return false;
      const origin = u.origin.toLowerCase();
      return allowedOrigins.some((o) => o.toLowerCase() === origin);
    }
    default:
      return false;
  }
}
