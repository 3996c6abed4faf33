/**
 * The third outside English set (tests/fixtures/extract-en-fresh3) is a bench, not a target:
 * these checks keep it honest. The files are what generate.ts writes today, every expected line
 * and the title are text of the page (outside scripts: the pages repeat the article in JSON state
 * blobs, which must not count), and each page is the size of a real saved page of a big site.
 * (Scores are in `npm run bench -- extract`, not here.)
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { notIn } from '../bench/extract-en-fresh';
import { loadFreshEn } from '../fixtures/extract-en-fresh/load';
import { FRESH3_DIR, FRESH3_PAGES } from '../fixtures/extract-en-fresh3/generate';

const pages = loadFreshEn(FRESH3_DIR);

/** Visible text: scripts, styles and templates removed, block starts and ends and <br> as line breaks. */
function pageText(html: string): string {
  const { document } = parseHTML(html);
  for (const el of Array.from(document.querySelectorAll('script,style,noscript,template'))) el.remove();
  for (const el of Array.from(
    document.querySelectorAll('p,div,li,h1,h2,h3,h4,td,th,tr,br,blockquote,figcaption,caption,a,header,footer,section,article,aside,time'),
  )) {
    el.parentNode?.insertBefore(document.createTextNode('\n'), el);
    el.appendChild(document.createTextNode('\n'));
  }
  return document.documentElement.textContent ?? '';
}

describe('third outside English pages (extract-en-fresh3)', () => {
  it('has twelve pages, one per family', () => {
    expect(pages).toHaveLength(12);
    expect(new Set(pages.map((p) => p.family)).size).toBe(12);
  });

  it('the files on disk are what generate.ts writes', () => {
    const made = FRESH3_PAGES.map((f) => f());
    expect(made.map((p) => p.name).sort()).toEqual(pages.map((p) => p.name));
    for (const p of made) {
      expect(readFileSync(`${FRESH3_DIR}${p.name}.html`, 'utf8'), p.name).toBe(p.html);
      const e = JSON.parse(readFileSync(`${FRESH3_DIR}${p.name}.expected.json`, 'utf8')) as { text: string; title: string; url: string };
      expect(e.text, p.name).toBe(p.text);
      expect(e.title, p.name).toBe(p.title);
      expect(e.url, p.name).toBe(p.url);
    }
  });

  it.each(pages.map((p) => [p.name, p] as const))('%s: expected lines and title are visible text; 60–400 KB', (_n, p) => {
    const text = pageText(p.html);
    expect(notIn(p.text, text)).toBe('');
    expect(notIn(p.title, text)).toBe('');
    expect(p.html.length).toBeGreaterThan(60_000);
    expect(p.html.length).toBeLessThan(400_000);
    expect(p.text.split(/\s+/).length).toBeGreaterThan(60);
  });

  it('the pages carry the article a second time in a script, as real pages do', () => {
    for (const p of pages) {
      const first = p.text.split('\n')[0]!.slice(0, 40);
      const scripts = Array.from(p.html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g), (m) => m[1]!).join('\n');
      // The magazine page nests the state as a JSON string inside JSON (quotes escaped twice).
      const unescaped = scripts.replace(/\\+"/g, '"').replace(/\\+u003c/g, '<');
      expect(unescaped.includes(first) || unescaped.includes(first.replace(/"/g, '\\"')), p.name).toBe(true);
    }
  });
});
