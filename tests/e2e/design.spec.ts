/**
 * The design system in use (issue 14): 界面大小 persisted and applied everywhere but the printed
 * page; notices in live regions; the form behaviours (numbers refuse text, 新建学习安排 can be
 * cancelled, deletions confirm or undo, dates the Chinese way with a keyboard picker, a Chinese
 * file button that opens with Enter and Space).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { layoutFaults } from './layout';
import { generatePacket, seedPacket } from './print-data';
import { pdfInfo, pdfWords } from './print-pdf';
import { closeNotices, SCREENS, seed, setScale as setScreenScale } from './screens';

const OUT = path.resolve('test-results/design-e2e');

async function setScale(app: Page, scale: number): Promise<void> {
  await app.evaluate(() => (window.location.hash = '#/settings'));
  await app.getByLabel('界面大小').selectOption(String(scale));
  await expect(app.locator('html')).toHaveAttribute('data-ui-scale', String(scale));
}

const px = (app: Page, selector: string) =>
  app
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

test('界面大小: persisted across a reload, applied to the chrome and dialogs, not to the article text', async ({ app }) => {
  const bar100 = await px(app, '.app-bar nav a');
  await app.getByRole('link', { name: '学习计划' }).click();
  await app.getByRole('button', { name: '新建学习安排' }).click();
  const dialog = app.getByRole('dialog', { name: '新建学习安排' });
  const title100 = await dialog.locator('h2').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await dialog.getByRole('button', { name: '取消' }).click();

  await setScale(app, 150);
  // The notice says it was saved, in the polite live region.
  await expect(app.getByTestId('toasts-polite').getByTestId('toast')).toContainText('界面大小已设为 150%，已保存');
  await expect(app.getByTestId('toasts-polite')).toHaveAttribute('aria-live', 'polite');
  await expect(app.getByTestId('toasts-assertive')).toHaveAttribute('aria-live', 'assertive');

  await app.reload();
  await expect(app.locator('html')).toHaveAttribute('data-ui-scale', '150');
  await expect.poll(() => px(app, '.app-bar nav a')).toBeCloseTo(bar100 * 1.5, 1);
  await app.evaluate(() => (window.location.hash = '#/settings'));
  await expect(app.getByLabel('界面大小')).toHaveValue('150');

  await app.getByRole('link', { name: '学习计划' }).click();
  await app.getByRole('button', { name: '新建学习安排' }).click();
  const title150 = await dialog.locator('h2').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(title150).toBeCloseTo(title100 * 1.5, 1);
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // The article keeps its own size (阅读设置 字号, 18px by default).
  await app.getByRole('link', { name: '文库' }).click();
  await app.getByTestId('article-row').first().locator('a').click();
  await expect.poll(() => px(app, '.article-body p')).toBe(18);
});

async function notebookPdf(app: Page, name: string): Promise<string> {
  await app.evaluate(() => (window.location.hash = '#/'));
  await expect(app.locator('.pr-screen')).toHaveCount(0);
  await app.evaluate(() => (window.location.hash = '#/print/notebook'));
  await app.locator('.pr-screen[data-print-ready="true"]').waitFor({ timeout: 60_000 });
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  writeFileSync(file, await app.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
  return file;
}

test('界面大小 150%: the print preview chrome grows, the printed notebook is the same to the point', async ({ app }) => {
  test.setTimeout(120_000);
  const fx = generatePacket();
  await seedPacket(app, fx);
  const at100 = await notebookPdf(app, 'notebook-100.pdf');
  const toolbar100 = await px(app, '.pr-toolbar');
  await setScale(app, 150);
  const at150 = await notebookPdf(app, 'notebook-150.pdf');
  expect(await px(app, '.pr-toolbar')).toBeCloseTo(toolbar100 * 1.5, 1);

  const [a, b] = [pdfInfo(at100), pdfInfo(at150)];
  expect(b).toEqual(a);
  expect(Math.abs(a.width - 595.28)).toBeLessThan(1);
  const [wa, wb] = [pdfWords(at100), pdfWords(at150)];
  expect(wb.length).toBe(wa.length);
  for (const page of [0, wa.length - 1]) {
    const first = (w: (typeof wa)[number]) => w.words.slice(0, 20).map((x) => [x.text, Math.round(x.xMin), Math.round(x.yMin)]);
    expect(first(wb[page]!)).toEqual(first(wa[page]!));
  }
});

test('学习计划: numbers refuse text, 新建学习安排 can be cancelled, dates the Chinese way with a keyboard picker', async ({ app }) => {
  await app.getByRole('link', { name: '学习计划' }).click();
  const rules = app.getByTestId('rules-form');
  await rules.getByLabel('笔记每年（字）').fill('abc');
  await rules.getByRole('button', { name: '保存' }).click();
  await expect(rules.getByRole('alert')).toContainText('“abc”不是数字');
  await app.reload();
  await expect(app.getByTestId('rules-form').getByLabel('笔记每年（字）')).toHaveValue('10000');
  await expect(app.getByTestId('study-dashboard')).toContainText('笔记 0/10,000 字');

  // Cancelled (button and Esc): nothing stored.
  await app.getByRole('button', { name: '新建学习安排' }).click();
  const dialog = app.getByRole('dialog', { name: '新建学习安排' });
  await dialog.getByLabel('专题').fill('不要的专题');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(app.getByRole('button', { name: '新建学习安排' })).toBeFocused();
  await app.getByRole('button', { name: '新建学习安排' }).click();
  await dialog.getByLabel('专题').fill('也不要');
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(app.getByRole('button', { name: '新建学习安排' })).toBeFocused();
  await expect(app.getByText('本年度还没有学习安排。')).toBeVisible();
  await expect(app.getByTestId('session-row')).toHaveCount(0);

  // A date that is not one is refused; 2026-3-8 reads as 2026年3月8日; the picker moves by keyboard.
  await app.getByRole('button', { name: '新建学习安排' }).click();
  await dialog.getByLabel('专题').fill('调查研究');
  const date = dialog.getByLabel('日期', { exact: true });
  await date.fill('三月初');
  await date.blur();
  await expect(dialog.getByRole('alert')).toContainText('“三月初”不是日期');
  await date.fill('2026-3-8');
  await date.blur();
  await expect(date).toHaveValue('2026年3月8日');
  await dialog.getByRole('button', { name: '从日历选择日期' }).click();
  const picker = dialog.getByTestId('date-picker');
  await expect(picker.getByRole('button', { name: '2026年3月8日' })).toBeFocused();
  await app.keyboard.press('ArrowRight');
  await app.keyboard.press('ArrowDown');
  await expect(picker.getByRole('button', { name: '2026年3月16日' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);
  await expect(date).toHaveValue('2026年3月16日');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(app.getByTestId('session-page')).toBeVisible();
  await expect(app.getByLabel('日期', { exact: true })).toHaveValue('2026年3月16日');

  // Deleting the session asks first; 取消 keeps it.
  await app.getByRole('button', { name: '删除此安排' }).click();
  const ask = app.getByRole('alertdialog', { name: '删除此安排' });
  await expect(ask.getByRole('button', { name: '取消' })).toBeFocused();
  await ask.getByRole('button', { name: '取消' }).click();
  await expect(app.getByTestId('session-page')).toBeVisible();
  await app.getByRole('link', { name: /返回学习计划/ }).click();
  await expect(app.getByTestId('session-row')).toHaveCount(1);
  await expect(app.getByTestId('session-row')).toContainText('2026年3月16日');
});

test('a deleted member comes back with 撤销; the Chinese file button opens with Enter and Space', async ({ app }) => {
  await app.getByRole('link', { name: '学习计划' }).click();
  await app.getByLabel('姓名', { exact: true }).fill('王五');
  await app.getByLabel('职务', { exact: true }).fill('委员');
  await app.getByRole('button', { name: '添加成员' }).click();
  await expect(app.getByTestId('member')).toHaveText(/王五（委员）/);
  await app.getByRole('button', { name: '删除：王五' }).click();
  await expect(app.getByTestId('member')).toHaveCount(0);
  const toast = app.getByTestId('toasts-polite').getByTestId('toast').filter({ hasText: '已删除成员“王五”' });
  await toast.getByRole('button', { name: '撤销' }).click();
  await expect(app.getByTestId('member')).toHaveText(/王五（委员）/);

  await app.getByRole('link', { name: '资料包' }).click();
  const choose = app.getByRole('button', { name: '选择文件…' });
  await expect(choose).toBeVisible();
  await expect(app.getByTestId('pk-file')).toBeHidden();
  // Each key activates the hidden input (the browser opens its picker then). Counted on the input
  // itself: Playwright's filechooser event proved flaky on a loaded machine.
  const input = app.getByTestId('pk-file');
  await expect(input).toHaveAttribute('multiple', '');
  await input.evaluate((el) =>
    el.addEventListener('click', (e) => {
      e.preventDefault(); // no native picker left open between the keys
      el.dataset.activated = String(Number(el.dataset.activated ?? 0) + 1);
    }),
  );
  let presses = 0;
  for (const key of ['Enter', 'Space']) {
    await choose.focus();
    await expect(choose).toBeFocused();
    await app.keyboard.press(key);
    await expect(input).toHaveAttribute('data-activated', String(++presses));
  }
  await expect(app.getByTestId('pk-item')).toHaveCount(0);
});

test('界面大小 150% and 200% on 1366×768: on every screen nothing interactive is cut off or covered, no sideways scroll', async ({
  app,
}) => {
  test.setTimeout(300_000);
  await app.setViewportSize({ width: 1366, height: 768 });
  const seeded = await seed(app, await mkdtemp(path.join(os.tmpdir(), 'yandu-e2e-layout-')));
  const found: string[] = [];
  const checked: Record<string, number> = {};
  for (const scale of [150, 200]) {
    await setScreenScale(app, scale);
    for (const screen of SCREENS) {
      // Notices from changing the scale float over the page for a while by design: closed first.
      await closeNotices(app);
      await screen.open(app, seeded);
      const result = await layoutFaults(app, { overlays: screen.overlays });
      checked[`${screen.name}@${scale}`] = result.checked;
      for (const f of result.faults) found.push(`${screen.name} @${scale}%: ${f}`);
    }
  }
  expect(found).toEqual([]);
  // The check looked at the screens' controls (a screen with none checked would prove nothing).
  for (const [screen, n] of Object.entries(checked)) expect(n, screen).toBeGreaterThanOrEqual(5);
});

test('the layout check itself finds a covered control, one outside the window, a wrapped label and a sideways scroll', async ({ app }) => {
  await app.setViewportSize({ width: 1366, height: 768 });
  expect((await layoutFaults(app)).faults).toEqual([]);
  await app.evaluate(() => {
    const cover = document.createElement('div');
    cover.className = 'probe-cover';
    document.body.append(cover);
    const wide = document.createElement('button');
    wide.textContent = '探针按钮';
    wide.className = 'probe-wide';
    document.body.append(wide);
    // Position through CSSOM (style-src is strict: no style attributes in markup).
    const first = document.querySelector('[data-testid="article-row"] a')!.getBoundingClientRect();
    Object.assign(cover.style, {
      position: 'fixed',
      left: `${first.left}px`,
      top: `${first.top}px`,
      width: `${first.width}px`,
      height: `${first.height}px`,
      zIndex: '50',
    });
    Object.assign(wide.style, { position: 'absolute', left: '1300px', top: '100px', width: '200px' });
  });
  await app.evaluate(() => {
    const narrow = document.createElement('button');
    narrow.textContent = '换行探针';
    document.body.append(narrow);
    Object.assign(narrow.style, { position: 'fixed', left: '8px', bottom: '8px', zIndex: '60', width: '1.5em', whiteSpace: 'normal' });
  });
  const { faults } = await layoutFaults(app);
  expect(faults.some((f) => f.startsWith('page scrolls sideways'))).toBe(true);
  expect(faults.some((f) => /“换行探针” wraps over [2-4] lines/.test(f))).toBe(true);
  expect(faults.some((f) => f.includes('探针按钮') && f.includes('outside the window'))).toBe(true);
  expect(faults.some((f) => f.includes('covered at its centre by <div> “probe-cover”'))).toBe(true);
});
