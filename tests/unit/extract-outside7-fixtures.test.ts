/**
 * The seventh outside Chinese set (tests/fixtures/cms-outside7) is what its generator writes, and
 * is well formed: every expected title, line, 来源 and chrome string is on its page, no expected
 * line holds chrome, the legacy-encoded pages decode cleanly only with their own encoding, and the
 * shapes each page is about are really there. (Scores are in `npm run bench -- extract`, not here.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadOutside } from '../fixtures/cms-outside/load';
import { OUTSIDE7_DIR, OUTSIDE7_PAGES, buildAll } from '../fixtures/cms-outside7/generate';

/** Visible text of a page, roughly: no scripts, no tags, the entities the pages use, one space. */
const visible = (html: string): string =>
  html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/gi, ' ')
    // Inline tags join their text; block tags separate it.
    .replace(/<\/?(?:a|span|em|b|strong|font|small|label|i|o:p|time)\b[^>]*>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&#8211;/g, '–')
    .replace(/[\s\u3000]+/g, ' ');
const flat = (s: string): string => s.replace(/[\s\u3000]+/g, ' ').trim();

const GENERIC_CHROME =
  /版权所有|ICP备|公网安备|网站标识码|上一篇|下一篇|上一条|下一条|打印本页|关闭窗口|分享到|责任编辑|责编|浏览次数|点击数|当前位置|您的位置/;

const pages = loadOutside(OUTSIDE7_DIR);
const defOf = (name: string) => OUTSIDE7_PAGES.find((d) => d.name === name)!;
const html = (name: string): string => {
  const p = pages.find((x) => x.name === name)!;
  return iconv.decode(Buffer.from(p.bytes), defOf(name).encoding);
};

describe('seventh outside Chinese pages (cms-outside7)', () => {
  it('the files on disk are exactly what generate.ts writes', () => {
    const built = buildAll();
    const onDisk = readdirSync(OUTSIDE7_DIR)
      .filter((f) => f.endsWith('.html') || f.endsWith('.expected.json'))
      .sort();
    expect(onDisk).toEqual(built.flatMap((b) => [`${b.name}.expected.json`, `${b.name}.html`]).sort());
    for (const b of built) {
      expect(readFileSync(join(OUTSIDE7_DIR, `${b.name}.expected.json`), 'utf8'), b.name).toBe(b.expectedJson);
      expect(Buffer.compare(readFileSync(join(OUTSIDE7_DIR, `${b.name}.html`)), b.bytes), b.name).toBe(0);
    }
  });

  it('has twelve distinct pages with dates in YYYY-MM-DD', () => {
    expect(new Set(pages.map((p) => p.name)).size).toBe(12);
    for (const p of pages) expect(p.expected.publishedAt, p.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('title, paragraphs, chrome and 来源 are on the page', () => {
    for (const def of OUTSIDE7_PAGES) {
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

  it('the legacy pages are GBK / GB2312 bytes that are not UTF-8, served with a bare text/html', () => {
    for (const name of ['dag-late-meta-gbk', 'county-2008-font-table']) {
      const p = pages.find((x) => x.name === name)!;
      expect(p.expected.contentType, name).toBe('text/html');
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(p.bytes), name).toThrow();
      expect(new TextDecoder('gbk').decode(p.bytes), name).toContain(p.expected.title);
    }
  });

  it('the archive page declares its charset only after 1 KB, behind comments and a <title> in GBK', () => {
    const p = pages.find((x) => x.name === 'dag-late-meta-gbk')!;
    const bytes = Buffer.from(p.bytes);
    const meta = bytes.indexOf('charset=gbk');
    expect(meta).toBeGreaterThan(1024);
    expect(bytes.indexOf('charset')).toBe(meta);
    expect(bytes.indexOf('<title>')).toBeGreaterThan(1024);
    expect(bytes.indexOf('<title>')).toBeLessThan(meta);
    // Non-ASCII bytes (the comments' Chinese) come before the declaration.
    expect(bytes.subarray(0, 200).some((b) => b >= 0x80)).toBe(true);
    // The only date on the page is the unlabelled one in the breadcrumb.
    expect(html('dag-late-meta-gbk')).toContain('<div class="position"><span class="fr">2024-04-02</span>当前位置：');
  });

  it('the 2008 page has its metadata only in the ［…］ row under the body, and a dated list before the article', () => {
    const h = html('county-2008-font-table');
    expect(h).toContain('［稿件来源：县委宣传部］［录入时间：2008-10-16 9:32:11］');
    expect(h.indexOf('(10-20)')).toBeLessThan(h.indexOf('<b>我县召开'));
    expect(h.indexOf('录入时间')).toBeGreaterThan(h.indexOf('参加会议。'));
    expect(h).toContain('<p>&nbsp;&nbsp;&nbsp;&nbsp;10月15日上午');
  });

  it('new 来源 labels: 出处, 稿源, 来稿单位, 本文来源于, 所属部门, 来源单位 — and no plain 来源： on those pages', () => {
    const labels: [string, string][] = [
      ['qiushi-chuchu-qihao', '出处：《示例》2024年第8期'],
      ['sasac-gaoyuan-table', '稿源：示例能源集团有限公司'],
      ['djw-laigao-danwei-below', '<p>来稿单位：中共示例县委组织部</p>'],
      ['qingnian-video-benwen-laiyuan', '本文来源于：<a href="https://www.example-qnb.com/">示例青年报</a>'],
      ['soe-fanwei-docdsp-dept', '所属部门：党群工作部（企业文化部）'],
      ['univ-wp-fenlei-biaoqian', '（来源单位：马克思主义学院　审核：刘思源）'],
    ];
    for (const [name, label] of labels) {
      const h = html(name);
      expect(h, name).toContain(label);
      expect(visible(h), name).not.toMatch(/(?:^|[^文本于])来源：/);
    }
  });

  it('dates and 来源 sit where the pages say: above the title, below the body, in 【】 fields', () => {
    const z = html('zhengxie-origin-above-title');
    expect(z.indexOf('来源：市政协办公室')).toBeLessThan(z.indexOf('<h2 class="article-title">'));
    const d = html('djw-laigao-danwei-below');
    expect(d.indexOf('发布日期：2024-04-08')).toBeGreaterThan(d.indexOf('确保机制落地见效。'));
    expect(d.indexOf('今天是2024年04月20日')).toBeLessThan(d.indexOf('<h1>'));
    expect(html('gov-zhanqun-bracket-fields')).toContain('【发布时间：2024-04-03 16:20】【信息来源：示例区农业农村局】【浏览次数：');
    const x = html('xinhua-2024-hash-url');
    expect(x.indexOf('<span class="year"><em> 2024</em>')).toBeLessThan(x.indexOf('<h1>'));
    expect(defOf('xinhua-2024-hash-url').url).toMatch(/\/20240411\/[0-9a-f]{32}\/c\.html$/);
    expect(html('sasac-gaoyuan-table')).toMatch(/<tr><td class="left"[^>]*>稿源：[^<]*<\/td><td[^>]*>发布日期：2024年04月10日<\/td>/);
    expect(html('jiwei-yaowen-reporter-origin')).toContain('<em class="e e1">来源：示例纪检监察网 韩语秋</em>');
  });

  it('the WordPress page has a later updated <time>; the video page its <video> and 编辑 line inside the body div', () => {
    const w = html('univ-wp-fenlei-biaoqian');
    expect(w).toContain('<time class="entry-date published" datetime="2024-04-17T15:02:11+08:00">');
    expect(w).toContain('<time class="updated" datetime="2024-04-19T09:00:00+08:00">');
    expect(w).toContain('rel="category tag"');
    const v = html('qingnian-video-benwen-laiyuan');
    const body = v.slice(v.indexOf('<div class="rich_media_content"'), v.indexOf('<div class="share-bar">'));
    expect(body).toContain('<video id="vplayer"');
    expect(body).toContain('<p class="bianji">编辑：周若岚</p>');
    const f = html('soe-fanwei-docdsp-dept');
    expect(f).toMatch(/<form name="frmmain"[^>]*>[\s\S]*<div id="docContent"[\s\S]*<\/form>/);
  });
});
