/**
 * What other features use of the notes feature. The editor (Tiptap) stays out of this module's
 * graph: `NoteEditorHost` here loads it on first use.
 */
import { lazy } from 'react';

export const NoteEditorHost = lazy(() => import('./NoteEditorHost').then((m) => ({ default: m.NoteEditorHost })));
export { useNoteEditor, type NoteTarget } from './noteEditorStore';
export { NotePanel, WriteNoteButton } from './NotePanel';
export { cancelTypeAhead, startTypeAhead, takeTypeAhead, typeAheadActive } from './typeAhead';
