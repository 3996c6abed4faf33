/**
 * 设置 › 导出诊断信息 in the browser host: one click writes a zip into the data folder that
 * holds the host's log (its start line), the page's settings and table counts, and none of the
 * library's article text.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

test('导出诊断信息 writes a zip with the log, settings and table counts, and no article text', async ({ app, host }) => {
  const title = (await app.locator('[data-testid="article-row"] .col-title').first().textContent())!.trim();
  await app.getByRole('link', { name: '设置' }).click();
  await app.getByRole('button', { name: '导出诊断信息' }).click();
  await expect(app.getByTestId('diagnostics').getByRole('status')).toContainText('已保存到：');

  const dir = path.join(host.dataDir, 'diagnostics');
  const [name] = readdirSync(dir).filter((n) => n.endsWith('.zip'));
  expect(name).toMatch(/^yandu-diagnostics-\d{8}-\d{6}\.zip$/);
  const file = path.join(dir, name!);
  await expect(app.getByTestId('diagnostics').getByRole('status')).toContainText(file);

  const list = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
  expect(list).toEqual(['README.txt', 'versions.json', 'settings.json', 'storage.json', 'logs/yandu.log']);
  const log = execFileSync('unzip', ['-p', file, 'logs/yandu.log'], { encoding: 'utf8' });
  expect(log).toContain('"event":"host.start"');
  const storage = JSON.parse(execFileSync('unzip', ['-p', file, 'storage.json'], { encoding: 'utf8' })) as {
    browser: { tables: Record<string, number>; usage: number | null };
  };
  expect(storage.browser.tables.articles).toBeGreaterThan(0);
  const everything = execFileSync('unzip', ['-p', file], { encoding: 'utf8' });
  expect(everything).not.toContain(title);
});
