/**
 * The note side panel of the reader, shown while `useNoteEditor` has a target, and the
 * 写笔记 button for a note on the whole article. The editor itself (Tiptap) loads on first use.
 */
import { lazy, Suspense } from 'react';
import { messages } from '../../i18n/messages';
import { Button } from '../../ui';
import { useNoteEditor, type NoteTarget } from './noteEditorStore';
import { startTypeAhead } from './typeAhead';
import './notes.css';

const NoteEditorHost = lazy(() => import('./NoteEditorHost').then((m) => ({ default: m.NoteEditorHost })));

const t = messages.notes;

export function targetKey(target: NoteTarget): string {
  switch (target.kind) {
    case 'highlight':
      return `h:${target.highlightId}`;
    case 'article':
      return `a:${target.articleId}`;
    case 'standalone':
      return 's';
    case 'existing':
      return `n:${target.noteId}`;
  }
}

export function NotePanel() {
  const target = useNoteEditor((s) => s.target);
  const newKind = useNoteEditor((s) => s.newKind);
  const openedAt = useNoteEditor((s) => s.openedAt);
  if (!target) return null;
  return (
    <aside className="note-panel side" aria-label={t.panelLabel} data-testid="note-panel">
      <Suspense fallback={<div className="note-status-line">{messages.boot.loading}</div>}>
        <NoteEditorHost
          key={`${targetKey(target)}:${openedAt}`}
          target={target}
          newKind={newKind}
          variant="side"
          onClose={() => useNoteEditor.getState().close()}
          onOpenNote={(noteId) => useNoteEditor.getState().open({ kind: 'existing', noteId })}
        />
      </Suspense>
    </aside>
  );
}

export function WriteNoteButton({ articleId }: { articleId: string }) {
  return (
    <Button
      small
      onClick={() => {
        startTypeAhead();
        useNoteEditor.getState().open({ kind: 'article', articleId });
      }}
    >
      {t.writeArticleNote}
    </Button>
  );
}
