/**
 * The seventh outside Chinese set (tests/fixtures/cms-outside7) is what its generator writes, and
 * is well formed: every expected title, line, 来源 and chrome string is on its page, no expected
 * line holds chrome, the legacy-encoded pages decode cleanly only with their own encoding, and the
 * shapes each page is about are really there. (Scores are in `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE7_DIR, OUTSIDE7_PAGES, buildAll } from '../fixtures/cms-outside7/generate';

const SET = outsideSet({ dir: OUTSIDE7_DIR, defs: OUTSIDE7_PAGES, buildAll, count: 12 });
const { page, defOf, html } = outsidePages(SET);

describe('seventh outside Chinese pages (cms-outside7)', () => {
  checkOutsideSet(SET);

  it('the legacy pages are GBK / GB2312 bytes that are not UTF-8, served with a bare text/html', () => {
    for (const name of ['dag-late-meta-gbk', 'county-2008-font-table']) {
      const p = page(name);
      expect(p.expected.contentType, name).toBe('text/html');
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(p.bytes), name).toThrow();
      expect(new TextDecoder('gbk').decode(p.bytes), name).toContain(p.expected.title);
    }
  });

  it('the archive page declares its charset only after 1 KB, behind comments and a <title> in GBK', () => {
    const p = page('dag-late-meta-gbk');
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
