/**
 * Accessibility: axe-core on every main screen (screens.ts) at 100% and 150% interface scale,
 * and on the recovery offer: no serious or critical violation.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { backupNow, SCREENS, seed, setScale } from './screens';

async function seriousViolations(page: Page): Promise<string[]> {
  // label-content-name-mismatch is experimental in axe, so not on by default: 设置 had one.
  const result = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test('every main screen at 100% and 150%: no serious or critical axe violation', async ({ app, host, browser }) => {
  test.setTimeout(300_000);
  const seeded = await seed(app, await mkdtemp(path.join(os.tmpdir(), 'yandu-e2e-a11y-')));
  const found: string[] = [];
  for (const scale of [100, 150]) {
    await setScale(app, scale);
    for (const screen of SCREENS) {
      await screen.open(app, seeded);
      for (const v of await seriousViolations(app)) found.push(`${screen.name} @${scale}%: ${v}`);
    }
  }
  await setScale(app, 100);

  // The recovery offer: a fresh profile on the same data folder.
  await backupNow(app);
  const fresh = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } })).newPage();
  await fresh.goto(host.url);
  await expect(fresh.getByRole('dialog', { name: '恢复文库？' })).toBeVisible({ timeout: 30_000 });
  for (const v of await seriousViolations(fresh)) found.push(`recovery-offer: ${v}`);
  // The ui Dialog: why it is offered is its description; Esc is 暂不 and gives the library back.
  const offer = fresh.getByRole('dialog', { name: '恢复文库？' });
  await expect(offer).toHaveAccessibleDescription(/数据文件夹中有一份备份/);
  await expect(offer.getByRole('button', { name: '恢复' })).toBeFocused();
  await fresh.keyboard.press('Escape');
  await expect(offer).toHaveCount(0);
  await expect(fresh.getByTestId('article-row').first()).toBeVisible();
  await fresh.context().close();

  expect(found).toEqual([]);
});
