/**
 * Issue 16, enfix26pre: kinds of markup where we lost to Readability on its labelled pages, each
 * with our own made-up text. In: a data table's link cells (a release, a product named by a link
 * beside its figures). Out: a piece of a line marked aria-hidden, a teaser card's lines that are
 * one link to another page. Each with a case where the rule must not fire.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const BODY = [
  'The parish council agreed on Monday to repaint the footbridge over the Wendle before the spring fair, after two winters in which the railings rusted through in places.',
  'Volunteers from the rowing club have offered to sand the railings if the council pays for the paint, the clerk told the meeting, and the work could start next month.',
  'A survey last autumn found the deck itself sound, though two of the steps on the eastern side will need new treads before the fair brings crowds across the river.',
  'Councillors also asked the clerk to write to the county about the lamp at the western end, which has not worked since the storm in November.',
];

function page(inner: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Footbridge to be repainted | Wendle Gazette</title></head><body>' +
    '<header><a href="/">Wendle Gazette</a></header><main><article><h1>Footbridge to be repainted</h1>' +
    `<div class="story-body">${inner}</div></article></main>` +
    '<footer><p>Wendle Gazette</p></footer></body></html>'
  );
}

const paras = (ps: string[]): string => ps.map((p) => `<p>${p}</p>`).join('');

// ---- a data table's link cells ------------------------------------------------------------

const RELEASES =
  '<table><tr><th>Release</th><th>Date</th></tr>' +
  '<tr><td><a href="/notes/7.2">7.2</a></td><td>March 2026</td></tr>' +
  '<tr><td><a href="/notes/7.1">7.1</a></td><td>January 2026</td></tr>' +
  '<tr><td><a href="/notes/7.0">7.0</a></td><td>October 2025</td></tr></table>';

it('keeps the link cells of a data table: the row reads whole', () => {
  const a = extractArticle(page(paras(BODY.slice(0, 2)) + RELEASES + paras(BODY.slice(2))), 'https://example.org/a');
  expect(a.paragraphs).toContain('7.2 | March 2026');
  expect(a.paragraphs).toContain('7.0 | October 2025');
  expect(a.paragraphs).toContain('Release | Date');
});

it('keeps a data table whose header row is plain cells and whose values are figures', () => {
  const table =
    '<table><tr><td><b>Boat</b></td><td><b>Length</b></td><td><b>Crew</b></td></tr>' +
    '<tr><td><a href="/boats/heron">Heron</a></td><td>11.2 m</td><td>8</td></tr>' +
    '<tr><td><a href="/boats/kestrel">Kestrel</a></td><td>9.8 m</td><td>4</td></tr>' +
    '<tr><td><a href="/boats/osprey">Osprey</a></td><td>7.5 m</td><td>2</td></tr></table>';
  const a = extractArticle(page(paras(BODY.slice(0, 2)) + table + paras(BODY.slice(2))), 'https://example.org/b');
  expect(a.paragraphs).toContain('Heron | 11.2 m | 8');
  expect(a.paragraphs).toContain('Osprey | 7.5 m | 2');
});

it('still drops a table of links only (a grid of navigation) and one with links in its first row', () => {
  const grid =
    '<table><tr><td><a href="/news">News</a></td><td><a href="/sport">Sport</a></td></tr>' +
    '<tr><td><a href="/events">Events</a></td><td><a href="/letters">Letters</a></td></tr>' +
    '<tr><td><a href="/archive">Archive</a></td><td><a href="/contact">Contact</a></td></tr></table>';
  const linkedHead =
    '<table><tr><td><a href="/a">Older stories</a></td><td>Date</td></tr>' +
    '<tr><td><a href="/s/1">Ferry timetable changes</a></td><td>2 May</td></tr>' +
    '<tr><td><a href="/s/2">Library hours</a></td><td>30 April</td></tr></table>';
  const a = extractArticle(page(paras(BODY.slice(0, 2)) + grid + paras(BODY.slice(2)) + linkedHead), 'https://example.org/c');
  expect(a.text).not.toContain('Sport');
  expect(a.text).not.toContain('Library hours');
  expect(a.paragraphs.filter((p) => BODY.includes(p))).toEqual(BODY);
});

// ---- aria-hidden pieces of a line ---------------------------------------------------------

it('drops a piece of a line the page hides from screen readers', () => {
  const first = BODY[0]!;
  const a = extractArticle(
    page(`<p><span aria-hidden="true">[icon: bridge]</span> ${first}</p>` + paras(BODY.slice(1))),
    'https://example.org/d',
  );
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a hidden drop cap that runs into its word, and a hidden box (a block) is not cut', () => {
  const first = BODY[0]!;
  const a = extractArticle(
    page(
      `<p><span class="initial" aria-hidden="true">${first[0]}</span>${first.slice(1)}</p>` +
        `<div aria-hidden="true">${paras(BODY.slice(1))}</div>`,
    ),
    'https://example.org/e',
  );
  expect(a.paragraphs).toEqual(BODY);
});

// ---- a teaser card of several lines in one link --------------------------------------------

it('drops a teaser card (a headline and a date in one link to another page) after the text', () => {
  const card =
    '<div class="more"><a href="/2025/06/ferry"><div><div>Will the ferry run again this summer?</div></div><div>June 4, 2025</div></a></div>';
  const a = extractArticle(page(paras(BODY) + card), 'https://example.org/f');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a line that is a whole link when the link holds only that line', () => {
  const q = 'Will the ferry run again this summer?';
  const a = extractArticle(
    page(paras(BODY.slice(0, 2)) + `<h2><a href="#ferry">${q}</a></h2>` + paras(BODY.slice(2))),
    'https://example.org/g',
  );
  expect(a.paragraphs).toContain(q);
});

// ---- end matter: a "most read" box set into the text, the reporter's contact line -----------

it('drops a "most read <section> stories" box set into the text and keeps the paragraphs after it', () => {
  const box =
    '<div class="rail-box"><h2>Most Read Local Stories</h2><ul>' +
    '<li><a href="/s/1">Harbour wall repairs, delayed again, to start in June</a></li>' +
    '<li><a href="/s/2">School bus route changes, explained</a></li><li><a href="/s/3">Market hall reopens</a></li></ul></div>';
  const a = extractArticle(page(paras(BODY.slice(0, 3)) + box + paras(BODY.slice(3))), 'https://example.org/h');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a subheading that only begins with "most read"', () => {
  const h = 'Most read books in the parish library this year';
  const a = extractArticle(page(paras(BODY.slice(0, 2)) + `<h2>${h}</h2>` + paras(BODY.slice(2))), 'https://example.org/i');
  expect(a.paragraphs).toContain(h);
});

it("drops the reporter's contact line under the text, not a sentence with an address in it", () => {
  const contact = '<p>Ria Calder: 555-014-2290 or rcalder@example.org; on Twitter: @riacalder.</p>';
  const a = extractArticle(page(paras(BODY) + contact), 'https://example.org/j');
  expect(a.paragraphs).toEqual(BODY);
  const sentence = 'Residents with questions can write to the clerk at clerk@example.org before the meeting on Friday.';
  const b = extractArticle(page(paras(BODY) + `<p>${sentence}</p>`), 'https://example.org/k');
  expect(b.paragraphs).toContain(sentence);
});

// ---- bylines: the reviewer's credit, a byline box named `signature` --------------------------

it("drops the expert reviewer's credit above the text as a byline", () => {
  const head = '<div>By Tam Oduya</div><div>Medically reviewed by Lena Harrow, MD</div>';
  const a = extractArticle(page(head + paras(BODY)), 'https://example.org/l');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a sentence opening with "Reviewed by"', () => {
  const s = 'Reviewed by the county surveyor in March, the plans for the eastern steps were approved without changes.';
  const a = extractArticle(page(paras(BODY.slice(0, 2)) + `<p>${s}</p>` + paras(BODY.slice(2))), 'https://example.org/m');
  expect(a.paragraphs).toContain(s);
});

it('drops a byline line in a box named for the signature above the text', () => {
  const sig = '<p class="story_signature">Gazette du Wendle | 04.03.2026 à 09h12 • Mis à jour le 05.03.2026 | Par Odile Marchal</p>';
  const a = extractArticle(page(sig + paras(BODY)), 'https://example.org/n');
  expect(a.paragraphs).toEqual(BODY);
});

// ---- a box with the class `hidden` ----------------------------------------------------------

it('skips a box given the class `hidden` (a tag list kept for a script), unless a screen size shows it', () => {
  const tags = '<ul class="hidden"><li>Parish news</li><li>Footbridges</li><li>Spring fair</li></ul>';
  const a = extractArticle(page(paras(BODY) + tags), 'https://example.org/o');
  expect(a.text).not.toContain('Footbridges');
  expect(a.paragraphs).toEqual(BODY);
  const shown = `<div class="hidden md:block">${paras(['The towpath along the eastern bank will close for a week while the steps are mended, the clerk added, with a signed diversion through the churchyard.'])}</div>`;
  const b = extractArticle(page(paras(BODY) + shown), 'https://example.org/p');
  expect(b.text).toContain('signed diversion through the churchyard');
});

it('keeps an article body marked `hidden` until its script shows it', () => {
  const a = extractArticle(page(`<div class="hidden">${paras(BODY)}</div>`), 'https://example.org/q');
  expect(a.paragraphs).toEqual(BODY);
});

// ---- a title naming a draft by its identifier -----------------------------------------------

it("takes the document's name, not its identifier, from a split title", () => {
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>draft-wendle-bridge-paint-02 - Footbridge Paint Specification</title></head><body>' +
    `<pre>${BODY.join('\n\n')}</pre></body></html>`;
  expect(extractArticle(html, 'https://example.org/r').title).toBe('Footbridge Paint Specification');
  const plain =
    '<!doctype html><html><head><meta charset="utf-8"><title>Bridge notes - Wendle</title></head><body>' + `${paras(BODY)}</body></html>`;
  expect(extractArticle(plain, 'https://example.org/s').title).toBe('Bridge notes');
});
