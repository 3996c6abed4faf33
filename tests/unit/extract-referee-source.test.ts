/**
 * The referee gives Readability the page without its script and style text (issue 16, speed):
 * the cut ranges come from the light DOM's own parser events, so they end where the parser ends
 * a script, JSON-LD stays (Readability reads its headline), and Readability's whole result is
 * the same as from the page itself. scripts/extract-identity.ts --readability checks the same on
 * every corpus and fixture page.
 */
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { parseLightDocument, withoutRanges } from '../../main/services/extract/light-dom';
import { parseHtmlDocument } from '../../main/services/parsed-dom';

const pruned = (html: string): string => withoutRanges(html, parseLightDocument(html).rawTextRanges);

function readability(html: string): ReturnType<Readability['parse']> {
  const doc = parseHtmlDocument(html) as unknown as ConstructorParameters<typeof Readability>[0];
  return new Readability(doc, { charThreshold: 200 }).parse();
}

const paragraph = (n: number): string =>
  `<p>Paragraph ${n} of the council's report sets out, in plain terms, how the new reading rooms will be run, who staffs them, and what the opening hours will be through the winter months.</p>`;

const PAGE = `<!doctype html><html><head><title>Site | Reading rooms</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Reading rooms open in every district","datePublished":"2024-03-05"}</script>
<script>var s = "</scr" + "ipt>"; if (a < b && c > d) { document.write('<div class="x">'); }</script>
<STYLE type="text/css">p > a { color: red } /* a < b */</STYLE>
<!-- <script>not a script: a comment</script> -->
</head><body><div id="main"><article>
<h1>Reading rooms open in every district</h1>
<img class="lazy" data-x="1"><noscript><img src="https://example.org/room.jpg" alt="room"></noscript>
${paragraph(1)}<script>window.ads.push({ slot: '<p>not text</p>' });</script>${paragraph(2)}
<style>.ad { display: none }</style>${paragraph(3)}
<div title="<script>kept: an attribute</script>">${paragraph(4)}</div>
</article><aside class="sidebar"><a href="/x">More stories</a></aside></div>
<script src="/app.js"></script><script>let unclosed = "at the end";`;

describe('the page the referee gives Readability', () => {
  it('loses exactly the text of its scripts (but JSON-LD) and styles', () => {
    const out = pruned(PAGE);
    expect(out).toContain('"headline":"Reading rooms open in every district"');
    expect(out).not.toContain('document.write');
    expect(out).not.toContain('color: red');
    expect(out).not.toContain('window.ads');
    expect(out).not.toContain('display: none');
    expect(out).not.toContain('unclosed');
    // The elements themselves stay, empty; comments and attributes are untouched.
    expect(out).toContain('<script></script>\n<STYLE type="text/css"></STYLE>');
    expect(out).toContain('<!-- <script>not a script: a comment</script> -->');
    expect(out).toContain('<div title="<script>kept: an attribute</script>">');
    expect(out).toContain('<script src="/app.js"></script><script>');
    // Everything else is the page as it was.
    const bodies = [
      `var s = "</scr" + "ipt>"; if (a < b && c > d) { document.write('<div class="x">'); }`,
      'p > a { color: red } /* a < b */',
      "window.ads.push({ slot: '<p>not text</p>' });",
      '.ad { display: none }',
      'let unclosed = "at the end";',
    ];
    expect(out).toBe(bodies.reduce((page, body) => page.replace(body, ''), PAGE));
  });

  it("gives Readability's whole result unchanged, JSON-LD title included", () => {
    const before = readability(PAGE);
    const after = readability(pruned(PAGE));
    expect(before?.title).toBe('Reading rooms open in every district');
    expect(before?.content).toContain('Paragraph 4');
    expect(after).toEqual(before);
  });

  it('extracts the same article with the referee asked', () => {
    const a = extractArticle(PAGE, 'https://example.org/news/1.html', { referee: 'always' });
    expect(a.refereed).toBe(true);
    expect(a.paragraphs.filter((p) => p.startsWith('Paragraph'))).toHaveLength(4);
    expect(a.text).not.toContain('window.ads');
  });
});
