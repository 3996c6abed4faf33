/** Highlights that lost their text when the article changed (孤立的划线): kept, shown, re-placeable. */
import { useMemo } from 'react';
import { formatChineseDate } from '../../../shared/text';
import { messages } from '../../i18n/messages';
import { Button } from '../../ui';
import { relocateHighlight, type ArticleContext } from '../../core/highlights';
import { selectionInArticle } from './selection';
import { useHighlights } from './store';
import type { TextMap } from './textMap';

const t = messages.highlights;

export function OrphansPanel({ article, getMap }: { article: ArticleContext; getMap(): TextMap }) {
  const rows = useHighlights((s) => s.rows);
  const orphans = useMemo(
    () => [...rows.values()].filter((r) => r.orphan && r.layer === 'personal').sort((a, b) => a.selector.start - b.selector.start),
    [rows],
  );
  if (!orphans.length) return null;
  const relocate = (id: string) => {
    const span = selectionInArticle(getMap());
    if (!span) {
      useHighlights.getState().setNotice(t.orphanNeedSelection, true);
      return;
    }
    void relocateHighlight(id, article, span.start, span.end).then((ok) => {
      if (ok) window.getSelection()?.removeAllRanges();
    });
  };
  return (
    <aside className="reader-side orphans" aria-label={t.orphans} data-testid="orphans">
      <h2>
        {t.orphans}（{orphans.length}）
      </h2>
      <p className="hint">{t.orphansHint}</p>
      <ul>
        {orphans.map((r) => (
          <li key={r.id} data-testid="orphan">
            <blockquote className={`orphan-quote hl-edge-${r.color}`}>{r.selector.exact}</blockquote>
            <div className="orphan-meta">{formatChineseDate(r.createdAt)}</div>
            <Button small onMouseDown={(e) => e.preventDefault()} onClick={() => relocate(r.id)}>
              {t.orphanRelocate}
            </Button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
