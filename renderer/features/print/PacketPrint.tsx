/**
 * A packet or selection of articles on paper: cover, 目录 with page numbers, each article from a
 * new page (title, 来源/date line, body with the leader's excerpts and, by choice, the user's
 * highlights), endnotes after each article. Page numbers in the 目录 come from two (or more)
 * measuring passes over the real layout (paginate.ts), not from an estimate.
 */
import { useCallback, useEffect, useMemo } from 'react';
import { nestBookTitles, printableAuthor } from '../../../shared/print-text';
import { formatChineseDate } from '../../../shared/text';
import { printData } from '../../core/print';
import { messages } from '../../i18n/messages';
import { useLiveResult } from '../../ui/useLiveResult';
import { markArticleHtml, nestBookTitlesInHtml } from './markup';
import { coverOf, endnotesFor, marksFor, type Endnote, type PrintArticle } from './model';
import { NoteDoc } from './NoteDoc';
import { PrintCover, PrintToc, useTocStarts, type IsTocEntry } from './FrontMatter';
import type { PacketMeta, PrintOptions } from './routes';
import type { DocReport } from './PrintView';

const t = messages.print;

/** Each article's first sheet is a 目录 entry. */
const isArticleSheet: IsTocEntry = (sheet) => !!sheet.dataset.articleId;

interface Prepared {
  article: PrintArticle;
  html: string;
  notes: Endnote[];
  unplaced: number;
}

function byline(a: PrintArticle): string {
  const author = printableAuthor(a.author);
  return [
    a.origin ? `${t.origin}：${nestBookTitles(a.origin)}` : '',
    author ? `${t.author}：${author}` : '',
    formatChineseDate(a.publishedAt),
  ]
    .filter(Boolean)
    .join('　');
}

function EndnoteList({ notes }: { notes: readonly Endnote[] }) {
  if (notes.length === 0) return null;
  return (
    <div className="pr-endnotes">
      <h2>{t.endnotes}</h2>
      {notes.map((n) => (
        <div key={n.n} className="pr-endnote" data-testid="print-endnote">
          <p className="pr-endnote-head">
            [{n.n}] {n.label}
            {n.title ? `：${n.title}` : ''}
          </p>
          {n.quote ? <p className="pr-endnote-quote">“{n.quote}”</p> : null}
          {n.doc ? <NoteDoc doc={n.doc} fallback={n.text} /> : <p>{n.text}</p>}
        </div>
      ))}
    </div>
  );
}

export function PacketPrint({
  ids,
  meta,
  options,
  report,
}: {
  ids: string[] | null;
  meta: PacketMeta;
  options: PrintOptions;
  report: (r: DocReport) => void;
}) {
  // Live: an edit elsewhere (another tab, a packet re-issue) prints without reopening.
  const loaded = useLiveResult(() => printData.articles(ids), [ids]);
  const data = loaded.state === 'ready' ? loaded.value : null;
  const cover = coverOf(meta, data?.issuer ?? '', t.defaultTitle);
  const { title, date } = cover;

  useEffect(() => {
    if (loaded.state === 'failed') report({ state: 'failed', message: loaded.message });
  }, [loaded, report]);
  const prepared = useMemo<Prepared[]>(
    () =>
      (data?.articles ?? []).map((article) => {
        const { marks, unplaced } = marksFor(article, options);
        const notes = options.notes ? endnotesFor(article) : [];
        const marked = markArticleHtml(article.html, article.text, marks, notes);
        return { article, html: nestBookTitlesInHtml(marked.html), notes, unplaced: unplaced + (marked.placed ? 0 : marks.length) };
      }),
    [data, options],
  );

  // Measure, write the 目录 numbers, measure again until they hold.
  const settle = useCallback(
    (total: number) => {
      if (!data) return;
      const notices: string[] = [];
      if (data.missing.length) notices.push(t.missing(data.missing.length));
      const unplaced = prepared.reduce((n, p) => n + p.unplaced, 0);
      if (unplaced) notices.push(t.unplaced(unplaced));
      report({
        state: 'ready',
        pages: total,
        notices,
        fileName: `${title}-${date}`,
        docx: async () => (await import('./docx')).packetDocx(data.articles, { ...meta, unit: cover.unit }, options),
      });
    },
    [data, prepared, options, meta, title, date, cover.unit, report],
  );
  const { docRef, starts } = useTocStarts(data, options, isArticleSheet, settle);

  if (data && data.articles.length === 0) return <p className="pr-notice">{t.noArticles}</p>;

  return (
    <div ref={docRef} className={`pr-doc pr-${options.layout}`} data-testid="print-doc">
      <PrintCover
        title={nestBookTitles(title)}
        lines={cover.session ? [nestBookTitles(cover.session)] : []}
        unit={cover.unit}
        date={date}
      />
      <PrintToc entries={prepared.map((p) => ({ key: p.article.id, name: nestBookTitles(p.article.title) }))} starts={starts} />
      {prepared.map((p) => (
        <section key={p.article.id} className="pr-sheet pr-article" data-article-id={p.article.id}>
          <h1 className="pr-title">{nestBookTitles(p.article.title)}</h1>
          {byline(p.article) ? <p className="pr-byline">{byline(p.article)}</p> : null}
          <div className="pr-body" dangerouslySetInnerHTML={{ __html: p.html }} />
          <EndnoteList notes={p.notes} />
        </section>
      ))}
    </div>
  );
}
