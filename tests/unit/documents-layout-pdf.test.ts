/**
 * Paragraphs of PDFs that LibreOffice made (scripts/make-layout-fixtures.py writes the .fodt
 * sources and the expected paragraphs from the same lists): a 公文 with its 附件 list, sign-off
 * and date; a study material with running headers, page numbers, centred headings, indented
 * first lines typed as two 全角 spaces, a numbered list with a wrapped item and paragraphs across
 * page breaks; a notice typed without indents whose sign-off follows a full line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../main/services/extract/documents';

const dir = new URL('../fixtures/documents/layout/', import.meta.url);
const read = async (name: string) => {
  const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8')) as { title: string; paragraphs: string[] };
  const a = await extractDocument(new Uint8Array(readFileSync(new URL(`${name}.pdf`, dir))), `${name}.pdf`);
  return { a, expected };
};

describe('PDF paragraphs as written', () => {
  it('a 公文: sign-off and date each their own paragraph, one 附件 item per paragraph', async () => {
    const { a, expected } = await read('gongwen-signoff');
    expect(a.title).toBe(expected.title);
    expect(a.paragraphs).toEqual(expected.paragraphs);
    expect(a.paragraphs.slice(-4)).toEqual([
      '附件：1．2026年党委理论学习中心组学习计划',
      '2．理论学习中心组学习记录表',
      '某某党委办公室',
      '2026年12月5日',
    ]);
    expect(a.publishedAt).toBe('2026-12-05');
    // The second 附件 item is an item, not a heading.
    expect(a.html).toContain('<p>2．理论学习中心组学习记录表</p>');
  });

  it('a study material: headers and page numbers gone, headings centred, a wrapped list item whole, paragraphs across pages whole', async () => {
    const { a, expected } = await read('study-material');
    expect(a.title).toBe(expected.title);
    expect(a.paragraphs).toEqual(expected.paragraphs);
    expect(a.text).not.toContain('某某党委理论学习中心组学习材料');
    expect(a.text).not.toMatch(/—\s*\d+\s*—/);
    expect(a.html).toContain('<h2>一、充分认识理论学习的重要意义</h2>');
    // Every later page starts inside a paragraph of this file, which stayed whole.
    expect(a.pages!.length).toBeGreaterThanOrEqual(3);
    const inside = a.pages!.slice(1).filter((p) => a.text[p.offset - 1] !== '\n');
    expect(inside.length).toBeGreaterThanOrEqual(2);
  });

  it('a notice without indents: a full line ending a sentence ends its paragraph; sign-off and date stand alone', async () => {
    const { a, expected } = await read('notice-plain');
    expect(a.title).toBe(expected.title);
    expect(a.paragraphs).toEqual(expected.paragraphs);
  });
});
