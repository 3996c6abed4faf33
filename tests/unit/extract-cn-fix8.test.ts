/**
 * Issue 16, eighth outside set: metadata in general forms. Credit lines set off with 丨 (编辑丨某某)
 * are credits and 来源丨… names the 来源; an inline script's document.write puts its text in place;
 * a property table of label and value cells (no colon) after the text gives 发布时间 and 来源; a
 * date badge split into a day and a year-month reads as one date.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { isBoilerplate, isCreditLine, matchCreditOrigin } from '../../main/services/extract/patterns';
import { scriptWrittenText } from '../../main/services/extract/script-writes';

const BODY = [
  '5月14日，镇党委理论学习中心组开展专题学习，围绕基层治理现代化进行交流发言，与会同志联系实际谈认识。',
  '会议指出，要把学习成果转化为服务群众的具体举措，聚焦群众关心的热点难点问题，逐项研究解决办法。',
  '会议要求，各村各单位要压实工作责任，细化任务清单，确保各项部署落地见效。',
  '会上，各村党组织书记结合本村实际，围绕矛盾纠纷化解、网格员队伍建设等内容作交流发言。',
  '镇党委负责同志表示，下一步将建立问题清单和责任清单，定期调度推进，确保学习成效转化为治理效能。',
  '会议还通报了一季度基层治理重点工作完成情况，对下一阶段工作作出具体安排。',
  '全镇各村党组织书记、镇机关各办（所）负责人参加学习。',
];
const TITLE = '镇党委理论学习中心组开展基层治理专题学习';

/** An article page: `meta` under the title, `tail` after the text (inside the article). */
function page(meta: string, tail = '', aside = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}_示例镇人民政府</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/b">镇村动态</a></div>
<div class="article"><h1>${TITLE}</h1>
<div class="info">${meta}</div>
<div class="content">${BODY.map((p) => `<p>${p}</p>`).join('\n')}${tail}</div></div>
${aside}
<div class="footer">版权所有 示例镇人民政府</div></body></html>`;
}

function run(html: string, url = 'http://www.example-town.cn/xwzx/content_5521.html') {
  return extractArticle(html, url, { referee: 'never' });
}

describe('credit lines set off with 丨', () => {
  it.each(['编辑丨林舟', '审核丨陶然', '监制丨何川', '编辑丨林舟 审核丨陶然', '来源丨示例晚报'])('%s is a credit line', (line) => {
    expect(isCreditLine(line)).toBe(true);
  });

  it('reads the 来源 of a 来源丨 credit line, and nothing from a sentence', () => {
    expect(matchCreditOrigin('来源丨示例晚报')).toBe('示例晚报');
    expect(matchCreditOrigin('来源｜示例广播电视台')).toBe('示例广播电视台');
    expect(matchCreditOrigin('资金来源丨财政拨款和社会捐助共同承担，今年已到位。')).toBeNull();
    expect(matchCreditOrigin('编辑丨林舟')).toBeNull();
  });

  it('takes a 在看 button line in its other wordings as chrome', () => {
    expect(isBoilerplate('点亮“在看”，与我们一起成长')).toBe(true);
    expect(isBoilerplate('点个在看，你最好看')).toBe(true);
  });

  it('keeps the credits out of the body and names the 来源 on a whole page', () => {
    const a = run(page('2024-05-14 18:02', '<p>来源丨示例晚报</p><p>编辑丨林舟</p><p>审核丨陶然</p><p>点亮“在看”，与我们一起成长</p>'));
    expect(a.origin).toBe('示例晚报');
    expect(a.paragraphs).toEqual(BODY);
  });
});

describe('what an inline script writes', () => {
  it('reads a variable, literals joined with +, and substring bounds', () => {
    expect(scriptWrittenText('var fbrq = "2024-05-14 08:15:02"; document.write(fbrq.substring(0, 10));')).toBe('2024-05-14');
    expect(scriptWrittenText("var t='2024-5-14 8:15'; document.write(t.substring(0, t.indexOf(' ')))")).toBe('2024-5-14');
    expect(scriptWrittenText('var ly = "镇党政综合办"; document.write("信息来源：" + ly);')).toBe('信息来源：镇党政综合办');
  });

  it('shows the write of a filled variable over its empty-value fallback', () => {
    const code = 'var ly = "镇党政综合办";\nif (ly == "") { document.write("来源：本站"); } else { document.write("来源：" + ly); }';
    expect(scriptWrittenText(code)).toBe('来源：镇党政综合办');
    const empty = 'var ly = "";\nif (ly == "") { document.write("来源：本站"); } else { document.write("来源：" + ly); }';
    expect(scriptWrittenText(empty)).toBe('');
  });

  it('gives nothing for writes it cannot read', () => {
    expect(scriptWrittenText('document.write(new Date().toLocaleDateString())')).toBe('');
    expect(scriptWrittenText('document.write(Math.floor(Math.random()*0+512));')).toBe('');
    expect(scriptWrittenText('document.write(unescape("%3Cspan%3E%3C/span%3E"));')).toBe('');
    expect(scriptWrittenText('var n = 3; console.log(n);')).toBe('');
    expect(scriptWrittenText('document.write(\'<img src="/c.gif" width="0">\');')).toBe('');
    expect(scriptWrittenText("document.write('<p>一段写进正文的文字</p>');")).toBe('');
  });

  it('dates the page and names its 来源 from scripts in the info line', () => {
    const meta =
      '<span>发布日期：<script>var fbrq = "2024-05-14 08:15:02"; document.write(fbrq.substring(0, 10));</script></span> ' +
      '<span><script>var ly = "镇党政综合办"; if (ly == "") { document.write("来源：本站"); } else { document.write("来源：" + ly); }</script></span>';
    const a = run(page(meta));
    expect(a.publishedAt).toBe('2024-05-14');
    expect(a.origin).toBe('镇党政综合办');
    expect(a.paragraphs).toEqual(BODY);
  });

  it('writes nothing from a script with a source', () => {
    const a = run(page('<span>发布日期：<script src="/d.js">var x = "2024-05-14"; document.write(x);</script></span>'));
    expect(a.publishedAt).toBeNull();
  });
});

describe('a property table of label and value cells', () => {
  const props = (rows: [string, string][]): string =>
    `<div class="props"><div>稿件信息</div><table>${rows.map(([l, v]) => `<tr><td>${l}</td><td>${v}</td></tr>`).join('')}</table></div>`;

  it('gives the 发布时间 and the 来源 from rows after the text', () => {
    const a = run(
      page(
        '',
        '',
        props([
          ['撰稿人', '程远'],
          ['稿件来源', '镇党建办'],
          ['创建时间', '2024-05-13 16:40'],
          ['发布时间', '2024-05-14 08:20'],
          ['浏览次数', '96'],
        ]),
      ),
    );
    expect(a.publishedAt).toBe('2024-05-14');
    expect(a.publishedTime).toBe('08:20');
    expect(a.origin).toBe('镇党建办');
    expect(a.paragraphs).toEqual(BODY);
  });

  it('reads nothing from a table whose labels are no metadata', () => {
    const a = run(
      page(
        '',
        '',
        props([
          ['活动地点', '镇文化站'],
          ['发布时间', '2024-05-14'],
          ['参加人数', '40人'],
        ]),
      ),
    );
    expect(a.publishedAt).toBeNull();
  });

  it('does not outrank the date under the title', () => {
    const a = run(
      page(
        '发布日期：2024-05-15',
        '',
        props([
          ['来源', '镇党建办'],
          ['发布时间', '2024-05-14 08:20'],
        ]),
      ),
    );
    expect(a.publishedAt).toBe('2024-05-15');
    expect(a.origin).toBe('镇党建办');
  });
});

describe('a date badge split into its parts', () => {
  const badgePage = (badge: string): string =>
    `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}-示例学院新闻网</title></head><body>
<div class="menu"><a href="/">首页</a><a href="/x">学院动态</a></div>
<div class="head"><div class="badge">${badge}</div><h2 class="title">${TITLE}</h2></div>
<div class="text">${BODY.map((p) => `<p>${p}</p>`).join('\n')}</div>
<ul class="more"><li><div class="badge"><span>02</span><span>2023-11</span></div><a href="/y">学院召开教学工作会议</a></li></ul>
</body></html>`;

  it.each([
    ['<span>14</span><span>2024-05</span>', '2024-05-14'],
    ['<b>2024.05</b><i>14</i>', '2024-05-14'],
    ['<span>05-14</span><span>2024</span>', '2024-05-14'],
    ['<em>9</em><em>2024年5月</em>', '2024-05-09'],
  ])('%s', (badge, date) => {
    expect(run(badgePage(badge), 'http://news.example-college.cn/info/1021/5521.htm').publishedAt).toBe(date);
  });

  it('reads no badge whose parts are no date', () => {
    expect(run(badgePage('<span>14</span><span>2024</span>'), 'http://news.example-college.cn/info/1021/5521.htm').publishedAt).toBeNull();
  });
});

describe("an article's record in a comment", () => {
  const HEAD = '镇里来了“理论宣讲轻骑兵”';
  const paper = (comment: string): string =>
    `<!doctype html><html><head><meta charset="utf-8"><title>示例晚报电子版</title></head><body>
<table><tr><td><a href="/p1">第01版：要闻</a></td><td><a href="/p2">第02版：综合</a></td></tr></table>
${comment}
<table><tr><td class="t-intro">基层宣讲接地气</td></tr><tr><td class="t-main">${HEAD}</td></tr><tr><td class="t-sub">——示例镇开展百场宣讲活动侧记</td></tr></table>
<div class="content">${BODY.map((p) => `<p>${p}</p>`).join('\n')}</div>
<div class="other"><a href="/x1">本版其他文章一</a><a href="/x2">本版其他文章二</a></div>
</body></html>`;

  it('names the article where <title> names the paper', () => {
    const rec = `<!--record <articleid>5521</articleid><date>2024-05-14</date><title>镇里来了&#8220;理论宣讲轻骑兵&#8221;</title><author>程远</author>-->`;
    expect(run(paper(rec), 'http://paper.example-town.cn/html/2024-05/14/content_5521.htm').title).toBe(HEAD);
  });

  it('is not a commented-out template title', () => {
    const a = run(
      paper('<!-- <title>镇里来了“理论宣讲轻骑兵”</title> -->'),
      'http://paper.example-town.cn/html/2024-05/14/content_5521.htm',
    );
    expect(a.title).toBe('示例晚报电子版');
  });
});

describe('a 来源 labelled only in a title attribute', () => {
  it('reads the value of the element the label names', () => {
    const meta =
      '<span title="发布时间"><i class="ic-time"></i>2024-05-14 10:02</span> <span title="来源"><i class="ic-src"></i>示例镇融媒体中心</span> <span title="浏览"><i class="ic-eye"></i>88</span>';
    expect(run(page(meta)).origin).toBe('示例镇融媒体中心');
  });

  it('reads nothing from other titles', () => {
    const meta = '<span title="发布时间">2024-05-14 10:02</span> <span title="点击查看">示例镇融媒体中心</span>';
    expect(run(page(meta)).origin).toBeNull();
  });
});
