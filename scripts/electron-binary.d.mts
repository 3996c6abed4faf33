/** Types for scripts/electron-binary.mjs. */
export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

export function electronExecutableName(platform?: NodeJS.Platform): string;

export function findElectronBinary(
  root: string,
  options?: { env?: Record<string, string | undefined>; platform?: NodeJS.Platform },
): ElectronBinary;

/** What `npm start` passes to Electron: the project root (so package.json names the app), then `extra`. */
export function electronLaunchArgs(root: string, extra?: readonly string[]): string[];
