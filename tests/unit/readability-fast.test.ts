/**
 * The referee's Readability (readability-fast.ts) runs on readability-dom.ts's document and
 * answers some of Readability's methods for less. Its result must be Readability's own on
 * linkedom: on every English fixture page (prepared as the referee prepares it) and on markup
 * made for the cases the overrides handle (templates, tag lists, style/hidden/aria-hidden
 * visibility, white space, link density).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { repairRawText } from '../../main/services/extract/extract';
import { parseLightDocument, withoutRanges } from '../../main/services/extract/light-dom';
import { parseReadabilityDocument } from '../../main/services/extract/readability-dom';
import { fastReadability } from '../../main/services/extract/readability-fast';
import { parseHtmlDocument } from '../../main/services/parsed-dom';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
type Doc = ConstructorParameters<typeof Readability>[0];

/** What the referee gives Readability: the page without its script and style text. */
function prepared(html: string): string {
  const source = repairRawText(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  return withoutRanges(source, parseLightDocument(source).rawTextRanges);
}

/** Readability's own on linkedom (the reference), or the referee's on readability-dom.ts. */
function result(Class: typeof Readability, html: string): string {
  const parse = Class === Readability ? parseHtmlDocument : parseReadabilityDocument;
  try {
    return JSON.stringify(new Class(parse(html) as unknown as Doc, { charThreshold: 200 }).parse());
  } catch (error) {
    return `error: ${String(error)}`;
  }
}

/** The overridden methods, called directly. */
interface Internals {
  _getAllNodesWithTag(node: unknown, tags: string[]): ArrayLike<{ tagName: string; textContent: string }>;
  _isProbablyVisible(node: unknown): boolean;
  _getInnerText(node: unknown, normalizeSpaces?: boolean): string;
  _isElementWithoutContent(node: unknown): boolean;
  _getLinkDensity(node: unknown): number;
}

/**
 * Each element of a made page in both documents (`els` linkedom's, `ours` readability-dom's, in
 * the same order), with Readability on linkedom's and the referee's on ours.
 */
function elementsOf(body: string): { els: Element[]; ours: Element[]; fast: Internals; base: Internals } {
  const html = `<!doctype html><html><head></head><body>${body}</body></html>`;
  const doc = parseHtmlDocument(html);
  const mine = parseReadabilityDocument(html);
  const els = Array.from(doc.body!.querySelectorAll('*')) as unknown as Element[];
  const ours = mine.body.querySelectorAll('*') as unknown as Element[];
  expect(ours.map((e) => e.tagName)).toEqual(els.map((e) => e.tagName));
  return {
    els,
    ours,
    fast: new (fastReadability())(mine as unknown as Doc) as unknown as Internals,
    base: new Readability(doc as unknown as Doc) as unknown as Internals,
  };
}

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- both DOMs' nodes, changed alike */
type AnyNode = any;

/** Makes reading an element's whole textContent throw: the override must not need it. */
function withoutTextContent(el: object): void {
  Object.defineProperty(el, 'textContent', {
    get() {
      throw new Error('textContent read');
    },
  });
}

const englishPages = (): { name: string; html: string }[] =>
  readdirSync(FIXTURES)
    .filter((d) => d.startsWith('extract-en'))
    .flatMap((d) =>
      readdirSync(path.join(FIXTURES, d))
        .filter((f) => f.endsWith('.html'))
        .sort()
        .map((f) => ({ name: `${d}/${f}`, html: readFileSync(path.join(FIXTURES, d, f), 'utf8') })),
    );

describe('fastReadability', () => {
  // One test per fixture folder: the whole set at once outgrew the default time limit on a busy machine.
  const folders = [...new Set(englishPages().map((p) => p.name.split('/')[0]!))];
  it('has the English fixture pages to compare on', () => {
    expect(englishPages().length).toBeGreaterThan(50);
  });
  it.each(folders)('gives Readability’s own result on every page of %s', (folder) => {
    const Fast = fastReadability();
    const pages = englishPages().filter((p) => p.name.startsWith(`${folder}/`));
    expect(pages.length).toBeGreaterThan(0);
    const differ = pages.filter((p) => {
      const html = prepared(p.html);
      return result(Readability, html) !== result(Fast, html);
    });
    expect(differ.map((p) => p.name)).toEqual([]);
  });

  it('lists tags as querySelectorAll does: document order, not inside a template, any case', () => {
    const html = `<!doctype html><html><head><title>t</title></head><body>
      <div id="a"><P>one</P><template><p>hidden</p><h2>no</h2></template><h2>two</h2>
      <svg><title>icon</title><p>in svg</p></svg><section><h1>three</h1><p>four</p></section></div></body></html>`;
    const doc = parseHtmlDocument(html);
    const mine = parseReadabilityDocument(html);
    // The override walks the tree itself, without building a selector for querySelectorAll.
    mine.querySelectorAll = () => {
      throw new Error('querySelectorAll called');
    };
    const fast = new (fastReadability())(mine as unknown as Doc) as unknown as Internals;
    const base = new Readability(doc as unknown as Doc) as unknown as Internals;
    const list = (r: Internals, node: unknown, tags: string[]) =>
      Array.from(r._getAllNodesWithTag(node, tags), (e) => `${e.tagName}:${e.textContent}`);
    const div = doc.querySelector('#a')!;
    const ourDiv = mine.body.firstElementChild!;
    for (const [node, ourNode, tags] of [
      [doc, mine, ['p']],
      [doc, mine, ['h1', 'h2', 'P']],
      [doc, mine, ['template', 'title']],
      [div, ourDiv, ['p', 'section']],
      [doc, mine, ['SVG', 'title']],
      [div, ourDiv, ['nothing']],
    ] as const) {
      expect(list(fast, ourNode, [...tags])).toEqual(list(base, node, [...tags]));
    }
    expect(list(fast, mine, ['p'])).toEqual(['P:one', 'P:in svg', 'P:four']);
  });

  it('judges visibility as Readability does', () => {
    const cases = [
      '<div>plain</div>',
      '<div style="display:none">x</div>',
      '<div style="color: red; display : none ;">x</div>',
      '<div style="visibility:hidden">x</div>',
      '<div style="">x</div>',
      '<div hidden>x</div>',
      '<div aria-hidden="true">x</div>',
      '<div aria-hidden="false">x</div>',
      '<div aria-hidden="true" class="mwe-math-fallback-image-inline">x</div>',
      '<div aria-hidden="true" class="">x</div>',
    ];
    const answers = cases.map((c) => {
      const doc = parseHtmlDocument(`<html><body>${c}</body></html>`);
      const mine = parseReadabilityDocument(`<html><body>${c}</body></html>`);
      const fast = new (fastReadability())(mine as unknown as Doc) as unknown as Internals;
      const base = new Readability(doc as unknown as Doc) as unknown as Internals;
      return [fast._isProbablyVisible(mine.body.firstElementChild), base._isProbablyVisible(doc.body!.firstElementChild)];
    });
    for (const [fast, base] of answers) expect(fast).toBe(base);
    expect(answers.map(([, base]) => base)).toEqual([true, false, false, false, true, false, '', true, true, '']);
  });

  it('keeps URLs and rewrites javascript: links as Readability does, with and without a usable base', () => {
    const article = (head: string) => `<!doctype html><html><head><title>Rivers of the north</title>${head}</head><body><article>
      <h1>Rivers of the north</h1>
      <p>${'The river rises in the hills and runs north through three valleys before it meets the sea. '.repeat(4)}
        <a href="notes/source.html">our notes</a>, <a href="#map">the map</a>, <a href="https://example.org/a?b=1">a survey</a>,
        <a href="javascript:void(0)">a dead link</a> and <a href="javascript:open()"><b>a bold</b> dead link</a>.</p>
      <p>${'Fishing villages line its lower reaches, where the water slows and widens into marsh. '.repeat(4)}
        <img src="img/river.jpg" srcset="img/river-2x.jpg 2x, img/river-3x.jpg 3x"><video poster="img/poster.jpg" src="v.mp4"></video></p>
    </article></body></html>`;
    const Fast = fastReadability();
    const heads = ['', '<base href="/relative/">', '<base>', '<base href="https://example.org/dir/">'];
    const results = heads.map((h) => {
      const html = article(h);
      const fast = result(Fast, html);
      expect(fast).toBe(result(Readability, html));
      return fast;
    });
    // Without a usable base every URL stays as written; javascript: links became text or a span.
    expect(results[0]).toContain('href=\\"notes/source.html\\"');
    expect(results[0]).toContain('srcset=\\"img/river-2x.jpg 2x, img/river-3x.jpg 3x\\"');
    expect(results[0]).not.toContain('javascript:');
    expect(results[0]).toContain('<span><b>a bold</b> dead link</span>');
    expect(results[1]).toContain('href=\\"notes/source.html\\"');
    // With an absolute base Readability's own method ran and resolved them.
    expect(results[3]).toContain('href=\\"https://example.org/dir/notes/source.html\\"');
  });

  // White space as `trim` and `\s` know it (no-break, ideographic, BOM), comments (not text),
  // templates, nested and empty elements, br/hr only.
  const SPACES = `<div id="w1">  \n\t </div><div id="w2">&nbsp;\u3000\ufeff<span> </span></div>
    <div id="w3"><!-- a comment --> <br><hr></div><div id="w4"><template>in a template</template></div>
    <section id="w5"><div><p>  deep   text  </p></div></section><h2 id="w6"> <b></b>x </h2>
    <div id="w7"><img src="a.png"> </div><div id="w8">\u200b</div><header id="w9"><br> <i> </i></header>`;

  it('reads text as Readability does: trimmed, spaces normalised unless asked not to', () => {
    const { els, ours, fast, base } = elementsOf(SPACES + '<p id="t1">  one  two\n\nthree <a href="#">four</a>  </p>');
    expect(els.length).toBeGreaterThan(10);
    els.forEach((el, i) => {
      for (const normalise of [undefined, true, false])
        expect(fast._getInnerText(ours[i], normalise)).toBe(base._getInnerText(el, normalise));
    });
    const t1 = els.findIndex((e) => e.id === 't1');
    expect(fast._getInnerText(ours[t1])).toBe('one two three four');
    expect(fast._getInnerText(ours[t1], false)).toBe('one  two\n\nthree four');
  });

  it('reads text again after every kind of change below an element, as Readability on linkedom does', () => {
    const { els, ours, fast, base } = elementsOf(`
      <div id="o"><section id="s1"><p id="p1">first <b id="b1">bold</b> words</p><p id="p2">second  one</p></section>
      <section id="s2"><p id="p3">third</p></section></div>`);
    const at = (list: Element[], id: string): AnyNode => list[els.findIndex((e) => e.id === id)] as unknown as AnyNode;
    /** Every element's text in both, asked twice (the second read may come from what was kept). */
    const agree = (): void => {
      for (let round = 0; round < 2; round++)
        els.forEach((el, i) => {
          for (const normalise of [undefined, false])
            expect(fast._getInnerText(ours[i], normalise)).toBe(base._getInnerText(el, normalise));
        });
    };
    const inBoth = (change: (list: Element[]) => void): void => {
      change(els);
      change(ours);
      agree();
    };
    agree();
    const before = fast._getInnerText(at(ours, 'o'));
    // A text node's own text, deep below the outer element.
    inBoth((l) => (at(l, 'b1').firstChild.textContent = 'heavy'));
    expect(fast._getInnerText(at(ours, 'o'))).not.toBe(before);
    inBoth((l) => at(l, 'p2').remove());
    inBoth((l) => at(l, 'p1').appendChild(at(l, 'p3').ownerDocument.createTextNode(' added')));
    inBoth((l) => at(l, 's1').insertBefore(at(l, 'p3'), at(l, 'p1'))); // moved out of s2
    inBoth((l) => at(l, 's2').appendChild(at(l, 'b1'))); // and a node moved the other way
    inBoth((l) => at(l, 'p1').replaceChild(at(l, 'p1').ownerDocument.createTextNode('replaced'), at(l, 'p1').firstChild));
    inBoth((l) => (at(l, 'p3').textContent = 'new  text'));
    inBoth((l) => (at(l, 's2').innerHTML = '<p>from <i>markup</i></p>'));
    inBoth((l) => (at(l, 'p3').textContent = ''));
    expect(fast._getInnerText(at(ours, 'o'))).toBe('replaced words added from markup');
  });

  it('finds elements without content as Readability does', () => {
    const { els, ours, fast, base } = elementsOf(SPACES);
    const answers = els.map((el, i) => [el.id || el.localName, fast._isElementWithoutContent(ours[i]), base._isElementWithoutContent(el)]);
    for (const [, f, b] of answers) expect(f).toBe(b);
    const empty = answers.filter(([id, , b]) => b && String(id).startsWith('w')).map(([id]) => id);
    // w2 and w9 hold only white space but other elements than br/hr; w8 a zero-width space,
    // which `trim` keeps; w7 an image.
    expect(empty.filter((id) => id !== 'w4')).toEqual(['w1', 'w3']);
    // With text below, the override answers without joining the element's text.
    const deep = ours[els.findIndex((e) => e.id === 'w5')]!;
    withoutTextContent(deep);
    expect(fast._isElementWithoutContent(deep)).toBe(false);
  });

  it('measures link density as Readability does: hash links count 0.3, nested links each count', () => {
    const { els, ours, fast, base } = elementsOf(`
      <div id="d1">Some words before <a href="/x">a link</a> and <a href="#top">a hash link</a> after.</div>
      <div id="d2"><a href="/only">only a link</a></div><div id="d3">  </div>
      <div id="d4">text <a>no href</a> <a href="#">bare hash</a> <a href="/a">outer <a href="/b">inner</a></a></div>
      <ul id="d5"><li><a href="/1">one</a></li><li>two, three and four</li><template><a href="/t">in a template</a></template></ul>`);
    const densities = els.map((el, i) => [fast._getLinkDensity(ours[i]), base._getLinkDensity(el)]);
    for (const [f, b] of densities) expect(f).toBe(b);
    const d1 = els.find((e) => e.id === 'd1')!;
    expect(base._getLinkDensity(d1)).toBeCloseTo((6 + 0.3 * 11) / 'Some words before a link and a hash link after.'.length, 10);
    expect(base._getLinkDensity(els.find((e) => e.id === 'd3'))).toBe(0);
  });
});
