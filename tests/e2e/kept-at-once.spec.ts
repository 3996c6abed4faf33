/**
 * Nothing shown as done is lost to a reload that comes at once: each test makes one change the
 * page shows before IndexedDB has committed it (a reader setting, the reading position, a sync
 * setting, the leader's layer switched off, a new member) and reloads right after, with no wait
 * for the write. The page after the reload must show the change (core/pendingWrites.ts).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Clicks `button` in the page and reloads in the same task, as a click and F5 right after would:
 * no round trip to the test leaves the write time to commit.
 */
async function clickThenReload(app: Page, button: Locator): Promise<void> {
  const loaded = app.waitForEvent('load');
  await button.evaluate((el) => {
    (el as HTMLElement).click();
    location.reload();
  });
  await loaded;
}

async function openLongestArticle(app: Page): Promise<void> {
  await app.getByRole('columnheader', { name: /标题/ }).click();
  await app.getByTestId('article-row').first().locator('a').click();
  await expect(app.locator('.article-title')).toBeVisible();
}

test('a reader setting is kept when the page reloads at once', async ({ app }) => {
  await openLongestArticle(app);
  await app.getByRole('button', { name: '阅读设置' }).click();
  // No wait for the write: a reader who changes the size and presses F5 at once.
  await clickThenReload(app, app.getByRole('button', { name: '增大字号' }));
  await expect(app.locator('.article-title')).toBeVisible();
  await expect(app.locator('.article')).toHaveCSS('font-size', '19px');
});

test('the reading position is kept when the page reloads at once', async ({ app }) => {
  await openLongestArticle(app);
  const scroller = app.getByTestId('reader-scroll');
  const target = await scroller.evaluate((el) => {
    el.scrollTo(0, Math.min(1500, el.scrollHeight - el.clientHeight - 10));
    return el.scrollTop;
  });
  expect(target).toBeGreaterThan(200);
  // The position is measured on the scroll event; reload before the throttled save runs.
  await scroller.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await app.reload();
  await expect(app.locator('.article-title')).toBeVisible();
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(target - 40);
  expect(Math.abs((await scroller.evaluate((el) => el.scrollTop)) - target)).toBeLessThan(40);
});

test('a sync setting is kept when the page reloads at once', async ({ app }) => {
  await app.getByRole('link', { name: '来源' }).click();
  await app.getByText('抓取设置').click();
  const delay = app.getByLabel('同一网站两次请求的间隔（毫秒）');
  await expect(delay).toHaveValue('1000');
  // Typed, and the page reloaded in the same task (React reads the value through its own setter).
  const loaded = app.waitForEvent('load');
  await delay.evaluate((el) => {
    const input = el as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '2500');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    location.reload();
  });
  await loaded;
  await app.getByText('抓取设置').click();
  await expect(app.getByLabel('同一网站两次请求的间隔（毫秒）')).toHaveValue('2500');
});

test('a member added is kept, or still in the field, when the page reloads at once', async ({ app }) => {
  await app.getByRole('link', { name: '学习计划' }).click();
  await expect(app.getByTestId('study-dashboard')).toBeVisible();
  await app.getByLabel('姓名', { exact: true }).fill('试读成员');
  await app.getByRole('button', { name: '添加成员' }).click();
  // Gone from the field means stored: the field is emptied only after the write.
  await expect(app.getByLabel('姓名', { exact: true })).toHaveValue('');
  await app.reload();
  await expect(app.getByTestId('member')).toHaveCount(1);
  await expect(app.getByTestId('member')).toContainText('试读成员');
});

test("the leader's layer switched off stays off when the page reloads at once", async ({ app }) => {
  test.setTimeout(90_000);
  // A session with one reading and one 重点摘编 on it.
  await app.getByRole('link', { name: '学习计划' }).click();
  await app.getByRole('button', { name: '新建学习安排' }).click();
  await app.getByRole('dialog', { name: '新建学习安排' }).getByLabel('专题').fill('立即刷新专题');
  await app.getByRole('dialog', { name: '新建学习安排' }).getByRole('button', { name: '创建' }).click();
  await expect(app.getByTestId('session-page')).toBeVisible();
  await app
    .getByRole('button', { name: /^加入篇目：/ })
    .first()
    .click();
  await expect(app.getByTestId('readings').locator('li')).toHaveCount(1);
  await app.getByTestId('readings').locator('li a').first().click();
  await expect(app.getByTestId('leader-panel')).toBeVisible();
  await app.getByTestId('article-body').evaluate((body) => {
    const text = document.createTreeWalker(body.children[1]!, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const r = document.createRange();
    r.setStart(text, 0);
    r.setEnd(text, 12);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(r);
  });
  await app.getByRole('button', { name: '把选中文字设为重点摘编' }).click();
  await expect(app.getByTestId('leader-excerpt')).toHaveCount(1);
  const toggle = app.getByRole('button', { name: '显示重点摘编' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await clickThenReload(app, toggle);
  await expect(app.getByTestId('leader-panel')).toBeVisible();
  await expect(app.getByRole('button', { name: '显示重点摘编' })).toHaveAttribute('aria-pressed', 'false');
});

test('a 学习安排 field typed and not yet left is kept when the page reloads at once', async ({ app }) => {
  await app.getByRole('link', { name: '学习计划' }).click();
  await app.getByRole('button', { name: '新建学习安排' }).click();
  await app.getByRole('dialog', { name: '新建学习安排' }).getByLabel('专题').fill('立即刷新的安排');
  await app.getByRole('dialog', { name: '新建学习安排' }).getByRole('button', { name: '创建' }).click();
  await expect(app.getByTestId('session-page')).toBeVisible();
  const place = app.locator('#s-place');
  await expect(place).toHaveValue('');
  // Typed, and the page reloaded in the same task: the field is never left, so its save never runs.
  const loaded = app.waitForEvent('load');
  await place.evaluate((el) => {
    const input = el as HTMLInputElement;
    input.focus();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '机关三楼会议室');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    location.reload();
  });
  await loaded;
  await expect(app.getByTestId('session-page')).toBeVisible();
  await expect(app.locator('#s-place')).toHaveValue('机关三楼会议室');
});

/** Types `text` into a field of the page and reloads in the same task (React reads the value through its own setter). */
async function typeThenReload(app: Page, field: Locator, text: string): Promise<void> {
  const loaded = app.waitForEvent('load');
  await field.evaluate((el, value) => {
    const input = el as HTMLInputElement | HTMLTextAreaElement;
    input.focus();
    const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    location.reload();
  }, text);
  await loaded;
}

test('a 学习记录 typed and not saved comes back as a draft when the page reloads at once, to save or give up', async ({ app }) => {
  test.setTimeout(90_000);
  await app.getByRole('link', { name: '学习计划' }).click();
  await app.getByRole('button', { name: '新建学习安排' }).click();
  await app.getByRole('dialog', { name: '新建学习安排' }).getByLabel('专题').fill('记录草稿专题');
  await app.getByRole('dialog', { name: '新建学习安排' }).getByRole('button', { name: '创建' }).click();
  await expect(app.getByTestId('session-page')).toBeVisible();
  const summary = app.locator('#rec-summary');
  await expect(summary).toHaveValue('');
  await expect(app.getByTestId('record-draft-note')).toHaveCount(0);

  // 发言摘要 typed, never saved, and the page reloaded in the same task.
  await typeThenReload(app, summary, '赵同志谈了三点体会，钱同志作了补充。');
  await expect(app.getByTestId('session-page')).toBeVisible();
  await expect(app.locator('#rec-summary')).toHaveValue('赵同志谈了三点体会，钱同志作了补充。');
  const note = app.getByTestId('record-draft-note');
  await expect(note).toContainText('已恢复一份未保存的学习记录草稿');
  // Shown as a draft only: the stored record is still empty (its print sheet says nothing of it).
  await note.scrollIntoViewIfNeeded();
  await app.setViewportSize({ width: 1366, height: 768 });
  await app.screenshot({ path: test.info().outputPath('record-draft-restored.png') });

  await note.getByRole('button', { name: '保存', exact: true }).click();
  await expect(note).toHaveCount(0);
  await expect(
    app
      .getByTestId('record-form')
      .getByRole('status')
      .filter({ hasText: /^已保存$/ }),
  ).toBeVisible();
  await app.reload();
  await expect(app.locator('#rec-summary')).toHaveValue('赵同志谈了三点体会，钱同志作了补充。');
  await expect(app.getByTestId('record-draft-note')).toHaveCount(0);

  // Typed over the saved record, reloaded at once, then given up: the saved record stays.
  await typeThenReload(app, app.locator('#rec-summary'), '不要的草稿');
  await expect(app.locator('#rec-summary')).toHaveValue('不要的草稿');
  await app.getByTestId('record-draft-note').getByRole('button', { name: '放弃草稿' }).click();
  await app.getByRole('alertdialog').getByRole('button', { name: '放弃草稿' }).click();
  await expect(app.locator('#rec-summary')).toHaveValue('赵同志谈了三点体会，钱同志作了补充。');
  await expect(app.getByTestId('record-draft-note')).toHaveCount(0);
  await app.reload();
  await expect(app.locator('#rec-summary')).toHaveValue('赵同志谈了三点体会，钱同志作了补充。');
  await expect(app.getByTestId('record-draft-note')).toHaveCount(0);
});

/** The rows of one IndexedDB store of the app's library, read from the page. */
function storedRows<T>(app: Page, store: string): Promise<T[]> {
  return app.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as T[]);
          };
        };
      }),
    store,
  );
}

test('a leader excerpt and its copy to mine come back when the browser discards the store before a backup', async ({ app }) => {
  test.setTimeout(120_000);
  await app.getByRole('link', { name: '学习计划' }).click();
  await app.getByRole('button', { name: '新建学习安排' }).click();
  await app.getByRole('dialog', { name: '新建学习安排' }).getByLabel('专题').fill('丢弃之前的摘编');
  await app.getByRole('dialog', { name: '新建学习安排' }).getByRole('button', { name: '创建' }).click();
  await expect(app.getByTestId('session-page')).toBeVisible();
  await app
    .getByRole('button', { name: /^加入篇目：/ })
    .first()
    .click();
  await expect(app.getByTestId('readings').locator('li')).toHaveCount(1);
  await app.getByTestId('readings').locator('li a').first().click();
  await expect(app.getByTestId('leader-panel')).toBeVisible();
  await app.getByTestId('article-body').evaluate((body) => {
    const text = document.createTreeWalker(body.children[1]!, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const r = document.createRange();
    r.setStart(text, 0);
    r.setEnd(text, 10);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(r);
  });
  await app.getByRole('button', { name: '把选中文字设为重点摘编' }).click();
  const excerpt = app.getByTestId('leader-excerpt');
  await expect(excerpt).toHaveCount(1);
  await excerpt.getByRole('button', { name: '复制到我的笔记' }).click();
  await expect(excerpt.getByRole('status')).toContainText('已复制到笔记');
  const before = await storedRows<{ id: string; layer: string }>(app, 'highlights');
  expect(before.map((h) => h.layer).sort()).toEqual(['leader', 'personal']);

  // The browser discards the origin's store (as Chromium does after a crash tore its log) and the
  // page starts again at once, before any backup holds these rows.
  const loaded = app.waitForEvent('load');
  await app.evaluate(async () => {
    await new Promise((resolve, reject) => {
      const req = indexedDB.deleteDatabase('yandu');
      req.onsuccess = resolve;
      req.onerror = () => reject(req.error);
    });
    location.reload();
  });
  await loaded;
  // A backup may have been taken meanwhile; declining it, only the journals can bring the rows back.
  const offer = app.getByRole('dialog', { name: '恢复文库？' });
  const reader = app.locator('.article-title');
  await expect(offer.or(reader)).toBeVisible({ timeout: 30_000 });
  if (await offer.isVisible()) await offer.getByRole('button', { name: '暂不' }).click();
  await expect
    .poll(async () => (await storedRows<{ id: string }>(app, 'highlights')).map((h) => h.id).sort(), { timeout: 30_000 })
    .toEqual(before.map((h) => h.id).sort());
  const mine = before.find((h) => h.layer === 'personal')!;
  await expect
    .poll(async () => (await storedRows<{ highlightId: string | null }>(app, 'notes')).filter((n) => n.highlightId === mine.id).length)
    .toBe(1);
  await app.reload();
  await expect(app.getByTestId('leader-excerpt')).toHaveCount(1);
});

test('a reader setting left in flight is not replayed over a newer one another tab wrote meanwhile', async ({ app }) => {
  test.setTimeout(120_000);
  await openLongestArticle(app);
  const articleUrl = app.url();
  const other = await app.context().newPage();
  await other.goto(articleUrl);
  await expect(other.locator('.article-title')).toBeVisible();
  await expect(other.locator('.article')).toHaveCSS('font-size', '18px');
  await app.getByRole('button', { name: '阅读设置' }).click();
  await other.getByRole('button', { name: '阅读设置' }).click();

  // This tab's write is held behind a transaction on the settings store, so the page goes with it
  // still in flight (its journal entry left); its next start waits for the other tab.
  await app.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('settings', 'readwrite').objectStore('settings');
          const spin = () => {
            store.get('reader').onsuccess = spin;
          };
          spin();
          resolve();
        };
      }),
  );
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const startHeld = new Promise<void>((resolve) => (held = resolve));
  await app.route(/\/assets\/.*\.js$/, async (route) => {
    held();
    await gate;
    await route.continue();
  });
  await app.getByRole('button', { name: '增大字号' }).evaluate((el) => {
    (el as HTMLElement).click();
    location.reload();
  });
  await startHeld;

  // The other tab makes the type smaller after that; its own journal entry is refused (as a full
  // localStorage refuses it), so only the row's time can tell which value is newer.
  await other.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  await other.getByRole('button', { name: '减小字号' }).click();
  await expect(other.locator('.article')).toHaveCSS('font-size', '17px');
  await expect
    .poll(() =>
      storedRows<{ key: string; value: { fontSize: number } }>(other, 'settings').then(
        (r) => r.find((x) => x.key === 'reader')?.value.fontSize,
      ),
    )
    .toBe(17);
  const left = await other.evaluate(() => localStorage.getItem('yandu.pendingWrites') ?? '');
  expect(left).toContain('"fontSize":19');

  release();
  await expect(app.locator('.article-title')).toBeVisible({ timeout: 30_000 });
  // Start-up has replayed what it would; the newer value stands.
  await expect.poll(() => app.evaluate(() => localStorage.getItem('yandu.pendingWrites'))).toBeNull();
  await expect(app.locator('.article')).toHaveCSS('font-size', '17px');
  await app.reload();
  await expect(app.locator('.article')).toHaveCSS('font-size', '17px');
  await other.close();
});

test('a 重点摘编 comment typed and not saved comes back as a draft when the page reloads at once', async ({ app }) => {
  test.setTimeout(90_000);
  await app.getByRole('link', { name: '学习计划' }).click();
  await app.getByRole('button', { name: '新建学习安排' }).click();
  await app.getByRole('dialog', { name: '新建学习安排' }).getByLabel('专题').fill('批注草稿专题');
  await app.getByRole('dialog', { name: '新建学习安排' }).getByRole('button', { name: '创建' }).click();
  await expect(app.getByTestId('session-page')).toBeVisible();
  await app
    .getByRole('button', { name: /^加入篇目：/ })
    .first()
    .click();
  await app.getByTestId('readings').locator('li a').first().click();
  await expect(app.getByTestId('leader-panel')).toBeVisible();
  await app.getByTestId('article-body').evaluate((body) => {
    const text = document.createTreeWalker(body.children[1]!, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const r = document.createRange();
    r.setStart(text, 0);
    r.setEnd(text, 8);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(r);
  });
  await app.getByRole('button', { name: '把选中文字设为重点摘编' }).click();
  await expect(app.getByTestId('leader-excerpt')).toHaveCount(1);

  await typeThenReload(app, app.getByTestId('leader-excerpt').getByRole('textbox'), '请结合本单位实际逐条对照。');
  const excerpt = app.getByTestId('leader-excerpt');
  await expect(excerpt.getByRole('textbox')).toHaveValue('请结合本单位实际逐条对照。');
  await expect(excerpt.getByTestId('comment-draft-note')).toContainText('已恢复未保存的批注草稿');
  await excerpt.getByRole('button', { name: '保存批注' }).click();
  await expect(excerpt.getByTestId('comment-draft-note')).toHaveCount(0);
  await expect
    .poll(
      async () =>
        (await storedRows<{ layer: string; comment: string | null }>(app, 'highlights')).find((h) => h.layer === 'leader')?.comment,
    )
    .toBe('请结合本单位实际逐条对照。');
  await app.reload();
  await expect(app.getByTestId('leader-excerpt').getByRole('textbox')).toHaveValue('请结合本单位实际逐条对照。');
  await expect(app.getByTestId('comment-draft-note')).toHaveCount(0);
});

test('a reader setting the library fails to store is said once, stays in force, and is stored at the next start', async ({ app }) => {
  await openLongestArticle(app);
  await app.getByRole('button', { name: '阅读设置' }).click();
  // The settings store refuses every write as a full disk would (in this page only: a reload ends it).
  await app.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.name === 'settings') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const larger = app.getByRole('button', { name: '增大字号' });
  await larger.click();
  const told = app.getByTestId('toast').filter({ hasText: '阅读设置未能存入文库' });
  await expect(told).toHaveCount(1);
  await expect(told).toContainText('存储空间已满');
  await expect(told).toContainText('下次启动时再写入');
  // A second change while the store still fails is not told again.
  await larger.click();
  await expect(app.locator('.article')).toHaveCSS('font-size', '20px');
  await expect.poll(() => app.evaluate(() => localStorage.getItem('yandu.pendingWrites') ?? '')).toContain('"fontSize":20');
  await expect(app.getByTestId('toast').filter({ hasText: '阅读设置' })).toHaveCount(1);
  await app.setViewportSize({ width: 1366, height: 768 });
  await app.screenshot({ path: test.info().outputPath('reader-setting-not-stored.png') });

  // The next start (the store writable again) stores what was chosen.
  await app.reload();
  await expect(app.locator('.article-title')).toBeVisible();
  await expect(app.locator('.article')).toHaveCSS('font-size', '20px');
  await expect.poll(() => app.evaluate(() => localStorage.getItem('yandu.pendingWrites'))).toBeNull();
  await expect
    .poll(() =>
      storedRows<{ key: string; value: { fontSize: number } }>(app, 'settings').then(
        (r) => r.find((x) => x.key === 'reader')?.value.fontSize,
      ),
    )
    .toBe(20);
});

test('a source form typed and not saved opens again as a draft when the page reloads at once', async ({ app }) => {
  await app.getByRole('link', { name: '来源' }).click();
  await app.getByRole('button', { name: '添加来源' }).click();
  const form = app.getByRole('form', { name: '添加来源' });
  await form.getByLabel('名称').fill('机关党建专栏');
  // The address typed last, and the page reloaded in the same task: 保存 never ran.
  await typeThenReload(app, form.getByLabel('网址或文件夹路径'), 'http://127.0.0.1:9/dangjian/list/');
  const again = app.getByRole('form', { name: '添加来源' });
  await expect(again.getByLabel('网址或文件夹路径')).toHaveValue('http://127.0.0.1:9/dangjian/list/');
  await expect(again.getByLabel('名称')).toHaveValue('机关党建专栏');
  const note = again.getByTestId('source-draft-note');
  await expect(note).toContainText('已恢复一份未保存的来源草稿');
  // Shown as a draft only: nothing is stored until 保存.
  await expect(app.getByTestId('source-card')).toHaveCount(0);
  await app.setViewportSize({ width: 1366, height: 768 });
  await app.screenshot({ path: test.info().outputPath('source-draft-restored.png') });

  await note.getByRole('button', { name: '保存', exact: true }).click();
  await expect(app.getByTestId('source-card')).toHaveCount(1);
  await expect(app.getByTestId('source-card')).toContainText('机关党建专栏');
  await app.reload();
  await expect(app.getByTestId('source-card')).toHaveCount(1);
  await expect(app.getByRole('form', { name: '添加来源' })).toHaveCount(0);
  await expect(app.getByTestId('source-draft-note')).toHaveCount(0);
});

test('a 新建学习安排 typed and not created is offered again when the page reloads at once, never created by itself', async ({ app }) => {
  await app.getByRole('link', { name: '学习计划' }).click();
  await app.getByRole('button', { name: '新建学习安排' }).click();
  const dialog = app.getByRole('dialog', { name: '新建学习安排' });
  await dialog.getByLabel('专题').fill('学习贯彻全会精神专题研讨');
  await typeThenReload(app, dialog.getByLabel('地点'), '二楼第一会议室');
  await expect(app.getByTestId('study-dashboard')).toBeVisible();
  const waiting = app.getByTestId('new-session-draft-waiting');
  await expect(waiting).toContainText('学习贯彻全会精神专题研讨');
  await expect(app.getByTestId('session-row')).toHaveCount(0);

  await waiting.getByRole('button', { name: '继续填写' }).click();
  const again = app.getByRole('dialog', { name: '新建学习安排' });
  await expect(again.getByTestId('new-session-draft-note')).toContainText('已恢复一份未创建的学习安排草稿');
  await expect(again.getByLabel('专题')).toHaveValue('学习贯彻全会精神专题研讨');
  await expect(again.getByLabel('地点')).toHaveValue('二楼第一会议室');
  await expect(again.getByLabel('专题')).toBeFocused();
  await again.getByRole('button', { name: '创建' }).click();
  await expect(app.getByTestId('session-page')).toBeVisible();
  await expect(app.locator('#s-place')).toHaveValue('二楼第一会议室');
  await app.getByRole('link', { name: '学习计划', exact: true }).click();
  await expect(app.getByTestId('session-row')).toHaveCount(1);
  await expect(app.getByTestId('new-session-draft-waiting')).toHaveCount(0);
  await app.reload();
  await expect(app.getByTestId('session-row')).toHaveCount(1);
  await expect(app.getByTestId('new-session-draft-waiting')).toHaveCount(0);
});
