/**
 * Electron entry (bundled to dist/electron/main.cjs, 'electron' external). Wiring only: the
 * logic lives in app-protocol.ts, ipc.ts and window.ts, and the services in main/services/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { createServices } from '../services/app-services';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_START_URL, createAppProtocolHandler } from './app-protocol';
import { mediaDir } from '../services/paths';
import { PDF_OPTIONS, PRINT_DIALOG_OPTIONS, type PrintHost } from '../services/print/pdf';
import { createSyncDeps } from '../services/sync-wiring';
import { registerIpc, sendEvent } from './ipc';
import { createMainWindow, guardWebContents, hardenSession, openWithShell } from './window';

// Both must happen before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
/** Called when the page that drives syncs goes away (crash, reload, close): no ack will come. */
let onRendererGone: () => void = () => undefined;

const rendererDir = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow({ preloadPath, url: APP_START_URL, openExternal: openWithShell });
    mainWindow.on('closed', () => {
      mainWindow = null;
      onRendererGone();
    });
    mainWindow.webContents.on('render-process-gone', () => onRendererGone());
    // A reload starts a new page: the old one's runs would wait for acknowledgements forever.
    mainWindow.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) onRendererGone();
    });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** Sources the user configured; none may be fetched yet (later issues fill this in). */
function allowedOrigins(): readonly string[] {
  return [];
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

async function start(): Promise<void> {
  await app.whenReady();
  // No default menu: its Help entries link to electronjs.org. macOS keeps the edit roles so
  // copy and paste shortcuts work.
  Menu.setApplicationMenu(
    process.platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]) : null,
  );
  hardenSession(session.defaultSession, { allowedOrigins });
  const dataDir = app.getPath('userData');
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, mediaDir(dataDir)));

  const resourcesDir = app.isPackaged ? process.resourcesPath : path.join(projectRoot(), 'resources');
  const services = createServices({
    host: 'electron',
    version: app.getVersion(),
    resourcesDir,
    dataDir,
    openExternal: (url) => shell.openExternal(url).then(() => true),
    emit: (name, payload) => {
      if (mainWindow && !mainWindow.isDestroyed()) sendEvent(mainWindow.webContents, name, payload);
    },
    chooseFolder: async () => {
      const options = { title: '选择文件夹', properties: ['openDirectory' as const] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    print: windowPrinter(),
    ...createSyncDeps({ dataDir, version: app.getVersion() }),
  });
  app.on('before-quit', () => services.stop());
  onRendererGone = () => services.stop();
  registerIpc(ipcMain, services);
  showMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
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
  start().catch((error: unknown) => {
    console.error('[main] start-up failed:', error);
    app.exit(1);
  });
}
