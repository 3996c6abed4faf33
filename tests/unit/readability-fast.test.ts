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
});
