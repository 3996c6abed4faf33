/**
 * Issue 16: an article the extractor is unsure of is still kept, and the sync log says so (with
 * its address) so the user can check it; sure articles log nothing of the kind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runSync } from './helpers/sync-run';

const prose = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<p>第${i + 1}段：中心组成员围绕专题逐一交流发言，结合分管工作谈认识、讲打算，会议对下一步学习作出安排。</p>`,
  ).join('');

const article = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="nav"><a href="/">首页</a></div><h1>${title}</h1><div class="info">发布时间：2024-03-05\u3000来源：机关党委</div><div class="content">${body}</div></body></html>`;

// A page that is mostly a link list with a little text: extraction keeps what there is, unsure.
const unsure = `<!doctype html><html><head><meta charset="utf-8"><title>专题链接汇总</title></head><body><h1>专题链接汇总</h1><ul>${Array.from(
  { length: 30 },
  (_, i) => `<li><a href="/x/${i}.html">学习专题链接标题第${i + 1}条</a></li>`,
).join('')}</ul><p>以上链接供学习参考。</p></body></html>`;

const pages: Record<string, string> = {
  '/list/': `<!doctype html><html><head><meta charset="utf-8"><title>学习园地</title></head><body><ul class="list">
<li><a href="/a/1.html">理论学习中心组召开专题学习会</a><span>2024-03-05</span></li>
<li><a href="/a/2.html">专题链接汇总</a><span>2024-03-04</span></li>
<li><a href="/a/3.html">支部开展主题党日活动</a><span>2024-03-03</span></li>
</ul></body></html>`,
  '/a/1.html': article('理论学习中心组召开专题学习会', prose(5)),
  '/a/2.html': unsure,
  '/a/3.html': article('支部开展主题党日活动', prose(4)),
};

let server: Server;
let base: string;
let dataDir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = pages[req.url ?? ''];
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dataDir = mkdtempSync(path.join(tmpdir(), 'yandu-lowconf-'));
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dataDir, { recursive: true, force: true });
});

it('logs a low-confidence article as a warning with its address and still keeps it', async () => {
  const { logs, batches } = await runSync(
    { id: 'lowconf', kind: 'cms', location: `${base}/list/`, name: '测试站', column: '学习园地' },
    { dataDir, maxPages: 5, runId: 'run_lowconf' },
  );
  const low = logs.filter((l) => l.code === 'W_LOW_CONFIDENCE');
  expect(low.map((l) => l.url)).toEqual([`${base}/a/2.html`]);
  expect(low[0]!.level).toBe('warning');
  expect(low[0]!.message).toMatch(/正文提取把握较低（\d+%）/);
  const titles = batches.flatMap((b) => b.articles.map((a) => a.title)).sort();
  expect(titles).toEqual(['专题链接汇总', '支部开展主题党日活动', '理论学习中心组召开专题学习会'].sort());
});
