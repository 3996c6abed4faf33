import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, scanFolder, scanFolderReport } from '../../main/services/files/local-files';
import { HttpClient } from '../../main/services/sync/http-client';
import { ImageStore } from '../../main/services/sync/images';
import { runSourceSync } from '../../main/services/sync/runner';
import type { ArticlePayload } from '../../shared/domain/article';
import type { KnownPage, SyncBatch } from '../../shared/domain/sync';
import { makePng } from '../fixtures/cms-world/images';

let dir: string;
let dataDir: string;
const P1 = '各级党组织要深入把握理论学习的系统性和针对性，切实把学习成果转化为工作实效。';
const P2 = '与此同时，机关各部门要持续完善调查研究的质量和实效，推动工作取得新进展。';

async function writeDocx(file: string): Promise<void> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('关于加强理论学习的几点思考')] }),
          new Paragraph({ children: [new TextRun('来源：机关党委  2024年3月5日')] }),
          new Paragraph({ children: [new TextRun(P1)] }),
          new Paragraph({
            children: [new ImageRun({ type: 'png', data: makePng(4, 4, [1, 2, 3]), transformation: { width: 40, height: 40 } })],
          }),
          new Paragraph({ children: [new TextRun({ text: P2, bold: true })] }),
        ],
      },
    ],
  });
  writeFileSync(file, await Packer.toBuffer(doc));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'yandu-files-'));
  dataDir = mkdtempSync(path.join(tmpdir(), 'yandu-data-'));
  await writeDocx(path.join(dir, 'study.docx'));
  writeFileSync(
    path.join(dir, 'gbk.txt'),
    iconv.encode(`\r\n廉政教育学习材料\r\n2024年2月1日\r\n\r\n${P1}\r\n第二行接着写。\r\n\r\n${P2}\r\n`, 'gbk'),
  );
  writeFileSync(path.join(dir, 'utf8.txt'), `\uFEFF干部学习笔记\n${P1}\n${P2}\n`);
  writeFileSync(
    path.join(dir, 'page.html'),
    iconv.encode(
      `<html><head><meta charset="gb2312"><title>网页材料</title></head><body><h1>网页材料</h1><div class="info">发布时间：2024-01-09 来源：组织部</div><div class="content"><p>${P1}</p><p><img src="pic.png"></p><p>${P2}网页另有一句。</p></div></body></html>`,
      'gbk',
    ),
  );
  writeFileSync(path.join(dir, 'pic.png'), makePng(3, 3, [9, 9, 9]));
  writeFileSync(path.join(dir, 'ignore.rtf'), 'x');
  writeFileSync(path.join(dir, 'broken.docx'), 'not a zip');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('local files', () => {
  it('imports a .docx with its image stored by hash', async () => {
    const a = await importFile(path.join(dir, 'study.docx'), { images: new ImageStore({ dataDir }) });
    expect(a.title).toBe('关于加强理论学习的几点思考');
    expect(a.origin).toBe('机关党委');
    expect(a.publishedAt).toBe('2024-03-05');
    expect(a.text).toBe(`${P1}\n\n${P2}`);
    const src = /<img src="(media\/[0-9a-f]{64}\.png)"/.exec(a.html)?.[1];
    expect(src).toBeDefined();
    expect(existsSync(path.join(dataDir, src!))).toBe(true);
    expect(a.html).toContain('<strong>');
    expect(a.urlKey).toBe(`file:${path.join(dir, 'study.docx')}`);
  });

  it('imports GBK and UTF-8 .txt: first line is the title, paragraphs by blank lines or lines', async () => {
    const g = await importFile(path.join(dir, 'gbk.txt'));
    expect(g.title).toBe('廉政教育学习材料');
    expect(g.publishedAt).toBe('2024-02-01');
    expect(g.text).toBe(`${P1}第二行接着写。\n${P2}`);
    const u = await importFile(path.join(dir, 'utf8.txt'));
    expect(u.title).toBe('干部学习笔记');
    expect(u.text).toBe(`${P1}\n${P2}`);
  });

  it('imports .html (decoded, extracted) with local images', async () => {
    const h = await importFile(path.join(dir, 'page.html'), { images: new ImageStore({ dataDir }) });
    expect(h.title).toBe('网页材料');
    expect(h.publishedAt).toBe('2024-01-09');
    expect(h.origin).toBe('组织部');
    expect(h.html).toMatch(/<img src="media\/[0-9a-f]{64}\.png">/);
  });

  it('rejects broken files with a Chinese message naming the file', async () => {
    await expect(importFile(path.join(dir, 'broken.docx'))).rejects.toMatchObject({ message: expect.stringContaining('broken.docx') });
    await expect(importFile(path.join(dir, 'ignore.rtf'))).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT' });
  });

  it('scans a folder and syncs it incrementally (changed mtime → new version)', async () => {
    const files = await scanFolder(dir);
    expect(files.map((f) => f.name)).toEqual(['broken.docx', 'gbk.txt', 'page.html', 'study.docx', 'utf8.txt']);
    const run = async (known: KnownPage[]) => {
      const batches: SyncBatch[] = [];
      const logs: string[] = [];
      const client = new HttpClient();
      await runSourceSync(
        {
          runId: 'run_folder',
          source: { id: 'folder', kind: 'folder', location: dir, name: '资料夹', column: null },
          known,
          fullRescan: false,
          maxPages: 1,
          delayMs: 0,
        },
        {
          client,
          images: new ImageStore({ dataDir, client }),
          dataDir,
          signal: new AbortController().signal,
          emitProgress: () => {},
          emitLog: (e) => logs.push(`${e.url} ${e.message}`),
          sendBatch: async (b) => void batches.push(b),
        },
      );
      return { batches, logs, articles: batches.flatMap((b) => b.articles) as ArticlePayload[] };
    };
    const first = await run([]);
    expect(first.articles).toHaveLength(4);
    expect(first.logs.some((l) => l.includes('broken.docx'))).toBe(true);
    const known = first.batches.flatMap((b) => b.pages);
    const second = await run(known);
    expect(second.articles).toHaveLength(0);
    const utf8 = path.join(dir, 'utf8.txt');
    writeFileSync(utf8, `干部学习笔记\n${P2}\n${P1}\n`);
    utimesSync(utf8, new Date(), new Date(Date.now() + 5000));
    const third = await run(known);
    expect(third.articles.map((a) => a.urlKey)).toEqual([`file:${utf8}`]);
    expect(third.articles[0]!.contentHash).not.toBe(first.articles.find((a) => a.urlKey === `file:${utf8}`)!.contentHash);
  });

  it('reports what a folder scan passes over: unsupported documents, too deep, over the limit', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'yandu-scan-'));
    try {
      for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(path.join(root, name), `标题\n\n${P1}`);
      writeFileSync(path.join(root, '通知.rtf'), '{\\rtf1}');
      writeFileSync(path.join(root, '表格.xlsx'), 'PK');
      writeFileSync(path.join(root, 'Thumbs.db'), 'x');
      writeFileSync(path.join(root, '~$草稿.docx'), 'x');
      writeFileSync(path.join(root, 'pic.jpg'), 'x');
      let deep = root;
      for (let i = 0; i < 10; i++) mkdirSync((deep = path.join(deep, `d${i}`)));
      writeFileSync(path.join(deep, 'deep.txt'), P1);

      const all = await scanFolderReport(root);
      expect(all.files.map((f) => f.name)).toEqual(['a.txt', 'b.txt', 'c.txt']);
      expect(all.skipped.map((s) => path.relative(root, s.path))).toEqual([
        path.join('d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8'),
        '表格.xlsx',
        '通知.rtf',
      ]);
      expect(all.skipped[0]!.reason).toMatch(/层级过深/);
      expect(all.skipped[2]!.reason).toMatch(/（\.rtf）暂不支持导入/);

      const limited = await scanFolderReport(root, { maxFiles: 2 });
      expect(limited.files.map((f) => f.name)).toEqual(['a.txt', 'b.txt']);
      expect(limited.skipped.some((s) => s.path === path.join(root, 'c.txt') && /超过 2 个/.test(s.reason))).toBe(true);
      // The old entry point still returns the files alone.
      expect((await scanFolder(root)).map((f) => f.name)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
