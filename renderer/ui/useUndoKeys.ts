/** Ctrl+Z undoes, Ctrl+Shift+Z / Ctrl+Y redo, everywhere but while typing (inputs, Tiptap). */
import { useEffect } from 'react';
import { messages } from '../i18n/messages';
import { undoStack, useUndo } from '../stores/undo';
import { isInDialog, isTypingTarget } from './useKeyboard';

const t = messages.highlights;

export function undoOnce(): void {
  undoStack.undo().then(
    (label) => useUndo.getState().setNotice(label ? t.undone(label) : t.nothingToUndo),
    (error: unknown) => {
      console.error(error);
      useUndo.getState().setNotice(messages.errors.generic, true);
    },
  );
}

export function redoOnce(): void {
  undoStack.redo().then(
    (label) => useUndo.getState().setNotice(label ? t.redone(label) : t.nothingToRedo),
    (error: unknown) => {
      console.error(error);
      useUndo.getState().setNotice(messages.errors.generic, true);
    },
  );
}

export function useUndoKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTypingTarget(event.target) || isInDialog(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undoOnce();
      else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) redoOnce();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
