import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test('first run shows the bundled sample library, and nothing leaves 127.0.0.1', async ({ app, host, requests }) => {
  const rows = app.getByTestId('article-row');
  expect(await rows.count()).toBeGreaterThanOrEqual(8);
  await expect(app.getByTestId('library-count')).toHaveText(/共 \d+ 篇/);
  // Every row shows title, 来源, 栏目 and a Chinese date.
  await expect(rows.first().locator('.col-date')).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  await expect(rows.first().locator('.col-origin')).not.toBeEmpty();
  await expect(rows.first().locator('.col-column')).not.toBeEmpty();
  const foreign = requests.filter((u) => !u.startsWith(host.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign).toEqual([]);
});

test('sort by date and filter by text', async ({ app }) => {
  const dates = await app.locator('[data-testid="article-row"] .col-date').allTextContents();
  const iso = dates.map((d) =>
    d.replace(/(\d+)年(\d+)月(\d+)日/, (_, y: string, m: string, d2: string) => `${y}-${m.padStart(2, '0')}-${d2.padStart(2, '0')}`),
  );
  expect(iso).toEqual([...iso].sort().reverse());

  await app.getByRole('columnheader', { name: /日期/ }).click();
  const ascending = await app.locator('[data-testid="article-row"] .col-date').first().textContent();
  expect(ascending).toBe(dates[dates.length - 1]);

  const firstTitle = (await app.locator('[data-testid="article-row"] .col-title').first().textContent())!;
  const filter = app.getByRole('searchbox', { name: /筛选/ });
  await filter.fill(firstTitle.slice(0, 6));
  await expect(app.getByTestId('article-row')).toHaveCount(1);
  await filter.fill('这串文字不会出现在任何文章里');
  await expect(app.getByText('没有符合筛选条件的文章。')).toBeVisible();
  await app.getByRole('button', { name: '清除筛选' }).click();
  await expect.poll(() => app.getByTestId('article-row').count()).toBeGreaterThanOrEqual(8);
});

test('keyboard: arrows choose a row, Enter opens it, Escape returns', async ({ app }) => {
  await app.getByRole('grid').focus();
  await app.keyboard.press('ArrowDown');
  const second = (await app.locator('[data-testid="article-row"]').nth(1).locator('.col-title').textContent())!;
  await app.keyboard.press('Enter');
  await expect(app.locator('.article-title')).toHaveText(second);
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('article-row').first()).toBeVisible();
});

/** The reading position's progress stored for an article, read from IndexedDB itself (null: none yet). */
function storedProgress(page: Page, articleId: string): Promise<number | null> {
  return page.evaluate(
    (id) =>
      new Promise<number | null>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('reading').objectStore('reading').get(id);
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as { progress?: number } | undefined)?.progress ?? null);
          };
        };
      }),
    articleId,
  );
}

test('reader keeps the article, position and font size across a reload', async ({ app }) => {
  // Open the longest article so there is room to scroll.
  await app.getByRole('columnheader', { name: /标题/ }).click();
  const rows = app.getByTestId('article-row');
  await rows.first().locator('a').click();
  await expect(app.locator('.article-title')).toBeVisible();
  const title = await app.locator('.article-title').textContent();

  await app.getByRole('button', { name: '阅读设置' }).click();
  await app.getByRole('button', { name: '增大字号' }).click();
  await app.getByRole('button', { name: '增大字号' }).click();
  await expect(app.getByTestId('font-size')).toHaveText('20px');
  const bodyFont = await app.locator('.article').evaluate((el) => getComputedStyle(el).fontSize);
  expect(bodyFont).toBe('20px');

  const scroller = app.getByTestId('reader-scroll');
  await scroller.evaluate((el) => el.scrollTo(0, Math.min(1500, el.scrollHeight - el.clientHeight - 10)));
  const blockAtTop = async () =>
    scroller.evaluate((el) => {
      const top = el.getBoundingClientRect().top + 1;
      const body = el.querySelector('[data-testid="article-body"]')!;
      const blocks = [...body.children];
      return blocks.findIndex((b) => b.getBoundingClientRect().bottom > top);
    });
  const before = await blockAtTop();
  expect(before).toBeGreaterThan(0);
  const scrolledBefore = await scroller.evaluate((el) => el.scrollTop);
  // The throttled save landed: IndexedDB holds this scroll position.
  const articleId = decodeURIComponent(new URL(app.url()).hash.replace(/^#\/read\//, '').split(/[?/]/)[0]!);
  const scrolledProgress = await scroller.evaluate((el) => el.scrollTop / Math.max(1, el.scrollHeight - el.clientHeight));
  expect(scrolledProgress).toBeGreaterThan(0);
  await expect.poll(() => storedProgress(app, articleId)).toBeCloseTo(scrolledProgress, 3);

  await app.reload();
  await expect(app.locator('.article-title')).toHaveText(title!);
  await expect(app.locator('.article')).toHaveCSS('font-size', '20px');
  await expect.poll(blockAtTop).toBe(before);
  const scrolledAfter = await scroller.evaluate((el) => el.scrollTop);
  expect(Math.abs(scrolledAfter - scrolledBefore)).toBeLessThan(40);

  await app.screenshot({ path: 'test-results/reader.png' });
});

test('themes and fonts apply and persist', async ({ app }) => {
  await app.getByTestId('article-row').first().locator('a').click();
  await app.getByRole('button', { name: '阅读设置' }).click();
  await app.getByText('夜间').click();
  await app.getByText('楷体').click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(app.locator('.reader')).toHaveClass(/font-kai/);
  await app.reload();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(app.locator('.reader')).toHaveClass(/font-kai/);
});

test('settings shows what the host says about itself over the contract', async ({ app }) => {
  await app.getByRole('link', { name: '设置' }).click();
  await expect(app.getByTestId('about')).toContainText('浏览器版（HTTP）');
  await expect(app.getByTestId('about')).toContainText('研读');
});

test('the host refuses a page opened without its token', async ({ page, host }) => {
  const response = await page.goto(host.origin + '/');
  expect(response?.status()).toBe(401);
  await expect(page.getByText('需要访问令牌')).toBeVisible();
  const api = await page.evaluate(
    async () => (await fetch('/api/call/app.info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status,
  );
  expect(api).toBe(401);
});
