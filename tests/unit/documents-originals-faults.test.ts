/**
 * Originals when writing fails or is cut short: a full disk (the fs write is a test double: no
 * tmpfs without root privileges here) leaves no half file and says why in Chinese; the next start
 * removes temporary files of writers that were killed, never a live writer's.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile as realWriteFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const fault = vi.hoisted(() => ({ on: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    // A disk that fills up halfway through the write.
    writeFile: async (file: Parameters<typeof real.writeFile>[0], data: Uint8Array, ...rest: unknown[]) => {
      if (!fault.on) return real.writeFile(file, data, ...(rest as []));
      await real.writeFile(file, data.subarray(0, data.length >> 1));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
  };
});

const { storeOriginal } = await import('../../main/services/extract/documents/index');
const { sweepOriginalTemps } = await import('../../main/services/documents-route');

const dirs: string[] = [];
afterEach(async () => {
  fault.on = false;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function dataDir(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), 'yandu-orig-faults-'));
  dirs.push(d);
  return d;
}

describe('originals under faults', () => {
  it('a full disk while storing an original: a Chinese reason, no file left, the next try stores it whole', async () => {
    const dir = await dataDir();
    const bytes = Buffer.alloc(64 * 1024, 7);
    fault.on = true;
    await expect(storeOriginal(dir, bytes, 'pdf')).rejects.toMatchObject({
      code: 'E_DISK_FULL',
      message: '磁盘空间不足，文档的原件没有保存，没有导入。请清理磁盘后重新导入。',
    });
    expect(await readdir(path.join(dir, 'documents'))).toEqual([]);
    fault.on = false;
    const rel = await storeOriginal(dir, bytes, 'pdf');
    expect(await readdir(path.join(dir, 'documents'))).toEqual([path.basename(rel)]);
  });

  it('start-up removes temporary originals of writers that are gone, and only those', async () => {
    const dir = await dataDir();
    const docs = path.join(dir, 'documents');
    await mkdir(docs);
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const hash = 'a'.repeat(64);
      const names = {
        dead: `${hash}.pdf.${dead.pid}.1700000000000.tmp`,
        live: `${hash}.docx.${live.pid}.1700000000000.tmp`,
        stored: `${hash}.pdf`,
        other: 'notes.txt.123.tmp',
      };
      for (const n of Object.values(names)) await realWriteFile(path.join(docs, n), 'x');
      expect(await sweepOriginalTemps(dir)).toEqual([names.dead]);
      expect((await readdir(docs)).sort()).toEqual([names.live, names.other, names.stored].sort());
    } finally {
      live.kill('SIGKILL');
    }
  });
});
