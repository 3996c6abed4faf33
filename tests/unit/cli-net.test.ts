/**
 * `extract` and `crawl` on URLs served on 127.0.0.1, run as a user would (a separate process):
 * the same client, policy and robots.txt as a sync.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileWorld, type HostileWorld } from '../fixtures/hostile-site';

const root = fileURLToPath(new URL('../..', import.meta.url));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

let world: HostileWorld;
beforeAll(async () => {
  world = await startHostileWorld();
});
afterAll(async () => {
  await world.close();
});

describe('CLI over HTTP', () => {
  it('extract fetches a web page (an ASCII User-Agent) and prints one JSON line', async () => {
    const r = await cli('extract', world.good[1]!);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!) as { title: string; text: string };
    expect(out.title).toBe('关于开展理论学习中心组专题学习的通知');
    expect(out.text).toContain('各支部要按照年度计划组织专题学习');
  });

  it('extract refuses a link-local address without a request', async () => {
    const r = await cli('extract', 'http://169.254.169.254/latest/meta-data/');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/链路本地地址/);
  });

  it('crawl lists only the column’s own articles; off-site links go to stderr, never requested', async () => {
    const before = world.site.requests.length;
    const r = await cli('crawl', world.listUrl, '--delay', '0');
    expect(r.code).toBe(0);
    const listed = r.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { url: string }).url);
    expect(listed).toContain(world.good[0]);
    expect(listed).toContain(world.good[1]);
    for (const url of [...world.refused, `${world.other.origin}/news/index_1.html`]) {
      expect(listed).not.toContain(url);
      expect(r.stderr).toContain(url);
    }
    expect(r.stderr).toMatch(/E_FORBIDDEN: .*研读|E_FORBIDDEN: .*不在该来源允许的网站范围内/);
    expect(world.other.requests).toEqual([]);
    expect(world.app.requests).toEqual([]);
    // robots.txt first, then the list page.
    expect(world.site.requests.slice(before)).toEqual(['/robots.txt', '/news/']);
  });

  it('crawl honours robots.txt as sync does: on a 503 it fetches no page and says why', async () => {
    world.setRobotsStatus(503);
    const before = world.site.requests.length;
    try {
      const r = await cli('crawl', world.listUrl, '--delay', '0');
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('无法获取 robots.txt（503），本次未抓取');
      expect(world.site.requests.slice(before)).toEqual(['/robots.txt']);
    } finally {
      world.setRobotsStatus(200);
    }
  });
});
