import { useEffect } from 'react';

/** Keys typed into inputs belong to the input, not to the view's shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Inside an open dialog: a modal dialog owns the keyboard (Esc closes it, not the view behind). */
export function isInDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog[open]') !== null;
}

export function useKeyboard(handler: (event: KeyboardEvent) => void, deps: unknown[]): void {
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || isInDialog(event.target)) return;
      handler(event);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
