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

const PROSE = [
  'The city will spend more on servicing its debt next year than on its parks, the finance office said on Monday.',
  'Borrowing rose sharply after the new bridge was approved, and rates have climbed since the loans were signed.',
  'Council members disagreed on whether to refinance now or wait for rates to fall again next spring.',
  'A vote on the budget is expected at the end of the month, after two public hearings in the town hall.',
];

function chartPage(figure: string): string {
  return page(
    'City debt costs to pass parks budget',
    `<div class="story-body">${P(PROSE[0]!)}${P(PROSE[1]!)}${figure}${P(PROSE[2]!)}${P(PROSE[3]!)}</div>`,
  );
}

it('leaves out the labels of a chart drawn in HTML inside the article', () => {
  const ticks = ['$120', 'million', 'Debt service', '$90', '60', '30', '0', '’19', '’20', '’21', '’22', '’23', '’24'];
  const chart =
    '<div class="graphic-wrap"><div class="ai2html"><div class="g-artboard">' +
    ticks.map((t) => `<div class="g-label" style="position:absolute"><p class="g-pstyle0">${t}</p></div>`).join('') +
    '</div></div></div>';
  const a = extractArticle(chartPage(chart), URL, { referee: 'never' });
  expect(a.paragraphs).toEqual(PROSE);
});

it('keeps short lines of figures that are not in a chart (a results list written as paragraphs)', () => {
  const results = ['Harbour 3', 'Millbrook 1', 'Eastfield 2', 'Oakridge 2', 'Riverside 0', 'Northgate 4', 'Stonebridge 1', 'Westport 5'];
  const a = extractArticle(chartPage(`<div class="results">${results.map(P).join('')}</div>`), URL, { referee: 'never' });
  for (const r of results) expect(a.paragraphs).toContain(r);
});

const STORY = [
  'The harbour bridge will close to cars for nine months from March while its deck is rebuilt, the city said on Tuesday.',
  'Drivers will be sent along the river road, which adds about ten minutes to a trip across town at rush hour.',
  'Shop owners near the bridge said they feared losing passing trade over the summer, their busiest season.',
  'The council will hold a public meeting on the detour at the library on the evening of March 24.',
];

function storyPage(box: string, at = 2): string {
  const ps = STORY.map(P);
  ps.splice(at, 0, box);
  return page('Harbour bridge to close for nine months', `<div class="story-body">${ps.join('')}</div>`);
}

it('leaves out a call-to-action box set into the text: one line and its button', () => {
  for (const box of [
    '<div class="promo-box"><p>Stay on top of local news. Get the morning briefing in your inbox.</p><a href="/signup">Sign up free</a></div>',
    '<div class="article-callout"><p>Refinancing? Compare today’s best mortgage rates.</p><a href="/rates">See rates</a></div>',
  ]) {
    const a = extractArticle(storyPage(box), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(STORY);
  }
});

it('keeps a box whose link is not a button (a quoted statement and its source)', () => {
  const box =
    '<div class="statement"><p>“We know the detour is a burden, and we will keep it as short as the work allows,” the mayor said.</p><a href="/docs/statement.pdf">Full statement from the mayor’s office</a></div>';
  const a = extractArticle(storyPage(box), URL, { referee: 'never' });
  expect(a.text).toContain('the mayor said');
});

it('leaves out a key-points box above the text and an inline video card’s label and title', () => {
  const keyPoints =
    '<div class="summary-box"><h2>Key Points</h2><ul><li>The bridge closes to cars in March.</li><li>Traffic goes by the river road.</li></ul></div>';
  const video =
    '<div class="InlineVideo-container"><div class="InlineVideo-label">VIDEO<span>02:41</span></div><div class="InlineVideo-title">How the bridge deck will be rebuilt</div></div>';
  const a = extractArticle(storyPage(video).replace('<div class="story-body">', `<div class="story-body">${keyPoints}`), URL, {
    referee: 'never',
  });
  expect(a.paragraphs).toEqual(STORY);
});

it('keeps a video’s caption sentence, and a key-points-like heading inside the text', () => {
  const video =
    '<div class="inline-video"><div class="player"></div><div class="inline-video-caption"><span>The mayor explained the closure at a news conference on Tuesday. (City Hall video)</span></div></div>';
  const section = '<h2>Key points</h2><ul><li>Cars are detoured from March.</li><li>Buses keep their stops.</li></ul>';
  const a = extractArticle(storyPage(video + section), URL, { referee: 'never' });
  expect(a.text).toContain('The mayor explained the closure');
  expect(a.text).toContain('Buses keep their stops.');
});

it('leaves out a newsletter’s sponsor line and its e-mail footer', () => {
  // Every line its own block of one text cell, as e-mail templates write them.
  const lines = [
    'Hi all,',
    ...STORY,
    'See you next week, Ana',
    '<strong>Sponsor:</strong> Trailbox packs fit a week of clothes in a carry-on. Readers get 10% off with code BRIDGE10.',
    'You are receiving this email because you signed up on our website.',
    '<strong>Our mailing address is:</strong>',
    'The Bridge Letter · 12 Quay Street · Harbourtown',
    'Want to change how you receive these emails?',
    'You can <a href="#">update your preferences</a> or <a href="#">unsubscribe</a>.',
  ];
  const body = `<table class="shell"><tr><td class="textContent">${lines.map((t) => `<p>${t}</p>`).join('')}</td></tr></table>`;
  const a = extractArticle(
    `<!doctype html><html><head><title>The Bridge Letter #12: the detour</title></head><body>${body}</body></html>`,
    'https://archive.example.com/?id=12',
    { referee: 'never' },
  );
  expect(a.text).toContain(STORY[3]);
  expect(a.text).not.toContain('Sponsor');
  expect(a.text).not.toContain('Trailbox');
  expect(a.text).not.toContain('mailing address');
  expect(a.text).not.toContain('Quay Street');
  expect(a.text).not.toContain('Want to change');
});
