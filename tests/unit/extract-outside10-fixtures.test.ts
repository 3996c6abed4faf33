/**
 * The tenth outside Chinese set (tests/fixtures/cms-outside10) is what its generator writes, and
 * is well formed: every expected title, line, 来源 and chrome string is on its page, no expected
 * line holds chrome, the GBK page decodes cleanly only as GBK, and the shapes each page is about
 * are really there. (Scores are in `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE10_DIR, OUTSIDE10_PAGES, buildAll } from '../fixtures/cms-outside10/generate';

const SET = outsideSet({
  dir: OUTSIDE10_DIR,
  defs: OUTSIDE10_PAGES,
  buildAll,
  count: 12,
  bytes: { min: 15_000, max: 60_000 },
});
const { page, html } = outsidePages(SET);

describe('tenth outside Chinese pages (cms-outside10)', () => {
  checkOutsideSet(SET);

  it('the town page is GBK bytes that are not UTF-8, served with a bare text/html', () => {
    const p = page('town-gongkai-shengxiao-youxiaoqi-gbk');
    expect(p.expected.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(p.bytes)).toThrow();
    expect(new TextDecoder('gbk').decode(p.bytes)).toContain(p.expected.title);
    const h = html(p.name);
    // 生效日期 (later) and 有效期至 sit beside 发布时间 in the table; the body names both again.
    expect(h).toContain(
      '<td bgcolor="#F2F2F2">生效日期：</td><td>2024年06月01日</td><td bgcolor="#F2F2F2">发布时间：</td><td>2024年05月08日</td>',
    );
    expect(h).toContain('有效期至：</td><td>2026年12月31日</td>');
  });

  it('信息公开 metadata: 公开日期 in <th> cells, name/value divs with no colon, a 关联文件 box with its own 成文日期', () => {
    const g = html('xxgk-th-gongkai-riqi');
    expect(g).toContain('<tr><th>成文日期</th><td>2024-05-18</td><th>公开日期</th><td>2024-05-22</td></tr>');
    expect(g).not.toContain('发布日期');
    expect(g.indexOf('<table class="xxgk-info"')).toBeLessThan(g.indexOf('<h1'));
    const n = html('xxgk-div-name-value-nocolon');
    expect(n).toContain('<div class="name">发布日期</div><div class="value">2024-04-26</div>');
    expect(n.indexOf('>发布日期<')).toBeLessThan(n.indexOf('>成文日期<'));
    expect(n).not.toMatch(/发布日期：|成文日期：|发文机关：/);
    expect(n).not.toContain('<h1');
    const j = html('xxgk-jiedu-guanlian-box');
    expect(j.indexOf('成文日期：2024-04-28')).toBeGreaterThan(j.indexOf('发布时间：2024-05-09'));
    expect(j.indexOf('成文日期：2024-04-28')).toBeLessThan(j.indexOf('<div class="jd-content"'));
  });

  it('党校 / 党刊 / 转载: 关键词 row, 刊期 with no 来源 label, 原标题 opening the body', () => {
    const x = html('dangxiao-lilun-guanjianci');
    expect(x).toContain('<p class="arti_keys">关键词：');
    expect(x).toContain('<span class="arti_update">2024-05-13</span>');
    const k = html('dangkan-kanqi-benqi-mulu');
    expect(visible(k)).not.toContain('来源');
    expect(k).toContain('刊期：2024年第5期　栏目：党课讲坛　发布日期：2024-05-06');
    const r = html('portal-lilun-yuanbiaoti-dangkan');
    expect(r).toMatch(/<div class="rm_txt_con cf">\s*<p[^>]*>原标题：/);
    expect(r).toContain('2024年05月20日08:12 | 来源：<a');
  });

  it('国企 / 高校 / 党报 / 公众号 shapes: | spans, 135 sections, <br> in the h1, 导语 box, account before the time', () => {
    expect(html('soe-zhanqun-pipe-spans-captions')).toContain(
      '<span>时间：2024-05-14</span><span class="sep">|</span><span>来源：集团办公室</span>',
    );
    const s = html('soe-135editor-sections');
    expect(s).toContain('data-tools="135编辑器"');
    expect(s).toMatch(/>01<\/section>/);
    expect(s).toContain('发布日期：2024年05月17日');
    const u = html('univ-h1-br-slash-credits');
    expect(u).toMatch(/<h1 class="art-h1">[^<]+<br>[^<]+<\/h1>/);
    expect(u).toContain('<form name="_newscontent_fromname">');
    const b = html('dangbao-daoyu-banmian');
    expect(b.indexOf('<div class="daoyu">')).toBeLessThan(b.indexOf('<!--正文开始-->'));
    expect(b).toContain('（原载《示例日报》2024年05月15日第01版）</p>\n</div>\n<!--正文结束-->');
    const w = html('wechat-aggregator-yuanchuang');
    expect(w).toContain(
      '<span class="badge-orig">原创</span><a class="account" href="/account/sqej/">示例社区e家</a><span class="post-time">2024-05-12 18:30</span>',
    );
  });
});
