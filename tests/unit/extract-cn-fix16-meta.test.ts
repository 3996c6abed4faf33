/**
 * Issue 16, sixteenth outside set (titles and dates): kinds of markup in general terms, with our
 * own text. A heading that a labelled field right below repeats is the title, over a numbered
 * section heading of the text; an empty `<time datetime>` in a last-updated line dates a page
 * that has no other date (in China time); a paper's 出版日期 (or its `citation_date` meta) is its
 * date, never its 收稿日期 or 修回日期.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const TEXT = [
  '为改善社区公共空间，街道办事处拟定了《示例街道口袋公园建设方案（草案）》，现面向辖区居民征求意见。',
  '方案提出利用边角空地新建小型游园六处，配套休闲座椅、儿童游乐设施和夜间照明，计划年内完工。',
  '居民可通过社区服务站意见箱、电子邮箱或现场座谈等方式反映意见，我们将认真研究吸纳。',
  '对于采纳情况，街道将在征集结束后通过社区公告栏统一反馈，感谢各位居民的关心和参与。',
];

describe('a heading repeated in a labelled field below it', () => {
  const page = (rows: string): string => `<!doctype html><html><head><meta charset="utf-8"><title>征集详情-示例街道</title></head><body>
<div class="top-nav"><a href="/">首页</a><a href="/hd/">互动</a></div>
<div class="box">
<div class="box-head"><span class="badge">进行中</span><h3 class="box-title">示例街道口袋公园建设方案征求意见</h3></div>
${rows}
<div class="box-body">
<p>${TEXT[0]}</p>
<p><strong>一、意见征集期限</strong></p>
<p>2024年6月3日至2024年7月2日。</p>
<p><strong>二、方案主要内容</strong></p>
<p>${TEXT[1]}</p>
<p>${TEXT[2]}</p>
<p>${TEXT[3]}</p>
</div></div>
<div class="foot">示例街道办事处 版权所有</div></body></html>`;

  it('takes the heading whose text a field cell repeats, over a numbered section heading over a date', () => {
    const a = extractArticle(
      page(`<table class="info"><tr><th>意见主题</th><td>示例街道口袋公园建设方案征求意见</td></tr>
<tr><th>发起部门</th><td>示例街道办事处</td></tr>
<tr><th>开始日期</th><td>2024-06-03</td><th>截止日期</th><td>2024-07-02</td></tr></table>`),
      'https://jd.example.org/hd/zj/view?id=77',
    );
    expect(a.title).toBe('示例街道口袋公园建设方案征求意见');
    expect(a.publishedAt).toBe('2024-06-03');
  });

  it('takes it where the repeat is a label and value in one line', () => {
    const a = extractArticle(
      page(`<div class="info"><p>意见主题：示例街道口袋公园建设方案征求意见</p><p>开始日期：2024-06-03</p></div>`),
      'https://jd.example.org/hd/zj/view?id=78',
    );
    expect(a.title).toBe('示例街道口袋公园建设方案征求意见');
  });

  it('does not take a heading the text merely mentions again later', () => {
    const a = extractArticle(
      `<!doctype html><html><head><meta charset="utf-8"><title>示例街道口袋公园建设方案征求意见</title></head><body>
<h1>示例街道口袋公园建设方案征求意见</h1><p>发布日期：2024-06-03</p>
<div class="body"><p>${TEXT[0]}</p><h3>方案内容摘要说明</h3><p>${TEXT[1]}</p><p>${TEXT[2]}</p><p>${TEXT[3]}</p></div></body></html>`,
      'https://jd.example.org/hd/zj/view?id=79',
    );
    expect(a.title).toBe('示例街道口袋公园建设方案征求意见');
  });
});

describe('a journal paper’s dates', () => {
  const PAPER = [
    '乡村文化振兴离不开人才支撑。本文以三个县的调查为基础，讨论返乡青年在乡村文化活动中的作用及其面临的困难。',
    '调查显示，返乡青年参与组织的文化活动数量逐年增加，但活动经费来源单一、场地不足的问题仍较突出，影响了活动的持续开展。',
    '为此，建议地方政府设立专项资金，盘活闲置公共用房，并通过购买服务的方式引入专业文化机构提供指导。',
  ];
  const page = (
    head: string,
    rows: string,
  ): string => `<!doctype html><html><head><meta charset="utf-8"><title>返乡青年与乡村文化振兴-示例学刊</title>${head}</head><body>
<div class="menu"><a href="/">首页</a><a href="/qk/">过刊浏览</a></div>
<div class="front"><h1 class="title">返乡青年与乡村文化振兴</h1><p class="authors">陈小禾<sup>1</sup></p><p class="units">（1. 示例农业大学 人文学院，示例 100000）</p>
<table class="rec">${rows}</table></div>
<div class="full">${PAPER.map((p) => `<p>${p}</p>`).join('\n')}</div>
<div class="foot">示例学刊编辑部 版权所有</div></body></html>`;
  const row = (label: string, value: string): string => `<tr><td class="label">${label}：</td><td>${value}</td></tr>`;
  const record = [row('关键词', '返乡青年；乡村文化'), row('中图分类号', 'C912'), row('基金项目', '示例省社科基金（24YB012）')].join('');

  it('takes the 出版日期 of the front matter, not the 收稿 or 修回 date above it', () => {
    const a = extractArticle(
      page('', record + row('收稿日期', '2024-01-09') + row('修回日期', '2024-03-21') + row('出版日期', '2024-06-30')),
      'https://xk.example.org/html/2024/3/2024030007.htm',
    );
    expect(a.publishedAt).toBe('2024-06-30');
  });

  it('takes a 刊出日期 written in Chinese too', () => {
    const a = extractArticle(
      page('', record + row('收稿日期', '2024年1月9日') + row('刊出日期', '2024年6月30日')),
      'https://xk.example.org/html/2024/3/2024030008.htm',
    );
    expect(a.publishedAt).toBe('2024-06-30');
  });

  it('never dates the paper by its 收稿 or 修回 date', () => {
    const a = extractArticle(
      page('', record + row('收稿日期', '2024-01-09') + row('修回日期', '2024-03-21')),
      'https://xk.example.org/html/2024/3/2024030009.htm',
    );
    expect(a.publishedAt).not.toBe('2024-01-09');
    expect(a.publishedAt).not.toBe('2024-03-21');
  });

  it('reads a citation_date meta, not the earlier citation_online_date', () => {
    const a = extractArticle(
      page('<meta name="citation_online_date" content="2024/05/12"><meta name="citation_date" content="2024/06/30">', record),
      'https://xk.example.org/html/2024/3/2024030010.htm',
    );
    expect(a.publishedAt).toBe('2024-06-30');
  });
});

describe('a date stamp a script writes into an empty <time datetime>', () => {
  const GUIDE = [
    '新生入学后可使用学号和初始密码登录统一身份认证平台，首次登录时系统会提示修改密码并绑定手机号码。',
    '如果忘记密码，可在登录页点击“找回密码”，通过已绑定的手机号码接收验证码后重新设置。',
    '为保障账号安全，密码须包含字母和数字且不少于八位，并建议每学期更换一次，不要在多个网站使用同一密码。',
  ];
  const page = (
    stamp: string,
    extra = '',
  ): string => `<!doctype html><html><head><meta charset="utf-8"><title>统一身份认证使用说明 | 信息化服务指南</title></head><body>
<div class="nav"><a href="/">服务指南</a><a href="/faq/">常见问题</a></div>
<aside class="sidebar"><a href="/a/">账号与密码</a><a href="/b/">邮箱</a></aside>
<main><div class="doc"><h1>统一身份认证使用说明</h1>${extra}
${GUIDE.map((p) => `<p>${p}</p>`).join('\n')}</div>
<footer class="doc-footer"><a href="/edit/">编辑此页</a><p class="last-updated">${stamp}</p></footer></main>
<footer class="site-footer">示例学院信息化办公室</footer></body></html>`;

  it('dates the page by the stamp, in China time (the UTC evening is the next day in Beijing)', () => {
    const a = extractArticle(
      page('最后更新于: <time datetime="2024-03-09T17:30:00.000Z"></time>'),
      'https://it.example.edu.cn/guide/sso.html',
    );
    expect(a.publishedAt).toBe('2024-03-10');
  });

  it('keeps the same day where the UTC time is early in the day', () => {
    const a = extractArticle(page('更新时间：<time datetime="2024-03-09T01:05:00Z"></time>'), 'https://it.example.edu.cn/guide/sso.html');
    expect(a.publishedAt).toBe('2024-03-09');
  });

  it('takes a publication date written in the text over a last-updated stamp', () => {
    const a = extractArticle(
      page('最后更新于: <time datetime="2024-05-20T08:00:00Z"></time>', '<p class="info">发布时间：2024-02-26</p>'),
      'https://it.example.edu.cn/guide/sso.html',
    );
    expect(a.publishedAt).toBe('2024-02-26');
  });

  it('leaves an empty time without a date label alone', () => {
    const a = extractArticle(
      page('<span>浏览次数</span> <time datetime="2024-03-09T01:05:00Z"></time>'),
      'https://it.example.edu.cn/guide/sso.html',
    );
    expect(a.publishedAt).toBeNull();
  });
});
