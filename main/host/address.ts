/**
 * One address per data folder, for life.
 *
 * The user's library lives in the browser's IndexedDB, which belongs to an origin: scheme, host
 * AND port. A browser host that listened on a new port each launch would open a new, empty
 * library each time. So the first launch on a data folder picks a port in a fixed range below
 * the ephemeral ports (seeded from the folder's path, probing onward if taken), records it in
 * `<dataDir>/host.json`, and every later launch reuses it — or stops and says why. It never
 * moves the library to another port on its own.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { renameWithRetry } from '../services/fs-retry';
import path from 'node:path';

/** Below Linux's ephemeral range (32768+) and Windows' (49152+), above most well-known services. */
export const PORT_FIRST = 17000;
export const PORT_LAST = 19999;
export const ADDRESS_FILE = 'host.json';
export const SECRET_FILE = 'host-secret';

export type AddressErrorCode = 'E_PORT_BUSY' | 'E_PORT_INVALID' | 'E_ADDRESS_RECORD' | 'E_RANGE_FULL';

/** A launch that must not go on; both languages, since the terminal is all the user sees. */
export class HostAddressError extends Error {
  constructor(
    readonly code: AddressErrorCode,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'HostAddressError';
  }
}

export function addressFile(dataDir: string): string {
  return path.join(dataDir, ADDRESS_FILE);
}

/** The first port tried for a data folder: the same folder always gets the same one. */
export function seededPort(dataDir: string): number {
  const digest = createHash('sha256').update(path.resolve(dataDir)).digest();
  return PORT_FIRST + (digest.readUInt32BE(0) % (PORT_LAST - PORT_FIRST + 1));
}

/** Every port of the range once, starting at the seed and wrapping around. */
export function candidatePorts(dataDir: string): number[] {
  const seed = seededPort(dataDir);
  const size = PORT_LAST - PORT_FIRST + 1;
  return Array.from({ length: size }, (_, i) => PORT_FIRST + ((seed - PORT_FIRST + i) % size));
}

function invalidPort(text: string, from: string): HostAddressError {
  return new HostAddressError(
    'E_PORT_INVALID',
    `端口无效（${from}）：${text}。请给出 0–65535 之间的整数，0 表示任选一个空闲端口。`,
    `Invalid port (${from}): ${text}. Give an integer from 0 to 65535; 0 means any free port.`,
  );
}

function parsePort(text: string, from: string): number {
  if (!/^\d{1,5}$/.test(text.trim())) throw invalidPort(text, from);
  const port = Number(text.trim());
  if (port > 65535) throw invalidPort(text, from);
  return port;
}

/**
 * The port the user asked for with `--port N` (or `--port=N`) or YANDU_PORT, if any. An explicit
 * port overrides the recorded one and is never recorded; `0` keeps meaning "any free port".
 */
export function explicitPort(argv: readonly string[], env: NodeJS.ProcessEnv): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--port') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw invalidPort('（缺少端口号 / missing）', '--port');
      return parsePort(value, '--port');
    }
    if (arg.startsWith('--port=')) return parsePort(arg.slice('--port='.length), '--port');
  }
  const fromEnv = env.YANDU_PORT;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return parsePort(fromEnv, 'YANDU_PORT');
  return undefined;
}

interface AddressRecord {
  version: 1;
  port: number;
  origin: string;
  recordedAt: string;
}

function damagedRecord(file: string, why: string): HostAddressError {
  return new HostAddressError(
    'E_ADDRESS_RECORD',
    `无法读取端口记录 ${file}（${why}）。文库属于这个数据文件夹原来的地址（端口），因此不会另选端口。` +
      `如果记得原来的端口，可以把文件内容改为 {"version":1,"port":端口号} 后重新启动；删除该文件会重新选择端口，可能得到另一个空的文库（可从备份恢复）。`,
    `Cannot read the port record ${file} (${why}). The library belongs to this data folder's original address (port), so no other port is chosen. ` +
      `If you know the original port, set the file to {"version":1,"port":N} and start again; deleting the file picks a port anew, which may be a different, empty library (restorable from a backup).`,
  );
}

/** The recorded port of a data folder, or null when it has none yet (its first launch). */
export async function readAddressRecord(dataDir: string): Promise<number | null> {
  const file = addressFile(dataDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw damagedRecord(file, String((error as Error).message));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw damagedRecord(file, '不是有效的 JSON / not valid JSON');
  }
  const port = (value as { port?: unknown } | null)?.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw damagedRecord(file, '没有有效的 port / no valid port');
  }
  return port;
}

/**
 * Creates `file` with `content` only if it does not exist yet, atomically: the content goes to a
 * temp file first, then a hard link publishes it whole (link fails if the name is taken, so two
 * first launches cannot both win). Returns false when the file already existed.
 */
async function createExclusive(file: string, content: string, mode: number): Promise<boolean> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  // Synced before it is published: after a power cut the record is whole or absent, never empty.
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // File systems without hard links (FAT on a USB stick): rename is still atomic, just not exclusive.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    const exists = await stat(file).then(
      () => true,
      () => false,
    );
    if (exists) return false;
    await renameWithRetry(temp, file);
    return true;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** Records a data folder's port (first launch only). False if another launch recorded one first. */
export async function writeAddressRecord(dataDir: string, port: number, now = new Date()): Promise<boolean> {
  const record: AddressRecord = { version: 1, port, origin: `http://127.0.0.1:${port}`, recordedAt: now.toISOString() };
  return createExclusive(addressFile(dataDir), `${JSON.stringify(record, null, 2)}\n`, 0o644);
}

const SECRET_SHAPE = /^[A-Za-z0-9_-]{32,128}$/;

/**
 * The access secret of a data folder, created on first use (owner-only file, 0600).
 *
 * Why keep it rather than draw a new one per launch: the printed address then stays byte-identical
 * across launches, so a bookmark works and an open tab keeps working after the host restarts (its
 * HttpOnly SameSite=Strict cookie still holds the right secret). Anyone who can read this file can
 * already read the whole data folder, so storing it there protects nothing less.
 */
export async function hostSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, SECRET_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const text = (await readFile(file, 'utf8')).trim();
      if (SECRET_SHAPE.test(text)) {
        if (process.platform !== 'win32' && ((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
        return text;
      }
      // Unreadable content is no user data: replace it with a fresh secret.
      await unlink(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const secret = randomBytes(24).toString('base64url');
    if (await createExclusive(file, `${secret}\n`, 0o600)) return secret;
    // Another launch created it between our read and our write: read theirs.
  }
  throw new Error(`cannot create ${file}`);
}

function busyPort(port: number, dataDir: string, address: string): HostAddressError {
  const find =
    process.platform === 'win32'
      ? `netstat -ano | findstr :${port}`
      : process.platform === 'darwin'
        ? `lsof -nP -iTCP:${port} -sTCP:LISTEN`
        : `ss -ltnp 'sport = :${port}'`;
  const file = addressFile(dataDir);
  return new HostAddressError(
    'E_PORT_BUSY',
    [
      `研读浏览器版没有启动：这个数据文件夹的端口 ${port} 已被占用。`,
      `文库保存在浏览器里，属于地址 http://127.0.0.1:${port}（端口记录在 ${file}）；换一个端口就是另一个空的文库，所以不会自动换端口。`,
      `  · 可能已经有一个研读在使用这个数据文件夹：请直接用浏览器打开它的地址 ${address}`,
      `  · 否则请关闭占用端口 ${port} 的程序（查看：${find}），再重新启动。`,
      `  · --port N 可以在别的端口启动，但那是另一个空的文库，除非从备份恢复。`,
    ].join('\n'),
    [
      `Yandu browser host did not start: this data folder's port ${port} is in use.`,
      `The library lives in the browser and belongs to the address http://127.0.0.1:${port} (the port is recorded in ${file}); another port would be a different, empty library, so the host never moves on its own.`,
      `  - Another Yandu may already be running on this data folder: open its address in a browser: ${address}`,
      `  - Otherwise close the program holding port ${port} (find it: ${find}) and start again.`,
      `  - --port N starts on another port, but that is a different, empty library unless restored from a backup.`,
    ].join('\n'),
  );
}

const isBusy = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';

export interface OpenOptions<T> {
  dataDir: string;
  /** From --port / YANDU_PORT: used as given, never recorded. */
  port?: number | undefined;
  /** Starts listening on a port; rejects with EADDRINUSE when it is taken. */
  listen: (port: number) => Promise<T>;
  close: (host: T) => Promise<void>;
  /** The full address to open for a port (shown when the data folder's port is busy). */
  addressFor: (port: number) => string;
}

export interface Opened<T> {
  host: T;
  port: number;
  /** explicit: --port/YANDU_PORT; recorded: the data folder's port; first: chosen and recorded now. */
  how: 'explicit' | 'recorded' | 'first';
}

/** Listens on the data folder's one address (or the explicit port), recording it on first launch. */
export async function openOnAddress<T>(options: OpenOptions<T>): Promise<Opened<T>> {
  const { dataDir } = options;
  if (options.port !== undefined) return { host: await options.listen(options.port), port: options.port, how: 'explicit' };

  const onRecorded = async (port: number): Promise<Opened<T>> => {
    try {
      return { host: await options.listen(port), port, how: 'recorded' };
    } catch (error) {
      if (isBusy(error)) throw busyPort(port, dataDir, options.addressFor(port));
      throw error;
    }
  };

  const recorded = await readAddressRecord(dataDir);
  if (recorded !== null) return onRecorded(recorded);

  for (const port of candidatePorts(dataDir)) {
    let host: T;
    try {
      host = await options.listen(port);
    } catch (error) {
      if (isBusy(error)) continue;
      throw error;
    }
    let written: boolean;
    try {
      written = await writeAddressRecord(dataDir, port);
    } catch (error) {
      await options.close(host);
      throw error;
    }
    if (written) return { host, port, how: 'first' };
    // Another first launch on this folder recorded its port a moment before us: that one is the
    // folder's address, so give ours up and go by the record like any later launch.
    await options.close(host);
    const theirs = await readAddressRecord(dataDir);
    if (theirs === null) throw damagedRecord(addressFile(dataDir), '记录消失了 / the record vanished');
    return onRecorded(theirs);
  }
  throw new HostAddressError(
    'E_RANGE_FULL',
    `端口 ${PORT_FIRST}–${PORT_LAST} 都已被占用，无法为这个数据文件夹选定地址。请关闭一些程序后重试，或用 --port N 指定端口（该端口不会被记录）。`,
    `Ports ${PORT_FIRST}–${PORT_LAST} are all in use; no address can be chosen for this data folder. Close some programs and try again, or give --port N (not recorded).`,
  );
}
