/**
 * One session: its 学习安排 (专题, date, place, 主持人, 中心发言人, readings, 研讨题, status),
 * the 学习记录 form, the packet it is handed out as, the members' return files, and the
 * member's own return file.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { formatChineseDate } from '../../../shared/text';
import { navigate } from '../../app/router';
import { api } from '../../bridge';
import { db, settings } from '../../db';
import type { ArticleRow, NoteRow } from '../../db/schema';
import type { MemberRow, PacketRow, ReturnRow, SessionRow } from '../../db/sessionRows';
import { createStudyRepository, DEFAULT_PROFILE, gatherPacket, PROFILE_KEY, ProfileSchema, type Profile } from '../../db/sessions';
import { messages } from '../../i18n/messages';
import { downloadBase64, errorText } from '../packets/files';
import { articlesPrintHref } from '../print/routes';
import { excerpt } from '../../core/notes/noteText';
import '../packets/packets.css';

const t = messages.study;
const study = createStudyRepository(db);

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

function Readings({ row, onChange, excerpts }: { row: SessionRow; onChange(ids: string[]): void; excerpts: Map<string, number> }) {
  const [all, setAll] = useState<ArticleRow[]>([]);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    void db.articles.toArray().then(setAll);
  }, []);
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

function RecordForm({ row, onSave }: { row: SessionRow; onSave(patch: Partial<SessionRow>): Promise<void> }) {
  const [d, setD] = useState({
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
  });
  const [note, setNote] = useState<string | null>(null);
  const input = (key: keyof typeof d, label: string, area = false) => (
    <>
      <label htmlFor={`rec-${key}`}>{label}</label>
      {area ? (
        <textarea id={`rec-${key}`} value={d[key]} onChange={(e) => setD({ ...d, [key]: e.target.value })} />
      ) : (
        <input id={`rec-${key}`} value={d[key]} onChange={(e) => setD({ ...d, [key]: e.target.value })} />
      )}
    </>
  );
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
      <button
        type="button"
        onClick={() =>
          void onSave({
            time: d.time.slice(0, 100),
            place: d.place.slice(0, 200),
            host: d.host.slice(0, 100),
            attendees: splitList(d.attendees),
            absentees: parseAbsentees(d.absentees),
            observers: splitList(d.observers),
            content: d.content,
            method: d.method.slice(0, 100),
            summary: d.summary,
            recorder: d.recorder.slice(0, 100),
            recordedAt: new Date().toISOString(),
          }).then(() => setNote(t.saved))
        }
      >
        {t.saveRecord}
      </button>
      {note ? <span role="status">{note}</span> : <span />}
      <a href={`#/print/record/${row.id}`}>{t.printRecord}</a>
      <a href={`#/print/signin/${row.id}`}>{messages.print.printSignin}</a>
      {row.readings.length ? (
        <a href={articlesPrintHref(row.readings, { title: row.topic, session: row.topic, date: row.date })}>{messages.print.packet}</a>
      ) : null}
    </div>
  );
}

function Returns({ row, members, returns }: { row: SessionRow; members: MemberRow[]; returns: ReturnRow[] }) {
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

function MyReturn({ row, packet }: { row: SessionRow; packet: PacketRow | undefined }) {
  const [profile, setProfile] = useState<Profile>(DEFAULT_PROFILE);
  const [notes, setNotes] = useState<NoteRow[]>([]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    void settings.get(PROFILE_KEY, ProfileSchema, DEFAULT_PROFILE).then(setProfile);
    void db.notes.toArray().then((all) => {
      const readings = new Set(row.readings);
      const year = row.date.slice(0, 4);
      const mine = all.filter(
        (n) =>
          n.zi > 0 && ((n.articleId && readings.has(n.articleId)) || (!n.articleId && n.kind !== 'note' && n.createdAt.startsWith(year))),
      );
      setNotes(mine);
      setPicked(new Set(mine.map((n) => n.id)));
    });
  }, [row.readings, row.date]);

  const exportReturn = async () => {
    if (!profile.name.trim()) {
      setStatus(t.needName);
      return;
    }
    try {
      await settings.set(PROFILE_KEY, ProfileSchema, profile);
      const chosen = notes.filter((n) => picked.has(n.id));
      const hl = (await db.highlights.where('articleId').anyOf(row.readings).toArray()).filter((h) => h.layer === 'personal');
      const versionKey = `study.returnVersion.${row.id}`;
      const version = ((await db.settings.get(versionKey))?.value as number | undefined) ?? 0;
      const deviceKey = 'study.deviceId';
      let device = (await db.settings.get(deviceKey))?.value as string | undefined;
      if (typeof device !== 'string' || !/^[a-z0-9]{8,24}$/.test(device)) {
        device = crypto.randomUUID().replace(/-/g, '').slice(0, 16);
        await db.settings.put({ key: deviceKey, value: device });
      }
      const built = await api.packets.buildReturn({
        draft: {
          meta: {
            id: `r_${device}_${row.id}`.slice(0, 80),
            version: version + 1,
            issuer: profile.name.trim(),
            issuedAt: new Date().toISOString(),
            title: `${profile.name.trim()}的学习成果回执`,
          },
          body: {
            sessionId: row.id,
            sessionTopic: row.topic.slice(0, 300),
            packetId: packet?.id ?? row.packetId,
            packetVersion: packet?.version ?? null,
            member: { name: profile.name.trim().slice(0, 100), title: profile.title.trim().slice(0, 100) },
            notes: chosen.map((n) => ({
              id: n.id,
              kind: n.kind,
              title: n.title,
              text: n.text,
              zi: n.zi,
              articleId: n.articleId,
              quote: null,
              createdAt: n.createdAt,
              updatedAt: n.updatedAt,
            })),
            highlights: hl.map((h) => ({
              id: h.id,
              articleId: h.articleId,
              exact: h.selector.exact.slice(0, 20_000),
              comment: h.comment,
              color: h.color,
              createdAt: h.createdAt,
            })),
          },
        },
      });
      await db.settings.put({ key: versionKey, value: version + 1 });
      downloadBase64(built.base64, built.fileName);
      setStatus(`${built.fileName}`);
    } catch (error) {
      const e = errorText(error);
      setStatus(`${e.message}（${e.code}）`);
    }
  };

  return (
    <div data-testid="my-return">
      <div className="study-grid">
        <label htmlFor="me-name">{t.myName}</label>
        <input id="me-name" value={profile.name} onChange={(e) => setProfile({ ...profile, name: e.target.value })} />
        <label htmlFor="me-title">{t.myTitle}</label>
        <input id="me-title" value={profile.title} onChange={(e) => setProfile({ ...profile, title: e.target.value })} />
      </div>
      <h4>{t.pickNotes}</h4>
      {notes.length === 0 ? <p>{t.noNotes}</p> : null}
      <ul>
        {notes.map((n) => (
          <li key={n.id}>
            <label>
              <input
                type="checkbox"
                checked={picked.has(n.id)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(n.id);
                  else next.delete(n.id);
                  setPicked(next);
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

export function SessionView({ id }: { id: string }) {
  const [row, setRow] = useState<SessionRow | null | undefined>(undefined);
  const [members, setMembers] = useState<MemberRow[]>([]);
  const [returns, setReturns] = useState<ReturnRow[]>([]);
  const [packet, setPacket] = useState<PacketRow | undefined>(undefined);
  const [excerpts, setExcerpts] = useState<Map<string, number>>(new Map());
  const [status, setStatus] = useState<string | null>(null);
  const [draft, setDraft] = useState({ speakers: '', questions: '' });

  const load = useCallback(async () => {
    const s = await study.session(id);
    setRow(s ?? null);
    if (!s) return;
    setDraft({ speakers: s.speakers.join('、'), questions: s.questions.join('\n') });
    setMembers(await study.members());
    setReturns(await study.returnsFor(id));
    setPacket(s.packetId ? await db.packets.get(s.packetId) : undefined);
    const hl = await db.highlights.where('articleId').anyOf(s.readings).toArray();
    const counts = new Map<string, number>();
    for (const h of hl) if (h.layer === 'leader') counts.set(h.articleId, (counts.get(h.articleId) ?? 0) + 1);
    setExcerpts(counts);
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = async (patch: Partial<SessionRow>) => {
    if (!row) return;
    const next = await study.saveSession({ ...row, ...patch });
    setRow(next);
  };

  const exportPacket = async (reissue: boolean) => {
    if (!row) return;
    setStatus(null);
    try {
      const profile = await settings.get(PROFILE_KEY, ProfileSchema, DEFAULT_PROFILE);
      const version = row.issued ? row.issued.version + (reissue ? 1 : 0) : 1;
      const packetId = row.issued?.packetId ?? `p_${row.id}`.slice(0, 80);
      const now = new Date().toISOString();
      const { draft: packetDraft, skipped } = await gatherPacket(db, row, {
        id: packetId,
        version,
        issuer: profile.issuer || profile.name,
        issuedAt: now,
        title: `${row.topic}学习资料`.slice(0, 500),
      });
      const built = await api.packets.build({ draft: packetDraft });
      await save({ issued: { packetId, version, wholeSha256: built.wholeSha256, issuedAt: now } });
      downloadBase64(built.base64, built.fileName);
      setStatus(t.exported(built.fileName, skipped));
    } catch (error) {
      const e = errorText(error);
      setStatus(`${e.message}（${e.code}）`);
    }
  };

  if (row === undefined) return <div className="boot">{messages.boot.loading}</div>;
  if (row === null)
    return (
      <div className="study-page">
        <p>{messages.notes.notFound}</p>
        <a href="#/study">{t.back}</a>
      </div>
    );
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
          value={row.topic}
          maxLength={300}
          onChange={(e) => setRow({ ...row, topic: e.target.value })}
          onBlur={() => void save({})}
        />
        <label htmlFor="s-date">{t.date}</label>
        <input id="s-date" type="date" value={row.date} onChange={(e) => e.target.value && void save({ date: e.target.value })} />
        <label htmlFor="s-place">{t.place}</label>
        <input
          id="s-place"
          value={row.place}
          maxLength={200}
          onChange={(e) => setRow({ ...row, place: e.target.value })}
          onBlur={() => void save({})}
        />
        <label htmlFor="s-host">{t.host}</label>
        <input
          id="s-host"
          value={row.host}
          maxLength={100}
          onChange={(e) => setRow({ ...row, host: e.target.value })}
          onBlur={() => void save({})}
        />
        <label htmlFor="s-speakers">{t.speakers}</label>
        <input
          id="s-speakers"
          value={draft.speakers}
          onChange={(e) => setDraft({ ...draft, speakers: e.target.value })}
          onBlur={() => void save({ speakers: splitList(draft.speakers).map((s) => s.slice(0, 100)) })}
        />
        <label htmlFor="s-questions">{t.questions}</label>
        <textarea
          id="s-questions"
          value={draft.questions}
          onChange={(e) => setDraft({ ...draft, questions: e.target.value })}
          onBlur={() =>
            void save({
              questions: draft.questions
                .split('\n')
                .map((q) => q.trim().slice(0, 1000))
                .filter(Boolean),
            })
          }
        />
        <label htmlFor="s-status">{t.status}</label>
        <select id="s-status" value={row.status} onChange={(e) => void save({ status: e.target.value as SessionRow['status'] })}>
          {(['planned', 'done', 'cancelled'] as const).map((s) => (
            <option key={s} value={s}>
              {t.statuses[s]}
            </option>
          ))}
        </select>
      </div>
      <h3>{t.readings}</h3>
      <Readings row={row} excerpts={excerpts} onChange={(readings) => void save({ readings })} />
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
      <MyReturn row={row} packet={packet} />
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
