/**
 * Runs one hostile input in its own process so its peak memory can be measured alone:
 *   node --import tsx tests/unit/helpers/bounded-child.ts docx <file.docx>...
 *   node --import tsx tests/unit/helpers/bounded-child.ts gzip-part <part.gz>...
 * Prints one JSON line per file: { file, ok, code, message, ms, peakRssMb }. Peak RSS is the
 * kernel's maxrss (a short spike between samples counts too), so it is the peak of this process
 * so far: the last line's bounds every file before it.
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { decodeTablePart } from '../../../main/services/backup/container';
import { importFile } from '../../../main/services/files/local-files';

const [mode, ...files] = process.argv.slice(2);

async function run(file: string): Promise<void> {
  if (mode === 'docx') {
    await importFile(file);
  } else if (mode === 'gzip-part') {
    const bytes = await readFile(file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await decodeTablePart({ kind: 'table', table: 'notes', records: 1, offset: 16, size: bytes.length, sha256 }, bytes);
  } else throw new Error(`unknown mode ${mode}`);
}

for (const file of files) {
  const started = performance.now();
  let result: { ok: boolean; code: string | null; message: string | null };
  try {
    await run(file);
    result = { ok: true, code: null, message: null };
  } catch (error) {
    result = {
      ok: false,
      code: error instanceof AppError ? error.code : 'THROWN',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  const ms = performance.now() - started;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ file, ...result, ms, peakRssMb })}\n`);
}
