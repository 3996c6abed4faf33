/**
 * Issue 16, en16fix9: kinds of markup a ninth outside English set found, each with our own text.
 * Out: the sign-off run under the text (a one-line author bio, an institution's "views are solely
 * the author's" disclaimer, a copyright line, "This story was originally published …"). In: the
 * same kinds of sentence when prose follows them.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const BODY = [
  'The river authority will open the old lock gates at Fernby for the first time in forty years next spring, its chair said on Tuesday after a survey found the masonry sound.',
  'Boats have had to turn back two miles below the town since the gates were sealed, and the boatyards above the lock have relied on road haulage for their hulls.',
  'The authority said the repairs would take the whole winter and that the towpath would stay open, apart from a short diversion around the lock keeper’s cottage.',
  'Owners of the boatyards, who met the authority on Tuesday, said the reopening could bring back the hire trade the town lost when the lock was closed.',
];

function page(tail: string, head = ''): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Fernby lock to reopen | Example Waterways</title></head><body>' +
    '<header><a href="/">Example Waterways</a></header><main><article><h1>Fernby lock to reopen</h1>' +
    `<div class="body-field">${head}${BODY.map((p) => `<p>${p}</p>`).join('')}${tail}</div></article></main>` +
    '<footer><p>Example Waterways</p></footer></body></html>'
  );
}

it('drops a bio, an institutional disclaimer and a copyright line closing the body field', () => {
  const a = extractArticle(
    page(
      '<hr><p><em>Marta Quill is a visiting fellow with the Inland Transport Programme at the Example Policy Institute.</em></p>' +
        '<p><em>Waterways Briefs are published by the Example Policy Institute, an independent research body. The institute takes no institutional positions, and all views, findings and conclusions here should be understood to be solely those of the author(s).</em></p>' +
        '<p><em>© 2027 Example Policy Institute. All rights reserved.</em></p>',
    ),
    'https://example.org/a',
  );
  expect(a.paragraphs).toEqual(BODY);
});

it('drops a closing "originally published" line, whether story or article', () => {
  for (const line of [
    'This story was originally published March 4, 2027 at 7:40 AM.',
    'This article was first published by the Fernby Packet. Read the original at packet.example.org.',
  ]) {
    const a = extractArticle(page(`<p><em>${line}</em></p>`), 'https://example.org/b');
    expect(a.paragraphs).toEqual(BODY);
  }
});

it('keeps such sentences when the article goes on after them', () => {
  const bio = 'Peter Lorne is a retired lock keeper at Fernby who kept the gates for twenty years before they were sealed.';
  const ran = 'This story was first published in the parish magazine in 1984, when the lock was closed.';
  const a = extractArticle(page('', `<p>${bio}</p><p>${ran}</p>`), 'https://example.org/c');
  expect(a.paragraphs).toEqual([bio, ran, ...BODY]);
});

const FACTS =
  '<table class="facts"><tbody><tr><th colspan="2">Fernby Lock</th></tr>' +
  '<tr><td colspan="2"><img src="https://example.org/lock.jpg" alt=""></td></tr>' +
  '<tr><th>Waterway</th><td>Fernby Navigation</td></tr><tr><th>Rise</th><td>2.4 m</td></tr>' +
  '<tr><th>Built</th><td>1791</td></tr><tr><th>Sealed</th><td>1986</td></tr></tbody></table>';

it('drops a label/value fact box standing above the first paragraph; its picture stays', () => {
  const a = extractArticle(page('', FACTS), 'https://example.org/d');
  expect(a.paragraphs).toEqual(BODY);
  expect(a.text).not.toContain('Waterway');
  expect(a.images.map((i) => i.src)).toContain('https://example.org/lock.jpg');
});

it('keeps a label/value table once the text has begun', () => {
  const a = extractArticle(page(FACTS), 'https://example.org/e');
  expect(a.text).toContain('Fernby Navigation');
  expect(a.text).toContain('1791');
});
