/**
 * The design system's layout and form components (looks in ui.css). Views compose these instead
 * of laying themselves out with bare elements.
 */
import {
  Children,
  cloneElement,
  isValidElement,
  useId,
  useRef,
  type ComponentPropsWithRef,
  type InputHTMLAttributes,
  type ReactElement,
  type ReactNode,
} from 'react';

const cx = (...names: (string | false | null | undefined)[]): string => names.filter(Boolean).join(' ');

export function PageHeader(props: { title: ReactNode; description?: ReactNode; actions?: ReactNode; id?: string }) {
  return (
    <header className="ui-page-header">
      <h2 id={props.id}>{props.title}</h2>
      {props.actions ? <div className="ui-toolbar">{props.actions}</div> : null}
      {props.description ? <p className="ui-page-desc">{props.description}</p> : null}
    </header>
  );
}

/** A page: scrolls on its own, labelled by its header. */
export function Page(props: { label: string; className?: string; children: ReactNode; testId?: string }) {
  return (
    <section className={cx('ui-page', props.className)} aria-label={props.label} data-testid={props.testId}>
      <div className="ui-page-inner">{props.children}</div>
    </section>
  );
}

export function Section(props: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <section className={cx('ui-section', props.className)} aria-labelledby={id} data-testid={props.testId}>
      <div className="ui-section-head">
        <h3 id={id}>{props.title}</h3>
        {props.actions ? <div className="ui-toolbar">{props.actions}</div> : null}
        {props.description ? <p className="ui-section-desc">{props.description}</p> : null}
      </div>
      {props.children}
    </section>
  );
}

export type FieldWidth = 'short' | 'medium' | 'long';
const widthClass = (w: FieldWidth | undefined) => (w ? `ui-w-${w}` : undefined);

type ControlProps = { id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean | 'true' | 'false' };

/**
 * One labelled field: label, the control, then a hint and/or an error, aligned with the other
 * rows. The single child control gets the id the label points to and aria-describedby for the
 * hint and the error (a child that already has an id keeps it).
 */
export function FormRow(props: {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  children: ReactNode;
  testId?: string;
  /** The control's id when the child is a group (a field with buttons beside it): the child is then left as it is. */
  htmlFor?: string;
}) {
  const auto = useId();
  const child = props.htmlFor ? null : Children.only(props.children);
  const control = isValidElement<ControlProps>(child) ? child : null;
  const id = props.htmlFor ?? control?.props.id ?? auto;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [control?.props['aria-describedby'], props.hint ? hintId : null, props.error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  const field = control
    ? cloneElement(control as ReactElement<ControlProps>, {
        id,
        'aria-describedby': describedBy || undefined,
        ...(props.error ? { 'aria-invalid': true } : {}),
      })
    : props.children;
  return (
    <div className="ui-form-row" data-testid={props.testId}>
      <label className="ui-label" htmlFor={id}>
        {props.label}
      </label>
      <div className="ui-field">
        {field}
        {props.hint ? (
          <span className="ui-hint" id={hintId}>
            {props.hint}
          </span>
        ) : null}
        {props.error ? (
          <span className="ui-error" id={errorId} role="alert">
            {props.error}
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** Rows of FormRow; submitting runs onSubmit (Enter in a text field included). */
export function Form(props: { onSubmit?: () => void; children: ReactNode; label?: string; className?: string; testId?: string }) {
  return (
    <form
      className={cx('ui-form', props.className)}
      aria-label={props.label}
      data-testid={props.testId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit?.();
      }}
    >
      {props.children}
    </form>
  );
}

export function FormActions(props: { children: ReactNode }) {
  return <div className="ui-form-actions">{props.children}</div>;
}

export function Input({ width, className, ...rest }: ComponentPropsWithRef<'input'> & { width?: FieldWidth }) {
  return <input type="text" {...rest} className={cx('ui-input', widthClass(width), className)} />;
}

export function Select({ width, className, ...rest }: ComponentPropsWithRef<'select'> & { width?: FieldWidth }) {
  return <select {...rest} className={cx('ui-select', widthClass(width), className)} />;
}

export function Textarea({ className, ...rest }: ComponentPropsWithRef<'textarea'>) {
  return <textarea {...rest} className={cx('ui-textarea', className)} />;
}

/**
 * A whole number typed as text (no spinner, no browser-language messages): shown as typed, read
 * with readInteger() on save, which gives the Chinese message for text that is not a number.
 */
export function NumberInput({ width = 'short', className, ...rest }: InputHTMLAttributes<HTMLInputElement> & { width?: FieldWidth }) {
  return <input type="text" inputMode="numeric" autoComplete="off" {...rest} className={cx('ui-input', widthClass(width), className)} />;
}

/** Text → integer in [min, max], or the Chinese message saying what is wrong. */
export function readInteger(text: string, min: number, max: number): { value: number } | { error: string } {
  const t = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (t === '') return { error: `请输入 ${min} 到 ${max} 之间的整数` };
  if (!/^[+-]?\d+$/.test(t)) return { error: `“${text.trim().slice(0, 20)}”不是数字：请输入 ${min} 到 ${max} 之间的整数` };
  const n = Number(t);
  if (!Number.isSafeInteger(n) || n < min || n > max) return { error: `请输入 ${min} 到 ${max} 之间的整数` };
  return { value: n };
}

export function Checkbox(props: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { label: ReactNode }) {
  const { label, ...rest } = props;
  return (
    <label className="ui-check">
      <input type="checkbox" {...rest} />
      <span>{label}</span>
    </label>
  );
}

export type ButtonKind = 'primary' | 'secondary' | 'danger' | 'quiet';

export function Button({
  kind = 'secondary',
  small,
  className,
  type = 'button',
  ...rest
}: ComponentPropsWithRef<'button'> & { kind?: ButtonKind; small?: boolean }) {
  return <button type={type} {...rest} className={cx('ui-button', kind !== 'secondary' && kind, small && 'small', className)} />;
}

/**
 * A Chinese button in place of the browser's own file input ("Choose Files" follows the
 * browser's language): the input stays in the page, hidden, and the button opens it (a real
 * button: Enter and Space both work).
 */
export function FileButton(props: {
  label: ReactNode;
  onFiles: (files: File[]) => void;
  accept?: string;
  multiple?: boolean;
  kind?: ButtonKind;
  disabled?: boolean;
  inputLabel?: string;
  /** data-testid of the hidden input (tests hand it files). */
  testId?: string;
  /** The button's id (a FormRow's label points at it). */
  id?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button id={props.id} kind={props.kind} disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.label}
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        data-testid={props.testId}
        aria-label={props.inputLabel ?? (typeof props.label === 'string' ? props.label : undefined)}
        accept={props.accept}
        multiple={props.multiple}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length) props.onFiles(files);
        }}
      />
    </>
  );
}

export function Toolbar(props: { children: ReactNode; label?: string }) {
  return (
    <div className="ui-toolbar" role={props.label ? 'toolbar' : undefined} aria-label={props.label}>
      {props.children}
    </div>
  );
}

/** A list of rows without bullets; each item is a flex row (use className "ui-grow" on the main part). */
export function List(props: { children: ReactNode; label?: string; testId?: string; className?: string }) {
  return (
    <ul className={cx('ui-list', props.className)} aria-label={props.label} data-testid={props.testId}>
      {props.children}
    </ul>
  );
}

/** A table with a header row; cells are the caller's (<tr>/<td>). */
export function Table(props: { head: ReactNode[]; children: ReactNode; label?: string; numeric?: number[]; testId?: string }) {
  return (
    <div className="ui-table-wrap">
      <table className="ui-table" aria-label={props.label} data-testid={props.testId}>
        <thead>
          <tr>
            {props.head.map((h, i) => (
              <th key={i} scope="col" className={props.numeric?.includes(i) ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

export function Card(props: {
  title?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
  testId?: string;
  label?: string;
}) {
  return (
    <article className={cx('ui-card', props.className)} data-testid={props.testId} aria-label={props.label}>
      {props.title || props.actions ? (
        <div className="ui-card-head">
          {props.title ? <h4>{props.title}</h4> : null}
          {props.actions ? <div className="ui-toolbar">{props.actions}</div> : null}
        </div>
      ) : null}
      {props.children}
    </article>
  );
}

export function EmptyState(props: { title: ReactNode; children?: ReactNode; actions?: ReactNode; testId?: string }) {
  return (
    <div className="ui-empty" data-testid={props.testId}>
      <strong>{props.title}</strong>
      {props.children}
      {props.actions ? <div className="ui-toolbar">{props.actions}</div> : null}
    </div>
  );
}
