/**
 * The main window and the guards every web contents and the session get: no navigation, no
 * pop-ups, no webviews, no permissions but the two the app needs, no request that is not on
 * the allow-list.
 */
import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { isSafeExternalUrl } from '../services/app-services';
import { isAllowedRequest, isAppUrl } from './app-protocol';
import { appLog, code } from '../services/log';

export const WINDOW_TITLE = '研读';
export const WINDOW_BACKGROUND = '#f7f5f0';

export interface MainWindowDeps {
  /** Absolute path of dist/electron/preload.cjs. */
  preloadPath: string;
  /** The page to load, normally app://yandu/index.html. */
  url: string;
  /** Opens a vetted http(s) link in the system browser; defaults to shell.openExternal. */
  openExternal?: (url: string) => void;
  /** Show the window after this long even without ready-to-show (default SHOW_FALLBACK_MS). */
  showAfterMs?: number;
}

/** How long to wait for ready-to-show before showing the window anyway. */
export const SHOW_FALLBACK_MS = 8_000;

/** Every option of the main window; pure, so a test can assert each one. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    backgroundColor: WINDOW_BACKGROUND,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
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
      // Middle-click (auxclick) would open links in new windows: not a feature we use.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** Opens a link outside the app through the shell, reporting (not swallowing) failures. */
export function openWithShell(url: string): void {
  shell.openExternal(url).catch((error: unknown) => console.error('[window] openExternal failed:', error));
}

/** What a window-open request should do: always deny; pass vetted http(s) links to the shell. */
export function handleWindowOpen(url: string, openExternal: (url: string) => void): { action: 'deny' } {
  if (isSafeExternalUrl(url)) openExternal(url);
  return { action: 'deny' };
}

const guarded = new WeakSet<object>();

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Locks down one web contents: renderer-initiated navigation and redirects are prevented,
 * webviews never attach, window.open and target=_blank are denied (http(s) links go to the
 * system browser). Idempotent.
 */
export function guardWebContents(contents: GuardedContents, openExternal: (url: string) => void = openWithShell): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => handleWindowOpen(url, openExternal));
}

export interface SessionPolicy {
  /** Origins (https://host[:port]) the app may fetch from: the user's configured sources. */
  allowedOrigins: () => readonly string[];
}

type HardenedSession = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setSpellCheckerEnabled'
  | 'setSpellCheckerDictionaryDownloadURL'
  | 'webRequest'
>;

/**
 * The permissions the app's own page gets: writing to the clipboard (复制引用 uses
 * navigator.clipboard.writeText) and persistent storage (so the IndexedDB library is not
 * evicted). Never reading the clipboard, never anything else.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'persistent-storage']);

/** Whether a permission request or check is granted: one of the two, from app://yandu's main frame only. */
export function permissionDecision(permission: string, requestingUrl: string | undefined, isMainFrame: boolean | undefined): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isMainFrame === true && typeof requestingUrl === 'string' && isAppUrl(requestingUrl);
}

/**
 * Session-wide rules: permission requests and checks are denied but for `permissionDecision`,
 * spell-checker dictionaries are never downloaded, and a request leaves only if
 * `isAllowedRequest` says so.
 */
export function hardenSession(ses: HardenedSession, policy: SessionPolicy): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionDecision(permission, details?.requestingUrl, details?.isMainFrame)),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionDecision(permission, details?.requestingUrl ?? requestingOrigin, details?.isMainFrame),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  // Never fetch hunspell dictionaries from Google's CDN: point the downloader at a loopback
  // port nobody listens on (the discard port), so nothing goes on the wire.
  ses.setSpellCheckerDictionaryDownloadURL('http://127.0.0.1:9/');
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, policy.allowedOrigins());
    if (!allowed) console.warn(`[network] blocked ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}

/** Creates the main window: shown when ready, title kept as 研读, every guard applied. */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  // Spelled out as a literal (not `mainWindowOptions(...)`) so static analysis
  // (electronegativity, `npm run security`) sees the real options; a unit test keeps the two equal.
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    backgroundColor: WINDOW_BACKGROUND,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: deps.preloadPath,
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
    },
  });
  guardWebContents(win.webContents, deps.openExternal ?? openWithShell);
  win.on('page-title-updated', (event) => event.preventDefault());
  showWhenReady(win, win.webContents, deps.showAfterMs ?? SHOW_FALLBACK_MS);
  win.loadURL(deps.url).catch((error: unknown) => console.error(`[window] could not load ${deps.url}:`, error));
  return win;
}

type ShowableWindow = Pick<BrowserWindow, 'once' | 'show' | 'isDestroyed' | 'isVisible'>;
type LoadingContents = Pick<WebContents, 'on'>;

/**
 * Shows the window on ready-to-show, or when the main frame fails to load, or after `fallbackMs`,
 * whichever comes first: with GPU trouble (common on domestic hardware) ready-to-show may never
 * come, and an invisible running app looks like one that did not start.
 */
export function showWhenReady(win: ShowableWindow, contents: LoadingContents, fallbackMs: number): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const show = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  };
  win.once('ready-to-show', show);
  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame) return;
    console.error(`[window] ${validatedURL} failed to load: ${errorDescription} (${errorCode})`);
    show();
  });
  timer = setTimeout(show, fallbackMs);
  win.once('closed', () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  });
}

export type PageGoneReason = 'navigated' | 'crashed' | 'closed';

export interface PageWatchDeps {
  /** The page that drove syncs is gone: its runs will never be acknowledged. */
  onPageGone: (reason: PageGoneReason) => void;
  /** Tells the user the page stopped for good (after `maxReloads` crashes). */
  notifyCrash: (message: string) => void;
  /** Reloads after a crash, at most this many times per window (default 2). */
  maxReloads?: number;
}

/** Shown when the page has crashed more often than it is reloaded. */
export const CRASH_MESSAGE =
  '研读的页面多次意外退出，已停止自动重新加载。已保存的数据不受影响；请关闭并重新打开研读。若反复出现，请查看日志或联系管理员。';

/**
 * Follows the main page's life. A committed main-frame navigation (a reload) after the first
 * load means a new page: `did-navigate`, not `did-start-navigation`, because a navigation that
 * will-navigate refuses never commits and must not stop anything. A renderer that is gone
 * (not a clean exit) stops the runs and is reloaded, or, after `maxReloads`, reported.
 */
export function watchPage(contents: Pick<WebContents, 'on' | 'reload' | 'isDestroyed'>, deps: PageWatchDeps): void {
  let loads = 0;
  let crashes = 0;
  const maxReloads = deps.maxReloads ?? 2;
  contents.on('did-navigate', () => {
    loads++;
    if (loads > 1) deps.onPageGone('navigated');
  });
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') {
      deps.onPageGone('closed');
      return;
    }
    console.error(`[window] renderer gone: ${details.reason} (exit code ${details.exitCode})`);
    appLog.error('window.renderer_gone', { reason: code(details.reason), exitCode: details.exitCode });
    deps.onPageGone('crashed');
    // A window being torn down (app quitting) has nothing left to reload.
    if (contents.isDestroyed()) return;
    crashes++;
    if (crashes <= maxReloads) contents.reload();
    else deps.notifyCrash(CRASH_MESSAGE);
  });
}
