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
