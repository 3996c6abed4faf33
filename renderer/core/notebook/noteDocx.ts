/**
 * A note's Tiptap document as Word paragraphs (the `docx` package), shared by the notebook's
 * Word export and the print views' Word files. Imported only by those two exporters, which are
 * loaded on demand, so the docx package stays out of every other chunk.
 */
import { BorderStyle, HeadingLevel, Paragraph, TextRun, type IParagraphOptions, type IRunOptions } from 'docx';
import { asDoc, type DocNode } from '../notes/noteText';

export const ORDERED = 'yandu-ordered';
export const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
export const HEI_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
export const MM = 56.7; // twips per millimetre

export const QUOTE_STYLE: IParagraphOptions = {
  indent: { left: 480 },
  border: { left: { style: BorderStyle.SINGLE, size: 12, color: '999999', space: 8 } },
};

export interface Ctx {
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
