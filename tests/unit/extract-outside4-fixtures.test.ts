/**
 * The fourth outside Chinese set (tests/fixtures/cms-outside4) is what its generator writes, and is
 * well formed: every expected title, line, 来源 and chrome string is on its page, no expected line
 * holds chrome, and the BOM page really has a BOM and no charset anywhere. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE4_DIR, OUTSIDE4_PAGES, buildAll } from '../fixtures/cms-outside4/generate';

const SET = outsideSet({
  dir: OUTSIDE4_DIR,
  defs: OUTSIDE4_PAGES,
  buildAll,
  count: 10,
  // 来源 may be only in a <meta> (the og page), so it is looked for in the markup.
  originIn: 'markup',
  // A title kept in <head> only is looked for in <title>; the set's own check below says it is nowhere else.
  elsewhere: (def, html) => (def.titleInHeadOnly ? { title: /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '' } : undefined),
});

describe('fourth outside Chinese pages (cms-outside4)', () => {
  const { page, html } = outsidePages(SET);
  checkOutsideSet(SET);

  it('a page whose title is only in <head> has it in <title>, in no block of its own, and no <h1>', () => {
    const headOnly = OUTSIDE4_PAGES.filter((d) => d.titleInHeadOnly);
    expect(headOnly.length).toBeGreaterThan(0);
    for (const def of headOnly) {
      const h = html(def.name);
      expect(h, def.name).toContain(`<title>${def.title}_`);
      // The lead sentence does repeat it, but not as a block of its own.
      expect(visible(h), def.name).not.toContain(` ${def.title} `);
      // No <h1>: the only heading is the sidebar's <h3>.
      expect(h, def.name).not.toMatch(/<h1\b/);
    }
  });

  it('the BOM page starts with a UTF-8 BOM and declares no charset; the og page has 来源 only in og:', () => {
    const bom = page('bom-no-charset');
    expect([...bom.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bom.expected.contentType).toBe('text/html');
    expect(Buffer.from(bom.bytes).toString('utf8')).not.toMatch(/charset/i);

    const og = page('title-head-only-og-source');
    const h = html(og.name);
    expect(h).toContain(`<meta property="og:article:source" content="${og.expected.origin}">`);
    expect(visible(h)).not.toContain(og.expected.origin!);
  });

  it('the single-<td> page has title, metadata and body in one cell, lines split by <br>', () => {
    const td = page('single-td-br');
    const cell = /<td valign="top" class="news_content"[^>]*>([\s\S]*?)<\/td>/.exec(html(td.name))?.[1] ?? '';
    expect(cell).toContain(td.expected.title);
    expect(cell).toContain(`来源：${td.expected.origin}`);
    for (const line of td.expected.paragraphs) expect(cell).toContain(`${line}<br>`);
    expect(cell).not.toMatch(/<p\b/i);
  });
});
