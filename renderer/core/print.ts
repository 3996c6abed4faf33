/**
 * The print service: what each print route reads — articles with bodies, highlights and the
 * user's notes (a packet or any selection), the notebook under a filter (the notebook's own
 * loader), and a session's 学习记录 with reading titles, members' posts and the unit. Reads only,
 * so print views can run them inside live queries. Layout and markup stay in features/print.
 */
import * as v from 'valibot';
import type { Api } from '../../shared/contract';
import { api as appApi } from '../bridge';
import { db as appDb } from '../db';
import { createSettingsRepository } from '../db/repositories';
import type { HighlightRow, NoteRow, YanduDB } from '../db/schema';
import type { SessionRow } from '../db/sessionRows';
import { sanitizeArticleHtml } from '../ui/sanitize';
import { readNotebookSelection, type NotebookData, type NotebookFilter } from './notebook';
import { PROFILE_KEY } from './study';

/** At most this many articles in one print. */
export const MAX_PRINT_ARTICLES = 500;

export interface PrintArticle {
  id: string;
  title: string;
  origin: string | null;
  author: string | null;
  publishedAt: string | null;
  version: number;
  /** Sanitised HTML, one element per block. */
  html: string;
  /** Plain text the highlights are anchored to (blocks joined by "\n"). */
  text: string;
  highlights: HighlightRow[];
  /** The user's notes on this article or on its highlights. */
  notes: NoteRow[];
}

/** The articles in the order given; null: the whole library, oldest publication first. Unknown ids are skipped. */
export async function loadPrintArticles(
  db: YanduDB,
  ids: readonly string[] | null,
): Promise<{ articles: PrintArticle[]; missing: string[] }> {
  return db.transaction('r', [db.articles, db.bodies, db.highlights, db.notes], async () => {
    let rows;
    if (ids) rows = (await db.articles.bulkGet([...ids])).filter((r) => r !== undefined);
    else {
      rows = await db.articles.toArray();
      rows.sort(
        (a, b) =>
          (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.title.localeCompare(b.title, 'zh-CN') || (a.id < b.id ? -1 : 1),
      );
      rows = rows.slice(0, MAX_PRINT_ARTICLES);
    }
    const found = new Set(rows.map((r) => r.id));
    const missing = ids ? ids.filter((id) => !found.has(id)) : [];
    const articleIds = rows.map((r) => r.id);
    const [bodies, highlights, notes] = await Promise.all([
      db.bodies.bulkGet(articleIds),
      db.highlights.where('articleId').anyOf(articleIds).toArray(),
      db.notes.where('articleId').anyOf(articleIds).toArray(),
    ]);
    // Notes on a highlight whose articleId was left empty still belong to the highlight's article.
    const highlightArticle = new Map(highlights.map((h) => [h.id, h.articleId]));
    const onHighlights = await db.notes
      .where('highlightId')
      .anyOf([...highlightArticle.keys()])
      .toArray();
    const notesById = new Map([...notes, ...onHighlights].map((n) => [n.id, n]));
    return {
      missing,
      articles: rows.map((row, i) => {
        const body = bodies[i];
        return {
          id: row.id,
          title: row.title,
          origin: row.origin ?? row.sourceName ?? null,
          author: row.author,
          publishedAt: row.publishedAt,
          version: row.version ?? 1,
          html: sanitizeArticleHtml(body?.html ?? ''),
          text: body?.text ?? '',
          highlights: highlights.filter((h) => h.articleId === row.id),
          notes: [...notesById.values()]
            .filter((n) => (n.articleId ?? (n.highlightId ? highlightArticle.get(n.highlightId) : null)) === row.id)
            .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
        };
      }),
    };
  });
}

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
  /** Absent members with their 职务 (a 签到表 lists them too). */
  absentees: { name: string; post: string; reason: string }[];
  /** Which 集中学习 of its year this is (1-based, by date, cancelled ones not counted); null when unknown. */
  ordinal: number | null;
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
    absentees: [{ name: '周涛', post: '副总经理', reason: '外出培训' }],
    ordinal: 2,
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
  const [titles, members, profile, sameYear] = await Promise.all([
    db.articles.bulkGet(s.readings),
    db.members.toArray(),
    // Only the issuer is needed: a profile valid in that is enough.
    createSettingsRepository(db).get(PROFILE_KEY, ProfileIssuer, { issuer: '' }),
    db.sessions
      .where('year')
      .equals(s.year)
      .filter((x) => x.status !== 'cancelled')
      .toArray(),
  ]);
  const posts = new Map(members.map((m) => [m.name, m.title]));
  const order = sameYear
    .filter((x) => x.date)
    .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1));
  const at = order.findIndex((x) => x.id === s.id);
  return {
    id: s.id,
    topic: s.topic,
    date: s.date,
    time: s.time,
    place: s.place,
    unit: profile.issuer,
    host: s.host,
    recorder: s.recorder,
    speakers: s.speakers,
    readings: s.readings.map((rid, i) => titles[i]?.title ?? rid),
    questions: s.questions,
    attendees: s.attendees.map((name) => ({ name, post: posts.get(name) ?? '' })),
    absentees: s.absentees.map((a) => ({ name: a.name, post: posts.get(a.name) ?? '', reason: a.reason })),
    ordinal: s.date && s.year && at >= 0 ? at + 1 : null,
    observers: s.observers,
    method: s.method,
    content: s.content,
    summary: s.summary,
  };
}

export function createPrint(db: YanduDB, api: Api) {
  return {
    /** The system print dialog for this window (where the host prints windows itself). */
    dialog: () => api.print.dialog({}),
    /** This window as a PDF the user saves; the path, or null when cancelled. */
    toPdf: (fileName: string) => api.print.toPdf({ fileName }),
    /**
     * The print document as a PDF made by the host's Chromium (browser host): the bytes, or the
     * reason it cannot (no Chromium there), for falling back to the print dialog.
     */
    exportPdf: async (html: string, stylesheets: string[]): Promise<{ pdf: Blob } | { pdf: null; reason: string }> => {
      const r = await api.print.exportPdf({ html, stylesheets });
      if (!r.supported || r.base64 === null) return { pdf: null, reason: r.reason ?? '' };
      const bin = atob(r.base64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      return { pdf: new Blob([bytes], { type: 'application/pdf' }) };
    },
    /** The same PDF as base64 (for the channel's records/), or the reason there is none. */
    exportPdfBase64: async (html: string, stylesheets: string[]): Promise<{ base64: string } | { base64: null; reason: string }> => {
      const r = await api.print.exportPdf({ html, stylesheets });
      return r.supported && r.base64 !== null ? { base64: r.base64 } : { base64: null, reason: r.reason ?? '' };
    },
    /** The articles, and this copy's issuing unit (the cover's fallback). */
    articles: async (ids: readonly string[] | null) => ({
      ...(await loadPrintArticles(db, ids)),
      issuer: (await createSettingsRepository(db).get(PROFILE_KEY, ProfileIssuer, { issuer: '' })).issuer,
    }),
    notebook: (filter: NotebookFilter): Promise<NotebookData> => readNotebookSelection(db, filter),
    record: (id: string): Promise<PrintRecord | null> => loadPrintRecord(db, id),
  };
}
export type PrintService = ReturnType<typeof createPrint>;

/** The app's print service, on the app's database. */
export const printData = createPrint(appDb, appApi);
