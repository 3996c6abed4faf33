/**
 * Finds an Electron executable WITHOUT loading the 'electron' package: from Electron 42 on,
 * `require('electron')` tries to download the binary when it is missing and throws offline.
 * Mirrors the package's own lookup (node_modules/electron/index.js):
 *
 *   1. ELECTRON_OVERRIDE_DIST_PATH (a folder holding an unpacked Electron build), joined with
 *      path.txt's entry when present, else with the platform's executable name;
 *   2. node_modules/electron/path.txt + node_modules/electron/dist/<that>.
 *
 * Either way the file must exist. Returns `{ ok: true, path }` or `{ ok: false, reason }`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The executable inside an Electron dist folder for a platform.
 * @param {NodeJS.Platform} [platform]
 * @returns {string}
 */
export function electronExecutableName(platform = process.platform) {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/** @param {string} file */
function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * @param {string} root project root (the folder holding node_modules/)
 * @param {{ env?: Record<string, string | undefined>, platform?: NodeJS.Platform }} [options]
 * @returns {{ ok: true, path: string } | { ok: false, reason: string }}
 */
export function findElectronBinary(root, options = {}) {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(pkgDir, 'path.txt');
  const recorded = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : '';

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidates = [...new Set([recorded, electronExecutableName(platform)].filter((p) => p !== ''))];
    for (const rel of candidates) {
      const file = path.join(override, rel);
      if (isFile(file)) return { ok: true, path: file };
    }
    return {
      ok: false,
      reason: `ELECTRON_OVERRIDE_DIST_PATH=${override} holds no Electron executable (looked for ${candidates.join(', ')}).`,
    };
  }

  if (!existsSync(pkgDir)) {
    // The project does not install Electron's npm package (its downloader needs Node 22.12+,
    // see README), so a binary comes from ELECTRON_OVERRIDE_DIST_PATH.
    return {
      ok: false,
      reason:
        'no Electron binary: ELECTRON_OVERRIDE_DIST_PATH is not set. ' +
        'Set it to an unpacked Electron 45.5.0 folder to run the desktop app (and its tests).',
    };
  }
  if (recorded === '') {
    return {
      ok: false,
      reason:
        'no Electron binary: node_modules/electron/path.txt is missing, so the binary was never downloaded. ' +
        'Set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron build to run the desktop app (and its tests) offline.',
    };
  }
  const file = path.join(pkgDir, 'dist', recorded);
  if (!isFile(file)) {
    return { ok: false, reason: `no Electron binary: ${file} (named by node_modules/electron/path.txt) does not exist.` };
  }
  return { ok: true, path: file };
}

/**
 * What `npm start` passes to Electron: the project root, so Electron reads package.json (name,
 * productName, version, desktopName, main → dist/electron/main.cjs) as a packaged app would;
 * given the script itself it would run as the default "Electron" app, version and all.
 * @param {string} root
 * @param {readonly string[]} extra command-line arguments for the app
 * @returns {string[]}
 */
export function electronLaunchArgs(root, extra = []) {
  return [root, ...extra];
}
