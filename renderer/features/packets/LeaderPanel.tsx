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
import type { ArticleContext } from '../../core/highlights';
import { quoteBlock } from '../../core/notes/noteText';
import { selectionInArticle, useHighlights, type TextMap } from '../highlights';
import { errorText } from './files';

const t = messages.packets;
const NOTHING_LOCKED: ReadonlySet<string> = new Set();

type HighlightRow = Awaited<ReturnType<typeof packets.markExcerpt>>;

function Excerpt({ row, article, locked }: { row: HighlightRow; article: ArticleContext; locked: boolean }) {
  const [comment, setComment] = useState(row.comment ?? '');
  const [note, setNote] = useState<string | null>(null);

  const fail = (error: unknown) => setNote(errorText(error).message);
  const save = async () => {
    const next = await packets.commentExcerpt(row, comment);
    useHighlights.getState().applyRows([next]);
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
    await packets.copyToNote(article.row.id, `${t.leaderPanel}：${row.selector.exact.slice(0, 20)}`, { type: 'doc', content });
    setNote(t.copiedToNotes);
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
          <Textarea
            aria-label={t.commentPlaceholder}
            placeholder={t.commentPlaceholder}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
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
      <Button small kind="primary" onMouseDown={(e) => e.preventDefault()} onClick={() => void mark()}>
        {t.markSelection}
      </Button>
      {hint ? <span className="pk-warn"> {hint}</span> : null}
      {leader.length === 0 ? <p className="pk-note">{t.leaderEmpty}</p> : null}
      <ul>
        {leader.map((row) => (
          <Excerpt key={row.id} row={row} article={article} locked={locked.has(row.id)} />
        ))}
      </ul>
    </aside>
  );
}
