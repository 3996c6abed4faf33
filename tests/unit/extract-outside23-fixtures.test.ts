/**
 * The twenty-third outside Chinese set (tests/fixtures/cms-outside23) is what its generator writes,
 * and is well formed: every expected title, line, 来源 and chrome string is on its page, no
 * expected line holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE23_DIR, OUTSIDE23_PAGES, buildAll } from '../fixtures/cms-outside23/generate';

const SET = outsideSet({
  dir: OUTSIDE23_DIR,
  defs: OUTSIDE23_PAGES,
  buildAll,
  count: 12,
  // More than 15 KB and less than 60 KB.
  bytes: { min: 15 * 1024 + 1, max: 60 * 1024 - 1 },
});
const { defOf, html, bytes } = outsidePages(SET);

describe('twenty-third outside Chinese pages (cms-outside23)', () => {
  checkOutsideSet(SET);

  it('Excel 另存为网页: GB2312 bytes, the Excel ProgId, the title and 公示说明 as merged rows, 48 rows, a 落款 date and no 来源', () => {
    const name = 'excel-lingcun-wangye-gongshi-mingdan-gb2312';
    const d = defOf(name);
    expect(d.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes(name))).toThrow();
    const h = html(name);
    expect(h).toContain('<meta http-equiv=Content-Type content="text/html; charset=gb2312">');
    expect(h).toContain('<meta name=ProgId content=Excel.Sheet>');
    expect(h).toMatch(/<td colspan=6 height=62 class=xl64[^>]*>柘溪区2024年度/);
    expect(h.match(/<td height=24 class=xl67 [^>]*x:num>\d+<\/td>/g)).toHaveLength(48);
    expect(d.paragraphs.at(-1)).toBe('2024年9月2日');
    expect(d.origin).toBeNull();
    expect(h).not.toMatch(/<h[1-6][\s>]/);
  });

  it('事故调查报告: the accident date in the title, a 调查组 落款 weeks before publication, a list of other reports', () => {
    const h = html('shigu-diaocha-baogao-diaochazu-luokuan');
    const d = defOf('shigu-diaocha-baogao-diaochazu-luokuan');
    expect(d.title).toContain('“6·21”');
    expect(d.paragraphs[0]).toMatch(/^2024年6月21日/);
    expect(d.paragraphs.slice(-2)).toEqual(['柘溪区白沙街道“6·21”一般建筑施工坍塌事故调查组', '2024年10月30日']);
    expect(h).toContain('发布时间：2024-11-18 16:02');
    expect(h.match(/事故调查报告<\/a><span class="date">202\d-\d\d-\d\d<\/span>/g)).toHaveLength(8);
  });

  it('审计结果公告: the 公告号 line opens the text, a 问题 table with a 合计 row, a list of same-pattern 审计结果 titles', () => {
    const h = html('shenji-jieguo-gonggao-gonggaohao-wenti-biao');
    const d = defOf('shenji-jieguo-gonggao-gonggaohao-wenti-biao');
    expect(d.paragraphs[0]).toBe('2024年第5号（总第52号）');
    expect(h.indexOf(d.paragraphs[0]!)).toBeGreaterThan(h.indexOf('<h1>'));
    expect(between(h, '<table class="wt">', '</table>').match(/<tr>/g)).toHaveLength(6);
    expect(d.paragraphs).toContain('合计 — 12 82.03');
    expect(h.match(/审计结果<\/a><span class="date">/g)).toHaveLength(6);
  });

  it('部门预算公开: a 收支总表 whose header and 总计 rows are body; 20 departments listed with the same title pattern', () => {
    const h = html('bumen-yusuan-gongkai-shouzhi-zongbiao');
    const d = defOf('bumen-yusuan-gongkai-shouzhi-zongbiao');
    expect(d.paragraphs).toContain('收入 预算数 支出 预算数');
    expect(d.paragraphs.at(-1)).toBe('收入总计 8632.40 支出总计 8632.40');
    expect(between(h, '<div class="yjs-left">', '</ul>').match(/2025年部门预算公开<\/a>/g)).toHaveLength(20);
    expect(h).toContain(`信息来源：${d.origin}`);
  });

  it('慰问信: GBK with a gbk meta and a bare header; an addressee line first, a 落款 of two bodies and a date the day before 发布日期', () => {
    const name = 'weiwenxin-chenghu-luokuan-liangjiguan-gbk';
    const d = defOf(name);
    expect(d.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes(name))).toThrow();
    const h = html(name);
    expect(h).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gbk">');
    expect(d.paragraphs[0]).toMatch(/：$/);
    expect(d.paragraphs.slice(-2)).toEqual(['中共梅岭县委\u3000\u3000梅岭县人民政府', '2024年9月9日']);
    expect(h).toContain('发布日期：2024-9-10');
    expect(h).not.toMatch(/<h[1-6][\s>]/);
  });

  it('忏悔录: 【编者按】 and 【基本案情】 open the text, 【点评】 ends it; a 举报 box and dated lists beside it', () => {
    const h = html('jingshi-jiaoyu-chanhuilu-bianzhean-dianping');
    const d = defOf('jingshi-jiaoyu-chanhuilu-bianzhean-dianping');
    expect(d.paragraphs[0]).toMatch(/^【编者按】/);
    expect(d.paragraphs[1]).toMatch(/^【基本案情】/);
    expect(d.paragraphs.at(-1)).toMatch(/^【点评】/);
    expect(h).toContain('<div class="bjan">');
    expect(h).toContain('<div class="fbt">——区水务局原副局长韩某某忏悔录</div>');
  });

  it('修改对照表: a two-column table (现行条款 | 修改后条款) with <del> and <b> marks; a 征求意见 form and count', () => {
    const h = html('lifa-zhengqiu-yijian-xiugai-duizhaobiao');
    const d = defOf('lifa-zhengqiu-yijian-xiugai-duizhaobiao');
    const t = between(h, '<table class="dzb">', '</table>');
    expect(t.match(/<tr><td>/g)).toHaveLength(5);
    expect(t).toContain('<del>');
    expect(t).toContain('<b>统筹协调和</b>');
    expect(d.paragraphs[1]).toBe('现行条款 修改后条款');
    expect(h).toContain('已有 23 条意见');
  });

  it('云笔记 share page: 更新于 date visible, a different 创建 date in the JSON state, a 值班 table and list, no 来源', () => {
    const h = html('yunbiji-fenxiang-gengxinyu-zhiban-biao');
    const d = defOf('yunbiji-fenxiang-gengxinyu-zhiban-biao');
    expect(h).toContain('<span class="time">更新于 2024-05-20 16:42</span>');
    expect(between(h, 'window.__INITIAL_STATE__=', '</script>')).toContain('"createTimeStr":"2024-05-17 16:41"');
    expect(between(h, '<ul data-block-id="b6">', '</ul>').match(/<li>/g)).toHaveLength(4);
    expect(d.origin).toBeNull();
    expect(visible(h)).not.toMatch(/来源/);
  });

  it('宣讲课件: five slides, speaker notes in <aside class="notes"> on four, a slide counter and 上传 date above the deck', () => {
    const h = html('xuanjiang-kejian-huandengpian-beizhu');
    const d = defOf('xuanjiang-kejian-huandengpian-beizhu');
    const deck = between(h, '<div class="slides">', '<div class="controls">');
    expect(deck.match(/<section class="slide/g)).toHaveLength(5);
    expect(deck.match(/<aside class="notes">/g)).toHaveLength(4);
    expect(d.paragraphs.some((p) => p.includes('开场'))).toBe(false);
    expect(h).toContain('课件上传：2024-04-12');
  });

  it('驻村日志: five day lines (月日 星期 天气) inside the text, all before the 发布时间; comments after', () => {
    const h = html('zhucun-rizhi-duoge-riqi-hang');
    const d = defOf('zhucun-rizhi-duoge-riqi-hang');
    expect(d.paragraphs.filter((p) => /^5月\d+日\u3000星期/.test(p))).toHaveLength(5);
    expect(h.match(/<p class="day">/g)).toHaveLength(5);
    expect(h).toContain('<span>发布时间：2024-05-16</span>');
    expect(h.indexOf('<div class="cmt">')).toBeGreaterThan(h.indexOf(d.paragraphs.at(-1)!));
  });

  it('招商项目推介: a 项目概况 box above the text, a 联系人 card and project cards with 总投资 beside it', () => {
    const h = html('zhaoshang-xiangmu-tuijie-gaikuang-kapian');
    const d = defOf('zhaoshang-xiangmu-tuijie-gaikuang-kapian');
    expect(h.indexOf('<div class="xm-box">')).toBeLessThan(h.indexOf(d.paragraphs[1]!));
    expect(between(h, '<ul class="xm-cards">', '</ul>').match(/总投资：<span class="amt">/g)).toHaveLength(6);
    expect(d.paragraphs.filter((p) => /^[一二三四五]、/.test(p))).toHaveLength(5);
  });

  it('健康科普: a 审核专家 card before the text, 参考文献 end the text, a 免责声明 box after it', () => {
    const h = html('jiankang-kepu-shenhe-zhuanjia-cankao-wenxian');
    const d = defOf('jiankang-kepu-shenhe-zhuanjia-cankao-wenxian');
    expect(h.indexOf('<div class="expert">')).toBeLessThan(h.indexOf(d.paragraphs[0]!));
    expect(d.paragraphs.slice(-3)[0]).toBe('参考文献：');
    expect(h.indexOf('<div class="mianze">')).toBeGreaterThan(h.indexOf(d.paragraphs.at(-1)!));
  });
});
