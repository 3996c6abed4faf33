/** 数据与备份: storage used, the backups folder, 立即备份, 恢复…, 撤销恢复, and how many to keep. */
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { backups, type BackupEntry, type Restorable } from '../../core/backup';
import { messages } from '../../i18n/messages';

const m = messages.backup;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false });
}

export function BackupSettings() {
  const restoreInput = useRef<HTMLInputElement>(null);
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [entries, setEntries] = useState<BackupEntry[]>([]);
  const [folder, setFolder] = useState('');
  const [keep, setKeep] = useState(10);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [pending, setPending] = useState<Restorable | null>(null);

  const refresh = useCallback(async () => {
    try {
      const list = await backups.list();
      setEntries(list.entries);
      setFolder(list.folder);
      setKeep(await backups.keep());
      if (navigator.storage?.estimate) {
        const e = await navigator.storage.estimate();
        setEstimate({ usage: e.usage ?? 0, quota: e.quota ?? 0 });
      }
      if (navigator.storage?.persisted) setPersisted(await navigator.storage.persisted());
    } catch (error) {
      setStatus({ error: true, text: errorText(error) });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const run = async (label: string, work: () => Promise<string | null>) => {
    setBusy(label);
    setStatus(null);
    try {
      const text = await work();
      if (text) setStatus({ error: false, text });
    } catch (error) {
      setStatus({ error: true, text: errorText(error) });
    } finally {
      setBusy(null);
      void refresh();
    }
  };

  const backupNow = () => run(m.working, async () => m.done((await backups.now()).name));

  const check = (file: Blob) =>
    run(m.checking, async () => {
      setPending(await backups.inspectFile(file));
      return null;
    });

  const checkEntry = (name: string) =>
    run(m.checking, async () => {
      setPending(await backups.inspectEntry(name));
      return null;
    });

  const confirm = (checked: Restorable) =>
    run(m.restoring, async () => {
      setPending(null);
      await backups.restore(checked);
      // Every view and store reloads from the restored library.
      setTimeout(() => window.location.reload(), 300);
      return m.restored;
    });

  const save = (name: string) =>
    run(m.working, async () => {
      const blob = await backups.download(name);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return null;
    });

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) void check(file);
  };

  const undo = entries.find((e) => e.reason === 'restore');

  return (
    <div className="backup-settings" data-testid="backup-settings" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <p>{m.description}</p>
      <p data-testid="storage-estimate">{estimate ? m.storage(estimate.usage, estimate.quota) : m.storageUnknown}</p>
      {persisted !== null ? <p>{m.persisted(persisted)}</p> : null}
      <div className="backup-actions">
        <button type="button" disabled={busy !== null} onClick={() => void backupNow()}>
          {m.now}
        </button>
        {/* A real button (keyboard, focus ring) opening the hidden file input. */}
        <button type="button" disabled={busy !== null} onClick={() => restoreInput.current?.click()}>
          {m.restore}
        </button>
        <input
          ref={restoreInput}
          type="file"
          accept=".yandubak,application/octet-stream"
          aria-label={m.restore}
          disabled={busy !== null}
          hidden
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void check(file);
          }}
        />
        {undo ? (
          <button type="button" disabled={busy !== null} onClick={() => void checkEntry(undo.name)}>
            {m.undo}
          </button>
        ) : null}
        <label>
          {m.keep}{' '}
          <input
            type="number"
            min={1}
            max={100}
            value={keep}
            onChange={(e) => {
              const n = Math.min(100, Math.max(1, Math.round(Number(e.currentTarget.value) || 1)));
              setKeep(n);
              // Through the setting's schema; a refusal is shown, never swallowed.
              backups.setKeep(n).catch((error: unknown) => setStatus({ error: true, text: errorText(error) }));
            }}
          />
        </label>
        <span className="hint">{m.dropHint}</span>
      </div>
      {busy ? <p role="status">{busy}</p> : null}
      {status ? (
        <p role={status.error ? 'alert' : 'status'} className={status.error ? 'error' : undefined} data-testid="backup-status">
          {status.text}
        </p>
      ) : null}
      {pending ? (
        <div className="backup-confirm" data-testid="backup-confirm">
          <p>
            {m.confirm(
              pending.manifest.counts.articles ?? 0,
              pending.manifest.counts.notes ?? 0,
              pending.manifest.counts.highlights ?? 0,
              when(pending.manifest.createdAt),
            )}
          </p>
          <button type="button" onClick={() => void confirm(pending)}>
            {m.confirmButton}
          </button>
          <button type="button" onClick={() => setPending(null)}>
            {m.cancel}
          </button>
        </div>
      ) : null}
      {folder ? <p className="hint">{m.folder(folder)}</p> : null}
      {entries.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <ul className="backup-list" data-testid="backup-list">
          {entries.map((e) => (
            <li key={e.name} data-reason={e.reason}>
              <span>
                {when(e.createdAt)}（{m.reasons[e.reason] ?? e.reason}，{e.counts.articles ?? 0} 篇，{(e.bytes / 1048576).toFixed(1)} MB）
              </span>{' '}
              <button type="button" disabled={busy !== null} onClick={() => void save(e.name)}>
                {m.download}
              </button>{' '}
              <button type="button" disabled={busy !== null} onClick={() => void checkEntry(e.name)}>
                {m.restoreFrom}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
