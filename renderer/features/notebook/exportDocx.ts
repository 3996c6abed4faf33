/**
 * The notebook (or the current filter of it) as a Word document (the `docx` package): A4 with
 * GB/T 9704 margins, 仿宋 body, by article in reading order, quotes with citations, notes with
 * their headings, lists and marks.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Paragraph, TextRun } from 'docx';
import { formatChineseDate } from '../../../shared/text';
import { messages } from '../../i18n/messages';
import { citationLine } from '../../core/notes/noteText';
import type { ArticleInfo, NotebookEntry } from '../../core/notebook/entries';
import { localIsoDate, noteHeading, type ExportMeta } from './exportMarkdown';
import { BODY_FONT, docToParagraphs, HEI_FONT, MM, ORDERED, QUOTE_STYLE, type Ctx } from '../../core/notebook/noteDocx';

const t = messages.notebook;

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
