/**
 * A PC without any CJK font: Chromium runs with a fontconfig that lists only DejaVu (Latin; a
 * browser needs one font for its own UI), so every Chinese glyph on screen and on paper must
 * come from the bundled OFL fonts
 * (renderer/ui/fonts.css). The reader and a GB/T print page are screenshotted, and the PDF must
 * embed only named TrueType (CID) fonts: no anonymous Type 3 font, which print shops reject.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CHROMIUM_ARGS } from './playwright.config';
import { generatePacket, seedPacket } from './print-data';

const OUT = path.resolve('test-results/fonts-e2e');
const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const bare = mkdtempSync(path.join(os.tmpdir(), 'yandu-nofonts-'));
const FONTCONFIG_FILE = path.join(bare, 'fonts.conf');
writeFileSync(
  FONTCONFIG_FILE,
  `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${DEJAVU}</dir><cachedir>${bare}/cache</cachedir></fontconfig>\n`,
);

test.use({
  launchOptions: {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    env: { ...process.env, FONTCONFIG_FILE },
  },
});

/** The font faces the page has loaded, as family names without quotes. */
const loadedFamilies = (page: Page) =>
  page.evaluate(() => [...new Set([...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')))].sort());

test('with no Chinese system font, reader and GB/T print use the bundled fonts; the PDF embeds no Type 3 font', async ({ app }) => {
  mkdirSync(OUT, { recursive: true });
  const families = execFileSync('fc-list', [':lang=zh', 'family'], { env: { ...process.env, FONTCONFIG_FILE }, encoding: 'utf8' });
  expect(families.trim(), 'the profile has no Chinese font').toBe('');
  expect(execFileSync('fc-list', { env: { ...process.env, FONTCONFIG_FILE }, encoding: 'utf8' })).toContain('DejaVu');

  await app.getByTestId('article-row').first().locator('a').click();
  await expect(app.locator('.article-title')).toBeVisible();
  await expect.poll(() => loadedFamilies(app)).toEqual(expect.arrayContaining(['YD Noto Serif SC', 'YD Noto Sans SC']));
  await app.screenshot({ path: path.join(OUT, 'reader-no-system-fonts.png') });

  const fx = generatePacket(2, 900);
  await seedPacket(app, fx);
  const hash = `#/print/articles?ids=${fx.articles.map((a) => a.id).join(',')}&title=${encodeURIComponent('学习资料汇编（字体）')}&unit=${encodeURIComponent('测试单位党委')}&date=2026-03-12`;
  await app.evaluate((h) => (window.location.hash = h), hash);
  await app.locator('.pr-screen[data-print-ready="true"]').waitFor({ timeout: 60_000 });
  await expect.poll(() => loadedFamilies(app)).toEqual(expect.arrayContaining(['YD Noto Serif SC', 'YD Noto Serif SC Bold', 'YD WenKai']));

  const file = path.join(OUT, 'packet-no-system-fonts.pdf');
  writeFileSync(file, await app.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  // The first article page as printed (title, body, headings, page number), for the eye.
  execFileSync('pdftoppm', ['-f', '3', '-l', '3', '-r', '80', '-png', '-singlefile', file, path.join(OUT, 'gbt-print-no-system-fonts')]);
  writeFileSync(path.join(OUT, 'pdffonts.txt'), rows.join('\n'));
  const types = rows.map((r) => r.slice(37, 55).trim());
  const names = new Set(rows.map((r) => r.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')));
  expect(rows.length).toBeGreaterThan(3);
  expect(
    types.filter((t) => t === 'Type 3'),
    'no anonymous Type 3 font',
  ).toEqual([]);
  expect(new Set(types)).toEqual(new Set(['CID TrueType']));
  expect([...names].some((n) => n.startsWith('NotoSerifSC'))).toBe(true);
  expect([...names].some((n) => n.startsWith('LXGWWenKai'))).toBe(true);
});
