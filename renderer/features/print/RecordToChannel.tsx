/**
 * 上传到通道 on the 学习记录 print view: the record's Word file (the same one 导出 Word writes) or
 * its PDF (the same one 导出 PDF makes) goes to the channel's records/ as <session>-<date>.docx
 * or .pdf through main's outbox, so it waits while the server is away. Main checks the file
 * (its header, its end, its size) before anything is queued. Shown only when a channel has been added.
 */
import { useEffect, useState } from 'react';
import { channelErrorText, channels, type ChannelView } from '../../core/channels';
import { messages } from '../../i18n/messages';
import { Button, Select } from '../../ui';

const t = messages.channels;

export function RecordToChannel({
  sessionId,
  date,
  docx,
  pdf,
}: {
  sessionId: string;
  /** The record's date (YYYY-MM-DD), part of the file name. */
  date: string | null;
  docx: (() => Promise<import('docx').Document>) | null;
  /** The record as a PDF (base64), or why the host cannot make one; null until the document is ready. */
  pdf: (() => Promise<{ base64: string } | { base64: null; reason: string }>) | null;
}) {
  const [list, setList] = useState<ChannelView[]>([]);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    let live = true;
    void channels
      .list()
      .then((r) => {
        if (!live) return;
        setList(r.channels);
        setChosen((c) => c || r.channels[0]?.id || '');
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (list.length === 0) return null;
  const send = async (kind: 'docx' | 'pdf') => {
    if (!date || !chosen) return;
    setBusy(true);
    setStatus({ text: t.states.sending, error: false });
    try {
      let base64: string;
      if (kind === 'docx') {
        if (!docx) return;
        const [{ Packer }, doc] = await Promise.all([import('docx'), docx()]);
        base64 = await Packer.toBase64String(doc);
      } else {
        const made = pdf ? await pdf() : { base64: null, reason: '' };
        if (made.base64 === null) {
          setStatus({ text: t.recordPdfUnavailable('reason' in made ? made.reason : ''), error: true });
          return;
        }
        base64 = made.base64;
      }
      const item = await channels.sendRecord(chosen, sessionId, date, base64, kind);
      setStatus({
        text: item.state === 'done' ? t.sent : item.state === 'pending' ? t.queued : (item.error?.message ?? t.states.failed),
        error: item.state === 'failed',
      });
    } catch (error) {
      setStatus({ text: channelErrorText(error), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span data-testid="record-channel">
      {list.length > 1 ? (
        <Select aria-label={t.channel} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      ) : null}
      <Button onClick={() => void send('docx')} disabled={!docx || !date || busy}>
        {t.recordUpload}
      </Button>
      <Button onClick={() => void send('pdf')} disabled={!pdf || !date || busy}>
        {t.recordUploadPdf}
      </Button>
      {status ? (
        <span
          className={status.error ? 'pr-error' : 'pr-status'}
          role={status.error ? 'alert' : 'status'}
          data-testid="record-channel-status"
        >
          {status.text}
        </span>
      ) : null}
    </span>
  );
}
