/**
 * The network policy in main's HTTP client, robots.txt per RFC 9309 and the total deadline,
 * against real servers on 127.0.0.1 (a hostile column, another port, the "app's" port).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, HttpClient } from '../../main/services/sync/http-client';
import { classifyHost, NetPolicy } from '../../main/services/sync/net-policy';
import { RobotsCache } from '../../main/services/sync/robots-cache';
import { policyForSource } from '../../main/services/sync';
import { startHostileWorld, type HostileWorld } from '../fixtures/hostile-site';

let world: HostileWorld;
beforeAll(async () => {
  world = await startHostileWorld();
});
afterAll(async () => {
  await world.close();
});
afterEach(() => world.setRobotsStatus(200));

const policyFor = () => policyForSource({ location: world.listUrl }, () => [world.app.port]);

describe('NetPolicy', () => {
  it('classifies link-local, unspecified and loopback addresses, also IPv6 and mapped forms', () => {
    expect(classifyHost('169.254.169.254')).toBe('link-local');
    expect(classifyHost('[fe80::1]')).toBe('link-local');
    expect(classifyHost('febf::1')).toBe('link-local');
    expect(classifyHost('::ffff:169.254.169.254')).toBe('link-local');
    expect(classifyHost('[::ffff:a9fe:a9fe]')).toBe('link-local');
    expect(classifyHost('0.0.0.0')).toBe('unspecified');
    expect(classifyHost('[::]')).toBe('unspecified');
    expect(classifyHost('127.0.0.1')).toBe('loopback');
    expect(classifyHost('127.1.2.3')).toBe('loopback');
    expect(classifyHost('[::1]')).toBe('loopback');
    expect(classifyHost('localhost')).toBe('loopback');
    expect(classifyHost('10.1.2.3')).toBe('other');
    expect(classifyHost('fec0::1')).toBe('other');
    expect(classifyHost('example.cn')).toBe('other');
  });

  it('allows the source’s own origin and added ones, never the “never” list even when added', () => {
    const own = 17123;
    const p = new NetPolicy({
      allow: ['http://10.0.0.5/dqgz/list.html', 'http://img.intra.cn', 'http://127.0.0.1:17123', 'http://169.254.169.254'],
      ownPorts: () => [own],
    });
    expect(p.check('http://10.0.0.5/dqgz/a.html')).toBeNull();
    expect(p.check('http://img.intra.cn/p/1.png')).toBeNull();
    expect(p.check('http://10.0.0.5:8080/x')?.reason).toMatch(/不在该来源允许的网站范围内/);
    expect(p.check('https://10.0.0.5/x')?.reason).toMatch(/不在该来源允许的网站范围内/);
    expect(p.check('http://127.0.0.1:17123/api/call/app.info')?.reason).toBe('这是研读自身的地址，从不抓取');
    expect(p.check('http://localhost:17123/')?.reason).toBe('这是研读自身的地址，从不抓取');
    expect(p.check('http://169.254.169.254/latest/meta-data/')?.reason).toMatch(/链路本地地址/);
    expect(p.check('file:///etc/passwd')?.reason).toMatch(/file:/);
    expect(p.check('ftp://10.0.0.5/x')?.reason).toMatch(/只抓取 http\/https/);
    expect(p.check('http://u:p@10.0.0.5/x')?.reason).toMatch(/用户名或密码/);
    // An intranet site on loopback or a private range is allowed: the source itself is there.
    const local = new NetPolicy({ allow: ['http://127.0.0.1:8081/news/'] });
    expect(local.check('http://127.0.0.1:8081/news/1.html')).toBeNull();
  });
});

describe('HttpClient under a source policy', () => {
  it('refuses off-policy addresses before any request: another port, the app’s port, link-local', async () => {
    const client = new HttpClient({ delayMs: 0, policy: policyFor() });
    for (const url of world.refused) {
      const error = (await client.get(url).catch((e: unknown) => e)) as FetchError;
      expect(error).toBeInstanceOf(FetchError);
      expect(error).toMatchObject({ reason: 'policy', code: 'E_FORBIDDEN' });
      expect(error.message).toContain(url);
    }
    expect(world.other.requests).toEqual([]);
    expect(world.app.requests).toEqual([]);
    expect(client.stats.requests).toBe(0);
  });

  it('checks every redirect hop: to another port, to 169.254.169.254, to file:', async () => {
    const client = new HttpClient({ delayMs: 0, policy: policyFor() });
    const reasons: string[] = [];
    for (const url of world.redirects) {
      const error = (await client.get(url).catch((e: unknown) => e)) as FetchError;
      expect(error).toMatchObject({ reason: 'policy', code: 'E_FORBIDDEN' });
      expect(error.message).toContain(`由 ${url} 重定向`);
      reasons.push(error.message);
    }
    expect(reasons[0]).toMatch(/不在该来源允许的网站范围内/);
    expect(reasons[1]).toMatch(/链路本地地址/);
    expect(reasons[2]).toMatch(/file:/);
    expect(world.other.requests).toEqual([]);
  });

  it('refuses a host name that resolves to a link-local address, without asking the fetch', async () => {
    let fetched = 0;
    const fetchImpl: typeof fetch = async () => {
      fetched++;
      return new Response('x');
    };
    const client = new HttpClient({
      delayMs: 0,
      fetchImpl,
      policy: new NetPolicy({ allow: ['http://metadata.intra.example'] }),
      lookup: async (host) => (host === 'metadata.intra.example' ? ['169.254.169.254'] : []),
    });
    await expect(client.get('http://metadata.intra.example/latest/')).rejects.toMatchObject({
      reason: 'policy',
      message: expect.stringContaining('域名解析到链路本地地址（169.254.169.254）'),
    });
    expect(fetched).toBe(0);
  });

  it('ends a trickling response at the total deadline and closes the connection', async () => {
    const client = new HttpClient({ delayMs: 0, policy: policyFor(), deadlineMs: 1500, timeoutMs: 60_000, retries: 0 });
    const opened = world.trickleOpened();
    const closed = world.trickleClosed();
    const error = (await client.get(world.slowUrl).catch((e: unknown) => e)) as FetchError;
    expect(error).toMatchObject({ reason: 'deadline', code: 'E_RESOURCE' });
    expect(error.message).toMatch(/请求超过总时限（1\.5 秒），已中止/);
    expect(world.trickleOpened()).toBe(opened + 1);
    // The server saw the connection closed by us (not left open trickling).
    await expect.poll(() => world.trickleClosed()).toBe(closed + 1);
  });
});

describe('robots.txt (RFC 9309)', () => {
  it('a 503 robots.txt disallows everything for this run, says so, and is asked again next run', async () => {
    world.setRobotsStatus(503);
    const cache = new RobotsCache();
    const before = world.site.requests.length;
    const client = new HttpClient({ delayMs: 0, policy: policyFor(), robotsCache: cache });
    await expect(client.get(world.good[0]!)).rejects.toMatchObject({
      reason: 'robots-unreachable',
      message: `无法获取 robots.txt（503），本次未抓取：${world.good[0]}`,
    });
    await expect(client.get(world.good[1]!)).rejects.toMatchObject({ reason: 'robots-unreachable' });
    expect(world.site.requests.slice(before)).toEqual(['/robots.txt']);
    world.setRobotsStatus(200);
    const next = new HttpClient({ delayMs: 0, policy: policyFor(), robotsCache: cache });
    expect((await next.get(world.good[0]!)).status).toBe(200);
    expect(world.site.requests.slice(before)).toEqual(['/robots.txt', '/robots.txt', '/news/a1.html']);
  });

  it('keeps an answer at most 24 hours, shared between runs', async () => {
    let now = 1_000_000;
    const cache = new RobotsCache(24 * 3_600_000, () => now);
    const robotsAsked = () => world.site.requests.filter((p) => p === '/robots.txt').length;
    const start = robotsAsked();
    await new HttpClient({ delayMs: 0, policy: policyFor(), robotsCache: cache }).get(world.good[0]!);
    await new HttpClient({ delayMs: 0, policy: policyFor(), robotsCache: cache }).get(world.good[1]!);
    expect(robotsAsked()).toBe(start + 1);
    now += 24 * 3_600_000;
    await new HttpClient({ delayMs: 0, policy: policyFor(), robotsCache: cache }).get(world.good[0]!);
    expect(robotsAsked()).toBe(start + 2);
  });

  it('a robots.txt redirect into a refused address is never followed: disallow for now', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.url ?? '');
      if (req.url === '/robots.txt') {
        res.writeHead(301, { Location: 'http://169.254.169.254/robots.txt' });
        return res.end();
      }
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<p>x</p>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const client = new HttpClient({ delayMs: 0, policy: new NetPolicy({ allow: [origin] }) });
      await expect(client.get(`${origin}/page.html`)).rejects.toMatchObject({
        reason: 'robots-unreachable',
        message: expect.stringMatching(
          /^无法获取 robots\.txt（重定向到不允许的地址：http:\/\/169\.254\.169\.254\/robots\.txt，链路本地地址/,
        ),
      });
      expect(seen).toEqual(['/robots.txt']);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
