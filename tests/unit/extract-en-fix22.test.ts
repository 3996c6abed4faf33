/**
 * Issue 16, enfix22: kinds of English page our twentieth outside set showed (a manual page, a poem
 * with the poet's note, …), each with our own made-up markup and text, each with a case where the
 * rule must not fire.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const P = [
  'The ferry across the estuary ran every half hour in summer, and the timetable pinned in the shelter had not changed in twenty years.',
  'When the operator announced that the winter service would stop, the villages on the far bank formed a committee within a week.',
  'By spring the committee had bought a second-hand launch, trained four skippers and painted the old timetable back onto the shelter wall.',
];
const paras = P.map((p) => `<p>${p}</p>`).join('');

function page(body: string, opts: { title?: string; after?: string } = {}): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${opts.title ?? 'The estuary ferry | Wenmouth Gazette'}</title></head><body>` +
    '<header><nav><a href="/">Home</a> <a href="/about">About</a> <a href="/news">News</a></nav></header>' +
    `<main>${body}${opts.after ?? ''}</main><footer><p>Wenmouth Gazette, a village paper</p></footer></body></html>`
  );
}
const URL = 'https://wenmouth.example/ferry';

describe('a link back to the top inside a section heading', () => {
  const section = (name: string, link: string, text: string): string => `<h2>${name} ${link}</h2><p>${text}</p>`;
  it('is a control, not a word of the heading', () => {
    const body =
      `<article><h1>The estuary ferry</h1>` +
      section('Summer', '<a href="#page-top">top</a>', P[0]!) +
      section('Winter', '<a href="#page-top">back to top</a>', P[1]!) +
      section('Spring', '<a href="#">Top ↑</a>', P[2]!) +
      '</article>';
    const a = extractArticle(page(body), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(['Summer', P[0], 'Winter', P[1], 'Spring', P[2]]);
  });

  it('keeps a heading word linked elsewhere, even the word "top"', () => {
    const body = `<article><h1>The estuary ferry</h1><h2>The view from the <a href="/hills/top">top</a></h2>${paras}</article>`;
    const a = extractArticle(page(body), URL, { referee: 'never' });
    expect(a.paragraphs[0]).toBe('The view from the top');
  });
});

describe('a colophon closing the text', () => {
  const colophon =
    '<h2>Colophon</h2><p>This page was converted from the project’s own source files on 3 March. If you find a rendering fault, please write to the maintainer of this copy.</p>';
  it('is the site’s note on the page: out, with what stands under it', () => {
    const body = `<article><h1>The estuary ferry</h1><h2>History</h2>${paras}${colophon}<p>Pages that link here: <a href="/a">a</a>, <a href="/b">b</a></p></article>`;
    const a = extractArticle(page(body), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(['History', ...P]);
  });

  it('stays when more sections of the text follow it (a text about colophons)', () => {
    const body = `<article><h1>The estuary ferry</h1><h2>History</h2><p>${P[0]}</p>${colophon}<h2>Printing</h2><p>${P[1]}</p><p>${P[2]}</p></article>`;
    const a = extractArticle(page(body), URL, { referee: 'never' });
    expect(a.paragraphs).toContain('Colophon');
  });
});

describe('a closed disclosure after the text', () => {
  const note =
    '<details class="note"><summary>About this piece</summary><p>I began writing this after a winter of crossing the estuary twice a day, and most of it was drafted on the launch itself, in pencil, against the swell.</p><p>The skippers’ names have been changed at their own request, though they would all recognise themselves.</p></details>';
  it('is the author’s note, not read with the text', () => {
    const a = extractArticle(page(`<article><h1>The estuary ferry</h1><div class="entry">${paras}</div>${note}</article>`), URL, {
      referee: 'never',
    });
    expect(a.paragraphs).toEqual(P);
  });

  it('is read when it is open', () => {
    const open = note.replace('<details class="note">', '<details class="note" open>');
    const a = extractArticle(page(`<article><h1>The estuary ferry</h1><div class="entry">${paras}</div>${open}</article>`), URL, {
      referee: 'never',
    });
    expect(a.paragraphs.some((p) => p.startsWith('I began writing this'))).toBe(true);
  });
});

describe('a drawn chart in a figure', () => {
  const labels = ['Mon', 'Tue', 'Wed', 'Thu']
    .map((d, i) => `<text x="0" y="${i * 20}">${d}</text><text x="90" y="${i * 20}">${i * 7 + 3}</text>`)
    .join('');
  const chart = (svg: string): string =>
    `<figure class="graphic"><h3>Crossings per day</h3><p>Launch crossings in the first week of the volunteer service</p>${svg}` +
    '<table class="visually-hidden"><caption>Crossings per day</caption><tr><th>Day</th><th>Crossings</th></tr><tr><td>Mon</td><td>3</td></tr><tr><td>Tue</td><td>10</td></tr></table>' +
    '<figcaption><p>Counts are of departures from the village slipway only, in either direction.</p><p>Source: committee logbook</p></figcaption></figure>';
  it('is furniture: its title, subtitle, fallback table, note and source go', () => {
    const svg = `<svg viewBox="0 0 200 100">${labels}</svg>`;
    const a = extractArticle(
      page(`<article><h1>The estuary ferry</h1><p>${P[0]}</p>${chart(svg)}<p>${P[1]}</p><p>${P[2]}</p></article>`),
      URL,
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs).toEqual(P);
  });

  it('a figure whose svg is an icon (no labels) keeps its table', () => {
    const fig =
      '<figure><svg viewBox="0 0 10 10"><path d="M0 0h10v10z"/></svg><table><tr><th>Day</th><th>Skipper</th></tr><tr><td>Monday</td><td>Ada Penrose</td></tr><tr><td>Tuesday</td><td>Col Marsh</td></tr></table></figure>';
    const a = extractArticle(page(`<article><h1>The estuary ferry</h1><p>${P[0]}</p>${fig}<p>${P[1]}</p><p>${P[2]}</p></article>`), URL, {
      referee: 'never',
    });
    expect(a.paragraphs).toContain('Monday | Ada Penrose');
  });
});

describe('a look-up box with a drop-down in the text', () => {
  const lookup =
    '<div class="widget"><h3>When does the launch leave your village?</h3><label for="v">Choose a village</label><select id="v"><option>Wenmouth</option><option>Saltby</option></select><p class="out">Pick a village to see its departures.</p></div>';
  it('is a control: its question and result line go', () => {
    const a = extractArticle(
      page(`<article><h1>The estuary ferry</h1><p>${P[0]}</p><p>${P[1]}</p>${lookup}<p>${P[2]}</p></article>`),
      URL,
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs).toEqual(P);
  });

  it('a box of the text without a control stays', () => {
    const box =
      '<div class="widget"><h3>When does the launch leave?</h3><p class="out">On the hour from Wenmouth, and at half past from Saltby.</p></div>';
    const a = extractArticle(page(`<article><h1>The estuary ferry</h1><p>${P[0]}</p><p>${P[1]}</p>${box}<p>${P[2]}</p></article>`), URL, {
      referee: 'never',
    });
    expect(a.paragraphs).toContain('On the hour from Wenmouth, and at half past from Saltby.');
  });
});

describe('an aside headed as the authors’ method', () => {
  const method = (head: string): string =>
    `<aside class="box"><h2>${head}</h2><p>We counted every departure recorded in the committee’s logbook between April and September, and compared them with the operator’s last published timetable for the same months.</p></aside>`;
  it('is part of the story', () => {
    const a = extractArticle(
      page(`<article><h1>The estuary ferry</h1><div class="story">${paras}${method('How we did this')}</div></article>`),
      URL,
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs.slice(-2)[0]).toBe('How we did this');
  });

  it('an aside under another heading stays out', () => {
    const a = extractArticle(
      page(`<article><h1>The estuary ferry</h1><div class="story">${paras}${method('Our sponsors')}</div></article>`),
      URL,
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs).toEqual(P);
  });
});

describe('an opening paragraph whose next paragraph sits in a callout', () => {
  const head = `<meta name="description" content="${P[0]}">`;
  it('is the text’s first paragraph, not a standfirst', () => {
    const body = `<article><h1>The estuary ferry</h1><div class="body"><p>${P[0]}</p><div class="callout"><p><strong>Note:</strong> ${P[1]}</p></div><h2>Timetable</h2><p>${P[2]}</p></div></article>`;
    const html = page(body).replace('</title>', `</title>${head}`);
    const a = extractArticle(html, URL, { referee: 'never' });
    expect(a.paragraphs[0]).toBe(P[0]);
  });

  it('a summary above the box the text runs on in is still a standfirst', () => {
    const body = `<article><h1>The estuary ferry</h1><div class="lead-in"><p>${P[0]}</p><div class="body"><p>${P[1]}</p><p>${P[2]}</p><p>${P[1]!.replace('villages', 'hamlets')}</p></div></div></article>`;
    const html = page(body).replace('</title>', `</title>${head}`);
    const a = extractArticle(html, URL, { referee: 'never' });
    expect(a.paragraphs[0]).toBe(P[1]);
  });
});

describe('a dictionary entry', () => {
  const entry = (h1: string): string =>
    `<article><h1>${h1}</h1><h2>Definition of ${h1}</h2><p>1 : a flat-bottomed boat used to carry people and goods across a river or an estuary on a fixed route.</p>` +
    `<p>2 : a regular service across a stretch of water, whatever carries it; the crossing itself, as a right of way.</p>` +
    '<div class="syn"><p>Synonyms</p><ul><li><a href="/t/launch">launch</a></li><li><a href="/t/barge">barge</a></li><li><a href="/t/punt">punt</a></li><li><a href="/t/crossing">crossing</a></li></ul></div>' +
    '<h2>Recent examples</h2>' +
    '<p>The ferry was cancelled twice in a week because of the fog. — Ada Penrose, Wenmouth Gazette, 4 Oct. 2026</p>' +
    '<p>Nobody on the far bank remembers a winter without the ferry. — Col Marsh, Saltby Courier, 9 Jan. 2025</p>' +
    '<p>A second-hand launch now does the ferry’s work. — Ian Dorne, Estuary Life, 21 Aug. 2026</p>' +
    `<h2>Usage</h2><p>${P[0]}</p></article>`;
  it('takes the headword as its title where the stated title calls the page its definition', () => {
    const a = extractArticle(page(entry('ferry'), { title: 'Definition of FERRY' }), URL, { referee: 'never' });
    expect(a.title).toBe('ferry');
  });

  it('drops the word chips’ label with its chips', () => {
    const a = extractArticle(page(entry('ferry'), { title: 'Definition of FERRY' }), URL, { referee: 'never' });
    expect(a.paragraphs).not.toContain('Synonyms');
    expect(a.paragraphs).toContain(P[0]);
  });

  it('drops the run of quotations closed by their sources and dates', () => {
    const a = extractArticle(page(entry('ferry'), { title: 'Definition of FERRY' }), URL, { referee: 'never' });
    expect(a.paragraphs.filter((p) => / — [A-Z]/.test(p))).toEqual([]);
    expect(a.paragraphs).toContain(P[0]);
  });

  it('keeps the stated title when it does not call the page a definition', () => {
    const a = extractArticle(page(entry('ferry'), { title: 'Ferry timetables for the winter' }), URL, { referee: 'never' });
    expect(a.title).toBe('Ferry timetables for the winter');
  });

  it('keeps reference entries whose cited titles hold a dash (no quotation closed before it)', () => {
    const refs = ['Harbours – Ferries', 'Rivers – Crossings', 'Coasts – Launches']
      .map((t, i) => `<li>Penrose, Ada (March 2009). "${t}". Estuary Encyclopedia. Retrieved ${i + 2} January 2011.</li>`)
      .join('');
    const a = extractArticle(page(`<article><h1>The estuary ferry</h1>${paras}<h2>Sources</h2><ol>${refs}</ol></article>`), URL, {
      referee: 'never',
    });
    expect(a.paragraphs.filter((p) => p.includes('Estuary Encyclopedia')).length).toBe(3);
  });

  it('keeps one quotation with its source (the text quoting)', () => {
    const body = `<article><h1>The estuary ferry</h1>${paras}<p>It was never about the boat. — Ada Penrose, Wenmouth Gazette, 4 Oct. 2026</p></article>`;
    const a = extractArticle(page(body), URL, { referee: 'never' });
    expect(a.paragraphs.some((p) => p.includes('Wenmouth Gazette'))).toBe(true);
  });
});

describe('a paragraph mark linking to its own anchor', () => {
  it('is a hover control, not a character of the text', () => {
    const body = `<article><h1>The estuary ferry</h1>${P.map((p, i) => `<p id="p${i}">${p} <a class="mark" href="#p${i}">¶</a></p>`).join('')}</article>`;
    const a = extractArticle(page(body), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(P);
  });

  it('keeps a section sign in the text that is no link', () => {
    const body = `<article><h1>The estuary ferry</h1><p>${P[0]} See § 4 of the byelaws.</p><p>${P[1]}</p><p>${P[2]}</p></article>`;
    const a = extractArticle(page(body), URL, { referee: 'never' });
    expect(a.paragraphs[0]).toBe(`${P[0]} See § 4 of the byelaws.`);
  });
});

describe('a standards document’s standing sections', () => {
  const memo =
    '<h2>Status of This Memo</h2><p>This memo is published for the information of the ferry committees of the estuary and sets no rule of its own.</p><p>Information about the current status of this memo may be obtained from the committee secretary.</p>';
  const addresses = '<h2>Authors’ Addresses</h2><address>Ada Penrose<br>Wenmouth</address><address>Col Marsh<br>Saltby</address>';
  it('drops the series’ boilerplate and the authors’ addresses, keeps the document’s sections', () => {
    const body = `<article><h1>Crossing signals for estuary launches</h1><h2>Abstract</h2><p>${P[0]}</p>${memo}<h2>1. Introduction</h2><p>${P[1]}</p><p>${P[2]}</p>${addresses}</article>`;
    const a = extractArticle(page(body), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(['Abstract', P[0], '1. Introduction', P[1], P[2]]);
  });

  it('keeps a section about the memo under another heading', () => {
    const body = `<article><h1>Crossing signals for estuary launches</h1><h2>Status of the ferry</h2>${paras}</article>`;
    const a = extractArticle(page(body), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(['Status of the ferry', ...P]);
  });
});

describe('a transcript’s time stamps as delivered', () => {
  const speech = (before: string, after: string): string =>
    `<article><h1>Remarks by the Chair at the Launch of the Estuary Ferry</h1><p>Wenmouth Slipway<br>Saltby Parish</p>${before}<p>THE CHAIR: ${P[0]}</p><p>(Applause.)</p><p>${P[1]}</p><p>${P[2]}</p>${after}</article>`;
  it('drops the start time with the place lines over it, and the END line', () => {
    const a = extractArticle(page(speech('<p>10:02 A.M. BST</p>', '<p>END 10:19 A.M. BST</p>')), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual([`THE CHAIR: ${P[0]}`, '(Applause.)', P[1], P[2]]);
  });

  it('keeps the lines over the text when no time stands under them', () => {
    const a = extractArticle(page(speech('', '')), URL, { referee: 'never' });
    expect(a.paragraphs[0]).toContain('Wenmouth Slipway');
  });
});

describe('a letters page’s call for letters', () => {
  const letters = `<div class="letters"><h2>Keep the ferry</h2>${paras}<p><em>Ada Penrose, Saltby</em></p>`;
  it('is a contact block under the letters: out', () => {
    const call =
      '<p><em>Have your say: email letters@gazette.example or write to the Letters Editor, Wenmouth Gazette, Quay Lane, Wenmouth. Letters may be shortened.</em></p>';
    const a = extractArticle(page(`<article><h1>Letters: the ferry</h1>${letters}${call}</div></article>`), URL, { referee: 'never' });
    expect(a.paragraphs.some((p) => p.startsWith('Have your say'))).toBe(false);
    expect(a.paragraphs).toContain('Ada Penrose, Saltby');
  });

  it('keeps a letter that opens "Have your say" as its own words', () => {
    const own = '<p>Have your say, the council told us, and so we did: three hundred of us wrote, and not one letter was answered.</p>';
    const a = extractArticle(page(`<article><h1>Letters: the ferry</h1>${letters}${own}</div></article>`), URL, { referee: 'never' });
    expect(a.paragraphs.some((p) => p.startsWith('Have your say'))).toBe(true);
  });
});
