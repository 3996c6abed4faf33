/**
 * Issue 16, fifteenth outside set (来源 and leaks): kinds of markup in general terms, with our own
 * text. A 来源 that is an account name ending in 发布 is whole (发布 ends a value only as the next
 * field's label: 发布时间, 发布于, 发布单位). 解读机关 (a policy 解读's issuer) is a 来源 label. A
 * reply letter's head (its grade, 签发人, 文号) before the salutation is the form's, not the text.
 * A short line under a picture inside the picture's own paragraph is its caption.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { matchOrigin } from '../../main/services/extract/patterns';

const TEXT = [
  '6月12日，示例县图书馆少儿阅览室举办暑期读书会，三十多名小读者围坐在一起，分享最近读过的图书。',
  '读书会由图书馆志愿者主持，孩子们轮流朗读自己喜欢的段落，并说出喜欢的理由，家长们在一旁认真倾听。',
  '图书馆负责人表示，暑期还将举办绘本创作、科普讲座等活动，欢迎市民带孩子参加。',
];

const shell = (meta: string, content: string): string => `<!doctype html><html><head><meta charset="utf-8">
<title>示例县图书馆举办暑期读书会_示例新闻网</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/a">本地</a><a href="/b">文化</a></div>
<div class="article"><h1>示例县图书馆举办暑期读书会</h1>
<div class="info">${meta}</div>
<div class="content">${content}</div></div>
<div class="footer">版权所有 示例新闻网</div></body></html>`;

const run = (meta: string, content = TEXT.map((p) => `<p>${p}</p>`).join('\n')) =>
  extractArticle(shell(meta, content), 'https://news.example.org/a/2024/0612/7.html', { referee: 'never' });

describe('a 来源 that ends in 发布', () => {
  it('keeps an account name ending in 发布 whole', () => {
    expect(run('2024-06-12 18:02:11　来源: <a href="/acct/9">示例县发布</a> <a href="/report">举报</a>').origin).toBe('示例县发布');
    expect(matchOrigin('来源：示例县发布')).toBe('示例县发布');
    expect(matchOrigin('来源：示例县发布2024-06-12')).toBe('示例县发布');
    expect(matchOrigin('来源：示例县发布 阅读：120')).toBe('示例县发布');
  });

  it('still ends a value at a 发布 label run into it', () => {
    expect(matchOrigin('来源：县文旅局发布时间：2024-06-12')).toBe('县文旅局');
    expect(matchOrigin('来源：县文旅局发布日期：2024-06-12')).toBe('县文旅局');
    expect(matchOrigin('来源：县文旅局发布于2024-06-12')).toBe('县文旅局');
    expect(matchOrigin('来源：县文旅局发布单位：县政府')).toBe('县文旅局');
    expect(matchOrigin('来源：县文旅局发布：2024-06-12')).toBe('县文旅局');
  });
});

describe('解读机关 as a 来源 label', () => {
  it('reads the issuer of a 解读 as the 来源', () => {
    const a = run('<span>解读机关：示例县文化和旅游局</span><span>发布日期：2024-06-12</span><span>浏览量：86</span>');
    expect(a.origin).toBe('示例县文化和旅游局');
    expect(a.publishedAt).toBe('2024-06-12');
    expect(a.paragraphs).toEqual(TEXT);
    expect(matchOrigin('解读单位：县医保局 发布时间：2024-06-12')).toBe('县医保局');
  });

  it('reads it from a property row too', () => {
    const a = run('<table><tr><td>解读部门</td><td>示例县医疗保障局</td></tr><tr><td>发布日期</td><td>2024-06-12</td></tr></table>');
    expect(a.origin).toBe('示例县医疗保障局');
  });
});

describe("a reply letter's head before the salutation", () => {
  const LETTER = [
    '王海燕委员：',
    '您提出的《关于加强社区养老服务设施建设的提案》收悉。经商县民政局，现答复如下：',
    '一、关于设施布局',
    '我局将结合老旧小区改造，优先在老年人口集中的社区配建日间照料中心，今年内新建四处。',
    '感谢您对卫生健康工作的关心和支持。',
    '示例县卫生健康局',
    '2024年6月5日',
  ];
  const letter = (head: string): string => head + LETTER.map((p) => `<p>${p}</p>`).join('\n');

  it('drops the grade, 签发人 and 文号 lines above the salutation', () => {
    const a = run(
      '信息来源：示例县卫生健康局',
      letter('<p><span>B类</span><span style="float:right">签发人：赵永明</span></p><p style="text-align:right">示卫提〔2024〕9号</p>'),
    );
    expect(a.paragraphs).toEqual(LETTER);
  });

  it('drops them in any order, the grade on a line of its own, two signers', () => {
    const a = run('信息来源：示例县卫生健康局', letter('<p>示卫提〔2024〕9号</p><p>（A类）</p><p>签发人：赵永明　钱立</p>'));
    expect(a.paragraphs).toEqual(LETTER);
  });

  it('keeps a 文号 without a 签发人 or red head (a policy page shows its 文号)', () => {
    const a = run('信息来源：示例县卫生健康局', letter('<p>示卫提〔2024〕9号</p>'));
    expect(a.paragraphs).toEqual(['示卫提〔2024〕9号', ...LETTER]);
  });

  it('keeps a 签发人 line inside the text', () => {
    const mid = [...LETTER.slice(0, 2), '签发人：赵永明', ...LETTER.slice(2)];
    const a = run('信息来源：示例县卫生健康局', mid.map((p) => `<p>${p}</p>`).join('\n'));
    expect(a.paragraphs).toEqual(mid);
  });
});

describe('a caption under a picture in its own paragraph', () => {
  const picture = (line: string, n: number) => `<p style="text-align:center"><img src="/img/2024/0612/${n}.jpg" alt=""><br>${line}</p>`;

  it('drops the caption line, at the top of the text and between paragraphs, and keeps the pictures', () => {
    const content = [
      picture('小读者在阅览室分享图书', 1),
      `<p>${TEXT[0]}</p>`,
      `<p>${TEXT[1]}</p>`,
      picture('志愿者为孩子们朗读绘本', 2),
      `<p>${TEXT[2]}</p>`,
    ];
    const a = run('2024-06-12　来源：示例新闻网', content.join('\n'));
    expect(a.paragraphs).toEqual(TEXT);
    expect(a.html).toContain('/img/2024/0612/1.jpg');
    expect(a.html).toContain('/img/2024/0612/2.jpg');
  });

  it('keeps the line when the paragraph goes on after it (no caption box of its own)', () => {
    const heading = '暑期读书会活动回顾';
    const content = [
      `<p>${TEXT[0]}</p>`,
      `<p><img src="/img/2024/0612/4.jpg" alt=""><br>${heading}<br><br>${TEXT[1]}</p>`,
      `<p>${TEXT[2]}</p>`,
    ];
    const a = run('2024-06-12　来源：示例新闻网', content.join('\n'));
    expect(a.paragraphs).toEqual([TEXT[0], heading, TEXT[1], TEXT[2]]);
  });

  it('keeps a sentence, a numbered head or a long line set under a picture', () => {
    const sentence = '活动结束后，孩子们还参观了图书馆的古籍修复室。';
    const numbered = '二、下一步安排';
    const long = '暑期读书会期间图书馆每天延长开放两个小时并在周末增加亲子阅读专场方便上班族家长带孩子参加';
    const content = [`<p>${TEXT[0]}</p>`, picture(sentence, 1), picture(numbered, 2), picture(long, 3), `<p>${TEXT[1]}</p>`];
    const a = run('2024-06-12　来源：示例新闻网', content.join('\n'));
    expect(a.paragraphs).toEqual([TEXT[0], sentence, numbered, long, TEXT[1]]);
  });
});
