/**
 * The fifth outside Chinese set (tests/fixtures/cms-outside5) is what its generator writes, and is
 * well formed: every expected title, line, 来源 and chrome string is on its page, no expected line
 * holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOutside } from '../fixtures/cms-outside/load';
import { OUTSIDE5_DIR, OUTSIDE5_PAGES, buildAll } from '../fixtures/cms-outside5/generate';

/** Visible text of a page, roughly: no scripts, no tags, the entities the pages use, one space. */
const visible = (html: string): string =>
  html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/gi, ' ')
    // Inline tags join their text; block tags separate it.
    .replace(/<\/?(?:a|span|em|b|strong|font|small|label|i|time)\b[^>]*>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[\s\u3000]+/g, ' ');
const flat = (s: string): string => s.replace(/[\s\u3000]+/g, ' ').trim();

const GENERIC_CHROME =
  /版权所有|ICP备|公网安备|网站标识码|上一篇|下一篇|上一条|下一条|打印本页|关闭窗口|分享到|责任编辑|责编|浏览次数|点击数|当前位置|您的位置/;

const html = (name: string): string => {
  const p = loadOutside(OUTSIDE5_DIR).find((x) => x.name === name)!;
  return new TextDecoder('utf-8', { fatal: true }).decode(p.bytes);
};

describe('fifth outside Chinese pages (cms-outside5)', () => {
  const built = buildAll();
  const pages = loadOutside(OUTSIDE5_DIR);

  it('the files on disk are exactly what generate.ts writes', () => {
    const onDisk = readdirSync(OUTSIDE5_DIR)
      .filter((f) => f.endsWith('.html') || f.endsWith('.expected.json'))
      .sort();
    expect(onDisk).toEqual(built.flatMap((b) => [`${b.name}.expected.json`, `${b.name}.html`]).sort());
    for (const b of built) {
      expect(readFileSync(join(OUTSIDE5_DIR, `${b.name}.expected.json`), 'utf8'), b.name).toBe(b.expectedJson);
      expect(Buffer.compare(readFileSync(join(OUTSIDE5_DIR, `${b.name}.html`)), b.bytes), b.name).toBe(0);
    }
  });

  it('has ten distinct pages with dates in YYYY-MM-DD', () => {
    expect(new Set(pages.map((p) => p.name)).size).toBe(10);
    for (const p of pages) expect(p.expected.publishedAt, p.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('title, paragraphs, chrome and 来源 are on the page', () => {
    for (const def of OUTSIDE5_PAGES) {
      const p = pages.find((x) => x.name === def.name)!;
      const page = new TextDecoder('utf-8', { fatal: true }).decode(p.bytes);
      expect(page, p.name).toBe(def.html(def));
      const text = visible(page);
      expect(text, p.name).toContain(flat(p.expected.title));
      for (const line of p.expected.paragraphs) expect(text, `${p.name}: ${line.slice(0, 20)}`).toContain(flat(line));
      for (const c of p.expected.chrome) expect(text, `${p.name}: ${c}`).toContain(flat(c));
      if (p.expected.origin) expect(text, p.name).toContain(flat(p.expected.origin));
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

  it('the VSB page wraps its body in the form but not in v_news_content', () => {
    const h = html('vsb-dangxiao-wrapper');
    expect(h).toContain('<form name="_newscontent_fromname">');
    expect(h).toContain('id="vsb_content_501"');
    expect(h).not.toContain('v_news_content');
  });

  it('the 信息公开 page has its metadata as a header row and a value row above the title', () => {
    const h = html('amr-xxgk-tworow-table');
    const table = /<table class="xxgk-meta"[\s\S]*?<\/table>/.exec(h)?.[0] ?? '';
    expect(table.match(/<tr>/g)).toHaveLength(2);
    expect(table).toContain('<th>成文日期</th><th>发布日期</th>');
    expect(table).toContain('<td>2025-03-07</td><td>2025-03-10</td>');
    expect(h.indexOf('xxgk-meta')).toBeLessThan(h.indexOf('<h1'));
  });

  it('作者, 来源 and 日期 share one <p class="info">; 文章出处 is the only 来源 label on its page', () => {
    expect(html('soe-info-p-one-line')).toContain('<p class="info">作者：石景川　　来源：集团办公室　　日期：2025-04-09</p>');
    const h = html('wenzhang-chuchu-label');
    expect(h).toContain('文章出处：市档案馆');
    expect(visible(h)).not.toContain('来源');
  });

  it('the 〇-year page writes its date only in Chinese numerals, and its 来源 comes after the body', () => {
    const h = html('ling-year-source-after');
    expect(h).toContain('发布日期：二〇二五年三月十一日');
    expect(visible(h)).not.toMatch(/2025[-年./]0?3[-月./]11/);
    expect(h.indexOf('art-source')).toBeGreaterThan(h.indexOf('</div>', h.indexOf('art-body')));
  });

  it('the 党刊 page keeps its 作者单位 and 注释 in the body div', () => {
    const h = html('dangkan-notes-affiliation');
    const body = /<div class="highlight">([\s\S]*?)<\/div>/.exec(h)?.[1] ?? '';
    expect(body).toContain('（作者单位：');
    expect(body).toContain('注释：');
    expect(body.match(/\[\d\]/g)!.length).toBe(4);
  });
});
