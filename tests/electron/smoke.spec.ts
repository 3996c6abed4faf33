/**
 * Smoke test of the desktop app: launches dist/electron/main.cjs (npm run build first) in a
 * real Electron and checks the library shows and the page has window.yandu but no Node.
 * Skips, with the reason printed, where no Electron binary exists (our offline build machines).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mainScript = path.join(root, 'dist', 'electron', 'main.cjs');

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
      // A throwaway profile, so the test neither reads nor leaves a user's library.
      args: [mainScript, `--user-data-dir=${userData}`],
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
  });
});
