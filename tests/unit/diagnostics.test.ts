/**
 * 导出诊断信息 through the contract (as both hosts call it) and the CLI: a zip that `unzip`
 * and yauzl read, holding the log generations, versions, settings without secrets and
 * storage figures, and nothing of the host secret, credentials or long user text.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/contract';
import { createServices } from '../../main/services/app-services';
import { createLog } from '../../main/services/log';
import { buildZip } from '../../main/services/archive/zip-writer';

const root = path.resolve(__dirname, '../..');
const hasUnzip = spawnSync('unzip', ['-v']).status === 0;
const NOTE = '我的心得体会：'.repeat(40);

function readZip(file: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('diagnostics', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'yandu-diag-'));
    mkdirSync(path.join(dataDir, 'media'));
    writeFileSync(path.join(dataDir, 'media', `${'b'.repeat(64)}.png`), Buffer.alloc(300));
    writeFileSync(path.join(dataDir, 'host.json'), JSON.stringify({ version: 1, port: 17345 }));
    writeFileSync(path.join(dataDir, 'host-secret'), 'S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3t\n');
    // Two generations of log, the older one rotated out by size.
    const log = createLog({ dir: path.join(dataDir, 'logs'), maxBytes: 400, generations: 2 });
    for (let i = 0; i < 6; i++) log.info('sync.end', { seq: i });
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('app.diagnostics writes a zip in the data folder with logs, versions, redacted settings and storage', async () => {
    const services = createServices({
      host: 'browser',
      version: '9.9.9-test',
      resourcesDir: path.join(root, 'resources'),
      dataDir,
      openExternal: async () => false,
      chooseFolder: async () => null,
      emit: () => undefined,
      runner: async () => undefined,
      preview: async () => {
        throw new Error('not used');
      },
    });
    const result = (await dispatch(services, 'app.diagnostics', {
      settings: [
        { key: 'reader', value: { fontSize: 18, theme: 'sepia' } },
        { key: 'webdav', value: { url: 'https://alice:pw@dav.example/share?sig=1', password: 'hunter2', folder: '/学习' } },
        { key: 'noteTemplate', value: NOTE },
        { key: 'apiToken', value: 'abc' },
      ],
      storage: { usage: 12_345, quota: 1_000_000, persisted: true, tables: { articles: 3, notes: 1 } },
    })) as { path: string; entries: string[]; bytes: number };
    services.stop();

    expect(path.dirname(result.path)).toBe(path.join(dataDir, 'diagnostics'));
    expect(result.entries).toEqual(['README.txt', 'versions.json', 'settings.json', 'storage.json', 'logs/yandu.log', 'logs/yandu.1.log']);
    const files = await readZip(result.path);
    expect([...files.keys()]).toEqual(result.entries);

    const versions = JSON.parse(files.get('versions.json')!) as Record<string, unknown>;
    expect(versions).toMatchObject({ app: '9.9.9-test', host: 'browser', node: process.versions.node, platform: process.platform });

    const settings = JSON.parse(files.get('settings.json')!) as { renderer: Record<string, unknown>; host: unknown };
    expect(settings.renderer.reader).toEqual({ fontSize: 18, theme: 'sepia' });
    expect(settings.renderer.webdav).toEqual({ url: 'https://dav.example/share?[redacted]', password: '[redacted]', folder: '/学习' });
    expect(settings.renderer.noteTemplate).toBe(`[text, ${NOTE.length} characters]`);
    expect(settings.renderer.apiToken).toBe('[redacted]');
    expect(settings.host).toEqual({ version: 1, port: 17345 });

    const storage = JSON.parse(files.get('storage.json')!) as {
      dataFolder: { entries: Record<string, { files: number; bytes: number }> };
      browser: unknown;
    };
    expect(storage.dataFolder.entries.media).toEqual({ files: 1, bytes: 300 });
    expect(storage.browser).toEqual({ usage: 12_345, quota: 1_000_000, persisted: true, tables: { articles: 3, notes: 1 } });

    const logs = `${files.get('logs/yandu.1.log')!}${files.get('logs/yandu.log')!}`;
    expect(
      logs
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { seq: number }).seq),
    ).toEqual([0, 1, 2, 3, 4, 5]);

    const everything = [...files.values()].join('\n');
    for (const secret of ['S3cr3t', 'hunter2', 'alice', 'pw@', 'sig=1', '我的心得体会']) expect(everything).not.toContain(secret);
  });

  it('refuses a malformed request in Chinese and writes nothing', async () => {
    const services = createServices({
      host: 'browser',
      version: '9.9.9-test',
      resourcesDir: path.join(root, 'resources'),
      dataDir,
      openExternal: async () => false,
      chooseFolder: async () => null,
      emit: () => undefined,
      runner: async () => undefined,
      preview: async () => ({}) as never,
    });
    await expect(dispatch(services, 'app.diagnostics', { settings: 'all', storage: {} })).rejects.toMatchObject({
      code: 'E_INVALID_ARGUMENT',
    });
    services.stop();
    expect(existsSync(path.join(dataDir, 'diagnostics'))).toBe(false);
  });

  it.skipIf(!hasUnzip)('the CLI writes the same bundle where asked, and unzip lists and tests it', () => {
    const out = path.join(dataDir, 'out', 'diag.zip');
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'main/cli.ts'), 'diagnostics', out], {
      env: { ...process.env, YANDU_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ path: out, name: 'diag.zip' });
    const list = spawnSync('unzip', ['-l', out], { encoding: 'utf8' });
    expect(list.status).toBe(0);
    for (const name of ['README.txt', 'versions.json', 'settings.json', 'storage.json', 'logs/yandu.log', 'logs/yandu.1.log']) {
      expect(list.stdout).toContain(name);
    }
    expect(spawnSync('unzip', ['-tq', out], { encoding: 'utf8' }).status).toBe(0);
  });

  it.skipIf(!hasUnzip)('zip writer: stored and deflated entries with UTF-8 names round-trip through unzip', () => {
    const file = path.join(dataDir, 'w.zip');
    const big = Buffer.from('日志 '.repeat(5000));
    writeFileSync(
      file,
      buildZip([
        { name: '说明.txt', data: Buffer.from('短') },
        { name: 'logs/big.log', data: big },
      ]),
    );
    expect(spawnSync('unzip', ['-tq', file]).status).toBe(0);
    expect(spawnSync('unzip', ['-p', file, 'logs/big.log']).stdout.equals(big)).toBe(true);
    expect(spawnSync('unzip', ['-Z1', file], { encoding: 'utf8' }).stdout.trim().split('\n')).toEqual(['说明.txt', 'logs/big.log']);
  });
});
