/**
 * Issue 16, enfix23: kinds of English page our twenty-first outside set showed (a numbered thread
 * among replies, an open letter with its signatories, a book excerpt on a publisher's page…), each
 * with our own made-up markup and text, each with a case where the rule must not fire.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { LOW_EXTRACT_CONFIDENCE } from '../../shared/domain/sync';

const URL = 'https://pinecone.example/posts/881';

function page(body: string, head = ''): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>Page | Pinecone</title>${head}</head><body>` +
    '<header><nav><a href="/">Home</a> <a href="/explore">Explore</a> <a href="/about">About</a></nav></header>' +
    `<main>${body}</main><footer><p>Pinecone, a small community server</p></footer></body></html>`
  );
}

// ---------------------------------------------------------------------------------------------
// A numbered thread among replies
// ---------------------------------------------------------------------------------------------

const THREAD = [
  'I walked the whole length of the old tram route across town last Sunday, from the depot to the river, and the rails are still there under the tarmac in places. (1/4)',
  'The clearest stretch is outside the bakery on Tollgate Road, where the resurfacing never quite covered the groove and you can follow it for about forty paces. (2/4)',
  'A neighbour who has lived there since the sixties told me the trams stopped in the winter of 1958, and the last driver still lives two streets away. (3/4)',
  'I have asked the local history society whether anyone recorded him. If they have not, I would like to, so if you know him, please pass this on. (4/4)',
];
const REPLIES = [
  'We found the same grooves by the old cattle market when the road was dug up for the gas main, years ago now.',
  'Do you know whether the depot building itself is still standing, or was it pulled down with the rest of the yard?',
  '@quill Thanks, I will ask him about the depot too.',
];

function post(who: string, text: string): string {
  return (
    `<article class="post"><div class="post__head"><a href="/@${who}"><strong>${who}</strong> <span>@${who}@pinecone.example</span></a>` +
    `<a href="/posts/881"><time datetime="2026-05-03T10:00:00Z">May 3</time></a></div>` +
    `<div class="post__body"><p>${text}</p></div><div class="post__actions"><button>Reply</button><button>Boost</button></div></article>`
  );
}

describe('a numbered thread of one writer’s posts among replies', () => {
  const feed = (posts: string[]): string => `<div class="feed" role="feed">${posts.join('')}</div>`;
  const html = page(
    feed([
      post('marla', THREAD[0]!),
      post('marla', THREAD[1]!),
      post('quill', REPLIES[0]!),
      post('marla', THREAD[2]!),
      post('sorrel', REPLIES[1]!),
      post('marla', THREAD[3]!),
      post('marla', REPLIES[2]!),
    ]),
  );

  it('is the article: every numbered post, none of the replies (the writer’s unnumbered answer neither)', () => {
    const a = extractArticle(html, URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(THREAD);
  });

  it('keeps its first post when the page’s summary repeats it (a run of like boxes, no standfirst)', () => {
    const head = `<meta property="og:description" content="${THREAD[0]!.slice(0, 60)}…">`;
    const a = extractArticle(page(feed(THREAD.map((t) => post('marla', t))), head), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(THREAD);
  });

  it('is no thread when the counts repeat (reviews rated out of five): the posts are not read as one text', () => {
    const reviews = THREAD.map((t, i) => post(`r${i}`, t.replace(/\(\d\/4\)$/, i % 2 === 0 ? '(4/5)' : '(5/5)')));
    const a = extractArticle(page(feed(reviews)), URL, { referee: 'never' });
    expect(a.paragraphs.length).toBeLessThan(THREAD.length);
  });

  it('still drops a standfirst in a box of its own kind above the text', () => {
    const dek = 'A short walk along a vanished tram line, and a driver who still remembers it.';
    const head = `<meta property="og:description" content="${dek}">`;
    const body = `<article><h1>The tram line under the road</h1><div class="standfirst"><p>${dek}</p></div><div class="story">${THREAD.map((t) => `<p>${t.replace(/ \(\d\/4\)$/, '')}</p>`).join('')}</div></article>`;
    const a = extractArticle(page(body, head), URL, { referee: 'never' });
    expect(a.paragraphs[0]).toBe(THREAD[0]!.replace(/ \(\d\/4\)$/, ''));
  });
});

// ---------------------------------------------------------------------------------------------
// An open letter and its signatories
// ---------------------------------------------------------------------------------------------

const LETTER = [
  'To the governors of Eastbrook School,',
  'We are parents and neighbours of the school, writing to ask you to keep the playing field behind the library open to the town at weekends, as it has been for thirty years.',
  'The field is the only flat green space within walking distance for most of the families on the Marsh estate, and the Saturday football league has used it since it was founded.',
  'We understand the concerns about litter and damage, and we are ready to help: several of us have offered to organise a rota of volunteers to lock the gates each evening.',
  'Yours sincerely,',
  'The undersigned',
];
const SIGNERS =
  '<h2>Signatories</h2><ul><li><strong>Agnes Porley</strong>, parent, Year 4</li><li><strong>Dev Khatri</strong>, coach, Marsh Juniors FC</li><li><strong>Ruth Ambler</strong>, Eastbrook Residents’ Association</li></ul><p>Replies to: Eastbrook Field Group, 4 Mill Row, Eastbrook</p>';

describe('a letter’s list of signatories', () => {
  it('is the letter’s credits: out, with the reply address under it', () => {
    const body = `<article><h1>Keep the field open</h1><div class="letter">${LETTER.map((p) => `<p>${p}</p>`).join('')}</div><section>${SIGNERS}</section></article>`;
    const a = extractArticle(page(body), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(LETTER);
  });

  it('stays in a text that is no letter (no close before it)', () => {
    const body = `<article><h1>Who signed the field agreement</h1>${LETTER.slice(1, 4)
      .map((p) => `<p>${p}</p>`)
      .join(
        '',
      )}${SIGNERS}<h2>What happens next</h2><p>The governors meet again in March, when the agreement will be read out and the rota of volunteers confirmed for the year.</p></article>`;
    const a = extractArticle(page(body), URL, { referee: 'never' });
    expect(a.paragraphs).toContain('Signatories');
    expect(a.paragraphs).toContain('Dev Khatri, coach, Marsh Juniors FC');
  });
});

// ---------------------------------------------------------------------------------------------
// A book excerpt on a publisher's page
// ---------------------------------------------------------------------------------------------

const CHAPTER = [
  'The ferry left at six, and by a quarter past the island had shrunk to a grey line with a lighthouse on one end of it, like a sentence with a full stop.',
  'My aunt stood at the rail the whole way across and did not once look back, which I took at the time for courage and understood only much later was something closer to fear.',
  'We landed in rain. The harbourmaster knew her by name, and when he shook my hand he held on to it a moment too long, as if he were checking it was real.',
  'That night I wrote the date at the top of a new notebook and then sat looking at it for an hour, because nothing else I could think of seemed true enough to write underneath.',
];
const excerpt = (numeral: string): string =>
  `<section class="excerpt"><h2>Read an Excerpt</h2><div class="excerpt__text"><p class="num">${numeral}</p><h3>The Crossing</h3>${CHAPTER.map(
    (p) => `<p>${p}</p>`,
  ).join(
    '',
  )}<p class="credit">Excerpted from <em>The Salt Road</em> by Ines Carrow. Copyright © 2026 by Ines Carrow. Reprinted by permission of Tidewater Books. No part of this excerpt may be copied without the publisher’s written consent.</p></div></section>`;
const BLURB =
  '<section class="blurb"><h2>About the Book</h2><p>A girl and her aunt leave the island where they were born for a mainland town that has forgotten them, and find that what they carried across the water was heavier than their luggage.</p><p>Spare, funny and unsparing, this is a debut about the family stories that travel with us and the ones we finally put down on the far shore.</p></section>';
const hero =
  '<div class="hero"><h1>The Salt Road</h1><p>A Novel</p><p>By <a href="/authors/ines-carrow">Ines Carrow</a></p><button>Add to basket</button></div>';

describe('a book excerpt on a publisher’s page', () => {
  it('keeps the chapter’s number over its title, and drops the permissions credit under it', () => {
    const a = extractArticle(page(`${hero}${excerpt('Two')}`), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(['Two', 'The Crossing', ...CHAPTER]);
  });

  it('drops a number word that stands over prose, not over a heading (a kicker or a widget’s count)', () => {
    const body = `${hero}<div class="text"><p>Two</p>${CHAPTER.map((p) => `<p>${p}</p>`).join('')}</div>`;
    const a = extractArticle(page(body), URL, { referee: 'never' });
    expect(a.paragraphs[0]).toBe(CHAPTER[0]);
  });

  it('keeps a closing line that takes from another work but names no copyright or permission', () => {
    const last = 'Adapted from an old ferryman’s saying, the words stayed with me long after the island had gone out of sight for good.';
    const body = `${hero}<div class="text">${CHAPTER.map((p) => `<p>${p}</p>`).join('')}<p>${last}</p></div>`;
    const a = extractArticle(page(body), URL, { referee: 'never' });
    expect(a.paragraphs.at(-1)).toBe(last);
  });

  it('leaves out the publisher’s blurb under `About the Book` beside it, and is not doubted for it', () => {
    const a = extractArticle(page(`${hero}${BLURB}${excerpt('Two')}`), URL);
    expect(a.paragraphs.some((p) => p.startsWith('A girl and her aunt'))).toBe(false);
    expect(a.confidence).toBeGreaterThanOrEqual(LOW_EXTRACT_CONFIDENCE);
  });

  it('keeps a section headed `About the data` (a story’s method section, no blurb) with the text', () => {
    const method = BLURB.replace('About the Book', 'About the data');
    const a = extractArticle(page(`${hero}${method}${excerpt('Two')}`), URL, { referee: 'never' });
    expect(a.paragraphs.some((p) => p.startsWith('A girl and her aunt'))).toBe(true);
  });

  it('keeps an about page’s own text under `About us`', () => {
    const about = `<section class="about"><h2>About us</h2>${CHAPTER.map((p) => `<p>${p}</p>`).join('')}</section>`;
    const a = extractArticle(page(about), URL, { referee: 'never' });
    expect(a.paragraphs.slice(-CHAPTER.length)).toEqual(CHAPTER);
  });
});

// ---------------------------------------------------------------------------------------------
// A line the page's style sheets always hide
// ---------------------------------------------------------------------------------------------

describe('a line hidden by a class the page’s own style sheet hides', () => {
  const NOTE = 'This story belongs to the writer; if you are reading it anywhere else, it was copied without asking.';
  const text = (cls: string): string =>
    `<article><h1>The crossing</h1><div class="chapter">${CHAPTER.slice(0, 2)
      .map((p) => `<p>${p}</p>`)
      .join('')}<p class="${cls}">${NOTE}</p>${CHAPTER.slice(2)
      .map((p) => `<p>${p}</p>`)
      .join('')}</div></article>`;

  it('is never seen: out', () => {
    const a = extractArticle(page(text('qv7 small'), '<style>.small{font-size:80%}.qv7{display:none}</style>'), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(CHAPTER);
  });

  it('stays when another rule shows the class again (a media query, a compound selector)', () => {
    for (const css of [
      '.qv7{display:none}@media (min-width: 40em){.qv7{display:block}}',
      '.qv7{display:none}.chapter.open .qv7{display:block}',
      '.qv7{display:none}.qv7{display:block}',
    ]) {
      const a = extractArticle(page(text('qv7'), `<style>${css}</style>`), URL, { referee: 'never' });
      expect(a.paragraphs).toContain(NOTE);
    }
  });

  it('stays on a box that holds the text itself (a script shows it once loaded)', () => {
    const html = page(
      text('plain').replace('<div class="chapter">', '<div class="chapter loading">'),
      '<style>.loading{display:none}</style>',
    );
    const a = extractArticle(html, URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(expect.arrayContaining(CHAPTER));
  });
});
