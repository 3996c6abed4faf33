/**
 * Issue 16, en16fix13: kinds of markup a thirteenth outside English set found, each with our own text.
 * Out: an affiliate disclosure written subject first ("… may earn a commission when you buy through
 * links …"), a figcaption closed by a bracketed `(Source: Name)` credit, a video card whose
 * `Watch:` title and running time are elements of their own beside its play button, a call to
 * action of two short pitch lines over its button. Kept: a sentence about commissions without
 * links, a plain caption (the caption policy), a time in a sentence, a box of real paragraphs.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const BODY = [
  'The harbour ferry to the northern islands will run twice as often from June, after the port board agreed to lease a second boat for the summer season.',
  'Islanders had asked for more crossings for years, saying the single morning boat left day workers and school pupils with no way home before evening.',
  'The leased boat is smaller than the current ferry and carries no cars, so vehicle bookings will stay limited to the first crossing of the day.',
  'The board said it would publish the new timetable in May and review the arrangement in October, once it has counted how many people used the extra trips.',
];

function page(between: string, before = ''): string {
  const [a, b, c, d] = BODY.map((p) => `<p>${p}</p>`);
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Island ferry to run twice as often | Harbour Gazette</title></head><body>' +
    '<header><nav><a href="/">Harbour Gazette</a> <a href="/islands">Islands</a></nav></header><main><article><h1>Island ferry to run twice as often</h1>' +
    `<div class="story-text">${before}${a}${b}${between}${c}${d}</div>` +
    '<div class="more"><h2>More stories</h2><ul><li><a href="/x">Lighthouse keeper retires</a></li><li><a href="/y">Pier lights replaced</a></li></ul></div>' +
    '</article></main><footer><p>Harbour Gazette</p></footer></body></html>'
  );
}

it('leaves out an affiliate disclosure written subject first, above the text', () => {
  const note = '<p class="note"><em>The Harbour Gazette may earn a commission when you buy through links in this story.</em></p>';
  const a = extractArticle(page('', note), 'https://gazette.example/ferry');
  expect(a.paragraphs).toEqual(BODY);
});

it('leaves out the same disclosure naming links first', () => {
  const note = '<p><em>We may earn an affiliate commission from links on this page.</em></p>';
  const a = extractArticle(page(note), 'https://gazette.example/ferry2');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a sentence about commissions that names no links', () => {
  const line = '<p>Travel agents may earn a commission when you buy a season ticket at their counter, the board said.</p>';
  const a = extractArticle(page(line), 'https://gazette.example/ferry3');
  expect(a.paragraphs).toContain('Travel agents may earn a commission when you buy a season ticket at their counter, the board said.');
});

it('leaves out a caption closed by its credit in brackets as source and name', () => {
  const figure =
    '<figure class="pic"><img src="https://gazette.example/img/ferry.jpg" alt="">' +
    '<figcaption class="pic-caption"><span>The morning ferry leaving the north quay in fog.</span><span class="pic_by__x1">(Harbour Gazette: Ines Varo)</span></figcaption></figure>';
  const a = extractArticle(page(figure), 'https://gazette.example/ferry4');
  expect(a.paragraphs).toEqual(BODY);
  expect(a.paragraphs.join(' ')).not.toContain('Ines Varo');
});

it('keeps a plain caption with no credit (the caption policy)', () => {
  const figure =
    '<figure class="pic"><img src="https://gazette.example/img/quay.jpg" alt="">' +
    '<figcaption>The north quay, where the second boat will berth.</figcaption></figure>';
  const a = extractArticle(page(figure), 'https://gazette.example/ferry5');
  expect(a.paragraphs).toContain('The north quay, where the second boat will berth.');
});

it('leaves out a video card whose title and running time are elements of their own', () => {
  const card =
    '<div class="clip" data-clip="c-31"><div class="clip__player"><button class="clip__play" aria-label="Play">▶</button></div>' +
    '<p class="clip__title">Watch: a crossing to the islands in winter</p><span class="clip__time">03:41</span>' +
    '<p class="clip__credit">© Harbour Gazette</p></div>';
  const a = extractArticle(page(card), 'https://gazette.example/ferry6');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a Watch line and a time with no play control', () => {
  const lines = '<div class="listing"><p>Watch: the board meets on the ferry question tonight</p><span>19:30</span></div>';
  const a = extractArticle(page(lines), 'https://gazette.example/ferry7');
  expect(a.paragraphs).toContain('Watch: the board meets on the ferry question tonight');
});

it('leaves out a call to action of two short pitch lines over its button', () => {
  const cta =
    '<div class="embed"><div class="promo"><div class="promo__title">See how Tidewell plans every crossing</div>' +
    '<p class="promo__text">Timetables and bookings in one place.</p><a class="btn" href="https://tidewell.example/demo">Book a demo</a></div></div>';
  const a = extractArticle(page(cta), 'https://gazette.example/ferry8');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a box of real paragraphs that ends in a button', () => {
  const long =
    'Fares will not change for the summer, and holders of an island resident card will keep travelling at half price on every crossing.';
  const box = `<div class="fares"><p>${long}</p><p>Tickets bought online are valid on either boat.</p><a class="btn" href="/fares">See fares</a></div>`;
  const a = extractArticle(page(box), 'https://gazette.example/ferry9');
  expect(a.paragraphs).toContain(long);
});
