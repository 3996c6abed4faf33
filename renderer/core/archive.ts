/**
 * 学习档案: what one year's archive holds, read from the database: every session of the year in
 * date order with its 学习记录 (core/print's PrintRecord), its readings (title, source, date and
 * the leader's 重点摘编 excerpts, in text order) and the 心得体会 members returned for it. Reads
 * only. Layout (sections, 目录, PDF and Word) is features/print's.
 */
import * as v from 'valibot';
import { db as appDb } from '../db';
import { createSettingsRepository } from '../db/repositories';
import type { YanduDB } from '../db/schema';
import type { SessionRow } from '../db/sessionRows';
import { loadPrintRecord, type PrintRecord } from './print';
import { PROFILE_KEY } from './study';

export interface ArchiveReading {
  id: string;
  title: string;
  origin: string | null;
  publishedAt: string | null;
  /** The leader's 重点摘编 on it, in text order. */
  excerpts: string[];
}

export interface ArchiveReflection {
  member: string;
  /** 职务 */
  post: string;
  title: string;
  text: string;
  zi: number;
}

export interface ArchiveSession {
  id: string;
  date: string;
  topic: string;
  place: string;
  host: string;
  status: SessionRow['status'];
  /** Whether a 学习记录 was saved for it. */
  recorded: boolean;
  record: PrintRecord;
  readings: ArchiveReading[];
  /** Members' returned 心得体会, by member order then name. */
  reflections: ArchiveReflection[];
}

export interface ArchiveData {
  year: number;
  /** The issuing unit of this copy (学习计划 → 本机身份), '' when not set. */
  unit: string;
  /** Every session of the year, cancelled ones included, by date. */
  sessions: ArchiveSession[];
}

const ProfileIssuer = v.object({ issuer: v.string() });

export async function loadArchive(db: YanduDB, year: number): Promise<ArchiveData> {
  const rows = await db.sessions.where('year').equals(year).toArray();
  rows.sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1));
  const [profile, members] = await Promise.all([
    createSettingsRepository(db).get(PROFILE_KEY, ProfileIssuer, { issuer: '' }),
    db.members.toArray(),
  ]);
  const memberOrder = new Map(members.map((m) => [m.name, m.order]));
  const sessions: ArchiveSession[] = [];
  for (const s of rows) {
    const [record, articles, highlights, returns] = await Promise.all([
      loadPrintRecord(db, s.id),
      db.articles.bulkGet(s.readings),
      db.highlights.where('articleId').anyOf(s.readings).toArray(),
      db.returns.where('sessionId').equals(s.id).toArray(),
    ]);
    if (!record) continue;
    const readings = s.readings.flatMap((id, i): ArchiveReading[] => {
      const a = articles[i];
      if (!a) return [];
      const excerpts = highlights
        .filter((h) => h.articleId === id && h.layer === 'leader')
        .sort((x, y) => x.selector.start - y.selector.start)
        .map((h) => h.selector.exact.trim())
        .filter(Boolean);
      return [{ id, title: a.title, origin: a.origin ?? a.sourceName ?? null, publishedAt: a.publishedAt, excerpts }];
    });
    const reflections = returns
      .flatMap((r) =>
        r.notes
          .filter((n) => n.kind === 'reflection' && (n.text.trim() || n.title.trim()))
          .map((n) => ({ member: r.member.name, post: r.member.title, title: n.title.trim(), text: n.text, zi: n.zi, at: n.createdAt })),
      )
      .sort(
        (a, b) =>
          (memberOrder.get(a.member) ?? Infinity) - (memberOrder.get(b.member) ?? Infinity) ||
          a.member.localeCompare(b.member, 'zh-CN') ||
          a.at.localeCompare(b.at),
      )
      .map(({ at: _at, ...r }) => r);
    sessions.push({
      id: s.id,
      date: s.date,
      topic: s.topic,
      place: s.place,
      host: s.host,
      status: s.status,
      recorded: s.recordedAt !== null,
      record,
      readings,
      reflections,
    });
  }
  return { year, unit: profile.issuer.trim(), sessions };
}

/** Years that have sessions, newest first. */
export async function archiveYears(db: YanduDB): Promise<number[]> {
  const years = (await db.sessions.orderBy('year').uniqueKeys()) as number[];
  return years.filter((y) => y > 0).sort((a, b) => b - a);
}

export function createArchive(db: YanduDB) {
  return {
    load: (year: number) => loadArchive(db, year),
    years: () => archiveYears(db),
  };
}
export type ArchiveService = ReturnType<typeof createArchive>;

/** The app's archive reader, on the app's database. */
export const archive = createArchive(appDb);
