/**
 * The sync services' fetch in the desktop app: Chromium's network stack in the 'sync' session
 * (net.request), here the stub's ClientRequest over Node's http against a real server on
 * 127.0.0.1. The HTTP client must keep following redirects hop by hop (Electron's own
 * session.fetch cannot return a 3xx), send its conditional validators and its User-Agent as
 * UTF-8, and cancel cleanly.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ClientRequest, Session } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSessionFetch, guardSyncSession, headerText, isSyncRequestAllowed } from '../../main/electron/session-fetch';
import { HttpClient, userAgentFor } from '../../main/services/sync';
import { createSyncDeps } from '../../main/services/sync-wiring';
import { net, resetElectronStub, session, StubSession } from '../stubs/electron';

interface Seen {
  path: string;
  userAgent: string;
  ifNoneMatch: string | undefined;
}

let server: http.Server;
let base: string;
const seen: Seen[] = [];
let closedEarly = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    // Header bytes as sent: Node gives them as latin1, so decode the UTF-8 ourselves.
    const ua = Buffer.from(req.headers['user-agent'] ?? '', 'latin1').toString('utf8');
    seen.push({ path: req.url ?? '', userAgent: ua, ifNoneMatch: req.headers['if-none-match'] });
    switch (req.url) {
      case '/robots.txt':
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
        return;
      case '/start':
        res.writeHead(302, { Location: '/hop' }).end();
        return;
      case '/hop':
        res.writeHead(301, { Location: `${base}/page.html` }).end();
        return;
      case '/to-private':
        res.writeHead(302, { Location: '/private/x.html' }).end();
        return;
      case '/page.html':
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { ETag: '"v1"' }).end();
          return;
        }
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ETag: '"v1"' }).end('<html><body><p>学习文章</p></body></html>');
        return;
      case '/list.html':
        res
          .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
          .end(
            '<html><head><title>企廉论坛</title></head><body><ul><li><a href="/a/1.html">第一篇文章的标题</a> 2026-12-01</li></ul></body></html>',
          );
        return;
      case '/endless':
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.write('<html>'.padEnd(4096, ' '));
        req.socket.once('close', () => closedEarly++);
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  resetElectronStub();
  seen.length = 0;
});

function syncFetch(): { fetch: typeof fetch; ses: StubSession } {
  const ses = session.fromPartition('sync');
  const fetchImpl = createSessionFetch((options) => net.request(options) as unknown as ClientRequest, ses as unknown as Session);
  return { fetch: fetchImpl, ses };
}

describe('createSessionFetch with the HTTP client', () => {
  it('follows redirects hop by hop through the sync session, with robots checked and an ASCII UA', async () => {
    const { fetch: fetchImpl, ses } = syncFetch();
    const client = new HttpClient({ fetchImpl, delayMs: 0, version: '9.9.9' });
    const res = await client.get(`${base}/start`);
    expect(res.finalUrl).toBe(`${base}/page.html`);
    expect(res.redirects).toBe(2);
    expect(new TextDecoder().decode(res.bytes)).toContain('学习文章');
    expect(res.etag).toBe('"v1"');
    // Every hop was its own request, seen by the server in order.
    expect(seen.map((s) => s.path)).toEqual(['/robots.txt', '/start', '/hop', '/page.html']);
    expect(seen.every((s) => s.userAgent === userAgentFor('9.9.9'))).toBe(true);
    expect(userAgentFor('9.9.9')).toMatch(/^[\x20-\x7e]+$/);
    // All through the 'sync' session, never Chromium's cache; page hops in manual mode.
    expect(net.requests.every((r) => r.options.session === ses && r.options.cache === 'no-store')).toBe(true);
    // robots.txt too: its redirects are followed by hand, each hop under the network policy.
    expect(net.requests.filter((r) => r.options.redirect === 'manual').map((r) => new URL(r.options.url ?? '').pathname)).toEqual([
      '/robots.txt',
      '/start',
      '/hop',
      '/page.html',
    ]);
  });

  it('checks each hop: a redirect into a robots-disallowed path is refused', async () => {
    const { fetch: fetchImpl } = syncFetch();
    const client = new HttpClient({ fetchImpl, delayMs: 0 });
    await expect(client.get(`${base}/to-private`)).rejects.toMatchObject({ reason: 'robots' });
    expect(seen.map((s) => s.path)).toEqual(['/robots.txt', '/to-private']);
  });

  it('sends the validators and reports 304 as not modified', async () => {
    const { fetch: fetchImpl } = syncFetch();
    const client = new HttpClient({ fetchImpl, delayMs: 0, robots: false });
    const res = await client.get(`${base}/page.html`, { etag: '"v1"' });
    expect(res).toMatchObject({ status: 304, notModified: true, etag: '"v1"' });
    expect(seen).toMatchObject([{ path: '/page.html', ifNoneMatch: '"v1"' }]);
  });

  it('cancels a download in progress and closes the connection', async () => {
    const { fetch: fetchImpl } = syncFetch();
    const client = new HttpClient({ fetchImpl, delayMs: 0, robots: false, retries: 0 });
    const controller = new AbortController();
    const pending = client.get(`${base}/endless`, { signal: controller.signal });
    await vi.waitFor(() => expect(seen.map((s) => s.path)).toEqual(['/endless']));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ reason: 'cancelled' });
    await vi.waitFor(() => expect(closedEarly).toBeGreaterThanOrEqual(1));
  });

  it('turns a refused connection into a network error', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { fetch: fetchImpl } = syncFetch();
    const client = new HttpClient({ fetchImpl, delayMs: 0, robots: false, retries: 0 });
    await expect(client.get(`http://127.0.0.1:${port}/x.html`)).rejects.toMatchObject({ reason: 'network' });
  });

  it('refuses a request body and an already-aborted signal without sending anything', async () => {
    const { fetch: fetchImpl } = syncFetch();
    await expect(fetchImpl(`${base}/page.html`, { method: 'POST', body: 'x' })).rejects.toThrow(TypeError);
    await expect(fetchImpl(`${base}/page.html`, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(net.requests).toEqual([]);
  });
});

describe('the sync wiring', () => {
  it('createSyncDeps hands the injected fetch to the client: 试抓取 goes through the session', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'yandu-session-fetch-'));
    try {
      const { fetch: fetchImpl } = syncFetch();
      const deps = createSyncDeps({ dataDir, version: '0.1.0', fetch: fetchImpl });
      const preview = await deps.preview(`${base}/list.html`, 'cms');
      expect(preview.kind).toBe('cms');
      // The list page, then the first article (试抓取 shows how it extracts): every one through the session.
      expect(net.requests.map((r) => new URL(r.options.url ?? '').pathname)).toEqual(['/robots.txt', '/list.html', '/a/1.html']);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the sync session', () => {
  it('sends only plain http(s) and grants no permission', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const ses = new StubSession();
    guardSyncSession(ses as unknown as Session);
    expect(ses.decide('https://dj.example.cn/list.html')).toEqual({ cancel: false });
    expect(ses.decide('http://10.0.0.8/a.html')).toEqual({ cancel: false });
    for (const url of ['file:///etc/passwd', 'app://yandu/index.html', 'http://u:p@10.0.0.8/', 'ftp://x/', 'not a url']) {
      expect(ses.decide(url), url).toEqual({ cancel: true });
      expect(isSyncRequestAllowed(url)).toBe(false);
    }
    const callback = vi.fn();
    (ses.permissionRequestHandler as (c: unknown, p: string, cb: (ok: boolean) => void) => void)({}, 'notifications', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect((ses.permissionCheckHandler as () => boolean)()).toBe(false);
    vi.restoreAllMocks();
  });

  it('headerText undoes the byte-string form only where it is valid UTF-8', () => {
    const ua = 'Yandu/1 (研读)';
    expect(headerText(Buffer.from(ua, 'utf8').toString('latin1'))).toBe(ua);
    expect(headerText('plain ascii')).toBe('plain ascii');
    expect(headerText('caf\u00e9')).toBe('caf\u00e9');
    expect(headerText(ua)).toBe(ua);
  });
});
