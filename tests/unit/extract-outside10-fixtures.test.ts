/**
 * The tenth outside Chinese set (tests/fixtures/cms-outside10) is what its generator writes, and
 * is well formed: every expected title, line, 来源 and chrome string is on its page, no expected
 * line holds chrome, the GBK page decodes cleanly only as GBK, and the shapes each page is about
 * are really there. (Scores are in `npm run bench -- extract`, not here.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadOutside } from '../fixtures/cms-outside/load';
import { OUTSIDE10_DIR, OUTSIDE10_PAGES, buildAll } from '../fixtures/cms-outside10/generate';

/** Visible text of a page, roughly: no scripts, no tags, the entities the pages use, one space. */
const visible = (html: string): string =>
  html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
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

const pages = loadOutside(OUTSIDE10_DIR);
const defOf = (name: string) => OUTSIDE10_PAGES.find((d) => d.name === name)!;
const html = (name: string): string => {
  const p = pages.find((x) => x.name === name)!;
  return iconv.decode(Buffer.from(p.bytes), defOf(name).encoding);
};

describe('tenth outside Chinese pages (cms-outside10)', () => {
  it('the files on disk are exactly what generate.ts writes', () => {
    const built = buildAll();
    const onDisk = readdirSync(OUTSIDE10_DIR)
      .filter((f) => f.endsWith('.html') || f.endsWith('.expected.json'))
      .sort();
    expect(onDisk).toEqual(built.flatMap((b) => [`${b.name}.expected.json`, `${b.name}.html`]).sort());
    for (const b of built) {
      expect(readFileSync(join(OUTSIDE10_DIR, `${b.name}.expected.json`), 'utf8'), b.name).toBe(b.expectedJson);
      expect(Buffer.compare(readFileSync(join(OUTSIDE10_DIR, `${b.name}.html`)), b.bytes), b.name).toBe(0);
    }
  });

  it('has twelve distinct pages of realistic size with dates in YYYY-MM-DD', () => {
    expect(new Set(pages.map((p) => p.name)).size).toBe(12);
    for (const p of pages) {
      expect(p.expected.publishedAt, p.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.bytes.length, p.name).toBeGreaterThanOrEqual(15_000);
      expect(p.bytes.length, p.name).toBeLessThanOrEqual(60_000);
    }
  });

  it('title, paragraphs, chrome and 来源 are on the page', () => {
    for (const def of OUTSIDE10_PAGES) {
      const p = pages.find((x) => x.name === def.name)!;
      const page = html(def.name);
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

  it('the town page is GBK bytes that are not UTF-8, served with a bare text/html', () => {
    const p = pages.find((x) => x.name === 'town-gongkai-shengxiao-youxiaoqi-gbk')!;
    expect(p.expected.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(p.bytes)).toThrow();
    expect(new TextDecoder('gbk').decode(p.bytes)).toContain(p.expected.title);
    const h = html(p.name);
    // 生效日期 (later) and 有效期至 sit beside 发布时间 in the table; the body names both again.
    expect(h).toContain(
      '<td bgcolor="#F2F2F2">生效日期：</td><td>2024年06月01日</td><td bgcolor="#F2F2F2">发布时间：</td><td>2024年05月08日</td>',
    );
    expect(h).toContain('有效期至：</td><td>2026年12月31日</td>');
  });

  it('信息公开 metadata: 公开日期 in <th> cells, name/value divs with no colon, a 关联文件 box with its own 成文日期', () => {
    const g = html('xxgk-th-gongkai-riqi');
    expect(g).toContain('<tr><th>成文日期</th><td>2024-05-18</td><th>公开日期</th><td>2024-05-22</td></tr>');
    expect(g).not.toContain('发布日期');
    expect(g.indexOf('<table class="xxgk-info"')).toBeLessThan(g.indexOf('<h1'));
    const n = html('xxgk-div-name-value-nocolon');
    expect(n).toContain('<div class="name">发布日期</div><div class="value">2024-04-26</div>');
    expect(n.indexOf('>发布日期<')).toBeLessThan(n.indexOf('>成文日期<'));
    expect(n).not.toMatch(/发布日期：|成文日期：|发文机关：/);
    expect(n).not.toContain('<h1');
    const j = html('xxgk-jiedu-guanlian-box');
    expect(j.indexOf('成文日期：2024-04-28')).toBeGreaterThan(j.indexOf('发布时间：2024-05-09'));
    expect(j.indexOf('成文日期：2024-04-28')).toBeLessThan(j.indexOf('<div class="jd-content"'));
  });

  it('党校 / 党刊 / 转载: 关键词 row, 刊期 with no 来源 label, 原标题 opening the body', () => {
    const x = html('dangxiao-lilun-guanjianci');
    expect(x).toContain('<p class="arti_keys">关键词：');
    expect(x).toContain('<span class="arti_update">2024-05-13</span>');
    const k = html('dangkan-kanqi-benqi-mulu');
    expect(visible(k)).not.toContain('来源');
    expect(k).toContain('刊期：2024年第5期　栏目：党课讲坛　发布日期：2024-05-06');
    const r = html('portal-lilun-yuanbiaoti-dangkan');
    expect(r).toMatch(/<div class="rm_txt_con cf">\s*<p[^>]*>原标题：/);
    expect(r).toContain('2024年05月20日08:12 | 来源：<a');
  });

  it('国企 / 高校 / 党报 / 公众号 shapes: | spans, 135 sections, <br> in the h1, 导语 box, account before the time', () => {
    expect(html('soe-zhanqun-pipe-spans-captions')).toContain(
      '<span>时间：2024-05-14</span><span class="sep">|</span><span>来源：集团办公室</span>',
    );
    const s = html('soe-135editor-sections');
    expect(s).toContain('data-tools="135编辑器"');
    expect(s).toMatch(/>01<\/section>/);
    expect(s).toContain('发布日期：2024年05月17日');
    const u = html('univ-h1-br-slash-credits');
    expect(u).toMatch(/<h1 class="art-h1">[^<]+<br>[^<]+<\/h1>/);
    expect(u).toContain('<form name="_newscontent_fromname">');
    const b = html('dangbao-daoyu-banmian');
    expect(b.indexOf('<div class="daoyu">')).toBeLessThan(b.indexOf('<!--正文开始-->'));
    expect(b).toContain('（原载《示例日报》2024年05月15日第01版）</p>\n</div>\n<!--正文结束-->');
    const w = html('wechat-aggregator-yuanchuang');
    expect(w).toContain(
      '<span class="badge-orig">原创</span><a class="account" href="/account/sqej/">示例社区e家</a><span class="post-time">2024-05-12 18:30</span>',
    );
  });
});
