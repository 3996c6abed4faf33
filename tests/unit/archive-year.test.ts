/**
 * 学习档案: the year's sessions read from a real Dexie (fake-indexeddb) into sections in date
 * order (plan, then per session 学习记录, 签到表, readings with 重点摘编, returned 心得体会), a
 * session without a record, a year with nothing to archive, and the Word file's 目录.
 */
import 'fake-indexeddb/auto';
import JSZip from 'jszip';
import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { sessionRow, EMPTY_STUDY_RECORD } from '../../shared/domain/session';
import { loadArchive, archiveYears } from '../../renderer/core/archive';
import { YanduDB, type HighlightRow } from '../../renderer/db/schema';
import type { ReturnRow } from '../../shared/domain/study';
import { archiveModel, EmptyArchiveError } from '../../renderer/features/print/archive';
import { archiveDocx } from '../../renderer/features/print/docx';
import { articleRow } from './helpers/rows';

let dbs = 0;
const NOW = '2026-01-05T08:00:00.000Z';

function leaderHighlight(id: string, articleId: string, start: number, exact: string): HighlightRow {
  return {
    id,
    articleId,
    layer: 'leader',
    color: 'yellow',
    style: 'fill',
    selector: { exact, prefix: '', suffix: '', start, end: start + exact.length },
    articleVersion: 1,
    orphan: false,
    tags: [],
    comment: null,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

function returned(id: string, sessionId: string, name: string, title: string, reflections: { title: string; text: string }[]): ReturnRow {
  return {
    id,
    version: 1,
    wholeSha256: 'a'.repeat(64),
    sessionId,
    packetId: null,
    member: { name, title },
    notes: [
      // A plain note is not a 心得 and stays out of the archive.
      {
        id: `${id}_n`,
        kind: 'note',
        title: '笔记',
        text: '不应出现的笔记',
        zi: 7,
        articleId: null,
        quote: null,
        createdAt: NOW,
        updatedAt: NOW,
      },
      ...reflections.map((r, i) => ({
        id: `${id}_r${i}`,
        kind: 'reflection' as const,
        title: r.title,
        text: r.text,
        zi: r.text.length,
        articleId: null,
        quote: null,
        createdAt: `2026-0${i + 1}-01T00:00:00.000Z`,
        updatedAt: NOW,
      })),
    ],
    highlights: [],
    zi: 0,
    reflections: reflections.length,
    importedAt: NOW,
  };
}

const plan = (id: string, date: string, topic: string, readings: string[], status: 'planned' | 'done' | 'cancelled' = 'done') => ({
  id,
  topic,
  date,
  place: '三楼会议室',
  host: '赵书记',
  speakers: [],
  readings,
  questions: [],
  status,
});

async function seeded(): Promise<YanduDB> {
  const db = new YanduDB(`archive-year-${process.pid}-${dbs++}`);
  await db.open();
  await db.articles.bulkPut([
    { ...articleRow(1), title: '调查研究是谋事之基', origin: '人民日报', publishedAt: '2026-02-01' },
    { ...articleRow(2), title: '坚持民主集中制' },
  ]);
  await db.highlights.bulkPut([
    leaderHighlight('h2', 'a_1', 40, '第二段摘编'),
    leaderHighlight('h1', 'a_1', 5, '第一段摘编'),
    { ...leaderHighlight('h3', 'a_1', 60, '个人划线'), layer: 'personal' },
  ]);
  await db.members.bulkPut([
    { id: 'm1', name: '赵书记', title: '党委书记', order: 0 },
    { id: 'm2', name: '李明', title: '副书记', order: 1 },
  ]);
  await db.settings.put({ key: 'study.profile', value: { name: '', title: '', issuer: '示例单位党委' } });
  const record = (attendees: string[]) => ({
    ...EMPTY_STUDY_RECORD,
    attendees,
    summary: '大家交流了体会。',
    recorder: '刘秘书',
    recordedAt: NOW,
  });
  // Written out of date order: the archive orders them.
  await db.sessions.bulkPut([
    sessionRow(plan('s_sep', '2026-09-10', '作风建设', []), NOW),
    sessionRow(plan('s_mar', '2026-03-12', '调查研究', ['a_1', 'a_2']), NOW, { record: record(['赵书记', '李明']) }),
    sessionRow(plan('s_jun', '2026-06-18', '民主集中制', ['a_2']), NOW, { record: record(['赵书记']) }),
    sessionRow(plan('s_may', '2026-05-01', '取消的一次', [], 'cancelled'), NOW),
    sessionRow(plan('s_old', '2025-11-01', '去年的一次', []), NOW, { record: record(['李明']) }),
  ]);
  await db.returns.bulkPut([
    returned('r2', 's_mar', '李明', '副书记', [{ title: '学习调查研究的体会', text: '第一段体会。\n第二段体会。' }]),
    returned('r1', 's_mar', '赵书记', '党委书记', [{ title: '心得一', text: '书记的体会。' }]),
  ]);
  return db;
}

describe('学习档案 model', () => {
  it('puts the plan first, then each session of the year by date with its record, 签到表, readings and 心得', async () => {
    const db = await seeded();
    const data = await loadArchive(db, 2026);
    expect(data.unit).toBe('示例单位党委');
    expect(data.sessions.map((s) => s.id)).toEqual(['s_mar', 's_may', 's_jun', 's_sep']);
    const model = archiveModel(data, '2026-12-20');
    expect(model.title).toBe('2026年度理论学习中心组学习档案');
    expect(model.plan.map((r) => [r.date, r.status])).toEqual([
      ['2026-03-12', '已完成'],
      ['2026-05-01', '已取消'],
      ['2026-06-18', '已完成'],
      ['2026-09-10', '已完成'],
    ]);
    expect(model.sections.map((s) => [s.kind, s.title])).toEqual([
      ['plan', '2026年度学习计划'],
      ['record', '2026年第1次理论学习中心组学习记录'],
      ['signin', '2026年第1次理论学习中心组学习签到表'],
      ['readings', '第1次集中学习学习资料'],
      ['reflections', '第1次集中学习心得体会（2篇）'],
      ['record', '2026年第2次理论学习中心组学习记录'],
      ['signin', '2026年第2次理论学习中心组学习签到表'],
      ['readings', '第2次集中学习学习资料'],
      // September: no record saved yet: the record section says so, and there is no 签到表.
      ['record', '2026年第3次理论学习中心组学习记录'],
    ]);
    const march = data.sessions[0]!;
    expect(march.readings.map((r) => [r.title, r.origin, r.excerpts])).toEqual([
      ['调查研究是谋事之基', '人民日报', ['第一段摘编', '第二段摘编']],
      ['坚持民主集中制', '来源', []],
    ]);
    // Members in the group's order; only 心得体会, not notes.
    expect(march.reflections.map((r) => [r.member, r.post, r.title])).toEqual([
      ['赵书记', '党委书记', '心得一'],
      ['李明', '副书记', '学习调查研究的体会'],
    ]);
    expect(data.sessions[3]!.recorded).toBe(false);
    expect(await archiveYears(db)).toEqual([2026, 2025]);
    db.close();
  });

  it('refuses a year with no sessions (or only cancelled ones) with a Chinese message', async () => {
    const db = await seeded();
    const empty = await loadArchive(db, 2024);
    expect(empty.sessions).toEqual([]);
    expect(() => archiveModel(empty, '2024-12-20')).toThrow(EmptyArchiveError);
    expect(() => archiveModel(empty, '2024-12-20')).toThrow('2024年度没有学习安排');
    await db.sessions.where('year').equals(2025).modify({ status: 'cancelled' });
    const cancelled = await loadArchive(db, 2025);
    expect(cancelled.sessions).toHaveLength(1);
    expect(() => archiveModel(cancelled, '2025-12-20')).toThrow('2025年度没有学习安排');
    db.close();
  });

  it('writes a Word file with a TOC field listing every section with its page, and updateFields', async () => {
    const db = await seeded();
    const model = archiveModel(await loadArchive(db, 2026), '2026-12-20');
    const zip = await JSZip.loadAsync(await Packer.toBuffer(archiveDocx(model)));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('<w:updateFields');
    const toc = xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>'));
    const entries = [
      ...toc.matchAll(
        /<w:t[^>]*>([^<]+)<\/w:t>.*?PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)<\/w:t>/g,
      ),
    ];
    expect(entries.map((e) => e[1])).toEqual(model.sections.map((s) => s.title));
    const pages = entries.map((e) => Number(e[2]));
    expect(pages[0]).toBe(3);
    expect(pages.every((p, i) => i === 0 || p > pages[i - 1]!)).toBe(true);
    const text = xml.replace(/<[^>]+>/g, '');
    const cover = text.slice(0, text.indexOf('目　　录'));
    expect(cover.match(/示例单位党委/g)).toHaveLength(1);
    expect(cover.match(/2026年12月20日/g)).toHaveLength(1);
    expect(text).toContain('第一段摘编');
    expect(text).toContain('第二段体会。');
    expect(text).toContain('本次学习尚未填写学习记录。');
    expect(text).not.toContain('不应出现的笔记');
    db.close();
  });
});
