/**
 * Backups under bounds: a gzip bomb in a table part is refused at the cap (its peak memory
 * measured in a child process), the writer keeps every part it writes within the reader's
 * bounds, and a backup killed mid-write leaves nothing behind once the service starts again.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BACKUP_END, BACKUP_MAGIC, LEGACY_BACKUP_VERSION, type LegacyBackupManifest } from '../../shared/backup/format';
import { MAX_TABLE_PART_BYTES, verifyBackup } from '../../main/services/backup/container';
import { createBackupService } from '../../main/services/backup/service';
import { zerosCrc, zerosDeflate } from './helpers/zip';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MB = 1024 * 1024;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const DB = { name: 'yandu', schemaVersion: 1, stores: { settings: 'key' } };

/** A gzip member of `mb` MiB of zeros, ~1 KB per MiB. */
function gzipBomb(mb: number): Buffer {
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(zerosCrc(mb) >>> 0, 0);
  trailer.writeUInt32LE((mb * MB) % 2 ** 32, 4);
  return Buffer.concat([header, zerosDeflate(mb), trailer]);
}

/** A backup file (format version 1, still read) put together by hand around the given table parts (hashes all correct). */
async function handMadeBackup(file: string, parts: { table: string; records: number; bytes: Buffer }[]): Promise<void> {
  const header = Buffer.alloc(16);
  header.write(BACKUP_MAGIC, 0, 'latin1');
  header.writeUInt16BE(LEGACY_BACKUP_VERSION, 8);
  let offset = 16;
  const manifest: LegacyBackupManifest = {
    format: 'yandu-backup',
    version: LEGACY_BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    reason: 'manual',
    appVersion: 'test',
    db: DB,
    counts: {},
    parts: parts.map((p) => {
      const part = { kind: 'table' as const, table: p.table, records: p.records, offset, size: p.bytes.length, sha256: sha256(p.bytes) };
      offset += p.bytes.length;
      return part;
    }),
  };
  for (const p of parts) manifest.counts[p.table] = (manifest.counts[p.table] ?? 0) + p.records;
  const json = Buffer.from(JSON.stringify(manifest));
  const body = Buffer.concat([header, ...parts.map((p) => p.bytes), json]);
  const trailer = Buffer.alloc(76);
  trailer.writeUInt32BE(json.length, 0);
  Buffer.from(sha256(json), 'hex').copy(trailer, 4);
  createHash('sha256').update(body).digest().copy(trailer, 36);
  trailer.write(BACKUP_END, 68, 'latin1');
  await writeFile(file, Buffer.concat([body, trailer]));
}

function runChild(args: string[]): Promise<{ ok: boolean; code: string; message: string; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop()!));
    });
  });
}

describe('a gzip bomb in a backup', () => {
  it('is refused when the backup is checked; the same file with an honest part passes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-bkbomb-'));
    const honest = path.join(dir, 'honest.yandubak');
    await handMadeBackup(honest, [{ table: 'settings', records: 1, bytes: gzipSync(JSON.stringify([{ key: 'k', value: 1 }])) }]);
    await expect(verifyBackup(honest)).resolves.toHaveProperty('manifest.counts.settings', 1);
    const bomb = path.join(dir, 'bomb.yandubak');
    await handMadeBackup(bomb, [{ table: 'settings', records: 1, bytes: gzipBomb(1024) }]);
    await expect(verifyBackup(bomb)).rejects.toMatchObject({
      code: 'E_ARCHIVE_LIMIT',
      message: '备份文件中的 settings 数据解压后过大（可能是压缩炸弹），已拒绝恢复。',
    });
  });

  it('refuses a table part too large to be one the writer made, before reading it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-bkbig-'));
    const file = path.join(dir, 'big.yandubak');
    await handMadeBackup(file, [{ table: 'settings', records: 1, bytes: Buffer.alloc(MAX_TABLE_PART_BYTES + 1) }]);
    await expect(verifyBackup(file)).rejects.toMatchObject({
      code: 'E_ARCHIVE_LIMIT',
      message: expect.stringContaining('settings 数据过大'),
    });
  });

  it('stops at the cap: a child process decoding a 1 MB part of 1 GiB stays under 300 MB', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-bkbomb-'));
    const part = path.join(dir, 'part.gz');
    await writeFile(part, gzipBomb(1024));
    const r = await runChild(['tests/unit/helpers/bounded-child.ts', 'gzip-part', part]);
    expect(r).toMatchObject({ ok: false, code: 'E_ARCHIVE_LIMIT' });
    expect(r.peakRssMb).toBeLessThan(300);
  }, 90_000);
});

describe('the writer keeps its parts within the reader’s bounds', () => {
  it('splits a chunk that compresses like a bomb, stores one such record uncompressed, and reads both back', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-bksplit-'));
    const service = createBackupService({ dataDir, appVersion: 'test' });
    const { token } = await service.begin({ reason: 'manual', db: DB });
    // ~12 MB of JSON that gzip shrinks ~1000 times: one part would look like a bomb.
    const repetitive = Array.from({ length: 4 }, (_, i) => ({ key: `k${i}`, value: '学'.repeat(MB) }));
    expect((await service.put({ token, table: 'settings', records: repetitive })).parts).toBe(2);
    const single = [{ key: 'big', value: 'a'.repeat(9 * MB) }];
    expect((await service.put({ token, table: 'settings', records: single })).parts).toBe(1);
    const normal = [{ key: 'small', value: 1 }];
    expect((await service.put({ token, table: 'settings', records: normal })).parts).toBe(1);
    const entry = await service.finish({ token, keep: 10 });
    const checked = await service.inspect({ ref: { from: 'folder', name: entry.name } });
    const read = [];
    for (const t of checked.tables) read.push(...(await service.readPart({ handle: checked.handle, index: t.index })).records);
    expect(read).toEqual([...repetitive, ...single, ...normal]);
  });
});

describe('unfinished backup files', () => {
  it('start-up removes only our stale temporary files, never a live writer’s or anything else', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-bksweep-'));
    const first = createBackupService({ dataDir, appVersion: 'test' });
    const { token } = await first.begin({ reason: 'manual', db: DB });
    await first.put({ token, table: 'settings', records: [{ key: 'k', value: 1 }] });
    const complete = await first.finish({ token, keep: 10 });
    const hex = 'ab'.repeat(16);
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    const stale = [`.partial-${dead}-${hex}.yandubak`, `.upload-${dead}-${hex}.yandubak`, `.partial-${hex}.yandubak`];
    const kept = [`.partial-${process.ppid}-${hex}.yandubak`, 'notes.txt', `.partial-${dead}-${hex}.yandubak.keep`, '.partial-x.yandubak'];
    for (const n of [...stale, ...kept]) await writeFile(path.join(first.dir, n), 'x');
    // An unfinished backup of a live service in this very process is not touched either.
    const live = await first.begin({ reason: 'manual', db: DB });
    const livePartial = (await readdir(first.dir)).filter((n) => n.startsWith(`.partial-${process.pid}-`));
    expect(livePartial).toHaveLength(1);
    kept.push(...livePartial);
    // A file this pid left in an earlier run (the pid reused) is stale.
    stale.push(`.partial-${process.pid}-${'cd'.repeat(16)}.yandubak`);
    await writeFile(path.join(first.dir, stale.at(-1)!), 'x');
    const second = createBackupService({ dataDir, appVersion: 'test' });
    expect((await second.swept).sort()).toEqual([...stale].sort());
    expect((await readdir(second.dir)).sort()).toEqual([complete.name, ...kept].sort());
    expect((await second.list({})).entries.map((e) => e.name)).toEqual([complete.name]);
    await first.finish({ token: live.token, keep: 10 });
    expect((await second.list({})).entries).toHaveLength(2);
  });

  it('a backup killed mid-write (SIGKILL) leaves no partial file after the next start, and earlier backups stay intact', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-bkkill-'));
    const before = createBackupService({ dataDir, appVersion: 'test' });
    const { token } = await before.begin({ reason: 'manual', db: DB });
    await before.put({ token, table: 'settings', records: [{ key: 'kept', value: '之前的备份' }] });
    const complete = await before.finish({ token, keep: 10 });
    const bytesBefore = (await stat(path.join(before.dir, complete.name))).size;

    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/helpers/backup-kill-child.ts', dataDir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('writing') && resolve());
      child.on('exit', () => reject(new Error('the writer exited before writing')));
    });
    // Mid-write: the unfinished file is there and growing.
    const partial = () => readdir(before.dir).then((names) => names.filter((n) => n.startsWith('.partial-')));
    await expect.poll(async () => (await partial()).length).toBe(1);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(await partial()).toHaveLength(1);

    const after = createBackupService({ dataDir, appVersion: 'test' });
    await after.swept;
    expect(await partial()).toEqual([]);
    expect((await readdir(after.dir)).sort()).toEqual([complete.name]);
    expect((await stat(path.join(after.dir, complete.name))).size).toBe(bytesBefore);
    const checked = await after.inspect({ ref: { from: 'folder', name: complete.name } });
    expect((await after.readPart({ handle: checked.handle, index: checked.tables[0]!.index })).records).toEqual([
      { key: 'kept', value: '之前的备份' },
    ]);
  }, 90_000);
});
