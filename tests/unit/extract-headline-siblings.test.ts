/**
 * Issue 16 (fresh4): the visible headline over a <title>/og:title in the site's own wording, and
 * body blocks that go on past an ad slot as siblings of the article root (a heading with a stats
 * table, a heading with a list). Small hand-made pages, our own text.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const PROSE = [
  'The county library reopened its reading room on Monday after a two-year renovation that replaced the roof and the old heating.',
  'Staff moved nearly forty thousand volumes back onto the shelves over the weekend, with help from a crew of local volunteers.',
  'Visitors queued before the doors opened, and several said they had missed the quiet of the room more than anything else.',
  'The new reading room seats sixty people and stays open until nine in the evening on weekdays, the council said.',
]
  .map((t) => `<p>${t}</p>`)
  .join('');

const URL = 'http://news.example.org/a.html';

function page(head: string, top: string, body = PROSE): string {
  return `<!doctype html><html><head>${head}</head><body><div class="site">Daily Meridian</div>
    <div class="main">${top}<div class="story-body">${body}</div></div><footer>© Daily Meridian</footer></body></html>`;
}

describe('visible headline', () => {
  it('takes the h1 when <title> is the h1 plus site words', () => {
    const h = 'My sister wants me to co-sign her lease. Should I?';
    const r = extractArticle(page(`<title>Ask Agnes: ${h} - Daily Meridian</title>`, `<h1 class="story-title">${h}</h1>`), URL);
    expect(r.title).toBe(h);
  });

  it('keeps the stated title when no visible heading matches it (a dek-like h1 is not the title)', () => {
    const h = 'Harbor City hold on for 2-1 win as late Rovers rally falls short';
    const t = 'Harbor City 2-1 Millbrook Rovers: match report | Coastal Herald Sport';
    const r = extractArticle(page(`<title>${t}</title><meta property="og:title" content="${t}">`, `<h1>${h}</h1>`), URL);
    // Readability's labelled pages take the stated title here far more often than the h1.
    expect(r.title).not.toBe(h);
    expect(r.title).toContain('Harbor City 2-1 Millbrook Rovers');
  });

  it('takes a large bold <font> headline on an old page without h1', () => {
    const h = 'Notice of Public Hearing: Proposed Amendments to Local Court Rules';
    const r = extractArticle(
      page(`<title>${h} - Cascade County Superior Court</title>`, `<font face="Georgia" size="4"><b>${h}</b></font><br>`),
      URL,
    );
    expect(r.title).toBe(h);
  });

  it('keeps <title> when a visible h2 states it and the h1 is only a site banner', () => {
    const t = 'Library reopens its reading room after renovation';
    const r = extractArticle(page(`<title>${t} - Daily Meridian</title>`, `<h1>The Daily Meridian News Site</h1><h2>${t}</h2>`), URL);
    expect(r.title).toBe(t);
  });

  it('keeps a short h1 that is only part of a long <title>', () => {
    const t = 'Library reopens its reading room after a two-year renovation of roof and heating';
    const r = extractArticle(page(`<title>${t}</title>`, '<h1>Library news today</h1>'), URL);
    expect(r.title).toBe(t);
  });
});

describe('sibling body blocks after an ad slot', () => {
  const stats =
    '<h2>Match stats</h2><table><tr><th></th><th>Harbor</th><th>Rovers</th></tr><tr><td>Possession</td><td>54%</td><td>46%</td></tr><tr><td>Corners</td><td>5</td><td>7</td></tr></table>';
  const moments = "<h2>Key moments</h2><ol><li>23' Reyes scores at the near post.</li><li>81' Walsh heads in a corner.</li></ol>";
  const related =
    '<h3>More sport</h3><ul><li><a href="/x1">Rovers sign a new keeper</a></li><li><a href="/x2">Harbor ground to get a new stand</a></li></ul>';
  const html = `<!doctype html><html><head><title>Harbor City hold on to beat Rovers</title></head><body>
    <div class="Main"><h1>Harbor City hold on to beat Rovers</h1>
    <div class="Article_body">${PROSE}</div>
    <div class="Ad_slot"><span>Advertisement</span></div>
    <div class="Article_body">${stats}</div>
    <div class="Article_body">${moments}</div>
    <div class="Article_body">${related}</div>
    </div></body></html>`;

  it('keeps the stats table and the play-by-play list, not a list of links of the same class', () => {
    const r = extractArticle(html, URL, { referee: 'never' });
    expect(r.text).toContain('county library reopened');
    expect(r.text).toContain('Match stats');
    expect(r.text).toContain('Possession');
    expect(r.text).toContain('Key moments');
    expect(r.text).toContain('Walsh heads in a corner');
    expect(r.text).not.toContain('Advertisement');
    expect(r.text).not.toContain('new keeper');
  });

  it('leaves out a same-class block before the article root', () => {
    const before = html.replace(
      '<div class="Article_body">' + PROSE,
      '<div class="Article_body">' + stats + '</div><div class="Article_body">' + PROSE,
    );
    const r = extractArticle(
      before.replace(
        `<div class="Article_body">${stats}</div>\n    <div class="Article_body">${moments}`,
        `<div class="Article_body">${moments}`,
      ),
      URL,
      {
        referee: 'never',
      },
    );
    expect(r.text).toContain('Key moments');
    expect(r.text).not.toContain('Possession');
  });
});
