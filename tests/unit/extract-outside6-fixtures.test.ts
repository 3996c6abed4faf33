/**
 * The sixth outside Chinese set (tests/fixtures/cms-outside6) is what its generator writes, and is
 * well formed: every expected title, line, 来源 and chrome string is on its page (for the share
 * page that renders from JSON: in its JSON), no expected line holds chrome, and the shapes each
 * page is about are really there. (Scores are in `npm run bench -- extract`, not here.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOutside } from '../fixtures/cms-outside/load';
import { OUTSIDE6_DIR, OUTSIDE6_PAGES, buildAll } from '../fixtures/cms-outside6/generate';

/** Visible text of a page, roughly: no scripts, no tags, the entities the pages use, one space. */
const visible = (html: string): string =>
  html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/gi, ' ')
    // Inline tags join their text; block tags separate it.
    .replace(/<\/?(?:a|span|em|b|strong|font|small|label|i|o:p)\b[^>]*>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[\s\u3000]+/g, ' ');
const flat = (s: string): string => s.replace(/[\s\u3000]+/g, ' ').trim();

const GENERIC_CHROME =
  /版权所有|ICP备|公网安备|网站标识码|上一篇|下一篇|上一条|下一条|打印本页|关闭窗口|分享到|责任编辑|责编|浏览次数|点击数|当前位置|您的位置/;

const html = (name: string): string => {
  const p = loadOutside(OUTSIDE6_DIR).find((x) => x.name === name)!;
  return new TextDecoder('utf-8', { fatal: true }).decode(p.bytes);
};

/** The JSON the share page renders from. */
const shareData = (h: string): { data: { title: string; source: string; publish_time: string; content: string } } =>
  JSON.parse(/window\.__DETAIL_DATA__=(\{[\s\S]*?\});<\/script>/.exec(h)![1]!) as {
    data: { title: string; source: string; publish_time: string; content: string };
  };

describe('sixth outside Chinese pages (cms-outside6)', () => {
  const built = buildAll();
  const pages = loadOutside(OUTSIDE6_DIR);

  it('the files on disk are exactly what generate.ts writes', () => {
    const onDisk = readdirSync(OUTSIDE6_DIR)
      .filter((f) => f.endsWith('.html') || f.endsWith('.expected.json'))
      .sort();
    expect(onDisk).toEqual(built.flatMap((b) => [`${b.name}.expected.json`, `${b.name}.html`]).sort());
    for (const b of built) {
      expect(readFileSync(join(OUTSIDE6_DIR, `${b.name}.expected.json`), 'utf8'), b.name).toBe(b.expectedJson);
      expect(Buffer.compare(readFileSync(join(OUTSIDE6_DIR, `${b.name}.html`)), b.bytes), b.name).toBe(0);
    }
  });

  it('has ten distinct pages with dates in YYYY-MM-DD', () => {
    expect(new Set(pages.map((p) => p.name)).size).toBe(10);
    for (const p of pages) expect(p.expected.publishedAt, p.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('title, paragraphs, chrome and 来源 are on the page', () => {
    for (const def of OUTSIDE6_PAGES) {
      const p = pages.find((x) => x.name === def.name)!;
      const page = new TextDecoder('utf-8', { fatal: true }).decode(p.bytes);
      expect(page, p.name).toBe(def.html(def));
      // The share page's article is in its JSON, not in its markup.
      const text = def.jsonOnly ? visible(shareData(page).data.content) : visible(page);
      const around = visible(page);
      expect(def.jsonOnly ? flat(shareData(page).data.title) : text, p.name).toContain(flat(p.expected.title));
      for (const line of p.expected.paragraphs) expect(text, `${p.name}: ${line.slice(0, 20)}`).toContain(flat(line));
      for (const c of p.expected.chrome) expect(around, `${p.name}: ${c}`).toContain(flat(c));
      if (p.expected.origin) expect(def.jsonOnly ? shareData(page).data.source : text, p.name).toContain(flat(p.expected.origin));
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

  it('the 政策 page has its title only in the metadata table (no h1) and 成文日期 before 发布日期', () => {
    const h = html('gov-zhengce-table-no-h1');
    expect(h).not.toMatch(/<h[12]\b/);
    for (const m of h.matchAll(/<h[3-6]\b[^>]*>([^<]*)</g)) expect(m[1]).not.toContain('实施意见');
    expect(h).toContain('<td class="textLabel">成文日期：</td><td>2024年02月26日</td>');
    expect(h).toContain('<td class="textLabel">发布日期：</td><td>2024年03月04日</td>');
    expect(h.indexOf('成文日期')).toBeLessThan(h.indexOf('发布日期'));
  });

  it('the OA 公文 page has a generic <title>, 拟稿日期 before 成文日期, and later dates in 处理意见', () => {
    const h = html('oa-govdoc-form-table');
    expect(h).toContain('<title>公文查看</title>');
    expect(h.indexOf('拟稿日期')).toBeLessThan(h.indexOf('成文日期'));
    expect(h).toContain('<span class="opinion_time">2024-03-07 09:02</span>');
    expect(h).toContain('<span lang="EN-US" style="font-size:16.0pt;font-family:仿宋_GB2312">2024</span>');
  });

  it('the share page shows no article text outside its script JSON', () => {
    const h = html('xuexi-share-json-only');
    const d = shareData(h).data;
    expect(d.publish_time).toBe('2024-03-09 08:00:00');
    expect(visible(h)).not.toContain('抓落实');
    expect(h).toContain('<title>学习示例</title>');
    expect(h).not.toMatch(/<script>window[^<]*<p/);
  });

  it('来源 comes before the date in one <i>; 发布时间 and 供稿单位 are the only date and 来源 labels on the VSB page', () => {
    expect(html('gcdy-source-before-date')).toContain('<i class="time">来源：示例日报　2024年03月11日 07:34</i>');
    const v = html('vsb-xcb-gonggao-danwei');
    expect(v).toContain('<span>发布时间：2024-03-05</span>');
    expect(v).toContain('<span>供稿单位：马克思主义学院</span>');
    expect(v).toContain('<form name="_newscontent_fromname">');
    expect(visible(v)).not.toContain('来源');
  });

  it('the paginated page shows page 1 of 3 with a 下一页 link; the TRS page keeps its <style> inside TRS_Editor', () => {
    expect(html('gmw-paginated-page1')).toMatch(/<span class="page-cur">1<\/span> <a[^>]*>2<\/a> <a[^>]*>3<\/a> <a[^>]*>下一页<\/a>/);
    expect(html('mof-trs-fujian-list')).toContain('<div class="TRS_Editor"><style type="text/css">');
  });
});
