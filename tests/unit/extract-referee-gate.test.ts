/**
 * Issue 16, build item 3: on Latin-script pages Readability is a referee asked below a confidence
 * threshold, not on every page; our own pass keeps an article split across containers of one
 * kind whole, and a heading after the article picked as its title does not cut the body.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle, LOW_CONFIDENCE } from '../../main/services/extract/extract';

const para = (n: number, topic: string): string =>
  `<p>Paragraph ${n} of the story about ${topic} explains, in plain words and with some detail, what happened next and why it matters to the people who live there.</p>`;
const paras = (from: number, to: number, topic: string): string =>
  Array.from({ length: to - from + 1 }, (_, i) => para(from + i, topic)).join('');
const page = (title: string, body: string): string =>
  `<!doctype html><html><head><title>${title} - Example News</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>${body}<footer>Copyright Example News</footer></body></html>`;

describe('the referee gate on Latin-script pages', () => {
  it('a whole article with nothing like prose outside it is not refereed', () => {
    const a = extractArticle(
      page('Harbour plan', `<article><h1>Harbour plan</h1>${paras(1, 8, 'the harbour')}</article>`),
      'https://news.example.com/harbour',
    );
    expect(a.refereed).toBe(false);
    expect(a.method).toBe('template');
    expect(a.confidence).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
    expect(a.paragraphs).toHaveLength(8);
  });

  it('a short body beside much prose we left out is doubtful, and the referee is asked', () => {
    // The lead sits in a box of its own; the rest of the story in a differently made column.
    const html = page(
      'Rail strike',
      `<h1>Rail strike</h1><div class="lead-box"><p class="x">${'The strike began at dawn, and by noon most lines were closed, officials said, as talks stalled again. '.repeat(4)}</p></div>
       <table><tr><td>${paras(1, 6, 'the strike').replace(/<p>/g, '<span>').replace(/<\/p>/g, '</span><br><br>')}</td></tr></table>`,
    );
    const a = extractArticle(html, 'https://news.example.com/strike');
    expect(a.refereed).toBe(true);
    // The second opinion holds the whole story and wins.
    expect(a.method).toBe('readability');
    for (let i = 1; i <= 6; i++) expect(a.text).toContain(`Paragraph ${i} of`);
    const never = extractArticle(html, 'https://news.example.com/strike', { referee: 'never' });
    expect(never.refereed).toBe(false);
    expect(never.confidence).toBeLessThan(LOW_CONFIDENCE);
  });

  it('"always" asks the referee on a page the gate trusts; "never" asks on none', () => {
    const html = page('Harbour plan', `<article><h1>Harbour plan</h1>${paras(1, 8, 'the harbour')}</article>`);
    expect(extractArticle(html, undefined, { referee: 'always' }).refereed).toBe(true);
    expect(extractArticle(html, undefined, { referee: 'never' }).refereed).toBe(false);
  });

  it('a Chinese page keeps its own threshold: a confident page is not refereed', () => {
    const p = `<p>${'理论学习中心组围绕主题开展集中学习，大家结合实际交流体会，明确了下一步工作的方向和措施。'.repeat(3)}</p>`;
    const html = `<html><head><title>学习体会</title></head><body><h1>学习体会</h1><div class="info">发布时间：2024-03-05 来源：办公室</div><div id="zoom">${p.repeat(6)}</div></body></html>`;
    const a = extractArticle(html, 'http://www.example.gov.cn/a/t20240305_1.html');
    expect(a.confidence).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
    expect(a.refereed).toBe(false);
  });
});

describe('our own pass keeps articles whole', () => {
  it('sections in containers of one kind, each in a grid cell of its own, are all kept (no referee needed)', () => {
    const cells = [1, 2, 3, 4]
      .map(
        (s) => `<div class="cell col-8"><h2>Part ${s}</h2><div class="article-text">${paras(s * 10, s * 10 + 2, `part ${s}`)}</div></div>`,
      )
      .join('<div class="ad-slot"><a href="/ad">Advertisement</a></div>');
    const html = page(
      'A long review',
      `<main><h1>A long review</h1><div class="grid">${cells}</div></main><aside class="related"><a href="/r1">Another story</a></aside>`,
    );
    const a = extractArticle(html, 'https://news.example.com/review', { referee: 'never' });
    for (const s of [1, 2, 3, 4]) for (let i = 0; i < 3; i++) expect(a.text).toContain(`Paragraph ${s * 10 + i} of`);
    expect(a.paragraphs).toContain('Part 3');
    expect(a.text).not.toContain('Copyright');
    expect(a.text).not.toContain('Another story');
  });

  it('a heading after the article taken for its title does not cut the article', () => {
    const popular = `<section class="most-popular"><h2 class="most-popular__title">Most Popular</h2><ol>${[1, 2, 3]
      .map((i) => `<li><a href="/p${i}">Popular story ${i}</a></li>`)
      .join('')}</ol></section>`;
    const html = `<!doctype html><html><head><title>The quiet rise of neon</title></head><body><article><h1 class="hed">Why neon glows</h1>${paras(1, 6, 'neon')}</article>${popular}</body></html>`;
    const a = extractArticle(html, 'https://news.example.com/neon', { referee: 'never' });
    for (let i = 1; i <= 6; i++) expect(a.text).toContain(`Paragraph ${i} of`);
    expect(a.text).not.toContain('Popular story');
  });

  it("an opinion column's bio and disclaimer boxes under the article stay out", () => {
    const html = page(
      'Benches, not barriers',
      `<article><h1>Benches, not barriers</h1>${paras(1, 6, 'benches')}
       <div class="opinion__disclaimer"><p>The views expressed in this column are the author's own and not those of the paper, as always.</p></div>
       <div class="opinion__bio"><p><strong>Ann Ortega</strong> is a retired planner and writes a fortnightly column for the paper, on towns and streets.</p></div></article>`,
    );
    const a = extractArticle(html, 'https://news.example.com/benches', { referee: 'never' });
    expect(a.paragraphs).toHaveLength(6);
    expect(a.text).not.toContain('views expressed');
    expect(a.text).not.toContain('retired planner');
  });
});
