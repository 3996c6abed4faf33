import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../shared/contract';
import { startHost, statusFor, type RunningHost } from '../../main/host/server';
import { AppError, KNOWN_ERROR_CODES } from '../../shared/errors';
import { stubServices } from './helpers/services';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw requests, so Host and Origin can be set to anything a hostile client would send. */
function request(
  port: number,
  options: { path?: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, agent: false, path: options.path ?? '/', method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

let host: RunningHost;
let calls = 0;
const services: Services = stubServices({
  app: {
    info: async () => {
      calls++;
      return {
        name: '研读',
        version: '0.0.0-test',
        host: 'browser',
        platform: 'test',
        capabilities: { printsWindow: false, folderDialog: false },
      };
    },
    openExternal: async () => ({ opened: false }),
  },
  library: { sample: async () => [] },
});

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-host-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>研读</title>');
  await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(dir, '..', 'yandu-host-secret.txt'), 'outside');
  host = await startHost({ services, rendererDir: dir, secret: 's3cret-token-for-tests' });
});
afterAll(() => host.close());

const own = () => `127.0.0.1:${host.port}`;
const auth = () => ({ Host: own(), Authorization: `Bearer ${host.secret}` });
const call = (name: string, body: string, headers: Record<string, string> = {}) =>
  request(host.port, {
    path: `/api/call/${name}`,
    method: 'POST',
    headers: { ...auth(), 'Content-Type': 'application/json', ...headers },
    body,
  });

describe('browser host', () => {
  it('listens on 127.0.0.1 only and prints a tokenised address', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.secret}`);
  });

  it('rejects a foreign Host header (DNS rebinding), even with the secret', async () => {
    for (const h of ['evil.example:80', `attacker.test:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`]) {
      const r = await request(host.port, { path: '/', headers: { Host: h, Authorization: `Bearer ${host.secret}` } });
      expect(r.status, h).toBe(421);
    }
    expect(calls).toBe(0);
  });

  it('sends localhost:PORT to the one 127.0.0.1 origin, path and query kept, before any other check', async () => {
    const canonical = `http://127.0.0.1:${host.port}`;
    // No secret, a wrong token, a foreign Origin, a cross-site fetch: the redirect still comes first.
    for (const [p, headers] of [
      ['/reader/a1?from=list&q=%E5%AD%A6', {}],
      ['/?token=wrong', { Origin: 'http://evil.example' }],
      [`/?token=${host.secret}`, { 'Sec-Fetch-Site': 'cross-site' }],
    ] as const) {
      for (const h of [`localhost:${host.port}`, `LocalHost:${host.port}`]) {
        const r = await request(host.port, { path: p, headers: { Host: h, ...headers } });
        expect(r.status, `${h}${p}`).toBe(307);
        expect(r.headers.location).toBe(`${canonical}${p}`);
        expect(r.headers['set-cookie']).toBeUndefined();
      }
    }
    // A call keeps its method through 307 and is then judged on the canonical origin.
    const post = await request(host.port, {
      path: '/api/call/app.info',
      method: 'POST',
      headers: { Host: `localhost:${host.port}`, Authorization: `Bearer ${host.secret}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(post.status).toBe(307);
    expect(post.headers.location).toBe(`${canonical}/api/call/app.info`);
    // A path that looks like another authority stays a path on this origin.
    const sneaky = await request(host.port, { path: '//evil.example/x?y=1', headers: { Host: `localhost:${host.port}` } });
    expect(sneaky.status).toBe(307);
    expect(new URL(sneaky.headers.location!).origin).toBe(canonical);
    expect(new URL(sneaky.headers.location!).pathname).toBe('//evil.example/x');
    // An absolute-form request line keeps its path and query too.
    const absolute = await request(host.port, {
      path: `http://localhost:${host.port}/reader/a1?x=1`,
      headers: { Host: `localhost:${host.port}` },
    });
    expect(absolute.status).toBe(307);
    expect(absolute.headers.location).toBe(`${canonical}/reader/a1?x=1`);
    // Any other name or port is still refused.
    for (const h of ['localhost', `localhost:${host.port + 1}`, `localhost.evil.example:${host.port}`]) {
      const r = await request(host.port, { path: '/', headers: { Host: h } });
      expect(r.status, h).toBe(421);
    }
    expect(calls).toBe(0);
  });

  it('rejects a foreign Origin on API calls, even with the secret', async () => {
    const r = await call('app.info', '{}', { Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    const r2 = await call('app.info', '{}', { Origin: `http://127.0.0.1:${host.port + 1}` });
    expect(r2.status).toBe(403);
    // localhost is another origin (another IndexedDB): only http://127.0.0.1:PORT may call.
    const r3 = await call('app.info', '{}', { Origin: `http://localhost:${host.port}` });
    expect(r3.status).toBe(403);
    expect(calls).toBe(0);
  });

  it('refuses API calls and pages without the secret', async () => {
    const r = await request(host.port, {
      path: '/api/call/app.info',
      method: 'POST',
      headers: { Host: own(), 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    const wrong = await call('app.info', '{}', { Authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    const pageNoToken = await request(host.port, { path: '/', headers: { Host: own() } });
    expect(pageNoToken.status).toBe(401);
    expect(pageNoToken.body).toContain('需要访问令牌');
    expect(calls).toBe(0);
  });

  it('swaps the token in the address for an HttpOnly SameSite=Strict cookie', async () => {
    const bad = await request(host.port, { path: '/?token=wrong', headers: { Host: own() } });
    expect(bad.status).toBe(403);
    const r = await request(host.port, { path: `/?token=${host.secret}`, headers: { Host: own() } });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const cookie = r.headers['set-cookie']?.[0] ?? '';
    // Named per port: two hosts in one browser (cookies ignore ports) keep their own secret.
    expect(cookie.startsWith(`yandu_token_${host.port}=${host.secret};`)).toBe(true);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const withCookie = await request(host.port, { path: '/', headers: { Host: own(), Cookie: cookie.split(';')[0]! } });
    expect(withCookie.status).toBe(200);
    expect(withCookie.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers contract calls, validating arguments', async () => {
    const ok = await call('app.info', '{}');
    expect(JSON.parse(ok.body)).toEqual({
      ok: true,
      result: {
        name: '研读',
        version: '0.0.0-test',
        host: 'browser',
        platform: 'test',
        capabilities: { printsWindow: false, folderDialog: false },
      },
    });
    const before = calls;
    const bad = await call('app.info', '{"x":1}');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('E_INVALID_ARGUMENT');
    const notJson = await call('app.info', '{not json');
    expect(JSON.parse(notJson.body).error.code).toBe('E_INVALID_ARGUMENT');
    const unknown = await call('app.__proto__', '{}');
    expect(JSON.parse(unknown.body).error.code).toBe('E_UNKNOWN_METHOD');
    const wrongType = await call('app.info', '{}', { 'Content-Type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    const get = await request(host.port, { path: '/api/call/app.info', headers: auth() });
    expect(get.status).toBe(405);
    expect(calls).toBe(before);
  });

  it('refuses oversized bodies', async () => {
    const r = await call('app.info', JSON.stringify({ pad: 'x'.repeat(9 * 1024 * 1024) })).catch((e: Error) => ({ status: 413, error: e }));
    // The host answers 413 and drops the connection; a client still sending may see the reset instead.
    expect(r.status).toBe(413);
  });

  it('serves the renderer and never a file outside it', async () => {
    const js = await request(host.port, { path: '/assets/app.js', headers: auth() });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    for (const p of [
      '/../yandu-host-secret.txt',
      '/%2e%2e/yandu-host-secret.txt',
      '/assets/..%2f..%2fyandu-host-secret.txt',
      '/assets%5c..%5c..%5cx',
      '/%00',
    ]) {
      const r = await request(host.port, { path: p, headers: auth() });
      expect([400, 404], p).toContain(r.status);
      expect(r.body).not.toContain('outside');
    }
  });

  it('streams typed events to subscribers and refuses invalid ones', async () => {
    let connected!: () => void;
    // The host greets a subscriber (event: hello) in the same step that registers it.
    const subscribed = new Promise<void>((resolve) => (connected = resolve));
    const received = new Promise<string>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: auth() }, (res) => {
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          buf += c;
          if (buf.includes('event: hello\n')) connected();
          const frame = /id: \d+\ndata: (.*)\n\n/.exec(buf);
          if (frame) {
            req.destroy();
            resolve(frame[1]!);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    await subscribed;
    host.emit('app.notice', { level: 'info', message: '同步完成' });
    const text = await received;
    expect(JSON.parse(text)).toEqual({
      name: 'app.notice',
      payload: { level: 'info', message: '同步完成' },
    });
    expect(() => host.emit('app.notice', { level: 'loud', message: 1 })).toThrow();
  });
});

describe('browser host: its own doors', () => {
  it('answers expected errors with 4xx and their Chinese message; only its own faults are 500', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-host-doors-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>研读</title>');
    const failing = await startHost({
      rendererDir: dir,
      secret: 'doors-secret',
      services: stubServices({
        library: {
          sample: async () => {
            throw new AppError('E_NOT_FOUND', '找不到该文章。');
          },
        },
        app: {
          info: async () => {
            throw new AppError('E_PACKET_HASH', '资料包已损坏（校验值不符），未导入。');
          },
          openExternal: async () => {
            throw new Error('a bug of ours');
          },
        },
        sources: {
          preview: async () => {
            throw new AppError('E_RESOURCE', 'HTTP 503，服务器错误：http://10.0.0.5/');
          },
        },
      }),
    });
    const ask = (name: string, body = '{}') =>
      request(failing.port, {
        path: `/api/call/${name}`,
        method: 'POST',
        headers: { Host: `127.0.0.1:${failing.port}`, Authorization: 'Bearer doors-secret', 'Content-Type': 'application/json' },
        body,
      });
    try {
      const cases: [string, string, number, string][] = [
        ['library.sample', '{}', 404, '找不到该文章。'],
        ['app.info', '{}', 422, '资料包已损坏（校验值不符），未导入。'],
        ['sources.preview', '{"location":"http://10.0.0.5/"}', 502, 'HTTP 503，服务器错误：http://10.0.0.5/'],
        ['app.info', '{"bad":1}', 400, ''],
      ];
      for (const [name, body, status, message] of cases) {
        const r = await ask(name, body);
        expect([name, r.status]).toEqual([name, status]);
        const error = (JSON.parse(r.body) as { error: { message: string } }).error;
        if (message) expect(error.message).toBe(message);
        else expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      }
      const bug = await ask('app.openExternal', '{"url":"http://10.0.0.5/"}');
      expect(bug.status).toBe(500);
      // Every error that comes from the user's input or file is a 4xx; 5xx only for our own
      // faults (500), an upstream or write failure (502) and a full disk (507).
      const serverSide = new Set([
        'E_INTERNAL',
        'E_INVALID_RESULT',
        'E_RESOURCE',
        'E_TRANSPORT',
        'E_DISK_FULL',
        'E_CHANNEL_SERVER',
        'E_CHANNEL_OFFLINE',
        'E_CHANNEL_CERT',
      ]);
      for (const code of [...KNOWN_ERROR_CODES]) {
        const status = statusFor(code);
        expect([code, serverSide.has(code) ? status >= 500 : status >= 400 && status < 500]).toEqual([code, true]);
      }
    } finally {
      await failing.close();
    }
  });

  it('refuses app requests from another site or another 127.0.0.1 port (Sec-Fetch-Site), even with the cookie', async () => {
    const cookie = `yandu_token_${host.port}=${host.secret}`;
    const open = (site: string | null) =>
      request(host.port, {
        path: '/',
        headers: { Host: own(), Cookie: cookie, 'Sec-Fetch-Mode': 'navigate', ...(site ? { 'Sec-Fetch-Site': site } : {}) },
      });
    expect((await open('same-site')).status).toBe(403);
    expect((await open('cross-site')).status).toBe(403);
    expect((await open('same-origin')).status).toBe(200);
    expect((await open('none')).status).toBe(200);
    expect((await open(null)).status).toBe(200);
    // The tokenised first open, typed or pasted, has no initiator.
    const first = await request(host.port, { path: `/?token=${host.secret}`, headers: { Host: own(), 'Sec-Fetch-Site': 'none' } });
    expect(first.status).toBe(303);
    const framed = await request(host.port, { path: `/?token=${host.secret}`, headers: { Host: own(), 'Sec-Fetch-Site': 'same-site' } });
    expect(framed.status).toBe(403);
  });
});

/** Reads an event stream until `until` holds for the frames so far; returns them. */
function readEvents(
  port: number,
  pathAndQuery: string,
  headers: Record<string, string>,
  until: (frames: string[]) => boolean,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathAndQuery, headers }, (res) => {
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        buf += c;
        const frames = buf.split('\n\n').slice(0, -1);
        if (until(frames)) {
          req.destroy();
          resolve(frames);
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host: events that are never lost', () => {
  it('numbers events and replays, after a reconnect, exactly those after the last one received', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-host-events-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>研读</title>');
    const h = await startHost({ rendererDir: dir, secret: 'events-secret', services: stubServices() });
    const headers = { Host: `127.0.0.1:${h.port}`, Authorization: 'Bearer events-secret' };
    try {
      for (let i = 1; i <= 4; i++) h.emit('app.notice', { level: 'info', message: `第${i}条` });
      const ids = (frames: string[]) => frames.filter((f) => f.startsWith('id: ')).map((f) => Number(/^id: (\d+)/.exec(f)![1]));
      // ?after=2 (fetch readers) and Last-Event-ID (EventSource) resume alike.
      const byQuery = await readEvents(h.port, '/api/events?after=2', headers, (f) => ids(f).length >= 2);
      expect(byQuery.find((f) => f.startsWith('event: hello'))).toMatch(/^event: hello\ndata: \{"stream":"[0-9a-f]{16}"\}$/);
      expect(ids(byQuery)).toEqual([3, 4]);
      expect(byQuery.filter((f) => f.startsWith('id: ')).map((f) => JSON.parse(f.split('data: ')[1]!).payload.message)).toEqual([
        '第3条',
        '第4条',
      ]);
      const byHeader = await readEvents(h.port, '/api/events', { ...headers, 'Last-Event-ID': '3' }, (f) => ids(f).length >= 1);
      expect(ids(byHeader)).toEqual([4]);
      // A fresh page gets no old events, only new ones (emitted until it has one).
      let got: string[] | null = null;
      void readEvents(h.port, '/api/events', headers, (f) => ids(f).length >= 1).then((f) => (got = f));
      await expect
        .poll(() => {
          h.emit('app.notice', { level: 'info', message: '新的一条' });
          return got !== null;
        })
        .toBe(true);
      expect(ids(got!)[0]).toBeGreaterThanOrEqual(5);
    } finally {
      await h.close();
    }
  });

  it('says so when a reconnect asks for events older than those kept', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-host-events-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>研读</title>');
    const h = await startHost({ rendererDir: dir, secret: 'events-secret', services: stubServices() });
    const headers = { Host: `127.0.0.1:${h.port}`, Authorization: 'Bearer events-secret' };
    try {
      for (let i = 1; i <= 510; i++) h.emit('app.notice', { level: 'info', message: `第${i}条` });
      const frames = await readEvents(h.port, '/api/events?after=3', headers, (f) => f.some((x) => x.startsWith('id: 510')));
      expect(frames.find((f) => f.startsWith('event: gap'))).toBe('event: gap\ndata: {"after":3,"oldest":11}');
      expect(frames.filter((f) => f.startsWith('id: '))).toHaveLength(500);
    } finally {
      await h.close();
    }
  });
});
