/**
 * Print and Word fit for an inspection (issue 20, item 6): the cover, the sheet titles, the
 * 学习记录 rows, the Word 目录 as a TOC field with its cached entries and page numbers (read back
 * by LibreOffice when it is installed), nested book-title marks and CMS accounts as authors.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Packer } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { demoRecord } from '../../renderer/core/print';
import { packetDocx, recordDocx } from '../../renderer/features/print/docx';
import { coverOf, type PrintArticle } from '../../renderer/features/print/model';
import { emWidth, recordRows, sheetTitle, titleSize } from '../../renderer/features/print/record';
import { DEFAULT_OPTIONS } from '../../renderer/features/print/routes';
import { generatePacket } from '../e2e/print-data';

function printArticles(count: number, zi = 1500): PrintArticle[] {
  const fx = generatePacket(count, zi);
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

const plain = (xml: string) => xml.replace(/<[^>]+>/g, '');

describe('cover', () => {
  it('does not repeat the topic, and carries the unit and the date once', () => {
    const meta = { title: '深入学习调查研究', unit: '', session: '专题：深入学习调查研究', date: '2026-03-12' };
    expect(coverOf(meta, '示例单位党委', '学习资料汇编')).toEqual({
      title: '深入学习调查研究',
      session: null,
      unit: '示例单位党委',
      date: '2026-03-12',
    });
    expect(coverOf({ ...meta, session: '深入学习调查研究' }, '', 'x').session).toBeNull();
    expect(coverOf({ ...meta, title: '学习资料汇编', unit: '某局党组' }, '示例单位党委', 'x')).toMatchObject({
      session: '专题：深入学习调查研究',
      unit: '某局党组',
    });
    expect(coverOf({ title: '', unit: '', session: '', date: '' }, '', '学习资料汇编', new Date(2026, 0, 5))).toEqual({
      title: '学习资料汇编',
      session: null,
      unit: '',
      date: '2026-01-05',
    });
  });
});

describe('学习记录 and 签到表', () => {
  it('titles come from the group and the session, never the issuing unit', () => {
    const r = { ...demoRecord(), unit: '某某集团有限公司党委办公室' };
    expect(sheetTitle(r, 'signin')).toBe('2026年第2次理论学习中心组学习签到表');
    expect(sheetTitle(r, 'record')).toBe('2026年第2次理论学习中心组学习记录');
    expect(sheetTitle({ ...r, ordinal: null }, 'signin')).toBe('理论学习中心组学习签到表');
    for (const kind of ['signin', 'record'] as const) expect(sheetTitle(r, kind)).not.toContain(r.unit);
  });

  it('a title shrinks as a unit to fit one line of the text block', () => {
    const short = '理论学习中心组学习签到表';
    expect(titleSize(short, 156)).toBe(22);
    const long = '某某某某集团有限公司党委理论学习中心组学习签到表';
    const pt = titleSize(long, 156);
    expect(pt).toBeLessThan(22);
    expect(emWidth(long) * pt).toBeLessThanOrEqual((156 * 72) / 25.4);
  });

  it('prints the date once, and nests book titles in readings', () => {
    const r = { ...demoRecord(), time: '2026年3月12日 14:30—17:00', readings: ['关于《决定》的说明'] };
    const rows = Object.fromEntries(recordRows(r));
    expect(rows['时　　间']).toBe('2026年3月12日 14:30—17:00');
    expect(rows['时　　间']!.match(/2026年3月12日/g)).toHaveLength(1);
    expect(rows['学习内容']).toBe('1．《关于〈决定〉的说明》');
  });

  it('the Word 学习记录 keeps rows whole and repeats the 学习研讨情况 label on every page', async () => {
    const summary = Array.from({ length: 30 }, (_, i) => `第${i + 1}段发言摘要。`.repeat(8)).join('\n');
    const zip = await JSZip.loadAsync(await Packer.toBuffer(recordDocx({ ...demoRecord(), summary })));
    const xml = await zip.file('word/document.xml')!.async('string');
    const tables = xml.split('<w:tbl>').slice(1);
    expect(tables).toHaveLength(3);
    // Every row of the form is kept whole.
    for (const row of tables[0]!.split('<w:tr>').slice(1)) expect(row).toContain('<w:cantSplit/>');
    // The 学习研讨情况 table opens with a header row Word repeats on each page, holding the label.
    const [, header, ...paragraphs] = tables[1]!.split('<w:tr>');
    expect(header).toContain('<w:tblHeader/>');
    expect(plain(header!)).toBe('学习研讨情况');
    expect(paragraphs).toHaveLength(30);
    expect(plain(xml)).toContain('2026年第2次理论学习中心组学习记录');
  });
});

describe('Word 汇编', () => {
  it('has a real TOC field with its entries and page numbers, and asks Word to update fields', async () => {
    const articles = printArticles(4);
    articles[1] = { ...articles[1]!, title: '学习《关于《中共中央关于某决定》的说明》', author: 'admin' };
    articles[2] = { ...articles[2]!, author: '张三' };
    const doc = packetDocx(
      articles,
      { title: '学习资料汇编', unit: '某单位党委', session: '学习资料汇编', date: '2026-03-12' },
      DEFAULT_OPTIONS,
    );
    const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
    const xml = await zip.file('word/document.xml')!.async('string');
    const settings = await zip.file('word/settings.xml')!.async('string');
    expect(settings).toContain('<w:updateFields');
    expect(xml).toContain('TOC \\h \\o &quot;1-1&quot;');
    // Cached result: one entry per article, each with a PAGEREF and a page number, increasing.
    const toc = xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>'));
    const entries = [...toc.matchAll(/PAGEREF (_Toc\d+) \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)<\/w:t>/g)];
    expect(entries).toHaveLength(4);
    const pages = entries.map((e) => Number(e[2]));
    expect(pages[0]).toBe(3);
    expect(pages.every((p, i) => i === 0 || p > pages[i - 1]!)).toBe(true);
    expect(toc).toContain('w:leader="dot"');
    const text = plain(xml);
    expect(text).toContain('学习《关于〈中共中央关于某决定〉的说明》');
    expect(text).not.toContain('《关于《');
    expect(text).not.toContain('作者：admin');
    expect(text).toContain('作者：张三');
    // The cover: the title once (the session line repeated it), the unit and the date once.
    const cover = text.slice(0, text.indexOf('目　　录'));
    expect(cover.match(/学习资料汇编/g)).toHaveLength(1);
    expect(cover.match(/某单位党委/g)).toHaveLength(1);
    expect(cover.match(/2026年3月12日/g)).toHaveLength(1);
  });

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
  it.skipIf(!soffice)(
    'LibreOffice shows the 目录 with dotted leaders and the page each title is on',
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-docx-'));
      try {
        const articles = printArticles(4, 2500);
        const file = path.join(dir, 'packet.docx');
        writeFileSync(
          file,
          await Packer.toBuffer(
            packetDocx(articles, { title: '学习资料汇编', unit: '某单位党委', session: '', date: '2026-03-12' }, DEFAULT_OPTIONS),
          ),
        );
        // A profile of its own: another soffice running on this machine must not take the job.
        const run = spawnSync(
          soffice!,
          [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
          { encoding: 'utf8', timeout: 110_000 },
        );
        expect(run.status, run.stderr).toBe(0);
        const pdf = path.join(dir, 'packet.pdf');
        const page = (n: number) =>
          execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
        const flat = (s: string) => s.replace(/\s+/g, '');
        const toc = page(2);
        const numbers = articles.map((a) => {
          // The entry's last line: the end of its title, dotted leaders, the page number.
          const tail = flat(a.title).slice(-6);
          const line = toc.split('\n').find((l) => flat(l).includes(tail));
          expect(line, `目录 line of ${a.title}`).toBeDefined();
          const m = /(\.{5,})\s*(\d+)\s*$/.exec(line!);
          expect(m, `leader and number on "${line}"`).not.toBeNull();
          return Number(m![2]);
        });
        articles.forEach((a, i) => {
          expect(flat(page(numbers[i]!)), `${a.title} on page ${numbers[i]}`).toContain(flat(a.title).slice(0, 12));
        });
        console.log(`LibreOffice 目录 page numbers: ${numbers.join(', ')}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
  if (!soffice) console.log('skipped the LibreOffice check: soffice is not installed');
});
