import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createMainWindow,
  guardWebContents,
  handleWindowOpen,
  hardenSession,
  mainWindowOptions,
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

  it('shows the window only on ready-to-show', () => {
    const win = openWindow();
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
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

  it('denies every permission request and check', () => {
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
