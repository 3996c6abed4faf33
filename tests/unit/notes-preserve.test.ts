// @vitest-environment jsdom
/**
 * Notes never vanish: content this version's editor does not know (unknown nodes, marks,
 * attributes and keys) survives load → edit → save, byte for byte where the user did not
 * touch it; what cannot be kept faithfully opens read-only.
 */
import { Editor, type JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveNote, docToText, isBlankDoc } from '../../renderer/core/notes/noteText';
import { noteEditorSetup } from '../../renderer/features/notes/noteSchema';
import { LIMITS, prepareDoc, restoreDoc, salvageText, type Json } from '../../renderer/features/notes/preserve';
import { cancelTypeAhead, startTypeAhead, takeTypeAhead, typeAheadActive } from '../../renderer/features/notes/typeAhead';

const { schema, extensions } = noteEditorSetup();

const text = (t: string, marks?: Json[]): Json => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const para = (...content: Json[]): Json => ({ type: 'paragraph', content });

const TABLE: Json = {
  type: 'table',
  attrs: { layout: 'fixed' },
  content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 1 }, content: [para(text('表格里的话'))] }] }],
};
const MENTION: Json = { type: 'mention', attrs: { id: 'u7', label: '张三' } };
const COMMENT: Json = { type: 'comment', attrs: { thread: 'c1', resolved: false } };

/** One of each shape this version does not know, alone and nested. */
const FOREIGN: Json = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2, id: 'h-1', textAlign: 'center' }, content: [text('一、总体要求')] },
    para(text('开头'), text('批注的话', [COMMENT, { type: 'bold' }]), text('，提到'), MENTION, text('同志')),
    TABLE,
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [para(text('要点甲'))] },
        {
          type: 'listItem',
          content: [
            para(text('要点乙'), { type: 'footnoteRef', attrs: { n: 1 } }),
            { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [para(text('细目', [COMMENT]))] }] },
            { type: 'callout', attrs: { tone: 'warn' }, content: [para(text('列表里的提示'))] },
          ],
        },
      ],
    },
    // Known mark with an attribute this version lacks; node with a key outside attrs.
    { type: 'paragraph', uid: 'p-9', content: [text('标记', [{ type: 'highlight', attrs: { color: null, author: '李四' } }])] },
    // What an older writer may leave: no attrs at all, unmerged text, an empty marks list.
    { type: 'orderedList', content: [{ type: 'listItem', content: [para(text('旧'), text('版'), text('本', []))] }] },
    para(text('最后一段')),
  ],
};

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function load(doc: unknown) {
  const prepared = prepareDoc(doc, schema);
  if (!prepared.editable) throw new Error(`read-only: ${prepared.reason}`);
  return prepared;
}

const editors: Editor[] = [];
function editorFor(doc: unknown): Editor {
  const prepared = load(doc);
  const editor = new Editor({ extensions, content: prepared.content as JSONContent, element: document.createElement('div') });
  editors.push(editor);
  return editor;
}
afterEach(() => {
  while (editors.length) editors.pop()!.destroy();
});

/** What the editor saves (from its ProseMirror document, as NoteEditor does), checked against the JSON path. */
function saved(editor: Editor): { content: Json[] } {
  const fromState = restoreDoc(editor.state.doc);
  expect(JSON.stringify(fromState)).toBe(JSON.stringify(restoreDoc(editor.getJSON())));
  return fromState as { content: Json[] };
}

/** Position just inside the end of the first textblock whose text includes `needle`. */
function endOf(editor: Editor, needle: string): number {
  let at = -1;
  editor.state.doc.descendants((node, pos) => {
    if (at < 0 && node.isTextblock && node.textContent.includes(needle)) at = pos + node.nodeSize - 1;
    return at < 0;
  });
  if (at < 0) throw new Error(`no block with ${needle}`);
  return at;
}

describe('unknown content round-trips', () => {
  it.each([
    ['an unknown block with children', { type: 'doc', content: [para(text('前')), TABLE, para(text('后'))] }],
    ['an unknown inline atom', { type: 'doc', content: [para(text('提到'), MENTION, text('同志'))] }],
    ['an unknown mark on text', { type: 'doc', content: [para(text('批注', [COMMENT]), text('正文'))] }],
    [
      'unknown parts nested in lists',
      {
        type: 'doc',
        content: [
          {
            type: 'bulletList',
            content: [
              { type: 'listItem', content: [para(text('甲'), MENTION), { type: 'callout', content: [para(text('乙', [COMMENT]))] }] },
            ],
          },
        ],
      },
    ],
    [
      'unknown attributes and keys on known nodes and marks',
      {
        type: 'doc',
        attrs: { version: 9 },
        content: [
          { type: 'heading', attrs: { level: 3, id: 'x' }, content: [text('标题')] },
          { type: 'paragraph', uid: 7, content: [text('字', [{ type: 'bold', attrs: { weight: 900 } }])] },
        ],
      },
    ],
    ['all of them together', FOREIGN],
  ])('%s: load then save gives the stored JSON back exactly', (_name, doc) => {
    const stored = clone(doc);
    const prepared = load(stored);
    expect(JSON.stringify(restoreDoc(schema.nodeFromJSON(prepared.content).toJSON()))).toBe(JSON.stringify(doc));
    // Through a real editor too, untouched.
    const editor = editorFor(stored);
    expect(JSON.stringify(saved(editor))).toBe(JSON.stringify(doc));
  });

  it('derived text and 字 include what is kept', () => {
    const lines = docToText(FOREIGN).split('\n');
    expect(lines).toContain('表格里的话');
    expect(lines).toContain('开头批注的话，提到同志');
    expect(lines).toContain('列表里的提示');
    expect(deriveNote(FOREIGN).text).toContain('细目');
    expect(salvageText(TABLE)).toBe('表格里的话');
  });
});

describe('editing a note with unknown content', () => {
  it('a keystroke keeps every unknown part and adds only the new text', () => {
    const editor = editorFor(clone(FOREIGN));
    editor.chain().setTextSelection(endOf(editor, '最后一段')).insertContent('，补充').run();
    const out = saved(editor);
    const before = FOREIGN.content as Json[];
    // Untouched blocks are the stored JSON, byte for byte; the edited one has the new text.
    for (let i = 0; i < before.length - 1; i++) expect(JSON.stringify(out.content[i])).toBe(JSON.stringify(before[i]));
    expect(out.content[before.length - 1]).toEqual(para(text('最后一段，补充')));
    expect(out.content).toHaveLength(before.length);
  });

  it('editing inside a block with unknown parts keeps them in that block', () => {
    const editor = editorFor(clone(FOREIGN));
    editor.chain().setTextSelection(endOf(editor, '开头')).insertContent('！').run();
    const out = saved(editor);
    const edited = out.content[1]!;
    expect(JSON.stringify(edited)).toContain(JSON.stringify(MENTION));
    expect(JSON.stringify(edited)).toContain(JSON.stringify(COMMENT));
    expect(docToText(out).split('\n')).toContain('开头批注的话，提到同志！');
    // The edited list item's neighbours and the list's unknown callout stay as stored.
    const list = out.content[3]!;
    expect(JSON.stringify(list)).toBe(JSON.stringify((FOREIGN.content as Json[])[3]));
  });

  it('an edit deep in a list keeps the unknown siblings in that list', () => {
    const editor = editorFor(clone(FOREIGN));
    editor.chain().setTextSelection(endOf(editor, '要点乙')).insertContent('（改）').run();
    const out = saved(editor);
    const list = JSON.stringify(out.content[3]);
    expect(docToText(out).split('\n')).toContain('要点乙（改）');
    expect(list).toContain(JSON.stringify({ type: 'footnoteRef', attrs: { n: 1 } }));
    expect(list).toContain(JSON.stringify({ type: 'callout', attrs: { tone: 'warn' }, content: [para(text('列表里的提示'))] }));
    expect(list).toContain(JSON.stringify({ type: 'listItem', content: [para(text('细目', [COMMENT]))] }));
  });

  it('deleting text drops only what was deleted', () => {
    const editor = editorFor(clone(FOREIGN));
    // Delete "提到" between the comment-marked text and the mention.
    const end = endOf(editor, '开头');
    let from = -1;
    editor.state.doc.nodesBetween(0, end, (node, pos) => {
      if (node.isText && node.text === '，提到') from = pos + 1;
    });
    editor
      .chain()
      .deleteRange({ from, to: from + 2 })
      .run();
    const out = saved(editor);
    expect(docToText(out).split('\n')).toContain('开头批注的话，同志');
    const edited = JSON.stringify(out.content[1]);
    expect(edited).toContain(JSON.stringify(MENTION));
    expect(edited).toContain(JSON.stringify(COMMENT));
    expect(out.content.filter((_, i) => i !== 1).map((n) => JSON.stringify(n))).toEqual(
      (FOREIGN.content as Json[]).filter((_, i) => i !== 1).map((n) => JSON.stringify(n)),
    );
  });

  it('deleting a kept block drops it, and only it', () => {
    const editor = editorFor(clone(FOREIGN));
    let pos = -1;
    editor.state.doc.forEach((node, offset) => {
      if (node.type.name === 'preservedBlock') pos = offset;
    });
    editor.chain().setNodeSelection(pos).deleteSelection().run();
    const out = saved(editor);
    expect(out.content.map((n) => JSON.stringify(n))).toEqual(
      (FOREIGN.content as Json[]).filter((n) => n !== TABLE).map((n) => JSON.stringify(n)),
    );
  });

  it('an edited node keeps its unknown attributes and keys', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2, id: 'h-1' }, content: [text('标题')] },
        {
          type: 'paragraph',
          uid: 'p-9',
          attrs: { indent: 2 },
          content: [text('正文', [{ type: 'highlight', attrs: { color: null, author: '李四' } }])],
        },
      ],
    };
    const editor = editorFor(clone(doc));
    editor.chain().setTextSelection(endOf(editor, '标题')).toggleHeading({ level: 3 }).run();
    editor.chain().setTextSelection(endOf(editor, '正文')).insertContent('多').run();
    const out = saved(editor);
    // The heading became a level-3 heading: a new node, so its old id goes with the old node.
    expect(out.content[0]).toMatchObject({ type: 'heading', attrs: { level: 3 } });
    expect(out.content[1]).toMatchObject({ type: 'paragraph', uid: 'p-9', attrs: { indent: 2 } });
    expect(JSON.stringify(out.content[1])).toContain('"author":"李四"');
    expect(docToText(out)).toBe('标题\n正文多');
  });

  it('undo brings back the stored bytes', () => {
    const editor = editorFor(clone(FOREIGN));
    editor.chain().setTextSelection(endOf(editor, '旧版本')).insertContent('X').run();
    expect(JSON.stringify(saved(editor))).not.toBe(JSON.stringify(FOREIGN));
    editor.commands.undo();
    expect(JSON.stringify(saved(editor))).toBe(JSON.stringify(FOREIGN));
  });
});

describe('copy and paste', () => {
  it('a kept block pasted as HTML comes back as the stored JSON; a forged one is not taken', () => {
    const editor = editorFor({ type: 'doc', content: [para(text('正文'))] });
    const attr = (value: unknown) => JSON.stringify(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    editor
      .chain()
      .setTextSelection(endOf(editor, '正文'))
      .insertContent(`<div data-preserved="${attr(TABLE)}"></div>`)
      .run();
    expect(JSON.stringify(saved(editor).content)).toContain(JSON.stringify(TABLE));
    const forged = { type: 'table', content: 'not a list' };
    editor.commands.insertContent(`<div data-preserved="${attr(forged)}">伪造</div>`);
    expect(JSON.stringify(saved(editor))).not.toContain('not a list');
  });
});

describe('what cannot be kept faithfully opens read-only', () => {
  it.each([
    ['not a document', { type: 'paragraph', content: [text('孤立段落')] }, 'malformed', '孤立段落'],
    ['plain text', '只是文字', 'malformed', '只是文字'],
    [
      'a document stored as a JSON string',
      JSON.stringify({ type: 'doc', content: [para(text('字符串里的笔记'))] }),
      'malformed',
      '字符串里的笔记',
    ],
    ['a broken node', { type: 'doc', content: [{ text: '没有类型' }] }, 'malformed', '没有类型'],
    ['the same mark twice', { type: 'doc', content: [para(text('重复', [{ type: 'bold' }, { type: 'bold' }]))] }, 'invalid', '重复'],
  ])('%s', (_name, doc, reason, salvaged) => {
    const prepared = prepareDoc(doc, schema);
    expect(prepared.editable).toBe(false);
    if (prepared.editable) return;
    expect(prepared.reason).toBe(reason);
    expect(prepared.text).toBe(salvaged);
  });

  it('a huge or deeply nested document', () => {
    let deep: Json = para(text('底'));
    for (let i = 0; i < LIMITS.depth; i++) deep = { type: 'blockquote', content: [deep] };
    const tooDeep = prepareDoc({ type: 'doc', content: [deep] }, schema);
    expect(tooDeep).toMatchObject({ editable: false, reason: 'tooLarge' });
    const many = { type: 'doc', content: Array.from({ length: LIMITS.nodes / 2 }, (_, i) => para(text(`第${i}段`))) };
    const tooMany = prepareDoc(many, schema);
    expect(tooMany).toMatchObject({ editable: false, reason: 'tooLarge' });
    if (!tooMany.editable) expect(tooMany.text.startsWith('第0段\n第1段')).toBe(true);
  });

  it('an empty document loads as an empty editable note', () => {
    expect(prepareDoc({ type: 'doc' }, schema)).toMatchObject({ editable: true, blank: true });
    expect(isBlankDoc({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe(true);
    expect(isBlankDoc({ type: 'doc', content: [{ type: 'image', attrs: { src: 'a.png' } }] })).toBe(false);
  });
});

describe('typing while a note opens', () => {
  it('catches keys until the editor takes them, then leaves nothing behind', () => {
    const button = document.createElement('button');
    document.body.appendChild(button);
    button.focus();
    startTypeAhead();
    const catcher = document.activeElement as HTMLTextAreaElement;
    expect(catcher.tagName).toBe('TEXTAREA');
    expect(typeAheadActive()).toBe(true);
    catcher.value = '先打的字\n第二行';
    // A second opener while one is pending reuses the same catcher.
    startTypeAhead();
    expect(document.activeElement).toBe(catcher);
    expect(takeTypeAhead()).toBe('先打的字\n第二行');
    expect(catcher.isConnected).toBe(false);
    expect(typeAheadActive()).toBe(false);
    expect(takeTypeAhead()).toBe('');
  });

  it('gives focus back when opening fails', () => {
    const input = document.createElement('input');
    document.body.appendChild(input);
    input.focus();
    startTypeAhead();
    expect(document.activeElement).not.toBe(input);
    expect(cancelTypeAhead()).toBe('');
    expect(document.activeElement).toBe(input);
  });
});
