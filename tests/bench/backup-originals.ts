/**
 * What originals cost a rolling backup: a library naming 100 originals of 1 MB each is backed
 * up three times through the backup service (main only, no browser). The first backup copies
 * them into the store once; the repeats only check that the store has them. Prints CPU time
 * (user + system of this process: loaded machines skew wall clock), bytes copied per backup and
 * the store's size against the originals' (1.0 = each original once).
 */
import { randomBytes, createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { originalsDir } from '../../main/services/backup/originals';
import { createBackupService } from '../../main/services/backup/service';

const COUNT = 100;
const SIZE = 1024 * 1024;

const cpuMs = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};

async function dirBytes(dir: string, match: RegExp): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) if (match.test(name)) total += (await stat(path.join(dir, name))).size;
  return total;
}

export async function benchBackupOriginals(): Promise<Record<string, number>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-bench-bkorig-'));
  try {
    await mkdir(path.join(dataDir, 'documents'));
    const rows: unknown[] = [];
    for (let i = 0; i < COUNT; i++) {
      const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(SIZE - 9)]);
      const file = `documents/${createHash('sha256').update(bytes).digest('hex')}.pdf`;
      await writeFile(path.join(dataDir, file), bytes);
      rows.push({
        id: `doc_${String(i).padStart(4, '0')}`,
        version: 1,
        updatedAt: null,
        urlKey: `file://doc${i}.pdf`,
        url: null,
        title: `文档${i}`,
        publishedAt: null,
        origin: null,
        author: null,
        editor: null,
        column: null,
        sourceId: 'local',
        sourceName: '本地文件',
        zi: 10,
        contentHash: 'a'.repeat(64),
        addedAt: '2025-01-01T00:00:00.000Z',
        document: { format: 'pdf', name: `doc${i}.pdf`, file, pageCount: 1, pages: null, docNumber: null, scanned: false },
      });
    }
    const service = createBackupService({ dataDir, appVersion: 'bench' });
    await service.swept;
    const runs: { cpu: number; backupBytes: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const start = process.cpuUsage();
      const { token } = await service.begin({ reason: 'auto', db: { name: 'yandu', schemaVersion: 5, stores: { articles: 'id' } } });
      await service.put({ token, table: 'articles', records: rows });
      const entry = await service.finish({ token, keep: 10 });
      runs.push({ cpu: cpuMs(start), backupBytes: entry.bytes });
    }
    const store = await dirBytes(originalsDir(dataDir), /\.pdf$/);
    const originals = await dirBytes(path.join(dataDir, 'documents'), /\.pdf$/);
    const [first, ...repeats] = runs;
    const repeat = Math.max(...repeats.map((r) => r.cpu));
    return {
      backup_originals_count: COUNT,
      backup_originals_first_cpu_ms: Number(first!.cpu.toFixed(1)),
      backup_originals_repeat_cpu_ms: Number(repeat.toFixed(1)),
      backup_originals_repeat_vs_first: Number((repeat / first!.cpu).toFixed(3)),
      backup_originals_file_bytes: runs[runs.length - 1]!.backupBytes,
      backup_originals_store_vs_originals: Number((store / originals).toFixed(3)),
      backup_originals_load_1m: Number(os.loadavg()[0]!.toFixed(1)),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
