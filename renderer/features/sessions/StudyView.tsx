/** 学习计划: the year's dashboard (progress against the unit's rules), the plan, members and rules. */
import { useState } from 'react';
import { formatChineseDate } from '../../../shared/text';
import { navigate } from '../../ui/router';
import { study, warnings, type Profile, type Rules } from '../../core/study';
import { messages } from '../../i18n/messages';
import { useLiveResult } from '../../ui/useLiveResult';
import { errorText } from '../packets';
import '../packets';
import { useDraft } from '../../ui/useDraft';

const t = messages.study;

const num = (s: string) => (/^\d+$/.test(s.replace(/[,，\s]/g, '')) ? Number(s.replace(/[,，\s]/g, '')) : NaN);

function RulesForm({ rules, ziGoal }: { rules: Rules; ziGoal: number }) {
  const stored = {
    sessions: String(rules.sessionsPerYear),
    attendance: String(rules.attendanceMin),
    zi: String(ziGoal),
    reflections: String(rules.reflectionsPerYear),
  };
  // Follows rules saved elsewhere (another tab, a restore).
  const [draft, setDraft] = useDraft(stored, (a, b) => JSON.stringify(a) === JSON.stringify(b));
  const [note, setNote] = useState<string | null>(null);
  const save = async () => {
    const next = { sessionsPerYear: num(draft.sessions), attendanceMin: num(draft.attendance), reflectionsPerYear: num(draft.reflections) };
    try {
      // Both or neither: the service checks the rules and the quota before writing.
      await study.saveRules(next, { ziPerYear: num(draft.zi) });
      setNote(t.saved);
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

function ProfileForm({ stored }: { stored: Profile }) {
  const [profile, setProfile] = useDraft(stored, (a, b) => JSON.stringify(a) === JSON.stringify(b));
  const [note, setNote] = useState<string | null>(null);
  return (
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
      <button
        type="button"
        onClick={() =>
          void study.saveProfile(profile).then(
            () => setNote(null),
            (error: unknown) => setNote(errorText(error).message),
          )
        }
      >
        {t.save}
      </button>
      {note ? (
        <span role="alert" className="pk-warn">
          {note}
        </span>
      ) : null}
    </div>
  );
}

export function StudyView() {
  const year = new Date().getFullYear();
  // Live: sessions, members, rules and progress follow every write (another tab, a packet import, a restore).
  const loaded = useLiveResult(() => study.dashboard(year), [year]);
  const [memberDraft, setMemberDraft] = useState({ name: '', title: '' });
  const [error, setError] = useState<string | null>(null);
  if (loaded.state === 'loading') return <div className="boot">{messages.boot.loading}</div>;
  if (loaded.state === 'failed')
    return (
      <div className="study-page" role="alert">
        {loaded.message}
      </div>
    );
  const { sessions, members, rules, quota, progress, profile } = loaded.value;
  const ziGoal = quota.ziPerYear;
  const fail = (e: unknown) => setError(`${errorText(e).message}（${errorText(e).code}）`);

  const create = async () => {
    const id = await study.createSession('新的学习专题');
    navigate({ name: 'session', id });
  };

  const thisYear = sessions.filter((s) => s.year === year);
  const warn = warnings(progress, rules, ziGoal, thisYear);

  return (
    <div className="study-page" data-testid="study-page">
      <section aria-label={t.dashboard(year)}>
        <h2>{t.dashboard(year)}</h2>
        <ul data-testid="study-dashboard">
          <li>{t.sessionsProgress(progress.sessionsDone, rules.sessionsPerYear)}</li>
          <li>{t.notesProgress(progress.notesZi, ziGoal)}</li>
          <li>{t.reflectionsProgress(progress.reflections, rules.reflectionsPerYear)}</li>
        </ul>
        {warn.length ? (
          <ul className="study-warn" data-testid="study-warnings">
            {warn.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : (
          <p className="study-ok">{t.allGood}</p>
        )}
      </section>

      <section>
        <h2>{t.plan}</h2>
        <button type="button" onClick={() => void create().catch(fail)}>
          {t.newSession}
        </button>
        {error ? (
          <p role="alert" className="pk-warn">
            {error}
          </p>
        ) : null}
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
              <button type="button" onClick={() => void study.removeMember(m.id).catch(fail)}>
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
            void study.addMember(name, memberDraft.title).catch(fail);
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
        <RulesForm rules={rules} ziGoal={ziGoal} />
      </section>

      <section>
        <h2>{t.profile}</h2>
        <ProfileForm stored={profile} />
      </section>
    </div>
  );
}
