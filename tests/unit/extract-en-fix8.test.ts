/**
 * Issue 16, en16fix8: kinds of markup an eighth outside English set found, each with our own text.
 * Out: notes printed after the text (where it ran in print, an affiliate disclosure, a publisher's
 * disclaimer and its heading, a press office's contact line), an ad slot's label, a "Read more:" line whose link
 * title has a comma, a table's caption and Source line, a chart's title, a box set between two
 * chunks of the body. In: a subheading whose class names it a header, a footnote's linked number.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const BODY = [
  'The ferry between the two islands will run twice a day through the winter for the first time, the harbour board said on Monday after a year of petitions from the smaller island.',
  'Until now the boat stopped in November and the sixty residents of the smaller island relied on a fishing boat that took passengers only when the sea was calm enough.',
  'The board said the winter timetable would cost about the same as a new pontoon, and that the number of crossings would be reviewed after the first season.',
  'Residents who met the board on Monday said the change would let children stay at the secondary school on the larger island through the whole year.',
];

function page(inside: string, after = '', head = ''): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>Winter ferry for the islands | Example Courier</title>${head}</head><body>` +
    '<header><a href="/">Example Courier</a></header><main><article><h1>Winter ferry for the islands</h1>' +
    `<div class="story-text">${BODY.map((p) => `<p>${p}</p>`).join('')}${inside}</div>${after}</article></main>` +
    '<footer><p>© 2026 Example Courier</p></footer></body></html>'
  );
}

function expectBody(text: string): void {
  for (const p of BODY) expect(text).toContain(p);
}

it('drops a print-edition note and an affiliate disclosure printed after the text', () => {
  const a = extractArticle(
    page(
      '',
      '<p class="end-note"><i>This story appears in the March 2027 print edition with the headline “Crossing Over.”</i></p>' +
        '<p class="shop-note"><i>If you buy a map through the links in this article, we may earn a small commission.</i></p>',
    ),
    'https://example.org/a',
  );
  expectBody(a.text);
  expect(a.text).not.toMatch(/print edition|commission/);
});

it('drops a publisher’s disclaimer paragraph and the heading of its box', () => {
  const disclaimer =
    'The Example Institute is an independent body that studies transport on small islands and is funded by its members. The findings and conclusions of any Example Institute paper are solely those of its authors and do not necessarily reflect the views of the Institute, its trustees or its funders.';
  const a = extractArticle(
    page('', `<div class="paper-end"><h2>Funding and disclaimer</h2><p>${disclaimer}</p></div>`),
    'https://example.org/a',
  );
  expectBody(a.text);
  expect(a.text).not.toMatch(/Funding and disclaimer|solely those of its authors/);
});

it('drops a press office’s contact line from the notes to editors, keeps the notes', () => {
  // The first English set prints notes to editors as part of a release (in); the contact line is not.
  const a = extractArticle(
    page(
      '<h2>Notes to editors</h2><ul><li>The harbour board’s timetable is published on its website.</li><li>Media enquiries: Harbour board press office, 01632 960 123 (weekends 01632 960 999).</li></ul>',
    ),
    'https://example.org/a',
  );
  expectBody(a.text);
  expect(a.text).toContain('Notes to editors');
  expect(a.text).toContain('The harbour board’s timetable is published on its website.');
  expect(a.text).not.toMatch(/Media enquiries|01632/);
});

it('drops an ad slot’s leftover label and a sponsored label between paragraphs', () => {
  const inside =
    `<p>${BODY[0]}</p><div class="slot"><span>Article continues below advertisement</span><div class="ad">Advertisement</div></div>` +
    `<p>${BODY[1]}</p><div class="promo"><p class="promo-label">Sponsored</p></div><p>${BODY[2]}</p><p>${BODY[3]}</p>`;
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Winter ferry | Example Courier</title></head><body><main><article><h1>Winter ferry</h1>' +
    `<div class="story-text">${inside}</div></article></main></body></html>`;
  const a = extractArticle(html, 'https://example.org/a');
  expectBody(a.text);
  expect(a.text).not.toMatch(/continues below|Sponsored/);
});

it('drops a newsletter box’s pitch line whose fine print is dropped', () => {
  const a = extractArticle(
    page(
      '<div class="InboxOffer_root"><div class="InboxOffer_copy"><p class="InboxOffer_pitch">Get the harbour news in your inbox every Friday.</p><form><input type="email"><button>Go</button></form>' +
        '<p class="InboxOffer_legal">By subscribing, you agree to our terms.</p></div></div>',
    ),
    'https://example.org/a',
  );
  expectBody(a.text);
  expect(a.text).not.toMatch(/in your inbox|you agree/);
});

it('drops a "Read more:" line whose linked title has a comma, keeps a sentence that links', () => {
  const linked = 'The board published <a href="/timetable">the full winter timetable</a>, with fares, on its website.';
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Winter ferry | Example Courier</title></head><body><main><article><h1>Winter ferry</h1>' +
    `<div class="story-text"><p>${BODY[0]}</p><p>${BODY[1]}</p><p><em>Read more: <a href="/other"><strong>Six piers, three boats and a very long winter</strong></a></em></p>` +
    `<p>${BODY[2]}</p><p>${linked}</p><p>${BODY[3]}</p></div></article></main></body></html>`;
  const a = extractArticle(html, 'https://example.org/a');
  expectBody(a.text);
  expect(a.text).not.toMatch(/Read more|Six piers/);
  expect(a.text).toContain('The board published the full winter timetable, with fares, on its website.');
});

it('drops a table’s caption and its Source line, keeps the rows', () => {
  const table =
    '<figure class="data-table"><table><caption>Table 2. Crossings per week by season, 2026</caption>' +
    '<thead><tr><th>Season</th><th>Crossings</th></tr></thead><tbody><tr><td>Summer</td><td>28</td></tr><tr><td>Winter</td><td>14</td></tr></tbody></table>' +
    '<figcaption>Source: Harbour board records, 2026.</figcaption></figure>';
  const a = extractArticle(page(table), 'https://example.org/a');
  expectBody(a.text);
  expect(a.text).toContain('Winter');
  expect(a.text).toContain('14');
  expect(a.text).not.toMatch(/Table 2|Harbour board records/);
});

it('drops a chart’s title and source in a figure, keeps the text around it', () => {
  const chart =
    '<figure class="fig"><div><h3>Rough water</h3><p>Days with waves over two metres</p><img src="https://example.org/chart.png" width="600" height="300" alt=""></div>' +
    '<figcaption>Source: Island Weather Office</figcaption></figure>';
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Winter ferry | Example Courier</title></head><body><main><article><h1>Winter ferry</h1>' +
    `<div class="story-text"><p>${BODY[0]}</p><p>${BODY[1]}</p>${chart}<p>${BODY[2]}</p><p>${BODY[3]}</p></div></article></main></body></html>`;
  const a = extractArticle(html, 'https://example.org/a');
  expectBody(a.text);
  expect(a.text).not.toMatch(/Rough water|Island Weather Office/);
});

it('keeps a subheading whose class names it a header', () => {
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Winter ferry | Example Courier</title></head><body><main><article><h1>Winter ferry</h1>' +
    `<div class="post-body"><p>${BODY[0]}</p><p>${BODY[1]}</p><h3 class="header-anchor-link">What the board decided</h3><p>${BODY[2]}</p><p>${BODY[3]}</p></div>` +
    '</article></main></body></html>';
  const a = extractArticle(html, 'https://example.org/a');
  expectBody(a.text);
  expect(a.text).toContain('What the board decided');
});

it('keeps a footnote’s linked number before its note, drops a page-number link', () => {
  const note = (n: number, t: string): string =>
    `<div class="note"><a id="fn-${n}" href="#fn-ref-${n}" class="note-num">${n}</a><div class="note-text"><p>${t}</p></div></div>`;
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Winter ferry | Example Courier</title></head><body><main><article><h1>Winter ferry</h1>' +
    `<div class="post-body">${BODY.map((p) => `<p>${p}</p>`).join('')}` +
    `<div class="notes">${note(1, 'The board’s minutes for March are not yet public.')}${note(2, 'Fares are in pounds and include the harbour levy.')}</div>` +
    '<p><a href="/winter-ferry/2">2</a></p></div></article></main></body></html>';
  const a = extractArticle(html, 'https://example.org/a');
  expectBody(a.text);
  expect(a.text).toMatch(/(?:^|\n)1\n+The board’s minutes/);
  expect(a.text).toMatch(/(?:^|\n)2\n+Fares are in pounds/);
  expect(a.text.trim().endsWith('harbour levy.')).toBe(true);
});

it('drops a box of other stories set between chunks of the body, keeps the chunks after it', () => {
  const box =
    '<div class="unit"><div class="grid"><h3>Most Popular</h3><ul>' +
    ['Travel', 'Weather', 'Science']
      .map(
        (r, i) =>
          `<li class="item"><span class="rubric">${r}</span><h3 class="item-hed"><a href="/s/${i}/">Harbour trust weighs a new slipway number ${i}</a></h3><div class="item-byline">By <span>Ada Writer</span></div></li>`,
      )
      .join('') +
    '</ul></div></div>';
  // One chunk per paragraph: the box sits beside the chunks, not beside the paragraphs.
  const more = BODY.map((p) => p.replace('ferry', 'service').replace('board', 'council'));
  const chunks = [...BODY.slice(0, 3), box, BODY[3]!, ...more]
    .map((p) => (p === box ? p : `<div class="chunk"><p>${p}</p></div>`))
    .join('');
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Winter ferry | Example Courier</title></head><body><main><article><h1>Winter ferry</h1>' +
    `<div class="chunks">${chunks}</div></article></main></body></html>`;
  const a = extractArticle(html, 'https://example.org/a');
  expectBody(a.text);
  for (const p of more) expect(a.text).toContain(p);
  expect(a.text).not.toMatch(/Most Popular|Travel|Weather|slipway|Ada Writer/);
});

it('drops a dek above the text that goes on from the page’s stated description', () => {
  const dek = 'The harbour board will run the boat all winter, ending a decade of petitions from the smaller island.';
  const head = '<meta name="description" content="The harbour board will run the boat all winter.">';
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>Winter ferry | Example Courier</title>${head}</head><body><main><article>` +
    `<h1>Winter ferry for the islands</h1><p class="dek">${dek}</p><div class="by">By Ada Writer</div>` +
    `<div class="story-text">${BODY.map((p) => `<p>${p}</p>`).join('')}</div></article></main></body></html>`;
  const a = extractArticle(html, 'https://example.org/a');
  expectBody(a.text);
  expect(a.text).not.toContain('decade of petitions');
});

it('keeps a first paragraph that begins like the description when it runs on with the text', () => {
  const head = `<meta name="description" content="${BODY[0]!.split(',')[0]}.">`;
  const a = extractArticle(page('', '', head), 'https://example.org/a');
  expectBody(a.text);
});
