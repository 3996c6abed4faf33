/**
 * The seventeenth outside Chinese set (tests/fixtures/cms-outside17) is what its generator writes,
 * and is well formed: every expected title, line, 来源 and chrome string is on its page, no
 * expected line holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE17_DIR, OUTSIDE17_PAGES, buildAll } from '../fixtures/cms-outside17/generate';

const SET = outsideSet({
  dir: OUTSIDE17_DIR,
  defs: OUTSIDE17_PAGES,
  buildAll,
  count: 12,
  // More than 15 KB and less than 60 KB.
  bytes: { min: 15 * 1024 + 1, max: 60 * 1024 - 1 },
});
const { defOf, html } = outsidePages(SET);

describe('seventeenth outside Chinese pages (cms-outside17)', () => {
  checkOutsideSet(SET);

  it('豆瓣日记: the only date in span.pub-date beside the author link; no 来源 label; 回应 with later dates', () => {
    const h = html('douban-note-pubdate-huiying');
    expect(h).toMatch(/class="note-author">蓝小川<\/a>\n\s*<span class="pub-date">2024-09-12 21:33:07<\/span>/);
    expect(h).not.toMatch(/来源[：:]|发布(?:时间|日期)/);
    const comments = between(h, '<div id="comments"', '<div class="aside">');
    expect(comments.match(/<span class="pubtime">2024-09-1[3-6] /g)).toHaveLength(4);
    expect(defOf('douban-note-pubdate-huiying').origin).toBeNull();
  });

  it('B站专栏: <h1> section heads inside the article after the title h1; the date in span.publish-text; __INITIAL_STATE__', () => {
    const h = html('bilibili-read-cv-h1-sections-state');
    const art = between(h, '<div id="read-article-holder"', '<div class="article-declaration">');
    expect(art.match(/<h1>/g)).toHaveLength(3);
    expect(art.match(/<figcaption class="caption"/g)).toHaveLength(2);
    expect(h).toContain('<span class="publish-text" data-ts="1725967200">2024年09月10日 19:20</span>');
    // 1725967200 is 2024-09-10 19:20 in Beijing.
    expect(new Date((1725967200 + 8 * 3600) * 1000).toISOString()).toBe('2024-09-10T19:20:00.000Z');
    expect(h).toMatch(/window\.__INITIAL_STATE__=\{"readInfo":\{"id":38211456,"title":"一张老地图里的红色交通线"/);
  });

  it('贴吧: the 1楼 post is <br> lines in div.d_post_content; its date only in tail-info spans; five later replies', () => {
    const h = html('tieba-thread-1lou-tail-info-br');
    const d = defOf('tieba-thread-1lou-tail-info-br');
    const first = between(h, '<div id="post_content_150123401"', '</div>');
    expect(first).not.toContain('<p');
    expect(first.match(/<br>/g)).toHaveLength(d.paragraphs.length - 1);
    expect(h).toContain('<span class="tail-info">1楼</span><span class="tail-info">2024-09-05 20:14</span>');
    expect(h.match(/class="d_post_content j_d_post_content "/g)).toHaveLength(6);
    expect(h).toContain(`<h3 class="core_title_txt pull-left text-overflow" title="${d.title}"`);
  });

  it('腾讯新闻: the account link is the 来源, no 来源 label; 20240915 heads the URL id; statements after the text', () => {
    const h = html('tencent-rain-media-info-statement');
    expect(h).toContain('<a class="media-name" href="https://new.example-qq.com/omn/author/8031297">示例日报</a>');
    expect(h).toContain('<span class="media-time">2024-09-15 10:22</span><span class="media-location">发布于湖南</span>');
    expect(h).not.toMatch(/来源[：:]/);
    expect(defOf('tencent-rain-media-info-statement').url).toMatch(/\/rain\/a\/20240915A/);
    expect(h.indexOf('class="article-statement"')).toBeGreaterThan(h.indexOf('class="rich_media_content"'));
  });

  it('凤凰网: the time a link followed by 来自湖南 (a place); 来源： inside the link text, hashed class names; the whole text again in var allData', () => {
    const h = html('ifeng-cssmodule-source-in-link-alldata');
    expect(h).toContain(
      '<span class="index_source_x9FGm"><a href="https://www.example-slwb.com/" target="_blank" rel="nofollow">来源：示例晚报</a></span>',
    );
    expect(h).toContain(
      '<div class="index_timeBref_20hzr"><a href="//hn.example-ifeng.com/" target="_blank">2024年09月16日 08:12:33</a> <span class="index_ip_Q2m0v">来自湖南</span></div>',
    );
    const data = between(h, 'var allData = ', ';\nvar adData');
    for (const p of defOf('ifeng-cssmodule-source-in-link-alldata').paragraphs) expect(data).toContain(p);
  });

  it('界面新闻: 记者 | and 编辑 | lines open the text; the date with slashes; a summary box before the text', () => {
    const h = html('jiemian-jizhe-bianji-bars-summary');
    const text = between(h, '<div class="article-content">', '<div class="article-tags">');
    expect(text).toMatch(/^<div class="article-content">\n<p>记者 \| 王思远<\/p>\n<p>编辑 \| 刘洁<\/p>/);
    expect(h).toContain('<span class="date">2024/09/18 15:08</span><span>来源：界面新闻</span>');
    expect(h.indexOf('class="article-summary"')).toBeLessThan(h.indexOf('class="article-content"'));
  });

  it('办事指南: 实施主体 and 更新时间 under the title, no 来源/发布 label; a 基本信息 and a 申请材料 table; numbered steps; a law dated 2019 in the text', () => {
    const h = html('banshi-zhinan-shishi-zhuti-gengxin');
    expect(h).toContain('<span>实施主体：示例市湖西区人力资源和社会保障局</span>');
    expect(h).toContain('<span>更新时间：2024-08-26 16:40</span>');
    expect(h).not.toMatch(/来源[：:]|发布(?:时间|日期)/);
    const content = between(h, '<div class="sx-content">', '<div class="sx-side">');
    expect(content.match(/<table/g)).toHaveLength(2);
    expect(content.match(/<p class="step">\d\./g)).toHaveLength(4);
    // The law's own date in the text, years before the page's.
    expect(content).toContain('<p>《示例省就业促进条例》（2019年9月28日');
  });

  it('行政处罚 公示: a record table with 处罚决定日期 / 处罚有效期 / 公示截止期 between the info line and the 决定书 with its 落款', () => {
    const h = html('xinyong-xzcf-gongshi-juedingshu');
    const table = between(h, '<table class="xy-table"', '</table>');
    expect(table).toContain('<th>处罚决定日期</th><td>2024-08-28</td><th>处罚有效期</th><td>2025-08-28</td>');
    expect(table).toContain('<th>公示截止期</th><td>2027-08-28</td>');
    expect(h.indexOf('发布时间：2024-09-02 09:15:20')).toBeLessThan(h.indexOf('<table class="xy-table"'));
    const doc = between(h, '<div class="xy-doc" id="docContent">', '<div class="xy-tips">');
    expect(doc).toContain('<p style="text-align:right;">2024年8月28日</p>');
  });

  it('志愿服务: an activity card (活动时间 two days earlier, 发布组织 another unit) above the report and its own info line', () => {
    const h = html('zhiyuan-huodong-card-baodao');
    const card = between(h, '<div class="activity-card">', '<div class="report">');
    expect(card).toContain('<li><label>活动时间：</label>2024-09-14 08:30 至 2024-09-14 11:30</li>');
    expect(card).toContain('<li><label>发布组织：</label>东湖街道银龄志愿服务队</li>');
    expect(h).toContain('<span>发布时间：2024-09-16 17:02</span><span>来源：东湖街道新时代文明实践所</span>');
    expect(between(h, '<div class="report-content">', '<div class="report-like">').match(/font-size:12px;color:#888;/g)).toHaveLength(2);
  });

  it('档案史料: an 档案信息 box with 1956 dates between the info line and the text; a blockquote; 注释 lines', () => {
    const h = html('dangan-shiliao-danghao-zhushi');
    const box = between(h, '<div class="da-archive">', '<div class="TRS_Editor" id="zoom">');
    expect(box).toContain('<li>形成时间：1956年4月—11月</li>');
    expect(h.indexOf('发布时间：2024-09-20')).toBeLessThan(h.indexOf('<div class="da-archive">'));
    const text = between(h, '<div class="TRS_Editor" id="zoom">', '<div class="da-print">');
    expect(text).toContain('<blockquote style="font-family:楷体;">');
    expect(text.match(/<p style="font-size:12px;">\[\d\]/g)).toHaveLength(2);
    expect(defOf('dangan-shiliao-danghao-zhushi').title).toContain('｜');
  });

  it('博物馆 展览: 展览时间 with dotted dates (later than the page) opens the text as label lines; 往期展览 periods', () => {
    const h = html('museum-zhanlan-zhanqi-dot-dates');
    const text = between(h, '<div class="exh-content">', '<div class="container exh-past">');
    expect(text).toMatch(/^<div class="exh-content">\n<p><strong>展览时间：<\/strong>2024\.09\.28—2025\.01\.05<\/p>/);
    expect(h).toContain('<span>发布时间：2024-09-25</span><span>来源：陈列展览部</span>');
    expect(between(h, '<div class="swiper-wrapper">', '</div></div></div>').match(/<p class="period">\d{4}\.\d\d\.\d\d—/g)).toHaveLength(4);
  });

  it('PbootCMS: one centred 作者/时间/分类/来源/浏览 line, visits by a /?p=/Do/visits script; tags and 上一篇/下一篇; a footer form', () => {
    const h = html('pbootcms-bootstrap-news-visits');
    expect(h).toContain(
      '作者：宋晓明&nbsp;&nbsp;&nbsp;&nbsp;时间：2024-09-10&nbsp;&nbsp;&nbsp;&nbsp;分类：集团动态&nbsp;&nbsp;&nbsp;&nbsp;来源：集团安全环保部&nbsp;&nbsp;&nbsp;&nbsp;浏览：<script src="/?p=/Do/visits/id/238"></script>',
    );
    expect(defOf('pbootcms-bootstrap-news-visits').url).toBe('https://www.example-hxjt.com/?news/238.html');
    expect(h).toContain('<form action="/?message/" method="post">');
    expect(visible(h)).toContain('上一篇：集团开展“安全生产月”应急演练');
  });
});
