/**
 * Feed parsing (feedsmith behind main/services/sync/feeds.ts): a 1,000-item RSS feed with full
 * content (~2.5 MB, the size a busy intranet column's "all items" feed reaches), a GBK RDF feed
 * decoded from bytes, and an entity bomb that must stay small and fast.
 */
import iconv from 'iconv-lite';
import { decodeFeed, parseFeed } from '../../main/services/sync/feeds';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(f: () => void, runs: number): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    ms.push(performance.now() - t);
  }
  return Number(median(ms).toFixed(1));
}

const para = '各级党组织要深入把握理论学习的系统性和针对性，切实把学习成果转化为工作实效。';

export async function benchFeeds(): Promise<Record<string, number>> {
  const items = Array.from(
    { length: 1000 },
    (_, i) =>
      `<item><title>学习文章第${i}篇</title><link>/posts/${i}.html</link><pubDate>Mon, 18 Mar 2024 02:00:00 +0000</pubDate><description>摘要……</description><content:encoded><![CDATA[${`<p>${para}</p>`.repeat(20)}<!-- 编辑注 ]]></content:encoded></item>`,
  ).join('\n');
  const rss = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>大栏目</title><link>/</link>${items}</channel></rss>`;
  let count = 0;
  const rssMs = time(() => (count = parseFeed(rss, 'http://a.cn/rss.xml').items.length), 5);
  if (count !== 1000) throw new Error(`expected 1000 items, got ${count}`);

  const rdf = `<?xml version="1.0" encoding="gb2312"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="/"><title>专栏</title><link>/</link></channel>${Array.from({ length: 200 }, (_, i) => `<item rdf:about="/r/${i}.html"><title>廉政教育第${i}篇</title><link>/r/${i}.html</link><dc:date>2024-02-29T08:00:00+08:00</dc:date><description>${`&lt;p&gt;${para}&lt;/p&gt;`.repeat(10)}</description></item>`).join('')}</rdf:RDF>`;
  const bytes = new Uint8Array(iconv.encode(rdf, 'gbk'));
  const rdfMs = time(() => parseFeed(decodeFeed(bytes, null), 'http://a.cn/rdf.xml'), 5);

  const defs = Array.from({ length: 9 }, (_, i) => `<!ENTITY e${i + 1} "${`&e${i};`.repeat(10)}">`).join('');
  const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e0 "哈哈哈哈哈哈哈哈哈哈">${defs}]><rss version="2.0"><channel><title>&e9;</title><item><title>&e9;</title><link>http://a.cn/1.html</link></item></channel></rss>`;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const bombMs = time(() => parseFeed(bomb, 'http://a.cn/bomb.xml'), 5);
  const bombHeapMb = Math.max(0, (process.memoryUsage().heapUsed - heapBefore) / 1e6);

  return {
    feed_rss_1000_items_mb: Number((Buffer.byteLength(rss) / 1e6).toFixed(1)),
    feed_rss_1000_items_parse_ms: rssMs,
    feed_rdf_gbk_200_items_decode_parse_ms: rdfMs,
    feed_entity_bomb_parse_ms: bombMs,
    feed_entity_bomb_heap_growth_mb: Number(bombHeapMb.toFixed(1)),
  };
}
