/**
 * Study sessions, members, packets and return files in Dexie. Installing a packet is one
 * transaction that writes articles, the session, the leader's layer and the packet's record,
 * and never a personal highlight or a note; installing the same packet again writes nothing.
 */
import type { ReadPacket, ReadReturn } from '../../shared/packet/api';
import type { LeaderHighlight, PacketArticle, PacketDraft, PacketSession } from '../../shared/packet/schema';
import { EMPTY_STUDY_RECORD, sessionRow } from '../../shared/domain/session';
import { AppError } from '../../shared/errors';
import { countZi } from '../../shared/text';
import { toArticleRow } from './repositories';
import type { HighlightRow, YanduDB } from './schema';
import {
  highlightDoc,
  indexArticles,
  indexSmallDocs,
  prepareArticles,
  removeSearchDocs,
  searchTables,
  type ArticleForIndex,
} from './searchIndex';
import type { MemberRow, PacketRow, ReturnRow, SessionRow, StudyRecord } from './sessionRows';

export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

// ---------------------------------------------------------------- rules (settings, validated)

export const RULES_KEY = 'study.rules';
export const PROFILE_KEY = 'study.profile';
// The schemas and defaults are the settings table's (shared/domain).
export { DEFAULT_PROFILE, DEFAULT_RULES, ProfileSchema, RulesSchema, type Profile, type Rules } from '../../shared/domain/session';

// ---------------------------------------------------------------- sessions and members

export const EMPTY_RECORD: StudyRecord = EMPTY_STUDY_RECORD;

export function recordOf(row: SessionRow): StudyRecord {
  return {
    time: row.time,
    attendees: row.attendees,
    absentees: row.absentees,
    observers: row.observers,
    content: row.content,
    method: row.method,
    summary: row.summary,
    recorder: row.recorder,
    recordedAt: row.recordedAt,
  };
}

export function newSession(date: string, now = new Date().toISOString()): SessionRow {
  const plan = {
    id: newId('s'),
    topic: '',
    date,
    place: '',
    host: '',
    speakers: [],
    readings: [],
    questions: [],
    status: 'planned' as const,
  };
  return sessionRow(plan, now);
}

export function createStudyRepository(db: YanduDB) {
  return {
    sessions: (): Promise<SessionRow[]> => db.sessions.orderBy('date').toArray(),
    session: (id: string): Promise<SessionRow | undefined> => db.sessions.get(id),
    async saveSession(row: SessionRow): Promise<SessionRow> {
      const next = { ...row, year: Number(row.date.slice(0, 4)) || row.year, updatedAt: new Date().toISOString() };
      await db.sessions.put(next);
      return next;
    },
    removeSession: (id: string) => db.sessions.delete(id),
    members: (): Promise<MemberRow[]> => db.members.orderBy('order').toArray(),
    async saveMember(row: MemberRow): Promise<void> {
      await db.members.put(row);
    },
    removeMember: (id: string) => db.members.delete(id),
    packets: (): Promise<PacketRow[]> => db.packets.toArray(),
    returnsFor: (sessionId: string): Promise<ReturnRow[]> => db.returns.where('sessionId').equals(sessionId).toArray(),
  };
}
export type StudyRepository = ReturnType<typeof createStudyRepository>;

// ---------------------------------------------------------------- export

/**
 * What main needs to write a packet: the session, its readings (full text and HTML) and the
 * leader's highlights on them. Excerpts that no longer match the text are moved to their quote
 * when it occurs once, otherwise left out (and counted).
 */
export async function gatherPacket(
  db: YanduDB,
  session: SessionRow,
  meta: PacketDraft['meta'],
): Promise<{ draft: PacketDraft; skipped: number }> {
  const articles: PacketArticle[] = [];
  for (const id of session.readings) {
    const [row, body] = await Promise.all([db.articles.get(id), db.bodies.get(id)]);
    if (!row || !body) throw new AppError('E_NOT_FOUND', `学习篇目已不在文库中：${id}`);
    articles.push({
      id: row.id,
      urlKey: row.urlKey,
      url: row.url,
      title: row.title,
      publishedAt: row.publishedAt,
      origin: row.origin,
      author: row.author,
      editor: row.editor,
      column: row.column,
      sourceId: row.sourceId,
      sourceName: row.sourceName,
      html: body.html,
      text: body.text,
      contentHash: row.contentHash,
    });
  }
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  const rows = await db.highlights.where('articleId').anyOf(session.readings).toArray();
  const highlights: LeaderHighlight[] = [];
  let skipped = 0;
  for (const h of rows) {
    if (h.layer !== 'leader') continue;
    const text = texts.get(h.articleId) ?? '';
    let { start, end } = h.selector;
    if (text.slice(start, end) !== h.selector.exact) {
      const at = text.indexOf(h.selector.exact);
      if (h.orphan || at < 0 || text.indexOf(h.selector.exact, at + 1) >= 0) {
        skipped++;
        continue;
      }
      start = at;
      end = at + h.selector.exact.length;
    }
    highlights.push({
      id: h.id,
      articleId: h.articleId,
      color: h.color,
      style: h.style,
      selector: { ...h.selector, prefix: h.selector.prefix.slice(-500), suffix: h.selector.suffix.slice(0, 500), start, end },
      comment: h.comment,
      tags: h.tags.slice(0, 20),
      createdAt: h.createdAt,
      updatedAt: h.updatedAt,
    });
  }
  const packetSession: PacketSession = {
    id: session.id,
    topic: session.topic,
    date: session.date,
    place: session.place,
    host: session.host,
    speakers: session.speakers,
    readings: session.readings,
    questions: session.questions,
    status: session.status,
  };
  return { draft: { meta, session: packetSession, articles, highlights }, skipped };
}

// ---------------------------------------------------------------- packet import

export type PacketStatus = 'new' | 'update' | 'same' | 'older' | 'conflict';

export interface PacketPreview {
  status: PacketStatus;
  installedVersion: number | null;
  added: string[];
  updated: string[];
  unchanged: number;
  excerpts: { added: number; changed: number; removed: number };
  /** Readable lines: what this install changes (the 勘误 list for a re-issue). */
  changes: string[];
  message: string | null;
}

interface Plan {
  preview: PacketPreview;
  /** Packet article id → local article id (same URL key under another id). */
  ids: Map<string, string>;
}

const SESSION_FIELDS: [keyof PacketSession, string][] = [
  ['topic', '专题'],
  ['date', '时间'],
  ['place', '地点'],
  ['host', '主持人'],
  ['speakers', '中心发言人'],
  ['questions', '研讨题'],
  ['status', '状态'],
];

async function plan(db: YanduDB, p: ReadPacket): Promise<Plan> {
  const installed = await db.packets.get(p.meta.id);
  const preview: PacketPreview = {
    status: 'new',
    installedVersion: installed?.version ?? null,
    added: [],
    updated: [],
    unchanged: 0,
    excerpts: { added: 0, changed: 0, removed: 0 },
    changes: [],
    message: null,
  };
  const ids = new Map<string, string>();
  if (installed) {
    if (installed.version > p.meta.version) {
      preview.status = 'older';
      preview.message = `已安装第 ${installed.version} 版，不能用较旧的第 ${p.meta.version} 版替换。`;
      return { preview, ids };
    }
    if (installed.version === p.meta.version) {
      preview.status = installed.wholeSha256 === p.meta.wholeSha256 ? 'same' : 'conflict';
      preview.message =
        preview.status === 'same'
          ? `第 ${p.meta.version} 版已经导入过，无需再次导入。`
          : `已安装的第 ${p.meta.version} 版与此文件内容不同：请发放人提高版本号后重新发放。`;
      return { preview, ids };
    }
    preview.status = 'update';
  }
  for (const a of p.articles) {
    const local = (await db.articles.get(a.id)) ?? (await db.articles.where('urlKey').equals(a.urlKey).first());
    ids.set(a.id, local?.id ?? a.id);
    if (!local) preview.added.push(a.title);
    else if (local.contentHash !== a.contentHash) preview.updated.push(a.title);
    else {
      const body = await db.bodies.get(local.id);
      if (body && body.html !== a.html) preview.updated.push(a.title);
      else preview.unchanged++;
    }
  }
  const existing = await db.highlights.bulkGet(p.highlights.map((h) => h.id));
  for (const [i, h] of p.highlights.entries()) {
    const old = existing[i];
    if (old && old.layer !== 'leader') {
      preview.status = 'conflict';
      preview.message = '资料包中的重点摘编与本机的个人划线编号冲突，未导入。';
      return { preview, ids };
    }
    if (!old) preview.excerpts.added++;
    else if (old.comment !== h.comment || old.selector.exact !== h.selector.exact || old.color !== h.color) preview.excerpts.changed++;
  }
  const incoming = new Set(p.highlights.map((h) => h.id));
  preview.excerpts.removed = (installed?.highlightIds ?? []).filter((id) => !incoming.has(id)).length;

  const c = preview.changes;
  for (const t of preview.added) c.push(`新增文章《${t}》`);
  for (const t of preview.updated) c.push(`更新文章《${t}》`);
  if (preview.excerpts.added) c.push(`新增重点摘编 ${preview.excerpts.added} 条`);
  if (preview.excerpts.changed) c.push(`修改重点摘编 ${preview.excerpts.changed} 条`);
  if (preview.excerpts.removed) c.push(`删除重点摘编 ${preview.excerpts.removed} 条`);
  const oldSession = await db.sessions.get(p.session.id);
  if (oldSession && installed) {
    for (const [key, label] of SESSION_FIELDS) {
      const a = JSON.stringify(oldSession[key as keyof SessionRow]);
      const b = JSON.stringify(p.session[key]);
      if (a !== b) c.push(`学习安排“${label}”有变化`);
    }
    const removed = oldSession.readings.filter((id) => ![...ids.values()].includes(id)).length;
    if (removed) c.push(`移除篇目 ${removed} 篇`);
  }
  return { preview, ids };
}

export function previewPacket(db: YanduDB, p: ReadPacket): Promise<PacketPreview> {
  return db.transaction('r', [db.packets, db.articles, db.bodies, db.highlights, db.sessions], async () => (await plan(db, p)).preview);
}

/**
 * Installs a checked packet in one transaction. The preview is computed again inside it, so
 * what is written is what it says; an older or conflicting packet throws and writes nothing.
 */
export async function applyPacket(db: YanduDB, p: ReadPacket, now = new Date().toISOString()): Promise<PacketPreview> {
  // Search postings are built before the transaction, as sync does (a wrong id guess is rebuilt inline).
  const prepared = await prepareArticles(db, p.articles);
  return db.transaction(
    'rw',
    [db.packets, db.articles, db.bodies, db.versions, db.highlights, db.sessions, ...searchTables(db)],
    async () => {
      const { preview, ids } = await plan(db, p);
      if (preview.status === 'same') return preview;
      if (preview.status === 'older') throw new AppError('E_PACKET_OLDER', preview.message ?? '资料包版本较旧。');
      if (preview.status === 'conflict') throw new AppError('E_PACKET_CONTENT', preview.message ?? '资料包与本机数据冲突。');

      const versions = new Map<string, number>();
      const toIndex: ArticleForIndex[] = [];
      for (const a of p.articles) {
        const id = ids.get(a.id)!;
        const local = await db.articles.get(id);
        if (!local) {
          await db.articles.add(toArticleRow(a, now));
          await db.bodies.put({ articleId: a.id, html: a.html, text: a.text });
          toIndex.push(a);
          versions.set(id, 1);
        } else if (local.contentHash !== a.contentHash) {
          const body = await db.bodies.get(id);
          if (body) {
            await db.versions.put({
              articleId: id,
              version: local.version,
              html: body.html,
              text: body.text,
              contentHash: local.contentHash,
              replacedAt: now,
            });
          }
          await db.bodies.put({ articleId: id, html: a.html, text: a.text });
          await db.articles.update(id, { zi: countZi(a.text), contentHash: a.contentHash, version: local.version + 1, updatedAt: now });
          toIndex.push({ ...local, text: a.text });
          versions.set(id, local.version + 1);
        } else {
          const body = await db.bodies.get(id);
          if (body && body.html !== a.html) await db.bodies.put({ ...body, html: a.html });
          versions.set(id, local.version);
        }
      }

      const installed = await db.packets.get(p.meta.id);
      const incoming = new Set(p.highlights.map((h) => h.id));
      const stale = (installed?.highlightIds ?? []).filter((id) => !incoming.has(id));
      // Only rows of the leader's layer are ever removed.
      const staleRows = (await db.highlights.bulkGet(stale)).filter((h): h is HighlightRow => h?.layer === 'leader');
      await db.highlights.bulkDelete(staleRows.map((h) => h.id));
      const rows: HighlightRow[] = p.highlights.map((h) => {
        const articleId = ids.get(h.articleId)!;
        return {
          id: h.id,
          articleId,
          layer: 'leader',
          color: h.color,
          style: h.style,
          selector: h.selector,
          articleVersion: versions.get(articleId) ?? 1,
          orphan: false,
          tags: h.tags,
          comment: h.comment,
          createdAt: h.createdAt,
          updatedAt: h.updatedAt,
        };
      });
      await db.highlights.bulkPut(rows);
      // Searchable in the same transaction: the packet's articles and the leader's excerpts.
      await indexArticles(db, toIndex, prepared);
      await removeSearchDocs(
        db,
        staleRows.map((h) => `h:${h.id}`),
      );
      await indexSmallDocs(db, rows.map(highlightDoc));

      const old = await db.sessions.get(p.session.id);
      await db.sessions.put(
        sessionRow({ ...p.session, readings: p.session.readings.map((id) => ids.get(id) ?? id) }, now, {
          record: old ? recordOf(old) : EMPTY_RECORD,
          packetId: old?.issued ? old.packetId : p.meta.id,
          issued: old?.issued ?? null,
          createdAt: old?.createdAt ?? now,
        }),
      );
      await db.packets.put({
        id: p.meta.id,
        version: p.meta.version,
        issuer: p.meta.issuer,
        issuedAt: p.meta.issuedAt,
        title: p.meta.title,
        wholeSha256: p.meta.wholeSha256,
        sessionId: p.session.id,
        articleIds: p.articles.map((a) => ids.get(a.id)!),
        highlightIds: p.highlights.map((h) => h.id),
        installedAt: now,
        changes: preview.changes,
      });
      return preview;
    },
  );
}

// ---------------------------------------------------------------- return files

export interface ReturnPreview {
  status: 'new' | 'update' | 'same' | 'older';
  sessionKnown: boolean;
  message: string | null;
}

export function returnStats(body: ReadReturn['body']): { zi: number; reflections: number } {
  let zi = 0;
  let reflections = 0;
  for (const n of body.notes) {
    zi += countZi(n.text);
    if (n.kind === 'reflection' && n.text.trim()) reflections++;
  }
  return { zi, reflections };
}

async function planReturn(db: YanduDB, r: ReadReturn): Promise<ReturnPreview> {
  const old = await db.returns.get(r.meta.id);
  const sessionKnown = !!(await db.sessions.get(r.body.sessionId));
  if (!old) return { status: 'new', sessionKnown, message: null };
  if (old.version > r.meta.version) return { status: 'older', sessionKnown, message: `已导入该成员较新的回执（第 ${old.version} 版）。` };
  if (old.version === r.meta.version && old.wholeSha256 === r.meta.wholeSha256)
    return { status: 'same', sessionKnown, message: '该回执已导入过。' };
  return { status: 'update', sessionKnown, message: null };
}

export function previewReturn(db: YanduDB, r: ReadReturn): Promise<ReturnPreview> {
  return db.transaction('r', [db.returns, db.sessions], () => planReturn(db, r));
}

export async function applyReturn(db: YanduDB, r: ReadReturn, now = new Date().toISOString()): Promise<ReturnPreview> {
  return db.transaction('rw', [db.returns, db.sessions], async () => {
    const preview = await planReturn(db, r);
    if (preview.status === 'same') return preview;
    if (preview.status === 'older') throw new AppError('E_PACKET_OLDER', preview.message ?? '回执版本较旧。');
    const stats = returnStats(r.body);
    await db.returns.put({
      id: r.meta.id,
      version: r.meta.version,
      wholeSha256: r.meta.wholeSha256,
      sessionId: r.body.sessionId,
      packetId: r.body.packetId,
      member: r.body.member,
      notes: r.body.notes,
      highlights: r.body.highlights,
      zi: stats.zi,
      reflections: stats.reflections,
      importedAt: now,
    });
    return preview;
  });
}

// ---------------------------------------------------------------- dashboard

export interface YearProgress {
  year: number;
  sessionsDone: number;
  sessionsPlanned: number;
  notesZi: number;
  reflections: number;
}

function localYear(iso: string): number {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? Number(iso.slice(0, 4)) : d.getFullYear();
}

export async function yearProgress(db: YanduDB, year: number): Promise<YearProgress> {
  const [sessions, notes] = await Promise.all([db.sessions.where('year').equals(year).toArray(), db.notes.toArray()]);
  let notesZi = 0;
  let reflections = 0;
  for (const n of notes) {
    if (localYear(n.createdAt) !== year) continue;
    notesZi += n.zi;
    if (n.kind === 'reflection' && n.zi > 0) reflections++;
  }
  return {
    year,
    sessionsDone: sessions.filter((s) => s.status === 'done').length,
    sessionsPlanned: sessions.filter((s) => s.status !== 'cancelled').length,
    notesZi,
    reflections,
  };
}

/** Attendance of a session from its 学习记录, or null when none was kept. */
export function attendance(session: SessionRow): { present: number; total: number } | null {
  if (!session.recordedAt) return null;
  const total = session.attendees.length + session.absentees.length;
  return total ? { present: session.attendees.length, total } : null;
}
