/**
 * Packaging choices that only exist as configuration (electron-builder.yml, package.json,
 * the deb post-install script, the npm start launcher). No installer is built here, so these
 * are checked as written, and the post-install script is run against a fixture folder with
 * recording stand-ins for the system tools.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronLaunchArgs } from '../../scripts/electron-binary.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const requireFromHere = createRequire(import.meta.url);
// js-yaml comes with electron-builder; only this test reads YAML.
const yaml = requireFromHere('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  linux: {
    target: Array<{ target: string }>;
    category: string;
    executableName: string;
    syncDesktopName?: boolean;
    desktop: { entry: Record<string, string> };
  };
  deb: { afterInstall: string; depends: string[] };
}

const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  productName: string;
  main: string;
  desktopName?: string;
  scripts: Record<string, string>;
};

/** electron-builder's own default deb dependencies, read from the installed app-builder-lib. */
function builderDefaultDepends(): string[] {
  const file = requireFromHere.resolve('app-builder-lib/out/targets/FpmTarget.js');
  const list = /return \[("libgtk-3-0"[^\]]*)\]/.exec(readFileSync(file, 'utf8'))?.[1];
  if (!list) throw new Error(`default deb depends not found in ${file}`);
  return JSON.parse(`[${list}]`) as string[];
}

describe('Debian package', () => {
  it('depends on electron-builder’s default list plus GBM and ALSA (either package name)', () => {
    const defaults = builderDefaultDepends();
    expect(defaults).toContain('libnss3');
    expect(config.deb.depends).toEqual([...defaults, 'libgbm1', 'libasound2 | libasound2t64']);
  });

  it('is the only Linux target: no AppImage, which cannot use a setuid sandbox on UOS/Kylin', () => {
    expect(config.linux.target.map((t) => t.target)).toEqual(['deb']);
  });

  it('puts the entry in Education and Office (linux.category overwrites the entry’s Categories)', () => {
    expect(config.linux.category).toBe('Education;Office');
    expect(config.linux.desktop.entry.Categories).toBeUndefined();
  });

  it('links the window to its .desktop entry: desktopName matches the executable and the entry file', () => {
    expect(pkg.desktopName).toBe('yandu.desktop');
    expect(config.linux.executableName).toBe('yandu');
    expect(config.linux.syncDesktopName).toBe(true);
  });
});

describe('deb post-install script', () => {
  const template = path.join(root, config.deb.afterInstall);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'yandu-after-install-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** The script as electron-builder writes it (its macro replacer fails on unknown macros), rooted in the fixture. */
  function render(): string {
    const macros: Record<string, string> = { executable: 'yandu-fixture', sanitizedProductName: '研读', productFilename: '研读' };
    return readFileSync(template, 'utf8')
      .replace(/\${([a-zA-Z]+)}/g, (_m, name: string) => {
        const value = macros[name];
        if (value === undefined) throw new Error(`Macro ${name} is not defined`);
        return value;
      })
      .replaceAll("'/opt/", `'${dir}/opt/`);
  }

  /** Runs the rendered script with recording stand-ins; `unshareWorks` is what `unshare --user true` answers as root. */
  function install(unshareWorks: boolean): { calls: string[]; mode: number } {
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    const log = path.join(dir, 'calls.log');
    for (const tool of ['chown', 'update-alternatives', 'update-mime-database', 'update-desktop-database', 'apparmor_status', 'unshare']) {
      const exit = tool === 'apparmor_status' ? 1 : tool === 'unshare' && !unshareWorks ? 1 : 0;
      writeFileSync(path.join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> '${log}'\nexit ${exit}\n`);
      chmodSync(path.join(bin, tool), 0o755);
    }
    const sandbox = path.join(dir, 'opt', '研读', 'chrome-sandbox');
    mkdirSync(path.dirname(sandbox), { recursive: true });
    writeFileSync(sandbox, '');
    chmodSync(sandbox, 0o755);
    const script = path.join(dir, 'after-install.sh');
    writeFileSync(script, render());
    const run = spawnSync('bash', [script], { env: { PATH: `${bin}:/usr/bin:/bin` }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
    return { calls, mode: statSync(sandbox).mode & 0o7777 };
  }

  it('uses only macros electron-builder defines', () => {
    expect(() => render()).not.toThrow();
    expect(readFileSync(template, 'utf8')).toMatch(/^#!\/bin\/bash\n/);
  });

  it.each([true, false])('always makes chrome-sandbox root-owned and setuid (unshare as root succeeds: %s)', (unshareWorks) => {
    const { calls, mode } = install(unshareWorks);
    expect(mode).toBe(0o4755);
    expect(calls).toContain(`chown root:root ${path.join(dir, 'opt', '研读', 'chrome-sandbox')}`);
    // The stock script's root-only probe is gone.
    expect(calls.some((c) => c.startsWith('unshare'))).toBe(false);
    // The rest of electron-builder's post-install still runs.
    expect(calls).toContain(
      `update-alternatives --install /usr/bin/yandu-fixture yandu-fixture ${path.join(dir, 'opt', '研读', 'yandu-fixture')} 100`,
    );
    expect(calls).toContain('update-desktop-database /usr/share/applications');
  });
});

describe('npm start', () => {
  it('launches Electron on the project root, so package.json names the app', () => {
    expect(electronLaunchArgs('/src/yandu', ['--inspect-brk=0'])).toEqual(['/src/yandu', '--inspect-brk=0']);
    const start = readFileSync(path.join(root, 'scripts/start.mjs'), 'utf8');
    expect(start).toContain('electronLaunchArgs(root, process.argv.slice(2))');
    expect(start).not.toContain('main.cjs');
    expect(pkg.scripts.start).toBe('node scripts/start.mjs');
  });

  it('package.json main is the built Electron entry', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    const build = readFileSync(path.join(root, 'scripts/build.mjs'), 'utf8');
    expect(build).toContain("entryPoints: ['main/electron/main.ts'],\n    outfile: `${out}/electron/main.cjs`");
    expect(pkg.productName).toBe('研读');
    expect(pkg.name).toBe('yandu');
  });
});
