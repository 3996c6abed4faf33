/**
 * `pdf sample <out.pdf> [--layout gbt|compact]`: the sample packet (what `packet sample` builds)
 * through the app's own print view, printed by a local Chromium (CHROME_PATH or
 * /usr/bin/chromium) from the browser host started here, in a fresh profile. Builds first when
 * the build is missing or older than the sources.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors';
import { startHost } from '../host/server';
import { createServices } from '../services/app-services';
import { mediaDir } from '../services/paths';
import { samplePacketPrint } from '../services/print/sample';
import { createSyncDeps } from '../services/sync-wiring';
import { chromePath, printRouteToPdf } from './chromium';
import { parseArgs, registerCommand } from './registry';

const root = fileURLToPath(new URL('../..', import.meta.url));

function newest(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    n = Math.max(n, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return n;
}

/** The built renderer, building it first when missing or stale. */
async function builtRenderer(): Promise<string> {
  const dist = path.join(root, process.env.YANDU_DIST || 'dist');
  const index = path.join(dist, 'renderer/index.html');
  const stale =
    !existsSync(index) || Math.max(newest(path.join(root, 'renderer')), newest(path.join(root, 'shared'))) > statSync(index).mtimeMs;
  if (stale) {
    process.stderr.write('正在构建 / building…\n');
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new AppError('E_INTERNAL', `构建失败（退出码 ${code}）。`))));
    });
  }
  return path.join(dist, 'renderer');
}

registerCommand('pdf', 'sample <out.pdf> [--layout gbt|compact]  用示例资料包打印 PDF / print the sample packet to PDF', async (args) => {
  const { positionals, options } = parseArgs(args);
  const [what, out] = positionals;
  if (what !== 'sample' || !out || positionals.length > 2) {
    process.stderr.write('用法 / usage: pdf sample <out.pdf> [--layout gbt|compact]\n');
    return 2;
  }
  const layout = options.get('layout') ?? 'gbt';
  if (layout !== 'gbt' && layout !== 'compact') throw new AppError('E_INVALID_ARGUMENT', '--layout 只能是 gbt 或 compact。');
  const folder = path.dirname(path.resolve(out));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new AppError('E_NOT_FOUND', `输出文件夹不存在：${folder}`);
  chromePath();
  const rendererDir = await builtRenderer();
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-pdf-'));
  const resourcesDir = path.join(root, 'resources');
  const services = createServices({
    host: 'browser',
    version,
    resourcesDir,
    dataDir,
    openExternal: async () => false,
    emit: () => {},
    ...createSyncDeps({ dataDir, version }),
  });
  const host = await startHost({ services, rendererDir, mediaDir: mediaDir(dataDir) });
  try {
    const sample = await samplePacketPrint(resourcesDir, dataDir, layout);
    const result = await printRouteToPdf({ appUrl: host.url, hash: sample.hash, seed: sample.seed });
    try {
      await writeFile(out, result.pdf);
    } catch (cause) {
      throw new AppError('E_RESOURCE', `无法写入文件：${out}`, { cause });
    }
    process.stderr.write(
      `已写入 ${out}：《${sample.title}》${result.measuredPages ? `，${result.measuredPages} 页` : ''}，用时 ${(result.ms / 1000).toFixed(1)} 秒\n`,
    );
    return 0;
  } finally {
    services.stop();
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
