/**
 * Loads a stored note into the editor without losing what the editor does not know, and turns
 * the editor's JSON back into the stored form.
 *
 * ProseMirror drops a whole document that has one unknown node or mark, and silently drops
 * unknown attributes; the first keystroke then autosaved the loss. Here, before loading:
 * - a node the schema cannot hold where it stands (unknown type, or a known one that does not
 *   fit) becomes a preserved atom (block or inline) whose `json` attr is the stored node;
 * - an unknown mark becomes a preserved mark carrying the stored mark;
 * - every known node, and every known mark with attributes the schema lacks, gets a `yanduKeep`
 *   stash: the stored JSON plus a signature of what the editor made of it. On save, a node whose
 *   signature is unchanged is written back as the stored JSON byte for byte; an edited one is
 *   written in today's form with the stored node's unknown attributes and keys put back.
 * A final load → save check must give back the stored JSON exactly; anything that fails it, or
 * is malformed or huge, opens read-only.
 */
import { Node as PMNode, type NodeType, type Schema } from '@tiptap/pm/model';
import * as v from 'valibot';
import { NOTE_DOC_LIMITS } from '../../../shared/domain/note';
import { DocSchema } from '../../core/notes/noteText';

export const PRESERVED_BLOCK = 'preservedBlock';
export const PRESERVED_INLINE = 'preservedInline';
export const PRESERVED_MARK = 'preservedMark';
export const KEEP = 'yanduKeep';
export const PRESERVED_TYPES: ReadonlySet<string> = new Set([PRESERVED_BLOCK, PRESERVED_INLINE, PRESERVED_MARK]);

/** Limits past which a stored document is shown read-only instead of loaded. */
export const LIMITS = NOTE_DOC_LIMITS;

export type Json = Record<string, unknown>;

/** What a known node or mark was stored as; `sig`/`attrsSig` describe what the editor made of it. */
export interface Keep {
  orig: Json;
  sig?: string;
  attrsSig?: string;
}

export type UnsafeReason = 'malformed' | 'tooLarge' | 'invalid' | 'roundTrip';

export type Prepared =
  /** `content` is what the editor loads; `blank` when the stored doc had no content at all. */
  { editable: true; content: Json; blank: boolean } | { editable: false; reason: UnsafeReason; content: Json | null; text: string };

const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks']);
const TEXT_KEYS = new Set(['type', 'text', 'marks']);
const MARK_KEYS = new Set(['type', 'attrs']);

function isObj(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Thrown when a node cannot be held as a known node where it stands. */
class Misfit extends Error {}

class Unsafe extends Error {
  constructor(readonly reason: UnsafeReason) {
    super(reason);
  }
}

/** Counts nodes and depth without recursion, so a hostile document cannot overflow the stack. */
function measure(value: unknown): UnsafeReason | null {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let nodes = 0;
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (++nodes > LIMITS.nodes || depth > LIMITS.depth) return 'tooLarge';
    if (Array.isArray(node)) for (const c of node) stack.push([c, depth + 1]);
    else if (isObj(node)) for (const key in node) stack.push([node[key], depth + 1]);
  }
  return null;
}

/** Every string under a `text` key, in document order, blocks on their own lines (for read-only views and copies). */
export function salvageText(value: unknown): string {
  if (typeof value === 'string') {
    // An older writer may have stored the document as a JSON string, or as plain text.
    if (value.length > LIMITS.jsonChars) return value.slice(0, LIMITS.jsonChars);
    try {
      const parsed: unknown = JSON.parse(value);
      if (isObj(parsed) || Array.isArray(parsed)) return salvageText(parsed);
    } catch {
      // Not JSON: the string is the text.
    }
    return value;
  }
  const lines: string[] = [];
  let line = '';
  const stack: unknown[] = [value];
  // Bounded work and output, whatever the value holds.
  let budget = LIMITS.nodes * 8;
  let chars = 0;
  while (stack.length && budget-- > 0 && chars < LIMITS.jsonChars) {
    const node = stack.pop();
    if (node === BREAK) {
      if (line) lines.push(line);
      line = '';
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
    } else if (isObj(node)) {
      if (typeof node.text === 'string') {
        line += node.text;
        chars += node.text.length;
      }
      const kids = node.content;
      if (Array.isArray(kids)) {
        // A line ends before and after any node with content; inline text joins within it.
        const inline = kids.some((k) => isObj(k) && typeof k.text === 'string');
        if (inline) stack.push(BREAK, kids);
        else stack.push(BREAK, kids, BREAK);
      }
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
const BREAK = Symbol('break');

function textParagraphs(text: string): Json {
  const lines = text.split('\n');
  return {
    type: 'doc',
    content: lines.map((l) => (l ? { type: 'paragraph', content: [{ type: 'text', text: l }] } : { type: 'paragraph' })),
  };
}

function attrNames(spec: { attrs?: Record<string, unknown> | null }): Set<string> {
  const names = new Set(Object.keys(spec.attrs ?? {}));
  names.delete(KEEP);
  return names;
}

function hasExtraKeys(node: Json, allowed: ReadonlySet<string>): boolean {
  for (const key in node) if (!allowed.has(key)) return true;
  return false;
}

function pick(attrs: unknown, names: ReadonlySet<string>): Json {
  const out: Json = {};
  if (isObj(attrs)) for (const key in attrs) if (names.has(key)) out[key] = attrs[key];
  return out;
}

function wrapMarks(schema: Schema, parent: NodeType, marks: unknown): Json[] | undefined {
  if (marks === undefined) return undefined;
  if (!Array.isArray(marks)) throw new Misfit();
  return marks.map((mark: unknown) => {
    if (!isObj(mark) || typeof mark.type !== 'string') throw new Misfit();
    const type = PRESERVED_TYPES.has(mark.type) ? undefined : schema.marks[mark.type];
    if (!type) {
      if (!parent.allowsMarkType(schema.marks[PRESERVED_MARK]!)) throw new Misfit();
      return { type: PRESERVED_MARK, attrs: { json: mark } };
    }
    if (!parent.allowsMarkType(type)) throw new Misfit();
    const names = attrNames(type.spec);
    const attrs = pick(mark.attrs, names);
    const extra = hasExtraKeys(mark, MARK_KEYS) || (isObj(mark.attrs) && Object.keys(mark.attrs).some((k) => !names.has(k)));
    if (extra) attrs[KEEP] = { orig: mark } satisfies Keep;
    return Object.keys(attrs).length ? { type: mark.type, attrs } : { type: mark.type };
  });
}

/** A stored node as the editor can hold it, or Misfit. `parent` is the node type it sits in. */
function wrapKnown(schema: Schema, node: Json, type: NodeType, parent: NodeType): Json {
  if (type.isText) {
    if (typeof node.text !== 'string' || node.text === '' || hasExtraKeys(node, TEXT_KEYS)) throw new Misfit();
    const marks = wrapMarks(schema, parent, node.marks);
    return marks && marks.length ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text };
  }
  if (node.attrs !== undefined && !isObj(node.attrs)) throw new Misfit();
  const attrs = pick(node.attrs, attrNames(type.spec));
  attrs[KEEP] = { orig: node } satisfies Keep;
  const out: Json = { type: type.name, attrs };
  const kids = node.content;
  if (kids !== undefined && !Array.isArray(kids)) throw new Misfit();
  if (type.isLeaf) {
    if (Array.isArray(kids) && kids.length) throw new Misfit();
  } else {
    out.content = wrapChildren(schema, type, Array.isArray(kids) ? kids : []);
  }
  if (node.marks !== undefined) {
    // Marks on a non-text node are judged by its parent's rules.
    const marks = wrapMarks(schema, parent, node.marks);
    if (marks && marks.length) out.marks = marks;
  }
  return out;
}

function wrapChildren(schema: Schema, parent: NodeType, children: unknown[]): Json[] {
  let match = parent.contentMatch;
  const out: Json[] = [];
  for (const child of children) {
    if (!isObj(child) || typeof child.type !== 'string') throw new Misfit();
    const type = PRESERVED_TYPES.has(child.type) ? undefined : schema.nodes[child.type];
    const next = type ? match.matchType(type) : null;
    let wrapped: Json | null = null;
    if (type && next) {
      try {
        wrapped = wrapKnown(schema, child, type, parent);
        match = next;
      } catch (error) {
        if (!(error instanceof Misfit)) throw error;
      }
    }
    if (!wrapped) {
      // Kept whole, as an atom of the kind the parent takes here.
      const block = match.matchType(schema.nodes[PRESERVED_BLOCK]!);
      const inline = block ? null : match.matchType(schema.nodes[PRESERVED_INLINE]!);
      if (!block && !inline) throw new Misfit();
      wrapped = { type: block ? PRESERVED_BLOCK : PRESERVED_INLINE, attrs: { json: child } };
      match = (block ?? inline)!;
    }
    out.push(wrapped);
  }
  if (!match.validEnd) throw new Misfit();
  return out;
}

// Two independent 32-bit FNV-1a style hashes: short signatures, collisions out of reach.
function hash(text: string): string {
  // Kept in int32 range so the loop stays on small integers.
  let h1 = 0x811c9dc5 | 0;
  let h2 = (0x01000193 ^ text.length) | 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 13);
  }
  return (h1 >>> 0).toString(36) + ':' + (h2 >>> 0).toString(36);
}

function keepOf(attrs: unknown): Keep | null {
  if (!isObj(attrs)) return null;
  const k = attrs[KEEP];
  return isObj(k) && isObj(k.orig) ? (k as unknown as Keep) : null;
}

function without(attrs: unknown, key: string): Json {
  const out: Json = {};
  if (isObj(attrs)) for (const k in attrs) if (k !== key) out[k] = attrs[k];
  return out;
}

/** Today's attrs plus the stored ones the editor does not know. */
function mergedAttrs(plain: Json, orig: Json): Json {
  const out = { ...plain };
  if (isObj(orig.attrs)) for (const k in orig.attrs) if (!(k in plain)) out[k] = orig.attrs[k];
  return out;
}

function extraKeys(orig: Json, allowed: ReadonlySet<string>, into: Json): void {
  for (const k in orig) if (!allowed.has(k)) into[k] = orig[k];
}

interface Restored {
  json: Json;
  sig: string;
}

/** A node as restore reads it: the editor's JSON, or its ProseMirror node (cached: unchanged subtrees are the same objects). */
interface Src {
  type: string;
  attrs: unknown;
  marks: readonly Json[];
  text: string | undefined;
  kids: readonly (Json | PMNode)[];
}

function srcOf(node: Json | PMNode): Src {
  if (node instanceof PMNode) {
    return {
      type: node.type.name,
      attrs: node.attrs,
      marks: node.marks.map((m) => ({ type: m.type.name, attrs: m.attrs })),
      text: node.isText ? (node.text ?? '') : undefined,
      kids: node.content.content,
    };
  }
  return {
    type: String(node.type),
    attrs: node.attrs,
    marks: Array.isArray(node.marks) ? (node.marks as Json[]) : [],
    text: typeof node.text === 'string' ? node.text : undefined,
    kids: Array.isArray(node.content) ? (node.content as Json[]) : [],
  };
}

const cache = new WeakMap<PMNode, Restored>();

function restoreMark(mark: Json, sign: boolean): Restored {
  const type = String(mark.type);
  if (type === PRESERVED_MARK) {
    const json = (isObj(mark.attrs) && isObj(mark.attrs.json) ? mark.attrs.json : {}) as Json;
    return { json, sig: hash('M' + JSON.stringify(json)) };
  }
  const keep = keepOf(mark.attrs);
  const plain = without(mark.attrs, KEEP);
  const attrsSig = Object.keys(plain).length ? JSON.stringify(plain) : '';
  const sig = hash(`m${type}|${attrsSig}`);
  if (keep && sign) keep.attrsSig = attrsSig;
  else if (keep && keep.attrsSig === attrsSig) return { json: keep.orig, sig };
  const json: Json = {};
  if (keep) extraKeys(keep.orig, MARK_KEYS, json);
  json.type = type;
  const attrs = keep ? mergedAttrs(plain, keep.orig) : plain;
  if (Object.keys(attrs).length) json.attrs = attrs;
  return { json, sig };
}

function restoreNode(input: Json | PMNode, sign: boolean): Restored {
  if (!sign && input instanceof PMNode) {
    const hit = cache.get(input);
    if (hit) return hit;
    const done = restoreSrc(srcOf(input), sign);
    cache.set(input, done);
    return done;
  }
  return restoreSrc(srcOf(input), sign);
}

function restoreSrc(node: Src, sign: boolean): Restored {
  const type = node.type;
  if (type === PRESERVED_BLOCK || type === PRESERVED_INLINE) {
    const json = (isObj(node.attrs) && isObj(node.attrs.json) ? node.attrs.json : {}) as Json;
    return { json, sig: hash('P' + JSON.stringify(json)) };
  }
  const marks = node.marks.map((m) => restoreMark(m, sign));
  if (type === 'text') {
    const text = node.text ?? '';
    const json: Json = { type, text };
    if (marks.length) json.marks = marks.map((m) => m.json);
    return { json, sig: hash(`t${text}|${marks.map((m) => m.sig).join(',')}`) };
  }
  const keep = keepOf(node.attrs);
  const plain = without(node.attrs, KEEP);
  const attrsSig = Object.keys(plain).length ? JSON.stringify(plain) : '';
  const kids = node.kids.map((c) => restoreNode(c, sign));
  const sig = hash(`n${type}|${attrsSig}|${marks.map((m) => m.sig).join(',')}|${kids.map((k) => k.sig).join(',')}`);
  if (keep && sign) {
    keep.sig = sig;
    keep.attrsSig = attrsSig;
  } else if (keep && keep.sig === sig) {
    return { json: keep.orig, sig };
  }
  // New or edited: today's form, with what the stored node carried beyond the editor put back.
  const json: Json = {};
  if (keep) extraKeys(keep.orig, NODE_KEYS, json);
  json.type = type;
  if (keep && keep.attrsSig === attrsSig) {
    if (keep.orig.attrs !== undefined) json.attrs = keep.orig.attrs;
  } else {
    const attrs = keep ? mergedAttrs(plain, keep.orig) : plain;
    if (Object.keys(attrs).length) json.attrs = attrs;
  }
  if (kids.length) json.content = kids.map((k) => k.json);
  if (marks.length) json.marks = marks.map((m) => m.json);
  return { json, sig };
}

/** The editor's document (`editor.state.doc`, or its JSON) back in stored form. */
export function restoreDoc(editorDoc: unknown): Json {
  if (editorDoc instanceof PMNode) return restoreNode(editorDoc, false).json;
  if (!isObj(editorDoc)) return { type: 'doc', content: [{ type: 'paragraph' }] };
  return restoreNode(editorDoc, false).json;
}

/** What the editor should load for a stored document, or why it must open read-only. */
export function prepareDoc(stored: unknown, schema: Schema): Prepared {
  const readOnly = (reason: UnsafeReason, content: Json | null = null): Prepared => {
    const text = salvageText(stored);
    // The read-only view shows at most the first 200,000 characters; copy and 另存为新笔记 take all.
    return { editable: false, reason, content: content ?? textParagraphs(text.slice(0, 200_000)), text };
  };
  let storedText: string;
  try {
    const size = measure(stored);
    if (size) return readOnly(size);
    storedText = JSON.stringify(stored);
    if (storedText === undefined) return readOnly('malformed');
    if (storedText.length > LIMITS.jsonChars) return readOnly('tooLarge');
  } catch {
    return readOnly('malformed');
  }
  if (!v.safeParse(DocSchema, stored).success || !isObj(stored)) return readOnly('malformed');
  const kids = stored.content;
  if (kids === undefined || (Array.isArray(kids) && kids.length === 0)) {
    // Nothing to keep: an empty note (the stored value stays until the user types).
    return { editable: true, content: { type: 'doc', content: [{ type: 'paragraph' }] }, blank: true };
  }
  let doc: PMNode;
  try {
    const wrapped = wrapKnown(schema, stored, schema.topNodeType, schema.topNodeType);
    doc = schema.nodeFromJSON(wrapped);
    doc.check();
  } catch (error) {
    if (error instanceof Misfit || error instanceof RangeError || error instanceof Unsafe) return readOnly('invalid');
    throw error;
  }
  // What the editor will hold; signing stores, in each stash, what "unchanged" looks like.
  const content = doc.toJSON() as Json;
  restoreNode(content, true);
  // The editor's own parse of `content` is idempotent (it is ProseMirror's output): check it as is.
  const back = restoreDoc(content);
  if (JSON.stringify(back) !== storedText) return readOnly('roundTrip', content);
  return { editable: true, content, blank: false };
}
