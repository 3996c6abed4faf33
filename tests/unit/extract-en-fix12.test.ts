/**
 * Issue 16, en16fix12: kinds of markup a twelfth outside English set found, each with our own text.
 * Out: a reader-revenue appeal set into the text ("Contribute as little as …", "Already
 * contributed?") with its heading, a video card's `Watch: <title> <running time>` line beside its
 * play control, a box's heading left alone once the box's own lines went (a tip request whose line
 * is a link), a paper's labelled front-matter lines (Citation, Editor, Received, Funding, …), a
 * paper's acknowledgments section, a figure box's download links, numbered title and legend.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const BODY = [
  'The tram line to the university will close for six weeks next summer while the tracks across the river bridge are replaced, the city transport office said on Monday.',
  'Buses will run every eight minutes along the old route during the works, stopping at temporary shelters beside each of the closed tram stops.',
  'The office said the bridge tracks had not been renewed since 1987 and that cracks found in a spring inspection left no room to wait another year.',
  'Student groups asked for the works to be moved to August, when most lectures have ended, and the office said it would consider doing so.',
];

function page(between: string, after = ''): string {
  const [a, b, c, d] = BODY.map((p) => `<p>${p}</p>`);
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>University tram line to close for six weeks | City Post</title></head><body>' +
    '<header><nav><a href="/">City Post</a> <a href="/local">Local</a></nav></header><main><article><h1>University tram line to close for six weeks</h1>' +
    `<div class="story-body">${a}${b}${between}${c}${d}${after}</div>` +
    '<div class="more"><h2>More stories</h2><ul><li><a href="/x">Harbour wall repaired</a></li><li><a href="/y">New bus to the lighthouse</a></li></ul></div>' +
    '</article></main><footer><p>City Post</p></footer></body></html>'
  );
}

it('leaves out a reader-revenue appeal set into the text, with its heading', () => {
  const appeal =
    '<div class="reader-box"><h3>Keep the City Post open to all</h3>' +
    '<p>Local news costs money to make. Chip in as little as $3 a month to help us keep reporting.</p>' +
    '<a class="btn" href="/give">Give now</a><p>Already a supporter? <a href="/signin">Sign in to hide this.</a></p></div>';
  const a = extractArticle(page(appeal), 'https://citypost.example/tram');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a sentence that mentions giving as little as a sum', () => {
  const line =
    '<p>Residents may donate as little as $5 to the bridge fund, the council said, and the first thousand gifts will be matched.</p>';
  const a = extractArticle(page(line), 'https://citypost.example/tram2');
  expect(a.paragraphs).toContain(
    'Residents may donate as little as $5 to the bridge fund, the council said, and the first thousand gifts will be matched.',
  );
});

it('leaves out a video card line with its running time beside a play button', () => {
  const card =
    '<div class="media-card"><div class="player" data-id="v-10"><button class="play" aria-label="Play"><svg><use href="#i-play"/></svg></button>' +
    '<span class="t">Video: Riding the last tram across the old bridge</span><span class="d">3:07</span></div></div>';
  const a = extractArticle(page(card), 'https://citypost.example/tram3');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a line naming a time that has no play control', () => {
  const line = '<p>Watch: the council debates the closure at 18:30</p>';
  const a = extractArticle(page(line), 'https://citypost.example/tram4');
  expect(a.paragraphs).toContain('Watch: the council debates the closure at 18:30');
});

it('leaves out the heading of a box whose only line was a link', () => {
  const tip =
    '<div class="ask-box"><h4>Have you waited for a tram replacement bus this year?</h4>' +
    '<p>Tell our transport desk. <a href="/contact">Send us your story in confidence.</a></p></div>';
  const a = extractArticle(page(tip), 'https://citypost.example/tram5');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a subhead in a box of its own and one above its paragraphs', () => {
  const own = '<div class="sub-wrap"><h2>What the works involve</h2><a class="top" href="#top">Top</a></div>';
  const section =
    '<section class="part"><h2>Who is affected</h2><p>Around 14,000 people ride the line on a weekday, most of them students and hospital staff.</p></section>';
  const a = extractArticle(page(own, section), 'https://citypost.example/tram6');
  expect(a.paragraphs).toEqual([
    ...BODY.slice(0, 2),
    'What the works involve',
    ...BODY.slice(2),
    'Who is affected',
    'Around 14,000 people ride the line on a weekday, most of them students and hospital staff.',
  ]);
});

const ABSTRACT =
  'Moss cover on north-facing roofs was measured on 240 houses in four towns. Cover rose with roof age and fell with slope, and it was twice as high under trees.';
const METHODS = [
  'Each roof was photographed from a drone in April and the share of moss cover was estimated on a grid of one hundred cells.',
  'Roof age came from building records; slope and tree cover were measured on the photographs by two observers working apart.',
];
const REFS = [
  '1. Arden P. Mosses of the built environment. Bryol Notes. 2020;4: 11–19.',
  '2. Colm R, Feist U. Roof ecology. Urban Flora. 2017;9: 70–88.',
];

function paper(front: string, figure: string, back: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Moss on town roofs | Open Roof Journal</title></head><body>' +
    '<header><nav><a href="/">Open Roof Journal</a></nav></header><main><h1>Moss cover on town roofs rises with age and shade</h1>' +
    `<div class="paper-text"><div class="abs"><h2>Abstract</h2><p>${ABSTRACT}</p></div>${front}` +
    `<div class="sec"><h2>Methods</h2><p>${METHODS[0]}</p>${figure}<p>${METHODS[1]}</p></div>${back}` +
    `<div class="sec"><h2>References</h2><ol>${REFS.map((r) => `<li>${r}</li>`).join('')}</ol></div></div>` +
    '</main><footer><p>Open Roof Journal</p></footer></body></html>'
  );
}

it("leaves out a paper's labelled record lines, its acknowledgments and its figure box's own lines", () => {
  const front =
    '<div class="record"><p><b>Cite this as:</b> Brun T, Ileana S (2026) Moss cover on town roofs. Open Roof J 3: e112.</p>' +
    '<p><b>Handling editor:</b> Mara Quist, Fenwick College</p><p><b>Received:</b> May 1, 2026; <b>Accepted:</b> June 9, 2026</p>' +
    '<p><b>Conflicts of interest:</b> None declared.</p></div>';
  const figure =
    '<div class="fig"><img src="/f/roofs.png" alt=""><div class="links">Download: <ul><li><a href="/f/roofs.png">PNG</a> full size</li>' +
    '<li><a href="/f/roofs.pdf">PDF</a> print version</li></ul></div><p><b>Fig 2. Moss cover by roof age.</b></p>' +
    '<p>Dots are single roofs; the line is a fitted curve.</p></div>';
  const back = '<div class="sec"><h2>Acknowledgements</h2><p>We thank the owners who let us fly over their houses.</p></div>';
  const a = extractArticle(paper(front, figure, back), 'https://roofs.example/paper/112');
  expect(a.paragraphs).toEqual(['Abstract', ABSTRACT, 'Methods', ...METHODS, 'References', ...REFS]);
});

it('keeps one labelled line, and a Funding subhead in a story that is no paper', () => {
  const one = '<p><b>Funding:</b> the survey was paid for by the four town councils, which had no say in the analysis.</p>';
  const a = extractArticle(paper(one, '', ''), 'https://roofs.example/paper/113');
  expect(a.paragraphs).toContain('Funding: the survey was paid for by the four town councils, which had no say in the analysis.');
  const story =
    '<h2>Funding</h2><p>The transport office said the works would cost 11 million euros, most of it from the regional rail budget.</p>';
  const b = extractArticle(page('', story), 'https://citypost.example/tram7');
  expect(b.paragraphs).toEqual([
    ...BODY,
    'Funding',
    'The transport office said the works would cost 11 million euros, most of it from the regional rail budget.',
  ]);
});
