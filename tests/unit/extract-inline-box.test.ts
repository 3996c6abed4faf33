/**
 * Issue 16: an end line ("Related stories") heading a box set into the middle of an English
 * article must not cut the paragraphs after the box; at the article's end it still ends the body.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const BEFORE =
  '<p>The county library reopened its reading room on Monday after a two-year renovation that replaced the roof and the old heating.</p>' +
  '<p>Staff moved nearly forty thousand volumes back onto the shelves over the weekend, with help from a crew of local volunteers.</p>' +
  '<p>Visitors queued before the doors opened, and several said they had missed the quiet of the room more than anything else.</p>';
const BOX =
  '<section class="module"><h4>Related stories</h4><ul>' +
  '<li><a href="/s/1">Town hall clock restored after storm</a></li>' +
  '<li><a href="/s/2">Ferry timetable changes for winter</a></li>' +
  '<li><a href="/s/3">School choir wins regional prize</a></li></ul></section>';
// Short paragraphs (each under 250 characters), as the end of many news articles is.
const AFTER =
  '<p>The new reading room seats sixty people and stays open until nine in the evening on weekdays.</p>' +
  '<p>“We wanted a place where anyone can sit for an hour without buying anything,” the head librarian said.</p>' +
  '<p>A café on the ground floor is due to open in the spring.</p>';

function page(body: string): string {
  return `<!doctype html><html><head><title>Library reopens after renovation</title></head><body>
    <div class="wrap"><h1>Library reopens after renovation</h1><div class="entry">${body}</div></div></body></html>`;
}

it('keeps the paragraphs after a related box set into the text', () => {
  const a = extractArticle(page(BEFORE + BOX + AFTER), 'http://news.example.org/library.html', { referee: 'never' });
  expect(a.text).toContain('The new reading room seats sixty people');
  expect(a.text).toContain('the head librarian said');
  expect(a.text).toContain('A café on the ground floor is due to open in the spring.');
  expect(a.text).not.toContain('Related stories');
  expect(a.text).not.toContain('Town hall clock');
});

it('still ends the body at a related box after the last paragraph', () => {
  const teasers = '<p>Ferry timetable changes for winter, with fewer crossings on Sundays.</p>';
  const a = extractArticle(
    page(BEFORE + AFTER + BOX.replace('</ul></section>', `</ul>${teasers}</section>`)),
    'http://news.example.org/library.html',
    { referee: 'never' },
  );
  expect(a.text).toContain('A café on the ground floor is due to open in the spring.');
  expect(a.text).not.toContain('Related stories');
  expect(a.text).not.toContain('fewer crossings on Sundays');
});
