/** 数据与备份: storage used, the backups folder, 立即备份, 恢复…, 撤销恢复, and how many to keep. */
import { useCallback, useEffect, useState, type DragEvent } from 'react';
import { backups, type BackupEntry, type Restorable } from '../../core/backup';
import { messages } from '../../i18n/messages';
import { Button, Dialog, FileButton, Form, FormRow, List, notify, NumberInput, readInteger, Toolbar } from '../../ui';

const m = messages.backup;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false });
}

export function BackupSettings() {
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [entries, setEntries] = useState<BackupEntry[]>([]);
  const [folder, setFolder] = useState('');
  const [keep, setKeep] = useState(10);
  const [keepText, setKeepText] = useState('10');
  const [keepError, setKeepError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [pending, setPending] = useState<Restorable | null>(null);

  const refresh = useCallback(async () => {
    try {
      const list = await backups.list();
      setEntries(list.entries);
      setFolder(list.folder);
      const kept = await backups.keep();
      setKeep(kept);
      setKeepText(String(kept));
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
      const result = await backups.restore(checked);
      // Every view and store reloads from the restored library (later when there is a warning to read).
      setTimeout(() => window.location.reload(), result.originals.missing ? 4000 : 300);
      return result.originals.missing ? `${m.restored}\n${m.originalsMissing(result.originals.missing)}` : m.restored;
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

  const saveKeep = () => {
    const read = readInteger(keepText, 1, 100);
    if ('error' in read) {
      setKeepError(read.error);
      return;
    }
    setKeepError(null);
    if (read.value === keep) return;
    // Through the setting's schema; a refusal is shown, never swallowed.
    backups.setKeep(read.value).then(
      () => {
        setKeep(read.value);
        setKeepText(String(read.value));
        notify(messages.ui.saved, { kind: 'success' });
      },
      (error: unknown) => setKeepError(errorText(error)),
    );
  };

  return (
    <div className="backup-settings" data-testid="backup-settings" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <p data-testid="storage-estimate">{estimate ? m.storage(estimate.usage, estimate.quota) : m.storageUnknown}</p>
      {persisted !== null ? <p className="ui-muted">{m.persisted(persisted)}</p> : null}
      <Toolbar>
        <Button kind="primary" disabled={busy !== null} onClick={() => void backupNow()}>
          {m.now}
        </Button>
        <FileButton
          label={m.restore}
          accept=".yandubak,application/octet-stream"
          disabled={busy !== null}
          onFiles={(files) => {
            if (files[0]) void check(files[0]);
          }}
        />
        {undo ? (
          <Button disabled={busy !== null} onClick={() => void checkEntry(undo.name)}>
            {m.undo}
          </Button>
        ) : null}
        <span className="ui-muted">{m.dropHint}</span>
      </Toolbar>
      {busy ? <p role="status">{busy}</p> : null}
      {status ? (
        <p role={status.error ? 'alert' : 'status'} className={status.error ? 'ui-error' : undefined} data-testid="backup-status">
          {status.text}
        </p>
      ) : null}
      <Form onSubmit={saveKeep}>
        <FormRow label={m.keepShort} hint={m.keep} error={keepError}>
          <NumberInput value={keepText} onChange={(e) => setKeepText(e.currentTarget.value)} onBlur={saveKeep} />
        </FormRow>
      </Form>
      <Dialog
        open={pending !== null}
        title={m.confirmTitle}
        onClose={() => setPending(null)}
        testId="backup-confirm"
        actions={
          <>
            <Button onClick={() => setPending(null)}>{m.cancel}</Button>
            <Button kind="danger" onClick={() => pending && void confirm(pending)}>
              {m.confirmButton}
            </Button>
          </>
        }
      >
        {pending ? (
          <p>
            {m.confirm(
              pending.manifest.counts.articles ?? 0,
              pending.manifest.counts.notes ?? 0,
              pending.manifest.counts.highlights ?? 0,
              when(pending.manifest.createdAt),
            )}
          </p>
        ) : null}
      </Dialog>
      {folder ? <p className="ui-muted">{m.folder(folder)}</p> : null}
      {entries.length === 0 ? (
        <p className="ui-muted">{m.empty}</p>
      ) : (
        <List testId="backup-list" label={m.listLabel}>
          {entries.map((e) => (
            <li key={e.name} data-reason={e.reason}>
              <span className="ui-grow">
                {when(e.createdAt)}（{m.reasons[e.reason] ?? e.reason}，{e.counts.articles ?? 0} 篇，{(e.bytes / 1048576).toFixed(1)} MB）
              </span>
              <Button small disabled={busy !== null} onClick={() => void save(e.name)}>
                {m.download}
              </Button>
              <Button small disabled={busy !== null} onClick={() => void checkEntry(e.name)}>
                {m.restoreFrom}
              </Button>
            </li>
          ))}
        </List>
      )}
    </div>
  );
}
