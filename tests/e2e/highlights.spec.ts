import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const TITLE = '把调查研究这门基本功练扎实';

async function openArticle(app: Page): Promise<void> {
  await app.getByRole('link', { name: TITLE }).click();
  await expect(app.locator('.article-title')).toHaveText(TITLE);
}

/** Index (among the body's blocks) of the n-th paragraph at least 120 characters long. */
async function longParagraph(app: Page, n: number): Promise<number> {
  return app.getByTestId('article-body').evaluate((body, n) => {
    const blocks = [...body.children];
    const long = blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.tagName === 'P' && (b.textContent ?? '').length >= 120);
    return long[n]!.i;
  }, n);
}

async function blockText(app: Page, block: number): Promise<string> {
  return app.getByTestId('article-body').evaluate((body, block) => body.children[block]!.textContent ?? '', block);
}

/** Drags the real mouse over characters [from, to) of a block, and checks what got selected. */
async function selectWithMouse(app: Page, block: number, from: number, to: number): Promise<string> {
  // Drop the last selection, bring the block into view and let layout settle before measuring
  // where its characters are.
  await app.getByTestId('article-body').evaluate(async (body, block) => {
    window.getSelection()?.removeAllRanges();
    body.children[block]!.scrollIntoView({ block: 'center' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, block);
  const points = await app.getByTestId('article-body').evaluate(
    (body, { block, from, to }) => {
      const el = body.children[block]!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const charRect = (at: number) => {
        let pos = 0;
        for (let n = walker.currentNode; n; n = walker.nextNode()!) {
          if (n.nodeType === Node.TEXT_NODE) {
            const len = (n as Text).data.length;
            if (at < pos + len) {
              const r = document.createRange();
              r.setStart(n, at - pos);
              r.setEnd(n, at - pos + 1);
              return r.getClientRects()[0]!;
            }
            pos += len;
          }
        }
        throw new Error('offset outside block');
      };
      const a = charRect(from);
      walker.currentNode = el;
      const b = charRect(to - 1);
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    },
    { block, from, to },
  );
  await app.mouse.move(points.x1, points.y1);
  await app.mouse.down();
  await app.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 });
  await app.mouse.move(points.x2, points.y2, { steps: 4 });
  await app.mouse.up();
  return app.evaluate(() => window.getSelection()?.toString() ?? '');
}

/** What each registry entry paints: entry name → the text of its ranges. */
async function painted(app: Page): Promise<Record<string, string[]>> {
  return app.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, ranges] of window.__yanduPaint()) {
      if (!name.startsWith('yandu-personal-') && !name.startsWith('yandu-leader-')) continue;
      const texts = ranges.map((r) => r.toString());
      if (texts.length) out[name] = texts;
    }
    return out;
  });
}

/** Clicks the middle of a painted passage. */
async function clickPainted(app: Page, entry: string): Promise<void> {
  const point = await app.evaluate((entry) => {
    const range = new Map(window.__yanduPaint()).get(entry)![0]!;
    range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const r = range.getClientRects()[0]!;
    return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
  }, entry);
  await app.mouse.click(point.x, point.y);
}

test('a highlight is kept when the page reloads at once, before IndexedDB has committed it', async ({ app }) => {
  await openArticle(app);
  const block = await longParagraph(app, 1);
  const text = await blockText(app, block);
  const phrase = text.slice(20, 36);
  expect(await selectWithMouse(app, block, 20, 36)).toBe(phrase);
  await app.getByTestId('hl-toolbar').getByRole('button', { name: '划线：绿色' }).click();
  // No wait for the write: a reader who highlights and presses F5 at once.
  await app.reload();
  await expect(app.locator('.article-title')).toHaveText(TITLE);
  await expect.poll(() => painted(app)).toEqual({ 'yandu-personal-green-fill': [phrase] });
});

test('the style chosen for the next highlight is kept when the page reloads at once', async ({ app }) => {
  await openArticle(app);
  const block = await longParagraph(app, 1);
  expect(await selectWithMouse(app, block, 10, 20)).toBe((await blockText(app, block)).slice(10, 20));
  // u with a selection and no highlight open: the next highlight is underlined (nothing is painted
  // yet). The key and the reload in the same task, as u and F5 at once.
  const loaded = app.waitForEvent('load');
  await app.evaluate(() => {
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'u', bubbles: true }));
    location.reload();
  });
  await loaded;
  await expect(app.locator('.article-title')).toHaveText(TITLE);
  const phrase = (await blockText(app, block)).slice(30, 44);
  expect(await selectWithMouse(app, block, 30, 44)).toBe(phrase);
  await app.keyboard.press('h');
  await expect.poll(() => painted(app)).toEqual({ 'yandu-personal-yellow-underline': [phrase] });
});

test('select with the mouse, highlight, reload, recolour, undo/redo, delete, copy a citation', async ({ app, context, host }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  await openArticle(app);
  const block = await longParagraph(app, 1);
  const text = await blockText(app, block);
  const phrase = text.slice(20, 36);

  expect(await selectWithMouse(app, block, 20, 36)).toBe(phrase);
  const toolbar = app.getByTestId('hl-toolbar');
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: '划线：绿色' }).click();
  await expect.poll(() => painted(app)).toEqual({ 'yandu-personal-green-fill': [phrase] });
  await expect(toolbar).toBeHidden();

  // Still painted after a reload, from what was stored.
  await app.reload();
  await expect(app.locator('.article-title')).toHaveText(TITLE);
  await expect.poll(() => painted(app)).toEqual({ 'yandu-personal-green-fill': [phrase] });

  // Click it: the popover recolours it, which moves its one range to another entry.
  await clickPainted(app, 'yandu-personal-green-fill');
  const popover = app.getByTestId('hl-popover');
  await expect(popover).toBeVisible();
  await popover.getByRole('button', { name: '划线：蓝色' }).click();
  await expect.poll(() => painted(app)).toEqual({ 'yandu-personal-blue-fill': [phrase] });
  await popover.getByRole('button', { name: '下划线样式' }).click();
  await expect.poll(() => painted(app)).toEqual({ 'yandu-personal-blue-underline': [phrase] });

  // Undo twice, redo once.
  await expect(popover).toBeVisible();
  await app.keyboard.press('Control+z');
  await expect.poll(() => painted(app)).toEqual({ 'yandu-personal-blue-fill': [phrase] });
  await expect(app.getByTestId('reader-notice')).toHaveText('已撤销：更改样式');
  await expect(popover).toBeVisible();
  await app.keyboard.press('Control+z');
  await expect.poll(() => painted(app)).toEqual({ 'yandu-personal-green-fill': [phrase] });
  await app.keyboard.press('Control+Shift+z');
  await expect.poll(() => painted(app)).toEqual({ 'yandu-personal-blue-fill': [phrase] });
  await expect(popover).toBeVisible();

  // Tags, with the popover's input (comma and Enter add).
  const tags = popover.getByRole('combobox', { name: '标签' });
  await tags.fill('调查研究，');
  await tags.fill('基本功');
  await tags.press('Enter');
  await expect(popover.locator('.hl-tag')).toHaveText(['调查研究×', '基本功×']);

  // Copy the citation.
  await popover.getByRole('button', { name: '复制引用' }).click();
  await expect(app.getByTestId('reader-notice')).toHaveText('引用已复制');
  const clip = await app.evaluate(() => navigator.clipboard.readText());
  expect(clip).toBe(`“${phrase}”\n——《${TITLE}》，某大学党委党校，2023年5月12日`);

  // Delete with the key, then undo brings it back with its tags.
  await app.keyboard.press('Delete');
  await expect.poll(() => painted(app)).toEqual({});
  await expect(popover).toBeHidden();
  await app.keyboard.press('Control+z');
  await expect.poll(() => painted(app)).toEqual({ 'yandu-personal-blue-fill': [phrase] });
  const stored = await app.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onsuccess = () => {
          const req = open.result.transaction('highlights').objectStore('highlights').getAll();
          req.onsuccess = () => resolve(req.result as unknown[]);
          req.onerror = () => reject(req.error);
        };
      }),
  );
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ color: 'blue', style: 'fill', layer: 'personal', tags: ['调查研究', '基本功'], orphan: false });

  // Keys on a fresh selection: 4 = pink, in the last style used (underline, chosen above).
  const other = await longParagraph(app, 2);
  const otherText = await blockText(app, other);
  expect(await selectWithMouse(app, other, 10, 22)).toBe(otherText.slice(10, 22));
  await app.keyboard.press('4');
  await expect.poll(async () => (await painted(app))['yandu-personal-pink-underline']).toEqual([otherText.slice(10, 22)]);

  await clickPainted(app, 'yandu-personal-blue-fill');
  await expect(popover).toBeVisible();
  await app.screenshot({ path: `test-results/highlights-${testInfo.project.name}.png` });

  // Without the CSS Custom Highlight API the same highlights are wrapped marks, which live only in
  // the view: the stored article HTML never holds one.
  const usesMarks = await app.evaluate(() => !('highlights' in CSS));
  expect(usesMarks).toBe(testInfo.project.name === 'chromium-no-highlight-api');
  expect((await app.locator('span.yandu-mark').count()) > 0).toBe(usesMarks);
  const bodies = await app.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onsuccess = () => {
          const req = open.result.transaction('bodies').objectStore('bodies').getAll();
          req.onsuccess = () => resolve((req.result as { html: string }[]).map((b) => b.html));
          req.onerror = () => reject(req.error);
        };
      }),
  );
  expect(bodies.length).toBeGreaterThan(0);
  expect(bodies.filter((html) => html.includes('yandu-mark'))).toEqual([]);
});

test('a synced new version moves highlights in an edited paragraph and orphans those whose text is gone', async ({ app }) => {
  await openArticle(app);
  const editedBlock = await longParagraph(app, 1);
  const deletedBlock = await longParagraph(app, 3);
  const editedText = await blockText(app, editedBlock);
  const deletedText = await blockText(app, deletedBlock);
  const kept = editedText.slice(60, 78);
  const lost = deletedText.slice(30, 46);

  expect(await selectWithMouse(app, editedBlock, 60, 78)).toBe(kept);
  await app.keyboard.press('h');
  await expect.poll(async () => Object.values(await painted(app)).flat()).toEqual([kept]);
  expect(await selectWithMouse(app, deletedBlock, 30, 46)).toBe(lost);
  await app.keyboard.press('3');
  await expect
    .poll(async () =>
      Object.values(await painted(app))
        .flat()
        .sort(),
    )
    .toEqual([kept, lost].sort());

  // What sync does when the site corrected the article: keep the old text as a version, store
  // the new one and bump the article's version. Here: words added at the start of the edited
  // paragraph, and another paragraph deleted.
  const articleId = new URL(app.url()).hash.replace('#/read/', '');
  await app.evaluate(
    ({ articleId, editedBlock, deletedBlock }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['articles', 'bodies', 'versions'], 'readwrite');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          const articles = tx.objectStore('articles');
          const bodies = tx.objectStore('bodies');
          bodies.get(articleId).onsuccess = (e) => {
            const body = (e.target as IDBRequest).result as { articleId: string; html: string; text: string };
            articles.get(articleId).onsuccess = (e2) => {
              const row = (e2.target as IDBRequest).result as { version: number; contentHash: string };
              tx.objectStore('versions').put({
                articleId,
                version: row.version,
                html: body.html,
                text: body.text,
                contentHash: row.contentHash,
                replacedAt: new Date().toISOString(),
              });
              const doc = new DOMParser().parseFromString(`<div>${body.html}</div>`, 'text/html');
              const root = doc.body.firstElementChild!;
              const blocks = [...root.children];
              const edited = blocks[editedBlock]!;
              edited.textContent = `我们认为，${edited.textContent ?? ''}`;
              blocks[deletedBlock]!.remove();
              const text = [...root.children].map((b) => b.textContent ?? '').join('\n');
              bodies.put({ articleId, html: root.innerHTML, text });
              articles.put({ ...row, version: row.version + 1, updatedAt: new Date().toISOString(), contentHash: 'f'.repeat(64) });
            };
          };
        };
      }),
    { articleId, editedBlock, deletedBlock },
  );

  await app.reload();
  await expect(app.locator('.article-title')).toHaveText(TITLE);
  await expect(app.getByTestId('reader-notice')).toContainText('1 条划线已移到新位置，1 条无法定位');
  // The kept one sits on the same words in the edited paragraph (its offsets moved by 5).
  await expect.poll(async () => Object.values(await painted(app)).flat()).toEqual([kept]);
  const where = await app.evaluate(() => {
    const range = new Map(window.__yanduPaint()).get('yandu-personal-yellow-fill')![0]!;
    return (range.startContainer.parentElement?.closest('[data-testid="article-body"] > *')?.textContent ?? '').slice(0, 5);
  });
  expect(where).toBe('我们认为，');
  // The lost one is listed as an orphan, never deleted, never painted elsewhere.
  const orphans = app.getByTestId('orphans');
  await expect(orphans.getByTestId('orphan')).toHaveCount(1);
  await expect(orphans.locator('blockquote')).toHaveText(lost);

  // Re-place it on a selection of the new text.
  const target = await longParagraph(app, 0);
  const targetText = await blockText(app, target);
  expect(await selectWithMouse(app, target, 5, 15)).toBe(targetText.slice(5, 15));
  await orphans.getByRole('button', { name: '重新定位到所选文字' }).click();
  await expect(orphans).toBeHidden();
  await expect.poll(async () => (await painted(app))['yandu-personal-blue-fill']).toEqual([targetText.slice(5, 15)]);
});

test('table of contents, find in article and keyboard reading', async ({ app }) => {
  await openArticle(app);
  const scroller = app.getByTestId('reader-scroll');
  const toc = app.getByTestId('toc');
  await expect(toc).toBeVisible();
  const entries = toc.getByRole('button');
  expect(await entries.count()).toBeGreaterThanOrEqual(3);
  const third = (await entries.nth(2).textContent())!;
  await entries.nth(2).focus();
  await app.keyboard.press('Enter');
  await expect
    .poll(() =>
      app.evaluate((name) => {
        const scrollerEl = document.querySelector('[data-testid="reader-scroll"]')!;
        const h = [...document.querySelectorAll('[data-testid="article-body"] > h2, [data-testid="article-body"] > h3')].find(
          (e) => e.textContent?.trim() === name,
        )!;
        return Math.round(h.getBoundingClientRect().top - scrollerEl.getBoundingClientRect().top);
      }, third),
    )
    .toBeLessThan(20);
  await expect(entries.nth(2)).toHaveAttribute('aria-current', 'location');

  // Find: Ctrl+F, count, Enter / Shift+Enter, Esc.
  await scroller.click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Control+f');
  const input = app.getByRole('searchbox', { name: '查找' });
  await expect(input).toBeFocused();
  await input.fill('调查研究');
  const count = app.getByTestId('find-count');
  await expect(count).toHaveText(/^1\/\d+$/);
  const total = Number((await count.textContent())!.split('/')[1]);
  expect(total).toBeGreaterThan(3);
  await expect.poll(() => app.evaluate(() => new Map(window.__yanduPaint()).get('yandu-find')?.length)).toBe(total);
  await input.press('Enter');
  await input.press('Enter');
  await expect(count).toHaveText(`3/${total}`);
  await input.press('Shift+Enter');
  await expect(count).toHaveText(`2/${total}`);
  expect(await app.evaluate(() => new Map(window.__yanduPaint()).get('yandu-find-current')!.map((r) => r.toString()))).toEqual([
    '调查研究',
  ]);
  await input.press('Escape');
  await expect(app.getByTestId('find-bar')).toBeHidden();
  await expect.poll(() => app.evaluate(() => new Map(window.__yanduPaint()).has('yandu-find'))).toBe(false);

  // Keyboard reading: a line, a page, a paragraph.
  const top = () => scroller.evaluate((el) => el.scrollTop);
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await app.keyboard.press('ArrowDown');
  await expect.poll(top).toBeGreaterThan(20);
  const afterLine = await top();
  expect(afterLine).toBeLessThan(60);
  await app.keyboard.press(' ');
  await expect.poll(top).toBeGreaterThan(afterLine + 300);
  const afterPage = await top();
  await app.keyboard.press('Shift+ ');
  await expect.poll(top).toBeLessThan(afterPage - 300);
  const before = await top();
  await app.keyboard.press('j');
  await expect.poll(top).toBeGreaterThan(before);
  // j lands a block's top at the viewport top.
  const aligned = await scroller.evaluate((el) => {
    const t = el.getBoundingClientRect().top;
    return [...el.querySelector('[data-testid="article-body"]')!.children].some((b) => Math.abs(b.getBoundingClientRect().top - t - 8) < 3);
  });
  expect(aligned).toBe(true);
  const afterJ = await top();
  await app.keyboard.press('k');
  await expect.poll(top).toBeLessThan(afterJ);
});

test('a highlight made and deleted in a second tab is painted and unpainted in the first, without a reload', async ({ app, context }) => {
  await openArticle(app);
  await app.evaluate(() => ((window as unknown as { __sameWindow: boolean }).__sameWindow = true));
  const second = await context.newPage();
  await second.goto(app.url());
  await expect(second.locator('.article-title')).toHaveText(TITLE);
  const block = await longParagraph(second, 1);
  const phrase = (await blockText(second, block)).slice(20, 36);

  expect(await selectWithMouse(second, block, 20, 36)).toBe(phrase);
  await second.getByTestId('hl-toolbar').getByRole('button', { name: '划线：绿色' }).click();
  await expect.poll(() => painted(second)).toEqual({ 'yandu-personal-green-fill': [phrase] });
  // The first tab follows the stored highlights of its open article.
  await expect.poll(() => painted(app)).toEqual({ 'yandu-personal-green-fill': [phrase] });

  await clickPainted(second, 'yandu-personal-green-fill');
  await expect(second.getByTestId('hl-popover')).toBeVisible();
  await second.keyboard.press('Delete');
  await expect.poll(() => painted(second)).toEqual({});
  await expect.poll(() => painted(app)).toEqual({});
  expect(await app.evaluate(() => (window as unknown as { __sameWindow?: boolean }).__sameWindow)).toBe(true);
  await second.close();
});
