/**
 * Issue 16, en16fix15: kinds of markup a fifteenth outside English set found, each with our own text.
 * Kept: a block editor's section heading in a box named for it (`…-header-block`), its text in a leaf div.
 * Out: a sponsor's box opened by its label (`Together with …`) with its pitch and button.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const BODY = [
  'The county library will open on Sundays from next month, after the council found money in its reserves to pay two extra staff for a trial year.',
  'Readers had petitioned for weekend hours since the branch in the old market hall closed, leaving the main library as the only one in the town centre.',
  'Sunday opening will run from noon to five, and the reading room and the children’s floor will both be staffed for the whole afternoon.',
  'The council said it would count visitors each week and decide next spring whether to keep the Sunday hours once the trial year is over.',
];

function page(between: string, before = '', after = ''): string {
  const [a, b, c, d] = BODY.map((p) => `<p>${p}</p>`);
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Library to open on Sundays | Valley Courier</title></head><body>' +
    '<header><nav><a href="/">Valley Courier</a> <a href="/town">Town</a></nav></header><main><article><h1>Library to open on Sundays</h1>' +
    `<div class="story-text">${before}${a}${b}${between}${c}${d}${after}</div>` +
    '<div class="more"><h2>More stories</h2><ul><li><a href="/x">Market hall sold</a></li><li><a href="/y">Bus station repainted</a></li></ul></div>' +
    '</article></main><footer><p>Valley Courier</p></footer></body></html>'
  );
}

/** A block editor's page: every block a div, its text in a leaf div; headings an <h2> around a leaf. */
function blocksPage(headingBox: string): string {
  const leaf = (t: string): string => `<div class="blk-text"><div><div contenteditable="false" data-leaf="true">${t}</div></div></div>`;
  const heading = (t: string): string =>
    `<div class="${headingBox}"><div style="display:flex"><h2><div contenteditable="false">${t}</div></h2></div></div>`;
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Sunday hours</title></head><body><div id="app"><div class="topbar"><a href="/">Workspace</a> / <a href="/lib">Library</a></div>' +
    '<h1 contenteditable="false">Sunday hours</h1><div class="page-body">' +
    leaf(BODY[0]!) +
    heading('Who pays for it') +
    leaf(BODY[1]!) +
    leaf(BODY[2]!) +
    heading('What happens next') +
    leaf(BODY[3]!) +
    '</div></div></body></html>'
  );
}

it('keeps a section heading whose box is named a header block, its text in a leaf div', () => {
  const a = extractArticle(blocksPage('blk-header-block'), 'https://notes.example/sunday');
  expect(a.paragraphs).toEqual([BODY[0], 'Who pays for it', BODY[1], BODY[2], 'What happens next', BODY[3]]);
});

it('still leaves out a header box that holds links besides its heading', () => {
  const html = blocksPage('blk-header-block').replace(
    '<div class="topbar">',
    '<div class="site-header"><h2>Valley Notes</h2><a href="/login">Log in</a></div><div class="topbar">',
  );
  const a = extractArticle(html, 'https://notes.example/sunday2');
  expect(a.paragraphs).not.toContain('Valley Notes');
  expect(a.paragraphs).toContain('Who pays for it');
});

it('leaves out a sponsor box opened by its "Together with" label, its pitch and button with it', () => {
  const ad =
    '<div style="padding:20px;background:#fef"><p style="font-size:12px">Together with Quillbox Storage</p>' +
    '<p><strong>Boxes that stack.</strong> Quillbox keeps your spare books dry in a unit near you. Readers get the first month free.</p>' +
    '<a href="https://quillbox.example/courier">Claim the offer</a></div>';
  const a = extractArticle(page(ad), 'https://courier.example/library10');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a paragraph that opens with the same words, and a label with no box of its own', () => {
  const line = '<p>Together with the museum, the library will host a Sunday storytime for under-fives in the reading room.</p>';
  const a = extractArticle(page(line), 'https://courier.example/library11');
  expect(a.paragraphs).toContain('Together with the museum, the library will host a Sunday storytime for under-fives in the reading room.');
  // A short "Together with …" heading line inside the text's own box is the author's, not an ad.
  const heading = '<h3>Together with the museum</h3>';
  const b = extractArticle(page(heading), 'https://courier.example/library12');
  expect(b.paragraphs).toContain('Together with the museum');
});

it('leaves out a video player’s caption and running time when the box has no "Watch:" label', () => {
  const player =
    '<div class="clip-box"><div class="player-x"><button class="player-x__play">Play</button>' +
    '<div class="player-x__title">Volunteers move the reference shelves</div><span class="player-x__time">0:58</span></div></div>';
  const a = extractArticle(page(player), 'https://courier.example/library13');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a short update beside its time stamp and a share button (a live entry, no player)', () => {
  const entry =
    '<div class="entry"><span class="entry-time">10:45</span><p>The doors opened on time and forty people queued for the reading room.</p><button>Share</button></div>';
  const a = extractArticle(page(entry), 'https://courier.example/library14');
  expect(a.paragraphs).toContain('The doors opened on time and forty people queued for the reading room.');
});

it('leaves out captions closed by an agency credit or a video credit in brackets', () => {
  const pic =
    '<div class="pic-box"><img src="https://courier.example/i/hall.jpg" alt="hall"><div class="caption"><p>The reading room on a weekday morning. <span>(Northlight Images)</span></p></div></div>';
  const clip = '<div class="caption"><p>The librarian explains the new hours to the council (Video: Valley TV)</p></div>';
  const a = extractArticle(page(pic, '', clip), 'https://courier.example/library15');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a sentence with a bracketed name that is no credit', () => {
  const line = '<p>The council bought the scanner from a local firm (Harbour Imaging Ltd) after a tender last year.</p>';
  const a = extractArticle(page(line), 'https://courier.example/library16');
  expect(a.paragraphs).toContain('The council bought the scanner from a local firm (Harbour Imaging Ltd) after a tender last year.');
});

it('leaves out a follow-us strapline, a linked newsletter pitch and a line of hashtags', () => {
  const strap =
    '<div class="strap"><p><a href="https://courier.example/follow">Follow the Courier on Signal</a></p>' +
    '<p>Stay up to date with every story from the valley by following the Courier</p></div>';
  const pitch =
    '<p><em>Get the week’s council decisions in one short read every Friday. <a href="https://courier.example/newsletters">Sign up for our Town Hall newsletter</a>.</em></p>';
  const tags = '<p>#libraries #weekends #localgov</p>';
  const a = extractArticle(page(strap + pitch, '', tags), 'https://courier.example/library17');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps sentences about following and signing up, and one hashtag in prose', () => {
  const lines = [
    'Staff will keep up with demand by following the pattern of the Saturday rota, the manager said.',
    'Residents who sign up for the library’s reading challenge get a stamp card for each visit.',
    'The library’s campaign used the tag #SundayStories on its posters in the market hall.',
  ];
  const a = extractArticle(page(lines.map((l) => `<p>${l}</p>`).join('')), 'https://courier.example/library18');
  for (const l of lines) expect(a.paragraphs).toContain(l);
});

it('still leaves out a page header whose heading has a menu button beside it', () => {
  const html = blocksPage('blk-header-block').replace(
    '<div class="topbar">',
    '<div class="top-header"><a id="menu-toggle" class="expand"></a><h2 class="book-title">Chapter 3 - Sunday hours</h2></div><div class="topbar">',
  );
  const a = extractArticle(html, 'https://notes.example/sunday3');
  expect(a.paragraphs).not.toContain('Chapter 3 - Sunday hours');
  expect(a.paragraphs).toContain('Who pays for it');
});
