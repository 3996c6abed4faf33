/**
 * A document with no title of its own (a scan: no text layer) is named after its file. The file
 * it is read from may be a stand-in (a downloaded attachment's bytes under attachment.pdf, an
 * upload under a hash-named temporary file): the name the user knows is the label, and that is
 * the title, never the stand-in's name.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { importFile, importFileBytes } from '../../main/services/files/local-files';

const scan = readFileSync(new URL('../fixtures/documents/scan.pdf', import.meta.url));

it('a scanned attachment is titled by its own name, not the stand-in file name', { timeout: 60_000 }, async () => {
  const r = await importFileBytes(new Uint8Array(scan), path.join(os.tmpdir(), 'attachment.pdf'), { label: '学习计划（扫描件）.pdf' });
  expect(r.document?.scanned).toBe(true);
  expect(r.title).toBe('学习计划（扫描件）');
});

it('a scanned upload read from a hash-named temporary file is titled by the name it was uploaded under', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-fallback-title-'));
  const temp = path.join(dir, '0123456789abcdef.pdf');
  writeFileSync(temp, scan);
  const r = await importFile(temp, { label: '会议纪要.pdf' });
  expect(r.title).toBe('会议纪要');
});

it('without a label, a file on disk is still titled by its own name', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-fallback-title-'));
  const file = path.join(dir, '第一季度学习安排.pdf');
  writeFileSync(file, scan);
  expect((await importFile(file)).title).toBe('第一季度学习安排');
});
