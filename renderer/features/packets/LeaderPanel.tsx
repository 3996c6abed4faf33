/**
 * 重点摘编 beside the article: the leader's excerpts with comments. The leader marks the
 * selection as an excerpt and comments on it; a member reads them (the overlay can be switched
 * off in the reader bar) and copies one into their own notes. Excerpts that came in a packet
 * are read-only here: only a new packet version changes them.
 */
import { useEffect, useMemo, useState } from 'react';
import { describe } from '../../../shared/anchoring';
import { db, highlights } from '../../db';
import type { HighlightRow } from '../../db/schema';
import { newDraft } from '../../core/notes';
import { messages } from '../../i18n/messages';
import type { ArticleContext } from '../../core/highlights';
import { selectionInArticle } from '../highlights/selection';
import { useHighlights } from '../highlights/store';
import type { TextMap } from '../highlights/textMap';
import { quoteBlock } from '../../core/notes/noteText';
import { notes as noteRepo } from '../../core/notes';

const t = messages.packets;

function newLeaderId(): string {
  return `lh_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

function Excerpt({ row, article, locked }: { row: HighlightRow; article: ArticleContext; locked: boolean }) {
  const [comment, setComment] = useState(row.comment ?? '');
  const [note, setNote] = useState<string | null>(null);

  const save = async () => {
    const next: HighlightRow = { ...row, comment: comment.trim() || null, updatedAt: new Date().toISOString() };
    await highlights.put(next);
    useHighlights.getState().applyRows([next]);
  };
  const remove = async () => {
    await highlights.delete(row.id);
    useHighlights.getState().dropRow(row.id);
  };
  const copy = async () => {
    const draft = newDraft('note', article.row.id, null);
    const source = { title: article.row.title, origin: article.row.origin ?? article.row.sourceName, publishedAt: article.row.publishedAt };
    const content = [quoteBlock(row.selector.exact, source)];
    if (row.comment) content.push({ type: 'paragraph', content: [{ type: 'text', text: `${t.leaderPanel}批注：${row.comment}` }] });
    content.push({ type: 'paragraph' });
    await noteRepo.save({ ...draft, title: `${t.leaderPanel}：${row.selector.exact.slice(0, 20)}`, doc: { type: 'doc', content } });
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
          <textarea
            aria-label={t.commentPlaceholder}
            placeholder={t.commentPlaceholder}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            rows={2}
          />
          <button type="button" onClick={() => void save()}>
            {t.saveComment}
          </button>
          <button type="button" onClick={() => void remove()}>
            {t.removeExcerpt}
          </button>
        </div>
      )}
      <button type="button" onClick={() => void copy()}>
        {t.copyToNotes}
      </button>
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
  const [locked, setLocked] = useState<Set<string>>(new Set());
  const [hint, setHint] = useState<string | null>(null);
  const [isReading, setIsReading] = useState(false);
  const leader = useMemo(
    () =>
      [...rows.values()]
        .filter((r) => r.layer === 'leader' && r.articleId === article.row.id)
        .sort((a, b) => a.selector.start - b.selector.start),
    [rows, article.row.id],
  );

  useEffect(() => {
    void db.packets.toArray().then((list) => setLocked(new Set(list.flatMap((p) => p.highlightIds))));
    void db.sessions.toArray().then((list) => setIsReading(list.some((s) => s.readings.includes(article.row.id))));
  }, [article.row.id]);

  const mark = async () => {
    const span = selectionInArticle(getMap());
    if (!span) {
      setHint(t.needSelection);
      return;
    }
    setHint(null);
    const now = new Date().toISOString();
    const row: HighlightRow = {
      id: newLeaderId(),
      articleId: article.row.id,
      layer: 'leader',
      color: 'orange',
      style: 'underline',
      selector: describe(article.text, span.start, span.end),
      articleVersion: article.row.version,
      orphan: false,
      tags: [],
      comment: null,
      createdAt: now,
      updatedAt: now,
    };
    await highlights.put(row);
    useHighlights.getState().applyRows([row]);
    window.getSelection()?.removeAllRanges();
  };

  // Only on a session's readings, or where there are excerpts already.
  if (!isReading && leader.length === 0) return null;
  return (
    <aside className="leader-panel" aria-label={t.leaderPanel} data-testid="leader-panel">
      <h3>{t.leaderPanel}</h3>
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => void mark()}>
        {t.markSelection}
      </button>
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
