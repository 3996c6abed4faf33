/**
 * The outside English pages are a bench, not a target: these checks keep the bench honest. The
 * files are what the generator writes today, every expected line is really on its page (no
 * invented text), and the pages are the size of real pages.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { FRESH_EN_DIR, loadFreshEn } from '../fixtures/extract-en-fresh/load';
import { PAGES_A } from '../fixtures/extract-en-fresh/pages-a';
import { PAGES_B } from '../fixtures/extract-en-fresh/pages-b';
import { PAGES_C } from '../fixtures/extract-en-fresh/pages-c';
import { PAGES_D } from '../fixtures/extract-en-fresh/pages-d';
import { PAGES_E } from '../fixtures/extract-en-fresh/pages-e';
import { notIn } from '../bench/extract-en-fresh';

const pages = loadFreshEn();

describe('outside English pages (extract-en-fresh)', () => {
  it('has at least 20 pages, one per family', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
    const families = new Set(pages.map((p) => p.family));
    expect(families.size).toBe(pages.length);
  });

  it('the files on disk are what generate.ts writes', () => {
    const made = [...PAGES_A, ...PAGES_B, ...PAGES_C, ...PAGES_D, ...PAGES_E].map((f) => f());
    expect(made.map((p) => p.name).sort()).toEqual(pages.map((p) => p.name));
    for (const p of made) {
      expect(readFileSync(`${FRESH_EN_DIR}${p.name}.html`, 'utf8'), p.name).toBe(p.html);
      const e = JSON.parse(readFileSync(`${FRESH_EN_DIR}${p.name}.expected.json`, 'utf8')) as { text: string; title: string };
      expect(e.text, p.name).toBe(p.text);
      expect(e.title, p.name).toBe(p.title);
    }
  });

  it.each(pages.map((p) => [p.name, p] as const))('%s: every expected line is text of the page, and the page is page-sized', (_n, p) => {
    const { document } = parseHTML(p.html);
    for (const el of Array.from(document.querySelectorAll('script,style,noscript,template'))) el.remove();
    // Block boundaries become line breaks so words do not run together (<br><br> pages too).
    for (const el of Array.from(
      document.querySelectorAll(
        'p,div,li,h1,h2,h3,h4,td,th,tr,br,pre,blockquote,figcaption,caption,a,header,footer,section,article,aside,time,dt,dd',
      ),
    ))
      el.appendChild(document.createTextNode('\n'));
    const pageText = document.documentElement.textContent ?? '';
    expect(notIn(p.text, pageText)).toBe('');
    expect(notIn(p.title, pageText)).toBe('');
    expect(p.html.length).toBeGreaterThan(20_000);
    expect(p.html.length).toBeLessThan(160_000);
    // The expected body is a real article, not a stub.
    expect(p.text.split(/\s+/).length).toBeGreaterThan(60);
  });
});
