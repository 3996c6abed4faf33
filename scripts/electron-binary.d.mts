/** Types for scripts/electron-binary.mjs. */
export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

export function electronExecutableName(platform?: NodeJS.Platform): string;

export function findElectronBinary(
  root: string,
  options?: { env?: Record<string, string | undefined>; platform?: NodeJS.Platform },
): ElectronBinary;
