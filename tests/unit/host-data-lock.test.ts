/**
 * One running copy per data folder, through the real browser host entry (main/host/serve.ts
 * with tsx): a second host on the folder — at the recorded address or with --port — is refused
 * while the first runs, names the first's address, and changes nothing (the first's backups
 * included); SIGKILLed, the first's lock is taken over by the next start, which works; a normal
 * stop releases the lock; a folder held by the desktop app refuses the browser host by name.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, readDataLock } from '../../main/services/data-lock';
import { snapshot } from './helpers/folder-snapshot';

const root = fileURLToPath(new URL('../..', import.meta.url));
const running = new Set<ChildProcess>();
const folders: string[] = [];
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

interface Launch {
  child: ChildProcess;
  url: Promise<string | null>;
  exit: Promise<number | null>;
  err: () => string;
}

function launch(dataDir: string, args: string[] = []): Launch {
  const env: NodeJS.ProcessEnv = { ...process.env, YANDU_DATA_DIR: dataDir };
  delete env.YANDU_PORT;
  delete env.YANDU_HOST_SECRET;
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/host/serve.ts', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
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
  return { child, url, exit, err: () => err };
}

async function started(l: Launch): Promise<string> {
  const url = await l.url;
  if (url === null) throw new Error(`host did not start: ${l.err()}`);
  return url;
}

function openAddress(url: string): Promise<number> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: Number(u.port), path: u.pathname + u.search, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-host-lock-'));
  folders.push(dir);
  return dir;
}

describe('browser host: one running copy per data folder', () => {
  it('refuses a second host while the first runs, changing nothing; takes over after a SIGKILL', { timeout: 120_000 }, async () => {
    const dataDir = folder();
    // The first host's backups, which a second host's pruning must never reach.
    mkdirSync(path.join(dataDir, 'backups', 'originals'), { recursive: true });
    writeFileSync(path.join(dataDir, 'backups', '2026-12-01T08-00-00-auto.yandubak'), 'first host backup');
    writeFileSync(path.join(dataDir, 'backups', 'originals', 'a'.repeat(64) + '.pdf'), '%PDF-1.4 original');

    const first = launch(dataDir);
    const url = await started(first);
    expect(readDataLock(dataDir)).toMatchObject({ pid: first.child.pid, host: 'browser', address: url });
    expect((await openAddress(url)).toString()).toBe('303');

    const before = snapshot(dataDir);
    for (const args of [[], ['--port', '0']]) {
      const second = launch(dataDir, args);
      expect(await second.url).toBeNull();
      expect(await second.exit).toBe(1);
      const err = second.err();
      expect(err).toContain('另一个研读浏览器版正在使用这个数据文件夹');
      expect(err).toContain(`进程 ${first.child.pid}`);
      expect(err).toContain(`请直接用浏览器打开它的地址：${url}`);
      expect(err).toContain(`Open its address in a browser: ${url}`);
      expect(snapshot(dataDir)).toEqual(before);
    }
    expect((await openAddress(url)).toString()).toBe('303');

    // Killed outright: the lock stays behind, naming a process that is gone.
    first.child.kill('SIGKILL');
    await first.exit;
    expect(readDataLock(dataDir)).toMatchObject({ pid: first.child.pid });
    const third = launch(dataDir);
    expect(await started(third)).toBe(url);
    expect(readDataLock(dataDir)).toMatchObject({ pid: third.child.pid, address: url });
    expect((await openAddress(url)).toString()).toBe('303');
    expect(readFileSync(path.join(dataDir, 'backups', '2026-12-01T08-00-00-auto.yandubak'), 'utf8')).toBe('first host backup');

    // Ctrl+C: the lock is released, and the next start (even with --port) is not refused.
    third.child.kill('SIGINT');
    expect(await third.exit).toBe(0);
    expect(readDataLock(dataDir)).toBeNull();
    const fourth = launch(dataDir, ['--port', '0']);
    await started(fourth);
    fourth.child.kill('SIGINT');
    expect(await fourth.exit).toBe(0);
  });

  it('refuses to start on a folder the desktop app holds, naming it', { timeout: 60_000 }, async () => {
    const dataDir = folder();
    // The desktop app's lock, held by a live process (this test's parent stands in for it).
    const record = {
      version: 1,
      pid: process.ppid,
      host: 'desktop',
      startedAt: new Date().toISOString(),
      address: null,
      hostname: os.hostname(),
      id: 'desktop-app',
    };
    writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify(record), { mode: 0o600 });
    const before = snapshot(dataDir);
    const refused = launch(dataDir);
    expect(await refused.url).toBeNull();
    expect(await refused.exit).toBe(1);
    expect(refused.err()).toContain('研读桌面版正在使用这个数据文件夹');
    expect(refused.err()).toContain('改用浏览器版，先退出桌面版');
    expect(refused.err()).toContain('the desktop app is using this data folder');
    expect(snapshot(dataDir)).toEqual(before);
  });
});
