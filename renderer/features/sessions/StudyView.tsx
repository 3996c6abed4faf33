/** 学习计划: the year's dashboard (progress against the unit's rules), the plan, members and rules. */
import { useCallback, useEffect, useState } from 'react';
import { formatChineseDate } from '../../../shared/text';
import { navigate } from '../../app/router';
import { db, settings } from '../../db';
import type { MemberRow, SessionRow } from '../../db/sessionRows';
import {
  attendance,
  createStudyRepository,
  DEFAULT_PROFILE,
  DEFAULT_RULES,
  newId,
  newSession,
  PROFILE_KEY,
  ProfileSchema,
  RULES_KEY,
  RulesSchema,
  yearProgress,
  type Profile,
  type Rules,
  type YearProgress,
} from '../../db/sessions';
import { messages } from '../../i18n/messages';
import { DEFAULT_QUOTA, loadQuota, saveQuota } from '../notebook/quota';
import '../packets/packets.css';

const t = messages.study;
const study = createStudyRepository(db);

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

function RulesForm({ rules, ziGoal, onSaved }: { rules: Rules; ziGoal: number; onSaved(): void }) {
  const [draft, setDraft] = useState({
    sessions: String(rules.sessionsPerYear),
    attendance: String(rules.attendanceMin),
    zi: String(ziGoal),
    reflections: String(rules.reflectionsPerYear),
  });
  const [note, setNote] = useState<string | null>(null);
  const save = async () => {
    const num = (s: string) => (/^\d+$/.test(s.replace(/[,，\s]/g, '')) ? Number(s.replace(/[,，\s]/g, '')) : NaN);
    const next = { sessionsPerYear: num(draft.sessions), attendanceMin: num(draft.attendance), reflectionsPerYear: num(draft.reflections) };
    const zi = num(draft.zi);
    try {
      if (!Number.isInteger(zi) || zi < 1) throw new Error(t.rulesInvalid);
      await settings.set(RULES_KEY, RulesSchema, next);
      await saveQuota({ ziPerYear: zi });
      setNote(t.saved);
      onSaved();
    } catch {
      setNote(t.rulesInvalid);
    }
  };
  const field = (key: keyof typeof draft, label: string) => (
    <label>
      {label}
      <input inputMode="numeric" value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </label>
  );
  return (
    <div className="study-grid">
      {field('sessions', t.rulesSessions)}
      {field('attendance', t.rulesAttendance)}
      {field('zi', t.rulesNotes)}
      {field('reflections', t.rulesReflections)}
      <button type="button" onClick={() => void save()}>
        {t.save}
      </button>
      {note ? <span role="status">{note}</span> : null}
    </div>
  );
}

export function StudyView() {
  const year = new Date().getFullYear();
  const [sessions, setSessions] = useState<SessionRow[]>([]);
  const [members, setMembers] = useState<MemberRow[]>([]);
  const [rules, setRules] = useState<Rules>(DEFAULT_RULES);
  const [ziGoal, setZiGoal] = useState(DEFAULT_QUOTA.ziPerYear);
  const [progress, setProgress] = useState<YearProgress | null>(null);
  const [profile, setProfile] = useState<Profile>(DEFAULT_PROFILE);
  const [memberDraft, setMemberDraft] = useState({ name: '', title: '' });
  const [loaded, setLoaded] = useState(0);

  const load = useCallback(async () => {
    const [s, m, r, q, p, me] = await Promise.all([
      study.sessions(),
      study.members(),
      settings.get(RULES_KEY, RulesSchema, DEFAULT_RULES),
      loadQuota(),
      yearProgress(db, year),
      settings.get(PROFILE_KEY, ProfileSchema, DEFAULT_PROFILE),
    ]);
    setSessions(s);
    setMembers(m);
    setRules(r);
    setZiGoal(q.ziPerYear);
    setProgress(p);
    setProfile(me);
    setLoaded((n) => n + 1);
  }, [year]);

  useEffect(() => {
    void load();
  }, [load]);

  const create = async () => {
    const row = newSession(new Date().toISOString().slice(0, 10));
    row.topic = '新的学习专题';
    await study.saveSession(row);
    navigate({ name: 'session', id: row.id });
  };

  const thisYear = sessions.filter((s) => s.year === year);
  const warn = progress ? warnings(progress, rules, ziGoal, thisYear) : [];

  return (
    <div className="study-page" data-testid="study-page">
      <section aria-label={t.dashboard(year)}>
        <h2>{t.dashboard(year)}</h2>
        {progress ? (
          <ul data-testid="study-dashboard">
            <li>{t.sessionsProgress(progress.sessionsDone, rules.sessionsPerYear)}</li>
            <li>{t.notesProgress(progress.notesZi, ziGoal)}</li>
            <li>{t.reflectionsProgress(progress.reflections, rules.reflectionsPerYear)}</li>
          </ul>
        ) : null}
        {warn.length ? (
          <ul className="study-warn" data-testid="study-warnings">
            {warn.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : progress ? (
          <p className="study-ok">{t.allGood}</p>
        ) : null}
      </section>

      <section>
        <h2>{t.plan}</h2>
        <button type="button" onClick={() => void create()}>
          {t.newSession}
        </button>
        {sessions.length === 0 ? <p>{t.noSessions}</p> : null}
        <table>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} data-testid="session-row">
                <td>{formatChineseDate(s.date)}</td>
                <td>
                  <a href={`#/study/${s.id}`}>{s.topic}</a>
                </td>
                <td>{s.place}</td>
                <td>{t.statuses[s.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2>{t.members}</h2>
        <ul>
          {members.map((m) => (
            <li key={m.id} data-testid="member">
              {m.name}
              {m.title ? `（${m.title}）` : ''}{' '}
              <button type="button" onClick={() => void study.removeMember(m.id).then(load)}>
                {t.remove}
              </button>
            </li>
          ))}
        </ul>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const name = memberDraft.name.trim();
            if (!name) return;
            setMemberDraft({ name: '', title: '' });
            void study
              .saveMember({
                id: newId('m'),
                name: name.slice(0, 100),
                title: memberDraft.title.trim().slice(0, 100),
                order: members.length,
              })
              .then(load);
          }}
        >
          <input
            aria-label={t.memberName}
            placeholder={t.memberName}
            value={memberDraft.name}
            onChange={(e) => setMemberDraft({ ...memberDraft, name: e.target.value })}
          />
          <input
            aria-label={t.memberTitle}
            placeholder={t.memberTitle}
            value={memberDraft.title}
            onChange={(e) => setMemberDraft({ ...memberDraft, title: e.target.value })}
          />
          <button type="submit">{t.addMember}</button>
        </form>
      </section>

      <section>
        <h2>{t.rules}</h2>
        <RulesForm key={loaded} rules={rules} ziGoal={ziGoal} onSaved={() => void load()} />
      </section>

      <section>
        <h2>{t.profile}</h2>
        <div className="study-grid">
          <label>
            {t.myName}
            <input value={profile.name} onChange={(e) => setProfile({ ...profile, name: e.target.value })} />
          </label>
          <label>
            {t.myTitle}
            <input value={profile.title} onChange={(e) => setProfile({ ...profile, title: e.target.value })} />
          </label>
          <label>
            {t.issuer}
            <input value={profile.issuer} onChange={(e) => setProfile({ ...profile, issuer: e.target.value })} />
          </label>
          <button type="button" onClick={() => void settings.set(PROFILE_KEY, ProfileSchema, profile)}>
            {t.save}
          </button>
        </div>
      </section>
    </div>
  );
}
