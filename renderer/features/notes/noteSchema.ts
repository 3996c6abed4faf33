/**
 * The note editor's extensions (one list for the editor and the tests), including the nodes and
 * mark that hold content this version does not know (see preserve.ts) and the `yanduKeep` stash.
 */
import { Extension, getSchema, Mark, Node, type Extensions } from '@tiptap/core';
import Highlight from '@tiptap/extension-highlight';
import { Placeholder } from '@tiptap/extensions';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import * as v from 'valibot';
import { messages } from '../../i18n/messages';
import { NodeSchema } from '../../core/notes/noteText';
import { KEEP, LIMITS, PRESERVED_BLOCK, PRESERVED_INLINE, PRESERVED_MARK, PRESERVED_TYPES, salvageText } from './preserve';

const t = messages.notes;

/** Pasted HTML is untrusted: only a well-formed node (or mark) is taken back, or saving would fail on it. */
function jsonAttr(raw: string | null, schema: v.GenericSchema<unknown> = NodeSchema): Record<string, unknown> | null {
  if (!raw || raw.length > LIMITS.jsonChars) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return v.is(schema, value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const PastedMark = v.looseObject({ type: v.pipe(v.string(), v.minLength(1)), attrs: v.optional(v.record(v.string(), v.unknown())) });

// Copy and paste inside the editor go through HTML: the stored JSON rides along in a data attribute.
const PreservedBlock = Node.create({
  name: PRESERVED_BLOCK,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,
  addAttributes() {
    return { json: { default: null, rendered: false } };
  },
  parseHTML() {
    return [
      {
        tag: 'div[data-preserved]',
        getAttrs: (el) => {
          const json = jsonAttr(el.getAttribute('data-preserved'));
          return json ? { json } : false;
        },
      },
    ];
  },
  renderHTML({ node }) {
    const json: unknown = node.attrs.json;
    return [
      'div',
      { class: 'note-preserved', 'data-preserved': JSON.stringify(json), 'data-testid': 'note-preserved' },
      ['span', { class: 'note-preserved-label' }, t.preservedBlock],
      ['span', { class: 'note-preserved-text' }, salvageText(json)],
    ];
  },
});

const PreservedInline = Node.create({
  name: PRESERVED_INLINE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  // Its stored marks are inside `json`; new ones would not be saved.
  marks: '',
  addAttributes() {
    return { json: { default: null, rendered: false } };
  },
  parseHTML() {
    return [
      {
        tag: 'span[data-preserved-inline]',
        getAttrs: (el) => {
          const json = jsonAttr(el.getAttribute('data-preserved-inline'));
          return json ? { json } : false;
        },
      },
    ];
  },
  renderHTML({ node }) {
    const json: unknown = node.attrs.json;
    return [
      'span',
      { class: 'note-preserved-inline', title: t.preservedInline, 'data-preserved-inline': JSON.stringify(json) },
      salvageText(json) || '◇',
    ];
  },
});

const PreservedMark = Mark.create({
  name: PRESERVED_MARK,
  // Several unknown marks may sit on the same text.
  excludes: '',
  inclusive: false,
  addAttributes() {
    return { json: { default: null, rendered: false } };
  },
  parseHTML() {
    return [
      {
        tag: 'span[data-preserved-mark]',
        getAttrs: (el) => {
          const json = jsonAttr(el.getAttribute('data-preserved-mark'), PastedMark);
          return json ? { json } : false;
        },
      },
    ];
  },
  renderHTML({ mark }) {
    return ['span', { class: 'note-preserved-mark', title: t.preservedInline, 'data-preserved-mark': JSON.stringify(mark.attrs.json) }, 0];
  },
});

/** The stash on every known node and mark; never rendered, never copied to a split-off node. */
const KeepStash = Extension.create({
  name: 'yanduKeepStash',
  addGlobalAttributes() {
    const types = this.extensions
      .filter((e) => (e.type === 'node' || e.type === 'mark') && e.name !== 'text' && !PRESERVED_TYPES.has(e.name))
      .map((e) => e.name);
    return [{ types, attributes: { [KEEP]: { default: null, rendered: false, keepOnSplit: false } } }];
  },
});

export function noteExtensions(placeholder: string = t.placeholder): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      link: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      underline: false,
      undoRedo: { depth: 200 },
    }),
    Highlight.configure({ multicolor: false }),
    Placeholder.configure({ placeholder }),
    PreservedBlock,
    PreservedInline,
    PreservedMark,
    KeepStash,
  ];
}

let shared: { extensions: Extensions; schema: Schema } | null = null;

/** One extension list and its schema for every editor (extension instances may be shared). */
export function noteEditorSetup(): { extensions: Extensions; schema: Schema } {
  if (!shared) {
    const extensions = noteExtensions();
    shared = { extensions, schema: getSchema(extensions) };
  }
  return shared;
}
