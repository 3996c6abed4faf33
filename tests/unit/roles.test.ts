/**
 * Roles (renderer/core/roles.ts) on a real Dexie (fake-indexeddb) and the real packet service:
 * the role is inferred, chosen, or set by the first packet; a member's copy is refused writes to
 * the leader's layer and to a packet's session in the core services themselves (nothing is
 * written), can hide them and copy an excerpt; a session is 已完成 only on a day that has come.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { samplePacketWorld } from './helpers/sample-packet';
import { createPackets } from '../../renderer/core/packets';
import { inferRole, roleState } from '../../renderer/core/roles';
import { createStudy, yearProgress } from '../../renderer/core/study';
import { YanduDB } from '../../renderer/db/schema';

const world = samplePacketWorld('roles');
const { freshDb } = world;
// The clock the rules are judged at: 2025-06-15, local noon.
const clock = () => new Date(2025, 5, 15, 12, 0, 0);

async function install(db: YanduDB) {
  return (await world.install(db)).session;
}

/** Every row of the tables a refused write could have touched. */
async function snapshot(db: YanduDB) {
  return {
    sessions: await db.sessions.toArray(),
    highlights: await db.highlights.toArray(),
    notes: await db.notes.toArray(),
  };
}

async function drop(...list: YanduDB[]) {
  for (const db of list) {
    db.close();
    await db.delete();
  }
}

describe('the role of a copy', () => {
  it('is inferred from the sessions while never chosen', () => {
    expect(inferRole([])).toBeNull();
    expect(inferRole([{ packetId: 'p_1', issued: null }])).toBe('member');
    expect(
      inferRole([
        { packetId: 'p_1', issued: null },
        { packetId: null, issued: null },
      ]),
    ).toBe('leader');
    const issued = { packetId: 'p_s', version: 1, wholeSha256: 'a'.repeat(64), issuedAt: '2025-01-01T00:00:00.000Z' };
    expect(inferRole([{ packetId: null, issued }])).toBe('leader');
  });

  it('a fresh copy becomes a member by its first packet; a chosen leader stays one', async () => {
    const member = await freshDb();
    expect(await roleState(member)).toEqual({ role: null, chosen: false });
    await install(member);
    expect(await roleState(member)).toEqual({ role: 'member', chosen: true });

    const leader = await freshDb();
    await createStudy(leader, world.api, clock).setRole('leader');
    await install(leader);
    expect(await roleState(leader)).toEqual({ role: 'leader', chosen: true });

    // A copy that authored a session (inferred leader) is not turned into a member by a packet.
    const author = await freshDb();
    await createStudy(author, world.api, clock).createSession('本机的专题', '2025-05-01');
    await install(author);
    expect(await roleState(author)).toEqual({ role: 'leader', chosen: false });
    await drop(member, leader, author);
  });

  it('an inferred member that creates its own session stays a member', async () => {
    const db = await freshDb();
    await install(db);
    // As an earlier release left it: the role never written.
    await db.settings.delete('study.role');
    expect(await roleState(db)).toEqual({ role: 'member', chosen: false });
    await createStudy(db, world.api, clock).createSession('自学', '2025-05-01');
    expect(await roleState(db)).toEqual({ role: 'member', chosen: true });
    await drop(db);
  });
});

describe("a member's copy", () => {
  it('cannot write the leader’s layer; the refusal says why and writes nothing', async () => {
    const db = await freshDb();
    const session = await install(db);
    const packets = createPackets(db, world.api);
    const excerpt = (await db.highlights.where('layer').equals('leader').first())!;
    const before = await snapshot(db);
    const forbidden = { code: 'E_FORBIDDEN', message: expect.stringContaining('重点摘编由组长标注') as unknown };
    await expect(packets.markExcerpt(session.readings[0]!, 1, { ...excerpt.selector })).rejects.toMatchObject(forbidden);
    await expect(packets.commentExcerpt(excerpt, '改一下')).rejects.toMatchObject(forbidden);
    await expect(packets.removeExcerpt(excerpt)).rejects.toMatchObject(forbidden);
    await expect(packets.restoreExcerpt({ ...excerpt, comment: '伪造' })).rejects.toMatchObject(forbidden);
    expect(await snapshot(db)).toEqual(before);
    await drop(db);
  });

  it('cannot change or delete a packet’s session, but can keep its own 学习记录 and hide it', async () => {
    const db = await freshDb();
    const session = await install(db);
    const study = createStudy(db, world.api, clock);
    const before = await snapshot(db);
    await expect(study.updateSession(session.id, { readings: session.readings.slice(1) })).rejects.toMatchObject({
      code: 'E_FORBIDDEN',
      message: expect.stringContaining('学习篇目由组长发放的资料包决定') as unknown,
    });
    await expect(study.updateSession(session.id, { status: 'cancelled' })).rejects.toMatchObject({
      code: 'E_FORBIDDEN',
      message: expect.stringContaining('状态') as unknown,
    });
    await expect(study.updateSession(session.id, { topic: '改过的专题' })).rejects.toMatchObject({ code: 'E_FORBIDDEN' });
    await expect(study.saveSession({ ...session, place: '别处' })).rejects.toMatchObject({ code: 'E_FORBIDDEN' });
    await expect(study.removeSession(session.id)).rejects.toMatchObject({
      code: 'E_FORBIDDEN',
      message: expect.stringContaining('不能删除') as unknown,
    });
    // Handing it out again would mark it as authored here (and so editable): refused too.
    await expect(createPackets(db, world.api).exportSession(session.id, false)).rejects.toMatchObject({
      code: 'E_FORBIDDEN',
      message: expect.stringContaining('不能再作为资料包发放') as unknown,
    });
    expect(await snapshot(db)).toEqual(before);

    // The record is the member's own; the packet's fields sent back unchanged are no change.
    const saved = await study.updateSession(session.id, { summary: '我的记录', place: session.place, host: session.host });
    expect(saved?.summary).toBe('我的记录');

    // Hiding is a setting: the session stays, and shows again when unhidden.
    await study.hideSession(session.id, true);
    expect((await study.hidden()).sessions).toEqual([session.id]);
    expect(await db.sessions.get(session.id)).toBeDefined();
    expect((await study.detail(session.id))?.hidden).toBe(true);
    await study.hideSession(session.id, false);
    expect((await study.hidden()).sessions).toEqual([]);
    await study.hideLeaderLayer(true);
    expect((await study.hidden()).leaderLayer).toBe(true);

    // Its own sessions are its to edit and delete.
    const own = await study.createSession('自学', '2025-05-01');
    await study.updateSession(own, { readings: session.readings.slice(0, 1) });
    await study.removeSession(own);
    expect(await db.sessions.get(own)).toBeUndefined();
    await drop(db);
  });

  it('copies an excerpt into a personal highlight and a note on the same place', async () => {
    const db = await freshDb();
    await install(db);
    const packets = createPackets(db, world.api);
    const excerpt = (await db.highlights.where('layer').equals('leader').first())!;
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: excerpt.selector.exact }] }] };
    const { highlight, noteId } = await packets.copyExcerptToMine(excerpt.id, '重点摘编', doc);
    const highlightId = highlight.id;
    const mine = (await db.highlights.get(highlightId))!;
    expect(mine).toEqual(highlight);
    expect(mine).toMatchObject({ layer: 'personal', articleId: excerpt.articleId, selector: excerpt.selector, comment: null });
    expect(await db.notes.get(noteId)).toMatchObject({ highlightId, articleId: excerpt.articleId, title: '重点摘编' });
    // The leader's row is untouched, and the copy is the member's to change.
    expect(await db.highlights.get(excerpt.id)).toEqual(excerpt);
    await expect(packets.copyExcerptToMine(mine.id, 'x', doc)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    await drop(db);
  });
});

describe("a leader's copy", () => {
  it('does everything as before on a packet’s session and the leader’s layer', async () => {
    const db = await freshDb();
    const study = createStudy(db, world.api, clock);
    await study.setRole('leader');
    const session = await install(db);
    const packets = createPackets(db, world.api);
    const excerpt = (await db.highlights.where('layer').equals('leader').first())!;
    const next = await packets.commentExcerpt(excerpt, '组长的批注');
    expect((await db.highlights.get(excerpt.id))?.comment).toBe('组长的批注');
    await packets.removeExcerpt(next);
    expect(await db.highlights.get(excerpt.id)).toBeUndefined();
    expect((await study.updateSession(session.id, { readings: session.readings.slice(1), topic: '新专题' }))?.topic).toBe('新专题');
    await study.removeSession(session.id);
    expect(await db.sessions.count()).toBe(0);
    await drop(db);
  });
});

describe('已完成 only on a day that has come', () => {
  it('refuses a future or missing date for every caller, and counts only held sessions', async () => {
    const db = await freshDb();
    const study = createStudy(db, world.api, clock);
    await study.setRole('leader');
    const future = await study.createSession('下月的学习', '2025-07-01');
    const noDate = await study.createSession('待定', '');
    const past = await study.createSession('上月的学习', '2025-05-20');
    const today = await study.createSession('今天的学习', '2025-06-15');
    const before = await snapshot(db);
    await expect(study.updateSession(future, { status: 'done' })).rejects.toMatchObject({
      code: 'E_INVALID_ARGUMENT',
      message: '日期在今天之后的学习安排不能标为已完成。',
    });
    await expect(study.updateSession(noDate, { status: 'done' })).rejects.toMatchObject({
      message: '还没有确定日期的学习安排不能标为已完成。',
    });
    const row = (await db.sessions.get(future))!;
    await expect(study.saveSession({ ...row, status: 'done' })).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT' });
    expect(await snapshot(db)).toEqual(before);

    await study.updateSession(past, { status: 'done' });
    await study.updateSession(today, { status: 'done' });
    // Moving a done session into the future is the same change.
    await expect(study.updateSession(past, { date: '2025-08-01' })).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT' });

    // A future session stored as done by an earlier release does not count, and is not locked.
    await db.sessions.update(future, { status: 'done' });
    expect((await study.updateSession(future, { topic: '下月的学习（改）' }))?.status).toBe('done');
    expect((await yearProgress(db, 2025, '2025-06-15')).sessionsDone).toBe(2);
    expect((await study.dashboard(2025)).progress.sessionsDone).toBe(2);
    // Once its day has come it counts.
    expect((await yearProgress(db, 2025, '2025-07-01')).sessionsDone).toBe(3);
    await drop(db);
  });
});
