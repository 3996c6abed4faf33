/** `cli extract` as a user runs it: one JSON line of the same shape, plus the issue-16 fields. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args], { cwd: root, timeout: 60_000 }, (error, stdout) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout });
    });
  });
}

it('prints one JSON line with YYYY-MM-DD publishedAt, the time apart, 文号 and a confidence', { timeout: 90_000 }, async () => {
  const r = await cli(
    'extract',
    'tests/fixtures/extract/gov-xxgk.html',
    '--url',
    'http://www.example-county.gov.cn/zwgk/tzgg/content_88921.html',
  );
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  const out = JSON.parse(lines[0]!) as Record<string, unknown>;
  expect(Object.keys(out)).toEqual([
    'title',
    'publishedAt',
    'origin',
    'author',
    'editor',
    'paragraphs',
    'text',
    'images',
    'publishedTime',
    'docNumber',
    'confidence',
    'method',
    'attachments',
  ]);
  expect(out.publishedAt).toBe('2023-11-20');
  expect(out.publishedTime).toBeNull();
  expect(out.docNumber).toBe('某机工发〔2023〕18号');
  expect(out.origin).toBe('某某县机关工委');
  expect(out.confidence).toBeGreaterThanOrEqual(0.8);
  expect(out.method).toBe('template');
});
