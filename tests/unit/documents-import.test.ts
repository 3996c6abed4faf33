/** Document files through the existing import path (files.importFiles): articles with page markers, originals kept, bad files change nothing. */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { importUploads } from '../../main/services/files/uploads';
import { ArticlePayloadSchema } from '../../shared/domain/article';
import { loopingDoc } from '../fixtures/looping-doc';
import { runSync } from './helpers/sync-run';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url));
const b64 = (data: Buffer) => data.toString('base64');

describe('importing document files', () => {
  it('turns a PDF, an OFD, a .wps and a .docx into articles and keeps each original in documents/', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-docs-'));
    const names = ['学习材料.pdf', '通知.ofd', '公文.wps', '汇编.docx'];
    const files = ['report.pdf', 'tongzhi.ofd', 'gongwen.wps', 'report.docx'];
    const result = await importUploads(
      names.map((name, i) => ({ name, dataBase64: b64(fixture(files[i]!)) })),
      dataDir,
    );
    expect(result.failures).toEqual([]);
    expect(result.articles.map((a) => a.title)).toEqual([
      '深入学习贯彻党的创新理论',
      '关于开展2025年度党员干部理论学习测试的通知',
      '中共某某市委办公室关于印发《2025年党委（党组）理论学习中心组学习计划》的通知',
      // Word's Title style wins over the first Heading 1 (一、…).
      '深入学习贯彻党的创新理论',
    ]);
    for (const a of result.articles) expect(v.safeParse(ArticlePayloadSchema, a).success).toBe(true);
    const [pdf, ofd, wps, docx] = result.articles.map((a) => a.document!);
    expect(pdf).toMatchObject({ format: 'pdf', name: '学习材料.pdf', pageCount: 4, scanned: false, docNumber: null });
    expect(pdf!.pages).toHaveLength(4);
    expect(ofd).toMatchObject({ format: 'ofd', pageCount: 2, docNumber: '某组发〔2025〕7号' });
    expect(wps).toMatchObject({ format: 'wps', pages: null, docNumber: '某委办发〔2025〕3号' });
    expect(docx).toMatchObject({ format: 'docx', pages: null });
    expect(result.articles[3]!.text.startsWith('一、充分认识理论学习的重要意义')).toBe(true);
    // The originals, content-addressed and byte-identical.
    files.forEach((f, i) => {
      const rel = result.articles[i]!.document!.file!;
      expect(rel).toMatch(/^documents\/[0-9a-f]{64}\.(pdf|ofd|wps|docx)$/);
      expect(readFileSync(path.join(dataDir, rel)).equals(fixture(f))).toBe(true);
    });
    expect(readdirSync(path.join(dataDir, 'documents'))).toHaveLength(4);
    // The same bytes again: the same article key, still one stored copy.
    const again = await importUploads([{ name: '副本.pdf', dataBase64: b64(fixture('report.pdf')) }], dataDir);
    expect(again.articles[0]!.urlKey).toBe(result.articles[0]!.urlKey);
    expect(readdirSync(path.join(dataDir, 'documents'))).toHaveLength(4);
  });

  it('reports each bad file with a Chinese message naming it, and stores nothing for them', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-docs-bad-'));
    const whole = fixture('report.pdf');
    const result = await importUploads(
      [
        { name: '加密.pdf', dataBase64: b64(fixture('encrypted.pdf')) },
        { name: '截断.pdf', dataBase64: b64(whole.subarray(0, 20_000)) },
        { name: '网页.doc', dataBase64: b64(fixture('fake.doc')) },
        { name: '越界.ofd', dataBase64: b64(fixture('traversal.ofd')) },
        // Its sector chain loops: once a process-killing loop, now a damaged file like any other.
        { name: '循环.doc', dataBase64: b64(Buffer.from(loopingDoc())) },
        { name: '好.pdf', dataBase64: b64(fixture('gongwen.pdf')) },
      ],
      dataDir,
    );
    expect(result.failures.map((f) => [f.name, f.code])).toEqual([
      ['加密.pdf', 'E_DOCUMENT_ENCRYPTED'],
      ['截断.pdf', 'E_DOCUMENT_FORMAT'],
      ['网页.doc', 'E_DOCUMENT_FORMAT'],
      ['越界.ofd', 'E_ARCHIVE_FORMAT'],
      ['循环.doc', 'E_DOCUMENT_FORMAT'],
    ]);
    for (const f of result.failures) {
      expect(f.message).toContain(f.name);
      expect(f.message).not.toMatch(/yandu-upload-|[0-9a-f]{16}\./);
    }
    expect(result.articles).toHaveLength(1);
    // Only the good file's original was kept.
    expect(readdirSync(path.join(dataDir, 'documents'))).toEqual([path.basename(result.articles[0]!.document!.file!)]);
  });
});

describe('a watched folder with documents', () => {
  it('syncs .pdf, .ofd and .doc files as articles with their originals, and logs a disguised one', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'yandu-docs-folder-'));
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-docs-data-'));
    for (const f of ['gongwen.pdf', 'tongzhi.ofd', 'report.doc'])
      copyFileSync(new URL(`../fixtures/documents/${f}`, import.meta.url), path.join(folder, f));
    writeFileSync(path.join(folder, '导出.doc'), fixture('fake.doc'));
    const run = await runSync({ id: 'docs', kind: 'folder', location: folder, name: '公文夹', column: null }, { dataDir });
    const byName = new Map(run.articles.map((a) => [a.document!.name, a]));
    expect([...byName.keys()].sort()).toEqual(['gongwen.pdf', 'report.doc', 'tongzhi.ofd']);
    expect(byName.get('gongwen.pdf')!.document!.pages).toHaveLength(2);
    expect(byName.get('report.doc')!.title).toBe('深入学习贯彻党的创新理论');
    for (const a of run.articles) expect(readdirSync(path.join(dataDir, 'documents'))).toContain(path.basename(a.document!.file!));
    const logged = run.logs.find((l) => l.message.includes('导出.doc'));
    expect(logged?.code).toBe('E_DOCUMENT_FORMAT');
    expect(logged?.message).toContain('网页（HTML）');
  });
});
