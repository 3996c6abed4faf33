/**
 * Issue 16: dates, 来源 and templates the first fixtures did not have, broken markup, the
 * confidence and the Readability referee. Fixture pages come from generate-unseen.ts.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes } from '../../main/services/extract/decode';
import { extractArticle, LOW_CONFIDENCE, repairRawText } from '../../main/services/extract/extract';
import { dateFromUrl, findDate, findTime } from '../../shared/dates';
import { matchAuthor, matchOrigin } from '../../main/services/extract/patterns';
import { loadFixtures } from '../fixtures/extract/helpers';

const fixtures = new Map(loadFixtures().map((f) => [f.name, f]));
function run(name: string) {
  const f = fixtures.get(name);
  if (!f) throw new Error(`no fixture ${name}`);
  return { r: extractArticle(decodeBytes(f.bytes).text, f.expected.url), e: f.expected as typeof f.expected & { docNumber?: string } };
}

describe('dates in all their forms', () => {
  it.each([
    ['发布时间：２０２３年５月４日', '2023-05-04'],
    ['２０２３－０５－０４　０８：３０', '2023-05-04'],
    ['二〇二三年六月十二日', '2023-06-12'],
    ['二〇一九年十二月三十一日', '2019-12-31'],
    ['2〇23年5月4日', '2023-05-04'],
    ['发文日期：2023.05.04', '2023-05-04'],
    ['日期：2023/5/4', '2023-05-04'],
  ])('%s → %s', (text, iso) => {
    expect(findDate(text)).toBe(iso);
  });
  it('rejects impossible dates', () => {
    expect(findDate('二〇二三年二月三十日')).toBeNull();
    expect(findDate('2023年13月1日')).toBeNull();
  });
  it('reads the time written next to the date', () => {
    expect(findTime('２０２３年０５月０４日　０８：３０')).toBe('08:30');
    expect(findTime('2024-03-18 15:40:07 来源：本站')).toBe('15:40:07');
    expect(findTime('2024-03-18T08:00:00+08:00')).toBe('08:00:00');
    expect(findTime('2024-03-18 来源：本站')).toBeNull();
  });
  it.each([
    ['http://fgw.example.gov.cn/art/2019-07/15/art_102_5567.html', '2019-07-15'],
    ['http://www.example.gov.cn/xxgk/202305/t20230504_123.html', '2023-05-04'],
    ['https://news.example.com/2019/07/15/story.html', '2019-07-15'],
    ['http://www.example.com/a/20230504/1.html', '2023-05-04'],
    ['http://host2023.example.com/list/12.html', null],
  ])('date in the URL path %s', (url, iso) => {
    expect(dateFromUrl(url)).toBe(iso);
  });
});

describe('来源 and 作者 labels', () => {
  it.each([
    ['来源：人民日报', '人民日报'],
    ['文章来源：学习时报', '学习时报'],
    ['稿件来源：城市晚报 ｜ 记者：韩雪', '城市晚报'],
    ['信息来源：市发展改革委办公室 浏览次数：12', '市发展改革委办公室'],
    ['发布机构：某某县机关工委', '某某县机关工委'],
    ['供稿：机关党委 审核：李明', '机关党委'],
  ])('%s', (text, origin) => {
    expect(matchOrigin(text)).toBe(origin);
  });
  it('reads 来源 from markup that names it (class="source") when no label says it', () => {
    const body = '<p>这是一段正文，内容足够长，用来确认正文可以被正确提取出来。这是第二句，继续补充一些文字。</p>'.repeat(3);
    const html = `<html><head><title>某条新闻_新闻中心</title></head><body><h1>某条新闻</h1><div class="date-source"><span class="date">2019年12月28日 10:00</span><a class="source" href="http://x.example.com/">新京报</a></div><div class="article">${body}</div></body></html>`;
    const r = extractArticle(html);
    expect(r.origin).toBe('新京报');
    expect(r.publishedAt).toBe('2019-12-28');
    expect(r.publishedTime).toBe('10:00');
  });
  it('drops the separator dots of a byline bar around a 来源 given by markup', () => {
    const body = '<p>这是一段正文，内容足够长，用来确认正文可以被正确提取出来。这是第二句，继续补充一些文字。</p>'.repeat(3);
    const html = `<html><head><title>某条新闻_新闻中心</title></head><body><h1>某条新闻</h1><div class="bar"><a class="footer-bar-action source" href="/u/1">&nbsp;某某视史&nbsp;⋅</a> <span>2019-09-08</span></div><div class="article">${body}</div></body></html>`;
    expect(extractArticle(html).origin).toBe('某某视史');
  });
  it.each([
    ['<h2 class="title"><span>原创</span>某地推进基层治理的十条做法</h2>', '某地推进基层治理的十条做法'],
    ['<h1>某地推进基层治理的十条做法<em>独家</em></h1>', '某地推进基层治理的十条做法'],
    // Words that are the heading's own text, not a label in an element of their own, stay.
    ['<h1>专题某地推进基层治理的十条做法</h1>', '专题某地推进基层治理的十条做法'],
  ])('leaves a label element out of the title: %s', (heading, title) => {
    const body = '<p>这是一段正文，内容足够长，用来确认正文可以被正确提取出来。这是第二句，继续补充一些文字。</p>'.repeat(3);
    const html = `<html><head><title>某地推进基层治理的十条做法</title></head><body>${heading}<div class="info">发布时间：2019-09-08</div><div class="article">${body}</div></body></html>`;
    expect(extractArticle(html).title).toBe(title);
  });
  it('takes 记者 as the author, not 通讯员', () => {
    expect(matchAuthor('稿件来源：城市晚报 记者：韩雪')).toBe('韩雪');
    expect(matchAuthor('通讯员 记者：')).toBeNull();
  });
});

describe('site builders the first fixtures did not have', () => {
  it('VSB (博达): the article inside <form name="_newscontent_fromname"> is read', () => {
    const { r, e } = run('vsb-bodaz');
    expect(r.title).toBe(e.title);
    expect(r.paragraphs).toEqual(e.paragraphs);
    expect(r.publishedAt).toBe('2023-05-04');
    expect(r.origin).toBe(e.origin);
    expect(r.text).not.toContain('打印');
  });
  it('政府信息公开: 发布日期 over 成文日期, 发布机构 as 来源, 文号 kept', () => {
    const { r, e } = run('gov-xxgk');
    expect(r.publishedAt).toBe('2023-11-20');
    expect(r.origin).toBe('某某县机关工委');
    expect(r.docNumber).toBe(e.docNumber);
    expect(r.text).not.toContain('索引号');
    expect(r.paragraphs.at(-1)).toBe('2023年11月16日'); // the signature date stays in the body
  });
  it('成文日期 and 发布日期 on one line: 发布日期 is the date', () => {
    const body = '<p>这是一段正文，内容足够长，用来确认正文可以被正确提取出来。这是第二句，继续补充一些文字。</p>'.repeat(3);
    const html = `<html><head><title>某通知</title></head><body><h1>某通知</h1><div class="info">成文日期：2023-11-16\u3000发布日期：2023-11-20\u3000发布机构：某某局</div><div class="article">${body}</div></body></html>`;
    const r = extractArticle(html);
    expect(r.publishedAt).toBe('2023-11-20');
    expect(r.origin).toBe('某某局');
  });
  it('大汉 JCMS: the only date is in the URL path', () => {
    const { r } = run('dahan-jcms');
    expect(r.publishedAt).toBe('2019-07-15');
    expect(r.origin).toBe('市发展改革委办公室');
  });
  it('a portal with full-width digits gives the date, the time and 稿件来源', () => {
    const { r } = run('portal-fullwidth-date');
    expect(r.publishedAt).toBe('2023-05-04');
    expect(r.publishedTime).toBe('08:30');
    expect(r.origin).toBe('城市晚报');
    expect(r.text).not.toContain('推荐阅读');
  });
  it('a paginated article: the pager stays out of the body, the 时间/来源 line inside <h1> is read', () => {
    const { r, e } = run('paginated-phpcms');
    expect(r.title).toBe(e.title);
    expect(r.paragraphs).toEqual(e.paragraphs);
    expect(r.publishedTime).toBe('09:15');
    expect(r.text).not.toContain('上一页');
  });
  it('a WeChat copy inside a CMS page: body kept, follow-us tail dropped, 供稿 as 来源', () => {
    const { r, e } = run('wechat-mirror');
    expect(r.paragraphs).toEqual(e.paragraphs);
    expect(r.origin).toBe('机关事务服务中心');
    expect(r.text).not.toContain('二维码');
  });
  it('pages a template recognises come out with high confidence and no second opinion', () => {
    for (const f of fixtures.values()) {
      const r = extractArticle(decodeBytes(f.bytes).text, f.expected.url);
      expect(r.confidence, f.name).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
      expect(r.method, f.name).toBe('template');
    }
  });
});

describe('broken markup does not swallow the text', () => {
  it('closes an unclosed <style> before <body>', () => {
    const fixed = repairRawText('<html><head><style>p{color:red}\n<body>\n<p>正文</p></body></html>');
    expect(fixed).toContain('</style><body>');
  });
  it('leaves well-formed raw text, and a script writing "<body>" in a string, alone', () => {
    const ok = '<html><head><style>p{}</style><script>var s = "</div>";</script></head><body><p>正文</p></body></html>';
    expect(repairRawText(ok)).toBe(ok);
    const writes = '<html><head><script>\ndocument.write("<body>");\n</script></head><body><p>正文</p></body></html>';
    expect(repairRawText(writes)).toBe(writes);
  });
  it.each(['broken-unclosed-style', 'broken-unclosed-script'])('%s: the whole article comes out', (name) => {
    const { r, e } = run(name);
    expect(r.paragraphs).toEqual(e.paragraphs);
    expect(r.publishedAt).toBe(e.publishedAt);
    expect(r.origin).toBe(e.origin);
  });
  it('an unclosed <script> with no end tag at all', () => {
    const html = `<html><head><title>测试文章标题</title><script>var a = 1;\n<body><h1>测试文章标题</h1><p>${'这是一段完整的正文，用来确认正文不会被脚本吞掉。'.repeat(4)}</p></body></html>`;
    expect(extractArticle(html).text).toContain('正文不会被脚本吞掉');
  });
});

describe('odd document shapes', () => {
  const body = '<p>这是一段正文，内容足够长，用来确认正文可以被正确提取出来。这是第二句，继续补充一些文字。</p>'.repeat(3);
  it('stray markup before <head> does not hide the body', () => {
    const html = `<html><div id="pre"></div><head><title>测试标题</title></head><body><h1>测试标题</h1>${body}</body></html>`;
    expect(extractArticle(html).text).toContain('继续补充一些文字');
  });
  it('markup after a stray </html> is still read', () => {
    const html = `<html><head><title>测试标题</title></head><body><div>导航</div></body></html><div class="content"><h1>测试标题</h1>${body}</div>`;
    expect(extractArticle(html).text).toContain('继续补充一些文字');
  });
});

describe('encodings', () => {
  it('UTF-8 bytes under a gb2312 declaration are read as UTF-8', () => {
    const html = '<html><head><meta charset="gb2312"><title>标题</title></head><body><p>理论学习中心组</p></body></html>';
    const d = decodeBytes(Buffer.from(html, 'utf8'));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('理论学习中心组');
  });
  it('real GBK bytes under a gb2312 declaration stay GB18030', () => {
    const html = '<html><head><meta charset="gb2312"><title>标题</title></head><body><p>理论学习中心组</p></body></html>';
    const d = decodeBytes(iconv.encode(html, 'gbk'));
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toContain('理论学习中心组');
  });
});

describe('confidence and the Readability referee', () => {
  const para = (i: number) =>
    `<p>This is paragraph ${i} of a long ordinary news story, with enough words, commas, and clauses to read as prose; it goes on for a while, as articles do.</p>`;
  it('a page whose sections sit in separate containers is kept whole by our own scoring', () => {
    // The article sits in sibling sections that each look too small alone: our scoring takes
    // the ancestor that holds them all (it was left to the referee before).
    const sections = Array.from(
      { length: 6 },
      (_, s) =>
        `<section class="story-part"><h2>Part ${s + 1}</h2><div class="inner">${para(s * 3)}${para(s * 3 + 1)}${para(s * 3 + 2)}</div></section>`,
    ).join('\n<div class="ad-slot"><a href="/x">Advertisement</a></div>\n');
    const html = `<html><head><title>A long story - Example News</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>A long story</h1>${sections}</article><footer>Copyright Example News</footer></body></html>`;
    const r = extractArticle(html, 'https://news.example.com/2024/03/05/story.html');
    expect(r.method).toBe('template');
    for (let i = 0; i < 18; i++) expect(r.text, `paragraph ${i}`).toContain(`This is paragraph ${i} of`);
    expect(r.text).not.toContain('Copyright');
    expect(r.text).not.toContain('Home');
    expect(r.confidence).toBeGreaterThanOrEqual(0.5);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });
  it('a page with little prose has low confidence', () => {
    const html = `<html><head><title>链接页</title></head><body><h1>链接页</h1><ul>${Array.from({ length: 20 }, (_, i) => `<li><a href="/a/${i}.html">栏目文章标题${i}</a></li>`).join('')}</ul><p>短句。</p></body></html>`;
    const r = extractArticle(html);
    expect(r.confidence).toBeLessThan(LOW_CONFIDENCE);
  });
});
