/**
 * Notes that keep unknown content (renderer/features/notes/preserve.ts): on a generated note of
 * about 100,000 字 (headings, paragraphs with marks, lists, and one unknown node or mark in ten
 * blocks), the one-off cost of preparing it for the editor, and the per-change cost of turning
 * the editor's JSON back into the stored form (run on every keystroke's autosave draft).
 * Prints medians: `notes_prepare_ms` (once per opening), `notes_restore_ms` (target ≤ 16 ms, one frame;
 * the stored JSON is also stringified once per save, `notes_restore_json_ms` for comparison).
 */
import { noteEditorSetup } from '../../renderer/features/notes/noteSchema';
import { prepareDoc, restoreDoc, type Json } from '../../renderer/features/notes/preserve';

const WORDS = '坚持以学铸魂以学增智以学正风以学促干推动学习贯彻走深走实全面从严治党永远在路上'.split('');

function generate(blocks: number): Json {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join('');
  const para = (): Json => ({
    type: 'paragraph',
    content: [
      { type: 'text', text: words(60) },
      { type: 'text', text: words(20), marks: rand() < 0.1 ? [{ type: 'comment', attrs: { id: 'c' } }] : [{ type: 'bold' }] },
      { type: 'text', text: words(70) },
    ],
  });
  const content: Json[] = [];
  for (let i = 0; i < blocks; i++) {
    if (i % 50 === 0) content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: words(12) }] });
    else if (i % 10 === 3)
      content.push({ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [para()] }] }] });
    else if (i % 10 === 7)
      content.push({
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [para()] },
          { type: 'listItem', content: [para()] },
        ],
      });
    else content.push(para());
  }
  return { type: 'doc', content };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function benchNotes(): Record<string, number> {
  const { schema } = noteEditorSetup();
  const stored = generate(650);
  const prepareTimes: number[] = [];
  let content: Json | null = null;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const prepared = prepareDoc(stored, schema);
    prepareTimes.push(performance.now() - started);
    if (!prepared.editable) throw new Error(`bench note opened read-only: ${prepared.reason}`);
    content = prepared.content;
  }
  // An edit in the middle: what the editor's getJSON gives after one keystroke.
  let doc = schema.nodeFromJSON(content!);
  const mid = doc.content.size >> 1;
  const restoreTimes: number[] = [];
  const jsonTimes: number[] = [];
  let zi = 0;
  for (let i = 0; i < 20; i++) {
    doc = doc.replace(
      mid,
      mid,
      schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '字' }] }] }).slice(1, 2),
    );
    const started = performance.now();
    // As the editor does: from its ProseMirror document (unchanged subtrees are cached).
    const back = restoreDoc(doc);
    restoreTimes.push(performance.now() - started);
    const jsonStarted = performance.now();
    restoreDoc(doc.toJSON());
    jsonTimes.push(performance.now() - jsonStarted);
    zi = JSON.stringify(back).length;
  }
  return {
    notes_stored_json_chars: JSON.stringify(stored).length,
    notes_prepare_ms: Number(median(prepareTimes).toFixed(2)),
    notes_restore_ms: Number(median(restoreTimes).toFixed(2)),
    notes_restore_json_ms: Number(median(jsonTimes).toFixed(2)),
    notes_restored_json_chars: zi,
  };
}
