/**
 * 恢复文库？ — the start-up recovery offer, in the ui Dialog: focus starts on 恢复 and stays
 * inside, Escape means 暂不 (remembered), focus goes back where it was when it closes.
 */
import { useState } from 'react';
import { recovery, type RecoveryOffer as Offer } from '../../core/backup';
import { messages } from '../../i18n/messages';
import { Button, Dialog } from '../../ui';

const t = messages.recovery;

/** 2026年12月4日 22:50 */
export function chineseDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function RecoveryOffer({ offer, onDone }: { offer: Offer; onDone: (restored: boolean) => void }) {
  const [state, setState] = useState<{ busy: boolean; text: string | null; error: boolean }>({ busy: false, text: null, error: false });
  const { entry } = offer;
  const count = (table: string) => entry.counts[table] ?? 0;

  const later = async () => {
    if (state.busy) return;
    try {
      await recovery.decline(entry.name);
    } catch (error) {
      console.warn('[backup] declined offer not remembered', error);
    }
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
    <Dialog
      open
      title={t.title}
      description={t[offer.reason]}
      // Escape = 暂不 (remembered), never a silent dismissal.
      onClose={() => void later()}
      testId="recovery-offer"
      initialFocus="[data-recovery-restore]"
      actions={
        <>
          <Button kind="primary" data-recovery-restore disabled={state.busy} onClick={() => void restore()}>
            {t.restore}
          </Button>
          <Button disabled={state.busy} onClick={() => void later()}>
            {t.later}
          </Button>
        </>
      }
    >
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
    </Dialog>
  );
}
