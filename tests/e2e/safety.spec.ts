/**
 * Data safety in real Chromium through the browser host: 数据与备份 (backup, restore, undo),
 * hostile content arriving through a backup file and shown in the reader, search and print
 * views (nothing runs, nothing leaves), and crashes — the browser killed mid-restore and
 * mid-typing, then reopened on the same profile: no half library, nothing typed > 1 s before lost.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { trap } from './gap-helpers';
import { CHROMIUM_ARGS } from './playwright.config';
import { expect, test, type Host } from './fixtures';
import { VECTORS } from '../fixtures/hostile/corpus';

const V4_STORES: Record<string, string> = {
  articles: 'id, &urlKey, publishedAt, sourceId, column, addedAt, contentHash, updatedAt',
  bodies: 'articleId',
  reading: 'articleId, updatedAt',
  settings: 'key',
  versions: '[articleId+version], articleId',
  sources: 'id, kind',
  fetchState: 'urlKey, sourceId',
  syncLog: '++id, sourceId, at',
  highlights: 'id, articleId, layer, color, *tags, createdAt, updatedAt',
  notes: 'id, kind, articleId, highlightId, *tags, createdAt, updatedAt',
  sessions: 'id, year, date, status, packetId',
  members: 'id, name, order',
  packets: 'id, sessionId',
  returns: 'id, sessionId',
};

/** A correctly hashed backup file (format of shared/backup/format.ts) holding the given tables. */
function backupFile(tables: Record<string, unknown[]>): Buffer {
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const header = Buffer.alloc(16);
  header.write('YANDUBK\n', 0, 'latin1');
  header.writeUInt16BE(1, 8);
  const parts: Buffer[] = [];
  const manifestParts: unknown[] = [];
  const counts: Record<string, number> = {};
  let offset = 16;
  for (const [table, records] of Object.entries(tables)) {
    const bytes = gzipSync(Buffer.from(JSON.stringify(records)));
    parts.push(bytes);
    manifestParts.push({ kind: 'table', table, records: records.length, offset, size: bytes.length, sha256: sha(bytes) });
    counts[table] = records.length;
    offset += bytes.length;
  }
  const manifest = Buffer.from(
    JSON.stringify({
      format: 'yandu-backup',
      version: 1,
      createdAt: '2025-06-01T08:00:00.000Z',
      reason: 'manual',
      appVersion: 'e2e',
      db: { name: 'yandu', schemaVersion: 4, stores: V4_STORES },
      counts,
      parts: manifestParts,
    }),
  );
  const body = Buffer.concat([header, ...parts, manifest]);
  const trailer = Buffer.alloc(76);
  trailer.writeUInt32BE(manifest.length, 0);
  Buffer.from(sha(manifest), 'hex').copy(trailer, 4);
  Buffer.from(sha(body), 'hex').copy(trailer, 36);
  trailer.write('YANDUEND', 68, 'latin1');
  return Buffer.concat([body, trailer]);
}

const NOW = '2025-06-01T08:00:00.000Z';
function articles(n: number, title: (i: number) => string, html: (i: number) => string) {
  return {
    articles: Array.from({ length: n }, (_, i) => ({
      id: `bk_${i}`,
      version: 1,
      updatedAt: null,
      urlKey: `backup:${i}`,
      url: null,
      title: title(i),
      publishedAt: '2025-05-01',
      origin: '备份来源',
      author: null,
      editor: null,
      column: '测试',
      sourceId: 'backup',
      sourceName: '备份',
      zi: 100,
      contentHash: 'c'.repeat(64),
      addedAt: NOW,
    })),
    bodies: Array.from({ length: n }, (_, i) => ({ articleId: `bk_${i}`, html: html(i), text: `恢复正文${i}` })),
    settings: [{ key: 'sampleLibraryImported', value: true }],
  };
}

async function restoreFile(page: Page, bytes: Buffer): Promise<void> {
  await page.getByRole('link', { name: '设置' }).click();
  // 恢复… is a real button: the keyboard reaches it and Enter opens the file chooser.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '恢复…' }).focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'restore.yandubak', mimeType: 'application/octet-stream', buffer: bytes });
  await expect(page.getByTestId('backup-confirm')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '确认恢复' }).click();
}

test('数据与备份: back up, restore a hostile backup (nothing runs in reader, search or print), then undo', async ({ app, host }) => {
  const traps = await trap(app, host.origin);
  await app.reload();
  await expect(app.getByTestId('article-row').first()).toBeVisible();
  const sampleCount = await app.getByTestId('article-row').count();
  // Probe: an inert DOMParser parse (what DOMPurify does) already raises CSP reports in Chromium.
  const probe = await app.evaluate(async () => {
    new DOMParser().parseFromString('<base href="http://attacker.example/probe/"><p onclick="x()">p</p>', 'text/html');
    await new Promise((r) => setTimeout(r, 200));
    return (window as unknown as { __csp: string[] }).__csp.slice();
  });
  process.stdout.write(`csp_probe_reports: ${JSON.stringify(probe)}\n`);

  await app.getByRole('link', { name: '设置' }).click();
  await expect(app.getByTestId('storage-estimate')).toContainText('已用存储');
  await app.getByRole('button', { name: '立即备份' }).click();
  await expect(app.getByTestId('backup-status')).toContainText('已备份', { timeout: 30_000 });
  await expect(app.getByTestId('backup-list').locator('li')).toHaveCount(1);

  // A damaged file is refused, and nothing changes.
  const hostile = backupFile(
    articles(
      VECTORS.length,
      (i) => `恶意文章${i}<script>window.__pwned='title'</script><img src=x onerror="window.__pwned='title-img'">`,
      (i) => `<p>恶意正文 ${VECTORS[i]!.id}</p>${VECTORS[i]!.html}<p>结束</p>`,
    ),
  );
  const damaged = Buffer.from(hostile);
  damaged[100] = damaged[100]! ^ 0xff;
  await app.getByLabel('恢复…').setInputFiles({ name: 'bad.yandubak', mimeType: 'application/octet-stream', buffer: damaged });
  await expect(app.getByTestId('backup-status')).toContainText('已损坏');

  await restoreFile(app, hostile);
  await expect(app.getByTestId('backup-status')).toContainText('恢复完成', { timeout: 60_000 });
  await app.waitForTimeout(1000);
  await app.goto(`${host.origin}/#/`);
  await expect(app.getByTestId('article-row').first()).toContainText('恶意文章', { timeout: 30_000 });

  // Reader: every hostile article opened.
  for (let i = 0; i < VECTORS.length; i++) {
    await app.goto(`${host.origin}/#/read/bk_${i}`);
    await expect(app.getByTestId('article-body')).toContainText(`恶意正文 ${VECTORS[i]!.id}`);
  }
  // Search snippets and the print view of the whole library.
  await app.goto(`${host.origin}/#/`);
  await app.getByRole('searchbox').first().fill('恶意正文');
  await app.waitForTimeout(1500);
  await app.goto(`${host.origin}/#/print/articles`);
  await app.waitForTimeout(3000);
  await traps.check();

  // 撤销恢复 brings the sample library back.
  await app.goto(`${host.origin}/#/settings`);
  await app.getByRole('button', { name: '撤销恢复' }).click();
  await expect(app.getByTestId('backup-confirm')).toBeVisible({ timeout: 30_000 });
  await app.getByRole('button', { name: '确认恢复' }).click();
  await expect(app.getByTestId('backup-status')).toContainText('恢复完成', { timeout: 60_000 });
  await app.waitForTimeout(1000);
  await app.goto(`${host.origin}/#/`);
  await expect(app.getByTestId('article-row')).toHaveCount(sampleCount, { timeout: 30_000 });
  await traps.check();
});

/** A browser on a profile folder that survives the browser being killed. */
async function openProfile(dir: string, host: Host): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(host.url);
  await expect(page.getByTestId('article-row').first()).toBeVisible({ timeout: 30_000 });
  return { context, page };
}

/** Every article has its body (no half article). */
async function libraryIsWhole(page: Page): Promise<{ articles: number; bodies: number; titles: string[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['articles', 'bodies'], 'readonly');
          const a = tx.objectStore('articles').getAll();
          const b = tx.objectStore('bodies').getAllKeys();
          tx.oncomplete = () => {
            const rows = a.result as { id: string; title: string }[];
            const bodies = new Set(b.result as string[]);
            const missing = rows.filter((r) => !bodies.has(r.id));
            db.close();
            if (missing.length) reject(new Error(`articles without body: ${missing.length}`));
            else resolve({ articles: rows.length, bodies: bodies.size, titles: rows.map((r) => r.title) });
          };
        };
      }),
  );
}

test('crash: the browser killed mid-restore and mid-typing; reopened, the library is whole and the typing kept', async ({ host }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-crash-'));
  try {
    let { context, page } = await openProfile(dir, host);
    const before = await libraryIsWhole(page);

    // Mid-restore: a large backup (1,500 articles), killed right after 确认恢复.
    const big = backupFile(
      articles(
        1500,
        (i) => `大备份${i}`,
        (i) => `<p>${'学习'.repeat(400)}${i}</p>`,
      ),
    );
    await restoreFile(page, big);
    await page.waitForTimeout(150);
    await context.close();
    ({ context, page } = await openProfile(dir, host));
    const after = await libraryIsWhole(page);
    // All or nothing: the old library, or the whole backup.
    expect([before.articles, 1500]).toContain(after.articles);
    if (after.articles === 1500) expect(after.titles.every((t) => t.startsWith('大备份'))).toBe(true);

    // Mid-typing: the note typed more than a second before the kill survives.
    await page.getByRole('link', { name: '笔记本' }).click();
    await page.getByRole('button', { name: '新建心得体会' }).click();
    await page.getByLabel('标题').fill('断电之前');
    await page.getByTestId('note-body').click();
    await page.keyboard.type('这一句在断电前一秒多已经打完。');
    await page.waitForTimeout(1200);
    await context.close();
    ({ context, page } = await openProfile(dir, host));
    await page.getByRole('link', { name: '笔记本' }).click();
    const entry = page.getByTestId('notebook-entry').filter({ hasText: '断电之前' });
    await expect(entry).toHaveCount(1, { timeout: 15_000 });
    await expect(entry).toContainText('这一句在断电前一秒多已经打完。');
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
