/**
 * Backup and restore of a 10,000-article library (synthetic, ~3,000 字 each, with highlights
 * and notes) in Debian chromium through the browser host, driven through 数据与备份 like a user.
 * Prints backup_10k_s, restore_10k_s and backup_bytes; first, on 1,000 articles, what a
 * continuous backup costs the user: snapshot_read_1k_ms, save_wait_during_snapshot_1k_ms,
 * snapshot_user_tables_read_1k_ms (the longest a note save can wait for the snapshot),
 * snapshot_longest_read_1k_ms (the longest single read: how long the page can stall), backup_1k_s.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../e2e/playwright.config';
import { startHost } from '../e2e/fixtures';

/** Seeds `count` articles (with highlights and notes) straight into the page's IndexedDB (the app's own tables), in slices. */
async function seed(page: Page, count: number): Promise<void> {
  await page.evaluate(async (count) => {
    const para = '坚持以学促干，把理论学习成果转化为推动工作的实际成效。'.repeat(4);
    // No named function values in here: tsx would wrap them in a helper the page lacks.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('yandu');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const now = new Date().toISOString();
    for (let start = 0; start < count; start += 500) {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['articles', 'bodies', 'highlights', 'notes'], 'readwrite');
        for (let i = start; i < Math.min(count, start + 500); i++) {
          const id = `bench_${String(i).padStart(5, '0')}`;
          const blocks = Array.from({ length: 12 }, (_, b) => `第${b + 1}段 ${para}${i}`);
          tx.objectStore('articles').put({
            id,
            version: 1,
            updatedAt: null,
            urlKey: `bench:${i}`,
            url: null,
            title: `基准文章${i}`,
            publishedAt: '2024-01-01',
            origin: '基准',
            author: null,
            editor: null,
            column: '基准',
            sourceId: 'bench',
            sourceName: '基准',
            zi: 3000,
            contentHash: 'b'.repeat(64),
            addedAt: now,
          });
          tx.objectStore('bodies').put({ articleId: id, html: blocks.map((t) => `<p>${t}</p>`).join(''), text: blocks.join('\n') });
          if (i % 5 === 0) {
            tx.objectStore('highlights').put({
              id: `bh_${i}`,
              articleId: id,
              layer: 'personal',
              color: 'yellow',
              style: 'fill',
              selector: { exact: '理论学习', prefix: '坚持以学促干，把', suffix: '成果转化', start: 12, end: 16 },
              articleVersion: 1,
              orphan: false,
              tags: [],
              comment: null,
              createdAt: now,
              updatedAt: now,
            });
          }
          if (i % 20 === 0) {
            tx.objectStore('notes').put({
              id: `bn_${i}`,
              kind: 'note',
              articleId: id,
              highlightId: null,
              title: `笔记${i}`,
              doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: para }] }] },
              text: para,
              zi: para.length,
              tags: [],
              createdAt: now,
              updatedAt: now,
            });
          }
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, count);
}

/**
 * A continuous backup's cost on a 1,000-article library: how long its reads take (every
 * backed-up table, in the short readonly transactions snapshotChunks uses), how long a note
 * save issued at the same moment waits, and a whole backup through 立即备份.
 */
async function bench1k(browser: Browser): Promise<Record<string, number>> {
  const host = await startHost();
  try {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(host.url);
    await page.getByTestId('article-row').first().waitFor({ timeout: 60_000 });
    await seed(page, 1000);
    const runs: { read: number; save: number; userRead: number; longestSlice: number }[] = [];
    for (let i = 0; i < 5; i++) {
      runs.push(
        await page.evaluate(async () => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const r = indexedDB.open('yandu');
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
          });
          // As snapshotChunks reads: article texts in pages of 200 (a short transaction each,
          // yielding between), the other library tables, then the small tables the user writes.
          const all = Array.from(db.objectStoreNames).filter((n) => !n.startsWith('search'));
          const paged = ['bodies', 'versions'].filter((n) => all.includes(n));
          const bulky = ['articles', 'sources', 'fetchState', 'syncLog'];
          const groups = [all.filter((n) => bulky.includes(n)), all.filter((n) => !bulky.includes(n) && !paged.includes(n))];
          const t0 = performance.now();
          let userRead = 0;
          let longestSlice = 0;
          const read = (async () => {
            for (const name of paged) {
              let after: IDBValidKey | undefined;
              for (;;) {
                const p0 = performance.now();
                const page = await new Promise<{ rows: unknown[]; keys: IDBValidKey[] }>((resolve, reject) => {
                  const tx = db.transaction([name], 'readonly');
                  const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
                  const rows = tx.objectStore(name).getAll(range, 200);
                  const keys = tx.objectStore(name).getAllKeys(range, 200);
                  tx.oncomplete = () => resolve({ rows: rows.result, keys: keys.result });
                  tx.onerror = () => reject(tx.error);
                });
                longestSlice = Math.max(longestSlice, performance.now() - p0);
                if (page.rows.length < 200) break;
                after = page.keys[page.keys.length - 1];
                await new Promise((r) => setTimeout(r, 0));
              }
            }
            for (const group of groups) {
              const g0 = performance.now();
              await new Promise<void>((resolve, reject) => {
                const tx = db.transaction(group, 'readonly');
                for (const name of group) tx.objectStore(name).getAll();
                tx.oncomplete = () => resolve();
                tx.onerror = () => reject(tx.error);
              });
              longestSlice = Math.max(longestSlice, performance.now() - g0);
              // The last read holds back note saves: the longest a save can wait for it.
              userRead = performance.now() - g0;
            }
            return performance.now() - t0;
          })();
          // A note save issued just after the snapshot began.
          const save = new Promise<number>((resolve, reject) => {
            const tx = db.transaction(['notes'], 'readwrite');
            const now = new Date().toISOString();
            tx.objectStore('notes').put({
              id: 'bench_save',
              kind: 'note',
              articleId: null,
              highlightId: null,
              title: '保存',
              doc: { type: 'doc' },
              text: '保存',
              zi: 2,
              tags: [],
              createdAt: now,
              updatedAt: now,
            });
            tx.oncomplete = () => resolve(performance.now() - t0);
            tx.onerror = () => reject(tx.error);
          });
          const out = { read: await read, save: await save, userRead, longestSlice };
          db.close();
          return out;
        }),
      );
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    await page.goto(`${host.origin}/#/settings`);
    const t0 = performance.now();
    await page.getByRole('button', { name: '立即备份' }).click();
    await page.getByTestId('backup-status').filter({ hasText: '已备份' }).waitFor({ timeout: 120_000 });
    const backupS = (performance.now() - t0) / 1000;
    await page.close();
    return {
      snapshot_read_1k_ms: Number(median(runs.map((r) => r.read)).toFixed(1)),
      save_wait_during_snapshot_1k_ms: Number(median(runs.map((r) => r.save)).toFixed(1)),
      snapshot_user_tables_read_1k_ms: Number(median(runs.map((r) => r.userRead)).toFixed(1)),
      snapshot_longest_read_1k_ms: Number(median(runs.map((r) => r.longestSlice)).toFixed(1)),
      backup_1k_s: Number(backupS.toFixed(2)),
    };
  } finally {
    host.process.kill('SIGTERM');
  }
}

export async function benchBackup(n = Number(process.env.YANDU_BENCH_BACKUP_N ?? 10_000)): Promise<Record<string, number>> {
  const host = await startHost();
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const small = await bench1k(browser);
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(host.url);
    await page.getByTestId('article-row').first().waitFor({ timeout: 60_000 });
    await seed(page, n);
    await page.goto(`${host.origin}/#/settings`);
    let t0 = performance.now();
    await page.getByRole('button', { name: '立即备份' }).click();
    await page.getByTestId('backup-status').filter({ hasText: '已备份' }).waitFor({ timeout: 300_000 });
    const backupS = (performance.now() - t0) / 1000;
    const name = /已备份：(\S+)/.exec((await page.getByTestId('backup-status').textContent()) ?? '')?.[1] ?? '';
    const bytes = statSync(path.join(host.dataDir, 'backups', name)).size;

    t0 = performance.now();
    await page.getByTestId('backup-list').locator('li').filter({ hasText: '手动' }).getByRole('button', { name: '从此备份恢复' }).click();
    // A finished restore reloads the page (恢复完成 shows for only 300 ms): wait for that reload.
    const reloaded = page.waitForEvent('load', { timeout: 300_000 });
    await page.getByRole('button', { name: '确认恢复' }).click({ timeout: 300_000 });
    await reloaded;
    const restoreS = (performance.now() - t0) / 1000;
    return { ...small, backup_10k_s: Number(backupS.toFixed(2)), restore_10k_s: Number(restoreS.toFixed(2)), backup_bytes: bytes };
  } finally {
    await browser.close();
    host.process.kill('SIGTERM');
  }
}
