/**
 * The real browser host entry (main/host/serve.ts through tsx), launched again and again on one
 * data folder without --port: every launch prints the same address, a second launch while the
 * first runs stops with the bilingual explanation, and --port / YANDU_PORT do not move the record.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

interface Launch {
  child: ChildProcess;
  /** The printed address, or null if the process exited first. */
  url: Promise<string | null>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => { out: string; err: string };
}

function launch(dataDir: string, args: string[] = [], env: Record<string, string> = {}): Launch {
  const base = { ...process.env };
  delete base.YANDU_PORT;
  delete base.YANDU_HOST_SECRET;
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/host/serve.ts', ...args], {
    cwd: root,
    env: { ...base, YANDU_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  const url = new Promise<string | null>((resolve) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out);
      if (m) resolve(m[0]);
    });
    void exit.then(() => resolve(null));
  });
  return { child, url, exit, output: () => ({ out, err }) };
}

async function started(l: Launch): Promise<string> {
  const url = await l.url;
  if (url === null) throw new Error(`host did not start: ${l.output().out}${l.output().err}`);
  return url;
}

/** The token exchange, the first thing a browser does with the address: 303 plus the cookie. */
function openAddress(url: string): Promise<{ status: number; cookie: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: Number(u.port), path: u.pathname + u.search, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, cookie: res.headers['set-cookie']?.[0] ?? '' }));
    });
    req.on('error', reject);
  });
}

describe('browser host restarts on one data folder', () => {
  it('prints the same address every launch; a launch while it runs stops without moving', { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-restart-'));

    const first = launch(dataDir);
    const url = await started(first);
    const port = Number(new URL(url).port);
    expect(port).toBeGreaterThanOrEqual(17000);
    expect(port).toBeLessThanOrEqual(19999);
    expect(first.output().out).toContain(path.join(dataDir, 'host.json'));
    expect(JSON.parse(await readFile(path.join(dataDir, 'host.json'), 'utf8'))).toMatchObject({ port });
    expect((await openAddress(url)).status).toBe(303);

    // A second launch on the same folder while the first runs: refused (the data folder's lock,
    // see host-data-lock.test.ts), told where to go.
    const second = launch(dataDir);
    expect(await second.url).toBeNull();
    expect((await second.exit).code).toBe(1);
    const { err } = second.output();
    expect(err).toContain('正在使用这个数据文件夹');
    expect(err).toContain(url);
    expect(err).toContain('is using this data folder');
    expect((await openAddress(url)).status).toBe(303);

    // Killed outright (no chance to clean up), then started again: the same address, byte for byte.
    first.child.kill('SIGKILL');
    await first.exit;
    const third = launch(dataDir);
    expect(await started(third)).toBe(url);
    const opened = await openAddress(url);
    expect(opened.status).toBe(303);
    expect(opened.cookie).toMatch(/HttpOnly; SameSite=Strict/);

    // Stopped politely this time (Ctrl+C), started again: still the same address. Then, one
    // at a time (one running copy per data folder), --port 0 and YANDU_PORT=0 (any free port)
    // start elsewhere and leave the record alone.
    third.child.kill('SIGINT');
    expect((await third.exit).code).toBe(0);
    const record = await readFile(path.join(dataDir, 'host.json'), 'utf8');
    const fourth = launch(dataDir);
    expect(await started(fourth)).toBe(url);
    fourth.child.kill('SIGINT');
    expect((await fourth.exit).code).toBe(0);
    for (const other of [() => launch(dataDir, ['--port', '0']), () => launch(dataDir, [], { YANDU_PORT: '0' })]) {
      const l = other();
      expect(new URL(await started(l)).port).not.toBe(String(port));
      expect(l.output().out).toContain('不会记录');
      l.child.kill('SIGINT');
      expect((await l.exit).code).toBe(0);
    }
    expect(await readFile(path.join(dataDir, 'host.json'), 'utf8')).toBe(record);
  });
});
