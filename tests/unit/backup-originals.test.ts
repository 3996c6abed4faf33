/**
 * Backups carry the originals of imported documents (查看原件) through the backups folder's
 * content-addressed store (main/services/backup/originals.ts): a real data folder imports a PDF,
 * is backed up, wiped, and restored on a fresh data folder from the copied backups folder; the
 * original is served again with the same hash. Each original is stored once however many
 * backups name it, pruning keeps what remaining backups name, a damaged or missing original is
 * a warning (never a failed restore), the backup file keeps the previous release's layout, and
 * a backup killed just before it takes its name leaves nothing a restore would pick up.
 */
import 'fake-indexeddb/auto';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../main/host/server';
import { verifyBackup } from '../../main/services/backup/container';
import { originalsDir } from '../../main/services/backup/originals';
import { createBackupService } from '../../main/services/backup/service';
import { importUploads } from '../../main/services/files/uploads';
import { restoreBackup } from '../../renderer/core/backup/backup';
import { toArticleRow } from '../../renderer/db/repositories';
import { YanduDB } from '../../renderer/db/schema';
import type { ArticlePayload } from '../../shared/domain/article';
import { buildApi, dispatch, type Services } from '../../shared/contract';
import { stubServices } from './helpers/services';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DB = { name: 'yandu', schemaVersion: 5, stores: { articles: 'id' } };
const NOW = '2025-03-01T08:00:00.000Z';
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const fixture = (name: string) => readFile(new URL(`../fixtures/documents/${name}`, import.meta.url));
const dirs: string[] = [];
const hosts: RunningHost[] = [];

async function tempDir(tag: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `yandu-bk-orig-${tag}-`));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const h of hosts) await h.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** A document article imported through the real import path into `dataDir`. */
async function importPdf(dataDir: string, fixtureName: string, name: string): Promise<{ payload: ArticlePayload; bytes: Buffer }> {
  const bytes = await fixture(fixtureName);
  const result = await importUploads([{ name, dataBase64: bytes.toString('base64') }], dataDir);
  expect(result.failures).toEqual([]);
  return { payload: result.articles[0]!, bytes };
}

async function backUp(service: ReturnType<typeof createBackupService>, rows: unknown[], keep = 10, reason: 'manual' | 'auto' = 'manual') {
  const { token } = await service.begin({ reason, db: DB });
  await service.put({ token, table: 'articles', records: rows });
  return service.finish({ token, keep });
}

function get(port: number, urlPath: string, cookie: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, agent: false, path: urlPath, headers: { Cookie: cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('originals in backups', () => {
  it(
    'import a PDF, back up, wipe, restore on a fresh data folder: the original is served again with the same hash',
    { timeout: 120_000 },
    async () => {
      const dataDir = await tempDir('first');
      const { payload, bytes } = await importPdf(dataDir, 'report.pdf', '学习材料.pdf');
      const file = payload.document!.file!;
      const row = toArticleRow(payload, NOW);
      const service = createBackupService({ dataDir, appVersion: 'test' });
      await service.swept;

      const first = await backUp(service, [row]);
      const second = await backUp(service, [row], 10, 'auto');
      const store = originalsDir(dataDir);
      // Each original once, whatever the number of backups; one reference list per backup.
      expect((await readdir(store)).sort()).toEqual(
        [path.basename(file), first.name.replace('.yandubak', '.json'), second.name.replace('.yandubak', '.json')].sort(),
      );
      const storedAt = (await stat(path.join(store, path.basename(file)))).mtimeMs;
      const third = await backUp(service, [row], 10, 'auto');
      expect((await stat(path.join(store, path.basename(file)))).mtimeMs).toBe(storedAt);
      // The file itself keeps the previous release's layout: tables, media and the manifest only.
      const opened = await verifyBackup(path.join(service.dir, third.name));
      expect(opened.manifest.version).toBe(2);
      expect(opened.manifest.parts.every((p) => p.kind === 'table')).toBe(true);
      expect(Object.keys(opened.manifest).sort()).toEqual([
        'appVersion',
        'counts',
        'createdAt',
        'db',
        'format',
        'parts',
        'reason',
        'version',
      ]);

      // Wiped: a new machine gets a copy of the backups folder, nothing else.
      const fresh = await tempDir('fresh');
      await cp(service.dir, path.join(fresh, 'backups'), { recursive: true });
      await rm(dataDir, { recursive: true, force: true });

      // The restore path the app takes: the renderer's restore through the contract.
      const restorer = createBackupService({ dataDir: fresh, appVersion: 'test' });
      const api = buildApi(
        (name, arg) => dispatch({ backup: restorer } as unknown as Services, name, arg),
        () => () => undefined,
      );
      const db = new YanduDB('bk-orig-fresh');
      await db.open();
      const checked = await api.backup.inspect({ ref: { from: 'folder', name: third.name } });
      const result = await restoreBackup(db, api, checked);
      expect(result.originals).toEqual({ restored: 1, missing: 0 });
      expect((await db.articles.get(payload.id))?.document?.file).toBe(file);
      expect(sha(await readFile(path.join(fresh, file)))).toBe(sha(bytes));
      db.close();

      // 查看原件: the browser host serves it by hash, byte for byte.
      const rendererDir = await tempDir('renderer');
      await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
      const host = await startHost({ services: stubServices(), rendererDir, dataDir: fresh });
      hosts.push(host);
      const served = await get(host.port, `/${file}`, `yandu_token_${host.port}=${host.secret}`);
      expect(served.status).toBe(200);
      expect(sha(served.body)).toBe(sha(bytes));
    },
  );

  it(
    'a damaged or missing original is a warning, never a failed restore; pruning keeps what remaining backups name',
    { timeout: 120_000 },
    async () => {
      const dataDir = await tempDir('prune');
      const a = await importPdf(dataDir, 'report.pdf', 'a.pdf');
      const b = await importPdf(dataDir, 'gongwen.pdf', 'b.pdf');
      const fileA = a.payload.document!.file!;
      const fileB = b.payload.document!.file!;
      const service = createBackupService({ dataDir, appVersion: 'test' });
      const onlyA = await backUp(service, [toArticleRow(a.payload, NOW)], 1);
      const store = originalsDir(dataDir);
      expect(await readdir(store)).toContain(path.basename(fileA));
      // The library now names only B; keeping one manual backup drops the first and with it A's copy.
      const onlyB = await backUp(service, [toArticleRow(b.payload, NOW)], 1);
      expect((await service.list({})).entries.map((e) => e.name)).toEqual([onlyB.name]);
      expect((await readdir(store)).sort()).toEqual([path.basename(fileB), onlyB.name.replace('.yandubak', '.json')].sort());
      expect(onlyA.name).not.toBe(onlyB.name);

      // Both named again, then the store's copy of B damaged and documents/ emptied.
      const both = await backUp(service, [toArticleRow(a.payload, NOW), toArticleRow(b.payload, NOW)], 1);
      await writeFile(path.join(store, path.basename(fileB)), 'not the original');
      await rm(path.join(dataDir, 'documents'), { recursive: true, force: true });
      const checked = await service.inspect({ ref: { from: 'folder', name: both.name } });
      expect(await service.installMedia({ handle: checked.handle })).toEqual({ images: 0, originals: 1, originalsMissing: 1 });
      expect(sha(await readFile(path.join(dataDir, fileA)))).toBe(sha(a.bytes));
      await expect(stat(path.join(dataDir, fileB))).rejects.toThrow();
      // Nothing half-copied left in documents/.
      expect(await readdir(path.join(dataDir, 'documents'))).toEqual([path.basename(fileA)]);
    },
  );

  it(
    'a backup written while another is being restored never prunes the one being restored, nor its originals',
    { timeout: 120_000 },
    async () => {
      const dataDir = await tempDir('restoring');
      const a = await importPdf(dataDir, 'report.pdf', 'a.pdf');
      const b = await importPdf(dataDir, 'gongwen.pdf', 'b.pdf');
      const fileA = a.payload.document!.file!;
      const service = createBackupService({ dataDir, appVersion: 'test' });
      const old = await backUp(service, [toArticleRow(a.payload, NOW)], 1);
      // The user deleted A since; now restores the old backup, which alone names A.
      await rm(path.join(dataDir, fileA));
      const checked = await service.inspect({ ref: { from: 'folder', name: old.name } });
      // A backup finishing meanwhile (restore's own undo backup, or a timed one) keeps one of its kind.
      const newer = await backUp(service, [toArticleRow(b.payload, NOW)], 1);
      expect(await service.installMedia({ handle: checked.handle })).toEqual({ images: 0, originals: 1, originalsMissing: 0 });
      expect(sha(await readFile(path.join(dataDir, fileA)))).toBe(sha(a.bytes));
      expect((await service.list({})).entries.map((e) => e.name).sort()).toEqual([old.name, newer.name].sort());
    },
  );

  it('a reference list that cannot be read (left empty by a power cut) keeps every stored original', { timeout: 120_000 }, async () => {
    const dataDir = await tempDir('badrefs');
    const a = await importPdf(dataDir, 'report.pdf', 'a.pdf');
    const b = await importPdf(dataDir, 'gongwen.pdf', 'b.pdf');
    const fileA = a.payload.document!.file!;
    const service = createBackupService({ dataDir, appVersion: 'test' });
    const withA = await backUp(service, [toArticleRow(a.payload, NOW)]);
    const store = originalsDir(dataDir);
    await writeFile(path.join(store, withA.name.replace('.yandubak', '.json')), '');
    // The next backup names only B and prunes: which originals withA needs is unknown, so none goes.
    await backUp(service, [toArticleRow(b.payload, NOW)]);
    expect(await readdir(store)).toContain(path.basename(fileA));
    await rm(path.join(dataDir, 'documents'), { recursive: true, force: true });
    const checked = await service.inspect({ ref: { from: 'folder', name: withA.name } });
    expect(await service.installMedia({ handle: checked.handle })).toEqual({ images: 0, originals: 1, originalsMissing: 0 });
    expect(sha(await readFile(path.join(dataDir, fileA)))).toBe(sha(a.bytes));
  });

  it('a stored original cut short (a power cut after its rename) is copied again by the next backup', { timeout: 120_000 }, async () => {
    const dataDir = await tempDir('short');
    const a = await importPdf(dataDir, 'report.pdf', 'a.pdf');
    const fileA = a.payload.document!.file!;
    const service = createBackupService({ dataDir, appVersion: 'test' });
    await backUp(service, [toArticleRow(a.payload, NOW)]);
    const stored = path.join(originalsDir(dataDir), path.basename(fileA));
    await writeFile(stored, '');
    const next = await backUp(service, [toArticleRow(a.payload, NOW)]);
    expect(sha(await readFile(stored))).toBe(sha(a.bytes));
    await rm(path.join(dataDir, 'documents'), { recursive: true, force: true });
    const checked = await service.inspect({ ref: { from: 'folder', name: next.name } });
    expect(await service.installMedia({ handle: checked.handle })).toEqual({ images: 0, originals: 1, originalsMissing: 0 });
  });

  it(
    'a backup killed (SIGKILL) after copying its originals but before taking its name leaves nothing a restore picks up',
    { timeout: 120_000 },
    async () => {
      const dataDir = await tempDir('kill');
      const a = await importPdf(dataDir, 'report.pdf', 'a.pdf');
      const b = await importPdf(dataDir, 'gongwen.pdf', 'b.pdf');
      const fileA = a.payload.document!.file!;
      const fileB = b.payload.document!.file!;
      const before = createBackupService({ dataDir, appVersion: 'test' });
      const complete = await backUp(before, [toArticleRow(a.payload, NOW)]);

      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'tests/unit/helpers/backup-originals-kill-child.ts', dataDir, JSON.stringify(toArticleRow(b.payload, NOW))],
        { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('closing') && resolve());
        child.on('exit', () => reject(new Error('the writer exited before closing')));
      });
      const store = originalsDir(dataDir);
      // At the kill: B's original is in the store and a reference list names it, but no backup file does.
      expect(await readdir(store)).toContain(path.basename(fileB));
      expect((await readdir(store)).filter((n) => n.endsWith('.json'))).toHaveLength(2);
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');

      // And a restore killed while copying an original back left its temporary file in documents/.
      const dead = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
      const stale = `.partial-${dead}-${'ab'.repeat(6)}`;
      await writeFile(path.join(dataDir, 'documents', stale), 'half an original');
      await writeFile(path.join(store, stale), 'half an original');
      const after = createBackupService({ dataDir, appVersion: 'test' });
      await after.swept;
      expect(await readdir(path.join(dataDir, 'documents'))).not.toContain(stale);
      // The unfinished file, the orphan reference list and the original only it named are gone.
      expect((await readdir(after.dir)).filter((n) => n !== 'originals').sort()).toEqual([complete.name]);
      expect((await readdir(store)).sort()).toEqual([path.basename(fileA), complete.name.replace('.yandubak', '.json')].sort());
      // The complete backup restores as before, with its original.
      await rm(path.join(dataDir, 'documents'), { recursive: true, force: true });
      const checked = await after.inspect({ ref: { from: 'folder', name: complete.name } });
      expect(await after.installMedia({ handle: checked.handle })).toEqual({ images: 0, originals: 1, originalsMissing: 0 });
      expect(sha(await readFile(path.join(dataDir, fileA)))).toBe(sha(a.bytes));
    },
  );
});
