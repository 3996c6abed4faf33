/**
 * The second outside sets (tests/fixtures/extract-en-fresh2, tests/fixtures/cms-outside2) are
 * well formed: ten pages each, every expected line and title is text of its page, the Chinese
 * pages decode in their declared encoding, and each page's listed chrome is on the page.
 * (Scores are in `npm run bench -- extract`, not here.)
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePage, expectNoChromeInLines, flat, visible } from '../fixtures/cms-outside/check';
import { loadOutside } from '../fixtures/cms-outside/load';
import { loadFreshEn } from '../fixtures/extract-en-fresh/load';

const EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh2/', import.meta.url));
const CN_DIR = fileURLToPath(new URL('../fixtures/cms-outside2/', import.meta.url));

describe('second outside English pages (extract-en-fresh2)', () => {
  const pages = loadFreshEn(EN_DIR);
  it('has ten pages of 20-100 KB', () => {
    expect(pages.map((p) => p.name)).toHaveLength(10);
    for (const p of pages) expect(p.html.length, p.name).toBeGreaterThan(20_000);
    for (const p of pages) expect(p.html.length, p.name).toBeLessThan(100_000);
  });
  it('expected title and every expected line are text of the page', () => {
    for (const p of pages) {
      const text = visible(p.html);
      expect(text, p.name).toContain(flat(p.title));
      for (const line of p.text.split('\n')) expect(text, `${p.name}: ${line.slice(0, 40)}`).toContain(flat(line));
    }
  });
});

describe('second outside Chinese pages (cms-outside2)', () => {
  const pages = loadOutside(CN_DIR);
  it('has ten pages with dates in YYYY-MM-DD', () => {
    expect(pages).toHaveLength(10);
    for (const p of pages) expect(p.expected.publishedAt, p.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  it('title, paragraphs and chrome are text of the page in its encoding', () => {
    for (const p of pages) {
      const html = decodePage(p.bytes, /charset=utf-8/i.test(p.expected.contentType) ? 'utf-8' : 'gb2312');
      expect(html, p.name).not.toContain('\ufffd');
      const text = visible(html);
      expect(text, p.name).toContain(flat(p.expected.title));
      for (const line of p.expected.paragraphs) expect(text, `${p.name}: ${line.slice(0, 20)}`).toContain(flat(line));
      for (const c of p.expected.chrome) expect(text, `${p.name}: ${c}`).toContain(flat(c));
      if (p.expected.origin) expect(text, p.name).toContain(p.expected.origin);
    }
  });
  it('no expected line holds listed or generic chrome (a leak must mean chrome reached the body)', () => expectNoChromeInLines(pages));
});
