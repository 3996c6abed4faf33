/**
 * Notes as data: the Tiptap JSON shape, its derived plain text and 字 count, and the quote
 * block a highlight becomes inside a note. Pure: used by the editor, the store, export and tests.
 */
import * as v from 'valibot';
import { DocSchema, type DocNode } from '../../../shared/domain/note';
import { countZi, formatChineseDate } from '../../../shared/text';

// The stored document's shape is the domain's (shared/domain/note.ts): one rule for the editor,
// the database and backups.
export { DocSchema, NodeSchema, type DocMark, type DocNode } from '../../../shared/domain/note';

export const EMPTY_DOC: DocNode = { type: 'doc', content: [{ type: 'paragraph' }] };

/** A stored doc that is not a valid document reads as an empty one (never a crash). */
export function asDoc(value: unknown): DocNode {
  const parsed = v.safeParse(DocSchema, value);
  return parsed.success ? parsed.output : EMPTY_DOC;
}

function isInline(node: DocNode): boolean {
  return node.type === 'text' || node.type === 'hardBreak';
}

/** Text of inline content; a node this version does not know (kept as it was) gives its own text. */
function inlineText(nodes: readonly DocNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.text ?? '';
    else if (n.type === 'hardBreak') out += '\n';
    else if (n.content) out += inlineText(n.content);
  }
  return out;
}

/** True when a document holds nothing but empty paragraphs (an unknown empty node still counts as content). */
export function isBlankDoc(doc: unknown): boolean {
  const parsed = v.safeParse(DocSchema, doc);
  if (!parsed.success) return false;
  return (parsed.output.content ?? []).every((n) => n.type === 'paragraph' && !(n.content && n.content.length));
}

/** Plain text of a document: one line per text block, in document order. */
export function docToText(doc: unknown): string {
  const lines: string[] = [];
  const walk = (node: DocNode) => {
    const children = node.content ?? [];
    if (node.type === 'text') {
      lines.push(node.text ?? '');
      return;
    }
    if (children.length === 0) {
      if (node.type === 'paragraph' || node.type === 'heading') lines.push('');
      return;
    }
    // A block whose children include text is one line, whatever else sits among the text.
    if (children.every(isInline) || children.some((c) => c.type === 'text')) {
      lines.push(inlineText(children));
      return;
    }
    for (const child of children) walk(child);
  };
  walk(asDoc(doc));
  // Empty paragraphs carry no words: drop blank lines at the ends, keep the ones inside.
  return lines.join('\n').replace(/^\n+|\n+$/g, '');
}

export function deriveNote(doc: unknown): { text: string; zi: number } {
  const text = docToText(doc);
  return { text, zi: countZi(text) };
}

export interface CitationSource {
  title: string;
  origin: string | null;
  publishedAt: string | null;
}

/** ——《标题》，来源，2012年10月10日 (parts that are unknown are left out). */
export function citationLine(source: CitationSource): string {
  const parts = [`《${source.title}》`];
  if (source.origin) parts.push(source.origin);
  const date = formatChineseDate(source.publishedAt);
  if (date) parts.push(date);
  return `——${parts.join('，')}`;
}

function textParagraph(text: string): DocNode {
  return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' };
}

/** A highlight inside a note: a blockquote of its words (one paragraph per line), then the citation. */
export function quoteBlock(quote: string, source: CitationSource): DocNode {
  const lines = quote
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return {
    type: 'blockquote',
    content: [...(lines.length ? lines : ['']).map(textParagraph), textParagraph(citationLine(source))],
  };
}

/** First characters of a text, on one line, for lists. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : flat;
}

/** Tags as typed: separated by commas, 顿号, semicolons or spaces; unique; at most 50 characters each. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  for (const raw of input.split(/[,，、;；\s]+/)) {
    const tag = raw.trim().slice(0, 50);
    if (tag) seen.add(tag);
  }
  return [...seen];
}
