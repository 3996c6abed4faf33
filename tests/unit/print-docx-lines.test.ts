/**
 * The Word export's 目录 page numbers come from a quick estimate: body paragraphs counted in
 * lines here (bodyLines) and laid out by the docx library as one short run per line. It must give
 * the pages the library's full, character-by-character layout gives.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { Packer } from 'docx';
import { bodyLines, packetDocx } from '../../renderer/features/print/docx';
import { DEFAULT_OPTIONS } from '../../renderer/features/print/routes';
import type { PrintArticle } from '../../renderer/features/print/model';
import { generatePacket } from '../e2e/print-data';

const BLOCK = { widthTw: 8845, firstLineTw: 640, spacingTw: -5 };
const zi = (n: number) => '学'.repeat(n);

describe('bodyLines', () => {
  it('fits 28 characters on a line, 26 after the first-line indent', () => {
    expect(bodyLines([{ text: zi(28), sizePt: 16 }], { ...BLOCK, firstLineTw: 0 })).toBe(1);
    expect(bodyLines([{ text: zi(29), sizePt: 16 }], { ...BLOCK, firstLineTw: 0 })).toBe(2);
    expect(bodyLines([{ text: zi(26), sizePt: 16 }], BLOCK)).toBe(1);
    expect(bodyLines([{ text: zi(27), sizePt: 16 }], BLOCK)).toBe(2);
    expect(bodyLines([{ text: zi(26 + 28 * 3), sizePt: 16 }], BLOCK)).toBe(4);
  });
  it('hangs a closing mark at the end of a full line and keeps an opening mark with what follows', () => {
    expect(bodyLines([{ text: `${zi(26)}。`, sizePt: 16 }], BLOCK)).toBe(1);
    expect(bodyLines([{ text: `${zi(26)}。学`, sizePt: 16 }], BLOCK)).toBe(2);
    // 《 would end the first line: it goes down, and the next line is one character fuller.
    expect(bodyLines([{ text: `${zi(25)}《${zi(27)}》`, sizePt: 16 }], BLOCK)).toBe(2);
    expect(bodyLines([{ text: `${zi(25)}《${zi(28)}`, sizePt: 16 }], BLOCK)).toBe(3);
  });
  it('counts Latin and digits at half an em and does not split a Latin word', () => {
    expect(bodyLines([{ text: '2'.repeat(52), sizePt: 16 }], BLOCK)).toBe(1);
    expect(bodyLines([{ text: `${zi(24)}abcdef`, sizePt: 16 }], BLOCK)).toBe(2);
  });
});

function articles(count: number, size: number): PrintArticle[] {
  const fx = generatePacket(count, size);
  return fx.articles.map((a, i) => ({
    id: a.id,
    title: a.title,
    origin: a.origin,
    author: null,
    publishedAt: a.publishedAt,
    version: 1,
    html: fx.bodies[i]!.html,
    text: fx.bodies[i]!.text,
    highlights: fx.highlights.filter((h) => h.articleId === a.id),
    notes: fx.notes.filter((n) => n.articleId === a.id),
  }));
}

async function tocPages(estimate: 'quick' | 'full', list: PrintArticle[]): Promise<number[]> {
  const doc = packetDocx(list, { title: '学习资料汇编', unit: '', session: '', date: '2026-03-12' }, DEFAULT_OPTIONS, estimate);
  const xml = await (await JSZip.loadAsync(await Packer.toBuffer(doc))).file('word/document.xml')!.async('string');
  const toc = xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>'));
  return [...toc.matchAll(/PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)<\/w:t>/g)].map((m) =>
    Number(m[1]),
  );
}

describe('the quick 目录 estimate', () => {
  it('gives the pages of the full layout, for articles of several lengths with notes', async () => {
    // Lengths that end articles at different places on their last page.
    const list = [...articles(3, 900), ...articles(3, 1700), ...articles(2, 3100)].map((a, i) => ({ ...a, id: `${a.id}_${i}` }));
    const quick = await tocPages('quick', list);
    expect(quick).toHaveLength(list.length);
    expect(quick).toEqual(await tocPages('full', list));
  }, 120_000);
});
