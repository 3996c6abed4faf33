/**
 * The eighth outside Chinese set (tests/fixtures/cms-outside8) is what its generator writes, and
 * is well formed: every expected title, line, 来源 and chrome string is on its page, no expected
 * line holds chrome, the GBK page decodes cleanly only as GBK, and the shapes each page is about
 * are really there. (Scores are in `npm run bench -- extract`, not here.)
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE8_DIR, OUTSIDE8_PAGES, buildAll } from '../fixtures/cms-outside8/generate';

/** The page whose date and 来源 exist only as script output (its 来源 is looked for in the markup). */
const SCRIPT_META = 'zhanqun-docwrite-meta';

const SET = outsideSet({
  dir: OUTSIDE8_DIR,
  defs: OUTSIDE8_PAGES,
  buildAll,
  count: 12,
  bytes: { min: 15 * 1024, max: 60 * 1024 },
  elsewhere: (def, h) => (def.name === SCRIPT_META ? { origin: h } : undefined),
});
const { page, defOf, html } = outsidePages(SET);

describe('eighth outside Chinese pages (cms-outside8)', () => {
  checkOutsideSet(SET);

  it('the 人大 page is GBK labelled gb2312, with characters GB2312 lacks, served with a bare text/html', () => {
    const p = page('renda-gb2312-label-gbk-chars');
    expect(p.expected.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(p.bytes)).toThrow();
    expect(new TextDecoder('gbk', { fatal: true }).decode(p.bytes)).toContain(p.expected.title);
    const bytes = Buffer.from(p.bytes);
    expect(bytes.indexOf('charset=gb2312')).toBeGreaterThan(0);
    expect(bytes.indexOf('charset=gbk')).toBe(-1);
    // GB2312 (EUC-CN) uses only bytes 0xA1–0xFE for both halves; 堃 and 喆 are GBK-only.
    for (const ch of ['堃', '喆']) {
      const enc = iconv.encode(ch, 'gbk');
      expect(enc[0]!, ch).toBeLessThan(0xa1);
      expect(bytes.indexOf(enc), ch).toBeGreaterThan(0);
    }
    expect(html(p.name)).toContain('添加时间：2024-4-9');
  });

  it('the 信息公开 pages: 生成日期 as the only date label above the title, and a table after the body in its own order', () => {
    const j = html('jcms-xxgk-shengcheng-riqi');
    expect(j).toContain('<strong>生成日期：</strong>');
    expect(visible(j)).not.toMatch(/发布日期|发布时间|成文日期/);
    expect(j.indexOf('<strong>文&nbsp;&nbsp;&nbsp;&nbsp;号：</strong>')).toBeLessThan(j.indexOf('<strong>发布机构：</strong>'));
    expect(j.indexOf('class="xxgk_table"')).toBeLessThan(j.indexOf('class="title"'));
    expect(j).toContain('<p style="text-align:right;">2024年4月8日</p>');
    const x = html('xxgk-table-after-body');
    expect(x.indexOf('<table class="xxgk-meta"')).toBeGreaterThan(x.indexOf('第五条　本办法自印发之日起施行。'));
    expect(x.indexOf('<th>发布日期</th>')).toBeLessThan(x.indexOf('<th>成文日期</th>'));
    expect(between(x, '<h1', '<div class="xxgk-content"')).not.toMatch(/\d{4}-\d{2}-\d{2}|来源|发布/);
    expect(defOf('xxgk-table-after-body').url).not.toMatch(/20\d\d/);
  });

  it('the 数字报 page: enpproperty with the date, no 来源 anywhere, 引题 / 副题 / byline outside the body', () => {
    const h = html('enp-epaper-banci');
    expect(h).toMatch(/<!--enpproperty <articleid>8823<\/articleid><date>2024-04-12<\/date>/);
    expect(h).toContain('<TITLE>示例日报数字报</TITLE>');
    expect(visible(h)).not.toContain('来源');
    const body = between(h, '<!--enpcontent-->', '<!--/enpcontent-->');
    expect(body).not.toMatch(/本报记者|副题|——市委理论学习中心组学习制度运行观察/);
    expect(h).toContain('<TD class="font03" align="center">本报记者　韩叙</TD>');
  });

  it('the DedeCMS page is page 2 of 3, and its intro (the article description) is not page 2 text', () => {
    const h = html('dede57-page2-of-3');
    expect(defOf('dede57-page2-of-3').url).toMatch(/\/1234_2\.html$/);
    expect(h).toContain(`<li class="thisclass"><a href='#'>2</a></li>`);
    expect(h).toContain('<div class="intro">区委讲师团围绕党纪学习教育');
    expect(between(h, '<div class="content">', '<div class="dede_pages">')).not.toContain('区委讲师团围绕');
  });

  it('the 蓝凌 page: no h1, the 文档属性 table after the body with 新闻来源, 所属部门 and 创建时间 before 发布时间', () => {
    const h = html('lanling-ekp-news-source');
    expect(h).not.toMatch(/<h1/i);
    const props = between(h, '<div class="lui_form_info">', '<div class="lui_form_evaluation">');
    expect(h.indexOf('<div class="lui_form_info">')).toBeGreaterThan(h.indexOf('参加学习。'));
    expect(props).toContain('<td class="td_normal_title">新闻来源</td><td>集团党委办公室</td>');
    expect(props).toContain('所属部门');
    expect(props.indexOf('创建时间')).toBeLessThan(props.indexOf('发布时间'));
    expect(visible(h)).not.toMatch(/来源：/);
  });

  it('the 法院 page names its date and 来源 only by icons and title= attributes', () => {
    const h = html('court-icon-meta-no-label');
    expect(h).toContain('<span class="item" title="来源"><i class="iconfont icon-source"></i>示例市湖西区人民法院</span>');
    expect(visible(h)).not.toMatch(/来源|发布时间|发布日期/);
    expect(defOf('court-icon-meta-no-label').url).toMatch(/\/2024\/04\/id\/\d+\.shtml$/);
  });

  it('the WeChat repost: 来源丨 inside js_content after the text, then credits and 推荐阅读 links in the same div', () => {
    const h = html('wechat-repost-laiyuan-shu');
    const content = between(h, '<div class="rich_media_content', '<div class="rich_media_tool"');
    const last = defOf('wechat-repost-laiyuan-shu').paragraphs.at(-1)!;
    expect(content.indexOf('来源丨示例日报')).toBeGreaterThan(content.indexOf(last));
    expect(content).toContain('推荐阅读');
    expect(content).toContain('<a href="/wx/article?id=MzA5NzQ2ODgxNw&amp;idx=1"');
    expect(h).toContain('id="js_name">湖西融媒</a>');
    expect(visible(h)).not.toContain('来源：');
  });

  it('the 讲话 page: the speech date opens the body, the publication date is in the info line', () => {
    const h = html('speech-subtitle-own-date');
    const body = between(h, '<div class="view TRS_UEDITOR', '<div class="article-foot">');
    expect(body).toContain('（2024年3月28日）');
    expect(between(h, '<div class="article-info">', '</div>')).toContain('发布时间：2024-04-02 08:45');
  });

  it('the 高校 page dates itself only by a split day / year-month badge', () => {
    const h = html('univ-date-badge-split');
    expect(h).toContain('<div class="art-date"><span class="day">12</span><span class="ym">2024-04</span></div>');
    expect(visible(h)).not.toMatch(/2024-04-12|2024年0?4月12日|2024\.04\.12|2024\/4\/12/);
    expect(defOf('univ-date-badge-split').url).not.toMatch(/20\d\d/);
  });

  it('the 党建云 page: Nuxt markup, Quill body, 发布于 and a millisecond timestamp in __NUXT__', () => {
    const h = html('nuxt-quill-fabu-yu');
    expect(h).toContain('<div data-server-rendered="true" id="__nuxt">');
    expect(h).toContain('<div class="ql-editor" data-gramm="false" contenteditable="false">');
    expect(h).toContain('<span class="meta-item">发布于 2024-04-08 10:15</span>');
    expect(h).toContain('publishTime:1712542500000');
    expect(visible(h)).not.toMatch(/发布时间|发布日期/);
  });

  it('the 网站群 page writes its date and 来源 only from scripts', () => {
    const h = html(SCRIPT_META);
    expect(h).toContain('var pubtime = "2024-04-03 16:20:45"; document.write(pubtime.substring(0, 10));');
    expect(h).toContain(`var laiyuan = "${defOf(SCRIPT_META).origin}";`);
    const text = visible(h);
    expect(text).not.toContain(defOf(SCRIPT_META).origin!);
    expect(text).not.toMatch(/2024-04-03|来源：/);
    expect(defOf(SCRIPT_META).url).not.toMatch(/20\d\d/);
  });
});
