/**
 * Members' returns read in full on the leader's copy (issue 20 item 2), on a real Dexie
 * (fake-indexeddb) and the real packet service: return files built by the member's core with
 * the excerpt each note is on, imported by the leader, then read per session in the group's
 * member order with 字 counts by kind, found by search (labelled with member and session and
 * opening the return at the note), and compiled into the 学习心得汇编 model and Word file.
 */
import 'fake-indexeddb/auto';
import { Packer } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { noteRow, samplePacketWorld } from './helpers/sample-packet';
import { countZi } from '../../shared/text';
import { checkBase64, commit } from '../../renderer/core/packets';
import {
  compilationEntries,
  compilationOf,
  loadSessionReturns,
  orderReturns,
  returnCounts,
  returnDateText,
} from '../../renderer/core/returns';
import { search } from '../../renderer/core/search/engine';
import { createStudy } from '../../renderer/core/study';
import { YanduDB } from '../../renderer/db/schema';
import type { ReturnRow } from '../../renderer/db/sessionRows';
import { returnsDocx } from '../../renderer/features/print/docx';
import { compilationSections } from '../../renderer/features/print/returnsModel';
import { hitHref } from '../../renderer/features/search/links';
import { hrefFor, parseRoute } from '../../renderer/ui/router';
import { peopleOf } from '../../renderer/features/sessions/MemberPickers';

const world = samplePacketWorld('returns-read');
const { freshDb } = world;

async function install(db: YanduDB) {
  return (await world.install(db)).session;
}

const note = noteRow;

/** A member's copy writes a return with a note on an excerpt, a 心得体会 and a 发言提纲; the base64 file. */
async function memberReturn(slug: string, name: string, title: string, words: { reflection: string; note: string; outline?: string }) {
  const db = await freshDb();
  const session = await install(db);
  const reading = session.readings[0]!;
  const leaderExcerpt = (await db.highlights.where('layer').equals('leader').first())!;
  const year = session.date.slice(0, 4);
  const notes = [
    note(`n_${slug}_1`, { articleId: reading, highlightId: leaderExcerpt.id, text: words.note }),
    note(`n_${slug}_2`, { kind: 'reflection', title: `${name}的心得`, text: words.reflection, createdAt: `${year}-03-05T08:00:00.000Z` }),
    ...(words.outline
      ? [note(`n_${slug}_3`, { kind: 'outline', title: '发言提纲', text: words.outline, createdAt: `${year}-03-06T08:00:00.000Z` })]
      : []),
  ];
  await db.notes.bulkPut(notes);
  const built = await createStudy(db, world.api).exportReturn(
    session.id,
    { name, title, issuer: '' },
    notes.map((n) => n.id),
  );
  db.close();
  await db.delete();
  return { base64: built.base64, excerpt: leaderExcerpt.selector.exact, sessionId: session.id, readingId: reading };
}

async function importReturn(db: YanduDB, base64: string, now: string) {
  const checked = await checkBase64(db, world.api, base64);
  if (checked.kind !== 'return') throw new Error(`kind ${checked.kind}`);
  await commit(db, world.api, checked);
  const id = checked.file.meta.id;
  // The date of return is when the member made the file (its manifest's issuedAt).
  expect((await db.returns.get(id))!.sentAt).toBe(checked.file.meta.issuedAt);
  // Both times fixed, so the test reads them back: made at noon UTC the day before the import.
  const sent = new Date(Date.parse(now) - 86_400_000);
  sent.setUTCHours(12);
  await db.returns.update(id, { importedAt: now, sentAt: sent.toISOString() });
  return id;
}

describe('word counts by kind', () => {
  it('keeps notes, 心得体会 and 发言提纲 apart and counts no whitespace', () => {
    expect(
      returnCounts([
        { kind: 'note', text: '笔记 一二' },
        { kind: 'reflection', text: '心得\n体会' },
        { kind: 'reflection', text: '再写' },
        { kind: 'outline', text: 'ab c' },
      ]),
    ).toEqual({ note: 4, reflection: 6, outline: 3 });
    expect(returnCounts([])).toEqual({ note: 0, reflection: 0, outline: 0 });
  });

  it('orders returns by the member list, then others by name', () => {
    const r = (id: string, name: string) => ({ id, member: { name, title: '' } }) as ReturnRow;
    const members = [
      { name: '王五', order: 0 },
      { name: '李四', order: 1 },
    ];
    const ordered = orderReturns([r('r1', '赵六'), r('r2', '李四'), r('r3', '王五'), r('r4', '钱七')], members);
    expect(ordered.map((x) => x.member.name)).toEqual(['王五', '李四', '钱七', '赵六']);
  });
});

describe('the returns route and the member pickers’ list', () => {
  it('round-trips the returns route and drops what is not an id or a number', () => {
    const full = { name: 'returns', sessionId: 's_1', returnId: 'r_a', noteId: 'n_1', at: 12, len: 4 } as const;
    expect(parseRoute(hrefFor(full))).toEqual(full);
    expect(parseRoute('#/study/s_1/returns')).toEqual({ name: 'returns', sessionId: 's_1' });
    expect(parseRoute('#/study/s_1/returns?r=<x>&note=n_1&at=-3&len=4')).toEqual({ name: 'returns', sessionId: 's_1', noteId: 'n_1' });
    expect(parseRoute('#/study/s_1')).toEqual({ name: 'session', id: 's_1' });
  });

  it('lists members in order, then stored names off the list (kept, marked), each once', () => {
    const members = [
      { name: '王五', title: '主任' },
      { name: '李四', title: '' },
    ];
    expect(peopleOf(members, ['李四', '老张'], ['老张', '来宾甲', ''])).toEqual([
      { name: '王五', title: '主任', listed: true },
      { name: '李四', title: '', listed: true },
      { name: '老张', title: '', listed: false },
      { name: '来宾甲', title: '', listed: false },
    ]);
  });
});

describe('returns read in full on the leader’s copy', () => {
  it('reads, searches and compiles two members’ returns', async () => {
    const a = await memberReturn('lisi', '李四', '副处长', {
      note: '这段原文讲透了调查研究的方法。',
      reflection: '通过学习，我深刻体会到实事求是的重要性。',
    });
    const b = await memberReturn('wangwu', '王五', '科员', {
      note: '联系本部门工作谈认识。',
      reflection: '学习使我认识到群众路线是生命线。',
      outline: '一、提高认识\n二、抓好落实',
    });
    const leader = await freshDb();
    const session = await install(leader);
    expect(session.id).toBe(a.sessionId);
    // The group's list: 王五 before 李四, whose 职务 on the list differs from the return's.
    await leader.members.bulkPut([
      { id: 'm_1', name: '王五', title: '办公室主任', order: 0 },
      { id: 'm_2', name: '李四', title: '副处长', order: 1 },
    ]);
    const idA = await importReturn(leader, a.base64, '2025-03-10T02:00:00.000Z');
    const idB = await importReturn(leader, b.base64, '2025-03-11T02:00:00.000Z');

    // Read per session: member order, 职务 from the list, kinds in order, the excerpt carried.
    const [read] = await loadSessionReturns(leader, [session.id, 's_unknown']);
    expect(read!.session.id).toBe(session.id);
    expect(read!.members.map((m) => [m.name, m.title, m.returnId])).toEqual([
      ['王五', '办公室主任', idB],
      ['李四', '副处长', idA],
    ]);
    const wang = read!.members[0]!;
    expect(wang.items.map((i) => i.kind)).toEqual(['reflection', 'outline', 'note']);
    expect(wang.counts).toEqual({
      note: countZi('联系本部门工作谈认识。'),
      reflection: countZi('学习使我认识到群众路线是生命线。'),
      outline: countZi('一、提高认识\n二、抓好落实'),
    });
    const onReading = wang.items.find((i) => i.kind === 'note')!;
    expect(onReading.quote).toBe(b.excerpt);
    const title = (await leader.articles.get(b.readingId))!.title;
    expect(onReading.reading).toEqual({ id: b.readingId, title });
    expect(wang.returnedAt).toBe('2025-03-11T02:00:00.000Z');
    expect(wang.sentAt).toBe('2025-03-10T12:00:00.000Z');

    // Search: a word from 李四's 心得 finds it, labelled with member and session, opening there.
    const found = await search(leader, '实事求是');
    expect(found.returns).toHaveLength(1);
    expect(found.totals.returns).toBe(1);
    const hit = found.returns[0]!;
    expect(hit.kind).toBe('return');
    expect(hit.noteKind).toBe('reflection');
    expect(hit.place).toEqual({ returnId: idA, sessionId: session.id, noteId: 'n_lisi_2', member: '李四', session: session.topic });
    expect(hit.meta).toBe(`李四 · ${session.topic}`);
    expect(hit.snippet!.parts.some((p) => p.mark && p.text === '实事求是')).toBe(true);
    const text = '通过学习，我深刻体会到实事求是的重要性。';
    expect(hit.at).toBe(text.indexOf('实事求是'));
    expect(hit.len).toBe(4);
    const route = parseRoute(hitHref(hit));
    expect(route).toEqual({ name: 'returns', sessionId: session.id, returnId: idA, noteId: 'n_lisi_2', at: hit.at, len: 4 });
    // Words in the excerpt a note is on find the note too; exclusions and filters hold.
    expect((await search(leader, '实事求是 -重要性')).returns).toHaveLength(0);
    expect((await search(leader, '群众路线', { filters: { noteKind: 'outline' } })).returns).toHaveLength(0);
    expect((await search(leader, '群众路线', { filters: { noteKind: 'reflection' } })).returns).toHaveLength(1);
    expect((await search(leader, '群众路线', { filters: { color: 'yellow' } })).returns).toHaveLength(0);
    expect((await search(leader, '提高认识')).returns.map((h) => h.place!.member)).toEqual(['王五']);

    // The 汇编 model: one section per member, headings and bylines with 职务, date and counts.
    const c = await compilationOf(leader, [session.id], new Date('2025-04-01T04:00:00Z'));
    expect(c.title).toBe('学习心得汇编');
    expect(c.subtitle).toBe(session.topic);
    expect(c.date).toBe('2025-04-01');
    const sections = compilationSections(c);
    expect(sections.map((s) => s.heading)).toEqual(['王五（办公室主任）', '李四（副处长）']);
    expect(sections[0]!.byline).toContain('职务：办公室主任');
    // The member's own date, not the import's.
    expect(sections[0]!.byline).toContain('提交于 2025年3月10日');
    expect(sections[0]!.counts).toBe(
      `笔记 ${wang.counts.note} 字 · 心得 ${wang.counts.reflection} 字 · 发言提纲 ${wang.counts.outline} 字`,
    );
    expect(sections[1]!.counts).not.toContain('发言提纲');
    expect(sections[0]!.items.map((i) => i.head)).toEqual(['心得体会：王五的心得', '发言提纲：发言提纲', '笔记']);
    expect(sections[0]!.items[1]!.paragraphs).toEqual(['一、提高认识', '二、抓好落实']);
    // Spanning sessions (the 学习档案), each entry names its session.
    const twice = compilationEntries({
      sessions: [...c.sessions, { ...c.sessions[0]!, session: { ...c.sessions[0]!.session, id: 's2' } }],
    });
    expect(twice[0]!.heading).toBe(`${session.topic}\u3000王五（办公室主任）`);

    // Word: a TOC field with one entry per member and page numbers, each section a 标题 1.
    const zip = await JSZip.loadAsync(await Packer.toBuffer(returnsDocx(c)));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('<w:updateFields');
    expect(xml).toContain('TOC \\h \\o &quot;1-1&quot;');
    const toc = xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>'));
    const entries = [...toc.matchAll(/PAGEREF (_Toc\d+) \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)<\/w:t>/g)];
    expect(entries).toHaveLength(2);
    expect(Number(entries[1]![2])).toBeGreaterThan(Number(entries[0]![2]));
    expect(toc).toContain('王五（办公室主任）');
    expect(xml).toContain('学习使我认识到群众路线是生命线。');
    leader.close();
    await leader.delete();
  });

  it('a return imported before its date was kept shows the import date, marked; the same file again gives it its own', async () => {
    const a = await memberReturn('sunqi', '孙七', '', { note: '笔记。', reflection: '体会。' });
    const leader = await freshDb();
    await install(leader);
    const id = await importReturn(leader, a.base64, '2025-03-12T12:00:00.000Z');
    // As an earlier release stored it: no sentAt.
    await leader.returns.update(id, { sentAt: undefined });
    expect((await leader.returns.get(id))!.sentAt).toBeUndefined();
    const [read] = await loadSessionReturns(leader, [a.sessionId]);
    const m = read!.members.find((x) => x.returnId === id)!;
    expect(m.sentAt).toBeNull();
    expect(returnDateText(m)).toBe('2025年3月12日（导入日期）');
    expect(returnDateText({ sentAt: '2025-03-05T12:00:00.000Z', returnedAt: m.returnedAt })).toBe('提交于 2025年3月5日');
    // Importing the very same file again ('same': nothing else changes) fills in its date.
    const checked = await checkBase64(leader, world.api, a.base64);
    if (checked.kind !== 'return') throw new Error('kind');
    expect(checked.preview.status).toBe('same');
    await commit(leader, world.api, checked);
    const row = (await leader.returns.get(id))!;
    expect(row.sentAt).toBe(checked.file.meta.issuedAt);
    expect(row.importedAt).toBe('2025-03-12T12:00:00.000Z');
    leader.close();
    await leader.delete();
  });

  it('a return whose session is gone is still found, with no session label', async () => {
    const a = await memberReturn('zhaoliu', '赵六', '', { note: '原文笔记。', reflection: '关于作风建设的体会。' });
    const leader = await freshDb();
    await importReturn(leader, a.base64, '2025-03-10T02:00:00.000Z');
    const hit = (await search(leader, '作风建设')).returns[0]!;
    expect(hit.place!.session).toBe('');
    expect(hit.meta).toBe('赵六');
    expect(await loadSessionReturns(leader, [a.sessionId])).toEqual([]);
    leader.close();
    await leader.delete();
  });
});
