/**
 * Dialog: a native modal <dialog> (the page behind is inert), Tab kept inside, Esc closes, and
 * focus returns to the element that had it before opening. `confirm()` asks a yes/no question
 * from anywhere and resolves with the answer (shown by <UiHost/>). SidePanel: a non-modal panel
 * at the right edge, Esc closes it and focus returns the same way.
 */
import { useEffect, useId, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { messages } from '../i18n/messages';
import { Button } from './components';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.hidden && el.getClientRects().length > 0);
}

/** Tab and Shift+Tab wrap inside `root`. */
function trapTab(root: HTMLElement, event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const all = focusables(root);
  if (all.length === 0) {
    event.preventDefault();
    return;
  }
  const first = all[0]!;
  const last = all[all.length - 1]!;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !root.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !root.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

/** Remembers what had focus when `open` became true and gives it back when it turns false/unmounts. */
function useReturnFocus(open: boolean): void {
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      // After the dialog has left the page: the element may have been re-rendered meanwhile.
      if (before && before.isConnected) before.focus();
    };
  }, [open]);
}

export function Dialog(props: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  actions?: ReactNode;
  wide?: boolean;
  testId?: string;
  /** Element focused on open (by default the first field or button). */
  initialFocus?: string;
  /** A line under the title that screen readers read with it (aria-describedby). */
  description?: ReactNode;
  role?: 'dialog' | 'alertdialog';
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const { open, onClose, initialFocus } = props;
  useReturnFocus(open);
  useEffect(() => {
    const el = ref.current;
    if (!el || !open) return;
    if (!el.open) el.showModal();
    const target = (initialFocus ? el.querySelector<HTMLElement>(initialFocus) : null) ?? focusables(el)[0];
    target?.focus();
    return () => {
      if (el.open) el.close();
    };
  }, [open, initialFocus]);
  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className={`ui-dialog${props.wide ? ' wide' : ''}`}
      role={props.role}
      aria-labelledby={titleId}
      aria-describedby={props.description ? descriptionId : undefined}
      aria-modal="true"
      data-testid={props.testId}
      onCancel={(e) => {
        // Esc: closed through the caller's state, so the caller always knows.
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (ref.current) trapTab(ref.current, e.nativeEvent);
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.description ? <p id={descriptionId}>{props.description}</p> : null}
      {props.children}
      {props.actions ? <div className="ui-dialog-actions">{props.actions}</div> : null}
    </dialog>
  );
}

// ---------------------------------------------------------------- confirm()

export interface ConfirmOptions {
  title: string;
  message?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  danger?: boolean;
}

interface Pending extends ConfirmOptions {
  resolve: (ok: boolean) => void;
}

let queue: Pending[] = [];
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Asks a question in a modal dialog; true when confirmed, false when cancelled or Esc. */
export function confirm(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    queue = [...queue, { ...options, resolve }];
    emit();
  });
}

function answer(ok: boolean): void {
  const [head, ...rest] = queue;
  if (!head) return;
  queue = rest;
  emit();
  head.resolve(ok);
}

export function ConfirmHost() {
  const current = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => queue[0] ?? null,
  );
  return (
    <Dialog
      open={current !== null}
      title={current?.title ?? ''}
      onClose={() => answer(false)}
      role="alertdialog"
      testId="confirm-dialog"
      initialFocus="[data-confirm-cancel]"
      actions={
        <>
          <Button data-confirm-cancel onClick={() => answer(false)}>
            {current?.cancelLabel ?? messages.ui.cancel}
          </Button>
          <Button kind={current?.danger ? 'danger' : 'primary'} onClick={() => answer(true)}>
            {current?.confirmLabel ?? messages.ui.ok}
          </Button>
        </>
      }
    >
      {current?.message ? <div>{current.message}</div> : null}
    </Dialog>
  );
}

// ---------------------------------------------------------------- SidePanel

export function SidePanel(props: { open: boolean; title: ReactNode; onClose: () => void; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  const { open } = props;
  useReturnFocus(open);
  useEffect(() => {
    if (open && ref.current) (focusables(ref.current)[0] ?? ref.current).focus();
  }, [open]);
  if (!open) return null;
  return (
    <aside
      ref={ref}
      className="ui-side-panel"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid={props.testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <header>
        <h2 id={titleId}>{props.title}</h2>
        <Button kind="quiet" aria-label={messages.ui.close} onClick={props.onClose}>
          ×
        </Button>
      </header>
      <div className="ui-side-body">{props.children}</div>
    </aside>
  );
}
