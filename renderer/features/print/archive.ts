/**
 * 学习档案 as sections, in the order an inspection reads them: the year's plan, then for each
 * session that was not cancelled, by date, its 学习记录, its 签到表, its readings with the
 * 重点摘编, and the 心得体会 members returned for it. Every section starts a page and is one entry
 * of the 目录. Pure: the print view and the Word export both lay out this list.
 */
import type { ArchiveData, ArchiveSession } from '../../core/archive';
import { messages } from '../../i18n/messages';
import { formatChineseDate } from '../../../shared/text';
import { sheetTitle } from './record';

const t = messages.archive;

export type ArchiveSection =
  { kind: 'plan'; title: string } | { kind: 'record' | 'signin' | 'readings' | 'reflections'; title: string; session: ArchiveSession };

export interface ArchivePlanRow {
  num: number;
  date: string;
  topic: string;
  host: string;
  place: string;
  status: string;
}

export interface ArchiveModel {
  year: number;
  title: string;
  /** Issuing unit for the cover, '' when not set. */
  unit: string;
  /** YYYY-MM-DD, printed once on the cover. */
  date: string;
  plan: ArchivePlanRow[];
  sections: ArchiveSection[];
}

/** A year with nothing to archive: the message says why, and nothing is exported. */
export class EmptyArchiveError extends Error {}

export function archiveModel(data: ArchiveData, date: string): ArchiveModel {
  const held = data.sessions.filter((s) => s.status !== 'cancelled');
  if (held.length === 0) throw new EmptyArchiveError(t.emptyYear(data.year));
  const sections: ArchiveSection[] = [{ kind: 'plan', title: t.planTitle(data.year) }];
  held.forEach((session, i) => {
    // The sheets' own titles ("2026年第2次理论学习中心组学习记录") name the session in the 目录.
    const nth = session.record.ordinal ? t.nth(session.record.ordinal) : t.nth(i + 1);
    sections.push({ kind: 'record', title: sheetTitle(session.record, 'record'), session });
    // Without a record nobody's attendance is known: no 签到表 to print.
    if (session.recorded) sections.push({ kind: 'signin', title: sheetTitle(session.record, 'signin'), session });
    if (session.readings.length) sections.push({ kind: 'readings', title: t.readingsTitle(nth), session });
    if (session.reflections.length)
      sections.push({ kind: 'reflections', title: t.reflectionsTitle(nth, session.reflections.length), session });
  });
  return {
    year: data.year,
    title: t.title(data.year),
    unit: data.unit,
    date,
    plan: data.sessions.map((s, i) => ({
      num: i + 1,
      date: s.date,
      topic: s.topic,
      host: s.host,
      place: s.place,
      status: messages.study.statuses[s.status],
    })),
    sections,
  };
}

/** A plan row's date as 3月12日: the year is the archive's. */
export function monthDay(date: string): string {
  return formatChineseDate(date).replace(/^\d{4}年/, '');
}
