/**
 * The library follows the data: a packet import, a sync batch and a write from a second tab
 * show in the library's count and list without reloading the page. Each test marks the page's
 * window and checks the mark is still there at the end, so a reload cannot pass for an update.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { buildPacket } from './gap-helpers';

const count = (page: Page) => page.getByTestId('library-count');

async function libraryTotal(page: Page): Promise<number> {
  const text = (await count(page).textContent()) ?? '';
  const m = /共 (\d+) 篇/.exec(text);
  if (!m) throw new Error(`unexpected count text: ${text}`);
  return Number(m[1]);
}

async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __sameWindow: boolean }).__sameWindow = true));
}

async function sameWindow(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __sameWindow?: boolean }).__sameWindow === true);
}

test('a packet import shows in the library count and list without a reload', async ({ app }) => {
  const before = await libraryTotal(app);
  await markWindow(app);
  const packet = buildPacket({
    id: 'p_live_01',
    sessionId: 's_live_01',
    title: '文库实时更新资料包',
    articles: [
      { id: 'pk_live_0001', title: '实时更新第一篇', html: '<p>学习资料包中的第一篇文章，导入后文库立即显示。</p>' },
      { id: 'pk_live_0002', title: '实时更新第二篇', html: '<p>学习资料包中的第二篇文章，不必刷新页面。</p>' },
    ],
  });
  await app.getByRole('link', { name: '资料包' }).click();
  await app.getByTestId('pk-file').setInputFiles({ name: '实时更新.yandu', mimeType: 'application/octet-stream', buffer: packet });
  await expect(app.getByTestId('pk-preview').last()).toContainText('重点摘编');
  await app.getByRole('button', { name: '确认导入' }).click();
  await expect(app.getByTestId('pk-done')).toBeVisible();

  await app.getByRole('link', { name: '文库' }).click();
  await expect(count(app)).toHaveText(`共 ${before + 2} 篇`);
  await app.getByLabel('筛选标题、来源、栏目').fill('实时更新');
  await expect(app.getByTestId('article-row')).toHaveCount(2);
  expect(await sameWindow(app)).toBe(true);
});

let server: http.Server | null = null;
test.afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

test('sync batches show in the open library while the run goes on, without a reload', async ({ app }) => {
  // 20 articles make the first batch; the 21st is held until the library has shown the first.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const send = (body: string) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    if (url === '/robots.txt') return send('User-agent: *\nAllow: /\n');
    if (url === '/col/') {
      const items = Array.from(
        { length: 21 },
        (_, i) => `<li><a href="/col/${i + 1}.html">同步实时第${i + 1}篇</a><span>2024-03-01</span></li>`,
      );
      return send(
        `<!doctype html><html><head><meta charset="utf-8"><title>学习园地</title></head><body><ul>${items.join('')}</ul></body></html>`,
      );
    }
    const m = /^\/col\/(\d+)\.html$/.exec(url);
    if (!m) {
      res.writeHead(404);
      return res.end();
    }
    const n = Number(m[1]);
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>同步实时第${n}篇</title></head><body>
<div class="article"><h1>同步实时第${n}篇</h1><div class="info">发布时间：2024-03-01</div>
<div class="content"><p>第${n}篇：坚持理论学习与工作实践相结合，推动学习成果转化。</p><p>第${n}篇：各支部按计划开展专题研讨，形成学习记录。</p></div></div></body></html>`;
    if (n === 21) void held.then(() => send(page));
    else send(page);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const listUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/col/`;

  const before = await libraryTotal(app);
  await markWindow(app);
  await app.getByRole('link', { name: '来源' }).click();
  await app.getByText('抓取设置').click();
  await app.getByLabel('同一网站两次请求的间隔（毫秒）').fill('0');
  await app.getByRole('button', { name: '添加来源' }).click();
  await app.getByLabel('网址或文件夹路径').fill(listUrl);
  await app.getByRole('textbox', { name: '名称' }).fill('学习园地');
  await app.getByRole('button', { name: '保存' }).click();
  // The new source appears through its live query.
  const card = app.getByTestId('source-card');
  await expect(card).toHaveCount(1);
  await card.getByRole('button', { name: '立即同步' }).click();
  await expect(card.getByTestId('sync-progress')).toBeVisible();

  // The library is open while the run is still fetching: the first batch arrives in it.
  await app.getByRole('link', { name: '文库' }).click();
  await expect(count(app)).toHaveText(`共 ${before + 20} 篇`, { timeout: 30_000 });
  await app.getByLabel('筛选标题、来源、栏目').fill('同步实时');
  await expect(count(app)).toHaveText(`20 / ${before + 20} 篇`);
  release();
  await expect(count(app)).toHaveText(`21 / ${before + 21} 篇`, { timeout: 30_000 });
  await expect(app.getByTestId('article-row').filter({ hasText: '同步实时第21篇' })).toHaveCount(1);
  expect(await sameWindow(app)).toBe(true);
});

test('a write in a second tab shows in the first without a reload', async ({ app, context }) => {
  const before = await libraryTotal(app);
  await markWindow(app);
  const second = await context.newPage();
  await second.goto(app.url());
  await expect(second.getByTestId('article-row').first()).toBeVisible();
  await second.getByTestId('import-input').setInputFiles({
    name: '另一个标签页.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('另一个标签页导入的文章\n\n这篇文章在第二个标签页导入，第一个标签页的文库应当随之更新，无需刷新。\n', 'utf8'),
  });
  await expect(second.getByTestId('import-status')).toContainText('1');
  await expect(count(second)).toHaveText(`共 ${before + 1} 篇`);

  // The first tab learns of the write through the database, not through a reload.
  await expect(count(app)).toHaveText(`共 ${before + 1} 篇`);
  await app.getByLabel('筛选标题、来源、栏目').fill('另一个标签页');
  await expect(app.getByTestId('article-row')).toHaveCount(1);
  expect(await sameWindow(app)).toBe(true);
  await second.close();
});
