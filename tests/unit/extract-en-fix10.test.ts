/**
 * Issue 16, en16fix10: kinds of markup a tenth outside English set found, each with our own text.
 * In: a reference list set after the article's body container (its heading and entries; the
 * entries' link rows stay out).
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const BODY = [
  'Moths that winter under the bark of alder trees in the Orrin valley survive frosts that kill the same species on open ground, a field team reported on Monday.',
  'The team tagged four hundred caterpillars in two winters and found that those under bark lost a third as much water as those in the leaf litter.',
  'Bark keeps the wind off, said the team’s leader, and the thin film of ice that forms over it seems to slow the cold rather than bring it in.',
  'The group now wants to know whether felling old alders along the river, planned for next year, will leave the moths with nowhere to shelter.',
];

const REFS = [
  'Orrin, T. & Vale, M. Journal of Cold Insects 12, 44–58 (2026).',
  'Pike, R. et al. Alder Ecology 3, 101–119 (2019).',
  'Sorrel, J. Field Notes on Moths (Example Press, 2008).',
];

function page(after: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Moths under bark | Example Science</title></head><body>' +
    '<header><a href="/">Example Science</a></header><main><article><h1>Moths under bark</h1>' +
    `<div class="story-text">${BODY.map((p) => `<p>${p}</p>`).join('')}</div>${after}` +
    '<div class="more"><h2>More stories</h2><ul><li><a href="/x">Frogs in ice</a></li><li><a href="/y">Beetles at sea</a></li></ul></div>' +
    '</article></main><footer><p>Example Science</p></footer></body></html>'
  );
}

const refList = (heading: string): string =>
  `<section class="refs"><h2>${heading}</h2><ol>` +
  REFS.map(
    (r, i) =>
      `<li><p class="ref-text">${r}</p><p class="ref-links"><a href="https://example.org/doi/${i}">Article</a> <a href="https://example.org/scholar/${i}">Scholar</a></p></li>`,
  ).join('') +
  '</ol></section>';

it('keeps a reference list set after the body container, without its link rows', () => {
  const a = extractArticle(page(refList('References')), 'https://example.org/a');
  expect(a.paragraphs).toEqual([...BODY, 'References', ...REFS]);
});

it('keeps a list headed Notes or Sources the same way', () => {
  for (const h of ['Notes', 'Sources']) {
    const a = extractArticle(page(refList(h)), 'https://example.org/b');
    expect(a.paragraphs).toEqual([...BODY, h, ...REFS]);
  }
});

it('leaves out a list after the body under any other heading', () => {
  const a = extractArticle(page(refList('Further reading from our archive')), 'https://example.org/c');
  expect(a.paragraphs).toEqual(BODY);
});

const figure = (caption: string): string =>
  `<figure class="story-figure"><img src="https://example.org/alder.jpg" alt=""><figcaption>${caption}</figcaption></figure>`;

function pageWithFigure(fig: string): string {
  return page('').replace(`<p>${BODY[1]}</p>`, `<p>${BODY[1]}</p>${fig}`);
}

it('drops a figcaption closed by a credit sentence, its picture staying', () => {
  for (const c of [
    'Alder bark in the lower valley after a hard frost. Photo by the author.',
    'A tagged caterpillar under lifted bark. Image courtesy of the Orrin field team.',
    'The valley floor in January. Credit: Example Science.',
  ]) {
    const a = extractArticle(pageWithFigure(figure(c)), 'https://example.org/d');
    expect(a.paragraphs).toEqual(BODY);
    expect(a.html).toContain('alder.jpg');
  }
});

it('drops a figcaption that holds a credit element beside its words, glued or spaced', () => {
  const a = extractArticle(
    pageWithFigure(
      figure('<span class="fig-caption">Caterpillars wintering under alder bark.</span><span class="fig-credit">Jo Marren</span>'),
    ),
    'https://example.org/e',
  );
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a figcaption of plain words, even one that opens a sentence with "Pictures"', () => {
  const c = 'Alder bark in the lower valley. Pictures taken each morning show the ice forming over it.';
  const a = extractArticle(pageWithFigure(figure(c)), 'https://example.org/f');
  expect(a.paragraphs).toEqual([BODY[0], BODY[1], c, BODY[2], BODY[3]]);
});

function postPage(underTitle: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Moths under bark | Example Blog</title></head><body>' +
    '<header><a href="/">Example Blog</a></header><main><article><div class="post">' +
    `<div><h1>Moths under bark</h1></div>${underTitle}` +
    `${BODY.map((p) => `<p>${p}</p>`).join('')}</div></article></main><footer><p>Example Blog</p></footer></body></html>`
  );
}
const BAR =
  '<div class="share-bar"><a href="/@jo">Jo Marren</a> <button>Follow</button> <button>Listen</button> <button>Share</button></div>';

it('drops a subtitle heading between the title and the byline bar', () => {
  const dek = 'Two winters of tagging caterpillars along a river, and what the bark of one tree does for them';
  const a = extractArticle(postPage(`<div><h2>${dek}</h2></div>${BAR}`), 'https://example.org/g');
  expect(a.paragraphs).toEqual(BODY);
});

it('keeps a section heading under the title that runs straight into its paragraph', () => {
  const h = 'What the field team found in two winters';
  const a = extractArticle(postPage(`${BAR}<h2>${h}</h2>`), 'https://example.org/h');
  expect(a.paragraphs).toEqual([h, ...BODY]);
  const b = extractArticle(postPage(`<h2>${h}</h2>`), 'https://example.org/i');
  expect(b.paragraphs).toEqual([h, ...BODY]);
});

function pageWithBox(box: string): string {
  return page('').replace(`<p>${BODY[2]}</p>`, `${box}<p>${BODY[2]}</p>`);
}

it('drops a product card (name, price, buy button) set into the text', () => {
  for (const price of ['$24', '£12.99', '€30']) {
    const card =
      '<div class="inset"><div class="pic"><img src="https://example.org/moth-book.jpg" alt=""></div>' +
      `<div class="info"><div class="name">A Field Guide to Winter Moths (hardback)</div><div class="price">${price}</div>` +
      '<a href="https://shop.example/guide">Buy on Example Shop</a></div></div>';
    const a = extractArticle(pageWithBox(card), 'https://example.org/j');
    expect(a.paragraphs).toEqual(BODY);
  }
});

it('keeps a short line beside a price that has no buy button', () => {
  const box = '<div class="fact"><div class="label">Cost of the survey</div><div class="value">$4,000</div></div>';
  const a = extractArticle(pageWithBox(box), 'https://example.org/k');
  expect(a.paragraphs).toEqual([BODY[0], BODY[1], 'Cost of the survey', '$4,000', BODY[2], BODY[3]]);
});

it('drops the lines of a small box holding an e-mail sign-up form, whatever they say', () => {
  const box =
    '<div class="inline-box"><div class="group"><h2>The valley, twice a week</h2>' +
    '<p>Field notes from the river and the hills, every Monday and Thursday.</p>' +
    '<div class="form-wrap"><form><input type="email" name="address" placeholder="Your address"><input type="submit" value="Send it to me"></form></div></div></div>';
  const a = extractArticle(pageWithBox(box), 'https://example.org/l');
  expect(a.paragraphs).toEqual(BODY);
});

const ROWS = [
  ['Orrin Alder Moth', '2019', 'A grey moth whose caterpillars winter under the bark of old alders along slow rivers in the north.'],
  ['Pale Reed Moth', '2021', 'A small moth of reed beds that spends the winter as an egg glued to the underside of a dead stem.'],
  [
    'Hill Birch Moth',
    '2024',
    'A brown moth found on birch scrub above the tree line, whose caterpillars freeze solid and recover in spring.',
  ],
];

it('keeps a table cell that is only a link naming the row’s item beside its description', () => {
  const table =
    '<table class="list"><thead><tr><th>Moth</th><th>Year</th><th>Description</th></tr></thead><tbody>' +
    ROWS.map(([n, y, d]) => `<tr><th><i><a href="/wiki/${n!.replace(/ /g, '_')}">${n}</a></i></th><td>${y}</td><td>${d}</td></tr>`).join(
      '',
    ) +
    '</tbody></table>';
  const a = extractArticle(pageWithBox(table), 'https://example.org/m');
  // enfix20: a data row reads as one line, its cells side by side.
  for (const [n, y, d] of ROWS) expect(a.paragraphs).toContain(`${n} | ${y} | ${d}`);
});

it('leaves out a linked title beside a date only (a list of other stories)', () => {
  const table =
    '<table class="list"><tbody>' +
    ROWS.map(([n, y]) => `<tr><td><a href="/stories/${y}">${n} numbers fall again</a></td><td>March 3, ${y}</td></tr>`).join('') +
    '</tbody></table>';
  const a = extractArticle(pageWithBox(table), 'https://example.org/n');
  for (const [n] of ROWS) expect(a.text).not.toContain(`${n} numbers fall again`);
});

it('keeps a caption set as a block of its own beside its credit block, dropping only the credit', () => {
  const c = 'Caterpillars wintering under alder bark in the lower valley.';
  const a = extractArticle(
    pageWithFigure(figure(`<span class="caption"><p>${c}</p></span><span class="credit">Photo by Jo Marren/Example Science</span>`)),
    'https://example.org/o',
  );
  expect(a.paragraphs).toEqual([BODY[0], BODY[1], c, BODY[2], BODY[3]]);
});
