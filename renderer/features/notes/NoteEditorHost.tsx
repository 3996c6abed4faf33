/** Resolves what the editor should show (a target from the store, or a note id) and shows it. */
import { useEffect, useState } from 'react';
import { resolveNoteTarget, type NoteKind, type NoteTarget, type ResolvedNote as Resolved } from '../../core/notes';
import { messages } from '../../i18n/messages';
import { Button } from '../../ui';
import { NoteEditor } from './NoteEditor';
import { cancelTypeAhead } from './typeAhead';

const t = messages.notes;

export function NoteEditorHost({
  target,
  newKind,
  variant,
  onClose,
  onOpenNote,
}: {
  target: NoteTarget;
  newKind: NoteKind;
  variant: 'side' | 'page';
  onClose(): void;
  onOpenNote?(id: string): void;
}) {
  const [state, setState] = useState<{ s: 'loading' } | { s: 'ready'; r: Resolved } | { s: 'failed'; message: string }>({ s: 'loading' });
  useEffect(() => {
    let cancelled = false;
    resolveNoteTarget(target, newKind).then(
      (r) => !cancelled && setState({ s: 'ready', r }),
      (e: unknown) => {
        cancelTypeAhead();
        if (!cancelled) setState({ s: 'failed', message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [target, newKind]);

  if (state.s === 'loading') return <div className="note-status-line">{messages.boot.loading}</div>;
  if (state.s === 'failed') {
    return (
      <div className="note-status-line" role="alert">
        <p>{t.loadFailed(state.message)}</p>
        <Button onClick={onClose}>{t.close}</Button>
      </div>
    );
  }
  const { r } = state;
  return (
    <NoteEditor
      initial={r.draft}
      stored={r.stored}
      highlight={r.highlight}
      article={r.article}
      knownTags={r.knownTags}
      variant={variant}
      onClose={onClose}
      onOpenNote={onOpenNote}
    />
  );
}
