/**
 * What the desktop app does before 'ready', as functions a test drives through the Electron
 * stub: the Windows taskbar identity, the pinned data folder (and its one-time move from the
 * folder named after the product), a writability check, the single-instance lock, and a
 * visible error plus a log line for every way start-up can fail (a Windows GUI app has no
 * console, so console.error alone is a silent exit).
 *
 * Only types come from 'electron'; the caller passes `app` and `dialog`.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readlinkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireDataLock, DataFolderBusyError, type DataLock } from '../services/data-lock';
import { DATA_FOLDER_NAME, describeMigration, legacyDataDirs, migrateDataDir } from '../services/paths';
import { processAlive } from '../services/process-alive';

/** The id electron-builder's NSIS installer stamps on its shortcuts (`appId`): the window must match it. */
export const APP_USER_MODEL_ID = 'cn.yandu.reader';

export type PathName = 'appData' | 'userData' | 'sessionData';

/** The parts of Electron's `app` start-up uses. */
export interface StartupApp {
  getPath(name: PathName): string;
  setPath(name: 'userData' | 'sessionData', value: string): void;
  setAppUserModelId?(id: string): void;
  requestSingleInstanceLock(): boolean;
  releaseSingleInstanceLock?(): void;
  readonly commandLine: { hasSwitch(name: string): boolean };
  isReady(): boolean;
  whenReady(): Promise<unknown>;
  exit(code?: number): void;
}

export interface StartupDialog {
  showErrorBox(title: string, content: string): void;
}

export interface StartupEnv {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  hostname?: string;
  /** Whether a process id is alive on this machine (tests pass their own). */
  isAlive?: (pid: number) => boolean;
}

/**
 * Where Electron keeps its data: `userData` is `<appData>/yandu` (or `YANDU_DATA_DIR`), and on
 * Windows `sessionData` (Chromium's caches, and also its IndexedDB) goes to %LOCALAPPDATA%\yandu
 * so a roaming profile does not carry it around. null = leave Electron's value: a
 * `--user-data-dir` switch (tests, a portable setup) wins over both.
 */
export function electronDataPaths(options: {
  appData: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  userDataSwitch: boolean;
}): { userData: string | null; sessionData: string | null } {
  const { appData, env, platform } = options;
  if (options.userDataSwitch) return { userData: null, sessionData: null };
  if (env.YANDU_DATA_DIR) return { userData: path.resolve(env.YANDU_DATA_DIR), sessionData: null };
  const userData = path.join(appData, DATA_FOLDER_NAME);
  const local = env.LOCALAPPDATA;
  const sessionData = platform === 'win32' && local && path.win32.isAbsolute(local) ? path.join(local, DATA_FOLDER_NAME) : null;
  return { userData, sessionData };
}

/** Chromium's per-origin storage folders: the library (IndexedDB) and what it keeps beside it. */
export const SESSION_STORAGE_FOLDERS = ['IndexedDB', 'Local Storage', 'Session Storage', 'WebStorage'] as const;

/**
 * Moves Chromium's storage folders from userData to a separate sessionData folder, each only
 * when the destination has none yet, so the library stored by an earlier run is found again.
 * Never overwrites or deletes; returns what moved and what could not.
 */
export function migrateSessionStorage(userData: string, sessionData: string): { moved: string[]; failed: string[] } {
  const moved: string[] = [];
  const failed: string[] = [];
  if (path.resolve(userData) === path.resolve(sessionData)) return { moved, failed };
  for (const name of SESSION_STORAGE_FOLDERS) {
    const from = path.join(userData, name);
    const to = path.join(sessionData, name);
    if (!existsSync(from) || existsSync(to)) continue;
    try {
      mkdirSync(sessionData, { recursive: true });
      renameSync(from, to);
      moved.push(name);
    } catch {
      failed.push(name);
    }
  }
  return { moved, failed };
}

/** Creates `dir` if needed and writes and removes a probe file: null when that works, else why not. */
export function checkWritable(dir: string): string | null {
  const probe = path.join(dir, `.write-test-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, 'ok');
    unlinkSync(probe);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  }
}

export type LockFailure = { kind: 'another-instance' } | { kind: 'in-use-elsewhere'; host: string } | { kind: 'unknown'; detail: string };

/**
 * Why `requestSingleInstanceLock()` said no. On Linux and macOS Chromium's lock is the symlink
 * `<userData>/SingletonLock` → `<hostname>-<pid>`: our host and a live pid is a running copy
 * (it gets 'second-instance' and comes to the front, so we leave quietly); another host's name
 * is a profile shared over NFS or a cloned machine; no readable lock means it could not be
 * created (a read-only or root-owned profile). On Windows the lock is a named mutex: a running copy.
 */
export function diagnoseLockFailure(userData: string, host: StartupEnv): LockFailure {
  if (host.platform === 'win32') return { kind: 'another-instance' };
  let target: string;
  try {
    target = readlinkSync(path.join(userData, 'SingletonLock'));
  } catch (error) {
    return { kind: 'unknown', detail: `SingletonLock: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  const match = /^(.*)-(\d+)$/.exec(target);
  if (!match) return { kind: 'unknown', detail: `SingletonLock → ${target}` };
  const [, lockHost = '', pidText = ''] = match;
  if (lockHost !== (host.hostname ?? os.hostname())) return { kind: 'in-use-elsewhere', host: lockHost };
  const pid = Number(pidText);
  if ((host.isAlive ?? processAlive)(pid)) return { kind: 'another-instance' };
  return { kind: 'unknown', detail: `SingletonLock → ${target} (no such process)` };
}

/** Appends a time-stamped line to the first log location that takes it; returns that file or null. */
export function writeStartupLog(dirs: readonly string[], line: string): string | null {
  for (const dir of dirs) {
    const file = path.join(dir, 'main.log');
    try {
      mkdirSync(dir, { recursive: true });
      appendFileSync(file, `${new Date().toISOString()} ${line}\n`);
      return file;
    } catch {
      // Try the next location (the temp folder when the profile is not writable).
    }
  }
  return null;
}

/** Log folders, best first: `<userData>/logs`, then the temp folder (which stays writable). */
export function logDirs(userData: string | null): string[] {
  const dirs = userData ? [path.join(userData, 'logs')] : [];
  dirs.push(path.join(os.tmpdir(), 'yandu-logs'));
  return dirs;
}

export const STARTUP_ERROR_TITLE = '研读无法启动';

export function notWritableMessage(dir: string, cause: string, logFile: string | null): string {
  return [
    `数据文件夹不可写：${dir}（${cause}）。`,
    '常见原因：曾用 sudo 或管理员身份运行过本程序，文件夹属于其他用户；文件夹所在磁盘只读或网络盘不可用。',
    '请让管理员把该文件夹的所有者改回当前用户，或设置环境变量 YANDU_DATA_DIR 指向一个可写的文件夹后重新启动。',
    logFile ? `详细信息已写入：${logFile}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function lockFailureMessage(
  dir: string,
  failure: Exclude<LockFailure, { kind: 'another-instance' }>,
  logFile: string | null,
): string {
  const why =
    failure.kind === 'in-use-elsewhere'
      ? `数据文件夹正被另一台计算机（${failure.host}）上的研读使用：${dir}。可能是网络盘上的用户目录，或由另一台电脑克隆而来。`
      : `无法锁定数据文件夹：${dir}（${failure.detail}）。`;
  return [
    why,
    '请先关闭其他计算机上的研读；若确认没有在使用，删除该文件夹中的 SingletonLock、SingletonSocket 和 SingletonCookie 后重新启动。',
    logFile ? `详细信息已写入：${logFile}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function startupFailedMessage(error: unknown, logFile: string | null): string {
  const detail = error instanceof Error ? error.message : String(error);
  return [`启动时出错：${detail}`, logFile ? `详细信息已写入：${logFile}` : ''].filter(Boolean).join('\n');
}

/**
 * Shows a start-up error the user can see, then exits with code 1. On Linux a dialog before
 * 'ready' only goes to stderr, so there it waits for 'ready' first.
 */
export function reportFatal(app: StartupApp, dialog: StartupDialog, platform: NodeJS.Platform, message: string): Promise<void> {
  const show = () => {
    try {
      dialog.showErrorBox(STARTUP_ERROR_TITLE, message);
    } finally {
      app.exit(1);
    }
  };
  if (platform === 'linux' && !app.isReady()) {
    return app.whenReady().then(show, show);
  }
  show();
  return Promise.resolve();
}

export type Prepared =
  /** `lock`: the data folder's lock (services/data-lock.ts), released on quit. */
  | { ok: true; dataDir: string; notes: string[]; lock: DataLock }
  /** `quiet`: another copy is running and was asked to show itself; nothing to report. */
  | { ok: false; quiet: true }
  | { ok: false; quiet: false; message: string };

/**
 * Everything before 'ready', in order: the taskbar identity; the data folder pinned (and moved
 * once from an earlier folder); the data folder's lock (one running copy, desktop or browser
 * host); it must be writable; then Chromium's single-instance lock, which lives in that folder.
 * Failures are logged and come back as a message to show.
 */
export function prepareApp(app: StartupApp, host: StartupEnv): Prepared {
  const { env, platform } = host;
  if (platform === 'win32') app.setAppUserModelId?.(APP_USER_MODEL_ID);

  const notes: string[] = [];
  const appData = app.getPath('appData');
  const planned = electronDataPaths({ appData, env, platform, userDataSwitch: app.commandLine.hasSwitch('user-data-dir') });
  if (planned.userData !== null) {
    // Both earlier homes: the product-name folder under Electron's appData and the browser host's.
    const legacy = [...legacyDataDirs(env, platform), path.join(appData, '研读')];
    const migration = migrateDataDir(planned.userData, legacy);
    const note = describeMigration(migration);
    if (note) notes.push(note);
    app.setPath('userData', migration.action === 'failed' ? migration.from : planned.userData);
  }
  const userData = app.getPath('userData');

  // One running copy per data folder (the browser host takes the same lock), before anything
  // below writes into it. A desktop copy holding it is asked to show itself (Chromium's lock).
  let lock: DataLock;
  try {
    lock = acquireDataLock(userData, {
      host: 'desktop',
      ...(host.hostname ? { hostname: host.hostname } : {}),
      ...(host.isAlive ? { isAlive: host.isAlive } : {}),
    });
  } catch (error) {
    if (!(error instanceof DataFolderBusyError)) {
      const cause = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      const logFile = writeStartupLog(logDirs(null), `[start] data folder not writable: ${userData} (${cause})`);
      return { ok: false, quiet: false, message: notWritableMessage(userData, cause, logFile) };
    }
    return refuseBusy(app, userData, error);
  }

  if (planned.sessionData !== null) {
    const moved = migrateSessionStorage(userData, planned.sessionData);
    if (moved.moved.length) notes.push(`moved ${moved.moved.join(', ')} from ${userData} to ${planned.sessionData}`);
    if (moved.failed.length) notes.push(`could not move ${moved.failed.join(', ')} to ${planned.sessionData}; kept in ${userData}`);
    // Where a move failed the library stays with userData rather than starting empty.
    if (!moved.failed.length) app.setPath('sessionData', planned.sessionData);
  }
  const dirs = logDirs(userData);
  for (const note of notes) writeStartupLog(dirs, `[data] ${note}`);

  for (const dir of new Set([userData, app.getPath('sessionData')])) {
    const cause = checkWritable(dir);
    if (cause !== null) {
      lock.release();
      const logFile = writeStartupLog(logDirs(null), `[start] data folder not writable: ${dir} (${cause})`);
      return { ok: false, quiet: false, message: notWritableMessage(dir, cause, logFile) };
    }
  }

  if (!app.requestSingleInstanceLock()) {
    lock.release();
    const failure = diagnoseLockFailure(userData, host);
    if (failure.kind === 'another-instance') {
      writeStartupLog(dirs, '[start] another copy is running; asked it to show its window');
      return { ok: false, quiet: true };
    }
    const logFile = writeStartupLog(dirs, `[start] single-instance lock failed: ${JSON.stringify(failure)}`);
    return { ok: false, quiet: false, message: lockFailureMessage(userData, failure, logFile) };
  }
  return { ok: true, dataDir: userData, notes, lock };
}

/**
 * Another copy holds the data folder. A desktop copy on this machine gets Chromium's
 * 'second-instance' (it comes to the front) and we leave quietly; otherwise the message names the
 * holder. Either way nothing is written into the folder: Electron's own profile (which 'ready'
 * creates, and Linux needs 'ready' to show the dialog) goes to a throwaway temp folder.
 */
function refuseBusy(app: StartupApp, userData: string, error: DataFolderBusyError): Prepared {
  const away = mkdtempSync(path.join(os.tmpdir(), 'yandu-refused-'));
  if (error.holder?.host === 'desktop' && error.reason === 'live') {
    // Chromium's lock lives in userData: ask it there, before moving the profile away.
    if (!app.requestSingleInstanceLock()) {
      app.setPath('userData', away);
      app.setPath('sessionData', away);
      writeStartupLog(
        logDirs(null),
        `[start] ${userData} is in use by the desktop app (pid ${error.holder.pid}); asked it to show its window`,
      );
      return { ok: false, quiet: true };
    }
    app.releaseSingleInstanceLock?.();
  }
  app.setPath('userData', away);
  app.setPath('sessionData', away);
  // Not the holder's address: it carries the browser host's access token.
  const who = error.holder ? `${error.holder.host} pid ${error.holder.pid} on ${error.holder.hostname}` : 'unreadable lock';
  const logFile = writeStartupLog(logDirs(null), `[start] data folder in use: ${userData} (${error.reason}, ${who})`);
  return {
    ok: false,
    quiet: false,
    message: [error.zh, '', error.en, logFile ? `\n详细信息已写入 / details: ${logFile}` : ''].filter(Boolean).join('\n'),
  };
}
