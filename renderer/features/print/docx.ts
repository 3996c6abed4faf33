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
import { recordRows, sheetTitle, SUMMARY_LABEL, titleSize, whenText } from './record';
import { monthDay, type ArchiveModel } from './archive';
import { messages } from '../../i18n/messages';
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
/** The body's text block and spacing for counting lines (bodyLines); superscript prints at about two thirds. */
const BODY_BLOCK = { widthTw: Math.round(GEOMETRY.gbt.widthMm * MM), firstLineTw: INDENT.firstLine, spacingTw: -5 };
const SUPERSCRIPT = 2 / 3;

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

/** Characters that may not start a line (they hang at the end of the one before) and that may not end one. */
const NO_LINE_START = '!%),.:;?]}¢°·’”…‰′″℃∶、。〃〉》」』】〕〗！＂％＇），．：；？］｀｜｝～';
const NO_LINE_END = '$([{£¥·‘“〈《「『【〔〖（［｛￡￥';

/**
 * How many lines a paragraph of body text takes, broken as Word breaks GB/T text: CJK characters
 * one em, Latin and digits half of one (measureDocxText), each narrowed by the character spacing;
 * a Latin word is not split; a closing mark hangs at the end of a full line rather than start the
 * next, and an opening mark never ends one. Lines are on the fixed pitch, so lines give height.
 */
export function bodyLines(
  runs: readonly { text: string; sizePt: number }[],
  o: { widthTw: number; firstLineTw: number; leftTw?: number; spacingTw?: number },
): number {
  const items: { c: string; w: number }[] = [];
  for (const r of runs) for (const c of r.text) items.push({ c, w: measureDocxText(c, { size: r.sizePt * 20 }) + (o.spacingTw ?? 0) });
  const room = (line: number) => o.widthTw - (o.leftTw ?? 0) - (line === 0 ? o.firstLineTw : 0);
  let lines = 1;
  let x = 0;
  let i = 0;
  const latin = (c: string | undefined) => c !== undefined && /[A-Za-z0-9.%-]/.test(c);
  while (i < items.length) {
    // A Latin word goes on as a whole.
    let j = i + 1;
    if (latin(items[i]!.c)) while (j < items.length && latin(items[j]!.c)) j++;
    let w = 0;
    for (let k = i; k < j; k++) w += items[k]!.w;
    const hangs = j === i + 1 && NO_LINE_START.includes(items[i]!.c);
    if (x > 0 && x + w > room(lines - 1) + 1 && !hangs) {
      // An opening mark at the end of the line goes down with what it opens.
      const back = i > 0 && NO_LINE_END.includes(items[i - 1]!.c) ? items[i - 1]!.w : 0;
      lines++;
      x = back;
    }
    x += w;
    i = j;
  }
  return lines;
}

type Xml = Record<string, unknown>;
const textOfRun = (run: unknown): string | null => {
  if (!Array.isArray(run)) return null;
  let text = '';
  for (const part of run as Xml[]) {
    if ('w:rPr' in part) continue;
    const t = part['w:t'];
    if (!Array.isArray(t)) return null;
    for (const s of t) if (typeof s === 'string') text += s;
  }
  return text;
};

/**
 * The page estimate with the body paragraphs whose lines were counted here (`lines`, by their
 * text) standing in as one short run per line: the layout places whole lines, keeps and page
 * breaks as before but no longer breaks some hundred thousand characters one by one (the Word
 * export's slow part: print_docx_s).
 */
function quickPageNumbers(lines: ReadonlyMap<string, number>): PageNumberEstimator {
  const proxy = (el: unknown): unknown => {
    if (Array.isArray(el)) return el.map(proxy);
    if (!el || typeof el !== 'object') return el;
    const p = (el as Xml)['w:p'];
    if (!Array.isArray(p)) {
      const out: Xml = {};
      for (const [k, v] of Object.entries(el as Xml)) out[k] = k === '_attr' ? v : proxy(v);
      return out;
    }
    const props = (p as Xml[]).filter((c) => 'w:pPr' in c);
    const runs = (p as Xml[]).filter((c) => !('w:pPr' in c));
    let text = '';
    for (const r of runs) {
      const t = 'w:r' in r && Object.keys(r).length === 1 ? textOfRun(r['w:r']) : null;
      if (t === null) return el;
      text += t;
    }
    const n = lines.get(text);
    if (n === undefined) return el;
    const run: unknown[] = [];
    for (let i = 0; i < n; i++) run.push(...(i ? [{ 'w:br': {} }] : []), { 'w:t': ['国'] });
    return { 'w:p': [...props, { 'w:r': run }] };
  };
  const estimate: PageNumberEstimator = (body, context) => PAGE_NUMBERS(proxy(body) as typeof body, context);
  return Object.assign(estimate, { listNumbers: PAGE_NUMBERS.listNumbers });
}

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
function articleChildren(a: PrintArticle, options: PrintOptions, lines: Map<string, number>): FileChild[] {
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
    const measured: { text: string; sizePt: number }[] = [];
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
      measured.push({ text: r.text, sizePt: 16 }, { text: r.refs.map((n) => `[${n}]`).join(''), sizePt: 16 * SUPERSCRIPT });
    }
    lines.set(measured.map((m) => m.text).join(''), bodyLines(measured, BODY_BLOCK));
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
export function packetDocx(
  articles: readonly PrintArticle[],
  meta: PacketMeta,
  options: PrintOptions,
  /** 'full': the library lays out every character (what the quick estimate is checked against in tests). */
  estimate: 'quick' | 'full' = 'quick',
): Document {
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
  const lines = new Map<string, number>();
  for (const a of articles) children.push(...articleChildren(a, options, lines));
  return gbtDocument(cover.title, children, {
    firstPageNumbered: false,
    pageNumbers: estimate === 'full' ? PAGE_NUMBERS : quickPageNumbers(lines),
  });
}

function cell(children: Paragraph[], opts: { header?: boolean; span?: number; widthMm?: number; tight?: boolean } = {}): TableCell {
  return new TableCell({
    children,
    columnSpan: opts.span,
    verticalAlign: opts.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    width: opts.widthMm ? { size: Math.round(opts.widthMm * MM), type: WidthType.DXA } : undefined,
    margins: opts.tight ? { top: 20, bottom: 20, left: 80, right: 80 } : { top: 60, bottom: 60, left: 100, right: 100 },
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
  return gbtDocument('学习记录', recordChildren(r), { firstPageNumbered: true });
}

function sheetHeading(title: string, pageBreakBefore: boolean): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    pageBreakBefore: pageBreakBefore || undefined,
    children: [new TextRun({ text: title, size: titleSize(title, 156) * 2 })],
  });
}

const sheetTable = (rows: TableRow[], columns: number[]) =>
  new Table({ rows, width: { size: Math.round(156 * MM), type: WidthType.DXA }, columnWidths: columns.map((c) => Math.round(c * MM)) });

function recordChildren(r: PrintRecord, pageBreakBefore = false): FileChild[] {
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
  return [
    sheetHeading(sheetTitle(r, 'record'), pageBreakBefore),
    sheetTable(
      all.filter(([label]) => label !== SUMMARY_LABEL).map(([label, value]) => row(label, value)),
      [LABEL_MM, VALUE_MM],
    ),
    sheetTable(
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
    sheetTable([row('记 录 人', r.recorder)], [LABEL_MM, VALUE_MM]),
  ];
}

const SIGNIN_ROWS = 15;
const SIGNIN_MM = [12, 24, 40, 40, 40];

/** A 签到表 as Word: the attendees, then the absent with their reason, rows kept whole. */
function signinChildren(r: PrintRecord, pageBreakBefore = false): FileChild[] {
  const s = messages.print.signin;
  const names = [
    ...r.attendees.map((a) => [a.name, a.post, '']),
    ...r.absentees.map((a) => [a.name, a.post, a.reason ? `缺席：${a.reason}` : '缺席']),
  ];
  while (names.length < SIGNIN_ROWS) names.push(['', '', '']);
  // 小四 on exact 18 pt lines in rows of 20 pt: the title and 20 names fit one A4 page.
  const text = (v: string, header: boolean, centre: boolean) =>
    new Paragraph({
      alignment: centre ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: { line: 360, lineRule: 'exact' },
      children: [new TextRun({ text: v || ' ', font: header ? DOCX_FONTS.hei : DOCX_FONTS.body, size: 24, characterSpacing: 0 })],
    });
  const row = (values: string[], header = false) =>
    new TableRow({
      cantSplit: true,
      tableHeader: header || undefined,
      height: { value: 400, rule: 'atLeast' },
      children: values.map((v, i) => cell([text(v, header, header || i === 0)], { header: true, widthMm: SIGNIN_MM[i], tight: true })),
    });
  return [
    sheetHeading(sheetTitle(r, 'signin'), pageBreakBefore),
    centred(`专题：${nestBookTitles(r.topic)}`),
    centred([whenText(r), r.place].filter(Boolean).join('　'), DOCX_FONTS.kai, { spacing: { after: 120 } }),
    sheetTable(
      [
        row([s.num, s.name, s.post, s.sign, s.note], true),
        ...names.map(([name, post, note], i) => row([String(i + 1), name!, post!, '', note!])),
      ],
      SIGNIN_MM,
    ),
  ];
}

/** A body paragraph of plain text whose lines the quick 目录 estimate counts itself. */
function bodyParagraph(text: string, lines: Map<string, number>, extra: { font?: typeof DOCX_FONTS.body } = {}): Paragraph {
  lines.set(text, bodyLines([{ text, sizePt: 16 }], BODY_BLOCK));
  return new Paragraph({ indent: INDENT, children: [new TextRun({ text, font: extra.font })] });
}

/**
 * The year's 学习档案 as Word: cover (title, unit, date once), a 目录 that is a TOC field with
 * its entries and page numbers, then each section of archiveModel from a new page, its title a
 * 目录 entry (Heading 1).
 */
export function archiveDocx(model: ArchiveModel): Document {
  const t = messages.archive;
  const lines = new Map<string, number>();
  const children: FileChild[] = [
    new Paragraph({ spacing: { before: Math.round(40 * MM) }, children: [] }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      spacing: { after: 600, line: 900, lineRule: 'exact' },
      children: [new TextRun(model.title)],
    }),
  ];
  if (model.unit) children.push(centred(model.unit, DOCX_FONTS.hei, { spacing: { before: Math.round(60 * MM) } }));
  children.push(centred(formatChineseDate(model.date), DOCX_FONTS.kai, model.unit ? {} : { spacing: { before: Math.round(60 * MM) } }));
  children.push(new Paragraph({ children: [new PageBreak()] }));
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 280 },
      children: [new TextRun({ text: messages.print.toc, font: DOCX_FONTS.hei })],
    }),
  );
  children.push(new TableOfContents('目录', { headingStyleRange: '1-1', hyperlink: true, tabLeader: LeaderType.DOT }));
  const heading = (title: string) =>
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(nestBookTitles(title))] });
  const h = t.planHead;
  for (const section of model.sections) {
    if (section.kind === 'plan') {
      children.push(heading(section.title));
      const widths = [12, 24, 62, 18, 26, 14];
      const row = (values: string[], header = false) =>
        new TableRow({
          cantSplit: true,
          tableHeader: header || undefined,
          children: values.map((v, i) =>
            cell([small(v || ' ', header ? DOCX_FONTS.hei : DOCX_FONTS.body)], { header, widthMm: widths[i] }),
          ),
        });
      children.push(
        sheetTable(
          [
            row([h.num, h.date, h.topic, h.host, h.place, h.status], true),
            ...model.plan.map((r) =>
              row([String(r.num), monthDay(r.date) || t.noDate, nestBookTitles(r.topic), r.host, r.place, r.status]),
            ),
          ],
          widths,
        ),
      );
      continue;
    }
    const s = section.session;
    if (section.kind === 'record') {
      if (s.recorded) children.push(...recordChildren(s.record, true));
      else
        children.push(
          sheetHeading(section.title, true),
          centred(`专题：${nestBookTitles(s.topic)}`),
          centred(formatChineseDate(s.date) || t.noDate),
          centred(t.noRecord, DOCX_FONTS.body, { spacing: { before: 560 } }),
        );
    } else if (section.kind === 'signin') children.push(...signinChildren(s.record, true));
    else if (section.kind === 'readings') {
      children.push(heading(section.title), centred(`专题：${nestBookTitles(s.topic)}`, DOCX_FONTS.kai, { spacing: { after: 280 } }));
      s.readings.forEach((r, i) => {
        children.push(
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${i + 1}．${nestBookTitles(`《${r.title}》`)}`)] }),
        );
        const source = [r.origin ? `来源：${nestBookTitles(r.origin)}` : '', formatChineseDate(r.publishedAt)].filter(Boolean).join('　');
        if (source) children.push(new Paragraph({ children: [new TextRun({ text: source, font: DOCX_FONTS.kai })] }));
        if (r.excerpts.length) {
          children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(t.excerpts)] }));
          for (const e of r.excerpts) children.push(bodyParagraph(nestBookTitles(e), lines, { font: DOCX_FONTS.kai }));
        }
      });
    } else {
      children.push(heading(section.title));
      for (const r of s.reflections) {
        const head = [r.post ? `${r.member}（${r.post}）` : r.member, r.title ? nestBookTitles(r.title) : ''].filter(Boolean).join('：');
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 280 }, children: [new TextRun(head)] }));
        for (const l of r.text.split(/\n+/).filter((x) => x.trim())) children.push(bodyParagraph(nestBookTitles(l), lines));
        children.push(
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: t.zi(r.zi), font: DOCX_FONTS.kai })] }),
        );
      }
    }
  }
  return gbtDocument(model.title, children, { firstPageNumbered: false, pageNumbers: quickPageNumbers(lines) });
}
