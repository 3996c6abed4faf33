/**
 * Blocks of a document (any format) into the article shape the app stores: the title chosen the
 * way a reader of 公文 would (red masthead 「…文件」 and the 发文字号 line skipped; metadata
 * titles only when the text shows them as a heading), metadata lines read, HTML and text built
 * from the same blocks, and page markers kept beside the text as offsets into it.
 */
import { findDate } from '../../../../shared/dates';
import { isMetaLine, matchAuthor, matchEditor, matchOrigin } from '../patterns';
import { renderBlocks, type HElement } from '../../sync/article-html';
import type { Block } from './layout';
import type { DocumentArticle, DocumentFormat, PageMarker } from './types';

/** 「中共某某市委办公室文件」, 「…简报」: the red masthead of a 公文. */
const MASTHEAD_RE = /(?:文件|简报|通报|快报)$/;
/** 某委办发〔2025〕3号 (with or without 签发人 beside it). */
const DOC_NUMBER_RE =
  /^([\u4e00-\u9fa5A-Za-z]{1,20}\s*[〔[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\s*\d{1,5}\s*号)(?:\s*签发人\s*[:：].{0,20})?$/;
/** A document id that is no title: a GUID, a hash, a bare number. */
const JUNK_TITLE_RE =
  /^(?:[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}|[0-9a-f]{16,}|\d+|administrator|admin|user|untitled|无标题|microsoft word.*|.*\.(?:docx?|wps|pdf|ofd|txt))$/i;

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

export function isJunkTitle(title: string): boolean {
  const t = title.trim();
  return t.length < 2 || JUNK_TITLE_RE.test(t);
}

function headingLike(b: Block): boolean {
  return b.kind === 'h' || (b.text.length <= 60 && !/[。；，,;：:]$/.test(b.text));
}

export interface AssembleInput {
  blocks: Block[];
  format: DocumentFormat;
  /** The file's own title property (PDF Info, OFD DocInfo, core.xml), trusted only when the text shows it. */
  metaTitle: string | null;
  /** The file name without extension: the last resort. */
  fallbackTitle: string;
  pageCount: number | null;
  /** Whether block layout is known (PDF, OFD) or only paragraph order (.doc). */
  laidOut: boolean;
}

interface Picked {
  title: string;
  /** Indices of the blocks that make the title. */
  used: number[];
  docNumber: string | null;
}

function pickTitle(input: AssembleInput): Picked {
  const { blocks } = input;
  let docNumber: string | null = null;
  const head = blocks.slice(0, 12);
  for (const b of head) {
    const m = DOC_NUMBER_RE.exec(b.text.replace(/\s+/g, ' ').trim());
    if (m) {
      docNumber = squash(m[1]!);
      break;
    }
  }
  // A metadata title counts only where the text has it as a heading-like line.
  const meta = input.metaTitle?.trim() ?? '';
  if (meta && !isJunkTitle(meta)) {
    const want = squash(meta);
    const i = head.findIndex((b) => headingLike(b) && squash(b.text) === want);
    if (i >= 0) return { title: blocks[i]!.text, used: [i], docNumber };
  }
  // Skip the masthead and 发文字号 lines at the top, then take the first heading-like block.
  let i = 0;
  while (i < head.length) {
    const t = squash(head[i]!.text);
    if ((t.length <= 30 && MASTHEAD_RE.test(t)) || DOC_NUMBER_RE.test(head[i]!.text.trim()) || /^签发人[:：]/.test(t)) i++;
    else break;
  }
  const start = i;
  if (input.laidOut) {
    // The first heading on the first page, unless a paragraph of prose comes before it.
    for (let k = start; k < Math.min(head.length, start + 3); k++) {
      const b = head[k]!;
      if (b.page > 0) break;
      if (b.kind === 'h' && b.text.length <= 120) return { title: b.text, used: [k], docNumber };
      if (b.text.length > 60 || /[。；]$/.test(b.text)) break;
    }
  }
  // Paragraph order only (or no heading): the first short unpunctuated block, joined with the
  // short ones right after it (a title the author wrapped by hand).
  const first = head[start];
  if (first && first.text.length <= 80 && !/[。；，,;：:！？.]$/.test(first.text) && !isMetaLine(first.text)) {
    const used = [start];
    let title = first.text;
    for (let k = start + 1; k < Math.min(head.length, start + 3); k++) {
      const b = head[k]!;
      const next = head[k + 1];
      if (b.text.length > 40 || /[。；，,;：:！？]$/.test(b.text) || isMetaLine(b.text) || findDate(b.text)) break;
      // Only when what follows is clearly not the title (a salutation, prose).
      if (!next || !(/[:：]$/.test(next.text) || next.text.length > 40)) break;
      title += b.text;
      used.push(k);
    }
    return { title, used, docNumber };
  }
  return { title: input.fallbackTitle, used: [], docNumber };
}

function element(b: Block): HElement {
  const tag = b.kind === 'h' ? (/^（[一二三四五六七八九十]+）/.test(b.text) ? 'h3' : 'h2') : 'p';
  return { tag, attrs: {}, children: [b.text] };
}

/** Page markers as offsets into `text`, one per page, in page order. */
function pageMarkers(blocks: Block[], pageCount: number): PageMarker[] {
  const starts = new Map<number, number>();
  let offset = 0;
  for (const b of blocks) {
    if (!starts.has(b.page)) starts.set(b.page, offset);
    for (const [page, at] of b.breaks) if (!starts.has(page)) starts.set(page, offset + at);
    offset += b.text.length + 1;
  }
  const end = Math.max(0, offset - 1);
  const out: PageMarker[] = [];
  let next = end;
  // From the last page back, so a page without text points where the following one starts.
  for (let p = pageCount - 1; p >= 0; p--) {
    const s = starts.get(p);
    if (s !== undefined) next = Math.min(next, s);
    out.push({ page: p + 1, offset: s ?? next });
  }
  return out.reverse();
}

export function assemble(input: AssembleInput): DocumentArticle {
  let picked = pickTitle(input);
  // A title that would leave no text is the text: the file name names the document then.
  if (picked.used.length > 0 && picked.used.length >= input.blocks.length) picked = { ...picked, title: input.fallbackTitle, used: [] };
  let blocks = input.blocks.filter((_, i) => !picked.used.includes(i));
  const meta = {
    publishedAt: null as string | null,
    origin: null as string | null,
    author: null as string | null,
    editor: null as string | null,
  };
  // 来源/作者/日期 lines right under the title are metadata, as in the other imports.
  const firstBody = picked.used.length ? Math.min(...picked.used) : 0;
  for (let k = firstBody; k < Math.min(firstBody + 3, blocks.length);) {
    const t = blocks[k]!.text;
    if (t.length <= 120 && isMetaLine(t) && blocks[k]!.kind === 'p') {
      meta.publishedAt ??= findDate(t);
      meta.origin ??= matchOrigin(t);
      meta.author ??= matchAuthor(t);
      meta.editor ??= matchEditor(t);
      blocks = [...blocks.slice(0, k), ...blocks.slice(k + 1)];
    } else k++;
  }
  // The date under a 公文's signature (成文日期): a short line near the end.
  if (!meta.publishedAt) {
    for (const b of blocks.slice(-3).reverse()) {
      if (b.text.length <= 30 && findDate(b.text)) {
        meta.publishedAt = findDate(b.text);
        break;
      }
    }
  }
  const { html, text } = renderBlocks(blocks.map(element));
  const paragraphs = blocks.map((b) => b.text);
  const pages = input.pageCount !== null ? pageMarkers(blocks, input.pageCount) : null;
  return {
    title: picked.title.replace(/\s+/g, ' ').trim().slice(0, 500) || input.fallbackTitle,
    ...meta,
    paragraphs,
    text,
    html,
    images: [],
    publishedTime: null,
    docNumber: picked.docNumber,
    confidence: 1,
    method: input.format,
    format: input.format,
    pages,
    pageCount: input.pageCount,
    scanned: false,
  };
}
