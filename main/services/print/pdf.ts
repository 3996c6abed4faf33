/**
 * Printing a window that shows a print route, without Electron: the host hands in the few
 * window and dialog functions it has, so main/electron only wires them.
 */
import { writeFile } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import { findChromium, renderPdf, type RenderFolders, type RenderRequest } from './render';

/** printToPDF options: A4, but the page's own @page size and margins win; backgrounds print (the 重点摘编 marks). */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
} as const;

/** System print dialog options: the CSS page margins ('default' margins take them from @page). */
export const PRINT_DIALOG_OPTIONS = {
  silent: false,
  printBackground: true,
  pageSize: 'A4',
  margins: { marginType: 'default' },
} as const;

/** What a host that can print gives the print service. */
export interface PrintHost {
  /** The window's page as PDF bytes (Electron: webContents.printToPDF(PDF_OPTIONS)). */
  printToPdf(): Promise<Uint8Array>;
  /** Where to save; null when cancelled (Electron: a save dialog). */
  chooseFile(defaultName: string): Promise<string | null>;
  /** The system print dialog; resolves whether something was printed. */
  printDialog(): Promise<boolean>;
}

/** A file name safe on Windows and Linux, ending in .pdf. */
export function safePdfName(name: string): string {
  const base = [...name]
    .filter((c) => c.charCodeAt(0) >= 0x20)
    .join('')
    .replace(/\.pdf$/i, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  return `${base || '研读打印'}.pdf`;
}

/**
 * `host`: a window that prints itself (desktop). `render`: the folders a document printed by
 * the system's Chromium is served from (browser host); `chromium` finds that Chromium.
 */
export function createPrintService(
  host: PrintHost | undefined,
  render?: RenderFolders,
  chromium: () => ReturnType<typeof findChromium> = () => findChromium(),
) {
  return {
    exportPdf: async (req: RenderRequest) => {
      // The desktop prints its own window, which shows this document (the print route).
      if (!render && host) {
        try {
          return { supported: true, reason: null, base64: Buffer.from(await host.printToPdf()).toString('base64') };
        } catch (cause) {
          throw new AppError('E_INTERNAL', '生成 PDF 失败。', { cause });
        }
      }
      if (!render) return { supported: false, reason: '这个版本不经 Chromium 生成 PDF', base64: null };
      const found = chromium();
      if (found.path === null) return { supported: false, reason: found.reason, base64: null };
      let bytes: Uint8Array;
      try {
        bytes = await renderPdf(req, render, found.path);
      } catch (error) {
        // Chromium that will not start (no sandbox support, a broken install) or no playwright-core:
        // the print dialog still works, so say why and let the page fall back to it.
        if (error instanceof AppError && error.code === 'E_RESOURCE')
          return { supported: false, reason: error.message.replace(/[。.]$/, ''), base64: null };
        throw error;
      }
      return { supported: true, reason: null, base64: Buffer.from(bytes).toString('base64') };
    },
    toPdf: async ({ fileName }: { fileName: string }) => {
      if (!host) return { supported: false, path: null };
      const target = await host.chooseFile(safePdfName(fileName));
      if (!target) return { supported: true, path: null };
      let bytes: Uint8Array;
      try {
        bytes = await host.printToPdf();
      } catch (cause) {
        throw new AppError('E_INTERNAL', '生成 PDF 失败。', { cause });
      }
      try {
        await writeFile(target, bytes);
      } catch (cause) {
        throw new AppError('E_RESOURCE', `无法写入文件：${target}`, { cause });
      }
      return { supported: true, path: target };
    },
    dialog: async () => (host ? { supported: true, printed: await host.printDialog() } : { supported: false, printed: false }),
  };
}
