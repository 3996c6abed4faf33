/** Word 97–2003 .doc / WPS .wps made by LibreOffice, a hand-built OFD (GB/T 33190), and disguised or unsafe files. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../main/services/extract/documents';
import { resolveLoc } from '../../main/services/extract/documents/ofd';
import { AppError } from '../../shared/errors';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url)));

async function refused(bytes: Uint8Array, name: string): Promise<AppError> {
  const error = await extractDocument(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('.doc and .wps', () => {
  it.each(['gongwen.doc', 'gongwen.wps'])('reads the 公文 %s: title below the masthead and 发文字号, 文号 and date', async (name) => {
    const a = await extractDocument(fixture(name), name);
    expect(a.format).toBe(name.endsWith('.wps') ? 'wps' : 'doc');
    expect(a.title).toBe('中共某某市委办公室关于印发《2025年党委（党组）理论学习中心组学习计划》的通知');
    expect(a.docNumber).toBe('某委办发〔2025〕3号');
    expect(a.publishedAt).toBe('2025-01-10');
    expect(a.pages).toBeNull();
    expect(a.paragraphs.slice(0, 3)).toEqual([
      '中共某某市委办公室文件',
      '某委办发〔2025〕3号',
      '各县（市、区）委，市委各部委，市直各单位党组（党委）：',
    ]);
    expect(a.text).toBe(a.paragraphs.join('\n'));
  });

  it('reads headings led by outline numbers and the 来源 line of a compilation', async () => {
    const a = await extractDocument(fixture('report.doc'), 'report.doc');
    expect(a.title).toBe('深入学习贯彻党的创新理论');
    expect(a.origin).toBe('某某集团党委宣传部');
    expect(a.html).toContain('<h2>二、扎实开展中心组集体学习</h2>');
  });

  it('refuses an HTML page saved as .doc, a truncated .doc and a .wps it cannot read, naming the file', async () => {
    const html = await refused(fixture('fake.doc'), 'fake.doc');
    expect(html.code).toBe('E_DOCUMENT_FORMAT');
    expect(html.message).toContain('「fake.doc」的扩展名是 .doc，内容却是网页（HTML）');
    const whole = fixture('report.doc');
    const cut = await refused(whole.subarray(0, 3000), '截断.doc');
    expect(cut.code).toBe('E_DOCUMENT_FORMAT');
    expect(cut.message).toContain('无法读取Word文件「截断.doc」');
    const wps = await refused(whole.subarray(0, 3000), '旧版.wps');
    expect(wps.message).toContain('无法读取WPS 文字文件「旧版.wps」');
  });
});

describe('OFD', () => {
  it('reads text objects in position order, joins the wrapped title, drops page numbers and keeps page markers', async () => {
    const a = await extractDocument(fixture('tongzhi.ofd'), 'tongzhi.ofd');
    // The metadata title is "Administrator": ignored.
    expect(a.title).toBe('关于开展2025年度党员干部理论学习测试的通知');
    expect(a.docNumber).toBe('某组发〔2025〕7号');
    expect(a.publishedAt).toBe('2025-02-18');
    expect(a.paragraphs[2]).toBe('各基层党组织：');
    expect(a.paragraphs.slice(-3)).toEqual(['附件：理论学习测试题库.docx', '中共某某县委组织部', '2025年2月18日']);
    expect(a.text).not.toMatch(/— \d —/);
    expect(a.pages!.map((p) => p.page)).toEqual([1, 2]);
    expect(a.pages![1]!.offset).toBeGreaterThan(0);
    // Body paragraphs were wrapped over lines (and a page): each is one paragraph ending in 。
    for (const p of a.paragraphs.slice(3, -3)) expect(p).toMatch(/^[^\n]{60,}。$/);
  });

  it('refuses a package with ../ inside, a truncated one and paths that leave the package', async () => {
    const t = await refused(fixture('traversal.ofd'), 'traversal.ofd');
    expect(t.code).toBe('E_ARCHIVE_FORMAT');
    expect(t.message).toContain('不安全的文件名');
    const whole = fixture('tongzhi.ofd');
    const cut = await refused(whole.subarray(0, whole.length - 200), 'cut.ofd');
    expect(cut.code).toBe('E_ARCHIVE_FORMAT');
    expect(resolveLoc('Doc_0/Document.xml', 'Pages/Page_0/Content.xml', 'x.ofd')).toBe('Doc_0/Pages/Page_0/Content.xml');
    expect(resolveLoc('Doc_0/Document.xml', '/Doc_0/PublicRes.xml', 'x.ofd')).toBe('Doc_0/PublicRes.xml');
    expect(() => resolveLoc('Doc_0/Document.xml', '../../etc/passwd', 'x.ofd')).toThrow(/指向包外的路径/);
    expect(() => resolveLoc('Doc_0/Document.xml', 'Pages/../../../x', 'x.ofd')).toThrow(/指向包外的路径/);
  });
});
