/**
 * The browser host's PDF export (main/services/print/render.ts): finding Chromium, keeping its
 * sandbox unless root, the page it prints (only the renderer's own stylesheets), the fallback
 * answer without Chromium, and a real render of a small document by the system's Chromium.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPrintService } from '../../main/services/print/pdf';
import { findChromium, printPage, renderPdf, sandboxed } from '../../main/services/print/render';

describe('PDF export through the system Chromium', () => {
  it('finds Chromium from CHROME_PATH, or says why not', () => {
    expect(findChromium({ CHROME_PATH: '/nonexistent/chromium' })).toEqual({
      path: null,
      reason: 'CHROME_PATH 指向的浏览器程序不存在：/nonexistent/chromium',
    });
    expect(findChromium({ CHROME_PATH: process.execPath })).toEqual({ path: process.execPath });
  });

  it('keeps the sandbox unless running as root', () => {
    expect(sandboxed(1000)).toBe(true);
    expect(sandboxed(null)).toBe(true);
    expect(sandboxed(0)).toBe(false);
  });

  it('prints only the renderer’s own stylesheets', () => {
    const html = printPage({
      html: '<div class="pr-doc">x</div>',
      stylesheets: ['/assets/index-1a.css', '../secret.css', 'http://example.com/x.css', '/assets/"><script>x</script>.css'],
    });
    expect(html).toContain('<link rel="stylesheet" href="/assets/index-1a.css">');
    expect(html.match(/<link /g)).toHaveLength(1);
    expect(html).not.toContain('<script>');
  });

  it('answers unsupported, with the reason, where there is no Chromium, it will not start, or no renderer to serve', async () => {
    const none = createPrintService(undefined, { rendererDir: '/x' }, () => ({ path: null, reason: '找不到 Chromium' }));
    expect(await none.exportPdf({ html: '<p>x</p>', stylesheets: [] })).toEqual({
      supported: false,
      reason: '找不到 Chromium',
      base64: null,
    });
    // A "Chromium" that will not start: the page falls back to the print dialog, told why.
    const broken = createPrintService(undefined, { rendererDir: '/x' }, () => ({ path: '/bin/false' }));
    const r = await broken.exportPdf({ html: '<p>x</p>', stylesheets: ['/assets/a.css'] });
    expect(r.supported).toBe(false);
    expect(r.reason).toMatch(/^无法启动 Chromium/);
    const desktop = createPrintService(undefined);
    expect((await desktop.exportPdf({ html: '<p>x</p>', stylesheets: [] })).supported).toBe(false);
  });

  it('on the desktop, exportPdf is the window printed (the 学习记录 PDF for the channel)', async () => {
    const printed = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    let calls = 0;
    const host = {
      printToPdf: async () => (calls++, printed),
      chooseFile: async () => null,
      printDialog: async () => false,
    };
    const r = await createPrintService(host).exportPdf({ html: '<p>x</p>', stylesheets: [] });
    expect(r).toEqual({ supported: true, reason: null, base64: Buffer.from(printed).toString('base64') });
    expect(calls).toBe(1);
  });

  const chromium = findChromium();
  it.skipIf(chromium.path === null)(
    'renders a document with the renderer’s stylesheet to an A4 PDF, fetching nothing else',
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-render-'));
      try {
        mkdirSync(path.join(dir, 'assets'));
        writeFileSync(path.join(dir, 'assets/print.css'), '@page { size: A4; margin: 20mm } .big { font-size: 40pt }');
        // An image from elsewhere must not load (nor hang the render).
        const html = '<div class="pr-doc"><p class="big">Hello 研读</p><img src="http://192.0.2.1/x.png"></div>';
        const bytes = await renderPdf({ html, stylesheets: ['/assets/print.css'] }, { rendererDir: dir }, chromium.path!);
        const file = path.join(dir, 'out.pdf');
        writeFileSync(file, bytes);
        const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
        expect(info).toMatch(/^Pages:\s+1$/m);
        expect(info).toMatch(/Page size:.*\(A4\)/);
        expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Hello');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    90_000,
  );
  if (chromium.path === null) console.log(`skipped the Chromium render: ${chromium.reason}`);
});
