/**
 * Issue 14: the reader's panels at 1366×768 — the leader's 重点摘编 beside the text, the note
 * panel's header on one line with its quoted passage whole, and the selection toolbar clear of
 * the line above. Screenshots go to /tmp/keys14-shots for a look.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SHOTS = process.env.KEYS14_SHOTS ?? 'test-results/keys14-shots';
mkdirSync(SHOTS, { recursive: true });
test.use({ viewport: { width: 1366, height: 768 } });

const TITLE = '把调查研究这门基本功练扎实';

type Box = { top: number; bottom: number; left: number; right: number; height: number };
const box = (app: Page, selector: string): Promise<Box> =>
  app
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
    });

/** A leader's excerpt on the open article, stored as a packet would store it; then a reload. */
async function seedLeaderExcerpt(app: Page): Promise<void> {
  await app.keyboard.press('F7');
  await app.keyboard.press('Control+Shift+ArrowRight');
  await app.keyboard.press('h');
  await app.keyboard.press('F7');
  await app.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onsuccess = () => {
          const store = open.result.transaction('highlights', 'readwrite').objectStore('highlights');
          const all = store.getAll();
          all.onsuccess = () => {
            const row = (all.result as Record<string, unknown>[])[0]!;
            store.delete(row.id as string);
            store.put({ ...row, id: 'h_leader_1', layer: 'leader', comment: '这是本次学习的重点，请结合实际谈认识。' });
            store.transaction.oncomplete = () => resolve();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
  await app.reload();
  await expect(app.locator('.article-title')).toHaveText(TITLE);
}

test('at 1366×768 the reader’s panels sit side by side, whole, and the toolbar leaves the line above free', async ({ app }) => {
  await app.getByRole('link', { name: TITLE }).click();
  await expect(app.locator('.article-title')).toHaveText(TITLE);
  await seedLeaderExcerpt(app);

  // 重点摘编: a side panel right of the text, the full height of the reading area.
  const leader = app.getByTestId('leader-panel');
  await expect(leader.getByTestId('leader-excerpt')).toHaveCount(1);
  const [main, scroll, panel] = await Promise.all([
    box(app, '.reader-main'),
    box(app, '.reader-scroll'),
    box(app, '[data-testid="leader-panel"]'),
  ]);
  expect(panel.left).toBeGreaterThanOrEqual(scroll.right - 1);
  expect(Math.abs(panel.top - main.top)).toBeLessThan(2);
  expect(Math.abs(panel.bottom - main.bottom)).toBeLessThan(2);
  expect(await leader.locator('ul').evaluate((ul) => getComputedStyle(ul).listStyleType)).toBe('none');
  await app.screenshot({ path: `${SHOTS}/reader-leader-1366.png` });

  // A selection on a later line of a long paragraph: the toolbar goes below it.
  const line = await app.getByTestId('article-body').evaluate((body) => {
    const p = [...body.children].find((b) => b.tagName === 'P' && (b.textContent ?? '').length > 150)!;
    p.scrollIntoView({ block: 'center' });
    const text = p.firstChild as Text;
    window.getSelection()!.setBaseAndExtent(text, 60, text, 72);
    const rects = window.getSelection()!.getRangeAt(0).getClientRects();
    return { top: rects[0]!.top, bottom: rects[rects.length - 1]!.bottom };
  });
  const toolbar = app.getByTestId('hl-toolbar');
  await expect(toolbar).toBeVisible();
  const bar = await box(app, '[data-testid="hl-toolbar"]');
  // Clear of the selected line and so of the line above it.
  expect(bar.top).toBeGreaterThanOrEqual(line.bottom);
  await app.screenshot({ path: `${SHOTS}/reader-toolbar-1366.png` });

  // n: the note panel, its header on one line and the quoted passage whole above the toolbar.
  await app.keyboard.press('n');
  const notePanel = app.getByTestId('note-panel');
  await expect(notePanel.getByTestId('note-quote')).toBeVisible();
  await expect(notePanel.getByTestId('note-status')).toBeVisible();
  // Nothing covers the panel: the new highlight's popover stays closed while its note is open.
  await expect(app.getByTestId('hl-popover')).toBeHidden();
  const heads = await notePanel.locator('.note-head > *').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return r.top + r.height / 2;
    }),
  );
  expect(Math.max(...heads) - Math.min(...heads)).toBeLessThan(4);
  const quote = await notePanel.getByTestId('note-quote').evaluate((q) => ({
    client: q.clientHeight,
    scroll: q.scrollHeight,
    bottom: q.getBoundingClientRect().bottom,
  }));
  // Whole (or, for a long passage, at least several lines before it scrolls), and not under the toolbar.
  expect(quote.client).toBeGreaterThanOrEqual(Math.min(quote.scroll, 100) - 1);
  const noteBar = await box(app, '[data-testid="note-panel"] .note-toolbar');
  expect(quote.bottom).toBeLessThanOrEqual(noteBar.top);
  // With both panels open, the text keeps a readable width.
  expect((await box(app, '.reader-scroll')).right - (await box(app, '.reader-scroll')).left).toBeGreaterThan(420);
  await app.screenshot({ path: `${SHOTS}/reader-note-1366.png` });
});
