/**
 * Issue 16, the weakest seen pages and the real news pages (cnfix20pre): kinds of markup in
 * general terms, with our own text. A line pointing to the document the text explains
 * (`政策原文请点击：<a>某某办法</a>`) is the text's; a bracketed 作者 sign-off closing the text
 * (（作者：某某，某单位科长）) is too; a page that shows no date (an aggregator's `昨天`) is dated
 * by its script data's record titled as the page is. A print edition's note (《某报》（日期 第N版）)
 * and a forum post's 本帖最后由…编辑 are not the text; a 时间：line running from one day to another
 * is a notice's period, not a stamp; a bold head opening the text is no widget crumb.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { stateDate } from '../../main/services/extract/json-state';
import { isMetaLine, isUpdateNotice } from '../../main/services/extract/patterns';

const page = (
  title: string,
  meta: string,
  content: string,
  head = '',
  after = '',
): string => `<!doctype html><html><head><meta charset="utf-8">
<title>${title}_示例网</title>${head}</head><body>
<div class="nav"><a href="/">首页</a><a href="/a">政策</a><a href="/b">解读</a><a href="/c">互动</a></div>
<div class="main"><div class="article"><h1>${title}</h1>
<div class="info">${meta}</div>
<div class="content">${content}</div>${after}</div></div>
<div class="side"><h3>相关解读</h3><ul><li><a href="/j/1.html">一图读懂农机购置补贴新政</a><span>2025-03-02</span></li>
<li><a href="/j/2.html">图解：小微企业贷款贴息办法</a><span>2025-02-18</span></li></ul></div>
<div class="footer"><p>版权所有 示例市农业农村局</p></div></body></html>`;

const URL = 'https://nyj.example-lc.cn/zcjd/2025/0321/88.html';

describe('a line pointing to the document the text explains', () => {
  const paras = [
    '为帮助广大农户和合作社及时了解今年的补贴政策，现将《示例市春耕生产扶持办法》的主要内容解读如下。',
    '一是扩大补贴范围，将烘干设备和植保无人机纳入补贴目录，单台最高补贴比例提高到百分之三十五。',
    '二是简化申领流程，农户可通过手机端直接提交申请材料，审核时限由二十个工作日压缩到十个工作日。',
  ];
  const html = (last: string): string =>
    page(
      '《示例市春耕生产扶持办法》政策解读',
      '发布日期：2025-03-21　来源：示例市农业农村局',
      `${paras.map((p) => `<p>${p}</p>`).join('\n')}\n<p>${last}</p>`,
    );

  it('keeps `…原文请点击：` and the linked title of the document', () => {
    const a = extractArticle(html('文件原文请点击：<a href="/zcwj/2025/0315/61.html">示例市春耕生产扶持办法</a>'), URL, {
      referee: 'never',
    });
    expect(a.paragraphs).toContain(paras[2]);
    expect(a.paragraphs.at(-1)).toBe('文件原文请点击：示例市春耕生产扶持办法');
  });

  it('keeps `全文详见：` pointing to the full text', () => {
    const a = extractArticle(html('全文详见：<a href="/zcwj/2025/0315/61.html">关于做好春耕生产扶持工作的通知</a>'), URL, {
      referee: 'never',
    });
    expect(a.paragraphs.at(-1)).toBe('全文详见：关于做好春耕生产扶持工作的通知');
  });

  it('leaves a related link and a bare address under an original-text label out', () => {
    const related = extractArticle(html('相关链接：<a href="/j/3.html">示例市秋粮收购政策问答</a>'), URL, { referee: 'never' });
    expect(related.text).not.toContain('秋粮收购政策问答');
    expect(related.paragraphs.at(-1)).toBe(paras[2]);
    const address = extractArticle(
      html('原文链接：<a href="https://www.example-lc.cn/x/61.html">https://www.example-lc.cn/x/61.html</a>'),
      URL,
      {
        referee: 'never',
      },
    );
    expect(address.text).not.toContain('原文链接');
  });
});

describe('a bracketed 作者 sign-off closing the text', () => {
  const paras = [
    '基层党组织是党执行力的末梢。只有把每一个支部都建强，党的路线方针政策才能真正落到田间地头和车间班组。',
    '建强支部，关键在书记。要把政治素质好、群众威信高、干事能力强的党员选到支部书记岗位上来，并持续加强培训。',
    '建强支部，基础在制度。三会一课、主题党日等制度要坚持经常、注重实效，防止流于形式、搞成走过场。',
  ];
  const html = (sign: string, more = ''): string =>
    page(
      '把支部建成坚强战斗堡垒',
      '刊期：2025年第3期　栏目：支部建设　发布日期：2025-03-10',
      `${paras.map((p) => `<p>${p}</p>`).join('\n')}\n<p style="text-align:right">${sign}</p>${more}`,
    );

  it('keeps the sign-off as the last line and takes the name as the author', () => {
    const a = extractArticle(html('（作者：韩一鸣，示例区委组织部干部科科长）'), URL, { referee: 'never' });
    expect(a.paragraphs.at(-1)).toBe('（作者：韩一鸣，示例区委组织部干部科科长）');
    expect(a.author).toBe('韩一鸣');
  });

  it('leaves a bracketed line of several fields, and one the text goes on after, out', () => {
    const fields = extractArticle(html('（作者：韩一鸣　来源：示例组工通讯）'), URL, { referee: 'never' });
    expect(fields.text).not.toContain('作者');
    expect(fields.paragraphs.at(-1)).toBe(paras[2]);
    const goesOn = extractArticle(
      html('（作者：韩一鸣）', '<p>建强支部，根本在党员。要引导党员亮身份、作表率，在急难险重任务面前冲得上、顶得住。</p>'),
      URL,
      { referee: 'never' },
    );
    expect(goesOn.text).not.toContain('（作者：韩一鸣）');
  });
});

describe('a page dated only by its script data', () => {
  const summary =
    '据多家媒体报道，示例省今年将新建改建农村公路三千公里，重点解决偏远自然村通硬化路问题。省交通运输厅表示，项目资金已全部下达。';
  const state = (title: string): string =>
    `<script>window.__INITIAL_STATE__ = {"topic": {"data": {"id": "a1b2", "title": "${title}", "summary": "${summary}", "publishDate": "2025-04-08T01:20:00.000Z", "related": [{"title": "示例省公布农村公路养护新标准", "publishDate": "2025-03-30T02:00:00.000Z"}]}}};</script>`;
  const html = (title: string): string =>
    `<!doctype html><html><head><meta charset="utf-8"><title>示例省今年新建改建农村公路三千公里 - 示例热点</title></head><body>
<header><a href="/">示例热点</a><a href="/tech">科技</a><a href="/news">动态</a></header>
<div class="topic"><h2><span>示例省今年新建改建农村公路三千公里</span></h2><span class="time-label">昨天</span>
<div class="summary">${summary}</div></div>
${state(title)}</body></html>`;

  it('takes the date of the record titled as the page (spaces aside)', () => {
    const a = extractArticle(html('示例省今年新建改建农村公路 三千公里'), 'https://hot.example-rd.cn/topic/a1b2', { referee: 'never' });
    expect(a.title).toBe('示例省今年新建改建农村公路三千公里');
    expect(a.publishedAt).toBe('2025-04-08');
  });

  it('takes no date from a record of another title', () => {
    const a = extractArticle(html('示例省农村公路建设情况通报'), 'https://hot.example-rd.cn/topic/a1b2', { referee: 'never' });
    expect(a.publishedAt).toBeNull();
  });

  it('reads the record breadth first: the page’s own before a listed one', () => {
    const scripts = [
      {
        type: '',
        id: '',
        text: `var DATA = {"list": [{"item": {"title": "示例县举办农民丰收节", "pubDate": "2024-09-20"}}], "title": "示例县举办农民丰收节", "pubDate": "2024-09-23"};`,
      },
    ];
    expect(stateDate(scripts, ['示例县举办农民丰收节_示例网'])).toBe('2024-09-23');
    expect(stateDate(scripts, ['示例县召开秋收工作会'])).toBeNull();
  });
});

describe("a print edition's note after the text", () => {
  const paras = [
    '春节前夕，示例市总工会走访慰问了坚守一线的环卫工人、快递小哥和公交司机，送去米面油和慰问金。',
    '市总工会负责同志表示，将持续做好困难职工帮扶工作，让职工群众切实感受到组织的温暖。',
  ];
  const html = (last: string): string =>
    page(
      '市总工会走访慰问一线职工',
      '2025年01月20日08:10 | 来源：示例晚报',
      `${paras.map((p) => `<p>${p}</p>`).join('\n')}\n<p>${last}</p>`,
    );

  it('leaves 《报名》（日期 第N版） out', () => {
    const a = extractArticle(html('《 示例晚报 》（ 2025年01月20日 第 05 版）'), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(paras);
  });

  it('keeps a sentence that names the paper and its page', () => {
    const line = '《示例晚报》2025年01月18日第03版曾刊发相关报道，引起读者广泛关注。';
    const a = extractArticle(html(line), URL, { referee: 'never' });
    expect(a.paragraphs.at(-1)).toBe(line);
  });
});

describe("a forum post's last-edited notice", () => {
  it('is an update notice, not a line of the post', () => {
    expect(isUpdateNotice('本帖最后由江边老李于 2025-2-8 21:14 编辑')).toBe(true);
    expect(isMetaLine('本帖最后由江边老李于 2025-2-8 21:14 编辑')).toBe(true);
    expect(isUpdateNotice('这次活动由村委会于2025年2月8日组织，全村老少都来参加了。')).toBe(false);
  });
});

describe('a 时间 line running from one day to another', () => {
  it("is a notice's period, not a publication stamp", () => {
    expect(isMetaLine('时间：2025年03月03日至2025年03月07日，每天上午9:00至11:30（节假日除外）')).toBe(false);
    expect(isMetaLine('时间：2025-03-03—03-07')).toBe(false);
    expect(isMetaLine('时间：2025-03-03 10:21')).toBe(true);
    expect(isMetaLine('发布时间：2025-03-03 10:21')).toBe(true);
  });
});

describe('a bold head opening the text', () => {
  const paras = [
    '示例县城区供水管网改造项目的潜在投标人应在县公共资源交易平台获取招标文件，并于规定时间前递交投标文件。',
    '本项目资金来源为财政资金，已落实，招标人为示例县住房和城乡建设局。',
  ];
  const html = (head: string): string =>
    page(
      '示例县城区供水管网改造项目招标公告',
      '发布时间：2025-04-02　来源：示例县公共资源交易中心',
      `${head}${paras.map((p) => `<p>${p}</p>`).join('\n')}`,
    );

  it('stays as the first line', () => {
    const a = extractArticle(html('<p><strong>项目概况</strong></p>'), URL, { referee: 'never' });
    expect(a.paragraphs[0]).toBe('项目概况');
  });

  it('a short plain crumb before the text still goes', () => {
    const a = extractArticle(html('<p><span>关注</span></p>'), URL, { referee: 'never' });
    expect(a.paragraphs[0]).toBe(paras[0]);
  });
});
