/**
 * Issue 16: furniture that leaked into English bodies on outside pages, each on a small hand-made
 * page: a forum post's flair, count row and comment meta lines; paywall, support-us and join
 * notices; photo credits and captions outside a <figcaption>; embedded posts; click-to-tweet and
 * page-turn lines. Each test also checks that the article's own text around it stays.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const P1 =
  '<p>The county library reopened its reading room on Monday after a two-year renovation that replaced the roof and the old heating.</p>';
const P2 =
  '<p>Staff moved nearly forty thousand volumes back onto the shelves over the weekend, with help from a crew of local volunteers.</p>';
const P3 =
  '<p>Visitors queued before the doors opened, and several said they had missed the quiet of the room more than anything else.</p>';
const P4 = '<p>The new reading room seats sixty people and stays open until nine in the evening on weekdays, the council said.</p>';

function page(body: string, title = 'Library reopens after renovation'): string {
  return `<!doctype html><html><head><title>${title}</title></head><body>
    <div class="wrap"><h1>${title}</h1><div class="entry">${body}</div></div></body></html>`;
}

const URL = 'http://news.example.org/library.html';
// Both our own pass and the pass where Readability is asked: the tidying applies to either body.
const MODES = ['never', 'always'] as const;

describe.each(MODES)('referee %s', (referee) => {
  const run = (html: string) => extractArticle(html, URL, { referee });

  it('drops a forum post’s flair, count row and each comment’s meta line, keeps the post', () => {
    const comments = Array.from(
      { length: 6 },
      (_, i) =>
        `<div class="thread-item"><div><a href="/user/u${i}">reader${i}</a> · ${i + 1}mo ago</div>` +
        `<div class="comment-body"><p>Reply number ${i} says the reading room was always too cold in winter, honestly.</p></div></div>`,
    ).join('');
    const html = page(
      `<div><span class="flair">Libraries</span></div>${P1}${P2}${P3}<div><span>4.8K</span> <span>612 comments</span></div>${comments}`,
    );
    const a = run(html);
    expect(a.text).toContain('Staff moved nearly forty thousand volumes');
    expect(a.text).toContain('missed the quiet of the room');
    expect(a.text).not.toMatch(/reader\d · \dmo ago/);
    expect(a.text).not.toContain('612 comments');
    expect(a.paragraphs[0]).not.toBe('Libraries');
  });

  it('drops paywall, support-us and join notices set into the text, keeps a sentence that only mentions registering', () => {
    const html = page(
      P1 +
        '<div class="box"><p>Members get the weekly reading list by email. <a href="/join">Join free</a>.</p></div>' +
        P2 +
        '<p>Registration for the spring book club opens on Monday. Register now.</p>' +
        '<div class="appeal"><h2>… we have a small favour to ask.</h2><p>Millions trust our journalism. Support us from as little as £1.</p></div>' +
        P3 +
        '<div class="fence"><p>Subscribe now to read this and every story. Already a subscriber? <a href="/login">Sign in</a></p></div>',
    );
    const a = run(html);
    expect(a.text).toContain('Staff moved nearly forty thousand volumes');
    expect(a.text).toContain('missed the quiet of the room');
    expect(a.text).toContain('Registration for the spring book club opens on Monday. Register now.');
    expect(a.text).not.toContain('Join free');
    expect(a.text).not.toContain('small favour');
    expect(a.text).not.toContain('Support us');
    expect(a.text).not.toContain('Subscribe now');
  });

  it('drops credits and captions outside a figcaption, keeps the picture and a figcaption', () => {
    const html = page(
      P1 +
        '<figure><img src="/img/room.jpg" alt="The room"><span class="copyright">Jane Doe</span>' +
        '<figcaption>The reading room on its first morning.</figcaption></figure>' +
        P2 +
        '<div class="image"><img src="/img/shelves.jpg" alt=""><p class="image-caption">Volunteers at the shelves. Photograph: County Library</p></div>' +
        P3 +
        '<p>Readers at the new long tables. (Image: County Archive)</p>' +
        P4,
    );
    const a = run(html);
    expect(a.text).toContain('Staff moved nearly forty thousand volumes');
    expect(a.text).toContain('The new reading room seats sixty people');
    expect(a.text).toContain('The reading room on its first morning.');
    expect(a.text).not.toContain('Jane Doe');
    expect(a.text).not.toContain('Photograph: County Library');
    expect(a.text).not.toContain('County Archive');
    expect(a.images.map((im) => im.src)).toContain('http://news.example.org/img/room.jpg');
  });

  it('drops an embedded post, keeps a quotation of the author’s', () => {
    const html = page(
      P1 +
        '<blockquote class="twitter-tweet"><p lang="en">Doors open at nine tomorrow, see you there!</p>— County Library (@countylib) <a href="https://twitter.example/status/1">March 3, 2026</a></blockquote>' +
        P2 +
        '<blockquote><p>A library is the one room in town where nobody asks what you are buying.</p></blockquote>' +
        P3,
    );
    const a = run(html);
    expect(a.text).toContain('nobody asks what you are buying');
    expect(a.text).not.toContain('Doors open at nine tomorrow');
    expect(a.text).not.toContain('@countylib');
  });

  it('drops click-to-tweet and page-turn lines', () => {
    const html = page(
      P1 +
        P2 +
        '<div class="click-to-tweet"><span>“A quiet room is a public good.”</span><a href="https://twitter.example/intent">Tweet this</a></div>' +
        P3 +
        '<p class="continued"><strong>Continued on page 2: The new café</strong></p>',
    );
    const a = run(html);
    expect(a.text).toContain('missed the quiet of the room');
    expect(a.text).not.toContain('Tweet this');
    expect(a.text).not.toContain('Continued on page 2');
  });

  it('ends the body at a related heading whose teasers are long but sit outside the article’s container', () => {
    const teaser = (n: number) =>
      `<div class="related-item"><h4><a href="/s/${n}">Another story number ${n}</a></h4><p>A long teaser for story ${n} that runs on well past the length of a line, as the first lines of another article do, with a comma, a clause and a full stop at its end, so that it reads like prose and is longer than two hundred and fifty characters in all, which a short box never is.</p><p>March ${n}, 2016</p></div>`;
    const html = `<!doctype html><html><head><title>Library reopens</title></head><body><div class="wrap"><h1>Library reopens</h1>
      <div class="entry">${P1}${P2}${P3}</div><div class="after"><h3>Like this:</h3><h3>Related</h3>${teaser(1)}${teaser(2)}${teaser(3)}</div></div></body></html>`;
    const a = run(html);
    expect(a.text).toContain('missed the quiet of the room');
    expect(a.text).not.toContain('Like this');
    expect(a.text).not.toContain('A long teaser for story');
  });

  it('keeps the paragraphs after a "Related" line that go on in the article’s container', () => {
    const long =
      '<p>Related to the reopening, the council also agreed a plan for the branch libraries, which will each get new lighting, a ramp at the door and longer opening hours on Saturdays from the autumn, as the budget set aside last year for the work allows, and the mobile library will add two villages to its weekly round.</p>';
    const a = run(page(`${P1}${P2}<h3>Related</h3>${long}${P3}`));
    expect(a.text).toContain('the council also agreed a plan for the branch libraries');
    expect(a.text).toContain('missed the quiet of the room');
  });

  it('drops video player and reader widget lines', () => {
    const html = page(
      P1 +
        '<div class="player"><p>Your video will play in 00:25</p><p>This is a modal window.</p><p>ADVERTISING</p></div>' +
        P2 +
        '<div class="toc"><h2>Contents</h2></div>' +
        P3,
    );
    const a = run(html);
    expect(a.text).toContain('missed the quiet of the room');
    expect(a.text).not.toMatch(/Your video will play|modal window|ADVERTISING|Contents/);
  });

  it('drops a standfirst that repeats the stated summary, keeps a lede that does', () => {
    const summary = 'The reading room is back after two years, with a new roof and longer hours.';
    const head = `<meta property="og:description" content="${summary}">`;
    const dek = `<!doctype html><html><head><title>Library reopens</title>${head}</head><body><article><h1>Library reopens</h1>
      <p class="standfirst">${summary}</p><div class="body">${P1}${P2}${P3}</div></article></body></html>`;
    const a = run(dek);
    expect(a.text).toContain('missed the quiet of the room');
    expect(a.text).not.toContain('with a new roof and longer hours');
    const lede = dek.replace(`<p class="standfirst">${summary}</p><div class="body">`, `<div class="body"><p>${summary}</p>`);
    expect(run(lede).text).toContain('with a new roof and longer hours');
  });
});
