/**
 * Where the user's files live. Every host uses one folder, `<appData>/yandu` (Electron pins its
 * userData there, the browser host and the CLI use it for media/ and backups/), so the name
 * never depends on the product name's spelling and both hosts see the same backups.
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The folder's name inside the platform's application-data folder. */
export const DATA_FOLDER_NAME = 'yandu';
/** The product name, which Electron (and the browser host on Windows/macOS) used as the folder name. */
const LEGACY_PRODUCT_FOLDER = '研读';

/**
 * The platform's per-user application-data folder, as Electron's `app.getPath('appData')`
 * computes it: %APPDATA% on Windows, ~/Library/Application Support on macOS, and
 * $XDG_CONFIG_HOME or ~/.config elsewhere.
 */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = env.HOME && platform !== 'win32' ? env.HOME : os.homedir();
  if (platform === 'win32') return env.APPDATA || path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
}

/** The data folder: `YANDU_DATA_DIR` when set, else `<appData>/yandu`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.YANDU_DATA_DIR) return path.resolve(env.YANDU_DATA_DIR);
  return path.join(appDataDir(env, platform), DATA_FOLDER_NAME);
}

/**
 * Folders earlier versions used, most likely to hold real data first: the browser host's
 * (~/.local/share/yandu on Linux, `<appData>/研读` on Windows and macOS) and Electron's
 * product-name userData (`<appData>/研读`).
 */
export function legacyDataDirs(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const productDir = path.join(appDataDir(env, platform), LEGACY_PRODUCT_FOLDER);
  if (platform === 'win32' || platform === 'darwin') return [productDir];
  const home = env.HOME || os.homedir();
  const dataHome = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(home, '.local', 'share');
  return [path.join(dataHome, DATA_FOLDER_NAME), productDir];
}

export type DataDirMigration =
  | { action: 'none' }
  | { action: 'kept-new'; target: string; leftOver: string[] }
  | { action: 'moved'; from: string; target: string; leftOver: string[] }
  | { action: 'copied'; from: string; target: string; leftOver: string[] }
  | { action: 'failed'; from: string; target: string; error: string };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Moves the first legacy folder that exists to `target`, once: only while `target` does not
 * exist. The whole folder moves (library profile, media/, backups/, host.json), by one rename;
 * across file systems it is copied into a sibling and renamed into place, and the old folder is
 * kept. Nothing is ever deleted or merged: when `target` already exists, or a second legacy
 * folder exists, those are left as they are and reported in `leftOver`.
 */
export function migrateDataDir(target: string, legacy: readonly string[]): DataDirMigration {
  const resolved = path.resolve(target);
  const existing = [...new Set(legacy.map((d) => path.resolve(d)))].filter((d) => d !== resolved && existsSync(d));
  if (existsSync(resolved)) return existing.length ? { action: 'kept-new', target: resolved, leftOver: existing } : { action: 'none' };
  const [from, ...leftOver] = existing;
  if (from === undefined) return { action: 'none' };
  try {
    mkdirSync(path.dirname(resolved), { recursive: true });
    renameSync(from, resolved);
    return { action: 'moved', from, target: resolved, leftOver };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Another process (the other host starting at the same moment) moved it first.
    if (code === 'ENOENT' && existsSync(resolved)) return { action: 'none' };
    if (code !== 'EXDEV') return { action: 'failed', from, target: resolved, error: errorText(error) };
  }
  // A different file system (XDG folders on separate mounts): copy, then one rename into place,
  // so a crash mid-copy never leaves a half-filled data folder behind.
  const staging = `${resolved}.migrating-${process.pid}`;
  try {
    cpSync(from, staging, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true, verbatimSymlinks: true });
    renameSync(staging, resolved);
    return { action: 'copied', from, target: resolved, leftOver: [from, ...leftOver] };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    return { action: 'failed', from, target: resolved, error: errorText(error) };
  }
}

/** One line for the log about what `migrateDataDir` did, or null when there is nothing to say. */
export function describeMigration(result: DataDirMigration): string | null {
  switch (result.action) {
    case 'none':
      return null;
    case 'kept-new':
      return `data folder ${result.target} in use; earlier folder(s) left untouched: ${result.leftOver.join(', ')}`;
    case 'moved':
    case 'copied':
      return (
        `data folder ${result.action} from ${result.from} to ${result.target}` +
        (result.leftOver.length ? `; also found, left untouched: ${result.leftOver.join(', ')}` : '')
      );
    case 'failed':
      return `could not move data folder ${result.from} to ${result.target}: ${result.error}`;
  }
}

/**
 * The data folder a host should use, after the one-time migration: `preferred` (by default
 * `defaultDataDir`), or the legacy folder when moving it failed, so the user's data stays in
 * use rather than an empty folder replacing it. `YANDU_DATA_DIR` is used as it is.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  preferred: string = defaultDataDir(env, platform),
): { dataDir: string; migration: DataDirMigration } {
  if (env.YANDU_DATA_DIR) return { dataDir: path.resolve(env.YANDU_DATA_DIR), migration: { action: 'none' } };
  const migration = migrateDataDir(preferred, legacyDataDirs(env, platform));
  return { dataDir: migration.action === 'failed' ? migration.from : path.resolve(preferred), migration };
}

/** Synced and imported images, stored by content hash; served to the renderer as ./media/<name>. */
export function mediaDir(dataDir: string): string {
  return path.join(dataDir, 'media');
}

/** URL paths under this prefix are served from the media folder by both hosts. */
export const MEDIA_PREFIX = '/media/';
