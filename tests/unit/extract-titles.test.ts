/**
 * Issue 16: the title a page states (CMS fields, JSON-LD, Dublin Core, Open Graph, <title>)
 * reconciled with its heading, in general terms: site names cut, broken metadata not trusted.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const PROSE =
  '<p>各支部要把学习贯彻党的创新理论作为首要政治任务，结合本单位实际制定学习计划，确保学习有安排、有检查、有总结。</p>' +
  '<p>学习中要坚持读原著、学原文、悟原理，联系思想和工作实际，交流心得体会，推动学习成果转化为工作成效。</p>';

function page(head: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}${PROSE}</body></html>`;
}

it('takes the stated title when the heading differs (og:title over a teaser heading)', () => {
  const a = extractArticle(
    page('<title>关于开展专题学习的通知 - 示例网</title><meta property="og:title" content="关于开展专题学习的通知">', '<h1>学习动态</h1>'),
  );
  expect(a.title).toBe('关于开展专题学习的通知');
});

it('keeps the heading when the stated title is the heading plus the site name', () => {
  const a = extractArticle(
    page(
      '<title>深入学习贯彻全会精神_示例新闻网</title><meta property="og:title" content="深入学习贯彻全会精神_示例新闻网"><meta property="og:site_name" content="示例新闻网">',
      '<h1>深入学习贯彻全会精神</h1><div>2024-03-05 来源：示例日报</div>',
    ),
  );
  expect(a.title).toBe('深入学习贯彻全会精神');
});

it('cuts a site name that og:site_name confirms, without a heading to match', () => {
  const a = extractArticle(
    page(
      '<meta property="og:title" content="Reading groups meet again | Example Post"><meta property="og:site_name" content="Example Post">',
      '',
    ),
  );
  expect(a.title).toBe('Reading groups meet again');
});

it('ignores a stated title that is only the site name', () => {
  const a = extractArticle(
    page('<title>支部学习会召开 - 示例网</title><meta property="og:title" content="示例网">', '<h1>支部学习会召开</h1>'),
  );
  expect(a.title).toBe('支部学习会召开');
});

it('prefers the heading over metadata cut short by a stray quote', () => {
  const a = extractArticle(
    page(
      '<title>多地项目"暗伤"显现_示例网</title><meta property="og:title" content="多地项目" 暗伤"显现="">',
      '<h1>多地项目"暗伤"显现</h1>',
    ),
  );
  expect(a.title).toBe('多地项目"暗伤"显现');
});

it('reads JSON-LD: the headline, or the name when <title> repeats the name', () => {
  const ld = (o: object) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
  const a = extractArticle(
    page(
      `<title>Example Magazine</title>${ld({ '@type': 'NewsArticle', headline: 'How study groups read', publisher: { '@type': 'Organization', name: 'Example Magazine' } })}`,
      '',
    ),
  );
  expect(a.title).toBe('How study groups read');
  const b = extractArticle(
    page(
      `<title>New Zealand - Example Encyclopedia</title>${ld({ '@type': 'Article', name: 'New Zealand', headline: 'island country in Oceania' })}`,
      '',
    ),
  );
  expect(b.title).toBe('New Zealand');
});

it('reads space-separated meta properties and drops a permalink sign after a heading', () => {
  const a = extractArticle(page('<meta property="x:title dc:title" content="Preferred title">', '<h1>Other heading</h1>'));
  expect(a.title).toBe('Preferred title');
  const b = extractArticle(page('<title>Shared history — docs</title>', '<h1>Shared history<a href="#h">¶</a></h1>'));
  expect(b.title).toBe('Shared history');
});
