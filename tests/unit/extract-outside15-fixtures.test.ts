/**
 * The fifteenth outside Chinese set (tests/fixtures/cms-outside15) is what its generator writes,
 * and is well formed: every expected title, line, 来源 and chrome string is on its page, no
 * expected line holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, flat, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE15_DIR, OUTSIDE15_PAGES, buildAll } from '../fixtures/cms-outside15/generate';

const SET = outsideSet({
  dir: OUTSIDE15_DIR,
  defs: OUTSIDE15_PAGES,
  buildAll,
  count: 12,
  // More than 15 KB and less than 60 KB.
  bytes: { min: 15 * 1024 + 1, max: 60 * 1024 - 1 },
});
const { defOf, html } = outsidePages(SET);

describe('fifteenth outside Chinese pages (cms-outside15)', () => {
  checkOutsideSet(SET);

  it('致远 A8 公告: generic <title>, the title a div, 发布部门 span, 附件 and a 已阅 list with later times after the body', () => {
    const h = html('seeyon-a8-bulletin-yiyue-list');
    expect(h).toContain('<title>公告</title>');
    expect(h).not.toMatch(/<h[1-6][ >]/);
    expect(h).toContain('发布部门：<span id="publishDept">集团办公室</span>');
    expect(h).toContain('发布时间：<span id="publishDate">2024-09-10 16:42</span>');
    const after = h.slice(h.indexOf('id="attachmentArea"'));
    expect(after.match(/<tr class="(?:odd|even)">/g)).toHaveLength(24);
    expect(after).toContain('2024-09-12 ');
  });

  it('一网通办 解读: 解读机关 the only 来源 label; the 政策要素 card dates before the text; hidden v-show panes', () => {
    const h = html('yiwangtongban-jiedu-yaosu-tabs');
    expect(h).not.toMatch(/来源[：:]/);
    expect(h).toContain('<span data-v-5f2c8a1e>解读机关：示例市人力资源和社会保障局</span>');
    expect(h.indexOf('2024-07-26')).toBeLessThan(h.indexOf('一、出台背景'));
    expect(h.match(/class="tab-pane" style="display: none;"/g)).toHaveLength(2);
    expect(h.match(/ data-v-5f2c8a1e/g)!.length).toBeGreaterThan(100);
  });

  it('法规库: 【…】 label rows with a dotted 发布日期 and a later 实施日期; 题注, 目录, 章 heads and 16 条', () => {
    const h = html('pkulaw-fagui-tiao-fabao');
    const d = defOf('pkulaw-fagui-tiao-fabao');
    expect(h).toContain('<strong>【发布日期】</strong> 2024.06.28');
    expect(h).toContain('<strong>【实施日期】</strong> 2024.10.01');
    expect(h).not.toMatch(/2024-06-28|2024年6月28日/);
    expect(d.paragraphs.filter((p) => /^第[一二三四五六七八九十]+条\u3000/.test(p))).toHaveLength(16);
    expect(h.match(/<div class="tiao">/g)).toHaveLength(16);
    expect(h).toContain('class="alink"');
    expect(d.paragraphs[0]).toMatch(/^（2024年4月26日.*批准）$/);
  });

  it('采购公告: a 公告概要 table (not body) before the notice; dates after publication in the notice; 采购需求 rows', () => {
    const h = html('ccgp-caigou-gonggao-gaiyao');
    expect(h.indexOf('公告概要')).toBeLessThan(h.indexOf('vF_detail_content"'));
    expect(h).toContain('<span id="pubTime">2024年08月12日 16:05</span>　来源：<span id="sourceName">示例市公共资源交易中心</span>');
    const notice = between(h, '<div class="vF_detail_content">', '<div class="vF_detail_relcontent">');
    expect(notice).toContain('2024年09月03日');
    expect(notice).toContain('2024年08月13日');
    expect(notice.match(/<tr><td>\d<\/td>/g)).toHaveLength(5);
    expect(defOf('ccgp-caigou-gonggao-gaiyao').paragraphs.at(-1)).toMatch(/^电话：/);
  });

  it('裁判文书: every line a styled div (no <p> in the text), 发布日期 in PDF_time, 裁判日期 in 〇-numerals, no 来源', () => {
    const h = html('wenshu-panjueshu-div-lines');
    const text = between(h, '<div class="PDF_pox">', '<div class="detail_right">');
    expect(text).not.toContain('<p');
    expect(text.match(/<div style='/g)).toHaveLength(defOf('wenshu-panjueshu-div-lines').paragraphs.length);
    expect(h).toContain('<div class="PDF_time">发布日期：2024-06-03</div>');
    expect(text).toContain('二〇二四年五月二十日');
    expect(h).not.toMatch(/来源[：:]/);
  });

  it('CSDN: 最新推荐 (later) above the bar, 已于 … 修改 (later) in it, 首次发布 only in the hover box; line numbers inside the <pre>', () => {
    const h = html('csdn-blog-shouci-fabu-xiugai');
    expect(h.indexOf('最新推荐文章于 2024-09-03')).toBeLessThan(h.indexOf('已于 2024-08-20 22:05:13 修改'));
    expect(h.indexOf('已于 2024-08-20')).toBeLessThan(h.indexOf('于 2024-08-18 09:12:40 首次发布'));
    expect(h).toMatch(/<\/code><ul class="pre-numbering" style="">(<li [^>]+>\d<\/li>){8}<\/ul><\/pre>/);
    expect(h).toContain('if code &gt;= 400');
    expect(defOf('csdn-blog-shouci-fabu-xiugai').url).not.toMatch(/2024/);
  });

  it('博客园: nothing between the title and the text; the date only in postDesc after it; dated comments follow', () => {
    const h = html('cnblogs-postdesc-posted-after-body');
    expect(h).toMatch(/<\/span><\/a><\/h1>\n<div class="clear"><\/div>\n<div class="postBody">\n<div id="cnblogs_post_body"/);
    expect(h.indexOf('id="cnblogs_post_body"')).toBeLessThan(h.indexOf('posted @ <span id="post-date"'));
    expect(h.match(/<span class="comment_date">2024-08-\d\d /g)).toHaveLength(5);
    expect(h).toContain('<h1><a id="Header1_HeaderTitle"');
  });

  it('统计公报: issuer and date lines open the text, two tables with 表 captions, 注释 and a 资料来源 line at its end', () => {
    const h = html('tongji-gongbao-biao-zhushi-ziliao');
    const d = defOf('tongji-gongbao-biao-zhushi-ziliao');
    const text = between(h, '<div class="TRS_Editor">', '<div class="art-foot">');
    expect(text.match(/<table /g)).toHaveLength(2);
    expect(d.paragraphs.slice(0, 3)).toEqual(['示例市统计局', '国家统计局示例调查队', '2024年3月20日']);
    expect(d.paragraphs.at(-1)).toMatch(/^资料来源：/);
    expect(h).toContain('<span>2023-03-');
  });

  it('建议答复: no publication date on the page or in the URL; the 落款 date only; A类/签发人/文号 head and 抄送 around the letter', () => {
    const h = html('jianyi-dafu-luokuan-lianxiren');
    const d = defOf('jianyi-dafu-luokuan-lianxiren');
    expect(h).not.toMatch(/发布(?:时间|日期)|2024-07-10/);
    expect(d.url).not.toMatch(/20\d\d/);
    const content = between(h, '<div class="detail-content" id="zoom">', '<div class="detail-share">');
    expect(content).toContain('2024年7月10日');
    expect(content.indexOf('签发人：刘建国')).toBeLessThan(content.indexOf('林晓红代表：'));
    expect(content.indexOf('（联系人：何芳')).toBeLessThan(content.indexOf('抄送：'));
  });

  it('简书: hashed classes, a dotted <time> beside 字数 / 阅读, no 来源', () => {
    const h = html('jianshu-next-hashed-zishu-yuedu');
    expect(h).toContain('<h1 class="_1RuRku">');
    expect(h).toContain('<time datetime="2024-08-09T12:31:05.000Z">2024.08.09 20:31:05</time><span>字数 1,146</span><span>阅读 312</span>');
    expect(h).toContain('<article class="_2rhmJa">');
    expect(h).not.toMatch(/来源[：:]/);
  });

  it('钉钉 H5: generic title and nav title, the department an unlabelled span between the author and the time', () => {
    const h = html('dingtalk-h5-vant-gonggao-yidu');
    expect(h).toContain('<title>公告详情</title>');
    expect(h).toContain(
      '<span class="author">孙丽</span><span class="dot">·</span><span class="dept">人力资源部</span><span class="dot">·</span><span class="time">2024-08-20 17:45</span>',
    );
    expect(h).not.toMatch(/来源|发布部门|发布时间/);
    expect(h.match(/class="van-grid-item"/g)).toHaveLength(36);
  });

  it('网易号: 来源 the account link before 举报; captions inside post_body; Chinese and English statements after it', () => {
    const h = html('wangyihao-post-statement-en-notice');
    expect(h).toContain('2024-08-14 18:32:05　来源: <a href="https://www.example-163.com/dy/media/T1603596245923.html">湖西发布</a>');
    const body = between(h, '<div class="post_body">', '<div class="post_statement">');
    expect(body.match(/<p class="f_center"><img /g)).toHaveLength(2);
    expect(flat(visible(h))).toContain('Notice: The content above');
  });
});
