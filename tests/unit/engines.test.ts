/**
 * `engines` told truly: every package that `npm ci` installs (all but optional, platform-
 * specific ones) accepts every Node that package.json's engines.node allows, so `npm ci` on
 * any of them prints no EBADENGINE warning; and the npm scripts' own Node check agrees with
 * npm's semver on that range.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { nodeSatisfies, nodeTooOldMessage, requiredNode } from '../../scripts/node-version.mjs';

const requireFromHere = createRequire(import.meta.url);
// semver comes with npm's own tool chain (electron-builder, eslint, …); only this test uses it.
const semver = requireFromHere('semver') as {
  subset(sub: string, dom: string): boolean;
  satisfies(version: string, range: string): boolean;
};

interface LockEntry {
  version?: string;
  optional?: boolean;
  engines?: { node?: string } | string[];
}
const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
  overrides: Record<string, Record<string, string>>;
};
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

describe('engines', () => {
  it('package.json allows only Node versions every installed package accepts', () => {
    const declared = pkg.engines.node;
    const misfits: string[] = [];
    let checked = 0;
    for (const [where, entry] of Object.entries(lock.packages)) {
      if (where === '' || entry.optional) continue;
      const node = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!node) continue;
      checked++;
      if (!semver.subset(declared, node)) misfits.push(`${where}@${entry.version}: ${node}`);
    }
    expect(checked).toBeGreaterThan(50);
    expect(misfits).toEqual([]);
  });

  it('Electron’s npm package (Node 22.12+ to install) is not in the tree; the version lives in electron-builder.yml', () => {
    expect(pkg.devDependencies.electron).toBeUndefined();
    expect(lock.packages['node_modules/electron']).toBeUndefined();
    const yml = readFileSync(new URL('electron-builder.yml', root), 'utf8');
    const version = /^electronVersion: (\S+)$/m.exec(yml)?.[1];
    const types = readFileSync(new URL('types/electron.d.ts', root), 'utf8');
    expect(types.startsWith(`// Type definitions for Electron ${version}\n`)).toBe(true);
  });

  it('docx’s nanoid override is safe: docx bundles its own copy and never imports the package', () => {
    expect(pkg.overrides.docx?.nanoid).toMatch(/^5\./);
    const docxDir = requireFromHere.resolve('docx').replace(/dist[\\/].*$/, 'dist/');
    for (const file of ['index.mjs', 'index.cjs']) {
      const source = readFileSync(docxDir + file, 'utf8');
      expect(source).toContain('var nanoid = ');
      expect(source).not.toMatch(/(?:from\s*|require\(\s*)["']nanoid/);
    }
  });

  it('the npm scripts’ Node check agrees with semver on package.json’s range', () => {
    const range = requiredNode();
    for (const v of ['18.20.8', '20.18.3', '20.19.0', '20.20.2', '21.7.3', '22.12.0', '22.13.0', '23.11.0', '24.0.0', '26.1.0']) {
      expect(nodeSatisfies(range, v), v).toBe(semver.satisfies(v, range));
    }
    expect(nodeTooOldMessage(['启动研读', 'start Yandu'], '20.20.2')).toBeNull();
    const message = nodeTooOldMessage(['启动研读', 'start Yandu'], '18.20.8') ?? '';
    expect(message).toContain('无法启动研读');
    expect(message).toContain('Node 18.20.8');
    expect(message).toContain(`Cannot start Yandu: it needs Node ${range}`);
  });
});
