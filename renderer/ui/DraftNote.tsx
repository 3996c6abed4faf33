/**
 * The note over a form showing a draft an earlier page left (a reload, a crash, a closed window, or
 * the page left without saving; ui/useDraftJournal keeps it): says so and when it was typed, with
 * the form's own save (a submit button) and 放弃草稿. Inside the form, so 保存 submits it.
 */
import { formatChineseDate } from '../../shared/text';
import { Button, Toolbar } from './components';

/** "2026年12月7日 10:48": when a draft was typed. */
export function typedAt(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `${formatChineseDate(local)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function DraftNote({
  text,
  warning,
  saveLabel,
  discardLabel,
  onDiscard,
  testId,
}: {
  text: string;
  /** Said in the danger colour (e.g. the record was saved again after the draft was typed). */
  warning?: string | null;
  /** The form's save, when the form shows none near the note (a dialog has its own). */
  saveLabel?: string;
  discardLabel: string;
  onDiscard: () => void;
  testId?: string;
}) {
  return (
    <div className="ui-draft-note" role="status" data-testid={testId}>
      <p>{text}</p>
      {warning ? <p className="ui-draft-warn">{warning}</p> : null}
      <Toolbar>
        {saveLabel ? (
          <Button kind="primary" type="submit">
            {saveLabel}
          </Button>
        ) : null}
        <Button onClick={onDiscard}>{discardLabel}</Button>
      </Toolbar>
    </div>
  );
}
