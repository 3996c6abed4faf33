/**
 * `npm run screenshots [-- --out DIR]`: every screen, seen rather than assumed. Starts the built
 * browser host on a temporary data folder (the sample library), makes a session, highlights, a
 * note and a packet through the UI (tests/e2e/screens.ts, shared with the accessibility spec),
 * then saves a PNG of each screen in the three themes, at 1366×768 and 1920×1080, at 100%,
 * 150% and 200% interface scale, plus the recovery offer, and a contact sheet of the main ones
 * (ImageMagick `montage`). Not part of `npm test`. Builds first when dist/ is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../main/cli/chromium';
import { spawnHost } from '../tests/e2e/processes';
import { backupNow, closeNotices, SCREENS, seed, setScale, setTheme, THEMES } from '../tests/e2e/screens';

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const SCALES = [100, 150, 200] as const;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const out = path.resolve(option('--out', '/tmp/yandu-screens'));
  mkdirSync(out, { recursive: true });
  const dist = process.env.YANDU_DIST || 'dist';
  if (!existsSync(path.join(dist, 'host', 'serve.mjs'))) {
    const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('构建失败 / build failed');
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-screens-'));
  const host = await spawnHost(dataDir, 0, {});
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const saved: string[] = [];
  let scaleBy = '';
  try {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: VIEWPORTS[0], acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(host.url);
    const seeded = await seed(page, dataDir);
    for (const theme of THEMES) {
      await setTheme(page, seeded, theme);
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        for (const scale of SCALES) {
          scaleBy = await setScale(page, scale);
          for (const screen of SCREENS) {
            await closeNotices(page);
            await screen.open(page, seeded);
            // Fonts are bundled slices: wait for the ones this screen uses.
            await page.evaluate(() => document.fonts.ready.then(() => undefined));
            const file = path.join(out, `${theme}-${viewport.width}x${viewport.height}-${scale}-${screen.name}.png`);
            await page.screenshot({ path: file });
            saved.push(file);
          }
        }
      }
    }
    await setScale(page, 100);
    await setTheme(page, seeded, 'light');

    // The recovery offer: a fresh profile on the same data folder after a backup.
    await backupNow(page);
    for (const viewport of VIEWPORTS) {
      for (const scale of SCALES) {
        const fresh = await (await browser.newContext({ locale: 'zh-CN', viewport })).newPage();
        await fresh.goto(host.url);
        const offer = fresh.getByRole('dialog', { name: '恢复文库？' });
        await offer.waitFor({ state: 'visible', timeout: 30_000 });
        if (scale !== 100) {
          // No library to open 设置 in behind the dialog: the CSS zoom stand-in only.
          await fresh.evaluate((p) => {
            (document.documentElement.style as CSSStyleDeclaration & { zoom: string }).zoom = String(p / 100);
          }, scale);
        }
        const file = path.join(out, `light-${viewport.width}x${viewport.height}-${scale}-recovery-offer.png`);
        await fresh.screenshot({ path: file });
        saved.push(file);
        await fresh.context().close();
      }
    }
  } finally {
    await browser.close();
    host.process.kill('SIGTERM');
    await host.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }

  // The contact sheet: every screen in the light theme at 1366×768 and 100%, then the reader and
  // the library at 150% and in the other themes.
  const main = [
    ...SCREENS.map((s) => `light-1366x768-100-${s.name}.png`),
    'light-1366x768-100-recovery-offer.png',
    'light-1366x768-150-library.png',
    'light-1366x768-150-reader.png',
    'light-1366x768-150-settings.png',
    'sepia-1366x768-100-reader.png',
    'dark-1366x768-100-reader.png',
    'dark-1366x768-100-library.png',
    'light-1920x1080-100-reader.png',
  ].map((f) => path.join(out, f));
  const sheet = path.join(out, 'contact-sheet.png');
  const montage = spawnSync(
    'montage',
    ['-label', '%t', '-pointsize', '14', '-tile', '4x', '-geometry', '480x270+8+8', '-background', '#ddd', ...main, sheet],
    { stdio: 'inherit' },
  );
  console.log(`screenshots: ${saved.length}`);
  console.log(`interface_scale_by: ${scaleBy}`);
  console.log(montage.status === 0 ? `contact_sheet: ${sheet}` : 'contact_sheet: montage failed (ImageMagick missing?)');
  console.log(`out: ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
