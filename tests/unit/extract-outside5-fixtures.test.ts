/**
 * The fifth outside Chinese set (tests/fixtures/cms-outside5) is what its generator writes, and is
 * well formed: every expected title, line, 来源 and chrome string is on its page, no expected line
 * holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE5_DIR, OUTSIDE5_PAGES, buildAll } from '../fixtures/cms-outside5/generate';

const SET = outsideSet({ dir: OUTSIDE5_DIR, defs: OUTSIDE5_PAGES, buildAll, count: 10 });
const { html } = outsidePages(SET);

describe('fifth outside Chinese pages (cms-outside5)', () => {
  checkOutsideSet(SET);

  it('the VSB page wraps its body in the form but not in v_news_content', () => {
    const h = html('vsb-dangxiao-wrapper');
    expect(h).toContain('<form name="_newscontent_fromname">');
    expect(h).toContain('id="vsb_content_501"');
    expect(h).not.toContain('v_news_content');
  });

  it('the 信息公开 page has its metadata as a header row and a value row above the title', () => {
    const h = html('amr-xxgk-tworow-table');
    const table = /<table class="xxgk-meta"[\s\S]*?<\/table>/.exec(h)?.[0] ?? '';
    expect(table.match(/<tr>/g)).toHaveLength(2);
    expect(table).toContain('<th>成文日期</th><th>发布日期</th>');
    expect(table).toContain('<td>2025-03-07</td><td>2025-03-10</td>');
    expect(h.indexOf('xxgk-meta')).toBeLessThan(h.indexOf('<h1'));
  });

  it('作者, 来源 and 日期 share one <p class="info">; 文章出处 is the only 来源 label on its page', () => {
    expect(html('soe-info-p-one-line')).toContain('<p class="info">作者：石景川　　来源：集团办公室　　日期：2025-04-09</p>');
    const h = html('wenzhang-chuchu-label');
    expect(h).toContain('文章出处：市档案馆');
    expect(visible(h)).not.toContain('来源');
  });

  it('the 〇-year page writes its date only in Chinese numerals, and its 来源 comes after the body', () => {
    const h = html('ling-year-source-after');
    expect(h).toContain('发布日期：二〇二五年三月十一日');
    expect(visible(h)).not.toMatch(/2025[-年./]0?3[-月./]11/);
    expect(h.indexOf('art-source')).toBeGreaterThan(h.indexOf('</div>', h.indexOf('art-body')));
  });

  it('the 党刊 page keeps its 作者单位 and 注释 in the body div', () => {
    const h = html('dangkan-notes-affiliation');
    const body = /<div class="highlight">([\s\S]*?)<\/div>/.exec(h)?.[1] ?? '';
    expect(body).toContain('（作者单位：');
    expect(body).toContain('注释：');
    expect(body.match(/\[\d\]/g)!.length).toBe(4);
  });
});
