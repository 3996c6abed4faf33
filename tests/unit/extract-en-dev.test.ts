/**
 * Issue 16, English news pages: sections of ordinary articles that were cut. A list article whose
 * entries are headed by linked headings, and an article split into two containers of one kind
 * around a gallery (its lead paragraph above the gallery). Our own text, not corpus text.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const URL = 'http://news.example.org/story.html';

function page(title: string, body: string): string {
  return `<!doctype html><html><head><title>${title}</title></head><body>
    <header class="site"><nav><a href="/">Home</a> <a href="/tech">Tech</a> <a href="/games">Games</a></nav></header>
    <main><article><h1>${title}</h1><p class="byline">By Jo Marsh</p>${body}</article></main>
    <footer class="site-footer"><p>© 2024 Example News. All rights reserved.</p></footer></body></html>`;
}

const P = (t: string): string => `<p class="text">${t}</p>`;

it('keeps linked headings that head the entries of a list article', () => {
  const body =
    '<div class="story-body">' +
    P('Board games had a strong year, and picking a handful for a long winter evening is harder than it has ever been.') +
    P('We played every new release our club could borrow, and these are the four that kept coming back to the table.') +
    '<h3><a href="https://shop.example.com/lantern-harbour">Lantern Harbour ($35)</a></h3>' +
    '<div class="embed"><iframe src="https://video.example.com/embed/1"></iframe></div>' +
    P('Players steer fishing boats home through fog, trading lamp oil for safe passage; a round takes forty minutes.') +
    '<h3><a href="https://shop.example.com/orchard-row">Orchard Row ($25)</a></h3>' +
    P('A gentle card game about planting apple trees in rows, quick to teach and surprisingly sharp at the end.') +
    '<h3><a href="https://shop.example.com/canal-locks">Canal Locks ($40)</a></h3>' +
    P('Each player runs a barge company on a network of locks, and the water level is shared by everyone at once.') +
    '</div>';
  const a = extractArticle(page('Four board games for winter evenings', body), URL, { referee: 'never' });
  expect(a.paragraphs).toContain('Lantern Harbour ($35)');
  expect(a.paragraphs).toContain('Orchard Row ($25)');
  expect(a.paragraphs).toContain('Canal Locks ($40)');
  // In reading order: each heading right before its entry.
  const i = a.paragraphs.indexOf('Orchard Row ($25)');
  expect(a.paragraphs[i + 1]).toMatch(/^A gentle card game/);
  expect(a.text).not.toContain('Home');
});

it('leaves out a linked heading that does not sit between paragraphs, and a linked end line', () => {
  const body =
    '<div class="story-body">' +
    P('The ferry service to the outer islands will run twice a day from March, the operator said on Tuesday.') +
    P('Islanders had asked for a second sailing for years, saying a single crossing made hospital visits a two-day trip.') +
    '<h3><a href="/news/ferry-timetable">Read more: the full winter timetable</a></h3>' +
    P('The operator expects the extra sailing to cost about two million a year, paid for by the regional council.') +
    P('A new vessel ordered last spring will join the route once its trials are complete later in the year.') +
    '<h3><a href="/news/harbour-works">Harbour works to begin in June</a></h3>' +
    '</div>';
  const a = extractArticle(page('Ferry to run twice a day', body), URL, { referee: 'never' });
  expect(a.text).toContain('A new vessel ordered last spring');
  expect(a.text).not.toContain('Read more');
  expect(a.text).not.toContain('Harbour works to begin');
});

const LEAD =
  'The new games console is the most powerful one yet, and it plays more titles at full resolution than its rival. ' +
  'Its price, though, puts it out of reach of many players, who may be better off with the older model for now.';

const GALLERY =
  '<div class="block gallery-block"><section><h4>Gallery: the console up close | 6 Photos</h4>' +
  '<ul class="thumbs">' +
  ['front', 'back', 'side', 'controller', 'box', 'menu']
    .map(
      (v, i) =>
        `<li><img src="https://img.example.org/${i}.jpg" alt=""><span class="cap">The console seen from the ${v}, on a plain grey desk under studio lights</span></li>`,
    )
    .join('') +
  '</ul>' +
  '<div class="count">6</div></section></div>';

function splitPage(after = ''): string {
  return page(
    'Console review: fast, and pricey',
    `<div class="block"><div class="cell"><div class="article-text">${P(LEAD)}</div></div></div>` +
      GALLERY +
      '<div class="block"><div class="cell"><div class="article-text">' +
      '<h3>Hardware</h3>' +
      P('The console is smaller than the last model, with a matte case, and heavier than it looks because of what is inside.') +
      P('Under the hood there is a faster processor, more memory and a graphics chip with nearly twice the computing power.') +
      '<h3>In use</h3>' +
      P('Menus are quick, and moving games and settings across from an older console takes an external drive and an hour.') +
      P('Large games take longer to download than before, because their high-resolution textures make them much bigger.') +
      '</div></div></div>' +
      after,
  );
}

it('keeps the lead paragraph written in a container like the body’s, above a gallery', () => {
  const a = extractArticle(splitPage(), URL, { referee: 'never' });
  expect(a.paragraphs[0]).toBe(LEAD);
  expect(a.text).toContain('Large games take longer to download');
  expect(a.text).not.toContain('Gallery:');
  expect(a.text).not.toContain('6 Photos');
});

it('adds no look-alike container after the article (an end note)', () => {
  const note =
    '<div class="block"><div class="cell"><div class="article-text">' +
    P('This review first appeared on the author’s own site last year and has been updated for the new model since then.') +
    '</div></div></div>';
  const a = extractArticle(splitPage(note), URL, { referee: 'never' });
  expect(a.text).toContain('Large games take longer to download');
  expect(a.text).not.toContain('first appeared on the author');
});
