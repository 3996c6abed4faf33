/**
 * Which note the note editor shows. The reader opens it (添加笔记 on a highlight, a note on
 * the article); the notebook opens existing notes; the editor panel renders when `target` is set.
 */
import { create } from 'zustand';
import type { NoteKind, NoteTarget } from '../../core/notes';

export type { NoteTarget } from '../../core/notes';

interface NoteEditorState {
  target: NoteTarget | null;
  /** Kind for a new note (笔记 / 发言提纲 / 心得体会). */
  newKind: NoteKind;
  /** Bumped on every open, so opening the same target again starts a fresh editor. */
  openedAt: number;
  open(target: NoteTarget, kind?: NoteKind): void;
  close(): void;
}

export const useNoteEditor = create<NoteEditorState>((set) => ({
  target: null,
  newKind: 'note',
  openedAt: 0,
  open: (target, kind = 'note') => set((s) => ({ target, newKind: kind, openedAt: s.openedAt + 1 })),
  close: () => set({ target: null }),
}));
