import { startCmsWorld, type CmsWorld } from '../fixtures/cms-world';
import { expect, test } from './fixtures';

let world: CmsWorld | null = null;
test.afterEach(async () => {
  await world?.close();
  world = null;
});

test('add a source in the UI, sync it, stop the server, read the articles offline with their pictures', async ({ app, host, requests }) => {
  world = await startCmsWorld();
  const site = world.sites.find((s) => s.family === 'TRS WCM')!;
  const withImage = site.articles.find((a) => a.images.length > 0)!;
  const listUrl = world.abs(site.listPath);

  await app.getByRole('link', { name: '来源' }).click();
  await expect(app.getByText('还没有来源')).toBeVisible();

  // Fetch politely but quickly in a test: no delay between requests.
  await app.getByText('抓取设置').click();
  await app.getByLabel('同一网站两次请求的间隔（毫秒）').fill('0');
  await app.getByLabel('日常同步最多读取的列表页数').fill('10');

  await app.getByRole('button', { name: '添加来源' }).click();
  await app.getByLabel('网址或文件夹路径').fill(listUrl);
  await app.getByRole('button', { name: '试抓取' }).click();
  const preview = app.getByTestId('source-preview');
  await expect(preview).toContainText('网站栏目');
  await expect(preview.locator('li').first()).toBeVisible();
  // The first article as extraction reads it: its title, 来源 and a confidence.
  const first = preview.getByTestId('source-preview-article');
  await expect(first).toContainText('首篇文章：');
  await expect(first).toContainText(/可信度 [01]\.\d\d/);
  const firstTitle = (await first.locator('strong').textContent()) ?? '';
  expect(site.articles.map((a) => a.title)).toContain(firstTitle);
  await app.getByRole('textbox', { name: '栏目', exact: true }).fill('党务公开');
  await app.getByRole('button', { name: '保存' }).click();

  const card = app.getByTestId('source-card');
  await expect(card).toHaveCount(1);
  await card.getByRole('button', { name: '立即同步' }).click();
  await expect(card.getByTestId('sync-progress')).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  await expect(card).toContainText(`共 ${site.articles.length} 篇`);

  // Offline from here on: the site is gone.
  await world.close();
  world = null;

  await app.getByRole('link', { name: '文库' }).click();
  await app.getByRole('searchbox', { name: /筛选/ }).fill(withImage.title);
  await app.getByTestId('article-row').first().locator('a').click();
  await expect(app.locator('.article-title')).toHaveText(withImage.title);
  await expect(app.locator('.article-meta')).toContainText(withImage.origin);
  const img = app.getByTestId('article-body').locator('img').first();
  await expect(img).toHaveAttribute('src', /^media\/[0-9a-f]{64}\.png$/);
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);

  const foreign = requests.filter((u) => !u.startsWith(host.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign).toEqual([]);

  // A second sync while the site is down fails with a logged reason and changes nothing.
  await app.getByRole('link', { name: '来源' }).click();
  await card.getByRole('button', { name: '立即同步' }).click();
  await expect(card.getByRole('button', { name: '停止' })).toBeVisible();
  await expect(card.getByRole('button', { name: '立即同步' })).toBeVisible({ timeout: 60_000 });
  await expect(card.getByTestId('sync-progress')).toHaveAttribute('data-phase', 'failed');
  await expect(card.getByTestId('source-error')).not.toBeEmpty();
  await expect(card).toContainText(`共 ${site.articles.length} 篇`);
  await card.getByText(/同步日志/).click();
  await expect(card.locator('.sync-log li.error').first()).toContainText(new URL(listUrl).host);
  await app.screenshot({ path: 'test-results/sources.png' });
});

test('a re-sync that brings a corrected article moves its highlights; one on removed words becomes an orphan', async ({ app }) => {
  world = await startCmsWorld();
  const site = world.sites.find((s) => s.family === 'TRS WCM')!;
  const article = site.articles.find((a) => a.paragraphs.length >= 3)!;

  await app.getByRole('link', { name: '来源' }).click();
  await app.getByText('抓取设置').click();
  await app.getByLabel('同一网站两次请求的间隔（毫秒）').fill('0');
  await app.getByLabel('日常同步最多读取的列表页数').fill('10');
  await app.getByRole('button', { name: '添加来源' }).click();
  await app.getByLabel('网址或文件夹路径').fill(world.abs(site.listPath));
  await app.getByLabel('名称').fill('党务公开');
  await app.getByRole('button', { name: '保存' }).click();
  const card = app.getByTestId('source-card');
  await card.getByRole('button', { name: '立即同步' }).click();
  await expect(card.getByTestId('sync-progress')).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });

  // A highlight in the article's second paragraph, written as the reader would store it.
  const urlKey = world.key(article.path);
  const placed = await app.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('yandu');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const get = <T>(store: string, index: string | null, k: IDBValidKey) =>
      new Promise<T>((resolve, reject) => {
        const s = db.transaction(store).objectStore(store);
        const req = index ? s.index(index).get(k) : s.get(k);
        req.onsuccess = () => resolve(req.result as T);
        req.onerror = () => reject(req.error);
      });
    const row = await get<{ id: string; version: number }>('articles', 'urlKey', key);
    const body = await get<{ text: string }>('bodies', null, row.id);
    const lines = body.text.split('\n');
    const second = lines.findIndex((l, i) => i > 0 && l.length > 30);
    const start = lines.slice(0, second).join('\n').length + 1 + 4;
    const end = start + 16;
    const selector = {
      exact: body.text.slice(start, end),
      prefix: body.text.slice(start - 32, start),
      suffix: body.text.slice(end, end + 32),
      start,
      end,
    };
    const now = new Date().toISOString();
    const rows = [
      { id: 'h_keep', selector },
      // Words no version of the article will contain: it must end up an orphan.
      {
        id: 'h_gone',
        selector: { ...selector, exact: '这一句在任何版本里都不存在的文字', prefix: '并不存在的上文', suffix: '并不存在的下文' },
      },
    ];
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('highlights', 'readwrite');
      for (const r of rows) {
        tx.objectStore('highlights').put({
          id: r.id,
          articleId: row.id,
          layer: 'personal',
          color: 'yellow',
          style: 'fill',
          selector: r.selector,
          articleVersion: row.version,
          orphan: false,
          tags: [],
          comment: null,
          createdAt: now,
          updatedAt: now,
        });
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    return { articleId: row.id, exact: selector.exact, start };
  }, urlKey);

  // The site corrects the article (a sentence added to its first paragraph); a full re-scan fetches it.
  world.editArticle(article.path);
  await card.getByRole('button', { name: '完全重新扫描' }).click();
  await expect(card.getByRole('button', { name: '停止' })).toBeVisible();
  await expect(card.getByRole('button', { name: '立即同步' })).toBeVisible({ timeout: 30_000 });
  await expect(card).toContainText('更新 1');

  const after = await app.evaluate(async (articleId) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('yandu');
      open.onsuccess = () => resolve(open.result);
    });
    const all = (store: string) =>
      new Promise<Record<string, unknown>[]>((resolve) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
      });
    const article = (await all('articles')).find((a) => a.id === articleId)!;
    const body = (await all('bodies')).find((b) => b.articleId === articleId) as { text: string };
    const highlights = (await all('highlights')).filter((h) => h.articleId === articleId) as {
      id: string;
      orphan: boolean;
      articleVersion: number;
      selector: { start: number; end: number };
    }[];
    return { version: article.version as number, text: body.text, highlights };
  }, placed.articleId);

  expect(after.version).toBe(2);
  const keep = after.highlights.find((h) => h.id === 'h_keep')!;
  const gone = after.highlights.find((h) => h.id === 'h_gone')!;
  expect(keep.orphan).toBe(false);
  expect(keep.articleVersion).toBe(2);
  expect(keep.selector.start).toBeGreaterThan(placed.start);
  expect(after.text.slice(keep.selector.start, keep.selector.end)).toBe(placed.exact);
  expect(gone.orphan).toBe(true);

  // The reader paints the moved one and lists the orphan.
  await app.goto(`${new URL(app.url()).origin}/#/read/${placed.articleId}`);
  await expect(app.getByText('孤立的划线').first()).toBeVisible();
  await expect.poll(() => app.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0))).toBeGreaterThanOrEqual(1);
});
