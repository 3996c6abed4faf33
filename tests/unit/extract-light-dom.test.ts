/**
 * The extractor's light DOM (main/services/extract/light-dom.ts) must hold the tree linkedom
 * holds: same elements, attributes as read back, text, and the same answers to the selectors
 * the extractor asks, on every fixture page and on hostile markup.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../main/services/extract/decode';
import { repairRawText } from '../../main/services/extract/extract';
import { parseLightDocument } from '../../main/services/extract/light-dom';
import { parseHtmlDocument, type Document, type Element, type Node } from '../../main/services/parsed-dom';
import { loadFixtures } from '../fixtures/extract/helpers';

/** Elements with their attributes and merged text, comments left out (the light DOM drops them). */
function dump(doc: Document): string[] {
  const out: string[] = [];
  let text = '';
  const visit = (n: Node, depth: number): void => {
    if (n.nodeType === 3) {
      text += (n as unknown as { data: string }).data;
      return;
    }
    if (n.nodeType !== 1) return;
    if (text) out.push(`text ${JSON.stringify(text)}`);
    text = '';
    const el = n as Element;
    const attrs = Array.from(el.attributes).map((a) => `${a.name}=${JSON.stringify(el.getAttribute(a.name))}`);
    out.push(`${depth} <${el.localName} ${attrs.join(' ')}> class=${JSON.stringify(el.getAttribute('class'))}`);
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c, depth + 1);
    if (text) out.push(`text ${JSON.stringify(text)}`);
    text = '';
    out.push(`${depth} </${el.localName}>`);
  };
  for (const c of Array.from(doc.childNodes)) visit(c, 0);
  return out;
}

const SELECTORS = [
  'meta',
  'title',
  'body',
  'base[href]',
  'a[href]',
  'script[type="application/ld+json"]',
  '#js_name, .profile_nickname',
  '#js_author_name',
  '[class*=source],[class*=laiyuan],[class*=media],[class=ly],[id*=source],[id=ly]',
  '.v_news_content, #vsb_content, .article, .content, #zoom',
  '*',
  'div p',
  'ul > li',
  'table td a',
  '[id^=con]',
  'a[href$=".docx"]',
  'meta[http-equiv=content-type]',
  'div.content > p',
  '[lang|=zh]',
  '[class~=main]',
];

function answers(doc: Document): Record<string, string[]> {
  const path = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      let i = 0;
      for (let s = e.previousElementSibling; s; s = s.previousElementSibling) i++;
      parts.push(`${e.localName}${i}`);
    }
    return parts.reverse().join('/');
  };
  const out: Record<string, string[]> = {};
  for (const sel of SELECTORS) out[sel] = Array.from(doc.querySelectorAll(sel)).map(path);
  const body = doc.querySelector('body');
  out.bodyText = [body?.textContent ?? '(none)'];
  out.first = [doc.querySelector('p, li')?.textContent ?? '(none)'];
  const heading = doc.querySelector('h1, h2');
  if (heading) out.headingDescendants = Array.from(heading.querySelectorAll('*')).map(path);
  return out;
}

const HOSTILE = [
  '<html><head><title>t &amp; <b>x</b></title></head><body><p>one<p>two<div>three</div></body></html>',
  '<html><body><table><tr><td>cell<td>cell2</table><font>x</body></html>',
  '<html><body><P CLASS="a  b a" Id=X>upper</P><div class="\u00a0c\u3000d" class="e">dup</div></body></html>',
  '<html><body>before<!-- a comment -->after &lt;&#x4e2d;&nbsp;</br>x</p>y</body></html>',
  '<html><body><svg><title>svg title</title><path d="M0"/></svg><template><p>in template</p><template><p class="x">nested</p></template></template><p id="y">after</p></body></html>',
  '<html><head><meta NAME="description" content="upper"><META name="keywords" CONTENT="k"></head><div>no body tag</div></html>',
  '<html><body><form name="_newscontent_fromname"><div class="v_news_content"><p>正文</p></div></form></body></html><p>after html</p>',
  '<div>fragment only<ul><li>a<li>b</ul></div>',
  '<html><body><script>var s = "<p>not a tag</p>";</script><style>p{}</style><p>x</p></body></html>',
  '<meta charset="gbk"><html><body><a href="/f.docx" class="source media">附件.docx</a><span id="ly">来源</span></body></html>',
  '<html><body><h1><span>原创</span>标题<em>x</em></h1><div id="content-1" lang="zh-CN"><p>a</p></div></body></html>',
  '<html><body><div><div><div><p>deep</div></div></div><li>orphan</li><select><option>o</select></body></html>',
];

describe('light DOM matches linkedom', () => {
  const pages = [
    ...loadFixtures().map((f) => ({ name: f.name, html: repairRawText(decodeHtml(f.bytes)) })),
    ...['../fixtures/documents/notice.html', '../fixtures/docx/libreoffice.html'].map((rel) => ({
      name: rel,
      html: decodeHtml(readFileSync(fileURLToPath(new URL(rel, import.meta.url)))),
    })),
    ...HOSTILE.map((html, i) => ({ name: `hostile ${i}: ${html.slice(0, 40)}`, html })),
  ];
  for (const { name, html } of pages) {
    it(`${name}: same tree and selector answers`, () => {
      const light = parseLightDocument(html);
      const ref = parseHtmlDocument(html);
      expect(dump(light)).toEqual(dump(ref));
      expect(answers(light)).toEqual(answers(ref));
    });
  }

  it('creates head and body the way linkedom does when the page has no body element', () => {
    const html = '<html><div>x</div></html>';
    const light = parseLightDocument(html);
    const ref = parseHtmlDocument(html);
    expect(light.body?.localName).toBe(ref.body?.localName);
    expect(dump(light)).toEqual(dump(ref));
    // The made-up elements are found by later queries (the parse-time index is dropped).
    expect(light.querySelector('body')).toBe(light.body);
    expect(answers(light)).toEqual(answers(ref));
  });

  it('throws on selectors it does not implement rather than matching nothing', () => {
    const doc = parseLightDocument('<html><body><p>x</p></body></html>');
    expect(() => doc.querySelector('p:first-child')).toThrow(/unsupported selector/);
    expect(() => doc.querySelector('p + p')).toThrow(/unsupported selector/);
  });
});
