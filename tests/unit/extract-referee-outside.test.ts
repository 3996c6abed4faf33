/**
 * Issue 16, build item 3 (the referee's cost): on Latin-script pages the confidence doubts "much
 * prose outside the body" and "prose right beside it" count only real paragraphs left out, not
 * the sentences every article page carries beside its text (captions, bios, consent and paywall
 * boxes, key-point bullets, standfirsts, wire and print credits). Real paragraphs still count.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle, LOW_CONFIDENCE } from '../../main/services/extract/extract';

const para = (n: number, topic: string): string =>
  `<p>Paragraph ${n} of the story about ${topic} explains, in plain words and with some detail, what happened next and why it matters to the people who live there.</p>`;
const paras = (from: number, to: number, topic: string): string =>
  Array.from({ length: to - from + 1 }, (_, i) => para(from + i, topic)).join('');

const SUMMARY = 'Councillors back a plan to turn the old mill by the canal into two hundred homes, with work to start in the spring.';

const page = (before: string, inside: string, after: string): string =>
  `<!doctype html><html><head><title>Mill homes - Example News</title><meta name="description" content="${SUMMARY}"></head><body>` +
  `<nav><a href="/">Home</a> <a href="/local">Local</a></nav>${before}` +
  `<article><h1>Mill homes</h1>${inside}${paras(1, 8, 'the mill')}</article>${after}` +
  `<footer>Copyright Example News</footer></body></html>`;

// Sentences every article page carries beside its text, none of them the article.
const chromeBefore =
  `<div class="gnt_cnst"><p>We use cookies and similar technologies to personalise content and ads, provide social media features and analyse our traffic with our partners.</p></div>` +
  `<p class="standfirst-x">${SUMMARY}</p>`;
const chromeInside =
  `<div class="story__key-points"><ul><li>Councillors voted nine to two on Tuesday evening to back the plan for the old mill by the canal.</li>` +
  `<li>Work on the first of the two hundred homes is due to start in the spring, the developer said in a statement.</li></ul></div>` +
  `<figure><img src="/mill.jpg" alt=""><figcaption>The old mill on Canal Street, seen last week, would become two hundred flats under the plan backed by the council.</figcaption></figure>`;
const chromeAfter =
  `<div class="ArticleBio_root__x1"><p>Jordan Pike is a housing reporter for Example News who has covered the city for ten years. Reach him at jpike@example.com.</p></div>` +
  `<div class="RegwallBox"><p>You can read three free articles every month, and after that you will need to take out a plan with us to keep going.</p></div>` +
  `<div class="x9"><p>Reporting by Lucia Fernandez and Mark Oduya in the city centre; Editing by Anna Berg and Tom Reyes for the wire service.</p></div>` +
  `<div class="x9"><p>A version of this article appears in print on Dec. 4, 2026, Section A, Page 1 of the daily edition with the headline: Mill homes.</p></div>`;

describe('the referee gate counts only real paragraphs outside the body', () => {
  it('captions, bios, consent and paywall boxes, key points, a standfirst and credits do not lower the confidence', () => {
    const url = 'https://news.example.com/mill';
    const clean = extractArticle(page('', '', ''), url, { referee: 'never' });
    const busy = extractArticle(page(chromeBefore, chromeInside, chromeAfter), url);
    expect(clean.confidence).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
    expect(busy.confidence).toBe(clean.confidence);
    expect(busy.refereed).toBe(false);
    for (let i = 1; i <= 8; i++) expect(busy.text).toContain(`Paragraph ${i} of`);
    expect(busy.text).not.toContain('We use cookies');
  });

  it('real paragraphs left outside the body still make the page doubtful, and the referee is asked', () => {
    // A second section of the story in a sibling box our pass does not take as the body (three
    // levels down, each adding words: a wrapper adding none is looked through and would be taken).
    const cut = `<div class="x9"><h2>What comes next</h2><div><div>${paras(20, 24, 'next')}</div><p>More to follow.</p></div></div>`;
    const url = 'https://news.example.com/mill';
    const never = extractArticle(page('', '', cut), url, { referee: 'never' });
    expect(never.text).not.toContain('Paragraph 20 of');
    expect(never.confidence).toBeLessThan(LOW_CONFIDENCE);
    expect(extractArticle(page('', '', cut), url).refereed).toBe(true);
  });
});
