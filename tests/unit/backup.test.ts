// @vitest-environment jsdom
// Restores sanitise article HTML with the renderer's DOMPurify, which needs a DOM as in the app.
/**
 * Backups: a round trip of every table and the media folder, the whole file checked before a
 * restore (damaged, truncated, hostile records, newer), undo, keep-last-N, a full disk in main
 * and a full quota in IndexedDB (both injected) with nothing half-written, older schema versions
 * restored through the app's own upgrade, and the backup taken before a pending upgrade.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackupService } from '../../main/services/backup/service';
import { BACKUP_END, BACKUP_MAGIC } from '../../shared/backup/format';
import { buildApi, dispatch, type Api, type Services } from '../../shared/contract';
import { YanduDB } from '../../renderer/db/schema';
import { backupDatabase, isDailyDue, restoreBackup } from '../../renderer/core/backup/backup';
import { backupBeforeUpgrade } from '../../renderer/core/backup/startup';
import type { OpenSink } from '../../main/services/backup/container';
import { articleRow } from './helpers/rows';

let dataDir = '';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2a6ad2d0000000049454e44ae426082',
  'hex',
);
const mediaName = `${createHash('sha256').update(PNG).digest('hex')}.png`;

function apiFor(dir: string, openSink?: OpenSink): Api {
  const services = { backup: createBackupService({ dataDir: dir, appVersion: 'test', openSink }) } as unknown as Services;
  return buildApi(
    (name, arg) => dispatch(services, name, arg),
    () => () => undefined,
  );
}

const now = '2025-01-01T00:00:00.000Z';
const article = articleRow;

async function seed(db: YanduDB, n: number, tag: string): Promise<void> {
  await db.open();
  await db.articles.bulkAdd(Array.from({ length: n }, (_, i) => ({ ...article(i), title: `${tag}${i}` })));
  await db.bodies.bulkAdd(
    Array.from({ length: n }, (_, i) => ({ articleId: `a_${i}`, html: `<p>${tag}正文${i}</p>`, text: `${tag}正文${i}` })),
  );
  await db.highlights.add({
    id: 'h_1',
    articleId: 'a_0',
    layer: 'personal',
    color: 'yellow',
    style: 'fill',
    selector: { exact: '正文', prefix: '', suffix: '', start: 0, end: 2 },
    articleVersion: 1,
    orphan: false,
    tags: ['重点'],
    comment: tag,
    createdAt: now,
    updatedAt: now,
  });
  await db.notes.add({
    id: 'n_1',
    kind: 'note',
    articleId: null,
    highlightId: null,
    title: tag,
    doc: { type: 'doc' },
    text: tag,
    zi: 2,
    tags: [],
    createdAt: now,
    updatedAt: now,
  });
  await db.settings.bulkPut([
    { key: 'reader', value: { fontSize: 20, tag } },
    { key: 'searchIndex', value: { version: 1, nextDoc: 1, nextSeg: 1, complete: true } },
  ]);
  await db.syncLog.add({ sourceId: 's', at: now, level: 'info', url: null, code: null, message: tag });
}

async function dump(db: YanduDB): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const t of db.tables) if (!t.name.startsWith('search')) out[t.name] = await t.toArray();
  // The library's identity is reset by every restore (see renderer/core/backup/library.ts).
  out.settings = (out.settings as { key: string }[]).filter((r) => !r.key.startsWith('search') && r.key !== 'library');
  return JSON.stringify(out);
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-backup-'));
  await mkdir(path.join(dataDir, 'media'), { recursive: true });
  await writeFile(path.join(dataDir, 'media', mediaName), PNG);
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips every table and the images; restore can be undone; the search index is left to rebuild', async () => {
    const api = apiFor(dataDir);
    const source = new YanduDB('bk-source');
    await seed(source, 30, '甲');
    const entry = await backupDatabase(source, api, 'manual', 10);
    expect(entry.counts).toMatchObject({ articles: 30, bodies: 30, highlights: 1, notes: 1, media: 1, settings: 1 });
    expect((await readdir(path.join(dataDir, 'backups'))).filter((n) => n.startsWith('.'))).toEqual([]);

    const target = new YanduDB('bk-target');
    await seed(target, 5, '乙');
    const before = await dump(target);
    await rm(path.join(dataDir, 'media', mediaName));
    const checked = await api.backup.inspect({ ref: { from: 'folder', name: entry.name } });
    const result = await restoreBackup(target, api, checked);
    expect(await target.articles.count()).toBe(30);
    expect((await target.notes.get('n_1'))?.title).toBe('甲');
    expect((await target.settings.get('reader'))?.value).toMatchObject({ tag: '甲' });
    expect(await target.settings.get('searchIndex')).toBeUndefined();
    expect(await target.searchDocs.count()).toBe(0);
    expect(await readFile(path.join(dataDir, 'media', mediaName))).toEqual(PNG);
    expect((await dump(target)).replace(/"id":\d+/g, '')).toBe((await dump(source)).replace(/"id":\d+/g, ''));
    expect((await target.settings.get('library'))?.value).toMatchObject({ id: expect.stringMatching(/^lib_/), rev: 0 });

    // 撤销恢复: the backup taken first brings the old library back.
    expect(result.undo.reason).toBe('restore');
    const undo = await api.backup.inspect({ ref: { from: 'folder', name: result.undo.name } });
    await restoreBackup(target, api, undo);
    expect(await dump(target)).toBe(before);
    source.close();
    target.close();
  });

  it('refuses damaged, truncated, foreign and hostile files before touching anything', async () => {
    const api = apiFor(dataDir);
    const db = new YanduDB('bk-damaged');
    await seed(db, 3, '丙');
    const entry = await backupDatabase(db, api, 'manual', 10);
    const good = await readFile(path.join(dataDir, 'backups', entry.name));
    const before = await dump(db);
    const upload = async (bytes: Uint8Array) => {
      const { token } = await api.backup.uploadBegin({ size: bytes.length });
      await api.backup.upload({ token, offset: 0, base64: Buffer.from(bytes).toString('base64') });
      return api.backup.inspect({ ref: { from: 'upload', token } });
    };
    const flipped = Buffer.from(good);
    flipped[40] = flipped[40]! ^ 0xff;
    await expect(upload(flipped)).rejects.toMatchObject({ code: 'E_BACKUP_HASH' });
    await expect(upload(good.subarray(0, good.length - 10))).rejects.toMatchObject({ code: 'E_BACKUP_FORMAT' });
    await expect(
      upload(Buffer.from('PK\u0003\u0004 not a backup at all, just some bytes of a zip file......................')),
    ).rejects.toMatchObject({
      code: 'E_BACKUP_FORMAT',
    });
    // A correctly hashed file whose records are hostile (wrong types) is refused record by record.
    await expect(upload(handMade([{ id: 1, title: '<script>window.__pwned=1</script>' }]))).rejects.toMatchObject({
      code: 'E_BACKUP_FORMAT',
    });
    await expect(api.backup.inspect({ ref: { from: 'folder', name: '../../etc/passwd' } })).rejects.toMatchObject({
      code: 'E_INVALID_ARGUMENT',
    });
    // A file from a newer app (schema version beyond ours) is refused by the renderer.
    const newer = await upload(handMade([article(1)], 99));
    await expect(restoreBackup(db, api, newer)).rejects.toMatchObject({ code: 'E_BACKUP_NEWER' });
    expect(await dump(db)).toBe(before);
    db.close();
  });

  it('keeps only the last N backups of a deliberate kind', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-backup-keep-'));
    const api = apiFor(dir);
    const db = new YanduDB('bk-keep');
    await seed(db, 1, '丁');
    for (let i = 0; i < 4; i++) await backupDatabase(db, api, 'manual', 2);
    expect((await api.backup.list({})).entries).toHaveLength(2);
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a backups folder without write permission (EACCES, injected: root ignores chmod) names the folder in Chinese and changes nothing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-backup-eacces-'));
    const denied: OpenSink = async (file) => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
    };
    const api = apiFor(dir, denied);
    const db = new YanduDB('bk-eacces');
    await seed(db, 5, '己');
    await expect(backupDatabase(db, api, 'manual', 10)).rejects.toMatchObject({
      code: 'E_RESOURCE',
      message: `备份文件夹 ${path.join(dir, 'backups')} 无法写入（没有写入权限），备份没有写入；文库中的内容没有受影响。请检查该文件夹后重试。`,
    });
    expect(await readdir(path.join(dir, 'backups'))).toEqual([]);
    expect(await db.articles.count()).toBe(5);
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a full disk in main (ENOSPC, injected) gives a clear message and leaves no partial file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-backup-full-'));
    let written = 0;
    const tinyDisk: OpenSink = async () => ({
      write: async (bytes) => {
        written += bytes.length;
        if (written > 600) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
      close: async () => undefined,
    });
    const api = apiFor(dir, tinyDisk);
    const db = new YanduDB('bk-full');
    await seed(db, 50, '戊');
    await expect(backupDatabase(db, api, 'manual', 10)).rejects.toMatchObject({
      code: 'E_DISK_FULL',
      message: expect.stringContaining('磁盘空间不足'),
    });
    expect(await readdir(path.join(dir, 'backups'))).toEqual([]);
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a full IndexedDB quota during restore (injected) leaves the library exactly as it was', async () => {
    const api = apiFor(dataDir);
    const source = new YanduDB('bk-quota-src');
    await seed(source, 20, '己');
    const entry = await backupDatabase(source, api, 'manual', 10);
    const target = new YanduDB('bk-quota-dst');
    await seed(target, 4, '庚');
    const before = await dump(target);
    const checked = await api.backup.inspect({ ref: { from: 'folder', name: entry.name } });
    // The quota runs out part-way: after articles and bodies are written, at the notes table.
    const proto = target.Table.prototype as unknown as { bulkAdd: (this: { name: string }, ...a: unknown[]) => Promise<unknown> };
    const original = proto.bulkAdd;
    proto.bulkAdd = function (this: { name: string }, ...a: unknown[]) {
      if (this.name === 'notes') return Promise.reject(new DOMException('quota', 'QuotaExceededError'));
      return original.apply(this, a);
    };
    try {
      await expect(restoreBackup(target, api, checked)).rejects.toMatchObject({
        code: 'E_DISK_FULL',
        message: expect.stringContaining('存储空间不足'),
      });
    } finally {
      proto.bulkAdd = original;
    }
    expect(await dump(target)).toBe(before);
    source.close();
    target.close();
  });

  it('backs up a version-1 database before it is upgraded, and restores that backup through the upgrade', async () => {
    const api = apiFor(dataDir);
    const name = 'bk-upgrade';
    const old = new Dexie(name);
    old.version(1).stores({
      articles: 'id, &urlKey, publishedAt, sourceId, column, addedAt, contentHash',
      bodies: 'articleId',
      reading: 'articleId, updatedAt',
      settings: 'key',
    });
    await old.open();
    const { version: _v, updatedAt: _u, ...v1 } = article(7);
    await old.table('articles').add(v1);
    await old.table('bodies').add({ articleId: 'a_7', html: '<p>旧</p>', text: '旧' });
    old.close();
    const db = new YanduDB(name);
    const backupName = await backupBeforeUpgrade(db, api);
    expect(backupName).toMatch(/-upgrade\.yandubak$/);
    await db.open();
    expect(await backupBeforeUpgrade(db, api)).toBeNull();
    await db.articles.clear();
    const checked = await api.backup.inspect({ ref: { from: 'folder', name: backupName! } });
    expect(checked.manifest.db.schemaVersion).toBe(1);
    await restoreBackup(db, api, checked);
    expect(await db.articles.get('a_7')).toMatchObject({ title: '文章7', version: 1, updatedAt: null });
    expect((await db.bodies.get('a_7'))?.text).toBe('旧');
    db.close();
  });

  it('the daily backup is due after 24 hours', () => {
    const t = Date.parse(now);
    expect(isDailyDue([], t)).toBe(true);
    expect(isDailyDue([{ createdAt: now }], t + 23 * 3600e3)).toBe(false);
    expect(isDailyDue([{ createdAt: now }], t + 25 * 3600e3)).toBe(true);
  });
});

/** A well-formed, correctly hashed backup file with the given article records (for hostile content). */
function handMade(records: unknown[], schemaVersion = 4): Buffer {
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const header = Buffer.alloc(16);
  header.write(BACKUP_MAGIC, 0, 'latin1');
  header.writeUInt16BE(1, 8);
  const part = gzipSync(Buffer.from(JSON.stringify(records)));
  const manifest = Buffer.from(
    JSON.stringify({
      format: 'yandu-backup',
      version: 1,
      createdAt: now,
      reason: 'manual',
      appVersion: 'x',
      db: { name: 'yandu', schemaVersion, stores: { articles: 'id' } },
      counts: { articles: records.length },
      parts: [{ kind: 'table', table: 'articles', records: records.length, offset: 16, size: part.length, sha256: sha(part) }],
    }),
  );
  const body = Buffer.concat([header, part, manifest]);
  const trailer = Buffer.alloc(76);
  trailer.writeUInt32BE(manifest.length, 0);
  Buffer.from(sha(manifest), 'hex').copy(trailer, 4);
  Buffer.from(sha(body), 'hex').copy(trailer, 36);
  trailer.write(BACKUP_END, 68, 'latin1');
  return Buffer.concat([body, trailer]);
}
