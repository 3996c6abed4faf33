/**
 * pdf.js in the page, under the strict CSP: the worker is a file of our own origin (worker-src
 * 'self'), CMaps and standard fonts come from ./pdfjs/ beside the page (copied at build), and
 * eval stays off. The legacy build, since the browser host supports Chromium 87 and Firefox 115.
 */
import { getDocument, GlobalWorkerOptions, TextLayer, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy, PDFPageProxy };

export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const base = new URL('./pdfjs/', window.document.baseURI).href;
  return getDocument({
    data: bytes,
    isEvalSupported: false,
    cMapUrl: `${base}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${base}standard_fonts/`,
    enableXfa: false,
  }).promise;
}

/**
 * Draws one page at `scale` (CSS pixels per PDF point) into the canvas, sharp on high-DPI
 * screens, and lays its selectable text over it. Resolves when both are done.
 */
export async function renderPage(page: PDFPageProxy, scale: number, canvas: HTMLCanvasElement, textLayer: HTMLElement): Promise<void> {
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas 2d unavailable');
  await page.render({
    canvas,
    canvasContext: context,
    viewport,
    transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
  }).promise;
  textLayer.replaceChildren();
  textLayer.style.setProperty('--total-scale-factor', String(scale));
  await new TextLayer({ textContentSource: page.streamTextContent(), container: textLayer, viewport }).render();
}
