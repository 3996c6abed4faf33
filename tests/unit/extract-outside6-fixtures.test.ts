/**
 * The sixth outside Chinese set (tests/fixtures/cms-outside6) is what its generator writes, and is
 * well formed: every expected title, line, 来源 and chrome string is on its page (for the share
 * page that renders from JSON: in its JSON), no expected line holds chrome, and the shapes each
 * page is about are really there. (Scores are in `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { checkOutsideSet, flat, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE6_DIR, OUTSIDE6_PAGES, buildAll } from '../fixtures/cms-outside6/generate';

/** The JSON the share page renders from. */
const shareData = (h: string): { data: { title: string; source: string; publish_time: string; content: string } } =>
  JSON.parse(/window\.__DETAIL_DATA__=(\{[\s\S]*?\});<\/script>/.exec(h)![1]!) as {
    data: { title: string; source: string; publish_time: string; content: string };
  };

const SET = outsideSet({
  dir: OUTSIDE6_DIR,
  defs: OUTSIDE6_PAGES,
  buildAll,
  count: 10,
  // The share page's article is in its JSON, not in its markup (its chrome is still looked for on the page).
  elsewhere: (def, h) => {
    if (!def.jsonOnly) return undefined;
    const d = shareData(h).data;
    return { title: flat(d.title), lines: visible(d.content), origin: d.source };
  },
});
const { html } = outsidePages(SET);

describe('sixth outside Chinese pages (cms-outside6)', () => {
  checkOutsideSet(SET);

  it('the 政策 page has its title only in the metadata table (no h1) and 成文日期 before 发布日期', () => {
    const h = html('gov-zhengce-table-no-h1');
    expect(h).not.toMatch(/<h[12]\b/);
    for (const m of h.matchAll(/<h[3-6]\b[^>]*>([^<]*)</g)) expect(m[1]).not.toContain('实施意见');
    expect(h).toContain('<td class="textLabel">成文日期：</td><td>2024年02月26日</td>');
    expect(h).toContain('<td class="textLabel">发布日期：</td><td>2024年03月04日</td>');
    expect(h.indexOf('成文日期')).toBeLessThan(h.indexOf('发布日期'));
  });

  it('the OA 公文 page has a generic <title>, 拟稿日期 before 成文日期, and later dates in 处理意见', () => {
    const h = html('oa-govdoc-form-table');
    expect(h).toContain('<title>公文查看</title>');
    expect(h.indexOf('拟稿日期')).toBeLessThan(h.indexOf('成文日期'));
    expect(h).toContain('<span class="opinion_time">2024-03-07 09:02</span>');
    expect(h).toContain('<span lang="EN-US" style="font-size:16.0pt;font-family:仿宋_GB2312">2024</span>');
  });

  it('the share page shows no article text outside its script JSON', () => {
    const h = html('xuexi-share-json-only');
    const d = shareData(h).data;
    expect(d.publish_time).toBe('2024-03-09 08:00:00');
    expect(visible(h)).not.toContain('抓落实');
    expect(h).toContain('<title>学习示例</title>');
    expect(h).not.toMatch(/<script>window[^<]*<p/);
  });

  it('来源 comes before the date in one <i>; 发布时间 and 供稿单位 are the only date and 来源 labels on the VSB page', () => {
    expect(html('gcdy-source-before-date')).toContain('<i class="time">来源：示例日报　2024年03月11日 07:34</i>');
    const v = html('vsb-xcb-gonggao-danwei');
    expect(v).toContain('<span>发布时间：2024-03-05</span>');
    expect(v).toContain('<span>供稿单位：马克思主义学院</span>');
    expect(v).toContain('<form name="_newscontent_fromname">');
    expect(visible(v)).not.toContain('来源');
  });

  it('the paginated page shows page 1 of 3 with a 下一页 link; the TRS page keeps its <style> inside TRS_Editor', () => {
    expect(html('gmw-paginated-page1')).toMatch(/<span class="page-cur">1<\/span> <a[^>]*>2<\/a> <a[^>]*>3<\/a> <a[^>]*>下一页<\/a>/);
    expect(html('mof-trs-fujian-list')).toContain('<div class="TRS_Editor"><style type="text/css">');
  });
});
