/**
 * Issue 16, eleventh and twelfth outside sets (body): kinds of markup in general terms, with our
 * own text. A `</body></html>` in the middle of the text (an include's own document end) closes
 * nothing, as in a browser. Paragraphs each wrapped in sections nested five deep (秀米) still meet
 * in the box that holds them all; an end card's follow line and a grey caption under a picture are
 * not text. A 组图 page's captioned slides are its text.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle, withoutEarlyDocumentEnds } from '../../main/services/extract/extract';

const TITLE = '河湾区举办社区运动会';
const BODY = [
  '10月12日，河湾区第三届社区运动会在区体育中心开幕，来自全区二十个社区的六百余名居民参加比赛。',
  '本届运动会设拔河、跳绳、踢毽子等九个项目，比赛为期两天，项目设置兼顾老年人和青少年。',
  '区文体局有关负责人介绍，今年起运动会将每年举办一次，并逐步把比赛场地延伸到各街道文化广场。',
  '闭幕式上，组委会为获得团体总分前六名的社区颁发奖杯，并为二十名优秀志愿者颁发证书。',
];

describe('a document end in the middle of the text', () => {
  // The breadcrumb box is left unclosed around the article, as old templates do.
  const page = (middle: string): string => `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}-示例区政府</title></head><body>
<div class="menu"><a href="/">首页</a><a href="/a">区内动态</a></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; 区内动态
<div class="detail"><h2>${TITLE}</h2><div class="info">时间：2023-10-13\u3000来源：区文体局</div>
<div class="text"><p>${BODY[0]}</p><p>${BODY[1]}</p>
${middle}
<p>${BODY[2]}</p><p>${BODY[3]}</p></div></div>
<div class="pn">上一篇：<a href="/b">河湾区召开防汛总结会</a></div>
<div class="foot">版权所有：示例区政府</div>
</body></html>`;

  it('the paragraphs after a stray </body></html> stay in the text, in order', () => {
    const a = extractArticle(page('<!-- include -->\n</body>\n</html>'), 'http://www.example-hw.gov.cn/news/1013.html', {
      referee: 'never',
    });
    expect(a.paragraphs).toEqual(BODY);
  });

  it('a page that ends at its </body> is left as written', () => {
    const html = `<html><body><p>${BODY[0]}</p></body></html>\n<!-- 统计 --><script>var a = 1;</script>\n`;
    expect(withoutEarlyDocumentEnds(html)).toBe(html);
    const early = `<html><body><div><p>${BODY[0]}</p></body></html><p>${BODY[1]}</p></div></body></html>`;
    expect(withoutEarlyDocumentEnds(early)).toBe(`<html><body><div><p>${BODY[0]}</p><p>${BODY[1]}</p></div>`);
  });
});

const simplePage = (content: string, info = '<div class="info">发布时间：2023-10-13\u3000来源：区文体局</div>'): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}-示例区政府</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/a">区内动态</a><a href="/b">通知公告</a></div>
<div class="main"><div class="article"><h1>${TITLE}</h1>${info}
${content}
<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a></div></div>
<div class="side"><h3>最新动态</h3><ul><li><a href="/n1">河湾区召开防汛总结会</a></li><li><a href="/n2">河湾区开展消防演练</a></li></ul></div></div>
<div class="footer">版权所有：示例区政府</div></body></html>`;

describe('paragraphs in deeply nested sections', () => {
  // Each paragraph alone in its own stack of sections, as 秀米 and 135 editors write them.
  const nested = (text: string): string =>
    `<section class="_e"><section style="margin:0 0 10px"><section style="display:inline-block;width:100%"><section style="font-size:15px"><p>${text}</p></section></section></section></section>`;
  const picture = (src: string, caption: string, colour: string): string =>
    `<section class="_e"><section style="text-align:center"><section style="display:inline-block"><img src="${src}" alt=""></section></section><section style="text-align:center"><section style="font-size:12px;color:${colour}"><p>${caption}</p></section></section></section>`;
  const card =
    '<section class="_e"><section style="text-align:center"><img src="/qr.png" alt=""><section style="font-size:12px"><p>长按识别二维码</p><p>关注河湾发布公众号</p></section></section></section>';

  it('are read as one text, without the grey captions and the follow card', () => {
    const content = `<div class="content"><section class="_outer">${nested(BODY[0]!)}${picture('/a.jpg', '运动会开幕式现场', 'rgb(160, 160, 160)')}${nested(BODY[1]!)}${nested(BODY[2]!)}${picture('/b.jpg', '拔河比赛现场', '#999')}${nested(BODY[3]!)}${card}</section></div>`;
    const a = extractArticle(simplePage(content), 'http://www.example-hw.gov.cn/news/1013.html', { referee: 'never' });
    expect(a.method).toBe('template');
    expect(a.paragraphs).toEqual(BODY);
  });

  it('a short line under a picture in the text’s own colour stays (a subheading)', () => {
    const content = `<div class="content">${nested(BODY[0]!)}${picture('/a.jpg', '二、比赛项目', '#333333')}${nested(BODY[1]!)}${nested(BODY[2]!)}</div>`;
    const a = extractArticle(simplePage(content), 'http://www.example-hw.gov.cn/news/1013.html', { referee: 'never' });
    expect(a.paragraphs).toEqual([BODY[0], '二、比赛项目', BODY[1], BODY[2]]);
  });

  it('on a page whose text is grey, a grey line under a picture is a subheading and stays', () => {
    const grey = (text: string): string => `<p style="color:#666666">${text}</p>`;
    const content = `<div class="content">${grey(BODY[0]!)}<p><img src="/a.jpg" alt=""></p><p style="color: rgb(102, 102, 102)">二、比赛项目</p>${grey(BODY[1]!)}${grey(BODY[2]!)}</div>`;
    const a = extractArticle(simplePage(content), 'http://www.example-hw.gov.cn/news/1013.html', { referee: 'never' });
    expect(a.paragraphs).toEqual([BODY[0], '二、比赛项目', BODY[1], BODY[2]]);
  });
});

describe('a 组图 page', () => {
  const captions = [
    '开幕式上，二十个社区代表队依次入场，居民们身着统一服装。',
    '拔河比赛中，东湖社区代表队以二比一战胜西湖社区代表队。',
    '跳绳项目吸引了不少小学生参加，最小的选手只有七岁。',
    '志愿者在赛场边为参赛居民提供饮用水和医疗服务。',
  ];
  const slider = (items: string[]): string =>
    `<div class="slider"><ul>${items.map((c, i) => `<li${i ? '' : ' class="on"'}><img src="/p${i}.jpg" alt=""><p class="pic-txt">${c}</p></li>`).join('')}</ul><span>1/${items.length}</span><a href="#">上一张</a><a href="#">下一张</a></div>`;
  const text = `<div class="content"><p>${BODY[0]}</p><p>${BODY[2]}</p></div>`;

  it('keeps the captions of its slides, before its short text', () => {
    const a = extractArticle(simplePage(slider(captions) + text), 'http://www.example-hw.gov.cn/tp/1013.html', { referee: 'never' });
    expect(a.paragraphs).toEqual([...captions, BODY[0], BODY[2]]);
  });

  it('a list of linked thumbnails beside a short text is no story', () => {
    const linked = `<ul>${captions.map((c, i) => `<li><a href="/n${i}.html"><img src="/t${i}.jpg" alt="">${c}</a></li>`).join('')}</ul>`;
    const a = extractArticle(simplePage(linked + text), 'http://www.example-hw.gov.cn/tp/1013.html', { referee: 'never' });
    expect(a.paragraphs).toEqual([BODY[0], BODY[2]]);
  });

  it('slides set in an article of several paragraphs stay out', () => {
    const long = `<div class="content">${BODY.map((p) => `<p>${p}${p}</p>`).join('')}</div>`;
    const a = extractArticle(simplePage(slider(captions) + long), 'http://www.example-hw.gov.cn/tp/1013.html', { referee: 'never' });
    expect(a.paragraphs).toEqual(BODY.map((p) => p + p));
  });
});
