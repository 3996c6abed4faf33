/**
 * A note as stored. Its Tiptap document is checked for structure and size only: node and mark
 * types this version does not know are kept (the editor shows them as preserved boxes, see
 * renderer/features/notes/preserve.ts), so a note written by a later version survives.
 */
import * as v from 'valibot';
import { BIG_TEXT, CountField, IdField, IsoField, TagsField, text } from './fields';

export interface DocMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface DocNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: DocMark[];
  content?: DocNode[];
}

/** Limits past which a stored document is shown read-only (and a backup row is refused). */
export const NOTE_DOC_LIMITS = { jsonChars: 5_000_000, nodes: 200_000, depth: 120 };

// Loose: keys this version does not know are kept, never stripped on save.
const MarkSchema = v.looseObject({ type: v.string(), attrs: v.optional(v.record(v.string(), v.unknown())) });

export const NodeSchema: v.GenericSchema<DocNode> = v.looseObject({
  type: v.pipe(v.string(), v.minLength(1)),
  text: v.optional(v.string()),
  attrs: v.optional(v.record(v.string(), v.unknown())),
  marks: v.optional(v.array(MarkSchema)),
  content: v.optional(v.array(v.lazy(() => NodeSchema))),
});

export const DocSchema = v.pipe(
  NodeSchema,
  v.check((n) => n.type === 'doc', '笔记内容不是 Tiptap 文档'),
);

/**
 * Size first, without recursion (a hostile document 100,000 levels deep must not overflow the
 * stack), then structure. Text length counts toward the character budget.
 */
export function noteDocProblem(doc: unknown): 'tooLarge' | 'malformed' | null {
  let nodes = 0;
  let chars = 0;
  const stack: { value: unknown; depth: number }[] = [{ value: doc, depth: 0 }];
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'malformed';
    if (++nodes > NOTE_DOC_LIMITS.nodes || depth > NOTE_DOC_LIMITS.depth) return 'tooLarge';
    const node = value as { text?: unknown; content?: unknown; attrs?: unknown };
    if (typeof node.text === 'string') chars += node.text.length;
    if (node.attrs !== undefined) chars += 16;
    if (chars > NOTE_DOC_LIMITS.jsonChars) return 'tooLarge';
    if (Array.isArray(node.content)) for (const c of node.content) stack.push({ value: c, depth: depth + 1 });
  }
  return v.is(DocSchema, doc) ? null : 'malformed';
}

export const NoteDocSchema = v.custom<DocNode>((doc) => noteDocProblem(doc) === null, '笔记内容结构不对或过大');

export const NoteKindSchema = v.picklist(['note', 'outline', 'reflection']);
export type NoteKind = v.InferOutput<typeof NoteKindSchema>;

/** A note (笔记 / 发言提纲 / 心得体会): on a highlight, on an article, or standalone. */
export const NoteRowSchema = v.object({
  id: IdField,
  kind: NoteKindSchema,
  articleId: v.nullable(IdField),
  highlightId: v.nullable(IdField),
  title: text(2000),
  /** Tiptap JSON document. */
  doc: NoteDocSchema,
  /** Derived plain text, for search and 字 counts. */
  text: text(BIG_TEXT),
  zi: CountField,
  tags: TagsField,
  createdAt: IsoField,
  updatedAt: IsoField,
});
export type NoteRow = Omit<v.InferOutput<typeof NoteRowSchema>, 'doc'> & {
  /** Tiptap JSON document (read through asDoc: a damaged one reads as empty). */
  doc: unknown;
};
