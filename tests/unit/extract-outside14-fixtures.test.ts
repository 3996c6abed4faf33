/**
 * The fourteenth outside Chinese set (tests/fixtures/cms-outside14) is what its generator writes,
 * and is well formed: every expected title, line, 来源 and chrome string is on its page, no
 * expected line holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, flat, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE14_DIR, OUTSIDE14_PAGES, buildAll } from '../fixtures/cms-outside14/generate';

/** Visible text with the lake viewer's `ne-*` elements read as inline (a bold run splits a paragraph's ne-text). */
const lakeText = (html: string): string => visible(html.replace(/<\/?ne-(?:text|heading-content|oli-c|oli-i)\b[^>]*>/g, ''));

const SET = outsideSet({
  dir: OUTSIDE14_DIR,
  defs: OUTSIDE14_PAGES,
  buildAll,
  count: 12,
  // More than 15 KB and less than 60 KB.
  bytes: { min: 15 * 1024 + 1, max: 60 * 1024 - 1 },
  elsewhere: (def, h) => {
    if (!def.name.startsWith('yuque')) return undefined;
    const text = lakeText(h);
    return { title: text, lines: text, chrome: text, origin: text };
  },
});
const { defOf, html } = outsidePages(SET);

describe('fourteenth outside Chinese pages (cms-outside14)', () => {
  checkOutsideSet(SET);

  it('知网: the body is the 摘要 span alone; 关键词, 基金资助 and the download buttons follow it', () => {
    const h = html('cnki-kcms-abstract-zhaiyao');
    const def = defOf('cnki-kcms-abstract-zhaiyao');
    expect(def.paragraphs).toHaveLength(1);
    expect(h).toContain(`<span class="abstract-text" id="ChDivSummary">${def.paragraphs[0]}</span>`);
    expect(h.indexOf('id="ChDivSummary"')).toBeLessThan(h.indexOf('<span class="rowtit">关键词：</span>'));
    expect(h).toContain('<span>网络首发时间：2024-06-12 16:20:31</span>');
    expect(h).toContain('<a href="/knavi/journals/SLXZ/detail" target="_blank">示例行政管理</a>. 2024,(06)');
    expect(h.match(/<li><em>\[\d+\]<\/em>/g)).toHaveLength(30);
  });

  it('Hexo NexT: dates as <time title="创建时间：…"> and a later 更新于; code lines in a highlight table beside a gutter', () => {
    const h = html('hexo-next-toc-highlight-gutter');
    expect(h).toContain(
      '<time title="创建时间：2024-08-12 21:05:41" itemprop="dateCreated datePublished" datetime="2024-08-12T21:05:41+08:00">2024-08-12</time>',
    );
    expect(h).toContain('itemprop="dateModified" datetime="2024-09-02T08:11:09+08:00">2024-09-02</time>');
    expect(h).toMatch(/<td class="gutter"><pre>(<span class="line">\d<\/span><br>){8}<\/pre><\/td><td class="code">/);
    expect(h).toContain('class="headerlink"');
    // The 文章目录 repeats the three headings before the article.
    expect(h.indexOf('<span class="nav-text">一、先把“长者模式”想清楚</span>')).toBeLessThan(h.indexOf('<div class="post-body"'));
    expect(h).toMatch(/<blockquote>\n<p>适老化不是/);
  });

  it('Typecho: `时间:` with a <time>, no date in the URL, four dated comments after the post', () => {
    const h = html('typecho-default-comments-archive');
    expect(h).toContain('<time datetime="2024-07-28T20:16:00+08:00" itemprop="datePublished">2024年07月28日</time>');
    expect(defOf('typecho-default-comments-archive').url).not.toMatch(/20\d\d/);
    expect(h.match(/<div class="comment-content"><p>/g)).toHaveLength(4);
    expect(h).toContain('<meta name="generator" content="Typecho 1.2.1" />');
  });

  it('Halo: utility classes only, the date an unlabelled span titled 发布时间, a later 更新于', () => {
    const h = html('halo-tailwind-utility-classes');
    expect(h).toContain('<meta name="generator" content="Halo 2.17.2">');
    expect(h).toMatch(/title="发布时间"><svg[^]*?<\/svg><span>2024-08-30<\/span>/);
    expect(h).toContain('<span>更新于 2024-09-04</span>');
    expect(h).toContain('<article class="markdown-body prose mt-8 max-w-none dark:prose-invert" id="content">');
    expect(h).not.toMatch(/class="(?:post|entry|article)-(?:title|content|body)/);
  });

  it('语雀: paragraphs are ne-p / ne-h2 / ne-oli elements, a bold run splits a line into several ne-text', () => {
    const h = html('yuque-lake-ne-elements');
    expect(h.match(/<ne-p /g)).toHaveLength(6);
    expect(h.match(/<ne-h2 /g)).toHaveLength(4);
    expect(h.match(/<ne-oli /g)).toHaveLength(3);
    expect(between(h, '<div class="ne-viewer-body">', '<div class="DocReader-module_footer')).not.toMatch(/<(?:p|h[1-6]|li|ol)[ >]/);
    expect(h).toMatch(/<ne-text id="[^"]+" ne-bold="true">三个工作日内<\/ne-text>/);
    // Plain visible text splits that line; read inline it is whole.
    const line = defOf('yuque-lake-ne-elements').paragraphs[9]!;
    expect(visible(h)).not.toContain(line);
    expect(lakeText(h)).toContain(line);
    expect(h).toContain('<span class="item">2024-08-19 17:26</span>');
    expect(h).toContain('更新于 2024-08-21 09:02');
  });

  it('飞书: one div block per line with data-block-type, headings as heading2 blocks, a zero-width enter span per line', () => {
    const h = html('feishu-docx-block-divs');
    const def = defOf('feishu-docx-block-divs');
    expect(h.match(/data-block-type="text"/g)).toHaveLength(def.paragraphs.length - 3);
    expect(h.match(/data-block-type="heading2"/g)).toHaveLength(3);
    expect(h).not.toMatch(/<h[1-6][ >]/);
    expect(h.match(/data-enter="true" data-leaf="true">\u200b<\/span>/g)).toHaveLength(def.paragraphs.length + 1);
    expect(h).toContain('最近修改：9月3日 10:12');
    expect(def.paragraphs.slice(-2)).toEqual(['示例集团安全环保部', '2024年9月2日']);
  });

  it('Confluence: 页面属性 table with 发布部门 and a <time> 发布日期; the byline gives a later day in Chinese month names', () => {
    const h = html('confluence-page-properties-zh-month');
    expect(h).toContain('<tr><th class="confluenceTh">发布部门</th><td class="confluenceTd">集团办公室</td></tr>');
    expect(h).toContain('<time datetime="2024-09-02" class="date-past">2024-09-02</time>');
    expect(flat(visible(h))).toContain('最终由 赵一鸣修改于 九月 05, 2024');
    expect(h.indexOf('plugin-tabmeta-details')).toBeLessThan(h.indexOf('confluence-information-macro-body'));
  });

  it('会议纪要: the attendance table is the first part of the 纪要, the meeting three days before publication', () => {
    const h = html('huiyi-jiyao-chuxi-liexi-table');
    const table = h.slice(h.indexOf('<table class="jy-head"'), h.indexOf('</table>'));
    for (const lab of ['会议时间', '会议地点', '主持人', '出席', '列席', '请假', '记录'])
      expect(table).toContain(`<th width="90">${lab}</th>`);
    expect(table).toContain('2024年8月6日上午');
    expect(h).toContain('<span>发布时间：2024-08-09 16:05</span>');
    expect(h.indexOf('</table>')).toBeLessThan(h.indexOf('议定事项纪要如下'));
  });

  it('年鉴 条目: a four-character title, 【…】 sub-heads opening the paragraphs, 供稿单位 in the info row', () => {
    const h = html('nianjian-tiaomu-bracket-subheads');
    const def = defOf('nianjian-tiaomu-bracket-subheads');
    expect(def.title).toHaveLength(4);
    for (const l of def.paragraphs) expect(l).toMatch(/^【[^】]+】/);
    expect(h).toContain('<p><b>【统计执法】</b>');
    expect(h).toContain('<span>供稿单位：市统计局</span><span>发布时间：2024-09-10</span>');
    expect(h).toContain('（撰稿：韩立　审稿：周敏）');
  });

  it('微博 头条文章: the title a div, the account and an unlabelled time in media_box, the sharing card and comments after', () => {
    const h = html('weibo-ttarticle-account-card');
    expect(h).toContain('<div class="title" node-type="articleTitle">');
    expect(h).not.toMatch(/<h[1-3][ >]/);
    expect(h).toMatch(/usercard="id=6688201001">示例市教育发布<\/a><\/em>\n<i [^>]+><\/i>\n<span class="time">2024-07-12 18:20<\/span>/);
    expect(h.indexOf('node-type="contentBody"')).toBeLessThan(h.indexOf('发布了头条文章'));
    expect(h.match(/class="list_li S_line1 clearfix"/g)).toHaveLength(7);
  });

  it('人民网 page 2: the URL ends -2.html, the pager 【1】【2】 and the 第 11 版 line sit inside rm_txt_con', () => {
    const h = html('people-page2-zdfy-paper-num');
    expect(defOf('people-page2-zdfy-paper-num').url).toMatch(/c1001-40302517-2\.html$/);
    const con = h.slice(h.indexOf('<div class="rm_txt_con cf">'), h.indexOf('<div class="box_mob cf">'));
    expect(con).toContain('<p class="paper_num">《 人民日报 》（ 2024年08月21日 第 11 版）</p>');
    expect(con).toContain('<a href="/n1/2024/0821/c1001-40302517.html">【1】</a><a href="/n1/2024/0821/c1001-40302517-2.html">【2】</a>');
    expect(con).toContain('(责编：郑涵、孙月)');
    // Page 2 opens with a sub-head, not a 电头.
    expect(con).toMatch(/^<div class="rm_txt_con cf">\n<p><strong>/);
  });

  it('新华网 page 2: `_2.htm`, div_currpage with the current page as a span, a photo caption inside p-detail', () => {
    const h = html('xinhua-page2-currpage');
    expect(defOf('xinhua-page2-currpage').url).toMatch(/c_1130189456_2\.htm$/);
    expect(h).toContain('<span class="page-Article">2</span>');
    const detail = h.slice(h.indexOf('<div id="p-detail">'), h.indexOf('<div id="div_currpage">'));
    expect(detail).toContain('新华社记者　杨帆　摄</font></p>');
    expect(h).toContain('<span class="h-time">2024-08-26 08:12:35</span><span></span><em id="source"> 来源： 新华社</em>');
  });
});
