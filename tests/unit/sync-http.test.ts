import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FetchError, HttpClient } from '../../main/services/sync/http-client';

interface Hit {
  path: string;
  headers: http.IncomingHttpHeaders;
  start: number;
  end: number;
  concurrent: number;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const handlers = new Map<string, Handler>();
const hits: Hit[] = [];
let active = 0;
let server: http.Server;
let base = '';
let robotsBody = 'User-agent: *\nDisallow: /blocked/\n';
let robotsStatus = 200;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    active++;
    const hit: Hit = { path: req.url ?? '/', headers: req.headers, start: Date.now(), end: 0, concurrent: active };
    hits.push(hit);
    res.on('close', () => {
      active--;
      hit.end = Date.now();
    });
    if (req.url === '/robots.txt') {
      res.writeHead(robotsStatus, { 'Content-Type': 'text/plain' });
      res.end(robotsBody);
      return;
    }
    const h = handlers.get((req.url ?? '/').split('?')[0]!);
    if (h) h(req, res);
    else {
      res.writeHead(404);
      res.end('no');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

function pathHits(p: string): Hit[] {
  return hits.filter((h) => h.path.split('?')[0] === p);
}

const ok =
  (body: string, delay = 0, headers: Record<string, string> = {}): Handler =>
  (_req, res) =>
    setTimeout(() => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
      res.end(body);
    }, delay);

describe('HttpClient politeness', () => {
  it('keeps at most 2 requests at a time per host, spaced by the delay, with an honest UA', async () => {
    handlers.set('/p', ok('<p>x</p>', 60));
    const client = new HttpClient({ delayMs: 30 });
    hits.length = 0;
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 8 }, (_, i) => client.get(`${base}/p?i=${i}`)));
    const page = pathHits('/p');
    expect(page).toHaveLength(8);
    expect(Math.max(...page.map((h) => h.concurrent))).toBeLessThanOrEqual(2);
    // Lower bounds only (load can only lengthen them): robots.txt and 8 pages, each start at least
    // 30 ms after the one before, and at most 2 at a time over 60 ms responses.
    // Less 1 ms a step: a Node timer may fire up to a millisecond early by Date.now()'s clock.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(8 * (30 - 1));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(4 * (60 - 1));
    // ASCII only: Node's fetch refuses header values with other characters.
    expect(page[0]!.headers['user-agent']).toMatch(/^Yandu\/\d+\.\d+\.\d+ \([\x20-\x7e]+\)$/);
  });

  it('honours a configurable concurrency', async () => {
    handlers.set('/c', ok('<p>c</p>', 40));
    const client = new HttpClient({ delayMs: 0, perHost: 1 });
    hits.length = 0;
    await Promise.all(Array.from({ length: 4 }, (_, i) => client.get(`${base}/c?i=${i}`)));
    expect(Math.max(...pathHits('/c').map((h) => h.concurrent))).toBe(1);
  });

  it('sends conditional requests and reports notModified', async () => {
    handlers.set('/cond', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Wed, 20 Mar 2024 08:00:00 GMT') {
        res.writeHead(304, { ETag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, { ETag: '"v1"', 'Last-Modified': 'Wed, 20 Mar 2024 08:00:00 GMT', 'Content-Type': 'text/html' });
      res.end('<p>body</p>');
    });
    const client = new HttpClient({ delayMs: 0 });
    const first = await client.get(`${base}/cond`);
    expect(first.notModified).toBe(false);
    expect(first.etag).toBe('"v1"');
    const again = await client.get(`${base}/cond`, { etag: first.etag, lastModified: first.lastModified });
    expect(again.notModified).toBe(true);
    expect(again.bytes.length).toBe(0);
    const byDate = await client.get(`${base}/cond`, { lastModified: first.lastModified });
    expect(byDate.notModified).toBe(true);
    const last = pathHits('/cond').at(-1)!;
    expect(last.headers['if-modified-since']).toBe('Wed, 20 Mar 2024 08:00:00 GMT');
  });

  it('retries 5xx, 429 (honouring Retry-After) and 408 with backoff, but never 404', async () => {
    let n500 = 0;
    handlers.set('/flaky', (_req, res) => {
      n500++;
      if (n500 <= 2) {
        res.writeHead(503);
        res.end('busy');
      } else ok('<p>ok</p>')(_req, res);
    });
    let n429 = 0;
    handlers.set('/limited', (_req, res) => {
      n429++;
      if (n429 === 1) {
        res.writeHead(429, { 'Retry-After': '1' });
        res.end();
      } else ok('<p>ok</p>')(_req, res);
    });
    handlers.set('/gone', (_req, res) => {
      res.writeHead(404);
      res.end();
    });
    const client = new HttpClient({ delayMs: 0, backoffMs: 40, random: () => 1 });
    hits.length = 0;
    const r = await client.get(`${base}/flaky`);
    expect(r.status).toBe(200);
    const f = pathHits('/flaky');
    expect(f).toHaveLength(3);
    expect(f[1]!.start - f[0]!.end).toBeGreaterThanOrEqual(35);
    expect(f[2]!.start - f[1]!.end).toBeGreaterThanOrEqual(75); // doubled
    const t0 = Date.now();
    await client.get(`${base}/limited`);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    await expect(client.get(`${base}/gone`)).rejects.toMatchObject({ code: 'E_NOT_FOUND', message: expect.stringContaining('HTTP 404') });
    expect(pathHits('/gone')).toHaveLength(1);
    expect(client.stats.retries).toBe(3);
  });

  it('gives up after the retry budget with a Chinese message', async () => {
    handlers.set('/down', (_req, res) => {
      res.writeHead(500);
      res.end();
    });
    const client = new HttpClient({ delayMs: 0, backoffMs: 5, retries: 2 });
    hits.length = 0;
    await expect(client.get(`${base}/down`)).rejects.toMatchObject({ code: 'E_RESOURCE', message: expect.stringContaining('HTTP 500') });
    expect(pathHits('/down')).toHaveLength(3);
  });

  it('times out a slow response', async () => {
    handlers.set('/slow', ok('<p>late</p>', 1500));
    const client = new HttpClient({ delayMs: 0, timeoutMs: 200, retries: 0 });
    const err = await client.get(`${base}/slow`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).reason).toBe('timeout');
    expect((err as FetchError).message).toContain('超时');
  });

  it('caps the body size while streaming', async () => {
    handlers.set('/big', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' }); // no Content-Length: chunked
      let sent = 0;
      const push = () => {
        while (sent < 5_000_000) {
          sent += 64 * 1024;
          if (!res.write(Buffer.alloc(64 * 1024, 0x61))) return res.once('drain', push);
        }
        res.end();
      };
      push();
    });
    const client = new HttpClient({ delayMs: 0, maxBytes: 256 * 1024 });
    await expect(client.get(`${base}/big`)).rejects.toMatchObject({ reason: 'too-large', message: expect.stringContaining('内容过大') });
  });

  it('follows redirects by hand, with a limit and loop detection', async () => {
    for (let i = 0; i < 10; i++) {
      handlers.set(`/r${i}`, (_req, res) => {
        res.writeHead(302, { Location: `/r${i + 1}` });
        res.end();
      });
    }
    handlers.set('/r10', ok('<p>end</p>'));
    handlers.set('/la', (_req, res) => {
      res.writeHead(301, { Location: `${base}/lb` });
      res.end();
    });
    handlers.set('/lb', (_req, res) => {
      res.writeHead(307, { Location: '/la' });
      res.end();
    });
    const client = new HttpClient({ delayMs: 0, maxRedirects: 5 });
    const fine = await client.get(`${base}/r6`);
    expect(fine.finalUrl).toBe(`${base}/r10`);
    expect(fine.redirects).toBe(4);
    await expect(client.get(`${base}/r0`)).rejects.toMatchObject({
      reason: 'too-many-redirects',
      message: expect.stringContaining('重定向过多'),
    });
    await expect(client.get(`${base}/la`)).rejects.toMatchObject({ reason: 'redirect-loop' });
  });

  it('obeys robots.txt (cached per origin); 4xx (also 401/403) allows, 5xx disallows all for now (RFC 9309)', async () => {
    handlers.set('/blocked/x', ok('<p>secret</p>'));
    handlers.set('/open', ok('<p>open</p>'));
    hits.length = 0;
    const client = new HttpClient({ delayMs: 0 });
    await expect(client.get(`${base}/blocked/x`)).rejects.toMatchObject({
      code: 'E_FORBIDDEN',
      message: expect.stringContaining('robots.txt 禁止抓取'),
    });
    await client.get(`${base}/open`);
    await client.get(`${base}/open`);
    expect(pathHits('/robots.txt')).toHaveLength(1);
    expect(pathHits('/blocked/x')).toHaveLength(0);

    robotsStatus = 403;
    const forbidden = new HttpClient({ delayMs: 0 });
    expect((await forbidden.get(`${base}/open`)).status).toBe(200);
    hits.length = 0;
    robotsStatus = 503;
    robotsBody = '';
    const unreachable = new HttpClient({ delayMs: 0 });
    await expect(unreachable.get(`${base}/open`)).rejects.toMatchObject({
      reason: 'robots-unreachable',
      message: `无法获取 robots.txt（503），本次未抓取：${base}/open`,
    });
    // Asked once in this run, and no page at all.
    await expect(unreachable.get(`${base}/open?2`)).rejects.toMatchObject({ reason: 'robots-unreachable' });
    expect(pathHits('/robots.txt')).toHaveLength(1);
    expect(pathHits('/open')).toHaveLength(0);
    robotsStatus = 200;
    robotsBody = 'User-agent: *\nDisallow: /blocked/\n';
  });

  it('stops promptly when cancelled, also while waiting for a slot', async () => {
    // The site never answers /hang until the test lets it: "promptly" is "before the answer".
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    handlers.set('/hang', (_req, res) => {
      void answered.then(() => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end('<p>x</p>');
      });
    });
    const client = new HttpClient({ delayMs: 0, perHost: 1 });
    const ctrl = new AbortController();
    hits.length = 0;
    const a = client.get(`${base}/hang`, { signal: ctrl.signal }).catch((e: unknown) => e);
    const b = client.get(`${base}/hang?2`, { signal: ctrl.signal }).catch((e: unknown) => e);
    // The first request is at the site; the second waits for the host's only slot.
    await vi.waitFor(() => expect(pathHits('/hang')).toHaveLength(1));
    ctrl.abort();
    const [ea, eb] = await Promise.all([a, b]);
    expect((ea as FetchError).reason).toBe('cancelled');
    expect((eb as FetchError).reason).toBe('cancelled');
    // Both gave up while the site still held its answer, and the second never reached it.
    expect(pathHits('/hang')).toHaveLength(1);
    answer();
  });

  it('rejects invalid URLs with E_INVALID_ARGUMENT', async () => {
    const client = new HttpClient();
    await expect(client.get('http://exa mple.cn/')).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT' });
    await expect(client.get('ftp://a.cn/x')).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT' });
  });
});
