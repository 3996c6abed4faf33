import { readFile } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import { decodeBytes } from '../services/extract/decode';
import { canonicalUrl, requestUrl } from '../services/sync/canonical';
import { decodeFeed, looksLikeFeed, parseFeed } from '../services/sync/feeds';
import { FetchError, HttpClient } from '../services/sync/http-client';
import { policyForSource } from '../services/sync';
import { findArticleLinks } from '../services/sync/list-page';
import { originOf } from '../services/sync/net-policy';
import { parseArgs, registerCommand } from './registry';

const DEFAULT_MAX_PAGES = 10;

registerCommand(
  'crawl',
  '<list-page-url> [--max-pages N] [--delay 毫秒] [--allow <网站>] [--url <页面地址>]  列出栏目文章，每篇一行 JSON / list a column’s articles, one JSON line each',
  async (args) => {
    const { positionals, options } = parseArgs(args);
    const target = positionals[0];
    if (!target) throw new AppError('E_INVALID_ARGUMENT', '请提供栏目列表页网址。');
    const maxPages = Number(options.get('max-pages') ?? DEFAULT_MAX_PAGES);
    if (!Number.isInteger(maxPages) || maxPages < 1 || maxPages > 1000)
      throw new AppError('E_INVALID_ARGUMENT', '--max-pages 应为 1 到 1000 之间的整数。');
    const delay = Number(options.get('delay') ?? 300);
    if (!Number.isFinite(delay) || delay < 0) throw new AppError('E_INVALID_ARGUMENT', '--delay 应为非负毫秒数。');
    // The same policy as a sync of this column: its own site, plus --allow origins (comma-separated).
    const allowedHosts = (options.get('allow') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    for (const h of allowedHosts) {
      if (!originOf(h)) throw new AppError('E_INVALID_ARGUMENT', `--allow 应为 http(s) 网站地址：${h}`);
    }
    const client = new HttpClient({
      delayMs: delay,
      policy: /^https?:\/\//i.test(target) ? policyForSource({ location: target, allowedHosts }) : undefined,
    });
    const refusedSeen = new Set<string>();
    /** Off-policy links are reported on stderr (once each), never listed or requested. */
    const permitted = (url: string, where: string): boolean => {
      const refused = client.policy.check(url);
      if (!refused) return true;
      if (!refusedSeen.has(url)) {
        refusedSeen.add(url);
        process.stderr.write(`E_FORBIDDEN: ${refused.reason}：${url}（${where}）\n`);
      }
      return false;
    };
    const printed = new Set<string>();
    const print = (url: string, title: string, publishedAt: string | null) => {
      if (printed.has(url)) return;
      printed.add(url);
      process.stdout.write(`${JSON.stringify({ url, title, publishedAt })}\n`);
    };

    // A local file: parse it as one list page (links resolved against --url when given).
    if (!/^https?:\/\//i.test(target)) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(target));
      } catch (cause) {
        throw new AppError('E_NOT_FOUND', `无法读取文件：${target}`, { cause });
      }
      const base = options.get('url') ?? 'http://localhost/';
      const list = findArticleLinks(decodeBytes(bytes, null).text, canonicalUrl(base) ?? base);
      for (const item of list.items) print(item.url, item.title, item.publishedAt);
      process.stderr.write(`共 ${printed.size} 篇（1 页）\n`);
      return 0;
    }

    const start = canonicalUrl(target);
    const startRequest = requestUrl(target);
    if (!start || !startRequest) throw new AppError('E_INVALID_ARGUMENT', `网址无效：${target}`);
    // Pages to request, as given or linked; `queued` holds their keys.
    const queue = [startRequest];
    const queued = new Set([start]);
    let pages = 0;
    let failed = 0;
    while (queue.length > 0 && pages < maxPages) {
      const url = queue.shift()!;
      pages++;
      let res;
      try {
        res = await client.get(url);
      } catch (error) {
        if (pages === 1) throw error;
        failed++;
        process.stderr.write(`${error instanceof FetchError ? `${error.code}: ${error.message}` : String(error)}\n`);
        continue;
      }
      const feedText = decodeFeed(res.bytes, res.contentType);
      if (pages === 1 && looksLikeFeed(feedText)) {
        const feed = parseFeed(feedText, res.finalUrl);
        for (const item of feed.items) {
          client.policy.allow(item.url);
          if (permitted(item.url, `订阅源 ${url}`)) print(item.url, item.title, item.publishedAt);
        }
        process.stderr.write(`订阅源：共 ${printed.size} 篇\n`);
        return 0;
      }
      const list = findArticleLinks(decodeBytes(res.bytes, res.contentType).text, res.finalUrl);
      const before = printed.size;
      for (const item of list.items) if (permitted(item.url, `列表页 ${url}`)) print(item.url, item.title, item.publishedAt);
      process.stderr.write(
        `第 ${pages} 页 ${url}：${list.items.length} 条链接，新增 ${printed.size - before} 篇${list.pageCount ? `（共 ${list.pageCount} 页）` : ''}\n`,
      );
      for (const p of list.offsitePages) permitted(p, `列表页 ${url} 的翻页链接`);
      for (const p of list.nextPages) {
        const key = canonicalUrl(p) ?? p;
        if (!queued.has(key) && permitted(p, `列表页 ${url} 的翻页链接`)) {
          queued.add(key);
          queue.push(p);
        }
      }
    }
    process.stderr.write(
      `完成：${pages} 页，${printed.size} 篇${failed ? `，${failed} 页失败` : ''}${refusedSeen.size ? `，${refusedSeen.size} 个链接不在允许范围内未抓取` : ''}；请求 ${client.stats.requests} 次\n`,
    );
    return 0;
  },
);
