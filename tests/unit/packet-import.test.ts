/**
 * Installing packets into Dexie: preview, idempotence, re-issue (勘误) with what changed, an
 * older version refused, personal highlights and notes never touched.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi, dispatch, type Services } from '../../shared/contract';
import { decodeFile } from '../../shared/packet/packet';
import type { PacketDraft } from '../../shared/packet/schema';
import { YanduDB, type HighlightRow } from '../../renderer/db/schema';
import { blockOf, checkBase64, commit } from '../../renderer/core/packets';
import { createSettingsRepository } from '../../renderer/db/repositories';
import { decodeContainer, encodeContainer } from '../../shared/packet/container';
import { SIGNATURE_ENTRY } from '../../shared/packet/signature';
import { buildPacketBytes } from '../../main/services/packets/writer';
import { loadOrCreateKey } from '../../main/services/packets/keys';
import { buildSamplePacket } from '../../main/services/packets/sample';
import { createPacketService } from '../../main/services/packets/service';
import { createBackupService } from '../../main/services/backup/service';
import { nodeSha256 } from '../../main/services/packets/reader';
import { dumpHash } from '../bench/packets';

const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));
let dir = '';
let v1 = '';
let draft: PacketDraft;
const api = () => {
  const services = {
    packets: createPacketService({ dataDir: dir }),
    backup: createBackupService({ dataDir: dir, appVersion: 'test' }),
  } as unknown as Services;
  return buildApi(
    (name, arg) => dispatch(services, name, arg),
    () => () => undefined,
  );
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-pk-import-'));
  const bytes = await buildSamplePacket(resourcesDir, dir, new Date('2025-03-01T08:00:00Z'));
  v1 = Buffer.from(bytes).toString('base64');
  const f = decodeFile(bytes, nodeSha256);
  if (f.kind !== 'packet') throw new Error('kind');
  draft = {
    meta: { id: f.manifest.id, version: 2, issuer: f.manifest.issuer, issuedAt: '2025-03-05T08:00:00.000Z', title: f.manifest.title },
    session: { ...f.session, place: '第二会议室' },
    articles: f.articles,
    highlights: f.highlights.slice(1).map((h, i) => (i === 0 ? { ...h, comment: '勘误后的批注' } : h)),
  };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('packet import', () => {
  it('previews, installs once, re-issues with a change list, refuses an older version; personal data untouched', async () => {
    const db = new YanduDB('pk-import');
    await db.open();
    const a = api();
    const first = await checkBase64(db, a, v1);
    expect(first.kind).toBe('packet');
    if (first.kind !== 'packet') return;
    expect(first.preview.status).toBe('new');
    expect(first.preview.added).toHaveLength(3);
    await commit(db, a, first);
    expect(await db.articles.count()).toBe(3);
    const leaderCount = first.file.highlights.length;
    expect(await db.highlights.where('layer').equals('leader').count()).toBe(leaderCount);

    // The member's own highlight and note on a reading.
    const articleId = first.file.articles[0]!.id;
    const personal: HighlightRow = {
      ...(await db.highlights.where('layer').equals('leader').first())!,
      id: 'h_mine',
      layer: 'personal',
      comment: '我的',
    };
    await db.highlights.put(personal);
    await db.notes.put({
      id: 'n_mine',
      kind: 'note',
      articleId,
      highlightId: 'h_mine',
      title: '',
      // A stored note always holds a Tiptap document (shared/domain/note.ts).
      doc: { type: 'doc' },
      text: '我的笔记',
      zi: 4,
      tags: [],
      createdAt: '2025-03-02T00:00:00.000Z',
      updatedAt: '2025-03-02T00:00:00.000Z',
    });

    // Again: nothing changes, byte for byte.
    const before = await dumpHash(db);
    const again = await checkBase64(db, a, v1);
    expect(again.preview.status).toBe('same');
    await commit(db, a, again);
    expect(await dumpHash(db)).toBe(before);

    // 勘误: version 2 drops one excerpt, changes a comment and the place.
    const v2 = await a.packets.build({ draft });
    const second = await checkBase64(db, a, v2.base64);
    if (second.kind !== 'packet') throw new Error('kind');
    expect(second.preview.status).toBe('update');
    expect(second.preview.changes).toEqual(expect.arrayContaining(['修改重点摘编 1 条', '删除重点摘编 1 条', '学习安排“地点”有变化']));
    // The 勘误 details: which excerpt changed (old and new comment), which was removed, notes kept.
    const diff = second.preview.diff!;
    const h0 = first.file.highlights[0]!;
    const h1 = first.file.highlights[1]!;
    expect(diff.excerptsRemoved.map((e) => [e.id, e.exact])).toEqual([[h0.id, h0.selector.exact]]);
    expect(diff.excerptsChanged).toHaveLength(1);
    expect(diff.excerptsChanged[0]!.before).toMatchObject({ id: h1.id, comment: h1.comment });
    expect(diff.excerptsChanged[0]!.after).toMatchObject({ id: h1.id, comment: '勘误后的批注', exact: h1.selector.exact });
    expect(diff.excerptsAdded).toEqual([]);
    expect(diff.readingsAdded).toEqual([]);
    expect(diff.readingsRemoved).toEqual([]);
    expect(diff.notes).toEqual({ kept: 1, onRemovedReadings: 0 });
    expect(second.signer.state).toBe('match');
    expect(blockOf(second)).toBeNull();
    await commit(db, a, second);
    expect(await db.highlights.where('layer').equals('leader').count()).toBe(leaderCount - 1);
    expect((await db.packets.get(draft.meta.id))?.version).toBe(2);
    expect((await db.sessions.get(draft.session.id))?.place).toBe('第二会议室');
    expect(await db.highlights.get('h_mine')).toEqual(personal);
    expect((await db.notes.get('n_mine'))?.text).toBe('我的笔记');

    // Version 1 again: refused, nothing written.
    const snapshot = await dumpHash(db);
    const old = await checkBase64(db, a, v1);
    expect(old.preview.status).toBe('older');
    expect(old.preview.message).toContain('已安装第 2 版');
    // The confirm button is off, with the reason.
    expect(blockOf(old)).toContain('已安装第 2 版');
    await expect(commit(db, a, old)).rejects.toMatchObject({ code: 'E_PACKET_OLDER' });
    expect(await dumpHash(db)).toBe(snapshot);
    db.close();
    await db.delete();
  });

  it('pins the 发放单位 key on first import; another key or none is refused unless confirmed, and logged', async () => {
    const db = new YanduDB('pk-import-pins');
    await db.open();
    const a = api();
    const settings = createSettingsRepository(db);
    const own = await loadOrCreateKey(path.join(dir, 'signing-key.pem'));
    const first = await checkBase64(db, a, v1);
    expect(first.signer).toMatchObject({ state: 'first', name: '示例单位党委办公室', fingerprint: own.fingerprint });
    await commit(db, a, first, {}, '2025-03-02T00:00:00.000Z');
    expect((await settings.read('packets.pins')).issuers).toEqual([
      { name: '示例单位党委办公室', fingerprint: own.fingerprint, pinnedAt: '2025-03-02T00:00:00.000Z' },
    ]);

    // Version 3 signed by another key: refused, nothing written; confirmed with the new fingerprint: installed.
    const otherDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-pk-other-'));
    try {
      const other = await loadOrCreateKey(path.join(otherDir, 'k.pem'));
      const v3 = await buildPacketBytes({ ...draft, meta: { ...draft.meta, version: 3 } }, dir, other);
      const changed = await checkBase64(db, a, Buffer.from(v3).toString('base64'));
      expect(changed.signer).toMatchObject({ state: 'changed', fingerprint: other.fingerprint, pinned: own.fingerprint });
      expect(blockOf(changed)).toMatch(/拒绝导入/);
      const snapshot = await dumpHash(db);
      await expect(commit(db, a, changed)).rejects.toMatchObject({ code: 'E_PACKET_SIGNER' });
      await expect(commit(db, a, changed, { keyChange: own.fingerprint })).rejects.toMatchObject({ code: 'E_PACKET_SIGNER' });
      expect(await dumpHash(db)).toBe(snapshot);
      await commit(db, a, changed, { keyChange: other.fingerprint.slice(0, 16) });
      expect((await db.packets.get(draft.meta.id))?.version).toBe(3);
      const pins = await settings.read('packets.pins');
      expect(pins.issuers.map((p) => p.fingerprint)).toEqual([other.fingerprint]);
      expect(pins.log.map((e) => e.kind)).toEqual(['pinned', 'keyChanged']);

      // Version 4 without a signature: refused unless the user accepts an unsigned file (logged).
      const v4 = await buildPacketBytes({ ...draft, meta: { ...draft.meta, version: 4 } }, dir, other);
      const [manifest, ...others] = decodeContainer(v4, nodeSha256);
      const unsigned = encodeContainer(
        manifest!.bytes,
        others.filter((p) => p.name !== SIGNATURE_ENTRY),
        nodeSha256,
      );
      const none = await checkBase64(db, a, Buffer.from(unsigned).toString('base64'));
      expect(none.signer.state).toBe('unsigned');
      await expect(commit(db, a, none)).rejects.toMatchObject({ code: 'E_PACKET_SIGNER' });
      expect((await db.packets.get(draft.meta.id))?.version).toBe(3);
      await commit(db, a, none, { unsigned: true });
      expect((await db.packets.get(draft.meta.id))?.version).toBe(4);
      const after = await settings.read('packets.pins');
      expect(after.issuers.map((p) => p.fingerprint)).toEqual([other.fingerprint]);
      expect(after.log.map((e) => e.kind)).toEqual(['pinned', 'keyChanged', 'unsigned']);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
      db.close();
      await db.delete();
    }
  }, 120_000);
});
