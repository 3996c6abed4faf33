/**
 * The fifth to twenty-fifth outside English sets (tests/fixtures/extract-en-fresh5..25) are benches, not
 * targets: these checks keep them honest. The files are what each set's generate.ts writes today,
 * every expected line and the title are visible text of the page (not script, style or hidden
 * pop-up text), and each page has the size of a real saved page. (Scores are in the bench.)
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { notIn } from '../bench/extract-en-fresh';
import { loadFreshEn } from '../fixtures/extract-en-fresh/load';
import { FRESH5_DIR, FRESH5_PAGES } from '../fixtures/extract-en-fresh5/generate';
import { FRESH6_DIR, FRESH6_PAGES } from '../fixtures/extract-en-fresh6/generate';
import { FRESH7_DIR, FRESH7_PAGES } from '../fixtures/extract-en-fresh7/generate';
import { FRESH8_DIR, FRESH8_PAGES } from '../fixtures/extract-en-fresh8/generate';
import { FRESH9_DIR, FRESH9_PAGES } from '../fixtures/extract-en-fresh9/generate';
import { FRESH10_DIR, FRESH10_PAGES } from '../fixtures/extract-en-fresh10/generate';
import { FRESH11_DIR, FRESH11_PAGES } from '../fixtures/extract-en-fresh11/generate';
import { FRESH12_DIR, FRESH12_PAGES } from '../fixtures/extract-en-fresh12/generate';
import { FRESH13_DIR, FRESH13_PAGES } from '../fixtures/extract-en-fresh13/generate';
import { FRESH14_DIR, FRESH14_PAGES } from '../fixtures/extract-en-fresh14/generate';
import { FRESH15_DIR, FRESH15_PAGES } from '../fixtures/extract-en-fresh15/generate';
import { FRESH16_DIR, FRESH16_PAGES } from '../fixtures/extract-en-fresh16/generate';
import { FRESH17_DIR, FRESH17_PAGES } from '../fixtures/extract-en-fresh17/generate';
import { FRESH18_DIR, FRESH18_PAGES } from '../fixtures/extract-en-fresh18/generate';
import { FRESH19_DIR, FRESH19_PAGES } from '../fixtures/extract-en-fresh19/generate';
import { FRESH20_DIR, FRESH20_PAGES } from '../fixtures/extract-en-fresh20/generate';
import { FRESH21_DIR, FRESH21_PAGES } from '../fixtures/extract-en-fresh21/generate';
import { FRESH22_DIR, FRESH22_PAGES } from '../fixtures/extract-en-fresh22/generate';
import { FRESH23_DIR, FRESH23_PAGES } from '../fixtures/extract-en-fresh23/generate';
import { FRESH24_DIR, FRESH24_PAGES } from '../fixtures/extract-en-fresh24/generate';
import { FRESH25_DIR, FRESH25_PAGES } from '../fixtures/extract-en-fresh25/generate';

interface Made {
  name: string;
  html: string;
  text: string;
  title: string;
  url: string;
}

/** [set, directory, generators, pages in the set] */
const SETS: [string, string, (() => Made)[], number][] = [
  ['extract-en-fresh5', FRESH5_DIR, FRESH5_PAGES, 8],
  ['extract-en-fresh6', FRESH6_DIR, FRESH6_PAGES, 8],
  ['extract-en-fresh7', FRESH7_DIR, FRESH7_PAGES, 8],
  ['extract-en-fresh8', FRESH8_DIR, FRESH8_PAGES, 10],
  ['extract-en-fresh9', FRESH9_DIR, FRESH9_PAGES, 8],
  ['extract-en-fresh10', FRESH10_DIR, FRESH10_PAGES, 8],
  ['extract-en-fresh11', FRESH11_DIR, FRESH11_PAGES, 8],
  ['extract-en-fresh12', FRESH12_DIR, FRESH12_PAGES, 8],
  ['extract-en-fresh13', FRESH13_DIR, FRESH13_PAGES, 8],
  ['extract-en-fresh14', FRESH14_DIR, FRESH14_PAGES, 8],
  ['extract-en-fresh15', FRESH15_DIR, FRESH15_PAGES, 8],
  ['extract-en-fresh16', FRESH16_DIR, FRESH16_PAGES, 8],
  ['extract-en-fresh17', FRESH17_DIR, FRESH17_PAGES, 8],
  ['extract-en-fresh18', FRESH18_DIR, FRESH18_PAGES, 8],
  ['extract-en-fresh19', FRESH19_DIR, FRESH19_PAGES, 8],
  ['extract-en-fresh20', FRESH20_DIR, FRESH20_PAGES, 8],
  ['extract-en-fresh21', FRESH21_DIR, FRESH21_PAGES, 8],
  ['extract-en-fresh22', FRESH22_DIR, FRESH22_PAGES, 8],
  ['extract-en-fresh23', FRESH23_DIR, FRESH23_PAGES, 8],
  ['extract-en-fresh24', FRESH24_DIR, FRESH24_PAGES, 8],
  ['extract-en-fresh25', FRESH25_DIR, FRESH25_PAGES, 8],
];

/** Visible text: scripts, styles, templates and [hidden] removed; block starts and ends and <br> as line breaks. */
function pageText(html: string): string {
  const { document } = parseHTML(html);
  for (const el of Array.from(document.querySelectorAll('script,style,noscript,template,[hidden]'))) el.remove();
  for (const el of Array.from(
    document.querySelectorAll('p,div,li,h1,h2,h3,h4,td,th,tr,br,blockquote,figcaption,caption,header,footer,section,article,aside,figure'),
  )) {
    el.parentNode?.insertBefore(document.createTextNode('\n'), el);
    el.appendChild(document.createTextNode('\n'));
  }
  return document.documentElement.textContent ?? '';
}

describe.each(SETS)('outside English pages (%s)', (_set, dir, generators, count) => {
  const pages = loadFreshEn(dir);

  it(`has ${count} pages, one per family`, () => {
    expect(pages).toHaveLength(count);
    expect(new Set(pages.map((p) => p.family)).size).toBe(count);
  });

  it('the files on disk are what generate.ts writes', () => {
    const made = generators.map((f) => f());
    expect(made.map((p) => p.name).sort()).toEqual(pages.map((p) => p.name));
    for (const p of made) {
      expect(readFileSync(`${dir}${p.name}.html`, 'utf8'), p.name).toBe(p.html);
      const e = JSON.parse(readFileSync(`${dir}${p.name}.expected.json`, 'utf8')) as { text: string; title: string; url: string };
      expect(e.text, p.name).toBe(p.text);
      expect(e.title, p.name).toBe(p.title);
      expect(e.url, p.name).toBe(p.url);
    }
  });
  it.each(pages.map((p) => [p.name, p] as const))('%s: expected lines and title are visible text; 40–250 KB', (_n, p) => {
    const text = pageText(p.html);
    expect(notIn(p.text, text)).toBe('');
    expect(notIn(p.title, text)).toBe('');
    expect(p.html.length).toBeGreaterThan(40_000);
    expect(p.html.length).toBeLessThan(250_000);
    expect(p.text.split(/\s+/).length).toBeGreaterThan(150);
  });

  it('every expected line is a whole block: no empty line, no line repeated', () => {
    for (const p of pages) {
      const lines = p.text.split('\n');
      expect(
        lines.filter((l) => !l.trim()),
        p.name,
      ).toEqual([]);
      expect(new Set(lines).size, p.name).toBe(lines.length);
    }
  });
});
