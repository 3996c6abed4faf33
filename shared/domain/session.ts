/** Study sessions (学习计划, 学习记录), members and the unit's rules, as stored; their defaults, once. */
import * as v from 'valibot';
import { CountField, FiniteField, IdField, IsoField, text } from './fields';

export const SessionStatusSchema = v.picklist(['planned', 'done', 'cancelled']);
export type SessionStatus = v.InferOutput<typeof SessionStatusSchema>;

const Names = v.pipe(v.array(text(200)), v.maxLength(1000));

/**
 * 学习记录: what the secretary writes down after a session. Kept as fields of the session row
 * itself (地点 and 主持人 are the session's own), so a print sheet reads one row.
 */
export const StudyRecordSchema = v.object({
  /** 时间, e.g. "9:00—11:30" (the date is the session's). */
  time: text(200),
  attendees: Names,
  absentees: v.pipe(v.array(v.object({ name: text(200), reason: text(2000) })), v.maxLength(1000)),
  /** 列席 */
  observers: Names,
  /** 学习内容 */
  content: text(100_000),
  /** 方式: 集中学习, 专题研讨, … */
  method: text(200),
  /** 发言摘要 */
  summary: text(1_000_000),
  recorder: text(200),
  /** When the record was last saved; null while there is none. */
  recordedAt: v.nullable(IsoField),
});
export type StudyRecord = v.InferOutput<typeof StudyRecordSchema>;

/** No record yet: what a new session, and one installed from a packet, start with. */
export const EMPTY_STUDY_RECORD: StudyRecord = {
  time: '',
  attendees: [],
  absentees: [],
  observers: [],
  content: '',
  method: '',
  summary: '',
  recorder: '',
  recordedAt: null,
};

export const SessionRowSchema = v.object({
  ...StudyRecordSchema.entries,
  id: IdField,
  year: CountField,
  topic: text(2000),
  /** YYYY-MM-DD (empty while not chosen) */
  date: text(40),
  place: text(2000),
  /** 主持人 */
  host: text(200),
  /** 中心发言人 */
  speakers: Names,
  /** Article ids, in reading order. */
  readings: v.pipe(v.array(IdField), v.maxLength(10_000)),
  /** 研讨题 */
  questions: v.pipe(v.array(text(10_000)), v.maxLength(1000)),
  status: SessionStatusSchema,
  /** The packet this session came from, when it came from one. */
  packetId: v.nullable(IdField),
  /** For sessions authored here: the packet id and the last version handed out. */
  issued: v.nullable(v.object({ packetId: IdField, version: CountField, wholeSha256: text(64), issuedAt: IsoField })),
  createdAt: IsoField,
  updatedAt: IsoField,
});
export type SessionRow = v.InferOutput<typeof SessionRowSchema>;

/** The session fields a packet carries (shared/packet/schema.ts PacketSessionSchema). */
export interface SessionPlan {
  id: string;
  topic: string;
  date: string;
  place: string;
  host: string;
  speakers: string[];
  readings: string[];
  questions: string[];
  status: SessionStatus;
}

/**
 * A session row from its plan: the year from the date, the record kept from `old` or empty.
 * THE defaults of a session row: a new session, a packet's session installed, a print sample.
 */
export function sessionRow(
  plan: SessionPlan,
  now: string,
  extra: { record?: StudyRecord; packetId?: string | null; issued?: SessionRow['issued']; createdAt?: string } = {},
): SessionRow {
  return {
    id: plan.id,
    year: Number(plan.date.slice(0, 4)) || 0,
    topic: plan.topic,
    date: plan.date,
    place: plan.place,
    host: plan.host,
    speakers: plan.speakers,
    readings: plan.readings,
    questions: plan.questions,
    status: plan.status,
    ...(extra.record ?? EMPTY_STUDY_RECORD),
    packetId: extra.packetId ?? null,
    issued: extra.issued ?? null,
    createdAt: extra.createdAt ?? now,
    updatedAt: now,
  };
}

export const MemberRowSchema = v.object({
  id: IdField,
  name: text(200),
  /** 职务 */
  title: text(200),
  order: FiniteField,
});
export type MemberRow = v.InferOutput<typeof MemberRowSchema>;

/** The unit's rules for the year (a setting). */
export const RulesSchema = v.object({
  /** 集中学习 sessions per year. */
  sessionsPerYear: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
  /** Minimum attendance per session, percent. */
  attendanceMin: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
  /** 心得体会 per member per year. */
  reflectionsPerYear: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
});
export type Rules = v.InferOutput<typeof RulesSchema>;
export const DEFAULT_RULES: Rules = { sessionsPerYear: 6, attendanceMin: 80, reflectionsPerYear: 2 };

/** Who works here (a setting): the member's name and title, and who issues packets from here. */
export const ProfileSchema = v.object({
  name: v.pipe(v.string(), v.maxLength(100)),
  title: v.pipe(v.string(), v.maxLength(100)),
  /** Who issues packets from here (单位/部门). */
  issuer: v.pipe(v.string(), v.maxLength(200)),
});
export type Profile = v.InferOutput<typeof ProfileSchema>;
export const DEFAULT_PROFILE: Profile = { name: '', title: '', issuer: '' };
