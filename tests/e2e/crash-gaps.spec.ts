/**
 * Crash safety, the two doors safety.spec.ts does not cover: the browser killed while a sync
 * batch is being written, and while a large packet is being imported. The kill is made to land
 * inside the write: a hook freezes the Dexie transaction right after its n-th write (it can never
 * commit), then the browser's whole process group is SIGKILLed. Reopened on the same profile: no half article, no half
 * import, every article searchable (or queued for the index rebuild), and the app still works —
 * a further sync stores what was missing, the same packet imports whole.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startCmsWorld, type CmsWorld } from '../fixtures/cms-world';
import { expect, test } from './fixtures';
import { armStall, buildPacket, libraryState, openProfile, pngImage } from './gap-helpers';
import { groupAlive, killBrowser, type RealBrowser } from './processes';

let world: CmsWorld | null = null;
test.afterEach(async () => {
  await world?.close();
  world = null;
});

async function addSource(page: Page, listUrl: string): Promise<void> {
  await page.getByRole('link', { name: '来源' }).click();
  await page.getByText('抓取设置').click();
  await page.getByLabel('同一网站两次请求的间隔（毫秒）').fill('0');
  await page.getByLabel('日常同步最多读取的列表页数').fill('20');
  await page.getByRole('button', { name: '添加来源' }).click();
  await page.getByLabel('网址或文件夹路径').fill(listUrl);
  await page.getByRole('button', { name: '试抓取' }).click();
  await expect(page.getByTestId('source-preview').locator('li').first()).toBeVisible();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('source-card')).toHaveCount(1);
}

test('crash mid sync batch: reopened, no half article, the batch is all or nothing, a further sync completes', async ({ host }) => {
  test.setTimeout(90_000);
  const TOTAL = 100;
  world = await startCmsWorld({ sites: [], large: TOTAL });
  const site = world.sites[0]!;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-crash-sync-'));
  let browser: RealBrowser | undefined;
  try {
    browser = await openProfile(dir, host);
    let page = browser.page;
    const before = await libraryState(page);
    await addSource(page, world.abs('/large/col/index.html'));

    // Batches are 20 articles; freeze the second one on its 10th body, then kill the browser.
    await armStall(page, 'bodies', 30);
    await page.getByTestId('source-card').getByRole('button', { name: '立即同步' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __stalled: boolean }).__stalled), { timeout: 30_000 }).toBe(true);
    await killBrowser(browser);

    browser = await openProfile(dir, host);
    page = browser.page;
    // The host keeps a run for a page that comes back within its grace (issue 15): the reopened
    // page may take the run up. Measure once no run is going.
    await page.getByRole('link', { name: '来源' }).click();
    await expect(page.getByTestId('source-card').getByRole('button', { name: '立即同步' })).toBeVisible({ timeout: 45_000 });
    const after = await libraryState(page);
    const synced = after.articles - before.articles;
    process.stdout.write(`crash_sync: killed inside batch 2; articles stored after reopen: ${synced} of ${TOTAL}\n`);
    // Batch 1 committed and acknowledged; batch 2 (10 of its 20 bodies written) left no trace:
    // whole batches only, whether or not the run was taken up again.
    expect(synced % 20).toBe(0);
    expect(synced).toBeGreaterThanOrEqual(20);
    expect(after.unindexed, 'articles neither indexed nor queued for the rebuild').toEqual([]);

    // The app works: a further sync of the same source completes and stores what was missing.
    await page.getByRole('link', { name: '来源' }).click();
    const card = page.getByTestId('source-card');
    await card.getByRole('button', { name: '立即同步' }).click();
    await expect(card.getByTestId('sync-progress')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
    await expect(card).toContainText(`共 ${TOTAL} 篇`);
    const again = await libraryState(page);
    expect(again.articles - before.articles).toBe(TOTAL);
    expect(again.unindexed).toEqual([]);

    // And what it stored reads and is found.
    const last = site.articles[site.articles.length - 1]!;
    await page.getByRole('link', { name: '文库' }).click();
    await page.getByRole('searchbox', { name: /筛选/ }).fill(last.title);
    await page.getByTestId('article-row').first().locator('a').click();
    await expect(page.getByTestId('article-body')).toContainText(last.paragraphs[0]!.slice(0, 20));
  } finally {
    if (browser && groupAlive(browser.process.pid!)) await killBrowser(browser);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('crash mid packet import: reopened, the packet is wholly absent, then imports whole and searchable', async ({ host }) => {
  test.setTimeout(90_000);
  const N = 240;
  const images = Array.from({ length: 80 }, (_, i) => pngImage(i + 1));
  const para = (i: number, k: number) => `第${i}篇第${k}段：坚持理论学习与调查研究相结合，做到学思用贯通、知信行统一，编号${i}x${k}。`;
  const bytes = buildPacket({
    id: 'p_crash_big',
    sessionId: 's_crash_big',
    title: '断电测试大资料包',
    articles: Array.from({ length: N }, (_, i) => ({
      id: `pk_crash_${String(i).padStart(4, '0')}`,
      title: `大资料包文章${i}`,
      html:
        (i < images.length ? `<p><img src="media/${images[i]!.name}" alt="图"></p>` : '') +
        Array.from({ length: 30 }, (_, k) => `<p>${para(i, k)}</p>`).join(''),
    })),
    images: new Map(images.map((im) => [im.name, im.bytes])),
    comment: (i) => `领导批注${i}`,
  });
  process.stdout.write(
    `crash_packet: ${N} articles, ${images.length} images, ${N} excerpts, ${(bytes.length / 1024 / 1024).toFixed(1)} MB\n`,
  );

  const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-crash-pk-'));
  let browser: RealBrowser | undefined;
  const importPacket = async (page: Page, stallAt: number | null) => {
    await page.getByRole('link', { name: '资料包' }).click();
    await page
      .getByTestId('pk-file')
      .setInputFiles({ name: '断电测试大资料包.yandu', mimeType: 'application/octet-stream', buffer: bytes });
    await expect(page.getByTestId('pk-preview').last()).toContainText('重点摘编', { timeout: 30_000 });
    if (stallAt !== null) await armStall(page, 'bodies', stallAt);
    await page.getByRole('button', { name: '确认导入' }).click();
  };
  try {
    browser = await openProfile(dir, host);
    let page = browser.page;
    const before = await libraryState(page);

    // Frozen on the 150th of 240 bodies inside applyPacket's transaction, then killed.
    await importPacket(page, 150);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __stalled: boolean }).__stalled), { timeout: 30_000 }).toBe(true);
    await killBrowser(browser);

    browser = await openProfile(dir, host);
    page = browser.page;
    const after = await libraryState(page);
    const ours = (s: typeof after) => ({
      articles: s.ids.filter((id) => id.startsWith('pk_crash_')).length,
      excerpts: s.highlights.filter((h) => h.id.startsWith('lh_p_crash_big_')).length,
      session: s.sessions.includes('s_crash_big'),
      packet: s.packets.includes('p_crash_big'),
    });
    process.stdout.write(`crash_packet: after reopen ${JSON.stringify(ours(after))}\n`);
    expect(ours(after)).toEqual({ articles: 0, excerpts: 0, session: false, packet: false });
    expect(after.articles).toBe(before.articles);
    expect(after.unindexed).toEqual([]);

    // The same packet imports whole afterwards.
    await importPacket(page, null);
    await expect(page.getByTestId('pk-done')).toBeVisible({ timeout: 45_000 });
    const done = await libraryState(page);
    expect(ours(done)).toEqual({ articles: N, excerpts: N, session: true, packet: true });
    expect(done.unindexed, 'packet articles neither indexed nor queued for the rebuild').toEqual([]);

    // Found by the app-bar search (Ctrl+K) and readable with its picture.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('编号239x7');
    await expect(page.getByTestId('search-hit').first()).toContainText('大资料包文章239', { timeout: 15_000 });
    await page.goto(`${host.origin}/#/read/pk_crash_0003`);
    const img = page.getByTestId('article-body').locator('img').first();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth === 8)).toBe(true);
  } finally {
    if (browser && groupAlive(browser.process.pid!)) await killBrowser(browser);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('crash mid restore: reopened, the library is as it was before the restore (a note written since the backup is kept) and a backup of it was taken first', async ({
  host,
}) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-crash-restore-'));
  let browser: RealBrowser | undefined;
  const notes = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('yandu');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('notes').objectStore('notes').getAll();
            req.onsuccess = () => {
              open.result.close();
              resolve((req.result as { text: string }[]).map((n) => n.text));
            };
          };
        }),
    );
  try {
    browser = await openProfile(dir, host);
    let page = browser.page;
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByTestId('backup-status')).toContainText('已备份');

    // Written after that backup: a restore of it would replace this note.
    await page.getByRole('link', { name: '文库' }).click();
    await page.getByTestId('article-row').first().locator('a').click();
    await page.getByRole('button', { name: '写笔记' }).click();
    await page.keyboard.type('恢复中断前写的笔记');
    await expect.poll(() => notes(page)).toEqual(['恢复中断前写的笔记']);
    const before = await libraryState(page);

    await page.getByRole('link', { name: '设置' }).click();
    const manual = page.getByTestId('backup-list').locator('li[data-reason="manual"]').first();
    await manual.getByRole('button', { name: '从此备份恢复' }).click();
    await armStall(page, 'bodies', 2);
    await page.getByTestId('backup-confirm').getByRole('button', { name: '确认恢复' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __stalled: boolean }).__stalled), { timeout: 30_000 }).toBe(true);
    await killBrowser(browser);

    browser = await openProfile(dir, host);
    page = browser.page;
    expect(await notes(page)).toEqual(['恢复中断前写的笔记']);
    const after = await libraryState(page);
    expect(after.ids).toEqual(before.ids);
    expect(after.bodies).toBe(before.bodies);
    // The library as it was before the restore was backed up first (恢复前), so even a finished restore is undone.
    await page.getByRole('link', { name: '设置' }).click();
    await expect(page.getByTestId('backup-list').locator('li[data-reason="restore"]')).toHaveCount(1);
  } finally {
    if (browser && groupAlive(browser.process.pid!)) await killBrowser(browser);
    rmSync(dir, { recursive: true, force: true });
  }
});
