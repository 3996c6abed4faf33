/**
 * Packaging, proven as far as a machine without Electron's binary can: electron-builder runs
 * unchanged (`--dir`, Linux x64) against a stand-in Electron folder, an `electron` file that
 * carries Electron's fuse sentinel and wire with Electron's default fuse states, plus
 * `locales/`. The result must hold exactly the built app in app.asar (listed with
 * @electron/asar), the sample library beside it, only the locales we keep, and the fuses
 * electron-builder.yml asks for, read back with @electron/fuses. The deb and NSIS settings
 * must pass electron-builder's own configuration schema.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const requireFromHere = createRequire(import.meta.url);
// All three come with electron-builder (app-builder-lib's own dependencies).
const asar = requireFromHere('@electron/asar') as { listPackage(file: string, options: { isPack: boolean }): string[] };
const fuses = requireFromHere('@electron/fuses') as { getCurrentFuseWire(file: string): Promise<Record<string, number | string>> };
const yaml = requireFromHere('js-yaml') as { load(text: string): unknown };
const builderConfig = requireFromHere('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 49; // '1'
const OFF = 48; // '0'
/** Electron's own defaults, in @electron/fuses' V1 order (what an unflipped binary carries). */
const ELECTRON_DEFAULTS = {
  RunAsNode: ON,
  EnableCookieEncryption: OFF,
  EnableNodeOptionsEnvironmentVariable: ON,
  EnableNodeCliInspectArguments: ON,
  EnableEmbeddedAsarIntegrityValidation: OFF,
  OnlyLoadAppFromAsar: OFF,
  LoadBrowserProcessSpecificV8Snapshot: OFF,
  GrantFileProtocolExtraPrivileges: ON,
};

let work: string;
let unpacked: string;
let run: { status: number | null; output: string };

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist/electron/main.cjs'))) throw new Error('run `npm run build` first (npm run test:package does)');
  work = mkdtempSync(path.join(tmpdir(), 'yandu-package-'));
  const standin = path.join(work, 'electron-dist');
  mkdirSync(path.join(standin, 'locales'), { recursive: true });
  mkdirSync(path.join(standin, 'resources'));
  const wire = Buffer.from([1, 8, ...Object.values(ELECTRON_DEFAULTS)]);
  writeFileSync(
    path.join(standin, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in for Electron 45.5.0"\n'),
      Buffer.alloc(256),
      Buffer.from(SENTINEL),
      wire,
      Buffer.alloc(256),
    ]),
  );
  chmodSync(path.join(standin, 'electron'), 0o755);
  for (const locale of ['en-US', 'zh-CN', 'fr', 'de', 'ja']) writeFileSync(path.join(standin, 'locales', `${locale}.pak`), locale);
  writeFileSync(path.join(standin, 'chrome-sandbox'), 'stand-in');
  writeFileSync(path.join(standin, 'version'), '45.5.0');
  writeFileSync(path.join(standin, 'LICENSE'), 'MIT (stand-in)');

  const out = path.join(work, 'release');
  const result = spawnSync(
    process.execPath,
    [
      requireFromHere.resolve('electron-builder/cli.js'),
      '--dir',
      '--linux',
      '--x64',
      '--config',
      'electron-builder.yml',
      `-c.electronDist=${standin}`,
      `-c.directories.output=${out}`,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  run = { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  unpacked = path.join(out, 'linux-unpacked');
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('electron-builder --dir with a stand-in Electron', () => {
  it('runs unchanged and produces linux-unpacked/', () => {
    expect(run.status, run.output).toBe(0);
    expect(statSync(path.join(unpacked, 'yandu')).mode & 0o111).not.toBe(0);
  });

  it('app.asar holds exactly the built app (dist/ without source maps) and package.json', () => {
    const listed = asar
      .listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false })
      .map((p) => p.replace(/\\/g, '/').replace(/^\//, ''));
    const files = listed.filter((p) => !listed.some((q) => q.startsWith(`${p}/`)));
    const expected = [
      ...listFiles(path.join(root, 'dist'))
        .filter((f) => !f.endsWith('.map'))
        .map((f) => `dist/${f}`),
      'package.json',
    ];
    expect(files.sort()).toEqual(expected.sort());
    expect(files).toContain('dist/electron/main.cjs');
    // The documents thread, started from ../worker/ beside main.cjs (extract/documents/pool.ts).
    expect(files).toContain('dist/worker/documents.cjs');
    expect(files.some((f) => f.startsWith('node_modules/'))).toBe(false);
    expect(files.filter((f) => f.endsWith('.woff2')).length).toBeGreaterThan(300);
  });

  it('puts the sample library beside app.asar, keeps only zh-CN and en-US locales, and the icon is ours', () => {
    const samples = listFiles(path.join(root, 'resources/sample-library'));
    expect(listFiles(path.join(unpacked, 'resources', 'sample-library')).sort()).toEqual(samples.sort());
    expect(readdirSync(path.join(unpacked, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
    expect(readdirSync(path.join(unpacked, 'resources')).sort()).toEqual(['app.asar', 'sample-library']);
  });

  it('flipped the fuses electron-builder.yml asks for, read back with @electron/fuses', async () => {
    const wire = await fuses.getCurrentFuseWire(path.join(unpacked, 'yandu'));
    expect(wire).toEqual({
      version: '1',
      0: OFF, // RunAsNode
      1: ON, // EnableCookieEncryption
      2: OFF, // EnableNodeOptionsEnvironmentVariable
      3: OFF, // EnableNodeCliInspectArguments
      4: ON, // EnableEmbeddedAsarIntegrityValidation
      5: ON, // OnlyLoadAppFromAsar
      6: ELECTRON_DEFAULTS.LoadBrowserProcessSpecificV8Snapshot, // not configured: left as Electron ships it
      7: OFF, // GrantFileProtocolExtraPrivileges
    });
  });
});

describe('electron-builder’s own configuration schema', () => {
  const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
  const logger = { isEnabled: false, add: () => undefined };

  it('accepts electron-builder.yml with its deb and NSIS settings', async () => {
    expect(config.nsis).toMatchObject({ installerLanguages: ['zh_CN'], oneClick: false });
    expect(config.deb).toMatchObject({ afterInstall: 'build/linux/after-install.tpl' });
    await expect(builderConfig.validateConfiguration(structuredClone(config), logger)).resolves.toBeUndefined();
  });

  it.each([
    ['nsis', { ...(config.nsis as object), oneClickk: true }],
    ['deb', { ...(config.deb as object), depends: 'libgtk-3-0' }],
  ])('rejects a mistake in %s (so the check above is real)', async (key, value) => {
    await expect(builderConfig.validateConfiguration({ ...structuredClone(config), [key]: value }, logger)).rejects.toThrow(
      /configuration/i,
    );
  });
});
