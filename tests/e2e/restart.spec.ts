/**
 * The report behind issue 12: import, highlight, write a note, stop everything, start again —
 * and the library must still be there. IndexedDB belongs to an origin (scheme, host, port), so
 * this holds only if the host comes back on the same address: it is started WITHOUT --port, on
 * its own data folder, and must find its recorded port. The browser runs on a persistent profile
 * and both are killed outright (SIGKILL, no polite close), twice over.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { groupAlive, killBrowser, killHost, spawnHost, startRealBrowser } from './processes';

const TITLE = '重启之后文库仍在的检验文章';
const PARAGRAPH = '学习贵在持之以恒，每天读一点、想一点、记一点，日积月累，理论功底自然扎实起来。';
const NOTE = '重启两次以后这条笔记也必须还在';
// localhost goes to 127.0.0.1 only (never ::1, never a resolver), for the redirect check.
const LOCALHOST_TO_LOOPBACK = ['--host-resolver-rules=MAP localhost 127.0.0.1'];

/** What IndexedDB holds of our article, highlight and note. */
async function stored(page: Page): Promise<{ articles: number; highlights: string[]; notes: string[] }> {
  return page.evaluate(
    ({ title }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['articles', 'highlights', 'notes'], 'readonly');
          const a = tx.objectStore('articles').getAll();
          const h = tx.objectStore('highlights').getAll();
          const n = tx.objectStore('notes').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({
              articles: (a.result as { title: string }[]).filter((x) => x.title === title).length,
              highlights: (h.result as { layer: string; selector: { exact: string } }[])
                .filter((x) => x.layer === 'personal')
                .map((x) => x.selector.exact),
              notes: (n.result as { text: string }[]).map((x) => x.text),
            });
          };
        };
      }),
    { title: TITLE },
  );
}

/** Drags the real mouse over characters [from, to) of the paragraph holding PARAGRAPH. */
async function selectWithMouse(page: Page, from: number, to: number): Promise<string> {
  const p = page.getByTestId('article-body').locator('p', { hasText: PARAGRAPH.slice(0, 10) });
  await p.scrollIntoViewIfNeeded();
  const points = await p.evaluate(
    (el, { from, to }) => {
      window.getSelection()?.removeAllRanges();
      const text = el.firstChild as Text;
      const rect = (at: number) => {
        const r = document.createRange();
        r.setStart(text, at);
        r.setEnd(text, at + 1);
        return r.getClientRects()[0]!;
      };
      const a = rect(from);
      const b = rect(to - 1);
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    },
    { from, to },
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 6 });
  await page.mouse.up();
  return page.evaluate(() => window.getSelection()?.toString() ?? '');
}

async function painted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('yandu-personal-')) for (const r of h) out.push(r.toString());
    });
    return out;
  });
}

async function openOurArticle(page: Page): Promise<void> {
  await page.getByRole('link', { name: '文库', exact: true }).click();
  await page.getByRole('searchbox', { name: /筛选/ }).fill(TITLE);
  await expect(page.getByTestId('article-row')).toHaveCount(1);
  await page.getByTestId('article-row').first().locator('a').click();
  await expect(page.locator('.article-title')).toHaveText(TITLE);
}

test('import, highlight and note survive the host and the browser being killed and restarted, twice; localhost leads to the same library', async () => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-restart-data-'));
  const profile = mkdtempSync(path.join(os.tmpdir(), 'yandu-restart-profile-'));
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'yandu-restart-in-')), '检验文章.txt');
  writeFileSync(file, `${TITLE}\n\n${PARAGRAPH}\n\n第二段：读原著、学原文、悟原理，把学习成果转化为推动工作的实际行动。\n`);

  let host = await spawnHost(dataDir, null);
  let browser = await startRealBrowser(profile, { args: LOCALHOST_TO_LOOPBACK });
  const url = host.url;
  const { origin, port: portText } = new URL(url);
  const port = Number(portText);
  // The host chose and recorded the port itself.
  expect(JSON.parse(readFileSync(path.join(dataDir, 'host.json'), 'utf8'))).toMatchObject({ port });
  try {
    let page = browser.page;
    await page.goto(url);
    await expect(page.getByTestId('article-row').first()).toBeVisible({ timeout: 30_000 });

    // Import, open, highlight with the mouse, write a note in the side panel.
    await page.getByTestId('import-input').setInputFiles(file);
    await expect(page.getByTestId('import-status')).toContainText('新增 1 篇');
    await openOurArticle(page);
    const phrase = PARAGRAPH.slice(4, 16);
    expect(await selectWithMouse(page, 4, 16)).toBe(phrase);
    await page.getByTestId('hl-toolbar').getByRole('button', { name: '划线：黄色' }).click();
    await expect.poll(() => painted(page)).toEqual([phrase]);
    await page.getByRole('button', { name: '写笔记' }).click();
    const panel = page.getByTestId('note-panel');
    await panel.getByTestId('note-body').click();
    await page.keyboard.type(NOTE);
    await expect(panel.getByTestId('note-status')).toHaveText('已保存');
    // Stored, not just shown: read IndexedDB itself before pulling the plug.
    await expect.poll(() => stored(page), { timeout: 15_000 }).toEqual({ articles: 1, highlights: [phrase], notes: [NOTE] });

    for (const round of [1, 2]) {
      await Promise.all([killBrowser(browser), killHost(host)]);
      host = await spawnHost(dataDir, null);
      expect(host.url, `address after restart ${round}`).toBe(url);
      browser = await startRealBrowser(profile, { args: LOCALHOST_TO_LOOPBACK });
      page = browser.page;
      await page.goto(host.url);
      await expect(page.getByTestId('article-row').first()).toBeVisible({ timeout: 30_000 });

      expect(await stored(page), `IndexedDB after restart ${round}`).toEqual({ articles: 1, highlights: [phrase], notes: [NOTE] });
      await page.getByRole('link', { name: '笔记本', exact: true }).click();
      await expect(page.getByTestId('notebook-count')).toHaveText('共 2 条');
      await expect(page.getByTestId('notebook-entry').filter({ hasText: phrase })).toHaveCount(1);
      await expect(page.getByTestId('notebook-entry').filter({ hasText: NOTE })).toHaveCount(1);
      await openOurArticle(page);
      await expect(page.getByTestId('article-body')).toContainText(PARAGRAPH);
      await expect.poll(() => painted(page)).toEqual([phrase]);
      const foreign = browser.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
      expect(foreign, `requests beyond ${origin} in round ${round}`).toEqual([]);
    }

    // Opened as localhost:PORT (another origin, so another IndexedDB), the page is sent to the one
    // origin and finds the same library.
    const page2 = browser.page;
    await page2.goto(url.replace('127.0.0.1', 'localhost'));
    await expect.poll(() => new URL(page2.url()).origin).toBe(origin);
    await expect(page2.getByTestId('article-row').first()).toBeVisible({ timeout: 30_000 });
    expect(await stored(page2)).toEqual({ articles: 1, highlights: [phrase], notes: [NOTE] });
  } finally {
    if (groupAlive(browser.process.pid!)) await killBrowser(browser);
    await killHost(host);
  }
});
