/**
 * The third outside Chinese set (tests/fixtures/cms-outside3) is what its generator writes, and is
 * well formed: every expected title and line is text of its page in the page's real encoding,
 * listed chrome is on the page and in no expected line, and the encoding traps are real traps.
 * (Scores are in `npm run bench -- extract`, not here.)
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkOutsideSet, outsidePages, outsideSet } from '../fixtures/cms-outside/check';
import { OUTSIDE3_DIR, OUTSIDE3_PAGES, buildAll } from '../fixtures/cms-outside3/generate';

const SET = outsideSet({
  dir: OUTSIDE3_DIR,
  defs: OUTSIDE3_PAGES,
  buildAll,
  count: 15,
  // 来源 may be an <img alt>, so it is looked for in the markup.
  originIn: 'markup',
});

describe('third outside Chinese pages (cms-outside3)', () => {
  const { page } = outsidePages(SET);
  checkOutsideSet(SET);

  it('the encoding traps are real: GBK bytes under a UTF-8 meta, a four-byte GB18030 character', () => {
    const gbk = page('gbk-meta-says-utf8');
    expect(gbk.expected.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk.bytes)).toThrow();
    expect(iconv.decode(Buffer.from(gbk.bytes), 'gbk')).toMatch(/<meta http-equiv="Content-Type" content="text\/html; charset=utf-8">/);

    const gb = page('gb18030-rare-char');
    expect(gb.expected.contentType).toBe('text/html');
    expect(gb.expected.title).toContain('\u{2B5AF}');
    // Read as GBK (the usual mistake for a gb18030 label) the title does not survive.
    expect(iconv.decode(Buffer.from(gb.bytes), 'gbk')).not.toContain(gb.expected.title);
  });

  it('the SPA page carries its text both in the DOM and in the RENDER_DATA blob', () => {
    const spa = page('county-spa-json');
    const html = Buffer.from(spa.bytes).toString('utf8');
    const blob = /<script id="RENDER_DATA" type="application\/json">([^<]+)<\/script>/.exec(html)?.[1] ?? '';
    const data = JSON.parse(decodeURIComponent(blob)) as { data: { content: string } };
    for (const line of spa.expected.paragraphs) expect(data.data.content, line.slice(0, 20)).toContain(line);
  });
});
