/**
 * The notebook (or the current filter of it) as a Word document (the `docx` package): A4 with
 * GB/T 9704 margins, 仿宋 body, by article in reading order, quotes with citations, notes with
 * their headings, lists and marks.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import { formatChineseDate } from '../../../shared/text';
import { messages } from '../../i18n/messages';
import { asDoc, citationLine, type DocNode } from '../../core/notes/noteText';
import type { ArticleInfo, NotebookEntry } from '../../core/notebook/entries';
import { localIsoDate, noteHeading, type ExportMeta } from './exportMarkdown';

const t = messages.notebook;
const ORDERED = 'yandu-ordered';
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const HEI_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const MM = 56.7; // twips per millimetre

const QUOTE_STYLE: IParagraphOptions = {
  indent: { left: 480 },
  border: { left: { style: BorderStyle.SINGLE, size: 12, color: '999999', space: 8 } },
};

interface Ctx {
  /** Next list instance, so each ordered list counts from 1. */
  instance: number;
}

function runs(nodes: readonly DocNode[], base: IRunOptions = {}): TextRun[] {
  const out: TextRun[] = [];
  for (const n of nodes) {
    if (n.type === 'hardBreak') out.push(new TextRun({ ...base, break: 1 }));
    if (n.type !== 'text' || !n.text) continue;
    const marks = new Set((n.marks ?? []).map((m) => m.type));
    out.push(
      new TextRun({
        ...base,
        text: n.text,
        bold: marks.has('bold') || base.bold,
        italics: marks.has('italic') || undefined,
        strike: marks.has('strike') || undefined,
        highlight: marks.has('highlight') ? 'yellow' : undefined,
      }),
    );
  }
  return out;
}

function blocks(
  node: DocNode,
  ctx: Ctx,
  extra: IParagraphOptions = {},
  list?: { ordered: boolean; level: number; instance: number },
): Paragraph[] {
  const children = node.content ?? [];
  switch (node.type) {
    case 'paragraph': {
      const opts: IParagraphOptions = { ...extra, children: runs(children) };
      if (list) {
        return [
          new Paragraph(
            list.ordered
              ? { ...opts, numbering: { reference: ORDERED, level: list.level, instance: list.instance } }
              : { ...opts, bullet: { level: list.level } },
          ),
        ];
      }
      return [new Paragraph({ ...opts, indent: extra.indent ?? { firstLine: 640 } })];
    }
    case 'heading': {
      const level = Number(node.attrs?.level ?? 2);
      return [new Paragraph({ ...extra, heading: level <= 2 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4, children: runs(children) })];
    }
    case 'blockquote':
      return children.flatMap((c) => blocks(c, ctx, QUOTE_STYLE, list));
    case 'bulletList':
    case 'orderedList': {
      const level = list ? Math.min(list.level + 1, 8) : 0;
      const info = { ordered: node.type === 'orderedList', level, instance: ctx.instance++ };
      return children.flatMap((item) =>
        (item.content ?? []).flatMap((c, i) =>
          // Only a list item's first paragraph carries the bullet or number.
          c.type === 'paragraph' && i > 0 ? blocks(c, ctx, { ...extra, indent: { left: 720 * (level + 1) } }) : blocks(c, ctx, extra, info),
        ),
      );
    }
    default:
      return children.flatMap((c) => blocks(c, ctx, extra, list));
  }
}

/** A note's Tiptap document as Word paragraphs. */
export function docToParagraphs(doc: unknown, ctx: Ctx = { instance: 1 }): Paragraph[] {
  return blocks(asDoc(doc), ctx);
}

function quoteParagraphs(quote: string, info: ArticleInfo | undefined): Paragraph[] {
  const lines = quote
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const out = lines.map((l) => new Paragraph({ ...QUOTE_STYLE, children: [new TextRun({ text: l, font: { eastAsia: '楷体' } })] }));
  if (info)
    out.push(
      new Paragraph({ ...QUOTE_STYLE, alignment: AlignmentType.RIGHT, children: [new TextRun({ text: citationLine(info), size: 28 })] }),
    );
  return out;
}

export function notebookDocx(entries: readonly NotebookEntry[], articles: ReadonlyMap<string, ArticleInfo>, meta: ExportMeta): Document {
  const ctx: Ctx = { instance: 1 };
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(t.exportTitle)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({
          text: `${t.exportedAt(formatChineseDate(localIsoDate(meta.date)), entries.length)}${meta.filtered ? t.exportFiltered : ''}`,
          size: 28,
        }),
      ],
    }),
  ];
  let group: string | null | undefined;
  let lastHighlight: string | null = null;
  for (const e of entries) {
    const info = e.articleId ? articles.get(e.articleId) : undefined;
    if (e.articleId !== group) {
      group = e.articleId;
      lastHighlight = null;
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_1,
          children: [new TextRun(e.articleId ? `《${info?.title ?? e.articleId}》` : messages.notebook.standalone)],
        }),
      );
    }
    const tags = e.tags.length
      ? new Paragraph({ children: [new TextRun({ text: `${messages.notes.tags}：${e.tags.join('、')}`, size: 24, color: '666666' })] })
      : null;
    if (e.kind === 'highlight') {
      lastHighlight = e.id;
      children.push(...quoteParagraphs(e.quote ?? '', info));
      if (e.text.trim())
        children.push(new Paragraph({ children: [new TextRun({ text: `${t.comment}：`, bold: true }), new TextRun(e.text.trim())] }));
      if (tags) children.push(tags);
      continue;
    }
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(noteHeading(e))] }));
    if (e.quote && e.highlightId !== lastHighlight) children.push(...quoteParagraphs(e.quote, info));
    children.push(...docToParagraphs(e.doc, ctx));
    if (tags) children.push(tags);
  }
  const heading = (size: number, font = HEI_FONT) => ({
    run: { font, size, bold: false, color: '000000' },
    paragraph: { spacing: { before: 240, after: 120 } },
  });
  return new Document({
    creator: messages.appName,
    title: t.exportTitle,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 32 }, paragraph: { spacing: { line: 560, lineRule: 'exact' } } },
        title: {
          run: { font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' }, size: 44, color: '000000' },
        },
        heading1: heading(32),
        heading2: heading(32, { ...BODY_FONT, eastAsia: '楷体' }),
        heading3: heading(32),
        heading4: heading(32, BODY_FONT),
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
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) },
          },
        },
        children,
      },
    ],
  });
}
