import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { hasHighlightApi, MarkSurface, paintFor, unwrapMarks, wrapMarks } from '../../renderer/features/highlights/paint';
import { buildTextMap } from '../../renderer/features/highlights/textMap';

const HTML =
  '<p>第一段：<strong>学习</strong>贯彻。</p>\n  <h2>二、标题</h2><p>含<em>嵌套<b>强调</b></em>的第三段😀结束</p><ul><li>甲</li><li>乙</li></ul>';

function setup() {
  const dom = new JSDOM(`<!doctype html><body><div id="b">${HTML}</div></body>`);
  const root = dom.window.document.getElementById('b')!;
  return { dom, root, map: buildTextMap(root) };
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Text of each mark group (entry + span index), as the e2e probe reads it. */
function marked(root: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const el of root.querySelectorAll<HTMLElement>('span.yandu-mark')) {
    const key = `${el.dataset.entry}#${el.dataset.range}`;
    // Only the text directly owned by this layer: nested marks are other layers over the same text.
    out[key] = (out[key] ?? '') + el.textContent;
  }
  return out;
}

describe('wrapped marks (no CSS Custom Highlight API)', () => {
  it('is what Node and jsdom get: no API there', () => {
    expect(hasHighlightApi()).toBe(false);
  });

  it('wraps overlapping spans across inline elements and blocks, and unwraps to the same DOM', () => {
    const { root, map } = setup();
    const before = root.innerHTML;
    const text = map.text;
    // 学习贯彻 (across <strong>), and 标题\n含嵌套 (across blocks) overlapped by 题\n含.
    const a = { start: text.indexOf('学习'), end: text.indexOf('。') };
    const b = { start: text.indexOf('标题'), end: text.indexOf('强调') };
    const c = { start: text.indexOf('题'), end: text.indexOf('含') + 1 };
    wrapMarks(root, [
      { span: a, layer: { name: 'x', index: 0, priority: 1, order: 0 } },
      { span: b, layer: { name: 'x', index: 1, priority: 1, order: 0 } },
      { span: c, layer: { name: 'y', index: 0, priority: 5, order: 1 } },
    ]);
    expect(marked(root)).toEqual({ 'x#0': '学习贯彻', 'x#1': '标题含嵌套', 'y#0': '题含' });
    // The higher priority sits inside the lower one where they overlap.
    const inner = root.querySelector<HTMLElement>('span.yandu-mark[data-entry="y"]')!;
    expect((inner.parentElement as HTMLElement).dataset.entry).toBe('x');
    // The same text, block for block.
    expect(buildTextMap(root).text).toBe(text);
    unwrapMarks(root);
    expect(root.innerHTML).toBe(before);
  });

  it('keeps every offset: a map built before the marks answers the same after them', async () => {
    const { root, map } = setup();
    const paint = paintFor(map);
    expect(paint.kind).toBe('marks');
    const expected: string[] = [];
    for (let s = 0; s < map.text.length; s++) expected.push(map.offsetsToRange(s, s + 1)?.toString() ?? '');
    const h = paint.create(map.offsetsToRange(2, 9)!, map.offsetsToRange(12, 20)!);
    h.priority = 2;
    paint.registry.set('yandu-personal-yellow-fill', h);
    await flush();
    expect(root.querySelectorAll('span.yandu-mark').length).toBeGreaterThan(0);
    for (let s = 0; s < map.text.length; s++) {
      const r = map.offsetsToRange(s, s + 1);
      expect(r?.toString() ?? '').toBe(expected[s]);
      if (r) expect(map.pointToOffset(r.startContainer, r.startOffset)).toBe(s);
    }
    expect(map.rangeToOffsets(map.offsetsToRange(3, 20)!)).toEqual({ start: 3, end: 20 });
    paint.registry.delete('yandu-personal-yellow-fill');
    await flush();
    expect(root.querySelector('span.yandu-mark')).toBeNull();
    expect(root.innerHTML).toBe(setup().root.innerHTML);
  });

  it('batches changes into one repaint and follows add/delete of single ranges', async () => {
    const { root, map } = setup();
    const surface = new MarkSurface(map);
    const h = surface.create();
    surface.set('yandu-find', h);
    const r1 = map.offsetsToRange(0, 3)!;
    const r2 = map.offsetsToRange(5, 7)!;
    h.add(r1);
    h.add(r2);
    expect(root.querySelector('span.yandu-mark')).toBeNull(); // not yet: one microtask later
    await flush();
    expect(marked(root)).toEqual({ 'yandu-find#0': map.text.slice(0, 3), 'yandu-find#1': map.text.slice(5, 7) });
    expect(h.delete(r1)).toBe(true);
    await flush();
    expect(marked(root)).toEqual({ 'yandu-find#0': map.text.slice(5, 7) });
  });

  it('carries the selection across a repaint by its offsets', async () => {
    const { dom, map } = setup();
    const sel = dom.window.document.getSelection()!;
    const r = map.offsetsToRange(4, 14)!;
    sel.removeAllRanges();
    sel.addRange(r);
    const surface = new MarkSurface(map);
    surface.set('yandu-personal-blue-fill', surface.create(map.offsetsToRange(6, 12)!));
    surface.repaint();
    const now = sel.getRangeAt(0);
    expect(map.rangeToOffsets(now)).toEqual({ start: 4, end: 14 });
  });

  it('never wraps text that sits directly in a list or table', () => {
    const dom = new JSDOM('<!doctype html><body><div id="b"><ul> <li>甲</li> <li>乙</li> </ul></div></body>');
    const root = dom.window.document.getElementById('b')!;
    const map = buildTextMap(root);
    wrapMarks(root, [{ span: { start: 0, end: map.text.length }, layer: { name: 'x', index: 0, priority: 1, order: 0 } }]);
    for (const el of root.querySelectorAll('span.yandu-mark')) expect(el.parentElement?.tagName).toBe('LI');
    expect(buildTextMap(root).text).toBe(map.text);
  });

  it('styles every ::highlight() entry the same way as a mark', () => {
    const css = (p: string) => readFileSync(new URL(`../../renderer/${p}`, import.meta.url), 'utf8');
    const rules = (src: string, re: RegExp) =>
      new Map([...src.matchAll(re)].map((m) => [m[1]!, m[2]!.replace(/\s+/g, ' ').trim()] as const));
    const native = rules(css('ui/styles.css') + css('features/search/search.css'), /::highlight\(([\w-]+)\)\s*\{([^}]*)\}/g);
    const marks = rules(css('features/highlights/marks.css'), /\.yandu-mark\[data-entry='([\w-]+)'\]\s*\{([^}]*)\}/g);
    expect(native.size).toBeGreaterThan(20);
    expect(marks).toEqual(native);
  });
});
