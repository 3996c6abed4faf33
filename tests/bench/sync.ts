/**
 * Sync through the real app: a 1,000-article fixture site (cms-world, 127.0.0.1) added as a
 * source in the UI of Debian chromium through the browser host, synced into IndexedDB with no
 * delay, then synced again with nothing changed. The re-sync counts how many of the article
 * pages were answered 304 or not asked for at all (skipped).
 */
import { chromium } from '@playwright/test';
import { startCmsWorld } from '../fixtures/cms-world';
import { startHost } from '../e2e/fixtures';
import { CHROMIUM_ARGS } from '../e2e/playwright.config';

const ARTICLES = 1000;

export async function benchSync(): Promise<Record<string, number>> {
  const world = await startCmsWorld({ sites: [], large: ARTICLES });
  const site = world.site('large');
  const host = await startHost();
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.getByTestId('article-row').first().waitFor();
    await page.getByRole('link', { name: '来源' }).click();
    await page.getByText('抓取设置').click();
    await page.getByLabel('同一网站两次请求的间隔（毫秒）').fill('0');
    await page.getByLabel('日常同步最多读取的列表页数').fill('100');
    await page.getByRole('button', { name: '添加来源' }).click();
    await page.getByLabel('网址或文件夹路径').fill(world.abs(site.listPath));
    await page.getByLabel('名称').fill('大栏目');
    await page.getByRole('button', { name: '保存' }).click();
    const card = page.getByTestId('source-card');

    const syncOnce = async (): Promise<number> => {
      const started = performance.now();
      await card.getByRole('button', { name: '立即同步' }).click();
      await card.getByRole('button', { name: '停止' }).waitFor();
      await card.getByRole('button', { name: '立即同步' }).waitFor({ timeout: 600_000 });
      return (performance.now() - started) / 1000;
    };

    const firstS = await syncOnce();
    // Articles stored from the site: everything but the bundled samples.
    const fromSite = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('yandu');
          open.onsuccess = () => {
            const store = open.result.transaction('articles').objectStore('articles');
            const all = store.count();
            const samples = store.index('sourceId').count(IDBKeyRange.only('sample'));
            samples.onsuccess = () => resolve(all.result - samples.result);
            samples.onerror = () => reject(samples.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );

    world.resetLog();
    const resyncS = await syncOnce();
    const articlePaths = new Set(site.articles.map((a) => a.path));
    const articleRequests = world.requests.filter((r) => articlePaths.has(r.path));
    const notModified = world.requests.filter((r) => r.status === 304).length;
    const skipped = ARTICLES - new Set(articleRequests.map((r) => r.path)).size;
    const answered = (notModified + skipped) / (world.requests.length + skipped);
    return {
      sync_1000_s: Number(firstS.toFixed(2)),
      sync_1000_articles_stored: fromSite,
      resync_s: Number(resyncS.toFixed(2)),
      resync_requests: world.requests.length,
      resync_304_or_skipped_pct: Number((answered * 100).toFixed(1)),
    };
  } finally {
    await browser.close();
    host.process.kill('SIGTERM');
    await world.close();
  }
}
