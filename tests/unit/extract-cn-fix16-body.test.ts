/**
 * Issue 16, sixteenth outside set (body and leaks): kinds of markup in general terms, with our own
 * text. An event notice's label lines (讲座时间：…, 主办单位：… among its time and place lines) are
 * its text; a listed company's 证券代码 head and the title repeated under it are not; a live log's
 * clock stamps are not; a journal article's front matter (English title, authors, 摘要 / 关键词 /
 * 中图分类号 / 收稿日期 rows, English abstract) is not, while its text and 参考文献 are.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { isMetaLine } from '../../main/services/extract/patterns';

const page = (title: string, meta: string, content: string, after = ''): string => `<!doctype html><html><head><meta charset="utf-8">
<title>${title}_示例网</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/a">通知公告</a><a href="/b">学术活动</a></div>
<div class="main"><div class="article"><h1>${title}</h1>
<div class="info">${meta}</div>
<div class="content">${content}</div></div>${after}</div>
<div class="footer"><p>主办单位：示例学院办公室</p><p>版权所有 示例学院</p></div></body></html>`;

describe('an event notice made of label lines', () => {
  const lines = [
    '讲座题目：城市更新中的历史街区保护',
    '主讲人：王海平研究员',
    '讲座时间：2024年10月11日（星期五）15:00',
    '讲座地点：图书馆三楼报告厅',
    '主办单位：示例学院建筑系',
    '承办单位：示例学院城乡规划研究所',
    '王海平，示例规划设计研究院研究员，长期从事历史街区保护与更新研究，主持完成多个街区保护规划项目。',
    '欢迎感兴趣的老师和同学参加。',
  ];
  const html = page(
    '城市更新系列讲座第五讲',
    '发布时间：2024-10-08　来源：建筑系',
    lines.map((l) => `<p><strong>${l.slice(0, l.indexOf('：') + 1)}</strong>${l.slice(l.indexOf('：') + 1)}</p>`).join('\n'),
  );

  it('keeps every label line of the notice, and not the footer credit', () => {
    const a = extractArticle(html, 'https://www.example-college.edu.cn/info/1011/3321.htm', { referee: 'never' });
    expect(a.paragraphs).toEqual(lines);
    expect(a.publishedAt).toBe('2024-10-08');
    expect(a.origin).toBe('建筑系');
    expect(a.text).not.toContain('示例学院办公室');
  });

  it('reads an event date label as a line of the notice, a page date label as metadata', () => {
    expect(isMetaLine('公示时间：2024年10月9日至10月15日')).toBe(false);
    expect(isMetaLine('报名日期：2024年10月12日')).toBe(false);
    expect(isMetaLine('发布时间：2024-10-08')).toBe(true);
    expect(isMetaLine('时间：2024-10-08')).toBe(true);
  });
});

describe("a listed company's announcement", () => {
  const title = '示例制造股份有限公司关于全资子公司完成工商变更登记的公告';
  const text = [
    '本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏。',
    '公司全资子公司示例精密部件有限公司于近日完成了注册资本变更的工商登记手续，并取得了换发的营业执照。',
    '本次变更后，该子公司注册资本由人民币2亿元增加至人民币3亿元，仍为公司全资子公司。',
    '特此公告。',
  ];
  it('drops the 证券代码 head and the title repeated under it', () => {
    const content = [
      '<p style="text-align:center">证券代码：601234　证券简称：示例制造　公告编号：2024-058</p>',
      `<p style="text-align:center"><strong>${title}</strong></p>`,
      ...text.map((t) => `<p>${t}</p>`),
    ].join('\n');
    const a = extractArticle(
      page(title, '发布日期：2024-10-08　来源：董事会办公室', content),
      'https://www.example-zz.com.cn/ir/gg/2024/1008/58.html',
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs).toEqual(text);
  });

  it('keeps a sentence of the text that names the stock code', () => {
    const content = [...text.slice(0, 3), '证券代码：601234，证券简称：示例制造，本次变更不涉及公司股票交易。', text[3]!]
      .map((t) => `<p>${t}</p>`)
      .join('\n');
    const a = extractArticle(page(title, '发布日期：2024-10-08', content), 'https://www.example-zz.com.cn/ir/gg/2024/1008/59.html', {
      referee: 'never',
    });
    expect(a.paragraphs).toContain('证券代码：601234，证券简称：示例制造，本次变更不涉及公司股票交易。');
  });
});

describe('a live log with clock stamps', () => {
  const entries: [string, string][] = [
    ['15:40', '主持人：本场访谈到此结束，感谢县交通运输局负责同志的解答，也感谢各位网友的关注和参与，再见！'],
    ['15:21', '县交通运输局局长：今年我们将新改建农村公路一百二十公里，年底前实现所有行政村通客车，同时加强日常养护。'],
    ['15:08', '网友“山里人”：我们村的公路比较窄，会车很不方便，请问什么时候能加宽？有没有具体的计划？'],
    ['15:02', '县交通运输局局长：近三年，全县累计投入资金三亿多元，完成农村公路提档升级三百多公里，群众出行条件明显改善。'],
    ['15:00', '主持人：各位网友大家好，欢迎收看本期在线访谈，今天我们邀请到县交通运输局负责同志，介绍农村公路建设情况。'],
  ];
  it('keeps the entries without their times', () => {
    const content = `<ul class="live">${entries.map(([t, p]) => `<li><span class="t">${t}</span><div class="entry-text"><p>${p}</p></div></li>`).join('\n')}</ul>`;
    const a = extractArticle(
      page('农村公路建设在线访谈', '发布时间：2024-10-08 15:00　来源：示例县融媒体中心', content),
      'https://www.example-xian.gov.cn/ft/2024/1008/2.html',
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs).toEqual(entries.map(([, p]) => p));
  });

  it('keeps times that are cells of a schedule table', () => {
    const content = [
      '<p>本次开放日活动安排如下，请参加的家长按时到场，携带有效身份证件登记入校。</p>',
      '<table><tr><td>09:00</td><td>签到入场</td></tr><tr><td>09:30</td><td>参观校园</td></tr><tr><td>10:30</td><td>家长座谈</td></tr></table>',
      '<p>如有疑问，请在工作日联系学校办公室，我们将及时为您解答相关问题。</p>',
    ].join('\n');
    const a = extractArticle(
      page('校园开放日活动安排', '发布时间：2024-10-08', content),
      'https://www.example-school.cn/tz/2024/1008/5.html',
      {
        referee: 'never',
      },
    );
    expect(a.text).toContain('09:00');
    expect(a.text).toContain('10:30');
  });
});

describe("a journal article's front matter", () => {
  const title = '乡村文化振兴中的村史馆建设研究';
  const text = [
    '村史馆是记录乡村历史、传承乡土文化的重要载体。近年来，各地结合美丽乡村建设，建成了一批各具特色的村史馆，成为村民了解家乡的窗口。',
    '一、村史馆建设的现状',
    '从调查情况看，多数村史馆由村集体利用闲置房屋改建而成，展陈内容以农具、老照片和村规民约为主，日常开放时间不固定，讲解力量较为薄弱。',
    '二、推进村史馆建设的对策',
    '一要加强统筹规划，避免千馆一面；二要完善运营机制，引导乡贤和志愿者参与讲解；三要丰富展陈形式，让村史馆真正走进村民生活。',
    '参考文献',
    '[1]示例作者．乡土记忆与文化传承[M]．示例：示例出版社，2021：12-18．',
  ];
  const front = `<div class="paper-head"><p class="en">A Study on Village History Museums in Rural Cultural Revitalization</p>
<p class="au">赵明远<sup>1</sup>，钱悦<sup>2</sup></p>
<p class="units">（1. 示例学院 马克思主义学院，示例 421000；2. 示例学院 历史文化学院，示例 421000）</p>
<table class="rows">
<tr><td>摘要：</td><td>村史馆是乡村文化振兴的重要阵地。文章分析了村史馆建设的现状与不足，提出加强统筹规划、完善运营机制、丰富展陈形式的对策建议。</td></tr>
<tr><td>关键词：</td><td>村史馆；乡村文化振兴；乡土记忆</td></tr>
<tr><td>中图分类号：</td><td>G127</td></tr>
<tr><td>文章编号：</td><td>1009-0000(2024)05-0031-05</td></tr>
<tr><td>基金项目：</td><td>示例省社会科学规划项目“乡村公共文化空间的营造与治理研究”（24YB031）</td></tr>
<tr><td>作者简介：</td><td>赵明远，男，示例学院马克思主义学院副教授，主要研究方向为乡村治理；钱悦，女，示例学院讲师。</td></tr>
<tr><td>收稿日期：</td><td>2024-04-02</td></tr>
</table>
<div class="en-abs"><b>Abstract:</b> Village history museums are important places for rural cultural revitalization, and this paper proposes several measures.</div></div>`;
  const body = `<div class="full">${text.map((t, i) => (i === 1 || i === 3 ? `<h3>${t}</h3>` : i === 5 ? `<h4>${t}</h4>` : `<p>${t}</p>`)).join('\n')}</div>`;

  it('drops the front matter and keeps the text and its references', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="menu"><a href="/">首页</a><a href="/qk">过刊浏览</a><a href="/tg">投稿指南</a></div>
<div class="main"><div class="front"><div class="issue">《示例学刊》2024年第5期\u3000页码：31-35</div><h1>${title}</h1>${front}</div>
${body}</div><div class="foot">版权所有 示例学刊编辑部</div></body></html>`;
    const a = extractArticle(html, 'https://journal.example-xk.cn/html/2024/5/202405007.htm');
    expect(a.title).toBe(title);
    expect(a.paragraphs).toEqual(text);
  });

  it('keeps an abstract page (nothing after the rows) to its 摘要', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="main"><div class="front"><h1>${title}</h1>${front}</div></div></body></html>`;
    const a = extractArticle(html, 'https://journal.example-xk.cn/abstract/202405007.htm');
    expect(a.text).toContain('村史馆是乡村文化振兴的重要阵地');
  });
});
