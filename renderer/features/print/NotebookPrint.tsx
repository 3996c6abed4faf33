/**
 * The notebook on paper, under its filter: quotes with citations and notes, by article in
 * reading order. Entries, filtering and order are the notebook's own (entries.ts); the Word
 * file is the notebook's own exporter.
 */
import { useEffect, useState } from 'react';
import { formatChineseDate } from '../../../shared/text';
import { db } from '../../db';
import { recoverNoteJournals } from '../../core/notes';
import { messages } from '../../i18n/messages';
import {
  buildEntries,
  buildIndex,
  entriesForExport,
  isFilterEmpty,
  type ArticleInfo,
  type NotebookEntry,
  type NotebookFilter,
} from '../notebook/entries';
import { localIsoDate, noteHeading } from '../notebook/exportMarkdown';
import { citationLine } from '../../core/notes/noteText';
import { PRINT_FONTS } from './layout';
import { NoteDoc } from './NoteDoc';
import { fontsReady } from './paginate';
import type { PrintOptions } from './routes';
import type { DocReport } from './PrintView';

const t = messages.print;

interface Loaded {
  entries: NotebookEntry[];
  articles: Map<string, ArticleInfo>;
}

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
  const [data, setData] = useState<Loaded | null>(null);
  const [date] = useState(() => new Date());

  useEffect(() => {
    let live = true;
    void (async () => {
      await recoverNoteJournals();
      const [highlights, notes, articles] = await Promise.all([db.highlights.toArray(), db.notes.toArray(), db.articles.toArray()]);
      const index = buildIndex(buildEntries(highlights, notes, articles));
      if (live) setData({ entries: entriesForExport(index, filter), articles: index.data.articles });
    })().catch((e: unknown) => live && report({ state: 'failed', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [filter, report]);

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
        docx: async () =>
          (await import('../notebook/exportDocx')).notebookDocx(data.entries, data.articles, { date, filtered: !isFilterEmpty(filter) }),
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
