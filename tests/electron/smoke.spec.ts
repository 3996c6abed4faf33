/**
 * Smoke test of the desktop app: launches the project root as `npm start` does (package.json
 * `main` → dist/electron/main.cjs; npm run build first) in a real Electron and checks the
 * library shows, the page has window.yandu but no Node, the app is named by package.json,
 * userData is the profile given, persistent storage is granted and 复制引用 reaches the clipboard.
 * Skips, with the reason printed, where no Electron binary exists (our offline build machines).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mainScript = path.join(root, 'dist', 'electron', 'main.cjs');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { productName: string; version: string };

/** Drags the real mouse over characters [from, to) of the first long run of paragraph text; returns the selected text. */
async function selectInArticle(page: Page, from: number, to: number): Promise<string> {
  const points = await page.getByTestId('article-body').evaluate(
    (body, { from, to }) => {
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      let text: Text | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if ((n as Text).data.length >= 40 && n.parentElement?.closest('p')) {
          text = n as Text;
          break;
        }
      }
      if (!text) throw new Error('no long paragraph text');
      text.parentElement!.scrollIntoView({ block: 'center' });
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

function skipReason(): string | null {
  const binary = findElectronBinary(root);
  if (!binary.ok) return `Electron smoke test skipped: ${binary.reason}`;
  if (!existsSync(mainScript)) return `Electron smoke test skipped: ${path.relative(root, mainScript)} is missing (run npm run build).`;
  return null;
}

test.describe('Electron desktop app', () => {
  let app: ElectronApplication | undefined;
  let userData: string | undefined;

  test.afterEach(async () => {
    await app?.close();
    app = undefined;
    if (userData) rmSync(userData, { recursive: true, force: true });
    userData = undefined;
  });

  test('shows the library with window.yandu and without Node', async () => {
    // Skipped only when no Electron binary exists (offline build machines), with the reason printed.
    const reason = skipReason();
    if (reason !== null) console.log(reason);
    test.skip(reason !== null, reason ?? '');

    const binary = findElectronBinary(root);
    if (!binary.ok) throw new Error(binary.reason);
    userData = mkdtempSync(path.join(tmpdir(), 'yandu-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    delete env.ELECTRON_RUN_AS_NODE;

    app = await electron.launch({
      executablePath: binary.path,
      // The project root, as npm start passes it; a throwaway profile, so the test neither
      // reads nor leaves a user's library (the app keeps a --user-data-dir it is given).
      args: [root, `--user-data-dir=${userData}`],
      cwd: root,
      env,
    });
    const page = await app.firstWindow();

    await expect(page.getByText('研读').first()).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('article-row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toBe('研读');

    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        yandu: typeof w.yandu,
        namespaces: w.yandu && typeof w.yandu === 'object' ? Object.keys(w.yandu).sort() : [],
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        ipcRenderer: typeof w.ipcRenderer,
      };
    });
    expect(globals.yandu).toBe('object');
    expect(globals.namespaces).toContain('events');
    expect(globals.require).toBe('undefined');
    expect(globals.process).toBe('undefined');
    expect(globals.module).toBe('undefined');
    expect(globals.ipcRenderer).toBe('undefined');

    const info = await page.evaluate(() =>
      (window as unknown as { yandu: { app: { info: (a: object) => Promise<{ host: string }> } } }).yandu.app.info({}),
    );
    expect(info.host).toBe('electron');

    // Named by package.json (not "Electron" 45.x), and the profile is the one given.
    const identity = await app.evaluate(({ app: electronApp }) => ({
      name: electronApp.getName(),
      version: electronApp.getVersion(),
      userData: electronApp.getPath('userData'),
    }));
    expect(identity).toEqual({ name: pkg.productName, version: pkg.version, userData });

    // Persistent storage is granted to our page, so the library is not evicted.
    expect(await page.evaluate(() => navigator.storage.persist())).toBe(true);
    expect(await page.evaluate(() => navigator.storage.persisted())).toBe(true);
    // Reading the clipboard stays denied.
    expect(
      await page.evaluate(() =>
        navigator.clipboard.readText().then(
          () => 'read',
          () => 'denied',
        ),
      ),
    ).toBe('denied');

    // 复制引用: select a passage, copy it from the toolbar, read the system clipboard in main.
    await app.evaluate(({ clipboard }) => clipboard.writeText('before'));
    await page.getByTestId('article-row').first().locator('a').click();
    await expect(page.getByTestId('article-body')).toBeVisible({ timeout: 30_000 });
    const title = (await page.locator('.article-title').textContent())?.trim() ?? '';
    expect(title).not.toBe('');
    const phrase = await selectInArticle(page, 4, 20);
    expect(phrase).toHaveLength(16);
    const toolbar = page.getByTestId('hl-toolbar');
    await expect(toolbar).toBeVisible();
    await toolbar.getByRole('button', { name: '复制引用' }).click();
    await expect(page.getByTestId('reader-notice')).toHaveText('引用已复制');
    const clip = await app.evaluate(({ clipboard }) => clipboard.readText());
    expect(clip.startsWith(`“${phrase}”`)).toBe(true);
    expect(clip).toContain(`《${title}》`);
  });
});
