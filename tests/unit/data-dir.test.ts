/**
 * The one data folder every host uses (<appData>/yandu) and the one-time move from where
 * earlier versions kept it, on fixture folders: the whole folder moves (host.json, media/,
 * backups/, the Chromium profile), nothing is merged, overwritten or deleted.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appDataDir, defaultDataDir, describeMigration, legacyDataDirs, migrateDataDir, resolveDataDir } from '../../main/services/paths';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'yandu-data-dir-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Every file under dir as "relative/path=content", sorted. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(`${path.relative(dir, p)}=${readFileSync(p, 'utf8')}`);
    }
  };
  walk(dir);
  return out.sort();
}

/** A data folder as a user would have it: host.json, media, backups and a Chromium profile. */
function makeDataFolder(dir: string, tag: string): string[] {
  const files: Record<string, string> = {
    'host.json': `{"port":43117,"tag":"${tag}"}`,
    [`media/${'a'.repeat(64)}.png`]: `png-${tag}`,
    'backups/daily-2026-12-01.yandu': `backup-${tag}`,
    'IndexedDB/app_yandu_0.indexeddb.leveldb/000003.log': `idb-${tag}`,
  };
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return listing(dir);
}

describe('defaultDataDir', () => {
  it('is <appData>/yandu on every platform, as Electron computes appData', () => {
    const home = path.join(root, 'home');
    expect(defaultDataDir({ HOME: home }, 'linux')).toBe(path.join(home, '.config', 'yandu'));
    expect(defaultDataDir({ HOME: home, XDG_CONFIG_HOME: path.join(root, 'cfg') }, 'linux')).toBe(path.join(root, 'cfg', 'yandu'));
    // A relative XDG_CONFIG_HOME is invalid per the spec and ignored.
    expect(defaultDataDir({ HOME: home, XDG_CONFIG_HOME: 'cfg' }, 'linux')).toBe(path.join(home, '.config', 'yandu'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\李华\\AppData\\Roaming' }, 'win32')).toBe(
      path.join('C:\\Users\\李华\\AppData\\Roaming', 'yandu'),
    );
    expect(defaultDataDir({ HOME: home }, 'darwin')).toBe(path.join(home, 'Library', 'Application Support', 'yandu'));
    expect(appDataDir({ HOME: home }, 'linux')).toBe(path.join(home, '.config'));
  });

  it('YANDU_DATA_DIR stays the override', () => {
    const dir = path.join(root, 'elsewhere');
    expect(defaultDataDir({ HOME: root, YANDU_DATA_DIR: dir }, 'linux')).toBe(dir);
    expect(resolveDataDir({ HOME: root, YANDU_DATA_DIR: dir }, 'linux')).toEqual({ dataDir: dir, migration: { action: 'none' } });
  });

  it('knows the earlier folders: the browser host’s and the product-name one', () => {
    const home = path.join(root, 'home');
    expect(legacyDataDirs({ HOME: home }, 'linux')).toEqual([
      path.join(home, '.local', 'share', 'yandu'),
      path.join(home, '.config', '研读'),
    ]);
    expect(legacyDataDirs({ HOME: home, XDG_DATA_HOME: path.join(root, 'data') }, 'linux')[0]).toBe(path.join(root, 'data', 'yandu'));
    expect(legacyDataDirs({ APPDATA: 'C:\\R' }, 'win32')).toEqual([path.join('C:\\R', '研读')]);
    expect(legacyDataDirs({ HOME: home }, 'darwin')).toEqual([path.join(home, 'Library', 'Application Support', '研读')]);
  });
});

describe('migrateDataDir', () => {
  it('moves the whole legacy folder when the new one does not exist', () => {
    const legacy = path.join(root, 'share', 'yandu');
    const target = path.join(root, 'config', 'yandu');
    mkdirSync(path.dirname(target), { recursive: true });
    const before = makeDataFolder(legacy, 'old');
    const result = migrateDataDir(target, [legacy]);
    expect(result).toEqual({ action: 'moved', from: legacy, target, leftOver: [] });
    expect(listing(target)).toEqual(before);
    expect(existsSync(legacy)).toBe(false);
    expect(describeMigration(result)).toContain(legacy);
    // Once: a second call has nothing to do.
    expect(migrateDataDir(target, [legacy])).toEqual({ action: 'none' });
  });

  it('creates the parent of the new folder when needed', () => {
    const legacy = path.join(root, 'old');
    const target = path.join(root, 'new', 'parent', 'yandu');
    const before = makeDataFolder(legacy, 'old');
    expect(migrateDataDir(target, [legacy]).action).toBe('moved');
    expect(listing(target)).toEqual(before);
  });

  it('keeps the new folder when both exist and changes neither', () => {
    const legacy = path.join(root, 'old');
    const target = path.join(root, 'new');
    const oldFiles = makeDataFolder(legacy, 'old');
    const newFiles = makeDataFolder(target, 'new');
    const result = migrateDataDir(target, [legacy]);
    expect(result).toEqual({ action: 'kept-new', target, leftOver: [legacy] });
    expect(listing(legacy)).toEqual(oldFiles);
    expect(listing(target)).toEqual(newFiles);
    expect(describeMigration(result)).toContain('left untouched');
  });

  it('moves the first legacy folder found and leaves a second one alone', () => {
    const first = path.join(root, 'share-yandu');
    const second = path.join(root, 'config-研读');
    const target = path.join(root, 'config-yandu');
    const firstFiles = makeDataFolder(first, 'first');
    const secondFiles = makeDataFolder(second, 'second');
    expect(migrateDataDir(target, [first, second])).toEqual({ action: 'moved', from: first, target, leftOver: [second] });
    expect(listing(target)).toEqual(firstFiles);
    expect(listing(second)).toEqual(secondFiles);
  });

  it('does nothing when there is no legacy folder, or the legacy folder is the target', () => {
    const target = path.join(root, 'yandu');
    expect(migrateDataDir(target, [path.join(root, 'missing')])).toEqual({ action: 'none' });
    expect(existsSync(target)).toBe(false);
    makeDataFolder(target, 'same');
    expect(migrateDataDir(target, [target])).toEqual({ action: 'none' });
  });

  it('reports a failed move, and resolveDataDir then keeps using the old folder', () => {
    const home = path.join(root, 'home');
    const legacy = path.join(home, '.local', 'share', 'yandu');
    const before = makeDataFolder(legacy, 'old');
    // ~/.config is a file, so <appData>/yandu cannot be created.
    writeFileSync(path.join(home, '.config'), 'not a folder');
    const { dataDir, migration } = resolveDataDir({ HOME: home }, 'linux');
    expect(migration.action).toBe('failed');
    expect(dataDir).toBe(legacy);
    expect(listing(legacy)).toEqual(before);
    expect(describeMigration(migration)).toMatch(/^could not move/);
  });

  it('resolveDataDir moves the browser host’s ~/.local/share/yandu to ~/.config/yandu', () => {
    const home = path.join(root, 'home');
    const before = makeDataFolder(path.join(home, '.local', 'share', 'yandu'), 'host');
    const { dataDir, migration } = resolveDataDir({ HOME: home }, 'linux');
    expect(dataDir).toBe(path.join(home, '.config', 'yandu'));
    expect(migration.action).toBe('moved');
    expect(listing(dataDir)).toEqual(before);
  });

  // /dev/shm is a separate file system where it exists: rename fails with EXDEV there.
  const otherDevice = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmpdir()).dev;
  it.skipIf(!otherDevice)('copies across file systems into place and keeps the old folder', () => {
    const shm = mkdtempSync(path.join('/dev/shm', 'yandu-data-dir-'));
    try {
      const legacy = path.join(shm, 'yandu');
      const target = path.join(root, 'config', 'yandu');
      mkdirSync(path.dirname(target), { recursive: true });
      const before = makeDataFolder(legacy, 'exdev');
      const result = migrateDataDir(target, [legacy]);
      expect(result).toEqual({ action: 'copied', from: legacy, target, leftOver: [legacy] });
      expect(listing(target)).toEqual(before);
      expect(listing(legacy)).toEqual(before);
      expect(readdirSync(path.dirname(target))).toEqual(['yandu']);
    } finally {
      rmSync(shm, { recursive: true, force: true });
    }
  });
});
