/**
 * The browser host: serves the built renderer and the contract over HTTP on 127.0.0.1 only.
 *
 * Who may talk to it: the page opened from the address printed at start-up. That address
 * carries the secret, which the host swaps for an HttpOnly SameSite=Strict cookie.
 * Every request must name this host in Host (DNS rebinding) and, when it has an Origin,
 * this origin; every request but the token exchange needs the secret (cookie or Bearer).
 *
 * There is one origin, http://127.0.0.1:PORT: IndexedDB is per origin, so a page opened as
 * localhost:PORT would see a second, empty library. Such requests are redirected to the
 * canonical origin before anything else is looked at.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { dispatch, parseEvent, type EventName, type Services } from '../../shared/contract';
import { AppError, toErrorInfo, type ErrorCode } from '../../shared/errors';
import { contentTypeFor, resolveStaticPath } from '../services/static-files';
import { DOCUMENT_PREFIX, documentContentType, downloadDisposition, resolveDocumentPath } from '../services/documents-route';
import { appLog, code, errorFields } from '../services/log';

export interface HostOptions {
  services: Services;
  rendererDir: string;
  /** Synced images, served as /media/<name>. */
  mediaDir?: string;
  /** The data folder: originals of imported documents are served as /documents/<sha256>.<ext>. */
  dataDir?: string;
  port?: number;
  /** The access secret (serve.ts keeps one per data folder); random per launch otherwise. */
  secret?: string;
  /** Largest accepted request body. */
  maxBodyBytes?: number;
  /**
   * Called when the last open page's event stream has closed (the tab was closed, reloaded or
   * its renderer died): nobody is left to store sync batches, so their runs should stop.
   */
  onNoClients?: () => void;
  /**
   * How long the host waits for a page to come back before `onNoClients` (a reload reconnects
   * within a second or two; its runs go on). Default 15 s.
   */
  noClientsGraceMs?: number;
}

export interface RunningHost {
  /** Address to open, with the secret: http://127.0.0.1:PORT/?token=… */
  url: string;
  origin: string;
  port: number;
  secret: string;
  /** Sends an event to every open page; returns how many pages it reached. */
  emit<E extends EventName>(name: E, payload: unknown): number;
  close(): Promise<void>;
}

// Cookies are per host name, not per port: a name per port keeps two hosts (two data folders)
// open in one browser from overwriting each other's cookie.
/** Events kept for replay after a reconnect (a sync batch is at most a few MB; most are small). */
const KEPT_EVENTS = 500;
const KEPT_BYTES = 32 * 1024 * 1024;

const cookieName = (port: number) => `yandu_token_${port}`;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

class BodyTooLarge extends AppError {
  constructor() {
    super('E_INVALID_ARGUMENT', '请求内容过大。');
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * The HTTP status for an error code: what the caller got wrong or what was refused is a 4xx
 * with its Chinese message; only our own faults are 500.
 */
export function statusFor(code: ErrorCode): number {
  if (code === 'E_INVALID_ARGUMENT' || code === 'E_UNKNOWN_METHOD') return 400;
  if (code === 'E_FORBIDDEN') return 403;
  if (code === 'E_NOT_FOUND') return 404;
  // A refused packet, backup, archive or document (damaged, encrypted, over a limit): a
  // well-formed request with content we will not take. The user's input, never a 5xx.
  if (code.startsWith('E_PACKET_') || code.startsWith('E_BACKUP_') || code.startsWith('E_ARCHIVE_') || code.startsWith('E_DOCUMENT_'))
    return 422;
  // The channel refused the user's credentials, a key file's passphrase is wrong, or the name is
  // taken: the user's input.
  if (code === 'E_CHANNEL_AUTH' || code === 'E_KEY_PASSPHRASE') return 403;
  if (code === 'E_CHANNEL_EXISTS') return 409;
  // The channel's server failed, is away, or shows a certificate no trusted root vouches for: upstream.
  if (code === 'E_CHANNEL_SERVER' || code === 'E_CHANNEL_OFFLINE' || code === 'E_CHANNEL_CERT') return 502;
  // The disk this host writes to is full: the machine's state, not the request's fault.
  if (code === 'E_DISK_FULL') return 507;
  // Upstream failures stay 5xx on purpose: a source that did not answer (preview, fetch), a
  // file the host could not write. The request was fine; something past this host failed.
  if (code === 'E_RESOURCE' || code === 'E_TRANSPORT') return 502;
  return 500;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${title}</title><body><h1>${title}</h1><p>${body}</p></body></html>`;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 8 * 1024 * 1024;
  const eventClients = new Set<http.ServerResponse>();
  /** The last events sent, for pages that reconnect (ids start at 1 and only grow). */
  const recent: { id: number; frame: string }[] = [];
  let nextEventId = 1;
  let keptBytes = 0;
  const streamId = randomBytes(8).toString('hex');
  let noClientsTimer: ReturnType<typeof setTimeout> | null = null;
  let port = 0;

  const canonicalHost = () => `127.0.0.1:${port}`;
  const canonicalOrigin = () => `http://${canonicalHost()}`;

  /** Where a request that named localhost:PORT belongs: the same path and query on 127.0.0.1. */
  function canonicalLocation(rawUrl: string | undefined): string {
    const raw = rawUrl ?? '/';
    try {
      let pathAndQuery = raw;
      if (!raw.startsWith('/')) {
        // An absolute-form request line (GET http://localhost:PORT/x) keeps only its path and query.
        const absolute = new URL(raw);
        pathAndQuery = absolute.pathname + absolute.search;
      }
      // Prefix the origin rather than resolve against it: `//evil.example/x` must stay a path here.
      const target = new URL(canonicalOrigin() + pathAndQuery);
      if (target.host === canonicalHost()) return target.href;
    } catch {
      // Unparseable: fall through to the start page.
    }
    return `${canonicalOrigin()}/`;
  }

  function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
    res.end(body);
  }

  function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
  }

  function isAuthorised(req: http.IncomingMessage): boolean {
    const cookie = readCookie(req.headers.cookie, cookieName(port));
    if (cookie && sameSecret(cookie, secret)) return true;
    const auth = req.headers.authorization;
    return !!auth && auth.startsWith('Bearer ') && sameSecret(auth.slice(7), secret);
  }

  async function readBody(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBody) throw new BodyTooLarge();
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', '仅支持 POST。', { Allow: 'POST' });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { ok: false, error: { code: 'E_INVALID_ARGUMENT', message: '请求须为 JSON。' } });
    }
    try {
      let raw: string;
      try {
        raw = await readBody(req);
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        // Stop reading: answer and close this connection rather than drain the rest.
        res.setHeader('Connection', 'close');
        sendJson(res, 413, { ok: false, error: error.toJSON() });
        req.destroy();
        return;
      }
      let arg: unknown;
      try {
        arg = raw.length === 0 ? {} : JSON.parse(raw);
      } catch {
        throw new AppError('E_INVALID_ARGUMENT', '请求不是有效的 JSON。');
      }
      const result = await dispatch(options.services, name, arg);
      sendJson(res, 200, { ok: true, result });
    } catch (error) {
      const info = toErrorInfo(error);
      if (info.code === 'E_INTERNAL') {
        process.stderr.write(`[host] ${name} failed: ${error instanceof Error ? error.stack : String(error)}\n`);
        appLog.error('host.call.failed', { method: code(name), ...errorFields(error) });
      }
      sendJson(res, statusFor(info.code), { ok: false, error: info });
    }
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    // Which numbering this is: ids start again at 1 when the host restarts.
    res.write(`event: hello\ndata: ${JSON.stringify({ stream: streamId })}\n\n`);
    // Resume: a reconnecting page names the last event it got (Last-Event-ID, or ?after= for
    // fetch-based readers); everything after it that is still kept is sent again, in order.
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const after = Number(req.headers['last-event-id'] ?? url.searchParams.get('after') ?? NaN);
    if (Number.isInteger(after) && after >= 0) {
      const oldest = recent[0]?.id ?? nextEventId;
      // Older than what is kept: say so, so the page knows events were lost.
      if (after + 1 < oldest) res.write(`event: gap\ndata: ${JSON.stringify({ after, oldest })}\n\n`);
      for (const e of recent) if (e.id > after) res.write(e.frame);
    }
    eventClients.add(res);
    if (noClientsTimer) clearTimeout(noClientsTimer);
    noClientsTimer = null;
    req.on('close', () => {
      eventClients.delete(res);
      if (eventClients.size > 0 || !options.onNoClients) return;
      // A reload closes the stream and opens another at once: only a page that stays away ends its runs.
      if (noClientsTimer) clearTimeout(noClientsTimer);
      noClientsTimer = setTimeout(() => {
        noClientsTimer = null;
        if (eventClients.size === 0) options.onNoClients?.();
      }, options.noClientsGraceMs ?? 15_000);
      noClientsTimer.unref?.();
    });
  }

  async function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', '不支持的请求方法。');
    const media = options.mediaDir !== undefined && pathname.startsWith('/media/');
    const file = media
      ? resolveStaticPath(options.mediaDir!, pathname.slice('/media'.length))
      : resolveStaticPath(options.rendererDir, pathname);
    if (!file) return send(res, 400, 'text/plain; charset=utf-8', '无效的路径。');
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const cache = file.endsWith('index.html') ? 'no-cache' : 'private, max-age=3600';
      send(res, 200, contentTypeFor(file), req.method === 'HEAD' ? Buffer.alloc(0) : body, { 'Cache-Control': cache });
    } catch {
      send(res, 404, 'text/plain; charset=utf-8', '找不到该文件。');
    }
  }

  /** 查看原件: an original by its content hash only; `?download=<name>` saves it under the user's name. */
  async function handleDocument(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', '不支持的请求方法。');
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const file = options.dataDir === undefined ? null : resolveDocumentPath(options.dataDir, rawPath);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', '找不到该原件。');
    let body: Buffer;
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      body = await readFile(file);
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', '找不到该原件：它可能已被删除，请重新导入该文件。');
    }
    const name = url.searchParams.get('download');
    const extra: Record<string, string> = { 'Cache-Control': 'private, max-age=3600' };
    if (name !== null) extra['Content-Disposition'] = downloadDisposition(name, file);
    send(res, 200, documentContentType(file), req.method === 'HEAD' ? Buffer.alloc(0) : body, extra);
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const host = req.headers.host?.toLowerCase();
      // First of all: localhost:PORT is the same server but another origin, hence another, empty
      // library. Send it to the one origin, keeping path and query (307 keeps the method and,
      // unlike 308, is not cached for good in case this port ever serves something else).
      if (host === `localhost:${port}`) {
        return send(res, 307, 'text/plain; charset=utf-8', '', { Location: canonicalLocation(req.url) });
      }
      // DNS rebinding: a page on another name that resolves here must not reach us.
      if (host !== canonicalHost()) {
        return send(res, 421, 'text/plain; charset=utf-8', 'Host 不被允许。');
      }
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== canonicalOrigin()) {
        return send(res, 403, 'text/plain; charset=utf-8', '来源（Origin）不被允许。');
      }
      // Another site, and also another port on 127.0.0.1 ("same-site": browsers send SameSite=Strict
      // cookies there), must not open or drive the app with the user's cookie. Our own page's
      // requests are same-origin; the tokenised first open, typed or pasted, has "none".
      const fetchSite = req.headers['sec-fetch-site'];
      if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
        return send(res, 403, 'text/plain; charset=utf-8', '拒绝来自其他网站或其他端口的请求。');
      }
      const url = new URL(req.url ?? '/', canonicalOrigin());
      const token = url.searchParams.get('token');
      if (token !== null && req.method === 'GET') {
        if (!sameSecret(token, secret))
          return send(res, 403, 'text/html; charset=utf-8', page('访问令牌无效', '请使用启动时打印的地址打开研读。'));
        return send(res, 303, 'text/plain; charset=utf-8', '', {
          Location: url.pathname,
          'Set-Cookie': `${cookieName(port)}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
        });
      }
      if (!isAuthorised(req)) {
        if (url.pathname.startsWith('/api/'))
          return sendJson(res, 401, { ok: false, error: { code: 'E_FORBIDDEN', message: '缺少访问令牌。' } });
        return send(res, 401, 'text/html; charset=utf-8', page('需要访问令牌', '请使用启动研读时终端里打印的完整地址（含 token）打开。'));
      }
      if (url.pathname.startsWith('/api/call/')) return handleCall(req, res, decodeURIComponent(url.pathname.slice('/api/call/'.length)));
      if (url.pathname === '/api/events') return handleEvents(req, res);
      if (url.pathname.startsWith('/api/'))
        return sendJson(res, 404, { ok: false, error: { code: 'E_UNKNOWN_METHOD', message: '未知的接口。' } });
      if (url.pathname.startsWith(DOCUMENT_PREFIX)) return handleDocument(req, res, url);
      return handleStatic(req, res, url.pathname);
    })().catch((error: unknown) => {
      process.stderr.write(`[host] request failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      appLog.error('host.request.failed', errorFields(error));
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', '内部错误。');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${secret}`,
    origin,
    port,
    secret,
    emit(name, payload) {
      const data = JSON.stringify({ name, payload: parseEvent(name, payload) });
      // Numbered, and kept for a while, so a page that reconnects loses and repeats nothing.
      const id = nextEventId++;
      const frame = `id: ${id}\ndata: ${data}\n\n`;
      recent.push({ id, frame });
      keptBytes += frame.length;
      while (recent.length > 1 && (recent.length > KEPT_EVENTS || keptBytes > KEPT_BYTES)) keptBytes -= recent.shift()!.frame.length;
      for (const client of eventClients) client.write(frame);
      return eventClients.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (noClientsTimer) clearTimeout(noClientsTimer);
        for (const client of eventClients) client.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
