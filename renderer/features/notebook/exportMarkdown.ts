/**
 * The notebook (or the current filter of it) as Markdown: by article in reading order, each
 * highlight as a quote with its citation, each note with its own headings, lists and marks.
 */
import { formatChineseDate } from '../../../shared/text';
import { messages } from '../../i18n/messages';
import { asDoc, citationLine, type DocNode } from '../../core/notes/noteText';
import type { ArticleInfo, NotebookEntry } from '../../core/notebook/entries';

const t = messages.notebook;

export interface ExportMeta {
  /** When the export was made (for the header and the file name). */
  date: Date;
  /** True when only the current filter is exported. */
  filtered: boolean;
}

/** 研读笔记-2026-11-29.md / .docx, in local time. */
export function exportFileName(date: Date, ext: 'md' | 'docx'): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.exportTitle}-${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}.${ext}`;
}

export function localIsoDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>~=|])/g, '\\$1');
}

function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+-]|\d+[.)])(\s|$)/, (_, sp: string, mark: string, after: string) => `${sp}\\${mark}${after}`);
}

function inlineMarkdown(nodes: readonly DocNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'hardBreak') {
      out += '  \n';
      continue;
    }
    if (n.type !== 'text' || !n.text) continue;
    let s = escapeInline(n.text);
    for (const m of n.marks ?? []) {
      if (m.type === 'bold') s = `**${s}**`;
      else if (m.type === 'italic') s = `*${s}*`;
      else if (m.type === 'strike') s = `~~${s}~~`;
      else if (m.type === 'highlight') s = `==${s}==`;
    }
    out += s;
  }
  return out;
}

function blockMarkdown(node: DocNode, headingOffset: number): string[] {
  const children = node.content ?? [];
  switch (node.type) {
    case 'doc':
      return joinBlocks(children.map((c) => blockMarkdown(c, headingOffset)));
    case 'paragraph': {
      const text = inlineMarkdown(children);
      return text ? [escapeLineStart(text)] : [];
    }
    case 'heading': {
      const level = Math.min(6, Number(node.attrs?.level ?? 2) + headingOffset);
      const text = inlineMarkdown(children);
      return text ? [`${'#'.repeat(level)} ${text}`] : [];
    }
    case 'blockquote':
      return joinBlocks(children.map((c) => blockMarkdown(c, headingOffset))).map((l) => (l ? `> ${l}` : '>'));
    case 'bulletList':
    case 'orderedList': {
      const out: string[] = [];
      let n = Number(node.attrs?.start ?? 1);
      for (const item of children) {
        const marker = node.type === 'bulletList' ? '- ' : `${n++}. `;
        const lines = joinBlocks((item.content ?? []).map((c) => blockMarkdown(c, headingOffset))).filter(
          (l, i, all) => l || i < all.length - 1,
        );
        lines.forEach((l, i) => out.push(i === 0 ? marker + l : l ? ' '.repeat(marker.length) + l : ''));
        if (!lines.length) out.push(marker.trimEnd());
      }
      return out;
    }
    case 'hardBreak':
    case 'text':
      return [inlineMarkdown([node])];
    default:
      return joinBlocks(children.map((c) => blockMarkdown(c, headingOffset)));
  }
}

function joinBlocks(blocks: string[][]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (!b.length) continue;
    if (out.length) out.push('');
    out.push(...b);
  }
  return out;
}

/** A note's Tiptap document as Markdown; its headings are moved down by `headingOffset` levels. */
export function docToMarkdown(doc: unknown, headingOffset = 0): string {
  return blockMarkdown(asDoc(doc), headingOffset).join('\n');
}

function quoteMarkdown(quote: string, info: ArticleInfo | undefined): string {
  const lines = quote
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `> ${escapeInline(l)}`);
  if (info) lines.push('>', `> ${escapeInline(citationLine(info))}`);
  return lines.join('\n');
}

export function noteHeading(e: Pick<NotebookEntry, 'kind' | 'title'>): string {
  const kind = messages.notes.kinds[e.kind === 'highlight' ? 'note' : e.kind];
  return e.title.trim() ? `${kind}：${e.title.trim()}` : kind;
}

/** The whole export as one Markdown string. */
export function notebookMarkdown(entries: readonly NotebookEntry[], articles: ReadonlyMap<string, ArticleInfo>, meta: ExportMeta): string {
  const parts: string[] = [
    `# ${t.exportTitle}`,
    `${t.exportedAt(formatChineseDate(localIsoDate(meta.date)), entries.length)}${meta.filtered ? t.exportFiltered : ''}`,
  ];
  let group: string | null | undefined;
  let lastHighlight: string | null = null;
  for (const e of entries) {
    if (e.articleId !== group) {
      group = e.articleId;
      lastHighlight = null;
      const info = e.articleId ? articles.get(e.articleId) : undefined;
      parts.push(e.articleId ? `## 《${escapeInline(info?.title ?? e.articleId)}》` : `## ${messages.notebook.standalone}`);
    }
    const info = e.articleId ? articles.get(e.articleId) : undefined;
    const tags = e.tags.length ? `${messages.notes.tags}：${e.tags.map(escapeInline).join('、')}` : '';
    if (e.kind === 'highlight') {
      lastHighlight = e.id;
      parts.push(quoteMarkdown(e.quote ?? '', info));
      if (e.text.trim()) parts.push(`${t.comment}：${escapeInline(e.text.trim())}`);
      if (tags) parts.push(tags);
      continue;
    }
    parts.push(`### ${escapeInline(noteHeading(e))}`);
    if (e.quote && e.highlightId !== lastHighlight) parts.push(quoteMarkdown(e.quote, info));
    const body = docToMarkdown(e.doc, 2);
    if (body) parts.push(body);
    if (tags) parts.push(tags);
  }
  return `${parts.join('\n\n')}\n`;
}
