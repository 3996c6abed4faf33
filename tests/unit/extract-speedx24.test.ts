/**
 * speedx24 (issue 16): cost-only changes to the extractor, each checked against the slow path it
 * replaces on our own made-up markup: an element's queries through the document's index, the
 * style-sheet block skipping of hiddenClasses, the page-wide precondition of methodBox.
 */
import { describe, expect, it } from 'vitest';
import { hiddenClasses } from '../../main/services/extract/class-rules';
import { parseLightDocument } from '../../main/services/extract/light-dom';
import { methodBox, pageMayHoldMethodBox } from '../../main/services/extract/walk';
import type { Document, Element } from '../../main/services/parsed-dom';

const PAGE = `<html><head><title>t</title></head><body>
<div id="outer" class="wrap"><p class="a">one <b>bold</b> <a href="/x">x</a></p>
  <section class="inner"><h2>Head</h2><p>two <a href="/y" rel="nofollow">y</a></p>
    <ul><li><a href="/z">z</a></li><li class="a"><span>s</span></li></ul>
    <template><p class="a">hidden <a href="/t">t</a></p></template>
  </section>
  <p>three<br>after <img src="i.png"></p>
</div>
<div id="second"><p class="a">four</p><h3>More</h3></div>
<p>unclosed <div class="a">block</div>
</body></html>`;

const SELECTORS = [
  'p',
  'a',
  'a[href]',
  'p, h2, h3',
  'h3, p',
  '.a',
  '#second, .inner',
  'li a',
  'ul > li',
  'b, strong',
  'template',
  'span',
  'img',
  'div',
];

/** What each element's query answers, as tag names and positions in the document. */
function answers(doc: Document): string[] {
  const all = Array.from(doc.querySelectorAll('*'));
  const id = (e: Element) => `${e.localName}#${all.indexOf(e)}`;
  const out: string[] = [];
  for (const el of all)
    for (const sel of SELECTORS) {
      out.push(`${id(el)} ${sel}: ${Array.from(el.querySelectorAll(sel)).map(id).join(' ')}`);
      out.push(
        `${id(el)} ${sel} first: ${(() => {
          const f = el.querySelector(sel);
          return f ? id(f) : '-';
        })()}`,
      );
    }
  return out;
}

describe('an element’s queries through the document index', () => {
  it('answer the elements a walk of its subtree finds, in document order', () => {
    const indexed = parseLightDocument(PAGE) as unknown as Document;
    const viaIndex = answers(indexed);
    // Any change to any light tree makes every index stale: the same questions then walk.
    const walked = parseLightDocument(PAGE) as unknown as Document;
    (parseLightDocument('<p>x</p>') as unknown as Document).querySelector('p')!.setAttribute('class', 'changed');
    expect(answers(walked)).toEqual(viaIndex);
    expect(viaIndex.some((l) => /^section#\d+ a: a#\d+ a#\d+$/.test(l))).toBe(true);
  });

  it('do not answer from a stale index after the tree changed', () => {
    const doc = parseLightDocument(PAGE) as unknown as Document;
    const second = doc.querySelector('#second')!;
    const p = doc.querySelector('#outer p')!;
    (second as unknown as { appendChild(n: unknown): void }).appendChild(p);
    expect(Array.from(second.querySelectorAll('p')).map((e) => e.textContent)).toEqual(['four', 'one bold x']);
  });
});

describe('hiddenClasses', () => {
  it('reads past nested and unclosed at-blocks as before', () => {
    const css = (sheet: string) =>
      parseLightDocument(`<html><head><style>${sheet}</style></head><body></body></html>`) as unknown as Document;
    expect([
      ...hiddenClasses(css('.gone{display:none} @media (min-width:1px){ .x{ a{b:c} } .y{display:none} } .later{display:none}')),
    ]).toEqual(['gone', 'later']);
    // A block never closed runs to the sheet's end: nothing after it is top-level.
    expect([...hiddenClasses(css('.gone{display:none} @supports (x:y){ .y{color:red} .late{display:none}'))]).toEqual(['gone']);
    // The selector must stand alone after the rule before it.
    expect([...hiddenClasses(css('div .nested{display:none}\n  .alone{display:none}'))]).toEqual(['alone']);
  });
});

describe('pageMayHoldMethodBox', () => {
  const page = (body: string) => parseLightDocument(`<html><body>${body}</body></html>`) as unknown as Document;
  it('says no only where no heading or bold run reads as a method heading', () => {
    const prose = '<p>' + 'A long sentence of the box that runs on for long enough to count as prose here. '.repeat(2) + '</p>';
    const withMethod = page(`<aside><h3>How we did this</h3>${prose}</aside>`);
    expect(pageMayHoldMethodBox(withMethod)).toBe(true);
    expect(methodBox(withMethod.querySelector('aside')!)).toBe(true);
    const without = page(`<aside><h3>Related reading</h3>${prose}</aside><b>Notes</b>`);
    expect(pageMayHoldMethodBox(without)).toBe(false);
    expect(methodBox(without.querySelector('aside')!)).toBe(false);
    // A template's content is outside the index: such a page is asked box by box.
    expect(pageMayHoldMethodBox(page('<template><h3>Methodology</h3></template>'))).toBe(true);
  });
});
