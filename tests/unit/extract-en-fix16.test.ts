/**
 * Issue 16, en16fix16: kinds of markup a sixteenth outside English set found, each with our own text.
 * Out: posts marked up as schema.org comments (a forum thread's replies, a blog's comments) once
 * prose stands outside them; a data card's line of fields set side by side with no space
 * (`ABC7XYZ3Final`); a box's heading left alone once its list of links went.
 * Kept: a live blog's updates and a Q&A page's answers (other types), a page that is one comment,
 * sub- and superscripts and words split across inline elements, a section heading over its own text.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const BODY = [
  'The county library will open on Sundays from next month, after the council found money in its reserves to pay two extra staff for a trial year.',
  'Readers had petitioned for weekend hours since the branch in the old market hall closed, leaving the main library as the only one in the town centre.',
  'Sunday opening will run from noon to five, and the reading room and the children’s floor will both be staffed for the whole afternoon.',
  'The council said it would count visitors each week and decide next spring whether to keep the Sunday hours once the trial year is over.',
];

function page(between: string, after = ''): string {
  const [a, b, c, d] = BODY.map((p) => `<p>${p}</p>`);
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Library to open on Sundays | Valley Courier</title></head><body>' +
    '<header><nav><a href="/">Valley Courier</a> <a href="/town">Town</a></nav></header><main><article><h1>Library to open on Sundays</h1>' +
    `<div class="story-text">${a}${b}${between}${c}${d}</div>${after}` +
    '</article></main><footer><p>Valley Courier</p></footer></body></html>'
  );
}

const REPLIES = [
  'We had the same trouble with the kiln thermocouple last winter; swapping the ceramic sleeve for a steel one stopped the drift entirely.',
  'Thanks for writing this up in such detail, it answers the question I was going to post about the firing schedule for the glaze tests.',
  'Did you try a slower cool through the quartz inversion? We lost far fewer pots once we held at five hundred and seventy for twenty minutes.',
];

const KILN = [
  'Our pottery group replaced the old gas kiln with an electric one this spring, and the first six firings taught us more than the manual did.',
  'The biggest surprise was how much the kiln’s lid seal mattered: a gap of two millimetres cost us nearly forty degrees at the top shelf.',
  'We now log every firing with a cheap data logger and compare the curve against the previous week before we load anything precious.',
];

/** A forum topic: the opening post typed as the thread's main entity, each reply a post of its own. */
function thread(replyAttrs: string): string {
  const post = (attrs: string, user: string, day: number, paras: string[]): string =>
    `<div class="topic-body post-row" ${attrs}><div class="post-meta"><span itemprop="author">${user}</span> <time datetime="2026-03-0${day}">Mar ${day}</time></div>` +
    `<div class="post-text" itemprop="text">${paras.map((p) => `<p>${p}</p>`).join('')}</div></div>`;
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>What six firings taught us - Clay Circle Forum</title></head><body>' +
    '<header><a href="/">Clay Circle Forum</a></header><div id="main-outlet"><div id="topic-title"><h1><a href="/t/12">What six firings taught us</a></h1></div>' +
    post('itemprop="mainEntity" itemscope itemtype="https://schema.org/DiscussionForumPosting"', 'mara', 1, KILN) +
    REPLIES.map((r, i) => post(replyAttrs, `user${i}`, i + 2, [r])).join('') +
    '</div><footer><a href="/tos">Terms</a></footer></body></html>'
  );
}

it('leaves out a thread’s replies marked up as schema.org comments, keeping the opening post', () => {
  const a = extractArticle(thread('itemprop="comment" itemscope itemtype="https://schema.org/Comment"'), 'https://forum.example/t/12');
  expect(a.paragraphs).toEqual(KILN);
});

it('leaves out a reply typed Comment without the comment property, and a blog’s comment list items', () => {
  const a = extractArticle(thread('itemscope itemtype="http://schema.org/Comment"'), 'https://forum.example/t/13');
  expect(a.paragraphs).toEqual(KILN);
  const comments =
    '<ol class="responses">' +
    REPLIES.map(
      (r) =>
        `<li itemprop="comment" itemscope itemtype="https://schema.org/Comment"><b itemprop="author">Reader</b><p itemprop="text">${r}</p></li>`,
    ).join('') +
    '</ol>';
  const b = extractArticle(page('', comments), 'https://courier.example/library20');
  expect(b.paragraphs).toEqual(BODY);
});

it('keeps a live blog’s updates by several authors, each with its own time', () => {
  const update = (who: string, t: string, text: string): string =>
    `<div class="entry" itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting"><time datetime="2026-03-01T${t}">${t}</time> <span itemprop="author">${who}</span><div itemprop="articleBody"><p>${text}</p></div></div>`;
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Storm live: roads closed across the valley</title></head><body><main itemscope itemtype="https://schema.org/LiveBlogPosting">' +
    '<h1>Storm live: roads closed across the valley</h1>' +
    update('Ana', '09:10', BODY[0]!) +
    update('Ben', '09:40', BODY[1]!) +
    update('Cai', '10:05', BODY[2]!) +
    update('Ana', '10:30', BODY[3]!) +
    '</main></body></html>';
  const a = extractArticle(html, 'https://courier.example/live');
  for (const p of BODY) expect(a.paragraphs).toContain(p);
});

it('keeps a Q&A page’s answers, which are typed Answer, not Comment', () => {
  const answer = (text: string): string =>
    `<div class="answer" itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer"><div itemprop="text"><p>${text}</p></div><span class="who">answered by a member</span></div>`;
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Why does my kiln run cold at the top?</title></head><body><main itemscope itemtype="https://schema.org/QAPage">' +
    '<div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question"><h1 itemprop="name">Why does my kiln run cold at the top?</h1>' +
    `<div itemprop="text"><p>${KILN[0]}</p></div>${REPLIES.map(answer).join('')}</div></main></body></html>`;
  const a = extractArticle(html, 'https://qa.example/q/5');
  for (const r of REPLIES) expect(a.paragraphs).toContain(r);
});

it('keeps a page that is one comment: no prose stands outside it', () => {
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>A reply to “What six firings taught us”</title></head><body><main>' +
    '<h1>A reply to “What six firings taught us”</h1>' +
    `<div itemprop="comment" itemscope itemtype="https://schema.org/Comment">${KILN.map((p) => `<p>${p}</p>`).join('')}</div></main></body></html>`;
  expect(extractArticle(html, 'https://forum.example/c/9').paragraphs).toEqual(KILN);
});

it('leaves out a data card whose fields run together with no space between them', () => {
  const card =
    '<div class="match-strip"><span class="side">VAL</span><span class="pts">3</span><span class="side">HIL</span><span class="pts">1</span><span class="state">Full time</span><a href="/m/1">Match report</a></div>';
  const a = extractArticle(page(card), 'https://courier.example/library21');
  expect(a.paragraphs).toEqual(BODY);
  const tides = '<p><span>Tides</span><span>High</span><span>06:12</span><span>Low</span><span>12:40</span></p>';
  expect(extractArticle(page(tides), 'https://courier.example/library22').paragraphs).toEqual(BODY);
});

it('keeps short lines of inline pieces that a writer joined: spaces, split words, sub- and superscripts', () => {
  const lines = [
    '<h2>Why H<sub>2</sub>O and CO<sub>2</sub> levels matter</h2>',
    '<p><span>Polls close at </span><span>8pm</span><span> on the </span><span>3rd</span></p>',
    '<p><span>Every</span><span>one</span><span> in </span><span>Valley</span><span> Town</span></p>',
    '<p><b>Final score:</b> Valley 3, Hillside 1</p>',
  ];
  const a = extractArticle(page(lines.join('')), 'https://courier.example/library23');
  expect(a.paragraphs).toEqual([
    BODY[0],
    BODY[1],
    'Why H2O and CO2 levels matter',
    'Polls close at 8pm on the 3rd',
    'Everyone in Valley Town',
    'Final score: Valley 3, Hillside 1',
    BODY[2],
    BODY[3],
  ]);
});

it('leaves out the heading of a box of linked headlines set between paragraphs', () => {
  const box =
    '<section class="inline-rail"><h2>Trending at the Courier</h2><ol><li><a href="/a">Market hall sold to developer</a></li>' +
    '<li><a href="/b">Bus station to be repainted</a></li><li><a href="/c">Allotment waiting list doubles</a></li></ol></section>';
  const a = extractArticle(page(box), 'https://courier.example/library24');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a section heading whose box holds its own text beside a list of links', () => {
  const section =
    '<section><h2>Where to find the forms</h2><p>The council has put the volunteer forms online and in every branch, and will take them until the end of the month.</p>' +
    '<ul><li><a href="/f1">Volunteer form</a></li><li><a href="/f2">Room booking form</a></li></ul></section>';
  const a = extractArticle(page(section), 'https://courier.example/library25');
  expect(a.paragraphs).toContain('Where to find the forms');
  expect(a.paragraphs).toContain(
    'The council has put the volunteer forms online and in every branch, and will take them until the end of the month.',
  );
});

it('keeps the heading of a box whose list links within the page (its tabs), not to other pages', () => {
  const tabs =
    '<div class="tab-box"><h2>Three ways to borrow</h2><ul role="tablist"><li><a href="#print">Printed books</a></li>' +
    '<li><a href="#audio">Audiobooks</a></li><li><a href="#ebooks">E-books</a></li></ul></div>';
  const a = extractArticle(page(tabs), 'https://courier.example/library26');
  expect(a.paragraphs).toContain('Three ways to borrow');
});
