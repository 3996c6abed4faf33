/**
 * What a 学习记录 sheet and a 签到表 print: a session row (db/sessions: the session and the
 * record the secretary wrote), with reading titles, members' posts and the unit filled in.
 * The id "demo" prints a demonstration record.
 */
import * as v from 'valibot';
import { formatChineseDate } from '../../../shared/text';
import type { YanduDB } from '../../db/schema';
import type { SessionRow } from '../../db/sessionRows';

export interface PrintRecord {
  id: string;
  /** 学习专题. */
  topic: string;
  /** YYYY-MM-DD. */
  date: string;
  /** e.g. 14:30—17:00 */
  time: string;
  place: string;
  unit: string;
  host: string;
  recorder: string;
  speakers: string[];
  /** Titles of the readings. */
  readings: string[];
  questions: string[];
  attendees: { name: string; post: string }[];
  absentees: { name: string; reason: string }[];
  observers: string[];
  /** 学习方式. */
  method: string;
  /** 学习内容 as written (else the readings). */
  content: string;
  /** 发言摘要, paragraphs separated by line breaks. */
  summary: string;
}

export const DEMO_RECORD_ID = 'demo';

export function demoRecord(): PrintRecord {
  return {
    id: DEMO_RECORD_ID,
    topic: '深入学习贯彻调查研究的工作方法',
    date: '2026-03-12',
    time: '14:30—17:00',
    place: '机关三楼第一会议室',
    unit: '示例单位党委',
    host: '王建国',
    recorder: '刘晓梅',
    speakers: ['李明', '陈红'],
    readings: ['调查研究是谋事之基、成事之道', '坚持和完善民主集中制'],
    questions: ['如何把调查研究贯穿决策全过程？', '怎样让调研成果转化为解决问题的实招？'],
    attendees: [
      { name: '王建国', post: '党委书记' },
      { name: '李明', post: '党委副书记' },
      { name: '陈红', post: '纪委书记' },
      { name: '赵强', post: '副总经理' },
      { name: '孙丽', post: '组织部部长' },
    ],
    absentees: [{ name: '周涛', reason: '外出培训' }],
    observers: ['办公室主任'],
    method: '集中学习、专题研讨',
    content: '',
    summary:
      '会议集中学习了两篇文章。李明同志围绕调查研究作中心发言，结合本单位基层调研情况谈了认识和打算。\n陈红同志围绕民主集中制作中心发言。与会同志逐一交流了学习体会，一致认为要把学习成效转化为推动工作的具体举措。',
  };
}

const ProfileIssuer = v.object({ issuer: v.string() });

/** The record of a session, or null when there is none with that id. */
export async function loadPrintRecord(db: YanduDB, id: string): Promise<PrintRecord | null> {
  if (id === DEMO_RECORD_ID) return demoRecord();
  const s: SessionRow | undefined = await db.sessions.get(id);
  if (!s) return null;
  const [titles, members, profile] = await Promise.all([
    db.articles.bulkGet(s.readings),
    db.members.toArray(),
    db.settings.get('study.profile'),
  ]);
  const posts = new Map(members.map((m) => [m.name, m.title]));
  const unit = v.safeParse(ProfileIssuer, profile?.value);
  return {
    id: s.id,
    topic: s.topic,
    date: s.date,
    time: s.time,
    place: s.place,
    unit: unit.success ? unit.output.issuer : '',
    host: s.host,
    recorder: s.recorder,
    speakers: s.speakers,
    readings: s.readings.map((rid, i) => titles[i]?.title ?? rid),
    questions: s.questions,
    attendees: s.attendees.map((name) => ({ name, post: posts.get(name) ?? '' })),
    absentees: s.absentees,
    observers: s.observers,
    method: s.method,
    content: s.content,
    summary: s.summary,
  };
}

/** The rows of a 学习记录 sheet: label, value. */
export function recordRows(r: PrintRecord): [string, string][] {
  return [
    ['学习专题', r.topic],
    ['时　　间', [formatChineseDate(r.date), r.time].filter(Boolean).join(' ')],
    ['地　　点', r.place],
    ['主 持 人', r.host],
    ['中心发言', r.speakers.join('、')],
    ['参加人员', r.attendees.map((a) => a.name).join('、')],
    ['缺席人员', r.absentees.map((a) => (a.reason ? `${a.name}（${a.reason}）` : a.name)).join('、') || '无'],
    ['列席人员', r.observers.join('、') || '无'],
    ['学习方式', r.method],
    ['学习内容', [r.content, ...r.readings.map((t, i) => `${i + 1}．《${t}》`)].filter(Boolean).join('\n')],
    ['研讨题目', r.questions.map((q, i) => `${i + 1}．${q}`).join('\n')],
    ['学习研讨情况', r.summary],
  ];
}
