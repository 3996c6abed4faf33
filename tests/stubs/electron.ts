/**
 * A recording stand-in for the 'electron' module in unit tests (vitest aliases 'electron' to
 * this file). The real package must never load in tests: from Electron 42 on its first
 * require tries to download the binary and throws offline.
 *
 * It covers the API surface main/electron/ uses, records what was called, and lets a test
 * drive the registered handlers (IPC, protocol, session, window events). Import it directly
 * ('../stubs/electron') to reach the recordings; it is the same module instance.
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

type AnyFn = (...args: never[]) => unknown;

/** An Electron-style event whose default can be prevented. */
export class StubEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export interface StubFrame {
  url: string;
  parent: StubFrame | null;
  processId: number;
  routingId: number;
}

let nextRoutingId = 1;

export function stubFrame(url: string, parent: StubFrame | null = null): StubFrame {
  return { url, parent, processId: 1, routingId: nextRoutingId++ };
}

export type WindowOpenHandler = (details: { url: string; frameName?: string; disposition?: string }) => {
  action: 'allow' | 'deny';
};

export class StubWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly loadedUrls: string[] = [];
  destroyed = false;
  mainFrame: StubFrame = stubFrame('app://yandu/index.html');

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  reloads = 0;
  reload(): void {
    this.reloads++;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((w) => !w.destroyed);
  }

  readonly options: Record<string, unknown>;
  readonly webContents = new StubWebContents();
  readonly loadedUrls: string[] = [];
  visible = false;
  focused = false;
  minimized = false;
  destroyed = false;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    BrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return this.webContents.loadURL(url);
  }
  shows = 0;
  show(): void {
    this.shows++;
    this.visible = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, listener: InvokeHandler): void {
    // As Electron does: one handler per channel.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
  /** Test helper: calls the handler registered for a channel as Electron would. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  },
};

class StubIpcRenderer extends EventEmitter {
  readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
  /** What `invoke` answers; tests replace it. */
  invokeHandler: (channel: string, ...args: unknown[]) => unknown = (channel) => {
    throw new Error(`No handler registered for '${channel}'`);
  };
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return this.invokeHandler(channel, ...args);
  }
  send(): void {
    throw new Error('ipcRenderer.send is not used by the preload');
  }
}

export const ipcRenderer = new StubIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    this.exposed.set(key, api);
  },
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => unknown>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => unknown): void {
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  },
};

type BeforeRequestListener = (
  details: { url: string; method?: string; resourceType?: string },
  callback: (response: { cancel?: boolean; redirectURL?: string }) => void,
) => void;

export class StubSession {
  permissionRequestHandler: AnyFn | null = null;
  permissionCheckHandler: AnyFn | null = null;
  devicePermissionHandler: AnyFn | null = null;
  spellCheckerEnabled = true;
  spellCheckerDictionaryDownloadURL: string | null = null;
  readonly webRequest = {
    beforeRequest: null as BeforeRequestListener | null,
    onBeforeRequest(listener: BeforeRequestListener | null): void {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(handler: AnyFn | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: AnyFn | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: AnyFn | null): void {
    this.devicePermissionHandler = handler;
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellCheckerEnabled = enabled;
  }
  setSpellCheckerDictionaryDownloadURL(url: string): void {
    this.spellCheckerDictionaryDownloadURL = url;
  }
  /** Test helper: what the webRequest listener decides for a URL. */
  decide(url: string): { cancel?: boolean; redirectURL?: string } | undefined {
    let decision: { cancel?: boolean; redirectURL?: string } | undefined;
    this.webRequest.beforeRequest?.({ url }, (response) => {
      decision = response;
    });
    return decision;
  }
}

export const session = {
  defaultSession: new StubSession(),
  partitions: new Map<string, StubSession>(),
  fromPartition(partition: string): StubSession {
    let ses = this.partitions.get(partition);
    if (!ses) this.partitions.set(partition, (ses = new StubSession()));
    return ses;
  },
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  },
};

/** The OS keychain, imitated: a reversible scramble, so what lands on disk is not the text. */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (plain: string) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0xa5)),
  decryptString: (data: Buffer) => Buffer.from(data.map((b) => b ^ 0xa5)).toString('utf8'),
};

/** Electron's default userData: the product name under appData. */
const STUB_APP_DATA = path.join(os.tmpdir(), 'yandu-stub-appdata');

class StubApp extends EventEmitter {
  /** Paths as Electron keeps them; setting userData also moves sessionData, as Electron does. */
  paths = new Map<string, string>([
    ['appData', STUB_APP_DATA],
    ['userData', path.join(STUB_APP_DATA, '研读')],
    ['sessionData', path.join(STUB_APP_DATA, '研读')],
  ]);
  readonly setPathCalls: Array<[string, string]> = [];
  appUserModelId: string | null = null;
  /** Command-line switches the test pretends Electron was started with. */
  readonly switches = new Set<string>();
  readonly commandLine = {
    hasSwitch: (name: string): boolean => this.switches.has(name),
  };
  isPackaged = false;
  ready = true;
  singleInstanceLock = true;
  quitCalled = false;
  sandboxEnabled = false;
  version = '0.0.0-test';
  appPath = process.cwd();
  exitCode: number | null = null;

  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  getPath(name: string): string {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`Failed to get '${name}' path`);
    return value;
  }
  setPath(name: string, value: string): void {
    if (!path.isAbsolute(value)) throw new Error(`Path must be absolute: ${value}`);
    this.setPathCalls.push([name, value]);
    this.paths.set(name, value);
    if (name === 'userData') this.paths.set('sessionData', value);
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  isReady(): boolean {
    return this.ready;
  }
  getVersion(): string {
    return this.version;
  }
  getAppPath(): string {
    return this.appPath;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  quit(): void {
    this.quitCalled = true;
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
}

export const app = new StubApp();

export const Menu = {
  applicationMenu: undefined as unknown,
  setApplicationMenu(menu: unknown): void {
    this.applicationMenu = menu;
  },
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  },
};

export const dialog = {
  calls: [] as Array<{ method: string; args: unknown[] }>,
  async showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    this.calls.push({ method: 'showOpenDialog', args });
    return { canceled: true, filePaths: [] };
  },
  async showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
    this.calls.push({ method: 'showSaveDialog', args });
    return { canceled: true, filePath: '' };
  },
  async showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    this.calls.push({ method: 'showMessageBox', args });
    return { response: 0, checkboxChecked: false };
  },
  showErrorBox(...args: unknown[]): void {
    this.calls.push({ method: 'showErrorBox', args });
  },
};

type RedirectHeaders = Record<string, string[]>;

/**
 * Electron's ClientRequest (net.request) over Node's http, against real servers on 127.0.0.1:
 * the same events and redirect modes ('follow' follows; 'manual' emits 'redirect' and, unless
 * followRedirect() is called in the listener, fails with "Redirect was cancelled"), header
 * strings sent as UTF-8 bytes (as Electron's C++ conversion does), and abort().
 */
export class StubClientRequest extends EventEmitter {
  readonly headers: Record<string, string> = {};
  aborted = false;
  private current: http.ClientRequest | null = null;
  private follow = false;
  constructor(readonly options: { url?: string; method?: string; redirect?: string; session?: unknown; cache?: string }) {
    super();
    const u = new URL(options.url ?? '');
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('ClientRequest only supports http: and https: protocols');
  }
  setHeader(name: string, value: string): void {
    if (/[\0\r\n]/.test(value)) throw new Error(`Invalid value for header '${name}'`);
    this.headers[name] = value;
  }
  followRedirect(): void {
    this.follow = true;
  }
  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.current?.destroy();
    this.emit('abort');
  }
  end(): void {
    net.requests.push(this);
    this.send(this.options.url ?? '', 0);
  }
  private send(url: string, hops: number): void {
    if (this.aborted) return;
    const wire: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.headers)) wire[k] = Buffer.from(v, 'utf8').toString('latin1');
    const req = http.request(url, { method: this.options.method ?? 'GET', headers: wire });
    this.current = req;
    req.on('error', (error) => {
      if (!this.aborted) this.emit('error', new Error(`net::ERR_FAILED (${(error as NodeJS.ErrnoException).code ?? error.message})`));
    });
    req.on('response', (res) => {
      if (this.aborted) return;
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        res.resume();
        const next = new URL(location, url).href;
        const mode = this.options.redirect ?? 'follow';
        if (mode === 'error') return void this.emit('error', new Error("Attempted to redirect, but redirect policy was 'error'"));
        if (mode === 'manual') {
          this.follow = false;
          const raw: RedirectHeaders = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) raw[k] = Array.isArray(v) ? v : [v];
          this.emit('redirect', status, this.options.method ?? 'GET', next, raw);
          if (this.follow) return void this.send(next, hops + 1);
          if (!this.aborted) this.emit('error', new Error('Redirect was cancelled'));
          return;
        }
        if (hops >= 20) return void this.emit('error', new Error('net::ERR_TOO_MANY_REDIRECTS'));
        return void this.send(next, hops + 1);
      }
      this.emit('response', res);
    });
    req.end();
  }
}

export const net = {
  /** Every request the stub's net.request started, in order. */
  requests: [] as StubClientRequest[],
  request(options: ConstructorParameters<typeof StubClientRequest>[0]): StubClientRequest {
    return new StubClientRequest(options);
  },
  /** Tests never touch the network through net.fetch. */
  fetch(input: unknown): Promise<Response> {
    return Promise.reject(new Error(`net.fetch is disabled in tests: ${String(input)}`));
  },
};

/** Puts every recording back to its initial state (window/IPC registrations included). */
export function resetElectronStub(): void {
  BrowserWindow.instances.length = 0;
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations.length = 0;
  ipcRenderer.invokeHandler = (channel) => {
    throw new Error(`No handler registered for '${channel}'`);
  };
  contextBridge.exposed.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  session.defaultSession = new StubSession();
  session.partitions.clear();
  net.requests.length = 0;
  shell.opened.length = 0;
  app.removeAllListeners();
  app.paths = new Map([
    ['appData', STUB_APP_DATA],
    ['userData', path.join(STUB_APP_DATA, '研读')],
    ['sessionData', path.join(STUB_APP_DATA, '研读')],
  ]);
  app.setPathCalls.length = 0;
  app.switches.clear();
  Object.assign(app, {
    appUserModelId: null,
    isPackaged: false,
    ready: true,
    singleInstanceLock: true,
    quitCalled: false,
    sandboxEnabled: false,
    exitCode: null,
  });
  Menu.applicationMenu = undefined;
  dialog.calls.length = 0;
}

export default { app, BrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, Menu, net, protocol, safeStorage, session, shell };
