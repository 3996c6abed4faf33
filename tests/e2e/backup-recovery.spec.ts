/**
 * Nothing a user makes is lost when the host and the browser are killed: continuous backups
 * (short settle delays for the test) write the day's highlight and note to <dataDir>/backups;
 * after SIGKILL of both, the same profile on the same port finds everything, and a fresh
 * profile (an empty library for that origin) is offered the backup, showing what it holds, and
 * restoring it brings every highlight and note back.
 *
 * The browser is a real Chromium process started here (not through Playwright's launcher) so
 * the test can SIGKILL it, with its whole process group, and reopen the same profile folder.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { killBrowser, killHost, spawnHost, startRealBrowser, type Host, type RealBrowser } from './processes';

const SETTLE_ENV = { YANDU_BACKUP_SETTLE_MS: '400', YANDU_BACKUP_MAX_WAIT_MS: '3000' };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The built host on a given data folder and port, with short settle delays unless told otherwise. */
function startHostOn(dataDir: string, port: number, env: Record<string, string> = SETTLE_ENV): Promise<Host> {
  return spawnHost(dataDir, port, env);
}

/** Calls the host's contract as a script would (Bearer secret). */
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

/** Chromium on a profile folder with the app open; its process is ours to kill. */
async function openBrowser(profile: string, host: Host): Promise<RealBrowser> {
  const opened = await startRealBrowser(profile, { width: 1366, height: 768 });
  await opened.page.goto(host.url);
  await expect(opened.page.getByTestId('article-row').first()).toBeVisible({ timeout: 30_000 });
  return opened;
}

interface Stored {
  highlights: { id: string; exact: string }[];
  notes: { id: string; text: string }[];
}

async function stored(page: Page): Promise<Stored> {
  return page.evaluate(
    () =>
      new Promise<Stored>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['highlights', 'notes'], 'readonly');
          const h = tx.objectStore('highlights').getAll();
          const n = tx.objectStore('notes').getAll();
          tx.oncomplete = () => {
            open.result.close();
            resolve({
              highlights: (h.result as { id: string; selector: { exact: string } }[]).map((r) => ({ id: r.id, exact: r.selector.exact })),
              notes: (n.result as { id: string; text: string }[]).map((r) => ({ id: r.id, text: r.text })),
            });
          };
        };
      }),
  );
}

test('continuous backups survive killing host and browser; a fresh profile is offered the backup and restores it', async () => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-e2e-recovery-'));
  const profileA = mkdtempSync(path.join(os.tmpdir(), 'yandu-profile-a-'));
  const profileB = mkdtempSync(path.join(os.tmpdir(), 'yandu-profile-b-'));
  const port = await freePort();
  let host: Host | null = null;
  let open: RealBrowser | null = null;
  try {
    host = await startHostOn(dataDir, port);
    open = await openBrowser(profileA, host);
    let page = open.page;

    // A highlight, through the reader's selection toolbar.
    await page.getByTestId('article-row').first().locator('a').click();
    await expect(page.locator('.article-title')).toBeVisible();
    const title = (await page.locator('.article-title').textContent())!;
    const phrase = await page.getByTestId('article-body').evaluate((body) => {
      const p = [...body.querySelectorAll('p')].find((el) => (el.textContent ?? '').length >= 60)!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode() as Text;
      p.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, 4);
      range.setEnd(node, 20);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return range.toString();
    });
    await page.getByTestId('hl-toolbar').getByRole('button', { name: '划线：黄色' }).click();
    await expect.poll(async () => (await stored(page)).highlights.map((h) => h.exact)).toEqual([phrase]);

    // A note on the article, typed into the editor.
    const NOTE = '今天学习的体会：调查研究要沉下去';
    await page.getByRole('button', { name: '写笔记' }).click();
    const panel = page.getByTestId('note-panel');
    await panel.getByTestId('note-body').click();
    await page.keyboard.type(NOTE);
    await expect.poll(async () => (await stored(page)).notes.map((n) => n.text)).toEqual([NOTE]);
    const before = await stored(page);

    // The condition: an automatic backup in the data folder that holds both.
    await expect
      .poll(
        async () => {
          const { entries } = await hostCall<{ entries: { reason: string; counts: Record<string, number> }[] }>(host!, 'backup.list', {});
          return entries.some((e) => e.reason === 'auto' && e.counts.highlights === 1 && e.counts.notes === 1);
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const files = readdirSync(path.join(dataDir, 'backups')).filter((n) => n.endsWith('-auto.yandubak') || /-auto-\d+\.yandubak$/.test(n));
    expect(files.length).toBeGreaterThan(0);

    // Both killed: no quitting handshake, no pagehide.
    await killHost(host);
    host = null;
    await killBrowser(open);
    open = null;

    // (a) Same data folder, same port, same profile: everything is there, nothing offered.
    host = await startHostOn(dataDir, port);
    open = await openBrowser(profileA, host);
    page = open.page;
    expect(await stored(page)).toEqual(before);
    await page.getByRole('link', { name: '笔记本' }).click();
    await expect(page.getByTestId('notebook-entry').filter({ hasText: NOTE })).toHaveCount(1);
    await expect(page.getByTestId('recovery-offer')).toHaveCount(0);
    await killBrowser(open);
    open = null;

    // (b) A fresh profile: this origin's library is empty (only the samples): the offer.
    open = await openBrowser(profileB, host);
    page = open.page;
    expect(await stored(page)).toEqual({ highlights: [], notes: [] });
    const offer = page.getByRole('dialog', { name: '恢复文库？' });
    await expect(offer).toBeVisible();
    await expect(offer.getByTestId('recovery-counts')).toContainText('划线 1 条，笔记 1 条');
    await expect(offer.getByTestId('recovery-taken')).toContainText(/备份时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    // Keyboard: focus starts on 恢复, Tab reaches 暂不 and stays inside the dialog.
    await expect(offer.getByRole('button', { name: '恢复' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(offer.getByRole('button', { name: '暂不' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    // For a person to look at (1366×768): test-results/e2e/…/recovery-offer.png.
    await page.screenshot({ path: test.info().outputPath('recovery-offer.png') });
    // Restored through the ordinary path, then the app reopens the library (a page reload).
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await page.keyboard.press('Enter');
    await reloaded;
    await expect(page.getByTestId('article-row').first()).toBeVisible({ timeout: 30_000 });
    expect(await stored(page)).toEqual(before);
    await expect(page.getByTestId('recovery-offer')).toHaveCount(0);
    await page.getByRole('link', { name: '笔记本' }).click();
    await expect(page.getByTestId('notebook-entry').filter({ hasText: NOTE })).toHaveCount(1);
    await page.getByRole('link', { name: '文库' }).click();
    await page.getByRole('link', { name: title }).click();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const out: string[] = [];
          CSS.highlights.forEach((h, name) => {
            if (name.startsWith('yandu-personal-')) for (const r of h) out.push((r as Range).toString());
          });
          return out;
        }),
      )
      .toEqual([phrase]);
    // Restoring took a backup of the replaced library first (撤销恢复 is possible).
    const { entries } = await hostCall<{ entries: { reason: string }[] }>(host, 'backup.list', {});
    expect(entries.some((e) => e.reason === 'restore')).toBe(true);
  } finally {
    if (open) await killBrowser(open).catch(() => undefined);
    if (host) await killHost(host).catch(() => undefined);
    for (const d of [dataDir, profileA, profileB]) rmSync(d, { recursive: true, force: true });
  }
});

test('quitting: on SIGTERM the host lets the open page write its final backup before it exits', async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-e2e-quit-'));
  const profile = mkdtempSync(path.join(os.tmpdir(), 'yandu-profile-q-'));
  // Changes would not settle for 10 minutes: only the quitting handshake can back them up.
  const host = await startHostOn(dataDir, await freePort(), { YANDU_BACKUP_SETTLE_MS: '600000', YANDU_BACKUP_MAX_WAIT_MS: '600000' });
  let open: RealBrowser | null = null;
  try {
    open = await openBrowser(profile, host);
    const page = open.page;
    const listAuto = async () =>
      (
        await hostCall<{ entries: { name: string; reason: string; counts: Record<string, number> }[] }>(host, 'backup.list', {})
      ).entries.filter((e) => e.reason === 'auto');
    const autoBefore = await listAuto();
    expect(autoBefore.every((e) => !e.counts.highlights)).toBe(true);

    await page.getByTestId('article-row').first().locator('a').click();
    await page.getByTestId('article-body').evaluate((body) => {
      const p = [...body.querySelectorAll('p')].find((el) => (el.textContent ?? '').length >= 60)!;
      const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const range = document.createRange();
      range.setStart(node, 2);
      range.setEnd(node, 12);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await page.getByTestId('hl-toolbar').getByRole('button', { name: '划线：绿色' }).click();
    await expect.poll(async () => (await stored(page)).highlights.length).toBe(1);

    const exited = new Promise<number | null>((resolve) => host.process.once('exit', (code) => resolve(code)));
    host.process.kill('SIGTERM');
    expect(await exited).toBe(0);
    const files = readdirSync(path.join(dataDir, 'backups')).filter((n) => /-auto(?:-\d+)?\.yandubak$/.test(n));
    expect(files.length).toBe(autoBefore.length + 1);
    // The newest auto backup (written during the handshake) holds the highlight: read its manifest with a fresh host.
    const again = await startHostOn(dataDir, await freePort());
    try {
      const entries = (await hostCall<{ entries: { reason: string; counts: Record<string, number> }[] }>(again, 'backup.list', {})).entries;
      expect(entries.find((e) => e.reason === 'auto')?.counts.highlights).toBe(1);
    } finally {
      await killHost(again);
    }
  } finally {
    if (open) await killBrowser(open).catch(() => undefined);
    if (host.process.exitCode === null) await killHost(host).catch(() => undefined);
    for (const d of [dataDir, profile]) rmSync(d, { recursive: true, force: true });
  }
});

test('a backups folder that cannot be written: one notice in Chinese, not one per retry; it goes when backups work again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-e2e-unwritable-'));
  // A file where the backups folder goes: every backup fails (also for root, unlike chmod).
  writeFileSync(path.join(dataDir, 'backups'), 'not a folder');
  const host = await startHostOn(dataDir, await freePort(), { YANDU_BACKUP_SETTLE_MS: '300', YANDU_BACKUP_MAX_WAIT_MS: '1000' });
  try {
    let attempts = 0;
    page.on('console', (m) => {
      if (m.text().includes('continuous backup failed')) attempts++;
    });
    await page.goto(host.url);
    await expect(page.getByTestId('article-row').first()).toBeVisible();
    await page.getByRole('link', { name: '笔记本' }).click();
    await page.getByRole('button', { name: '新建笔记' }).click();
    await page.getByTestId('note-body').click();
    const failed = page.getByTestId('toast').filter({ hasText: '自动备份没有完成' });
    await page.keyboard.type('第一句。');
    await expect(failed).toHaveCount(1);
    await expect(failed).toContainText('无法写入');
    // Retries after each further change fail the same way (counted in the console): still the one notice.
    const start = attempts;
    for (const words of ['第二句。', '第三句。']) {
      await page.keyboard.type(words);
      await expect.poll(async () => (await stored(page)).notes.map((n) => n.text).join()).toContain(words);
    }
    await expect.poll(() => attempts).toBeGreaterThanOrEqual(start + 2);
    await expect(failed).toHaveCount(1);

    rmSync(path.join(dataDir, 'backups'));
    await page.keyboard.type('第四句。');
    await expect(page.getByTestId('toast').filter({ hasText: '自动备份已恢复正常' })).toHaveCount(1);
    await expect(failed).toHaveCount(0);
  } finally {
    await killHost(host).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
