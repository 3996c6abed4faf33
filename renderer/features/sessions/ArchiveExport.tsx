/**
 * 导出学习档案: a button and a dialog choosing the year. The year is read first: a year with
 * nothing to archive is refused here with the reason; otherwise the print preview opens on the
 * archive, where it is laid out (with its progress shown) and exported as PDF or Word.
 */
import { useState } from 'react';
import { archive } from '../../core/archive';
import { messages } from '../../i18n/messages';
import { Button, Dialog, FormRow, Select } from '../../ui';
import { useLiveResult } from '../../ui/useLiveResult';
import { archivePrintHref } from '../print';

const t = messages.archive;

export function ArchiveExport() {
  const [open, setOpen] = useState(false);
  const thisYear = new Date().getFullYear();
  const years = useLiveResult(() => archive.years(), []);
  const choices = [...new Set([thisYear, ...(years.state === 'ready' ? years.value : [])])].sort((a, b) => b - a);
  const [year, setYear] = useState(thisYear);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setError(null);
    setOpen(false);
  };
  const preview = async () => {
    setBusy(true);
    setError(null);
    try {
      const data = await archive.load(year);
      if (!data.sessions.some((s) => s.status !== 'cancelled')) {
        setError(t.emptyYear(year));
        return;
      }
      close();
      window.location.hash = archivePrintHref(year);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="archive-open">
        {t.open}
      </Button>
      <Dialog
        open={open}
        title={t.dialogTitle}
        onClose={close}
        testId="archive-dialog"
        actions={
          <>
            <Button onClick={close}>{messages.ui.cancel}</Button>
            <Button kind="primary" type="submit" form="archive-form" disabled={busy}>
              {t.preview}
            </Button>
          </>
        }
      >
        <form
          id="archive-form"
          className="ui-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void preview();
          }}
        >
          <p>{t.hint}</p>
          <FormRow label={t.year} error={error}>
            <Select
              width="short"
              value={String(year)}
              onChange={(e) => {
                setError(null);
                setYear(Number(e.target.value));
              }}
            >
              {choices.map((y) => (
                <option key={y} value={y}>
                  {`${y}年`}
                </option>
              ))}
            </Select>
          </FormRow>
          {busy ? <p role="status">{t.checking}</p> : null}
        </form>
      </Dialog>
    </>
  );
}
