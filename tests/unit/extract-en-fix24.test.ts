/**
 * Issue 16, enfix24: kinds of English page our twenty-second outside set showed (a photo essay
 * told in its captions, a register's entry with its labelled fields, a listing whose legal notice
 * sits far below its description…), each with our own made-up markup and text, each with a case
 * where the rule must not fire.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { paragraphGain } from '../../main/services/extract/referee';
import { Walker } from '../../main/services/extract/walk';
import { parseLightDocument } from '../../main/services/extract/light-dom';
import type { Block } from '../../main/services/extract/blocks';
import type { Element } from '../../main/services/parsed-dom';

const URL = 'https://harbourlight.example/stories/412';

function page(body: string, head = ''): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>Page | Harbourlight</title>${head}</head><body>` +
    '<header><nav><a href="/">Home</a> <a href="/photos">Photos</a> <a href="/about">About</a></nav></header>' +
    `<main>${body}</main><footer><p>Harbourlight, a small regional paper</p></footer></body></html>`
  );
}

// ---------------------------------------------------------------------------------------------
// A photo essay told in its captions
// ---------------------------------------------------------------------------------------------

const INTRO = [
  'Every October the orchard on Gannet Hill opens its gates for three weekends of cider pressing, and half the village turns up to help. The apples come from trees planted by the first Ternby to farm the hill, and from the hedgerows, the gardens and the old trees nobody owns along the lane.',
  'This year our photographer spent the last of those weekends with the Ternby family, who have run the press for three generations and say they will keep it going as long as the helpers keep coming up the hill.',
];
const CAPTIONS = [
  'Before dawn, Hal Ternby stacks the first crates of apples beside the press his grandfather built from oak beams salvaged from a barn.',
  'The fruit is washed in an old cattle trough. Children are given the job of picking out the leaves, and most of them take it very seriously.',
  'Milled apples are folded into cloths and layered on the press bed. The pile is called a cheese, though nobody can say quite why any more.',
  'By noon the juice runs steadily into buckets. It goes into barrels in the cellar, where it will work quietly until the spring.',
  'At the end of the day the pressed pulp goes to a neighbour’s pigs, and the helpers sit down to a long supper at trestle tables in the yard.',
];

function essayFigure(i: number, text: string, n: number): string {
  return (
    `<figure class="shot"><button class="shot__zoom"><img src="/img/cider/${i}.jpg" alt="" width="1200" height="800"></button>` +
    `<figcaption class="shot__cap"><span class="shot__n">${i} / ${n}</span> <span class="shot__words">${text}</span> ` +
    `<span class="shot__credit">Photo: Wren Adeyemi/Harbourlight</span></figcaption></figure>`
  );
}

describe('a photo essay whose captions carry the story', () => {
  const essay = (intro: string[], captions: string[]): string =>
    `<article><h1>A weekend at the cider press</h1><div class="intro">${intro.map((p) => `<p>${p}</p>`).join('')}</div>` +
    `<div class="shots">${captions.map((c, i) => essayFigure(i + 1, c, captions.length)).join('')}</div></article>`;

  it('keeps each caption’s words as text, without its counter and its credit', () => {
    const a = extractArticle(page(essay(INTRO, CAPTIONS)), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual([...INTRO, ...CAPTIONS]);
  });

  it('drops captions with credits beside an article told in its paragraphs (a gallery in a report)', () => {
    const report = [
      ...INTRO,
      'The pressing began in the 1950s, when the orchard’s owner could no longer sell all of his fruit to the brewery in town and asked his neighbours to help him turn the surplus into something that would keep.',
      'It has outlived both the brewery and the owner. The orchard now belongs to a trust, which pays for the upkeep of the trees and the press from the sale of the cider at the Christmas market.',
      'This year the trust has planted twenty young trees of old local varieties, grafted from the oldest trees on the hill, some of which are thought to be more than a century old.',
      'The trustees say the pressing weekends are what keep the orchard alive: without the helpers, they could not gather the fruit, and without the fruit, there would be nothing to sell.',
      'Volunteers are welcome on any of the three weekends. Nobody needs any experience, the organisers say, only a pair of boots and an appetite for a long supper.',
    ];
    const a = extractArticle(page(essay(report, CAPTIONS)), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(report);
  });

  it('is no essay with fewer captioned figures than a story needs', () => {
    const a = extractArticle(page(essay(INTRO, CAPTIONS.slice(0, 3))), URL, { referee: 'never' });
    for (const c of CAPTIONS) expect(a.paragraphs).not.toContain(c);
  });
});

// ---------------------------------------------------------------------------------------------
// A register's entry and its labelled fields
// ---------------------------------------------------------------------------------------------

const PLAQUE = [
  'In this house the clockmaker Edith Varnum built the first tower clock made in the county, which kept time on the market hall from 1881 until the hall burned in 1923.',
  'Varnum trained in her father’s workshop and took it over at his death. She signed her work with a small engraved wren, and eleven of her clocks are known to survive.',
];
const FIELDS: [string, string][] = [
  ['Placed', '1998 by the Millbrook Civic Society.'],
  ['Location.', 'On the front wall of 14 Cooper Street, beside the door, facing the square.'],
  ['Topics.', 'Industry & Commerce • Women • Arts & Crafts. Listed in the town trail series.'],
  ['More about this plaque.', 'The house is private. The clock mechanism is kept at the town museum.'],
  ['Credits.', 'This entry was last revised on 3 May 2025. It was first submitted in 2019 by a reader.'],
];

describe('a register’s entry: the text and the labelled fields after it', () => {
  const entry = (fields: [string, string][]): string =>
    `<div class="entry"><h1>The Clockmaker’s House</h1><div class="field"><span class="fieldname">Inscription.</span></div>` +
    `<div class="words">${PLAQUE.map((p) => `<p>${p}</p>`).join('')}</div>` +
    fields.map(([l, t]) => `<div class="field"><span class="fieldname">${l}</span> ${t}</div>`).join('') +
    '</div>';

  it('keeps the text, drops every labelled field and the text’s own label', () => {
    const a = extractArticle(page(entry(FIELDS)), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(PLAQUE);
  });

  it('keeps boxes whose labels repeat (an interview’s questions and answers)', () => {
    const qa: [string, string][] = [
      ['Q.', 'When did you first see one of her clocks working again?'],
      ['A.', 'In 2009, when the museum restored the one from the mill office. It had been silent since the war.'],
      ['Q.', 'What surprised you most about the way she built them?'],
      ['A.', 'How little she wasted. Every offcut of brass turns up somewhere else in the movement.'],
    ];
    const a = extractArticle(page(entry(qa)), URL, { referee: 'never' });
    expect(a.paragraphs).toContain('A. How little she wasted. Every offcut of brass turns up somewhere else in the movement.');
  });
});

// ---------------------------------------------------------------------------------------------
// A listing: the description, data widgets, and a legal notice at the foot
// ---------------------------------------------------------------------------------------------

const DESCRIPTION = [
  'Tucked at the end of a quiet lane above the river, this stone cottage has been cared for by one family for thirty years and is ready for someone new to love it.',
  'Downstairs, the sitting room keeps its flagstone floor and a wide inglenook with a wood stove, and the kitchen opens onto a sheltered terrace that catches the evening sun.',
  'Upstairs are three bedrooms under the eaves, the largest with views across the valley, and a bathroom with a roll-top bath set beneath a skylight.',
];
const NOTICE =
  'Listing information is supplied by the selling agent and the regional listing service and has not been checked by this site. Details are believed accurate but are not guaranteed, and buyers should confirm everything for themselves.';

/** Blocks of `html` as the walker makes them (what the referee compares). */
function walked(html: string): Block[] {
  const walker = new Walker(undefined);
  walker.walk(parseLightDocument(`<!doctype html><html><head></head><body>${html}</body></html>`).body as unknown as Element, 0);
  walker.flush();
  return walker.blocks.filter((b) => b.len > 0);
}

describe('a listing: a legal notice far below the description is not a cut paragraph', () => {
  const facts = (n: number): string =>
    `<ul>${Array.from({ length: n }, (_, i) => `<li>Feature ${i + 1}: ${['Yes', 'No', 'Stone', 'Slate', 'Oil'][i % 5]}</li>`).join('')}</ul>`;
  const theirs = (n: number): Block[] => walked(`<div>${DESCRIPTION.map((p) => `<p>${p}</p>`).join('')}</div>${facts(n)}<p>${NOTICE}</p>`);
  const ours = (all: Block[]): Block[] => all.filter((b) => DESCRIPTION.includes(b.text));

  it('does not count a paragraph set apart from our text by a long run of short data lines', () => {
    const all = theirs(40);
    expect(ours(all)).toHaveLength(3);
    expect(paragraphGain(ours(all), all, () => false)).toBe(0);
  });

  it('still counts a paragraph beside our text (a few short lines between)', () => {
    const all = theirs(3);
    expect(paragraphGain(ours(all), all, () => false)).toBe(all.at(-1)!.len);
  });
});

// ---------------------------------------------------------------------------------------------
// A record's downloads between its items; a heading made of the <title>'s parts
// ---------------------------------------------------------------------------------------------

const MINUTES = [
  'Chair Oona Bell opened the meeting at 7:04 p.m. in the library annex and welcomed two new members of the board.',
  'The treasurer reported that the roof fund now stands at $18,200, enough to begin the repairs in the spring if the grant is confirmed.',
  'MOTION: Member Quayle moved, seconded by Member Ostrow, to accept the treasurer’s report as presented. Carried 5–0.',
];

describe('a record’s downloads: a list of file links with their format and size', () => {
  const minutes = (list: string): string =>
    `<article><h1>Library Board Meeting Minutes – May 4, 2026</h1><div class="minutes"><p>${MINUTES[0]}</p><p>${MINUTES[1]}</p>${list}<p>${MINUTES[2]}</p></div></article>`;

  it('drops the list: downloads, not lines of the text', () => {
    const files =
      '<ul><li><a href="/files/81">Treasurer’s report, April</a> <span>(PDF, 212 KB)</span></li><li><a href="/files/82">Roof survey</a> <span>(PDF, 1.4 MB)</span></li></ul>';
    const a = extractArticle(page(minutes(files)), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(MINUTES);
  });

  it('keeps list items with words of their own beside the link', () => {
    const items =
      '<ul><li><a href="/people/ostrow">Member Ostrow</a> asked whether the grant covers the gutters (PDF of the grant terms to follow).</li><li><a href="/people/quayle">Member Quayle</a> offered to ask the county for a second quote.</li></ul>';
    const a = extractArticle(page(minutes(items)), URL, { referee: 'never' });
    expect(a.paragraphs).toContain('Member Quayle offered to ask the county for a second quote.');
  });
});

describe('a page heading made of the <title>’s parts in another order', () => {
  const body = `<article><p class="org">TOWN OF MILLBROOK</p><h1>Library Board Meeting Minutes – May 4, 2026</h1><div class="minutes">${MINUTES.map((p) => `<p>${p}</p>`).join('')}</div></article>`;

  it('is the title, not the <title>’s longest part', () => {
    const head = '<title>Minutes - Library Board Meeting - May 4, 2026 | Millbrook</title>';
    const html = page(body).replace(/<title>.*?<\/title>/, head);
    expect(extractArticle(html, URL, { referee: 'never' }).title).toBe('Library Board Meeting Minutes – May 4, 2026');
  });

  it('is not when the heading adds words the <title> lacks', () => {
    const head = '<title>Minutes - Library Board Meeting - May 4, 2026 | Millbrook</title>';
    const html = page(
      body.replace('Meeting Minutes – May 4, 2026</h1>', 'Meeting Minutes – May 4, 2026, with the roof survey discussed at length</h1>'),
    ).replace(/<title>.*?<\/title>/, head);
    expect(extractArticle(html, URL, { referee: 'never' }).title).not.toContain('roof survey');
  });
});

// ---------------------------------------------------------------------------------------------
// A picture's box: its numbered caption above its credit
// ---------------------------------------------------------------------------------------------

describe('a short line above a picture’s credit in the picture’s own box', () => {
  const photos = (caption: string, credit: string): string =>
    `<div class="pic"><a href="/p/9.jpg"><img src="/p/9t.jpg" alt="The mill race"></a><div class="pic-text">${caption}</div><div class="pic-by">${credit}</div></div>`;
  const entry = (caption: string, credit: string): string =>
    page(
      `<article><h1>The Clockmaker’s House</h1><div class="words"><p>${PLAQUE[0]}</p>${photos(caption, credit)}<p>${PLAQUE[1]}</p></div></article>`,
    );

  it('is the picture’s caption: out, with its credit', () => {
    const a = extractArticle(entry('3. The mill race from the footbridge', 'Photographed By Ines Carrow, May 2, 2024'), URL, {
      referee: 'never',
    });
    expect(a.paragraphs).toEqual(PLAQUE);
  });

  it('stays when the line after it is no credit', () => {
    const a = extractArticle(entry('3. The mill race from the footbridge', 'The race still fills in a wet winter.'), URL, {
      referee: 'never',
    });
    expect(a.paragraphs).toContain('3. The mill race from the footbridge');
  });
});
