/**
 * 查看原件: the original of a document article. PDFs render page by page with pdf.js (canvas
 * plus a selectable text layer), with page navigation (PageUp/PageDown, a 第 N 页 field) and
 * zoom; other formats are opened with the system's program or downloaded.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { documents } from '../../core/documents';
import { getArticle, type LibraryRow } from '../../core/library';
import { messages } from '../../i18n/messages';
import { Button, EmptyState, NumberInput, Page, PageHeader, Toolbar, readInteger } from '../../ui';
import { navigate } from '../../ui/router';
import { isTypingTarget } from '../../ui/useKeyboard';
import { openOriginal } from './open';
import { openPdf, renderPage, type PDFDocumentProxy } from './pdf';
import './original.css';

const t = messages.documents;
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

type State =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'error'; message: string }
  | { state: 'other'; row: LibraryRow }
  | { state: 'pdf'; row: LibraryRow; pdf: PDFDocumentProxy };

export function OriginalView({ id, page: initialPage }: { id: string; page?: number }) {
  const [loaded, setLoaded] = useState<State>({ state: 'loading' });
  const [page, setPage] = useState(initialPage ?? 1);
  const [zoom, setZoom] = useState(1.25);
  const [field, setField] = useState(String(initialPage ?? 1));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [rendered, setRendered] = useState<number | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | null = null;
    void (async () => {
      const row = await getArticle(id);
      if (cancelled) return;
      if (!row?.document) return setLoaded({ state: 'missing' });
      if (row.document.format !== 'pdf') return setLoaded({ state: 'other', row });
      const got = await documents.originalBytes(row.document);
      if (cancelled) return;
      if (!got.ok) return setLoaded({ state: 'error', message: t[got.why] });
      try {
        opened = await openPdf(got.bytes);
      } catch {
        if (!cancelled) setLoaded({ state: 'error', message: t.failed });
        return;
      }
      if (cancelled) return void opened.destroy();
      setPage((p) => Math.min(Math.max(1, p), opened!.numPages));
      setLoaded({ state: 'pdf', row, pdf: opened });
    })();
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [id]);

  const pdf = loaded.state === 'pdf' ? loaded.pdf : null;
  const total = pdf?.numPages ?? 0;

  useEffect(() => {
    setField(String(page));
    setFieldError(null);
  }, [page]);

  useEffect(() => {
    if (!pdf || !canvasRef.current || !textRef.current) return;
    let cancelled = false;
    setRendered(null);
    const canvas = canvasRef.current;
    const text = textRef.current;
    void pdf
      .getPage(page)
      .then((p) => renderPage(p, zoom, canvas, text))
      .then(
        () => !cancelled && setRendered(page),
        (error: unknown) => {
          if (cancelled) return;
          console.error(error);
          setLoaded({ state: 'error', message: t.failed });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [pdf, page, zoom]);

  const go = useCallback((n: number) => setPage((p) => (total ? Math.min(Math.max(1, n), total) : p)), [total]);

  useEffect(() => {
    if (!pdf) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      // PageUp/PageDown turn pages from the 第 N 页 field too; + and - there are typing.
      const paging = e.key === 'PageDown' || e.key === 'PageUp';
      if (!paging && isTypingTarget(e.target)) return;
      if (e.key === 'PageDown') go(page + 1);
      else if (e.key === 'PageUp') go(page - 1);
      else if (e.key === '+' || e.key === '=') setZoom((z) => ZOOMS.find((x) => x > z) ?? z);
      else if (e.key === '-') setZoom((z) => [...ZOOMS].reverse().find((x) => x < z) ?? z);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pdf, page, go]);

  const back = () => navigate({ name: 'reader', id });
  const header = (title: string) => (
    <PageHeader
      title={title}
      actions={
        <Button kind="quiet" onClick={back}>
          {t.backToArticle}
        </Button>
      }
    />
  );

  if (loaded.state === 'loading')
    return (
      <Page label={t.viewOriginal} testId="original-view">
        <p role="status">{t.loading}</p>
      </Page>
    );
  if (loaded.state === 'missing')
    return (
      <Page label={t.viewOriginal} testId="original-view">
        <EmptyState title={messages.reader.notFound} />
      </Page>
    );
  if (loaded.state === 'error')
    return (
      <Page label={t.viewOriginal} testId="original-view">
        {header(t.viewOriginal)}
        <EmptyState title={loaded.message} testId="original-error" />
      </Page>
    );
  if (loaded.state === 'other') {
    const doc = loaded.row.document!;
    return (
      <Page label={t.viewOriginal} testId="original-view">
        {header(t.originalTitle(doc.name))}
        <EmptyState title={t.notPdf(doc.format)} actions={<Button onClick={() => void openOriginal(loaded.row)}>{t.download}</Button>} />
      </Page>
    );
  }

  const submitPage = () => {
    const r = readInteger(field, 1, total);
    if ('error' in r) return setFieldError(t.pageOutOfRange(total));
    go(r.value);
  };

  return (
    <Page label={t.viewOriginal} className="original-page" testId="original-view">
      {header(t.originalTitle(loaded.row.document!.name))}
      <Toolbar label={t.viewOriginal}>
        <Button small disabled={page <= 1} onClick={() => go(page - 1)}>
          {t.previousPage}
        </Button>
        <form
          className="original-page-field"
          onSubmit={(e) => {
            e.preventDefault();
            submitPage();
          }}
        >
          <span aria-hidden="true">{t.pageBefore}</span>
          <NumberInput
            aria-label={t.pageLabel}
            data-testid="original-page-field"
            value={field}
            inputMode="numeric"
            aria-invalid={fieldError ? true : undefined}
            onChange={(e) => setField(e.currentTarget.value)}
            onBlur={submitPage}
          />
          <span aria-hidden="true">{t.pageAfter}</span>
          <span data-testid="original-page-total">{t.pageOf(total)}</span>
        </form>
        <Button small disabled={page >= total} onClick={() => go(page + 1)}>
          {t.nextPage}
        </Button>
        <Button small onClick={() => setZoom((z) => [...ZOOMS].reverse().find((x) => x < z) ?? z)} disabled={zoom <= ZOOMS[0]!}>
          {t.zoomOut}
        </Button>
        <span className="original-zoom" data-testid="original-zoom">
          {t.zoom(Math.round(zoom * 100))}
        </span>
        <Button small onClick={() => setZoom((z) => ZOOMS.find((x) => x > z) ?? z)} disabled={zoom >= ZOOMS[ZOOMS.length - 1]!}>
          {t.zoomIn}
        </Button>
        <Button small kind="quiet" onClick={() => void openOriginal(loaded.row)}>
          {t.download}
        </Button>
        <small className="original-hint">{t.keysHint}</small>
      </Toolbar>
      {fieldError ? (
        <p className="original-error" role="alert">
          {fieldError}
        </p>
      ) : null}
      {/* In the Tab order: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable). */}
      <div className="original-scroll" tabIndex={0} role="region" aria-label={t.viewOriginal}>
        <div
          className="original-sheet"
          data-testid="original-sheet"
          data-page={rendered ?? undefined}
          aria-busy={rendered !== page}
          aria-label={`${t.pageBefore} ${page} ${t.pageAfter}`}
        >
          <canvas ref={canvasRef} data-testid="original-canvas" />
          <div ref={textRef} className="textLayer" data-testid="original-text" />
        </div>
      </div>
    </Page>
  );
}
