/**
 * Electron entry (bundled to dist/electron/main.cjs, 'electron' external). Wiring only: the
 * logic lives in startup.ts, app-protocol.ts, ipc.ts, window.ts and session-fetch.ts, and the
 * services in main/services/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, crashReporter, dialog, ipcMain, Menu, net, protocol, safeStorage, session, shell } from 'electron';
import { safeStorageBox } from '../services/channel/store';
import { createServices } from '../services/app-services';
import { createQuitGate } from '../services/backup/quit';
import { appLog, code, errorFields, openAppLog } from '../services/log';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_START_URL, createAppProtocolHandler, RENDERER_ALLOWED_ORIGINS } from './app-protocol';
import { mediaDir } from '../services/paths';
import { PDF_OPTIONS, PRINT_DIALOG_OPTIONS, type PrintHost } from '../services/print/pdf';
import { createSyncDeps } from '../services/sync-wiring';
import { registerIpc, sendEvent } from './ipc';
import { holdForFinalBackup } from './quit';
import { createSessionFetch, guardSyncSession } from './session-fetch';
import { logDirs, prepareApp, reportFatal, startupFailedMessage, writeStartupLog, type Prepared } from './startup';
import { createMainWindow, guardWebContents, hardenSession, openWithShell, watchPage } from './window';

// All of this must happen before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
/** Called when the page that drives syncs goes away (crash, reload, close): no ack will come. */
let onRendererGone: () => void = () => undefined;

const rendererDir = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

/** How long a quit waits for the page's final backup. */
const QUIT_TIMEOUT_MS = 15_000;
const quitGate = createQuitGate();

/** Tells the page the app is quitting; how many pages were told. */
function tellPageQuitting(): number {
  if (!mainWindow || mainWindow.isDestroyed()) return 0;
  sendEvent(mainWindow.webContents, 'app.quitting', { timeoutMs: QUIT_TIMEOUT_MS });
  return 1;
}

function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow({ preloadPath, url: APP_START_URL, openExternal: openWithShell });
    const win = mainWindow;
    // Closing the window quits the app (Windows, Linux): the page backs up first.
    holdForFinalBackup(win, 'close', quitGate, tellPageQuitting, QUIT_TIMEOUT_MS, () => {
      if (!win.isDestroyed()) win.close();
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
      onRendererGone();
    });
    // A reload or a crash ends the page: its runs would wait for acknowledgements forever.
    watchPage(mainWindow.webContents, {
      onPageGone: () => onRendererGone(),
      notifyCrash: (message) => {
        writeStartupLog(logDirs(app.getPath('userData')), `[window] ${message}`);
        dialog.showErrorBox('研读', message);
      },
    });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/**
 * What the renderer's session may fetch over http(s): nothing. Sources are fetched by main under
 * each source's network policy (main/services/sync/net-policy.ts) in the 'sync' session; this
 * list governs only the renderer, and stays empty.
 */
function allowedOrigins(): readonly string[] {
  return RENDERER_ALLOWED_ORIGINS;
}

/**
 * Unpackaged, `app.getAppPath()` is the project root when started as `electron .`, but the
 * script's own folder (dist/electron) when started as `electron dist/electron/main.cjs`.
 */
function projectRoot(): string {
  const appPath = app.getAppPath();
  return existsSync(path.join(appPath, 'package.json')) ? appPath : path.resolve(__dirname, '../..');
}

/** Printing the main window (which shows the print route): wiring only, the logic is in services/print. */
function windowPrinter(): PrintHost {
  const win = () => {
    if (!mainWindow || mainWindow.isDestroyed()) throw new Error('no window to print');
    return mainWindow;
  };
  return {
    printToPdf: async () => new Uint8Array(await win().webContents.printToPDF({ ...PDF_OPTIONS })),
    chooseFile: async (defaultName) => {
      const result = await dialog.showSaveDialog(win(), {
        title: '导出 PDF',
        defaultPath: path.join(app.getPath('documents'), defaultName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    printDialog: () =>
      new Promise((resolve) =>
        win().webContents.print({ ...PRINT_DIALOG_OPTIONS, margins: { ...PRINT_DIALOG_OPTIONS.margins } }, (ok) => resolve(ok)),
      ),
  };
}

/** A fetch in the dedicated, in-memory 'sync' session: no page shares its cookies or cache. */
function syncFetch(): typeof fetch {
  const ses = session.fromPartition('sync');
  guardSyncSession(ses);
  return createSessionFetch((options) => net.request(options), ses);
}

async function start(): Promise<void> {
  await app.whenReady();
  // No default menu: its Help entries link to electronjs.org. macOS keeps the edit roles so
  // copy and paste shortcuts work.
  Menu.setApplicationMenu(
    process.platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]) : null,
  );
  hardenSession(session.defaultSession, { allowedOrigins });
  const dataDir = app.getPath('userData');
  openAppLog(dataDir);
  appLog.info('app.start', {
    version: code(app.getVersion()),
    electron: code(process.versions.electron ?? ''),
    packaged: app.isPackaged,
    platform: code(process.platform),
  });
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, mediaDir(dataDir), dataDir));

  const resourcesDir = app.isPackaged ? process.resourcesPath : path.join(projectRoot(), 'resources');
  const services = createServices({
    host: 'electron',
    version: app.getVersion(),
    resourcesDir,
    dataDir,
    openExternal: (url) => shell.openExternal(url).then(() => true),
    // 查看原件 for .doc/.wps/.ofd/.docx: the system's program (openPath answers '' on success).
    openPath: (file) => shell.openPath(file).then((error) => error === ''),
    emit: (name, payload) => {
      if (mainWindow && !mainWindow.isDestroyed()) sendEvent(mainWindow.webContents, name, payload);
    },
    chooseFolder: async () => {
      const options = { title: '选择文件夹', properties: ['openDirectory' as const] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    print: windowPrinter(),
    onQuitReady: (backup) => quitGate.ready(backup),
    // Sync goes through Chromium's network stack (system proxy, PAC, OS certificates).
    ...createSyncDeps({ dataDir, version: app.getVersion(), fetch: syncFetch() }),
    // Channel passwords through the OS keychain where it is available (else an owner-only file).
    secretBox: safeStorage.isEncryptionAvailable()
      ? safeStorageBox(
          (plain) => safeStorage.encryptString(plain),
          (data) => safeStorage.decryptString(data),
        )
      : undefined,
    // 发布到通道 and 提交回执 waiting in the outbox are retried while the app runs.
    outboxRetries: true,
  });
  // A quit waits (boundedly) for the page's final backup, then stops the services.
  holdForFinalBackup(app, 'before-quit', quitGate, tellPageQuitting, QUIT_TIMEOUT_MS, () => {
    services.quit();
    app.quit();
  });
  onRendererGone = () => services.stop();
  registerIpc(ipcMain, services, (name, what, error) =>
    what === 'refused'
      ? appLog.warn('ipc.refused', { method: code(name) })
      : appLog.error('ipc.failed', { method: code(name), ...errorFields(error) }),
  );
  showMainWindow();
}

// The taskbar identity, the pinned data folder (moved once from an earlier one), a writable
// profile and the single-instance lock; every failure is shown and logged, never a silent exit.
function prepare(): Prepared {
  try {
    return prepareApp(app, { env: process.env, platform: process.platform });
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { ok: false, quiet: false, message: startupFailedMessage(error, writeStartupLog(logDirs(null), `[start] failed: ${detail}`)) };
  }
}

const prepared = prepare();
if (!prepared.ok) {
  if (prepared.quiet) app.quit();
  else void reportFatal(app, dialog, process.platform, prepared.message);
} else {
  // The data folder's lock goes with this copy (a crash leaves it stale, taken over next start).
  const { lock } = prepared;
  app.on('will-quit', () => lock.release());
  app.on('second-instance', () => {
    if (app.isReady()) showMainWindow();
  });
  // Every web contents, not just the main window's, gets the navigation and pop-up guards.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openWithShell));
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Crash dumps stay on this PC, in the data folder (diagnostics count them); nothing is uploaded.
  app.setPath('crashDumps', path.join(app.getPath('userData'), 'crashes'));
  crashReporter.start({ uploadToServer: false, compress: true });
  start().catch((error: unknown) => {
    console.error('[main] start-up failed:', error);
    appLog.error('app.start.failed', errorFields(error));
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const logFile = writeStartupLog(logDirs(app.getPath('userData')), `[start] failed: ${detail}`);
    void reportFatal(app, dialog, process.platform, startupFailedMessage(error, logFile));
  });
}
