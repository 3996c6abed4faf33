/**
 * Print views through Chromium: a 20-article packet printed with page.pdf() and read back with
 * poppler — A4, page count, 目录 numbers that name the page each title is really on, `— N —`
 * placed right on odd and left on even pages, no text outside the text block, 22 × 28 lines —
 * in both layouts; marks and endnotes in the print DOM; the Word file read back with mammoth;
 * the notebook, 学习记录 and 签到表 views.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { generatePacket, seedPacket } from './print-data';
import { lines, pageText, pdfInfo, pdfWords, PT_PER_MM } from './print-pdf';

// Apart from Playwright's output folder, which other runs may empty.
const OUT = path.resolve('test-results/print-e2e');
const fx = generatePacket();
const ids = fx.articles.map((a) => a.id);
// What the print views must show, counted from the fixture rather than written down twice.
const leaderMarks = fx.highlights.filter((h) => h.layer === 'leader').length;
const myMarks = fx.highlights.filter((h) => h.layer === 'personal').length;
// Endnotes: the leader's comments and my notes on passages.
const endnotes = fx.highlights.filter((h) => h.layer === 'leader' && h.comment).length + fx.notes.filter((n) => n.highlightId).length;
const packetHash = (extra = '') =>
  `#/print/articles?ids=${ids.join(',')}&title=${encodeURIComponent('学习资料汇编（测试）')}&unit=${encodeURIComponent('测试单位党委')}&date=2026-03-12${extra}`;

async function openPrint(app: Page, hash: string): Promise<void> {
  await app.evaluate(() => (window.location.hash = '#/'));
  await expect(app.locator('.pr-screen')).toHaveCount(0);
  await app.evaluate((h) => (window.location.hash = h), hash);
  await app.locator('.pr-screen[data-print-ready="true"]').waitFor({ timeout: 60_000 });
}

async function printPdf(app: Page, name: string): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  writeFileSync(file, await app.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
  return file;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Page number: size (pt) and distance below the block (mm). */
  numberPt: number;
  numberGapMm: number;
  lines: number;
  chars: number;
}

const GBT: Box = { left: 28, right: 184, top: 37, bottom: 262, numberPt: 14, numberGapMm: 7, lines: 22, chars: 28 };
const COMPACT: Box = { left: 22, right: 192, top: 20, bottom: 275, numberPt: 10.5, numberGapMm: 6, lines: 36, chars: 40 };

/** Everything the packet PDF must satisfy, for one layout. */
async function checkPacketPdf(app: Page, file: string, box: Box): Promise<void> {
  const info = pdfInfo(file);
  expect(Math.abs(info.width - 595.28)).toBeLessThan(1);
  expect(Math.abs(info.height - 841.89)).toBeLessThan(1);
  const measured = Number(await app.locator('.pr-screen').getAttribute('data-print-pages'));
  expect(info.pages).toBe(measured);

  const pages = pdfWords(file);
  expect(pages).toHaveLength(info.pages);
  const mm = (v: number) => v * PT_PER_MM;
  const [left, right, top, bottom] = [mm(box.left), mm(box.right), mm(box.top), mm(box.bottom)];

  // `— N —` on every page but the cover: right on odd pages, left on even, one character in, 7 mm below the block.
  pages.forEach((p, i) => {
    const n = i + 1;
    const below = p.words.filter((w) => (w.yMin + w.yMax) / 2 > bottom);
    if (n === 1) {
      expect(below, 'the cover has no page number').toHaveLength(0);
      return;
    }
    expect(below.map((w) => w.text).join(''), `page ${n}`).toBe(`—${n}—`);
    const xMin = Math.min(...below.map((w) => w.xMin));
    const xMax = Math.max(...below.map((w) => w.xMax));
    if (n % 2 === 1) expect(Math.abs(xMax - (right - box.numberPt)), `page ${n} right`).toBeLessThan(3);
    else expect(Math.abs(xMin - (left + box.numberPt)), `page ${n} left`).toBeLessThan(3);
    // Chromium embeds the CJK faces as Type 3 fonts, whose word boxes poppler makes as tall as
    // the font's bounding box: vertical positions are judged by a word's middle.
    const middle = (below[0]!.yMin + below[0]!.yMax) / 2;
    expect(Math.abs(middle - (bottom + mm(box.numberGapMm) + box.numberPt / 2)), `page ${n} number height`).toBeLessThan(4);
    // No other text outside the text block (collected, then asserted once: thousands of
    // expect() calls are slow on a loaded machine).
    const outside = p.words
      .filter((x) => !below.includes(x))
      .filter((w) => w.xMin < left - 1 || w.xMax > right + 1 || (w.yMin + w.yMax) / 2 < top || (w.yMin + w.yMax) / 2 > bottom)
      .map((w) => `"${w.text}" at ${w.xMin.toFixed(1)},${w.yMin.toFixed(1)}`);
    expect(outside, `page ${n}: text outside the block`).toEqual([]);
  });

  // 目录: the numbers printed are the view's, and each names the page its title opens.
  const toc = await app.locator('[data-testid="print-toc-entry"] .pr-toc-page').allTextContents();
  const tocNumbers = toc.map(Number);
  expect(tocNumbers).toHaveLength(fx.articles.length);
  // The 目录 runs from page 2 to the page before the first article.
  const tocText = Array.from({ length: tocNumbers[0]! - 2 }, (_, i) => pageText(file, i + 2)).join('\n');
  const printed = [...tocText.matchAll(/(\d+)\s*$/gm)].map((m) => Number(m[1]));
  expect(printed).toEqual(tocNumbers);
  const flat = (s: string) => s.replace(/\s+/g, '');
  fx.articles.forEach((a, i) => {
    const n = tocNumbers[i]!;
    expect(flat(pageText(file, n)).startsWith(flat(a.title)), `《${a.title}》 on page ${n}`).toBe(true);
    expect(flat(pageText(file, n - 1)).startsWith(flat(a.title)), `《${a.title}》 not on page ${n - 1}`).toBe(false);
  });
  expect(tocNumbers.every((n, i) => i === 0 || n > tocNumbers[i - 1]!)).toBe(true);

  // A full page of body text: at most 22 lines (36 compact), the longest exactly 28 characters (40 compact).
  const full = pages[tocNumbers[1]!]!; // the second page of the second article
  const body = lines(full.words.filter((w) => (w.yMin + w.yMax) / 2 <= bottom));
  expect(body.length).toBeLessThanOrEqual(box.lines);
  expect(body.length).toBeGreaterThanOrEqual(box.lines - 3);
  const widths = body.map((l) => [...l.map((w) => w.text).join('')].length);
  expect(Math.max(...widths)).toBe(box.chars);
}

test.describe.configure({ timeout: 180_000 });

test('a 20-article packet prints to A4 with a right 目录, page numbers and margins (GB/T 9704)', async ({ app }) => {
  await seedPacket(app, fx);
  await openPrint(app, packetHash());
  // Marks and endnotes live in the print DOM (not the CSS Highlight API).
  expect(leaderMarks).toBeGreaterThan(0);
  expect(myMarks).toBeGreaterThan(0);
  await expect(app.locator('.pr-key')).toHaveCount(leaderMarks);
  await expect(app.locator('.pr-keyblock')).toHaveCount(leaderMarks);
  await expect(app.locator('.pr-mine')).toHaveCount(myMarks);
  await expect(app.locator('[data-testid="print-endnote"]')).toHaveCount(endnotes);
  await expect(app.locator('.pr-ref')).toHaveCount(endnotes);
  const started = Date.now();
  const file = await printPdf(app, 'packet-gbt.pdf');
  test.info().annotations.push({ type: 'pdf', description: `${pdfInfo(file).pages} pages in ${Date.now() - started} ms` });
  expect(pdfInfo(file).pages).toBeGreaterThanOrEqual(80);
  await checkPacketPdf(app, file, GBT);
  // Endnotes close the first article, on the page before the second one opens.
  const second = Number(await app.locator('[data-testid="print-toc-entry"] .pr-toc-page').nth(1).textContent());
  const end = pageText(file, second - 1).replace(/\s+/g, '');
  expect(end).toContain('注释');
  expect(end).toContain(fx.notes[0]!.text);
});

test('the compact layout keeps the 目录 right on fewer pages; options drop marks and endnotes', async ({ app }) => {
  await seedPacket(app, fx);
  await openPrint(app, packetHash('&layout=compact'));
  const file = await printPdf(app, 'packet-compact.pdf');
  await checkPacketPdf(app, file, COMPACT);

  // The toolbar's options: without my highlights, without endnotes.
  await app.getByLabel('打印我的划线').uncheck();
  await app.locator('.pr-screen[data-print-ready="true"]').waitFor();
  await expect(app.locator('.pr-mine')).toHaveCount(0);
  await expect(app.locator('.pr-key')).toHaveCount(leaderMarks);
  await app.getByLabel('笔记作为尾注').uncheck();
  await app.locator('.pr-screen[data-print-ready="true"]').waitFor();
  await expect(app.locator('[data-testid="print-endnote"]')).toHaveCount(0);
  await expect(app.locator('.pr-ref')).toHaveCount(0);
  expect(app.url()).toContain('mine=0');
  expect(app.url()).toContain('notes=0');
  // The toolbar does not print.
  await app.emulateMedia({ media: 'print' });
  await expect(app.getByRole('toolbar', { name: '打印预览工具栏' })).toBeHidden();
  await app.emulateMedia({ media: 'screen' });
});

test('导出 Word holds every article, excerpt comment and note', async ({ app }) => {
  await seedPacket(app, fx);
  await openPrint(app, packetHash());
  const [download] = await Promise.all([app.waitForEvent('download'), app.getByTestId('print-docx').click()]);
  expect(download.suggestedFilename()).toBe('学习资料汇编（测试）-2026-03-12.docx');
  const buffer = readFileSync((await download.path())!);
  const { value: text } = await mammoth.extractRawText({ buffer });
  for (const a of fx.articles) expect(text).toContain(a.title);
  for (const n of fx.notes) expect(text).toContain(n.text);
  for (const h of fx.highlights) if (h.comment) expect(text).toContain(h.comment);
  // The body text is there, paragraph by paragraph.
  const body = fx.bodies[7]!.text.split('\n');
  for (const line of body) expect(text.replace(/\[\d+\]/g, '')).toContain(line);
});

test('notebook, 学习记录 and 签到表 print views', async ({ app }) => {
  await seedPacket(app, fx);
  await openPrint(app, '#/print/notebook?kinds=note');
  await expect(app.locator('[data-testid="print-nb-entry"]')).toHaveCount(fx.notes.length);
  await openPrint(app, '#/print/notebook');
  // Every note, and every highlight of mine or the leader's that no note already stands for.
  const standalone = fx.highlights.filter((h) => !fx.notes.some((n) => n.highlightId === h.id)).length;
  await expect(app.locator('[data-testid="print-nb-entry"]')).toHaveCount(fx.notes.length + standalone);
  let file = await printPdf(app, 'notebook.pdf');
  const info = pdfInfo(file);
  expect(Math.abs(info.width - 595.28)).toBeLessThan(1);
  const all = Array.from({ length: info.pages }, (_, i) => pageText(file, i + 1)).join('\n');
  for (const n of fx.notes) expect(all.replace(/\s+/g, '')).toContain(n.text);
  expect(info.pages).toBeGreaterThan(1);
  expect(pageText(file, 2)).toMatch(/—\s*2\s*—/);

  await openPrint(app, '#/print/record/demo');
  await expect(app.locator('.pr-form th', { hasText: '学习研讨情况' })).toBeVisible();
  file = await printPdf(app, 'record.pdf');
  const record = pageText(file, 1);
  expect(record).toContain('学习记录');
  expect(record).toContain('深入学习贯彻调查研究的工作方法');
  expect(record).toMatch(/—\s*1\s*—/);
  const [download] = await Promise.all([app.waitForEvent('download'), app.getByTestId('print-docx').click()]);
  const { value: docText } = await mammoth.extractRawText({ buffer: readFileSync((await download.path())!) });
  expect(docText).toContain('学习研讨情况');
  expect(docText).toContain('王建国');

  await openPrint(app, '#/print/signin/demo');
  await expect(app.locator('[data-testid="print-signin-row"]')).toHaveCount(15);
  file = await printPdf(app, 'signin.pdf');
  expect(pageText(file, 1)).toContain('签名');
  expect(pdfInfo(file).pages, 'the 签到表 fits one page').toBe(1);

  await app.evaluate(() => (window.location.hash = '#/print/record/nothing-here'));
  await expect(app.getByRole('alert')).toContainText('找不到这次学习的记录');
});
