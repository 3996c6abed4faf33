// @vitest-environment jsdom
// Restores sanitise article HTML with the renderer's DOMPurify, which needs a DOM as in the app.
/**
 * A restore checks every row against shared/domain itself (it never trusts the host's answer):
 * rows that fail refuse the WHOLE restore, naming each table and how many rows; a newer database
 * version is refused in Chinese; either way the library is left exactly as it was and no undo
 * backup is taken. Main refuses the same rows when it inspects a file.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackupService } from '../../main/services/backup/service';
import { decodeTablePart } from '../../main/services/backup/container';
import { buildApi, dispatch, type Api, type Services } from '../../shared/contract';
import { YanduDB } from '../../renderer/db/schema';
import { backupDatabase, restoreBackup } from '../../renderer/core/backup/backup';
import { articleRow } from './helpers/rows';

const now = '2025-01-01T00:00:00.000Z';
let dataDir = '';

/** The real backup service; `tamper` changes what readPart answers (a host that cannot be trusted). */
function apiFor(tamper?: (table: string, records: unknown[]) => unknown[]): Api {
  const backup = createBackupService({ dataDir, appVersion: 'test' });
  const services = {
    backup: {
      ...backup,
      readPart: async (arg: Parameters<typeof backup.readPart>[0]) => {
        const part = await backup.readPart(arg);
        return tamper ? { ...part, records: tamper(part.table, part.records) } : part;
      },
    },
  } as unknown as Services;
  return buildApi(
    (name, arg) => dispatch(services, name, arg),
    () => () => undefined,
  );
}

async function seed(db: YanduDB, tag: string): Promise<void> {
  await db.open();
  await db.articles.bulkAdd([0, 1, 2].map((i) => ({ ...articleRow(i), title: `${tag}${i}` })));
  await db.bodies.bulkAdd([0, 1, 2].map((i) => ({ articleId: `a_${i}`, html: `<p>${tag}${i}</p>`, text: `${tag}${i}` })));
  await db.notes.bulkAdd(
    [1, 2, 3].map((i) => ({
      id: `n_${i}`,
      kind: 'note' as const,
      articleId: null,
      highlightId: null,
      title: `${tag}${i}`,
      doc: { type: 'doc', content: [{ type: 'paragraph' }] },
      text: tag,
      zi: 1,
      tags: [],
      createdAt: now,
      updatedAt: now,
    })),
  );
}

const snapshot = async (db: YanduDB) =>
  JSON.stringify({ a: await db.articles.toArray(), b: await db.bodies.toArray(), n: await db.notes.toArray() });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-restore-check-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('restore validation', () => {
  it('refuses the whole backup when rows fail, naming each table and how many; nothing changes', async () => {
    const source = new YanduDB('rv-source');
    await seed(source, '甲');
    const entry = await backupDatabase(source, apiFor(), 'manual', 10);
    const target = new YanduDB('rv-target');
    await seed(target, '乙');
    const before = await snapshot(target);

    const api = apiFor((table, records) => {
      if (table === 'notes') return records.map((r, i) => (i < 2 ? { ...(r as object), doc: { type: 'paragraph' } } : r));
      if (table === 'articles') return records.map((r, i) => (i === 2 ? { ...(r as object), zi: -5 } : r));
      return records;
    });
    const checked = await api.backup.inspect({ ref: { from: 'folder', name: entry.name } });
    const error = await restoreBackup(target, api, checked).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error?.code).toBe('E_BACKUP_FORMAT');
    expect(error?.message).toContain('备份文件中有 3 条记录无效');
    expect(error?.message).toContain('笔记（notes） 2 条（第 1、2 条，字段 doc）');
    expect(error?.message).toContain('文章（articles） 1 条（第 3 条，字段 zi）');
    expect(error?.message).toContain('没有恢复任何内容');
    expect(await snapshot(target)).toBe(before);
    // Refused before the undo backup: nothing was about to be replaced.
    expect((await api.backup.list({})).entries.filter((e) => e.reason === 'restore')).toEqual([]);
  });

  it('refuses a backup of a newer database version in Chinese; nothing changes', async () => {
    const source = new YanduDB('rv-newer-source');
    await seed(source, '丙');
    const api = apiFor();
    const entry = await backupDatabase(source, api, 'manual', 10);
    const target = new YanduDB('rv-newer-target');
    await seed(target, '丁');
    const before = await snapshot(target);
    const checked = await api.backup.inspect({ ref: { from: 'folder', name: entry.name } });
    const newer = { ...checked, manifest: { ...checked.manifest, db: { ...checked.manifest.db, schemaVersion: target.verno + 1 } } };
    await expect(restoreBackup(target, api, newer)).rejects.toMatchObject({
      code: 'E_BACKUP_NEWER',
      message: expect.stringMatching(/更新版本的研读/),
    });
    expect(await snapshot(target)).toBe(before);
  });

  it('main refuses the same rows when it inspects a file, counting them', async () => {
    const good = { id: 'm_1', name: '张三', title: '处长', order: 1 };
    const records = [good, { ...good, id: 'm_2', order: 'x' }, { ...good, id: 'm_3', order: 'y' }];
    const bytes = gzipSync(Buffer.from(JSON.stringify(records)));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await expect(decodeTablePart({ kind: 'table', table: 'members', records: 3, sha256 }, bytes, 4)).rejects.toMatchObject({
      code: 'E_BACKUP_FORMAT',
      message: expect.stringContaining('members 有 2 条记录无效（第 2、3 条，字段 order）'),
    });
  });
});
