/**
 * Issue 16, en16fix14: kinds of markup a fourteenth outside English set found, each with our own text.
 * Out: a video card labelled `Related video:` whose running time sits in a player box of its own.
 * Kept: a sentence that starts with the same words.
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

it('leaves out a "Related video" card whose running time sits in the player box', () => {
  const card =
    '<div class="clip-in-text"><span class="clip-label">Related video: Inside the library’s new reading room (Valley TV)</span>' +
    '<div class="clip-player"><button aria-label="Play video"></button><span class="clip-length">2:07</span></div></div>';
  const a = extractArticle(page(card), 'https://courier.example/library');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a sentence that starts like a video label', () => {
  const line = '<p>Related video recordings of council meetings are kept in the library’s archive, the clerk said.</p>';
  const a = extractArticle(page(line), 'https://courier.example/library2');
  expect(a.paragraphs).toContain('Related video recordings of council meetings are kept in the library’s archive, the clerk said.');
});

it('leaves out a like button beside its loading placeholder inside the text box', () => {
  const likes =
    '<div class="likes-box"><h3 class="likes-title">Like this:</h3><div class="likes-holder"><span class="btn"><span>Like</span></span> <span class="wait">Loading...</span></div></div>';
  const a = extractArticle(page('', '', likes), 'https://courier.example/library3');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a sentence about loading', () => {
  const line = '<p>Like loading a van in the rain, moving the reference books took the staff most of a week.</p>';
  const a = extractArticle(page(line), 'https://courier.example/library4');
  expect(a.paragraphs).toContain('Like loading a van in the rain, moving the reference books took the staff most of a week.');
});

it('leaves out a page change stamp after the text, its date before the change message', () => {
  const stamp =
    '<div class="page-stamp">Last modified 12 March 2026: <a href="https://code.example/site/commit/9f8e7d6">Library: add Sunday hours (#412) (9f8e7d6)</a></div>';
  const a = extractArticle(page('', '', stamp), 'https://courier.example/library5');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a sentence that starts with the same words and no date', () => {
  const line = '<p>Last modified in the 1970s, the reading room still has its original oak shelves and brass lamps.</p>';
  const a = extractArticle(page(line), 'https://courier.example/library6');
  expect(a.paragraphs).toContain('Last modified in the 1970s, the reading room still has its original oak shelves and brass lamps.');
});

function headed(under: string, meta: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Library to open on Sundays | Valley Courier</title></head><body>' +
    '<header><nav><a href="/">Valley Courier</a> <a href="/town">Town</a></nav></header><main><article>' +
    `<h1>Library to open on Sundays</h1>${under}${meta}` +
    `<div class="story-text">${BODY.map((p) => `<p>${p}</p>`).join('')}</div>` +
    '</article></main><footer><p>Valley Courier</p></footer></body></html>'
  );
}

it('leaves out a paragraph dek set apart from the text by the byline', () => {
  const dek = '<p class="intro-big">Two extra staff, paid from reserves, for a trial year of afternoons.</p>';
  const meta =
    '<div class="who"><p>Rhian Oakes</p><p>Town reporter · <time datetime="2026-03-02">March 2, 2026</time> · 3 min read</p></div>';
  const a = extractArticle(headed(dek, meta), 'https://courier.example/library7');
  expect(a.paragraphs).toEqual(BODY);
});

it('leaves out a dek in the same box as the text when the byline follows it', () => {
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Library to open on Sundays</title></head><body><main><div class="content">' +
    '<h1>Library to open on Sundays</h1><div class="summary-line">Two extra staff, paid from reserves, for a trial year of afternoons.</div>' +
    '<div class="by">By <b>Rhian Oakes</b> | <time datetime="2026-03-02">Monday, March 02, 2026</time></div>' +
    `${BODY.map((p) => `<p>${p}</p>`).join('')}</div></main></body></html>`;
  const a = extractArticle(html, 'https://courier.example/library8');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a lede under the title that a picture, not a byline, sets apart', () => {
  const lede = `<p>${BODY[0]}</p>`;
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Library to open on Sundays</title></head><body><main><article>' +
    `<h1>Library to open on Sundays</h1>${lede}<figure><img src="https://courier.example/i/hall.jpg" alt=""><figcaption>The reading room. Photo by Ann Lee.</figcaption></figure>` +
    `<div class="story-text">${BODY.slice(1)
      .map((p) => `<p>${p}</p>`)
      .join('')}</div></article></main></body></html>`;
  const a = extractArticle(html, 'https://courier.example/library9');
  expect(a.paragraphs[0]).toBe(BODY[0]);
});

it('leaves out a reader poll set into the text, its question and note with it', () => {
  const poll =
    '<div class="ask-readers"><div class="ask-q">Would you use the library on a Sunday afternoon?</div>' +
    '<form><label><input type="radio" name="p"> Often</label><label><input type="radio" name="p"> Now and then</label><label><input type="radio" name="p"> Never</label><button>Send</button></form>' +
    '<p class="ask-small">Answers are anonymous and not a survey.</p></div>';
  const a = extractArticle(page(poll), 'https://courier.example/library10');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a paragraph beside a single checkbox form (no poll)', () => {
  const box =
    '<div class="notice"><p>Readers who want a reminder before the first Sunday can ask at the desk, the council said.</p><form><label><input type="radio" name="r"> Remind me</label></form></div>';
  const a = extractArticle(page(box), 'https://courier.example/library11');
  expect(a.paragraphs).toContain('Readers who want a reminder before the first Sunday can ask at the desk, the council said.');
});

it('leaves out the newsroom call for readers’ stories closing the text', () => {
  const tip =
    '<p class="end-note"><em>Do you have a news tip for the Courier? Contact us at <a href="mailto:desk@courier.example">desk@courier.example</a></em></p>';
  const a = extractArticle(page('', '', tip), 'https://courier.example/library12');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a question about stories that is part of the text', () => {
  const line =
    '<p>Have you got a story about the old market hall library? The archivist wants to record them before the building is sold.</p>';
  const a = extractArticle(page('', '', line), 'https://courier.example/library13');
  expect(a.paragraphs.at(-1)).toBe(
    'Have you got a story about the old market hall library? The archivist wants to record them before the building is sold.',
  );
});
