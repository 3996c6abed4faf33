import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { closeStrayComments, decodeFeed, isHtmlDocument, isSummaryText, looksLikeFeed, parseFeed } from '../../main/services/sync/feeds';
import { AppError } from '../../shared/errors';

const body = '<p>各级党组织要深入把握理论学习的系统性和针对性，切实把学习成果转化为工作实效。</p>'.repeat(6);

describe('feeds', () => {
  it('reads RSS 2.0 with content:encoded, relative links and RFC 822 dates', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>学习频道</title><link>http://a.cn/col/</link>
<item><title>第一篇 &amp; 学习</title><link>1.html?utm_source=rss</link><pubDate>Tue, 05 Mar 2024 10:00:00 +0800</pubDate><description>摘要</description><content:encoded><![CDATA[${body}]]></content:encoded></item>
<item><title><![CDATA[第二篇]]></title><link>http://a.cn/col/2.html</link><pubDate>Mon, 04 Mar 2024 20:00:00 GMT</pubDate><description>只有摘要……</description></item></channel></rss>`;
    expect(looksLikeFeed(xml)).toBe(true);
    const f = parseFeed(xml, 'http://a.cn/rss.xml');
    expect(f.kind).toBe('rss');
    expect(f.title).toBe('学习频道');
    expect(f.items.map((i) => [i.url, i.title, i.publishedAt, i.isSummary])).toEqual([
      ['http://a.cn/col/1.html', '第一篇 & 学习', '2024-03-05', false],
      ['http://a.cn/col/2.html', '第二篇', '2024-03-05', true],
    ]);
    expect(f.items[0]!.html).toContain('<p>各级党组织');
  });

  it('reads Atom (content and summary) and RDF', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>摘要</title><link rel="self" href="/atom.xml"/><link href="http://a.cn/"/>
<entry><title type="html">甲</title><link rel="alternate" href="http://a.cn/a.html"/><published>2024-03-05T09:00:00+08:00</published><content type="html">${body.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</content></entry>
<entry><title>乙</title><link href="http://a.cn/b.html"/><updated>2024-03-04T23:30:00Z</updated><summary>一段摘要……阅读全文</summary></entry></feed>`;
    const a = parseFeed(atom, 'http://a.cn/atom.xml');
    expect(a.kind).toBe('atom');
    expect(a.items.map((i) => [i.url, i.publishedAt, i.isSummary])).toEqual([
      ['http://a.cn/a.html', '2024-03-05', false],
      ['http://a.cn/b.html', '2024-03-05', true],
    ]);
    const rdf = `<?xml version="1.0" encoding="gb2312"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="x"><title>廉政专栏</title><items><rdf:Seq><rdf:li rdf:resource="http://a.cn/r1.html"/></rdf:Seq></items></channel>
<item rdf:about="http://a.cn/r1.html"><title>廉政教育要常抓不懈</title><link>http://a.cn/r1.html</link><dc:date>2024-02-29T08:00:00+08:00</dc:date><description>${body.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</description></item></rdf:RDF>`;
    const bytes = iconv.encode(rdf, 'gbk');
    const text = decodeFeed(new Uint8Array(bytes), 'application/rdf+xml');
    const r = parseFeed(text, 'http://a.cn/rdf.xml');
    expect(r.kind).toBe('rdf');
    expect(r.title).toBe('廉政专栏');
    expect(r.items[0]!.title).toBe('廉政教育要常抓不懈');
    expect(r.items[0]!.publishedAt).toBe('2024-02-29');
    expect(r.items[0]!.isSummary).toBe(false);
    expect(text).not.toContain('\ufffd');
  });

  it('tells summaries from full texts', () => {
    expect(isSummaryText(null)).toBe(true);
    expect(isSummaryText('<p>很短</p>')).toBe(true);
    expect(isSummaryText(`${body}……`)).toBe(true);
    expect(isSummaryText(`${body}<p>阅读全文</p>`)).toBe(true);
    expect(isSummaryText(body)).toBe(false);
  });

  it('keeps items after a <!-- inside CDATA, and comments between items do not hide anything', () => {
    const xml = `<rss version="2.0"><channel><title>频道</title>
<item><title>甲</title><link>http://a.cn/1.html</link><description><![CDATA[<p>开头 <!-- 未闭合的注释</p>]]></description></item>
<!-- <item><title>注释里的条目</title><link>http://a.cn/hidden.html</link></item> -->
<item><title>乙</title><link>http://a.cn/2.html</link><description><![CDATA[正文 --> 和 ]]&gt; 字样]]></description></item>
</channel></rss>`;
    const f = parseFeed(xml, 'http://a.cn/rss.xml');
    expect(f.items.map((i) => i.title)).toEqual(['甲', '乙']);
    // The stray marker is dropped so the text after it stays visible.
    expect(f.items[0]!.html).toBe('<p>开头  未闭合的注释</p>');
    expect(f.skipped).toEqual([]);
  });

  it('keeps an item whose content is a whole HTML document, and still sees the feed', () => {
    const doc = `<!DOCTYPE html><html><head><title>页面</title></head><body><div class="nav">首页</div><div class="content">${body}</div></body></html>`;
    const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>频道</title>
<item><title>整页</title><link>http://a.cn/doc.html</link><content:encoded><![CDATA[${doc}]]></content:encoded></item></channel></rss>`;
    expect(looksLikeFeed(xml)).toBe(true);
    const f = parseFeed(xml, 'http://a.cn/rss.xml');
    expect(f.items).toHaveLength(1);
    expect(isHtmlDocument(f.items[0]!.html!)).toBe(true);
    expect(f.items[0]!.isSummary).toBe(false);
    expect(looksLikeFeed(doc)).toBe(false);
  });

  it('returns items it cannot use with a Chinese reason instead of dropping them', () => {
    const xml = `<rss version="2.0"><channel><title>频道</title>
<item><title>没有链接</title><description>x</description></item>
<item><title>文件服务器</title><link>ftp://a.cn/x.doc</link></item>
<item><title>脚本</title><link>javascript:open(1)</link></item>
<item><title>好的</title><link>/ok.html</link></item>
<item><title>好的（重复）</title><link>/ok.html#top</link></item>
<item><link>/untitled.html</link></item>
<item><guid isPermaLink="false">id-123</guid><title>只有非链接 guid</title></item>
</channel></rss>`;
    const f = parseFeed(xml, 'http://a.cn/rss.xml');
    expect(f.items.map((i) => [i.url, i.untitled])).toEqual([
      ['http://a.cn/ok.html', false],
      ['http://a.cn/untitled.html', true],
    ]);
    expect(f.skipped.map((s) => [s.url, s.title, s.level])).toEqual([
      [null, '没有链接', 'warning'],
      ['ftp://a.cn/x.doc', '文件服务器', 'warning'],
      ['javascript:open(1)', '脚本', 'warning'],
      ['http://a.cn/ok.html', '好的（重复）', 'info'],
      [null, '只有非链接 guid', 'warning'],
    ]);
    for (const s of f.skipped) expect(s.reason).toMatch(/[\u4e00-\u9fff]{4,}/);
    expect(f.skipped[1]!.reason).toContain('ftp:');
  });

  it('says so when an item the XML holds is not readable (an unclosed item swallowing the next)', () => {
    const xml = `<rss version="2.0"><channel><title>频道</title>
<item><title>甲</title><link>http://a.cn/1.html</link>
<item><title>乙</title><link>http://a.cn/2.html</link></item>
<item><title>丙</title><link>http://a.cn/3.html</link><description><![CDATA[<item>不是条目</item>]]></description></item>
</channel></rss>`;
    const f = parseFeed(xml, 'http://a.cn/rss.xml');
    // The parser returns only the outer item; the two it swallowed are reported, not lost.
    expect(f.items.map((i) => i.title)).toEqual(['甲']);
    expect(f.skipped).toEqual([
      { url: null, title: null, level: 'warning', reason: '订阅源中有 2 个条目格式有误（标签未闭合或嵌套错误），无法读取', count: 2 },
    ]);
  });

  it('reads Atom text content as paragraphs and xhtml content as HTML', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>摘要</title>
<entry><title>文本</title><link href="http://a.cn/t.html"/><id>urn:1</id><updated>2024-03-05T09:00:00Z</updated><content type="text">第一段 &lt;不是标签&gt;

第二段</content></entry>
<entry><title>XHTML</title><link href="http://a.cn/x.html"/><id>urn:2</id><updated>2024-03-05T09:00:00Z</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>甲 <b>乙</b></p></div></content></entry></feed>`;
    const f = parseFeed(atom, 'http://a.cn/atom.xml');
    expect(f.items[0]!.html).toBe('<p>第一段 &lt;不是标签&gt;</p><p>第二段</p>');
    expect(f.items[1]!.html).toContain('<p>甲 <b>乙</b></p>');
  });

  it('refuses broken and non-feed text with a clear Chinese error', () => {
    const cases = [
      `<rss version="2.0"><channel><title>频道</title><item><title>甲</title><link>http://a.cn/1.html</link></item><item><title>乙</ti`,
      `<rss version="2.0"><channel><item a=1 b c="x><title>甲</title></item></channel></rss>`,
      `<rss version="2.0"><channel>${'<item>'.repeat(20000)}`,
      `<html><body><p>不是订阅源</p></body></html>`,
      '',
    ];
    for (const xml of cases) {
      let caught: unknown;
      try {
        parseFeed(xml, 'http://a.cn/rss.xml');
      } catch (error) {
        caught = error;
      }
      expect(caught, xml.slice(0, 60)).toBeInstanceOf(AppError);
      expect((caught as AppError).message).toMatch(/订阅源.*http:\/\/a\.cn\/rss\.xml/);
      expect((caught as AppError).message).toMatch(/[\u4e00-\u9fff]{2,}/);
    }
  });

  it('never expands DTD entities (an entity bomb stays a few bytes)', () => {
    const defs = Array.from({ length: 9 }, (_, i) => `<!ENTITY e${i + 1} "${`&e${i};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e0 "哈哈哈哈哈哈哈哈哈哈">${defs}]><rss version="2.0"><channel><title>&e9;</title><item><title>&e9;</title><link>http://a.cn/1.html</link><description>&e9;</description></item></channel></rss>`;
    const f = parseFeed(xml, 'http://a.cn/rss.xml');
    expect(f.items).toHaveLength(1);
    expect(f.items[0]!.title.length).toBeLessThan(20);
    expect(f.items[0]!.html!.length).toBeLessThan(40);
  });

  it('drops only unclosed comment markers', () => {
    expect(closeStrayComments('a<!-- b -->c<!-- d')).toBe('a<!-- b -->c d');
    expect(closeStrayComments('<!--<!-- x -->y')).toBe('<!--<!-- x -->y');
    expect(closeStrayComments('plain')).toBe('plain');
  });
});
