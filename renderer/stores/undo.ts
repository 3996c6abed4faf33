/** Undo's view state: whether undo and redo are possible, and the last notice (the stack is in core). */
import { create } from 'zustand';
import { undoStack } from '../core/undo';

export { undoStack } from '../core/undo';

interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
  /** The last thing undone or redone (or a failure), for a status line. */
  notice: { text: string; error: boolean; at: number } | null;
  setNotice(text: string, error?: boolean): void;
}

export const useUndo = create<UndoState>((set) => ({
  canUndo: false,
  canRedo: false,
  notice: null,
  setNotice: (text, error = false) => set({ notice: { text, error, at: Date.now() } }),
}));

undoStack.subscribe(() => useUndo.setState({ canUndo: undoStack.canUndo, canRedo: undoStack.canRedo }));
