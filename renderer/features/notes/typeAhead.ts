/**
 * Typing before the note editor exists. Opening a note is asynchronous (a highlight is written,
 * the editor's code loads lazily, the note is read), so whatever opens it calls `startTypeAhead()`
 * synchronously in its key or click handler: a hidden textarea takes focus and catches every
 * keystroke (IME and pasted text too) until the editor takes them with `takeTypeAhead()`.
 */
let catcher: HTMLTextAreaElement | null = null;
let before: Element | null = null;

export function startTypeAhead(): void {
  if (typeof document === 'undefined') return;
  if (!catcher) {
    before = document.activeElement;
    catcher = document.createElement('textarea');
    catcher.className = 'note-typeahead';
    catcher.tabIndex = -1;
    catcher.setAttribute('aria-hidden', 'true');
    catcher.setAttribute('data-testid', 'note-typeahead');
    document.body.appendChild(catcher);
  }
  catcher.focus({ preventScroll: true });
}

/**
 * What was typed so far; call it in the same task that focuses the editor, so no keystroke falls
 * between the two. Returns '' when nothing is waiting.
 */
export function takeTypeAhead(): string {
  const el = catcher;
  if (!el) return '';
  catcher = null;
  before = null;
  const text = el.value;
  el.remove();
  return text;
}

/** Opening failed: give focus back where it was; returns what was typed (for the caller to keep). */
export function cancelTypeAhead(): string {
  const back = before;
  const wasFocused = catcher !== null && document.activeElement === catcher;
  const text = takeTypeAhead();
  if (wasFocused && back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  return text;
}

/** True while keys are being caught for a note that is opening (nothing else should take focus). */
export function typeAheadActive(): boolean {
  return catcher !== null;
}

/** What has been caught so far, leaving the catcher in place. */
export function peekTypeAhead(): string {
  return catcher ? catcher.value : '';
}

/** Calls `listener` on every change to what is caught; returns the unsubscribe. */
export function watchTypeAhead(listener: () => void): () => void {
  const el = catcher;
  if (!el) return () => {};
  el.addEventListener('input', listener);
  return () => el.removeEventListener('input', listener);
}
