/**
 * The documents thread (extract/documents/pool.ts): a parse still running at the deadline is
 * ended by terminating its thread, a hostile file is refused with a Chinese error naming it, the
 * app's own heap does not carry the parse, and the next file is read (by a fresh thread when the
 * old one was ended).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DocumentPool, documentWorkerScript } from '../../main/services/extract/documents/pool';
import { AppError } from '../../shared/errors';
import { loopingDoc } from '../fixtures/looping-doc';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url)));

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const pools: DocumentPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

it(
  'reads a .doc whose sector chain loops to a clear refusal, in bounded memory, and the thread reads the next file',
  { timeout: 120_000 },
  async () => {
    // Before word.ts bounded the chain, this file grew one array until the process died.
    const pool = new DocumentPool({ maxHeapMb: 256 });
    pools.push(pool);
    const heapBefore = process.memoryUsage().heapUsed;
    const e = await refusal(pool.extract(loopingDoc(), '/tmp/学习计划.doc', { label: '学习计划.doc' }));
    expect(e.code).toBe('E_DOCUMENT_FORMAT');
    expect(e.message).toContain('无法读取Word文件「学习计划.doc」');
    expect(pool.stats).toEqual({ started: 1, timedOut: 0, outOfMemory: 0 });
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);

    const good = await pool.extract(fixture('report.pdf'), 'report.pdf');
    expect(good.title).toBe('深入学习贯彻党的创新理论');
    expect(pool.stats.started).toBe(1);
  },
);

it('terminates a thread still parsing at the deadline, and the next file still reads', { timeout: 120_000 }, async () => {
  const pool = new DocumentPool({ graceMs: 0 });
  pools.push(pool);
  // The deadline passes long before a fresh thread has even loaded pdf.js: only termination can answer.
  const e = await refusal(pool.extract(fixture('hundred.pdf'), 'hundred.pdf', { label: '汇编.pdf', limits: { deadlineMs: 1 } }));
  expect(e.code).toBe('E_DOCUMENT_LIMIT');
  expect(e.message).toBe('「汇编.pdf」处理超时（超过 1 秒），已停止，未导入。');
  expect(pool.stats.timedOut).toBe(1);

  const [a, b] = await Promise.all([pool.extract(fixture('report.pdf'), 'a.pdf'), pool.extract(fixture('gongwen.pdf'), 'b.pdf')]);
  expect(a.pageCount).toBe(4);
  expect(b.format).toBe('pdf');
  expect(pool.stats).toMatchObject({ started: 2, timedOut: 1 });
});

it('keeps the bad-file errors of the parsers themselves (code and message) across the thread', async () => {
  const pool = new DocumentPool();
  pools.push(pool);
  const encrypted = await refusal(pool.extract(fixture('encrypted.pdf'), 'encrypted.pdf'));
  expect(encrypted.code).toBe('E_DOCUMENT_ENCRYPTED');
  expect(encrypted.message).toContain('「encrypted.pdf」设有打开密码');
  const traversal = await refusal(pool.extract(fixture('traversal.ofd'), 'traversal.ofd'));
  expect(traversal.code).toBe('E_ARCHIVE_FORMAT');
  const html = await refusal(pool.extract(fixture('fake.doc'), 'fake.doc'));
  expect(html.code).toBe('E_DOCUMENT_FORMAT');
  expect(html.message).toContain('网页（HTML）');
  expect(pool.stats.started).toBe(1);
});

it('runs from the TypeScript source here (tests and the CLI) and from the bundle in a build', () => {
  expect(documentWorkerScript()).toEqual({
    kind: 'source',
    file: path.resolve(__dirname, '../../main/services/extract/documents/worker.ts'),
  });
});
