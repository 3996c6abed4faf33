/**
 * 通道 on the 资料包 page: channels on the organisation's WebDAV server (add, password, remove),
 * the packets each one holds with their signer (导入 goes through the page's own import cards:
 * the same check, preview and backup as a file), and the outbox of 发布到通道 / 提交回执.
 */
import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { shortFingerprint } from '../../../shared/packet/signature';
import {
  channelChecks,
  channelErrorText,
  channels,
  type CaCertInfo,
  type ChannelView,
  type ChannelFile,
  type OutboxItem,
} from '../../core/channels';
import { packets, type Checked } from '../../core/packets';
import { messages } from '../../i18n/messages';
import { useLiveResult } from '../../ui/useLiveResult';
import { Button, Card, confirm as ask, EmptyState, FileButton, Form, FormActions, FormRow, Input, List, notify, Section } from '../../ui';

const t = messages.channels;
const TICK_MS = 5_000;
/** The same cap main applies (shared/channel/api.ts). */
const MAX_CA_BYTES = 64 * 1024;
const NOTHING_KNOWN: ReadonlyMap<string, number> = new Map();

/** The address as the user typed it (percent-escapes of Chinese folder names decoded for display). */
function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

type Pins = Awaited<ReturnType<typeof packets.pins>>;

function SignerLine({ signer, pins, verified }: { signer: string | null; pins: Pins | null; verified: boolean }) {
  // From the channel's index only: the signer is a claim until the file is fetched and checked.
  const unverified = verified ? null : (
    <span className="pk-warn" data-testid="ch-unverified" title={t.unverifiedHint}>
      {' '}
      （{t.unverified}）
    </span>
  );
  if (!signer)
    return (
      <span className="pk-warn" data-testid="ch-signer">
        {t.unsigned}
        {unverified}
      </span>
    );
  const pinned = pins?.issuers.find((p) => p.fingerprint === signer);
  return (
    <span data-testid="ch-signer">
      {t.signer(shortFingerprint(signer))}
      {unverified} · {pinned ? t.pinnedAs(pinned.name) : <span className="ui-muted">{t.firstKey}</span>}
    </span>
  );
}

function PacketLine({
  file,
  installed,
  pins,
  onImport,
}: {
  file: ChannelFile;
  installed: ReadonlyMap<string, number>;
  pins: Pins | null;
  onImport: () => void;
}) {
  if (!('sha256' in file))
    return (
      <li data-testid="ch-packet">
        <span className="ui-grow">
          {file.name} <span className="ui-error">{file.error}</span>
        </span>
      </li>
    );
  const have = installed.get(file.id);
  const fresh = have === undefined || have < file.version;
  return (
    <li data-testid="ch-packet">
      <span className="ui-grow">
        《{file.title}》 {messages.packets.version(file.version)} · {messages.packets.issuer}：
        <span data-testid="ch-issuer">{file.issuer || t.issuerUnstated}</span> · {t.size((file.size / 1024).toFixed(0))}{' '}
        {fresh ? <em className="pk-new">{messages.packets.sharedNew}</em> : <span className="ui-muted">{t.have}</span>}
        {file.notice ? (
          <span className="ui-muted" data-testid="ch-notice">
            {' '}
            · {t.noticeExists}
          </span>
        ) : null}
        <br />
        <SignerLine signer={file.signer} pins={pins} verified={file.verified} />
        {file.indexDiffered ? (
          <span className="pk-warn" data-testid="ch-index-differs">
            {' '}
            · {t.indexDiffers}
          </span>
        ) : null}
      </span>
      {fresh ? (
        <Button small onClick={onImport}>
          {t.import}
        </Button>
      ) : null}
    </li>
  );
}

function stateText(item: OutboxItem, sending: boolean, now: number): string {
  if (sending) return t.states.sending;
  if (item.state === 'pending' && item.nextAt) {
    const wait = Math.max(0, Math.ceil((Date.parse(item.nextAt) - now) / 1000));
    return `${t.states.pending}（${t.retryIn(wait)}）`;
  }
  return t.states[item.state];
}

function Outbox({ items, onChange }: { items: OutboxItem[]; onChange: () => void }) {
  const [sending, setSending] = useState<Set<string>>(new Set());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!items.some((i) => i.state === 'pending')) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [items]);
  const retry = async (item: OutboxItem) => {
    setSending((s) => new Set(s).add(item.id));
    try {
      await channels.retry(item.id);
    } catch (error) {
      notify(channelErrorText(error), { kind: 'error' });
    } finally {
      setSending((s) => {
        const next = new Set(s);
        next.delete(item.id);
        return next;
      });
      onChange();
    }
  };
  const discard = async (item: OutboxItem) => {
    const ok = await ask({ title: t.discardTitle, message: t.discardConfirm(item.label), confirmLabel: t.discard, danger: true });
    if (!ok) return;
    await channels.discard(item.id).catch((e: unknown) => notify(channelErrorText(e), { kind: 'error' }));
    onChange();
  };
  if (items.length === 0) return <p className="ui-muted">{t.outboxEmpty}</p>;
  return (
    <List label={t.outbox} testId="ch-outbox">
      {[...items].reverse().map((item) => (
        <li key={item.id} data-testid="ch-outbox-item" data-state={item.state}>
          <span className="ui-grow">
            {item.label} · <strong data-testid="ch-outbox-state">{stateText(item, sending.has(item.id), now)}</strong>
            {item.error && item.state !== 'done' ? (
              <span className={item.state === 'failed' ? 'ui-error' : 'ui-muted'}> {item.error.message}</span>
            ) : null}
          </span>
          {item.state !== 'done' ? (
            <>
              <Button small disabled={sending.has(item.id)} onClick={() => void retry(item)}>
                {t.retry}
              </Button>
              <Button small kind="danger" onClick={() => void discard(item)}>
                {t.discard}
              </Button>
            </>
          ) : null}
        </li>
      ))}
    </List>
  );
}

function ChannelCard({
  channel,
  installed,
  pins,
  onImport,
  onRemoved,
}: {
  channel: ChannelView;
  installed: ReadonlyMap<string, number>;
  pins: Pins | null;
  onImport: (channelId: string, name: string) => void;
  onRemoved: () => void;
}) {
  const listing = useStore(channelChecks, (s) => s.byChannel[channel.id]);
  const [editing, setEditing] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    const ok = await ask({ title: t.removeTitle, message: t.removeConfirm(channel.name), confirmLabel: t.remove, danger: true });
    if (!ok) return;
    await channels.remove(channel.id).catch((e: unknown) => notify(channelErrorText(e), { kind: 'error' }));
    onRemoved();
  };
  // 通道设置: the unit's root certificate added, changed or dropped; then the channel is looked at again.
  const changeCa = async (file: File | null | undefined) => {
    if (file === undefined) return;
    try {
      if (file && file.size > MAX_CA_BYTES) throw new Error(t.caTooLarge);
      const updated = await channels.setCaCert(channel.id, file ? await file.text() : null);
      notify(updated.ca ? t.caTrusted(updated.ca.subject) : t.caRemoved, { kind: 'success' });
      onRemoved();
      await channels.check();
    } catch (e) {
      notify(channelErrorText(e), { kind: 'error' });
    }
  };
  const savePassword = async () => {
    if (!password) {
      setError(t.passwordRequired);
      return;
    }
    try {
      await channels.setPassword(channel.id, password);
      setPassword('');
      setEditing(false);
      setError(null);
      notify(t.passwordSaved, { kind: 'success' });
      onRemoved();
    } catch (e) {
      setError(channelErrorText(e));
    }
  };
  return (
    <Card
      className="pk-folder"
      testId="ch-channel"
      title={channel.name}
      actions={
        <>
          <Button small onClick={() => setEditing(!editing)}>
            {t.changePassword}
          </Button>
          <Button small kind="danger" onClick={() => void remove()}>
            {t.remove}
          </Button>
        </>
      }
    >
      <div className="ui-muted">
        <code>{readableUrl(channel.url)}</code>
        {channel.user ? ` · ${t.user}：${channel.user}` : ''} ·{' '}
        <span data-testid="ch-protection">{channel.hasPassword ? t.protectedBy[channel.protectedBy] : t.noPassword}</span>
        {channel.ca ? (
          <>
            <br />
            <span data-testid="ch-ca" title={t.caFingerprint(channel.ca.fingerprint256)}>
              {t.caTrusted(channel.ca.subject)}
            </span>
          </>
        ) : null}
      </div>
      <div>
        <FileButton
          label={channel.ca ? t.caChange : t.caAdd}
          accept=".pem,.crt,.cer"
          testId="ch-card-ca-input"
          onFiles={(files) => void changeCa(files[0])}
        />
        {channel.ca ? (
          <Button small onClick={() => void changeCa(null)}>
            {t.caRemove}
          </Button>
        ) : null}
      </div>
      {editing ? (
        <Form onSubmit={() => void savePassword()} label={t.changePassword}>
          <FormRow label={t.newPassword} error={error}>
            <Input
              type="password"
              width="medium"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </FormRow>
          <FormActions>
            <Button type="submit">{t.savePassword}</Button>
          </FormActions>
        </Form>
      ) : null}
      {!listing ? null : listing.state === 'checking' ? (
        <div className="ui-muted">{t.checking}</div>
      ) : listing.state === 'failed' ? (
        <div className="ui-error" role="alert" data-testid="ch-error">
          {listing.error}
        </div>
      ) : listing.files.length === 0 ? (
        <div className="ui-muted">{t.empty}</div>
      ) : (
        <List testId="ch-packets">
          {listing.files.map((f) => (
            <PacketLine key={f.name} file={f} installed={installed} pins={pins} onImport={() => onImport(channel.id, f.name)} />
          ))}
        </List>
      )}
    </Card>
  );
}

export function ChannelsSection({
  onImport,
}: {
  /** Adds an import card for a channel's packet (the page's own check, preview and confirm). */
  onImport: (name: string, load: () => Promise<Checked>) => void;
}) {
  const [list, setList] = useState<ChannelView[]>([]);
  const [outbox, setOutbox] = useState<OutboxItem[]>([]);
  const [draft, setDraft] = useState({ name: '', url: '', user: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ca, setCa] = useState<{ pem: string; info: CaCertInfo } | null>(null);
  const [caError, setCaError] = useState<string | null>(null);
  const pinsLive = useLiveResult(() => packets.pins(), []);
  // Live: installed here or issued here (a leader's own packet is not new to the leader).
  const knownLive = useLiveResult(() => channels.known(), []);
  const installed = knownLive.state === 'ready' ? knownLive.value : NOTHING_KNOWN;
  const pins = pinsLive.state === 'ready' ? pinsLive.value : null;

  const reload = useCallback(async () => {
    const got = await channels.list();
    setList(got.channels);
    setOutbox(got.outbox);
  }, []);

  // On opening: what is due in the outbox is sent, then every channel is looked at.
  useEffect(() => {
    void (async () => {
      await reload().catch(() => undefined);
      const sent = await channels.run().catch(() => null);
      if (sent) setOutbox(sent);
      await channels.check().catch(() => 0);
    })();
  }, [reload]);

  // While the page is open, items whose retry time has come are sent.
  useEffect(() => {
    const due = outbox.filter((i) => i.state === 'pending' && i.nextAt).map((i) => Date.parse(i.nextAt!));
    if (!due.length) return;
    const wait = Math.max(1000, Math.min(...due) - Date.now());
    const timer = setTimeout(() => void channels.run().then(setOutbox, () => undefined), wait);
    return () => clearTimeout(timer);
  }, [outbox]);

  const chooseCa = async (file: File | undefined) => {
    if (!file) return;
    setCaError(null);
    if (file.size > MAX_CA_BYTES) {
      setCa(null);
      setCaError(t.caTooLarge);
      return;
    }
    try {
      const pem = await file.text();
      setCa({ pem, info: await channels.inspectCaCert(pem) });
    } catch (e) {
      setCa(null);
      setCaError(channelErrorText(e));
    }
  };

  const add = async () => {
    if (!draft.url.trim()) {
      setError(t.urlRequired);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const added = await channels.add({
        name: draft.name.trim(),
        url: draft.url.trim(),
        user: draft.user.trim() || null,
        password: draft.password || null,
        caCert: ca?.pem ?? null,
      });
      setDraft({ name: '', url: '', user: '', password: '' });
      setCa(null);
      notify(t.added(added.name), { kind: 'success' });
      await reload();
      await channels.check();
    } catch (e) {
      setError(channelErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  const field = (key: keyof typeof draft) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })),
  });

  return (
    <Section title={t.title} description={t.hint} testId="ch-section">
      <Form onSubmit={() => void add()} label={t.add}>
        <FormRow label={t.name}>
          <Input width="medium" {...field('name')} placeholder="集团党委学习通道" />
        </FormRow>
        <FormRow label={t.url} error={error}>
          <Input width="long" {...field('url')} placeholder="https://dav.example.cn/研读/" />
        </FormRow>
        <FormRow label={t.user}>
          <Input width="medium" autoComplete="username" {...field('user')} />
        </FormRow>
        <FormRow label={t.password}>
          <Input width="medium" type="password" autoComplete="new-password" {...field('password')} />
        </FormRow>
        <FormRow label={t.caCert} hint={t.caHint} error={caError} htmlFor="ch-ca-button">
          <div>
            <FileButton
              id="ch-ca-button"
              label={t.caChoose}
              accept=".pem,.crt,.cer"
              testId="ch-ca-input"
              onFiles={(files) => void chooseCa(files[0])}
            />
            {ca ? (
              <div className="ui-muted" data-testid="ch-ca-chosen">
                {t.caSubject(ca.info.subject)}
                <br />
                <code>{t.caFingerprint(ca.info.fingerprint256)}</code>{' '}
                <Button small onClick={() => setCa(null)}>
                  {t.caClear}
                </Button>
              </div>
            ) : null}
          </div>
        </FormRow>
        <FormActions>
          <Button type="submit" kind="primary" disabled={busy}>
            {t.add}
          </Button>
          <Button onClick={() => void channels.check().then(reload)} disabled={list.length === 0}>
            {t.check}
          </Button>
        </FormActions>
      </Form>
      {list.length === 0 ? <EmptyState title={t.none} /> : null}
      {list.map((c) => (
        <ChannelCard
          key={c.id}
          channel={c}
          installed={installed}
          pins={pins}
          onImport={(id, name) => onImport(name, () => channels.fetchChecked(id, name))}
          onRemoved={() => void reload()}
        />
      ))}
      <h4 className="study-subhead">{t.outbox}</h4>
      <Outbox items={outbox} onChange={() => void reload()} />
    </Section>
  );
}
