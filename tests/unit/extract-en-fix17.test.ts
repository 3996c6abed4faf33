/**
 * Issue 16, enfix17: kinds of markup a seventeenth outside English set found, each with our own text.
 * Out: a comment section under the text opened by its counted heading ("Comments (3 posted)") or
 * the prompt to sign in to comment, a taxonomy box's label ("Filed under"), a reference page's
 * status banner ("Experimental: This is an experimental …"), the placeholder a script would
 * replace ("The chart only loads in the browser"), commerce boxes whose buttons are sponsored
 * links (a price widget, a product card), a contents box's "Jump to:" label, a pager's "Page 1 of 2".
 * Kept: section headings that are their own permalinks (`<h2 id=x><a href="#x">`), the later
 * sections of a page split one element per section, a section's heading over a placeholder, a
 * code block in a box with a utility class (`position-relative`); headings, sentences and
 * paragraphs that only share those words.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const STORY = [
  'The harbour board agreed on Tuesday to dredge the inner basin before the spring tides, after two fishing boats grounded there in a single week.',
  'Silt from the river has built up faster since the upstream weir was lowered, and the basin now dries at low water for almost an hour longer than it did.',
  'Dredging will take about ten days and the spoil will be carried out to the licensed ground beyond the bar, as it was the last time the work was done.',
  'Berth holders will be moved to the outer pontoons while the dredger works, and the board said it would refund a fortnight of fees to anyone displaced.',
];

const REPLIES = [
  'About time, my mooring has been on the mud every morning this month.',
  'Who pays for the next round when the weir silts it up again?',
  'The outer pontoons are exposed in a westerly, I hope it stays calm.',
];

/** A weekly's article: everything, comments too, in one container. */
function weekly(tail: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Dredging the inner basin [Quay Weekly]</title></head><body>' +
    '<div id="menu"><a href="/">Quay Weekly</a> <a href="/archive">Archive</a></div><div class="middle"><h1>Dredging the inner basin</h1>' +
    `<div class="StoryText">${STORY.map((p) => `<p>${p}</p>`).join('')}${tail}</div>` +
    '</div><div class="foot">Copyright 2026 Quay Weekly</div></body></html>'
  );
}

const COMMENTS = REPLIES.map(
  (r, i) =>
    `<div class="Reply"><h3>Re: basin ${i + 1}</h3><p class="Poster">Posted Mar ${i + 2} by reader${i}</p><div class="ReplyText">${r}</div></div>`,
).join('');

it('leaves out a comment section opened by its counted heading and the sign-in prompt above it', () => {
  const a = extractArticle(
    weekly(`(<a href="/login">Log in</a> to post comments)<h2>Comments (3 posted)</h2>${COMMENTS}`),
    'https://quay.example/a/1',
  );
  expect(a.paragraphs).toEqual(STORY);
});

it('leaves out a comment section under a "12 comments" heading alone', () => {
  const a = extractArticle(weekly(`<h2>3 Comments</h2>${COMMENTS}`), 'https://quay.example/a/1');
  expect(a.paragraphs).toEqual(STORY);
});

it('leaves out a taxonomy box’s label under the text', () => {
  const a = extractArticle(
    weekly(
      '<table class="Entries"><tr><th>Filed under</th></tr><tr><td><a href="/t/harbour">Harbour</a></td><td><a href="/t/works">Works</a></td></tr></table>',
    ),
    'https://quay.example/a/1',
  );
  expect(a.paragraphs).toEqual(STORY);
});

it('keeps a heading about comments that is no counted comment section, and the text under it', () => {
  const more =
    'Comments from the public meeting were mostly about the noise, which the board promised to limit to daylight hours on weekdays only.';
  const a = extractArticle(weekly(`<h2>Comments from the meeting</h2><p>${more}</p>`), 'https://quay.example/a/1');
  expect(a.paragraphs).toEqual([...STORY, 'Comments from the meeting', more]);
});

const DOCS = {
  intro:
    'The <code>settle()</code> method of the <code>Ledger</code> interface closes every open entry and returns the totals, grouped by account.',
  intro2:
    'Entries that were opened after the ledger was frozen are left open, and the totals do not count them until the next settlement runs.',
  params: 'An object whose <code>round</code> property sets how many decimal places the totals keep. It defaults to two places.',
  value: 'A promise that resolves with one total for each account that had an open entry when the method was called.',
  example: 'This example settles the ledger once the last shift of the day has signed off, and prints the totals for the night manager.',
};

function section(id: string, heading: string, inner: string, tag = 'h2'): string {
  return `<section aria-labelledby="${id}"><${tag} id="${id}"><a href="#${id}">${heading}</a></${tag}><div class="section-body">${inner}</div></section>`;
}

/** A reference page: the text split into one section per heading, each heading its own permalink. */
function reference(top: string, sections: string, contents = ''): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Ledger: settle() method - Counting House Docs</title></head><body>' +
    '<header><nav><a href="/">Counting House Docs</a> <a href="/api">API</a> <a href="/guides">Guides</a></nav></header>' +
    `<div class="layout">${contents}<main><article class="page-content"><h1>Ledger: settle() method</h1>` +
    `<div class="section-body">${top}<p>${DOCS.intro}</p><p>${DOCS.intro2}</p></div>${sections}</article></main></div>` +
    '<footer><p>Counting House Docs is written by its readers.</p></footer></body></html>'
  );
}

const SECTIONS =
  section('parameters', 'Parameters', `<p>${DOCS.params}</p>`) +
  section('return_value', 'Return value', `<p>${DOCS.value}</p>`) +
  section('examples', 'Examples', `<p>${DOCS.example}</p><pre><code>ledger.settle({ round: 2 });</code></pre>`);

const plain = (html: string): string => html.replace(/<[^>]+>/g, '');

it('keeps section headings that are their own permalinks', () => {
  const a = extractArticle(reference('', SECTIONS), 'https://docs.example/api/ledger/settle');
  expect(a.paragraphs).toEqual([
    plain(DOCS.intro),
    DOCS.intro2,
    'Parameters',
    plain(DOCS.params),
    'Return value',
    DOCS.value,
    'Examples',
    DOCS.example,
    'ledger.settle({ round: 2 });',
  ]);
});

it('drops a heading whose link points elsewhere on the page', () => {
  const away = '<section><h2><a href="#page-top">Back to the top</a></h2><div class="section-body"></div></section>';
  const a = extractArticle(reference('', SECTIONS + away), 'https://docs.example/api/ledger/settle');
  expect(a.paragraphs).not.toContain('Back to the top');
});

it('leaves out a reference page’s status banner but keeps a sentence that starts the same way', () => {
  const banner =
    '<div class="callout"><p><strong>Experimental:</strong> <strong>This is an <a href="/status">experimental technology</a></strong><br>Check the support table before you rely on it.</p></div>';
  const a = extractArticle(reference(banner, SECTIONS), 'https://docs.example/api/ledger/settle');
  expect(a.paragraphs.some((p) => p.startsWith('Experimental'))).toBe(false);
  const own = 'Experimental: we tried settling twice a day for a month, and the totals drifted by a cent whenever a shift ran late.';
  const b = extractArticle(reference(`<p>${own}</p>`, SECTIONS), 'https://docs.example/api/ledger/settle');
  expect(b.paragraphs).toContain(own);
});

it('leaves out a script’s placeholder line but keeps its section’s heading', () => {
  const support = section('support', 'Support', '<div class="support-data"><p>Support tables only load in the browser</p></div>');
  const a = extractArticle(
    reference('', SECTIONS.replace('<section aria-labelledby="examples"', `${support}<section aria-labelledby="examples"`)),
    'https://docs.example/api/ledger/settle',
  );
  expect(a.paragraphs).toContain('Support');
  expect(a.paragraphs).not.toContain('Support tables only load in the browser');
  const sentence = 'The ledger only loads in the browser after the cache is warm, which is why the first settlement of the day is slow.';
  const b = extractArticle(reference(`<p>${sentence}</p>`, SECTIONS), 'https://docs.example/api/ledger/settle');
  expect(b.paragraphs).toContain(sentence);
});

it('reads on into the sections but not into a "See also" list of links', () => {
  const also = section(
    'see_also',
    'See also',
    '<ul><li><a href="/api/ledger">Ledger</a></li><li><a href="/api/ledger/open">Ledger.open()</a></li><li><a href="/api/entry">Entry</a></li></ul>',
  );
  const a = extractArticle(reference('', SECTIONS + also), 'https://docs.example/api/ledger/settle');
  expect(a.paragraphs).not.toContain('See also');
  expect(a.paragraphs.at(-1)).toBe('ledger.settle({ round: 2 });');
});

/** A store-bought review: the text with boxes set into it. */
function review(inside: string): string {
  const [a, b, c, d] = STORY.map((p) => `<p>${p}</p>`);
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Dredging the inner basin | Quay Weekly</title></head><body>' +
    '<header><nav><a href="/">Quay Weekly</a> <a href="/gear">Gear</a></nav></header><main><article><h1>Dredging the inner basin</h1>' +
    `<div id="story" class="story-copy">${a}${b}${inside}${c}${d}</div>` +
    '</article></main><footer><p>Quay Weekly</p></footer></body></html>'
  );
}

it('leaves out a price widget and a product card whose buttons are sponsored links', () => {
  const widget =
    '<div class="price-rack"><div class="rack-title"><span>Best prices for the Marlin tide clock</span></div><div class="rack-list">' +
    ['Shoreline', 'Harbourmart', 'Tidewell']
      .map(
        (m, i) =>
          `<div class="rack-item"><a href="https://go.example/${i}" rel="sponsored noopener"><span>${m}</span><span>$4${i}.99</span><span>See it</span></a></div>`,
      )
      .join('') +
    '</div></div>';
  const card =
    '<div class="card"><div class="card-info"><h3>1. Marlin tide clock</h3><p>$42 at Shoreline</p><p>The clearest dial of the six we hung in the office.</p>' +
    '<a href="https://go.example/m" rel="sponsored">Check Shoreline</a></div></div>';
  const a = extractArticle(review(widget + card), 'https://quay.example/gear/1');
  expect(a.paragraphs).toEqual(STORY);
});

it('keeps a paragraph with a sponsored link in its sentence', () => {
  const own =
    'We bought the tide clock from <a href="https://go.example/m" rel="sponsored">a chandlery online</a> for forty-two dollars, and it arrived within the week.';
  const a = extractArticle(review(`<p>${own}</p>`), 'https://quay.example/gear/1');
  expect(a.paragraphs).toContain(own.replace(/<[^>]+>/g, ''));
});

it('keeps a code block whose box has a utility class naming its position', () => {
  const code = '<div class="code-box position-relative top-0"><pre>harbour dredge --basin inner\nharbour report --week 12</pre></div>';
  const a = extractArticle(review(code), 'https://quay.example/gear/1');
  expect(a.paragraphs.some((p) => p.includes('harbour dredge --basin inner'))).toBe(true);
});

it('leaves out a contents box’s "Jump to:" label and a pager’s "Page 1 of 2"', () => {
  const jump =
    '<div class="jump-box"><div class="jump-title">Jump to:</div><ul><li><a href="#silt">Silt</a></li><li><a href="#works">The works</a></li></ul></div>';
  const a = extractArticle(review(jump + '<div class="pageno">Page 1 of 2</div>'), 'https://quay.example/gear/1');
  expect(a.paragraphs).toEqual(STORY);
});

it('keeps a sentence that names a page count', () => {
  const own = 'Page 1 of 2 of the board’s minutes lists every berth holder who asked to stay on the inner pontoons during the works.';
  const a = extractArticle(review(`<p>${own}</p>`), 'https://quay.example/gear/1');
  expect(a.paragraphs).toContain(own);
});

it('scores a code block’s lines once, so a listing does not outweigh the text above it', () => {
  const note = 'Note: this method is also available to <a href="/workers">background workers</a>, which see only their own ledger.';
  const code = [
    'ledger.addEventListener("close", async () => {',
    '  const totals = await ledger.settle({ round: 2 });',
    '  for (const t of totals) print(t.account, t.sum);',
    '  await archive.put(totals, { key: today() });',
    '});',
  ].join('\n');
  const example = section('examples', 'Examples', `<div class="code-box"><pre><code>${code}</code></pre></div>`);
  const a = extractArticle(reference(`<div class="callout"><p>${note}</p></div>`, example), 'https://docs.example/api/ledger/settle');
  expect(a.paragraphs).toContain(DOCS.intro2);
});
