// @vitest-environment jsdom
// Restores sanitise article HTML with the renderer's DOMPurify, which needs a DOM as in the app.
/**
 * Files written by the release with container format v1 still import: a packet made by
 * `packet sample`, a return file, and a backup made the way the app makes one
 * (tests/fixtures/v1/make-v1.ts, run with that release's code). Fixtures are never regenerated.
 */
import 'fake-indexeddb/auto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackupService } from '../../main/services/backup/service';
import { readPacketBytes } from '../../main/services/packets/reader';
import { buildApi, dispatch, type Api, type Services } from '../../shared/contract';
import { YanduDB } from '../../renderer/db/schema';
import { restoreBackup } from '../../renderer/core/backup/backup';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/v1');
const BACKUP_NAME = 'backup-20250301T080000000Z-manual.yandubak';
let dataDir = '';

function apiFor(dir: string): Api {
  const services = { backup: createBackupService({ dataDir: dir, appVersion: 'test' }) } as unknown as Services;
  return buildApi(
    (name, arg) => dispatch(services, name, arg),
    () => () => undefined,
  );
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-v1-'));
  await mkdir(path.join(dataDir, 'backups'), { recursive: true });
  await copyFile(path.join(fixtures, 'library.yandubak'), path.join(dataDir, 'backups', BACKUP_NAME));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('v1 files still import', () => {
  it('reads the v1 sample packet', async () => {
    const file = readPacketBytes(new Uint8Array(await readFile(path.join(fixtures, 'sample-packet.yandu'))));
    expect(file.kind).toBe('packet');
    if (file.kind !== 'packet') return;
    expect(file.manifest.id).toBe('p_sample_2025_01');
    expect(file.articles).toHaveLength(3);
    expect(file.highlights.length).toBeGreaterThan(0);
    expect(file.images).toHaveLength(1);
    expect(file.session.readings).toEqual(file.articles.map((a) => a.id));
  });

  it('reads the v1 return file', async () => {
    const file = readPacketBytes(new Uint8Array(await readFile(path.join(fixtures, 'return.yandu'))));
    expect(file.kind).toBe('return');
    if (file.kind !== 'return') return;
    expect(file.body.member.name).toBe('李四');
    expect(file.body.notes.map((n) => n.zi)).toEqual([4]);
  });

  it('restores the v1 backup: every table, the image, unknown note nodes kept', async () => {
    const api = apiFor(dataDir);
    const listed = await api.backup.list({});
    expect(listed.entries.map((e) => e.name)).toEqual([BACKUP_NAME]);
    const db = new YanduDB('v1-restore');
    await db.open();
    const checked = await api.backup.inspect({ ref: { from: 'folder', name: BACKUP_NAME } });
    const result = await restoreBackup(db, api, checked);
    expect(result.counts).toMatchObject({
      articles: 3,
      bodies: 3,
      highlights: 2,
      notes: 1,
      sessions: 1,
      members: 2,
      packets: 1,
      returns: 1,
    });
    expect((await db.articles.get('art_1'))?.title).toBe('第1篇学习文章');
    expect((await db.highlights.get('h_2'))?.color).toBe('orange');
    // Article HTML passes the renderer's allow-list on the way in, like every other door.
    const body = await db.bodies.get('art_2');
    expect(body?.html).toContain('知行合一');
    expect(body?.html).not.toMatch(/onclick|<script/);
    expect(body?.text).toBe('知行合一。');
    const note = await db.notes.get('n_1');
    expect(JSON.stringify(note?.doc)).toContain('futureCallout');
    expect(JSON.stringify(note?.doc)).toContain('futureMark');
    expect((await db.sessions.get('s_1'))?.absentees).toEqual([{ name: '赵六', reason: '出差' }]);
    expect((await db.settings.get('study.rules'))?.value).toEqual({ sessionsPerYear: 8, attendanceMin: 90, reflectionsPerYear: 3 });
    expect((await readdir(path.join(dataDir, 'media'))).filter((n) => n.endsWith('.png'))).toHaveLength(1);
    db.close();
  });
});
