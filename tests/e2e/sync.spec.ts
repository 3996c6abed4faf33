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
