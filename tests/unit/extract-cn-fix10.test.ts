/**
 * Issue 16, tenth outside set: forms in general terms. A reprint's note about where the text first
 * ran (原标题：…, （原载《某报》…第N版）) is said about the text, not part of it.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const BODY = [
  '入冬以来，河湾区在十二个老旧小区试点集中供暖改造，更换管网六千余米，新装分户计量阀门九百多个。',
  '改造由社区牵头召开居民议事会，施工方案先后修改三次，把施工时间安排在白天、避开学生上下学时段。',
  '区住建局表示，明年将把试点经验推广到全区，并建立供暖问题“一站受理、限时办结”机制。',
];
const TITLE = '河湾区老旧小区供暖改造完成试点';

function page(opts: { lead?: string; tail?: string }): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}_示例新闻网</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/a">本地新闻</a></div>
<div class="main"><div class="article"><h1>${TITLE}</h1>
<div class="info">2023-12-04 08:30\u3000来源：示例晚报</div>
<div class="content">${opts.lead ?? ''}${BODY.map((p) => `<p>${p}</p>`).join('\n')}${opts.tail ?? ''}</div></div></div>
<div class="footer">版权所有 示例新闻网</div></body></html>`;
}

function run(html: string) {
  return extractArticle(html, 'http://www.example-news.cn/local/2023/1204/77.html', { referee: 'never' });
}

describe('a reprint note', () => {
  it.each(['<p>原标题：老小区用上了新暖气</p>', '<p>【原标题：暖气进了老小区】</p>'])('drops an opening 原标题 line: %s', (lead) => {
    const a = run(page({ lead }));
    expect(a.title).toBe(TITLE);
    expect(a.paragraphs).toEqual(BODY);
  });

  it.each([
    '<p style="text-align:right">（原载《示例晚报》2023年12月04日第03版）</p>',
    '<p>本文原载于《示例周刊》2023年第48期</p>',
    '<p>（刊载于《示例晚报》12月4日A2版）</p>',
  ])('drops a closing 原载 line: %s', (tail) => {
    const a = run(page({ tail }));
    expect(a.paragraphs).toEqual(BODY);
    expect(a.origin).toBe('示例晚报');
  });

  it('keeps a sentence of the text that names where something first ran', () => {
    const line = '这份方案最早刊发于《示例晚报》的读者来信栏目，引起了不少居民的共鸣。';
    const mentions = '原载《示例晚报》的那封来信，后来被贴在了社区公告栏上，不少居民驻足阅读。';
    const a = run(page({ tail: `<p>${line}</p><p>${mentions}</p>` }));
    expect(a.paragraphs).toEqual([...BODY, line, mentions]);
  });
});

/** A 政务公开 page whose metadata sits in a table of label | value cells before its heading. */
function tablePage(rows: string, heading = TITLE): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}--示例街道办事处</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/gk/">政务公开</a></div>
<table class="meta">${rows}</table>
<div class="title"><b>${heading}</b></div>
<div class="con"><p>第一条\u3000为做好老旧小区供暖改造工作，制定本办法。</p>${BODY.map((p) => `<p>${p}</p>`).join('\n')}
<p>第九条\u3000本办法自2024年1月1日起施行，有效期至2025年12月31日。</p></div>
<div class="foot">示例街道办事处 主办</div></body></html>`;
}

describe('a metadata table with two label | value pairs in a row', () => {
  it('takes the publication-labelled date, not a 施行 date listed first or one in the text', () => {
    const rows =
      '<tr><td>信息名称：</td><td colspan="3">' +
      TITLE +
      '</td></tr><tr><td>发布单位：</td><td>示例街道办事处</td><td>文\u3000\u3000号：</td><td>示街发〔2023〕3号</td></tr>' +
      '<tr><td>施行日期：</td><td>2024年01月01日</td><td>发布时间：</td><td>2023年12月11日</td></tr>' +
      '<tr><td>有效期至：</td><td>2025年12月31日</td><td>公开方式：</td><td>主动公开</td></tr>';
    const a = run(tablePage(rows));
    expect(a.title).toBe(TITLE);
    expect(a.publishedAt).toBe('2023-12-11');
  });
});

describe('a 成文日期 and a publication label under the title', () => {
  it('dates the page by the 发布时间 line, not a related document’s 成文日期', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}_示例区政府</title></head><body>
<div class="menu"><a href="/">首页</a><a href="/jd/">政策解读</a></div>
<div class="art"><h1>${TITLE}</h1>
<div class="info"><span>发布时间：2023-12-06 10:15</span><span>来源：示例区住建局</span></div>
<div class="rel"><div>相关文件</div><table><tr><td>文件名称：<a href="/f/1.html">示例区供暖改造办法</a></td></tr>
<tr><td>文\u3000\u3000号：示住建〔2023〕9号</td></tr><tr><td>成文日期：2023-11-20</td></tr></table></div>
<div class="content">${BODY.map((p) => `<p>${p}</p>`).join('\n')}</div></div></body></html>`;
    const a = run(html);
    expect(a.publishedAt).toBe('2023-12-06');
    expect(a.origin).toBe('示例区住建局');
  });

  it('still takes the 成文日期 when nothing is labelled as published', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}_示例区政府</title></head><body>
<table><tr><td>索引号：</td><td>11-2023-0091</td></tr><tr><td>发布机构：</td><td>示例区住建局</td></tr>
<tr><td>成文日期：</td><td>2023-11-20</td></tr></table>
<div class="art"><h1>${TITLE}</h1>
<div class="content">${BODY.map((p) => `<p>${p}</p>`).join('\n')}</div></div></body></html>`;
    expect(run(html).publishedAt).toBe('2023-11-20');
  });
});

describe('a 信息公开 record above a title without a heading tag', () => {
  const notice = '示例区住建局关于开展老旧小区供暖改造试点的通知';
  const record = (sep: string) =>
    [
      ['索引号', '11-2023-0127'],
      ['发文机关', '示例区住建局'],
      ['发布日期', '2023-12-08'],
      ['文号', '示住建〔2023〕11号'],
      ['成文日期', '2023-12-01'],
    ]
      .map(([k, v]) => `<div class="row"><div class="k">${k}${sep}</div><div class="v">${v}</div></div>`)
      .join('');
  const html = (sep: string) => `<!doctype html><html><head><meta charset="utf-8"><title>示例区人民政府-政务公开</title></head><body>
<div class="top"><div class="logo">示例区人民政府</div><a href="/">首页</a><a href="/gk/">政务公开</a></div>
<div class="box"><div class="record">${record(sep)}</div>
<div class="doc-title">${notice}</div>
<div class="doc-body">${BODY.map((p) => `<p>${p}</p>`).join('\n')}</div></div></body></html>`;

  it.each(['', '：'])('takes the title-named line right after the record (label%s)', (sep) => {
    const a = run(html(sep));
    expect(a.title).toBe(notice);
    expect(a.publishedAt).toBe('2023-12-08');
    expect(a.origin).toBe('示例区住建局');
    expect(a.paragraphs).toEqual(BODY);
  });
});

describe('an 原创 badge and a linked account under the title', () => {
  const html = (line: string) => `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE} - 示例文摘</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/hot/">热门</a></div>
<article><h1 class="post-h">${TITLE}</h1>
<div class="line">${line}<span class="t">2023-12-05 20:10</span><span>阅读 3456</span></div>
<div class="post-body">${BODY.map((p) => `<p>${p}</p>`).join('\n')}</div></article></body></html>`;

  it('takes the account as the 来源', () => {
    const a = run(html('<span class="b">原创</span><a href="/u/hw/">河湾生活圈</a>'));
    expect(a.origin).toBe('河湾生活圈');
    expect(a.publishedAt).toBe('2023-12-05');
    expect(a.paragraphs).toEqual(BODY);
  });

  it.each([
    ['an unlinked name', '<span class="b">原创</span><span>河湾生活圈</span>'],
    ['a link without the badge', '<a href="/u/hw/">河湾生活圈</a>'],
  ])('names no 来源 from %s', (_, line) => {
    expect(run(html(line)).origin).toBeNull();
  });
});
