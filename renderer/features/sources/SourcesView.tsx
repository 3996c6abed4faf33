/** 来源: configure intranet columns, feeds and folders; sync them and watch the progress. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { SourcePreview } from '../../../shared/domain/sync';
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
  syncRuns,
  type RunState,
  type SourceInput,
  type SourceRow,
  type SyncSettings,
} from '../../core/sync';
import { appHost } from '../../core/app';
import { messages } from '../../i18n/messages';

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

function SourceForm(props: { initial?: SourceRow; onDone: () => void }) {
  const [input, setInput] = useState<SourceInput>(() =>
    props.initial
      ? {
          kind: props.initial.kind,
          location: props.initial.location,
          name: props.initial.name,
          column: props.initial.column,
          schedule: props.initial.schedule,
          enabled: props.initial.enabled,
          allowedHosts: props.initial.allowedHosts ?? [],
          firstSync: props.initial.firstSync ?? 'newest',
        }
      : blankInput,
  );
  const [preview, setPreview] = useState<SourcePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const patch = (p: Partial<SourceInput>) => setInput((i) => ({ ...i, ...p }));
  const [hostsText, setHostsText] = useState(() => (props.initial?.allowedHosts ?? []).join('\n'));

  const tryFetch = async () => {
    setBusy(true);
    setError(null);
    setPreview(null);
    try {
      const result = await previewSource(input.location.trim());
      setPreview(result);
      patch({ kind: result.kind, name: input.name || result.title || '' });
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

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const allowedHosts = hostsText
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    try {
      const problem = await saveSource(props.initial?.id ?? null, { ...input, column: input.column?.trim() || null, allowedHosts });
      if (problem) return setError(problem);
      props.onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <form className="source-form" onSubmit={save} aria-label={props.initial ? t.edit : t.add}>
      <label className="field wide">
        <span>{t.locationLabel}</span>
        <span className="inline">
          <input
            value={input.location}
            placeholder={t.locationPlaceholder}
            onChange={(e) => patch({ location: e.target.value })}
            required
            autoFocus
          />
          <button type="button" onClick={() => void chooseFolder()}>
            {t.chooseFolder}
          </button>
          <button type="button" disabled={busy || !input.location.trim()} onClick={() => void tryFetch()}>
            {busy ? t.previewing : t.preview}
          </button>
        </span>
      </label>
      {hint ? <p className="hint">{hint}</p> : null}
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
        </div>
      ) : null}
      <label className="field">
        <span>{t.kind}</span>
        <select value={input.kind} onChange={(e) => patch({ kind: e.target.value as SourceInput['kind'] })}>
          {(Object.keys(t.kinds) as SourceInput['kind'][]).map((k) => (
            <option key={k} value={k}>
              {t.kinds[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t.name}</span>
        <input value={input.name} onChange={(e) => patch({ name: e.target.value })} required />
      </label>
      <label className="field">
        <span>{t.column}</span>
        <input value={input.column ?? ''} onChange={(e) => patch({ column: e.target.value })} />
      </label>
      {input.kind === 'cms' && !props.initial?.lastSyncAt ? (
        <label className="field">
          <span>{t.firstSync}</span>
          <select value={input.firstSync} onChange={(e) => patch({ firstSync: e.target.value as SourceInput['firstSync'] })}>
            {(Object.keys(t.firstSyncs) as SourceInput['firstSync'][]).map((k) => (
              <option key={k} value={k}>
                {t.firstSyncs[k]}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {input.kind !== 'folder' ? (
        <label className="field wide">
          <span>{t.allowedHosts}</span>
          <textarea rows={2} value={hostsText} placeholder="http://img.example.cn" onChange={(e) => setHostsText(e.target.value)} />
          <span className="hint">{t.allowedHostsHint}</span>
        </label>
      ) : null}
      <label className="field">
        <span>{t.schedule}</span>
        <select
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
        </select>
      </label>
      {input.schedule.mode === 'interval' ? (
        <label className="field">
          <span>{t.everyHours}</span>
          <input
            type="number"
            min={1}
            max={720}
            value={input.schedule.hours ?? 24}
            onChange={(e) => patch({ schedule: { mode: 'interval', hours: Number(e.target.value) } })}
          />
        </label>
      ) : null}
      <label className="field check">
        <input type="checkbox" checked={input.enabled} onChange={(e) => patch({ enabled: e.target.checked })} />
        <span>{t.enabled}</span>
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary">
          {t.save}
        </button>
        <button type="button" onClick={props.onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
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
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadSyncSettings().then(setValue);
  }, []);
  const update = (patch: Partial<SyncSettings>) => {
    const next = { ...value, ...patch };
    setValue(next);
    // Out of range: say so and what is still in force; nothing is saved or silently clamped.
    void saveSyncSettings(next).then((problem) => setError(problem ? t.settingsNotSaved(problem) : null));
  };
  return (
    <details className="sync-settings">
      <summary>{t.settings}</summary>
      <label className="field">
        <span>{t.delay}</span>
        <input
          type="number"
          min={0}
          max={60000}
          step={100}
          value={value.delayMs}
          onChange={(e) => update({ delayMs: Number(e.target.value) })}
        />
      </label>
      <label className="field">
        <span>{t.maxPages}</span>
        <input type="number" min={1} max={100} value={value.maxPages} onChange={(e) => update({ maxPages: Number(e.target.value) })} />
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </details>
  );
}

export function SourcesView() {
  // Sources follow the database (a run's counts, an edit, another tab).
  const list = useLiveQuery(listSources, []) ?? [];
  const [editing, setEditing] = useState<SourceRow | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runs = useStore(syncRuns, (s) => s.runs);

  const start = (id: string, fullRescan: boolean) => {
    setError(null);
    runSync(id, { fullRescan }).catch((e: unknown) => setError(errorText(e)));
  };

  const remove = async (source: SourceRow) => {
    if (!window.confirm(t.confirmRemove(source.name))) return;
    await removeSource(source.id);
  };

  return (
    <section className="sources-page" aria-label={t.title}>
      <div className="sources-head">
        <h2>{t.title}</h2>
        {editing === null ? (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t.add}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {editing === 'new' ? <SourceForm onDone={() => setEditing(null)} /> : null}
      {list.length === 0 && editing === null ? <p className="muted empty">{t.empty}</p> : null}
      <ul className="source-list">
        {list.map((s) => {
          const run = runs[s.id];
          const running = isRunning(s.id);
          return (
            <li key={s.id} className="source-card" data-testid="source-card">
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
                    <div className="error" data-testid="source-error">
                      {s.lastError}
                    </div>
                  ) : null}
                  {run ? <Progress run={run} /> : null}
                  <div className="actions">
                    {running ? (
                      <button type="button" onClick={() => void cancelSync(s.id)}>
                        {t.stop}
                      </button>
                    ) : (
                      <>
                        <button type="button" className="primary" onClick={() => start(s.id, false)}>
                          {t.syncNow}
                        </button>
                        <button type="button" onClick={() => start(s.id, true)}>
                          {t.fullRescan}
                        </button>
                        <button type="button" onClick={() => setEditing(s)}>
                          {t.edit}
                        </button>
                        <button type="button" onClick={() => void remove(s)}>
                          {t.remove}
                        </button>
                      </>
                    )}
                  </div>
                  <SyncLog sourceId={s.id} />
                </>
              )}
            </li>
          );
        })}
      </ul>
      <SyncSettingsForm />
    </section>
  );
}
