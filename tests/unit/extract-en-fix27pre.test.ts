/**
 * Issue 16, enfix27pre: kinds of box the English outside sets already seen still kept, each with
 * our own made-up text. Out: an appeal box under its own heading (its other lines go with its
 * notice line), a newsletter call put first, a sign-up form's thanks and error messages, a press
 * release's closing `About <Name>` boilerplate, readers' signed testimonials under their heading,
 * a quote card (name and role lines over a blockquote). In: the same words where they are the text.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const BODY = [
  'The river authority will open the old lock gates at Fernby for the first time in forty years next spring, its chair said on Tuesday after a survey found the masonry sound.',
  'Boats have had to turn back two miles below the town since the gates were sealed, and the boatyards above the lock have relied on road haulage for their hulls.',
  'The authority said the repairs would take the whole winter and that the towpath would stay open, apart from a short diversion around the lock keeper’s cottage.',
  'Owners of the boatyards, who met the authority on Tuesday, said the reopening could bring back the hire trade the town lost when the lock was closed.',
  'A public meeting on the diversion will be held in the church hall on the first Monday of next month, and the plans can be seen at the library until then.',
];

/** The article with `mid` after its second paragraph and `tail` after its last. */
function page(mid: string, tail = ''): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Fernby lock to reopen | Example Waterways</title></head><body>' +
    '<header><a href="/">Example Waterways</a></header><main><article><h1>Fernby lock to reopen</h1>' +
    `<div class="body-field"><p>${BODY[0]}</p><p>${BODY[1]}</p>${mid}${BODY.slice(2)
      .map((p) => `<p>${p}</p>`)
      .join('')}${tail}</div></article></main>` +
    '<footer><p>Example Waterways</p></footer></body></html>'
  );
}

const paragraphs = (html: string): string[] => extractArticle(html, 'https://example.org/a').paragraphs;

it('drops an appeal box under its own heading whole, not only its "please consider supporting us" line', () => {
  const appeal =
    '<div class="x2"><h2>… there is a good reason to support the Packet.</h2>' +
    '<p>Not every paper can keep its reporting free for everyone. We can, because of readers like you. Our reporting is paid for by readers, not by owners, so we can report without fear.</p>' +
    '<p>If you can, please consider supporting us with a regular contribution. It takes less than a minute.</p><a href="/support">Support us</a></div>';
  expect(paragraphs(page('', appeal))).toEqual(BODY);
});

it('drops a newsletter call put first ("Join our … newsletters") set into the text', () => {
  const call =
    '<div class="x1"><p><em>Join our daily and weekly newsletters for the latest updates and exclusive news on the waterways.</em> <a href="/n">Learn More</a></p><hr></div>';
  expect(paragraphs(page(call))).toEqual(BODY);
});

it("drops a sign-up box by its form's thanks and error messages, its heading and pitch with them", () => {
  const box =
    '<div class="pb"><h3>Weekly notes on the waterways with Lock Daily</h3>' +
    '<p>If you want to know what is changing on the canals, Lock Daily has you covered, from closures and stoppages to new moorings, so you can plan a trip.</p>' +
    '<p><a href="/newsletters/">Subscribe Now</a></p><p>Read our <a href="/privacy">Privacy Policy</a></p>' +
    '<p>Thanks for subscribing. Check out more <a href="/newsletters/">Lock newsletters here</a>.</p><p>An error occurred.</p></div>';
  expect(paragraphs(page('', box))).toEqual(BODY);
});

it("drops a press release's closing About <Name> label and the paragraph opening with that name", () => {
  const boiler =
    '<p><b>About Fernby River Authority</b></p>' +
    '<p>Fernby River Authority looks after 40 miles of navigable river and its locks. Founded in 1921 and based in Fernby, it serves boaters and anglers across the county.</p>';
  expect(paragraphs(page('', boiler))).toEqual(BODY);
});

it('keeps an About section of the text whose paragraph does not open with the name', () => {
  const section =
    '<h2>About Fernby</h2><p>The town grew up around the lock in the eighteenth century, when coal barges waited here for the tide and the inns along the quay served their crews.</p>';
  const kept = paragraphs(page('', section));
  expect(kept).toContain('About Fernby');
  expect(kept.at(-1)).toMatch(/^The town grew up around the lock/);
});

it("drops readers' signed testimonials under their own heading", () => {
  const stories =
    '<div class="stories"><h2>Reader Stories</h2>' +
    '<div class="story"><p>"We took the boat through the week it opened and it was the best trip we have had in years." — Anne T.</p></div>' +
    '<div class="story"><p>"Took us three hours to get up the flight, and we had never worked a lock before." — Kwame B.</p></div></div>';
  expect(paragraphs(page('', stories))).toEqual(BODY);
});

it('keeps one signed quotation among the text, and quotes under a heading that holds prose too', () => {
  const one = '<p>"We took the boat through the week it opened and it was the best trip we have had in years." — Anne T.</p>';
  expect(paragraphs(page(one))).toHaveLength(BODY.length + 1);
  const mixed =
    '<h2>What boaters said</h2><p>Boaters who used the river before the closure welcomed the news at the meeting on Tuesday, and several said they would return.</p>' +
    '<p>"We took the boat through the week it opened and it was the best trip we have had in years." — Anne T.</p>' +
    '<p>"Took us three hours to get up the flight, and we had never worked a lock before." — Kwame B.</p>';
  expect(paragraphs(page('', mixed))).toHaveLength(BODY.length + 4);
});

it("drops a quote card (portrait, name and role lines over a blockquote) set between the text's parts", () => {
  const card =
    '<div class="expert"><img alt="" src="/experts/pl.jpg"><p class="name">Peter Lorne</p><p class="role">Retired Lock Keeper</p>' +
    '<blockquote>"Nine times out of ten a gate that sticks was never greased at the heel. Check the pivot before anything else."</blockquote></div>';
  expect(paragraphs(page(card))).toEqual(BODY);
});

it('keeps a blockquote led in by a sentence of the text', () => {
  const quote =
    '<div class="statement"><p>In a statement, the chair said:</p>' +
    '<blockquote>"The gates will open in spring, and the towpath will stay open all winter for walkers and anglers alike."</blockquote></div>';
  const kept = paragraphs(page(quote));
  expect(kept).toHaveLength(BODY.length + 2);
});

it("keeps an interview's turns made as name-line-over-blockquote boxes (the lead's review: a card stands alone)", () => {
  const turn = (who: string, said: string) => `<div class="turn"><p class="who">${who}</p><blockquote>${said}</blockquote></div>`;
  const turns =
    turn('Interviewer', 'When did you first notice that the lower gate was leaning towards the weir, and what did you do about it?') +
    turn(
      'Peter Lorne',
      'In the dry summer the water dropped and you could see the heel post had shifted, so I wrote to the authority the same week.',
    ) +
    turn('Interviewer', 'Did anyone come out to look at it, or did the letter simply go into a drawer at the office in town?');
  const kept = paragraphs(page(turns));
  for (const said of ['lower gate was leaning', 'heel post had shifted', 'simply go into a drawer'])
    expect(kept.some((p) => p.includes(said))).toBe(true);
});
