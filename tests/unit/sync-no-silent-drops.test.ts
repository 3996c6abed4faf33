/**
 * Issue 12, "no silent drops": every item a sync sees ends stored or as a log line with its URL
 * (or file) and a Chinese reason. Real HTTP on 127.0.0.1 (the fixture CMS world), real files.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUrlKey } from '../../main/services/sync/canonical';
import { HttpClient } from '../../main/services/sync/http-client';
import type { ArticlePayload } from '../../shared/domain/article';
import type { SourceSpec, SyncCounts, SyncLogEntry } from '../../shared/domain/sync';
import { startCmsWorld, type CmsWorld } from '../fixtures/cms-world';
import { makePng } from '../fixtures/cms-world/images';
import { mixedFeedSite, mixedListSite, type ExpectedItem } from '../fixtures/cms-world/mixed';
import { runSync } from './helpers/sync-run';

const feed = mixedFeedSite();
const list = mixedListSite();
let world: CmsWorld;
let dataDir: string;

beforeAll(async () => {
  world = await startCmsWorld({ sites: [feed.site, list.site] });
  dataDir = mkdtempSync(path.join(tmpdir(), 'yandu-drops-'));
});
afterAll(async () => {
  await world.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Outcome {
  articles: ArticlePayload[];
  logs: SyncLogEntry[];
  counts: SyncCounts;
}

async function run(source: Omit<SourceSpec, 'id' | 'name' | 'column'>): Promise<Outcome> {
  const client = new HttpClient({ delayMs: 0, timeoutMs: 15_000, backoffMs: 10, retries: 0 });
  const { articles, logs, summary } = await runSync(
    { id: 'drops', name: '测试来源', column: null, ...source },
    { dataDir, client, maxPages: 5, runId: 'run_drops' },
  );
  return { articles, logs, counts: summary.counts };
}

const CHINESE = /[\u4e00-\u9fff]{2,}/;

/**
 * Matches every expected item to its fate and checks stored + logged accounts for all of them,
 * each exactly once.
 */
function account(outcome: Outcome, expected: ExpectedItem[], idOf: (e: ExpectedItem) => string): void {
  const storedBy = new Map(outcome.articles.map((a) => [a.url ?? a.urlKey, a]));
  let stored = 0;
  let logged = 0;
  for (const e of expected) {
    const id = idOf(e);
    const article = storedBy.get(id) ?? outcome.articles.find((a) => a.urlKey === id);
    const lines = outcome.logs.filter((l) => (e.by === 'title' ? l.message.includes(`《${id}》`) : l.url === id || l.url?.startsWith(id)));
    if (e.fate === 'stored') {
      expect(article, `${id} is stored`).toBeDefined();
      stored++;
      if (e.text) expect(article!.text, id).toContain(e.text);
      if (e.title) expect(article!.title, id).toBe(e.title);
      if (e.warned)
        expect(
          lines.some((l) => e.warned!.test(l.message)),
          `${id} also warned`,
        ).toBe(true);
      else
        expect(
          lines.filter((l) => l.level !== 'info'),
          `${id} has no warning`,
        ).toEqual([]);
    } else {
      // A repeat is not stored a second time; anything else is not stored at all.
      if (e.repeat) expect(outcome.articles.filter((a) => a.url === id).length, id).toBe(1);
      else expect(article, `${id} is not stored`).toBeUndefined();
      const reasons = lines.filter((l) => e.reason!.test(l.message));
      expect(reasons.length, `${id} has one log line: ${JSON.stringify(outcome.logs)}`).toBe(1);
      const line = reasons[0]!;
      logged++;
      expect(line.url, id).toBeTruthy();
      expect(line.message, id).toMatch(CHINESE);
      // The line names the item: its URL or file (or, with neither, its title).
      const named = e.by === 'title' ? [`《${id}》`] : [id, id.replace(/^file:/, '')];
      expect(
        named.some((n) => line.message.includes(n)),
        `${line.message} names ${id}`,
      ).toBe(true);
    }
  }
  expect(stored + logged).toBe(expected.length);
  expect(outcome.articles.length).toBe(stored);
}

describe('no silent drops', () => {
  it('a feed: every item is stored or logged with its URL and a Chinese reason', async () => {
    const outcome = await run({ kind: 'feed', location: world.abs(feed.site.listPath) });
    const feedUrl = world.abs(feed.site.listPath);
    account(outcome, feed.expected, (e) => (e.by === 'title' ? e.id : /^[a-z]+:/i.test(e.id) ? e.id : world.key(e.id)));
    // The item with no link is logged against the feed itself.
    expect(outcome.logs.find((l) => l.message.includes('《没有链接的条目》'))?.url).toBe(feedUrl);
    expect(outcome.counts.found).toBe(feed.expected.length);
  });

  it('a list page: every article row is stored or logged', async () => {
    const outcome = await run({ kind: 'cms', location: world.abs(list.site.listPath) });
    account(outcome, list.expected, (e) => (/^[a-z]+:/i.test(e.id) ? e.id : world.key(e.id)));
    expect(outcome.counts.found).toBe(list.expected.length);
  });

  it('a list page with no article links says so', async () => {
    const url = world.abs('/mlist/empty/index.html');
    const outcome = await run({ kind: 'cms', location: url });
    expect(outcome.articles).toEqual([]);
    expect(outcome.logs.map((l) => [l.level, l.url])).toEqual([['warning', world.key('/mlist/empty/index.html')]]);
    expect(outcome.logs[0]!.message).toMatch(/没有找到文章链接/);
  });

  it('a folder: every document is stored or logged with its file name', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yandu-drops-folder-'));
    try {
      const para = '各级党组织要深入把握理论学习的系统性和针对性，切实把学习成果转化为工作实效。';
      writeFileSync(path.join(dir, '好的文本.txt'), iconv.encode(`关于理论学习的体会\n\n${para}\n\n${para}`, 'gbk'));
      writeFileSync(path.join(dir, '空白.txt'), ' \n\n \u3000\n');
      writeFileSync(path.join(dir, '损坏.docx'), Buffer.from('PK\u0003\u0004 this is not really a zip file'));
      writeFileSync(path.join(dir, '空网页.html'), '<html><head><title>空网页</title></head><body><div></div></body></html>');
      writeFileSync(path.join(dir, '会议纪要.pdf'), Buffer.from('%PDF-1.4\n%%EOF\n'));
      mkdirSync(path.join(dir, '网页_files'));
      writeFileSync(path.join(dir, '网页_files', 'logo.png'), makePng(2, 2, [1, 2, 3]));
      writeFileSync(path.join(dir, '网页_files', 'style.css'), 'p{}');
      writeFileSync(
        path.join(dir, '好的网页.html'),
        `<html><head><title>好的网页</title></head><body><h1>好的网页</h1><p>网页文件的第一段：${para}</p><p>${para}</p></body></html>`,
      );
      const expected: ExpectedItem[] = [
        { id: '好的文本.txt', by: 'path', fate: 'stored', text: '各级党组织' },
        { id: '空白.txt', by: 'path', fate: 'logged', reason: /没有正文/ },
        { id: '损坏.docx', by: 'path', fate: 'logged', reason: /无法读取|损坏/ },
        { id: '空网页.html', by: 'path', fate: 'logged', reason: /没有正文|为空/ },
        { id: '会议纪要.pdf', by: 'path', fate: 'logged', reason: /暂不支持导入（\.pdf）|\.pdf/ },
        { id: '好的网页.html', by: 'path', fate: 'stored', text: '网页文件的第一段' },
      ];
      const outcome = await run({ kind: 'folder', location: dir });
      account(
        outcome,
        expected.map((e) => ({ ...e })),
        (e) => fileUrlKey(path.join(dir, e.id)),
      );
      // The log names the file by its path, and assets of a saved page are not reported.
      for (const l of outcome.logs) expect(l.message).toContain(dir);
      expect(outcome.logs.some((l) => /logo\.png|style\.css/.test(l.message))).toBe(false);
      expect(outcome.counts.found).toBe(expected.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
