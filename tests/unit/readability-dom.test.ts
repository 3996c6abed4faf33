/**
 * readability-dom.ts must answer Readability's DOM questions exactly as linkedom does: every
 * case here builds the same markup in both and compares what Readability would read or write
 * (serialisation, text, attributes, tree moves, lists, the document's getters), then checks a
 * few of the answers by hand so a shared mistake is seen too.
 */
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { parseReadabilityDocument, type RDocument } from '../../main/services/extract/readability-dom';
import { parseHtmlDocument } from '../../main/services/parsed-dom';

/** The members Readability uses, loosely typed so both documents fit. */
/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyDoc = any;

const page = (body: string, head = '<title>A page</title>'): string =>
  `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;

/** Both documents of the same markup: linkedom's and ours. */
function both(html: string): [AnyDoc, AnyDoc] {
  return [parseHtmlDocument(html), parseReadabilityDocument(html)];
}

/** The same question asked of both documents must get the same answer. */
function same<T>(html: string, ask: (doc: AnyDoc) => T): T {
  const [linked, ours] = both(html);
  const expected = ask(linked);
  expect(ask(ours)).toEqual(expected);
  return expected;
}

/** A tree as Readability can see it: kinds, names, text, attributes, in order. */
function shape(node: AnyDoc): unknown {
  if (node.nodeType === 3 || node.nodeType === 8) return [node.nodeType, node.nodeName, node.textContent];
  return [
    node.tagName,
    Array.from(node.attributes as { name: string; value: string }[], (a) => `${a.name}=${a.value}`),
    Array.from(node.childNodes as unknown[], shape),
  ];
}

describe('readability-dom', () => {
  const MARKUP = page(`<div id="main" class=" b  a b " data-x='q"uote' hidden>
      Text &amp; more &lt;tags&gt; and&nbsp;space <!-- a comment --> <b>bold</b>text
      <p>one<br>two<br/><img src="a.png" alt=""><input disabled value=""></p>
      <SPAN STYLE="color: red">caps</SPAN><p id="" class="" style="">empty attributes</p>
      <svg viewBox="0 0 1 1"><path d="M0 0"/><title>icon</title><g></g></svg>
      <textarea>raw &amp; <b>kept</b></textarea><template><p>inside</p></template>
      <table><tr><td>cell</td></tr></table><a href="/x?a=1&amp;b=2">link</a><script type="application/ld+json">{"a":"<b>"}</script>
    </div>`);

  it('parses to the same tree: comments kept, text unmerged, names and attributes as written', () => {
    const tree = same(MARKUP, (d) => shape(d.body));
    // Entities split the text (three nodes for `Text &amp; more`), the comment is a node.
    const div = (tree as [string, string[], unknown[]])[2].find((c) => Array.isArray(c) && c[0] === 'DIV') as [string, string[], unknown[]];
    expect(div[1]).toEqual(['id=main', 'class=b a', `data-x=q"uote`, 'hidden=']);
    expect(div[2].slice(0, 3)).toEqual([
      [3, '#text', '\n      Text '],
      [3, '#text', '&'],
      [3, '#text', ' more '],
    ]);
    expect(div[2]).toContainEqual([8, '#comment', ' a comment ']);
  });

  it('serialises as linkedom does: escapes, quotes, empty and boolean attributes, void, SVG, raw text', () => {
    const html = same(MARKUP, (d) => d.body.innerHTML as string);
    expect(html).toContain('Text &amp; more &lt;tags&gt; and&#160;space <!-- a comment -->');
    expect(html).toContain(`<div id="main" class="b a" data-x="q&quot;uote" hidden>`);
    expect(html).toContain('<img src="a.png" alt=""><input disabled value="">');
    expect(html).toContain('<p>empty attributes</p>');
    expect(html).toContain('<span STYLE="color: red">caps</span>');
    expect(html).toContain('<path d="M0 0" /><title>icon</title><g />');
    expect(html).toContain('<textarea>raw &amp; <b>kept</b></textarea>');
    expect(html).toContain('<a href="/x?a=1&b=2">link</a>');
    expect(html).toContain('<script type="application/ld+json">{"a":"<b>"}</script>');
    same(MARKUP, (d) => d.documentElement.innerHTML);
  });

  it('round-trips innerHTML through its setter, in a fresh context', () => {
    for (const body of [MARKUP, page('<p>open <div>block in p</div> after</p><ul><li>one<li>two</ul>')]) {
      same(body, (d) => {
        const html = d.body.innerHTML;
        d.body.innerHTML = html;
        return [shape(d.body), d.body.innerHTML === html];
      });
    }
    // A text element's innerHTML is its text, set raw.
    same(page('<textarea>x</textarea><div>y</div>'), (d) => {
      const [ta] = d.getElementsByTagName('textarea');
      ta.innerHTML = '<b>&amp;</b>';
      const [div] = d.getElementsByTagName('div');
      div.innerHTML = 'a <i>b</i> &amp; c<!--d-->';
      return [ta.innerHTML, ta.childNodes.length, shape(div), d.body.innerHTML];
    });
  });

  it('moves, replaces and removes nodes as linkedom does', () => {
    const moved = same(page('<div id="a">one <b>two</b> three</div><div id="b"><i>x</i></div><p>p</p>'), (d) => {
      const [a, b] = d.getElementsByTagName('div');
      const [p] = d.getElementsByTagName('p');
      const bold = a.children[0];
      b.appendChild(bold); // a move
      b.insertBefore(a.firstChild, b.firstChild); // a text node moved first
      const span = d.createElement('span');
      span.appendChild(d.createTextNode('new'));
      a.replaceChild(span, a.lastChild);
      b.replaceChild(b.lastChild, b.lastChild); // itself
      p.remove();
      const i = b.children[0];
      b.replaceChild(i.nextSibling, i); // replaced by its next sibling
      a.appendChild(d.createElement('DIV')); // created upper case: kept so
      let error = '';
      try {
        a.removeChild(b);
      } catch (e) {
        error = String(e);
      }
      return [d.body.innerHTML, shape(d.body), !!error, bold.parentNode === b, p.parentNode, a.lastChild.tagName, a.lastChild.localName];
    });
    expect(moved[0]).toBe('<div id="a"><span>new</span><DIV></DIV></div><div id="b">one <b>two</b></div>');
  });

  it('keeps attributes as linkedom does: new ones first, class as distinct tokens, clones', () => {
    const attrs = same(page('<div class="x  y x" id="d" title="t">a</div><svg class="s"><g class="in  g"></g></svg>'), (d) => {
      const [div] = d.getElementsByTagName('div');
      const out: unknown[] = [div.className, div.getAttribute('class'), div.id];
      div.setAttribute('data-new', 1);
      div.setAttribute('title', 'changed');
      div.className = ' p  q p ';
      out.push(d.body.innerHTML);
      div.removeAttribute('class');
      out.push(div.className, div.getAttribute('class'), div.hasAttribute('class'), div.getAttribute('missing'));
      const copy = d.createElement('section');
      for (let i = 0; i < div.attributes.length; i++) copy.setAttributeNode(div.attributes[i].cloneNode());
      copy.id = 'copy';
      copy.className = 'page';
      out.push(Array.from(copy.attributes as { name: string; value: string }[], (a) => [a.name, a.value]));
      div.setAttribute('class', '');
      out.push(d.body.innerHTML);
      const [g] = d.getElementsByTagName('g');
      out.push(typeof g.className, String(g.className), g.getAttribute('class'));
      return out;
    });
    expect(attrs[3]).toBe('<div data-new="1" class="p q" id="d" title="changed">a</div><svg class="s"><g class="in g" /></svg>');
    // setAttributeNode puts each copy first: the copy's attributes come out reversed.
    expect(attrs[8]).toEqual([
      ['class', 'page'],
      ['title', 'changed'],
      ['id', 'copy'],
      ['data-new', '1'],
    ]);
    expect(attrs.slice(10)).toEqual(['object', '[object Object]', 'in g']);
  });

  it('reads style and visibility attributes as linkedom does', () => {
    const styles = [
      '',
      'display:none',
      'color: red; display : none ;',
      'DISPLAY:none',
      'display:none;display:block',
      'visibility: hidden',
      'display: none !important',
      'background:url(a:b)',
    ];
    const body = styles.map((s, i) => `<div id="s${i}" style="${s}">x</div>`).join('') + '<div id="plain">y</div>';
    same(page(body), (d) => Array.from(d.getElementsByTagName('div') as AnyDoc[], (el) => [el.style.display, el.style.visibility]));
    same(page('<img src="a.png" srcset="b.png 2x"><picture></picture><figure></figure><img>'), (d) =>
      ['img', 'picture', 'figure'].flatMap((t) => Array.from(d.getElementsByTagName(t) as AnyDoc[], (el) => [el.src, el.srcset])),
    );
  });

  it('lists elements as linkedom does: getElementsByTagName sees templates, querySelectorAll does not', () => {
    const html = page('<div><P>one</P><template><p>hidden</p></template><section><p>two</p></section></div><svg><p>in svg</p></svg>');
    const names = (list: AnyDoc) => Array.from(list as AnyDoc[], (e) => e.textContent);
    const lists = same(html, (d) => [
      names(d.getElementsByTagName('p')),
      names(d.getElementsByTagName('P')),
      names(d.querySelectorAll('p')),
      names(d.querySelectorAll('section,P')),
    ]);
    expect(lists[0]).toEqual(['one', 'hidden', 'two', 'in svg']);
    expect(lists[2]).toEqual(['one', 'two', 'in svg']);
    // Lists are taken once: later changes do not move them.
    same(html, (d) => {
      const ps = d.getElementsByTagName('p');
      const kids = d.body.children;
      ps[0].remove();
      d.body.appendChild(d.createElement('p'));
      return [ps.length, kids.length, d.getElementsByTagName('p').length];
    });
    expect(() => parseReadabilityDocument(html).querySelectorAll('div > p')).toThrow(/unsupported selector/);
  });

  it('makes head, body and title as linkedom does, and answers its base URI', () => {
    for (const html of [
      page('<p>x</p>'),
      '<html><body><p>no head</p></body></html>',
      '<html><head><title>t</title></head>text between<body><p>late body</p></body></html>',
      '<p>bare</p>',
      '<html><head><base href="/rel/"><title> spaced  </title></head><body></body></html>',
      '<html><head><base target="_blank"></head><body></body></html>',
    ]) {
      same(html, (d) => {
        const title = d.title;
        const body = d.body;
        return [
          title,
          body.tagName,
          body.parentNode.tagName,
          d.documentElement.innerHTML,
          d.baseURI,
          d.documentURI,
          d.firstChild.__JSDOMParser__,
        ];
      });
    }
  });

  it('gives Readability the same result on made pages', () => {
    const paragraph = (s: string) =>
      `<p>${`${s} runs along the valley floor and past the old mill, where the water slows. `.repeat(4)}</p>`;
    for (const html of [
      page(
        `<div class="content"><h1>A page</h1>${paragraph('The river')}<!-- ad --><div>${paragraph('The road')}</div><br><br>loose text<br><br>more loose text</div><div class="comments sidebar">${paragraph('A comment')}</div>`,
      ),
      page(
        `<article><font>old font</font><div>${paragraph('Inline')}<span>phrase</span> <!-- c --> text</div><noscript><img src="n.png"></noscript><img src="data:image/gif;base64,R0lGOD" data-src="real.jpg"><figure data-src="f.jpg"></figure><table><tr><td>${paragraph('Cell')}</td></tr></table></article>`,
      ),
      page(`<div><p>short</p></div>`),
    ]) {
      same(html, (d) => JSON.stringify(new Readability(d, { charThreshold: 100 }).parse()));
    }
  });

  it('has a document Readability accepts and nothing to read from empty markup', () => {
    const doc: RDocument = parseReadabilityDocument('');
    expect(doc.documentElement).toBeNull();
    expect(() => new Readability(doc as unknown as Document)).toThrow();
  });
});
