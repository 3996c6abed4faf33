/**
 * 重点摘编 beside the article: the leader's excerpts with comments. The leader marks the
 * selection as an excerpt and comments on it; a member reads them (the overlay can be switched
 * off in the reader bar) and copies one into their own notes. Excerpts that came in a packet
 * are read-only here: only a new packet version changes them.
 */
import { useMemo, useState } from 'react';
import { describe } from '../../../shared/anchoring';
import { packets } from '../../core/packets';
import { messages } from '../../i18n/messages';
import { useLiveResult } from '../../ui/useLiveResult';
import { Button, notify, Textarea } from '../../ui';
import { useDraftJournal } from '../../ui/useDraftJournal';
import type { ArticleContext } from '../../core/highlights';
import { quoteBlock } from '../../core/notes/noteText';
import { selectionInArticle, useHighlights, type TextMap } from '../highlights';
import { errorText } from './files';

const t = messages.packets;
const NOTHING_LOCKED: ReadonlySet<string> = new Set();

type HighlightRow = Awaited<ReturnType<typeof packets.markExcerpt>>;

/** The comment draft left for this excerpt by an earlier page, unless it says what is stored (then it goes). */
function keptComment(row: HighlightRow): { text: string; token: string } | null {
  const kept = packets.commentDraft(row.id);
  if (kept && kept.text.trim() === (row.comment ?? '')) {
    packets.settleCommentDraft(kept.token);
    return null;
  }
  return kept;
}

function Excerpt({ row, article, locked }: { row: HighlightRow; article: ArticleContext; locked: boolean }) {
  // Typed here before the page last went and never saved: shown again as a draft, never saved by itself.
  const [restored, setRestored] = useState(() => (locked ? null : keptComment(row)));
  const journal = useDraftJournal((text: string) => packets.draftComment(row.id, text), packets.settleCommentDraft, restored?.token);
  const [comment, setComment] = useState(restored?.text ?? row.comment ?? '');
  const [note, setNote] = useState<string | null>(null);

  const fail = (error: unknown) => setNote(errorText(error).message);
  const type = (text: string) => {
    setComment(text);
    if (text.trim() === (row.comment ?? '')) {
      journal.saved(null);
      setRestored(null);
    } else journal.typed(text);
  };
  const save = async () => {
    const saving = packets.commentExcerpt(row, comment);
    // The draft's entry goes once the comment is stored; a refused save keeps it.
    journal.saved(saving, 'success');
    const next = await saving;
    setRestored(null);
    useHighlights.getState().applyRows([next]);
  };
  const discard = () => {
    journal.saved(null);
    setRestored(null);
    setComment(row.comment ?? '');
  };
  // Deleting is undoable: the notice offers 撤销, which puts the same row back.
  const remove = async () => {
    await packets.removeExcerpt(row);
    useHighlights.getState().dropRow(row.id);
    notify(t.excerptRemoved, {
      action: {
        label: messages.ui.undo,
        run: () =>
          void packets.restoreExcerpt(row).then(
            () => useHighlights.getState().applyRows([row]),
            (e: unknown) => notify(errorText(e).message, { kind: 'error' }),
          ),
      },
    });
  };
  const copy = async () => {
    const source = { title: article.row.title, origin: article.row.origin ?? article.row.sourceName, publishedAt: article.row.publishedAt };
    const content = [quoteBlock(row.selector.exact, source)];
    if (row.comment) content.push({ type: 'paragraph', content: [{ type: 'text', text: `${t.leaderPanel}批注：${row.comment}` }] });
    content.push({ type: 'paragraph' });
    // A personal highlight on the same place, with the note on it: the member's own to change.
    const copied = await packets.copyExcerptToMine(row.id, `${t.leaderPanel}：${row.selector.exact.slice(0, 20)}`, {
      type: 'doc',
      content,
    });
    useHighlights.getState().applyRows([copied.highlight]);
    setNote(messages.roles.copiedMine);
  };

  return (
    <li data-testid="leader-excerpt">
      <blockquote>{row.selector.exact}</blockquote>
      {locked ? (
        row.comment ? (
          <div className="leader-comment" data-testid="leader-comment">
            {row.comment}
          </div>
        ) : null
      ) : (
        <div>
          {restored ? (
            <p className="pk-note" role="status" data-testid="comment-draft-note">
              {t.commentDraftRestored}{' '}
              <Button small kind="quiet" onClick={discard}>
                {t.discardCommentDraft}
              </Button>
            </p>
          ) : null}
          <Textarea
            aria-label={t.commentPlaceholder}
            placeholder={t.commentPlaceholder}
            value={comment}
            onChange={(e) => type(e.target.value)}
            rows={2}
          />
          <Button small onClick={() => void save().catch(fail)}>
            {t.saveComment}
          </Button>
          <Button small kind="quiet" onClick={() => void remove().catch(fail)}>
            {t.removeExcerpt}
          </Button>
        </div>
      )}
      <Button small onClick={() => void copy().catch(fail)}>
        {t.copyToNotes}
      </Button>
      {locked ? <span className="pk-note"> {t.fromPacket}</span> : null}
      {note ? (
        <span role="status" className="pk-note">
          {' '}
          {note}
        </span>
      ) : null}
    </li>
  );
}

export function LeaderPanel({ article, getMap }: { article: ArticleContext; getMap(): TextMap }) {
  const rows = useHighlights((s) => s.rows);
  const [hint, setHint] = useState<string | null>(null);
  // Live: a packet installed or a session planned meanwhile changes what is locked and shown.
  const context = useLiveResult(() => packets.leaderContext(article.row.id), [article.row.id]);
  const locked = context.state === 'ready' ? context.value.locked : NOTHING_LOCKED;
  const isReading = context.state === 'ready' && context.value.isReading;
  // A member's copy: every excerpt read-only (the core refuses the writes too, roles.ts).
  const readOnly = context.state === 'ready' ? context.value.readOnly : null;
  const leader = useMemo(
    () =>
      [...rows.values()]
        .filter((r) => r.layer === 'leader' && r.articleId === article.row.id)
        .sort((a, b) => a.selector.start - b.selector.start),
    [rows, article.row.id],
  );

  const mark = async () => {
    const span = selectionInArticle(getMap());
    if (!span) {
      setHint(t.needSelection);
      return;
    }
    setHint(null);
    try {
      const row = await packets.markExcerpt(article.row.id, article.row.version, describe(article.text, span.start, span.end));
      useHighlights.getState().applyRows([row]);
    } catch (error) {
      setHint(errorText(error).message);
      return;
    }
    window.getSelection()?.removeAllRanges();
  };

  // Only on a session's readings, or where there are excerpts already.
  if (!isReading && leader.length === 0) return null;
  return (
    <aside className="leader-panel" aria-label={t.leaderPanel} data-testid="leader-panel">
      <h3>{t.leaderPanel}</h3>
      <Button
        small
        kind="primary"
        disabled={!!readOnly}
        title={readOnly ?? undefined}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => void mark()}
      >
        {t.markSelection}
      </Button>
      {readOnly ? (
        <p className="pk-note" data-testid="leader-readonly">
          {readOnly}
        </p>
      ) : null}
      {hint ? <span className="pk-warn"> {hint}</span> : null}
      {leader.length === 0 ? <p className="pk-note">{t.leaderEmpty}</p> : null}
      <ul>
        {leader.map((row) => (
          <Excerpt key={row.id} row={row} article={article} locked={!!readOnly || locked.has(row.id)} />
        ))}
      </ul>
    </aside>
  );
}
