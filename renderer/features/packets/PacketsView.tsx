/** 资料包: import packets and return files (file picker, drag and drop, shared folders). */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FolderEntry } from '../../../shared/packet/api';
import { blockOf, packets, type Checked } from '../../core/packets';
import type { SignerOverride } from '../../core/signers';
import { returnStats } from '../../core/study';
import { messages } from '../../i18n/messages';
import { useLiveResult } from '../../ui/useLiveResult';
import {
  Button,
  Card,
  confirm as ask,
  EmptyState,
  FileButton,
  Form,
  FormActions,
  FormRow,
  Input,
  List,
  notify,
  Page,
  PageHeader,
  Section,
  Toolbar,
} from '../../ui';
import { ChannelsSection } from './ChannelsSection';
import { errorText, fileToBase64 } from './files';
import { PacketDiffView } from './PacketDiffView';
import { SignerBox } from './SignerBox';
import { SigningKeyPanel } from './SigningKeyPanel';
import './packets.css';

const t = messages.packets;
const SCAN_EVERY_MS = 30_000;
const NO_FOLDERS: string[] = [];
const NONE_INSTALLED = new Map<string, number>();

interface Item {
  key: string;
  name: string;
  state: 'checking' | 'ready' | 'done' | 'failed';
  checked?: Checked;
  /** What the user confirmed for a refused signer (a key change, an unsigned file). */
  override?: SignerOverride;
  result?: string[];
  error?: { code: string; message: string };
}

function CheckedSummary({
  checked,
  override,
  onOverride,
}: {
  checked: Checked;
  override: SignerOverride;
  onOverride: (next: SignerOverride) => void;
}) {
  const signer = <SignerBox signer={checked.signer} override={override} onOverride={onOverride} />;
  if (checked.kind === 'return') {
    const { body } = checked.file;
    const stats = returnStats(body);
    return (
      <div className="pk-summary">
        <strong>{t.kindReturn}</strong>：{t.returnOf(body.member.name, body.sessionTopic)}
        {checked.preview.status === 'same' ? null : signer}
        <div>{t.returnStats(stats.zi, stats.reflections)}</div>
        {!checked.preview.sessionKnown ? <div className="pk-warn">{t.unknownSession}</div> : null}
        {checked.preview.message ? <div className="pk-warn">{checked.preview.message}</div> : null}
      </div>
    );
  }
  const { file, preview } = checked;
  return (
    <div className="pk-summary">
      <strong>{t.kindPacket}</strong>：《{file.meta.title}》 {t.version(file.meta.version)}
      <div>
        {t.issuer}：{file.meta.issuer || messages.study.unknown}
      </div>
      {preview.status === 'same' ? null : signer}
      {preview.message ? (
        <div className="pk-warn" role="alert">
          {preview.message}
        </div>
      ) : (
        <>
          {preview.status === 'update' && preview.installedVersion ? (
            <div>{t.reissue(preview.installedVersion, file.meta.version)}</div>
          ) : (
            <div>{t.preview}</div>
          )}
          <ul className="pk-preview" data-testid="pk-preview">
            <li>{t.added(preview.added.length)}</li>
            <li>{t.updated(preview.updated.length)}</li>
            <li>{t.unchanged(preview.unchanged)}</li>
            <li>{t.excerpts(file.highlights.length)}</li>
            {preview.attachments.carried.length ? <li>{messages.documents.packetCarries(preview.attachments.carried.length)}</li> : null}
            {preview.originals.carried ? (
              <li data-testid="pk-originals">{messages.documents.packetOriginals(preview.originals.carried)}</li>
            ) : null}
            {preview.status === 'update' ? (
              preview.changes.map((c) => <li key={c}>{c}</li>)
            ) : (
              <>
                {preview.attachments.missing.map((name) => (
                  <li key={`missing:${name}`} className="pk-warn" data-testid="pk-attachment-missing">
                    {messages.documents.packetMissing(name)}
                  </li>
                ))}
                {preview.originals.missing.map((name) => (
                  <li key={`original:${name}`} className="pk-warn" data-testid="pk-original-missing">
                    {messages.documents.originalMissing(name)}
                  </li>
                ))}
              </>
            )}
          </ul>
          {preview.diff ? <PacketDiffView diff={preview.diff} /> : null}
          <div className="pk-note">{t.personalSafe}</div>
        </>
      )}
    </div>
  );
}

/** 确认导入, off with the reason when the file may not be imported (a downgrade, a refused signer). */
function ConfirmActions({
  item,
  checked,
  onConfirm,
  onCancel,
}: {
  item: Item;
  checked: Checked;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const blocked = blockOf(checked, item.override);
  // Item keys hold file names (spaces): not usable as an id.
  const reasonId = useId();
  return (
    <Toolbar>
      <Button kind="primary" onClick={onConfirm} disabled={blocked !== null} aria-describedby={blocked ? reasonId : undefined}>
        {t.confirm}
      </Button>
      <Button onClick={onCancel}>{t.cancel}</Button>
      {blocked ? (
        <div className="pk-warn" id={reasonId} data-testid="pk-blocked">
          {messages.signing.blocked}
          {blocked}
        </div>
      ) : null}
    </Toolbar>
  );
}

export function PacketsView() {
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const dropRef = useRef<HTMLDivElement>(null);
  const [folderDraft, setFolderDraft] = useState('');
  const [listing, setListing] = useState<Record<string, FolderEntry[] | { error: string }>>({});
  // Live: what is installed and which folders are watched follow every write (this page, another tab, a restore).
  const installedLive = useLiveResult(() => packets.installedVersions(), []);
  const installed = installedLive.state === 'ready' ? installedLive.value : NONE_INSTALLED;
  const foldersLive = useLiveResult(() => packets.sharedFolders(), []);
  const folders = foldersLive.state === 'ready' ? foldersLive.value : NO_FOLDERS;

  const update = (key: string, patch: Partial<Item>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const addFiles = useCallback(async (files: File[]) => {
    for (const file of files) {
      const key = `${file.name}-${Date.now()}-${Math.random()}`;
      setItems((list) => [...list, { key, name: file.name, state: 'checking' }]);
      try {
        const checked = await packets.checkBase64(await fileToBase64(file));
        update(key, { state: 'ready', checked });
      } catch (error) {
        update(key, { state: 'failed', error: errorText(error) });
      }
    }
  }, []);

  const confirm = async (item: Item) => {
    if (!item.checked) return;
    try {
      const preview = await packets.commit(item.checked, item.override);
      const lines = 'changes' in preview ? preview.changes : [];
      update(item.key, { state: 'done', result: lines.length ? lines : [preview.status === 'same' ? t.nothing : t.done] });
    } catch (error) {
      update(item.key, { state: 'failed', error: errorText(error) });
    }
  };

  const scan = useCallback(async (list: readonly string[]) => {
    const next: Record<string, FolderEntry[] | { error: string }> = {};
    for (const folder of list) {
      try {
        next[folder] = await packets.scanFolder(folder);
      } catch (error) {
        next[folder] = { error: errorText(error).message };
      }
    }
    setListing(next);
  }, []);

  // Scan the folders when the list is known or changes.
  useEffect(() => {
    if (foldersLive.state === 'ready') void scan(foldersLive.value);
  }, [foldersLive, scan]);

  // Watch the shared folders while this view is open.
  useEffect(() => {
    if (!folders.length) return;
    const timer = setInterval(() => void scan(folders), SCAN_EVERY_MS);
    return () => clearInterval(timer);
  }, [folders, scan]);

  const [folderError, setFolderError] = useState<string | null>(null);
  const saveFolders = (list: string[]) => {
    setFolderError(null);
    packets.saveSharedFolders(list).catch((error: unknown) => setFolderError(errorText(error).message));
  };

  const importShared = async (folder: string, entry: FolderEntry) => {
    const key = `${folder}/${entry.name}-${Date.now()}`;
    setItems((list) => [...list, { key, name: entry.name, state: 'checking' }]);
    try {
      const checked = await packets.checkShared(folder, entry.name);
      update(key, { state: 'ready', checked });
    } catch (error) {
      update(key, { state: 'failed', error: errorText(error) });
    }
  };

  /** A file from elsewhere (a channel) into the same import cards: checked, previewed, confirmed. */
  const importLoaded = async (name: string, load: () => Promise<Checked>) => {
    const key = `${name}-${Date.now()}`;
    setItems((list) => [...list, { key, name, state: 'checking' }]);
    // The card shows at the top of the page, far from the channel's list: bring it into view.
    dropRef.current?.scrollIntoView({ block: 'start' });
    try {
      update(key, { state: 'ready', checked: await load() });
    } catch (error) {
      update(key, { state: 'failed', error: errorText(error) });
    }
  };

  const removeFolder = async (folder: string) => {
    const ok = await ask({
      title: t.removeFolderTitle,
      message: t.removeFolderConfirm(folder),
      confirmLabel: messages.study.remove,
      danger: true,
    });
    if (ok) saveFolders(folders.filter((f) => f !== folder));
  };

  return (
    <Page label={t.title} className="packets-page">
      <PageHeader title={t.title} />
      <Section title={t.importTitle}>
        <div
          ref={dropRef}
          className={`pk-drop${dragging ? ' over' : ''}`}
          data-testid="pk-drop"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void addFiles([...e.dataTransfer.files]);
          }}
        >
          <p>{t.dropHint}</p>
          <FileButton kind="primary" label={t.choose} accept=".yandu" multiple testId="pk-file" onFiles={(files) => void addFiles(files)} />
        </div>
        {items.length ? (
          <div className="pk-items ui-cards">
            {items.map((item) => (
              <Card key={item.key} className={`pk-item ${item.state}`} testId="pk-item" title={item.name}>
                {item.state === 'checking' ? <div className="ui-muted">{t.checking}</div> : null}
                {item.state === 'failed' && item.error ? (
                  <div className="ui-error" role="alert" data-testid="pk-error">
                    {t.failed(item.error.code, item.error.message)}
                  </div>
                ) : null}
                {item.checked && item.state !== 'failed' ? (
                  <CheckedSummary
                    checked={item.checked}
                    override={item.override ?? {}}
                    onOverride={(override) => update(item.key, { override })}
                  />
                ) : null}
                {item.state === 'ready' && item.checked ? (
                  <ConfirmActions
                    item={item}
                    checked={item.checked}
                    onConfirm={() => void confirm(item)}
                    onCancel={() => setItems((list) => list.filter((i) => i.key !== item.key))}
                  />
                ) : null}
                {item.state === 'done' ? (
                  <div className="pk-done ui-saved" role="status" data-testid="pk-done">
                    {t.done}
                    {item.result?.length ? `：${item.result.join('；')}` : ''}
                  </div>
                ) : null}
              </Card>
            ))}
          </div>
        ) : null}
      </Section>

      <Section title={t.shared} description={t.sharedHint}>
        <Form
          onSubmit={() => {
            const path = folderDraft.trim();
            if (!path) {
              setFolderError(t.folderRequired);
              return;
            }
            if (folders.includes(path)) {
              setFolderError(t.folderKnown);
              return;
            }
            setFolderDraft('');
            saveFolders([...folders, path]);
            notify(messages.ui.saved, { kind: 'success' });
          }}
        >
          <FormRow label={t.folderPath} error={folderError}>
            <Input width="long" value={folderDraft} onChange={(e) => setFolderDraft(e.target.value)} placeholder="/mnt/share/学习资料" />
          </FormRow>
          <FormActions>
            <Button
              onClick={() =>
                void packets.chooseFolder().then((path) => {
                  if (path) setFolderDraft(path);
                })
              }
            >
              {messages.sources.chooseFolder}
            </Button>
            <Button type="submit">{t.sharedAdd}</Button>
            <Button onClick={() => void scan(folders)}>{t.sharedScan}</Button>
          </FormActions>
        </Form>
        {folders.length === 0 ? <EmptyState title={t.noFolders} /> : null}
        {folders.map((folder) => {
          const list = listing[folder];
          return (
            <Card
              key={folder}
              className="pk-folder"
              testId="pk-folder"
              title={<code>{folder}</code>}
              actions={
                <Button small kind="danger" onClick={() => void removeFolder(folder)}>
                  {messages.study.remove}
                </Button>
              }
            >
              {!list ? null : 'error' in list ? (
                <div className="ui-error">{list.error}</div>
              ) : list.length === 0 ? (
                <div className="ui-muted">{t.sharedEmpty}</div>
              ) : (
                <List>
                  {list.map((entry) => {
                    const s = entry.summary;
                    const have = s?.kind === 'packet' ? installed.get(s.meta.id) : undefined;
                    const fresh = s && (s.kind === 'return' || have === undefined || have < s.meta.version);
                    return (
                      <li key={entry.name} data-testid="pk-shared-file">
                        <span className="ui-grow">
                          {entry.name}{' '}
                          {s ? (
                            <span>
                              《{s.meta.title}》 {t.version(s.meta.version)}{' '}
                              {fresh ? <em className="pk-new">{t.sharedNew}</em> : <span className="ui-muted">{t.sharedInstalled}</span>}
                            </span>
                          ) : (
                            <span className="ui-error">{entry.error ? t.failed(entry.error.code, entry.error.message) : ''}</span>
                          )}
                        </span>
                        {s && fresh ? (
                          <Button small onClick={() => void importShared(folder, entry)}>
                            {t.sharedImport}
                          </Button>
                        ) : null}
                      </li>
                    );
                  })}
                </List>
              )}
            </Card>
          );
        })}
      </Section>
      <ChannelsSection onImport={(name, load) => void importLoaded(name, load)} />
      <SigningKeyPanel />
    </Page>
  );
}
