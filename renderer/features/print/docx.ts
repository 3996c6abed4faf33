/**
 * Word (.docx) versions of the prints, styled like the paper: A4, GB/T 9704 margins, 仿宋 3号
 * body on exact 28.9 pt lines, 小标宋 2号 titles, 黑体/楷体 headings, `— N —` page numbers right
 * on odd and left on even pages. Notes reuse the notebook's Tiptap-to-Word conversion, and the
 * notebook itself is the notebook's own exporter (notebookDocx).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LeaderType,
  LevelFormat,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
  type FileChild,
  type IParagraphOptions,
  type PageNumberEstimator,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { nestBookTitles, printableAuthor } from '../../../shared/print-text';
import { formatChineseDate } from '../../../shared/text';
import { docToParagraphs } from '../../core/notebook/noteDocx';
import { coverOf, endnotesFor, marksFor, segmentText, type PrintArticle } from './model';
import type { PrintRecord } from '../../core/print';
import { recordRows, sheetTitle, SUMMARY_LABEL, titleSize } from './record';
import type { PacketMeta, PrintOptions } from './routes';
import { GEOMETRY } from './layout';
import type { Compilation } from '../../core/returns';
import { compilationSections } from './returnsModel';

const MM = 56.7; // twips per millimetre
const LATIN = { ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
export const DOCX_FONTS = {
  body: { ...LATIN, eastAsia: '仿宋_GB2312' },
  title: { ...LATIN, eastAsia: '方正小标宋简体' },
  hei: { ...LATIN, eastAsia: '黑体' },
  kai: { ...LATIN, eastAsia: '楷体_GB2312' },
  song: { ...LATIN, eastAsia: '宋体' },
};
/** Exact line pitch of the body: 22 lines in the 225 mm block (28.9 pt, in twips). */
const LINE = 578;
/** The same numbering reference the notebook's converter uses for ordered lists. */
const ORDERED = 'yandu-ordered';

function pageNumberFooter(alignment: 'left' | 'right'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === 'right' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: DOCX_FONTS.song, size: 28 })],
      }),
    ],
  });
}

/** A document with the GB/T page, styles and page-number footers. */
export function gbtDocument(
  title: string,
  children: FileChild[],
  options: { firstPageNumbered: boolean; pageNumbers?: PageNumberEstimator },
): Document {
  const g = GEOMETRY.gbt.marginsMm;
  const heading = (font: typeof DOCX_FONTS.hei, size = 32) => ({
    run: { font, size, bold: false, color: '000000' },
    paragraph: { spacing: { before: 0, after: 0, line: LINE, lineRule: 'exact' as const } },
  });
  return new Document({
    creator: '研读',
    title,
    evenAndOddHeaderAndFooters: true,
    // A 目录 is a real TOC field written with its entries and page numbers (pageNumbers); Word
    // and WPS refresh it on opening, LibreOffice shows it as written.
    ...(options.pageNumbers ? { pageNumbers: options.pageNumbers, features: { updateFields: true } } : {}),
    styles: {
      default: {
        document: {
          run: { font: DOCX_FONTS.body, size: 32, characterSpacing: -5 },
          paragraph: { spacing: { line: LINE, lineRule: 'exact' }, alignment: AlignmentType.JUSTIFIED },
        },
        title: { run: { font: DOCX_FONTS.title, size: 52, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER } },
        heading1: {
          run: { font: DOCX_FONTS.title, size: 44, bold: false, color: '000000', characterSpacing: 0 },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240, line: 720, lineRule: 'exact' } },
        },
        heading2: heading(DOCX_FONTS.hei),
        heading3: heading(DOCX_FONTS.kai),
        heading4: heading(DOCX_FONTS.body),
      },
      paragraphStyles: [
        {
          // Word's own 目录 1 style: 仿宋 3号, a hanging indent for wrapped titles.
          id: 'TOC1',
          name: 'toc 1',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: DOCX_FONTS.body, size: 32 },
          paragraph: { indent: { left: 320, hanging: 320 }, spacing: { line: LINE, lineRule: 'exact' } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: Array.from({ length: 4 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: !options.firstPageNumbered,
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(g.top * MM),
              bottom: Math.round(g.bottom * MM),
              left: Math.round(g.left * MM),
              right: Math.round(g.right * MM),
              footer: Math.round(23 * MM),
              header: Math.round(15 * MM),
            },
          },
        },
        footers: {
          default: pageNumberFooter('right'),
          even: pageNumberFooter('left'),
          ...(options.firstPageNumbered ? {} : { first: new Footer({ children: [new Paragraph('')] }) }),
        },
        children,
      },
    ],
  });
}

const INDENT = { firstLine: 640 };

/**
 * Text widths for laying out the Word pages (the 目录's page numbers): 仿宋/宋体/黑体/楷体 are
 * full-width for CJK and the GB/T body is on a fixed grid, so a character is one em, and Latin
 * and digits (Times New Roman) half of one. Measuring this way is fast and, for these faces,
 * what Word does; LibreOffice's pages agree (tests/unit/print-inspection.test.ts).
 */
export function measureDocxText(text: string, font: { size: number }): number {
  let ems = 0;
  for (const c of text) ems += /[\u2E80-\uFFEF]/.test(c) ? 1 : c === ' ' ? 0.25 : 0.5;
  return ems * font.size;
}
const PAGE_NUMBERS = estimatePageNumbersWith({ guess: true, measureWidth: measureDocxText });

function centred(text: string, font = DOCX_FONTS.kai, extra: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ ...extra, alignment: AlignmentType.CENTER, children: [new TextRun({ text, font })] });
}

function byline(a: Pick<PrintArticle, 'origin' | 'author' | 'publishedAt'>): string {
  const author = printableAuthor(a.author);
  return [a.origin ? `来源：${nestBookTitles(a.origin)}` : '', author ? `作者：${author}` : '', formatChineseDate(a.publishedAt)]
    .filter(Boolean)
    .join('　');
}

/** One article: new page, title, 来源/date line, body with marks, endnotes. */
function articleChildren(a: PrintArticle, options: PrintOptions): FileChild[] {
  const { marks } = marksFor(a, options);
  const notes = options.notes ? endnotesFor(a) : [];
  const out: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(nestBookTitles(a.title))] }),
  ];
  const by = byline(a);
  if (by) out.push(centred(by, DOCX_FONTS.kai, { spacing: { after: 280 } }));
  // Same length, same offsets: the marks still fall where they did.
  for (const runs of segmentText(nestBookTitles(a.text), marks, notes)) {
    if (runs.every((r) => !r.text.trim() && r.refs.length === 0)) continue;
    const key = runs.some((r) => r.key);
    const children: TextRun[] = [];
    for (const r of runs) {
      if (r.text)
        children.push(
          new TextRun({
            text: r.text,
            bold: r.key || undefined,
            underline:
              r.key && r.mine
                ? { type: UnderlineType.DOUBLE }
                : r.key
                  ? { type: UnderlineType.SINGLE }
                  : r.mine
                    ? { type: UnderlineType.DOTTED }
                    : undefined,
          }),
        );
      if (r.refs.length)
        children.push(new TextRun({ text: r.refs.map((n) => `[${n}]`).join(''), superScript: true, font: DOCX_FONTS.song }));
    }
    out.push(
      new Paragraph({
        indent: INDENT,
        children,
        border: key ? { left: { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 10 } } : undefined,
      }),
    );
  }
  if (notes.length) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 280 }, children: [new TextRun('注释')] }));
    const small = { size: 28 };
    for (const n of notes) {
      const head = [`[${n.n}] ${n.label}`, n.title ? `：${n.title}` : ''].join('');
      out.push(new Paragraph({ children: [new TextRun({ text: head, font: DOCX_FONTS.hei, ...small })] }));
      if (n.quote)
        out.push(
          new Paragraph({ indent: { left: 640 }, children: [new TextRun({ text: `“${n.quote}”`, font: DOCX_FONTS.kai, ...small })] }),
        );
      if (n.doc) out.push(...docToParagraphs(n.doc));
      else if (n.text) out.push(new Paragraph({ indent: INDENT, children: [new TextRun({ text: n.text, ...small })] }));
    }
  }
  return out;
}

/**
 * A packet or selection of articles: cover (title, a session line unless it repeats the title,
 * the unit and the date once), a 目录 that is a TOC field with its entries and page numbers
 * (worked out by laying out the pages), then every article from a new page.
 */
export function packetDocx(articles: readonly PrintArticle[], meta: PacketMeta, options: PrintOptions): Document {
  const cover = coverOf(meta, '', '学习资料汇编');
  const children: FileChild[] = [
    new Paragraph({ spacing: { before: Math.round(40 * MM) }, children: [] }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      spacing: { after: 600, line: 900, lineRule: 'exact' },
      children: [new TextRun(nestBookTitles(cover.title))],
    }),
  ];
  if (cover.session) children.push(centred(nestBookTitles(cover.session)));
  if (cover.unit) children.push(centred(cover.unit, DOCX_FONTS.hei, { spacing: { before: Math.round(60 * MM) } }));
  children.push(centred(formatChineseDate(cover.date), DOCX_FONTS.kai, cover.unit ? {} : { spacing: { before: Math.round(60 * MM) } }));
  children.push(new Paragraph({ children: [new PageBreak()] }));
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 280 },
      children: [new TextRun({ text: '目　　录', font: DOCX_FONTS.hei })],
    }),
  );
  children.push(new TableOfContents('目录', { headingStyleRange: '1-1', hyperlink: true, tabLeader: LeaderType.DOT }));
  for (const a of articles) children.push(...articleChildren(a, options));
  return gbtDocument(cover.title, children, { firstPageNumbered: false, pageNumbers: PAGE_NUMBERS });
}

function cell(children: Paragraph[], opts: { header?: boolean; span?: number; widthMm?: number } = {}): TableCell {
  return new TableCell({
    children,
    columnSpan: opts.span,
    verticalAlign: opts.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    width: opts.widthMm ? { size: Math.round(opts.widthMm * MM), type: WidthType.DXA } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });
}

function small(
  text: string,
  font = DOCX_FONTS.body,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
  indent = false,
): Paragraph {
  return new Paragraph({
    alignment,
    indent: indent ? { firstLine: 560 } : undefined,
    spacing: { line: 400, lineRule: 'atLeast' },
    children: [new TextRun({ text, font, size: 28, characterSpacing: 0 })],
  });
}

const LABEL_MM = 28;
const VALUE_MM = 128;

/**
 * A 学习记录 as Word: title, then a two-column form whose rows never split across pages, and
 * the 学习研讨情况 under a header row Word repeats on every page the text runs onto.
 */
export function recordDocx(r: PrintRecord): Document {
  const all = recordRows(r);
  const lines = (value: string) =>
    (value || ' ')
      .split(/\n+/)
      .filter((l, i) => l.trim() || i === 0)
      .map((l) => small(l));
  const row = (label: string, value: string) =>
    new TableRow({
      cantSplit: true,
      children: [
        cell([small(label, DOCX_FONTS.hei, AlignmentType.CENTER)], { header: true, widthMm: LABEL_MM }),
        cell(lines(value), { widthMm: VALUE_MM }),
      ],
    });
  const summary = all.find(([label]) => label === SUMMARY_LABEL)?.[1] ?? '';
  const table = (rows: TableRow[], columns: number[]) =>
    new Table({ rows, width: { size: Math.round(156 * MM), type: WidthType.DXA }, columnWidths: columns.map((c) => Math.round(c * MM)) });
  const title = sheetTitle(r, 'record');
  const children: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: title, size: titleSize(title, 156) * 2 })] }),
    table(
      all.filter(([label]) => label !== SUMMARY_LABEL).map(([label, value]) => row(label, value)),
      [LABEL_MM, VALUE_MM],
    ),
    table(
      [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: [cell([small(SUMMARY_LABEL, DOCX_FONTS.hei)], { header: true, widthMm: LABEL_MM + VALUE_MM })],
        }),
        ...(summary.trim() ? summary.split(/\n+/).filter((l) => l.trim()) : [' ']).map(
          (l) =>
            new TableRow({ children: [cell([small(l, DOCX_FONTS.body, AlignmentType.LEFT, true)], { widthMm: LABEL_MM + VALUE_MM })] }),
        ),
      ],
      [LABEL_MM + VALUE_MM],
    ),
    table([row('记 录 人', r.recorder)], [LABEL_MM, VALUE_MM]),
  ];
  return gbtDocument('学习记录', children, { firstPageNumbered: true });
}

/**
 * The 学习心得汇编 as Word: cover (title, the session, the unit and the date once), a 目录 that
 * is a TOC field with its entries and page numbers, then each member's section from a new page
 * (a 标题 1 the 目录 lists, the byline, then every item).
 */
export function returnsDocx(c: Compilation): Document {
  const children: FileChild[] = [
    new Paragraph({ spacing: { before: Math.round(40 * MM) }, children: [] }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      spacing: { after: 600, line: 900, lineRule: 'exact' },
      children: [new TextRun(c.title)],
    }),
  ];
  if (c.subtitle) children.push(centred(nestBookTitles(c.subtitle)));
  if (c.unit) children.push(centred(c.unit, DOCX_FONTS.hei, { spacing: { before: Math.round(60 * MM) } }));
  children.push(centred(formatChineseDate(c.date), DOCX_FONTS.kai, c.unit ? {} : { spacing: { before: Math.round(60 * MM) } }));
  children.push(new Paragraph({ children: [new PageBreak()] }));
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 280 },
      children: [new TextRun({ text: '目　　录', font: DOCX_FONTS.hei })],
    }),
  );
  children.push(new TableOfContents('目录', { headingStyleRange: '1-1', hyperlink: true, tabLeader: LeaderType.DOT }));
  for (const s of compilationSections(c)) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(s.heading)] }));
    children.push(centred(s.byline, DOCX_FONTS.kai));
    children.push(centred(s.counts, DOCX_FONTS.kai, { spacing: { after: 280 } }));
    for (const item of s.items) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(item.head)] }));
      if (item.reading)
        children.push(new Paragraph({ indent: INDENT, children: [new TextRun({ text: item.reading, font: DOCX_FONTS.kai })] }));
      if (item.quote)
        children.push(new Paragraph({ indent: { left: 640 }, children: [new TextRun({ text: item.quote, font: DOCX_FONTS.kai })] }));
      for (const p of item.paragraphs) children.push(new Paragraph({ indent: INDENT, children: [new TextRun(p)] }));
    }
  }
  return gbtDocument(c.title, children, { firstPageNumbered: false, pageNumbers: PAGE_NUMBERS });
}
