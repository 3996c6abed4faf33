/**
 * The hostile column synced through the browser host and the UI: nothing reaches another local
 * port or the app's own address, every refused link is in the sync log (each URL once), the run
 * ends at 100%, and a robots.txt answering 503 is shown on the card and in the log.
 */
import { startHostileWorld, type HostileWorld } from '../fixtures/hostile-site';
import { expect, test } from './fixtures';

let world: HostileWorld | null = null;
let second: HostileWorld | null = null;
test.afterEach(async () => {
  await world?.close();
  await second?.close();
  world = null;
  second = null;
});

test('a hostile column: only its own articles, every refused link logged, robots 503 shown', async ({ app, host }) => {
  world = await startHostileWorld({ trickle: false, appOrigin: host.origin });
  const appLink = `${host.origin}/api/call/app.info`;

  await app.getByRole('link', { name: '来源' }).click();
  await app.getByText('抓取设置').click();
  await app.getByLabel('同一网站两次请求的间隔（毫秒）').fill('0');

  await app.getByRole('button', { name: '添加来源' }).click();
  await app.getByLabel('网址或文件夹路径').fill(world.listUrl);
  await app.getByRole('textbox', { name: '名称' }).fill('理论学习');
  await app.getByRole('button', { name: '保存' }).click();

  const card = app.getByTestId('source-card').filter({ hasText: '理论学习' });
  await card.getByRole('button', { name: '立即同步' }).click();
  const progress = card.getByTestId('sync-progress');
  await expect(progress).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(progress).toContainText('新增 2');
  await expect(card).toContainText('共 2 篇');

  await card.getByText(/同步日志/).click();
  const log = card.locator('.sync-log');
  for (const url of [...world.refused, appLink]) {
    // The refused link itself (a redirect into the same address is logged on its own line).
    const line = log.locator('li', { hasText: `：${url}（列表页` });
    await expect(line).toHaveCount(1);
    // The URL is printed once per line, not again after the message.
    expect(((await line.innerText()).match(new RegExp(url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')) ?? []).length).toBe(1);
  }
  await expect(log.locator('li', { hasText: `：${appLink}（列表页` })).toContainText('这是研读自身的地址，从不抓取');
  await expect(log.locator('li', { hasText: `：${world.refused[2]!}（列表页` })).toContainText('链路本地地址');
  for (const url of world.redirects) await expect(log.locator('li.error', { hasText: url })).toHaveCount(1);

  // Requests counted at the other listeners: none.
  expect(world.other.requests).toEqual([]);
  expect(world.app.requests).toEqual([]);

  // robots.txt unreachable (another column, whose robots.txt was never read): nothing
  // fetched, and the card and the log say why.
  second = await startHostileWorld({ trickle: false });
  second.setRobotsStatus(503);
  await app.getByRole('button', { name: '添加来源' }).click();
  await app.getByLabel('网址或文件夹路径').fill(second.listUrl);
  await app.getByRole('textbox', { name: '名称' }).fill('第二个栏目');
  await app.getByRole('button', { name: '保存' }).click();
  const card2 = app.getByTestId('source-card').filter({ hasText: '第二个栏目' });
  await card2.getByRole('button', { name: '立即同步' }).click();
  await expect(card2.getByTestId('sync-progress')).toHaveAttribute('data-phase', 'failed', { timeout: 30_000 });
  await expect(card2.getByTestId('source-error')).toContainText('无法获取 robots.txt（503），本次未抓取');
  await card2.getByText(/同步日志/).click();
  await expect(card2.locator('.sync-log li.error', { hasText: '无法获取 robots.txt（503），本次未抓取' })).toHaveCount(1);
  expect(second.site.requests).toEqual(['/robots.txt']);
  await expect(card2).toContainText('共 0 篇');
  // The first column is untouched.
  await expect(card).toContainText('共 2 篇');
});
