/**
 * The referee's Readability (readability-fast.ts) answers two of Readability's methods without
 * linkedom's slow paths. Its result must be Readability's own: on every English fixture page
 * (prepared as the referee prepares it) and on markup made for the cases the overrides handle
 * (templates, tag lists, style/hidden/aria-hidden visibility).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { repairRawText } from '../../main/services/extract/extract';
import { parseLightDocument, withoutRanges } from '../../main/services/extract/light-dom';
import { fastReadability } from '../../main/services/extract/readability-fast';
import { parseHtmlDocument } from '../../main/services/parsed-dom';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
type Doc = ConstructorParameters<typeof Readability>[0];

/** What the referee gives Readability: the page without its script and style text. */
function prepared(html: string): string {
  const source = repairRawText(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  return withoutRanges(source, parseLightDocument(source).rawTextRanges);
}

function result(Class: typeof Readability, html: string): string {
  try {
    return JSON.stringify(new Class(parseHtmlDocument(html) as unknown as Doc, { charThreshold: 200 }).parse());
  } catch (error) {
    return `error: ${String(error)}`;
  }
}

/** The two overridden methods, called directly. */
interface Internals {
  _getAllNodesWithTag(node: unknown, tags: string[]): ArrayLike<{ outerHTML: string }>;
  _isProbablyVisible(node: unknown): boolean;
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
  it('gives Readability’s own result on every English fixture page', () => {
    const Fast = fastReadability();
    const pages = englishPages();
    expect(pages.length).toBeGreaterThan(50);
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
    const fast = new (fastReadability())(doc as unknown as Doc) as unknown as Internals;
    const base = new Readability(doc as unknown as Doc) as unknown as Internals;
    const list = (r: Internals, node: unknown, tags: string[]) => Array.from(r._getAllNodesWithTag(node, tags), (e) => e.outerHTML);
    const div = doc.querySelector('#a')!;
    for (const [node, tags] of [
      [doc, ['p']],
      [doc, ['h1', 'h2', 'P']],
      [doc, ['template', 'title']],
      [div, ['p', 'section']],
      [doc, ['SVG', 'title']],
      [div, ['nothing']],
    ] as const) {
      const expected = list(base, node, [...tags]);
      expect(list(fast, node, [...tags])).toEqual(expected);
    }
    // The override ran (a plain array), not the original (linkedom's NodeList).
    expect(fast._getAllNodesWithTag(doc, ['p']).constructor).toBe(Array);
    expect(list(fast, doc, ['p'])).toHaveLength(3);
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
      const el = doc.body!.firstElementChild;
      const fast = new (fastReadability())(doc as unknown as Doc) as unknown as Internals;
      const base = new Readability(doc as unknown as Doc) as unknown as Internals;
      return [fast._isProbablyVisible(el), base._isProbablyVisible(el)];
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
});
