/**
 * Data safety in real Chromium through the browser host: 数据与备份 (backup, restore, undo),
 * hostile content arriving through a backup file and shown in the reader, search and print
 * views (nothing runs, nothing leaves: the traps are checked only after every hostile article,
 * search hit and printed article was counted on screen), and crashes — the browser process group
 * SIGKILLed inside the restore and after a note was saved, then reopened on the same profile:
 * no half library, nothing saved lost (through the data folder's backup when Chromium discarded
 * a store a crash had damaged).
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { armStall, imagesSettled, openProfile, trap } from './gap-helpers';
import { expect, startHost, test, type Host } from './fixtures';
import { groupAlive, killBrowser, killHost, type RealBrowser } from './processes';
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
function articles(n: number, title: (i: number) => string, html: (i: number) => string, text = (i: number) => `恢复正文${i}`) {
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
    bodies: Array.from({ length: n }, (_, i) => ({ articleId: `bk_${i}`, html: html(i), text: text(i) })),
    settings: [{ key: 'sampleLibraryImported', value: true }],
  };
}

/** Picks the file; restore shows what it holds and waits for 确认恢复. */
async function restoreFile(page: Page, bytes: Buffer): Promise<void> {
  await page.getByRole('link', { name: '设置' }).click();
  // 恢复… is a real button: the keyboard reaches it and Enter opens the file chooser.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '恢复…' }).focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'restore.yandubak', mimeType: 'application/octet-stream', buffer: bytes });
  await expect(page.getByTestId('backup-confirm')).toBeVisible({ timeout: 30_000 });
}

/**
 * Confirms a restore already chosen and waits for the page to reload itself onto the restored
 * library (it does only after a restore succeeded). The status line lives ~300 ms before that
 * reload, so it is recorded as it changes, in sessionStorage, which outlives the reload.
 */
async function confirmRestore(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __beforeRestore: boolean }).__beforeRestore = true;
    sessionStorage.removeItem('e2eRestoreStatus');
    new MutationObserver(() => {
      const status = document.querySelector('[data-testid="backup-status"]')?.textContent;
      if (status) sessionStorage.setItem('e2eRestoreStatus', status);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: '确认恢复' }).click();
  await expect
    .poll(
      // Mid-reload the page has no document to ask: not there yet.
      () => page.evaluate(() => (window as unknown as { __beforeRestore?: boolean }).__beforeRestore ?? false).catch(() => true),
      { timeout: 90_000 },
    )
    .toBe(false);
  expect(await page.evaluate(() => sessionStorage.getItem('e2eRestoreStatus'))).toContain('恢复完成');
}

test('数据与备份: back up, restore a hostile backup (nothing runs in reader, search or print), then undo', async ({ app, host }) => {
  test.setTimeout(120_000);
  const traps = await trap(app, host.origin);
  await app.reload();
  await expect(app.getByTestId('article-row').first()).toBeVisible();
  const sampleCount = (await app.getByTestId('library-count').textContent())!;
  expect(sampleCount).toMatch(/^共 [1-9]\d* 篇$/);
  // Probe: an inert DOMParser parse (what DOMPurify does) already raises CSP reports in Chromium,
  // which is why the traps tolerate inline reports and fail only on a blocked URL.
  await app.evaluate(() => {
    new DOMParser().parseFromString('<base href="http://attacker.example/probe/"><p onclick="x()">p</p>', 'text/html');
  });
  await expect.poll(() => app.evaluate(() => (window as unknown as { __csp: string[] }).__csp.length)).toBeGreaterThan(0);
  const probe = await app.evaluate(() => (window as unknown as { __csp: string[] }).__csp.slice());
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
      // The stored plain text is hostile too: search snippets are built from it.
      (i) => `恶意正文 ${VECTORS[i]!.id} ${VECTORS[i]!.html} 结束`,
    ),
  );
  const damaged = Buffer.from(hostile);
  damaged[100] = damaged[100]! ^ 0xff;
  await app.getByLabel('恢复…').setInputFiles({ name: 'bad.yandubak', mimeType: 'application/octet-stream', buffer: damaged });
  await expect(app.getByTestId('backup-status')).toContainText('已损坏');
  await app.goto(`${host.origin}/#/`);
  await expect(app.getByTestId('library-count')).toHaveText(sampleCount);
  await expect(app.getByTestId('article-row').filter({ hasText: '恶意文章' })).toHaveCount(0);

  await restoreFile(app, hostile);
  await confirmRestore(app);
  await app.goto(`${host.origin}/#/`);
  // A new document: the traps' init script armed it again; everything below runs in this one.
  await expect(app.getByTestId('library-count')).toHaveText(`共 ${VECTORS.length} 篇`, { timeout: 30_000 });
  await expect(app.getByTestId('article-row').first()).toContainText('恶意文章');

  // Reader: every hostile article opened, its vector's text shown, its images done loading or failing.
  for (let i = 0; i < VECTORS.length; i++) {
    await app.goto(`${host.origin}/#/read/bk_${i}`);
    await expect(app.getByTestId('article-body')).toContainText(`恶意正文 ${VECTORS[i]!.id}`);
    await imagesSettled(app);
  }
  await traps.check('reader');

  // Search: every hostile article found, each hit's snippet showing the query.
  await app.goto(`${host.origin}/#/`);
  await app.getByTestId('search-input').fill('恶意正文');
  const articleHits = app.getByTestId('search-group-articles').getByTestId('search-hit');
  await expect(articleHits.first()).toBeVisible({ timeout: 30_000 });
  await expect(app.getByTestId('search-group-articles').locator('h3')).toContainText(`${VECTORS.length} 条`);
  const shown = await articleHits.count();
  expect(shown).toBeGreaterThan(0);
  for (let i = 0; i < shown; i++) await expect(articleHits.nth(i).getByTestId('search-snippet')).toContainText('恶意正文');
  await imagesSettled(app);
  await traps.check('search');

  // Print: the whole library laid out, every hostile article on paper with its text.
  await app.goto(`${host.origin}/#/print/articles`);
  const printed = app.locator('section.pr-article');
  await expect(printed).toHaveCount(VECTORS.length, { timeout: 30_000 });
  for (let i = 0; i < VECTORS.length; i++)
    await expect(app.locator(`section.pr-article[data-article-id="bk_${i}"] .pr-body`)).toContainText(`恶意正文 ${VECTORS[i]!.id}`);
  // Ready: the pages were measured and the 目录 numbered (the PDF button is enabled then).
  await expect(app.getByTestId('print-pdf')).toBeEnabled({ timeout: 30_000 });
  await imagesSettled(app);
  process.stdout.write(`safety_hostile_shown: reader ${VECTORS.length}, search ${shown} hits, print ${await printed.count()} articles\n`);
  await traps.check('print');

  // 撤销恢复 brings the sample library back.
  await app.goto(`${host.origin}/#/settings`);
  await app.getByRole('button', { name: '撤销恢复' }).click();
  await expect(app.getByTestId('backup-confirm')).toBeVisible({ timeout: 30_000 });
  await confirmRestore(app);
  await app.goto(`${host.origin}/#/`);
  await expect(app.getByTestId('library-count')).toHaveText(sampleCount, { timeout: 30_000 });
  await expect(app.getByTestId('article-row').filter({ hasText: '恶意文章' })).toHaveCount(0);
  await traps.check('after undo');
});

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
            else resolve({ articles: rows.length, bodies: bodies.size, titles: rows.map((r) => r.title).sort() });
          };
        };
      }),
  );
}

/** Plain texts of the stored notes, read from IndexedDB itself. */
function storedNoteTexts(page: Page): Promise<string[]> {
  return page.evaluate(
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
}

/** A host contract call, as the browser makes it (the token is the host's secret). */
async function hostCall<T>(host: Host, name: string, arg: unknown): Promise<T> {
  const secret = new URL(host.url).searchParams.get('token')!;
  const res = await fetch(`${host.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
    body: JSON.stringify(arg),
  });
  const body = (await res.json()) as { ok: boolean; result: T; error?: unknown };
  if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
  return body.result;
}

interface Entry {
  name: string;
  reason: string;
  createdAt: string;
  counts: Record<string, number>;
  library?: { id: string; userArticles: number };
}

/** The records of one table in a backup of the data folder, read back through the host. */
async function backupRecords(host: Host, name: string, table: string): Promise<unknown[]> {
  const checked = await hostCall<{ handle: string; tables: { table: string; index: number }[] }>(host, 'backup.inspect', {
    ref: { from: 'folder', name },
  });
  const out: unknown[] = [];
  for (const t of checked.tables.filter((x) => x.table === table))
    out.push(...(await hostCall<{ records: unknown[] }>(host, 'backup.readPart', { handle: checked.handle, index: t.index })).records);
  return out;
}

/** The library's identity (a new one only when the store was created anew, or restored). */
function libraryId(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('settings').objectStore('settings').get('library');
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as { value?: { id?: string } } | undefined)?.value?.id ?? null);
          };
        };
      }),
  );
}

/**
 * Reopens the profile after a kill. A kill inside a large IndexedDB write can tear the end of
 * Chromium's LevelDB log; the next start appends to that log (reuse_logs), and after one more
 * crash Chromium finds the log corrupt and discards the origin's whole store (its LevelDB LOG
 * says "Creating DB … since it was missing"; google/leveldb#1287). Seen here about once in
 * ten runs on a loaded machine. Then the library comes back only from the data folder: the app
 * must offer the newest backup, and it is accepted here. Returns which way the library came back.
 */
async function reopenAfterKill(
  dir: string,
  host: Host,
  id: string,
): Promise<{ browser: RealBrowser; way: 'kept' | 'from backup'; offer?: string }> {
  const browser = await openProfile(dir, host);
  const page = browser.page;
  const offer = page.getByRole('dialog', { name: '恢复文库？' });
  if ((await libraryId(page)) === id) {
    await expect(offer).toHaveCount(0);
    return { browser, way: 'kept' };
  }
  // The store was created anew (only the samples): the backup is offered before anything else.
  await expect(offer).toBeVisible({ timeout: 30_000 });
  const said = await offer.innerText();
  const reloaded = page.waitForEvent('load', { timeout: 90_000 });
  await offer.getByRole('button', { name: '恢复' }).click();
  await reloaded;
  await expect(page.getByTestId('article-row').first()).toBeVisible({ timeout: 60_000 });
  return { browser, way: 'from backup', offer: said };
}

test('crash: the browser process killed inside the restore and after typing; reopened, the library is whole and the note kept', async () => {
  test.setTimeout(240_000);
  // Continuous backups soon after a change: the data folder is the net when the browser
  // discards its store (see reopenAfterKill).
  const host = await startHost({ YANDU_BACKUP_SETTLE_MS: '500', YANDU_BACKUP_MAX_WAIT_MS: '3000' });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-crash-'));
  let browser = await openProfile(dir, host);
  try {
    // An article of the user's own: a library emptied and re-seeded with the samples would lack it.
    await browser.page.getByTestId('import-input').setInputFiles({
      name: '崩溃之前导入.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('崩溃之前导入的文章\n\n这篇文章在恢复开始之前导入，恢复中断以后必须还在文库里。\n'),
    });
    await expect(browser.page.getByTestId('import-status')).toContainText('新增 1 篇');
    const before = await libraryIsWhole(browser.page);
    expect(before.titles).toContain('崩溃之前导入的文章');
    const id = (await libraryId(browser.page))!;

    // Mid-restore: a large backup (1,500 articles, of an older version, so it is first upgraded
    // in a copy); the 700th article written freezes that write, and the browser is killed in it.
    const big = backupFile(
      articles(
        1500,
        (i) => `大备份${i}`,
        (i) => `<p>${'学习'.repeat(400)}${i}</p>`,
      ),
    );
    await restoreFile(browser.page, big);
    await armStall(browser.page, 'articles', 700);
    await browser.page.getByRole('button', { name: '确认恢复' }).click();
    await expect
      .poll(() => browser.page.evaluate(() => (window as unknown as { __stalled: boolean }).__stalled), { timeout: 60_000 })
      .toBe(true);
    await killBrowser(browser);
    // Before any large write began, the library as it was went to the data folder.
    const { entries } = await hostCall<{ entries: Entry[] }>(host, 'backup.list', {});
    const undo = entries.filter((e) => e.reason === 'restore');
    expect(undo).toHaveLength(1);
    expect(undo[0]!.library).toMatchObject({ id, userArticles: 1 });
    let reopened = await reopenAfterKill(dir, host, id);
    browser = reopened.browser;
    const ways = [reopened.way];
    const after = await libraryIsWhole(browser.page);
    // The restore never committed: the old library, every article of it, none of the backup.
    expect(after).toEqual(before);

    // Mid-typing: a note saved (its text in IndexedDB) survives the kill that follows.
    const page = browser.page;
    const idNow = (await libraryId(page))!;
    await page.getByRole('link', { name: '笔记本' }).click();
    await page.getByRole('button', { name: '新建心得体会' }).click();
    await page.getByLabel('标题').fill('断电之前');
    await page.getByTestId('note-body').click();
    await page.keyboard.type('这一句在断电前已经保存。');
    await expect.poll(() => storedNoteTexts(page), { timeout: 15_000 }).toContainEqual(expect.stringContaining('这一句在断电前已经保存。'));
    // The continuous backup has it too (the only copy should the browser discard its store).
    await expect
      .poll(
        async () => {
          const newest = (await hostCall<{ entries: Entry[] }>(host, 'backup.list', {})).entries
            .filter((e) => e.reason === 'auto' && (e.counts.notes ?? 0) > 0)
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
          if (!newest) return [];
          return ((await backupRecords(host, newest.name, 'notes')) as { title: string; text: string }[]).map(
            (n) => `${n.title}|${n.text}`,
          );
        },
        { timeout: 60_000 },
      )
      .toContainEqual('断电之前|这一句在断电前已经保存。');
    await killBrowser(browser);
    reopened = await reopenAfterKill(dir, host, idNow);
    browser = reopened.browser;
    ways.push(reopened.way);
    process.stdout.write(`crash_reopened: ${ways.join(', ')}\n`);
    expect(await libraryIsWhole(browser.page)).toEqual(before);
    await browser.page.getByRole('link', { name: '笔记本' }).click();
    const entry = browser.page.getByTestId('notebook-entry').filter({ hasText: '断电之前' });
    await expect(entry).toHaveCount(1, { timeout: 30_000 });
    await expect(entry).toContainText('这一句在断电前已经保存。');
  } finally {
    if (groupAlive(browser.process.pid!)) await killBrowser(browser);
    await killHost(host);
    rmSync(dir, { recursive: true, force: true });
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});

/**
 * What a browser killed in the middle of writing a log record leaves behind: the record's header
 * and part of its payload at the end of the origin's newest LevelDB log (format of LevelDB's
 * log_format.h: 32 KiB blocks, 7-byte headers; a header never straddles a block).
 */
function tearLevelDbLog(profile: string, origin: string): string {
  const store = path.join(profile, 'Default', 'IndexedDB', `http_${new URL(origin).host.replace(':', '_')}.indexeddb.leveldb`);
  const logs = existsSync(store) ? readdirSync(store).filter((f) => /^\d+\.log$/.test(f)) : [];
  // A Chromium without a LevelDB store here needs this test rewritten, not skipped.
  expect(logs, `LevelDB logs in ${store}`).not.toEqual([]);
  const log = path.join(store, logs.sort().at(-1)!);
  const size = statSync(log).size;
  const left = 32768 - (size % 32768);
  const pad = left < 7 ? Buffer.alloc(left) : Buffer.alloc(0);
  const header = Buffer.from([0x12, 0x34, 0x56, 0x78, 0xe8, 0x03, 1]); // FULL record of 1,000 bytes…
  appendFileSync(log, Buffer.concat([pad, header, Buffer.from('torn write')])); // …of which 10 were written.
  return log;
}

/** Whether localStorage's own LevelDB (another database than IndexedDB's) holds these words on disk yet. */
function inLocalStorageFiles(profile: string, words: string): boolean {
  const dir = path.join(profile, 'Default', 'Local Storage', 'leveldb');
  // Chromium keeps a string with characters beyond Latin-1 as UTF-16LE.
  const needle = Buffer.from(words, 'utf16le');
  return existsSync(dir) && readdirSync(dir).some((f) => /\.(log|ldb)$/.test(f) && readFileSync(path.join(dir, f)).includes(needle));
}

/** The stored notes (id, title, text), read from IndexedDB itself. */
function storedNotes(page: Page): Promise<{ id: string; title: string; text: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ id: string; title: string; text: string }[]>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('notes').objectStore('notes').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as { id: string; title: string; text: string }[]).map(({ id, title, text }) => ({ id, title, text })));
          };
        };
      }),
  );
}

test('crash: a store Chromium discards after a crash tore its log comes back from the data folder, with the notes typed after its last backup', async () => {
  test.setTimeout(240_000);
  // No continuous backup falls due in this test (10 minutes to settle): the backups here are the
  // one a start after a crash takes at once, and 立即备份.
  const host = await startHost({ YANDU_BACKUP_SETTLE_MS: '600000', YANDU_BACKUP_MAX_WAIT_MS: '3600000' });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-torn-'));
  let browser = await openProfile(dir, host);
  const entries = async () => (await hostCall<{ entries: Entry[] }>(host, 'backup.list', {})).entries;
  const notesIn = async (name: string) =>
    ((await backupRecords(host, name, 'notes')) as { title: string; text: string }[]).map((n) => `${n.title}|${n.text}`).sort();
  try {
    await browser.page.getByTestId('import-input').setInputFiles({
      name: '撕裂之前导入.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('撕裂之前导入的文章\n\n浏览器丢弃文库以后，这篇文章要从数据文件夹回来。\n'),
    });
    await expect(browser.page.getByTestId('import-status')).toContainText('新增 1 篇');
    const before = await libraryIsWhole(browser.page);
    const id = (await libraryId(browser.page))!;
    // Killed with that import in no backup yet (it would be due in 10 minutes).
    expect(await entries()).toEqual([]);
    await killBrowser(browser);
    tearLevelDbLog(dir, host.origin);

    // The torn end is taken for an unfinished write: the library opens as it was. A start after
    // a crash backs up the changes the last session left at once, not after the settle delay.
    let reopened = await reopenAfterKill(dir, host, id);
    browser = reopened.browser;
    const ways = [reopened.way];
    expect(await libraryIsWhole(browser.page)).toEqual(before);
    await expect
      .poll(
        async () => (await entries()).filter((e) => e.reason === 'auto' && e.library?.id === id && e.library.userArticles === 1).length,
        {
          timeout: 60_000,
        },
      )
      .toBe(1);

    // A note, then 立即备份: the last backup before the crash holds its first sentence.
    const page = browser.page;
    const idNow = (await libraryId(page))!;
    await page.getByRole('link', { name: '笔记本' }).click();
    await page.getByRole('button', { name: '新建笔记' }).click();
    await page.getByLabel('标题').fill('撕裂之后');
    await page.getByTestId('note-body').click();
    await page.keyboard.type('写在撕裂的日志之后。');
    await expect.poll(() => storedNoteTexts(page), { timeout: 15_000 }).toContainEqual('写在撕裂的日志之后。');
    const noteId = (await storedNotes(page)).find((n) => n.title === '撕裂之后')!.id;
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByTestId('backup-status')).toContainText('已备份', { timeout: 30_000 });
    const manual = (await entries()).filter((e) => e.reason === 'manual');
    expect(manual).toHaveLength(1);
    expect(await notesIn(manual[0]!.name)).toEqual(['撕裂之后|写在撕裂的日志之后。']);

    // After that backup: the same note goes on, and a second note is written. Both are saved
    // in IndexedDB, and in no backup.
    await page.goto(`${host.origin}/#/notebook?note=${noteId}`);
    await expect(page.getByTestId('note-body')).toContainText('写在撕裂的日志之后。');
    await page.getByTestId('note-body').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('备份以后接着写的一句。');
    await expect
      .poll(async () => (await storedNotes(page)).find((n) => n.id === noteId)?.text, { timeout: 15_000 })
      .toBe('写在撕裂的日志之后。备份以后接着写的一句。');
    await page.getByRole('link', { name: '笔记本' }).click();
    await page.getByRole('button', { name: '新建笔记' }).click();
    await page.getByLabel('标题').fill('最后一条');
    await page.getByTestId('note-body').click();
    await page.keyboard.type('备份以后新写的笔记。');
    await expect.poll(() => storedNoteTexts(page), { timeout: 15_000 }).toContainEqual('备份以后新写的笔记。');
    expect((await entries()).map((e) => e.reason).sort()).toEqual(['auto', 'manual']);
    // Their typing journals are in localStorage's files (Chromium writes localStorage out a few
    // seconds after a change; until then a kill loses it).
    await expect
      .poll(() => inLocalStorageFiles(dir, '备份以后接着写的一句。') && inLocalStorageFiles(dir, '备份以后新写的笔记。'), {
        timeout: 60_000,
      })
      .toBe(true);
    await killBrowser(browser);

    // Chromium (LevelDB reuse_logs) appended after the torn record; now it finds the log
    // corrupt and starts an empty store. The app offers the data folder's backup, saying why.
    reopened = await reopenAfterKill(dir, host, idNow);
    browser = reopened.browser;
    ways.push(reopened.way);
    process.stdout.write(`torn_log_reopened: ${ways.join(', ')}\n`);
    // The path this test is for. A Chromium whose LevelDB no longer reuses a torn log keeps the
    // store instead: then this test needs another way to make the browser discard it.
    expect(ways).toEqual(['kept', 'from backup']);
    expect(reopened.offer).toContain('浏览器发现本机存放的文库已经损坏');
    expect(reopened.offer).toContain('备份之后写的笔记');
    expect(await libraryIsWhole(browser.page)).toEqual(before);
    // Both notes as they were when the browser was killed: the backup's, and what came after it.
    await expect
      .poll(async () => (await storedNotes(browser.page)).map((n) => `${n.title}|${n.text}`).sort(), { timeout: 30_000 })
      .toEqual(['撕裂之后|写在撕裂的日志之后。备份以后接着写的一句。', '最后一条|备份以后新写的笔记。']);
    await browser.page.getByRole('link', { name: '笔记本' }).click();
    await expect(browser.page.getByTestId('notebook-entry').filter({ hasText: '撕裂之后' })).toContainText('备份以后接着写的一句。');
    await expect(browser.page.getByTestId('notebook-entry').filter({ hasText: '最后一条' })).toHaveCount(1);
    // Words only in the browser again: the start after the restore backs them up at once.
    await expect
      .poll(
        async () => {
          const newest = (await entries()).filter((e) => e.reason === 'auto').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
          return newest ? await notesIn(newest.name) : [];
        },
        { timeout: 60_000 },
      )
      .toEqual(['撕裂之后|写在撕裂的日志之后。备份以后接着写的一句。', '最后一条|备份以后新写的笔记。']);
  } finally {
    if (groupAlive(browser.process.pid!)) await killBrowser(browser);
    await killHost(host);
    rmSync(dir, { recursive: true, force: true });
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});
