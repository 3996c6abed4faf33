/** Resolves what the editor should show (a target from the store, or a note id) and shows it. */
import { useEffect, useState } from 'react';
import { AppError } from '../../../shared/errors';
import { articles, db } from '../../db';
import { newDraft, recoverNoteJournals, type NoteDraft } from '../../core/notes';
import type { ArticleRow, HighlightRow, NoteKind } from '../../db/schema';
import { messages } from '../../i18n/messages';
import { NoteEditor } from './NoteEditor';
import type { NoteTarget } from './noteEditorStore';
import { notes as noteRepo } from '../../core/notes';
import { cancelTypeAhead } from './typeAhead';

const t = messages.notes;

interface Resolved {
  draft: NoteDraft;
  stored: boolean;
  highlight: HighlightRow | null;
  article: ArticleRow | null;
  knownTags: string[];
}

async function knownTags(): Promise<string[]> {
  const [h, n] = await Promise.all([db.highlights.orderBy('tags').uniqueKeys(), db.notes.orderBy('tags').uniqueKeys()]);
  return [...new Set([...h, ...n].map(String))].sort();
}

export async function resolveTarget(target: NoteTarget, newKind: NoteKind): Promise<Resolved> {
  await recoverNoteJournals();
  let draft: NoteDraft;
  let stored = false;
  let highlight: HighlightRow | null = null;
  switch (target.kind) {
    case 'existing': {
      const row = await noteRepo.get(target.noteId);
      if (!row) throw new AppError('E_NOT_FOUND', t.notFound);
      draft = row;
      stored = true;
      break;
    }
    case 'highlight': {
      highlight = (await noteRepo.highlight(target.highlightId)) ?? null;
      const row = await noteRepo.forHighlight(target.highlightId);
      draft = row ?? newDraft(newKind, target.articleId, target.highlightId);
      stored = Boolean(row);
      break;
    }
    case 'article':
      draft = newDraft(newKind, target.articleId, null);
      break;
    case 'standalone':
      draft = newDraft(newKind, null, null);
      break;
  }
  if (!highlight && draft.highlightId) highlight = (await noteRepo.highlight(draft.highlightId)) ?? null;
  const article = draft.articleId ? ((await articles.get(draft.articleId)) ?? null) : null;
  return { draft, stored, highlight, article, knownTags: await knownTags() };
}

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
    resolveTarget(target, newKind).then(
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
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
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
