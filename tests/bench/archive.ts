/**
 * Refusing compression bombs: each hostile file is handed to tests/unit/helpers/bounded-child.ts
 * in its own process, which reports how long the refusal took and its peak RSS. Prints
 * docx_bomb_refuse_ms / docx_bomb_peak_rss_mb (1 MB .docx, 1 GiB of zeros declared honestly),
 * docx_bomb_lying_* (the same declaring 1,000 bytes), backup_gzip_bomb_* (a 1 MB table part of
 * 1 GiB) and docx_normal_peak_rss_mb (a small LibreOffice .docx, for the baseline).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildZip, docxEntries, zerosCrc, zerosDeflate } from '../unit/helpers/zip';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MB = 1024 * 1024;

interface ChildResult {
  ok: boolean;
  code: string | null;
  ms: number;
  peakRssMb: number;
}

function child(mode: string, file: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'tests/unit/helpers/bounded-child.ts', mode, file],
      { cwd: root, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult);
      },
    );
  });
}

function bombDocx(declared: number): Buffer {
  const entries = docxEntries('');
  entries[2] = { name: 'word/document.xml', method: 8, data: zerosDeflate(1024), size: declared, crc: zerosCrc(1) };
  return buildZip(entries);
}

function gzipBomb(): Buffer {
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(zerosCrc(1024) >>> 0, 0);
  return Buffer.concat([header, zerosDeflate(1024), trailer]);
}

export async function benchArchive(): Promise<Record<string, number>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-bench-archive-'));
  const out: Record<string, number> = {};
  const record = (name: string, r: ChildResult, expectRefused: boolean) => {
    if (r.ok === expectRefused) throw new Error(`${name}: expected ${expectRefused ? 'a refusal' : 'success'}, got ${JSON.stringify(r)}`);
    out[`${name}_refuse_ms`] = Math.round(r.ms);
    out[`${name}_peak_rss_mb`] = Math.round(r.peakRssMb);
  };
  try {
    const honest = path.join(dir, 'bomb.docx');
    await writeFile(honest, bombDocx(1024 * MB));
    out.docx_bomb_file_kb = Math.round(bombDocx(1024 * MB).length / 1024);
    record('docx_bomb', await child('docx', honest), true);
    const lying = path.join(dir, 'lying.docx');
    await writeFile(lying, bombDocx(1000));
    record('docx_bomb_lying', await child('docx', lying), true);
    const part = path.join(dir, 'part.gz');
    await writeFile(part, gzipBomb());
    record('backup_gzip_bomb', await child('gzip-part', part), true);
    const normal = await child('docx', path.join(root, 'tests/fixtures/docx/libreoffice.docx'));
    if (!normal.ok) throw new Error(`normal .docx failed: ${JSON.stringify(normal)}`);
    out.docx_normal_import_ms = Math.round(normal.ms);
    out.docx_normal_peak_rss_mb = Math.round(normal.peakRssMb);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return out;
}
