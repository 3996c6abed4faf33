/**
 * The desktop app before 'ready', through the Electron stub on fixture folders: the Windows
 * taskbar id, the pinned userData (moved once from 研读), Chromium's storage on Windows under
 * LOCALAPPDATA, a writability check and the single-instance lock, each failure shown and logged.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APP_USER_MODEL_ID,
  checkWritable,
  diagnoseLockFailure,
  electronDataPaths,
  prepareApp,
  reportFatal,
  STARTUP_ERROR_TITLE,
  writeStartupLog,
  type StartupApp,
} from '../../main/electron/startup';
import { LOCK_FILE, readDataLock } from '../../main/services/data-lock';
import { app, dialog, resetElectronStub } from '../stubs/electron';
import { snapshot } from './helpers/folder-snapshot';

const root = new URL('../../', import.meta.url);
let dir: string;
let savedTmp: string | undefined;

beforeEach(() => {
  resetElectronStub();
  dir = mkdtempSync(path.join(tmpdir(), 'yandu-startup-'));
  // The fallback log goes to the temp folder: keep it inside the fixture.
  savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = path.join(dir, 'tmp');
  mkdirSync(process.env.TMPDIR);
});
afterEach(() => {
  vi.restoreAllMocks();
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(dir, { recursive: true, force: true });
});

const stubApp = app as unknown as StartupApp;

/** Points the stub's appData (and Electron's default userData, <appData>/研读) into the fixture. */
function useAppData(appData: string): void {
  app.paths.set('appData', appData);
  app.paths.set('userData', path.join(appData, '研读'));
  app.paths.set('sessionData', path.join(appData, '研读'));
}

function makeProfile(folder: string): void {
  mkdirSync(path.join(folder, 'IndexedDB', 'app_yandu_0.indexeddb.leveldb'), { recursive: true });
  writeFileSync(path.join(folder, 'IndexedDB', 'app_yandu_0.indexeddb.leveldb', '000003.log'), 'library');
  mkdirSync(path.join(folder, 'backups'), { recursive: true });
  writeFileSync(path.join(folder, 'backups', 'daily.yandu'), 'backup');
}

describe('electronDataPaths', () => {
  it('pins userData to <appData>/yandu; sessionData under LOCALAPPDATA on Windows only', () => {
    expect(electronDataPaths({ appData: '/home/u/.config', env: {}, platform: 'linux', userDataSwitch: false })).toEqual({
      userData: path.join('/home/u/.config', 'yandu'),
      sessionData: null,
    });
    const win = electronDataPaths({
      appData: 'C:\\Users\\u\\AppData\\Roaming',
      env: { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' },
      platform: 'win32',
      userDataSwitch: false,
    });
    expect(win).toEqual({
      userData: path.join('C:\\Users\\u\\AppData\\Roaming', 'yandu'),
      sessionData: path.join('C:\\Users\\u\\AppData\\Local', 'yandu'),
    });
  });

  it('leaves a --user-data-dir switch alone and honours YANDU_DATA_DIR', () => {
    expect(electronDataPaths({ appData: '/a', env: { YANDU_DATA_DIR: '/d' }, platform: 'win32', userDataSwitch: true })).toEqual({
      userData: null,
      sessionData: null,
    });
    expect(
      electronDataPaths({ appData: '/a', env: { YANDU_DATA_DIR: '/d', LOCALAPPDATA: 'C:\\L' }, platform: 'win32', userDataSwitch: false }),
    ).toEqual({
      userData: path.resolve('/d'),
      sessionData: null,
    });
  });
});

describe('prepareApp', () => {
  it('on Linux moves ~/.config/研读 to ~/.config/yandu once and pins userData there', () => {
    const home = path.join(dir, 'home');
    const appData = path.join(home, '.config');
    useAppData(appData);
    makeProfile(path.join(appData, '研读'));
    const result = prepareApp(stubApp, { env: { HOME: home }, platform: 'linux' });
    const pinned = path.join(appData, 'yandu');
    expect(result).toMatchObject({ ok: true, dataDir: pinned });
    expect(app.getPath('userData')).toBe(pinned);
    expect(readFileSync(path.join(pinned, 'IndexedDB', 'app_yandu_0.indexeddb.leveldb', '000003.log'), 'utf8')).toBe('library');
    expect(existsSync(path.join(appData, '研读'))).toBe(false);
    // Not on Windows: no taskbar id (Electron has no such function elsewhere).
    expect(app.appUserModelId).toBeNull();
    // The move is logged in the data folder.
    expect(readFileSync(path.join(pinned, 'logs', 'main.log'), 'utf8')).toMatch(/\[data\] data folder moved from .*研读 to .*yandu/);
    expect(dialog.calls).toEqual([]);
  });

  it('on Linux prefers the browser host’s ~/.local/share/yandu and leaves ~/.config/研读 as it is', () => {
    const home = path.join(dir, 'home');
    const appData = path.join(home, '.config');
    useAppData(appData);
    makeProfile(path.join(home, '.local', 'share', 'yandu'));
    writeFileSync(path.join(home, '.local', 'share', 'yandu', 'host.json'), '{"port":43117}');
    makeProfile(path.join(appData, '研读'));
    const result = prepareApp(stubApp, { env: { HOME: home }, platform: 'linux' });
    expect(result.ok).toBe(true);
    expect(readFileSync(path.join(appData, 'yandu', 'host.json'), 'utf8')).toBe('{"port":43117}');
    expect(existsSync(path.join(appData, '研读', 'backups', 'daily.yandu'))).toBe(true);
  });

  it('on Windows sets the taskbar id and keeps Chromium storage under LOCALAPPDATA, moving an earlier library there', () => {
    const roaming = path.join(dir, 'Roaming');
    const local = path.join(dir, 'Local');
    useAppData(roaming);
    makeProfile(path.join(roaming, '研读'));
    const result = prepareApp(stubApp, { env: { APPDATA: roaming, LOCALAPPDATA: local }, platform: 'win32' });
    expect(result.ok).toBe(true);
    expect(app.appUserModelId).toBe(APP_USER_MODEL_ID);
    const yml = readFileSync(new URL('electron-builder.yml', root), 'utf8');
    expect(yml).toMatch(new RegExp(`^appId: ${APP_USER_MODEL_ID.replace(/\./g, '\\.')}$`, 'm'));
    expect(app.getPath('userData')).toBe(path.join(roaming, 'yandu'));
    expect(app.getPath('sessionData')).toBe(path.join(local, 'yandu'));
    // userData first (Electron resets sessionData with it), then sessionData.
    expect(app.setPathCalls.map(([name]) => name)).toEqual(['userData', 'sessionData']);
    // The library (IndexedDB) followed sessionData; backups stay in the roaming data folder.
    expect(readFileSync(path.join(local, 'yandu', 'IndexedDB', 'app_yandu_0.indexeddb.leveldb', '000003.log'), 'utf8')).toBe('library');
    expect(existsSync(path.join(roaming, 'yandu', 'IndexedDB'))).toBe(false);
    expect(readFileSync(path.join(roaming, 'yandu', 'backups', 'daily.yandu'), 'utf8')).toBe('backup');
  });

  it('never moves a library over one already in sessionData', () => {
    const roaming = path.join(dir, 'Roaming');
    const local = path.join(dir, 'Local');
    useAppData(roaming);
    makeProfile(path.join(roaming, 'yandu'));
    mkdirSync(path.join(local, 'yandu', 'IndexedDB'), { recursive: true });
    writeFileSync(path.join(local, 'yandu', 'IndexedDB', 'newer'), 'x');
    expect(prepareApp(stubApp, { env: { APPDATA: roaming, LOCALAPPDATA: local }, platform: 'win32' }).ok).toBe(true);
    expect(readdirSync(path.join(local, 'yandu', 'IndexedDB'))).toEqual(['newer']);
    expect(existsSync(path.join(roaming, 'yandu', 'IndexedDB', 'app_yandu_0.indexeddb.leveldb'))).toBe(true);
  });

  it('keeps using the earlier folder when it cannot be moved, rather than starting empty', () => {
    const home = path.join(dir, 'home');
    const appData = path.join(home, '.config');
    useAppData(appData);
    makeProfile(path.join(home, '.local', 'share', 'yandu'));
    // <appData>/yandu cannot be created: a file is in the way.
    mkdirSync(appData, { recursive: true });
    writeFileSync(path.join(appData, 'yandu'), 'not a folder');
    const result = prepareApp(stubApp, { env: { HOME: home }, platform: 'linux' });
    expect(result.ok).toBe(false);
    // A file named yandu counts as "the new folder exists": nothing is moved, and start-up
    // stops with a message instead of writing a library somewhere unexpected.
    expect(existsSync(path.join(home, '.local', 'share', 'yandu', 'backups', 'daily.yandu'))).toBe(true);
  });

  it('falls back to the earlier folder when the move itself fails', () => {
    const home = path.join(dir, 'home');
    const appData = path.join(home, '.config');
    useAppData(appData);
    const legacy = path.join(home, '.local', 'share', 'yandu');
    makeProfile(legacy);
    // ~/.config is a file: the new folder's parent cannot be created.
    mkdirSync(home, { recursive: true });
    writeFileSync(appData, 'not a folder');
    const result = prepareApp(stubApp, { env: { HOME: home }, platform: 'linux' });
    expect(result).toMatchObject({ ok: true, dataDir: legacy });
    expect(app.getPath('userData')).toBe(legacy);
    expect(readFileSync(path.join(legacy, 'logs', 'main.log'), 'utf8')).toContain('could not move data folder');
  });

  it('keeps a --user-data-dir given on the command line', () => {
    const given = path.join(dir, 'profile');
    app.switches.add('user-data-dir');
    app.paths.set('userData', given);
    app.paths.set('sessionData', given);
    expect(prepareApp(stubApp, { env: {}, platform: 'linux' })).toMatchObject({ ok: true, dataDir: given });
    expect(app.setPathCalls).toEqual([]);
  });

  it('refuses an unwritable data folder with a Chinese message and a log line, before taking the lock', () => {
    writeFileSync(path.join(dir, 'file'), 'x');
    const target = path.join(dir, 'file', 'yandu');
    const lock = vi.spyOn(app, 'requestSingleInstanceLock');
    const result = prepareApp(stubApp, { env: { YANDU_DATA_DIR: target }, platform: 'linux' });
    expect(result.ok).toBe(false);
    if (result.ok || result.quiet) throw new Error('expected a message');
    expect(result.message).toContain(target);
    expect(result.message).toContain('数据文件夹不可写');
    expect(lock).not.toHaveBeenCalled();
    const log = readFileSync(path.join(dir, 'tmp', 'yandu-logs', 'main.log'), 'utf8');
    expect(log).toContain(`data folder not writable: ${target}`);
    expect(result.message).toContain(path.join(dir, 'tmp', 'yandu-logs', 'main.log'));
  });

  it('leaves quietly when another copy holds the lock (it shows its own window)', () => {
    const userData = path.join(dir, 'profile');
    mkdirSync(userData);
    symlinkSync(`${hostname()}-${process.pid}`, path.join(userData, 'SingletonLock'));
    app.singleInstanceLock = false;
    expect(prepareApp(stubApp, { env: { YANDU_DATA_DIR: userData }, platform: 'linux' })).toEqual({ ok: false, quiet: true });
    expect(readFileSync(path.join(userData, 'logs', 'main.log'), 'utf8')).toContain('another copy is running');
  });

  it('explains a profile locked by another computer (NFS home, cloned machine)', () => {
    const userData = path.join(dir, 'profile');
    mkdirSync(userData);
    symlinkSync('cloned-pc-4242', path.join(userData, 'SingletonLock'));
    app.singleInstanceLock = false;
    const result = prepareApp(stubApp, { env: { YANDU_DATA_DIR: userData }, platform: 'linux', hostname: 'this-pc' });
    if (result.ok || result.quiet) throw new Error('expected a message');
    expect(result.message).toContain('另一台计算机（cloned-pc）');
    expect(result.message).toContain(userData);
    expect(readFileSync(path.join(userData, 'logs', 'main.log'), 'utf8')).toContain('single-instance lock failed');
  });
});

describe('prepareApp: the data folder lock (shared with the browser host)', () => {
  function holdAs(userData: string, host: 'browser' | 'desktop', address: string | null = null): void {
    mkdirSync(path.join(userData, 'backups'), { recursive: true });
    writeFileSync(path.join(userData, 'backups', '2026-12-01-auto.yandubak'), 'the other copy’s backup');
    // The holder: a live process on this machine (this test's parent stands in for it).
    const record = { version: 1, pid: process.ppid, host, startedAt: new Date().toISOString(), address, hostname: hostname(), id: 'other' };
    writeFileSync(path.join(userData, LOCK_FILE), JSON.stringify(record));
  }

  it('takes the lock as the desktop app and hands it back for release on quit', () => {
    const userData = path.join(dir, 'profile');
    const result = prepareApp(stubApp, { env: { YANDU_DATA_DIR: userData }, platform: 'linux' });
    if (!result.ok) throw new Error('expected to start');
    expect(readDataLock(userData)).toMatchObject({ pid: process.pid, host: 'desktop', address: null });
    result.lock.release();
    expect(existsSync(path.join(userData, LOCK_FILE))).toBe(false);
  });

  it('a browser host on the folder: refused with its address, nothing in the folder changed, Electron’s profile sent elsewhere', () => {
    const userData = path.join(dir, 'profile');
    holdAs(userData, 'browser', 'http://127.0.0.1:18555/?token=t0ken');
    const before = snapshot(userData);
    const chromiumLock = vi.spyOn(app, 'requestSingleInstanceLock');
    const result = prepareApp(stubApp, { env: { YANDU_DATA_DIR: userData }, platform: 'linux' });
    if (result.ok || result.quiet) throw new Error('expected a message');
    expect(result.message).toContain('另一个研读浏览器版正在使用这个数据文件夹');
    expect(result.message).toContain('http://127.0.0.1:18555/?token=t0ken');
    expect(result.message).toContain('改用桌面版');
    expect(result.message).toContain('another Yandu browser host is using this data folder');
    expect(chromiumLock).not.toHaveBeenCalled();
    // 'ready' (needed for the dialog on Linux) creates Electron's profile: not in the data folder.
    expect(app.getPath('userData')).not.toBe(userData);
    expect(app.getPath('sessionData')).not.toBe(userData);
    expect(app.getPath('userData').startsWith(path.join(dir, 'tmp'))).toBe(true);
    expect(snapshot(userData)).toEqual(before);
    // The log line names the holder without its address (which carries the access token).
    const log = readFileSync(path.join(dir, 'tmp', 'yandu-logs', 'main.log'), 'utf8');
    expect(log).toContain(`data folder in use: ${userData}`);
    expect(log).not.toContain('t0ken');
  });

  it('another desktop copy on the folder: asked to show itself (Chromium’s lock), we leave quietly and change nothing', () => {
    const userData = path.join(dir, 'profile');
    holdAs(userData, 'desktop');
    const before = snapshot(userData);
    app.singleInstanceLock = false;
    const chromiumLock = vi.spyOn(app, 'requestSingleInstanceLock');
    expect(prepareApp(stubApp, { env: { YANDU_DATA_DIR: userData }, platform: 'linux' })).toEqual({ ok: false, quiet: true });
    expect(chromiumLock).toHaveBeenCalledTimes(1);
    expect(snapshot(userData)).toEqual(before);
  });

  it('a desktop lock whose process is gone (killed, crashed) is taken over', () => {
    const userData = path.join(dir, 'profile');
    holdAs(userData, 'desktop');
    const result = prepareApp(stubApp, { env: { YANDU_DATA_DIR: userData }, platform: 'linux', isAlive: () => false });
    if (!result.ok) throw new Error('expected to start');
    expect(readDataLock(userData)).toMatchObject({ pid: process.pid, host: 'desktop' });
    result.lock.release();
  });
});

describe('diagnoseLockFailure', () => {
  it('tells a running copy, another host, a stale lock and no lock apart', () => {
    const userData = path.join(dir, 'p');
    mkdirSync(userData);
    expect(diagnoseLockFailure(userData, { env: {}, platform: 'linux' })).toMatchObject({ kind: 'unknown' });
    symlinkSync('this-pc-77', path.join(userData, 'SingletonLock'));
    const alive = new Set<number>([77]);
    const host = { env: {}, platform: 'linux' as const, hostname: 'this-pc', isAlive: (pid: number) => alive.has(pid) };
    expect(diagnoseLockFailure(userData, host)).toEqual({ kind: 'another-instance' });
    alive.clear();
    expect(diagnoseLockFailure(userData, host)).toMatchObject({ kind: 'unknown', detail: expect.stringContaining('no such process') });
    expect(diagnoseLockFailure(userData, { ...host, hostname: 'other-pc' })).toEqual({ kind: 'in-use-elsewhere', host: 'this-pc' });
    // Windows: the lock is a mutex; a refusal means a running copy.
    expect(diagnoseLockFailure(path.join(dir, 'none'), { env: {}, platform: 'win32' })).toEqual({ kind: 'another-instance' });
  });
});

describe('reporting a fatal start-up error', () => {
  it('on Linux waits for ready (a dialog before it only reaches stderr), then shows it and exits 1', async () => {
    app.ready = false;
    let release: () => void = () => undefined;
    vi.spyOn(app, 'whenReady').mockImplementation(() => new Promise<void>((resolve) => (release = resolve)));
    const shown = reportFatal(stubApp, dialog, 'linux', '数据文件夹不可写');
    await Promise.resolve();
    expect(dialog.calls).toEqual([]);
    expect(app.exitCode).toBeNull();
    release();
    await shown;
    expect(dialog.calls).toEqual([{ method: 'showErrorBox', args: [STARTUP_ERROR_TITLE, '数据文件夹不可写'] }]);
    expect(app.exitCode).toBe(1);
  });

  it('on Windows shows it at once (safe before ready)', async () => {
    app.ready = false;
    await reportFatal(stubApp, dialog, 'win32', '无法锁定数据文件夹');
    expect(dialog.calls.map((c) => c.method)).toEqual(['showErrorBox']);
    expect(app.exitCode).toBe(1);
  });
});

describe('checkWritable and the log', () => {
  it('creates the folder and leaves no probe behind; names the cause when it cannot', () => {
    const ok = path.join(dir, 'a', 'b');
    expect(checkWritable(ok)).toBeNull();
    expect(readdirSync(ok)).toEqual([]);
    writeFileSync(path.join(dir, 'f'), 'x');
    expect(checkWritable(path.join(dir, 'f', 'x'))).toBe('ENOTDIR');
  });

  it('writes to the first log folder that works', () => {
    writeFileSync(path.join(dir, 'blocked'), 'x');
    const file = writeStartupLog([path.join(dir, 'blocked', 'logs'), path.join(dir, 'fallback')], 'line one');
    expect(file).toBe(path.join(dir, 'fallback', 'main.log'));
    expect(readFileSync(file ?? '', 'utf8')).toMatch(/^\d{4}-\d{2}-\d{2}T.* line one\n$/);
  });
});
