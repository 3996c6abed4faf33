import type { Session, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createMainWindow,
  CRASH_MESSAGE,
  guardWebContents,
  handleWindowOpen,
  hardenSession,
  mainWindowOptions,
  permissionDecision,
  SHOW_FALLBACK_MS,
  watchPage,
  WINDOW_TITLE,
} from '../../main/electron/window';
import { BrowserWindow, resetElectronStub, session, shell, StubEvent, StubWebContents } from '../stubs/electron';

const PRELOAD = '/opt/yandu/resources/app.asar/dist/electron/preload.cjs';

function openWindow(openExternal?: (url: string) => void): BrowserWindow {
  createMainWindow({ preloadPath: PRELOAD, url: 'app://yandu/index.html', ...(openExternal ? { openExternal } : {}) });
  const win = BrowserWindow.instances.at(-1);
  if (!win) throw new Error('no window created');
  return win;
}

describe('mainWindowOptions', () => {
  it('sets every security-relevant web preference', () => {
    const options = mainWindowOptions(PRELOAD);
    expect(options.webPreferences).toEqual({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      spellcheck: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('titles the window 研读, paints a background and waits for ready-to-show', () => {
    const options = mainWindowOptions(PRELOAD);
    expect(options.title).toBe('研读');
    expect(WINDOW_TITLE).toBe('研读');
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.show).toBe(false);
  });
});

describe('createMainWindow', () => {
  beforeEach(() => resetElectronStub());

  it('builds the window from mainWindowOptions and loads the app URL', () => {
    const win = openWindow();
    expect(win.options).toEqual(mainWindowOptions(PRELOAD));
    expect(win.loadedUrls).toEqual(['app://yandu/index.html']);
  });

  it('shows the window on ready-to-show, once', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const win = openWindow();
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
    win.webContents.emit('did-fail-load', new StubEvent(), -3, 'ERR_ABORTED', 'app://yandu/index.html', true);
    expect(win.shows).toBe(1);
    vi.restoreAllMocks();
  });

  it('keeps the title 研读 when the page sets its own', () => {
    const win = openWindow();
    const event = new StubEvent();
    win.emit('page-title-updated', event, 'Vite App');
    expect(event.defaultPrevented).toBe(true);
  });

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    const win = openWindow();
    for (const url of ['https://www.example.com/', 'app://yandu/other.html', 'file:///etc/passwd']) {
      const event = new StubEvent();
      win.webContents.emit(name, event, url);
      expect(event.defaultPrevented).toBe(true);
    }
  });

  it('denies window.open and hands only http(s) links to shell.openExternal', async () => {
    const win = openWindow();
    const handler = win.webContents.windowOpenHandler;
    expect(handler).not.toBeNull();
    for (const url of [
      'https://www.gov.cn/xinwen/',
      'http://10.0.0.8/dj/index.html',
      'javascript:alert(1)',
      'file:///C:/Windows/System32/calc.exe',
      'app://yandu/index.html',
      'ms-settings:privacy',
      'smb://server/share',
      'https://user:pass@example.com/',
      'data:text/html,<script>alert(1)</script>',
      '',
    ]) {
      expect(handler?.({ url })).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(shell.opened).toEqual(['https://www.gov.cn/xinwen/', 'http://10.0.0.8/dj/index.html']);
  });

  it('uses the injected openExternal when given', () => {
    const openExternal = vi.fn();
    const win = openWindow(openExternal);
    win.webContents.windowOpenHandler?.({ url: 'https://www.example.com/' });
    win.webContents.windowOpenHandler?.({ url: 'javascript:void 0' });
    expect(openExternal.mock.calls).toEqual([['https://www.example.com/']]);
    expect(shell.opened).toEqual([]);
  });
});

describe('guardWebContents', () => {
  it('guards any web contents once', () => {
    const contents = new StubWebContents();
    const openExternal = vi.fn();
    guardWebContents(contents as unknown as WebContents, openExternal);
    guardWebContents(contents as unknown as WebContents, openExternal);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-redirect')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });

  it('handleWindowOpen always denies', () => {
    const openExternal = vi.fn();
    expect(handleWindowOpen('https://a.example/', openExternal)).toEqual({ action: 'deny' });
    expect(handleWindowOpen('file:///x', openExternal)).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://a.example/']]);
  });
});

describe('hardenSession', () => {
  beforeEach(() => resetElectronStub());

  function harden(allowed: readonly string[] = []) {
    const ses = session.defaultSession;
    hardenSession(ses as unknown as Session, { allowedOrigins: () => allowed });
    return ses;
  }

  it('denies every other permission request and check', () => {
    const ses = harden();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      (ses.permissionRequestHandler as (c: unknown, p: string, cb: (ok: boolean) => void) => void)({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect((ses.permissionCheckHandler as (c: unknown, p: string) => boolean)({}, permission)).toBe(false);
    }
    expect((ses.devicePermissionHandler as (d: unknown) => boolean)({ deviceType: 'usb' })).toBe(false);
  });

  it('turns the spell checker off and never lets it download dictionaries', () => {
    const ses = harden();
    expect(ses.spellCheckerEnabled).toBe(false);
    expect(new URL(ses.spellCheckerDictionaryDownloadURL ?? '').hostname).toBe('127.0.0.1');
  });

  it('blocks every request but app:, devtools: and configured origins', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const ses = harden(['https://dj.example.cn']);
    expect(ses.decide('app://yandu/assets/index.js')).toEqual({ cancel: false });
    expect(ses.decide('devtools://devtools/bundled/inspector.html')).toEqual({ cancel: false });
    expect(ses.decide('https://dj.example.cn/rss.xml')).toEqual({ cancel: false });
    expect(ses.decide('https://fonts.googleapis.com/css2?family=Noto+Serif+SC')).toEqual({ cancel: true });
    expect(ses.decide('https://clients2.google.com/service/update2/crx')).toEqual({ cancel: true });
    expect(ses.decide('file:///etc/passwd')).toEqual({ cancel: true });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('showing the window without ready-to-show', () => {
  beforeEach(() => {
    resetElectronStub();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('shows it when the main frame fails to load, not when a sub-frame does', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const win = openWindow();
    win.webContents.emit('did-fail-load', new StubEvent(), -6, 'ERR_FILE_NOT_FOUND', 'app://yandu/frame.html', false);
    expect(win.visible).toBe(false);
    win.webContents.emit('did-fail-load', new StubEvent(), -6, 'ERR_FILE_NOT_FOUND', 'app://yandu/index.html', true);
    expect(win.visible).toBe(true);
    expect(error).toHaveBeenCalledTimes(1);
    // The fallback timer was cleared: no second show.
    vi.advanceTimersByTime(SHOW_FALLBACK_MS * 2);
    expect(win.shows).toBe(1);
  });

  it('shows it after the fallback delay when ready-to-show never comes (GPU trouble)', () => {
    const win = openWindow();
    vi.advanceTimersByTime(SHOW_FALLBACK_MS - 1);
    expect(win.visible).toBe(false);
    vi.advanceTimersByTime(1);
    expect(win.visible).toBe(true);
    win.emit('ready-to-show');
    expect(win.shows).toBe(1);
  });

  it('does not show a window closed before the delay', () => {
    const win = openWindow();
    win.close();
    vi.advanceTimersByTime(SHOW_FALLBACK_MS);
    expect(win.shows).toBe(0);
  });
});

describe('watchPage', () => {
  beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => vi.restoreAllMocks());

  function watched(maxReloads?: number) {
    const contents = new StubWebContents();
    const gone: string[] = [];
    const notices: string[] = [];
    watchPage(contents as unknown as WebContents, {
      onPageGone: (reason) => gone.push(reason),
      notifyCrash: (message) => notices.push(message),
      ...(maxReloads === undefined ? {} : { maxReloads }),
    });
    return { contents, gone, notices };
  }

  it('ignores the first load and a refused navigation; a committed reload ends the page', () => {
    const { contents, gone } = watched();
    contents.emit('did-navigate', new StubEvent(), 'app://yandu/index.html', 200, 'OK');
    expect(gone).toEqual([]);
    // will-navigate refused it: did-start-navigation may fire, nothing commits.
    contents.emit('did-start-navigation', { url: 'https://evil.example/', isMainFrame: true, isSameDocument: false });
    expect(gone).toEqual([]);
    contents.emit('did-navigate-in-page', new StubEvent(), 'app://yandu/index.html#/reader/1', true);
    expect(gone).toEqual([]);
    contents.emit('did-navigate', new StubEvent(), 'app://yandu/index.html', 200, 'OK');
    expect(gone).toEqual(['navigated']);
  });

  it('after a crash stops the runs and reloads, up to maxReloads, then says what happened', () => {
    const { contents, gone, notices } = watched(2);
    contents.emit('did-navigate', new StubEvent(), 'app://yandu/index.html', 200, 'OK');
    for (const reason of ['crashed', 'oom', 'killed']) {
      contents.emit('render-process-gone', new StubEvent(), { reason, exitCode: 139 });
    }
    expect(gone).toEqual(['crashed', 'crashed', 'crashed']);
    expect(contents.reloads).toBe(2);
    expect(notices).toEqual([CRASH_MESSAGE]);
    expect(CRASH_MESSAGE).toMatch(/[\u4e00-\u9fff]/);
  });

  it('does not reload a web contents that is already destroyed', () => {
    const { contents, gone, notices } = watched();
    contents.destroyed = true;
    contents.emit('render-process-gone', new StubEvent(), { reason: 'killed', exitCode: 9 });
    expect(gone).toEqual(['crashed']);
    expect(contents.reloads).toBe(0);
    expect(notices).toEqual([]);
  });

  it('a clean exit (the window closing) ends the page without a reload', () => {
    const { contents, gone, notices } = watched();
    contents.emit('render-process-gone', new StubEvent(), { reason: 'clean-exit', exitCode: 0 });
    expect(gone).toEqual(['closed']);
    expect(contents.reloads).toBe(0);
    expect(notices).toEqual([]);
  });
});

describe('permissionDecision', () => {
  const APP = 'app://yandu/index.html#/reader/1';

  it('grants clipboard writing and persistent storage to our main frame only', () => {
    expect(permissionDecision('clipboard-sanitized-write', APP, true)).toBe(true);
    expect(permissionDecision('persistent-storage', APP, true)).toBe(true);
    expect(permissionDecision('persistent-storage', 'app://yandu', true)).toBe(true);
    // Sub-frames, other origins, unknown frames.
    expect(permissionDecision('clipboard-sanitized-write', APP, false)).toBe(false);
    expect(permissionDecision('clipboard-sanitized-write', APP, undefined)).toBe(false);
    for (const url of ['https://dj.example.cn/', 'app://other/index.html', 'file:///etc/passwd', 'app://user@yandu/', '', undefined]) {
      expect(permissionDecision('clipboard-sanitized-write', url, true), String(url)).toBe(false);
      expect(permissionDecision('persistent-storage', url, true), String(url)).toBe(false);
    }
  });

  it('denies everything else, reading the clipboard included', () => {
    for (const permission of [
      'clipboard-read',
      'deprecated-sync-clipboard-read',
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'fullscreen',
      'local-fonts',
      'unknown',
    ]) {
      expect(permissionDecision(permission, APP, true), permission).toBe(false);
    }
  });
});

describe('hardenSession permissions through the stub', () => {
  beforeEach(() => resetElectronStub());

  it("answers requests and checks with permissionDecision, using Electron's details", () => {
    const ses = session.defaultSession;
    hardenSession(ses as unknown as Session, { allowedOrigins: () => [] });
    const request = ses.permissionRequestHandler as (c: unknown, p: string, cb: (ok: boolean) => void, d: unknown) => void;
    const check = ses.permissionCheckHandler as (c: unknown, p: string, origin: string, d: unknown) => boolean;
    const asked: Array<[string, boolean]> = [];
    for (const [permission, url, isMainFrame] of [
      ['clipboard-sanitized-write', 'app://yandu/index.html', true],
      ['persistent-storage', 'app://yandu/index.html', true],
      ['clipboard-sanitized-write', 'app://yandu/index.html', false],
      ['clipboard-read', 'app://yandu/index.html', true],
      ['persistent-storage', 'https://evil.example/', true],
    ] as const) {
      request({}, permission, (ok) => asked.push([permission, ok]), { requestingUrl: url, isMainFrame });
    }
    expect(asked).toEqual([
      ['clipboard-sanitized-write', true],
      ['persistent-storage', true],
      ['clipboard-sanitized-write', false],
      ['clipboard-read', false],
      ['persistent-storage', false],
    ]);
    // Checks: Electron gives the requesting origin, and the URL and frame in details.
    expect(check({}, 'clipboard-sanitized-write', 'app://yandu', { isMainFrame: true, requestingUrl: 'app://yandu/index.html' })).toBe(
      true,
    );
    expect(check({}, 'persistent-storage', 'app://yandu', { isMainFrame: true })).toBe(true);
    expect(check({}, 'persistent-storage', 'app://yandu', { isMainFrame: false })).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'https://evil.example', { isMainFrame: true })).toBe(false);
    expect(check({}, 'clipboard-read', 'app://yandu', { isMainFrame: true })).toBe(false);
  });
});
