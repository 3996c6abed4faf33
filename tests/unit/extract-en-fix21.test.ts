/**
 * Issue 16, enfix21: kinds of English page our nineteenth outside set showed (a charity report, a
 * job posting, a question page, a syllabus, a patent-like record, a release page), each with our
 * own made-up markup and text, each with a case where the rule must not fire.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const P = [
  'The footbridge over the mill race had been closed since the February floods, and the parish council spent most of the spring arguing over who should pay for it.',
  'In the end the volunteers raised the money themselves, with a plant sale, two quiz nights and a sponsored walk along the towpath that nobody expected to work.',
  'The new bridge opened in September, a little narrower than the old one but, as the carpenter pointed out, a good deal less likely to float away next winter.',
];
const paras = P.map((p) => `<p>${p}</p>`).join('');

function page(body: string, opts: { title?: string; head?: string; after?: string } = {}): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${opts.title ?? 'The mill race bridge | Fernby Trust'}</title>${opts.head ?? ''}</head><body>` +
    '<header><nav><a href="/">Home</a> <a href="/about">About</a> <a href="/news">News</a></nav></header>' +
    `<main>${body}${opts.after ?? ''}</main><footer><p>Fernby Trust, a village charity</p></footer></body></html>`
  );
}
const URL = 'https://fernby.example/bridge';

describe('a long list of names beside the text', () => {
  const names = Array.from({ length: 60 }, (_, i) => `<li>Mossgate ${['Trust', 'Fund', 'Group'][i % 3]} ${i + 1}</li>`).join('');
  const donors = `<section class="supporters"><h2>Our supporters</h2><p>We thank everyone who gave this year.</p><ul>${names}</ul></section>`;

  it('does not pick the list as the article (short unpunctuated items score nothing)', () => {
    const a = extractArticle(page(`<div class="story"><h1>The mill race bridge reopens</h1>${paras}</div>`, { after: donors }), URL, {
      referee: 'never',
    });
    expect(a.paragraphs).toEqual(P);
  });

  it('keeps a short list inside the text', () => {
    const list = '<ul><li>Oak planks</li><li>Galvanised bolts</li><li>Two handrails</li></ul>';
    const a = extractArticle(page(`<div class="story"><h1>The mill race bridge reopens</h1>${paras}${list}</div>`), URL, {
      referee: 'never',
    });
    expect(a.paragraphs).toEqual([...P, 'Oak planks', 'Galvanised bolts', 'Two handrails']);
  });
});

describe('a counter grid in the text', () => {
  const stat = (n: string, label: string): string =>
    `<div class="stat"><span class="num">${n}</span><span class="label">${label}</span></div>`;
  it('drops the figures with their labels, and the heading of their box', () => {
    const grid = `<section><h2>Our year in figures</h2><div class="grid">${stat('1,200', 'volunteer hours')}${stat('38', 'new benches')}${stat('92%', 'of paths open')}${stat('4 days', 'average repair time')}</div></section>`;
    const a = extractArticle(
      page(`<article><h1>The mill race bridge reopens</h1>${P[0] ? `<p>${P[0]}</p>` : ''}${grid}<p>${P[1]}</p><p>${P[2]}</p></article>`),
      URL,
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs).toEqual(P);
  });

  it('keeps two such boxes (no grid)', () => {
    const two = `<div class="pair">${stat('38', 'new benches')}${stat('4 days', 'average repair time')}</div>`;
    const a = extractArticle(
      page(`<article><h1>The mill race bridge reopens</h1><p>${P[0]}</p>${two}<p>${P[1]}</p><p>${P[2]}</p></article>`),
      URL,
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs.some((p) => p.includes('new benches'))).toBe(true);
  });
});

describe('a figcaption closed by a credit without a stop', () => {
  const fig = (cap: string): string => `<figure><img src="/bridge.jpg" alt="The bridge"><figcaption>${cap}</figcaption></figure>`;
  it('is a caption: out', () => {
    const a = extractArticle(
      page(
        `<article><h1>The mill race bridge reopens</h1><p>${P[0]}</p>${fig('Volunteers on the new deck. Photo: Fernby Trust/Ada Moss')}<p>${P[1]}</p><p>${P[2]}</p></article>`,
      ),
      URL,
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs).toEqual(P);
  });
  it('a figcaption of plain words stays, as before', () => {
    const a = extractArticle(
      page(
        `<article><h1>The mill race bridge reopens</h1><p>${P[0]}</p>${fig('Volunteers on the new deck on its first dry morning')}<p>${P[1]}</p><p>${P[2]}</p></article>`,
      ),
      URL,
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs).toContain('Volunteers on the new deck on its first dry morning');
  });
});

describe('a heading the tab title shortened', () => {
  it('an h1 opening with the title’s first part, then a colon and more words, is the title', () => {
    const a = extractArticle(
      page(`<section class="hero"><h1>Annual Review 2031: Paths we mended</h1></section><div class="text">${paras}</div>`, {
        title: 'Annual Review 2031 | Fernby Trust',
      }),
      URL,
      {
        referee: 'never',
      },
    );
    expect(a.title).toBe('Annual Review 2031: Paths we mended');
  });
  it('so too past the page’s label before a colon (`Course Syllabus: GEO 110: Maps`)', () => {
    const a = extractArticle(
      page(`<h1 class="sr-only">Course Syllabus</h1><div class="syllabus"><h1>GEO 110: Maps and Rivers, 1600–1800</h1>${paras}</div>`, {
        title: 'Course Syllabus: GEO 110: Maps and Rivers',
      }),
      URL,
      {
        referee: 'never',
      },
    );
    expect(a.title).toBe('GEO 110: Maps and Rivers, 1600–1800');
  });
  it('not an h1 that only shares the first words (no separator after them)', () => {
    const a = extractArticle(
      page(`<section class="hero"><h1>Annual Review 2031 was a year of mending paths</h1></section><div class="text">${paras}</div>`, {
        title: 'Annual Review 2031 | Fernby Trust',
      }),
      URL,
      {
        referee: 'never',
      },
    );
    expect(a.title).not.toBe('Annual Review 2031 was a year of mending paths');
  });
});

describe('a box of bold-labelled fields opening the text', () => {
  const facts =
    '<div class="facts"><p><strong>Leader:</strong> Ada Moss · <strong>Email:</strong> ada@fernby.example</p><p><strong>Meets:</strong> Saturdays, 9–12, the mill yard · <strong>Tools:</strong> provided</p></div>';
  it('is the document’s byline matter: out', () => {
    const a = extractArticle(page(`<div class="doc"><h1>Towpath work party</h1>${facts}${paras}</div>`), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(P);
  });
  it('one labelled line of prose stays', () => {
    const note = '<p><strong>Note:</strong> the towpath is closed to bicycles on work days, so please walk in from the church end.</p>';
    const a = extractArticle(page(`<div class="doc"><h1>Towpath work party</h1>${note}${paras}</div>`), URL, { referee: 'never' });
    expect(a.paragraphs[0]).toBe('Note: the towpath is closed to bicycles on work days, so please walk in from the church end.');
  });
});

describe('a last-updated stamp closing the text', () => {
  it('is out', () => {
    const a = extractArticle(
      page(`<article><h1>Towpath work party</h1>${paras}<p>Last updated by the warden on 3 March 2031.</p></article>`),
      URL,
      { referee: 'never' },
    );
    expect(a.paragraphs).toEqual(P);
  });
  it('a sentence about an update stays', () => {
    const s = 'Last year the warden updated the map, and the new edition shows every bench and gate on the towpath.';
    const a = extractArticle(page(`<article><h1>Towpath work party</h1>${paras}<p>${s}</p></article>`), URL, { referee: 'never' });
    expect(a.paragraphs.at(-1)).toBe(s);
  });
});

describe('a form of fill-in fields after the text', () => {
  const field = (n: string): string => `<div class="field"><label for="${n}">${n}</label><input type="text" id="${n}" name="${n}"></div>`;
  const notes = [
    'We ask every applicant the questions below, so that we can report on who applies. Answering is entirely up to you; it does not affect your application.',
    'Whatever you choose, the answers are kept apart from your application. They are seen only by the person who writes our yearly report to the funders.',
    'If you would rather not say, choose that option. If a question does not fit you, tell us, and we will change it for next year.',
    'The law asks employers of our size to keep these records. We keep them for two years, then delete them, as our privacy notice explains.',
  ]
    .map((x) => `<p>${x}</p>`)
    .join('');
  const form = `<div class="apply"><h2>Apply now</h2><form action="/apply" method="post">${['Name', 'Email', 'Phone', 'Town', 'Notice', 'Referee', 'Licence', 'Start', 'Salary', 'Website'].map(field).join('')}${notes}<select name="heard"><option>Friend</option></select><button type="submit">Send</button></form></div>`;
  it('is no article wrapper: its notes stay out', () => {
    const a = extractArticle(page(`<div class="post"><h1>Volunteer warden</h1><div class="desc">${paras}</div>${form}</div>`), URL, {
      referee: 'never',
    });
    expect(a.paragraphs).toEqual(P);
  });
  it('a form wrapping the article with a search box still holds it', () => {
    const a = extractArticle(
      page(`<form action="/page"><input type="search" name="q"><div class="post"><h1>Volunteer warden</h1>${paras}</div></form>`),
      URL,
      { referee: 'never' },
    );
    expect(a.paragraphs).toEqual(P);
  });
});

describe('bold-only subheads, the first one opening the text', () => {
  const bold = (t: string): string => `<p><strong>${t}</strong></p>`;
  it('keeps the first one (no kicker) when the text sets its other subheads so', () => {
    const a = extractArticle(
      page(
        `<div class="post"><h1>Volunteer warden</h1><div class="desc">${bold('About us')}<p>${P[0]}</p>${bold('The role')}<p>${P[1]}</p><p>${P[2]}</p></div></div>`,
      ),
      URL,
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs).toEqual(['About us', P[0], 'The role', P[1], P[2]]);
  });
  it('a lone short line above the text is still a kicker', () => {
    const a = extractArticle(page(`<div class="post"><h1>Volunteer warden</h1><div class="desc"><p>Jobs</p>${paras}</div></div>`), URL, {
      referee: 'never',
    });
    expect(a.paragraphs).toEqual(P);
  });
});

describe('a question page with an accepted answer below a higher-voted one', () => {
  const Q = [
    'Our village footbridge creaks loudly whenever more than two people cross it, even though it was rebuilt only last year; is that a sign of something wrong with the deck?',
    'I have checked that the handrails are tight and the approach ramps are dry, and the noise seems to come from the middle of the span rather than from either end.',
  ];
  const A1 = [
    'Pull the whole deck up and replace it with steel, because timber bridges always creak and there is nothing else you can do about it in the long run.',
    'Steel costs more at the start but it will last forty years with a coat of paint every so often, and it never makes a sound however many walkers cross it.',
  ];
  const A2 = [
    'A creak on a new timber deck usually means the planks have shrunk as they dried and now rub on the bolts; tightening them after the first summer normally cures it.',
    'Go round with a spanner in September and give each deck bolt a quarter turn; if a plank still moves after that, a thin rubber washer under the head will quieten it.',
    'If the noise comes back the following spring, look at the bearers under the middle of the span, where water may be sitting on the cross beams and swelling the timber.',
  ];
  const ps = (xs: string[]): string => xs.map((x) => `<p>${x}</p>`).join('');
  const answer = (prop: string, xs: string[]): string =>
    `<div class="answer" itemprop="${prop}" itemscope itemtype="https://schema.org/Answer"><div class="body" itemprop="text">${ps(xs)}</div></div>`;
  const thread = (first: string, second: string): string =>
    '<div id="content" itemscope itemtype="https://schema.org/QAPage"><div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">' +
    `<h1 itemprop="name">Why does our new footbridge creak?</h1><div class="question"><div class="body" itemprop="text">${ps(Q)}</div></div>` +
    `<div id="answers"><h2>2 Answers</h2>${answer(first, A1)}${answer(second, A2)}</div></div></div>`;
  const title = 'Why does our new footbridge creak? - Village Q&A';
  it('reads the question with the accepted answer only', () => {
    const a = extractArticle(page(thread('suggestedAnswer', 'acceptedAnswer'), { title }), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual([...Q, ...A2]);
  });
  it('with no answer accepted, the suggested answers are left as they were', () => {
    const a = extractArticle(page(thread('suggestedAnswer', 'suggestedAnswer'), { title }), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual(expect.arrayContaining([...Q, ...A1, ...A2]));
  });
});

describe('a record page set as sibling sections', () => {
  const ABS =
    'A folding rake has a head of sprung tines that fold flat against the handle when a sleeve is pulled back, so that it hangs on a single hook in a shed.';
  const D = [
    '[0001] Garden rakes take up much room when stored, and their tines catch on other tools hung beside them on the wall of a small shed.',
    '[0002] The rake described here has tines joined by a hinge pin to a collar, and a sliding sleeve that locks them either open or folded.',
    '[0003] In use the sleeve is pushed forward over the collar and the tines spread out into a fan about forty centimetres wide.',
  ];
  const C = [
    '1. A rake comprising a handle, a collar, a plurality of tines hinged to the collar, and a sleeve slidable along the handle to lock the tines.',
    '2. The rake of claim 1, wherein the sleeve carries a spring that holds it in the open position until it is pulled back.',
  ];
  const rec = (withCitations: boolean): string =>
    '<article class="record"><h1>AB12345C1 - Folding rake</h1>' +
    `<section><h2>Abstract</h2><div class="abstract">${ABS}</div></section>` +
    `<section><h2>Description</h2><div class="description">${D.map((d) => `<div class="para">${d}</div>`).join('')}</div></section>` +
    `<section><h2>Claims (2)</h2><div class="claims">${C.map((c) => `<div class="claim">${c}</div>`).join('')}</div></section>` +
    (withCitations
      ? '<section><h2>Cited by (3)</h2><table><tr><td>XY100200A</td><td>2019-04-02</td><td>Long handled hoe</td></tr><tr><td>XY100300A</td><td>2020-05-03</td><td>Leaf grabber</td></tr><tr><td>XY100400A</td><td>2021-06-04</td><td>Tine repair kit</td></tr></table></section>'
      : '') +
    '</article>';
  const head = '<meta name="DC.title" content="Folding rake">';
  it('reads the abstract and the claims with the description, their labels out; the citations table stays out', () => {
    const a = extractArticle(page(rec(true), { title: 'AB12345C1 - Folding rake - Patent Finder', head }), URL, { referee: 'never' });
    expect(a.paragraphs).toEqual([ABS, ...D, ...C]);
  });
  it('the title is the record’s own, not the number before it', () => {
    const a = extractArticle(page(rec(false), { title: 'AB12345C1 - Folding rake - Patent Finder', head }), URL, { referee: 'never' });
    expect(a.title).toBe('Folding rake');
  });
  it('a stated title that is the <title>’s tail after the headline is still the site’s name', () => {
    const a = extractArticle(
      page(`<div class="text"><h1>Mending the towpath</h1>${paras}</div>`, {
        title: 'Mending the towpath - Fernby Trust',
        head: '<meta property="og:title" content="Fernby Trust">',
      }),
      URL,
      {
        referee: 'never',
      },
    );
    expect(a.title).toBe('Mending the towpath');
  });
});

describe('a stated title naming the page’s kind before the heading', () => {
  const repo = 'fernby-garden/rake-and-hoe-tools';
  const release = (stated: string): string =>
    page(`<div class="intro"><h1>v2.0 — Larch and Fern</h1></div><div class="release">${paras}</div>`, {
      title: `${stated} · CodeHost`,
      head: `<meta property="og:title" content="${stated}">`,
    });
  it('`Release v2.0 — Larch and Fern · owner/repo` over the heading `v2.0 — Larch and Fern`: the heading', () => {
    expect(extractArticle(release(`Release v2.0 — Larch and Fern · ${repo}`), URL, { referee: 'never' }).title).toBe(
      'v2.0 — Larch and Fern',
    );
  });
  it('two words before the heading are more than a kind: the stated title stays', () => {
    expect(extractArticle(release(`Fernby Rake v2.0 — Larch and Fern · ${repo}`), URL, { referee: 'never' }).title).toBe(
      `Fernby Rake v2.0 — Larch and Fern · ${repo}`,
    );
  });
});
