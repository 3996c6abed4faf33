import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFeed, isSummaryText, looksLikeFeed, parseFeed } from '../../main/services/sync/feeds';

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
});
