/** A column's first sync: the user sees how big it is and may take the whole column, not only its newest pages. */
import { startCmsWorld, type CmsWorld } from '../fixtures/cms-world';
import { expect, test } from './fixtures';

let world: CmsWorld | null = null;
test.afterEach(async () => {
  await world?.close();
  world = null;
});

test('the preview shows the column’s size; “整个栏目” reads every list page on the first sync', async ({ app }) => {
  world = await startCmsWorld({ sites: [], large: 100 });
  const listUrl = world.abs('/large/col/');

  await app.getByRole('link', { name: '来源' }).click();
  await app.getByText('抓取设置').click();
  await app.getByLabel('同一网站两次请求的间隔（毫秒）').fill('0');
  await expect(app.getByLabel('日常同步最多读取的列表页数')).toHaveValue('3');

  await app.getByRole('button', { name: '添加来源' }).click();
  await app.getByLabel('网址或文件夹路径').fill(listUrl);
  await app.getByRole('button', { name: '试抓取' }).click();
  await expect(app.getByTestId('source-preview')).toContainText('第一页找到 20 篇文章，共约 5 页、约 100 篇');
  await app.getByLabel('首次同步').selectOption('all');
  await app.getByRole('button', { name: '保存' }).click();

  const card = app.getByTestId('source-card');
  const before = world.requests.length;
  await card.getByRole('button', { name: '立即同步' }).click();
  await expect(card.getByTestId('sync-progress')).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  // All 5 list pages, not the 3 of a routine sync.
  await expect(card).toContainText('共 100 篇 · 上次新增 100');
  expect(world.requests.slice(before).filter((r) => /^\/large\/col\/(?:index(?:_\d+)?\.html)?$/.test(r.path)).length).toBe(5);
});
