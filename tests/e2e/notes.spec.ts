import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import type { HighlightRow } from '../../renderer/db/schema';
import { expect, test } from './fixtures';

/** Puts highlights straight into IndexedDB (the highlight UI is tested elsewhere), on the first articles' real text. */
async function seedHighlights(page: Page): Promise<{ quotes: string[]; title: string }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('yandu');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const articles = (await all<{ id: string; title: string; publishedAt: string }>('articles')).sort((a, b) => a.id.localeCompare(b.id));
    const bodies = new Map((await all<{ articleId: string; text: string }>('bodies')).map((b) => [b.articleId, b.text]));
    const colors = ['yellow', 'green', 'blue'] as const;
    const rows: HighlightRow[] = [];
    for (let i = 0; i < 3; i++) {
      const a = articles[i % 2]!;
      const text = bodies.get(a.id)!;
      const start = 10 + i * 40;
      const end = start + 18;
      const now = new Date(Date.now() - i * 60_000).toISOString();
      rows.push({
        id: `h_e2e_${i}`,
        articleId: a.id,
        layer: 'personal',
        color: colors[i]!,
        style: 'fill',
        selector: {
          exact: text.slice(start, end),
          prefix: text.slice(Math.max(0, start - 32), start),
          suffix: text.slice(end, end + 32),
          start,
          end,
        },
        articleVersion: 1,
        orphan: false,
        tags: i === 0 ? ['重点'] : [],
        comment: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('highlights', 'readwrite');
      for (const r of rows) tx.objectStore('highlights').put(r);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return { quotes: rows.map((r) => r.selector.exact), title: articles[0]!.title };
  });
}

test('a standalone 心得体会 survives an immediate reload; the notebook filters and exports it', async ({ app, host, requests }) => {
  await app.getByRole('link', { name: '笔记本' }).click();
  await expect(app.getByText('笔记本还是空的')).toBeVisible();
  await expect(app.getByTestId('quota')).toHaveText(new RegExp(`^${new Date().getFullYear()}年笔记 0 / 10,000 字$`));

  // Write a 心得体会 and reload at once: autosave and the unload journal keep every character.
  await app.getByRole('button', { name: '新建心得体会' }).click();
  await expect(app.getByTestId('note-editor')).toBeVisible();
  await expect(app.getByLabel('类型')).toHaveValue('reflection');
  await app.getByLabel('标题').fill('学习心得');
  const body = app.getByTestId('note-body');
  await body.click();
  await app.keyboard.type('学以致用，知行合一。');
  await app.keyboard.press('Enter');
  await app.keyboard.type('最后一句刚刚打完');
  await expect(app.getByTestId('note-zi')).toHaveText('18 字');
  await app.reload();
  await expect(app.getByTestId('note-body')).toContainText('最后一句刚刚打完');
  await expect(app.getByTestId('note-body')).toContainText('学以致用，知行合一。');
  await expect(app.getByLabel('标题')).toHaveValue('学习心得');
  await expect(app.getByTestId('note-zi')).toHaveText('18 字');

  // Seed highlights, insert one into the note as a quote with its citation.
  const { quotes, title } = await seedHighlights(app);
  await app.getByTestId('note-body').click();
  await app.keyboard.press('Control+End');
  await app.getByRole('button', { name: '插入划线' }).click();
  await app.getByRole('searchbox', { name: /选择要插入的划线/ }).fill(quotes[0]!.slice(0, 6));
  // The highlights load asynchronously: choose once the list shows the match.
  await expect(
    app
      .getByRole('listbox', { name: /选择要插入的划线/ })
      .getByRole('option')
      .first(),
  ).toContainText(quotes[0]!.slice(0, 6));
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('note-body').locator('blockquote')).toContainText(quotes[0]!);
  await expect(app.getByTestId('note-body').locator('blockquote')).toContainText(`——《${title}》`);
  await expect(app.getByTestId('note-status')).toHaveText('已保存');
  await app.keyboard.press('Escape');

  // The notebook: 3 highlights and the note; filter by kind.
  await expect(app.getByTestId('notebook-count')).toHaveText('共 4 条');
  await expect(app.getByTestId('quota')).toContainText(/年笔记 \d+ \/ 10,000 字/);
  await app.getByLabel('类型', { exact: true }).selectOption('reflection');
  await expect(app.getByTestId('notebook-count')).toHaveText('1 / 4 条');
  await expect(app.getByTestId('notebook-entry')).toHaveCount(1);
  await expect(app.getByTestId('notebook-entry')).toContainText('学习心得');
  const ms = Number(await app.getByTestId('notebook-count').getAttribute('data-filter-ms'));
  expect(ms).toBeLessThan(100);
  await app.getByLabel('类型', { exact: true }).selectOption('highlight');
  await expect(app.getByTestId('notebook-entry')).toHaveCount(3);
  await app.getByLabel('颜色').selectOption('green');
  await expect(app.getByTestId('notebook-entry')).toHaveCount(1);
  await app.getByRole('button', { name: '清除筛选' }).first().click();
  await expect(app.getByTestId('notebook-count')).toHaveText('共 4 条');
  await app.locator('.choice label', { hasText: '按日期' }).click();
  await expect(app.locator('.nb-group-label').first()).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  await app.locator('.choice label', { hasText: '按文章' }).click();

  // Export Word through a real download and read it back.
  const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: '导出 Word' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^研读笔记-\d{4}-\d{2}-\d{2}\.docx$/);
  const { value: text } = await mammoth.extractRawText({ buffer: await readFile((await download.path())!) });
  expect(text).toContain('研读笔记');
  for (const q of quotes) expect(text).toContain(q);
  expect(text).toContain('心得体会：学习心得');
  expect(text).toContain('学以致用，知行合一。');
  expect(text).toContain('最后一句刚刚打完');
  expect(text).toContain(`——《${title}》`);

  await app.screenshot({ path: 'test-results/notebook.png' });

  // Opening the note from the notebook shows it in the full-page editor.
  await app.getByTestId('notebook-entry').filter({ hasText: '学习心得' }).dblclick();
  await expect(app.getByTestId('note-body')).toContainText('最后一句刚刚打完');
  await app.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(app.getByTestId('notebook-count')).toHaveText('共 4 条');

  const foreign = requests.filter((u) => !u.startsWith(host.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign).toEqual([]);
});

test('a note on the article from the reader side panel lands in the notebook; the quota is editable', async ({ app }) => {
  await app.getByTestId('article-row').first().locator('a').click();
  await expect(app.locator('.article-title')).toBeVisible();
  const title = (await app.locator('.article-title').textContent())!;
  await app.getByRole('button', { name: '写笔记' }).click();
  const panel = app.getByTestId('note-panel');
  await expect(panel.getByTestId('note-editor')).toBeVisible();
  await expect(panel).toContainText(`关于《${title}》`);
  // Docked beside the text, not over it: the passage being noted stays readable.
  const text = (await app.getByTestId('article-body').boundingBox())!;
  const side = (await panel.boundingBox())!;
  expect(text.x + text.width).toBeLessThanOrEqual(side.x + 1);
  await panel.getByLabel('类型').selectOption('outline');
  await panel.getByTestId('note-body').click();
  await app.keyboard.type('发言提纲第一条');
  await panel.getByRole('button', { name: '加粗' }).click();
  await app.keyboard.type('重点');
  await expect(panel.getByTestId('note-body').locator('strong')).toHaveText('重点');
  await app.screenshot({ path: 'test-results/note-panel.png' });
  await panel.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(panel).toBeHidden();

  await app.getByRole('link', { name: '笔记本' }).click();
  await app.getByLabel('类型', { exact: true }).selectOption('outline');
  await expect(app.getByTestId('notebook-entry')).toHaveCount(1);
  await expect(app.getByTestId('notebook-entry')).toContainText('发言提纲第一条重点');
  await expect(app.locator('.nb-group-label').first()).toHaveText(`《${title}》`);

  const goal = app.getByLabel('年度目标（字）');
  await goal.fill('0');
  await goal.press('Enter');
  await expect(app.getByRole('alert')).toContainText('年度目标应为');
  await goal.fill('20000');
  await goal.press('Enter');
  await expect(app.getByTestId('quota')).toHaveText(new RegExp(`^${new Date().getFullYear()}年笔记 9 / 20,000 字$`));
  // The setting is written asynchronously: reload once it is stored.
  await expect
    .poll(() =>
      app.evaluate(
        () =>
          new Promise<unknown>((resolve) => {
            const open = indexedDB.open('yandu');
            open.onsuccess = () => {
              const req = open.result.transaction('settings').objectStore('settings').get('notebook.quota');
              req.onsuccess = () => resolve((req.result as { value?: unknown } | undefined)?.value);
            };
          }),
      ),
    )
    .toEqual({ ziPerYear: 20000 });
  await app.reload();
  await expect(app.getByTestId('quota')).toContainText('/ 20,000 字');
});
