/**
 * Issue 16, seventh outside set: metadata fields in general terms. A value ends at its own closing
 * bracket and at the next bracketed field; a published <time> dates a page that says nothing else;
 * 出处/稿源/来稿单位/本文来源于/来源单位 are 来源 labels and a journal's 期号 belongs to its 出处; an
 * intranet page's 所属部门 is its 来源 only when nothing else is named.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { matchAuthor, matchDepartment, matchOrigin } from '../../main/services/extract/patterns';

const BODY = [
  '4月9日，县委理论学习中心组召开专题学习会，围绕党纪学习教育进行交流研讨，与会同志结合分管工作谈体会。',
  '会议强调，要把学习成果转化为推动工作的实际成效，持续深化调查研究，切实解决群众急难愁盼问题。',
  '会议要求，各级党组织要强化责任担当，把各项任务落实落细，确保取得实效。',
];
const TITLE = '县委理论学习中心组召开专题学习会';

/** An article page: `meta` under the title, `tail` after the text, `aside` after the article. */
function page(meta: string, tail = '', aside = '', head = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}_示例县人民政府</title>${head}</head><body>
<div class="nav"><a href="/">首页</a><a href="/a">工作动态</a></div>
<div class="article"><h1>${TITLE}</h1>
<div class="info">${meta}</div>
<div class="content">${BODY.map((p) => `<p>${p}</p>`).join('\n')}</div>${tail}</div>
${aside}
<div class="footer">版权所有 示例县人民政府</div></body></html>`;
}

function run(html: string, url = 'http://www.example-county.cn/news/show.asp?id=77') {
  return extractArticle(html, url, { referee: 'never' });
}

describe('a value ends at its closing bracket and at the next field', () => {
  it.each([
    ['［稿件来源：县委宣传部］［录入时间：2024-04-09 9:32:11］', '县委宣传部'],
    ['【信息来源：县委宣传部】【发布时间：2024-04-09】', '县委宣传部'],
    ['[来源：县委宣传部][时间：2024-04-09]', '县委宣传部'],
    ['「来源：县委宣传部」「日期：2024-04-09」', '县委宣传部'],
    ['（来源：县委宣传部）（2024-04-09）', '县委宣传部'],
    ['来源：县委宣传部］［录入：张三］', '县委宣传部'],
    ['来源：县委宣传部［浏览：12］', '县委宣传部'],
    ['来源：县委宣传部录入：张三', '县委宣传部'],
  ])('%s', (line, origin) => {
    expect(matchOrigin(line)).toBe(origin);
  });

  it('keeps brackets the value opens itself', () => {
    expect(matchOrigin('［来源：人民日报（海外版）］［时间：2024-04-09］')).toBe('人民日报（海外版）');
    expect(matchOrigin('来源：《学习时报》 2024-04-09')).toBe('《学习时报》');
    expect(matchOrigin('来源：人民日报(海外版)]')).toBe('人民日报(海外版)');
  });

  it('ends an author the same way', () => {
    expect(matchAuthor('［作者：李明］［来源：县融媒体中心］')).toBe('李明');
  });

  it('reads the 来源 of a bracketed row under the body on a whole page', () => {
    const a = run(page('', '<p>［稿件来源：县委宣传部］［录入时间：2024-04-09 9:32:11］［阅读：<span>318</span>］</p>'));
    expect(a.origin).toBe('县委宣传部');
    expect(a.publishedAt).toBe('2024-04-09');
    expect(a.paragraphs).toEqual(BODY);
  });
});

describe('a published <time> dates the page', () => {
  const timeLine = (times: string): string =>
    `<span class="posted-on">发布于 <a href="/archives/77" rel="bookmark">${times}</a></span> <span class="byline">作者 <a href="/author/admin">admin</a></span>`;

  it('takes the published time, not the later updated one', () => {
    const html = page(
      timeLine(
        '<time class="updated" datetime="2024-04-19T09:00:00+08:00">2024年4月19日</time><time class="entry-date published" datetime="2024-04-17T15:02:11+08:00">2024年4月17日</time>',
      ),
    );
    expect(run(html, 'http://www.example-univ.cn/archives/77').publishedAt).toBe('2024-04-17');
  });

  it('reads itemprop datePublished', () => {
    const html = page(`<time itemprop="datePublished" datetime="2024-04-08">4月8日</time>`);
    expect(run(html, 'http://www.example-univ.cn/archives/77').publishedAt).toBe('2024-04-08');
  });

  it("never takes a related list's or a sidebar's time", () => {
    const aside = `<aside class="widget"><h2>近期文章</h2><ul><li><a href="/archives/90">学院召开教学工作会议</a> <time class="entry-date published" datetime="2024-05-02T08:00:00+08:00">2024年5月2日</time></li></ul></aside>
<div class="related-posts"><h3>相关文章</h3><ul><li><a href="/archives/91">学院师生赴红色教育基地开展实践教学</a> <time class="published" datetime="2024-05-03">2024年5月3日</time></li></ul></div>`;
    const html = page(
      timeLine('<time class="updated" datetime="2024-04-19T09:00:00+08:00">2024年4月19日</time>') +
        '<time class="entry-date published" datetime="2024-04-17T15:02:11+08:00">2024年4月17日</time>',
      '',
      aside,
    );
    expect(run(html, 'http://www.example-univ.cn/archives/77').publishedAt).toBe('2024-04-17');
    // Only an updated time and other articles' times: no date is better than a wrong one.
    const onlyOthers = page(timeLine('<time class="updated" datetime="2024-04-19T09:00:00+08:00">更新</time>'), '', aside);
    expect(run(onlyOthers, 'http://www.example-univ.cn/archives/77').publishedAt).not.toBe('2024-05-02');
    expect(run(onlyOthers, 'http://www.example-univ.cn/archives/77').publishedAt).not.toBe('2024-05-03');
  });

  it('a meta published time still comes first', () => {
    const html = page(
      '<time class="entry-date published" datetime="2024-04-17T15:02:11+08:00">2024年4月17日</time>',
      '',
      '',
      '<meta property="article:published_time" content="2024-04-16T10:00:00+08:00">',
    );
    expect(run(html, 'http://www.example-univ.cn/archives/77').publishedAt).toBe('2024-04-16');
  });
});

describe('出处 and the other 来源 labels', () => {
  it('keeps a journal 出处 with its 期号 over the bare journal in a meta', () => {
    const html = page(
      '<span class="appellation">出处：《示例》2024年第8期</span> <span class="author">作者：李明</span> <span class="pubtime">2024-04-16 09:00:00</span>',
      '',
      '',
      '<meta name="source" content="《示例》">',
    );
    const a = run(html);
    expect(a.origin).toBe('《示例》2024年第8期');
    expect(a.publishedAt).toBe('2024-04-16');
    expect(a.author).toBe('李明');
  });

  it('keeps an issue written as year/month after the journal', () => {
    expect(matchOrigin('来源：《示例论丛》2025/08　作者：祁望舒　2025-04-16 09:00:00')).toBe('《示例论丛》2025/08');
    expect(matchOrigin('出处：《示例》2024年第8期　2024-04-16')).toBe('《示例》2024年第8期');
  });

  it('still ends a value at a date that follows it', () => {
    expect(matchOrigin('来源：求是网2024年04月16日')).toBe('求是网');
    expect(matchOrigin('来源：新华社2024-04-16 10:00')).toBe('新华社');
    expect(matchOrigin('来源：《学习时报》2024-04-16 10:00')).toBe('《学习时报》');
    expect(matchOrigin('出处：《示例》 2024年4月16日')).toBe('《示例》');
  });

  it.each([
    ['出处：县融媒体中心　2024-04-09', '县融媒体中心'],
    ['稿源：县委组织部　发布日期：2024-04-09', '县委组织部'],
    ['来稿单位：县教育局　发布日期：2024-04-09', '县教育局'],
    ['本文来源于：<a href="http://news.example.cn/">示例青年报</a>　2024-04-09 10:00', '示例青年报'],
    ['（来源单位：马克思主义学院　审核：刘思源）', '马克思主义学院'],
  ])('%s', (meta, origin) => {
    expect(run(page(meta)).origin).toBe(origin);
  });
});

describe('所属部门 as the only unit named', () => {
  // A whole-page form is walked when it holds an article's worth of prose (300 characters).
  const DOC = [
    ...BODY,
    '会上，第一工程公司、物资供应公司等四个基层党支部作交流发言，分别介绍了在党建引领安全生产、党员责任区建设等方面的做法和成效。',
    '会议指出，各级党组织要对标政治功能强、支部班子强、党员队伍强、作用发挥强的要求，逐项查找差距，完善支部工作台账，推动党支部标准化规范化建设全面提质。',
  ];
  /** An intranet document page: the metadata in table cells under the title cell. */
  const intranet = (cells: string, tail = ''): string => `<html><head><title>${TITLE}</title></head><body>
<form name="frmmain" method="post" action="DocDsp.jsp">
<div class="e8_menu"><button type="button">打印</button><button type="button">收藏</button></div>
<table class="ViewForm"><tbody>
<tr><td class="doctitle" colspan="4">${TITLE}</td></tr>
<tr>${cells}</tr></tbody></table>
<div id="docContent">${DOC.map((p) => `<p class="MsoNormal">${p}</p>`).join('\n')}</div>${tail}
</form></body></html>`;

  it.each([
    ['所属部门', '党群工作部（企业文化部）'],
    ['发文部门', '办公室'],
    ['主办部门', '县委宣传部'],
  ])('%s', (label, dept) => {
    const a = run(
      intranet(
        `<td>${label}：${dept}</td><td>创建者：<a href="javascript:openhrm(3)">王晓丽</a></td><td>发布时间：2024-03-29 17:46:03</td><td>阅读次数：128</td>`,
      ),
      'http://oa.example-soe.cn/docs/docs/DocDsp.jsp?id=20871',
    );
    expect(a.origin).toBe(dept);
    expect(a.publishedAt).toBe('2024-03-29');
    expect(a.paragraphs).toEqual(DOC);
  });

  it('gives way to a 来源 the page names', () => {
    const a = run(
      intranet('<td>所属部门：党群工作部</td><td>来源：集团报社</td><td>发布时间：2024-03-29</td>'),
      'http://oa.example-soe.cn/docs/docs/DocDsp.jsp?id=20871',
    );
    expect(a.origin).toBe('集团报社');
  });

  it('is no navigation label: a 所属部门 menu or a related list is not read', () => {
    const html = `<html><head><title>${TITLE}</title></head><body>
<div class="nav"><a href="/dept">所属部门：</a><a href="/dept/1">办公室</a><a href="/dept/2">财务部</a></div>
<div class="article"><h1>${TITLE}</h1><div class="info">发布时间：2024-03-29</div>
<div class="content">${BODY.map((p) => `<p>${p}</p>`).join('\n')}</div></div>
<div class="related"><h3>相关文档</h3><ul><li><a href="/d/9">关于开展党费收缴自查的通知</a> 所属部门：纪委办公室 2024-03-26</li></ul></div>
</body></html>`;
    expect(run(html).origin).toBeNull();
  });

  it('reads only a unit', () => {
    expect(matchDepartment('所属部门：党群工作部（企业文化部）')).toBe('党群工作部（企业文化部）');
    expect(matchDepartment('所属部门：admin01')).toBeNull();
    expect(matchDepartment('所属部门：2024-03-29')).toBeNull();
    expect(matchDepartment('本部门所属部门的职责')).toBeNull();
  });
});
