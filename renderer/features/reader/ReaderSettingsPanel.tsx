import { useEffect, useRef } from 'react';
import { messages } from '../../i18n/messages';
import { Button } from '../../ui';
import { clampFontSize, FONT_SIZE_MAX, FONT_SIZE_MIN, useReaderSettings, type ReaderSettings } from '../../stores/readerSettings';

const t = messages.reader;

function Choice<K extends string>(props: { label: string; value: K; options: Record<K, string>; onChange: (v: K) => void; name: string }) {
  return (
    <fieldset className="choice">
      <legend>{props.label}</legend>
      {(Object.keys(props.options) as K[]).map((k) => (
        <label key={k} className={props.value === k ? 'on' : undefined}>
          {/* A segmented choice: the radio is drawn by its label (no ui part for it). */}
          <input type="radio" name={props.name} value={k} checked={props.value === k} onChange={() => props.onChange(k)} />
          {props.options[k]}
        </label>
      ))}
    </fieldset>
  );
}

/** `onClose`: Esc inside the panel closes it (and the caller returns focus to its button). */
export function ReaderSettingsPanel({ onClose }: { onClose?: () => void } = {}) {
  const s = useReaderSettings();
  const update = (patch: Partial<ReaderSettings>) => s.update(patch);
  const boxRef = useRef<HTMLDivElement>(null);
  // Opened as a popover: the keyboard goes into it.
  useEffect(() => {
    if (onClose) boxRef.current?.querySelector<HTMLElement>('button:not(:disabled), input')?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div
      ref={boxRef}
      className="reader-settings"
      role="group"
      aria-label={t.settings}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !onClose) return;
        // Handled here: the reader's own Esc (back to the library) must not see it.
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
    >
      <div className="row">
        <span className="label">{t.fontSize}</span>
        <Button
          small
          // The name holds the visible glyph too (WCAG 2.5.3, axe label-content-name-mismatch).
          aria-label={`A− ${t.smaller}`}
          disabled={s.fontSize <= FONT_SIZE_MIN}
          onClick={() => update({ fontSize: clampFontSize(s.fontSize - 1) })}
        >
          A−
        </Button>
        <output data-testid="font-size" aria-live="polite">
          {s.fontSize}px
        </output>
        <Button
          small
          aria-label={`A+ ${t.larger}`}
          disabled={s.fontSize >= FONT_SIZE_MAX}
          onClick={() => update({ fontSize: clampFontSize(s.fontSize + 1) })}
        >
          A+
        </Button>
      </div>
      <label className="row">
        <span className="label">{t.lineHeight}</span>
        {/* A slider: the ui has no range part, the browser's own is keyboard-operable. */}
        <input
          type="range"
          min={1.4}
          max={2.4}
          step={0.1}
          value={s.lineHeight}
          onChange={(e) => update({ lineHeight: Number(e.target.value) })}
        />
        <output>{s.lineHeight.toFixed(1)}</output>
      </label>
      <Choice name="width" label={t.width} value={s.width} options={t.widths} onChange={(width) => update({ width })} />
      <Choice name="font" label={t.font} value={s.font} options={t.fonts} onChange={(font) => update({ font })} />
      <Choice name="theme" label={t.theme} value={s.theme} options={t.themes} onChange={(theme) => update({ theme })} />
    </div>
  );
}
