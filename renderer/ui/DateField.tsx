/**
 * A date typed and shown the Chinese way (2025年3月8日) whatever the OS or browser language — a
 * native date input follows the browser's UI language, which the browser host cannot set. The
 * text is read with the shared date parser (2025-3-8, 2025/03/08, 2025年3月8日, 二〇二五年三月八日…);
 * a small month picker beside it works with the keyboard (arrows: day/week, PageUp/PageDown:
 * month, Enter: choose, Esc: close).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { parseDateValue } from '../../shared/dates';
import { formatChineseDate } from '../../shared/text';
import { messages } from '../i18n/messages';

export { formatChineseDate };

/** What the user typed → YYYY-MM-DD, or null (empty or not a date). */
export function parseChineseDate(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  return parseDateValue(t, { asWritten: true });
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
function fromIso(iso: string | null): Date {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date();
}
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

function MonthPicker(props: { value: string | null; onPick: (iso: string) => void; onClose: () => void; label: string }) {
  const [focus, setFocus] = useState(() => fromIso(props.value));
  const grid = useRef<HTMLTableElement>(null);
  const today = isoDay(new Date());
  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>('[tabindex="0"]')?.focus();
  }, [focus]);
  const first = new Date(focus.getFullYear(), focus.getMonth(), 1);
  const lead = (first.getDay() + 6) % 7; // weeks start on Monday
  const days = new Date(focus.getFullYear(), focus.getMonth() + 1, 0).getDate();
  const cells: (Date | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= days; d++) cells.push(new Date(focus.getFullYear(), focus.getMonth(), d));
  while (cells.length % 7) cells.push(null);
  const weeks: (Date | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const move = (days: number, months = 0) =>
    setFocus((f) => {
      if (!months) return new Date(f.getFullYear(), f.getMonth(), f.getDate() + days);
      const last = new Date(f.getFullYear(), f.getMonth() + months + 1, 0).getDate();
      return new Date(f.getFullYear(), f.getMonth() + months, Math.min(f.getDate(), last));
    });
  const onKey = (e: KeyboardEvent) => {
    const step: Record<string, () => void> = {
      ArrowLeft: () => move(-1),
      ArrowRight: () => move(1),
      ArrowUp: () => move(-7),
      ArrowDown: () => move(7),
      PageUp: () => move(0, -1),
      PageDown: () => move(0, 1),
      Home: () => move(-((focus.getDay() + 6) % 7)),
      End: () => move(6 - ((focus.getDay() + 6) % 7)),
    };
    const fn = step[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onClose();
    }
  };
  return (
    <div className="ui-picker" role="dialog" aria-label={props.label} onKeyDown={onKey} data-testid="date-picker">
      <div className="ui-picker-head">
        <button type="button" className="ui-button small quiet" aria-label={messages.ui.prevMonth} onClick={() => move(0, -1)}>
          ‹
        </button>
        <span aria-live="polite">
          {focus.getFullYear()}年{focus.getMonth() + 1}月
        </span>
        <button type="button" className="ui-button small quiet" aria-label={messages.ui.nextMonth} onClick={() => move(0, 1)}>
          ›
        </button>
      </div>
      <table ref={grid} role="grid">
        <thead>
          <tr>
            {WEEKDAYS.map((w) => (
              <th key={w} scope="col" abbr={`星期${w}`}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((d, j) => {
                if (!d) return <td key={j} />;
                const iso = isoDay(d);
                const focused = iso === isoDay(focus);
                return (
                  <td key={j}>
                    <button
                      type="button"
                      tabIndex={focused ? 0 : -1}
                      aria-selected={iso === props.value}
                      aria-label={formatChineseDate(iso)}
                      className={iso === today ? 'today' : undefined}
                      onClick={() => props.onPick(iso)}
                    >
                      {d.getDate()}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The date field. `value` is YYYY-MM-DD or null; `onChange` gets a date only when the text is one
 * (or null when emptied and `optional`); text that is not a date shows a Chinese message and
 * changes nothing.
 */
export function DateField(props: {
  value: string | null;
  onChange: (iso: string | null) => void;
  optional?: boolean;
  id?: string;
  'aria-describedby'?: string;
  'aria-label'?: string;
  placeholder?: string;
  testId?: string;
}) {
  const { value, onChange, optional } = props;
  const [text, setText] = useState(formatChineseDate(value));
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const autoId = useId();
  const id = props.id ?? autoId;
  const errorId = `${id}-date-error`;
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    setText(formatChineseDate(value));
    setError(null);
  }, [value]);
  useEffect(() => {
    if (!picking) return;
    const away = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setPicking(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [picking]);
  const commit = () => {
    if (!text.trim()) {
      if (optional) {
        setError(null);
        if (value !== null) onChange(null);
      } else setError(messages.ui.dateRequired);
      return;
    }
    const iso = parseChineseDate(text);
    if (!iso) {
      setError(messages.ui.dateInvalid(text.trim().slice(0, 30)));
      return;
    }
    setError(null);
    setText(formatChineseDate(iso));
    if (iso !== value) onChange(iso);
  };
  const describedBy = [props['aria-describedby'], error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <span className="ui-date" ref={box} data-testid={props.testId}>
      <input
        id={id}
        type="text"
        className="ui-input"
        value={text}
        placeholder={props.placeholder ?? messages.ui.datePlaceholder}
        autoComplete="off"
        aria-label={props['aria-label']}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'ArrowDown' && e.altKey) {
            e.preventDefault();
            setPicking(true);
          }
        }}
      />
      <button
        ref={button}
        type="button"
        className="ui-button small"
        aria-label={messages.ui.pickDate}
        aria-expanded={picking}
        onClick={() => setPicking((p) => !p)}
      >
        {messages.ui.pickDateShort}
      </button>
      {picking ? (
        <MonthPicker
          value={parseChineseDate(text) ?? value}
          label={messages.ui.pickDate}
          onClose={() => {
            setPicking(false);
            button.current?.focus();
          }}
          onPick={(iso) => {
            setPicking(false);
            setError(null);
            setText(formatChineseDate(iso));
            if (iso !== value) onChange(iso);
            button.current?.focus();
          }}
        />
      ) : null}
      {error ? (
        <span className="ui-error" id={errorId} role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
