import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** A five-character Han phrase from the middle of a sample article, found in no other. */
function uniquePhrase(page: Page): Promise<{ phrase: string; id: string }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('yandu');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const bodies = await new Promise<{ articleId: string; text: string }[]>((resolve, reject) => {
      const req = db.transaction('bodies').objectStore('bodies').getAll();
      req.onsuccess = () => resolve(req.result as { articleId: string; text: string }[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    const all = bodies.map((b) => b.text).join('\u0000');
    for (const b of bodies.sort((x, y) => x.articleId.localeCompare(y.articleId))) {
      for (let i = Math.floor(b.text.length / 2); i < b.text.length - 6; i++) {
        const p = b.text.slice(i, i + 5);
        // Han only, and in exactly one article.
        if (/^[\u4e00-\u9fff]{5}$/.test(p) && all.indexOf(p) === all.lastIndexOf(p)) return { phrase: p, id: b.articleId };
      }
    }
    throw new Error('no unique phrase');
  });
}

test('search: type a query, see marked snippets, open a result at the match', async ({ app: page }) => {
  const { phrase, id } = await uniquePhrase(page);

  await page.keyboard.press('Control+k');
  const input = page.getByTestId('search-input');
  await expect(input).toBeFocused();
  await expect(page.getByTestId('search-help')).toBeVisible();
  await input.pressSequentially(`"${phrase}"`, { delay: 20 });

  const hit = page.getByTestId('search-group-articles').getByTestId('search-hit').first();
  await expect(hit).toBeVisible();
  await expect(page.getByTestId('search-group-articles').getByTestId('search-hit')).toHaveCount(1);
  await expect(hit.locator('mark')).toHaveText(phrase);

  // Stored text is shown as text, never parsed as HTML.
  expect(await hit.locator('.search-snippet').evaluate((el) => el.querySelectorAll('*:not(span):not(mark)').length)).toBe(0);

  await hit.click();
  await expect(page).toHaveURL(new RegExp(`#/read/${id}\\?at=\\d+&len=5$`));
  await expect(page.locator('.reader-scroll')).toBeVisible();
  const marked = await page.waitForFunction(() => {
    const h = CSS.highlights.get('yandu-search');
    const range = h ? ([...h] as Range[])[0] : undefined;
    return range ? range.toString() : null;
  });
  expect(await marked.jsonValue()).toBe(phrase);
  // The match is in view.
  const inView = await page.evaluate(() => {
    const range = ([...CSS.highlights.get('yandu-search')!] as Range[])[0]!;
    const r = range.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  expect(inView).toBe(true);

  // No results: a helpful state.
  await page.keyboard.press('Control+k');
  await page.getByTestId('search-input').fill('不存在的词语组合');
  await expect(page.getByTestId('search-empty')).toBeVisible();
});

test('search index: compacting from settings shows progress and keeps every result', async ({ app: page }) => {
  const { phrase, id } = await uniquePhrase(page);
  await page.evaluate(() => (location.hash = '#/settings'));
  const panel = page.getByTestId('search-index-settings');
  await expect(panel.getByTestId('search-index-size')).toContainText('每个分桶平均');
  await panel.getByRole('button', { name: '整理索引' }).click();
  // Done: one record per bucket, and the button is back.
  await expect(panel.getByTestId('search-index-size')).toContainText('每个分桶平均 1.0 段');
  await expect(panel.getByRole('button', { name: '整理索引' })).toBeEnabled();

  await page.keyboard.press('Control+k');
  await page.getByTestId('search-input').fill(`"${phrase}"`);
  const hits = page.getByTestId('search-group-articles').getByTestId('search-hit');
  await expect(hits).toHaveCount(1);
  await expect(hits.first().locator('a')).toHaveAttribute('data-href', new RegExp(`#/read/${id}`));
});
