/**
 * The study service: sessions (学习安排 and 学习记录), members, the unit's rules and the year's
 * progress against them, the user's profile, and return files (学习成果回执) — built here for
 * export and checked and stored here on import. Reads are plain Dexie reads, so views run them
 * inside live queries and follow every write (another tab, a packet import, a restore).
 */
import * as v from 'valibot';
import type { Api } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { ReadReturn } from '../../shared/packet/api';
import type { ReturnDraft } from '../../shared/packet/schema';
import { countZi } from '../../shared/text';
import {
  DEFAULT_PROFILE,
  DEFAULT_RULES,
  EMPTY_STUDY_RECORD,
  ProfileSchema,
  RulesSchema,
  sessionRow,
  type Profile,
  type Rules,
} from '../../shared/domain/session';
import { api as appApi } from '../bridge';
import { db as appDb } from '../db';
import { createSettingsRepository } from '../db/repositories';
import type { ArticleRow, HighlightRow, NoteRow, YanduDB } from '../db/schema';
import { createStudyRepository } from '../db/sessions';
import type { MemberRow, PacketRow, ReturnRow, SessionRow, StudyRecord } from '../db/sessionRows';
import { messages } from '../i18n/messages';
import { DEFAULT_QUOTA, QUOTA_KEY, QuotaSchema, type Quota } from './notebook';
import {
  countsAsDone,
  doneRefusal,
  fromPacket,
  HIDDEN_KEY,
  localDay,
  readHidden,
  ROLE_KEY,
  roleState,
  sessionEditRefusal,
  type Hidden,
  type Role,
  type RoleState,
  writeLeaderLayerHidden,
} from './roles';
import { keptLeaderLayer, NEW_SESSION_DRAFT_KIND, RECORD_DRAFT_KIND, SESSION_DRAFT_KIND } from './pendingKinds';
import { localStore, type LocalStore } from './localStore';
import { formDrafts, journalPendingWrite, pendingWrites, replayPendingWrites, settlePendingWrite } from './pendingWrites';

const t = messages.study;

export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

// ---------------------------------------------------------------- rules and profile (settings, validated)

export const RULES_KEY = 'study.rules';
export const PROFILE_KEY = 'study.profile';
// The schemas and defaults are the settings table's (shared/domain).
export { DEFAULT_PROFILE, DEFAULT_RULES, ProfileSchema, RulesSchema, type Profile, type Rules } from '../../shared/domain/session';

/** This device's id in return-file ids, so two members' returns never share an id. */
const DEVICE_KEY = 'study.deviceId';
const DeviceSchema = v.pipe(v.string(), v.regex(/^[a-z0-9]{8,24}$/));
/** The last return-file version handed out for a session. */
const returnVersionKey = (sessionId: string) => `study.returnVersion.${sessionId}`;
const VersionSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

// ---------------------------------------------------------------- sessions

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

// ---------------------------------------------------------------- progress

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

/** Sessions count as done only once held: 已完成 with a date that has come (roles.ts countsAsDone). */
export async function yearProgress(db: YanduDB, year: number, today = localDay(new Date())): Promise<YearProgress> {
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
    sessionsDone: sessions.filter((s) => countsAsDone(s, today)).length,
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

/** What the dashboard warns about: the year's progress against the unit's rules. */
export function warnings(p: YearProgress, rules: Rules, ziGoal: number, sessions: readonly SessionRow[]): string[] {
  const out: string[] = [];
  if (p.sessionsDone < rules.sessionsPerYear) out.push(t.warnSessions(rules.sessionsPerYear - p.sessionsDone));
  if (p.notesZi < ziGoal) out.push(t.warnNotes(ziGoal - p.notesZi));
  if (p.reflections < rules.reflectionsPerYear) out.push(t.warnReflections(rules.reflectionsPerYear - p.reflections));
  for (const s of sessions) {
    const a = attendance(s);
    if (!a) continue;
    const pct = Math.round((a.present / a.total) * 100);
    if (pct < rules.attendanceMin) out.push(t.warnAttendance(s.topic, pct, rules.attendanceMin));
  }
  return out;
}

// ---------------------------------------------------------------- return files: building

/**
 * The notes a member may hand in for a session: written notes on its readings, and the
 * year's standalone 发言提纲 and 心得体会.
 */
export function returnCandidates(notes: readonly NoteRow[], session: Pick<SessionRow, 'readings' | 'date'>): NoteRow[] {
  const readings = new Set(session.readings);
  const year = session.date.slice(0, 4);
  return notes.filter(
    (n) => n.zi > 0 && ((n.articleId && readings.has(n.articleId)) || (!n.articleId && n.kind !== 'note' && n.createdAt.startsWith(year))),
  );
}

export interface ReturnInput {
  session: SessionRow;
  /** The packet the session came from, when installed here. */
  packet: Pick<PacketRow, 'id' | 'version'> | undefined;
  profile: Pick<Profile, 'name' | 'title'>;
  notes: readonly NoteRow[];
  /** Every highlight on the session's readings; only the member's own are handed in (all give notes their excerpt). */
  highlights: readonly HighlightRow[];
  device: string;
  version: number;
  now: string;
}

/** The draft main turns into a return file. Pure. */
export function buildReturnDraft(input: ReturnInput): ReturnDraft {
  const { session, packet, profile } = input;
  const name = profile.name.trim();
  // The excerpt a note is on travels with it, so the leader reads what it comments on.
  const excerpts = new Map(input.highlights.map((h) => [h.id, h.selector.exact.slice(0, 20_000)]));
  return {
    meta: {
      id: `r_${input.device}_${session.id}`.slice(0, 80),
      version: input.version,
      issuer: name,
      issuedAt: input.now,
      title: `${name}的学习成果回执`,
    },
    body: {
      sessionId: session.id,
      sessionTopic: session.topic.slice(0, 300),
      packetId: packet?.id ?? session.packetId,
      packetVersion: packet?.version ?? null,
      member: { name: name.slice(0, 100), title: profile.title.trim().slice(0, 100) },
      notes: input.notes.map((n) => ({
        id: n.id,
        kind: n.kind,
        title: n.title,
        text: n.text,
        zi: n.zi,
        articleId: n.articleId,
        quote: (n.highlightId && excerpts.get(n.highlightId)) || null,
        createdAt: n.createdAt,
        updatedAt: n.updatedAt,
      })),
      highlights: input.highlights
        .filter((h) => h.layer === 'personal')
        .map((h) => ({
          id: h.id,
          articleId: h.articleId,
          exact: h.selector.exact.slice(0, 20_000),
          comment: h.comment,
          color: h.color,
          createdAt: h.createdAt,
        })),
    },
  };
}

// ---------------------------------------------------------------- return files: importing

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

/** `alsoWrite` runs inside the same transaction once the return is stored (the signer's pin). */
export async function applyReturn(
  db: YanduDB,
  r: ReadReturn,
  now = new Date().toISOString(),
  alsoWrite?: () => Promise<void>,
): Promise<ReturnPreview> {
  return db.transaction('rw', [db.returns, db.sessions, db.settings], async () => {
    const preview = await planReturn(db, r);
    if (preview.status === 'same') {
      // The same file again gives a return imported before sentAt was kept its own date.
      const old = await db.returns.get(r.meta.id);
      if (old && !old.sentAt) await db.returns.update(r.meta.id, { sentAt: r.meta.issuedAt });
      return preview;
    }
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
      sentAt: r.meta.issuedAt,
    });
    await alsoWrite?.();
    return preview;
  });
}

// ---------------------------------------------------------------- the façade

/** One session with everything its page shows. */
export interface SessionDetail {
  row: SessionRow;
  members: MemberRow[];
  returns: ReturnRow[];
  /** The installed packet the session came from, if any. */
  packet: PacketRow | undefined;
  /** Reading id → how many 重点摘编 the leader's layer has on it. */
  excerpts: Map<string, number>;
  role: RoleState;
  /** Today (local), for the 已完成 rule. */
  today: string;
  hidden: boolean;
}

export interface Dashboard {
  sessions: SessionRow[];
  members: MemberRow[];
  rules: Rules;
  quota: Quota;
  progress: YearProgress;
  profile: Profile;
  role: RoleState;
  hidden: Hidden;
}

export type ReadingChoice = Pick<ArticleRow, 'id' | 'title'>;

/** `clock` is the time the 已完成 rule and the progress are judged at (tests pass a fixed one). */
/** The 学习安排's free-text fields that save on leaving them (journalled while typed). */
export type SessionDraftField = 'topic' | 'place' | 'host' | 'questions';
// The form's own limits (SessionView); questions: each line.
const DRAFT_LIMITS: Record<SessionDraftField, number> = { topic: 300, place: 200, host: 100, questions: 1000 };
const isDraftField = (f: string): f is SessionDraftField => Object.hasOwn(DRAFT_LIMITS, f);
/** What the field itself could have saved: text within its length (questions: a list of lines). */
function draftValueFits(field: SessionDraftField, value: unknown): boolean {
  const limit = DRAFT_LIMITS[field];
  if (field === 'questions')
    return Array.isArray(value) && value.length <= 1000 && value.every((q) => typeof q === 'string' && q.length <= limit);
  return typeof value === 'string' && value.length <= limit;
}

/**
 * The 学习记录 form as typed (SessionView's RecordForm), which saves only on 保存: its draft is
 * journalled at each change and shown again as a draft when the form opens, never stored by itself.
 * The bounds are the record's own (shared/domain/session.ts), with room for what the form trims on 保存.
 */
const draftText = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** The 新建学习安排 dialog as typed: 专题, 日期 (null while the typed date does not read as one), 地点. */
const NewSessionFormSchema = v.object({ topic: v.string(), date: v.nullable(v.string()), place: v.string() });
export type NewSessionForm = v.InferOutput<typeof NewSessionFormSchema>;
/**
 * The 新建学习安排 dialog typed but not created (nothing is stored until 创建): journalled at each
 * change under one key, so a reload, a crash or a closed window keeps the 专题 and 地点; the 学习计划
 * page offers to go on with it, never creates it by itself. 取消 gives it up.
 */
export const newSessionDrafts = formDrafts(NEW_SESSION_DRAFT_KIND, NewSessionFormSchema);
export const NEW_SESSION_DRAFT_KEY = 'new';

export const RecordFormSchema = v.object({
  time: draftText(2000),
  place: draftText(2000),
  host: draftText(2000),
  attendance: v.object({
    attendees: v.pipe(v.array(draftText(2000)), v.maxLength(1000)),
    absentees: v.pipe(v.array(v.object({ name: draftText(2000), reason: draftText(2000) })), v.maxLength(1000)),
  }),
  observers: draftText(200_000),
  content: draftText(100_000),
  method: draftText(2000),
  summary: draftText(1_000_000),
  recorder: draftText(2000),
});
export type RecordForm = v.InferOutput<typeof RecordFormSchema>;

/** A 学习记录 draft waiting in the journal: what was typed, when, and its entry's token. */
export interface RecordDraft {
  value: RecordForm;
  at: string;
  token: string;
}

export function createStudy(db: YanduDB, api: Api, clock: () => Date = () => new Date()) {
  const repo = createStudyRepository(db);
  const settings = createSettingsRepository(db);
  const profile = (): Promise<Profile> => settings.get(PROFILE_KEY, ProfileSchema, DEFAULT_PROFILE);
  const today = () => localDay(clock());

  /** THE check of every session write: the member's rules, then the 已完成 rule. Inside a transaction. */
  async function checkedSession(before: SessionRow | undefined, next: SessionRow): Promise<void> {
    if (before) {
      const refusal = sessionEditRefusal((await roleState(db)).role, before, next);
      if (refusal) throw new AppError('E_FORBIDDEN', refusal);
    }
    // Only a change into 已完成 (or of a done session's date) is judged: a stored row is not locked by it.
    if (next.status === 'done' && (before?.status !== 'done' || before.date !== next.date)) {
      const refusal = doneRefusal(next, today());
      if (refusal) throw new AppError('E_INVALID_ARGUMENT', refusal);
    }
  }

  async function detail(id: string): Promise<SessionDetail | null> {
    const row = await repo.session(id);
    if (!row) return null;
    const [members, returns, packet, hl, role, hidden] = await Promise.all([
      repo.members(),
      repo.returnsFor(id),
      row.packetId ? repo.packet(row.packetId) : Promise.resolve(undefined),
      db.highlights.where('articleId').anyOf(row.readings).toArray(),
      roleState(db),
      readHidden(db),
    ]);
    const excerpts = new Map<string, number>();
    for (const h of hl) if (h.layer === 'leader') excerpts.set(h.articleId, (excerpts.get(h.articleId) ?? 0) + 1);
    return { row, members, returns, packet, excerpts, role, today: today(), hidden: hidden.sessions.includes(id) };
  }

  return {
    // Reads (safe inside a live query).
    sessions: (): Promise<SessionRow[]> => repo.sessions(),
    session: (id: string): Promise<SessionRow | undefined> => repo.session(id),
    detail,
    async dashboard(year: number): Promise<Dashboard> {
      const [sessions, members, rules, quota, progress, me, role, hidden] = await Promise.all([
        repo.sessions(),
        repo.members(),
        settings.get(RULES_KEY, RulesSchema, DEFAULT_RULES),
        settings.get(QUOTA_KEY, QuotaSchema, DEFAULT_QUOTA),
        yearProgress(db, year, today()),
        profile(),
        roleState(db),
        readHidden(db),
      ]);
      return { sessions, members, rules, quota, progress, profile: me, role, hidden };
    },
    /** Articles a reading can be picked from: ids and titles only. */
    async readingChoices(): Promise<ReadingChoice[]> {
      const rows = await db.articles.toArray();
      return rows.map((a) => ({ id: a.id, title: a.title }));
    },
    profile,
    role: (): Promise<RoleState> => roleState(db),
    hidden: (): Promise<Hidden> => readHidden(db),
    /** The notes the member may hand in for a session. */
    async returnCandidates(session: Pick<SessionRow, 'readings' | 'date'>): Promise<NoteRow[]> {
      return returnCandidates(await db.notes.toArray(), session);
    },

    // Writes.
    /** Stores the session (its year follows its date); returns what was stored. Checked (roles.ts). */
    async saveSession(row: SessionRow): Promise<SessionRow> {
      return db.transaction('rw', [db.sessions, db.settings], async () => {
        const next = { ...row, year: Number(row.date.slice(0, 4)) || row.year, updatedAt: new Date().toISOString() };
        await checkedSession(await repo.session(row.id), next);
        await repo.putSession(next);
        return next;
      });
    },
    /** Applies a patch to the stored session (not to a possibly stale copy); null when it is gone. Checked (roles.ts). */
    async updateSession(id: string, patch: Partial<SessionRow>): Promise<SessionRow | null> {
      return db.transaction('rw', [db.sessions, db.settings], async () => {
        const row = await repo.session(id);
        if (!row) return null;
        const merged = { ...row, ...patch, id };
        const next = { ...merged, year: Number(merged.date.slice(0, 4)) || row.year, updatedAt: new Date().toISOString() };
        await checkedSession(row, next);
        await repo.putSession(next);
        return next;
      });
    },
    /** Stores a new session only now (the 新建学习安排 dialog can be cancelled before this). */
    async createSession(topic: string, date = localDay(clock()), place = ''): Promise<string> {
      const row = { ...newSession(date), topic, place: place.slice(0, 200) };
      await db.transaction('rw', [db.sessions, db.settings], async () => {
        // An inferred member's copy stays one: its own session must not make it look like a leader's.
        const state = await roleState(db);
        if (!state.chosen && state.role === 'member') await settings.write(ROLE_KEY, 'member');
        await repo.putSession(row);
      });
      return row.id;
    },
    /** A member's copy cannot delete a session installed from a packet (it can hide it). */
    async removeSession(id: string): Promise<void> {
      await db.transaction('rw', [db.sessions, db.settings], async () => {
        const row = await repo.session(id);
        if (row && fromPacket(row) && (await roleState(db)).role === 'member')
          throw new AppError('E_FORBIDDEN', messages.roles.memberDelete);
        await repo.removeSession(id);
      });
      // Its 学习记录 draft goes with it (the user chose to delete the session and everything it records).
      const draft = pendingWrites().find((e) => e.kind === RECORD_DRAFT_KIND && e.key === id);
      if (draft) settlePendingWrite(draft.token);
    },
    /** Chooses this copy's role (学习计划 page). */
    async setRole(role: Role): Promise<void> {
      await settings.write(ROLE_KEY, role);
    },
    /** Hides (or shows again) a session for this user: a visibility setting, never a deletion. */
    async hideSession(id: string, hide: boolean): Promise<void> {
      await db.transaction('rw', db.settings, async () => {
        const h = await readHidden(db);
        const rest = h.sessions.filter((x) => x !== id);
        await settings.write(HIDDEN_KEY, { ...h, sessions: hide ? [...rest, id] : rest });
      });
    },
    /**
     * Hides (or shows) the leader's 重点摘编 layer in the reader, remembered across restarts. The
     * reader switches the layer at once, so the choice is journalled until it is stored.
     */
    /**
     * A 学习安排 field typed but not yet saved (it saves on leaving the field): journalled at each
     * keystroke, so a reload or close before the field is left keeps the words; the token settles it.
     */
    draftSessionField(id: string, field: SessionDraftField, value: string | string[], storage: LocalStore | null = localStore()): string {
      return journalPendingWrite(SESSION_DRAFT_KIND, `${id}/${field}`, value, storage);
    },
    settleSessionDraft: (token: string, storage: LocalStore | null = localStore()): void => settlePendingWrite(token, storage),
    /**
     * At start-up: drafts left when the page last went are stored, each only over a session saved
     * before it was typed and only where the session's checks allow it (a member's copy of a
     * packet's session refuses, and the draft is dropped, as typing into it would have been).
     */
    recoverSessionDrafts(storage: LocalStore | null = localStore()): Promise<number> {
      const storedBefore = new Map<string, string>();
      return replayPendingWrites(
        {
          [SESSION_DRAFT_KIND]: async (key, value, at) => {
            const cut = key.lastIndexOf('/');
            const id = key.slice(0, cut);
            const field = key.slice(cut + 1);
            if (!isDraftField(field) || !draftValueFits(field, value)) return false;
            try {
              return await db.transaction('rw', [db.sessions, db.settings], async () => {
                const row = await repo.session(id);
                // A tie goes to the draft: it can only have been typed into the session as stored.
                // Judged against the session as it was before this replay: two fields typed into one
                // session are both replayed, though the first one's write is newer than either.
                const before = storedBefore.get(id) ?? row?.updatedAt;
                if (!row || !before || before > at) return false;
                storedBefore.set(id, before);
                const next = { ...row, [field]: value, updatedAt: new Date().toISOString() };
                await checkedSession(row, next);
                await repo.putSession(next);
                return true;
              });
            } catch (error) {
              // Refused by the session's checks or its schema: as the field's own save would have been.
              if (error instanceof AppError || error instanceof v.ValiError) return false;
              throw error;
            }
          },
        },
        storage,
      );
    },
    /**
     * The 学习记录 form typed but not saved (it saves only on 保存): journalled at each change, so a
     * reload, a crash or a closed window keeps the words. Never replayed into the session: the form
     * shows it again as a draft (recordDraft), to be saved or given up by the user.
     */
    draftRecord(id: string, value: RecordForm, storage: LocalStore | null = localStore()): string {
      return journalPendingWrite(RECORD_DRAFT_KIND, id, value, storage);
    },
    /** The session's 学习记录 draft left in the journal, if any (one the form could not hold reads as none, and is kept). */
    recordDraft(id: string, storage: LocalStore | null = localStore()): RecordDraft | null {
      const entry = pendingWrites(storage).find((e) => e.kind === RECORD_DRAFT_KIND && e.key === id);
      if (!entry) return null;
      const parsed = v.safeParse(RecordFormSchema, entry.value);
      return parsed.success ? { value: parsed.output, at: entry.at, token: entry.token } : null;
    },
    /** The sessions with a 学习记录 draft waiting (start-up says so). */
    recordDraftSessions: (storage: LocalStore | null = localStore()): string[] =>
      pendingWrites(storage)
        .filter((e) => e.kind === RECORD_DRAFT_KIND)
        .map((e) => e.key),
    /** The draft saved (the record holds it now) or given up (放弃草稿): its entry goes. */
    settleRecordDraft: (token: string, storage: LocalStore | null = localStore()): void => settlePendingWrite(token, storage),
    hideLeaderLayer: (hide: boolean): Promise<void> => keptLeaderLayer(hide, () => writeLeaderLayerHidden(db, hide)),
    async addMember(name: string, title: string): Promise<void> {
      const trimmed = name.trim();
      if (!trimmed) return;
      await db.transaction('rw', db.members, async () => {
        await repo.putMember({
          id: newId('m'),
          name: trimmed.slice(0, 100),
          title: title.trim().slice(0, 100),
          order: await db.members.count(),
        });
      });
    },
    /** Removes a member; returns the removed row so the removal can be undone (restoreMember). */
    async removeMember(id: string): Promise<MemberRow | null> {
      return db.transaction('rw', db.members, async () => {
        const row = await db.members.get(id);
        await repo.removeMember(id);
        return row ?? null;
      });
    },
    /** Puts a removed member back (撤销). */
    restoreMember: (row: MemberRow): Promise<void> => repo.putMember(row),
    /** Stores the rules and the note quota together, or neither: both are checked first. */
    async saveRules(rules: Rules, quota: Quota): Promise<void> {
      if (!v.is(RulesSchema, rules) || !v.is(QuotaSchema, quota)) throw new AppError('E_INVALID_ARGUMENT', t.rulesInvalid);
      await db.transaction('rw', db.settings, async () => {
        await settings.set(RULES_KEY, RulesSchema, rules);
        await settings.set(QUOTA_KEY, QuotaSchema, quota);
      });
    },
    saveProfile: (p: Profile): Promise<void> => settings.set(PROFILE_KEY, ProfileSchema, p),

    /**
     * Builds this member's return file for a session from the chosen notes and their own
     * highlights on its readings; keeps the profile and counts the version up only once main
     * has built the file.
     */
    async exportReturn(sessionId: string, me: Profile, noteIds: readonly string[]): Promise<{ base64: string; fileName: string }> {
      if (!me.name.trim()) throw new AppError('E_INVALID_ARGUMENT', t.needName);
      await settings.set(PROFILE_KEY, ProfileSchema, me);
      const session = await repo.session(sessionId);
      if (!session) throw new AppError('E_NOT_FOUND', messages.notes.notFound);
      const [notes, highlights, packet, version, storedDevice] = await Promise.all([
        db.notes.bulkGet([...noteIds]),
        db.highlights.where('articleId').anyOf(session.readings).toArray(),
        session.packetId ? repo.packet(session.packetId) : Promise.resolve(undefined),
        settings.get(returnVersionKey(sessionId), VersionSchema, 0),
        settings.get<string | null>(DEVICE_KEY, DeviceSchema, null),
      ]);
      let device = storedDevice;
      if (device === null) {
        device = crypto.randomUUID().replace(/-/g, '').slice(0, 16);
        await settings.set(DEVICE_KEY, DeviceSchema, device);
      }
      const draft = buildReturnDraft({
        session,
        packet,
        profile: me,
        notes: notes.filter((n): n is NoteRow => n !== undefined),
        highlights,
        device,
        version: version + 1,
        now: new Date().toISOString(),
      });
      const built = await api.packets.buildReturn({ draft });
      await settings.set(returnVersionKey(sessionId), VersionSchema, version + 1);
      return built;
    },
  };
}
export type StudyService = ReturnType<typeof createStudy>;

/** The app's study service, on the app's database and host. */
export const study = createStudy(appDb, appApi);
