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
  LevelFormat,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
  type FileChild,
  type IParagraphOptions,
} from 'docx';
import { formatChineseDate } from '../../../shared/text';
import { docToParagraphs } from '../../core/notebook/noteDocx';
import { endnotesFor, marksFor, packetDate, segmentText, type PrintArticle } from './model';
import type { PrintRecord } from '../../core/print';
import { recordRows } from './record';
import type { PacketMeta, PrintOptions } from './routes';
import { GEOMETRY } from './layout';

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
export function gbtDocument(title: string, children: FileChild[], options: { firstPageNumbered: boolean }): Document {
  const g = GEOMETRY.gbt.marginsMm;
  const heading = (font: typeof DOCX_FONTS.hei, size = 32) => ({
    run: { font, size, bold: false, color: '000000' },
    paragraph: { spacing: { before: 0, after: 0, line: LINE, lineRule: 'exact' as const } },
  });
  return new Document({
    creator: '研读',
    title,
    evenAndOddHeaderAndFooters: true,
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

function centred(text: string, font = DOCX_FONTS.kai, extra: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ ...extra, alignment: AlignmentType.CENTER, children: [new TextRun({ text, font })] });
}

function byline(a: Pick<PrintArticle, 'origin' | 'author' | 'publishedAt'>): string {
  return [a.origin ? `来源：${a.origin}` : '', a.author ? `作者：${a.author}` : '', formatChineseDate(a.publishedAt)]
    .filter(Boolean)
    .join('　');
}

/** One article: new page, title, 来源/date line, body with marks, endnotes. */
function articleChildren(a: PrintArticle, options: PrintOptions): FileChild[] {
  const { marks } = marksFor(a, options);
  const notes = options.notes ? endnotesFor(a) : [];
  const out: FileChild[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(a.title)] })];
  const by = byline(a);
  if (by) out.push(centred(by, DOCX_FONTS.kai, { spacing: { after: 280 } }));
  for (const runs of segmentText(a.text, marks, notes)) {
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

/** A packet or selection of articles: cover, 目录 (titles), then every article from a new page. */
export function packetDocx(articles: readonly PrintArticle[], meta: PacketMeta, options: PrintOptions): Document {
  const title = meta.title || '学习资料汇编';
  const children: FileChild[] = [
    new Paragraph({ spacing: { before: Math.round(40 * MM) }, children: [] }),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 600, line: 900, lineRule: 'exact' }, children: [new TextRun(title)] }),
  ];
  if (meta.session) children.push(centred(meta.session));
  children.push(centred(formatChineseDate(packetDate(meta.date))));
  if (meta.unit) children.push(centred(meta.unit, DOCX_FONTS.hei, { spacing: { before: Math.round(50 * MM) } }));
  children.push(new Paragraph({ children: [new PageBreak()] }));
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 280 },
      children: [new TextRun({ text: '目　　录', font: DOCX_FONTS.hei })],
    }),
  );
  articles.forEach((a, i) => children.push(new Paragraph({ children: [new TextRun(`${i + 1}．${a.title}`)] })));
  for (const a of articles) children.push(...articleChildren(a, options));
  return gbtDocument(title, children, { firstPageNumbered: false });
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
): Paragraph {
  return new Paragraph({
    alignment,
    spacing: { line: 400, lineRule: 'atLeast' },
    children: [new TextRun({ text, font, size: 28, characterSpacing: 0 })],
  });
}

/** A 学习记录 as Word: title, then a two-column form. */
export function recordDocx(r: PrintRecord): Document {
  const rows = recordRows(r).map(
    ([label, value]) =>
      new TableRow({
        cantSplit: label !== '学习研讨情况',
        children: [
          cell([small(label, DOCX_FONTS.hei, AlignmentType.CENTER)], { header: true, widthMm: 28 }),
          cell(
            (value || ' ')
              .split(/\n+/)
              .filter((l, i) => l.trim() || i === 0)
              .map((l) => small(l)),
            { widthMm: 128 },
          ),
        ],
      }),
  );
  rows.push(
    new TableRow({
      children: [
        cell([small('记 录 人', DOCX_FONTS.hei, AlignmentType.CENTER)], { header: true, widthMm: 28 }),
        cell([small(r.recorder || ' ')], { widthMm: 128 }),
      ],
    }),
  );
  const children: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${r.unit}理论学习中心组学习记录`)] }),
    new Table({
      rows,
      width: { size: Math.round(156 * MM), type: WidthType.DXA },
      columnWidths: [Math.round(28 * MM), Math.round(128 * MM)],
    }),
  ];
  return gbtDocument('学习记录', children, { firstPageNumbered: true });
}
