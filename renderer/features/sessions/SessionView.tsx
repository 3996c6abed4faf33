/**
 * One session: its 学习安排 (专题, date, place, 主持人, 中心发言人, readings, 研讨题, status),
 * the 学习记录 form, the packet it is handed out as, the members' return files, and the
 * member's own return file.
 */
import { useMemo, useState } from 'react';
import { formatChineseDate } from '../../../shared/text';
import { navigate } from '../../ui/router';
import { packets } from '../../core/packets';
import { DEFAULT_PROFILE, study, type SessionDetail, type StudyService } from '../../core/study';
import { messages } from '../../i18n/messages';
import { useLiveResult } from '../../ui/useLiveResult';
import { excerpt } from '../../core/notes/noteText';
import { downloadBase64, errorText } from '../packets';
import { articlesPrintHref } from '../print';
import '../packets';
import { useDraft } from '../../ui/useDraft';

const t = messages.study;

type SessionRow = SessionDetail['row'];

const splitList = (s: string) =>
  s
    .split(/[、，,;；\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function parseAbsentees(s: string): { name: string; reason: string }[] {
  return s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(\S+)\s*[（(：:\s]?\s*(.*?)[）)]?$/.exec(l);
      return { name: (m?.[1] ?? l).slice(0, 100), reason: (m?.[2] ?? '').slice(0, 200) };
    });
}

type Save = (patch: Partial<SessionRow>) => Promise<void>;

function Readings({ row, onChange, excerpts }: { row: SessionRow; onChange(ids: string[]): void; excerpts: Map<string, number> }) {
  const choices = useLiveResult(() => study.readingChoices(), []);
  const all = useMemo(() => (choices.state === 'ready' ? choices.value : []), [choices]);
  const [filter, setFilter] = useState('');
  const byId = useMemo(() => new Map(all.map((a) => [a.id, a])), [all]);
  const matches = useMemo(() => {
    const q = filter.trim();
    return all.filter((a) => !row.readings.includes(a.id) && (!q || a.title.includes(q))).slice(0, 30);
  }, [all, filter, row.readings]);
  return (
    <div>
      {row.readings.length === 0 ? <p>{t.noReadings}</p> : null}
      <ol data-testid="readings">
        {row.readings.map((id) => (
          <li key={id}>
            <a href={`#/read/${id}`}>{byId.get(id)?.title ?? id}</a>{' '}
            <span className="pk-note">{t.excerptsCount(excerpts.get(id) ?? 0)}</span>{' '}
            <button type="button" onClick={() => onChange(row.readings.filter((x) => x !== id))}>
              {t.removeReading}
            </button>
          </li>
        ))}
      </ol>
      <input aria-label={t.readingFilter} placeholder={t.readingFilter} value={filter} onChange={(e) => setFilter(e.target.value)} />
      <ul className="reading-picker">
        {matches.map((a) => (
          <li key={a.id}>
            {a.title}{' '}
            <button type="button" aria-label={`${t.addReading}：${a.title}`} onClick={() => onChange([...row.readings, a.id])}>
              {t.addReading}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

type RecordDraft = ReturnType<typeof recordDraft>;

function recordDraft(row: SessionRow) {
  return {
    time: row.time,
    place: row.place,
    host: row.host,
    attendees: row.attendees.join('、'),
    absentees: row.absentees.map((a) => (a.reason ? `${a.name} ${a.reason}` : a.name)).join('\n'),
    observers: row.observers.join('、'),
    content: row.content || row.topic,
    method: row.method || '集中学习',
    summary: row.summary,
    recorder: row.recorder,
  };
}

const sameDraft = (a: RecordDraft, b: RecordDraft) => JSON.stringify(a) === JSON.stringify(b);

function RecordForm({ row, onSave }: { row: SessionRow; onSave: Save }) {
  const stored = recordDraft(row);
  const [seen, setSeen] = useState(stored);
  const [d, setD] = useState(stored);
  // What this form last saved, in its own spelling (e.g. "张三，李四" stored as "张三、李四").
  const [saved, setSaved] = useState<RecordDraft | null>(null);
  if (!sameDraft(seen, stored)) {
    setSeen(stored);
    // Follow a record saved elsewhere, but never drop what is being typed here.
    if (sameDraft(d, seen) || (saved && sameDraft(d, saved))) setD(stored);
  }
  const [note, setNote] = useState<string | null>(null);
  const input = (key: keyof RecordDraft, label: string, area = false) => (
    <>
      <label htmlFor={`rec-${key}`}>{label}</label>
      {area ? (
        <textarea id={`rec-${key}`} value={d[key]} onChange={(e) => setD({ ...d, [key]: e.target.value })} />
      ) : (
        <input id={`rec-${key}`} value={d[key]} onChange={(e) => setD({ ...d, [key]: e.target.value })} />
      )}
    </>
  );
  const save = () => {
    const typed = d;
    void onSave({
      time: typed.time.slice(0, 100),
      place: typed.place.slice(0, 200),
      host: typed.host.slice(0, 100),
      attendees: splitList(typed.attendees),
      absentees: parseAbsentees(typed.absentees),
      observers: splitList(typed.observers),
      content: typed.content,
      method: typed.method.slice(0, 100),
      summary: typed.summary,
      recorder: typed.recorder.slice(0, 100),
      recordedAt: new Date().toISOString(),
    }).then(() => {
      setSaved(typed);
      setNote(t.saved);
    });
  };
  return (
    <div className="study-grid" data-testid="record-form">
      {input('time', t.recordTime)}
      {input('place', t.place)}
      {input('host', t.host)}
      {input('attendees', t.attendees)}
      {input('absentees', t.absentees, true)}
      {input('observers', t.observers)}
      {input('content', t.content, true)}
      {input('method', t.method)}
      {input('summary', t.summary, true)}
      {input('recorder', t.recorder)}
      <button type="button" onClick={save}>
        {t.saveRecord}
      </button>
      {note ? <span role="status">{note}</span> : <span />}
      <a href={`#/print/record/${row.id}`}>{t.printRecord}</a>
      <a href={`#/print/signin/${row.id}`}>{messages.print.printSignin}</a>
      {row.readings.length ? (
        <a href={articlesPrintHref(row.readings, { title: row.topic, date: row.date })}>{messages.print.packet}</a>
      ) : null}
    </div>
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
  if (names.size === 0) return <p>{t.returnsEmpty}</p>;
  return (
    <table data-testid="returns-table">
      <thead>
        <tr>
          <th>{c.name}</th>
          <th>{c.title}</th>
          <th>{c.handed}</th>
          <th>{c.zi}</th>
          <th>{c.reflections}</th>
          <th>{c.attendance}</th>
        </tr>
      </thead>
      <tbody>
        {[...names.values()].map((m) => {
          const r = byName.get(m.name);
          const att = row.attendees.includes(m.name) ? t.present : absent.has(m.name) ? t.absent(absent.get(m.name) ?? '') : t.unknown;
          return (
            <tr key={m.name} data-testid="return-row">
              <td>{m.name}</td>
              <td>{m.title}</td>
              <td>{r ? t.handedIn : t.notHanded}</td>
              <td>{r ? r.zi.toLocaleString('zh-CN') : t.unknown}</td>
              <td>{r ? r.reflections : t.unknown}</td>
              <td>{att}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
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
      <div className="study-grid">
        <label htmlFor="me-name">{t.myName}</label>
        <input id="me-name" value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="me-title">{t.myTitle}</label>
        <input id="me-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <h4>{t.pickNotes}</h4>
      {notes.length === 0 ? <p>{t.noNotes}</p> : null}
      <ul>
        {notes.map((n) => (
          <li key={n.id}>
            <label>
              <input
                type="checkbox"
                checked={!excluded.has(n.id)}
                onChange={(e) => {
                  const next = new Set(excluded);
                  if (e.target.checked) next.delete(n.id);
                  else next.add(n.id);
                  setExcluded(next);
                }}
              />
              {messages.notes.kinds[n.kind]}：{n.title || excerpt(n.text, 30)}（{n.zi} 字）
            </label>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void exportReturn()}>
        {t.exportReturn}
      </button>
      {status ? <span role="status"> {status}</span> : null}
    </div>
  );
}

const sameList = (a: string, b: string) => a === b;

function SessionPage({ detail }: { detail: SessionDetail }) {
  const { row, members, returns, packet, excerpts } = detail;
  const [status, setStatus] = useState<string | null>(null);
  const [topic, setTopic] = useDraft(row.topic);
  const [place, setPlace] = useDraft(row.place);
  const [host, setHost] = useDraft(row.host);
  const [speakers, setSpeakers] = useDraft(row.speakers.join('、'), sameList);
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

  const exportPacket = async (reissue: boolean) => {
    setStatus(null);
    try {
      const built = await packets.exportSession(row.id, reissue);
      downloadBase64(built.base64, built.fileName);
      setStatus(t.exported(built.fileName, built.skipped));
    } catch (error) {
      const e = errorText(error);
      setStatus(`${e.message}（${e.code}）`);
    }
  };

  const fromPacket = !!packet && !row.issued;
  return (
    <div className="study-page" data-testid="session-page">
      <a href="#/study">← {t.back}</a>
      <h2>{t.session}</h2>
      {fromPacket && packet ? <p className="pk-note">{t.fromPacket(packet.title, packet.version)}</p> : null}
      <div className="study-grid">
        <label htmlFor="s-topic">{t.topic}</label>
        <input
          id="s-topic"
          value={topic}
          maxLength={300}
          onChange={(e) => setTopic(e.target.value)}
          onBlur={() => topic !== row.topic && saveField({ topic })}
        />
        <label htmlFor="s-date">{t.date}</label>
        <input id="s-date" type="date" value={row.date} onChange={(e) => e.target.value && saveField({ date: e.target.value })} />
        <label htmlFor="s-place">{t.place}</label>
        <input
          id="s-place"
          value={place}
          maxLength={200}
          onChange={(e) => setPlace(e.target.value)}
          onBlur={() => place !== row.place && saveField({ place })}
        />
        <label htmlFor="s-host">{t.host}</label>
        <input
          id="s-host"
          value={host}
          maxLength={100}
          onChange={(e) => setHost(e.target.value)}
          onBlur={() => host !== row.host && saveField({ host })}
        />
        <label htmlFor="s-speakers">{t.speakers}</label>
        <input
          id="s-speakers"
          value={speakers}
          onChange={(e) => setSpeakers(e.target.value)}
          onBlur={() => saveField({ speakers: splitList(speakers).map((s) => s.slice(0, 100)) })}
        />
        <label htmlFor="s-questions">{t.questions}</label>
        <textarea
          id="s-questions"
          value={questions}
          onChange={(e) => setQuestions(e.target.value)}
          onBlur={() =>
            saveField({
              questions: questions
                .split('\n')
                .map((q) => q.trim().slice(0, 1000))
                .filter(Boolean),
            })
          }
        />
        <label htmlFor="s-status">{t.status}</label>
        <select id="s-status" value={row.status} onChange={(e) => saveField({ status: e.target.value as SessionRow['status'] })}>
          {(['planned', 'done', 'cancelled'] as const).map((s) => (
            <option key={s} value={s}>
              {t.statuses[s]}
            </option>
          ))}
        </select>
      </div>
      <h3>{t.readings}</h3>
      <Readings row={row} excerpts={excerpts} onChange={(readings) => saveField({ readings })} />
      <h3>{t.packet}</h3>
      {row.issued ? <p>{t.issuedAs(row.issued.version, formatChineseDate(row.issued.issuedAt))}</p> : null}
      <button type="button" disabled={row.readings.length === 0} onClick={() => void exportPacket(false)}>
        {t.exportPacket}
      </button>{' '}
      {row.issued ? (
        <button type="button" onClick={() => void exportPacket(true)}>
          {t.reissue}
        </button>
      ) : null}
      {status ? (
        <p role="status" data-testid="session-status">
          {status}
        </p>
      ) : null}
      <h3>{t.record}</h3>
      <RecordForm key={row.id} row={row} onSave={save} />
      <h3>{t.returns}</h3>
      <Returns row={row} members={members} returns={returns} />
      <h3>{t.myReturn}</h3>
      <MyReturn row={row} />
      <p>
        <button
          type="button"
          onClick={() => {
            if (window.confirm(t.confirmDelete)) void study.removeSession(row.id).then(() => navigate({ name: 'study' }));
          }}
        >
          {t.deleteSession}
        </button>
      </p>
    </div>
  );
}

export function SessionView({ id }: { id: string }) {
  // Live: an edit in another tab, a packet re-issue or a restore shows here without reloading.
  const loaded = useLiveResult(() => study.detail(id), [id]);
  if (loaded.state === 'loading') return <div className="boot">{messages.boot.loading}</div>;
  if (loaded.state === 'failed')
    return (
      <div className="study-page" role="alert">
        <p>{loaded.message}</p>
        <a href="#/study">{t.back}</a>
      </div>
    );
  if (!loaded.value)
    return (
      <div className="study-page">
        <p>{messages.notes.notFound}</p>
        <a href="#/study">{t.back}</a>
      </div>
    );
  return <SessionPage key={id} detail={loaded.value} />;
}
