/**
 * The ninth outside Chinese set (tests/fixtures/cms-outside9) is what its generator writes, and
 * is well formed: every expected title, line, 来源 and chrome string is on its page, no expected
 * line holds chrome, the two decoding hazards are really in the bytes, and the metadata shapes
 * each page is about (several dates, 来源 labels, 引题/副标题) are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE9_DIR, OUTSIDE9_PAGES, buildAll } from '../fixtures/cms-outside9/generate';

const SET = outsideSet({
  dir: OUTSIDE9_DIR,
  defs: OUTSIDE9_PAGES,
  buildAll,
  count: 12,
  bytes: { min: 15 * 1024, max: 60 * 1024 },
});
const { page, defOf, html, bytes: bytesOf } = outsidePages(SET);

describe('ninth outside Chinese pages (cms-outside9)', () => {
  checkOutsideSet(SET);

  it('the town page: the server says UTF-8, the bytes are GB18030 with four-byte names, the meta says gbk', () => {
    const name = 'town-http-utf8-bytes-gb18030-names';
    const p = page(name);
    const b = bytesOf(name);
    expect(p.expected.contentType).toBe('text/html; charset=utf-8');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b)).toThrow();
    expect(html(name)).toContain('<META http-equiv="Content-Type" content="text/html; charset=gbk">');
    expect(html(name)).toContain(p.expected.title);
    // 𫖮 and 𬌗 are outside GBK: four-byte GB18030 sequences, which a plain GBK table cannot map.
    for (const ch of ['𫖮', '𬌗']) {
      expect(p.expected.title, ch).toContain(ch);
      expect(iconv.encode(ch, 'gb18030').length, ch).toBe(4);
      expect(b.includes(iconv.encode(ch, 'gb18030')), ch).toBe(true);
    }
    expect(iconv.decode(b, 'gbk')).not.toContain(p.expected.title);
  });

  it('the 街道 page: a UTF-8 BOM, a gb2312 meta, a bare text/html header', () => {
    const name = 'jiedao-bom-utf8-meta-gb2312';
    const p = page(name);
    const b = bytesOf(name);
    expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(p.expected.contentType).toBe('text/html');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(b)).toContain(p.expected.title);
    expect(html(name)).toContain('charset=gb2312');
    expect(html(name)).not.toMatch(/charset=utf/i);
    expect(iconv.decode(b, 'gb2312')).not.toContain(p.expected.title);
  });

  it('several dates on one page, and the publication date is the one the expected file names', () => {
    const g = html('xxgk-yinfa-shishi-grid');
    const lab = (l: string, v: string) => `<span class="lab">${l}：</span><span class="val">${v}</span>`;
    expect(g.indexOf(lab('印发日期', '2024-03-28'))).toBeLessThan(g.indexOf(lab('实施日期', '2024-05-01')));
    expect(g.indexOf(lab('实施日期', '2024-05-01'))).toBeLessThan(g.indexOf(lab('发布日期', '2024-04-02')));
    expect(g).toContain('更新时间：2024-04-10');
    const t = html('trs-tongzhi-weekday-zhuanzi');
    expect(t).toContain('<span class="date">2024年4月8日 星期一</span>');
    expect(visible(t)).not.toMatch(/(?:发布|时间|日期)[：:]\s*2024年4月8日/);
    expect(t.indexOf('2024年4月8日')).toBeLessThan(t.indexOf('2024年4月15日（星期一）'));
    const c = html('county-gengxin-first-zhuban-footer');
    expect(c).toContain('<span>更新时间：2024-04-12 16:47</span><span>发布时间：2024-04-09 10:00</span>');
    expect(c).toContain('<meta name="author" content="示例区人民政府办公室">');
    expect(visible(c)).toContain('主办单位：示例区人民政府办公室');
    // Only the 党建 page carries its date in the URL.
    for (const d of OUTSIDE9_PAGES) {
      const compact = d.publishedAt.replace(/-/g, '');
      const inUrl = d.url.includes(compact) || d.url.includes(d.publishedAt.slice(0, 7).replace('-', '/'));
      expect(inUrl, d.name).toBe(d.name === 'djw-yinti-fubiaoti-laiyuan-bar');
    }
  });

  it('dates in odd forms: y-m-d, no <time>, after a 甲辰年 lunar date, only in a script or an attribute', () => {
    expect(html('dede-short-year-benwen-zhuanzi')).toContain('<small>时间:</small>24-04-08 09:05<small>来源:</small>未知');
    const w = html('wp-zhuanzaizi-archive-link');
    expect(w).not.toMatch(/<time\b|application\/ld\+json|article:published_time/);
    expect(w).toContain('<a href="https://www.example-swxh.org.cn/?m=20240403" rel="bookmark">2024年4月3日</a>');
    expect(w.indexOf('本文最后更新于2024年4月20日')).toBeLessThan(w.indexOf(defOf('wp-zhuanzaizi-archive-link').paragraphs[0]!));
    expect(html('jsp-jiachen-lunar-yuanwen')).toContain('发布日期：甲辰年三月初一　公元2024年4月9日');
    const a = html('asp-script-var-date-huodong');
    expect(a).toContain('var fbsj = "2024-4-3 10:12:36"; document.write(');
    expect(visible(a)).not.toMatch(/2024-0?4-0?3|2024年0?4月0?3日/);
    expect(visible(a).indexOf('活动时间：2024年3月29日')).toBeGreaterThan(visible(a).indexOf(defOf('asp-script-var-date-huodong').title));
    const dt = html('jiyue-data-attr-date-zuozhe-danwei');
    expect(dt).toContain('<span class="pubtime" data-time="2024-04-07 15:20:00"></span>');
    expect(visible(dt)).not.toMatch(/2024-0?4-0?7|2024年0?4月0?7日/);
    expect(html('soe-jsp-halfwidth-glued-minute')).toContain(
      '来源:<a href="http://www.example-nyb.com.cn/" target="_blank">示例能源报</a>发布时间:2024-4-8 9:05浏览:',
    );
  });

  it('来源 forms: 转自, 转载自, 本文转自, 原文来源, 来源｜, 作者单位 before 来源', () => {
    expect(html('trs-tongzhi-weekday-zhuanzi')).toContain('<div class="zhuanzi">（转自：示例市教育局）</div>');
    expect(html('wp-zhuanzaizi-archive-link')).toMatch(/<p class="reprint">转载自：<a [^>]*>示例职工报<\/a><\/p>/);
    expect(html('dede-short-year-benwen-zhuanzi')).toContain('（本文转自：示例商报）</p>');
    expect(html('jsp-jiachen-lunar-yuanwen')).toContain('原文来源：示例县史志研究室');
    expect(html('djw-yinti-fubiaoti-laiyuan-bar')).toContain('<span>来源｜示例日报</span>');
    const dt = html('jiyue-data-attr-date-zuozhe-danwei');
    expect(dt.indexOf('作者单位：示例市环境监测站')).toBeLessThan(dt.indexOf('来源：示例市生态环境局'));
    // The pages whose 来源 has a label other than a plain 来源： have no plain 来源： at all.
    for (const n of [
      'trs-tongzhi-weekday-zhuanzi',
      'wp-zhuanzaizi-archive-link',
      'jsp-jiachen-lunar-yuanwen',
      'djw-yinti-fubiaoti-laiyuan-bar',
    ]) {
      expect(visible(html(n)), n).not.toMatch(/(?:^|[^文本原息])来源[：:]/);
    }
  });

  it('the 党建 page: a 引题 above the h1, a 副标题 below it, and <title> and og:title that differ from both', () => {
    const d = defOf('djw-yinti-fubiaoti-laiyuan-bar');
    const h = html(d.name);
    const yt = h.indexOf('<h3 class="xl-yt">党纪学习教育·基层见闻</h3>');
    const h1 = h.indexOf(`<h1>${d.title}</h1>`);
    const fbt = h.indexOf('<h2 class="xl-fbt">——示例县推行“村务小微权力清单”见闻</h2>');
    expect(yt).toBeGreaterThan(0);
    expect(yt).toBeLessThan(h1);
    expect(h1).toBeLessThan(fbt);
    const title = /<title>([^<]*)<\/title>/.exec(h)![1]!;
    const og = /<meta property="og:title" content="([^"]*)">/.exec(h)![1]!;
    expect(title).not.toBe(d.title);
    expect(og).not.toBe(d.title);
    expect(title).toContain(d.title);
    expect(og.startsWith(d.title)).toBe(true);
  });
});
