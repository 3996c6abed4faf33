/**
 * Views follow the data: a session edited in one tab shows in another open tab of the same
 * library without a reload — on the session page (fields, 学习记录, returns table), on the
 * 学习计划 list and its dashboard — and what is being typed in the first tab is never
 * overwritten by an edit of another field.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Marks the page's JavaScript realm: the mark is gone after any reload. */
async function mark(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { yanduLiveMark?: number }).yanduLiveMark = 1));
}
async function stillMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { yanduLiveMark?: number }).yanduLiveMark === 1);
}

test('a session edited in one tab shows in another without a reload', async ({ app, host }) => {
  test.setTimeout(90_000);
  // Tab A: a new session.
  await app.getByRole('link', { name: '学习计划' }).click();
  await expect(app.getByTestId('study-dashboard')).toContainText('本年度集中学习 0/6 次');
  await app.getByRole('button', { name: '新建学习安排' }).click();
  await app.getByRole('dialog', { name: '新建学习安排' }).getByLabel('专题').fill('新的学习专题');
  await app.getByRole('dialog', { name: '新建学习安排' }).getByRole('button', { name: '创建' }).click();
  await expect(app.getByTestId('session-page')).toBeVisible();
  const sessionHash = new URL(app.url()).hash;
  expect(sessionHash).toMatch(/^#\/study\/s_/);
  await app.getByLabel('专题', { exact: true }).fill('第一次的专题');
  await app.getByLabel('专题', { exact: true }).blur();

  // Tab B: the same library (same origin), the same session.
  const other = await app.context().newPage();
  await other.goto(host.url);
  await expect(other.getByTestId('article-row').first()).toBeVisible();
  await other.evaluate((hash) => (window.location.hash = hash), sessionHash);
  await expect(other.getByLabel('专题', { exact: true })).toHaveValue('第一次的专题');

  await mark(app);
  // Tab A starts typing the host (not saved yet) while tab B changes the place.
  await app.getByLabel('主持人', { exact: true }).first().fill('正在输入的主持人');
  await other.getByLabel('地点', { exact: true }).first().fill('第二会议室');
  await other.getByLabel('地点', { exact: true }).first().blur();
  await expect(app.getByLabel('地点', { exact: true }).first()).toHaveValue('第二会议室');
  // The other field's typing is kept, and it saves normally.
  await expect(app.getByLabel('主持人', { exact: true }).first()).toHaveValue('正在输入的主持人');
  await app.getByLabel('主持人', { exact: true }).first().blur();
  await expect(other.getByLabel('主持人', { exact: true }).first()).toHaveValue('正在输入的主持人');

  // A 学习记录 saved in tab B fills tab A's (untouched) record form and returns table.
  for (const name of ['赵书记', '王五', '钱六']) {
    await other.getByTestId('attendance-picker').getByLabel('来宾姓名').fill(name);
    await other.getByTestId('attendance-picker').getByRole('button', { name: '添加来宾' }).click();
  }
  await other.getByLabel('钱六 出勤').selectOption('absent');
  await other.getByLabel('钱六 缺席原因').fill('出差');
  await other.getByRole('button', { name: '保存学习记录' }).click();
  await expect(other.getByTestId('record-form').getByRole('status')).toHaveText('已保存');
  await expect(app.getByLabel('王五 出勤')).toHaveValue('present');
  await expect(app.getByLabel('钱六 缺席原因')).toHaveValue('出差');
  await expect(app.getByTestId('return-row')).toHaveCount(3);
  await expect(app.getByTestId('returns-table')).toContainText('缺席（出差）');

  // Tab A on the 学习计划 list: tab B's new topic and status show there.
  await app.evaluate(() => (window.location.hash = '#/study'));
  await expect(app.getByTestId('session-row')).toHaveCount(1);
  await expect(app.getByTestId('session-row')).toContainText('第一次的专题');
  await other.getByLabel('专题', { exact: true }).fill('改过的专题');
  await other.getByLabel('专题', { exact: true }).blur();
  await expect(app.getByTestId('session-row')).toContainText('改过的专题');
  await other.getByLabel('状态', { exact: true }).selectOption('done');
  await expect(app.getByTestId('study-dashboard')).toContainText('本年度集中学习 1/6 次');
  await expect(app.getByTestId('session-row')).toContainText('已完成');

  // A session deleted in tab B leaves tab A's list.
  other.once('dialog', (d) => void d.accept());
  await other.getByRole('button', { name: '删除此安排' }).click();
  await other.getByRole('alertdialog', { name: '删除此安排' }).getByRole('button', { name: '删除' }).click();
  await expect(other.getByTestId('study-page')).toBeVisible();
  await expect(app.getByTestId('session-row')).toHaveCount(0);

  // None of it was a reload of tab A.
  expect(await stillMarked(app)).toBe(true);
  await other.close();
});
