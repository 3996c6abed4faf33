/**
 * Entry of the browser host (`npm run serve -- --port <n>`): bundled to dist/host/serve.mjs.
 * Prints the address to open (with the per-launch secret) and runs until interrupted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from '../services/app-services';
import { backupDelaysFromEnv, createQuitGate } from '../services/backup/quit';
import { defaultDataDir, mediaDir } from '../services/paths';
import { createSyncDeps } from '../services/sync-wiring';
import { startHost, type RunningHost } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));
// Bundled as <dist>/host/serve.mjs: the renderer is <dist>/renderer, resources are at the repo root.
const root = path.resolve(here, '../..');
const rendererDir = path.resolve(here, '../renderer');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const portText = option('port') ?? process.env.YANDU_PORT ?? '0';
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`端口无效 / invalid port: ${portText}\n`);
  process.exit(2);
}

const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const dataDir = defaultDataDir();
let emit: RunningHost['emit'] | null = null;
const quit = createQuitGate();
const services = createServices({
  host: 'browser',
  version,
  resourcesDir: path.join(root, 'resources'),
  dataDir,
  // A browser tab opens links itself; the host never launches programs or dialogs.
  openExternal: async () => false,
  chooseFolder: async () => null,
  emit: (name, payload) => void emit?.(name, payload),
  backupDelays: backupDelaysFromEnv(process.env),
  onQuitReady: quit.ready,
  ...createSyncDeps({ dataDir, version }),
});

try {
  const host = await startHost({
    services,
    rendererDir,
    mediaDir: mediaDir(dataDir),
    port,
    secret: process.env.YANDU_HOST_SECRET || undefined,
    // Packet files cross as base64 (up to 64 MB of file, see shared/packet/container.ts).
    maxBodyBytes: 96 * 1024 * 1024,
    // A killed or closed page never acknowledges its sync batches: free its runs at once
    // rather than blocking the next sync of those sources until the ack timeout.
    onNoClients: () => services.stop(),
  });
  emit = host.emit;
  process.stdout.write(`研读浏览器版已启动 / Yandu browser host is running:\n  ${host.url}\n`);
  // Open pages get a bounded time to write their final backup; a second signal quits at once.
  const quitTimeout = Number(process.env.YANDU_QUIT_TIMEOUT_MS) || 30_000;
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(0);
    stopping = true;
    void quit
      .wait(() => host.emit('app.quitting', { timeoutMs: quitTimeout }), quitTimeout)
      .then((r) => {
        if (r.timedOut) process.stderr.write('等待页面最后备份超时 / timed out waiting for the final backup\n');
        services.stop();
        return host.close();
      })
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  process.stderr.write(
    code === 'EADDRINUSE' ? `端口 ${port} 已被占用 / port ${port} is in use\n` : `启动失败 / failed to start: ${String(error)}\n`,
  );
  process.exit(1);
}
