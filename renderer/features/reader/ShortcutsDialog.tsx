/** The list of every shortcut (?), in the ui Dialog: Esc closes, Tab stays inside, focus returns where it was. */
import { useState } from 'react';
import { messages } from '../../i18n/messages';
import { Button, Dialog } from '../../ui';
import { useKeyboard } from '../../ui/useKeyboard';
import './reader.css';

const t = messages.shortcuts;

export function ShortcutsDialog() {
  const [open, setOpen] = useState(false);

  useKeyboard(
    (event) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      event.preventDefault();
      setOpen(true);
    },
    [open],
  );

  return (
    <Dialog
      open={open}
      wide
      title={t.title}
      onClose={() => setOpen(false)}
      testId="shortcuts-dialog"
      actions={
        <Button kind="primary" onClick={() => setOpen(false)}>
          {t.close}
        </Button>
      }
    >
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
    </Dialog>
  );
}
