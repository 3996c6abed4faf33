/**
 * Entry of the browser host (`npm run serve`): bundled to dist/host/serve.mjs.
 * Listens on the data folder's one address (see address.ts), prints it with the access secret,
 * and runs until interrupted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from '../services/app-services';
import { backupDelaysFromEnv, createQuitGate } from '../services/backup/quit';
import { acquireDataLock, DataFolderBusyError, type DataLock } from '../services/data-lock';
import { appLog, code, errorFields, openAppLog } from '../services/log';
import { describeMigration, mediaDir, resolveDataDir } from '../services/paths';
import { createSyncDeps } from '../services/sync-wiring';
import { addressFile, explicitPort, hostSecret, HostAddressError, openOnAddress } from './address';
import { startHost, type RunningHost } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));
// Bundled as <dist>/host/serve.mjs: the renderer is <dist>/renderer, resources are at the repo root.
const root = path.resolve(here, '../..');
const rendererDir = path.resolve(here, '../renderer');

function fail(error: unknown, exitCode = 1): never {
  if (error instanceof HostAddressError || error instanceof DataFolderBusyError) process.stderr.write(`${error.zh}\n\n${error.en}\n`);
  else process.stderr.write(`启动失败 / failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(exitCode);
}

let port: number | undefined;
try {
  port = explicitPort(process.argv.slice(2), process.env);
} catch (error) {
  fail(error, 2);
}

const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
// The same folder as the desktop app's; an earlier version's folder is moved there once.
const { dataDir, migration } = resolveDataDir();
// One running copy per data folder, taken before anything here writes into it; a refused start
// changes nothing in the folder. Released on exit (normal quit or a failed start).
let dataLock: DataLock;
try {
  dataLock = acquireDataLock(dataDir, { host: 'browser' });
} catch (error) {
  fail(error);
}
openAppLog(dataDir);
const migrated = describeMigration(migration);
if (migrated) process.stderr.write(`[data] ${migrated}\n`);
if (migration.action !== 'none') appLog.info('data.migration', { action: code(migration.action) });
let emit: RunningHost['emit'] | null = null;
// The host's own port, once listening: no source may fetch it (the network policy's "never").
let ownPort: number | null = null;
const quit = createQuitGate();
const services = createServices({
  host: 'browser',
  version,
  resourcesDir: path.join(root, 'resources'),
  dataDir,
  // A browser tab opens links itself; the host never launches programs or dialogs.
  openExternal: async () => false,
  emit: (name, payload) => void emit?.(name, payload),
  backupDelays: backupDelaysFromEnv(process.env),
  // 导出 PDF: the print view's document printed by this machine's Chromium.
  printRender: { rendererDir, mediaDir: mediaDir(dataDir) },
  onQuitReady: quit.ready,
  ...createSyncDeps({ dataDir, version, ownPorts: () => (ownPort === null ? [] : [ownPort]) }),
  ownPorts: () => (ownPort === null ? [] : [ownPort]),
  // 发布到通道 and 提交回执 waiting in the outbox are retried while the host runs, tab open or not.
  outboxRetries: true,
});

try {
  const secret = process.env.YANDU_HOST_SECRET || (await hostSecret(dataDir));
  const opened = await openOnAddress<RunningHost>({
    dataDir,
    port,
    addressFor: (p) => `http://127.0.0.1:${p}/?token=${secret}`,
    close: (h) => h.close(),
    listen: (p) =>
      startHost({
        services,
        rendererDir,
        mediaDir: mediaDir(dataDir),
        dataDir,
        port: p,
        secret,
        // Packet files cross as base64 (up to 64 MB of file, see shared/packet/container.ts).
        maxBodyBytes: 96 * 1024 * 1024,
        // A killed or closed page never acknowledges its sync batches: free its runs at once
        // rather than blocking the next sync of those sources until the ack timeout.
        onNoClients: () => services.stop(),
      }),
  });
  const host = opened.host;
  emit = host.emit;
  ownPort = host.port;
  // A copy started later names this address in its refusal.
  dataLock.setAddress(host.url);
  const record = addressFile(dataDir);
  const where =
    opened.how === 'explicit'
      ? `  端口由 --port/YANDU_PORT 指定，不会记录；这个地址上的文库不是数据文件夹记录的地址（${record}）上的那一个。\n` +
        `  Port given by --port/YANDU_PORT, not recorded: the library at this address is not the one at the data folder's recorded address.\n`
      : `  文库属于这个地址（端口 ${host.port}），端口记录在 ${record}${opened.how === 'first' ? '（首次启动时选定）' : ''}。\n` +
        `  The library belongs to this address (port ${host.port}), recorded in ${record}${opened.how === 'first' ? ' (chosen on this first launch)' : ''}.\n`;
  // Handlers first, then the address: a Ctrl+C the moment it appears still quits cleanly
  // (final backup, lock released). Open pages get a bounded time to write their final backup; a second signal quits at once.
  const quitTimeout = Number(process.env.YANDU_QUIT_TIMEOUT_MS) || 30_000;
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(0);
    stopping = true;
    void quit
      .wait(() => host.emit('app.quitting', { timeoutMs: quitTimeout }), quitTimeout)
      .then((r) => {
        if (r.timedOut) process.stderr.write('等待页面最后备份超时 / timed out waiting for the final backup\n');
        appLog.info('host.stop', { finalBackupTimedOut: r.timedOut });
        services.quit();
        return host.close();
      })
      .then(() => {
        dataLock.release();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(`研读浏览器版已启动 / Yandu browser host is running:\n  ${host.url}\n${where}`);
  appLog.info('host.start', { version: code(version), port: host.port, how: code(opened.how), node: code(process.versions.node) });
} catch (error) {
  appLog.error('host.start.failed', errorFields(error));
  services.quit();
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') fail(new Error(`端口 ${port} 已被占用 / port ${port} is in use`));
  fail(error);
}
