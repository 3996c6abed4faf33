/**
 * 打印预览: the print route. A toolbar (layout, my highlights, notes as endnotes, 打印, 导出 PDF,
 * 导出 Word) that does not print, above the document to print. On the desktop, 打印 opens the
 * system dialog and 导出 PDF uses printToPDF (through the contract); in the browser host 打印 is
 * the browser's own print, and 导出 PDF has the host's Chromium print this document to a file
 * that downloads (the print dialog, with a sentence saying why, where the host has none).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { appHost } from '../../core/app';
import { printData } from '../../core/print';
import { messages } from '../../i18n/messages';
import { Button, Checkbox, Select } from '../../ui';
import { downloadBlob } from '../notebook';
import { ArchivePrint } from './ArchivePrint';
import { NotebookPrint } from './NotebookPrint';
import { PacketPrint } from './PacketPrint';
import { RecordPrint } from './RecordPrint';
import { RecordToChannel } from './RecordToChannel';
import { ReturnsPrint } from './ReturnsPrint';
import { parsePrintPath, printHref, type PrintOptions, type PrintRoute } from './routes';
import './print-fonts.css';
import './print.css';

const t = messages.print;

export type DocReport =
  | {
      state: 'ready';
      /** Pages measured, when the view measures them. */
      pages: number | null;
      notices: string[];
      /** Without extension. */
      fileName: string;
      /** Builds the Word document, or null where there is none. */
      docx: (() => Promise<import('docx').Document>) | null;
    }
  | { state: 'failed'; message: string };

function safeName(name: string): string {
  const printable = [...name].filter((c) => c.charCodeAt(0) >= 0x20).join('');
  return printable.replace(/[\\/:*?"<>|]/g, '_').slice(0, 120) || 'yandu';
}

function Toolbar({ route, report }: { route: PrintRoute; report: DocReport | null }) {
  // Whether the host prints the window itself (a capability it reports, not which host it is).
  const [printsWindow, setPrintsWindow] = useState(false);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    appHost.info().then(
      (i) => setPrintsWindow(i.capabilities.printsWindow),
      () => setPrintsWindow(false),
    );
  }, []);
  const ready = report?.state === 'ready' ? report : null;
  // The route (hash) is the truth, but hashchange arrives later: show the choice at once.
  const [options, setOptions] = useState(route.options);
  useEffect(() => setOptions(route.options), [route.options]);
  const set = (o: Partial<PrintOptions>) => {
    const next = { ...options, ...o };
    setOptions(next);
    window.location.hash = printHref({ ...route, options: next });
  };
  const fail = (e: unknown) => setStatus({ text: t.failed(e instanceof Error ? e.message : String(e)), error: true });

  const print = () => {
    if (printsWindow) printData.dialog().catch(fail);
    else window.print();
  };
  // The document as laid out here, as a PDF from the host (its Chromium, or the desktop window).
  const pdfOfDocument = async () => {
    const doc = document.querySelector('[data-testid="print-doc"]');
    if (!doc) return { base64: null, reason: '' };
    const stylesheets = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => new URL(l.href).pathname);
    return printData.exportPdfBase64(doc.outerHTML, stylesheets);
  };
  const pdf = async () => {
    if (!ready) return;
    const name = `${safeName(ready.fileName)}.pdf`;
    if (printsWindow) {
      printData.toPdf(name).then((r) => setStatus({ text: r.path ? t.saved(r.path) : t.cancelled }), fail);
      return;
    }
    // The browser host prints the document as laid out here with its machine's Chromium; where
    // it has none, the print dialog's "另存为 PDF" does the same, with a sentence saying why.
    const doc = document.querySelector('[data-testid="print-doc"]');
    if (!doc) return;
    const stylesheets = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => new URL(l.href).pathname);
    setExporting(true);
    setStatus({ text: t.pdfExporting });
    try {
      const r = await printData.exportPdf(doc.outerHTML, stylesheets);
      if (r.pdf) {
        downloadBlob(r.pdf, name);
        setStatus({ text: t.pdfExported(name) });
      } else {
        setStatus({ text: t.pdfFallback(r.reason || t.browserPdfHint) });
        window.print();
      }
    } catch (e) {
      fail(e);
    } finally {
      setExporting(false);
    }
  };
  const word = async () => {
    if (!ready?.docx) return;
    // Laying out the pages for the 目录's numbers takes a few seconds on a long packet: say so.
    setExporting(true);
    setStatus({ text: t.docxExporting });
    try {
      const [{ Packer }, doc] = await Promise.all([import('docx'), ready.docx()]);
      const name = `${safeName(ready.fileName)}.docx`;
      downloadBlob(await Packer.toBlob(doc), name);
      setStatus({ text: t.pdfExported(name) });
    } catch (e) {
      fail(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="pr-toolbar" role="toolbar" aria-label={t.toolbar}>
      <Button onClick={() => history.back()}>{t.back}</Button>
      <label>
        {t.layout}
        <Select value={options.layout} onChange={(e) => set({ layout: e.target.value === 'compact' ? 'compact' : 'gbt' })}>
          <option value="gbt">{t.layouts.gbt}</option>
          <option value="compact">{t.layouts.compact}</option>
        </Select>
      </label>
      {route.target.kind === 'articles' ? (
        <>
          <Checkbox label={t.mine} checked={options.mine} onChange={(e) => set({ mine: e.target.checked })} />
          <Checkbox label={t.notes} checked={options.notes} onChange={(e) => set({ notes: e.target.checked })} />
        </>
      ) : null}
      <Button kind="primary" onClick={print} disabled={!ready} data-testid="print-print">
        {t.print}
      </Button>
      <Button onClick={() => void pdf()} disabled={!ready || exporting} data-testid="print-pdf">
        {t.pdf}
      </Button>
      <Button onClick={() => void word()} disabled={!ready?.docx || exporting} data-testid="print-docx">
        {t.docx}
      </Button>
      {route.target.kind === 'record' ? (
        <RecordToChannel
          sessionId={route.target.sessionId}
          date={/(\d{4}-\d{2}-\d{2})$/.exec(ready?.fileName ?? '')?.[1] ?? null}
          docx={ready?.docx ?? null}
          pdf={ready ? pdfOfDocument : null}
        />
      ) : null}
      <span className={status?.error ? 'pr-error' : 'pr-status'} role="status">
        {status?.text ?? (report === null ? t.preparing : ready?.pages ? t.pages(ready.pages) : '')}
      </span>
    </div>
  );
}

export function PrintView({ path }: { path: string }) {
  const route = useMemo(() => parsePrintPath(path), [path]);
  const [report, setReport] = useState<DocReport | null>(null);
  const onReport = useCallback((r: DocReport) => setReport(r), []);
  if (!route) return <div className="boot error">{t.badRoute}</div>;
  const { target, options } = route;
  return (
    <div
      className="pr-screen"
      data-print-ready={report?.state === 'ready' ? 'true' : undefined}
      data-print-pages={report?.state === 'ready' ? (report.pages ?? undefined) : undefined}
    >
      <Toolbar route={route} report={report} />
      {report?.state === 'failed' ? (
        <p className="pr-notice" role="alert">
          {report.message}
        </p>
      ) : null}
      {report?.state === 'ready'
        ? report.notices.map((n) => (
            <p key={n} className="pr-notice">
              {n}
            </p>
          ))
        : null}
      {target.kind === 'articles' ? (
        <PacketPrint ids={target.ids} meta={target.meta} options={options} report={onReport} />
      ) : target.kind === 'notebook' ? (
        <NotebookPrint filter={target.filter} options={options} report={onReport} />
      ) : target.kind === 'archive' ? (
        <ArchivePrint year={target.year} options={options} report={onReport} />
      ) : target.kind === 'returns' ? (
        <ReturnsPrint sessionIds={[target.sessionId]} options={options} report={onReport} />
      ) : (
        <RecordPrint sessionId={target.sessionId} signin={target.kind === 'signin'} options={options} report={onReport} />
      )}
    </div>
  );
}
