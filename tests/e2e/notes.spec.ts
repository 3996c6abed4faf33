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
  // The filter reports its time (the notebook bench measures it; no timed assertion here).
  expect(Number(await app.getByTestId('notebook-count').getAttribute('data-filter-ms'))).toBeGreaterThanOrEqual(0);
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

// —— Notes never vanish: unknown content is kept; every way of opening puts the caret in the body ——

interface StoredNote {
  id: string;
  title: string;
  doc: unknown;
  text: string;
  zi: number;
  updatedAt: string;
}

/** All note rows, straight from IndexedDB. */
async function storedNotes(page: Page): Promise<StoredNote[]> {
  return page.evaluate(
    () =>
      new Promise<StoredNote[]>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('notes').objectStore('notes').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as StoredNote[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** Puts a note row straight into IndexedDB, as another version (or a restored backup) left it. */
async function seedNote(page: Page, row: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    (row) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('notes', 'readwrite');
          tx.objectStore('notes').put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    row,
  );
}

const COMMENT = { type: 'comment', attrs: { thread: 'c1', resolved: false } };
const FOREIGN_BLOCKS = [
  { type: 'heading', attrs: { level: 2, id: 'h-1' }, content: [{ type: 'text', text: '一、总体要求' }] },
  {
    type: 'paragraph',
    content: [
      { type: 'text', text: '批注过的话', marks: [COMMENT, { type: 'bold' }] },
      { type: 'text', text: '，请' },
      { type: 'mention', attrs: { id: 'u7', label: '张三' } },
      { type: 'text', text: '同志阅' },
    ],
  },
  {
    type: 'table',
    content: [
      {
        type: 'tableRow',
        content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: '表格里的话' }] }] }],
      },
    ],
  },
  {
    type: 'bulletList',
    content: [
      {
        type: 'listItem',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: '要点' }] },
          { type: 'callout', content: [] },
        ],
      },
    ],
  },
  { type: 'paragraph', content: [{ type: 'text', text: '最后一段' }] },
];

function noteRow(id: string, title: string, doc: unknown, text: string) {
  const now = new Date().toISOString();
  return {
    id,
    kind: 'note',
    articleId: null,
    highlightId: null,
    title,
    doc,
    text,
    zi: [...text.replace(/\s/g, '')].length,
    tags: [],
    createdAt: now,
    updatedAt: now,
  };
}

test('a note from another version keeps its unknown nodes and marks when edited', async ({ app }) => {
  const doc = { type: 'doc', content: FOREIGN_BLOCKS };
  await seedNote(app, noteRow('n_foreign', '外来笔记', doc, '一、总体要求\n批注过的话，请同志阅\n表格里的话\n要点\n最后一段'));
  await app.getByRole('link', { name: '笔记本' }).click();
  await app.getByTestId('notebook-entry').filter({ hasText: '外来笔记' }).dblclick();
  const body = app.getByTestId('note-body');
  // Shown, labelled, not dropped.
  await expect(body.getByTestId('note-preserved')).toHaveCount(2);
  await expect(body.getByTestId('note-preserved').first()).toContainText('表格里的话');
  await expect(body.getByTestId('note-preserved').first()).toContainText('由其他版本创建的内容，已原样保留');
  await expect(body).toContainText('批注过的话，请');
  // The caret is already at the end: type at once.
  await app.keyboard.type('，补充');
  await expect(body).toContainText('最后一段，补充');
  await expect(app.getByTestId('note-status')).toHaveText('已保存');
  await expect.poll(async () => (await storedNotes(app)).find((n) => n.id === 'n_foreign')?.text).toContain('最后一段，补充');
  const saved = (await storedNotes(app)).find((n) => n.id === 'n_foreign')!;
  const blocks = (saved.doc as { content: unknown[] }).content;
  expect(blocks).toHaveLength(FOREIGN_BLOCKS.length);
  for (let i = 0; i < FOREIGN_BLOCKS.length - 1; i++) expect(JSON.stringify(blocks[i])).toBe(JSON.stringify(FOREIGN_BLOCKS[i]));
  expect(blocks[FOREIGN_BLOCKS.length - 1]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: '最后一段，补充' }] });
  expect(saved.text).toContain('表格里的话');
  await expect(app.getByTestId('note-zi')).toHaveText(`${saved.zi} 字`);
});

test('typing at once into a note that ends with a kept block adds a paragraph after it, never over it', async ({ app }) => {
  const blocks = [FOREIGN_BLOCKS[4], FOREIGN_BLOCKS[2]];
  await seedNote(app, noteRow('n_tail', '以表格结尾', { type: 'doc', content: blocks }, '最后一段\n表格里的话'));
  await app.getByRole('link', { name: '笔记本' }).click();
  await app.getByTestId('notebook-entry').filter({ hasText: '以表格结尾' }).dblclick();
  await expect(app.getByTestId('note-preserved')).toContainText('表格里的话');
  await app.keyboard.type('ok表格之后');
  await expect(app.getByTestId('note-body')).toContainText('ok表格之后');
  await expect.poll(async () => (await storedNotes(app)).find((n) => n.id === 'n_tail')?.text).toContain('ok表格之后');
  const content = ((await storedNotes(app)).find((n) => n.id === 'n_tail')!.doc as { content: unknown[] }).content;
  expect(content.slice(0, 2).map((b) => JSON.stringify(b))).toEqual(blocks.map((b) => JSON.stringify(b)));
  expect(content[2]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'ok表格之后' }] });
});

test('a note that cannot be kept faithfully opens read-only and is never written', async ({ app }) => {
  const row = noteRow(
    'n_broken',
    '损坏的笔记',
    { type: 'doc', content: [{ type: 'paragraph', content: [{ text: '没有类型的文字' }] }] },
    '没有类型的文字',
  );
  await seedNote(app, row);
  await app.getByRole('link', { name: '笔记本' }).click();
  await app.getByTestId('notebook-entry').filter({ hasText: '损坏的笔记' }).dblclick();
  await expect(app.getByTestId('note-readonly')).toContainText('只读');
  await expect(app.getByTestId('note-body')).toContainText('没有类型的文字');
  await expect(app.getByTestId('note-body')).toHaveAttribute('contenteditable', 'false');
  await app.getByTestId('note-body').click();
  await app.keyboard.type('不应写入');
  await app.getByRole('button', { name: '另存为新笔记' }).click();
  // The copy opens in its place, editable, with the text; the original is exactly as it was.
  await expect(app.getByLabel('标题')).toHaveValue('损坏的笔记（副本）');
  await expect(app.getByTestId('note-body')).toHaveAttribute('contenteditable', 'true');
  await expect.poll(async () => (await storedNotes(app)).length).toBe(2);
  const notes = await storedNotes(app);
  expect(notes.find((n) => n.id === 'n_broken')).toEqual(row);
  expect(notes.find((n) => n.id !== 'n_broken')!.text).toBe('没有类型的文字');
});

test('keys typed while a read-only note opens from 查看/编辑笔记 are kept for 另存为新笔记', async ({ app }) => {
  const { title } = await seedHighlights(app);
  const articleId = await app.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('yandu');
        open.onsuccess = () => {
          const req = open.result.transaction('highlights').objectStore('highlights').get('h_e2e_0');
          req.onsuccess = () => resolve((req.result as { articleId: string }).articleId);
        };
      }),
  );
  const row = { ...noteRow('n_hl_broken', '划线上的旧笔记', { type: 'doc', content: 7 }, ''), articleId, highlightId: 'h_e2e_0' };
  await seedNote(app, row);
  await app.getByRole('link', { name: title }).click();
  await expect.poll(() => app.evaluate(() => window.__yanduPaint().some(([, h]) => h.length > 0))).toBe(true);
  const point = await app.evaluate(() => {
    const painted = window.__yanduPaint().filter(([k, h]) => k.startsWith('yandu-personal-') && h.length > 0);
    const ranges = painted.flatMap(([, h]) => h);
    const first = ranges.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0]!;
    first.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const r = first.getClientRects()[0]!;
    return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
  });
  await app.mouse.click(point.x, point.y);
  // The highlight has a note: its popover offers to open it rather than add one.
  await app.locator('.hl-popover').getByRole('button', { name: '查看/编辑笔记' }).click();
  await app.keyboard.type('只读时打的字');
  await expect(app.getByTestId('note-readonly')).toContainText('另存为新笔记时会一并保存');
  await app.getByRole('button', { name: '另存为新笔记' }).click();
  await expect(app.getByTestId('note-body')).toContainText('只读时打的字');
  await expect.poll(async () => (await storedNotes(app)).length).toBe(2);
  const notes = await storedNotes(app);
  expect(notes.find((n) => n.id === 'n_hl_broken')).toEqual(row);
  expect(notes.find((n) => n.id !== 'n_hl_broken')!.text).toBe('只读时打的字');
});

/** Selects characters [2, 14) of the article's first long text node, as a reader would. */
async function selectInArticle(app: Page): Promise<string> {
  return app.getByTestId('article-body').evaluate((body) => {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode() as Text | null;
    while (node && node.data.trim().length < 30) node = walker.nextNode() as Text | null;
    if (!node) throw new Error('no long text in the article');
    node.parentElement!.scrollIntoView({ block: 'center' });
    window.getSelection()!.setBaseAndExtent(node, 2, node, 14);
    return window.getSelection()!.toString();
  });
}

async function openFirstArticle(app: Page): Promise<void> {
  await app.getByTestId('article-row').first().locator('a').click();
  await expect(app.getByTestId('article-body')).toBeVisible();
}

/** Selects text once the highlight layer is listening (its toolbar shows for the selection). */
async function selectWhenReady(app: Page): Promise<void> {
  await expect(async () => {
    await selectInArticle(app);
    await expect(app.getByTestId('hl-toolbar')).toBeVisible({ timeout: 1000 });
  }).toPass();
}

/**
 * Typed at once after opening, without clicking into the editor: every character lands in the note,
 * and a reload straight after (before any autosave had to happen) still finds all of it stored.
 */
async function typeAtOnceAndCheck(app: Page, typed: string, whileOpen?: () => Promise<void>): Promise<void> {
  await app.keyboard.type(typed);
  await expect(app.getByTestId('note-body')).toContainText(typed);
  await whileOpen?.();
  await app.reload();
  await expect.poll(async () => (await storedNotes(app)).some((n) => n.text.includes(typed))).toBe(true);
}

test('n on a selection opens a note with the caret in its body', async ({ app }) => {
  await openFirstArticle(app);
  await selectWhenReady(app);
  await app.keyboard.press('n');
  await typeAtOnceAndCheck(app, 'abc 按n后立即输入', () => expect(app.getByTestId('note-panel').getByTestId('note-quote')).toBeVisible());
});

test('添加笔记 on a highlight opens a note with the caret in its body', async ({ app }) => {
  await openFirstArticle(app);
  await selectWhenReady(app);
  await app.keyboard.press('h');
  // Open the new highlight's popover by clicking its painted text.
  await expect
    .poll(() => app.evaluate(() => window.__yanduPaint().some(([k, h]) => k.startsWith('yandu-personal-') && h.length > 0)))
    .toBe(true);
  await app.evaluate(() => window.getSelection()?.removeAllRanges());
  const point = await app.evaluate(() => {
    const [, ranges] = window.__yanduPaint().find(([k, h]) => k.startsWith('yandu-personal-') && h.length > 0)!;
    const r = ranges[0]!.getClientRects()[0]!;
    return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
  });
  await app.mouse.click(point.x, point.y);
  await app.locator('.hl-popover').getByRole('button', { name: '添加笔记' }).click();
  await typeAtOnceAndCheck(app, 'xyz 点添加笔记后立即输入');
});

test('写笔记 opens a note on the article with the caret in its body', async ({ app }) => {
  await openFirstArticle(app);
  await app.getByRole('button', { name: '写笔记' }).click();
  await typeAtOnceAndCheck(app, 'q 写笔记后立即输入', () => expect(app.getByTestId('note-panel')).toContainText('关于《'));
});

for (const [label, kind] of [
  ['新建笔记', 'note'],
  ['新建发言提纲', 'outline'],
  ['新建心得体会', 'reflection'],
] as const) {
  test(`${label} puts the caret in the body`, async ({ app }) => {
    await app.getByRole('link', { name: '笔记本' }).click();
    await app.getByRole('button', { name: label }).click();
    await typeAtOnceAndCheck(app, `w ${label}后立即输入`, () => expect(app.getByLabel('类型')).toHaveValue(kind));
  });
}

test('删除笔记 asks in the app’s own dialog: Esc and 取消 keep the note, 删除笔记 removes it', async ({ app }) => {
  await openFirstArticle(app);
  await app.getByRole('button', { name: '写笔记' }).click();
  await app.keyboard.type('要删除的笔记');
  await expect.poll(async () => (await storedNotes(app)).some((n) => n.text.includes('要删除的笔记'))).toBe(true);
  const panel = app.getByTestId('note-panel');
  const remove = panel.getByRole('button', { name: '删除笔记' });
  const ask = app.getByRole('alertdialog', { name: '删除笔记' });

  await remove.click();
  await expect(ask).toContainText('此操作不能撤销');
  await expect(ask.getByRole('button', { name: '取消' })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(remove).toBeFocused();
  await remove.click();
  await ask.getByRole('button', { name: '取消' }).click();
  await expect(ask).toHaveCount(0);
  await expect(panel.getByTestId('note-body')).toContainText('要删除的笔记');
  expect((await storedNotes(app)).filter((n) => n.text.includes('要删除的笔记'))).toHaveLength(1);

  await remove.click();
  await ask.getByRole('button', { name: '删除笔记' }).click();
  await expect(panel).toBeHidden();
  await expect.poll(async () => (await storedNotes(app)).filter((n) => n.text.includes('要删除的笔记')).length).toBe(0);
});

test('one note edited in two tabs at once: neither tab’s words are lost, and the later tab says why in Chinese', async ({
  app,
  context,
}) => {
  await app.getByRole('link', { name: '笔记本' }).click();
  await app.getByRole('button', { name: '新建笔记' }).click();
  await app.keyboard.type('甲窗口写的第一句。');
  await expect.poll(async () => (await storedNotes(app)).map((n) => n.text)).toEqual(['甲窗口写的第一句。']);
  const id = (await storedNotes(app))[0]!.id;

  // The same note in a second tab, edited there and saved.
  const other = await context.newPage();
  await other.goto(app.url().replace(/#.*$/, `#/notebook?note=${id}`));
  await expect(other.getByTestId('note-body')).toContainText('甲窗口写的第一句。');
  await other.getByTestId('note-body').click();
  await other.keyboard.press('Control+End');
  await other.keyboard.type('乙窗口补充的一句。');
  await expect.poll(async () => (await storedNotes(app)).map((n) => n.text).join('|')).toContain('乙窗口补充的一句。');

  // The first tab, which never saw that, goes on typing: its save must not overwrite the other tab's words.
  await app.getByTestId('note-body').click();
  await app.keyboard.press('Control+End');
  await app.keyboard.type('甲窗口又写的一句。');
  await expect(app.getByTestId('note-notice')).toContainText('另一个窗口');
  await expect
    .poll(async () => {
      const texts = (await storedNotes(app)).map((n) => n.text).join('|');
      return texts.includes('乙窗口补充的一句。') && texts.includes('甲窗口又写的一句。');
    })
    .toBe(true);
  // Typing on after the notice goes into the copy, still not over the other tab's version.
  await app.keyboard.type('再写一句。');
  await expect.poll(async () => (await storedNotes(app)).some((n) => n.text.includes('甲窗口又写的一句。再写一句。'))).toBe(true);
  const rows = await storedNotes(app);
  expect(rows.find((n) => n.id === id)!.text).toContain('乙窗口补充的一句。');
  expect(rows.find((n) => n.id === id)!.text).not.toContain('甲窗口又写的一句。');
  await other.close();
});
