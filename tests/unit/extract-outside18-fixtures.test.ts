/**
 * The eighteenth outside Chinese set (tests/fixtures/cms-outside18) is what its generator writes,
 * and is well formed: every expected title, line, 来源 and chrome string is on its page, no
 * expected line holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE18_DIR, OUTSIDE18_PAGES, buildAll } from '../fixtures/cms-outside18/generate';

const SET = outsideSet({
  dir: OUTSIDE18_DIR,
  defs: OUTSIDE18_PAGES,
  buildAll,
  count: 12,
  // More than 15 KB and less than 60 KB.
  bytes: { min: 15 * 1024 + 1, max: 60 * 1024 - 1 },
});
const { defOf, html } = outsidePages(SET);

describe('eighteenth outside Chinese pages (cms-outside18)', () => {
  checkOutsideSet(SET);

  it('政府公报: 期号 box above the h1; 【刊发日期】/【来源】 in 【】 fields; 文号 line opens the text; 本期目录 lists the title again', () => {
    const h = html('gongbao-qihao-mulu-kanfa-riqi');
    const d = defOf('gongbao-qihao-mulu-kanfa-riqi');
    expect(h.indexOf('2024年第16期（总第812期）')).toBeLessThan(h.indexOf('<h1'));
    expect(h).toContain('<span>【刊发日期】2024-08-26</span><span>【来源】省政府办公厅</span>');
    expect(h).not.toMatch(/发布(?:时间|日期)|来源：/);
    const text = between(h, '<!--<$[信息内容]>begin-->', '<!--<$[信息内容]>end-->');
    expect(text).toMatch(/^<!--<\$\[信息内容\]>begin-->\n<p class="gb-wh">示政办发〔2024〕31号<\/p>/);
    // The 落款 date is earlier than the page's date.
    expect(text).toContain('<p style="text-align:right">2024年8月9日</p>');
    const mulu = between(h, '<dl class="gb-mulu">', '</dl>');
    expect(mulu).toContain(d.title);
  });

  it('检察院 典型案例: 【…】 heads in <strong>; the text ends with （案例来源：…）, another unit than the page 来源; a series head above the h1', () => {
    const h = html('jcy-dianxing-anli-anli-laiyuan');
    const d = defOf('jcy-dianxing-anli-anli-laiyuan');
    const text = between(h, '<div class="jc-content TRS_Editor">', '<div class="jc-share">');
    expect(text.match(/<p><strong>【[^】]+】<\/strong><\/p>/g)).toHaveLength(5);
    expect(text).toContain('<p style="text-align:right">（案例来源：示例市湖西区人民检察院）</p>');
    expect(d.origin).toBe('示例省人民检察院');
    expect(h).toContain('<span>发布时间：2024-09-03</span><span>来源：示例省人民检察院</span>');
    expect(h.indexOf('检察机关依法惩治破坏耕地犯罪典型案例之二')).toBeLessThan(h.indexOf('<h1'));
  });

  it('医院 新闻: 文章来源 a department beside 作者/审核; two picture captions inside the text; a later 义诊 date in the last line', () => {
    const h = html('hospital-news-keshi-laiyuan-yizhen');
    const d = defOf('hospital-news-keshi-laiyuan-yizhen');
    expect(h).toContain(
      '<span>文章来源：心血管内科</span><span>作者：何丽娟</span><span>审核：党委宣传部</span><span>发布时间：2024-09-10 16:22</span>',
    );
    const text = between(h, '<div class="yy-content">', '<div class="yy-share">');
    expect(text.match(/<p class="yy-cap">/g)).toHaveLength(2);
    expect(d.paragraphs.at(-1)).toContain('2024年9月14日');
  });

  it('小红书: title in div#detail-title, <br> lines in span.note-text with hashtag links; the date after 编辑于 with a place; comments with MM-DD dates', () => {
    const h = html('xiaohongshu-note-bianjiyu-place');
    const d = defOf('xiaohongshu-note-bianjiyu-place');
    expect(h).toContain(`<div id="detail-title" class="title">${d.title}</div>`);
    const note = between(h, '<span class="note-text"><span>', '<a class="tag"');
    expect(note.match(/<br>/g)).toHaveLength(d.paragraphs.length);
    expect(note).not.toContain('<p');
    expect(h).toContain('<span class="date">编辑于 2024-09-12 湖南</span>');
    expect(h.match(/<div class="date"><span>09-1\d [^<]+<\/span>/g)).toHaveLength(6);
    // 1726132800000 is 2024-09-12 17:20 in Beijing.
    expect(new Date(1726132800000 + 8 * 3600 * 1000).toISOString().slice(0, 10)).toBe('2024-09-12');
    expect(d.origin).toBeNull();
  });

  it('掘金: a <style> is the first child of div.markdown-body; code lines in <pre> with 复制代码 inside; time.time with an ISO datetime', () => {
    const h = html('juejin-markdown-body-style-copy-code');
    const body = between(h, '<div class="article-viewer markdown-body result">', '</article>');
    expect(body).toMatch(/^<div class="article-viewer markdown-body result"><style>\.markdown-body\{/);
    const pre = between(body, '<pre>', '</pre>');
    expect(pre).toContain('<span class="copy-code-btn">复制代码</span>');
    expect(pre.split('\n')).toHaveLength(6);
    expect(h).toContain(
      '<time datetime="2024-09-11T02:15:33.000Z" title="Wed Sep 11 2024 10:15:33 GMT+0800 (中国标准时间)" class="time">2024-09-11 10:15</time>',
    );
    expect(visible(h)).toContain("const req = indexedDB.open('notes', 2);");
  });

  it('GitBook: the book name in the header h1, the page h1 in section.markdown-section; the date only in 该文件修订时间 (a later build time in script)', () => {
    const h = html('gitbook-page-footer-xiuding-shijian');
    expect(between(h, '<div class="book-header"', '</div>')).toContain('<a href=".." >校园网络使用手册</a>');
    expect(h.match(/<h1/g)?.length).toBeGreaterThanOrEqual(2);
    expect(h).toContain('<span class="footer-modification">该文件修订时间：\n2024-08-30 10:21:44\n</span>');
    expect(h).toContain('"gitbook":{"version":"3.2.3","time":"2024-09-02T03:00:12.384Z"}');
    expect(visible(h.replace(/<footer class="page-footer">[\s\S]*?<\/footer>/, ''))).not.toMatch(/20\d\d-\d\d-\d\d/);
  });

  it('招生简章: VSB form with 发布者 (no 来源 label); a 招生计划 table of <td><p> cells; 报名/考试/公示 dates after the page date', () => {
    const h = html('zhaosheng-jianzhang-jihua-biao');
    expect(h).toContain('<span>发布者：招生就业处</span><span>发布时间：2024-03-08</span>');
    expect(h).not.toMatch(/来源[：:]/);
    const table = between(h, '<table class="zs-table"', '</table>');
    expect(table.match(/<tr>/g)).toHaveLength(5);
    expect(table).toContain('<td><p>510205</p></td><td><p>大数据技术</p></td>');
    for (const later of ['2024年3月11日', '2024年4月13日', '2024年4月22日']) expect(h).toContain(later);
  });

  it('知乎 回答: the question is the h1 with its own text below; 发布于 only in a tooltip, 编辑于 (later) shown; two other answers with their dates', () => {
    const h = html('zhihu-answer-bianjiyu-fabuyu-tooltip');
    expect(h).toContain(
      '<span data-tooltip="发布于 2024-09-08 21:14" aria-label="发布于 2024-09-08 21:14">编辑于 2024-09-10 09:02</span></a>・IP 属地湖南',
    );
    expect(h).toContain('<meta itemprop="dateCreated" content="2024-09-08T13:14:05.000Z">');
    expect(h.indexOf('class="QuestionRichText')).toBeLessThan(h.indexOf('class="RichText ztext CopyrightRichText-richText'));
    const more = between(h, '<div class="Card MoreAnswers">', '<div class="Question-sideColumn">');
    expect(more.match(/<div class="List-item">/g)).toHaveLength(3);
  });

  it('凡科建站: nd.jsp?id= URL; the title a div.title (no h-tag); 发表时间/作者/来源 spans; each line a <p><span> followed by <p><br></p>', () => {
    const h = html('fanke-nd-jsp-richcontent-fabiao-shijian');
    const d = defOf('fanke-nd-jsp-richcontent-fabiao-shijian');
    expect(d.url).toMatch(/\/nd\.jsp\?id=58$/);
    expect(h).toContain(`<div class="newsTitle"><div class="title">${d.title}</div></div>`);
    expect(h).not.toMatch(/<h[1-3][\s>]/);
    expect(h).toContain(
      '<span class="newsInfo">发表时间：2024-09-05 09:41</span><span class="newsInfo">作者：宋佳</span><span class="newsInfo">来源：综合管理部</span>',
    );
    const rich = between(h, '<div class="richContent richContent0 fk-editor">', '<div class="pagenation">');
    expect(rich.match(/<p><br><\/p>/g)).toHaveLength(d.paragraphs.length);
  });

  it('MediaWiki: an infobox and a 目录 box before the text, [编辑] in the heads, a navbox after the references; the date only in footer-info-lastmod', () => {
    const h = html('mediawiki-zh-infobox-lastmod-footer');
    const out = between(h, '<div class="mw-parser-output">', '<div class="printfooter"');
    expect(out).toMatch(/^<div class="mw-parser-output"><table class="infobox">/);
    expect(out.match(/<span class="mw-editsection">/g)).toHaveLength(3);
    expect(out.indexOf('class="navbox"')).toBeGreaterThan(out.indexOf('class="references"'));
    expect(h).toContain('<li id="footer-info-lastmod"> 此页面最后编辑于2024年9月12日 (星期四) 21:33。</li>');
    expect(visible(h.replace(/<li id="footer-info-lastmod">[^<]*<\/li>/, ''))).not.toMatch(/20\d\d年\d+月\d+日/);
  });

  it('法院 公告: no 发布/来源 label; 公告法院 and 刊登日期 cells in a field table above the 公告; the 落款 date in 〇-numerals, earlier', () => {
    const h = html('court-songda-gonggao-kandeng-riqi');
    expect(h).not.toMatch(/发布(?:时间|日期)|来源[：:]/);
    const table = between(h, '<table class="gg-table"', '</table>');
    expect(table).toContain('<td class="lab">公告法院</td><td>示例市湖西区人民法院</td>');
    expect(table).toContain('<td class="lab">刊登日期</td><td>2024-09-06</td>');
    expect(h).toContain('<p style="text-align:right">二〇二四年九月二日</p>');
    expect(h).toContain('<title>法院公告-示例市湖西区人民法院</title>');
  });

  it('社会责任报告: a 关键绩效 table in the text; the report year 2023 in the text; 报告下载 and 往年报告 (2018–2022) after it', () => {
    const h = html('soe-shehui-zeren-baogao-jixiao-biao');
    const text = between(h, '<div class="ny-content TRS_Editor">', '<div class="zr-down">');
    expect(text.match(/<tr>/g)).toHaveLength(5);
    expect(text).toContain('2023年1月1日至2023年12月31日');
    const past = between(h, '<div class="ny-box zr-past', '</ul>');
    expect(past.match(/年度社会责任报告<\/p>/g)).toHaveLength(5);
    expect(h).toContain('<span>发布时间：2024-06-28</span><span>来源：企业文化部</span>');
  });
});
