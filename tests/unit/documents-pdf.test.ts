/** PDFs made by LibreOffice (scripts/make-document-fixtures.sh) read through pdf.js, and PDFs built to hurt. */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../main/services/extract/documents';
import { binaryCacheStats } from '../../main/services/extract/documents/pdf';
import { cidFontPdf } from '../fixtures/cid-pdf';
import { AppError } from '../../shared/errors';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url)));

async function refused(bytes: Uint8Array, name: string, options: Parameters<typeof extractDocument>[2] = {}): Promise<AppError> {
  const error = await extractDocument(bytes, name, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A minimal PDF around the given objects (1 is the catalog), with a correct xref table. */
function pdf(objects: (string | Buffer)[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((o, i) => {
    offsets.push(length);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(o) ? o : Buffer.from(o), Buffer.from('\nendobj\n')]);
    parts.push(b);
    length += b.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

describe('PDF with a text layer', () => {
  it('reads a study compilation: title, headings, paragraphs joined the Chinese way, no running header or page numbers', async () => {
    const a = await extractDocument(fixture('report.pdf'), 'report.pdf');
    expect(a.title).toBe('深入学习贯彻党的创新理论');
    expect(a.origin).toBe('某某集团党委宣传部');
    expect(a.publishedAt).toBe('2025-03-12');
    expect(a.pageCount).toBe(4);
    expect(a.paragraphs.filter((p) => /^[一二三]、/.test(p))).toEqual([
      '一、充分认识理论学习的重要意义',
      '二、扎实开展中心组集体学习',
      '三、推动学习成果转化运用',
    ]);
    expect(a.html).toContain('<h2>一、充分认识理论学习的重要意义</h2>');
    expect(a.text).toBe(a.paragraphs.join('\n'));
    expect(a.text).not.toContain('某某集团党委理论学习中心组学习材料');
    expect(a.text).not.toMatch(/—\s*\d\s*—/);
    // No space between CJK characters, none from line ends.
    expect(a.text).not.toMatch(/[\u4e00-\u9fff，。] +[\u4e00-\u9fff，。]/);
    for (const p of a.paragraphs.filter((x) => x.length > 40)) expect(p).toMatch(/。$/);
  });

  it('keeps page markers beside the text: one per page, ascending, a page break inside a paragraph keeps it whole', async () => {
    const a = await extractDocument(fixture('report.pdf'), 'report.pdf');
    expect(a.pages!.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    expect(a.pages![0]!.offset).toBe(0);
    const offsets = a.pages!.map((p) => p.offset);
    expect([...offsets].sort((x, y) => x - y)).toEqual(offsets);
    // Page 2 of this file starts in the middle of a sentence: the paragraph was not split there.
    const at = a.pages![1]!.offset;
    expect(a.text[at - 1]).not.toBe('\n');
    const para = a.paragraphs.find((p, i) => {
      const start = a.paragraphs.slice(0, i).reduce((n, q) => n + q.length + 1, 0);
      return start < at && at < start + p.length;
    });
    expect(para).toMatch(/。$/);
  });

  it('titles a 公文 by its centred title, not the red masthead, the 发文字号 or a GUID metadata title', async () => {
    const a = await extractDocument(fixture('gongwen.pdf'), 'gongwen.pdf');
    expect(a.title).toBe('中共某某市委办公室关于印发《2025年党委（党组）理论学习中心组学习计划》的通知');
    expect(a.docNumber).toBe('某委办发〔2025〕3号');
    expect(a.publishedAt).toBe('2025-01-10');
    expect(a.paragraphs).toContain('各县（市、区）委，市委各部委，市直各单位党组（党委）：');
    expect(a.paragraphs).toContain('附件：2025年党委（党组）理论学习中心组学习计划');
  });

  it('reads a CID-font PDF through the package CMaps, and reads each CMap file once per thread', async () => {
    const doc = (n: number) => new Uint8Array(cidFontPdf([[`第${n}份材料：学习贯彻党的创新理论。`]]));
    expect((await extractDocument(doc(1), 'a.pdf')).text).toBe('第1份材料：学习贯彻党的创新理论。');
    const before = { ...binaryCacheStats };
    expect((await extractDocument(doc(2), 'b.pdf')).text).toBe('第2份材料：学习贯彻党的创新理论。');
    expect(binaryCacheStats.reads).toBe(before.reads);
    expect(binaryCacheStats.hits).toBeGreaterThan(before.hits);
  });

  it('says plainly that a scan has no text layer, with its page count', async () => {
    const a = await extractDocument(fixture('scan.pdf'), '党委会议纪要.pdf');
    expect(a.scanned).toBe(true);
    expect(a.pageCount).toBe(2);
    expect(a.title).toBe('党委会议纪要');
    expect(a.text).toContain('扫描件（共 2 页）');
    expect(a.pages).toHaveLength(2);
  });
});

describe('bad PDFs', () => {
  it('refuses an encrypted PDF', async () => {
    const e = await refused(fixture('encrypted.pdf'), 'encrypted.pdf');
    expect(e.code).toBe('E_DOCUMENT_ENCRYPTED');
    expect(e.message).toContain('「encrypted.pdf」设有打开密码');
  });

  it('refuses a truncated PDF and a file that only claims to be one', async () => {
    const whole = fixture('report.pdf');
    const e = await refused(whole.subarray(0, Math.floor(whole.length / 2)), '截断.pdf');
    expect(e.code).toBe('E_DOCUMENT_FORMAT');
    expect(e.message).toContain('被截断');
    const html = await refused(new TextEncoder().encode('<html><body>不是 PDF</body></html>'), '网页.pdf');
    expect(html.code).toBe('E_DOCUMENT_FORMAT');
    expect(html.message).toContain('网页（HTML）');
  });

  it('refuses a stream bomb before pdf.js inflates it', async () => {
    // 64 MB of zeros in about 64 KB, against an 8 MB budget.
    const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024));
    const bytes = pdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      Buffer.concat([Buffer.from(`<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n`), bomb, Buffer.from('\nendstream')]),
    ]);
    const e = await refused(bytes, 'bomb.pdf', { limits: { maxInflateBytes: 8 * 1024 * 1024 } });
    expect(e.code).toBe('E_DOCUMENT_LIMIT');
    expect(e.message).toContain('解压后过大');
  });

  it('refuses a page tree of a million pages in a few kilobytes', async () => {
    // Two levels of 1000 references to the same node: 1,000,000 pages.
    const bytes = pdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [${'3 0 R '.repeat(1000)}] /Count 1000000 >>`,
      `<< /Type /Pages /Parent 2 0 R /Kids [${'4 0 R '.repeat(1000)}] /Count 1000 >>`,
      '<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>',
    ]);
    expect(bytes.length).toBeLessThan(20_000);
    const e = await refused(bytes, 'pages.pdf');
    expect(e.code).toBe('E_DOCUMENT_LIMIT');
    expect(e.message).toContain('页数过多（1000000 页');
  });

  it('stops at the deadline', async () => {
    const e = await refused(fixture('hundred.pdf'), 'hundred.pdf', { limits: { deadlineMs: 1 } });
    expect(e.code).toBe('E_DOCUMENT_LIMIT');
    expect(e.message).toContain('处理超时');
  });
});
