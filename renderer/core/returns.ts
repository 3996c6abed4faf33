/**
 * Members' returns read in full (学习成果回执 on the leader's copy): per session, every member's
 * notes (with the reading and the excerpt each is on), 心得体会 and 发言提纲, in the group's
 * member order, with 字 counts kept apart by kind. The same model feeds the returns view, the
 * 学习心得汇编 (print and Word) and the year's 学习档案 (compilationOf). Reads only: views run
 * them inside live queries.
 */
import * as v from 'valibot';
import { countZi, formatChineseDate } from '../../shared/text';
import { messages } from '../i18n/messages';
import { localDay } from './roles';
import { db as appDb } from '../db';
import { createSettingsRepository } from '../db/repositories';
import type { YanduDB } from '../db/schema';
import type { MemberRow, ReturnRow, SessionRow } from '../db/sessionRows';
import { PROFILE_KEY } from './study';

export type ReturnItemKind = ReturnRow['notes'][number]['kind'];

/** 字 of a return by kind: 笔记 (notes on readings), 心得体会, 发言提纲. */
export interface ReturnCounts {
  note: number;
  reflection: number;
  outline: number;
}

export function returnCounts(notes: readonly Pick<ReturnRow['notes'][number], 'kind' | 'text'>[]): ReturnCounts {
  const out: ReturnCounts = { note: 0, reflection: 0, outline: 0 };
  for (const n of notes) out[n.kind] += countZi(n.text);
  return out;
}

export interface ReturnItem {
  id: string;
  kind: ReturnItemKind;
  title: string;
  text: string;
  zi: number;
  /** The reading the note is on (title as known here, else its id), or null for a standalone note. */
  reading: { id: string; title: string } | null;
  /** The excerpt the note is on, when the return carries it. */
  quote: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MemberReturn {
  returnId: string;
  name: string;
  /** 职务: the members table's when the member is listed, else what the return says. */
  title: string;
  /** When the return was imported here. */
  returnedAt: string;
  /** When the member made the file (null: imported before that was kept). */
  sentAt: string | null;
  version: number;
  counts: ReturnCounts;
  /** 心得体会 first, then 发言提纲, then notes by reading order; within a kind by date. */
  items: ReturnItem[];
}

export interface SessionReturns {
  session: Pick<SessionRow, 'id' | 'topic' | 'date'>;
  members: MemberReturn[];
}

const KIND_ORDER: Record<ReturnItemKind, number> = { reflection: 0, outline: 1, note: 2 };

/**
 * Orders returns as the group does: members in the members table's order, then anyone else
 * (a guest, a renamed member) by name; one entry per return.
 */
export function orderReturns(returns: readonly ReturnRow[], members: readonly Pick<MemberRow, 'name' | 'order'>[]): ReturnRow[] {
  const rank = new Map(members.map((m) => [m.name, m.order]));
  return [...returns].sort((a, b) => {
    const ra = rank.get(a.member.name);
    const rb = rank.get(b.member.name);
    if (ra !== undefined && rb !== undefined && ra !== rb) return ra - rb;
    if ((ra === undefined) !== (rb === undefined)) return ra === undefined ? 1 : -1;
    return a.member.name.localeCompare(b.member.name, 'zh-CN') || (a.id < b.id ? -1 : 1);
  });
}

/**
 * A return's date as shown: 提交于 the local day the member made the file, or for a return
 * imported before that was kept, the import day marked （导入日期）. Pure.
 */
export function returnDateText(m: Pick<MemberReturn, 'sentAt' | 'returnedAt'>): string {
  const t = messages.returns;
  return m.sentAt
    ? t.sentOn(formatChineseDate(localDay(new Date(m.sentAt))))
    : t.importedOn(formatChineseDate(localDay(new Date(m.returnedAt))));
}

/** One member's return as read in full. Pure. */
export function memberReturn(
  r: ReturnRow,
  readings: readonly string[],
  titles: ReadonlyMap<string, string>,
  members: readonly Pick<MemberRow, 'name' | 'title'>[],
): MemberReturn {
  const readingRank = new Map(readings.map((id, i) => [id, i]));
  // Old returns carry no quote: the member's own highlight with the same words is not known
  // either, so such a note shows its reading only.
  const items: ReturnItem[] = r.notes
    .filter((n) => n.text.trim() || n.title.trim())
    .map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      text: n.text,
      zi: countZi(n.text),
      reading: n.articleId ? { id: n.articleId, title: titles.get(n.articleId) ?? n.articleId } : null,
      quote: n.quote,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
    }))
    .sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        (a.reading ? (readingRank.get(a.reading.id) ?? 1e6) : -1) - (b.reading ? (readingRank.get(b.reading.id) ?? 1e6) : -1) ||
        a.createdAt.localeCompare(b.createdAt) ||
        (a.id < b.id ? -1 : 1),
    );
  const listed = members.find((m) => m.name === r.member.name);
  return {
    returnId: r.id,
    name: r.member.name,
    title: listed?.title || r.member.title,
    returnedAt: r.importedAt,
    sentAt: r.sentAt ?? null,
    version: r.version,
    counts: returnCounts(r.notes),
    items,
  };
}

async function titlesOf(db: YanduDB, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const rows = await db.articles.bulkGet(unique);
  const out = new Map<string, string>();
  rows.forEach((a, i) => {
    if (a) out.set(unique[i]!, a.title);
  });
  return out;
}

/** Every return of the sessions, session by session (in the order given; unknown sessions left out). */
export async function loadSessionReturns(db: YanduDB, sessionIds: readonly string[]): Promise<SessionReturns[]> {
  return db.transaction('r', [db.sessions, db.returns, db.members, db.articles], async () => {
    const [sessions, members, returns] = await Promise.all([
      db.sessions.bulkGet([...sessionIds]),
      db.members.orderBy('order').toArray(),
      db.returns
        .where('sessionId')
        .anyOf([...sessionIds])
        .toArray(),
    ]);
    const titles = await titlesOf(db, [
      ...sessions.flatMap((s) => s?.readings ?? []),
      ...returns.flatMap((r) => r.notes.flatMap((n) => (n.articleId ? [n.articleId] : []))),
    ]);
    const out: SessionReturns[] = [];
    for (const s of sessions) {
      if (!s) continue;
      const mine = orderReturns(
        returns.filter((r) => r.sessionId === s.id),
        members,
      );
      out.push({
        session: { id: s.id, topic: s.topic, date: s.date },
        members: mine.map((r) => memberReturn(r, s.readings, titles, members)),
      });
    }
    return out;
  });
}

// ---------------------------------------------------------------- 学习心得汇编

export interface Compilation {
  /** 学习心得汇编 */
  title: string;
  /** The cover's second line (the session's topic, for one session), or ''. */
  subtitle: string;
  /** This copy's issuing unit (the cover), or ''. */
  unit: string;
  /** YYYY-MM-DD: the cover's date. */
  date: string;
  sessions: SessionReturns[];
}

/** One entry of a 汇编's 目录: a member's section. */
export interface CompilationEntry {
  key: string;
  /** 张三（办公室主任）, with the session's topic when the 汇编 spans sessions. */
  heading: string;
  session: SessionReturns['session'];
  member: MemberReturn;
}

/** The 目录 entries of a 汇编, one per member section, in print order. Pure. */
export function compilationEntries(c: Pick<Compilation, 'sessions'>): CompilationEntry[] {
  const several = c.sessions.length > 1;
  return c.sessions.flatMap((s) =>
    s.members.map((m) => ({
      key: `${s.session.id}:${m.returnId}`,
      heading: `${several ? `${s.session.topic}\u3000` : ''}${m.name}${m.title ? `（${m.title}）` : ''}`,
      session: s.session,
      member: m,
    })),
  );
}

const ProfileIssuer = v.object({ issuer: v.string() });

/**
 * The 学习心得汇编 of the sessions given, in that order: the model the print view, the Word
 * export and the 学习档案 (a year's sessions) build from.
 */
export async function compilationOf(db: YanduDB, sessionIds: readonly string[], today = new Date()): Promise<Compilation> {
  const [sessions, profile] = await Promise.all([
    loadSessionReturns(db, sessionIds),
    createSettingsRepository(db).get(PROFILE_KEY, ProfileIssuer, { issuer: '' }),
  ]);
  const local = new Date(today.getTime() - today.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  return {
    title: '学习心得汇编',
    subtitle: sessions.length === 1 ? sessions[0]!.session.topic : '',
    unit: profile.issuer,
    date: local,
    sessions,
  };
}

export function createReturns(db: YanduDB) {
  return {
    /** A session's returns read in full, or null when the session is gone. */
    async forSession(sessionId: string): Promise<SessionReturns | null> {
      return (await loadSessionReturns(db, [sessionId]))[0] ?? null;
    },
    compilation: (sessionIds: readonly string[]): Promise<Compilation> => compilationOf(db, sessionIds),
  };
}
export type ReturnsService = ReturnType<typeof createReturns>;

/** The app's returns service, on the app's database. */
export const returnsData = createReturns(appDb);
