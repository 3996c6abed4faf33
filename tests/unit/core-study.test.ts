/**
 * The study side of renderer/core on a real Dexie (fake-indexeddb) and the real packet and
 * backup services: the return file is built by core (not by a view) and reads back as what the
 * member chose; sessions are patched on the stored row; rules and quota are written together or
 * not at all; a session is handed out and re-issued as packets; and the notebook view and its
 * print view read through one loader that a live query follows.
 */
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { noteRow, samplePacketWorld } from './helpers/sample-packet';
import { countZi } from '../../shared/text';
import { createNotebook, EMPTY_FILTER, entriesForExport, type NotebookFilter } from '../../renderer/core/notebook';
import { checkBase64, commit, createPackets } from '../../renderer/core/packets';
import { createPrint } from '../../renderer/core/print';
import { buildReturnDraft, createStudy, DEFAULT_RULES, newSession, returnCandidates, RULES_KEY } from '../../renderer/core/study';
import type { HighlightRow } from '../../renderer/db/schema';

const world = samplePacketWorld('core-study');
const { freshDb } = world;

/** A member's library with the sample packet installed; returns its session. */
const memberWithPacket = world.install;

const note = noteRow;

describe('return files (学习成果回执) built by core', () => {
  it('hands in the chosen notes and only the member’s own highlights; versions count up; a leader imports it', async () => {
    const db = await freshDb();
    const { session, packetId } = await memberWithPacket(db);
    const reading = session.readings[0]!;
    const leaderRow = (await db.highlights.where('layer').equals('leader').first())!;
    const mine: HighlightRow = { ...leaderRow, id: 'h_mine', layer: 'personal', comment: '我的批注' };
    await db.highlights.put(mine);
    const year = session.date.slice(0, 4);
    await db.notes.bulkPut([
      note('n_reading', { articleId: reading, text: '读原文的体会', zi: 6 }),
      note('n_reflection', { kind: 'reflection', text: '心得体会全文', zi: 6, createdAt: `${year}-03-05T08:00:00.000Z` }),
      note('n_loose', { text: '与本次学习无关的随手记', zi: 10 }),
      note('n_empty', { articleId: reading }),
    ]);
    const study = createStudy(db, world.api);

    const candidates = await study.returnCandidates(session);
    expect(candidates.map((n) => n.id).sort()).toEqual(['n_reading', 'n_reflection']);

    // No name: refused, and nothing is written.
    const before = await db.settings.toArray();
    await expect(study.exportReturn(session.id, { name: '  ', title: '', issuer: '' }, ['n_reading'])).rejects.toMatchObject({
      code: 'E_INVALID_ARGUMENT',
      message: '请先填写姓名。',
    });
    expect(await db.settings.toArray()).toEqual(before);

    const first = await study.exportReturn(session.id, { name: ' 张三 ', title: '处长', issuer: '' }, ['n_reading']);
    const read = await world.api.packets.read({ base64: first.base64 });
    if (read.kind !== 'return') throw new Error('kind');
    expect(read.meta.version).toBe(1);
    expect(read.meta.title).toBe('张三的学习成果回执');
    expect(read.body.member).toEqual({ name: '张三', title: '处长' });
    expect(read.body.sessionId).toBe(session.id);
    expect(read.body.packetId).toBe(packetId);
    expect(read.body.packetVersion).toBe(1);
    expect(read.body.notes.map((n) => n.id)).toEqual(['n_reading']);
    expect(read.body.highlights.map((h) => h.id)).toEqual(['h_mine']);
    expect(read.body.highlights[0]!.comment).toBe('我的批注');
    expect((await study.profile()).name).toBe(' 张三 ');

    // Again: the next version of the same file (same id: this device, this session).
    const second = await study.exportReturn(session.id, { name: '张三', title: '处长', issuer: '' }, ['n_reading', 'n_reflection']);
    const again = await world.api.packets.read({ base64: second.base64 });
    if (again.kind !== 'return') throw new Error('kind');
    expect(again.meta.version).toBe(2);
    expect(again.meta.id).toBe(read.meta.id);
    expect(again.body.notes.map((n) => n.id)).toEqual(['n_reading', 'n_reflection']);

    // The leader's side: checked, stored once, with the counts.
    const leader = await freshDb();
    const checked = await checkBase64(leader, world.api, second.base64);
    expect(checked.kind).toBe('return');
    expect(checked.preview.status).toBe('new');
    await commit(leader, world.api, checked);
    const stored = await leader.returns.get(again.meta.id);
    expect(stored?.zi).toBe(countZi('读原文的体会') + countZi('心得体会全文'));
    expect(stored?.reflections).toBe(1);
    const older = await checkBase64(leader, world.api, first.base64);
    expect(older.preview.status).toBe('older');
    await expect(commit(leader, world.api, older)).rejects.toMatchObject({ code: 'E_PACKET_OLDER' });
    expect(await leader.returns.count()).toBe(1);
    for (const d of [db, leader]) {
      d.close();
      await d.delete();
    }
  });

  it('buildReturnDraft is pure: the installed packet wins over the session’s, names are trimmed and capped', () => {
    const session = { ...newSession('2026-04-01', '2026-04-01T00:00:00.000Z'), id: 's_x', topic: '专题', packetId: 'p_old' };
    const draft = buildReturnDraft({
      session,
      packet: undefined,
      profile: { name: `  ${'名'.repeat(120)}  `, title: ' 科员 ' },
      notes: [],
      highlights: [],
      device: 'abcdef12',
      version: 3,
      now: '2026-04-02T00:00:00.000Z',
    });
    expect(draft.meta).toMatchObject({ id: 'r_abcdef12_s_x', version: 3, issuedAt: '2026-04-02T00:00:00.000Z' });
    expect(draft.body.packetId).toBe('p_old');
    expect(draft.body.packetVersion).toBeNull();
    expect(draft.body.member.name).toHaveLength(100);
    expect(draft.body.member.title).toBe('科员');
    expect(returnCandidates([note('a', { zi: 3, kind: 'outline', createdAt: '2025-01-01T00:00:00.000Z' })], session)).toEqual([]);
  });
});

describe('sessions, rules and packets handed out', () => {
  it('patches the stored session, not a stale copy; the year follows the date', async () => {
    const db = await freshDb();
    const study = createStudy(db, world.api);
    const id = await study.createSession('专题一', '2025-05-01');
    await Promise.all([study.updateSession(id, { place: '一楼' }), study.updateSession(id, { host: '赵书记' })]);
    await study.updateSession(id, { date: '2026-01-09' });
    const row = await study.session(id);
    expect(row).toMatchObject({ topic: '专题一', place: '一楼', host: '赵书记', date: '2026-01-09', year: 2026 });
    expect(await study.updateSession('s_gone', { place: 'x' })).toBeNull();
    expect(await db.sessions.count()).toBe(1);
    db.close();
    await db.delete();
  });

  it('writes the rules and the note quota together, or neither', async () => {
    const db = await freshDb();
    const study = createStudy(db, world.api);
    await expect(study.saveRules({ ...DEFAULT_RULES, sessionsPerYear: 8 }, { ziPerYear: 0 })).rejects.toMatchObject({
      message: '请填写有效的整数。',
    });
    await expect(study.saveRules({ ...DEFAULT_RULES, attendanceMin: Number.NaN }, { ziPerYear: 5000 })).rejects.toBeTruthy();
    expect(await db.settings.count()).toBe(0);
    await study.saveRules({ ...DEFAULT_RULES, sessionsPerYear: 8 }, { ziPerYear: 5000 });
    const board = await study.dashboard(2025);
    expect(board.rules.sessionsPerYear).toBe(8);
    expect(board.quota.ziPerYear).toBe(5000);
    expect((await db.settings.get(RULES_KEY))?.value).toEqual({ ...DEFAULT_RULES, sessionsPerYear: 8 });
    db.close();
    await db.delete();
  });

  it('hands a session out as a packet, the same version again, and a re-issue as the next', async () => {
    const db = await freshDb();
    const { session } = await memberWithPacket(db);
    const study = createStudy(db, world.api);
    const packets = createPackets(db, world.api);
    const id = await study.createSession('再次组织学习', '2025-06-01');
    await study.updateSession(id, { readings: session.readings });
    const versions: number[] = [];
    for (const reissue of [false, false, true]) {
      const built = await packets.exportSession(id, reissue);
      expect(built.skipped).toBe(0);
      const read = await world.api.packets.read({ base64: built.base64 });
      if (read.kind !== 'packet') throw new Error('kind');
      expect(read.articles.map((a) => a.id)).toEqual(session.readings);
      versions.push(read.meta.version);
      expect((await db.sessions.get(id))?.issued?.version).toBe(read.meta.version);
    }
    expect(versions).toEqual([1, 1, 2]);
    await expect(packets.exportSession('s_gone', false)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    db.close();
    await db.delete();
  });

  it('prints a session’s 学习记录 with reading titles, members’ posts and the unit', async () => {
    const db = await freshDb();
    const { session } = await memberWithPacket(db);
    const study = createStudy(db, world.api);
    await study.addMember('赵书记', '党委书记');
    await study.saveProfile({ name: '', title: '', issuer: '测试单位党委' });
    await study.updateSession(session.id, { attendees: ['赵书记', '王五'], recordedAt: '2025-03-10T00:00:00.000Z' });
    const record = await createPrint(db, world.api).record(session.id);
    const titles = await db.articles.bulkGet(session.readings);
    expect(record?.unit).toBe('测试单位党委');
    expect(record?.readings).toEqual(titles.map((a) => a!.title));
    expect(record?.attendees).toEqual([
      { name: '赵书记', post: '党委书记' },
      { name: '王五', post: '' },
    ]);
    expect(await createPrint(db, world.api).record('s_gone')).toBeNull();
    db.close();
    await db.delete();
  });
});

describe('one notebook loader', () => {
  it('the print view reads the notebook view’s entries, and a live query follows a new note', async () => {
    const db = await freshDb();
    await memberWithPacket(db);
    const leaderRow = (await db.highlights.where('layer').equals('leader').first())!;
    await db.highlights.put({ ...leaderRow, id: 'h_mine', layer: 'personal', tags: ['重点'] });
    await db.notes.bulkPut([
      note('n_on', { articleId: leaderRow.articleId, highlightId: 'h_mine', text: '划线上的笔记', zi: 6 }),
      note('n_loose', { kind: 'outline', title: '发言提纲', text: '一、提高认识', zi: 6 }),
    ]);
    const notebook = createNotebook(db);
    const print = createPrint(db, world.api);
    const index = await notebook.read();
    // The leader's layer is not the user's notebook.
    expect(index.data.entries.map((e) => e.key).sort()).toEqual(['h:h_mine', 'n:n_loose', 'n:n_on']);
    for (const filter of [EMPTY_FILTER, { ...EMPTY_FILTER, kinds: ['outline'] }, { ...EMPTY_FILTER, tags: ['重点'] }] as NotebookFilter[]) {
      const printed = await print.notebook(filter);
      expect(printed.entries).toEqual(entriesForExport(index, filter));
      expect([...printed.articles.keys()]).toEqual([...index.data.articles.keys()]);
    }

    const seen: number[] = [];
    const sub = liveQuery(() => notebook.read()).subscribe({ next: (i) => seen.push(i.data.entries.length) });
    try {
      await expect.poll(() => seen.length).toBeGreaterThan(0);
      expect(seen[0]).toBe(3);
      const id = await notebook.createNote('reflection');
      await expect.poll(() => seen[seen.length - 1]).toBe(4);
      expect((await notebook.read()).data.entries.some((e) => e.id === id && e.kind === 'reflection')).toBe(true);
    } finally {
      sub.unsubscribe();
    }
    db.close();
    await db.delete();
  });
});

describe('学习安排 fields typed but not yet left (draft journal)', () => {
  function memoryStorage() {
    const store = new Map<string, string>();
    return {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
  }

  it('a draft left when the page went is stored at the next start; a settled one is not', async () => {
    const db = await freshDb();
    const study = createStudy(db, world.api);
    const id = await study.createSession('专题一', '2025-05-01');
    const storage = memoryStorage();
    // Typed into 地点 and 思考题, and the page went before either field was left.
    study.draftSessionField(id, 'place', '三楼', storage);
    study.draftSessionField(id, 'place', '三楼会议室', storage);
    study.draftSessionField(id, 'questions', ['如何把学习成果转化为工作实效？'], storage);
    // 主持人 was typed and left: its save settled the entry, so nothing of it is replayed.
    const token = study.draftSessionField(id, 'host', '王', storage);
    study.settleSessionDraft(token, storage);
    // The next start comes later: the first field's replay is newer than the second field's draft.
    await new Promise((resolve) => setTimeout(resolve, 5));

    expect(await study.recoverSessionDrafts(storage)).toBe(2);
    expect(await study.session(id)).toMatchObject({
      topic: '专题一',
      place: '三楼会议室',
      host: '',
      questions: ['如何把学习成果转化为工作实效？'],
    });
    // Replayed once: the entries are gone.
    expect(await study.recoverSessionDrafts(storage)).toBe(0);
  });

  it('never over a session saved after the draft was typed, nor a value the field could not hold', async () => {
    const db = await freshDb();
    const study = createStudy(db, world.api);
    const id = await study.createSession('专题二', '2025-05-01');
    const storage = memoryStorage();
    study.draftSessionField(id, 'topic', '旧的草稿', storage);
    // Another tab saved the topic later than the draft was typed.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await study.updateSession(id, { topic: '另一窗口保存的专题' });
    study.draftSessionField(id, 'place', 'x'.repeat(201), storage);
    study.draftSessionField('s_gone', 'place', '已删除的学习安排', storage);

    expect(await study.recoverSessionDrafts(storage)).toBe(0);
    expect(await study.session(id)).toMatchObject({ topic: '另一窗口保存的专题', place: '' });
  });

  it('a member’s copy of a packet’s session refuses the draft, as the field would have', async () => {
    const db = await freshDb();
    const { session } = await memberWithPacket(db);
    const study = createStudy(db, world.api);
    const storage = memoryStorage();
    study.draftSessionField(session.id, 'topic', '组员改的专题', storage);
    expect(await study.recoverSessionDrafts(storage)).toBe(0);
    expect((await study.session(session.id))?.topic).toBe(session.topic);
  });
});

describe('学习记录 typed but not saved (draft journal, shown again as a draft)', () => {
  function memoryStorage() {
    const store = new Map<string, string>();
    return {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
  }
  const form = (summary: string) => ({
    time: '上午九时',
    place: '二楼小会议室',
    host: '赵主任',
    attendance: { attendees: ['钱一', '孙二'], absentees: [{ name: '李三', reason: '出差' }] },
    observers: '周四',
    content: '学习一篇自拟的文章',
    method: '集中学习',
    summary,
    recorder: '吴五',
  });

  it('keeps the newest typing per session until saved or given up, and is never written into the session at start', async () => {
    const db = await freshDb();
    const study = createStudy(db, world.api);
    const id = await study.createSession('记录专题', '2025-05-01');
    const other = await study.createSession('另一专题', '2025-05-02');
    const storage = memoryStorage();
    study.draftRecord(id, form('发言一'), storage);
    study.draftRecord(id, form('发言一，发言二'), storage);
    study.draftRecord(other, form('另一次的发言'), storage);

    expect(study.recordDraft(id, storage)?.value.summary).toBe('发言一，发言二');
    expect(study.recordDraftSessions(storage).sort()).toEqual([id, other].sort());
    // A start replays the 学习安排 drafts; the record drafts stay for the form, the session untouched.
    await study.recoverSessionDrafts(storage);
    expect(study.recordDraft(id, storage)?.value.summary).toBe('发言一，发言二');
    expect((await study.session(id))?.summary).toBe('');
    expect((await study.session(id))?.recordedAt).toBeNull();

    study.settleRecordDraft(study.recordDraft(id, storage)!.token, storage);
    expect(study.recordDraft(id, storage)).toBeNull();
    expect(study.recordDraft(other, storage)?.value.summary).toBe('另一次的发言');
  });

  it('a draft the form could not hold reads as none, and is kept as it is', async () => {
    const study = createStudy(await freshDb(), world.api);
    const storage = memoryStorage();
    study.draftRecord('s_bad', { ...form('x'), attendance: { attendees: 'not a list' } } as never, storage);
    expect(study.recordDraft('s_bad', storage)).toBeNull();
    expect(study.recordDraftSessions(storage)).toEqual(['s_bad']);
  });
});
