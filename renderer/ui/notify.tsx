/**
 * Notices (toasts): `notify()` from anywhere, shown by <UiHost/> (mounted once by the app).
 * Two live regions exist from the start so screen readers hear what is added to them: errors go
 * to the assertive one, everything else to the polite one. They carry aria-live without the
 * status/alert roles so a view's own role=alert messages stay the only alerts on the page.
 */
import { useSyncExternalStore } from 'react';
import { messages } from '../i18n/messages';

export type NoticeKind = 'info' | 'success' | 'error';

export interface Notice {
  id: number;
  text: string;
  kind: NoticeKind;
  action?: { label: string; run: () => void };
}

export interface NotifyOptions {
  kind?: NoticeKind;
  /** One action (撤销, 打开…); the notice closes when it is used. */
  action?: { label: string; run: () => void };
  /** Milliseconds shown; errors and notices with an action stay longer, 0 keeps it until closed. */
  durationMs?: number;
}

const MAX_SHOWN = 4;
let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function emit(): void {
  for (const l of listeners) l();
}

export function dismiss(id: number): void {
  const t = timers.get(id);
  if (t) clearTimeout(t);
  timers.delete(id);
  const next = notices.filter((n) => n.id !== id);
  if (next.length === notices.length) return;
  notices = next;
  emit();
}

/** Shows a notice; returns its id (for dismiss()). */
export function notify(text: string, options: NotifyOptions = {}): number {
  const kind = options.kind ?? 'info';
  const id = nextId++;
  notices = [...notices, { id, text, kind, action: options.action }].slice(-MAX_SHOWN);
  const duration = options.durationMs ?? (kind === 'error' ? 12_000 : options.action ? 10_000 : 5_000);
  if (duration > 0)
    timers.set(
      id,
      setTimeout(() => dismiss(id), duration),
    );
  emit();
  return id;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useNotices(): Notice[] {
  return useSyncExternalStore(subscribe, () => notices);
}

function Toast({ notice }: { notice: Notice }) {
  return (
    <div className={`ui-toast ${notice.kind}`} data-testid="toast" data-kind={notice.kind}>
      <span className="ui-toast-text">{notice.text}</span>
      {notice.action ? (
        <button
          type="button"
          className="ui-button small"
          onClick={() => {
            dismiss(notice.id);
            notice.action?.run();
          }}
        >
          {notice.action.label}
        </button>
      ) : null}
      <button type="button" className="ui-button small quiet" aria-label={messages.ui.closeNotice} onClick={() => dismiss(notice.id)}>
        ×
      </button>
    </div>
  );
}

export function Toaster() {
  const all = useNotices();
  return (
    <div className="ui-toasts" data-testid="toasts">
      <div aria-live="polite" aria-atomic="false" data-testid="toasts-polite">
        {all
          .filter((n) => n.kind !== 'error')
          .map((n) => (
            <Toast key={n.id} notice={n} />
          ))}
      </div>
      <div aria-live="assertive" aria-atomic="false" data-testid="toasts-assertive">
        {all
          .filter((n) => n.kind === 'error')
          .map((n) => (
            <Toast key={n.id} notice={n} />
          ))}
      </div>
    </div>
  );
}
