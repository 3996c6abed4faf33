/**
 * The browser host's 导出 PDF (issue 20, item 7): the host's Chromium prints the print view's
 * document to a PDF file that downloads (A4, the pages the view measured); a host that finds no
 * Chromium falls back to the print dialog with a sentence saying why.
 */
import { expect, test, startHost } from './fixtures';
import { generatePacket, seedPacket } from './print-data';
import { pageText, pdfInfo } from './print-pdf';

test.describe.configure({ timeout: 180_000 });

const fx = generatePacket(4, 1500);
const hash = `#/print/articles?ids=${fx.articles.map((a) => a.id).join(',')}&title=${encodeURIComponent('导出测试汇编')}&unit=${encodeURIComponent('测试单位党委')}&date=2026-03-12`;

test('导出 PDF in the browser host downloads a PDF made by the host’s Chromium', async ({ app }) => {
  await seedPacket(app, fx);
  await app.evaluate((h) => (window.location.hash = h), hash);
  const screen = app.locator('.pr-screen[data-print-ready="true"]');
  await screen.waitFor({ timeout: 60_000 });
  const measured = Number(await screen.getAttribute('data-print-pages'));
  // The print dialog must not be the way it went.
  await app.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  const [download] = await Promise.all([app.waitForEvent('download', { timeout: 120_000 }), app.getByTestId('print-pdf').click()]);
  expect(download.suggestedFilename()).toBe('导出测试汇编-2026-03-12.pdf');
  const file = test.info().outputPath('export.pdf');
  await download.saveAs(file);
  const info = pdfInfo(file);
  expect(info.pages).toBeGreaterThanOrEqual(1);
  expect(info.pages).toBe(measured);
  expect(Math.abs(info.width - 595.28)).toBeLessThan(1);
  expect(Math.abs(info.height - 841.89)).toBeLessThan(1);
  const flat = (s: string) => s.replace(/\s+/g, '');
  expect(flat(pageText(file, 1))).toContain('导出测试汇编');
  expect(flat(pageText(file, 2))).toContain(flat(fx.articles[0]!.title));
  await expect(app.getByRole('status')).toContainText('已导出');
  expect(await app.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(0);
});

test('without a Chromium on the host, 导出 PDF opens the print dialog and says why', async ({ page }) => {
  const host = await startHost({ CHROME_PATH: '/nonexistent/chromium' });
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('article-row').first()).toBeVisible();
    await seedPacket(page, fx);
    await page.evaluate((h) => (window.location.hash = h), hash);
    await page.locator('.pr-screen[data-print-ready="true"]').waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByTestId('print-pdf').click();
    await expect(page.getByRole('status')).toContainText('CHROME_PATH 指向的浏览器程序不存在');
    await expect(page.getByRole('status')).toContainText('另存为 PDF');
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  } finally {
    host.process.kill('SIGTERM');
  }
});
