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
<div class="info">2023-12-04 08:30　来源：示例晚报</div>
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
