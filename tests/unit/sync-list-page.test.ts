import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../main/services/extract/decode';
import { HttpClient } from '../../main/services/sync/http-client';
import { findArticleLinks } from '../../main/services/sync/list-page';
import { startCmsWorld, type CmsWorld } from '../fixtures/cms-world';

const NOW = new Date('2024-03-20T12:00:00+08:00');
let world: CmsWorld;

beforeAll(async () => {
  world = await startCmsWorld();
});
afterAll(async () => {
  await world.close();
});

async function listAll(siteName: string, maxPages = 20) {
  const site = world.site(siteName);
  const client = new HttpClient({ delayMs: 0 });
  const queue = [world.key(site.listPath)];
  const queued = new Set(queue);
  const items = new Map<string, { title: string; publishedAt: string | null; pinned: boolean }>();
  let pages = 0;
  let pageCount: number | null = null;
  while (queue.length > 0 && pages < maxPages) {
    const url = queue.shift()!;
    pages++;
    const res = await client.get(url).catch(() => null);
    if (!res) continue;
    const r = findArticleLinks(decodeBytes(res.bytes, res.contentType).text, res.finalUrl, { now: NOW });
    if (pages === 1) pageCount = r.pageCount;
    for (const it of r.items) if (!items.has(it.url)) items.set(it.url, it);
    for (const p of r.nextPages) {
      if (queued.has(p)) continue;
      queue.push(p);
      queued.add(p);
    }
  }
  return { site, items, pages, pageCount };
}

describe('findArticleLinks on every template style of the fixture world', () => {
  const accuracy: string[] = [];
  afterAll(() => {
    process.stderr.write(`list extraction per template:\n${accuracy.join('\n')}\n`);
  });

  for (const name of ['trs', 'dede', 'phpcms', 'ecms', 'asp', 'corporate', 'university', 'wechat']) {
    it(`${name}: every article, with title, date and pinned flag, across all list pages`, async () => {
      const { site, items, pageCount } = await listAll(name);
      let titles = 0;
      let dates = 0;
      for (const a of site.articles) {
        const key =
          a.path.startsWith('/qydj/content/') && !items.has(world.key(a.path)) ? world.key(world.corporate.redirected) : world.key(a.path);
        const got = items.get(key);
        expect(got, `${name}: ${a.path}`).toBeDefined();
        if (!got) continue;
        if (got.title === a.title) titles++;
        if (got.publishedAt === a.publishedAt) dates++;
        expect(got.pinned, `${name}: pinned ${a.path}`).toBe(a.pinned);
      }
      // Nothing from navigation, 热点/推荐 lists or footers: only articles and the known bad links.
      const allowed = new Set([
        ...site.articles.map((a) => world.key(a.path)),
        ...site.bad.map((b) => world.key(b.path)),
        world.key(world.corporate.redirected),
      ]);
      const extras = [...items.keys()].filter((k) => !allowed.has(k));
      expect(extras).toEqual([]);
      accuracy.push(
        `  ${name}: found ${site.articles.length}/${site.articles.length}, titles ${titles}, dates ${dates}, pageCount ${pageCount}`,
      );
      expect(titles).toBe(site.articles.length);
      expect(dates).toBe(site.articles.length);
    });
  }

  it('flags pinned rows and the duplicate link with tracking parameters collapses to one URL', async () => {
    const { items } = await listAll('ecms', 1);
    const pinned = [...items.values()].filter((i) => i.pinned);
    expect(pinned).toHaveLength(2);
    const { items: php } = await listAll('phpcms');
    const first = world.site('phpcms').articles[0]!;
    expect([...php.keys()].filter((k) => k === world.key(first.path))).toHaveLength(1);
    expect([...php.keys()].some((k) => /utm_|from=|#/.test(k))).toBe(false);
  });
});

describe('list-page heuristics on hand-written pages', () => {
  const base = 'http://cms.example.cn/col/index.html';

  it('generates TRS pages from createPageHTML', () => {
    const html = `<ul><li><a href="./202401/t20240105_1.html">关于加强理论学习的通知要求</a><span>2024-01-05</span></li><li><a href="./202401/t20240103_2.html">第二篇学习文章的标题内容</a><span>2024-01-03</span></li></ul>
<script>createPageHTML(4, 0, "index", "html");</script>`;
    const r = findArticleLinks(html, base, { now: NOW });
    expect(r.pageCount).toBe(4);
    expect(r.nextPages).toEqual([
      'http://cms.example.cn/col/index_1.html',
      'http://cms.example.cn/col/index_2.html',
      'http://cms.example.cn/col/index_3.html',
    ]);
    expect(r.items.map((i) => i.publishedAt)).toEqual(['2024-01-05', '2024-01-03']);
  });

  it('reads dates in many forms and infers the year of short ones', () => {
    const html = `<div class="list"><ul>
<li><a href="a1.html">第一篇文章标题示例文字</a> 2024年3月5日</li>
<li><a href="a2.html">第二篇文章标题示例文字</a> [03-01]</li>
<li><a href="a3.html">第三篇文章标题示例文字</a> (2024/2/7)</li>
<li><a href="a4.html">第四篇文章标题示例文字</a> 01-02</li>
<li><a href="a5.html">第五篇文章标题示例文字</a> 12-28</li>
</ul></div>`;
    const r = findArticleLinks(html, base, { now: NOW });
    expect(r.items.map((i) => i.publishedAt)).toEqual(['2024-03-05', '2024-03-01', '2024-02-07', '2024-01-02', '2023-12-28']);
  });

  it('follows ?page=N and &pageNo=N with 尾页 to the last page', () => {
    const html = `<table><tr><td><a href="show.asp?id=1">一篇足够长的文章标题甲</a></td><td>2024-03-01</td></tr><tr><td><a href="show.asp?id=2">一篇足够长的文章标题乙</a></td><td>2024-02-01</td></tr></table>
<div>共 5 页 <a href="list.asp?cid=3&amp;pageNo=2">下一页</a> <a href="list.asp?cid=3&amp;pageNo=5">尾页</a></div>`;
    const r = findArticleLinks(html, 'http://cms.example.cn/list.asp?cid=3', { now: NOW });
    expect(r.nextPages).toEqual([2, 3, 4, 5].map((n) => `http://cms.example.cn/list.asp?cid=3&pageNo=${n}`));
    expect(r.pageCount).toBe(5);
    expect(r.items.map((i) => i.url)).toEqual(['http://cms.example.cn/show.asp?id=1', 'http://cms.example.cn/show.asp?id=2']);
  });

  it('ignores javascript: links, navigation and 相关 lists', () => {
    const html = `<ul class="nav"><li><a href="/a/">首页栏目一</a></li><li><a href="/b/">首页栏目二</a></li><li><a href="/c/">首页栏目三</a></li></ul>
<div class="main"><ul><li><a href="javascript:void(0)">脚本链接不应出现在结果里</a><span>2024-03-01</span></li><li><a href="/x/1.html">真正的文章标题第一篇</a><span>2024-03-01</span></li><li><a href="/x/2.html">真正的文章标题第二篇</a><span>2024-02-11</span></li></ul></div>
<div class="related"><h3>相关文章</h3><ul><li><a href="/y/1.html">相关文章标题一二三四</a><span>2024-01-01</span></li><li><a href="/y/2.html">相关文章标题五六七八</a><span>2024-01-02</span></li></ul></div>`;
    const r = findArticleLinks(html, base, { now: NOW });
    expect(r.items.map((i) => i.url)).toEqual(['http://cms.example.cn/x/1.html', 'http://cms.example.cn/x/2.html']);
  });
});
