/**
 * Every main screen of the app, reachable from a library that is not empty: used by the
 * accessibility spec (a11y.spec.ts) and by `npm run screenshots` (scripts/screenshots.ts).
 * `seed` makes a session with two readings, a highlight, a note and an exported packet, through
 * the UI as a user would; each screen's `open` shows it from anywhere in the app.
 */
import { expect, type Page } from '@playwright/test';

export interface Screen {
  name: string;
  /** Popovers the screen opens on purpose: the layout check (layout.ts) allows what they cover. */
  overlays?: string[];
  open(page: Page, seeded: Seeded): Promise<void>;
}

export interface Seeded {
  /** Hash of the reader on the first reading (with a highlight and a note). */
  readerHash: string;
  /** Hash of the session page. */
  sessionHash: string;
  /** Path of the exported packet. */
  packetFile: string;
}

async function go(page: Page, hash: string): Promise<void> {
  // The search panel (in the app bar) stays open across screens: close it first.
  if (await page.getByTestId('search-panel').isVisible()) {
    await page.getByTestId('search-input').fill('');
    await page.getByTestId('search-input').press('Escape');
    await expect(page.getByTestId('search-panel')).toBeHidden();
  }
  await page.evaluate((h) => (window.location.hash = h), hash);
}

/** Selects characters [from, to) of block `block` of the open article, once the reader follows selections. */
async function selectInBlock(page: Page, block: number, from: number, to: number): Promise<void> {
  await expect(async () => {
    await selectOnce(page, block, from, to);
    await expect(page.getByTestId('hl-toolbar')).toBeVisible({ timeout: 1000 });
  }).toPass();
}

async function selectOnce(page: Page, block: number, from: number, to: number): Promise<void> {
  await page.getByTestId('article-body').evaluate(
    (body, { block, from, to }) => {
      const el = body.children[block]!;
      const text = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const r = document.createRange();
      r.setStart(text, Math.min(from, text.length));
      r.setEnd(text, Math.min(to, text.length));
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(r);
    },
    { block, from, to },
  );
}

/** Index of the first paragraph of at least 60 characters after `after`. */
async function paragraphAfter(page: Page, after: number): Promise<number> {
  return page
    .getByTestId('article-body')
    .evaluate(
      (body, after) => [...body.children].findIndex((b, i) => i > after && b.tagName === 'P' && (b.textContent ?? '').length >= 60),
      after,
    );
}

export async function seed(page: Page, downloadDir: string): Promise<Seeded> {
  await expect(page.getByTestId('article-row').first()).toBeVisible();
  // A session with two readings.
  await page.getByRole('link', { name: '学习计划' }).click();
  await page.getByRole('button', { name: '新建学习安排' }).click();
  // 新建学习安排 is a dialog that stores nothing until 创建.
  const dialog = page.getByRole('dialog', { name: '新建学习安排' });
  await dialog.getByLabel('专题').fill('坚持民主集中制');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.getByTestId('session-page')).toBeVisible();
  await page.getByLabel('专题', { exact: true }).fill('坚持民主集中制');
  await page.getByLabel('地点', { exact: true }).first().fill('三楼会议室');
  await page.getByLabel('主持人', { exact: true }).first().fill('赵书记');
  await page.getByLabel('主持人', { exact: true }).first().blur();
  for (let i = 1; i <= 2; i++) {
    await page
      .getByRole('button', { name: /^加入篇目：/ })
      .first()
      .click();
    await expect(page.getByTestId('readings').locator('li')).toHaveCount(i);
  }
  const sessionHash = await page.evaluate(() => window.location.hash);

  // The first reading: a highlight, an underline and a note.
  await page.getByTestId('readings').locator('li a').first().click();
  await expect(page.getByTestId('article-body')).toBeVisible();
  const readerHash = await page.evaluate(() => window.location.hash.replace(/\?.*$/, ''));
  const p1 = await paragraphAfter(page, -1);
  await selectInBlock(page, p1, 2, 24);
  await page.keyboard.press('h');
  const p2 = await paragraphAfter(page, p1);
  await selectInBlock(page, p2, 0, 18);
  await page.keyboard.press('3');
  await selectInBlock(page, p2, 30, 50);
  await page.keyboard.press('n');
  await expect(page.getByTestId('note-panel')).toBeVisible();
  await page.keyboard.type('这一段讲清了调查研究的方法：带着问题去，沉到一线去。');
  await expect(page.getByTestId('note-panel')).toContainText('已保存', { timeout: 15_000 });

  // The packet of the session.
  await go(page, sessionHash);
  await expect(page.getByTestId('session-page')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出学习资料包' }).click();
  const packetFile = `${downloadDir}/${(await download).suggestedFilename()}`;
  await (await download).saveAs(packetFile);
  return { readerHash, sessionHash, packetFile };
}

/** Every main screen, in the order a person meets them. The recovery offer needs its own profile. */
export const SCREENS: readonly Screen[] = [
  {
    name: 'library',
    open: async (page) => {
      await go(page, '#/');
      await expect(page.getByTestId('article-row').first()).toBeVisible();
    },
  },
  {
    name: 'reader',
    open: async (page, seeded) => {
      await go(page, seeded.readerHash);
      await expect(page.getByTestId('article-body')).toBeVisible();
      // The note panel beside the article.
      const note = page.getByRole('button', { name: '写笔记' });
      if (await note.isVisible()) await note.click();
      await expect(page.getByTestId('note-panel')).toBeVisible();
    },
  },
  {
    name: 'notebook',
    open: async (page) => {
      await go(page, '#/notebook');
      await expect(page.getByTestId('notebook-entry').first()).toBeVisible();
    },
  },
  {
    name: 'study',
    open: async (page) => {
      await go(page, '#/study');
      await expect(page.getByTestId('study-dashboard')).toBeVisible();
    },
  },
  {
    name: 'session',
    open: async (page, seeded) => {
      await go(page, seeded.sessionHash);
      await expect(page.getByTestId('session-page')).toBeVisible();
    },
  },
  {
    name: 'packets',
    open: async (page) => {
      await go(page, '#/packets');
      await expect(page.getByTestId('pk-file')).toBeAttached();
    },
  },
  {
    name: 'sources',
    open: async (page) => {
      await go(page, '#/sources');
      await expect(page.getByRole('heading').first()).toBeVisible();
    },
  },
  {
    name: 'settings',
    open: async (page) => {
      await go(page, '#/settings');
      await expect(page.getByTestId('diagnostics')).toBeAttached();
    },
  },
  {
    name: 'search',
    overlays: ['[data-testid="search-panel"]'],
    open: async (page) => {
      await go(page, '#/');
      await expect(page.getByTestId('article-row').first()).toBeVisible();
      await page.getByTestId('search-input').fill('调查研究');
      await expect(page.getByTestId('search-hit').first()).toBeVisible();
    },
  },
  {
    name: 'print-preview',
    open: async (page) => {
      await go(page, '#/print/notebook');
      await expect(page.getByTestId('print-doc')).toBeVisible({ timeout: 30_000 });
    },
  },
];

/** Closes the notices (they float over the page for a few seconds by design), as a reader would. */
export async function closeNotices(page: Page): Promise<void> {
  for (const close of await page.getByTestId('toast').getByRole('button', { name: '关闭提示' }).all()) await close.click();
  await expect(page.getByTestId('toast')).toHaveCount(0);
}

/** Interface scale through 设置's 界面大小 (issue 14 item 2), waiting until the page applies it. */
export async function setScale(page: Page, percent: number): Promise<'setting'> {
  const hash = await page.evaluate(() => window.location.hash);
  await go(page, '#/settings');
  const control = page.getByTestId('interface-scale');
  await control.selectOption(String(percent));
  await expect(page.locator('html')).toHaveAttribute('data-ui-scale', String(percent));
  await go(page, hash);
  return 'setting';
}

export const THEMES = ['light', 'sepia', 'dark'] as const;

/** The three themes are the reader's setting (阅读设置), applied to every screen. */
export async function setTheme(page: Page, seeded: Seeded, theme: (typeof THEMES)[number]): Promise<void> {
  const labels = { light: '明亮', sepia: '护眼', dark: '夜间' } as const;
  const hash = await page.evaluate(() => window.location.hash);
  await go(page, seeded.readerHash);
  await expect(page.getByTestId('article-body')).toBeVisible();
  await page.getByRole('button', { name: '阅读设置' }).click();
  // The radio is drawn by its label, which takes the click.
  await page.locator('.reader-settings label').filter({ hasText: labels[theme] }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  await go(page, hash);
}

/** Makes a backup now (设置 → 立即备份), so a fresh profile is offered the recovery. */
export async function backupNow(page: Page): Promise<void> {
  await go(page, '#/settings');
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByTestId('backup-status')).toContainText('已备份', { timeout: 30_000 });
}
