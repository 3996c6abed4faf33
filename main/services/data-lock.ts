/**
 * One running copy per data folder.
 *
 * The desktop app and the browser host default to the same folder (`<appData>/yandu`, see
 * paths.ts), and both write into it continuously: rolling backups with pruning, the originals
 * store and its reference lists, the outbox, channels.json and secrets, documents/, host.json.
 * Two copies on one folder would prune each other's backups and send outbox items twice. So
 * each host takes this lock before anything writes, and a second copy stops with a message
 * naming the first — without changing anything in the folder.
 *
 * The lock is `<dataDir>/yandu.lock`, created exclusively (O_EXCL for its content, then a hard
 * link publishes it whole, so a reader never sees a half-written lock), holding the pid, the
 * host kind, the start time, the address (browser host) and the machine. A lock whose process is
 * gone (ESRCH, another boot, a reused pid) or that is unreadable and old is stale and taken over.
 *
 * Synchronous on purpose: the desktop app must decide before Electron's 'ready'.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processAlive } from './process-alive';

export const LOCK_FILE = 'yandu.lock';

/** Which kind of copy holds the folder. */
export type LockHost = 'browser' | 'desktop';

export interface LockRecord {
  version: 1;
  pid: number;
  host: LockHost;
  /** ISO time the holder started. */
  startedAt: string;
  /** The browser host's full address (with its access token: the file is owner-only), once listening. */
  address: string | null;
  hostname: string;
  /** Unique per acquisition: a holder releases or rewrites only its own lock. */
  id: string;
  /** Linux: the boot the holder ran in and its process start tick, so a reboot or a reused pid reads as stale. */
  bootId?: string;
  procStart?: string;
}

export interface LockOptions {
  host: LockHost;
  address?: string | null;
  /** Whether a pid is alive on this machine (tests pass their own). */
  isAlive?: (pid: number) => boolean;
  hostname?: string;
  /** How long an unreadable lock is given to finish being written (no-hard-link file systems). */
  unreadableGraceMs?: number;
}

export interface DataLock {
  readonly file: string;
  readonly record: Readonly<LockRecord>;
  /** The address the other copy should name (the browser host calls this once listening). */
  setAddress(address: string): void;
  /** Removes the lock if it is still ours. Idempotent. */
  release(): void;
}

export type BusyReason = 'live' | 'elsewhere' | 'unknown';

/** The folder is held by another running copy: the message names it and says what to do. */
export class DataFolderBusyError extends Error {
  readonly code = 'E_DATA_FOLDER_BUSY';
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly holder: LockRecord | null,
    readonly reason: BusyReason,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'DataFolderBusyError';
  }
}

export function lockFile(dataDir: string): string {
  return path.join(dataDir, LOCK_FILE);
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function bootId(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  return readText('/proc/sys/kernel/random/boot_id')?.trim() || undefined;
}

/** Field 22 of /proc/<pid>/stat: the process start time in clock ticks since boot. */
function procStart(pid: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The command name may hold spaces and parentheses: count fields after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19];
}

function parseRecord(text: string): LockRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const r = value as Partial<LockRecord> | null;
  if (!r || typeof r !== 'object') return null;
  if (typeof r.pid !== 'number' || !Number.isInteger(r.pid) || r.pid <= 0) return null;
  if (r.host !== 'browser' && r.host !== 'desktop') return null;
  if (typeof r.id !== 'string' || typeof r.hostname !== 'string' || typeof r.startedAt !== 'string') return null;
  return {
    version: 1,
    pid: r.pid,
    host: r.host,
    startedAt: r.startedAt,
    address: typeof r.address === 'string' ? r.address : null,
    hostname: r.hostname,
    id: r.id,
    ...(typeof r.bootId === 'string' ? { bootId: r.bootId } : {}),
    ...(typeof r.procStart === 'string' ? { procStart: r.procStart } : {}),
  };
}

/** The current lock of a folder: null when there is none, 'unreadable' when it cannot be parsed. */
export function readDataLock(dataDir: string): LockRecord | null | 'unreadable' {
  const text = readText(lockFile(dataDir));
  if (text === null) return null;
  return parseRecord(text) ?? 'unreadable';
}

/** Locks held by this process, released on exit whatever the path out. */
const held = new Set<DataLock>();
let exitHook = false;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function writeWhole(file: string, content: string, flags: string): void {
  const fd = openSync(file, flags, 0o600);
  try {
    writeSync(fd, content);
    // Durable before it is published: after a power cut the lock is whole or absent.
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Creates `file` with `content` only if absent. False when it exists. */
function publish(file: string, content: string): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeWhole(temp, content, 'wx');
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_LINKS.has(code)) throw error;
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
  }
  // No hard links here (FAT on a USB stick): O_EXCL on the name itself; a reader may briefly see
  // it empty, which readers wait out (unreadableGraceMs).
  try {
    writeWhole(file, content, 'wx');
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Removes a stale lock — exactly the one judged stale. Starters that found it stale at the same
 * moment take turns through a guard file (`yandu.lock.takeover`, O_EXCL): inside it the lock is
 * read again and removed only if unchanged, so a fresh lock another starter published meanwhile
 * is never deleted. Whoever then publishes first (a hard link: one winner) holds the folder.
 * Exported for the interleaving test; callers use acquireDataLock.
 */
export function takeOver(file: string, seen: string, isAlive: (pid: number) => boolean, graceMs: number): void {
  const guard = `${file}.takeover`;
  const mine = JSON.stringify({ pid: process.pid, id: randomBytes(8).toString('hex') });
  let waitedSince: number | null = null;
  for (;;) {
    try {
      writeWhole(guard, mine, 'wx');
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const text = readText(guard);
    if (text === null) continue;
    const pid = (() => {
      try {
        return (JSON.parse(text) as { pid?: unknown }).pid;
      } catch {
        return undefined;
      }
    })();
    waitedSince ??= Date.now();
    const alive = typeof pid === 'number' && pid !== process.pid && isAlive(pid) && !guardOld(guard);
    // A guard is held for microseconds; one whose holder died (or that stays unreadable) is stale,
    // and so is an old one whose pid now belongs to another process (a crash, then pid reuse):
    // otherwise every later start would wait and fail on it, for good.
    if (alive || (typeof pid !== 'number' && Date.now() - waitedSince < graceMs)) {
      if (Date.now() - waitedSince > 10_000)
        throw new Error(
          `数据文件夹的锁正由另一个正在启动的研读（进程 ${String(pid)}）处理，请稍后重新启动。/ ${guard} held for over 10 s by process ${String(pid)}`,
        );
      sleepSync(5);
      continue;
    }
    removeAside(guard, text);
  }
  try {
    if (readText(file) === seen) unlinkSync(file);
  } finally {
    if (readText(guard) === mine) unlinkSync(guard);
  }
}

/** A takeover guard is held for microseconds: one older than this was left by a crash. */
const GUARD_STALE_MS = 10_000;

function guardOld(guard: string): boolean {
  try {
    return Date.now() - statSync(guard).mtimeMs > GUARD_STALE_MS;
  } catch {
    return false;
  }
}

/**
 * Moves a stale guard out of the way — exactly the one judged stale: it is renamed to a private
 * name first and compared, and a fresh one another starter made meanwhile is put back.
 */
function removeAside(file: string, seen: string): void {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readText(aside);
  if (moved !== seen) {
    // Someone else's fresh guard: publish it back (link fails if a third starter got in first).
    try {
      linkSync(aside, file);
    } catch {
      try {
        writeWhole(file, moved ?? '', 'wx');
      } catch {
        // A third starter holds the name now; the caller waits on it.
      }
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // Already gone.
  }
}

type Verdict = 'live' | 'stale' | 'elsewhere';

function judge(record: LockRecord, options: { isAlive: (pid: number) => boolean; hostname: string; ownIds: Set<string> }): Verdict {
  const boot = bootId();
  // The same boot of this machine under a new name (a hostname changed by the network, a rename):
  // still this machine, so a crashed holder's lock is judged here, not left to block every start.
  const sameBoot = Boolean(record.bootId && boot && record.bootId === boot);
  if (record.hostname !== options.hostname && !sameBoot) return 'elsewhere';
  if (options.ownIds.has(record.id)) return 'live';
  if (record.bootId && boot && record.bootId !== boot) return 'stale';
  // Our own pid on a lock we did not take: left by an earlier process that had this pid (containers).
  if (record.pid === process.pid) return 'stale';
  if (!options.isAlive(record.pid)) return 'stale';
  if (record.procStart) {
    const now = procStart(record.pid);
    if (now !== undefined && now !== record.procStart) return 'stale';
  }
  return 'live';
}

function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The refusal, in Chinese and English: who holds the folder and what to do. */
export function busyMessage(dataDir: string, holder: LockRecord | null, reason: BusyReason, self: LockHost): { zh: string; en: string } {
  const file = lockFile(dataDir);
  const selfZh = self === 'browser' ? '研读浏览器版' : '研读';
  const selfEn = self === 'browser' ? 'The Yandu browser host' : 'Yandu';
  const why = {
    zh: '一个数据文件夹同时只能由一个研读使用：两份同时运行会互相清理对方的自动备份、重复发送待发送的内容。',
    en: 'One data folder can be used by one running Yandu at a time: two would prune each other’s backups and send queued items twice.',
  };
  const other = {
    zh: '  · 或者用环境变量 YANDU_DATA_DIR 指定另一个数据文件夹（那是另一个文库）。',
    en: '  - Or set YANDU_DATA_DIR to another data folder (a different library).',
  };
  if (reason === 'elsewhere' && holder) {
    return {
      zh: [
        `${selfZh}没有启动：另一台计算机（${holder.hostname}）上的研读正在使用这个数据文件夹：${dataDir}（${localTime(holder.startedAt)} 起）。`,
        why.zh,
        `  · 请先关闭那台计算机上的研读。`,
        `  · 若确认那边已不在运行（例如电脑已关机或文件夹是克隆来的），删除锁文件 ${file} 后重新启动。`,
        other.zh,
      ].join('\n'),
      en: [
        `${selfEn} did not start: Yandu on another computer (${holder.hostname}) is using this data folder: ${dataDir} (since ${holder.startedAt}).`,
        why.en,
        `  - Quit Yandu on that computer first.`,
        `  - If you are sure it no longer runs there (switched off, or the folder was cloned), delete the lock file ${file} and start again.`,
        other.en,
      ].join('\n'),
    };
  }
  if (!holder) {
    return {
      zh: [
        `${selfZh}没有启动：这个数据文件夹已被另一个研读锁定，但无法读取锁文件 ${file}：${dataDir}。`,
        why.zh,
        `  · 请先关闭正在运行的研读（桌面版或浏览器版），再重新启动。`,
        `  · 若确认没有研读在运行，删除锁文件 ${file} 后重新启动。`,
        other.zh,
      ].join('\n'),
      en: [
        `${selfEn} did not start: another Yandu has locked this data folder, but its lock file ${file} cannot be read: ${dataDir}.`,
        why.en,
        `  - Quit the running Yandu (desktop app or browser host) and start again.`,
        `  - If you are sure none is running, delete the lock file ${file} and start again.`,
        other.en,
      ].join('\n'),
    };
  }
  const since = localTime(holder.startedAt);
  if (holder.host === 'browser') {
    const where = holder.address ?? '（地址尚未确定，它正在启动）';
    const whereEn = holder.address ?? '(no address yet: it is starting)';
    return {
      zh: [
        `${selfZh}没有启动：另一个研读浏览器版正在使用这个数据文件夹：${dataDir}（进程 ${holder.pid}，${since} 启动，地址 ${where}）。`,
        why.zh,
        `  · 请直接用浏览器打开它的地址：${where}`,
        `  · 如要${self === 'desktop' ? '改用桌面版' : '重新启动浏览器版'}，先在运行浏览器版的终端按 Ctrl+C 停止它（它会先写完最后一份备份），再启动。`,
        other.zh,
      ].join('\n'),
      en: [
        `${selfEn} did not start: another Yandu browser host is using this data folder: ${dataDir} (process ${holder.pid}, started ${holder.startedAt}, address ${whereEn}).`,
        why.en,
        `  - Open its address in a browser: ${whereEn}`,
        `  - To ${self === 'desktop' ? 'use the desktop app instead' : 'restart the browser host'}, stop it first with Ctrl+C in its terminal (it writes its final backup), then start again.`,
        other.en,
      ].join('\n'),
    };
  }
  return {
    zh: [
      `${selfZh}没有启动：研读桌面版正在使用这个数据文件夹：${dataDir}（进程 ${holder.pid}，${since} 启动）。`,
      why.zh,
      `  · 请切换到已经打开的研读窗口。`,
      `  · 如要${self === 'browser' ? '改用浏览器版' : '重新启动'}，先退出桌面版（关闭研读窗口），再启动。`,
      other.zh,
    ].join('\n'),
    en: [
      `${selfEn} did not start: the desktop app is using this data folder: ${dataDir} (process ${holder.pid}, started ${holder.startedAt}).`,
      why.en,
      `  - Switch to the open Yandu window.`,
      `  - To ${self === 'browser' ? 'use the browser host instead' : 'restart it'}, quit the desktop app (close its window) first, then start again.`,
      other.en,
    ].join('\n'),
  };
}

/**
 * Takes the folder's lock, or throws DataFolderBusyError (nothing in the folder changed) when
 * another live copy holds it. Other errors (an unwritable folder) are thrown as they are.
 */
export function acquireDataLock(dataDir: string, options: LockOptions): DataLock {
  const dir = path.resolve(dataDir);
  const file = lockFile(dir);
  const isAlive = options.isAlive ?? processAlive;
  const hostname = options.hostname ?? os.hostname();
  const graceMs = options.unreadableGraceMs ?? 2000;
  const ownIds = new Set([...held].map((l) => l.record.id));
  const boot = bootId();
  const start = procStart(process.pid);
  const record: LockRecord = {
    version: 1,
    pid: process.pid,
    host: options.host,
    startedAt: new Date().toISOString(),
    address: options.address ?? null,
    hostname,
    id: randomBytes(12).toString('hex'),
    ...(boot ? { bootId: boot } : {}),
    ...(start ? { procStart: start } : {}),
  };
  const content = () => `${JSON.stringify(record, null, 2)}\n`;

  // Only a folder that does not exist yet is created (by then no copy can hold it).
  const exists = (() => {
    try {
      return statSync(dir).isDirectory();
    } catch {
      return false;
    }
  })();
  if (!exists) mkdirSync(dir, { recursive: true });

  let firstUnreadable: number | null = null;
  for (let attempt = 0; attempt < 200; attempt++) {
    // Look before writing: a refused start must leave the folder exactly as it was.
    const seen = readText(file);
    if (seen === null) {
      if (publish(file, content())) return holdLock(file, record, content);
      continue;
    }
    const holder = parseRecord(seen);
    if (holder) {
      const verdict = judge(holder, { isAlive, hostname, ownIds });
      if (verdict !== 'stale') {
        const message = busyMessage(dir, holder, verdict === 'elsewhere' ? 'elsewhere' : 'live', options.host);
        throw new DataFolderBusyError(message.zh, message.en, holder, verdict === 'elsewhere' ? 'elsewhere' : 'live');
      }
    } else {
      // Unparseable: being written on a file system without hard links, or left by a crash or a
      // damaged disk. Give a writer its moment; an older one is stale.
      let age: number;
      try {
        age = Date.now() - statSync(file).mtimeMs;
      } catch {
        continue;
      }
      firstUnreadable ??= Date.now();
      if (age < graceMs && Date.now() - firstUnreadable < graceMs) {
        sleepSync(25);
        continue;
      }
    }
    takeOver(file, seen, isAlive, graceMs);
  }
  const message = busyMessage(dir, null, 'unknown', options.host);
  throw new DataFolderBusyError(message.zh, message.en, null, 'unknown');
}

function holdLock(file: string, record: LockRecord, content: () => string): DataLock {
  let released = false;
  const ours = () => parseRecord(readText(file) ?? '')?.id === record.id;
  const lock: DataLock = {
    file,
    record,
    setAddress(address: string) {
      if (released || !ours()) return;
      record.address = address;
      const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      writeWhole(temp, content(), 'wx');
      // Replaced in one step: the name never goes missing, so no starter sees the folder free.
      renameSync(temp, file);
    },
    release() {
      if (released) return;
      released = true;
      held.delete(lock);
      try {
        if (ours()) unlinkSync(file);
      } catch {
        // Gone already, or the folder went away: nothing is held.
      }
    },
  };
  held.add(lock);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const l of [...held]) l.release();
    });
  }
  return lock;
}
