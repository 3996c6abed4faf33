/**
 * Issue 16, pages laid out with tables: the cell holding the article wins over a table of many
 * short cells (a notices board, classified ads) that together hold more text and punctuation,
 * while an article whose paragraphs are rows of a table stays whole.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const BODY = [
  'The harbour board agreed on Thursday to rebuild the north slipway before the summer, after divers found that two of its timber piles had rotted through below the waterline.',
  'Work will begin in March and should take about nine weeks, the board’s engineer said, during which time boats will be launched from the beach ramp beside the lifeboat station.',
  'Fishermen at the meeting asked whether the beach ramp could take the heavier trawlers, and the engineer agreed to test it with the largest boat before the slipway closes.',
  'The cost, a little over ninety thousand pounds, will come from the board’s reserves and a grant from the county council, so mooring fees will not rise this year.',
];

// A notices board on the left: two cells a row (day | notice), each notice a short sentence or two.
const NOTICES = Array.from(
  { length: 26 },
  (_, i) =>
    `<tr><td valign="top"><font size="1">Day ${i + 1}</font></td><td><font size="1">Notice ${i + 1}: sailing club meets at the slipway, 7pm. All welcome, bring a torch. Call 0161 496 ${String(1000 + i)}.</font></td></tr>`,
).join('');

function tablePage(article: string): string {
  return (
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html><head><title>Harbour Gazette - Slipway to be rebuilt before summer</title></head>' +
    '<body><table width="760" border="0" cellspacing="0"><tr><td colspan="2"><a href="/"><img src="/img/masthead.gif" width="760" height="80" alt="Harbour Gazette"></a></td></tr>' +
    '<tr><td width="240" valign="top" bgcolor="#EEEEEE"><font size="2"><b>Notices this month</b></font>' +
    `<table width="100%" border="0" cellpadding="3">${NOTICES}</table></td>` +
    `<td width="520" valign="top">${article}</td></tr>` +
    '<tr><td colspan="2" align="center"><font size="1">&copy; 2026 Harbour Gazette</font></td></tr></table></body></html>'
  );
}

it('takes the article cell, not a bigger table of short notices beside it', () => {
  const html = tablePage(
    '<h2>Slipway to be rebuilt before summer</h2><p><font size="1">Posted on 12 February 2026</font></p>' +
      BODY.map((p) => `<p>${p}</p>`).join(''),
  );
  const a = extractArticle(html, 'https://example.org/news/slipway.htm');
  expect(a.title).toBe('Slipway to be rebuilt before summer');
  expect(a.paragraphs).toEqual(BODY);
  expect(a.method).toBe('template');
});

it('keeps a dateline after a single <br> apart from the headline above it', () => {
  const html = tablePage(
    '<font size="5"><b>Slipway to be rebuilt before summer</b></font><br><font size="1">Published: Thursday 12 February 2026</font><br><br>' +
      `<font size="2">${BODY.join('<br><br>')}</font>`,
  );
  const a = extractArticle(html, 'https://example.org/news/slipway.htm');
  expect(a.title).toBe('Slipway to be rebuilt before summer');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps an article whose paragraphs are rows of a table', () => {
  const rows = BODY.map((p) => `<tr><td>${p}</td></tr>`).join('');
  const html = tablePage(`<h2>Slipway to be rebuilt before summer</h2><table width="100%" cellpadding="4">${rows}</table>`);
  const a = extractArticle(html, 'https://example.org/news/slipway.htm');
  expect(a.paragraphs).toEqual(BODY);
});
