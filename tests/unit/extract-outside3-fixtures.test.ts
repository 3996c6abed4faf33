/**
 * The third outside Chinese set (tests/fixtures/cms-outside3) is what its generator writes, and is
 * well formed: every expected title and line is text of its page in the page's real encoding,
 * listed chrome is on the page and in no expected line, and the encoding traps are real traps.
 * (Scores are in `npm run bench -- extract`, not here.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadOutside } from '../fixtures/cms-outside/load';
import { OUTSIDE3_DIR, OUTSIDE3_PAGES, buildAll } from '../fixtures/cms-outside3/generate';

/** Visible text of a page, roughly: no scripts, no tags, the entities the pages use, one space. */
const visible = (html: string): string =>
  html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    // Inline tags join their text; block tags separate it.
    .replace(/<\/?(?:a|span|em|b|strong|font|small|label|i)\b[^>]*>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[\s\u3000]+/g, ' ');
const flat = (s: string): string => s.replace(/[\s\u3000]+/g, ' ').trim();

/** Credit and chrome words the bench counts as a leak wherever they reach the body. */
const GENERIC_CHROME =
  /版权所有|ICP备|公网安备|网站标识码|上一篇|下一篇|上一条|下一条|打印本页|关闭窗口|分享到|责任编辑|责编|浏览次数|点击数|当前位置|您的位置/;

describe('third outside Chinese pages (cms-outside3)', () => {
  const built = buildAll();
  const pages = loadOutside(OUTSIDE3_DIR);

  it('the files on disk are exactly what generate.ts writes', () => {
    const onDisk = readdirSync(OUTSIDE3_DIR)
      .filter((f) => f.endsWith('.html') || f.endsWith('.expected.json'))
      .sort();
    expect(onDisk).toEqual(built.flatMap((b) => [`${b.name}.expected.json`, `${b.name}.html`]).sort());
    for (const b of built) {
      expect(readFileSync(join(OUTSIDE3_DIR, `${b.name}.expected.json`), 'utf8'), b.name).toBe(b.expectedJson);
      expect(Buffer.compare(readFileSync(join(OUTSIDE3_DIR, `${b.name}.html`)), b.bytes), b.name).toBe(0);
    }
  });

  it('has fifteen distinct pages with dates in YYYY-MM-DD', () => {
    expect(new Set(pages.map((p) => p.name)).size).toBe(15);
    for (const p of pages) expect(p.expected.publishedAt, p.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('title, paragraphs, chrome and 来源 are on the page in its real encoding', () => {
    for (const def of OUTSIDE3_PAGES) {
      const p = pages.find((x) => x.name === def.name)!;
      const html = iconv.decode(Buffer.from(p.bytes), def.encoding ?? 'utf8');
      expect(html, p.name).not.toContain('\ufffd');
      // iconv writes '?' for a character the encoding lacks: the page text must survive whole.
      expect(html, p.name).toBe(def.html(def));
      const text = visible(html);
      expect(text, p.name).toContain(flat(p.expected.title));
      for (const line of p.expected.paragraphs) expect(text, `${p.name}: ${line.slice(0, 20)}`).toContain(flat(line));
      for (const c of p.expected.chrome) expect(text, `${p.name}: ${c}`).toContain(flat(c));
      // 来源 may be an <img alt>, so it is looked for in the markup.
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

  it('the encoding traps are real: GBK bytes under a UTF-8 meta, a four-byte GB18030 character', () => {
    const gbk = pages.find((p) => p.name === 'gbk-meta-says-utf8')!;
    expect(gbk.expected.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk.bytes)).toThrow();
    expect(iconv.decode(Buffer.from(gbk.bytes), 'gbk')).toMatch(/<meta http-equiv="Content-Type" content="text\/html; charset=utf-8">/);

    const gb = pages.find((p) => p.name === 'gb18030-rare-char')!;
    expect(gb.expected.contentType).toBe('text/html');
    expect(gb.expected.title).toContain('\u{2B5AF}');
    // Read as GBK (the usual mistake for a gb18030 label) the title does not survive.
    expect(iconv.decode(Buffer.from(gb.bytes), 'gbk')).not.toContain(gb.expected.title);
  });

  it('the SPA page carries its text both in the DOM and in the RENDER_DATA blob', () => {
    const spa = pages.find((p) => p.name === 'county-spa-json')!;
    const html = Buffer.from(spa.bytes).toString('utf8');
    const blob = /<script id="RENDER_DATA" type="application\/json">([^<]+)<\/script>/.exec(html)?.[1] ?? '';
    const data = JSON.parse(decodeURIComponent(blob)) as { data: { content: string } };
    for (const line of spa.expected.paragraphs) expect(data.data.content, line.slice(0, 20)).toContain(line);
  });
});
