/**
 * Rows of the study tables (schema version 4): sessions (学习计划), members, installed packets
 * and imported return files. Kept apart from highlights and notes: installing a packet writes
 * only these, articles and the leader's layer.
 */
import type { LeaderHighlight, ReturnBody } from '../../shared/packet/schema';

export type SessionStatus = 'planned' | 'done' | 'cancelled';

/**
 * 学习记录: what the secretary writes down after a session. Kept as fields of the session row
 * itself (地点 and 主持人 are the session's own), so a print sheet reads one row.
 */
export interface StudyRecord {
  /** 时间, e.g. "9:00—11:30" (the date is the session's). */
  time: string;
  attendees: string[];
  absentees: { name: string; reason: string }[];
  /** 列席 */
  observers: string[];
  /** 学习内容 */
  content: string;
  /** 方式: 集中学习, 专题研讨, … */
  method: string;
  /** 发言摘要 */
  summary: string;
  recorder: string;
  /** When the record was last saved; null while there is none. */
  recordedAt: string | null;
}

export interface SessionRow extends StudyRecord {
  id: string;
  year: number;
  topic: string;
  /** YYYY-MM-DD */
  date: string;
  place: string;
  /** 主持人 */
  host: string;
  /** 中心发言人 */
  speakers: string[];
  /** Article ids, in reading order. */
  readings: string[];
  /** 研讨题 */
  questions: string[];
  status: SessionStatus;
  /** The packet this session came from, when it came from one. */
  packetId: string | null;
  /** For sessions authored here: the packet id and the last version handed out. */
  issued: { packetId: string; version: number; wholeSha256: string; issuedAt: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface MemberRow {
  id: string;
  name: string;
  /** 职务 */
  title: string;
  order: number;
}

/** A packet installed here: which version, and what it put in the library. */
export interface PacketRow {
  id: string;
  version: number;
  issuer: string;
  issuedAt: string;
  title: string;
  wholeSha256: string;
  sessionId: string;
  articleIds: string[];
  highlightIds: string[];
  installedAt: string;
  /** What the last install changed (shown for a 勘误). */
  changes: string[];
}

/** An imported 学习成果回执. */
export interface ReturnRow {
  id: string;
  version: number;
  wholeSha256: string;
  sessionId: string;
  packetId: string | null;
  member: ReturnBody['member'];
  notes: ReturnBody['notes'];
  highlights: ReturnBody['highlights'];
  zi: number;
  reflections: number;
  importedAt: string;
}

export type { LeaderHighlight };
