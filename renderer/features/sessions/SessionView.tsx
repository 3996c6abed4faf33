/**
 * One session: its 学习安排 (专题, date, place, 主持人, 中心发言人, readings, 研讨题, status),
 * the 学习记录 form, the packet it is handed out as, the members' return files, and the
 * member's own return file.
 */
import { useMemo, useState } from 'react';
import { formatChineseDate } from '../../../shared/text';
import { navigate } from '../../ui/router';
import { packets } from '../../core/packets';
import {
  DEFAULT_PROFILE,
  study,
  type RecordDraft as RecordDraftEntry,
  type RecordForm,
  type SessionDetail,
  type SessionDraftField,
  type StudyService,
} from '../../core/study';
import { doneRefusal, fromPacket as installedFromPacket } from '../../core/roles';
import { messages } from '../../i18n/messages';
import { useLiveResult } from '../../ui/useLiveResult';
import { excerpt } from '../../core/notes/noteText';
import { ChannelPublish, ChannelReturns, ChannelSubmitReturn, downloadBase64, errorText } from '../packets';
import { articlesPrintHref } from '../print';
import { returnCounts, returnDateText } from '../../core/returns';
import { hrefFor } from '../../ui/router';
import { AttendancePicker, SpeakerPicker, type Attendance } from './MemberPickers';
import '../packets';
import { useDraft } from '../../ui/useDraft';
import { useDraftJournal } from '../../ui/useDraftJournal';
import { typedAt } from '../../ui/DraftNote';
import {
  Button,
  Checkbox,
  confirm,
  DateField,
  EmptyState,
  Form,
  FormActions,
  FormRow,
  Input,
  List,
  notify,
  Page,
  PageHeader,
  Section,
  Select,
  Table,
  Textarea,
  Toolbar,
} from '../../ui';

const t = messages.study;

type SessionRow = SessionDetail['row'];
type MemberRow = SessionDetail['members'][number];

const splitList = (s: string) =>
  s
    .split(/[、，,;；\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);

type Save = (patch: Partial<SessionRow>) => Promise<void>;

function Readings({
  row,
  onChange,
  excerpts,
  lockedWhy,
}: {
  row: SessionRow;
  onChange(ids: string[]): void;
  excerpts: Map<string, number>;
  /** Why the readings cannot be changed here (a member's copy of a packet's session), or null. */
  lockedWhy: string | null;
}) {
  const choices = useLiveResult(() => study.readingChoices(), []);
  const all = useMemo(() => (choices.state === 'ready' ? choices.value : []), [choices]);
  const [filter, setFilter] = useState('');
  const byId = useMemo(() => new Map(all.map((a) => [a.id, a])), [all]);
  const matches = useMemo(() => {
    const q = filter.trim();
    return all.filter((a) => !row.readings.includes(a.id) && (!q || a.title.includes(q))).slice(0, 30);
  }, [all, filter, row.readings]);
  return (
    <div className="session-readings">
      {row.readings.length === 0 ? <EmptyState title={t.noReadings} /> : null}
      <ol className="ui-list session-reading-list" data-testid="readings">
        {row.readings.map((id) => (
          <li key={id}>
            <a className="ui-grow" href={`#/read/${id}`}>
              {byId.get(id)?.title ?? id}
            </a>
            <span className="ui-muted">{t.excerptsCount(excerpts.get(id) ?? 0)}</span>
            <Button
              small
              disabled={!!lockedWhy}
              title={lockedWhy ?? undefined}
              onClick={() => onChange(row.readings.filter((x) => x !== id))}
            >
              {t.removeReading}
            </Button>
          </li>
        ))}
      </ol>
      {lockedWhy ? (
        <p className="ui-muted" data-testid="readings-locked">
          {lockedWhy}
        </p>
      ) : null}
      <div className="session-picker" hidden={!!lockedWhy}>
        <Input
          width="long"
          aria-label={t.readingFilter}
          placeholder={t.readingFilter}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <List className="reading-picker">
          {matches.map((a) => (
            <li key={a.id}>
              <span className="ui-grow">{a.title}</span>
              <Button small aria-label={`${t.addReading}：${a.title}`} onClick={() => onChange([...row.readings, a.id])}>
                {t.addReading}
              </Button>
            </li>
          ))}
        </List>
      </div>
    </div>
  );
}

type RecordDraft = RecordForm;

/** The form's fields as the stored record fills them. */
function recordDraft(row: SessionRow): RecordDraft {
  return {
    time: row.time,
    place: row.place,
    host: row.host,
    attendance: { attendees: row.attendees, absentees: row.absentees } as Attendance,
    observers: row.observers.join('、'),
    content: row.content || row.topic,
    method: row.method || '集中学习',
    summary: row.summary,
    recorder: row.recorder,
  };
}

// Field by field, so a draft read back from the journal compares whatever order its keys came in.
const draftKey = (d: RecordDraft) =>
  JSON.stringify([
    d.time,
    d.place,
    d.host,
    d.attendance.attendees,
    d.attendance.absentees.map((a) => [a.name, a.reason]),
    d.observers,
    d.content,
    d.method,
    d.summary,
    d.recorder,
  ]);
const sameDraft = (a: RecordDraft, b: RecordDraft) => draftKey(a) === draftKey(b);

type TextKey = Exclude<keyof RecordDraft, 'attendance'>;

/**
 * The draft this session's record form left in the journal when the page last went (a reload, a
 * crash, a closed window, or the page left without 保存), or null. One that says what the stored
 * record says is nothing to restore: its entry goes.
 */
function keptRecordDraft(row: SessionRow): RecordDraftEntry | null {
  const kept = study.recordDraft(row.id);
  if (kept && sameDraft(kept.value, recordDraft(row))) {
    study.settleRecordDraft(kept.token);
    return null;
  }
  return kept;
}

function RecordForm({
  row,
  members,
  onSave,
  planLocked,
}: {
  row: SessionRow;
  members: readonly MemberRow[];
  onSave: Save;
  planLocked: boolean;
}) {
  const stored = recordDraft(row);
  // Typed here before the page last went and never saved: shown again as a draft, never saved by itself.
  const [restored, setRestored] = useState(() => keptRecordDraft(row));
  const journal = useDraftJournal((value: RecordDraft) => study.draftRecord(row.id, value), study.settleRecordDraft, restored?.token);
  const [seen, setSeen] = useState(stored);
  const [d, setD] = useState(restored?.value ?? stored);
  // What this form last saved, in its own spelling (e.g. "张三，李四" stored as "张三、李四").
  const [saved, setSaved] = useState<RecordDraft | null>(null);
  if (!sameDraft(seen, stored)) {
    setSeen(stored);
    // Follow a record saved elsewhere, but never drop what is being typed here.
    if (sameDraft(d, seen) || (saved && sameDraft(d, saved))) setD(stored);
  }
  const [note, setNote] = useState<string | null>(null);
  if (note && !sameDraft(d, saved ?? stored)) setNote(null);
  // Each change is journalled until 保存 (or until the form says what is stored again).
  const edit = (next: RecordDraft) => {
    setD(next);
    if (sameDraft(next, stored) || (saved && sameDraft(next, saved))) {
      journal.saved(null);
      setRestored(null);
    } else journal.typed(next);
  };
  const input = (key: TextKey, label: string, area = false) => (
    <FormRow label={label}>
      {area ? (
        <Textarea id={`rec-${key}`} value={d[key]} onChange={(e) => edit({ ...d, [key]: e.target.value })} />
      ) : (
        <Input
          id={`rec-${key}`}
          // 地点 and 主持人 are the packet's on a member's copy.
          disabled={planLocked && (key === 'place' || key === 'host')}
          width={key === 'observers' || key === 'place' ? 'long' : 'medium'}
          value={d[key]}
          onChange={(e) => edit({ ...d, [key]: e.target.value })}
        />
      )}
    </FormRow>
  );
  const save = () => {
    const typed = d;
    const saving = onSave({
      time: typed.time.slice(0, 100),
      place: typed.place.slice(0, 200),
      host: typed.host.slice(0, 100),
      attendees: typed.attendance.attendees.map((a) => a.slice(0, 100)),
      absentees: typed.attendance.absentees.map((a) => ({ name: a.name.slice(0, 100), reason: a.reason.slice(0, 200) })),
      observers: splitList(typed.observers),
      content: typed.content,
      method: typed.method.slice(0, 100),
      summary: typed.summary,
      recorder: typed.recorder.slice(0, 100),
      recordedAt: new Date().toISOString(),
    }).then(() => {
      setSaved(typed);
      setRestored(null);
      setNote(t.saved);
      notify(t.recordSaved, { kind: 'success' });
    });
    // The draft's entry goes once the record holds it; a refused save (said by the page) keeps it.
    journal.saved(saving, 'success');
  };
  const discard = async () => {
    const ok = await confirm({ title: t.discardDraft, message: t.discardDraftConfirm, confirmLabel: t.discardDraft, danger: true });
    if (!ok) return;
    journal.saved(null);
    setRestored(null);
    setD(stored);
  };
  // Saved again after the draft was typed (here or in another window): 保存 would replace that record.
  const savedSince = restored && row.recordedAt && row.recordedAt > restored.at ? row.recordedAt : null;
  return (
    <Form testId="record-form" onSubmit={save}>
      {restored ? (
        <div className="record-draft-note" role="status" data-testid="record-draft-note">
          <p>{t.draftRestored(typedAt(restored.at))}</p>
          {savedSince ? <p className="record-draft-warn">{t.draftOlderThanRecord(typedAt(savedSince))}</p> : null}
          <Toolbar>
            <Button kind="primary" type="submit">
              {t.saveDraft}
            </Button>
            <Button onClick={() => void discard()}>{t.discardDraft}</Button>
          </Toolbar>
        </div>
      ) : null}
      {input('time', t.recordTime)}
      {input('place', t.place)}
      {input('host', t.host)}
      <FormRow label={t.attendance} htmlFor="attendance-guest">
        <AttendancePicker members={members} value={d.attendance} onChange={(attendance) => edit({ ...d, attendance })} />
      </FormRow>
      {input('observers', t.observers)}
      {input('content', t.content, true)}
      {input('method', t.method)}
      {input('summary', t.summary, true)}
      {input('recorder', t.recorder)}
      <FormActions>
        <Button kind="primary" type="submit">
          {t.saveRecord}
        </Button>
        {note ? (
          <span role="status" className="ui-saved">
            {note}
          </span>
        ) : null}
      </FormActions>
      <FormActions>
        <a href={`#/print/record/${row.id}`}>{t.printRecord}</a>
        <a href={`#/print/signin/${row.id}`}>{messages.print.printSignin}</a>
        {row.readings.length ? (
          <a href={articlesPrintHref(row.readings, { title: row.topic, date: row.date })}>{messages.print.packet}</a>
        ) : null}
      </FormActions>
    </Form>
  );
}

function Returns({ row, members, returns }: Pick<SessionDetail, 'row' | 'members' | 'returns'>) {
  const names = new Map<string, { name: string; title: string }>();
  for (const m of members) names.set(m.name, { name: m.name, title: m.title });
  for (const r of returns) if (!names.has(r.member.name)) names.set(r.member.name, r.member);
  for (const a of row.attendees) if (!names.has(a)) names.set(a, { name: a, title: '' });
  for (const a of row.absentees) if (!names.has(a.name)) names.set(a.name, { name: a.name, title: '' });
  const byName = new Map(returns.map((r) => [r.member.name, r]));
  const absent = new Map(row.absentees.map((a) => [a.name, a.reason]));
  const c = t.returnCols;
  if (names.size === 0) return <EmptyState title={t.returnsEmpty} />;
  const counts = new Map(returns.map((r) => [r.id, returnCounts(r.notes)]));
  // 发言提纲 gets its column only when someone handed one in.
  const outlines = [...counts.values()].some((x) => x.outline > 0);
  const zi = (n: number | undefined) => (n === undefined ? t.unknown : n.toLocaleString('zh-CN'));
  const head = [c.name, c.title, c.handed, c.noteZi, c.reflectionZi, ...(outlines ? [c.outlineZi] : []), c.attendance, c.read];
  return (
    <>
      <Table testId="returns-table" head={head} numeric={outlines ? [3, 4, 5] : [3, 4]}>
        {[...names.values()].map((m) => {
          const r = byName.get(m.name);
          const k = r ? counts.get(r.id) : undefined;
          const att = row.attendees.includes(m.name) ? t.present : absent.has(m.name) ? t.absent(absent.get(m.name) ?? '') : t.unknown;
          return (
            <tr key={m.name} data-testid="return-row">
              <td>{m.name}</td>
              <td>{m.title}</td>
              <td>
                {r ? (
                  <>
                    {t.handedIn}
                    <br />
                    <span className="ui-muted" data-testid="return-sent">
                      {returnDateText({ sentAt: r.sentAt ?? null, returnedAt: r.importedAt })}
                    </span>
                  </>
                ) : (
                  t.notHanded
                )}
              </td>
              <td className="num">{zi(k?.note)}</td>
              <td className="num">{zi(k?.reflection)}</td>
              {outlines ? <td className="num">{zi(k?.outline)}</td> : null}
              <td>{att}</td>
              <td>
                {r ? (
                  <a href={hrefFor({ name: 'returns', sessionId: row.id, returnId: r.id })} aria-label={t.readReturnOf(m.name)}>
                    {t.readReturn}
                  </a>
                ) : null}
              </td>
            </tr>
          );
        })}
      </Table>
      {returns.length ? (
        <Toolbar>
          <a href={hrefFor({ name: 'returns', sessionId: row.id })} data-testid="read-all-returns">
            {t.readAllReturns}
          </a>
          <a href={`#/print/returns/${row.id}`}>{messages.returns.print}</a>
        </Toolbar>
      ) : null}
    </>
  );
}

type Note = Awaited<ReturnType<StudyService['returnCandidates']>>[number];
const NO_NOTES: Note[] = [];

function MyReturn({ row }: { row: SessionRow }) {
  const storedProfile = useLiveResult(() => study.profile(), []);
  const profile = storedProfile.state === 'ready' ? storedProfile.value : DEFAULT_PROFILE;
  const [name, setName] = useDraft(profile.name);
  const [title, setTitle] = useDraft(profile.title);
  const readingsKey = row.readings.join(',');
  const candidates = useLiveResult(() => study.returnCandidates(row), [readingsKey, row.date]);
  const notes = candidates.state === 'ready' ? candidates.value : NO_NOTES;
  // Notes left out by the user; a note written meanwhile is handed in unless unticked.
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<string | null>(null);

  const exportReturn = async () => {
    if (!name.trim()) {
      setStatus(t.needName);
      return;
    }
    try {
      const picked = notes.filter((n) => !excluded.has(n.id)).map((n) => n.id);
      const built = await study.exportReturn(row.id, { ...profile, name, title }, picked);
      downloadBase64(built.base64, built.fileName);
      setStatus(built.fileName);
    } catch (error) {
      const e = errorText(error);
      setStatus(`${e.message}（${e.code}）`);
    }
  };

  return (
    <div data-testid="my-return">
      <Form onSubmit={() => void exportReturn()}>
        <FormRow label={t.myName}>
          <Input id="me-name" width="medium" value={name} onChange={(e) => setName(e.target.value)} />
        </FormRow>
        <FormRow label={t.myTitle}>
          <Input id="me-title" width="medium" value={title} onChange={(e) => setTitle(e.target.value)} />
        </FormRow>
      </Form>
      <h4 className="study-subhead">{t.pickNotes}</h4>
      {notes.length === 0 ? (
        <p className="ui-muted">{t.noNotes}</p>
      ) : (
        <List>
          {notes.map((n) => (
            <li key={n.id}>
              <Checkbox
                checked={!excluded.has(n.id)}
                onChange={(e) => {
                  const next = new Set(excluded);
                  if (e.target.checked) next.delete(n.id);
                  else next.add(n.id);
                  setExcluded(next);
                }}
                label={`${messages.notes.kinds[n.kind]}：${n.title || excerpt(n.text, 30)}（${n.zi} 字）`}
              />
            </li>
          ))}
        </List>
      )}
      <Toolbar>
        <Button kind="primary" onClick={() => void exportReturn()}>
          {t.exportReturn}
        </Button>
        {status ? <span role="status">{status}</span> : null}
      </Toolbar>
      <ChannelSubmitReturn
        sessionId={row.id}
        topic={row.topic}
        me={{ ...profile, name, title }}
        noteIds={notes.filter((n) => !excluded.has(n.id)).map((n) => n.id)}
      />
    </div>
  );
}

const sameList = (a: string, b: string) => a === b;
/** The 思考题 box's text as the session stores it: one question a line. */
const questionLines = (text: string): string[] =>
  text
    .split('\n')
    .map((q) => q.trim().slice(0, 1000))
    .filter(Boolean);

/**
 * A one-line field of the 学习安排: typed into a draft that follows the stored value, saved on
 * leaving it (journalled while typed, so a reload or close before leaving it keeps the words); on
 * a member's copy of a packet's session it is shown disabled, saying why.
 */
function SessionField({
  id,
  sessionId,
  field,
  label,
  width,
  maxLength,
  lockedWhy,
  value,
  onSave,
}: {
  id: string;
  sessionId: string;
  field: SessionDraftField;
  label: string;
  width: 'medium' | 'long';
  maxLength: number;
  lockedWhy: string | null;
  value: string;
  onSave: (value: string) => Promise<void>;
}) {
  const [draft, setDraft] = useDraft(value);
  const journal = useDraftJournal((value: string) => study.draftSessionField(sessionId, field, value), study.settleSessionDraft);
  return (
    <FormRow label={label}>
      <Input
        id={id}
        disabled={!!lockedWhy}
        title={lockedWhy ?? undefined}
        width={width}
        value={draft}
        maxLength={maxLength}
        onChange={(e) => {
          setDraft(e.target.value);
          journal.typed(e.target.value);
        }}
        onBlur={() => journal.saved(draft !== value ? onSave(draft) : null)}
      />
    </FormRow>
  );
}

function SessionPage({ detail }: { detail: SessionDetail }) {
  const { row, members, returns, packet, excerpts, role, today, hidden } = detail;
  // The core refuses these writes anyway (roles.ts); the view says why before they are tried.
  const lockedWhy = role.role === 'member' && installedFromPacket(row) ? messages.roles.memberSession : null;
  const doneWhy = row.status === 'done' ? null : doneRefusal(row, today);
  const locked = !!lockedWhy;
  const [status, setStatus] = useState<string | null>(null);
  const [questions, setQuestions] = useDraft(row.questions.join('\n'), sameList);

  // The live query shows what was stored; a failed write says so.
  const save: Save = async (patch) => {
    try {
      await study.updateSession(row.id, patch);
    } catch (error) {
      const e = errorText(error);
      setStatus(`${e.message}（${e.code}）`);
      throw error;
    }
  };
  const saveField = (patch: Partial<SessionRow>) => void save(patch).catch(() => undefined);
  // The same, for a field that settles its typing journal once the save has settled.
  const saveTyped = (patch: Partial<SessionRow>): Promise<void> => save(patch).catch(() => undefined);
  const questionsJournal = useDraftJournal(
    (value: string[]) => study.draftSessionField(row.id, 'questions', value),
    study.settleSessionDraft,
  );

  const exportPacket = async (reissue: boolean) => {
    setStatus(null);
    try {
      const built = await packets.exportSession(row.id, reissue);
      downloadBase64(built.base64, built.fileName);
      setStatus(
        [
          t.exported(built.fileName, built.skipped),
          ...built.leftOut.map((a) => messages.documents.leftOut(a.name, (a.bytes / 1024 / 1024).toFixed(1), a.why)),
          ...built.originalsLeftOut.map((o) => messages.documents.originalLeftOut(o.name, (o.bytes / 1024 / 1024).toFixed(1), o.why)),
        ].join('\n'),
      );
    } catch (error) {
      const e = errorText(error);
      setStatus(`${e.message}（${e.code}）`);
    }
  };

  const fromPacket = !!packet && !row.issued;
  const toggleHidden = async () => {
    await study.hideSession(row.id, !hidden);
    if (!hidden) notify(messages.roles.sessionHidden(row.topic), { kind: 'success' });
  };
  const remove = async () => {
    const ok = await confirm({ title: t.deleteSession, message: t.confirmDelete, confirmLabel: t.deleteConfirm, danger: true });
    if (!ok) return;
    await study.removeSession(row.id);
    notify(t.sessionDeleted(row.topic), { kind: 'success' });
    navigate({ name: 'study' });
  };
  return (
    <Page label={t.session} testId="session-page">
      <p className="session-back">
        <a href="#/study">← {t.back}</a>
      </p>
      <PageHeader
        title={t.session}
        description={fromPacket && packet ? t.fromPacket(packet.title, packet.version) : undefined}
        actions={
          <>
            <Button onClick={() => void toggleHidden().catch((e: unknown) => notify(errorText(e).message, { kind: 'error' }))}>
              {hidden ? messages.roles.unhide : messages.roles.hide}
            </Button>
            <Button
              kind="danger"
              disabled={locked}
              title={locked ? messages.roles.memberDelete : undefined}
              onClick={() => void remove().catch((e: unknown) => notify(errorText(e).message, { kind: 'error' }))}
            >
              {t.deleteSession}
            </Button>
          </>
        }
      />
      <Section title={t.basics} description={lockedWhy ?? undefined}>
        <Form>
          <SessionField
            id="s-topic"
            label={t.topic}
            width="long"
            maxLength={300}
            lockedWhy={lockedWhy}
            value={row.topic}
            sessionId={row.id}
            field="topic"
            onSave={(topic) => saveTyped({ topic })}
          />
          <FormRow label={t.date}>
            {locked ? (
              <Input id="s-date" width="medium" disabled title={lockedWhy ?? undefined} value={formatChineseDate(row.date)} />
            ) : (
              <DateField id="s-date" value={row.date} onChange={(date) => date && saveField({ date })} />
            )}
          </FormRow>
          <SessionField
            id="s-place"
            label={t.place}
            width="long"
            maxLength={200}
            lockedWhy={lockedWhy}
            value={row.place}
            sessionId={row.id}
            field="place"
            onSave={(place) => saveTyped({ place })}
          />
          <SessionField
            id="s-host"
            label={t.host}
            width="medium"
            maxLength={100}
            lockedWhy={lockedWhy}
            value={row.host}
            sessionId={row.id}
            field="host"
            onSave={(host) => saveTyped({ host })}
          />
          <FormRow label={t.speakers} htmlFor="speaker-guest">
            <SpeakerPicker
              members={members}
              disabled={locked}
              value={row.speakers}
              onChange={(next) => saveField({ speakers: next.map((s) => s.slice(0, 100)) })}
            />
          </FormRow>
          <FormRow label={t.questions}>
            <Textarea
              id="s-questions"
              disabled={locked}
              value={questions}
              onChange={(e) => {
                setQuestions(e.target.value);
                questionsJournal.typed(questionLines(e.target.value));
              }}
              onBlur={() => questionsJournal.saved(saveTyped({ questions: questionLines(questions) }))}
            />
          </FormRow>
          <FormRow label={t.status} hint={!locked && doneWhy ? doneWhy : undefined}>
            <Select
              id="s-status"
              width="short"
              disabled={locked}
              title={lockedWhy ?? undefined}
              value={row.status}
              onChange={(e) => saveField({ status: e.target.value as SessionRow['status'] })}
            >
              {(['planned', 'done', 'cancelled'] as const).map((s) => (
                <option key={s} value={s} disabled={s === 'done' && !!doneWhy} title={s === 'done' ? (doneWhy ?? undefined) : undefined}>
                  {t.statuses[s]}
                </option>
              ))}
            </Select>
          </FormRow>
        </Form>
      </Section>
      <Section title={t.readings}>
        <Readings
          row={row}
          excerpts={excerpts}
          lockedWhy={locked ? messages.roles.memberReadings : null}
          onChange={(readings) => saveField({ readings })}
        />
      </Section>
      <Section
        title={t.packet}
        description={row.issued ? t.issuedAs(row.issued.version, formatChineseDate(row.issued.issuedAt)) : undefined}
      >
        <Toolbar>
          <Button
            kind="primary"
            disabled={row.readings.length === 0 || locked}
            title={locked ? messages.roles.memberExport : undefined}
            onClick={() => void exportPacket(false)}
          >
            {t.exportPacket}
          </Button>
          {row.issued ? <Button onClick={() => void exportPacket(true)}>{t.reissue}</Button> : null}
        </Toolbar>
        <ChannelPublish sessionId={row.id} issued={!!row.issued} ready={row.readings.length > 0} />
        {status ? (
          // One line per note (an attachment left out of the packet is named on its own line).
          <p role="status" data-testid="session-status" style={{ whiteSpace: 'pre-line' }}>
            {status}
          </p>
        ) : null}
      </Section>
      <Section title={t.record}>
        <RecordForm key={row.id} row={row} members={members} onSave={save} planLocked={locked} />
      </Section>
      <Section title={t.returns}>
        <Returns row={row} members={members} returns={returns} />
        <ChannelReturns sessionId={row.id} />
      </Section>
      <Section title={t.myReturn}>
        <MyReturn row={row} />
      </Section>
    </Page>
  );
}

export function SessionView({ id }: { id: string }) {
  // Live: an edit in another tab, a packet re-issue or a restore shows here without reloading.
  const loaded = useLiveResult(() => study.detail(id), [id]);
  if (loaded.state === 'loading') return <div className="boot">{messages.boot.loading}</div>;
  if (loaded.state === 'failed')
    return (
      <div className="ui-page" role="alert">
        <p>{loaded.message}</p>
        <a href="#/study">{t.back}</a>
      </div>
    );
  if (!loaded.value)
    return (
      <div className="ui-page">
        <p>{messages.notes.notFound}</p>
        <a href="#/study">{t.back}</a>
      </div>
    );
  return <SessionPage key={id} detail={loaded.value} />;
}
