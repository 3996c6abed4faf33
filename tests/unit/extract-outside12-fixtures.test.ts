/**
 * The twelfth outside Chinese set (tests/fixtures/cms-outside12) is what its generator writes, and
 * is well formed: every expected title, line, 来源 and chrome string is on its page, no expected
 * line holds chrome, the GB2312 page decodes cleanly only as GB2312, and the body shapes each page
 * is about are really there. (Scores are in `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE12_DIR, OUTSIDE12_PAGES, buildAll } from '../fixtures/cms-outside12/generate';

const SET = outsideSet({
  dir: OUTSIDE12_DIR,
  defs: OUTSIDE12_PAGES,
  buildAll,
  count: 12,
  bytes: { min: 15_000, max: 60_000 },
});
const { page, defOf, html } = outsidePages(SET);

describe('twelfth outside Chinese pages (cms-outside12)', () => {
  checkOutsideSet(SET);

  it('the FrontPage page is GB2312 bytes that are not UTF-8, served with a bare text/html', () => {
    const p = page('frontpage-font-br-gb2312');
    expect(p.expected.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(p.bytes)).toThrow();
    expect(new TextDecoder('gbk').decode(p.bytes)).toContain(p.expected.title);
    const h = html(p.name);
    expect(h).toContain('<meta name="GENERATOR" content="Microsoft FrontPage 6.0">');
    expect(h).not.toMatch(/<h[1-6]\b/i);
    expect(h).toContain(`<font size="5" color="#CC0000" face="黑体"><b>${p.expected.title}</b></font>`);
    // Paragraphs are ideographic-space-indented runs between <br><br> inside one <font>.
    expect(h).toContain(`<br>\n\t\t\t\t\t<br>\n\t\t\t\t\t\u3000\u3000${p.expected.paragraphs[1]}<br>`);
  });

  it('the Word-pasted body: MsoNormal runs cut mid-sentence, <o:p> ends, spacers, an <xml> block, list heads', () => {
    const body = between(html('word-mso-o-p-fagai'), '<div class="TRS_Editor">', '<div class="xl-bottom">');
    expect(body).toContain('<!--[if gte mso 9]><xml>');
    expect(body.match(/class="MsoNormal"/g)!.length).toBeGreaterThanOrEqual(10);
    expect(body.match(/<o:p><\/o:p>/g)!.length).toBeGreaterThanOrEqual(7);
    expect(body.match(/<o:p>&nbsp;<\/o:p>/g)!.length).toBe(3);
    expect(body).toContain('<![if !supportLists]>');
    // No paragraph's text sits whole in one run.
    for (const line of defOf('word-mso-o-p-fagai').paragraphs.filter((l) => l.length > 40)) expect(body).not.toContain(line);
  });

  it('the 秀米 body nests sections five deep and splits each head into a number badge and its words', () => {
    const body = between(html('xiumi-nested-sections-tuanwei'), '<div class="article-content">', '<div class="article-foot">');
    expect(body.slice(1)).not.toMatch(/<div\b/);
    expect(body.match(/data-support="秀米XIUMI"/g)!.length).toBeGreaterThanOrEqual(15);
    expect(body).toMatch(/(?:<section[^>]*>){5}<p[^>]*>/);
    expect(body).toContain('<p style="margin: 0px; padding: 0px;"><strong>01</strong></p>');
    expect(body).toContain('<p style="white-space: normal; margin: 0px; padding: 0px;"><br></p>');
  });

  it('the speech has three levels of heads and the speech date inside the body', () => {
    const d = defOf('speech-yi-yi-1-levels');
    expect(d.paragraphs.filter((p) => /^[一二三]、/.test(p))).toHaveLength(3);
    expect(d.paragraphs.filter((p) => /^（[一二三]）/.test(p)).length).toBeGreaterThanOrEqual(9);
    expect(d.paragraphs.filter((p) => /^[1-9]\./.test(p))).toHaveLength(6);
    const h = html(d.name);
    expect(h).toContain('<p style="text-indent: 2em;"><strong>（一）成绩来之不易。</strong>过去一年');
    expect(between(h, '<div class="art-con"', '<div class="art-tool">')).toContain('（2024年6月11日）');
  });

  it('the statistics page has a data table with a caption row and an 附件 list inside the body div', () => {
    const body = between(html('tongji-data-table-fujian'), '<div class="TRS_Editor"', '<div class="tjj-tools">');
    expect(body.match(/<tr>/g)!.length).toBeGreaterThanOrEqual(13);
    expect(body).toContain('<td colspan="4"');
    expect(body.match(/\.xlsx<\/a>/g)).toHaveLength(2);
  });

  it('the 图解 has five images whose alt text is not in the expected body', () => {
    const d = defOf('jiedu-tujie-alt-images');
    const body = between(html(d.name), '<div class="doc-content', '<div class="doc-tools">');
    const alts = [...body.matchAll(/<img [^>]*alt="([^"]+)"/g)].map((m) => m[1]!);
    expect(alts).toHaveLength(5);
    for (const a of alts) expect(d.paragraphs.join('\n')).not.toContain(a);
  });

  it('the portal article sits in three sibling containers split by two ads and a 延伸阅读 box', () => {
    const h = html('portal-split-containers-ads');
    const art = between(h, '<div class="ds-article">', '<div class="ds-editor">');
    expect(art.match(/<div class="article-part">/g)).toHaveLength(3);
    expect(art.match(/<div class="ad-slot"/g)).toHaveLength(2);
    expect(art.indexOf('<div class="read-more">')).toBeGreaterThan(art.indexOf(defOf('portal-split-containers-ads').paragraphs[2]!));
  });

  it('the 访谈 is a transcript of short turns, with the 访谈时间 a day before publication', () => {
    const d = defOf('fangtan-qa-transcript');
    expect(d.paragraphs.every((p) => /^(主持人|罗建平)：/.test(p))).toBe(true);
    expect(d.paragraphs.filter((p) => p.length < 30).length).toBeGreaterThanOrEqual(3);
    expect(html(d.name)).toContain('<tr><th>访谈时间</th><td>2024年6月6日 10:00</td></tr>');
  });

  it('the comment section under the article is about as long as the article, with later times', () => {
    const h = html('comments-below-long');
    const article = visible(between(h, '<div class="hxn-text"', '<div class="hxn-share">')).length;
    const cmts = visible(between(h, '<div class="cmt-hot">', '<div class="cmt-post"')).length;
    expect(cmts / article).toBeGreaterThan(0.6);
    expect(cmts / article).toBeLessThan(1.5);
    expect(h).toContain('<span class="time">2024-06-09 08:05</span>');
  });

  it('the theory article opens its own content div with the 内容提要 box; a 导读 box sits beside', () => {
    const h = html('theory-neirong-tiyao-in-body');
    expect(h).toMatch(/<div class="skw-content TRS_Editor">\s*<div class="tiyao"[^>]*>\s*<p><strong>【内容提要】<\/strong>/);
    expect(h).toContain('<div class="daodu"><h3>本栏导读</h3>');
  });

  it('the broken page has unclosed <p>s, a stray </body></html> mid-article and the rest after it', () => {
    const h = html('broken-markup-stray-body');
    const d = defOf('broken-markup-stray-body');
    const stray = h.indexOf('</body>\n</html>\n<p>');
    expect(stray).toBeGreaterThan(h.indexOf(d.paragraphs[1]!));
    expect(stray).toBeLessThan(h.indexOf(d.paragraphs[2]!));
    expect(h.match(/<\/body>/g)).toHaveLength(2);
    expect(h).toContain(`<p>${d.paragraphs[0]}\n<p>`);
    expect(h).toContain('<div class="con_info">时间：2024-05-30');
  });

  it('the paged article is page 1 of 3 with a 本文目录 box above and the 分页 bar below', () => {
    const h = html('paged-1of3-mulu-quanwen');
    expect(h.indexOf('<div class="kjb-mulu">')).toBeLessThan(h.indexOf('<div class="kjb-con'));
    expect(h).toContain('<span class="total">共3页</span><span class="cur">1</span>');
    expect(h).toContain('createPageHTML(3, 0, "t20240611_70218", "html")');
    expect(h).toContain('class="all">阅读全文</a>');
  });
});
