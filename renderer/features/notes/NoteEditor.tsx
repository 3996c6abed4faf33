/**
 * The note editor: title, kind, tags and a Tiptap body (headings, lists, bold, quotes, a
 * highlight mark), a live 字 count, 插入划线, and autosave that loses nothing on reload.
 */
import { GapCursor } from '@tiptap/pm/gapcursor';
import { NodeSelection, Selection } from '@tiptap/pm/state';
import { EditorContent, useEditor, useEditorState, type Editor, type JSONContent } from '@tiptap/react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { countZi } from '../../../shared/text';
import {
  clearJournal,
  dropOwnJournal,
  isEmptyNote,
  journalSaved,
  newDraft,
  toNoteRow,
  writeJournal,
  type NoteDraft,
} from '../../core/notes';
import type { LibraryRow as ArticleRow } from '../../core/library';
import type { HighlightRow, NoteKind } from '../../core/notes';
import { messages } from '../../i18n/messages';
import { Button, confirm, Input, Select } from '../../ui';
import { useLibrary } from '../../stores/library';
import { Autosaver, type SaveState } from '../../core/notes/autosave';
import { noteEditorSetup } from './noteSchema';
import { citationLine, deriveNote, excerpt, parseTags, quoteBlock } from '../../core/notes/noteText';
import { PRESERVED_BLOCK, prepareDoc, restoreDoc } from './preserve';
import { notes as noteRepo } from '../../core/notes';
import { cancelTypeAhead, peekTypeAhead, takeTypeAhead, typeAheadActive, watchTypeAhead } from './typeAhead';

const t = messages.notes;
const KINDS: NoteKind[] = ['note', 'outline', 'reflection'];

export interface NoteEditorProps {
  initial: NoteDraft;
  /** True when the note is already in the database. */
  stored: boolean;
  highlight: HighlightRow | null;
  article: ArticleRow | null;
  knownTags: readonly string[];
  variant: 'side' | 'page';
  onClose(): void;
  /** Shows another note in this editor's place (after 另存为新笔记). */
  onOpenNote?(id: string): void;
}

function sourceOf(article: Pick<ArticleRow, 'title' | 'origin' | 'sourceName' | 'publishedAt'>) {
  return { title: article.title, origin: article.origin ?? article.sourceName, publishedAt: article.publishedAt };
}

/** Puts text typed before the editor existed at the caret, one paragraph per line. */
function insertTyped(editor: Editor, typed: string) {
  typed
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((line, i) => {
      if (i > 0) editor.commands.splitBlock();
      if (line) editor.commands.insertContent({ type: 'text', text: line });
    });
}

/** Caret at the end of the body, focused now (Tiptap's focus command waits a frame: keys typed meanwhile would be lost). */
function focusEnd(editor: Editor) {
  const { state } = editor;
  let selection: Selection = Selection.atEnd(state.doc);
  // Ending on a kept block (at any depth), a gap cursor after it: typing must not replace the selected block.
  if (selection instanceof NodeSelection && selection.node.type.name === PRESERVED_BLOCK) {
    const after = state.doc.resolve(selection.to);
    if (!after.parent.inlineContent) selection = new GapCursor(after);
  }
  editor.view.dispatch(state.tr.setSelection(selection).scrollIntoView());
  editor.view.focus();
}

export function NoteEditor({ initial, stored, highlight, article, knownTags, variant, onClose, onOpenNote }: NoteEditorProps) {
  const setup = noteEditorSetup();
  // What the editor loads, or why this note must stay read-only (see preserve.ts).
  const prepared = useMemo(() => prepareDoc(initial.doc, setup.schema), [initial, setup.schema]);
  const readOnly = !prepared.editable;
  const [title, setTitle] = useState(initial.title);
  const [kind, setKind] = useState<NoteKind>(initial.kind);
  const [tagsText, setTagsText] = useState(initial.tags.join(' '));
  const [saveState, setSaveState] = useState<SaveState>({ state: 'saved' });
  const [zi, setZi] = useState(() => (prepared.editable ? deriveNote(initial.doc).zi : countZi(prepared.text)));
  const [picker, setPicker] = useState(false);
  const [persisted, setPersisted] = useState(stored);
  const [notice, setNotice] = useState<string | null>(null);
  const [forkNotice, setForkNotice] = useState<string | null>(null);
  // Keys typed while a read-only note was opening: kept for 另存为新笔记, never written into this note.
  const typedIntoReadOnly = useRef('');
  // The stored form of the body: the stored value itself until the user edits the body.
  const latestDoc = useRef<unknown>(initial.doc);

  // The newest draft, and the newest one confirmed in IndexedDB.
  const latest = useRef<NoteDraft>(initial);
  const confirmedAt = useRef<string | null>(stored ? initial.updatedAt : null);
  const touched = useRef(false);
  // Every version this editor made (by updatedAt): a stored note holding one of them is ours, also
  // when another tab replayed our journal. Anything else there means it was changed elsewhere.
  const ours = useRef(new Set<string>(stored ? [initial.updatedAt] : []));
  // Once this editor's words moved to a new note (changed elsewhere), saves still queued for the
  // old id go to the new one.
  const fork = useRef<{ from: string; to: string; fromTitle: string; title: string; createdAt: string } | null>(null);
  const fields = useRef({ title, kind, tagsText });
  fields.current = { title, kind, tagsText };

  const saver = useMemo(
    () =>
      new Autosaver<NoteDraft>(
        async (queued) => {
          const f = fork.current;
          let draft =
            f && queued.id === f.from
              ? { ...queued, id: f.to, createdAt: f.createdAt, title: queued.title === f.fromTitle ? f.title : queued.title }
              : queued;
          if ((await noteRepo.saveUnlessChanged(draft, (u) => ours.current.has(u))) === 'conflict') {
            // Changed in another tab (or by a restore) since we saw it: theirs stays as it is, ours becomes a new note.
            const fresh = newDraft(draft.kind, draft.articleId, draft.highlightId);
            const title = `${draft.title}${t.otherTabSuffix}`.slice(0, 500);
            fork.current = { from: draft.id, to: fresh.id, fromTitle: draft.title, title, createdAt: fresh.createdAt };
            draft = { ...draft, id: fresh.id, createdAt: fresh.createdAt, title };
            await noteRepo.save(draft);
            dropOwnJournal(fork.current.from, (u) => ours.current.has(u));
            latest.current = { ...latest.current, id: fresh.id, createdAt: fresh.createdAt, title };
            setTitle(title);
            setForkNotice(t.changedElsewhere(title));
          }
          if (!confirmedAt.current || draft.updatedAt > confirmedAt.current) confirmedAt.current = draft.updatedAt;
          // Kept until a backup holds this version: the browser may yet discard IndexedDB's copy.
          journalSaved(toNoteRow(draft), [...ours.current].filter((u) => u >= draft.updatedAt).slice(-200));
          setPersisted(true);
        },
        { onState: setSaveState },
      ),
    [],
  );

  const changed = () => {
    // A read-only note is never written: its stored content stays exactly as it is.
    if (readOnly) return;
    const now = new Date().toISOString();
    // Keep updatedAt strictly increasing so the journal and saves order correctly.
    const updatedAt = now > latest.current.updatedAt ? now : new Date(Date.parse(latest.current.updatedAt) + 1).toISOString();
    const { title: ti, kind: k, tagsText: tg } = fields.current;
    const draft: NoteDraft = { ...latest.current, title: ti, kind: k, tags: parseTags(tg), doc: latestDoc.current, updatedAt };
    latest.current = draft;
    ours.current.add(updatedAt);
    touched.current = true;
    saver.update(draft);
  };
  const changedRef = useRef(changed);
  changedRef.current = changed;

  const editor = useEditor({
    extensions: setup.extensions,
    content: prepared.content as JSONContent | null,
    editable: !readOnly,
    // The CSP forbids inline <style>: the editor's CSS is in notes.css.
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: 'note-prose',
        'aria-label': t.panelLabel,
        'aria-multiline': 'true',
        role: 'textbox',
        'data-testid': 'note-body',
      },
    },
    onUpdate: ({ editor: ed }) => {
      if (!ed.isEditable) return;
      const doc = restoreDoc(ed.state.doc);
      latestDoc.current = doc;
      setZi(deriveNote(doc).zi);
      changedRef.current();
    },
  });

  // The caret goes in the body at once, with whatever was typed while the note was opening.
  useLayoutEffect(() => {
    if (readOnly) {
      // Keep catching while the note is shown: what is typed goes with 另存为新笔记, never into this note.
      if (!typeAheadActive()) return;
      const sync = () => {
        typedIntoReadOnly.current = peekTypeAhead();
        setNotice(typedIntoReadOnly.current.trim() ? t.typedKept : null);
      };
      sync();
      const unwatch = watchTypeAhead(sync);
      return () => {
        unwatch();
        cancelTypeAhead();
      };
    }
    if (editor.isDestroyed) {
      cancelTypeAhead();
      return;
    }
    const typed = takeTypeAhead();
    focusEnd(editor);
    if (typed) insertTyped(editor, typed);
  }, [editor, readOnly]);

  const active = useEditorState({
    editor,
    selector: ({ editor: ed }) => ({
      h2: ed.isActive('heading', { level: 2 }),
      h3: ed.isActive('heading', { level: 3 }),
      bold: ed.isActive('bold'),
      bullet: ed.isActive('bulletList'),
      ordered: ed.isActive('orderedList'),
      quote: ed.isActive('blockquote'),
      mark: ed.isActive('highlight'),
      canUndo: ed.can().undo(),
      canRedo: ed.can().redo(),
    }),
  });

  // Title, kind and tags are part of the note too.
  useEffect(() => {
    const same = title === initial.title && kind === initial.kind && tagsText === initial.tags.join(' ');
    if (same && !touched.current) return;
    changedRef.current();
  }, [title, kind, tagsText, initial]);

  // Nothing typed is lost: journal synchronously and flush when the page goes away.
  useEffect(() => {
    const toJournal = () => {
      const draft = latest.current;
      if (!touched.current) return;
      if (confirmedAt.current && draft.updatedAt <= confirmedAt.current) return;
      try {
        // With the stored versions this editor knows as its own (from the newest confirmed on):
        // a replay over a version it never saw keeps both (core/notes recoverNoteJournals).
        const since = confirmedAt.current;
        writeJournal(toNoteRow(draft), undefined, [...ours.current].filter((u) => since === null || u >= since).slice(-200));
      } catch (error) {
        console.warn('note journal skipped', error);
      }
    };
    const onHide = () => {
      toJournal();
      void saver.flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onHide();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      toJournal();
      void saver.flush();
      saver.dispose();
    };
  }, [saver]);

  const close = async () => {
    if (readOnly) {
      onClose();
      return;
    }
    await saver.flush();
    const row = toNoteRow(latest.current);
    // An untouched or emptied note is not kept.
    if (isEmptyNote(row) && (confirmedAt.current || stored)) {
      await noteRepo.remove(row.id);
      clearJournal(row.id, '9999');
    }
    onClose();
  };

  const remove = async () => {
    if (!(await confirm({ title: t.delete, message: t.confirmDelete, confirmLabel: t.delete, danger: true }))) return;
    saver.discard();
    await saver.flush();
    // The note this editor shows now (a new one if its words moved there).
    const id = latest.current.id;
    await noteRepo.remove(id);
    clearJournal(id, '9999');
    onClose();
  };

  const copyText = async () => {
    const text = prepared.editable ? '' : prepared.text;
    try {
      await navigator.clipboard.writeText(text);
      setNotice(t.copied);
    } catch {
      setNotice(t.copyFailed);
    }
  };

  const saveAsNew = async () => {
    if (prepared.editable) return;
    if (typeAheadActive()) typedIntoReadOnly.current = peekTypeAhead();
    try {
      const draft = newDraft(kind, initial.articleId, initial.highlightId);
      draft.title = `${title}${t.copySuffix}`.slice(0, 500);
      draft.tags = [...initial.tags];
      draft.doc = {
        type: 'doc',
        content: [prepared.text, typedIntoReadOnly.current]
          .filter(Boolean)
          .join('\n')
          .split('\n')
          .map((l) => (l ? { type: 'paragraph', content: [{ type: 'text', text: l }] } : { type: 'paragraph' })),
      };
      await noteRepo.save(draft);
      if (onOpenNote) onOpenNote(draft.id);
      else onClose();
    } catch (error) {
      setNotice(t.saveAsNewFailed(error instanceof Error ? error.message : String(error)));
    }
  };

  const insertHighlight = (h: HighlightRow) => {
    const row = useLibrary.getState().rows.get(h.articleId) ?? article;
    const source = row ? sourceOf(row) : { title: '', origin: null, publishedAt: null };
    editor.chain().focus().insertContent(quoteBlock(h.selector.exact, source)).run();
    setPicker(false);
  };

  const btn = (label: string, on: boolean, run: () => void, keys?: string) => (
    <Button small aria-pressed={on} title={keys ? `${label}（${keys}）` : label} onMouseDown={(e) => e.preventDefault()} onClick={run}>
      {label}
    </Button>
  );

  const statusText =
    saveState.state === 'saved'
      ? t.saved
      : saveState.state === 'saving'
        ? t.saving
        : saveState.state === 'pending'
          ? t.unsaved
          : t.saveFailed(saveState.message);

  return (
    <div
      className={`note-editor ${variant}`}
      data-testid="note-editor"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !picker) {
          e.preventDefault();
          e.stopPropagation();
          void close();
        }
      }}
    >
      <div className="note-head">
        <Select aria-label={t.kindLabel} value={kind} disabled={readOnly} onChange={(e) => setKind(e.target.value as NoteKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t.kinds[k]}
            </option>
          ))}
        </Select>
        <Input
          className="note-title"
          aria-label={t.titlePlaceholder}
          placeholder={t.titlePlaceholder}
          value={title}
          readOnly={readOnly}
          maxLength={500}
          onChange={(e) => setTitle(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              editor.commands.focus('start');
            }
          }}
        />
        <span className="note-zi" data-testid="note-zi" aria-live="polite">
          {t.zi(zi)}
        </span>
        <span
          className={`note-status${saveState.state === 'error' ? ' error' : ''}`}
          role={saveState.state === 'error' ? 'alert' : 'status'}
          data-testid="note-status"
        >
          {statusText}
        </span>
        {persisted && !readOnly ? (
          <Button kind="quiet" onClick={() => void remove()}>
            {t.delete}
          </Button>
        ) : null}
        <Button onClick={() => void close()} title={`${t.close}（Esc）`}>
          {t.close}
        </Button>
      </div>
      {article && !highlight ? <p className="note-about">{t.onArticle(article.title)}</p> : null}
      {highlight ? (
        <blockquote className={`note-quote color-${highlight.color}`} aria-label={t.onHighlight} data-testid="note-quote">
          <p>{highlight.selector.exact}</p>
          {article ? <cite>{citationLine(sourceOf(article))}</cite> : null}
        </blockquote>
      ) : null}
      {prepared.editable ? null : (
        <div className="note-readonly" role="alert" data-testid="note-readonly">
          <p>{t.readOnly(t.readOnlyReasons[prepared.reason])}</p>
          <Button onClick={() => void copyText()}>{t.copyText}</Button>
          <Button onClick={() => void saveAsNew()}>{t.saveAsNew}</Button>
          {notice ? <span className="muted">{notice}</span> : null}
        </div>
      )}
      {forkNotice ? (
        <p className="note-readonly" role="status" data-testid="note-notice">
          {forkNotice}
        </p>
      ) : null}
      <div className="note-toolbar" role="toolbar" aria-label={t.toolbar} hidden={readOnly}>
        {btn(t.heading2, active.h2, () => editor.chain().focus().toggleHeading({ level: 2 }).run(), 'Ctrl+Alt+2')}
        {btn(t.heading3, active.h3, () => editor.chain().focus().toggleHeading({ level: 3 }).run(), 'Ctrl+Alt+3')}
        {btn(t.bold, active.bold, () => editor.chain().focus().toggleBold().run(), 'Ctrl+B')}
        {btn(t.bulletList, active.bullet, () => editor.chain().focus().toggleBulletList().run(), 'Ctrl+Shift+8')}
        {btn(t.orderedList, active.ordered, () => editor.chain().focus().toggleOrderedList().run(), 'Ctrl+Shift+7')}
        {btn(t.blockquote, active.quote, () => editor.chain().focus().toggleBlockquote().run(), 'Ctrl+Shift+B')}
        {btn(t.highlightMark, active.mark, () => editor.chain().focus().toggleHighlight().run(), 'Ctrl+Shift+H')}
        <span className="sep" />
        <Button small disabled={!active.canUndo} onClick={() => editor.chain().focus().undo().run()} title={`${t.undo}（Ctrl+Z）`}>
          {t.undo}
        </Button>
        <Button small disabled={!active.canRedo} onClick={() => editor.chain().focus().redo().run()} title={`${t.redo}（Ctrl+Shift+Z）`}>
          {t.redo}
        </Button>
        <span className="sep" />
        <Button small aria-expanded={picker} aria-haspopup="listbox" onClick={() => setPicker((p) => !p)}>
          {t.insertHighlight}
        </Button>
      </div>
      {picker ? <HighlightPicker articleId={initial.articleId} onPick={insertHighlight} onCancel={() => setPicker(false)} /> : null}
      <EditorContent editor={editor} className="note-content" />
      <label className="note-tags">
        <span>{t.tags}</span>
        <Input
          list="note-tag-options"
          value={tagsText}
          readOnly={readOnly}
          placeholder={t.tagsPlaceholder}
          onChange={(e) => setTagsText(e.target.value)}
        />
        <datalist id="note-tag-options">
          {knownTags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </label>
    </div>
  );
}

function HighlightPicker({ articleId, onPick, onCancel }: { articleId: string | null; onPick(h: HighlightRow): void; onCancel(): void }) {
  const [rows, setRows] = useState<HighlightRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const titles = useLibrary((s) => s.rows);
  const titleOf = useMemo(() => new Map([...titles.values()].map((a) => [a.id, a.title])), [titles]);

  useEffect(() => {
    noteRepo.insertableHighlights(articleId).then(setRows, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [articleId]);

  const shown = useMemo(() => {
    const q = query.trim();
    return (rows ?? []).filter((h) => !q || h.selector.exact.includes(q) || (titleOf.get(h.articleId) ?? '').includes(q));
  }, [rows, query, titleOf]);

  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(shown.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const h = shown[active];
      if (h) onPick(h);
    }
  };

  return (
    <div className="highlight-picker" onKeyDown={onKey}>
      <Input
        autoFocus
        type="search"
        value={query}
        placeholder={t.insertFilter}
        aria-label={t.insertHighlightLabel}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
      />
      {error ? <p className="error">{error}</p> : null}
      {rows && shown.length === 0 ? <p className="muted">{t.noHighlights}</p> : null}
      <ul role="listbox" aria-label={t.insertHighlightLabel}>
        {shown.map((h, i) => (
          <li key={h.id} role="option" aria-selected={i === active}>
            {/* A row of the listbox, styled as one (not a ui Button). */}
            <button type="button" className={i === active ? 'active' : undefined} onClick={() => onPick(h)}>
              <span className={`swatch color-${h.color}`} aria-hidden="true" />
              <span className="quote">{excerpt(h.selector.exact, 80)}</span>
              {articleId ? null : <span className="muted">《{titleOf.get(h.articleId) ?? ''}》</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
