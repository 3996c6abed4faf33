/** 来源: configure intranet columns, feeds and folders; sync them and watch the progress. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { LOW_EXTRACT_CONFIDENCE, type SourcePreview } from '../../../shared/domain/sync';
import { formatChineseDate } from '../../../shared/text';
import {
  cancelSync,
  DEFAULT_SYNC_SETTINGS,
  isRunning,
  listSources,
  loadSyncSettings,
  previewSource,
  recentLog,
  removeSource,
  runSync,
  saveSource,
  saveSyncSettings,
  sourceDrafts,
  syncRuns,
  type SourceFormDraft,
  type RunState,
  type SourceInput,
  type SourceRow,
  type SyncSettings,
} from '../../core/sync';
import { appHost } from '../../core/app';
import { messages } from '../../i18n/messages';
import {
  Button,
  Card,
  Checkbox,
  confirm,
  EmptyState,
  Form,
  FormActions,
  FormRow,
  Input,
  notify,
  NumberInput,
  Page,
  PageHeader,
  readInteger,
  Section,
  Select,
  Textarea,
  Toolbar,
  DraftNote,
  typedAt,
} from '../../ui';
import type { FormDraft } from '../../core/pendingWrites';
import { useDraftJournal } from '../../ui/useDraftJournal';
import { toldIfNotStored } from '../../ui/keptWriteNotice';

const t = messages.sources;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  return `${formatChineseDate(iso)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

const blankInput: SourceInput = {
  kind: 'cms',
  location: '',
  name: '',
  column: null,
  schedule: { mode: 'manual' },
  enabled: true,
  allowedHosts: [],
  firstSync: 'newest',
};

/** The form as the stored source (or a new one) fills it. */
function storedForm(initial: SourceRow | undefined): SourceFormDraft {
  const input: SourceInput = initial
    ? {
        kind: initial.kind,
        location: initial.location,
        name: initial.name,
        column: initial.column,
        schedule: initial.schedule,
        enabled: initial.enabled,
        allowedHosts: initial.allowedHosts ?? [],
        firstSync: initial.firstSync ?? 'newest',
      }
    : blankInput;
  return { input, hostsText: (initial?.allowedHosts ?? []).join('\n'), hoursText: String(input.schedule.hours ?? 24) };
}

// Field by field, so a draft read back from the journal compares whatever order its keys came in.
const formKey = ({ input: i, hostsText, hoursText }: SourceFormDraft) =>
  JSON.stringify([i.kind, i.location, i.name, i.column ?? '', i.schedule.mode, i.enabled, i.firstSync, hostsText, hoursText]);

/** The draft of this form an earlier page left, unless it says what is stored (then its entry goes). */
function keptSourceDraft(key: string, stored: SourceFormDraft): FormDraft<SourceFormDraft> | null {
  const kept = sourceDrafts.read(key);
  if (kept && formKey(kept.value) === formKey(stored)) {
    sourceDrafts.settle(kept.token);
    return null;
  }
  return kept;
}

function SourceForm(props: { initial?: SourceRow; onDone: () => void }) {
  const draftKey = props.initial?.id ?? 'new';
  const [stored] = useState(() => storedForm(props.initial));
  // Typed here before the page last went and never saved: shown again as a draft, never saved by itself.
  const [restored, setRestored] = useState(() => keptSourceDraft(draftKey, stored));
  const journal = useDraftJournal((value: SourceFormDraft) => sourceDrafts.write(draftKey, value), sourceDrafts.settle, restored?.token);
  const [form, setForm] = useState<SourceFormDraft>(restored?.value ?? stored);
  const { input, hostsText, hoursText } = form;
  // The form as last changed, for a change made after an await (试抓取 fills the name in).
  const latest = useRef(form);
  // Each change is journalled until 保存 (or until the form says what is stored again).
  const edit = (change: (f: SourceFormDraft) => SourceFormDraft) => {
    const next = change(latest.current);
    latest.current = next;
    setForm(next);
    if (formKey(next) === formKey(stored)) {
      journal.saved(null);
      setRestored(null);
    } else journal.typed(next);
  };
  const [preview, setPreview] = useState<SourcePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const patch = (p: Partial<SourceInput>) => edit((f) => ({ ...f, input: { ...f.input, ...p } }));
  const setHostsText = (text: string) => edit((f) => ({ ...f, hostsText: text }));
  const setHoursText = (text: string) => edit((f) => ({ ...f, hoursText: text }));

  const tryFetch = async () => {
    setBusy(true);
    setError(null);
    setPreview(null);
    try {
      const result = await previewSource(input.location.trim());
      setPreview(result);
      edit((f) => ({ ...f, input: { ...f.input, kind: result.kind, name: f.input.name || result.title || '' } }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const chooseFolder = async () => {
    const { path } = await appHost.chooseFolder();
    if (path) patch({ location: path, kind: 'folder' });
    else setHint(t.noFolderDialog);
  };

  const [hoursError, setHoursError] = useState<string | null>(null);
  const locationId = useId();
  const enabledId = useId();

  const save = async () => {
    const allowedHosts = hostsText
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    let schedule = input.schedule;
    if (schedule.mode === 'interval') {
      const hours = readInteger(hoursText, 1, 720);
      if ('error' in hours) return setHoursError(hours.error);
      schedule = { mode: 'interval', hours: hours.value };
    }
    setHoursError(null);
    if (!input.location.trim()) return setError(t.locationRequired);
    if (!input.name.trim()) return setError(t.nameRequired);
    try {
      const saving = saveSource(props.initial?.id ?? null, {
        ...input,
        schedule,
        column: input.column?.trim() || null,
        allowedHosts,
      });
      // The draft's entry goes once the source holds it; a refused save (said below) keeps it.
      journal.saved(
        saving.then((problem) => {
          if (problem) throw new Error(problem);
        }),
        'success',
      );
      const problem = await saving;
      if (problem) return setError(problem);
      notify(t.saved(input.name.trim()), { kind: 'success' });
      props.onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };
  // 取消 gives the typing up, as it always did; a page left otherwise keeps the draft.
  const cancel = () => {
    journal.saved(null);
    props.onDone();
  };
  const discard = async () => {
    const ok = await confirm({ title: t.discardDraft, message: t.discardDraftConfirm, confirmLabel: t.discardDraft, danger: true });
    if (!ok) return;
    journal.saved(null);
    setRestored(null);
    latest.current = stored;
    setForm(stored);
  };

  return (
    <Form className="source-form" onSubmit={() => void save()} label={props.initial ? t.edit : t.add}>
      {restored ? (
        <DraftNote
          text={t.draftRestored(typedAt(restored.at))}
          saveLabel={t.save}
          discardLabel={t.discardDraft}
          onDiscard={() => void discard()}
          testId="source-draft-note"
        />
      ) : null}
      <FormRow label={t.locationLabel} htmlFor={locationId}>
        <div className="ui-inline">
          <Input
            id={locationId}
            width="long"
            value={input.location}
            placeholder={t.locationPlaceholder}
            onChange={(e) => patch({ location: e.target.value })}
            autoFocus
          />
          <Button onClick={() => void chooseFolder()}>{t.chooseFolder}</Button>
          <Button disabled={busy || !input.location.trim()} onClick={() => void tryFetch()}>
            {busy ? t.previewing : t.preview}
          </Button>
        </div>
      </FormRow>
      {hint ? <p className="ui-muted source-hint">{hint}</p> : null}
      {preview ? (
        <div className="preview" data-testid="source-preview">
          <p>
            {t.kinds[preview.kind]} · {t.previewResult(preview.items.length, preview.pageCount)}
          </p>
          <ol>
            {preview.items.slice(0, 30).map((item) => (
              <li key={item.url}>
                {item.pinned ? <span className="pinned">{t.pinned}</span> : null}
                {item.title}
                {item.publishedAt ? <span className="muted"> {formatChineseDate(item.publishedAt)}</span> : null}
              </li>
            ))}
          </ol>
          {preview.firstArticle ? <FirstArticle article={preview.firstArticle} /> : null}
        </div>
      ) : null}
      <FormRow label={t.kind}>
        <Select width="medium" value={input.kind} onChange={(e) => patch({ kind: e.target.value as SourceInput['kind'] })}>
          {(Object.keys(t.kinds) as SourceInput['kind'][]).map((k) => (
            <option key={k} value={k}>
              {t.kinds[k]}
            </option>
          ))}
        </Select>
      </FormRow>
      <FormRow label={t.name}>
        <Input width="medium" value={input.name} onChange={(e) => patch({ name: e.target.value })} />
      </FormRow>
      <FormRow label={t.column}>
        <Input width="medium" value={input.column ?? ''} onChange={(e) => patch({ column: e.target.value })} />
      </FormRow>
      {input.kind === 'cms' && !props.initial?.lastSyncAt ? (
        <FormRow label={t.firstSync}>
          <Select width="long" value={input.firstSync} onChange={(e) => patch({ firstSync: e.target.value as SourceInput['firstSync'] })}>
            {(Object.keys(t.firstSyncs) as SourceInput['firstSync'][]).map((k) => (
              <option key={k} value={k}>
                {t.firstSyncs[k]}
              </option>
            ))}
          </Select>
        </FormRow>
      ) : null}
      {input.kind !== 'folder' ? (
        <FormRow label={t.allowedHosts} hint={t.allowedHostsHint}>
          <Textarea rows={2} value={hostsText} placeholder="http://img.example.cn" onChange={(e) => setHostsText(e.target.value)} />
        </FormRow>
      ) : null}
      <FormRow label={t.schedule}>
        <Select
          width="medium"
          value={input.schedule.mode}
          onChange={(e) =>
            patch({ schedule: { mode: e.target.value as SourceInput['schedule']['mode'], hours: input.schedule.hours ?? 24 } })
          }
        >
          {(Object.keys(t.schedules) as SourceInput['schedule']['mode'][]).map((k) => (
            <option key={k} value={k}>
              {t.schedules[k]}
            </option>
          ))}
        </Select>
      </FormRow>
      {input.schedule.mode === 'interval' ? (
        <FormRow label={t.everyHours} error={hoursError}>
          <NumberInput value={hoursText} onChange={(e) => setHoursText(e.target.value)} />
        </FormRow>
      ) : null}
      <FormRow label={t.enabledRow} htmlFor={enabledId}>
        <Checkbox id={enabledId} checked={input.enabled} onChange={(e) => patch({ enabled: e.target.checked })} label={t.enabled} />
      </FormRow>
      {error ? (
        <p className="ui-error source-form-error" role="alert">
          {error}
        </p>
      ) : null}
      <FormActions>
        <Button type="submit" kind="primary">
          {t.save}
        </Button>
        <Button onClick={cancel}>{t.cancel}</Button>
      </FormActions>
    </Form>
  );
}

function Progress({ run }: { run: RunState }) {
  // Every article handled counts towards the bar (saved, unchanged or failed), not only saved ones.
  const handled = run.counts.fetched + run.counts.unchanged + run.counts.failed;
  const total = handled + (run.remaining ?? 0);
  const ratio = run.phase === 'done' ? 1 : total > 0 ? Math.min(1, handled / total) : 0;
  return (
    <div className="sync-progress" data-testid="sync-progress" data-phase={run.phase}>
      <div className="bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(ratio * 100)}>
        <div style={{ transform: `scaleX(${ratio})` }} />
      </div>
      <span>
        {t.phases[run.phase]} · {t.progress(run.counts, run.added, run.updated, run.unchanged)}
      </span>
      {run.message ? <span className="error">{run.message}</span> : null}
    </div>
  );
}

function SyncLog({ sourceId }: { sourceId: string }) {
  // Follows the log as the run writes it.
  const rows = useLiveQuery(() => recentLog(sourceId), [sourceId]) ?? [];
  return (
    <details className="sync-log">
      <summary>
        {t.log}（{rows.length}）
      </summary>
      {rows.length === 0 ? (
        <p className="muted">{t.logEmpty}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.id} className={r.level}>
              <time>{formatTime(r.at)}</time> {r.message}
              {/* Most messages name their URL already: print it once. */}
              {r.url && !r.message.includes(r.url) ? <span className="url"> {r.url}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

function SyncSettingsForm() {
  const [value, setValue] = useState<SyncSettings>(DEFAULT_SYNC_SETTINGS);
  const [text, setText] = useState({ delayMs: String(DEFAULT_SYNC_SETTINGS.delayMs), maxPages: String(DEFAULT_SYNC_SETTINGS.maxPages) });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadSyncSettings().then((v) => {
      setValue(v);
      setText({ delayMs: String(v.delayMs), maxPages: String(v.maxPages) });
    });
  }, []);
  const update = (key: keyof SyncSettings, typed: string, label: string) => {
    setText((x) => ({ ...x, [key]: typed }));
    const t2 = typed.trim();
    // Text that is not a whole number: refused with a message, nothing saved.
    if (!/^\d+$/.test(t2)) {
      setError(t.settingsNotSaved(t.notANumber(label, t2)));
      return;
    }
    const next = { ...value, [key]: Number(t2) };
    setValue(next);
    // Out of range: say so and what is still in force; nothing is saved or silently clamped. A write
    // the database failed is said once (and kept for the next start).
    const saving = saveSyncSettings(next);
    toldIfNotStored(messages.writes.syncSettings, saving);
    saving.then(
      (problem) => setError(problem ? t.settingsNotSaved(problem) : null),
      () => undefined,
    );
  };
  return (
    <details className="sync-settings ui-section">
      <summary>{t.settings}</summary>
      <div className="ui-form">
        <FormRow label={t.delay}>
          <NumberInput width="medium" value={text.delayMs} onChange={(e) => update('delayMs', e.target.value, t.delay)} />
        </FormRow>
        <FormRow label={t.maxPages}>
          <NumberInput value={text.maxPages} onChange={(e) => update('maxPages', e.target.value, t.maxPages)} />
        </FormRow>
        {error ? (
          <p className="ui-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </details>
  );
}

export function SourcesView() {
  // Sources follow the database (a run's counts, an edit, another tab).
  const loadedList = useLiveQuery(listSources, []);
  const list = loadedList ?? [];
  // A source form typed and not saved when the page last went opens again with its draft.
  const [editing, setEditing] = useState<SourceRow | 'new' | null>(() => (sourceDrafts.keys().includes('new') ? 'new' : null));
  const [draftOpened, setDraftOpened] = useState(false);
  if (loadedList && !draftOpened) {
    setDraftOpened(true);
    const waiting = sourceDrafts.keys();
    const drafted = editing === null ? loadedList.find((s) => waiting.includes(s.id)) : undefined;
    if (drafted) setEditing(drafted);
  }
  const [error, setError] = useState<string | null>(null);
  const runs = useStore(syncRuns, (s) => s.runs);

  const start = (id: string, fullRescan: boolean) => {
    setError(null);
    runSync(id, { fullRescan }).catch((e: unknown) => setError(errorText(e)));
  };

  const remove = async (source: SourceRow) => {
    const ok = await confirm({ title: t.removeTitle, message: t.confirmRemove(source.name), confirmLabel: t.remove, danger: true });
    if (!ok) return;
    await removeSource(source.id);
    notify(t.removed(source.name), { kind: 'success' });
  };

  return (
    <Page label={t.title} className="sources-page">
      <PageHeader
        title={t.title}
        actions={
          editing === null ? (
            <Button kind="primary" onClick={() => setEditing('new')}>
              {t.add}
            </Button>
          ) : null
        }
      />
      {error ? (
        <p className="ui-error" role="alert">
          {error}
        </p>
      ) : null}
      {editing === 'new' ? (
        <Section title={t.add}>
          <SourceForm onDone={() => setEditing(null)} />
        </Section>
      ) : null}
      {list.length === 0 && editing === null ? (
        <EmptyState title={t.emptyTitle}>
          <p className="sources-empty">{t.empty}</p>
        </EmptyState>
      ) : null}
      <div className="source-list">
        {list.map((s) => {
          const run = runs[s.id];
          const running = isRunning(s.id);
          return (
            <Card key={s.id} className="source-card" testId="source-card">
              {editing !== 'new' && editing?.id === s.id ? (
                <SourceForm initial={s} onDone={() => setEditing(null)} />
              ) : (
                <>
                  <div className="source-title">
                    <strong>{s.name}</strong>
                    <span className="tag">{t.kinds[s.kind]}</span>
                    {s.column ? <span className="tag">{s.column}</span> : null}
                    {!s.enabled ? <span className="tag muted">{t.disabled}</span> : null}
                  </div>
                  <div className="muted location">{s.location}</div>
                  <div className="muted">
                    {s.lastSyncAt ? t.lastSync(formatTime(s.lastSyncAt)) : t.neverSynced} · {t.counts(s.counts)}
                  </div>
                  {s.lastError ? (
                    <div className="ui-error" data-testid="source-error">
                      {s.lastError}
                    </div>
                  ) : null}
                  {run ? <Progress run={run} /> : null}
                  <Toolbar>
                    {running ? (
                      <Button onClick={() => void cancelSync(s.id)}>{t.stop}</Button>
                    ) : (
                      <>
                        <Button kind="primary" onClick={() => start(s.id, false)}>
                          {t.syncNow}
                        </Button>
                        <Button onClick={() => start(s.id, true)}>{t.fullRescan}</Button>
                        <Button onClick={() => setEditing(s)}>{t.edit}</Button>
                        <Button kind="danger" onClick={() => void remove(s)}>
                          {t.remove}
                        </Button>
                      </>
                    )}
                  </Toolbar>
                  <SyncLog sourceId={s.id} />
                </>
              )}
            </Card>
          );
        })}
      </div>
      <SyncSettingsForm />
    </Page>
  );
}

/** 试抓取: how extraction reads the first article, with a warning when it is unsure. */
function FirstArticle({ article: a }: { article: NonNullable<SourcePreview['firstArticle']> }) {
  const t = messages.sources;
  if (a.error) {
    return (
      <p className="error" data-testid="source-preview-article">
        {t.firstArticleFailed(a.error)}
      </p>
    );
  }
  return (
    <div data-testid="source-preview-article" data-confidence={a.confidence}>
      <p>
        {t.firstArticle}
        <strong>{a.title}</strong>
      </p>
      <p className="muted">
        {t.firstArticleFacts({
          date: a.publishedAt ? formatChineseDate(a.publishedAt) : null,
          origin: a.origin,
          chars: a.chars,
          confidence: a.confidence,
        })}
      </p>
      {a.confidence < LOW_EXTRACT_CONFIDENCE ? (
        <p className="error" role="status">
          {t.lowConfidence(a.confidence)}
        </p>
      ) : null}
    </div>
  );
}
