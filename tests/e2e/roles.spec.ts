/**
 * Roles in real Chromium on the browser host: a fresh copy becomes a 组员's by importing its
 * first packet; the leader's session and 重点摘编 are read-only there (controls disabled with
 * the reason), and a forced call (a disabled control re-enabled in the DOM) is refused by the
 * core with the reason and writes nothing (React drops clicks on a button it rendered disabled,
 * so the forced calls are the status choice, the topic and the reading picker; the leader's
 * layer refusals are covered in tests/unit/roles.test.ts); the member hides the session and the leader's
 * layer (remembered across a reload) and copies an excerpt into a highlight and note of their
 * own. A session dated in the future cannot be 已完成, for every role.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { buildPacket } from './gap-helpers';

/** Every row of an object store of the app's database, read straight from IndexedDB. */
function rows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (store) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

interface Session {
  id: string;
  topic: string;
  readings: string[];
  status: string;
}
interface Highlight {
  id: string;
  layer: string;
  articleId: string;
  selector: { exact: string };
}
interface Note {
  highlightId: string | null;
  articleId: string | null;
}

async function leaderPaint(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.includes('leader')) n += h.size;
    return n;
  });
}

/** Re-enables a disabled control in the DOM, as a user forcing it would. */
async function force(page: Page, selector: string): Promise<void> {
  await page.locator(selector).evaluate((el) => el.removeAttribute('disabled'));
}

test('a member copy by its first packet: read-only with reasons, forced writes refused, hide and copy', async ({ app }) => {
  test.setTimeout(150_000);
  const packet = buildPacket({
    id: 'p_roles_0001',
    sessionId: 's_roles_0001',
    title: '角色检验资料包',
    topic: '角色检验专题',
    articles: [
      { id: 'ro_art_0001', title: '角色检验第一篇', html: '<p>第一篇文章的正文，组员只能阅读组长的重点摘编。</p>' },
      { id: 'ro_art_0002', title: '角色检验第二篇', html: '<p>第二篇文章的正文，篇目由资料包决定。</p>' },
    ],
    comment: (i) => `组长批注${i + 1}`,
  });

  // A fresh copy: no role yet, the page asks.
  await app.getByRole('link', { name: '学习计划' }).click();
  await expect(app.getByTestId('role-section')).toContainText('请先选择本机身份');

  // Its first packet makes it a member's copy.
  await app.getByRole('link', { name: '资料包' }).click();
  await app.getByTestId('pk-file').setInputFiles({ name: 'roles.yandu', mimeType: 'application/octet-stream', buffer: packet });
  await app.getByTestId('pk-item').last().getByRole('button', { name: '确认导入' }).click();
  await expect(app.getByTestId('pk-done')).toBeVisible();
  await app.getByRole('link', { name: '学习计划' }).click();
  await expect(app.getByTestId('role-section')).toContainText('本机身份：组员');
  await expect(app.getByTestId('role-member').getByRole('button')).toBeDisabled();
  await expect(app.getByTestId('role-leader')).toContainText('导出和勘误学习资料包');

  // The packet's session: every field it owns is disabled, with the reason.
  await app.getByRole('link', { name: '角色检验专题' }).click();
  const page = app.getByTestId('session-page');
  await expect(page).toContainText('这次学习安排来自组长发放的资料包');
  await expect(app.locator('#s-topic')).toBeDisabled();
  await expect(app.locator('#s-date')).toBeDisabled();
  await expect(app.locator('#s-status')).toBeDisabled();
  await expect(app.getByTestId('readings-locked')).toHaveText(/学习篇目由组长发放的资料包决定/);
  const removeReading = app.getByTestId('readings').getByRole('button', { name: '移出' });
  await expect(removeReading).toHaveCount(2);
  for (const b of await removeReading.all()) await expect(b).toBeDisabled();
  const remove = app.getByRole('button', { name: '删除此安排' });
  await expect(remove).toBeDisabled();
  await expect(remove).toHaveAttribute('title', /不能删除，可以隐藏/);
  await expect(app.getByRole('button', { name: '导出学习资料包' })).toBeDisabled();

  // Forced (a disabled control re-enabled in the DOM): the core refuses with the reason; nothing is written.
  const before = await rows<Session>(app, 'sessions');
  expect(before).toHaveLength(1);
  const status = app.getByTestId('session-status');
  await force(app, '#s-status');
  await app.locator('#s-status').selectOption('cancelled');
  await expect(status).toContainText('学习安排的状态由组长发放的资料包决定，不能修改。');
  await force(app, '#s-topic');
  await app.locator('#s-topic').fill('组员改过的专题');
  await app.locator('#s-topic').blur();
  await expect(status).toContainText('专题、时间、地点等不能修改');
  await app.locator('.session-picker').evaluate((el) => el.removeAttribute('hidden'));
  await app
    .getByRole('button', { name: /^加入篇目：/ })
    .first()
    .click();
  await expect(status).toContainText('学习篇目由组长发放的资料包决定，不能加入或移出。');
  expect(await rows<Session>(app, 'sessions')).toEqual(before);
  await expect(app.getByTestId('readings').locator('li')).toHaveCount(2);

  // The member's 学习记录 is theirs to keep.
  await app.getByLabel('发言摘要').fill('组员自己的记录');
  await app.getByRole('button', { name: '保存学习记录' }).click();
  await expect.poll(async () => (await rows<{ summary: string }>(app, 'sessions'))[0]?.summary).toBe('组员自己的记录');

  // Hidden, not deleted: it leaves the plan's list and comes back.
  await app.getByRole('button', { name: '隐藏', exact: true }).click();
  await expect(app.getByRole('button', { name: '取消隐藏' })).toBeVisible();
  await app.getByRole('link', { name: /返回学习计划/ }).click();
  await expect(app.getByTestId('session-row')).toHaveCount(0);
  await expect(app.getByTestId('hidden-sessions')).toContainText('已隐藏 1 次学习安排');
  expect(await rows<Session>(app, 'sessions')).toHaveLength(1);
  await app.getByTestId('hidden-sessions').getByRole('button', { name: '显示已隐藏的' }).click();
  await expect(app.getByTestId('session-row')).toHaveCount(1);
  await app.getByTestId('session-row').getByRole('button', { name: '取消隐藏' }).click();
  await expect(app.getByTestId('hidden-sessions')).toHaveCount(0);
  await expect(app.getByTestId('session-row')).toHaveCount(1);

  // The leader's layer in the reader: read-only with the reason; a forced mark is refused.
  await app.getByRole('link', { name: '角色检验专题' }).click();
  await app.getByTestId('readings').getByRole('link', { name: '角色检验第一篇' }).click();
  const panel = app.getByTestId('leader-panel');
  await expect(panel.getByTestId('leader-comment')).toHaveText('组长批注1');
  const mark = panel.getByRole('button', { name: '把选中文字设为重点摘编' });
  await expect(mark).toBeDisabled();
  await expect(panel.getByTestId('leader-readonly')).toContainText('重点摘编由组长标注，不能新建、修改或删除');
  await expect(panel.getByRole('button', { name: '删除' })).toHaveCount(0);
  expect((await rows<Highlight>(app, 'highlights')).filter((h) => h.layer === 'leader')).toHaveLength(2);

  // Hiding the leader's layer is remembered across a reload.
  await expect.poll(() => leaderPaint(app)).toBeGreaterThan(0);
  const toggle = app.getByRole('button', { name: '显示重点摘编' });
  await toggle.click();
  await expect.poll(() => leaderPaint(app)).toBe(0);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await app.reload();
  await expect(app.getByTestId('leader-panel')).toBeVisible();
  await expect(app.getByRole('button', { name: '显示重点摘编' })).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => leaderPaint(app)).toBe(0);
  await app.getByRole('button', { name: '显示重点摘编' }).click();
  await expect.poll(() => leaderPaint(app)).toBeGreaterThan(0);

  // 复制到我的笔记: a personal highlight on the same place and a note on it.
  await app.getByTestId('leader-panel').getByRole('button', { name: '复制到我的笔记' }).click();
  await expect(app.getByTestId('leader-panel')).toContainText('已复制到笔记');
  await expect.poll(async () => (await rows<Highlight>(app, 'highlights')).filter((h) => h.layer === 'personal').length).toBe(1);
  const all = await rows<Highlight>(app, 'highlights');
  const mine = all.find((h) => h.layer === 'personal')!;
  const theirs = all.find((h) => h.layer === 'leader' && h.articleId === mine.articleId)!;
  expect(mine.selector.exact).toBe(theirs.selector.exact);
  const notes = await rows<Note>(app, 'notes');
  expect(notes.filter((n) => n.highlightId === mine.id)).toEqual([expect.objectContaining({ articleId: mine.articleId })]);
});

test('a session dated in the future cannot be 已完成: disabled with the reason, a forced choice refused', async ({ app }) => {
  test.setTimeout(90_000);
  await app.getByRole('link', { name: '学习计划' }).click();
  await app.getByTestId('role-leader').getByRole('button', { name: '设为组长/学习秘书' }).click();
  await expect(app.getByTestId('role-section')).toContainText('本机身份：组长/学习秘书');
  await app.getByRole('button', { name: '新建学习安排' }).click();
  const dialog = app.getByRole('dialog', { name: '新建学习安排' });
  await dialog.getByLabel('专题').fill('明年的学习');
  await dialog.getByRole('textbox', { name: '日期' }).fill('2099年1月1日');
  await dialog.getByRole('textbox', { name: '日期' }).blur();
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(app.getByTestId('session-page')).toBeVisible();
  // A leader edits everything else as before.
  await expect(app.locator('#s-topic')).toBeEnabled();
  await expect(app.getByRole('button', { name: '删除此安排' })).toBeEnabled();
  const done = app.locator('#s-status option[value="done"]');
  await expect(done).toBeDisabled();
  await expect(app.getByTestId('session-page')).toContainText('日期在今天之后的学习安排不能标为已完成。');

  await done.evaluate((el) => el.removeAttribute('disabled'));
  await app.locator('#s-status').selectOption('done');
  await expect(app.getByTestId('session-status')).toContainText('日期在今天之后的学习安排不能标为已完成。');
  await expect(app.locator('#s-status')).toHaveValue('planned');
  expect((await rows<Session>(app, 'sessions')).map((s) => s.status)).toEqual(['planned']);
  await app.getByRole('link', { name: /返回学习计划/ }).click();
  await expect(app.getByTestId('study-dashboard')).toContainText('本年度集中学习 0/6 次');
});
