/**
 * The extractor's light DOM (main/services/extract/light-dom.ts) must hold the tree linkedom
 * holds: same elements, attributes as read back, text, and the same answers to the selectors
 * the extractor asks, on every fixture page and on hostile markup.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Parser } from 'htmlparser2';
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
    const attrs = Array.from(el.attributes)
      .map((a) => `${a.name}=${JSON.stringify(el.getAttribute(a.name))}`)
      .sort();
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

/**
 * HTML attribute names are case-insensitive (`<META NAME=…>`, `<A HREF=…>` on older CMS pages);
 * linkedom keeps them as written, the light DOM folds them. The reference is folded the same way
 * (the first of two spellings wins, as in an HTML parser) before the trees are compared.
 */
function foldAttributeNames(doc: Document): Document {
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      const lower = a.name.toLowerCase();
      if (lower === a.name) continue;
      const value = a.value;
      el.removeAttribute(a.name);
      if (!el.hasAttribute(lower)) el.setAttribute(lower, value);
    }
  }
  return doc;
}

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
      const ref = foldAttributeNames(parseHtmlDocument(html));
      expect(dump(light)).toEqual(dump(ref));
      expect(answers(light)).toEqual(answers(ref));
    });
  }

  it('reads upper-case attribute names as HTML does', () => {
    const doc = parseLightDocument(
      '<html><head><META NAME="PubDate" CONTENT="2023-05-04"></head><body><A HREF="/f/附件.doc">附件</A><P CLASS="a">x</P></body></html>',
    );
    expect(doc.querySelector('meta')?.getAttribute('name')).toBe('PubDate');
    expect(doc.querySelector('meta')?.getAttribute('content')).toBe('2023-05-04');
    expect(doc.querySelector('a[href$=".doc"]')?.getAttribute('href')).toBe('/f/附件.doc');
    expect(doc.querySelector('.a')?.textContent).toBe('x');
  });

  it('puts what follows head into an implied body when the page wrote none, as an HTML parser does', () => {
    const light = parseLightDocument('<html><head><title>t</title></head><div>x</div><p>y</p></html>');
    expect(light.body?.localName).toBe('body');
    expect(light.body?.textContent).toBe('xy');
    // The made-up element is found by later queries (the parse-time index is dropped).
    expect(light.querySelector('body')).toBe(light.body);
    expect(light.querySelectorAll('body > *').map((e) => e.localName)).toEqual(['div', 'p']);

    const late = parseLightDocument('<html><head></head><div>stray</div><body class="b"><p>in</p></body></html>');
    expect(late.body?.getAttribute('class')).toBe('b');
    expect(late.body?.textContent).toBe('strayin');
  });

  it('throws on selectors it does not implement rather than matching nothing', () => {
    const doc = parseLightDocument('<html><body><p>x</p></body></html>');
    expect(() => doc.querySelector('p:first-child')).toThrow(/unsupported selector/);
    expect(() => doc.querySelector('p + p')).toThrow(/unsupported selector/);
  });
});

describe('attributes kept as a flat list (speed16f)', () => {
  /** Each element's attributes as htmlparser2's own objects hold them: Object.keys order, first of duplicates. */
  function objectForm(html: string): [string, string][][] {
    const out: [string, string][][] = [];
    const parser = new Parser(
      { onopentag: (_name, attribs) => out.push(Object.keys(attribs).map((k) => [k, attribs[k]!])) },
      { lowerCaseAttributeNames: true, decodeEntities: true },
    );
    parser.write(html);
    parser.end();
    return out;
  }
  const listForm = (html: string): [string, string][][] => {
    const out: [string, string][][] = [];
    const visit = (el: Element): void => {
      out.push(Array.from(el.attributes).map((a) => [a.name, a.value]));
      for (const c of Array.from(el.children)) visit(c);
    };
    for (const c of Array.from(parseLightDocument(html).children)) visit(c);
    return out;
  };

  it("lists names in the object form's order: array indices first and ascending, duplicates and __proto__ dropped", () => {
    const html =
      '<html><body><div b="1" 10="ten" a="2" 2="two" 01="lead" B="dup" 4294967295="big" __proto__="p" constructor="c">x</div>' +
      '<p>bare</p><span 0 data-x=&amp;y id=s>z</span></body></html>';
    expect(listForm(html)).toEqual(objectForm(html));
    const div = parseLightDocument(html).querySelector('div')!;
    expect(div.getAttribute('b')).toBe('1');
    expect(div.getAttribute('constructor')).toBe('c');
    expect(div.getAttribute('__proto__')).toBeNull();
    expect(div.getAttribute('toString')).toBeNull();
    expect(div.hasAttribute('hasOwnProperty')).toBe(false);
  });

  it("changes one element's list only, in the object form's order", () => {
    const doc = parseLightDocument('<html><body><p>a</p><p>b</p><div x="1">c</div></body></html>');
    const [p1, p2] = doc.querySelectorAll('p');
    p1!.setAttribute('class', 'k  k j');
    p1!.setAttribute('3', 'three');
    p1!.setAttribute('__proto__', 'no');
    expect(p1!.attributes.map((a) => `${a.name}=${a.value}`)).toEqual(['3=three', 'class=k j']);
    expect(p2!.attributes).toEqual([]);
    const div = doc.querySelector('div')!;
    div.setAttribute('x', '2');
    div.removeAttribute('x');
    expect(div.attributes).toEqual([]);
    expect(div.outerHTML).toBe('<div>c</div>');
    expect(p1!.outerHTML).toBe('<p 3="three" class="k j">a</p>');
  });
});

describe('older pages written in upper case', () => {
  it('take the date from <META NAME=…> and find <A HREF=…> attachments', async () => {
    const { extractArticle } = await import('../../main/services/extract/extract');
    const para = '各党支部要把学习贯彻工作作为当前的重要政治任务，认真组织学习，结合实际抓好落实。';
    const html = `<HTML><HEAD><TITLE>关于开展专题学习的通知</TITLE><META NAME="PubDate" CONTENT="2021-03-09 08:00">
      </HEAD><BODY><DIV CLASS="nav"><A HREF="/">首页</A></DIV><H1>关于开展专题学习的通知</H1>
      <DIV ID="zoom">${`<P>${para}</P>`.repeat(6)}<P>附件：<A HREF="/uploads/学习安排.doc">学习安排.doc</A></P></DIV></BODY></HTML>`;
    const r = extractArticle(html, 'https://dw.example.cn/tzgg/content_88.html');
    expect(r.publishedAt).toBe('2021-03-09');
    expect(r.attachments?.map((a) => a.url)).toEqual(['https://dw.example.cn/uploads/%E5%AD%A6%E4%B9%A0%E5%AE%89%E6%8E%92.doc']);
  });

  it('extract a page that never opens <body>', async () => {
    const { extractArticle } = await import('../../main/services/extract/extract');
    const para = '各党支部要把学习贯彻工作作为当前的重要政治任务，认真组织学习，结合实际抓好落实。';
    const html = `<html><head><title>关于开展专题学习的通知</title></head><h1>关于开展专题学习的通知</h1>${`<p>${para}</p>`.repeat(5)}</html>`;
    const r = extractArticle(html, 'https://dw.example.cn/tzgg/content_89.html');
    expect(r.paragraphs).toHaveLength(5);
    expect(r.text).toContain(para);
  });

  it('keep unknown tags named like Object properties out of the article HTML', async () => {
    const { extractArticle } = await import('../../main/services/extract/extract');
    const para = '各党支部要把学习贯彻工作作为当前的重要政治任务，认真组织学习，结合实际抓好落实。';
    const html = `<html><head><title>通知</title></head><body><div id="zoom">${`<p>${para}<constructor>甲</constructor><valueof>乙</valueof></p>`.repeat(5)}</div></body></html>`;
    const r = extractArticle(html, 'https://dw.example.cn/tzgg/content_90.html');
    expect(r.html).not.toMatch(/function|native code/);
    expect(r.text).toContain(`${para}甲乙`);
  });
});
