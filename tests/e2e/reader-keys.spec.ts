/** Issue 14: reading and marking with the keyboard only (caret browsing), Esc and focus, the ? list. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const TITLE = '把调查研究这门基本功练扎实';

async function openByKeyboard(app: Page): Promise<void> {
  // From the library list: focus it, pick the row, Enter.
  const list = app.getByRole('grid');
  await list.focus();
  const rows = app.getByTestId('article-row');
  const titles = await rows.allTextContents();
  const index = titles.findIndex((t) => t.includes(TITLE));
  expect(index).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < index; i++) await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Enter');
  await expect(app.locator('.article-title')).toHaveText(TITLE);
}

/** What each registry entry paints: entry name → the text of its ranges. */
async function painted(app: Page): Promise<Record<string, string[]>> {
  return app.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((h, name) => {
      if (!name.startsWith('yandu-personal-')) return;
      const texts = [...h].map((r) => r.toString());
      if (texts.length) out[name] = texts;
    });
    return out;
  });
}

const selected = (app: Page) => app.evaluate(() => window.getSelection()?.toString() ?? '');

test('F7 caret browsing: Shift+arrows and sentence steps select, h, 2 and n mark it, no mouse', async ({ app }) => {
  await openByKeyboard(app);
  const first = await app.getByTestId('article-body').evaluate((b) => b.children[0]!.textContent ?? '');
  const sentence = first.slice(0, first.indexOf('。') + 1);
  expect(sentence).toBe('调查研究是谋事之基、成事之道。');

  await app.keyboard.press('F7');
  await expect(app.getByTestId('reader-notice')).toContainText('光标浏览：开');
  await expect(app.getByTestId('reader-caret')).toBeVisible();
  await expect(app.getByTestId('caret-toggle')).toHaveAttribute('aria-pressed', 'true');

  // A sentence with Ctrl+Shift+→, highlighted with h in the last colour.
  await app.keyboard.press('Control+Shift+ArrowRight');
  await expect.poll(() => selected(app)).toBe(sentence);
  await expect(app.getByTestId('hl-toolbar')).toBeVisible();
  await app.keyboard.press('h');
  await expect.poll(() => painted(app)).toEqual({ 'yandu-personal-yellow-fill': [sentence] });

  // The caret stays at the sentence's end: four characters with Shift+→, then 2 (green).
  await expect(app.getByTestId('reader-caret')).toBeVisible();
  for (let i = 0; i < 4; i++) await app.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => selected(app)).toBe('没有调查');
  await app.keyboard.press('2');
  await expect.poll(async () => (await painted(app))['yandu-personal-green-fill']).toEqual(['没有调查']);

  // Shift+← shrinks from the caret's side; → moves on without selecting.
  await app.keyboard.press('ArrowRight');
  expect(await selected(app)).toBe('');
  for (let i = 0; i < 4; i++) await app.keyboard.press('Shift+ArrowRight');
  await app.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => selected(app)).toBe('就没有');

  // The paragraph to its end with Ctrl+Shift+↓, then n opens a note on it with the passage quoted.
  await app.keyboard.press('Control+Shift+ArrowDown');
  await expect.poll(() => selected(app)).toBe(first.slice(first.indexOf('就没有发言权')));
  await app.keyboard.press('n');
  await expect(app.getByTestId('note-panel').getByTestId('note-quote')).toContainText('就没有发言权');

  // Esc leaves the note; in the article Esc drops the selection, then leaves caret browsing.
  await app.getByTestId('note-panel').getByRole('button', { name: '关闭' }).first().click();
  await app.getByTestId('reader-scroll').focus();
  await app.keyboard.press('F7');
  await expect(app.getByTestId('reader-notice')).toContainText('光标浏览：关');
  await expect(app.getByTestId('reader-caret')).toBeHidden();
});

test('Esc in 阅读设置 closes the popover and returns focus to its button; the article stays', async ({ app }) => {
  await openByKeyboard(app);
  const button = app.getByRole('button', { name: '阅读设置' });
  await button.focus();
  await app.keyboard.press('Enter');
  const panel = app.getByRole('group', { name: '阅读设置' });
  await expect(panel).toBeVisible();
  // The keyboard is in the popover.
  await expect.poll(() => panel.evaluate((p) => p.contains(document.activeElement))).toBe(true);
  await app.keyboard.press('Tab');
  await app.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();
  await expect(app.locator('.article-title')).toHaveText(TITLE);
  // Esc on the button with the popover closed leaves the article, as before.
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('library-count')).toBeVisible();
});

test('Home/End work right after opening an article', async ({ app }) => {
  await openByKeyboard(app);
  const top = () => app.getByTestId('reader-scroll').evaluate((el) => el.scrollTop);
  await app.keyboard.press('End');
  await expect.poll(top).toBeGreaterThan(1000);
  await app.keyboard.press('Home');
  await expect.poll(top).toBe(0);
});

test('? lists every shortcut in a dialog that Esc closes, focus returning where it was', async ({ app }) => {
  const filter = app.getByRole('searchbox', { name: '筛选标题、来源、栏目…' });
  await app.getByTestId('article-row').first().click();
  const list = app.locator('.library-body');
  await list.focus();
  await app.keyboard.press('?');
  const dialog = app.getByRole('dialog', { name: '键盘快捷键' });
  await expect(dialog).toBeVisible();
  for (const key of ['F7', 'Ctrl+K', 'Ctrl+Shift+← / Ctrl+Shift+→', 'Ctrl+Shift+↑ / Ctrl+Shift+↓', 'h', '1–6', 'n', 'c', '?'])
    await expect(dialog.locator('kbd', { hasText: key }).first()).toBeVisible();
  await expect(dialog).toContainText('光标浏览');
  await app.screenshot({ path: '/tmp/keys14-shots/shortcuts.png' });
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(list).toBeFocused();
  // Typed into a field, ? is just a character.
  await filter.focus();
  await app.keyboard.type('?');
  await expect(dialog).toBeHidden();
  await expect(filter).toHaveValue('?');
});
