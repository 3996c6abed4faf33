/**
 * The fourth outside Chinese set (tests/fixtures/cms-outside4) is what its generator writes, and is
 * well formed: every expected title, line, 来源 and chrome string is on its page, no expected line
 * holds chrome, and the BOM page really has a BOM and no charset anywhere. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOutside } from '../fixtures/cms-outside/load';
import { OUTSIDE4_DIR, OUTSIDE4_PAGES, buildAll } from '../fixtures/cms-outside4/generate';

/** Visible text of a page, roughly: no scripts, no tags, the entities the pages use, one space. */
const visible = (html: string): string =>
  html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/gi, ' ')
    // Inline tags join their text; block tags separate it.
    .replace(/<\/?(?:a|span|em|b|strong|font|small|label|i)\b[^>]*>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[\s\u3000]+/g, ' ');
const flat = (s: string): string => s.replace(/[\s\u3000]+/g, ' ').trim();

const GENERIC_CHROME =
  /版权所有|ICP备|公网安备|网站标识码|上一篇|下一篇|上一条|下一条|打印本页|关闭窗口|分享到|责任编辑|责编|浏览次数|点击数|当前位置|您的位置/;

describe('fourth outside Chinese pages (cms-outside4)', () => {
  const built = buildAll();
  const pages = loadOutside(OUTSIDE4_DIR);

  it('the files on disk are exactly what generate.ts writes', () => {
    const onDisk = readdirSync(OUTSIDE4_DIR)
      .filter((f) => f.endsWith('.html') || f.endsWith('.expected.json'))
      .sort();
    expect(onDisk).toEqual(built.flatMap((b) => [`${b.name}.expected.json`, `${b.name}.html`]).sort());
    for (const b of built) {
      expect(readFileSync(join(OUTSIDE4_DIR, `${b.name}.expected.json`), 'utf8'), b.name).toBe(b.expectedJson);
      expect(Buffer.compare(readFileSync(join(OUTSIDE4_DIR, `${b.name}.html`)), b.bytes), b.name).toBe(0);
    }
  });

  it('has ten distinct pages with dates in YYYY-MM-DD', () => {
    expect(new Set(pages.map((p) => p.name)).size).toBe(10);
    for (const p of pages) expect(p.expected.publishedAt, p.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('title, paragraphs, chrome and 来源 are on the page', () => {
    for (const def of OUTSIDE4_PAGES) {
      const p = pages.find((x) => x.name === def.name)!;
      const html = new TextDecoder('utf-8', { fatal: true }).decode(p.bytes);
      expect(html, p.name).toBe(def.html(def));
      const text = visible(html);
      if (def.titleInHeadOnly) {
        // The title is in <title> and in no block of its own (the lead sentence does repeat it).
        expect(html, p.name).toContain(`<title>${def.title}_`);
        expect(text, p.name).not.toContain(` ${def.title} `);
        // No <h1>: the only heading is the sidebar's <h3>.
        expect(html, p.name).not.toMatch(/<h1\b/);
      } else expect(text, p.name).toContain(flat(p.expected.title));
      for (const line of p.expected.paragraphs) expect(text, `${p.name}: ${line.slice(0, 20)}`).toContain(flat(line));
      for (const c of p.expected.chrome) expect(text, `${p.name}: ${c}`).toContain(flat(c));
      if (p.expected.origin) expect(html, p.name).toContain(p.expected.origin);
    }
  });

  it('no expected line holds listed or generic chrome (a leak must mean chrome reached the body)', () => {
    for (const p of pages) {
      for (const line of p.expected.paragraphs) {
        expect(GENERIC_CHROME.test(line), `${p.name}: ${line.slice(0, 20)}`).toBe(false);
        for (const c of p.expected.chrome) expect(line.includes(c), `${p.name}: ${c} in ${line.slice(0, 20)}`).toBe(false);
      }
    }
  });

  it('the BOM page starts with a UTF-8 BOM and declares no charset; the og page has 来源 only in og:', () => {
    const bom = pages.find((p) => p.name === 'bom-no-charset')!;
    expect([...bom.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bom.expected.contentType).toBe('text/html');
    expect(Buffer.from(bom.bytes).toString('utf8')).not.toMatch(/charset/i);

    const og = pages.find((p) => p.name === 'title-head-only-og-source')!;
    const html = Buffer.from(og.bytes).toString('utf8');
    expect(html).toContain(`<meta property="og:article:source" content="${og.expected.origin}">`);
    expect(visible(html)).not.toContain(og.expected.origin!);
  });

  it('the single-<td> page has title, metadata and body in one cell, lines split by <br>', () => {
    const td = pages.find((p) => p.name === 'single-td-br')!;
    const html = Buffer.from(td.bytes).toString('utf8');
    const cell = /<td valign="top" class="news_content"[^>]*>([\s\S]*?)<\/td>/.exec(html)?.[1] ?? '';
    expect(cell).toContain(td.expected.title);
    expect(cell).toContain(`来源：${td.expected.origin}`);
    for (const line of td.expected.paragraphs) expect(cell).toContain(`${line}<br>`);
    expect(cell).not.toMatch(/<p\b/i);
  });
});
