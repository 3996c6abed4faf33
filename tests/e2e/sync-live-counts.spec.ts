/**
 * A run's counts are live: the first batch's 新增 shows while the run still fetches (one page is
 * held open by the test), and the run ends once, at 100%. The same run survives a reload of the
 * page: the reloaded page takes it up, and every article is stored once.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';

let server: http.Server | null = null;
test.afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

function articlePage(n: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>学习文章第${n}篇</title></head><body>
<div class="article"><h1>学习文章第${n}篇</h1><div class="info">发布时间：2024-03-01</div>
<div class="content"><p>第${n}篇：坚持理论学习与工作实践相结合，推动学习成果转化。</p><p>第${n}篇：各支部按计划开展专题研讨，形成学习记录。</p></div></div></body></html>`;
}

/** A column of 21 articles; the 21st page is held open until `release()` (20 make the first batch). */
async function heldColumn(): Promise<{ listUrl: string; release: () => void; heldAsked: () => number }> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  let heldAsked = 0;
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const send = (body: string) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    if (path === '/robots.txt') return send('User-agent: *\nAllow: /\n');
    if (path === '/col/') {
      const items = Array.from(
        { length: 21 },
        (_, i) => `<li><a href="/col/${i + 1}.html">学习文章第${i + 1}篇</a><span>2024-03-01</span></li>`,
      );
      return send(
        `<!doctype html><html><head><meta charset="utf-8"><title>学习园地</title></head><body><ul>${items.join('')}</ul></body></html>`,
      );
    }
    const m = /^\/col\/(\d+)\.html$/.exec(path);
    if (!m) {
      res.writeHead(404);
      return res.end();
    }
    const n = Number(m[1]);
    if (n === 21) {
      heldAsked++;
      void held.then(() => send(articlePage(n)));
      return;
    }
    send(articlePage(n));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const listUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/col/`;
  return { listUrl, release, heldAsked: () => heldAsked };
}

test('新增 counts up with each stored batch while the run goes on; the end is 100%', async ({ app }) => {
  // 20 articles make the first batch; the 21st is held until the test lets it go.
  const { listUrl, release, heldAsked } = await heldColumn();

  await app.getByRole('link', { name: '来源' }).click();
  await app.getByText('抓取设置').click();
  await app.getByLabel('同一网站两次请求的间隔（毫秒）').fill('0');
  // Out of range: a visible message, nothing saved, nothing silently clamped.
  const settingsAlert = app.locator('.sync-settings').getByRole('alert');
  await app.getByLabel('日常同步最多读取的列表页数').fill('1000');
  await expect(settingsAlert).toHaveText('日常同步最多读取的列表页数应为 1 到 100 之间的整数。未保存，仍按上次保存的设置同步。');
  await app.getByLabel('日常同步最多读取的列表页数').fill('3');
  await expect(settingsAlert).toHaveCount(0);
  await app.getByRole('button', { name: '添加来源' }).click();
  await app.getByLabel('网址或文件夹路径').fill(listUrl);
  await app.getByRole('textbox', { name: '名称' }).fill('学习园地');
  await app.getByRole('button', { name: '保存' }).click();

  const card = app.getByTestId('source-card');
  await card.getByRole('button', { name: '立即同步' }).click();
  const progress = card.getByTestId('sync-progress');
  // The first batch is stored while the 21st page is still held open: 新增 20, not 0, mid-run.
  await expect(progress).toContainText('新增 20', { timeout: 30_000 });
  await expect.poll(heldAsked).toBe(1);
  await expect(progress).toHaveAttribute('data-phase', 'fetching');
  const mid = Number(await progress.getByRole('progressbar').getAttribute('aria-valuenow'));
  expect(mid).toBeGreaterThan(0);
  expect(mid).toBeLessThan(100);

  release();
  await expect(progress).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  await expect(progress).toContainText('新增 21');
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(card).toContainText('共 21 篇 · 上次新增 21');
});

// Issue 15 item 9: the page is reloaded while the run still fetches; the reloaded page takes it up.
test('a sync survives a reload of the page: the run is taken up and every article is stored once', async ({ app }) => {
  const { listUrl, release, heldAsked } = await heldColumn();

  await app.getByRole('link', { name: '来源' }).click();
  await app.getByText('抓取设置').click();
  await app.getByLabel('同一网站两次请求的间隔（毫秒）').fill('0');
  await app.getByRole('button', { name: '添加来源' }).click();
  await app.getByLabel('网址或文件夹路径').fill(listUrl);
  await app.getByRole('textbox', { name: '名称' }).fill('学习园地');
  await app.getByRole('button', { name: '保存' }).click();
  const card = app.getByTestId('source-card');
  await card.getByRole('button', { name: '立即同步' }).click();
  await expect(card.getByTestId('sync-progress')).toContainText('新增 20', { timeout: 30_000 });
  await expect.poll(heldAsked).toBe(1);

  await app.reload();
  await app.getByRole('link', { name: '来源' }).click();
  const again = app.getByTestId('source-card');
  // The reloaded page shows the run that is still going on.
  await expect(again.getByTestId('sync-progress')).toHaveAttribute('data-phase', 'fetching', { timeout: 30_000 });
  release();
  await expect(again.getByTestId('sync-progress')).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  await expect(again).toContainText('共 21 篇');
  // Every article once: the batch sent before the reload was not written twice.
  const titles = await app.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onsuccess = () => {
          const all = open.result.transaction('articles').objectStore('articles').getAll();
          all.onsuccess = () => resolve((all.result as { title: string }[]).map((a) => a.title).filter((t) => t.startsWith('学习文章第')));
          all.onerror = () => reject(all.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  expect(titles).toHaveLength(21);
  expect(new Set(titles).size).toBe(21);
});
