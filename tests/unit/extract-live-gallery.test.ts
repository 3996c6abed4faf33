/**
 * Issue 16, English pages: the referee wins only by adding paragraphs (not the boxes at the body's
 * edges); live-blog entry headings are body; a gallery of captioned figures inside the body
 * container is chrome.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const sentence = (n: number, topic: string): string =>
  `Paragraph ${n} about ${topic} explains, in plain words and with some detail, what happened next and why it matters to the people who live there and work nearby.`;
const paras = (from: number, to: number, topic: string): string =>
  Array.from({ length: to - from + 1 }, (_, i) => `<p>${sentence(from + i, topic)}</p>`).join('');
const page = (title: string, body: string): string =>
  `<!doctype html><html><head><title>${title} - Example News</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>${body}<footer>Copyright Example News</footer></body></html>`;

describe('the referee adds paragraphs, not boxes', () => {
  it('a key-points box, a pinned notice, a regwall and a bio that Readability keeps do not make it win', () => {
    const html = page(
      'Storm',
      `<main><h1>Storm</h1><div class="story">
       <div class="key-points"><h2>What we are covering</h2><ul><li>A powerful winter storm is dumping heavy snow across the region, with warnings in several counties.</li><li>More than 180,000 customers are without power, and many flights have been canceled.</li><li>Officials are urging people to stay off the roads as wind gusts create whiteout conditions.</li></ul></div>
       <div class="pinned"><p>Our live coverage of the storm has moved. Follow the latest updates here.</p></div>
       <div class="posts"><article class="post">${paras(1, 3, 'the storm')}</article><article class="post">${paras(4, 6, 'the storm')}</article><article class="post">${paras(7, 8, 'the storm')}</article></div>
       <div class="regwall"><h2>Never miss a story. Create a free account.</h2><p>You have read all of your free articles this month. Subscribe for unlimited access, including our archive.</p></div>
       <div class="bio"><p>Mina Cho is a writer based in Columbus, Ohio. She is working on a book about weather.</p></div>
       </div></main>`,
    );
    const a = extractArticle(html, 'https://news.example.com/storm', { referee: 'always' });
    expect(a.refereed).toBe(true);
    for (let i = 1; i <= 8; i++) expect(a.text).toContain(`Paragraph ${i} about`);
    expect(a.method).toBe('template');
    expect(a.text).not.toContain('What we are covering');
    expect(a.text).not.toContain('180,000 customers');
    expect(a.text).not.toContain('free articles');
  });
});
