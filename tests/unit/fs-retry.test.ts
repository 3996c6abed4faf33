/**
 * Temp-file-and-rename writes on Windows: a file held open by an antivirus scanner or backup
 * agent makes rename fail with EBUSY/EPERM/EACCES for a moment; renameWithRetry waits and tries
 * again, and gives anything else straight back.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RENAME_BACKOFF_MS, renameWithRetry } from '../../main/services/fs-retry';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** A real rename that fails with `codes` first, one per call, recording every call. */
function flakyRename(codes: string[]) {
  const calls: Array<[string, string]> = [];
  return {
    calls,
    rename: async (from: string, to: string) => {
      calls.push([from, to]);
      const code = codes.shift();
      if (code) throw errno(code);
      await rename(from, to);
    },
  };
}

describe('renameWithRetry', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'yandu-rename-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['EBUSY', 'EPERM', 'EACCES'])('retries a rename that fails twice with %s, then lands the file', async (code) => {
    const from = path.join(dir, 'a.tmp');
    const to = path.join(dir, 'a.bin');
    writeFileSync(from, 'whole file');
    const fs = flakyRename([code, code]);
    const waits: number[] = [];
    await renameWithRetry(from, to, { rename: fs.rename, sleep: async (ms) => void waits.push(ms) });
    expect(fs.calls).toHaveLength(3);
    expect(waits).toEqual(RENAME_BACKOFF_MS.slice(0, 2));
    expect(readFileSync(to, 'utf8')).toBe('whole file');
    expect(existsSync(from)).toBe(false);
  });

  it('gives other errors back at once (a missing file is not a busy one)', async () => {
    const fs = flakyRename(['ENOENT']);
    const waits: number[] = [];
    await expect(
      renameWithRetry(path.join(dir, 'x'), path.join(dir, 'y'), { rename: fs.rename, sleep: async (ms) => void waits.push(ms) }),
    ).rejects.toMatchObject({ code: 'ENOENT' });
    expect(fs.calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('stops after the backoff runs out and leaves the temp file in place', async () => {
    const from = path.join(dir, 'b.tmp');
    writeFileSync(from, 'kept');
    const fs = flakyRename(Array.from({ length: 20 }, () => 'EBUSY'));
    const waits: number[] = [];
    await expect(
      renameWithRetry(from, path.join(dir, 'b.bin'), { rename: fs.rename, sleep: async (ms) => void waits.push(ms) }),
    ).rejects.toMatchObject({ code: 'EBUSY' });
    expect(fs.calls).toHaveLength(RENAME_BACKOFF_MS.length + 1);
    expect(waits).toEqual([...RENAME_BACKOFF_MS]);
    expect(readFileSync(from, 'utf8')).toBe('kept');
  });

  it('waits for real between attempts with the default sleep', async () => {
    const from = path.join(dir, 'c.tmp');
    writeFileSync(from, 'c');
    const fs = flakyRename(['EPERM']);
    await renameWithRetry(from, path.join(dir, 'c.bin'), { rename: fs.rename, backoffMs: [1] });
    expect(fs.calls).toHaveLength(2);
    expect(readFileSync(path.join(dir, 'c.bin'), 'utf8')).toBe('c');
  });
});

describe('temp-file-and-rename writers use it', () => {
  it.each([
    'main/services/packets/service.ts',
    'main/services/sync/images.ts',
    'main/services/backup/service.ts',
    'main/services/backup/container.ts',
    'main/services/extract/documents/index.ts',
    'main/host/address.ts',
  ])('%s renames only through renameWithRetry', (file) => {
    const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    expect(source).toContain('renameWithRetry(');
    expect(source.replaceAll('renameWithRetry(', '')).not.toMatch(/\brename\(/);
  });
});
