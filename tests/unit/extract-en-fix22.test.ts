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
