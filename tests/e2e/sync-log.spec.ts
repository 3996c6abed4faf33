/**
 * No silent drops, seen by the user: a feed with items of every kind syncs through the UI; what
 * was not stored is in the source's sync log with its URL and a Chinese reason.
 */
import { startCmsWorld, type CmsWorld } from '../fixtures/cms-world';
import { mixedFeedSite } from '../fixtures/cms-world/mixed';
import { expect, test } from './fixtures';

let world: CmsWorld | null = null;
test.afterEach(async () => {
  await world?.close();
  world = null;
});

test('a feed with unusable items: the stored ones are counted, every other one is in the sync log with its reason', async ({ app }) => {
  const mixed = mixedFeedSite();
  world = await startCmsWorld({ sites: [mixed.site] });
  const feedUrl = world.abs(mixed.site.listPath);
  const stored = mixed.expected.filter((e) => e.fate === 'stored');
  const logged = mixed.expected.filter((e) => e.fate === 'logged');

  await app.getByRole('link', { name: '来源' }).click();
  await app.getByText('抓取设置').click();
  await app.getByLabel('同一网站两次请求的间隔（毫秒）').fill('0');
  await app.getByRole('button', { name: '添加来源' }).click();
  await app.getByLabel('网址或文件夹路径').fill(feedUrl);
  await app.getByRole('button', { name: '试抓取' }).click();
  await expect(app.getByTestId('source-preview').locator('li').first()).toBeVisible();
  await app.getByRole('button', { name: '保存' }).click();

  const card = app.getByTestId('source-card');
  await card.getByRole('button', { name: '立即同步' }).click();
  await expect(card.getByTestId('sync-progress')).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await expect(card).toContainText(`共 ${stored.length} 篇`);

  await card.getByText(/同步日志/).click();
  const lines = card.locator('.sync-log li');
  for (const e of logged) {
    const id = e.by === 'title' ? `《${e.id}》` : /^[a-z]+:/i.test(e.id) ? e.id : world.key(e.id);
    const line = lines.filter({ hasText: id }).filter({ hasText: e.reason! });
    await expect(line, `${id} is in the log`).toHaveCount(1);
  }
  await app.screenshot({ path: 'test-results/sync-log.png' });
});
