/**
 * Renames that survive Windows: antivirus scanners, backup agents and the search indexer open
 * a just-written file for a moment, and a rename onto or from it then fails with EBUSY, EPERM
 * or EACCES although it would succeed a few hundred milliseconds later. Every
 * temp-file-and-rename write in main/ goes through renameWithRetry, which retries those codes
 * with a short, growing backoff and rethrows anything else (ENOENT, ENOSPC, EXDEV) at once.
 */
import { rename as fsRename } from 'node:fs/promises';

export const RETRY_CODES: ReadonlySet<string> = new Set(['EBUSY', 'EPERM', 'EACCES']);
/** Waits between attempts: 7 attempts over about 1.5 s in all. */
export const RENAME_BACKOFF_MS: readonly number[] = [20, 50, 100, 200, 400, 800];

export interface RenameDeps {
  rename?: (from: string, to: string) => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
  backoffMs?: readonly number[];
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** fs.rename, retried on EBUSY/EPERM/EACCES (files held open by other programs). */
export async function renameWithRetry(from: string, to: string, deps: RenameDeps = {}): Promise<void> {
  const rename = deps.rename ?? fsRename;
  const sleep = deps.sleep ?? defaultSleep;
  const backoff = deps.backoffMs ?? RENAME_BACKOFF_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      const wait = backoff[attempt];
      if (!RETRY_CODES.has(code) || wait === undefined) throw error;
      await sleep(wait);
    }
  }
}
