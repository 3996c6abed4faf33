/**
 * Issue 16, English pages: our own English news-style pages (tests/fixtures/extract-en, labels
 * written by hand, not Readability's output) and the general causes of cut or polluted bodies
 * found on the public dev pages: comment threads and captioned galleries that out-punctuate the
 * article, an article wrapper named like chrome, MathML, anchors that go nowhere, bylines.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { englishPages, ours, scoreLabelled } from '../bench/extract-corpus';

const para = (n: number, topic: string): string =>
  `<p>Paragraph ${n} of the story about ${topic} explains, in plain words and with some detail, what happened next and why it matters to the people who live there.</p>`;

describe('our own English pages', () => {
  it('each page keeps its body without chrome (token F1 per page and on average)', () => {
    const scores = scoreLabelled(englishPages(), ours);
    expect(scores.length).toBeGreaterThanOrEqual(12);
    for (const s of scores) {
      expect({ page: s.name, ok: s.f1 >= 0.93 && s.titleOk }).toEqual({ page: s.name, ok: true });
    }
    const mean = scores.reduce((n, s) => n + s.f1, 0) / scores.length;
    expect(mean).toBeGreaterThanOrEqual(0.98);
  });
});

describe('general causes of cut English bodies', () => {
  it('a comment thread with more punctuation than the article stays out', () => {
    const comments = Array.from(
      { length: 12 },
      (_, i) =>
        `<li class="single-post"><span>reader${i} on 2024/01/0${(i % 9) + 1}</span><p>Great, great post! I went there too, and yes, the leaves were red, the air was cold, and we loved it, truly, really, very much!</p></li>`,
    ).join('');
    const html = `<!doctype html><html><head><title>Autumn at the lake</title></head><body>
      <div id="article"><h1>Autumn at the lake</h1><div class="article-body">${[1, 2, 3, 4].map((n) => para(n, 'the lake')).join('')}</div></div>
      <div id="user-post"><div id="comment-box"><ul>${comments}</ul></div></div></body></html>`;
    const a = extractArticle(html, 'https://blog.example.com/autumn');
    expect(a.paragraphs).toHaveLength(4);
    expect(a.text).not.toContain('Great, great post');
  });

  it('a captioned gallery inside the article does not displace it; a chrome-named wrapper is kept', () => {
    const slides = Array.from(
      { length: 30 },
      (_, i) =>
        `<li>${i + 1}/30 Headline ${i}<p>Caption ${i}: a company did something, said a spokesman, and shares rose, fell, or stayed where they were.</p></li>`,
    ).join('');
    const html = `<!doctype html><html><head><title>Seven hotel secrets</title></head><body><article>
      <h1>Seven hotel secrets</h1>
      <div id="gigya-share-btns-2_containerParent" class="text-wrapper">${[1, 2, 3, 4, 5].map((n) => para(n, 'hotels')).join('')}
        <div class="widget type-gallery"><div class="full-gallery"><ul class="legends">${slides}</ul></div></div>
        ${para(6, 'hotels')}</div></article></body></html>`;
    const a = extractArticle(html, 'https://news.example.com/hotels');
    expect(a.paragraphs.filter((p) => p.startsWith('Paragraph'))).toHaveLength(6);
    expect(a.text).not.toContain('Caption 3');
  });

  it('keeps the text of MathML and of a javascript: anchor wrapped around paragraphs', () => {
    const html = `<!doctype html><html><head><title>Quadratic equations</title></head><body><article><h1>Quadratic equations</h1>
      <p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn><annotation encoding="TeX">a \\ne 0</annotation></math>, there are two solutions to the equation, and this page explains how to find both of them step by step.</p>
      <a href="javascript:void(0)"><p>The discriminant decides whether the two solutions are real numbers, and it is worth computing it first in every exercise.</p></a>
      ${para(3, 'equations')}</article></body></html>`;
    const a = extractArticle(html, 'https://math.example.org/quadratic');
    expect(a.paragraphs[0]).toContain('When a≠0, there are two solutions');
    expect(a.text).not.toContain('\\ne');
    expect(a.text).toContain('The discriminant decides');
  });

  it('drops an English byline and dateline but keeps a sentence that starts with “By”', () => {
    const html = `<!doctype html><html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>
      <div class="story-meta">Jo Whitaker · 2 April 2024 · 4 min read</div><p>By Ann Ortega · April 16, 2024</p>
      ${para(1, 'the bridge')}<p>By Monday, the council will have voted on the new tolls, and the result is expected to be close.</p>${para(2, 'the bridge')}
      </article></body></html>`;
    const a = extractArticle(html, 'https://news.example.com/bridge');
    expect(a.text).not.toContain('Jo Whitaker');
    expect(a.text).not.toContain('Ann Ortega');
    expect(a.paragraphs).toContain('By Monday, the council will have voted on the new tolls, and the result is expected to be close.');
  });
});
