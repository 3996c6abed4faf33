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

describe('live-blog entries', () => {
  const entry = (n: number, head: string): string =>
    `<article class="post"><header class="post__header"><span class="post__time">${n}:40 p.m. ET</span><h2 class="post__headline">${head}</h2><p class="post__byline">From Example's Dev Rostami</p></header><div class="post__content">${paras(n * 10, n * 10 + 1, head.toLowerCase())}</div></article>`;

  it("each entry's heading is body; its time and byline are not", () => {
    const heads = ['Roads closed near the lake', 'Power cuts spread east', 'Schools shut for the day'];
    const html = page(
      'Storm live',
      `<main><h1>Storm live</h1><div class="posts">${heads.map((h, i) => entry(i + 1, h)).join('')}</div></main>`,
    );
    const a = extractArticle(html, 'https://news.example.com/live', { referee: 'never' });
    for (const h of heads) expect(a.paragraphs).toContain(h);
    expect(a.paragraphs.indexOf('Power cuts spread east')).toBeLessThan(a.paragraphs.findIndex((p) => p.startsWith('Paragraph 20 ')));
    expect(a.text).not.toContain('p.m. ET');
    expect(a.text).not.toContain("From Example's");
  });

  it("a single article's header stays out", () => {
    const html = page(
      'Harbour plan',
      `<main><article><header class="story__header"><h2>Local politics</h2><p>By Dev Rostami</p></header><h1>Harbour plan</h1>${paras(1, 6, 'the harbour')}</article></main>`,
    );
    const a = extractArticle(html, 'https://news.example.com/harbour', { referee: 'never' });
    expect(a.paragraphs).not.toContain('Local politics');
    expect(a.text).toContain('Paragraph 6 about');
  });
});

describe('a photo gallery inside the body', () => {
  const caption =
    'Common cranes fly over a fishpond at sunrise. The birds leave their night roosts within a few minutes of one another, in waves that can last half an hour, and rangers count them as they cross a fixed line.';
  const slide = (i: number): string =>
    `<li><figure><img src="/p${i}.jpg" alt=""><figcaption><h2>Slide title ${i}</h2><p>${caption} (${i})</p><p>Photograph: Zsófia Kertész/Example</p></figcaption></figure><div>${i}/4</div></li>`;

  it('captioned figures with titles, credits and counters go; the paragraphs around them and a lone figure stay', () => {
    const html = page(
      'Cranes',
      `<main><article><h1>Cranes</h1><div class="body">${paras(1, 3, 'the cranes')}
       <ul>${[1, 2, 3, 4].map(slide).join('')}</ul>${paras(4, 6, 'the cranes')}
       <figure><img src="/lone.jpg" alt=""><figcaption>A ranger with a notebook at dawn.</figcaption></figure>${paras(7, 7, 'the cranes')}</div></article></main>`,
    );
    const a = extractArticle(html, 'https://news.example.com/cranes', { referee: 'never' });
    for (let i = 1; i <= 7; i++) expect(a.text).toContain(`Paragraph ${i} about`);
    expect(a.text).not.toContain('Slide title');
    expect(a.text).not.toContain('Common cranes fly');
    expect(a.text).not.toContain('Photograph:');
    expect(a.text).not.toMatch(/\b\d\/4\b/);
    expect(a.text).toContain('A ranger with a notebook');
  });

  it('a gallery page whose slides are its text keeps them', () => {
    const html = page(
      'Cranes in pictures',
      `<main><article><h1>Cranes in pictures</h1><ul>${[1, 2, 3, 4].map(slide).join('')}</ul></article></main>`,
    );
    const a = extractArticle(html, 'https://news.example.com/cranes-pictures', { referee: 'never' });
    expect(a.text).toContain('Common cranes fly');
  });
});

describe('the referee on a gallery story', () => {
  it("a gallery's long captions that Readability keeps are not paragraphs it found", () => {
    const caption = (i: number): string =>
      `Photo ${i}: common cranes fly over a fishpond at sunrise. The birds leave their night roosts within a few minutes of one another, in waves that can last half an hour.`;
    const html = page(
      'Cranes',
      `<main><article><h1>Cranes</h1><div class="body">${paras(1, 3, 'the cranes')}<ul>${[1, 2, 3, 4, 5, 6]
        .map((i) => `<li><figure><img src="/p${i}.jpg" alt=""><figcaption><p>${caption(i)}</p></figcaption></figure><div>${i}/6</div></li>`)
        .join('')}</ul>${paras(4, 6, 'the cranes')}</div></article></main>`,
    );
    const a = extractArticle(html, 'https://news.example.com/cranes', { referee: 'always' });
    expect(a.refereed).toBe(true);
    expect(a.method).toBe('template');
    expect(a.text).not.toContain('common cranes fly');
    for (let i = 1; i <= 6; i++) expect(a.text).toContain(`Paragraph ${i} about`);
  });
});
