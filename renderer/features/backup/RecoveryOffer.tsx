/**
 * 恢复文库？ — the start-up recovery offer. A native modal <dialog>: focus moves into it and
 * stays there, Escape means 暂不, and both choices are ordinary buttons.
 */
import { useEffect, useRef, useState } from 'react';
import { recovery, type RecoveryOffer as Offer } from '../../core/backup';
import { messages } from '../../i18n/messages';
import { Button } from '../../ui';

const t = messages.recovery;

/** 2026年12月4日 22:50 */
export function chineseDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function RecoveryOffer({ offer, onDone }: { offer: Offer; onDone: (restored: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const restoreButton = useRef<HTMLButtonElement>(null);
  const [state, setState] = useState<{ busy: boolean; text: string | null; error: boolean }>({ busy: false, text: null, error: false });
  const { entry } = offer;
  const count = (table: string) => entry.counts[table] ?? 0;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    restoreButton.current?.focus();
  }, []);

  const later = async () => {
    if (state.busy) return;
    try {
      await recovery.decline(entry.name);
    } catch (error) {
      console.warn('[backup] declined offer not remembered', error);
    }
    ref.current?.close();
    onDone(false);
  };

  const restore = async () => {
    setState({ busy: true, text: t.restoring, error: false });
    try {
      await recovery.accept(entry.name);
      setState({ busy: true, text: t.restored, error: false });
      onDone(true);
    } catch (error) {
      setState({ busy: false, text: t.failed(error instanceof Error ? error.message : String(error)), error: true });
    }
  };

  return (
    <dialog
      ref={ref}
      className="recovery-offer"
      aria-labelledby="recovery-title"
      aria-describedby="recovery-why"
      data-testid="recovery-offer"
      onCancel={(e) => {
        // Escape = 暂不 (remembered), never a silent dismissal.
        e.preventDefault();
        void later();
      }}
    >
      <h2 id="recovery-title">{t.title}</h2>
      <p id="recovery-why">{offer.reason === 'newer' ? t.newer : t.empty}</p>
      <div className="recovery-facts">
        <p data-testid="recovery-taken">{t.takenAt(chineseDateTime(entry.createdAt))}</p>
        <p data-testid="recovery-counts">
          {t.holds(count('articles'), count('highlights'), count('notes'))}
          {entry.library && entry.library.userArticles > 0 ? t.own(entry.library.userArticles) : null}
        </p>
      </div>
      <p>{t.note}</p>
      {state.text ? (
        <p role={state.error ? 'alert' : 'status'} className={state.error ? 'recovery-error' : undefined}>
          {state.text}
        </p>
      ) : null}
      <div className="recovery-actions">
        <Button kind="primary" ref={restoreButton} disabled={state.busy} onClick={() => void restore()}>
          {t.restore}
        </Button>
        <Button disabled={state.busy} onClick={() => void later()}>
          {t.later}
        </Button>
      </div>
    </dialog>
  );
}
