/** `packet sample` and `packet check` run as a user would: a separate process, exit codes, one line. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir = '';

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args], { cwd: root, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-cli-pk-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('packet CLI', () => {
  it('writes a sample packet that checks; refuses damaged and foreign files with a code', async () => {
    const file = path.join(dir, 'sample.yandu');
    const sample = await cli('packet', 'sample', file);
    expect(sample.code).toBe(0);
    const ok = await cli('packet', 'check', file);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(1);
    expect(ok.stdout).toMatch(/^packet ok: p_sample_2025_01 v1 .* 3 articles, \d+ excerpts, 1 images/);

    const bytes = await readFile(file);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 500] = flipped[flipped.length - 500]! ^ 0xff;
    const cases: [string, Buffer, RegExp][] = [
      ['truncated.yandu', bytes.subarray(0, 1000), /^E_PACKET_TRUNCATED: .*[\u4e00-\u9fff]/],
      ['flipped.yandu', flipped, /^E_PACKET_HASH: .*[\u4e00-\u9fff]/],
      ['empty.yandu', Buffer.alloc(0), /^E_PACKET_TRUNCATED: /],
      ['text.yandu', Buffer.from('hello'), /^E_PACKET_FORMAT: /],
    ];
    for (const [name, data, re] of cases) {
      await writeFile(path.join(dir, name), data);
      const r = await cli('packet', 'check', path.join(dir, name));
      expect(r.code, name).toBe(1);
      expect(r.stderr.trim(), name).toMatch(re);
    }
    const missing = await cli('packet', 'check', path.join(dir, 'nope.yandu'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^E_NOT_FOUND: /);
    expect((await cli('packet', 'check', dir)).code).toBe(1);
  }, 120_000);
});
