/**
 * Issue 16, English precision: what sits inside or right after an English article's container and
 * no labeller counts as its body (lists of other stories, press-office tails, disclaimers, bios,
 * share headings, pull quotes), dropped in general terms, while the article's own text stays.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const BODY = [
  'The town council voted on Tuesday evening to keep the public library open on Sundays, reversing a plan that would have closed it at weekends from April.',
  'Councillors said the decision followed a petition signed by more than two thousand residents, many of them parents who use the children’s room at weekends.',
  'The library will pay for the extra hours by sharing staff with the museum next door, the council’s finance officer told the meeting, and the cost will be reviewed in a year.',
  'Residents who spoke at the meeting welcomed the vote but asked the council to publish the figures behind the review, so that the question is not reopened quietly next spring.',
];

function page(inside: string, after = ''): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Library stays open on Sundays | Example Gazette</title></head><body>' +
    '<header><a href="/">Example Gazette</a></header><main><article><h1>Library stays open on Sundays</h1>' +
    `<div class="story-body">${BODY.map((p) => `<p>${p}</p>`).join('')}${inside}</div>${after}</article></main>` +
    '<footer><p>© 2026 Example Gazette</p></footer></body></html>'
  );
}

function expectBodyOnly(text: string): void {
  for (const p of BODY) expect(text).toContain(p);
}

it('drops a list of other stories (headline and one-line summary) after the article', () => {
  const items = Array.from(
    { length: 8 },
    (_, i) =>
      `<li><a href="/news/story-${i}">Story number ${i} about the harbour</a><p>Officials said on Wednesday that story number ${i} would change the harbour, in a decision that drew criticism.</p></li>`,
  ).join('');
  const a = extractArticle(page('', `<div class="story-more"><h2>More local news</h2><ul>${items}</ul></div>`), 'https://example.org/a');
  expectBodyOnly(a.text);
  expect(a.text).not.toContain('More local news');
  expect(a.text).not.toContain('story number 3');
});

it('keeps long prose after a heading that reads like a related box', () => {
  const more =
    'More than forty volunteers have offered to help run the Sunday sessions, and the library says it will train them over the coming weeks so that every session has at least two staff on duty. The first Sunday under the new hours is the sixth of April, and the library plans a reading morning for children with stories, songs and a visit from the local fire crew.';
  const a = extractArticle(page(`<h2>More local news</h2><p>${more}</p>`), 'https://example.org/a');
  expectBodyOnly(a.text);
  expect(a.text).toContain(more);
});

it('drops a press-office tail: the Ends line, contacts and the About paragraph', () => {
  const a = extractArticle(
    page(
      '<p>Ends</p><p><strong>For more information</strong></p><p>Contact the council press office on 01234 567890 or email press@example.gov.</p>' +
        '<p>Example Town Council serves about 40,000 residents and was formed in 1974.</p>',
    ),
    'https://example.org/a',
  );
  expectBodyOnly(a.text);
  expect(a.text).not.toMatch(/Ends|press office|40,000 residents/);
});

it('drops a disclaimer, the columnist’s bio and the letters invitation after a column', () => {
  const a = extractArticle(
    page(
      '<p><em>The views expressed in this column are the author’s own and do not necessarily reflect those of the Example Gazette.</em></p>' +
        '<p>Jo Bloggs is a retired librarian and writes a monthly column for the Gazette.</p>' +
        '<p>Do you have a view on this? Email a letter of up to 250 words to letters@example.org.</p>',
    ),
    'https://example.org/a',
  );
  expectBodyOnly(a.text);
  expect(a.text).not.toMatch(/views expressed|retired librarian|250 words/);
});

it('drops a share heading and a related-posts block inside the entry content', () => {
  const a = extractArticle(
    page(
      '<div class="sharedaddy"><h3>Share this:</h3><ul><li><a href="/s?x">Twitter</a></li><li><a href="/s?f">Facebook</a></li></ul></div>' +
        '<div id="jp-relatedposts"><h3>Related</h3><div><p><a href="/p1">Moving our van to the north car park</a></p><p>A short excerpt of the post that appears under the title.</p><p>In "Town"</p></div>' +
        '<div><p><a href="/p2">Summer reading challenge opens</a></p><p>Another short excerpt of a different post that readers may like.</p><p>In "Books"</p></div></div>',
    ),
    'https://example.org/a',
  );
  expectBodyOnly(a.text);
  expect(a.text).not.toMatch(/Share this|short excerpt|In "Town"/);
});

it('drops a pull quote that repeats sentences of the body, and keeps the body’s copy', () => {
  const quote = '<blockquote class="pullquote"><p>“Many of them parents who use the children’s room at weekends.”</p></blockquote>';
  const withCut =
    '<aside><blockquote><p>“The library will pay for the extra hours by sharing staff with the museum next door. The cost will be reviewed in a year.”</p></blockquote></aside>';
  const a = extractArticle(page(quote + withCut), 'https://example.org/a');
  expectBodyOnly(a.text);
  expect(a.paragraphs.filter((p) => p.includes('children’s room at weekends'))).toHaveLength(1);
  expect(a.paragraphs.filter((p) => p.includes('extra hours'))).toHaveLength(1);
});

it('keeps a short paragraph that only shares some words with the body', () => {
  const own = 'The library will reopen its café on Sundays too.';
  const a = extractArticle(page(`<p>${own}</p>`), 'https://example.org/a');
  expect(a.paragraphs).toContain(own);
});

it('takes a live blog’s own headline, not the headline of its first update in JSON-LD', () => {
  const ld =
    '{"@context":"https://schema.org","@type":"LiveBlogPosting","headline":"Library vote live: council keeps Sunday hours","liveBlogUpdate":[{"@type":"BlogPosting","headline":"Summary of the evening"},{"@type":"BlogPosting","headline":"Vote begins"}]}';
  const html = page('')
    .replace('</head>', `<script type="application/ld+json">${ld}</script></head>`)
    .replace(/<h1>[^<]*<\/h1>/, '');
  expect(extractArticle(html, 'https://example.org/a').title).toBe('Library vote live: council keeps Sunday hours');
});

it('takes the headline part of a <title> that puts the site name first', () => {
  const html = page('')
    .replace(/<title>[^<]*<\/title>/, '<title>Example Gazette - Library stays open on Sundays after petition</title>')
    .replace(/<h1>[^<]*<\/h1>/, '');
  expect(extractArticle(html, 'https://example.org/a').title).toBe('Library stays open on Sundays after petition');
});

it('drops a block named a pull quote that rewords a paragraph, keeps one with words of its own', () => {
  const a = extractArticle(
    page(
      '<blockquote class="wp-block-pullquote"><p>Many parents use the children’s room at weekends, the petition showed.</p></blockquote>' +
        '<p class="graf--pullquote">Sunday reading is a habit worth protecting for the generations growing up here.</p>',
    ),
    'https://example.org/a',
  );
  expectBodyOnly(a.text);
  expect(a.text).not.toContain('the petition showed');
  expect(a.text).toContain('a habit worth protecting');
});

it('keeps running paragraphs that repeat sentences of a longer one (not set off as a quote)', () => {
  const short = 'The library will pay for the extra hours by sharing staff with the museum next door.';
  const a = extractArticle(page(`<p>${short}</p>`), 'https://example.org/a');
  expect(a.paragraphs).toContain(short);
});
