/**
 * The session page's channel actions, each rendered there in one line: 发布到通道 (leader),
 * 提交回执 (member) and 从通道取回回执 (leader). Sending goes through main's outbox; fetched
 * return files are imported with the packets service's own check and commit.
 */
import { useEffect, useState } from 'react';
import { channelErrorText, channels, type ChannelReturn, type ChannelView, type OutboxItem } from '../../core/channels';
import { blockOf, packets } from '../../core/packets';
import type { Profile } from '../../core/study';
import { messages } from '../../i18n/messages';
import { Button, FormRow, List, Select, Toolbar } from '../../ui';

const t = messages.channels;

/** The configured channels and the one chosen (the first by default). */
function useChannelChoice(): { list: ChannelView[] | null; chosen: string; choose: (id: string) => void } {
  const [list, setList] = useState<ChannelView[] | null>(null);
  const [chosen, choose] = useState('');
  useEffect(() => {
    let live = true;
    channels.list().then(
      (got) => {
        if (!live) return;
        setList(got.channels);
        choose((c) => c || got.channels[0]?.id || '');
      },
      () => live && setList([]),
    );
    return () => {
      live = false;
    };
  }, []);
  return { list, chosen, choose };
}

function ChannelSelect({ list, chosen, choose }: ReturnType<typeof useChannelChoice>) {
  if (!list || list.length < 2) return null;
  return (
    <FormRow label={t.channel}>
      <Select width="medium" value={chosen} onChange={(e) => choose(e.target.value)}>
        {list.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
    </FormRow>
  );
}

/** What a send came to, in words: 已发送, or queued while the server is away, or why it failed. */
function sentText(item: OutboxItem): string {
  if (item.state === 'done') return t.sent;
  if (item.state === 'pending') return t.queued;
  return `${t.states.failed}：${item.error?.message ?? ''}`;
}

function useSend() {
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (work: () => Promise<OutboxItem>) => {
    setBusy(true);
    setStatus({ text: t.states.sending, error: false });
    try {
      const item = await work();
      setStatus({ text: sentText(item), error: item.state === 'failed' });
    } catch (error) {
      setStatus({ text: channelErrorText(error), error: true });
    } finally {
      setBusy(false);
    }
  };
  return { status, busy, send };
}

function SendStatus({ status, testId }: { status: { text: string; error: boolean } | null; testId: string }) {
  if (!status) return null;
  return (
    <span role={status.error ? 'alert' : 'status'} className={status.error ? 'ui-error' : undefined} data-testid={testId}>
      {status.text}
    </span>
  );
}

/** 发布到通道 / 发布勘误到通道 for a session the leader hands out. */
export function ChannelPublish({ sessionId, issued, ready }: { sessionId: string; issued: boolean; ready: boolean }) {
  const choice = useChannelChoice();
  const { status, busy, send } = useSend();
  if (!choice.list?.length) return null;
  return (
    <div data-testid="ch-publish">
      <ChannelSelect {...choice} />
      <Toolbar>
        <Button disabled={!ready || busy} onClick={() => void send(() => channels.publishSession(choice.chosen, sessionId, false))}>
          {t.publish}
        </Button>
        {issued ? (
          <Button disabled={!ready || busy} onClick={() => void send(() => channels.publishSession(choice.chosen, sessionId, true))}>
            {t.publishReissue}
          </Button>
        ) : null}
        <SendStatus status={status} testId="ch-publish-status" />
      </Toolbar>
    </div>
  );
}

/** 提交回执: the member's return file (the same one 导出回执 writes) into the session's folder. */
export function ChannelSubmitReturn({
  sessionId,
  topic,
  me,
  noteIds,
}: {
  sessionId: string;
  topic: string;
  me: Profile;
  noteIds: readonly string[];
}) {
  const choice = useChannelChoice();
  const { status, busy, send } = useSend();
  if (!choice.list?.length) return null;
  return (
    <div data-testid="ch-submit">
      <ChannelSelect {...choice} />
      <Toolbar>
        <Button disabled={busy} onClick={() => void send(() => channels.submitReturn(choice.chosen, sessionId, me, noteIds, topic))}>
          {t.submitReturn}
        </Button>
        <SendStatus status={status} testId="ch-submit-status" />
      </Toolbar>
    </div>
  );
}

type Row = ChannelReturn & { done?: string; failed?: string };

function rowState(row: Row): string {
  if (row.done) return t.imported;
  if (!row.checked) return t.states.failed;
  return t.returnState[row.checked.preview.status];
}

/** 从通道取回回执: the session's folder listed, each file checked against the library and importable. */
export function ChannelReturns({ sessionId }: { sessionId: string }) {
  const choice = useChannelChoice();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!choice.list?.length) return null;

  const fetchAll = async () => {
    setBusy(true);
    setError(null);
    try {
      setRows(await channels.returns(choice.chosen, sessionId));
    } catch (e) {
      setError(channelErrorText(e));
    } finally {
      setBusy(false);
    }
  };
  const importable = (r: Row) =>
    !r.done && r.checked?.kind === 'return' && (r.checked.preview.status === 'new' || r.checked.preview.status === 'update');
  const importOne = async (row: Row) => {
    if (!row.checked) return;
    let patch: Partial<Row>;
    try {
      await packets.commit(row.checked);
      patch = { done: t.imported, failed: undefined };
    } catch (e) {
      patch = { failed: channelErrorText(e) };
    }
    setRows((list) => list?.map((r) => (r.name === row.name ? { ...r, ...patch } : r)) ?? null);
  };
  const importAll = async () => {
    setBusy(true);
    for (const row of rows ?? []) if (importable(row) && !blockOf(row.checked!)) await importOne(row);
    setBusy(false);
  };
  const waiting = (rows ?? []).filter((r) => importable(r) && !blockOf(r.checked!));

  return (
    <div data-testid="ch-returns">
      <ChannelSelect {...choice} />
      <Toolbar>
        <Button disabled={busy} onClick={() => void fetchAll()}>
          {busy && !rows ? t.fetchingReturns : t.fetchReturns}
        </Button>
        {waiting.length ? (
          <Button kind="primary" disabled={busy} onClick={() => void importAll()}>
            {t.importAll(waiting.length)}
          </Button>
        ) : null}
        {error ? (
          <span className="ui-error" role="alert">
            {error}
          </span>
        ) : null}
      </Toolbar>
      {rows && rows.length === 0 ? <p className="ui-muted">{t.returnsEmpty}</p> : null}
      {rows?.length ? (
        <List testId="ch-return-files">
          {rows.map((row) => {
            const blocked = row.checked && !row.done ? blockOf(row.checked) : null;
            return (
              <li key={row.name} data-testid="ch-return-file">
                <span className="ui-grow">
                  {row.checked?.kind === 'return'
                    ? messages.packets.returnOf(row.checked.file.body.member.name, row.checked.file.body.sessionTopic)
                    : row.name}{' '}
                  · <strong data-testid="ch-return-state">{rowState(row)}</strong>
                  {row.error ? <span className="ui-error"> {row.error}</span> : null}
                  {row.failed ? <span className="ui-error"> {row.failed}</span> : null}
                  {blocked && importable(row) ? <span className="pk-warn"> {blocked}</span> : null}
                </span>
                {importable(row) && !blocked ? (
                  <Button small disabled={busy} onClick={() => void importOne(row)}>
                    {t.import}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </List>
      ) : null}
    </div>
  );
}
