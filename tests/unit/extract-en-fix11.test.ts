/**
 * Issue 16, en16fix11: kinds of markup an eleventh outside English set found, each with our own text.
 * In: a reference list headed `Sources:` (a colon after the name), a reference list that is one
 * section of a paper's back-matter wrapper (acknowledgments and funding beside it stay out), a
 * closing `Write to … at <mailto>` line, a fact check's claim and verdict lines named by its
 * ClaimReview JSON-LD. Out: a chart's caption closed by its source, a paper's author block above
 * the abstract, a linked story's card (its heading, label and date), numbered figure and table
 * captions and labels, a keywords line, a figcaption holding its picture's source element.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const BODY = [
  'The ferry between Lanmore and the outer islands will stop running on Sundays from January, the island council said on Tuesday, citing a shortage of crew.',
  'About 300 people use the Sunday crossing, most of them visitors who come for the day to walk the cliffs and eat at the two cafes near the pier.',
  'Council member Orla Finch said the decision was temporary and that a second crew would be hired by the spring if the budget allowed it.',
  'Café owners said they would lose a third of their weekly takings and asked the council to run at least one boat each way on Sunday afternoons.',
];

const CITES = [
  'Lanmore Island Council. “Ferry Timetable Review.” 2 Dec. 2026.',
  'Finch, Orla. Telephone interview. 3 Dec. 2026.',
  'Outer Islands Visitor Survey, 2025 edition.',
];

function page(inBody: string, after: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Sunday ferry to stop | Island News</title></head><body>' +
    '<header><a href="/">Island News</a></header><main><article><h1>Sunday ferry to stop</h1>' +
    `<div class="story-text">${BODY.map((p) => `<p>${p}</p>`).join('')}${inBody}</div>${after}` +
    '<div class="more"><h2>More stories</h2><ul><li><a href="/x">Harbour wall repaired</a></li><li><a href="/y">New bus to the lighthouse</a></li></ul></div>' +
    '</article></main><footer><p>Island News</p></footer></body></html>'
  );
}

it('keeps a sources list whose heading ends in a colon', () => {
  const list = `<div class="cites"><h3>Sources:</h3><ul>${CITES.map((c) => `<li><p>${c}</p></li>`).join('')}</ul></div>`;
  const a = extractArticle(page('', list), 'https://news.example/a');
  expect(a.paragraphs).toEqual([...BODY, 'Sources:', ...CITES]);
});

it('keeps the reference list of a back-matter wrapper, not its other sections', () => {
  const back =
    '<section class="endmatter">' +
    '<section><h2>Acknowledgments</h2><p>We thank the ferry crews for their logbooks and their patience.</p></section>' +
    '<section><h2>Funding</h2><p>This work was paid for by the Island Transport Fund.</p></section>' +
    `<section><h2>References</h2><ol>${CITES.map((c) => `<li>${c} <a href="https://doi.example/${c.length}">DOI</a></li>`).join('')}</ol></section>` +
    '</section>';
  const a = extractArticle(page('', back), 'https://news.example/b');
  expect(a.paragraphs.slice(0, BODY.length)).toEqual(BODY);
  expect(a.paragraphs).toContain('References');
  expect(a.text).not.toContain('Acknowledgments');
  expect(a.text).not.toContain('Island Transport Fund');
  expect(a.paragraphs.filter((p) => CITES.some((c) => p.startsWith(c)))).toHaveLength(CITES.length);
});

it('leaves a back-matter wrapper out when none of its sections is a reference list', () => {
  const back =
    '<section class="endmatter"><section><h2>Acknowledgments</h2><p>We thank the ferry crews for their logbooks.</p></section>' +
    '<section><h2>Funding</h2><p>This work was paid for by the Island Transport Fund.</p></section></section>';
  const a = extractArticle(page('', back), 'https://news.example/c');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a closing "Write to … at" line whose link is an e-mail address', () => {
  const line = '<p><em>Write to Tam Oyelaran at <a href="mailto:tam.oyelaran@news.example">tam.oyelaran@news.example</a></em></p>';
  const a = extractArticle(page(line, ''), 'https://news.example/d');
  expect(a.paragraphs).toEqual([...BODY, 'Write to Tam Oyelaran at tam.oyelaran@news.example']);
});

it('still drops a line that is only a link to another page', () => {
  const line = '<p><em>More from <a href="/ferries">our ferry coverage and the full timetable archive</a></em></p>';
  const a = extractArticle(page(line, ''), 'https://news.example/e');
  expect(a.paragraphs).toEqual(BODY);
});

it('drops a chart caption closed by its source, glued or spaced', () => {
  for (const cap of [
    'Sunday crossings per month, passengers<span>Source: Island Ferry Office</span>',
    'Sunday crossings per month, passengers. Source: Island Ferry Office',
  ]) {
    const chart = `<div class="inset"><figure><iframe title="Chart" src="https://news.example/chart.html"></iframe><figcaption>${cap}</figcaption></figure></div>`;
    const html = page('', '').replace(`<p>${BODY[1]}</p>`, `<p>${BODY[1]}</p>${chart}`);
    expect(extractArticle(html, 'https://news.example/f').paragraphs).toEqual(BODY);
  }
});

it('drops a paper’s author block above the abstract, keeping the abstract heading', () => {
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Crew shortages on island ferries</title></head><body>' +
    '<article class="paper authors-inline"><h1>Crew shortages on island ferries</h1>' +
    '<div class="paper-authors"><span>Tam Oyelaran<br>School of Marine Transport, Lanmore College<br>tam@lanmore.example</span> ' +
    '<span>Orla Finch<br>Island Transport Institute, Outer Islands</span></div>' +
    `<div class="abstract"><h6>Abstract</h6><p>${BODY[0]}</p></div>` +
    `<section><h2>1 Introduction</h2>${BODY.slice(1)
      .map((p) => `<div class="para"><p>${p}</p></div>`)
      .join('')}</section></article></body></html>`;
  const a = extractArticle(html, 'https://papers.example/1');
  expect(a.paragraphs).toEqual(['Abstract', BODY[0], '1 Introduction', ...BODY.slice(1)]);
});

/** The page with `box` set between the second and third paragraphs. */
const withBox = (box: string): string => page('', '').replace(`<p>${BODY[1]}</p>`, `<p>${BODY[1]}</p>${box}`);

it('drops a linked story’s card heading set into the text, commas and all', () => {
  const card =
    '<div class="embed-card"><a href="/harbour-wall"><div class="embed-card-body"><h2>Harbour wall, repaired at last, reopens the quay</h2>' +
    '<h3>Ned Alwyn ・ Nov 2</h3></div></a></div>';
  expect(extractArticle(withBox(card), 'https://news.example/g').paragraphs).toEqual(BODY);
});

it('keeps a section heading that links to its own anchor', () => {
  const html = page('', '').replace(`<p>${BODY[2]}</p>`, `<h2><a href="#what-next">What happens next, and when</a></h2><p>${BODY[2]}</p>`);
  expect(extractArticle(html, 'https://news.example/h').paragraphs).toEqual([
    BODY[0],
    BODY[1],
    'What happens next, and when',
    BODY[2],
    BODY[3],
  ]);
});

it('drops the label and date of a linked story’s card whose title is a link', () => {
  const card =
    '<div class="inline-item"><div class="card"><p class="card-kicker">Islands</p>' +
    '<p class="card-title"><a href="https://news.example/lighthouse-bus">A new bus now runs to the lighthouse twice a day</a></p>' +
    '<p class="card-date">Nov. 4, 2026</p></div></div>';
  expect(extractArticle(withBox(card), 'https://news.example/i').paragraphs).toEqual(BODY);
});

it('keeps a short line beside the article’s own prose, even with a long link nearby', () => {
  const html = page('', '').replace(
    `<p>${BODY[2]}</p>`,
    `<div><p>Timetable</p><p>${BODY[2]} <a href="https://news.example/timetable">The full winter timetable for every crossing</a></p></div>`,
  );
  expect(extractArticle(html, 'https://news.example/j').paragraphs).toContain('Timetable');
});

it('drops a numbered table caption, in the caption or under a label of its own, keeping the rows', () => {
  const rows = '<table><tr><th>Month</th><th>Sailings</th></tr><tr><td>January</td><td>112</td></tr></table>';
  for (const box of [
    `<figure class="tbl"><figcaption>Table 2: Sailings by month in the first winter.</figcaption>${rows}</figure>`,
    `<section class="tbl-wrap"><h3>Table 2.</h3><div class="caption"><p>Sailings by month in the first winter.</p></div>${rows}</section>`,
  ]) {
    const a = extractArticle(withBox(box), 'https://news.example/k');
    expect(a.text).not.toContain('Table 2');
    expect(a.text).not.toContain('Sailings by month');
    expect(a.text).toContain('January');
  }
});

it('drops a numbered figure caption, keeps a plain one and a sentence citing the figure', () => {
  const fig = (cap: string): string =>
    `<figure class="fig"><img src="https://news.example/ferry.jpg" alt=""><figcaption>${cap}</figcaption></figure>`;
  expect(extractArticle(withBox(fig('Figure 3: Passengers per Sunday crossing, 2020–2026.')), 'https://news.example/l').paragraphs).toEqual(
    BODY,
  );
  const plain = 'The Sunday boat leaving the outer pier in a grey November swell.';
  expect(extractArticle(withBox(fig(plain)), 'https://news.example/m').paragraphs).toContain(plain);
  const cites = 'Figure 3 shows that Sunday crossings fell by a third in two years.';
  expect(extractArticle(withBox(`<p>${cites}</p>`), 'https://news.example/n').paragraphs).toContain(cites);
});

it('drops a paper’s keywords line, keeps a sentence that opens with the word', () => {
  const kw = 'Keywords: ferries, crew shortage; island transport, timetables';
  expect(extractArticle(withBox(`<p>${kw}</p>`), 'https://news.example/o').paragraphs).toEqual(BODY);
  const sentence =
    'Keywords: the council says it chose them to match what islanders searched for most often last winter, when storms cut the service.';
  expect(extractArticle(withBox(`<p>${sentence}</p>`), 'https://news.example/p').paragraphs).toContain(sentence);
});

it('drops a figcaption holding an element named for the picture’s source, glued to the caption', () => {
  const fig =
    '<figure class="fig"><img src="https://news.example/pier.jpg" alt=""><figcaption class="caption-wrap">' +
    '<span class="pic-caption">Crates of crab waiting on the outer pier.</span><span class="pic-source-caption">Lanmore Co-op</span></figcaption></figure>';
  expect(extractArticle(withBox(fig), 'https://news.example/q').paragraphs).toEqual(BODY);
});

it('keeps the plain items of a list beside a linked one', () => {
  const list =
    '<ul><li>Day returns</li><li><a href="https://news.example/fares">Season tickets for island residents and workers</a></li></ul>';
  expect(extractArticle(withBox(list), 'https://news.example/r').paragraphs).toContain('Day returns');
});

/** A fact check: claim and verdict boxes above the text, a context box, and ClaimReview JSON-LD when `ld`. */
function factCheck(ld: boolean): string {
  const review =
    '{"@context":"https://schema.org","@type":"ClaimReview","claimReviewed":"The Lanmore ferry will stop running for good.",' +
    '"reviewRating":{"@type":"Rating","ratingValue":2,"alternateName":"Mostly False"}}';
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>Is the Lanmore ferry stopping for good?</title>${ld ? `<script type="application/ld+json">${review}</script>` : ''}</head><body>` +
    '<main><h1>Is the Lanmore ferry stopping for good?</h1><article class="check">' +
    '<div class="claim-box"><p>Claim: The Lanmore ferry will stop running for good from January.</p></div>' +
    '<div class="verdict-box"><a href="/ratings/"><img src="https://news.example/mostly-false.png" alt=""><div>Verdict: Mostly False</div><span>What our ratings mean</span></a></div>' +
    '<div class="context-box"><h3>Context</h3><p>Only the Sunday crossing is being cut, and the council calls it temporary.</p></div>' +
    `<div class="check-text">${BODY.map((p) => `<p>${p}</p>`).join('')}</div></article></main></body></html>`
  );
}

it('keeps a fact check’s claim and verdict lines when its ClaimReview names them', () => {
  const a = extractArticle(factCheck(true), 'https://news.example/s');
  expect(a.paragraphs).toEqual(['Claim: The Lanmore ferry will stop running for good from January.', 'Verdict: Mostly False', ...BODY]);
});

it('leaves the boxes above the text out on a page without a ClaimReview', () => {
  const a = extractArticle(factCheck(false), 'https://news.example/t');
  expect(a.paragraphs).toEqual(BODY);
});

it('drops a "Most Popular" box of several stories set into the text, its labels with it', () => {
  const item = (label: string, title: string, href: string): string =>
    `<li><span class="item-label">${label}</span><h3><a href="${href}">${title}</a></h3><div class="item-byline">By <span>Ned Alwyn</span></div></li>`;
  const box =
    '<div class="promo-grid"><h3>Most Popular</h3><ul>' +
    item('Islands', 'Harbour wall repaired at last', '/harbour') +
    item('Weather', 'Storm cuts power on the outer isles', '/storm') +
    item('Islands', 'New bus runs to the lighthouse', '/bus') +
    '</ul></div>';
  const html = page('', '').replace(`<p>${BODY[2]}</p>`, `${box}<p>${BODY[2]}</p>`);
  expect(extractArticle(html, 'https://news.example/u').paragraphs).toEqual(BODY);
});

it('drops a link row written straight into the text’s own layout cell', () => {
  const html =
    '<html><head><title>Ferry to stop on Sundays</title></head><body><table><tr><td><h1>Ferry to stop on Sundays</h1></td></tr>' +
    `<tr><td><font>${BODY.join('<br><br>')}</font><br><br><font size="1"><a href="javascript:window.print()">Print this story</a> | <a href="/send">Email to a friend</a> | <a href="/news/">Back to News</a></font></td></tr></table></body></html>`;
  const a = extractArticle(html, 'https://news.example/v');
  expect(a.text).not.toContain('Print this story');
  expect(a.text).toContain(BODY[3]);
});
