/** The list of every shortcut (?), a modal dialog that Esc closes, focus returning where it was. */
import { useEffect, useRef, useState } from 'react';
import { messages } from '../../i18n/messages';
import { useKeyboard } from '../../ui/useKeyboard';
import './reader.css';

const t = messages.shortcuts;

export function ShortcutsDialog() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useKeyboard(
    (event) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      event.preventDefault();
      if (!open) returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setOpen(true);
    },
    [open],
  );

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const close = () => {
    setOpen(false);
    const back = returnTo.current;
    returnTo.current = null;
    if (back?.isConnected) back.focus({ preventScroll: true });
  };

  return (
    <dialog
      ref={ref}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-dialog"
      // Esc fires "cancel": close through our own path so focus returns.
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      {open ? (
        <>
          <header className="shortcuts-head">
            <h2 id="shortcuts-title">{t.title}</h2>
            <button type="button" onClick={close} aria-label={t.close}>
              ×
            </button>
          </header>
          <div className="shortcuts-groups">
            {t.groups.map(([title, keys]) => (
              <section key={title}>
                <h3>{title}</h3>
                <dl>
                  {keys.map(([key, what]) => (
                    <div key={key} className="shortcut">
                      <dt>
                        <kbd>{key}</kbd>
                      </dt>
                      <dd>{what}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        </>
      ) : null}
    </dialog>
  );
}
