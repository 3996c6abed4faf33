/**
 * The eleventh outside Chinese set (tests/fixtures/cms-outside11) is what its generator writes, and
 * is well formed: every expected title, line, 来源 and chrome string is on its page, no expected
 * line holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE11_DIR, OUTSIDE11_PAGES, buildAll } from '../fixtures/cms-outside11/generate';

const SET = outsideSet({
  dir: OUTSIDE11_DIR,
  defs: OUTSIDE11_PAGES,
  buildAll,
  count: 12,
  bytes: {
    min: 15_000,
    max: 60_000,
    except: { 'fulian-empire-doprint-view': { min: 4_000, max: 60_000, why: 'a print view carries no site chrome' } },
  },
});
const { pages, defOf, html } = outsidePages(SET);

describe('eleventh outside Chinese pages (cms-outside11)', () => {
  checkOutsideSet(SET);

  it('all pages are UTF-8 from example-* hosts', () => {
    for (const p of pages) {
      expect(new URL(p.expected.url).hostname, p.name).toMatch(/(^|\.)example-[a-z0-9-]+\.[a-z.]+$/);
      expect(p.expected.contentType, p.name).toBe('text/html; charset=utf-8');
      expect(defOf(p.name).encoding, p.name).toBe('utf-8');
      expect(() => html(p.name), p.name).not.toThrow();
    }
  });

  it('the 提案 reply carries its 提案时间 / 答复时间 table and 落款 a week before the publication date', () => {
    const h = html('zhengxie-tian-dafu-table');
    expect(h).toContain('<th>提案时间</th><td>2024-01-16</td><th>答复时间</th><td>2024-06-11</td>');
    expect(h.indexOf('发布时间：2024-06-18')).toBeLessThan(h.indexOf('<table class="ta-info"'));
    expect(h).toContain('<p style="text-align:right">2024年6月11日</p>');
    expect(defOf('zhengxie-tian-dafu-table').url).not.toMatch(/20\d{6}|\/20\d\d[-/]/);
  });

  it('the 人大 page has its report in the shown tab and captions / file names in two hidden panes', () => {
    const h = html('renda-huiyi-tabs-hidden-panes');
    expect(h).toContain('.tab-pane{display:none}.tab-pane.on{display:block}');
    expect(h.match(/<div class="tab-pane on entry">/g)).toHaveLength(1);
    expect(h.match(/<div class="tab-pane">/g)).toHaveLength(2);
    const hidden = h.slice(h.indexOf('<div class="tab-pane">'), h.indexOf('<div class="share">'));
    expect(hidden).toContain('<p>常委会组成人员审议市级决算报告</p>');
    expect(hidden).toContain('关于2023年度市级决算的报告（PDF）');
    expect(h).toContain('<span class="arti_author">作者：</span>');
  });

  it('the 审查调查 notice is two lines among dated notices of the same form, with `来源 : ` spaced', () => {
    const h = html('jiwei-shencha-short-spaced-colon');
    expect(h).toContain('<span>2024-06-21 18:30:00</span><span>来源 : 示例市纪委监委</span>');
    expect(visible(h)).not.toMatch(/发布时间|日期：/);
    expect((h.match(/接受纪律审查和监察调查<\/a>/g) ?? []).length).toBeGreaterThanOrEqual(8);
    const body = between(h, '<div class="content TRS_Editor">', '</div>');
    expect(body.match(/<p/g)).toHaveLength(2);
  });

  it('the 以案促改 page labels its fields in <b> with no colon, byline first in the body, 编辑 after it', () => {
    const h = html('jiwei-yianzugai-bold-label-nocolon');
    expect(h).toContain('<span><b>来源</b>示例纪检监察报</span><span><b>作者</b>孟晓川</span><span><b>发布时间</b>2024-06-14 07:50</span>');
    expect(visible(h)).not.toMatch(/来源[：:]/);
    const body = between(h, '<div class="content" id="articleText">', '</div>');
    expect(body).toMatch(/^<div class="content" id="articleText">\n<p class="byline"[^>]*>本报记者\u3000孟晓川<\/p>/);
    expect(h.indexOf('编辑：韦一鸣')).toBeGreaterThan(h.indexOf('以案为鉴、以案明纪'));
  });

  it('the 专题 detail has the 专题 banner <h2> above the <h1> and a <title> without the article title', () => {
    const h = html('djw-zhuanti-detail-banner-title');
    const title = between(h, '<title>', '</title>');
    expect(title).not.toContain('红色物业');
    expect(title).toContain('奋进新征程　建功新时代');
    expect(h.indexOf('<h2>奋进新征程　建功新时代</h2>')).toBeLessThan(h.indexOf('<h1>'));
    expect(h).toContain('<span class="time">2024年06月08日 09:12</span><span class="source">来源：示例组织工作网</span>');
  });

  it('the m. page shows only `06-18` (the year is in the URL path), credits after the body', () => {
    const h = html('county-m-rongmei-monthday-only');
    expect(h).toContain('<span class="time">06-18 16:42</span>');
    expect(visible(h)).not.toMatch(/2024-0?6-18|2024年/);
    expect(defOf('county-m-rongmei-monthday-only').url).toContain('/content/202406/18/');
    expect(h).toContain('<meta name="viewport"');
    expect(h.indexOf('编辑：洪小雨')).toBeGreaterThan(h.indexOf('“微课堂”。'));
  });

  it('the 国企 page names a person as 发布人 before the 发布单位, and its URL date is later than 发布日期', () => {
    const h = html('soe-dangjian-fabuqi-url-later');
    expect(h).toContain('发布人：王晓敏　　发布单位：第三分公司党委　　发布日期：2024-06-03');
    expect(defOf('soe-dangjian-fabuqi-url-later').url).toContain('/2024-06-05/');
    expect(visible(h)).not.toMatch(/来源/);
  });

  it('the 工会 page puts each label in its own 【】 with the value outside', () => {
    const h = html('gonghui-bracket-label-value-outside');
    expect(h).toContain('<span>【发布时间】2024-05-28</span><span>【来源】市总工会宣教部</span>');
    expect(visible(h)).not.toMatch(/来源[：:]|时间[：:]/);
  });

  it('the Drupal page gives the time as UTC of the previous day, fields as label / item divs', () => {
    const h = html('univ-mayuan-drupal-utc-datetime');
    expect(h).toContain('<time datetime="2024-06-11T16:30:00Z"');
    expect(h).toContain('>2024-06-12 00:30</time>');
    expect(h).toContain('<div class="field__label">来源</div><div class="field__item">马克思主义学院</div>');
    expect(visible(h)).not.toMatch(/来源[：:]/);
  });

  it('the theory mirror shows `发布于 6月16日` with no year; the year is only in metadata', () => {
    const h = html('lilun-platform-yearless-fabuyu');
    expect(h).toContain('<span class="time">发布于 6月16日</span>');
    expect(visible(h)).not.toMatch(/2024/);
    expect(h).toContain('<meta property="article:published_time" content="2024-06-16T08:00:00+08:00">');
    expect(defOf('lilun-platform-yearless-fabuyu').url).not.toMatch(/20\d\d/);
  });

  it('the 图片新闻 page has five captions in slides (four hidden by CSS) before a two-paragraph text', () => {
    const h = html('gov-tupian-zutu-slider-captions');
    expect(h.match(/<p class="pic-txt">/g)).toHaveLength(5);
    expect(h).toContain('.pic-slide li{display:none;text-align:center}.pic-slide li.cur{display:block}');
    expect(h.match(/<li class="cur"><img src="\.\/W0\d+\.jpg" alt=/g)).toHaveLength(1);
    expect(h.match(/<li><img src="\.\/W0\d+\.jpg" alt=/g)).toHaveLength(4);
    const text = between(h, '<div class="pic-text content TRS_Editor">', '</div>');
    expect(text.match(/<p>/g)).toHaveLength(2);
    expect(h.indexOf('<p class="pic-txt">')).toBeLessThan(h.indexOf('<div class="pic-text'));
  });

  it('the 打印 view has no <h1>, the title in <strong><font>, the body in a <font size="2"> cell', () => {
    const h = html('fulian-empire-doprint-view');
    expect(h).not.toMatch(/<h[1-6]\b/i);
    expect(h).toContain(`<strong><font size="3">${defOf('fulian-empire-doprint-view').title}</font></strong>`);
    expect(h).toContain('作者：家庭和儿童工作部&nbsp;&nbsp;&nbsp;来源：示例市妇联&nbsp;&nbsp;&nbsp;发布时间：2024-05-30 10:21:45');
    expect(h).toContain('<div id="text" class="newstext"><font size="2">');
    expect(defOf('fulian-empire-doprint-view').url).toContain('/e/DoPrint/?classid=8&id=2231');
  });
});
