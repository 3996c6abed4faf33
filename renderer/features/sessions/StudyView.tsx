/** 学习计划: the year's dashboard (progress against the unit's rules), the plan, members and rules. */
import { useState } from 'react';
import { formatChineseDate } from '../../../shared/text';
import { navigate } from '../../ui/router';
import { NEW_SESSION_DRAFT_KEY, newSessionDrafts, study, warnings, type NewSessionForm, type Profile, type Rules } from '../../core/study';
import type { FormDraft } from '../../core/pendingWrites';
import { useDraftJournal } from '../../ui/useDraftJournal';
import { messages } from '../../i18n/messages';
import { useLiveResult } from '../../ui/useLiveResult';
import {
  Button,
  confirm,
  DateField,
  Dialog,
  DraftNote,
  EmptyState,
  Form,
  FormActions,
  FormRow,
  Input,
  List,
  notify,
  NumberInput,
  Page,
  PageHeader,
  readInteger,
  Section,
  Table,
  Toolbar,
  typedAt,
} from '../../ui';
import { errorText } from '../packets';
import '../packets';
import { useDraft } from '../../ui/useDraft';
import { ArchiveExport } from './ArchiveExport';
import { RoleSection } from './RoleSection';

const t = messages.study;

type RuleKey = 'sessions' | 'attendance' | 'zi' | 'reflections';
const RULE_RANGES: Record<RuleKey, [number, number]> = {
  sessions: [0, 100],
  attendance: [0, 100],
  zi: [1, 10_000_000],
  reflections: [0, 100],
};

function RulesForm({ rules, ziGoal }: { rules: Rules; ziGoal: number }) {
  const stored = {
    sessions: String(rules.sessionsPerYear),
    attendance: String(rules.attendanceMin),
    zi: String(ziGoal),
    reflections: String(rules.reflectionsPerYear),
  };
  // Follows rules saved elsewhere (another tab, a restore).
  const [draft, setDraft] = useDraft(stored, (a, b) => JSON.stringify(a) === JSON.stringify(b));
  const [errors, setErrors] = useState<Partial<Record<RuleKey, string>>>({});
  const [note, setNote] = useState<string | null>(null);
  const save = async () => {
    // Every field read first: text that is not a number is refused with a message, nothing is written.
    const found: Partial<Record<RuleKey, string>> = {};
    const value = {} as Record<RuleKey, number>;
    for (const key of Object.keys(RULE_RANGES) as RuleKey[]) {
      const read = readInteger(draft[key].replace(/[,，\s]/g, ''), ...RULE_RANGES[key]);
      if ('error' in read) found[key] = read.error;
      else value[key] = read.value;
    }
    setErrors(found);
    if (Object.keys(found).length) {
      setNote(null);
      return;
    }
    try {
      // Both or neither: the service checks the rules and the quota before writing.
      await study.saveRules(
        { sessionsPerYear: value.sessions, attendanceMin: value.attendance, reflectionsPerYear: value.reflections },
        { ziPerYear: value.zi },
      );
      setNote(t.saved);
      notify(t.rulesSaved, { kind: 'success' });
    } catch (error) {
      setNote(null);
      notify(errorText(error).message || t.rulesInvalid, { kind: 'error' });
    }
  };
  const field = (key: RuleKey, label: string) => (
    <FormRow label={label} error={errors[key]}>
      <NumberInput
        width={key === 'zi' ? 'medium' : 'short'}
        value={draft[key]}
        onChange={(e) => {
          setNote(null);
          setDraft({ ...draft, [key]: e.target.value });
        }}
      />
    </FormRow>
  );
  return (
    <Form onSubmit={() => void save()} testId="rules-form">
      {field('sessions', t.rulesSessions)}
      {field('attendance', t.rulesAttendance)}
      {field('zi', t.rulesNotes)}
      {field('reflections', t.rulesReflections)}
      <FormActions>
        <Button kind="primary" type="submit">
          {t.save}
        </Button>
        {note ? (
          <span role="status" className="ui-saved">
            {note}
          </span>
        ) : null}
      </FormActions>
    </Form>
  );
}

function ProfileForm({ stored }: { stored: Profile }) {
  const [profile, setProfile] = useDraft(stored, (a, b) => JSON.stringify(a) === JSON.stringify(b));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const edit = (patch: Partial<Profile>) => {
    setSaved(false);
    setProfile({ ...profile, ...patch });
  };
  return (
    <Form
      testId="profile-form"
      onSubmit={() =>
        void study.saveProfile(profile).then(
          () => {
            setError(null);
            setSaved(true);
            notify(t.saved, { kind: 'success' });
          },
          (e: unknown) => setError(errorText(e).message),
        )
      }
    >
      <FormRow label={t.myName}>
        <Input width="medium" value={profile.name} onChange={(e) => edit({ name: e.target.value })} />
      </FormRow>
      <FormRow label={t.myTitle}>
        <Input width="medium" value={profile.title} onChange={(e) => edit({ title: e.target.value })} />
      </FormRow>
      <FormRow label={t.issuer} error={error}>
        <Input width="long" value={profile.issuer} onChange={(e) => edit({ issuer: e.target.value })} />
      </FormRow>
      <FormActions>
        <Button kind="primary" type="submit">
          {t.save}
        </Button>
        {saved ? (
          <span role="status" className="ui-saved">
            {t.saved}
          </span>
        ) : null}
      </FormActions>
    </Form>
  );
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const blankSession = (): NewSessionForm => ({ topic: '', date: today(), place: '' });
/** Nothing typed: the dialog as it opens empty (the date it offers is today's). */
/** One question before a 新建学习安排 draft is given up (asked in the dialog and on the page). */
const confirmDiscardNewSessionDraft = () =>
  confirm({
    title: t.discardNewSessionDraft,
    message: t.discardNewSessionDraftConfirm,
    confirmLabel: t.discardNewSessionDraft,
    danger: true,
  });

const untyped = (f: NewSessionForm) => !f.topic.trim() && !f.place.trim() && f.date === today();

/**
 * 新建学习安排: nothing is stored until 创建 (取消 or Esc leaves no record and gives the typing up).
 * What is typed is journalled at each change, so a reload, a crash or a closed window keeps it: the
 * dialog opens with it again as a draft (`restored`), never creating the session by itself.
 */
function NewSessionDialog({ restored, onClose }: { restored: FormDraft<NewSessionForm> | null; onClose: () => void }) {
  const journal = useDraftJournal(
    (value: NewSessionForm) => newSessionDrafts.write(NEW_SESSION_DRAFT_KEY, value),
    newSessionDrafts.settle,
    restored?.token,
  );
  const [form, setForm] = useState<NewSessionForm>(restored?.value ?? blankSession());
  const [shownDraft, setShownDraft] = useState(restored);
  const { topic, date, place } = form;
  const [error, setError] = useState<string | null>(null);
  const edit = (patch: Partial<NewSessionForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    if (untyped(next)) {
      journal.saved(null);
      setShownDraft(null);
    } else journal.typed(next);
  };
  const close = () => {
    journal.saved(null);
    onClose();
  };
  const discard = async () => {
    const ok = await confirmDiscardNewSessionDraft();
    if (!ok) return;
    journal.saved(null);
    setShownDraft(null);
    setForm(blankSession());
  };
  const create = async () => {
    const name = topic.trim();
    if (!name) {
      setError(t.needTopic);
      return;
    }
    if (!date) return;
    try {
      const creating = study.createSession(name.slice(0, 300), date, place.trim());
      // The draft's entry goes once the session is stored; a refused one keeps it.
      journal.saved(creating, 'success');
      const id = await creating;
      onClose();
      navigate({ name: 'session', id });
    } catch (e) {
      setError(`${errorText(e).message}（${errorText(e).code}）`);
    }
  };
  return (
    <Dialog
      open
      title={t.newSession}
      onClose={close}
      initialFocus="#new-session-topic"
      testId="new-session-dialog"
      actions={
        <>
          <Button onClick={close}>{messages.ui.cancel}</Button>
          <Button kind="primary" type="submit" form="new-session-form">
            {t.createSession}
          </Button>
        </>
      }
    >
      <form
        id="new-session-form"
        className="ui-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        {shownDraft ? (
          <DraftNote
            text={t.newSessionDraftRestored(typedAt(shownDraft.at))}
            discardLabel={t.discardNewSessionDraft}
            onDiscard={() => void discard()}
            testId="new-session-draft-note"
          />
        ) : null}
        <FormRow label={t.topic} error={error}>
          <Input id="new-session-topic" width="long" value={topic} maxLength={300} onChange={(e) => edit({ topic: e.target.value })} />
        </FormRow>
        <FormRow label={t.date}>
          <DateField value={date} onChange={(value) => edit({ date: value })} />
        </FormRow>
        <FormRow label={t.place}>
          <Input width="medium" value={place} maxLength={200} onChange={(e) => edit({ place: e.target.value })} />
        </FormRow>
      </form>
    </Dialog>
  );
}

export function StudyView() {
  const year = new Date().getFullYear();
  // Live: sessions, members, rules and progress follow every write (another tab, a packet import, a restore).
  const loaded = useLiveResult(() => study.dashboard(year), [year]);
  const [memberDraft, setMemberDraft] = useState({ name: '', title: '' });
  const [memberError, setMemberError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  // A 新建学习安排 typed and not created when the page last went: offered again, never created by itself.
  const [sessionDraft, setSessionDraft] = useState(() => newSessionDrafts.read(NEW_SESSION_DRAFT_KEY));
  const [showHidden, setShowHidden] = useState(false);
  if (loaded.state === 'loading') return <div className="boot">{messages.boot.loading}</div>;
  if (loaded.state === 'failed')
    return (
      <div className="ui-page" role="alert">
        {loaded.message}
      </div>
    );
  const { sessions: allSessions, members, rules, quota, progress, profile, role, hidden } = loaded.value;
  // Hidden sessions (a per-user setting) leave the plan's list only; they still count.
  const hiddenIds = new Set(hidden.sessions);
  const hiddenCount = allSessions.filter((s) => hiddenIds.has(s.id)).length;
  const sessions = showHidden ? allSessions : allSessions.filter((s) => !hiddenIds.has(s.id));
  const ziGoal = quota.ziPerYear;
  const fail = (e: unknown) => notify(`${errorText(e).message}（${errorText(e).code}）`, { kind: 'error' });

  const removeMember = async (id: string, name: string) => {
    const removed = await study.removeMember(id);
    if (removed)
      notify(t.memberRemoved(name), {
        action: { label: messages.ui.undo, run: () => void study.restoreMember(removed).catch(fail) },
      });
  };

  const discardSessionDraft = async () => {
    const ok = await confirmDiscardNewSessionDraft();
    if (!ok || !sessionDraft) return;
    newSessionDrafts.settle(sessionDraft.token);
    setSessionDraft(null);
  };

  const thisYear = allSessions.filter((s) => s.year === year);
  const warn = warnings(progress, rules, ziGoal, thisYear);

  return (
    <Page label={t.title} testId="study-page">
      <PageHeader title={t.title} />
      <RoleSection state={role} />
      <Section title={t.dashboard(year)}>
        <List testId="study-dashboard">
          <li>{t.sessionsProgress(progress.sessionsDone, rules.sessionsPerYear)}</li>
          <li>{t.notesProgress(progress.notesZi, ziGoal)}</li>
          <li>{t.reflectionsProgress(progress.reflections, rules.reflectionsPerYear)}</li>
        </List>
        {warn.length ? (
          <ul className="study-warn" data-testid="study-warnings">
            {warn.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : (
          <p className="study-ok">{t.allGood}</p>
        )}
      </Section>

      <Section
        title={t.plan}
        actions={
          <>
            <ArchiveExport />
            <Button kind="primary" onClick={() => setCreating(true)}>
              {t.newSession}
            </Button>
          </>
        }
      >
        {sessions.length === 0 ? (
          <EmptyState title={t.noSessions} />
        ) : (
          <Table head={[t.date, t.topic, t.place, t.status]} label={t.plan}>
            {sessions.map((s) => (
              <tr key={s.id} data-testid="session-row">
                <td className="nowrap">{formatChineseDate(s.date)}</td>
                <td>
                  <a href={`#/study/${s.id}`}>{s.topic}</a>
                </td>
                <td>{s.place}</td>
                <td className="nowrap">
                  {t.statuses[s.status]}
                  {hiddenIds.has(s.id) ? (
                    <Button small onClick={() => void study.hideSession(s.id, false).catch(fail)}>
                      {messages.roles.unhide}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </Table>
        )}
        {hiddenCount ? (
          <p className="ui-muted" data-testid="hidden-sessions">
            {messages.roles.hiddenCount(hiddenCount)}{' '}
            <Button small onClick={() => setShowHidden(!showHidden)}>
              {showHidden ? messages.roles.hideHidden : messages.roles.showHidden}
            </Button>
          </p>
        ) : null}
        {sessionDraft && !creating ? (
          <div className="ui-draft-note" role="status" data-testid="new-session-draft-waiting">
            <p>{t.newSessionDraftWaiting(sessionDraft.value.topic.trim())}</p>
            <Toolbar>
              <Button kind="primary" onClick={() => setCreating(true)}>
                {t.continueDraft}
              </Button>
              <Button onClick={() => void discardSessionDraft()}>{t.discardNewSessionDraft}</Button>
            </Toolbar>
          </div>
        ) : null}
        {creating ? (
          <NewSessionDialog
            restored={sessionDraft}
            onClose={() => {
              setCreating(false);
              setSessionDraft(newSessionDrafts.read(NEW_SESSION_DRAFT_KEY));
            }}
          />
        ) : null}
      </Section>

      <Section title={t.members}>
        {members.length ? (
          <List label={t.members}>
            {members.map((m) => (
              <li key={m.id} data-testid="member">
                <span className="ui-grow">
                  {m.name}
                  {m.title ? `（${m.title}）` : ''}
                </span>
                <Button
                  small
                  kind="danger"
                  aria-label={`${t.remove}：${m.name}`}
                  onClick={() => void removeMember(m.id, m.name).catch(fail)}
                >
                  {t.remove}
                </Button>
              </li>
            ))}
          </List>
        ) : (
          <EmptyState title={t.noMembers} />
        )}
        <h4 className="study-subhead">{t.addMember}</h4>
        <Form
          onSubmit={() => {
            const name = memberDraft.name.trim();
            if (!name) {
              setMemberError(t.needMemberName);
              return;
            }
            setMemberError(null);
            // The typed name leaves the field only once the member is stored: a reload before that
            // keeps neither, and the field emptied would look as if it had been kept.
            const typed = memberDraft;
            void study.addMember(name, typed.title).then(() => setMemberDraft((d) => (d === typed ? { name: '', title: '' } : d)), fail);
          }}
        >
          <FormRow label={t.memberName} error={memberError}>
            <Input width="medium" value={memberDraft.name} onChange={(e) => setMemberDraft({ ...memberDraft, name: e.target.value })} />
          </FormRow>
          <FormRow label={t.memberTitle}>
            <Input width="medium" value={memberDraft.title} onChange={(e) => setMemberDraft({ ...memberDraft, title: e.target.value })} />
          </FormRow>
          <FormActions>
            <Button type="submit">{t.addMember}</Button>
          </FormActions>
        </Form>
      </Section>

      <Section title={t.rules}>
        <RulesForm rules={rules} ziGoal={ziGoal} />
      </Section>

      <Section title={t.profile} description={t.profileHint}>
        <ProfileForm stored={profile} />
      </Section>
    </Page>
  );
}
