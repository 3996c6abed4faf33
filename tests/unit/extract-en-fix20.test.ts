/**
 * Issue 16, enfix20: kinds of English page the dev pages and our seventeenth set showed, each with
 * our own made-up markup and text, each with a case where the rule must not fire.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const LEAD = [
  'Last spring the little pump in our rain barrel began to stutter, and after a few evenings of poking at it we found that the timer was at fault, not the motor.',
  'Here is what we ended up with, after a fortnight of trying schedules on the allotment shed and writing down what each one cost us in water and in noise.',
];
const TAIL =
  'Since the change the barrel has never run dry, and the neighbours have stopped asking about the odd noise at dawn, which we count as a success for such a small job.';

function page(middle: string, head = ''): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>Tuning the barrel pump - Lakeside Notes</title>${head}</head><body>` +
    '<header><nav><a href="/">Home</a> <a href="/about">About</a> <a href="/archive">Archive</a></nav></header>' +
    `<main><article><h1>Tuning the barrel pump</h1>${LEAD.map((p) => `<p>${p}</p>`).join('')}${middle}<p>${TAIL}</p></article></main>` +
    '<footer><p>Lakeside Notes, a garden diary</p></footer></body></html>'
  );
}

describe('a <pre> without <code>', () => {
  it('keeps the lines of a listing apart (a schedule file), as a code block’s', () => {
    const pre = '<pre>\n# minute hour weekday task\n15 6 * pump --for 90\n45 19 * pump --for 60\n</pre>';
    const a = extractArticle(page(pre), 'https://notes.example/pump', { referee: 'never' });
    expect(a.paragraphs).toEqual([...LEAD, '# minute hour weekday task', '15 6 * pump --for 90', '45 19 * pump --for 60', TAIL]);
  });

  it('keeps the lines of an address apart', () => {
    const pre = '<pre>Lakeside Allotments\nPlot 14, Mill Lane\nFernby</pre>';
    const a = extractArticle(page(pre), 'https://notes.example/pump', { referee: 'never' });
    expect(a.paragraphs).toEqual([...LEAD, 'Lakeside Allotments', 'Plot 14, Mill Lane', 'Fernby', TAIL]);
  });

  it('still joins hard-wrapped prose (a plain-text note broken mid-sentence)', () => {
    const pre =
      '<pre>The committee asks every plot holder to turn\noff their pumps between noon and four o’clock\nwhile the mains pressure is low this summer.</pre>';
    const a = extractArticle(page(pre), 'https://notes.example/pump', { referee: 'never' });
    expect(a.paragraphs).toContain(
      'The committee asks every plot holder to turn off their pumps between noon and four o’clock while the mains pressure is low this summer.',
    );
  });
});

describe('a data table in the text', () => {
  const table =
    '<table><thead><tr><th>Run</th><th>Litres</th><th>Minutes</th></tr></thead>' +
    '<tbody><tr><td>Morning</td><td>41</td><td>1.5</td></tr><tr><td>Evening</td><td>27</td><td>1.0</td></tr></tbody></table>';

  it('reads each row as one line, its cells side by side', () => {
    const a = extractArticle(page(table), 'https://notes.example/pump', { referee: 'never' });
    expect(a.paragraphs).toEqual([...LEAD, 'Run | Litres | Minutes', 'Morning | 41 | 1.5', 'Evening | 27 | 1.0', TAIL]);
    expect(a.html).toContain('<p>Morning | 41 | 1.5</p>');
  });

  it('leaves a cell of several paragraphs as paragraphs (a layout table’s column)', () => {
    const layout =
      '<table><tr><td><p>Tuesday</p></td><td><p>We lifted the pump out of the barrel and cleaned the filter, which was full of leaves from the old willow.</p>' +
      '<p>It ran quietly for the rest of the week, though the timer still woke it up at the wrong hour once.</p></td></tr></table>';
    const a = extractArticle(page(layout), 'https://notes.example/pump', { referee: 'never' });
    expect(a.paragraphs).toContain('It ran quietly for the rest of the week, though the timer still woke it up at the wrong hour once.');
    expect(a.paragraphs.some((p) => p.includes(' | '))).toBe(false);
  });
});

describe('the day an article first ran', () => {
  const ld = (type: string, published: string): string =>
    `<script type="application/ld+json">{"@context":"https://schema.org","@type":"${type}","headline":"Tuning the barrel pump",` +
    `"datePublished":"${published}","author":{"@type":"Person","name":"Ada Reed"}}</script>`;
  const meta = '<meta property="article:published_time" content="2027-05-20T09:00:00Z">';

  it('takes the article record’s earlier datePublished over a later published_time meta (a republished post)', () => {
    const a = extractArticle(page('', meta + ld('NewsArticle', '2027-03-02T18:30:00Z')), 'https://notes.example/pump');
    expect(a.publishedAt).toBe('2027-03-02');
  });

  it('keeps the meta when the record is later (an update) or is no article’s (a video’s upload)', () => {
    expect(extractArticle(page('', meta + ld('NewsArticle', '2027-06-11T08:00:00Z')), 'https://notes.example/pump').publishedAt).toBe(
      '2027-05-20',
    );
    expect(extractArticle(page('', meta + ld('VideoObject', '2027-01-15T08:00:00Z')), 'https://notes.example/pump').publishedAt).toBe(
      '2027-05-20',
    );
  });
});

describe('the headline set at the head of the text', () => {
  const P1 =
    'Marrow predicts when the allotment’s water butts will run dry from a week of rain gauge readings, and tells the plot holders which beds to water first.';
  const P2 = 'It runs offline on the shed’s old laptop and keeps every butt in a plain text file anyone can read and correct by hand.';
  const repo = (h1: string): string =>
    '<!doctype html><html><head><title>CodeShed - fenwick/marrow: Water butt forecasts for allotments</title>' +
    '<meta property="og:title" content="CodeShed - fenwick/marrow: Water butt forecasts for allotments"></head><body>' +
    '<header><a href="/">CodeShed</a> <a href="/fenwick">fenwick</a> / <a href="/fenwick/marrow">marrow</a></header>' +
    `<main><div class="readme"><article class="md-body"><div class="md-heading">${h1}<a class="anchor" href="#top">#</a></div><p>${P1}</p><p>${P2}</p></article></div></main>` +
    '<footer><p>CodeShed, code hosting for clubs</p></footer></body></html>';

  it('takes a README’s h1 that the repository title names as the title', () => {
    const a = extractArticle(repo('<h1>marrow</h1>'), 'https://codeshed.example/fenwick/marrow', { referee: 'never' });
    expect(a.title).toBe('marrow');
    expect(a.paragraphs).toEqual([P1, P2]);
  });

  it('leaves the stated title when the h1 above the text is not among its words (a section heading)', () => {
    const a = extractArticle(repo('<h1>Overview</h1>'), 'https://codeshed.example/fenwick/marrow', { referee: 'never' });
    expect(a.title).not.toBe('Overview');
  });

  const doc = (head: string): string =>
    '<!doctype html><html><head><title>Butt survey notes – SHARED v2</title></head><body>' +
    '<div id="banner">Published with WordDocs – Updated every 5 minutes</div><div id="contents">' +
    `${head}<p class="c3"><span>${P1}</span></p><p class="c3"><span>${P2}</span></p></div>` +
    '<div id="footer">Published with WordDocs</div></body></html>';

  it('takes a published document’s Title-style paragraph as the title and its Subtitle-style one out', () => {
    const a = extractArticle(
      doc(
        '<p class="c5 title"><span>What thirty plot holders said about water</span></p><p class="c2 subtitle"><span>Fernby Allotment Society, spring survey</span></p>',
      ),
      'https://docs.example/d/1/pub',
      { referee: 'never' },
    );
    expect(a.title).toBe('What thirty plot holders said about water');
    expect(a.paragraphs).toEqual([P1, P2]);
  });

  it('does not take a sentence set in a title-classed paragraph', () => {
    const own = 'We asked thirty plot holders about water this spring, and most of them answered.';
    const a = extractArticle(doc(`<p class="title">${own}</p>`), 'https://docs.example/d/1/pub', { referee: 'never' });
    expect(a.title).not.toBe(own);
  });
});
