/**
 * Issue 16, eleventh and twelfth outside sets (body): kinds of markup in general terms, with our
 * own text. A `</body></html>` in the middle of the text (an include's own document end) closes
 * nothing, as in a browser.
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
<div class="detail"><h2>${TITLE}</h2><div class="info">时间：2023-10-13　来源：区文体局</div>
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
