import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildTextMap } from '../../renderer/features/highlights/textMap';

function body(html: string) {
  const dom = new JSDOM(`<!doctype html><body><h1>标题不计入</h1><div id="b">${html}</div><p>正文之后</p></body>`);
  return dom.window.document.getElementById('b')!;
}

const HTML =
  '<p>第一段：<strong>学习</strong>贯彻。</p>\n  <h2>二、标题</h2><p>含<em>嵌套<b>强调</b></em>的第三段😀结束</p><ul><li>甲</li><li>乙</li></ul>';
const TEXT = ['第一段：学习贯彻。', '二、标题', '含嵌套强调的第三段😀结束', '甲乙'].join('\n');

describe('text map', () => {
  it('spells the stored text: block textContent joined by newlines, whitespace between blocks ignored', () => {
    const map = buildTextMap(body(HTML));
    expect(map.text).toBe(TEXT);
    expect(map.blockStarts).toEqual([0, 10, 15, 29]);
    expect(map.blockAt(12)).toBe(1);
    expect(map.blockAt(TEXT.length)).toBe(3);
  });

  it('round-trips every [start, end) inside and across blocks', () => {
    const root = body(HTML);
    const map = buildTextMap(root);
    for (let start = 0; start < TEXT.length; start++) {
      for (let end = start + 1; end <= TEXT.length; end++) {
        const range = map.offsetsToRange(start, end)!;
        expect(range).not.toBeNull();
        const expected = TEXT.slice(start, end).replace(/\n/g, '');
        // Range text also holds the markup's whitespace between blocks, which the stored text drops.
        expect(range.toString().replace(/\n */g, '')).toBe(expected);
        const back = map.rangeToOffsets(range);
        const trimmed = TEXT.slice(start, end).trim();
        if (!trimmed) expect(back).toBeNull();
        else expect(TEXT.slice(back!.start, back!.end)).toBe(trimmed);
      }
    }
  });

  it('maps element boundary points the way a browser selection gives them', () => {
    const root = body(HTML);
    const map = buildTextMap(root);
    const [p1, h2, p3] = [...root.children] as HTMLElement[];
    // Before the <strong> element, inside the first paragraph.
    expect(map.pointToOffset(p1!, 1)).toBe(4);
    // After the last child of the first paragraph: its end, not the next line.
    expect(map.pointToOffset(p1!, p1!.childNodes.length)).toBe(9);
    // The start of the heading, given as (root, index of h2).
    expect(map.pointToOffset(root, [...root.childNodes].indexOf(h2!))).toBe(10);
    // Inside nested inline elements.
    const strong = p3!.querySelector('b')!.firstChild!;
    expect(map.pointToOffset(strong, 1)).toBe(15 + 4);
    // Points outside the body clamp.
    const doc = root.ownerDocument;
    expect(map.pointToOffset(doc.querySelector('h1')!.firstChild!, 2)).toBe(0);
    expect(map.pointToOffset(doc.body, doc.body.childNodes.length)).toBe(TEXT.length);
    // A triple-click style range: whole paragraph up to the start of the next block.
    const r = doc.createRange();
    r.setStart(p1!, 0);
    r.setEnd(h2!, 0);
    expect(map.rangeToOffsets(r)).toEqual({ start: 0, end: 9 });
  });

  it('refuses empty and out-of-bounds spans', () => {
    const map = buildTextMap(body(HTML));
    expect(map.offsetsToRange(3, 3)).toBeNull();
    expect(map.offsetsToRange(-1, 2)).toBeNull();
    expect(map.offsetsToRange(0, TEXT.length + 1)).toBeNull();
  });

  // Speed is measured in the paint bench in Chromium (jsdom's own Range objects are slow, and a
  // timed assertion flakes on a loaded machine); here, that a long article maps correctly.
  it('maps a long article: every paragraph start, and points back to offsets', () => {
    const paragraphs = Array.from({ length: 2000 }, (_, i) => `<p>第${i}段<strong>重点</strong>内容，学习贯彻落实。</p>`);
    const root = body(paragraphs.join(''));
    const map = buildTextMap(root);
    expect(map.blockStarts).toHaveLength(2000);
    for (let i = 0; i < 2000; i += 97) {
      const at = map.blockStarts[i]! + 1;
      const range = map.offsetsToRange(at, at + 5)!;
      expect(map.rangeToOffsets(range)).toEqual({ start: at, end: at + 5 });
    }
  });
});
