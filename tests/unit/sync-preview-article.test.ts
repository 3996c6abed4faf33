/**
 * 试抓取 (issue 16): the preview reads the first article as the sync would and reports its title,
 * date, 来源, length and confidence; a page extraction is unsure of, or cannot read, says so.
 * Real HTTP on 127.0.0.1.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as v from 'valibot';
import { LOW_EXTRACT_CONFIDENCE, SourcePreviewSchema } from '../../shared/domain/sync';
import { previewSource } from '../../main/services/sync';
import { HttpClient } from '../../main/services/sync/http-client';
import { NetPolicy } from '../../main/services/sync/net-policy';

const P = '各支部要把理论学习摆在突出位置，按计划组织集体学习，做好学习记录，确保学习取得实效。学习中遇到的问题，请及时向党委办公室反映。';
const list = (links: string[]) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告</title></head><body><div class="main"><ul class="list">${links
    .map((href, i) => `<li><a href="${href}">第${i + 1}期学习简报</a><span>2025-01-1${i + 1}</span></li>`)
    .join('')}</ul></div></body></html>`;

const pages: Record<string, string> = {
  '/good/': list(['/good/content_1.html', '/good/content_2.html']),
  '/good/content_1.html': `<!DOCTYPE html><html><head><meta charset="utf-8"><title>第1期学习简报</title></head><body><div class="nav"><a href="/">首页</a></div><h1>第1期学习简报</h1><div class="info">发布时间：2025-01-11\u3000来源：党委办公室</div><div class="content"><p>${P}</p><p>${P}</p><p>${P}</p></div><div class="footer">版权所有 某某集团</div></body></html>`,
  // A page of link lists with one short line: no article a reader would trust.
  '/thin/': list(['/thin/content_1.html']),
  '/thin/content_1.html': `<!DOCTYPE html><html><head><meta charset="utf-8"><title>专题</title></head><body><div><a href="/a">学习动态</a> <a href="/b">支部风采</a> <a href="/c">通知公告</a></div><div>请点击左侧栏目查看。</div></body></html>`,
  '/gone/': list(['/gone/missing.html']),
};

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const body = pages[new URL(req.url ?? '/', base).pathname];
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () =>
  new HttpClient({ delayMs: 0, timeoutMs: 10_000, backoffMs: 10, retries: 0, robots: false, policy: new NetPolicy({ allow: [base] }) });

it('reports the first article as extraction reads it, within the contract', async () => {
  const p = await previewSource(client(), `${base}/good/`, undefined);
  expect(p.kind).toBe('cms');
  expect(p.items).toHaveLength(2);
  expect(p.firstArticle).toMatchObject({
    url: `${base}/good/content_1.html`,
    title: '第1期学习简报',
    publishedAt: '2025-01-11',
    origin: '党委办公室',
    chars: P.length * 3,
    error: null,
  });
  expect(p.firstArticle!.confidence).toBeGreaterThanOrEqual(LOW_EXTRACT_CONFIDENCE);
  expect(v.safeParse(SourcePreviewSchema, p).success).toBe(true);
});

it('flags a first article extraction is unsure of', async () => {
  const p = await previewSource(client(), `${base}/thin/`, undefined);
  expect(p.firstArticle?.error).toBeNull();
  expect(p.firstArticle!.confidence).toBeLessThan(LOW_EXTRACT_CONFIDENCE);
});

it('says why the first article could not be read, and still returns the list', async () => {
  const p = await previewSource(client(), `${base}/gone/`, undefined);
  expect(p.items).toHaveLength(1);
  expect(p.firstArticle).toMatchObject({ url: `${base}/gone/missing.html`, title: '', chars: 0, confidence: 0 });
  expect(p.firstArticle!.error).toMatch(/404/);
  expect(v.safeParse(SourcePreviewSchema, p).success).toBe(true);
});

it('a preview without firstArticle (an older host) still fits the contract', () => {
  expect(v.safeParse(SourcePreviewSchema, { kind: 'cms', title: null, items: [], pageCount: null }).success).toBe(true);
});
