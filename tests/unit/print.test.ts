import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Packer } from 'docx';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createPrintService, safePdfName } from '../../main/services/print/pdf';
import { packetDocx, recordDocx } from '../../renderer/features/print/docx';
import { endnotesFor, marksFor, segmentText, type PrintArticle } from '../../renderer/features/print/model';
import { demoRecord } from '../../renderer/core/print';
import { recordRows } from '../../renderer/features/print/record';
import { DEFAULT_OPTIONS, notebookPrintHref, parsePrintPath, printHref, type PrintRoute } from '../../renderer/features/print/routes';
import { EMPTY_FILTER } from '../../renderer/core/notebook/entries';
import { generatePacket } from '../e2e/print-data';

function printArticles(count = 3): PrintArticle[] {
  const fx = generatePacket(count, 1500);
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

describe('print routes', () => {
  it('round-trips a packet route with its options', () => {
    const route: PrintRoute = {
      target: {
        kind: 'articles',
        ids: ['a_1', 'b-2'],
        meta: { title: '学习资料汇编', unit: '某单位党委', session: '第一次集中学习', date: '2026-03-12' },
      },
      options: { layout: 'compact', mine: false, notes: true },
    };
    const href = printHref(route);
    expect(href.startsWith('#/print/articles?')).toBe(true);
    expect(parsePrintPath(href.slice('#/print/'.length))).toEqual(route);
  });

  it('reads the whole library when no ids are given, and drops bad ids and dates', () => {
    const r = parsePrintPath('articles?ids=ok_1,../x,ok_1&date=2026-13');
    expect(r?.target).toEqual({ kind: 'articles', ids: ['ok_1'], meta: { title: '', unit: '', session: '', date: '' } });
    expect(parsePrintPath('articles')?.target).toMatchObject({ ids: null });
    expect(parsePrintPath('articles')?.options).toEqual(DEFAULT_OPTIONS);
  });

  it('carries the notebook filter, and names sessions', () => {
    const filter = { ...EMPTY_FILTER, kinds: ['note' as const], tags: ['重点'], articleId: '', from: '2025-01-01', query: '调研' };
    const href = notebookPrintHref(filter);
    expect(parsePrintPath(href.slice('#/print/'.length))?.target).toEqual({ kind: 'notebook', filter });
    expect(parsePrintPath('record/s_1')?.target).toEqual({ kind: 'record', sessionId: 's_1' });
    expect(parsePrintPath('signin/s_1')?.target).toEqual({ kind: 'signin', sessionId: 's_1' });
    expect(parsePrintPath('record/../x')).toBeNull();
    expect(parsePrintPath('elsewhere')).toBeNull();
  });
});

describe('print model', () => {
  it('shows the leader’s excerpts always and the user’s highlights by choice', () => {
    const [a] = printArticles(1);
    expect(marksFor(a!, { mine: true }).marks.map((m) => m.kind)).toEqual(['key', 'mine']);
    expect(marksFor(a!, { mine: false }).marks.map((m) => m.kind)).toEqual(['key']);
    const stale = { ...a!, highlights: a!.highlights.map((h) => ({ ...h, selector: { ...h.selector, exact: '不在这里' } })) };
    expect(marksFor(stale, { mine: true })).toEqual({ marks: [], unplaced: 2 });
  });

  it('numbers endnotes in reading order and cuts the text into runs', () => {
    const [a] = printArticles(1);
    const notes = endnotesFor(a!);
    expect(notes.map((n) => [n.n, n.label])).toEqual([
      [1, '摘编按语'],
      [2, '笔记'],
    ]);
    const { marks } = marksFor(a!, { mine: true });
    const blocks = segmentText(a!.text, marks, notes);
    expect(blocks).toHaveLength(a!.text.split('\n').length);
    expect(blocks.map((b) => b.map((r) => r.text).join('')).join('\n')).toBe(a!.text);
    const key = blocks.flat().filter((r) => r.key);
    expect(key.map((r) => r.text).join('')).toBe(a!.highlights[0]!.selector.exact);
    expect(key.at(-1)!.refs).toEqual([1]);
    expect(
      blocks
        .flat()
        .filter((r) => r.mine)
        .at(-1)!.refs,
    ).toEqual([2]);
  });
});

describe('print Word files', () => {
  it('a packet: every title, paragraph, excerpt comment and note', async () => {
    const articles = printArticles(3);
    const doc = packetDocx(articles, { title: '学习资料汇编', unit: '某单位党委', session: '', date: '2026-03-12' }, DEFAULT_OPTIONS);
    const buffer = await Packer.toBuffer(doc);
    const { value } = await mammoth.extractRawText({ buffer });
    expect(value).toContain('学习资料汇编');
    expect(value).toContain('2026年3月12日');
    for (const a of articles) {
      expect(value).toContain(a.title);
      for (const line of a.text.split('\n')) expect(value.replace(/\[\d+\]/g, '')).toContain(line);
      for (const n of a.notes) expect(value).toContain(n.text);
      for (const h of a.highlights) if (h.comment) expect(value).toContain(h.comment);
    }
    // Styled as on paper: 仿宋 16 pt body, 小标宋 22 pt titles, A4 with GB/T margins, page numbers in footers.
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(buffer);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('仿宋_GB2312');
    expect(styles).toContain('方正小标宋简体');
    expect(styles).toMatch(/<w:sz w:val="32"\/>/);
    expect(styles).toMatch(/<w:sz w:val="44"\/>/);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz w:w="11907" w:h="16840"/);
    expect(xml).toMatch(/w:top="2098"/);
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(footers.length).toBeGreaterThanOrEqual(2);
  });

  it('a 学习记录 as a form', async () => {
    const record = demoRecord();
    const { value } = await mammoth.extractRawText({ buffer: await Packer.toBuffer(recordDocx(record)) });
    for (const [label, text] of recordRows(record)) {
      expect(value).toContain(label);
      for (const line of text.split('\n')) if (line) expect(value).toContain(line);
    }
  });
});

describe('print service (desktop PDF)', () => {
  it('asks where first, then prints and writes; says unsupported without a printing host', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-print-'));
    const calls: string[] = [];
    const svc = createPrintService({
      chooseFile: async (name) => {
        calls.push(`choose ${name}`);
        return path.join(dir, name);
      },
      printToPdf: async () => {
        calls.push('print');
        return new TextEncoder().encode('%PDF-1.7');
      },
      printDialog: async () => true,
    });
    const r = await svc.toPdf({ fileName: '学习资料/汇编:1' });
    expect(calls).toEqual(['choose 学习资料_汇编_1.pdf', 'print']);
    expect(await readFile(r.path!, 'utf8')).toBe('%PDF-1.7');
    expect(await svc.dialog()).toEqual({ supported: true, printed: true });
    const none = createPrintService(undefined);
    expect(await none.toPdf({ fileName: 'x' })).toEqual({ supported: false, path: null });
    const cancelled = createPrintService({
      chooseFile: async () => null,
      printToPdf: async () => new Uint8Array(),
      printDialog: async () => false,
    });
    expect(await cancelled.toPdf({ fileName: 'x' })).toEqual({ supported: true, path: null });
    expect(safePdfName('  ..  ')).toBe('研读打印.pdf');
  });
});
