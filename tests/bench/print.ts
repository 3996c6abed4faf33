/**
 * Printing: a 20-article packet (about 100 GB/T pages) from the print route to PDF in Debian's
 * chromium through the browser host (render, measure the 目录 pages, page.pdf), and the same
 * packet to .docx. Targets: PDF ≤ 20 s, .docx ≤ 3 s.
 */
import { Packer } from 'docx';
import { chromium } from '@playwright/test';
import { packetDocx } from '../../renderer/features/print/docx';
import type { PrintArticle } from '../../renderer/features/print/model';
import { DEFAULT_OPTIONS } from '../../renderer/features/print/routes';
import { CHROMIUM_ARGS } from '../e2e/playwright.config';
import { startHost } from '../e2e/fixtures';
import { generatePacket, seedPacket } from '../e2e/print-data';

async function pdfPages(bytes: Buffer): Promise<number> {
  // Count page objects without a PDF library: /Type /Page (not /Pages).
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export async function benchPrint(): Promise<Record<string, number>> {
  const fx = generatePacket(20);
  const articles: PrintArticle[] = fx.articles.map((a, i) => ({
    id: a.id,
    title: a.title,
    origin: a.origin,
    author: null,
    publishedAt: a.publishedAt,
    version: 1,
    html: fx.bodies[i]!.html,
    text: fx.bodies[i]!.text,
    highlights: fx.highlights.filter((h) => h.articleId === a.id),
    notes: fx.notes.filter((n) => n.articleId === a.id),
  }));
  const docx: number[] = [];
  const docxCpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    await Packer.toBuffer(packetDocx(articles, { title: '学习资料汇编', unit: '', session: '', date: '2026-03-12' }, DEFAULT_OPTIONS));
    docx.push(performance.now() - t);
    // CPU time too: on a machine shared with other jobs the wall time says more about them.
    docxCpu.push(process.cpuUsage(cpu).user / 1000);
  }

  const host = await startHost();
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const runs: { s: number; pages: number }[] = [];
    for (let i = 0; i < 2; i++) {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(host.url);
      await page.getByTestId('article-row').first().waitFor();
      await seedPacket(page, fx);
      const t = performance.now();
      await page.evaluate(
        (ids) => (window.location.hash = `#/print/articles?ids=${ids.join(',')}`),
        fx.articles.map((a) => a.id),
      );
      await page.locator('.pr-screen[data-print-ready="true"]').waitFor({ timeout: 120_000 });
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      runs.push({ s: (performance.now() - t) / 1000, pages: await pdfPages(pdf) });
      await context.close();
    }
    const best = runs.sort((a, b) => a.s - b.s)[0]!;
    return {
      print_pdf_20_s: Number(best.s.toFixed(2)),
      print_pdf_pages: best.pages,
      print_docx_s: Number((Math.min(...docx) / 1000).toFixed(3)),
      print_docx_cpu_s: Number((Math.min(...docxCpu) / 1000).toFixed(3)),
    };
  } finally {
    await browser.close();
    host.process.kill('SIGTERM');
  }
}
