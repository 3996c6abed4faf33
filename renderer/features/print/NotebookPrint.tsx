/**
 * The notebook on paper, under its filter: quotes with citations and notes, by article in
 * reading order. Entries, filtering and order are the notebook's own (entries.ts); the Word
 * file is the notebook's own exporter.
 */
import { useEffect, useState } from 'react';
import { formatChineseDate } from '../../../shared/text';
import { isFilterEmpty, notebook, type ArticleInfo, type NotebookFilter } from '../../core/notebook';
import { printData } from '../../core/print';
import { messages } from '../../i18n/messages';
import { useLiveResult } from '../../ui/useLiveResult';
import { loadNotebookDocx, localIsoDate, noteHeading } from '../notebook';
import { citationLine } from '../../core/notes/noteText';
import { PRINT_FONTS } from './layout';
import { NoteDoc } from './NoteDoc';
import { fontsReady } from './paginate';
import type { PrintOptions } from './routes';
import type { DocReport } from './PrintView';

const t = messages.print;

function Quote({ quote, info }: { quote: string; info: ArticleInfo | undefined }) {
  return (
    <div className="pr-nb-quote">
      {quote
        .split('\n')
        .filter((l) => l.trim())
        .map((l, i) => (
          <p key={i}>{l.trim()}</p>
        ))}
      {info ? <p className="pr-nb-cite">{citationLine(info)}</p> : null}
    </div>
  );
}

export function NotebookPrint({
  filter,
  options,
  report,
}: {
  filter: NotebookFilter;
  options: PrintOptions;
  report: (r: DocReport) => void;
}) {
  const [date] = useState(() => new Date());
  // Text a closed note editor left in its journal is written back first (a write: not in the live query).
  const [recovered, setRecovered] = useState(false);
  useEffect(() => {
    notebook.recoverJournals().then(
      () => setRecovered(true),
      (e: unknown) => report({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [report]);
  // The notebook view's own loader, live.
  const loaded = useLiveResult(async () => (recovered ? printData.notebook(filter) : null), [filter, recovered]);
  const data = loaded.state === 'ready' ? loaded.value : null;
  useEffect(() => {
    if (loaded.state === 'failed') report({ state: 'failed', message: loaded.message });
  }, [loaded, report]);

  useEffect(() => {
    if (!data) return;
    let live = true;
    void fontsReady(PRINT_FONTS).then(() => {
      if (!live) return;
      report({
        state: 'ready',
        pages: null,
        notices: [],
        fileName: `${t.notebookTitle}-${localIsoDate(date)}`,
        docx: async () => (await loadNotebookDocx())(data.entries, data.articles, { date, filtered: !isFilterEmpty(filter) }),
      });
    });
    return () => {
      live = false;
    };
  }, [data, date, filter, report]);

  if (!data) return null;
  let group: string | null | undefined;
  let lastHighlight: string | null = null;
  const items: React.ReactNode[] = [];
  for (const e of data.entries) {
    const info = e.articleId ? data.articles.get(e.articleId) : undefined;
    if (e.articleId !== group) {
      group = e.articleId;
      lastHighlight = null;
      items.push(
        <h2 key={`g-${e.key}`} className="pr-nb-group">
          {e.articleId ? `《${info?.title ?? e.articleId}》` : messages.notebook.standalone}
        </h2>,
      );
      if (info)
        items.push(
          <p key={`s-${e.key}`} className="pr-nb-sub">
            {[info.origin, formatChineseDate(info.publishedAt)].filter(Boolean).join('　')}
          </p>,
        );
    }
    const tags = e.tags.length ? <p className="pr-nb-tags">{`${messages.notes.tags}：${e.tags.join('、')}`}</p> : null;
    if (e.kind === 'highlight') {
      lastHighlight = e.id;
      items.push(
        <div key={e.key} className="pr-nb-entry" data-testid="print-nb-entry">
          <Quote quote={e.quote ?? ''} info={info} />
          {e.text.trim() ? <p>{`${messages.notebook.comment}：${e.text.trim()}`}</p> : null}
          {tags}
        </div>,
      );
      continue;
    }
    items.push(
      <div key={e.key} className="pr-nb-entry" data-testid="print-nb-entry">
        <p className="pr-nb-note-head">{noteHeading(e)}</p>
        {e.quote && e.highlightId !== lastHighlight ? <Quote quote={e.quote} info={info} /> : null}
        <NoteDoc doc={e.doc} fallback={e.text} />
        {tags}
      </div>,
    );
  }
  return (
    <div className={`pr-doc pr-${options.layout}`} data-testid="print-doc">
      <section className="pr-sheet">
        <h1 className="pr-form-title">{t.notebookTitle}</h1>
        <p className="pr-form-sub">{messages.notebook.exportedAt(formatChineseDate(localIsoDate(date)), data.entries.length)}</p>
        {items}
      </section>
    </div>
  );
}
