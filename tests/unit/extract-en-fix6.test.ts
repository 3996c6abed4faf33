/**
 * Issue 16, sixth outside English set: the shapes it showed, in general terms on our own pages.
 * An intro beside a collapsible transcript block; captions closed by a bracketed credit (a
 * figcaption, a centred or plain paragraph under the picture); an inline newsletter box, a related box's label and a
 * pull quote's attribution left behind; a wire sign-off (in) and a column's author line (out).
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const PARAS = [
  'The harbour board agreed on Monday to rebuild the north breakwater, which was damaged twice by storm surges last winter and has since been closed to walkers.',
  'Engineers told the board that the new wall would be built a metre higher than the old one and faced with rock taken from the quarry above the town.',
  'Work is due to start in April and to last about eighteen months, during which the fishing fleet will use moorings on the south side of the harbour.',
  'Fishermen at the meeting said they welcomed the plan but asked the board to keep the slipway open for small boats through the summer season.',
  'The board said it would publish a timetable for the works next month and hold a drop-in session at the harbour office for anyone with questions.',
];

function page(body: string, extra = ''): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Breakwater to be rebuilt | Harbour News</title></head><body>' +
    '<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>' +
    `<main><h1>Breakwater to be rebuilt</h1>${body}</main>${extra}` +
    '<footer><p>© 2026 Harbour News. All rights reserved.</p></footer></body></html>'
  );
}

const paras = (ps: string[]): string => ps.map((p) => `<p>${p}</p>`).join('');

describe('an intro beside a collapsible transcript block', () => {
  const intro = [
    'A harbour town is rebuilding the breakwater that storms damaged last winter, a job the board says cannot wait another season.',
    'The works will close part of the quay for a year and a half. Fishermen say they can live with that if the slipway stays open.',
    'Our reporter walked the old wall with the engineer in charge.',
  ];
  const transcript = [
    'REPORTER: This is the end of the north breakwater. Last January the sea came straight over the top of it and took a section of the railing with it.',
    'ENGINEER: The stones at the base have moved. Once the base moves, every wave pushes a little more of the wall out of line, and the repairs stop holding.',
    'REPORTER: The new wall will be a metre higher and faced with rock from the quarry you can see on the hill behind the town.',
    'ENGINEER: We looked at concrete blocks, but the rock is local, it lasts, and it does not have to come in by lorry through the high street.',
    'REPORTER: Work starts in April. For Harbour News, on the north breakwater.',
  ];

  it('keeps the intro and the toggle heading of an amp-accordion transcript', () => {
    const html = page(
      `<div class="story-text">${paras(intro)}<amp-accordion class="transcript"><section><h2>Video transcript</h2>` +
        `<div class="transcript-body">${paras(transcript)}</div></section></amp-accordion><p>(Cover image via Picture Desk)</p></div>`,
    );
    const a = extractArticle(html, 'https://news.example.org/a');
    expect(a.paragraphs).toEqual([...intro, 'Video transcript', ...transcript]);
    // Widened past the best block: a second opinion is asked, and it may only add, never cut the intro.
    expect(a.refereed).toBe(true);
  });

  it('keeps the intro above a <details> transcript', () => {
    const html = page(
      `<div class="story">${paras(intro)}<details><summary>Read the transcript</summary><section><div class="t">${paras(transcript)}</div></section></details></div>`,
    );
    // Our own pass finds the intro (Readability, asked as well, also finds it on this page).
    const own = extractArticle(html, 'https://news.example.org/a', { referee: 'never' });
    expect(own.paragraphs).toEqual([...intro, 'Read the transcript', ...transcript]);
    const auto = extractArticle(html, 'https://news.example.org/a');
    for (const p of [...intro, ...transcript]) expect(auto.paragraphs).toContain(p);
  });

  it('does not take in a layout container beside the wrapper (a teaser list holds most of it)', () => {
    const teasers = Array.from({ length: 8 }, (_, i) => `<li><a href="/n/${i}">Another story about the coast number ${i}</a></li>`).join(
      '',
    );
    const html = page(
      `<div class="layout"><p>Harbour News is published every Thursday and is delivered free to every household in the town and the villages nearby.</p>` +
        `<div class="wrap"><article><div class="body">${paras(PARAS)}</div></article></div><ul class="more">${teasers}</ul></div>`,
    );
    const a = extractArticle(html, 'https://news.example.org/a');
    expect(a.paragraphs).toEqual(PARAS);
  });
});

describe('captions written as paragraphs', () => {
  const img = (n: number): string => `<p style="text-align:center"><img src="https://img.example.org/${n}.jpg" alt=""></p>`;

  it('drops a centred paragraph under its picture closed by a bracketed credit', () => {
    const html = page(
      `<div id="Content">${paras(PARAS.slice(0, 2))}${img(1)}<p style="text-align:center">Workers inspect the damaged railing on the north breakwater in January. [Photo/Coast Images]</p>` +
        `${paras(PARAS.slice(2, 4))}${img(2)}<p style="text-align:center">The quarry above the town, seen from the harbour. [Photo by Tom Reed/For Harbour News]</p>${paras(PARAS.slice(4))}</div>`,
    );
    const a = extractArticle(html, 'https://news.example.org/a');
    expect(a.paragraphs).toEqual(PARAS);
    expect(a.images.map((i) => i.src)).toEqual(['https://img.example.org/1.jpg', 'https://img.example.org/2.jpg']);
  });

  it('drops a plain paragraph and a figcaption closed by a bracketed credit', () => {
    const html = page(
      `<div id="detail"><figure><img src="https://img.example.org/1.jpg" alt=""><figcaption>Boats moored on the south side of the harbour. [Photo by Ann Lee/For Harbour News]</figcaption></figure>` +
        `${paras(PARAS.slice(0, 3))}<p><img src="https://img.example.org/2.jpg" alt=""></p>` +
        `<p>This aerial photo taken on Jan. 12 shows the breach in the north breakwater. (Coast Wire/Tom Reed)</p>${paras(PARAS.slice(3))}</div>`,
    );
    const a = extractArticle(html, 'https://news.example.org/a');
    expect(a.paragraphs).toEqual(PARAS);
  });

  // Readability's labelled pages keep such lines: a caption is known by its credit, not by its place.
  it('keeps a centred subheading under a picture, a centred line without a credit and a figcaption without one', () => {
    const html = page(
      `<div id="Content"><figure><img src="https://img.example.org/1.jpg" alt=""><figcaption>The north breakwater after the January storm.</figcaption></figure>` +
        `${paras(PARAS.slice(0, 3))}${img(2)}<p style="text-align:center"><strong>What happens next</strong></p>${paras(PARAS.slice(3, 4))}` +
        `${img(3)}<p style="text-align:center">Rock from the quarry is stacked by the slipway.</p>${paras(PARAS.slice(4))}</div>`,
    );
    const a = extractArticle(html, 'https://news.example.org/a');
    expect(a.paragraphs).toContain('Rock from the quarry is stacked by the slipway.');
    expect(a.paragraphs).toContain('The north breakwater after the January storm.');
    expect(a.paragraphs).toContain('What happens next');
  });
});

describe('boxes set into the body', () => {
  it('drops an inline newsletter box with its name, and a related box whose links are gone', () => {
    const html = page(
      `<div class="article-body">${paras(PARAS.slice(0, 2))}` +
        '<div class="css-1x2y"><span>More on this topic:</span><ul><li><a href="/n/1">Storm closes coast road</a></li><li><a href="/n/2">Quarry reopens</a></li></ul></div>' +
        `${paras(PARAS.slice(2, 4))}` +
        '<div class="css-9z8w"><h4>Harbour Briefing</h4><p>Get the latest news from the coast delivered to your inbox every weekday. By registering, you agree to our terms.</p><button>Sign up</button></div>' +
        `${paras(PARAS.slice(4))}</div>`,
    );
    const a = extractArticle(html, 'https://news.example.org/a');
    expect(a.paragraphs).toEqual(PARAS);
  });

  it('drops a pull quote with its attribution line; the quote the author quotes stays', () => {
    const quote =
      '"The sea has been taking a little more of this wall every winter. If we do not rebuild it now, we will be rebuilding the harbour instead," said Mary Quinn, the board’s chief engineer.';
    const html = page(
      `<div class="field--name-body">${paras(PARAS.slice(0, 2))}<blockquote><p>${quote}</p></blockquote>` +
        '<div class="paragraph--type--quote"><div class="field--name-quote-text">The sea has been taking a little more of this wall every winter.</div>' +
        '<div class="field--name-quote-author">Mary Quinn, chief engineer</div></div>' +
        `${paras(PARAS.slice(2))}</div>`,
    );
    const a = extractArticle(html, 'https://news.example.org/a');
    expect(a.paragraphs).toEqual([...PARAS.slice(0, 2), quote, ...PARAS.slice(2)]);
  });
});

describe('credit lines at the end of the text', () => {
  it('keeps a wire sign-off after the text; a byline above it stays out', () => {
    const signOff = 'Reporting by Ann Lee in Portree; Additional reporting by Tom Reed; Editing by Sue Park';
    const html = page(`<p class="byline">Reporting by Ann Lee</p><div class="article-body">${paras(PARAS)}<div>${signOff}</div></div>`);
    const a = extractArticle(html, 'https://news.example.org/a');
    expect(a.paragraphs).toEqual([...PARAS, signOff]);
  });

  it('drops a column’s closing author line; the editor’s note opening it stays', () => {
    const note = "Editor's note: The writer of this column spent a week with the harbour board's engineers.";
    const html = page(
      `<div class="content"><i>${note}</i><br><br>${PARAS.join('<br><br>')}<br><br>` +
        '<i>The author is a coastal engineer and a lecturer at a maritime college. letters@harbour.example.org</i></div>',
    );
    const a = extractArticle(html, 'https://news.example.org/a');
    expect(a.paragraphs).toEqual([note, ...PARAS]);
  });
});
