/**
 * The twenty-second outside Chinese set (tests/fixtures/cms-outside22) is what its generator writes,
 * and is well formed: every expected title, line, 来源 and chrome string is on its page, no
 * expected line holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE22_DIR, OUTSIDE22_PAGES, buildAll } from '../fixtures/cms-outside22/generate';

const SET = outsideSet({
  dir: OUTSIDE22_DIR,
  defs: OUTSIDE22_PAGES,
  buildAll,
  count: 12,
  // More than 15 KB and less than 60 KB.
  bytes: { min: 15 * 1024 + 1, max: 60 * 1024 - 1 },
});
const { defOf, html, bytes } = outsidePages(SET);

describe('twenty-second outside Chinese pages (cms-outside22)', () => {
  checkOutsideSet(SET);

  it('述职述廉报告: the report date line and 述职人 line open the text; a 民主测评 form with a later 截止 date after it', () => {
    const h = html('shuzhi-shulian-baogao-minzhu-ceping');
    const d = defOf('shuzhi-shulian-baogao-minzhu-ceping');
    expect(d.paragraphs[0]).toMatch(/^——2025年1月16日/);
    expect(d.paragraphs[1]).toMatch(/局长\u3000郑广川$/);
    expect(h.indexOf('<form class="ceping"')).toBeGreaterThan(h.indexOf(d.paragraphs.at(-1)!));
    expect(between(h, '<form class="ceping"', '</form>')).toContain('测评截止：2025年1月27日');
    expect(h).toContain('发布时间：2025-01-20 15:04');
    expect(h.match(/述职述廉报告<\/a><span class="date">20\d\d-01-\d\d<\/span>/g)).toHaveLength(3);
  });

  it('党课讲稿: a video card and 授课人 card before the text; 思考题 (three numbered lines) end the text; a 延伸阅读 list after', () => {
    const h = html('dangke-jianggao-sikaoti-yanshen-yuedu');
    const d = defOf('dangke-jianggao-sikaoti-yanshen-yuedu');
    const i = d.paragraphs.indexOf('思考题');
    expect(d.paragraphs.slice(i + 1).every((p) => /^\d\. /.test(p))).toBe(true);
    expect(d.paragraphs.length - i - 1).toBe(3);
    expect(h.indexOf('<div class="dk-video">')).toBeLessThan(h.indexOf(d.paragraphs[0]!));
    expect(h.indexOf('<div class="dk-teacher">')).toBeLessThan(h.indexOf(d.paragraphs[0]!));
    expect(between(h, '<div class="yanshen">', '</ul>').match(/<li>/g)).toHaveLength(8);
    expect(h.indexOf('<div class="yanshen">')).toBeGreaterThan(h.indexOf(d.paragraphs.at(-1)!));
  });

  it('flipbook: the text layer is four pages, each with a running head and a page number; 发布于 date; no 来源', () => {
    const h = html('flipbook-dianzikan-wenziceng-yemei');
    const d = defOf('flipbook-dianzikan-wenziceng-yemei');
    const layer = between(h, '<div class="fb-text" id="textLayer"', '<div class="fb-thumbs"');
    expect(layer.match(/<div class="fb-page" data-page="\d">/g)).toHaveLength(4);
    expect(layer.match(/<div class="run-head">/g)).toHaveLength(4);
    expect(layer.match(/<div class="page-no">— \d —<\/div>/g)).toHaveLength(4);
    expect(h).toContain('发布于 2024-08-30');
    expect(d.origin).toBeNull();
    expect(visible(h)).not.toMatch(/来源/);
  });

  it('信息公开年度报告: the prescribed tables (rowspan and colspan heads) whose rows are body lines; a 统计期限 of the year before', () => {
    const h = html('xinxi-gongkai-niandu-baogao-tongji-biao');
    const d = defOf('xinxi-gongkai-niandu-baogao-tongji-biao');
    expect(h.match(/<table class="sj">/g)).toHaveLength(3);
    expect(h).toContain('<td rowspan="5">三、本年度办理结果</td>');
    expect(d.paragraphs).toContain('（二）部分公开 12 2 14');
    expect(d.paragraphs[0]).toContain('自2024年1月1日起至2024年12月31日止');
    expect(between(h, '<table class="xxgk-meta">', '</table>')).toContain('<td>2025-01-24</td>');
  });

  it('英烈档案: a 基本信息 table with 1921 and 1947 dates; dated 寄语 after publication; a 资料来源 line ends the text', () => {
    const h = html('yinglie-dangan-jibenxinxi-wangshang-jisao');
    const d = defOf('yinglie-dangan-jibenxinxi-wangshang-jisao');
    const base = between(h, '<table class="yl-base">', '</table>');
    expect(base).toContain('<td>1921年5月</td>');
    expect(base).toContain('<td>1947年11月</td>');
    expect(between(h, '<div class="jiyu">', '</ul>').match(/<span class="t">2024-04-0\d/g)).toHaveLength(10);
    expect(d.paragraphs.at(-1)).toMatch(/^（资料来源：/);
    expect(h).toContain(`来源：${d.origin}`);
  });

  it('村务公开: GBK bytes with a gbk meta and a bare header; 收入/支出 tables dated in the quarter before; a 落款 two days before', () => {
    const d = defOf('cunwu-gongkai-caiwu-shouzhi-gbk');
    expect(d.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes('cunwu-gongkai-caiwu-shouzhi-gbk'))).toThrow();
    const h = html('cunwu-gongkai-caiwu-shouzhi-gbk');
    expect(h).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gbk">');
    expect(d.paragraphs.filter((p) => /^2024-0[789]-\d\d /.test(p))).toHaveLength(10);
    expect(d.paragraphs.at(-1)).toBe('2024年10月8日');
    expect(h).toContain('发布时间：2024-10-10 8:42:17');
    expect(h).not.toMatch(/<h[1-6][\s>]/);
  });

  it('征地预公告: a 文号 line first, four 四至 lines, a 落款 the day before; a list of sibling 预公告 with the same title but the number', () => {
    const h = html('zhengdi-yugonggao-sizhi-wenhao');
    const d = defOf('zhengdi-yugonggao-sizhi-wenhao');
    expect(d.paragraphs[0]).toBe('桐征预〔2024〕17号');
    expect(d.paragraphs.filter((p) => /^[东南西北]至：/.test(p))).toHaveLength(4);
    expect(d.paragraphs.slice(-2)).toEqual(['桐湾市人民政府', '2024年6月11日']);
    expect(h.match(/桐湾市人民政府征收土地预公告（桐征预〔2024〕\d+号）<\/a>/g)).toHaveLength(10);
    expect(h.indexOf('<div class="fj">')).toBeGreaterThan(h.indexOf(d.paragraphs.at(-1)!));
  });

  it('会议通知: GB2312 and a bare header; meeting dates after publication; the 回执 after the 落款 with a header row and blank rows', () => {
    const d = defOf('huiyi-tongzhi-canhui-huizhi-gb2312');
    expect(d.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes('huiyi-tongzhi-canhui-huizhi-gb2312'))).toThrow();
    const h = html('huiyi-tongzhi-canhui-huizhi-gb2312');
    expect(h).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    expect(d.paragraphs).toContain('2024年11月20日至22日，共3天（20日上午报到）。');
    const table = between(h, '<table class="huizhi"', '</table>');
    expect(table.match(/<tr><td>&nbsp;<\/td>/g)).toHaveLength(5);
    expect(h.indexOf('<table class="huizhi"')).toBeGreaterThan(h.indexOf('2024年11月6日'));
    expect(d.paragraphs.at(-1)).toBe('单位 姓名 性别 职务 手机号码 是否住宿');
  });

  it('调研报告: circled marks as <sup> in the text, a 课题组成员/执笔 line, then a 注释 block after a rule; 作者 is a 课题组', () => {
    const h = html('diaoyan-baogao-ketizu-zhushi-zhibi');
    const d = defOf('diaoyan-baogao-ketizu-zhushi-zhibi');
    expect(h.match(/<sup>[①②]<\/sup>/g)).toHaveLength(2);
    expect(between(h, '<div class="zhushi">', '</div>').match(/<p>[①②注]/g)).toHaveLength(3);
    expect(d.paragraphs.find((p) => p.includes('执笔：'))).toBeDefined();
    expect(h).toContain('作者：市委政研室课题组');
  });

  it('帮助中心: steps in an <ol>, a 提示 callout, <time> with a UTC datetime and local text, a vote widget and no 来源', () => {
    const h = html('bangzhu-zhongxin-buzhou-youbangzhu');
    const d = defOf('bangzhu-zhongxin-buzhou-youbangzhu');
    expect(between(h, '<div class="article-body">', '</ol>').match(/<li>/g)).toHaveLength(5);
    expect(h).toContain(
      '<time datetime="2024-09-03T02:15:47Z" title="2024-09-03 10:15" data-datetime="calendar">2024年9月3日 10:15</time>',
    );
    expect(h).toContain('<div class="callout"><p><strong>提示：</strong>');
    expect(d.origin).toBeNull();
    expect(visible(h)).not.toMatch(/来源/);
  });

  it('警情通报: the one-word title every notice in the side list shares, a 时许 text and a 落款 of the same day', () => {
    const h = html('jingqing-tongbao-tongming-liebiao');
    const d = defOf('jingqing-tongbao-tongming-liebiao');
    expect(d.title).toBe('警情通报');
    expect(between(h, '<ul class="jq-list">', '</ul>').match(/>警情通报<\/a><span class="date">2024-0\d-\d\d<\/span>/g)).toHaveLength(10);
    expect(d.paragraphs[0]).toMatch(/^2024年7月13日19时许/);
    expect(d.paragraphs.at(-1)).toBe('2024年7月14日');
  });

  it('景区介绍: a 基本信息 box with 开放时间 and 门票 beside the text, an 更新时间 as the only date, a 游玩贴士 list, 图集 captions', () => {
    const h = html('jingqu-jieshao-jibenxinxi-youwan-tieshi');
    const d = defOf('jingqu-jieshao-jibenxinxi-youwan-tieshi');
    expect(h.indexOf('<div class="jq-info">')).toBeLessThan(h.indexOf(d.paragraphs[0]!));
    expect(h).toContain('更新时间：2024-05-11');
    expect(visible(h)).not.toMatch(/发布(时间|日期)/);
    expect(d.paragraphs.filter((p) => /^\d\. /.test(p))).toHaveLength(3);
    expect(h.match(/<figcaption>/g)).toHaveLength(6);
  });
});
