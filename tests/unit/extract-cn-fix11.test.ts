/**
 * Issue 16, eleventh and twelfth outside sets: 来源 forms in general terms. A field in an element of
 * its own ends with that element, though the next field follows without a gap; a label alone in
 * brackets (【来源】…) and a label alone in its element beside the value's element (no colon) name
 * the 来源 too.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { matchOrigin } from '../../main/services/extract/patterns';
import { scriptWrittenText } from '../../main/services/extract/script-writes';

const BODY = [
  '今年夏天，松林镇在三个行政村试种高油酸花生八百亩，镇农技站派出技术员驻村指导播种和田间管理。',
  '试种地块采用覆膜播种和滴灌，出苗率比往年提高一成多，村集体和种植户按约定比例分享收益。',
  '镇里表示，秋收后将根据测产结果决定明年是否扩大种植面积，并联系加工企业签订收购协议。',
];
const TITLE = '松林镇试种高油酸花生八百亩';

function page(info: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}_示例县新闻网</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/a">乡镇动态</a></div>
<div class="main"><div class="article"><h1>${TITLE}</h1>
${info}
<div class="content">${BODY.map((p) => `<p>${p}</p>`).join('\n')}</div></div></div>
<div class="footer">版权所有 示例县新闻网</div></body></html>`;
}

function run(html: string) {
  return extractArticle(html, 'http://www.example-slx.cn/xzdt/2024/0712/31.html', { referee: 'never' });
}

describe('a 来源 field in an element of its own', () => {
  it.each([
    // A month-day time in the next element (no year, so no date stops the value).
    ['<div class="meta"><span class="from">来源：松林镇农技站</span><span class="t">07-12 09:05</span></div>', '松林镇农技站'],
    // The next field's label without a bracket or a known label word.
    [
      '<div class="meta"><span>发布日期：2024-07-12</span><span>信息来源：县农业农村局</span><span>栏目类型：乡镇动态</span></div>',
      '县农业农村局',
    ],
    // The value in a link inside the field's element, then a field no label list knows.
    [
      '<div class="meta"><span>2024-07-12</span><span>来源：<a href="/">县融媒体中心</a></span><span>字数：1260</span></div>',
      '县融媒体中心',
    ],
  ])('ends at its element: %s', (info, origin) => {
    const a = run(page(info));
    expect(a.origin).toBe(origin);
    expect(a.paragraphs).toEqual(BODY);
  });

  it.each(['2024-07-12　来源：<b>松林</b>镇人民政府', '2024-07-12　<span class="s">来源：松林</span>镇人民政府'])(
    'keeps a value that runs on in text after an element: %s',
    (info) => {
      const a = run(page(`<div class="meta">${info}</div>`));
      expect(a.origin).toBe('松林镇人民政府');
    },
  );

  it('keeps a value in the element after a label element of its own', () => {
    const a = run(page('<div class="meta"><span>来源：</span><span>县农业农村局</span><span>2024-07-12</span></div>'));
    expect(a.origin).toBe('县农业农村局');
  });
});

describe('a 来源 label alone in brackets', () => {
  it('reads the value after the brackets, up to the next bracketed label', () => {
    const a = run(
      page('<div class="info"><span>【发布日期】2024-07-12</span><span>【信息来源】县农业农村局</span><span>【作者】农技站</span></div>'),
    );
    expect(a.origin).toBe('县农业农村局');
    expect(a.publishedAt).toBe('2024-07-12');
  });

  it.each([
    ['【来源】松林镇农技站【编辑】陈某', '松林镇农技站'],
    ['［稿源］ 县融媒体中心 ［点击］', '县融媒体中心'],
    ['【来源】【作者】', null],
  ])('matchOrigin(%s)', (text, origin) => {
    expect(matchOrigin(text)).toBe(origin);
  });

  it('still reads a bracketed label with its colon inside', () => {
    expect(matchOrigin('［稿件来源：县委宣传部］［录入时间：2024-07-12］')).toBe('县委宣传部');
  });
});

describe('a 来源 label element beside its value element, no colon', () => {
  it('reads the value element (field label / field item divs)', () => {
    const a = run(
      page(`<div class="byline"><span class="user">editor01</span><time datetime="2024-07-12T01:00:00Z">2024-07-12 09:00</time></div>
<div class="field"><div class="field-label">来源</div><div class="field-item">松林镇农技站</div></div>
<div class="field"><div class="field-label">摄影</div><div class="field-item">周某</div></div>`),
    );
    expect(a.origin).toBe('松林镇农技站');
    expect(a.paragraphs).toEqual(BODY);
  });

  it('reads a definition list (dt 来源, dd value)', () => {
    const a = run(page('<dl class="props"><dt>发布时间</dt><dd>2024-07-12</dd><dt>信息来源</dt><dd>县农业农村局</dd></dl>'));
    expect(a.origin).toBe('县农业农村局');
  });

  it('takes no date and no sentence from the next element', () => {
    const a = run(page('<div class="field"><div class="field-label">来源</div><div class="field-item">2024-07-12</div></div>'));
    expect(a.origin).toBeNull();
    const b = run(page('<div class="tip"><div>来源</div><div>本站</div></div><div class="t">2024-07-12</div>'));
    expect(b.origin).toBe('本站');
  });

  it('does not read a label whose next block is not its sibling element', () => {
    const a = run(
      page(
        '<div class="t">2024-07-12</div><div class="tabs"><div class="tab-name">来源</div></div><div class="box"><p>县农业农村局</p></div>',
      ),
    );
    expect(a.origin).toBeNull();
  });
});

describe('a script that writes a part of a split value', () => {
  it('reads split("…")[i], alone or after a substring', () => {
    expect(scriptWrittenText('var rq = "2024-07-12 09:05:00"; document.write(rq.split(" ")[0]);')).toBe('2024-07-12');
    expect(scriptWrittenText("var rq='2024/7/12 9:05'; document.write(rq.split('/')[1] + '月')")).toBe('7月');
    expect(scriptWrittenText('var s = "县农业农村局|2024-07-12"; document.write("来源：" + s.split("|")[0]);')).toBe('来源：县农业农村局');
    expect(scriptWrittenText('var rq = "2024-07-12T09:05"; document.write(rq.substring(0, 16).split("T")[0]);')).toBe('2024-07-12');
  });

  it('gives nothing for a part that is not there or an index it cannot read', () => {
    expect(scriptWrittenText('var rq = "2024-07-12"; document.write(rq.split(" ")[1]);')).toBe('');
    expect(scriptWrittenText('var rq = "2024-07-12 09:05"; document.write(rq.split(" ")[n]);')).toBe('');
    expect(scriptWrittenText('var rq = "2024-07-12 09:05"; document.write(rq.split(/\\s/)[0]);')).toBe('');
  });

  it('dates the page from the split write on its metadata line', () => {
    const a = run(
      page(
        '<div class="info">发布时间：<script>var rq = "2024-7-12 09:05:00"; document.write(rq.split(" ")[0]);</script>　来源：县农业农村局</div>',
      ),
    );
    expect(a.publishedAt).toBe('2024-07-12');
    expect(a.origin).toBe('县农业农村局');
  });
});
