/** The layout rules shared by PDF and OFD: lines joined the Chinese way, running lines dropped, paragraphs across pages. */
import { describe, expect, it } from 'vitest';
import {
  buildBlocks,
  dropRunningLines,
  groupLines,
  isPageNumber,
  joinLine,
  type Line,
  type TextRun,
} from '../../main/services/extract/documents/layout';

const run = (text: string, x: number, y: number, size = 10): TextRun => ({ text, x, y, width: text.length * size, size, bold: false });

/** A page of runs, one per line, 30 characters of 10 units wide between x = 50 and 350. */
function page(index: number, rows: { text: string; x?: number; y: number; size?: number }[]): Line[] {
  return groupLines({ width: 400, height: 600, runs: rows.map((r) => run(r.text, r.x ?? 50, r.y, r.size ?? 10)) }, index);
}

describe('joining lines', () => {
  it('adds no space around CJK, rejoins hyphenated words and keeps spaces between Latin words', () => {
    expect(joinLine('深入学习贯彻党的创新', '理论，做到学思用贯通')).toBe('深入学习贯彻党的创新理论，做到学思用贯通');
    expect(joinLine('the study of docu-', 'ments goes on')).toBe('the study of documents goes on');
    expect(joinLine('read the', 'text')).toBe('read the text');
    expect(joinLine('学习 2025', 'annual plan')).toBe('学习 2025 annual plan');
    expect(joinLine('Party-', 'Building')).toBe('Party-Building');
  });

  it('groups runs on one baseline into a line in x order, with no space between CJK runs', () => {
    const lines = groupLines(
      { width: 400, height: 600, runs: [run('理论', 80, 100), run('学习', 50, 100.5), run('2025', 120, 100), run('年', 170, 100)] },
      0,
    );
    expect(lines.map((l) => l.text)).toEqual(['学习理论2025年']);
  });
});

describe('page furniture', () => {
  it('recognises printed page numbers and nothing else', () => {
    for (const t of ['3', '— 3 —', '- 12 -', '第 3 页', '第3页 共10页', '3 / 10', 'Page 3', 'iv']) expect(isPageNumber(t), t).toBe(true);
    for (const t of ['2025年', '一、总体要求', '第三章', '3月']) expect(isPageNumber(t), t).toBe(false);
  });

  it('drops running headers, footers and page numbers in the margins, keeping body lines that look alike', () => {
    const pages = [1, 2, 3].map((n) =>
      page(n - 1, [
        { text: '某某集团学习材料', y: 30 },
        { text: `第${n}节正文内容`, y: 100 },
        { text: '某某集团学习材料', y: 200 },
        { text: `— ${n} —`, y: 580 },
      ]),
    );
    const kept = dropRunningLines(pages).map((p) => p.map((l) => l.text));
    expect(kept).toEqual([
      ['第1节正文内容', '某某集团学习材料'],
      ['第2节正文内容', '某某集团学习材料'],
      ['第3节正文内容', '某某集团学习材料'],
    ]);
  });
});

describe('paragraphs and headings', () => {
  it('keeps a paragraph that runs over a page break whole and records where the page starts', () => {
    const full = '理'.repeat(30);
    const p1 = page(0, [
      { text: '学习体会', x: 150, y: 60, size: 16 },
      { text: '一'.repeat(28), x: 70, y: 100 },
      { text: '二'.repeat(10) + '。', y: 115 },
      { text: full.slice(2), x: 70, y: 130 },
      { text: full, y: 145 },
    ]);
    const p2 = page(1, [
      { text: '论' + '学'.repeat(8) + '。', y: 60 },
      { text: '新'.repeat(28), x: 70, y: 75 },
    ]);
    const blocks = buildBlocks([p1, p2]);
    expect(blocks.map((b) => [b.kind, b.text.slice(0, 4), b.page])).toEqual([
      ['h', '学习体会', 0],
      ['p', '一一一一', 0],
      ['p', '理理理理', 0],
      ['p', '新新新新', 1],
    ]);
    const crossing = blocks[2]!;
    expect(crossing.text).toBe(`${full.slice(2)}${full}论${'学'.repeat(8)}。`);
    expect(crossing.breaks).toEqual([[1, 58]]);
  });

  it('makes a short line led by an outline number a heading', () => {
    const blocks = buildBlocks([
      page(0, [
        { text: '一、总体要求', y: 60 },
        { text: '正'.repeat(29) + '。', x: 70, y: 75 },
      ]),
    ]);
    expect(blocks.map((b) => b.kind)).toEqual(['h', 'p']);
  });
});

describe('paragraphs from producers that write indents and sign-offs as spaces', () => {
  it('finds a first line indented with two 全角 spaces and a sign-off pushed right with spaces', () => {
    const S = '\u3000';
    const a = '学习贯彻党的创新理论'.repeat(3); // 30 characters: a full line
    const b = `${'坚持读原著学原文悟原理'.repeat(3).slice(0, 29)}。`;
    const rows = [
      { text: `${S}${S}${a.slice(0, 28)}`, y: 100 },
      { text: b, y: 116 },
      { text: `${S}${S}${a.slice(2)}`, y: 132 },
      { text: b, y: 148 },
      { text: `${S.repeat(23)}某某党委办公室`, y: 164 },
      { text: `${S.repeat(20)}2026年12月5日`, y: 180 },
    ];
    expect(rows.slice(0, 5).map((r) => r.text.length)).toEqual([30, 30, 30, 30, 30]);
    const blocks = buildBlocks([page(0, rows)]);
    expect(blocks.map((x) => x.text)).toEqual([a.slice(0, 28) + b, a.slice(2) + b, '某某党委办公室', '2026年12月5日']);
    const lines = page(0, rows);
    expect(lines[0]!.x0).toBe(70); // two ems in
    expect(lines[4]!.x0).toBe(280);
  });
});
