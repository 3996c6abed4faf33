/**
 * The data folder's lock (main/services/data-lock.ts): one running copy per folder. Stale
 * locks (a dead pid, another boot, an unreadable crash leftover) are taken over; a live one
 * refuses with a message naming the holder and leaves the folder exactly as it was. Real child
 * processes hold the lock, are SIGKILLed, and race for it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataLock, DataFolderBusyError, LOCK_FILE, readDataLock, takeOver, type LockRecord } from '../../main/services/data-lock';
import { snapshot } from './helpers/folder-snapshot';

const root = fileURLToPath(new URL('../..', import.meta.url));
const children = new Set<ChildProcess>();
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-lock-'));
});
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  rmSync(dir, { recursive: true, force: true });
});

interface Child {
  process: ChildProcess;
  /** Resolves with the first line after READY: `WON <pid>` or `BUSY <pid>`. */
  verdict: Promise<string>;
  ready: Promise<void>;
  exit: Promise<number | null>;
  stderr: () => string;
}

function holder(dataDir: string, host: 'browser' | 'desktop' = 'browser'): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/helpers/data-lock-child.ts', dataDir, host], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const waitFor = (re: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const m = re.exec(out);
        if (m) return resolve(m[0]);
        if (child.exitCode !== null) return reject(new Error(`child exited ${child.exitCode}: ${out}${err}`));
      };
      child.stdout!.on('data', check);
      void exit.then(check);
    });
  return {
    process: child,
    ready: waitFor(/READY/).then(() => undefined),
    verdict: waitFor(/(WON|BUSY) \S+/),
    exit,
    stderr: () => err,
  };
}

function go(children: Child[]): void {
  for (const c of children) c.process.stdin!.write('go\n');
}

async function kill(child: Child): Promise<void> {
  child.process.kill('SIGKILL');
  await child.exit;
}

/** A pid that is certainly gone: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  const pid = child.pid!;
  await new Promise((resolve) => child.once('exit', resolve));
  return pid;
}

function writeLock(record: Partial<LockRecord>): void {
  const full: LockRecord = {
    version: 1,
    pid: 1,
    host: 'browser',
    startedAt: new Date().toISOString(),
    address: null,
    hostname: os.hostname(),
    id: 'someone-else',
    ...record,
  };
  writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(full));
}

function busy(fn: () => unknown): DataFolderBusyError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DataFolderBusyError) return error;
    throw error;
  }
  throw new Error('expected DataFolderBusyError');
}

describe('data folder lock, in one process', () => {
  it('records pid, host kind, start time and address; refuses a second take; released on request', () => {
    const lock = acquireDataLock(dir, { host: 'browser' });
    const record = readDataLock(dir);
    if (record === null || record === 'unreadable') throw new Error('no lock');
    expect(record).toMatchObject({ pid: process.pid, host: 'browser', address: null, hostname: os.hostname() });
    expect(Date.parse(record.startedAt)).not.toBeNaN();
    if (process.platform !== 'win32') expect(statSync(lock.file).mode & 0o077).toBe(0);

    lock.setAddress('http://127.0.0.1:17001/?token=abc');
    expect(readDataLock(dir)).toMatchObject({ address: 'http://127.0.0.1:17001/?token=abc', id: record.id });

    const before = snapshot(dir);
    const refused = busy(() => acquireDataLock(dir, { host: 'desktop' }));
    expect(refused.reason).toBe('live');
    expect(snapshot(dir)).toEqual(before);

    lock.release();
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
    acquireDataLock(dir, { host: 'desktop' }).release();
  });

  it('takes over a lock whose process is gone, left by another boot, or unreadable and old', async () => {
    writeLock({ pid: await deadPid() });
    let lock = acquireDataLock(dir, { host: 'browser' });
    expect(readDataLock(dir)).toMatchObject({ pid: process.pid });
    lock.release();

    if (process.platform === 'linux') {
      // A live pid (our parent), but recorded in an earlier boot: that process is not the holder.
      writeLock({ pid: process.ppid, bootId: 'an-earlier-boot' });
      lock = acquireDataLock(dir, { host: 'browser' });
      lock.release();
      // A live pid whose process started at another tick: the pid was reused.
      writeLock({ pid: process.ppid, procStart: '1' });
      lock = acquireDataLock(dir, { host: 'browser' });
      lock.release();
    }

    // Empty (a crash between create and write): stale once it is older than the grace period.
    writeFileSync(path.join(dir, LOCK_FILE), '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(dir, LOCK_FILE), old, old);
    lock = acquireDataLock(dir, { host: 'desktop' });
    expect(readDataLock(dir)).toMatchObject({ pid: process.pid, host: 'desktop' });
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a live holder is named: the browser host by its address, the desktop app by name; nothing changes', () => {
    writeLock({ pid: process.ppid, host: 'browser', address: 'http://127.0.0.1:18123/?token=xyz' });
    mkdirSync(path.join(dir, 'backups'));
    writeFileSync(path.join(dir, 'backups', '2026-12-01-auto.yandubak'), 'backup');
    const before = snapshot(dir);
    const byBrowser = busy(() => acquireDataLock(dir, { host: 'desktop' }));
    expect(byBrowser.holder?.pid).toBe(process.ppid);
    expect(byBrowser.zh).toContain('另一个研读浏览器版正在使用这个数据文件夹');
    expect(byBrowser.zh).toContain('http://127.0.0.1:18123/?token=xyz');
    expect(byBrowser.zh).toContain('改用桌面版');
    expect(byBrowser.en).toContain('another Yandu browser host is using this data folder');
    expect(byBrowser.en).toContain('Open its address in a browser: http://127.0.0.1:18123/?token=xyz');

    writeLock({ pid: process.ppid, host: 'desktop' });
    const mid = snapshot(dir);
    const byDesktop = busy(() => acquireDataLock(dir, { host: 'browser' }));
    expect(byDesktop.zh).toContain('研读桌面版正在使用这个数据文件夹');
    expect(byDesktop.zh).toContain(`进程 ${process.ppid}`);
    expect(byDesktop.en).toContain('the desktop app is using this data folder');
    expect(snapshot(dir)).toEqual(mid);
    expect(before.find((l) => l.startsWith('backups/2026'))).toBeDefined();
    expect(snapshot(dir).filter((l) => l.startsWith('backups'))).toEqual(before.filter((l) => l.startsWith('backups')));
  });

  it('a stale lock replaced by a winner before the takeover ran is left alone; a dead takeover guard is cleared', async () => {
    const file = path.join(dir, LOCK_FILE);
    const dead = await deadPid();
    // Starter C read the dead holder's lock and judged it stale...
    writeLock({ pid: dead, id: 'dead-holder' });
    const seen = readFileSync(file, 'utf8');
    // ...meanwhile starter B took it over and published its own.
    writeLock({ pid: process.ppid, id: 'winner' });
    const alive = (pid: number) => pid !== dead;
    takeOver(file, seen, alive, 0);
    expect(readDataLock(dir)).toMatchObject({ id: 'winner' });

    // A takeover guard left by a starter that died inside it does not block the next one.
    writeLock({ pid: dead, id: 'dead-holder' });
    writeFileSync(`${file}.takeover`, JSON.stringify({ pid: dead, id: 'x' }));
    takeOver(file, readFileSync(file, 'utf8'), alive, 0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an old takeover guard whose pid now belongs to a live process does not block the start', () => {
    writeLock({ pid: 999_999_999, id: 'crashed-holder' });
    const guard = path.join(dir, `${LOCK_FILE}.takeover`);
    // Left by a starter that crashed inside the takeover; its pid was since reused (our parent is alive).
    writeFileSync(guard, JSON.stringify({ pid: process.ppid, id: 'x' }));
    const old = new Date(Date.now() - 60_000);
    utimesSync(guard, old, old);
    const lock = acquireDataLock(dir, { host: 'browser', isAlive: (pid) => pid === process.ppid });
    expect(readDataLock(dir)).toMatchObject({ id: lock.record.id });
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a crashed lock of this same boot under an earlier hostname is taken over, not "another computer"', async () => {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    writeLock({ pid: await deadPid(), hostname: 'name-before-dhcp', bootId: boot });
    const lock = acquireDataLock(dir, { host: 'desktop' });
    expect(readDataLock(dir)).toMatchObject({ id: lock.record.id, hostname: os.hostname() });
    lock.release();
    // A live holder of this boot under another name is named as running here, not as elsewhere.
    writeLock({ pid: process.ppid, hostname: 'name-before-dhcp', bootId: boot });
    expect(busy(() => acquireDataLock(dir, { host: 'desktop' })).reason).toBe('live');
  });

  it('a lock taken on another computer is never broken here; the message says how to clear it', async () => {
    // Even a pid that is dead here may be alive there.
    writeLock({ pid: await deadPid(), hostname: 'other-pc' });
    const before = snapshot(dir);
    const refused = busy(() => acquireDataLock(dir, { host: 'browser' }));
    expect(refused.reason).toBe('elsewhere');
    expect(refused.zh).toContain('另一台计算机（other-pc）');
    expect(refused.zh).toContain(path.join(dir, LOCK_FILE));
    expect(refused.en).toContain('another computer (other-pc)');
    expect(snapshot(dir)).toEqual(before);
  });

  it('an unwritable folder is an ordinary error, not "in use"', () => {
    writeFileSync(path.join(dir, 'file'), 'x');
    expect(() => acquireDataLock(path.join(dir, 'file', 'data'), { host: 'browser' })).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^(ENOTDIR|EEXIST)$/) }) as Error,
    );
  });
});

describe('data folder lock, across real processes', () => {
  it('a process holding it refuses others; SIGKILLed, its lock is stale and taken over', { timeout: 60_000 }, async () => {
    const first = holder(dir, 'desktop');
    await first.ready;
    go([first]);
    expect(await first.verdict).toBe(`WON ${first.process.pid}`);

    const refused = busy(() => acquireDataLock(dir, { host: 'browser' }));
    expect(refused.holder).toMatchObject({ pid: first.process.pid, host: 'desktop' });
    expect(refused.en).toContain('the desktop app');

    await kill(first);
    // Left behind by the kill: nothing ran to remove it.
    expect(readDataLock(dir)).toMatchObject({ pid: first.process.pid });
    const again = holder(dir, 'browser');
    await again.ready;
    go([again]);
    expect(await again.verdict).toBe(`WON ${again.process.pid}`);
    expect(readDataLock(dir)).toMatchObject({ pid: again.process.pid, host: 'browser' });

    // A normal stop releases it.
    again.process.kill('SIGTERM');
    expect(await again.exit).toBe(0);
    expect(readDataLock(dir)).toBeNull();
  });

  it(
    'starts racing at once: exactly one wins, on a fresh folder and on a stale lock, round after round',
    { timeout: 180_000 },
    async () => {
      for (let round = 0; round < 4; round++) {
        const folder = path.join(dir, `round-${round}`);
        let previous: Child | null = null;
        for (const phase of ['fresh', 'stale'] as const) {
          const racers = [holder(folder), holder(folder), holder(folder)];
          await Promise.all(racers.map((r) => r.ready));
          if (phase === 'stale') {
            // The previous winner dies holding the lock just before the race.
            await kill(previous!);
            expect(readDataLock(folder)).toMatchObject({ pid: previous!.process.pid });
          }
          go(racers);
          const verdicts = await Promise.all(racers.map((r) => r.verdict));
          const winners = racers.filter((_, i) => verdicts[i]!.startsWith('WON'));
          expect(winners, `round ${round} ${phase}: ${verdicts.join(', ')}`).toHaveLength(1);
          const winner = winners[0]!;
          for (const [i, r] of racers.entries()) {
            if (r === winner) continue;
            expect(verdicts[i]).toBe(`BUSY ${winner.process.pid}`);
            expect(await r.exit).toBe(3);
            expect(r.stderr()).toContain('另一个研读浏览器版正在使用这个数据文件夹');
          }
          expect(readDataLock(folder)).toMatchObject({ pid: winner.process.pid });
          // No temp, guard or set-aside file is left over.
          expect(readdirSync(folder)).toEqual([LOCK_FILE]);
          previous = winner;
        }
        await kill(previous!);
      }
    },
  );
});
