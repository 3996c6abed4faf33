/**
 * Issue 16, enfix18: kinds of markup an eighteenth outside English set found, each with our own text.
 * Out: a list of cards for other pages (a linked heading and a line of summary each) as the
 * article's container, chapter markers (a list item opening with a link to a time in the page's
 * player), a production credits line ("Edited by …. Music by …. Artwork by …."), a section heading
 * whose lines all went, a heading that repeats one of the page's tabs, a court opinion's caption
 * box (parties, court, counsel, panel) above the judge's line.
 * Kept: a listicle's entries with their own paragraphs, a timetable list of times without seek
 * links, a sentence with one "by", a heading with its paragraphs, a heading that is no tab, a
 * sentence naming counsel in the text, a box of only one or two caption-like lines.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const TALK = [
  'Speaker one: Welcome back. Today we are on the roof of the old mill, where a family of kestrels has nested in the same gap in the brickwork for nine years.',
  'Speaker two: The first year nobody noticed them. By the third year the mill’s owners had put up a camera and the feed had more viewers than the local radio station.',
  'Speaker one: And the camera changed how people thought about the building, did it not? It stopped being a ruin and started being a home for something.',
  'Speaker two: That is exactly it. When the council proposed clearing the site, the first objections came from people who had been watching the chicks online.',
  'Speaker one: So the birds saved the mill, in a sense, or at least bought it another decade while the trust raised the money to repair the roof properly.',
  'Speaker two: They bought it time. The trust did the rest, with bake sales, a grant from the heritage fund and a lot of volunteers on scaffolding.',
];

const NOTES = [
  'A conversation about kestrels, an old mill and the strange ways a building finds people willing to look after it, recorded on a windy afternoon.',
  'We also hear from the trust’s treasurer about how a small group raised the money for a new roof, one cake stall and one grant form at a time.',
];

const CARDS = Array.from(
  { length: 10 },
  (_, i) =>
    `<li class="card"><a href="/talks/${90 - i}"><span class="num">Talk ${90 - i}</span><h3>Another conversation number ${90 - i}</h3></a>` +
    `<p class="summary">A short summary of an earlier talk about rivers, bridges and the volunteers who look after them, number ${90 - i}.</p>` +
    `<span class="meta">${20 + i} min · Oct ${i + 1}, 2026</span></li>`,
).join('');

/** A talk's page: notes, a transcript of timestamped segments, then cards for other talks. */
function talkPage(notesExtra = '', tabs = ''): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Kestrels at the mill | Roof Talks</title></head><body>' +
    '<header><a href="/">Roof Talks</a><nav><a href="/about">About</a> <a href="/talks">Talks</a></nav></header>' +
    '<main><h1>Kestrels at the mill</h1>' +
    tabs +
    `<section class="notes">${NOTES.map((p) => `<p>${p}</p>`).join('')}${notesExtra}</section>` +
    '<section class="words">' +
    TALK.map((t, i) => `<div class="seg"><a class="ts" href="#t=0${i}:10">0${i}:10</a><p>${t}</p></div>`).join('') +
    '</section>' +
    `<section class="others"><h2>Other talks</h2><ul class="list">${CARDS}</ul></section>` +
    '</main><footer>© 2026 Roof Talks</footer></body></html>'
  );
}

it('does not take a list of cards for other pages as the article', () => {
  const a = extractArticle(talkPage(), 'https://rooftalks.example/talks/91', { referee: 'never' });
  expect(a.paragraphs).toEqual([...NOTES, ...TALK]);
});

it('still takes a listicle whose entries hold their own paragraphs under linked headings', () => {
  const entries = TALK.map(
    (t, i) =>
      `<li><h3><a href="https://shop.example/item/${i}">Item number ${i + 1}</a></h3><p>${t}</p><p>${t.replace('Speaker', 'Reader')}</p></li>`,
  );
  const html =
    '<!doctype html><html><head><title>Six things | Lists</title></head><body><main><h1>Six things</h1>' +
    `<ol>${entries.join('')}</ol></main><aside><p>Sign up for the letter.</p></aside></body></html>`;
  const a = extractArticle(html, 'https://lists.example/six', { referee: 'never' });
  expect(a.paragraphs).toContain(TALK[0]);
  expect(a.paragraphs).toContain(TALK[5]!.replace('Speaker', 'Reader'));
});

const CHAPTERS =
  '<ol class="marks">' +
  ['Welcome', 'On the roof', 'The camera', 'The council']
    .map((t, i) => `<li><a href="#t=0${i}:30">0${i}:30</a> <span>${t}</span></li>`)
    .join('') +
  '</ol>';

it('leaves out chapter markers, their orphaned heading and a credits line', () => {
  const a = extractArticle(
    talkPage(`<h3>Marks</h3>${CHAPTERS}<p>Recorded by Ann Fell. Mixed by Bo Tran. Cover art by Cy Lark.</p>`),
    'https://rooftalks.example/talks/91',
    { referee: 'never' },
  );
  expect(a.paragraphs).toEqual([...NOTES, ...TALK]);
});

it('keeps a timetable whose times are no seek links, and a sentence with one "by"', () => {
  const timetable = '<ul><li>09:30 Doors open in the mill yard</li><li>10:15 Walk up to the roof</li></ul>';
  const line = 'The new roof was paid for by the heritage fund.';
  const a = extractArticle(talkPage(`<h3>The day</h3>${timetable}<p>${line}</p>`), 'https://rooftalks.example/talks/91', {
    referee: 'never',
  });
  expect(a.paragraphs).toContain('09:30 Doors open in the mill yard');
  expect(a.paragraphs).toContain('The day');
  expect(a.paragraphs).toContain(line);
});

it('leaves out a heading left over a list of links that went', () => {
  const links =
    '<h3>Places we mention</h3><ul>' +
    ['The mill trust', 'The heritage fund', 'Bird cameras'].map((t, i) => `<li><a href="https://x${i}.example/">${t}</a></li>`).join('') +
    '</ul>';
  const a = extractArticle(talkPage(links), 'https://rooftalks.example/talks/91', { referee: 'never' });
  expect(a.paragraphs).toEqual([...NOTES, ...TALK]);
});

it('leaves out a heading that repeats a tab of the page, and keeps one that does not', () => {
  const tabs = '<div role="tablist"><button role="tab">Notes</button><button role="tab">Words</button></div>';
  const a = extractArticle(
    talkPage('<h3>In short</h3><p>Kestrels, a mill and a trust, in under an hour of talk.</p>', tabs).replace(
      '<section class="notes">',
      '<section class="notes"><h2>Notes</h2>',
    ),
    'https://rooftalks.example/talks/91',
    {
      referee: 'never',
    },
  );
  expect(a.paragraphs).not.toContain('Notes');
  expect(a.paragraphs).toContain('In short');
});

const OPINION = [
  'The question in this appeal is whether a tenant who repairs a leaking roof herself, after the landlord ignored three written requests, may deduct the cost from her rent.',
  'The trial court held that she could not, because the lease required the landlord’s written consent to any alteration. We disagree, and we reverse.',
  'A repair that restores the premises to the condition the landlord promised is not an alteration. It changes nothing the parties bargained about.',
  'Counsel for Respondent conceded at argument that the repair was necessary and that its cost was reasonable.',
];

function opinionPage(caption: string): string {
  return (
    '<!doctype html><html><head><title>Fenwick v. Osgood Properties | Case Shelf</title></head><body>' +
    '<nav><a href="/">Case Shelf</a> <a href="/search">Search</a></nav><article><h1>Fenwick v. Osgood Properties</h1>' +
    `<div class="text"><div class="cap">${caption}</div><p>PRENTICE, Judge:</p>${OPINION.map((p) => `<p>${p}</p>`).join('')}</div>` +
    '</article><footer>Case Shelf is run by volunteers.</footer></body></html>'
  );
}

it('leaves out a court opinion’s caption box above the judge’s line', () => {
  const caption =
    '<p>ROSA FENWICK, Petitioner-Appellant,<br>v.<br>OSGOOD PROPERTIES LLC, Respondent-Appellee.</p><p>No. 25-0412</p>' +
    '<p>Court of Appeal, Fourth District.</p><p>Decided May 2, 2026</p>' +
    '<p>Ivo Marsh, Tenants’ Law Project, for Petitioner-Appellant. Dana Kray, Kray &amp; Pell, for Respondent-Appellee.</p>' +
    '<p>Before: PRENTICE, LOWE and ASH, Judges.</p>';
  const a = extractArticle(opinionPage(caption), 'https://caseshelf.example/c/1', { referee: 'never' });
  expect(a.paragraphs).toEqual(['PRENTICE, Judge:', ...OPINION]);
});

it('keeps a box above the text that holds only one or two caption-like lines', () => {
  const note = '<p>No. 25-0412</p><p>This opinion was corrected on May 9, 2026 to fix a misspelled name.</p>';
  const a = extractArticle(opinionPage(note), 'https://caseshelf.example/c/1', { referee: 'never' });
  expect(a.paragraphs).toContain('This opinion was corrected on May 9, 2026 to fix a misspelled name.');
  expect(a.paragraphs).toContain(OPINION[3]);
});
