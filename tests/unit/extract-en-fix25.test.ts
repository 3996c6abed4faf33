/**
 * Issue 16, enfix25: kinds of English page our twenty-third outside set showed (a lone post named
 * like a comment, a text's own closing sections, a notice about another paper, a credit line and
 * readers' reports under a guide…), each with our own made-up markup and text, each with a case
 * where the rule must not fire.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const URL = 'https://fernbrook.example/notes/77';

function page(body: string, head = ''): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>Page | Fernbrook</title>${head}</head><body>` +
    '<header><nav><a href="/">Home</a> <a href="/notes">Notes</a> <a href="/about">About</a></nav></header>' +
    `<main>${body}</main><footer><p>Fernbrook, a small community site</p></footer></body></html>`
  );
}

// ---------------------------------------------------------------------------------------------
// A lone post named like a comment
// ---------------------------------------------------------------------------------------------

const POST = [
  'When the loader reads a settings file, it follows every include line without asking where the included file lives, so a shared file can pull in one the user never meant to share.',
  'Every release before 3.2.0 does this. The safe mode that many people turn on only refuses includes over the network and does nothing about local paths outside the project.',
  'Version 3.2.0 resolves each include against the project folder and refuses any that would reach outside it, writing a warning that names the line that asked for it.',
  'If you cannot upgrade at once, remove include lines from files you receive from others, or load them with includes switched off until you have read them.',
];

describe('a lone post named like a comment is the page’s text', () => {
  const forge = (posts: string[][]): string =>
    '<div class="notice"><p>We use a few cookies to remember your settings on this site. You can turn them off at any time.</p></div>' +
    '<h1>Includes can read files outside the project</h1>' +
    posts.map((ps) => `<div class="comment-body">${ps.map((p) => `<p>${p}</p>`).join('')}</div>`).join('');

  it('keeps the one post’s paragraphs', () => {
    const a = extractArticle(page(forge([POST])), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(POST);
  });

  it('is no lone post in a box named for many comments (a print view’s comments as plain paragraphs)', () => {
    const html =
      `<h1>Includes can read files outside the project</h1><div id="text"><p>${POST[0]}</p><p>${POST[1]}</p></div>` +
      `<div id="comments">${POST.slice(2)
        .concat(POST.slice(2).map((p) => p.replace('include', 'import')))
        .map((p) => `<p>${p}</p>`)
        .join('')}</div>`;
    const a = extractArticle(page(html), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(POST.slice(0, 2));
  });

  it('is no lone post where several posts named so hold prose (a thread of comments)', () => {
    const a = extractArticle(page(forge([POST.slice(0, 2), POST.slice(2)])), URL, { referee: 'never' });
    for (const p of POST) expect(a.paragraphs).not.toContain(p);
  });
});

// ---------------------------------------------------------------------------------------------
// A text's own closing sections: a References list of links, a "For more information" section
// ---------------------------------------------------------------------------------------------

const SECTIONS: [string, string][] = [
  [
    'What happened',
    'On the night of the storm the pumping station lost power for six hours, and the low streets by the canal flooded to the height of a doorstep before the crews arrived.',
  ],
  [
    'What we changed',
    'The station now has a second feed from the substation on Mill Road, and a generator that starts by itself when both feeds fail, tested on the first Monday of every month.',
  ],
  [
    'What you can do',
    'Householders on the low streets can borrow flood boards from the depot free of charge, and should keep drains in front of their houses clear of leaves in the autumn.',
  ],
];
const CONTACT =
  'If you have questions about this report, write to the drainage office or come to the open meeting at the library on the last Thursday of the month.';

describe('a text’s own closing sections', () => {
  const report = (refs: string, moreHead: string): string =>
    '<article><h1>Why the canal streets flooded</h1><div class="text">' +
    SECTIONS.map(([h, p]) => `<h3>${h}</h3><p>${p}</p>`).join('') +
    `<h3>References</h3><ul>${refs}</ul>` +
    `<h3>${moreHead}</h3><p>${CONTACT}</p></div></article>`;
  const described =
    '<li><a href="/minutes/44">Council minutes of 12 May</a> (the decision)</li><li><a href="/reports/storm">Storm report for the district</a></li><li><a href="/maps/low-streets">Map of the low streets</a></li>';
  const bare =
    '<li><a href="/minutes/44">Council minutes of 12 May</a></li><li><a href="/reports/storm">Storm report for the district</a></li><li><a href="/maps/low-streets">Map of the low streets</a></li>';

  it('keeps a references list the author wrote (one item says what its link is) and a section named like a tail', () => {
    const a = extractArticle(page(report(described, 'For more information')), URL, { referee: 'never' });
    expect(a.paragraphs).toContain('Storm report for the district');
    expect(a.paragraphs).toContain('Map of the low streets');
    expect(a.paragraphs.slice(-2)).toEqual(['For more information', CONTACT]);
  });

  it('drops a list of bare links (no words of the author’s around any of them)', () => {
    const a = extractArticle(page(report(bare, 'For more information')), URL, { referee: 'never' });
    expect(a.paragraphs).not.toContain('Storm report for the district');
  });

  it('still ends the text at such a heading where the text has no run of section heads', () => {
    const html =
      '<article><h1>Why the canal streets flooded</h1><div class="text">' +
      SECTIONS.map(([, p]) => `<p>${p}</p>`).join('') +
      `<h3>For more information</h3><p>${CONTACT}</p></div></article>`;
    const a = extractArticle(page(html), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(SECTIONS.map(([, p]) => p));
  });
});

// ---------------------------------------------------------------------------------------------
// A notice about another paper: the other paper's abstract, the publisher's standing sections
// ---------------------------------------------------------------------------------------------

const NOTE = [
  'The Editors have withdrawn this article at the request of the authors. After publication the authors found that two of the weather stations used in the analysis had been moved during the study period, which the paper does not take into account.',
  'A reanalysis without those stations no longer shows the warming trend reported for the upper valley, and the authors no longer stand by the conclusions of the paper.',
  'All authors agree with this notice. The station records remain available from the regional archive under their original numbers.',
];
const ABSTRACT =
  'Aims We measured night-time temperatures in an upland valley over a decade. Results Nights warmed faster than days at every station. Conclusions Valley floors may warm faster than the slopes above them.';

describe('a notice about another paper', () => {
  const notice = (title: string): string =>
    `<article><h1>${title}</h1><div class="article-body">` +
    `<section class="box"><h2>Original article abstract</h2><div><p>${ABSTRACT}</p></div></section>` +
    `<section>${NOTE.map((p) => `<p>${p}</p>`).join('')}</section>` +
    '<section><h2>Author information</h2><h3>Authors and Affiliations</h3><ol><li>Department of Geography, University of Tarnby</li></ol><p>Correspondence to Ida Marsh.</p></section>' +
    '<section><h2>Rights and permissions</h2><p>This article is licensed under an open licence that permits reuse in any medium, provided the original work is properly cited.</p></section>' +
    '<section><h2>About this article</h2><p>Marsh, I., Holt, B. Notice: Night warming in an upland valley. Valley Climate 8, 12 (2026).</p></section>' +
    '</div></article>';

  it('keeps the notice, without the other paper’s abstract and the publisher’s sections', () => {
    const a = extractArticle(page(notice('Retraction Note: Night warming in an upland valley')), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(NOTE);
  });

  it('keeps an abstract section on a page that is no notice about another paper', () => {
    const a = extractArticle(page(notice('Night warming in an upland valley')), URL, { referee: 'never' });
    expect(a.paragraphs).toContain(ABSTRACT);
  });

  it('drops a publisher’s standing sections after a paper’s text in the same box', () => {
    const html =
      '<article><h1>Night warming in an upland valley</h1><div class="article-body">' +
      `<h2>Introduction</h2>${NOTE.map((p) => `<p>${p}</p>`).join('')}` +
      '<h2>Author information</h2><p>Department of Geography, University of Tarnby, where both authors work on the valley’s weather records.</p>' +
      '<h2>Rights and permissions</h2><p>This article is licensed under an open licence that permits reuse in any medium, provided the original work is properly cited.</p>' +
      '</div></article>';
    const a = extractArticle(page(html), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(['Introduction', ...NOTE]);
  });

  it('keeps sections so named in a text that is no paper (one such heading)', () => {
    const html =
      '<article><h1>How we look after your data</h1><div class="text">' +
      NOTE.map((p) => `<p>${p}</p>`).join('') +
      '<h2>Author information</h2><p>The people who write for this site are listed on the contributors page, with the subjects each of them covers and how to reach them.</p></div></article>';
    const a = extractArticle(page(html), URL, { referee: 'never' });
    expect(a.paragraphs).toContain('Author information');
  });
});

// ---------------------------------------------------------------------------------------------
// A guide under readers' reports: the credit line and the reports
// ---------------------------------------------------------------------------------------------

const GUIDE = [
  'The path leaves the car park by the old lime kiln and climbs gently through hazel woods, crossing the beck twice on stone slab bridges before it comes out onto open fell.',
  'From the cairn at the top of the first rise, follow the wall north for a mile. The ground is boggy after rain, and a line of stepping stones keeps your boots mostly dry.',
  'The tarn lies in a hollow below the summit ridge, and the best place to eat lunch is the flat rock on its eastern shore, out of the wind and in the sun for most of the day.',
];
const REPORTS = [
  ['Apr 4, 2026', 'wallwalker', 'Stepping stones under water after the storm, wet feet for everyone. The beck was loud, the path fine.'],
  ['Mar 28, 2026', 'kilnlane', 'Lovely quiet day, met nobody until the tarn. Snow on the ridge, soft underfoot, no ice on the path.'],
  ['Mar 12, 2026', 'beckside', 'Slab bridge by the kiln is loose, take care crossing it with dogs. Otherwise a fine walk in the sun.'],
  ['Feb 20, 2026', 'tarnfan', 'Ice at the tarn edges, the flat rock was warm by noon though. Took the wall path back, much drier.'],
  ['Feb 2, 2026', 'fellrunner', 'Ran it in two hours. The boggy stretch by the wall is worse than last year, go round it on the left.'],
  ['Jan 18, 2026', 'hazelwood', 'Short winter day, turned back at the cairn as the light went. The woods were beautiful in the frost.'],
  ['Jan 3, 2026', 'limekiln', 'New year walk with the family, the children loved the stepping stones and the lunch rock by the tarn.'],
  ['Dec 27, 2025', 'slabstone', 'Wind on the ridge strong enough to knock you over, sheltered by the tarn. Car park full by ten.'],
];

describe('a guide with its credit line and readers’ reports under it', () => {
  const guide = (credit: string, reports: string[][]): string =>
    '<div class="hike"><h1>Hollin Tarn from Kiln Bottom</h1>' +
    `<div class="guide-text">${GUIDE.map((p) => `<p>${p}</p>`).join('')}</div>` +
    `<p class="credit">${credit}</p>` +
    `<div class="reports"><h2>Reports</h2>${reports
      .map(
        ([d, who, t]) =>
          `<div class="report"><div class="report-head"><a href="/r/${who}">${d}</a><span>by ${who}</span></div><p>${t}</p></div>`,
      )
      .join('')}</div></div>`;

  it('drops the credit line and the dated, signed reports', () => {
    const a = extractArticle(page(guide('Route description written by Maren Holt. Map from the county survey.', REPORTS)), URL, {
      referee: 'never',
    });
    expect(a.paragraphs).toEqual(GUIDE);
  });

  it('keeps a closing sentence that goes on after “written by” and a name', () => {
    const closing = 'The older guide written by Maren Holt sent walkers the other way round, which is harder going in wet weather.';
    const a = extractArticle(page(guide(closing, [])), URL, { referee: 'never' });
    expect(a.paragraphs).toContain(closing);
  });

  it('keeps like boxes that carry no date (the text’s own parts, each a stage signed by its surveyor)', () => {
    const stages = REPORTS.slice(0, 4).map(([, who], i) => [
      '',
      who!,
      `Stage ${i + 1} of the route runs on from the last one along the wall, over ground that stays firm in all but the wettest months, and the surveyor’s notes for it are given here in full.`,
    ]);
    const html = guide('Map from the county survey.', stages);
    const a = extractArticle(page(html), URL, { referee: 'never' });
    expect(a.paragraphs).toContain(stages[0]![2]);
  });
});

// ---------------------------------------------------------------------------------------------
// A verse text in several boxes with other boxes between them
// ---------------------------------------------------------------------------------------------

const STANZAS = [
  [
    'Verse 1',
    ['The ferry leaves at seven', 'The gulls are on the rail', 'I wrote your name in the salt spray', 'And watched the letters fail'],
  ],
  ['Chorus', ['Oh the water keeps on turning', 'Round the harbour wall', 'And the lights along the jetty', 'Never mind the squall']],
  ['Verse 2', ['The timetable is faded', 'The bench is cold as stone', 'I count the boats coming in', 'And none of them are home']],
  ['Outro', ['Round the harbour wall', 'Round the harbour wall', 'Never mind the squall']],
] as const;
const ABOUT = [
  'This song opens the second side of the record and was written on a winter crossing to the islands, when the singer was stuck on the boat for a whole day by a storm.',
  'It was released as a single in the spring, with a video filmed on the same ferry, and it has been played at the end of every concert on the tour since then.',
];

describe('a verse text set in several boxes of one build', () => {
  const stanza = ([label, lines]: (typeof STANZAS)[number]): string => `<span class="st">[${label}]<br>${lines.join('<br>')}</span>`;
  const lyrics = (boxes: string[]): string =>
    '<div class="song"><h1>The Harbour Wall</h1><div class="lyrics-head"><div class="contrib">9 Contributors</div><h2>The Harbour Wall Lyrics</h2></div><div class="lyrics-root">' +
    boxes.join(
      '<div class="recs"><div>Ad</div><a href="/s/1"><div class="card">Tide Song</div></a><a href="/s/2"><div class="card">Quay Lights</div></a></div>',
    ) +
    `</div><section class="about"><h2>About</h2>${ABOUT.map((p) => `<p>${p}</p>`).join('')}</section>` +
    '<section class="qa"><h2>Q&amp;A</h2><h3>Who wrote “The Harbour Wall”?</h3><p>“The Harbour Wall” was written by Ines Garrow and Ben Tull.</p></section></div>';
  const box = (s: (typeof STANZAS)[number][]): string => `<div class="lyrics-box">${s.map(stanza).join('<br><br>')}</div>`;
  const expected = STANZAS.map(([label, lines]) => `[${label}] ${lines.join(' ')}`);
  const norm = (xs: string[]): string[] => xs.map((x) => x.replace(/\]\s*/, '] '));

  it('keeps every stanza of every box, and nothing between or around them', () => {
    const a = extractArticle(page(lyrics([box([STANZAS[0], STANZAS[1]]), box([STANZAS[2]]), box([STANZAS[3]])])), URL, {
      referee: 'never',
    });
    expect(norm(a.paragraphs)).toEqual(expected);
  });

  it('is no verse where the like boxes hold paragraphs (a text of prose sections)', () => {
    const prose = ABOUT.map((p) => `<div class="lyrics-box"><p>${p}</p><p>${p.replace('song', 'record')}</p></div>`);
    const a = extractArticle(page(lyrics(prose)), URL, { referee: 'never' });
    expect(a.paragraphs).toContain(ABOUT[0]);
    expect(a.paragraphs).toContain(ABOUT[0]!.replace('song', 'record'));
  });
});

// ---------------------------------------------------------------------------------------------
// A box marked as complementary inside a text's sections
// ---------------------------------------------------------------------------------------------

const CONDITION: [string, string][] = [
  [
    'Overview',
    'Chilblains are small, itchy swellings on the skin that come on after exposure to cold, damp air, most often on the toes and fingers, and usually clear up within a few weeks.',
  ],
  [
    'Symptoms',
    'The swellings are red or purple, may burn or itch, and can blister. They tend to appear a few hours after the skin has been cold and then warmed up too quickly.',
  ],
  [
    'Prevention',
    'Keep hands and feet warm and dry in cold weather, wear layers and warm socks, and avoid warming cold skin quickly in front of a fire or on a hot water bottle.',
  ],
];
const NOTE_BOX =
  'Children and older people feel the cold sooner than others, and people who smoke or have poor circulation are more likely to get chilblains again.';

describe('a box the page marks as complementary between a text’s sections', () => {
  const text = (role: string): string =>
    '<article><h1>Chilblains</h1><div class="content">' +
    CONDITION.map(([h, p], i) =>
      i === 1
        ? `<div class="promo"${role}><h3>Who gets them</h3><p>${NOTE_BOX}</p></div><h2>${h}</h2><p>${p}</p>`
        : `<h2>${h}</h2><p>${p}</p>`,
    ).join('') +
    '</div></article>';

  it('drops the box marked role="complementary"', () => {
    const a = extractArticle(page(text(' role="complementary"')), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(CONDITION.flat());
  });

  it('keeps the same box without the mark', () => {
    const a = extractArticle(page(text('')), URL, { referee: 'never' });
    expect(a.paragraphs).toContain(NOTE_BOX);
  });
});
