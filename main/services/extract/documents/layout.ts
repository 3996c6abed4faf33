/**
 * From positioned text lines (PDF text layer, OFD text objects) to paragraphs and headings, the
 * way a Chinese reader expects: running headers/footers and page numbers dropped, wrapped lines
 * joined with no space between CJK characters, hyphenated words rejoined, a paragraph that runs
 * over a page break kept whole, headings where the font is larger (or bold and short).
 *
 * Coordinates are top-down (y grows downwards) in any unit; sizes are in the same unit.
 */
import { CJK } from '../patterns';

/** One run of text at one position (a pdf.js text item, an OFD TextCode). */
export interface TextRun {
  text: string;
  x: number;
  /** Baseline, top-down. */
  y: number;
  width: number;
  size: number;
  bold: boolean;
}

export interface PageRuns {
  width: number;
  height: number;
  runs: TextRun[];
}

export interface Line {
  page: number;
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  bold: boolean;
  pageWidth: number;
  pageHeight: number;
}

export interface Block {
  kind: 'p' | 'h';
  text: string;
  size: number;
  /** The page (0-based) the block starts on. */
  page: number;
  /** Where later pages start inside `text`: [page, offset]. */
  breaks: [number, number][];
  /** Lines as laid out, for title detection (centred, first page). */
  lines: Line[];
}

const CJK_CHAR = new RegExp(`[${CJK}]`);
/** A space with CJK on either side: typesetting, not text (2025 年 → 2025年). */
const CJK_SPACE_RE = new RegExp(`(?<=[${CJK}]) +| +(?=[${CJK}])`, 'g');
const round = (n: number) => Math.round(n * 10) / 10;

/** Full-width characters (CJK, 全角 spaces and punctuation) count 1 em, others half of one. */
const FULL_WIDTH = new RegExp(`[${CJK}\u3000-\u303f\uff00-\uffef]`);
const ems = (text: string) => [...text].reduce((n, c) => n + (FULL_WIDTH.test(c) ? 1 : 0.5), 0);

/**
 * Where a run's ink starts and ends: a run that begins with spaces (a first line indented with
 * two 全角 spaces, a sign-off pushed right with spaces, as many producers write them) starts
 * where its first visible character does, by the run's own width per em.
 */
function inkEdges(r: TextRun): { x0: number; x1: number } {
  const lead = /^[\s\u00a0\u3000]*/.exec(r.text)![0];
  const trail = /[\s\u00a0\u3000]*$/.exec(r.text)![0];
  if (!lead && !trail) return { x0: r.x, x1: r.x + r.width };
  const total = ems(r.text);
  const perEm = total > 0 && r.width > 0 ? r.width / total : r.size;
  return { x0: r.x + ems(lead) * perEm, x1: r.x + r.width - ems(trail) * perEm };
}

/** Runs into lines: same baseline (within a third of the size), ordered by y then x. */
export function groupLines(page: PageRuns, pageIndex: number): Line[] {
  const runs = page.runs.filter((r) => r.text.trim() !== '' && r.size > 0);
  runs.sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const r of runs) {
    const last = groups[groups.length - 1];
    const ref = last?.[0];
    if (last && ref && Math.abs(ref.y - r.y) <= Math.max(ref.size, r.size) * 0.35) last.push(r);
    else groups.push([r]);
  }
  const lines: Line[] = [];
  for (const g of groups) {
    g.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    let start = Infinity;
    let chars = 0;
    let sizeSum = 0;
    let boldChars = 0;
    for (const r of g) {
      const t = r.text.replace(/[\s\u00a0]+/g, ' ');
      const gap = r.x - end;
      if (text && gap > r.size * 0.25 && !text.endsWith(' ') && !t.startsWith(' ')) {
        // Words apart get a space; nothing next to CJK does (layout spaces it, not the text: 2025年).
        const prev = text.slice(-1);
        const next = t.trim().charAt(0);
        if (!CJK_CHAR.test(prev) && !CJK_CHAR.test(next)) text += ' ';
      }
      text += t;
      const ink = inkEdges(r);
      if (t.trim()) {
        start = Math.min(start, ink.x0);
        end = Math.max(end, ink.x1);
      }
      const n = t.replace(/\s/g, '').length;
      chars += n;
      sizeSum += r.size * n;
      if (r.bold) boldChars += n;
    }
    text = text.replace(/\s+/g, ' ').replace(CJK_SPACE_RE, '').trim();
    if (!text) continue;
    lines.push({
      page: pageIndex,
      text,
      x0: Number.isFinite(start) ? start : g[0]!.x,
      x1: Number.isFinite(end) ? end : g[0]!.x + g[0]!.width,
      y: Math.max(...g.map((r) => r.y)),
      size: chars ? round(sizeSum / chars) : g[0]!.size,
      bold: boldChars * 2 > chars,
      pageWidth: page.width,
      pageHeight: page.height,
    });
  }
  return lines;
}

/** A page number as printed: 3, - 3 -, — 3 —, 第3页, 第 3 页 共 10 页, 3 / 10, Page 3. */
export function isPageNumber(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return (
    /^[-—–－_·•]*\d{1,4}[-—–－_·•]*$/.test(t) ||
    /^第\d{1,4}页(?:[,，/]?共\d{1,4}页)?$/.test(t) ||
    /^\d{1,4}\/\d{1,4}$/.test(t) ||
    /^(?:page)?\d{1,4}(?:of\d{1,4})?$/i.test(t) ||
    /^[-—–－]*[ivxlc]{1,6}[-—–－]*$/i.test(t)
  );
}

/** Top or bottom band of a page, where running headers, footers and page numbers live. */
function inMargin(l: Line): boolean {
  return l.y < l.pageHeight * 0.1 || l.y > l.pageHeight * 0.88;
}

const shape = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, '');

/**
 * Drops running headers and footers (the same line, digits aside, in the top or bottom band of
 * at least half the pages, two at least) and page numbers in those bands.
 */
export function dropRunningLines(pages: Line[][]): Line[][] {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const seen = new Set<string>();
    for (const l of lines) if (inMargin(l)) seen.add(shape(l.text));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const repeated = (l: Line) => pages.length >= 2 && (counts.get(shape(l.text)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines) => lines.filter((l) => !(inMargin(l) && (isPageNumber(l.text) || repeated(l)))));
}

/** The most common value of `key` weighted by characters (the body's size, left edge…). */
function mode(lines: Line[], key: (l: Line) => number): number {
  const weights = new Map<number, number>();
  for (const l of lines) {
    const k = Math.round(key(l));
    weights.set(k, (weights.get(k) ?? 0) + l.text.length);
  }
  let best = 0;
  let bestW = -1;
  for (const [k, w] of weights) if (w > bestW || (w === bestW && k < best)) [best, bestW] = [k, w];
  return best;
}

/** Joins a wrapped line to the text before it: no space around CJK, hyphenated words rejoined. */
export function joinLine(before: string, next: string): string {
  if (!before) return next;
  if (!next) return before;
  const a = before.slice(-1);
  const b = next.charAt(0);
  if (/[A-Za-z]-$/.test(before) && /^[a-z]/.test(next)) return before.slice(0, -1) + next;
  if (CJK_CHAR.test(a) || CJK_CHAR.test(b) || a === '-' || a === '/') return before + next;
  return `${before} ${next}`;
}

/** An outline number that opens a heading-like line: 一、 （一） 第一章 1. */
const OUTLINE_RE =
  /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十百\d]+[章节部分编篇条]|\d{1,2}[.、．](?!\d))/;
/** A numbered item (1. 1、 （1） ①), also right after 附件：, which starts a paragraph of its own. */
const LIST_ITEM_RE = /^(?:附件[:：]\s*)?(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|[\u2460-\u2473])/;
/** A date standing alone: 2026年12月5日, 二〇二六年十二月五日 (成文日期, 落款). */
const DATE_LINE_RE = /^(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d〇○零一二三四五六七八九十]{1,3}月[\d〇○零一二三四五六七八九十]{1,3}日$/;
/** Marks that end a sentence (a quotation or bracket may close after them). */
const SENTENCE_END_RE = /[。！？!?…][”’」』）)]?$/;
/** Any closing punctuation: a line ending so is prose, not a sign-off or a caption. */
const PUNCT_END_RE = /[。！？!?…，,；;：:、”’」』）)]$/;

/**
 * The left edge of the text: the leftmost x that carries a fair share of the body's characters
 * (a mode could pick the indent of first lines in a document of short paragraphs).
 */
function textLeft(lines: Line[]): number {
  const weights = new Map<number, number>();
  let total = 0;
  for (const l of lines) {
    const k = Math.round(l.x0);
    weights.set(k, (weights.get(k) ?? 0) + l.text.length);
    total += l.text.length;
  }
  const keys = [...weights.keys()].sort((a, b) => a - b);
  return keys.find((k) => weights.get(k)! >= total * 0.15) ?? mode(lines, (l) => l.x0);
}

/** Lines into paragraphs and headings across pages. */
export function buildBlocks(pages: Line[][]): Block[] {
  const all = pages.flat();
  if (all.length === 0) return [];
  const bodySize = mode(all, (l) => l.size * 10) / 10;
  const bodyLines = all.filter((l) => Math.abs(l.size - bodySize) < bodySize * 0.1);
  const bodyLeft = textLeft(bodyLines);
  // The right edge full lines reach: a high percentile of body line ends.
  const ends = bodyLines.map((l) => l.x1).sort((a, b) => a - b);
  const bodyRight = ends.length ? ends[Math.floor(ends.length * 0.9)]! : Math.max(...all.map((l) => l.x1));
  const isHeadingSize = (l: Line) => l.size >= bodySize * 1.15;
  const centred = (l: Line) => l.x0 > bodyLeft + bodySize * 1.5 && Math.abs(l.x0 - bodyLeft - (bodyRight - l.x1)) < bodySize * 2;
  // Set to the right (a sign-off, a source line, a date): ends near the right edge (公文 leave
  // up to four characters there), starts far from the left one, and is not centred.
  const rightAligned = (l: Line) =>
    l.x1 >= bodyRight - l.size * 5 && l.x0 > bodyLeft + Math.max(l.size * 4, (bodyRight - bodyLeft) * 0.3) && !centred(l);
  // First lines indented (by two characters, as Chinese prose is): then an unindented line
  // after a full one continues its paragraph whatever the last one ended with.
  const indentedStarts = bodyLines.filter((l) => l.x0 > bodyLeft + bodySize * 1.5 && l.x0 < bodyLeft + bodySize * 2.6).length;
  const usesIndent = indentedStarts >= 2;
  const atMargin = (l: Line) => l.x0 <= bodyLeft + bodySize * 0.5;
  const isDateLine = (l: Line) => DATE_LINE_RE.test(l.text.replace(/\s+/g, ''));
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let prev: Line | null = null;
  const lineGap: number[] = [];
  for (const lines of pages)
    for (let i = 1; i < lines.length; i++) {
      const d = lines[i]!.y - lines[i - 1]!.y;
      if (d > 0 && Math.abs(lines[i]!.size - bodySize) < 0.5 && Math.abs(lines[i - 1]!.size - bodySize) < 0.5) lineGap.push(d);
    }
  lineGap.sort((a, b) => a - b);
  const spacing = lineGap.length ? lineGap[Math.floor(lineGap.length / 2)]! : bodySize * 1.5;
  for (let i = 0; i < all.length; i++) {
    const l = all[i]!;
    const next = all[i + 1];
    const heading = isHeadingSize(l) || (l.bold && l.text.length <= 40 && !/[。；]$/.test(l.text));
    const kind: Block['kind'] = heading ? 'h' : 'p';
    let startNew = true;
    if (cur && prev) {
      const samePage = l.page === prev.page;
      const gap = l.y - prev.y;
      // A full line runs from the margin (or the indent) to the right edge; a right-set line does not count.
      const prevFull = prev.x1 >= bodyRight - bodySize * 1.5 && !rightAligned(prev);
      const indented = l.x0 > bodyLeft + bodySize * 0.9;
      if (cur.kind === 'h' && kind === 'h') {
        // A heading wrapped onto a second line: same size, close below.
        startNew = !(Math.abs(l.size - prev.size) < 0.5 && samePage && gap > 0 && gap < l.size * 2.2);
      } else if (cur.kind === 'p' && kind === 'p') {
        const closeBelow = samePage ? gap > 0 && gap < spacing * 1.45 : true;
        const sameSize = Math.abs(l.size - prev.size) < bodySize * 0.1;
        const first = cur.lines[0]!;
        // The wrapped text of a numbered item hangs under the item's text, right of its number.
        const hanging =
          LIST_ITEM_RE.test(cur.text) &&
          !LIST_ITEM_RE.test(l.text) &&
          l.x0 > first.x0 + bodySize * 0.5 &&
          l.x0 <= first.x0 + bodySize * 4.5 &&
          !rightAligned(l);
        // A short line that ends without punctuation after a finished sentence, followed by
        // nothing, a line at the margin or a date: a sign-off, a caption, not a paragraph's end.
        const standalone =
          SENTENCE_END_RE.test(prev.text) &&
          !PUNCT_END_RE.test(l.text) &&
          l.x1 < bodyRight - bodySize * 1.5 &&
          (!next || atMargin(next) || isDateLine(next) || next.page !== l.page);
        const own =
          rightAligned(l) ||
          isDateLine(l) ||
          isDateLine(prev) ||
          (LIST_ITEM_RE.test(l.text) && !hanging) ||
          standalone ||
          // Block paragraphs (no first-line indent): a finished sentence at a line's end ends the paragraph.
          (!usesIndent && SENTENCE_END_RE.test(prev.text) && atMargin(l));
        startNew = own || !(closeBelow && prevFull && (!indented || hanging) && !centred(l) && sameSize);
      }
    }
    if (startNew || !cur) {
      cur = { kind, text: l.text, size: l.size, page: l.page, breaks: [], lines: [l] };
      blocks.push(cur);
    } else {
      if (l.page !== prev!.page) cur.breaks.push([l.page, joinLine(cur.text, l.text).length - l.text.length]);
      cur.text = joinLine(cur.text, l.text);
      cur.lines.push(l);
    }
    prev = l;
  }
  // A short, unpunctuated body line led by an outline number (一、…) is a heading too, unless
  // it is an item of a list (附件：1. … 2. …).
  let inList = false;
  for (const b of blocks) {
    const item = b.kind === 'p' && LIST_ITEM_RE.test(b.text);
    const listed: boolean = item && (inList || /^附件[:：]/.test(b.text));
    if (!listed && b.kind === 'p' && b.text.length <= 40 && OUTLINE_RE.test(b.text) && !/[。；，]/.test(b.text)) b.kind = 'h';
    inList = listed || /^附件[:：]/.test(b.text);
  }
  return blocks;
}

/** Whether a block is laid out centred (a title or a signature-less heading). */
export function isCentredBlock(b: Block, blocks: Block[]): boolean {
  const body = blocks.filter((x) => x.kind === 'p').flatMap((x) => x.lines);
  if (body.length === 0) return true;
  const left = Math.min(...body.map((l) => l.x0));
  const right = Math.max(...body.map((l) => l.x1));
  return b.lines.every((l) => Math.abs(l.x0 - left - (right - l.x1)) < Math.max(l.size * 2.5, (right - left) * 0.08));
}
