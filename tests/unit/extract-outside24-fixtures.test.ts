/**
 * The twenty-fourth outside Chinese set (tests/fixtures/cms-outside24) is what its generator writes,
 * and is well formed: every expected title, line, 来源 and chrome string is on its page, no
 * expected line holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE24_DIR, OUTSIDE24_PAGES, buildAll } from '../fixtures/cms-outside24/generate';

const SET = outsideSet({
  dir: OUTSIDE24_DIR,
  defs: OUTSIDE24_PAGES,
  buildAll,
  count: 12,
  // More than 15 KB and less than 60 KB.
  bytes: { min: 15 * 1024 + 1, max: 60 * 1024 - 1 },
});
const { defOf, html, bytes } = outsidePages(SET);

describe('twenty-fourth outside Chinese pages (cms-outside24)', () => {
  checkOutsideSet(SET);

  it('水情通报: a 站点水位 table in the text, a 实时水情 table beside it with later readings, credits under the text', () => {
    const h = html('shuiqing-tongbao-zhandian-shuiwei-biao');
    const d = defOf('shuiqing-tongbao-zhandian-shuiwei-biao');
    expect(between(h, '<table class="sq-table"', '</table>').match(/<tr>/g)).toHaveLength(6);
    expect(between(h, '<table class="live">', '</table>').match(/07-03 09:00/g)).toHaveLength(4);
    expect(d.paragraphs).toContain('站名 河名 水位（米） 警戒水位（米） 24小时涨幅（米）');
    expect(h).toContain('<p style="text-align:right;">预报员：郭立新　　审核：陈雨桐　　签发：蒋明远</p>');
    expect(h.match(/溱川市水情通报（2024年第\d+期）<\/a>/g)).toHaveLength(8);
  });

  it('委员风采: a 委员简介 card between the metadata and the text, a photo caption inside the text div', () => {
    const h = html('weiyuan-fengcai-jianjie-kuang-tuzhu');
    const d = defOf('weiyuan-fengcai-jianjie-kuang-tuzhu');
    expect(h.indexOf('<div class="wy-card">')).toBeLessThan(h.indexOf(d.paragraphs[0]!));
    expect(h.indexOf('<div class="wy-card">')).toBeGreaterThan(h.indexOf('发布时间：2024-06-12'));
    const con = between(h, '<div class="article-con">', '</div>');
    expect(con).toContain('<p class="img-desc"');
    expect(d.paragraphs.some((p) => p.includes('右二'))).toBe(false);
  });

  it('交通管制 通告: text dates after the 发布时间, a timed 路况 ticker above the title, a 落款 of unit and date', () => {
    const h = html('jiaotong-guanzhi-tonggao-raoxing-luokuan');
    const d = defOf('jiaotong-guanzhi-tonggao-raoxing-luokuan');
    expect(d.paragraphs[2]).toBe('2024年8月10日0时至2024年10月31日24时。');
    expect(d.paragraphs.slice(-2)).toEqual(['溱川市公安局', '2024年8月6日']);
    expect(h.indexOf('<marquee')).toBeLessThan(h.indexOf('<h1'));
    expect(between(h, '<marquee', '</marquee>').match(/【8月6日\d\d:\d\d】/g)).toHaveLength(3);
    expect(h).toContain('alt="蒲河大桥交通管制绕行示意图"');
  });

  it('价格监测 周报: the week in the title, an 8-row 均价 table, chart data in a script, six same-pattern 往期 titles', () => {
    const h = html('jiage-jiance-zhoubao-junjia-biao-tubiao');
    const d = defOf('jiage-jiance-zhoubao-junjia-biao-tubiao');
    expect(d.title).toContain('（7月1日—7月7日）');
    expect(between(h, '<table class="jg-table"', '</table>').match(/<tr>/g)).toHaveLength(8);
    expect(between(h, 'var priceSeries = ', '</script>')).toContain('"veg":[2.86,2.95,3.04,3.18]');
    expect(h.match(/周（\d+月\d+日—\d+月\d+日）主要农副产品价格监测周报<\/a>/g)).toHaveLength(6);
  });

  it('环评 受理公示: GBK with a gbk meta and a bare header, no h-tag, a project table with 受理日期 before publication, 附件 after', () => {
    const name = 'huanping-shouli-gongshi-xiangmu-biao-gbk';
    const d = defOf(name);
    expect(d.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes(name))).toThrow();
    const h = html(name);
    expect(h).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gbk" />');
    expect(h).not.toMatch(/<h[1-6][\s>]/);
    expect(h).toContain(`<td class="newstitle">${d.title}</td>`);
    expect(d.paragraphs.filter((p) => / 2024-08-\d\d$/.test(p))).toHaveLength(3);
    expect(h.indexOf('<td class="fujian">')).toBeGreaterThan(h.indexOf('通讯地址：'));
  });

  it('执行悬赏公告: case numbers in the text, a 落款 in 〇-numerals the day before the 发布时间, a 失信 list of names', () => {
    const h = html('fayuan-zhixing-xuanshang-gonggao-anhao');
    const d = defOf('fayuan-zhixing-xuanshang-gonggao-anhao');
    expect(d.paragraphs[0]).toContain('（2024）溱0102执1152号');
    expect(d.paragraphs.at(-1)).toBe('二〇二四年十月十四日');
    expect(h).toContain('发布时间：2024-10-15 11:02:19');
    expect(h.indexOf('来源：执行局')).toBeLessThan(h.indexOf('发布时间：2024-10-15'));
    expect(between(h, '<span>失信被执行人名单</span>', '</ul>').match(/<li>/g)).toHaveLength(6);
  });

  it('辟谣: a 辟谣 badge and 辟谣来源 beside 来源, 【网传】/【真相】 boxes, a screenshot, a ranked 辟谣榜', () => {
    const h = html('piyao-wangchuan-zhenxiang-piyaobang');
    const d = defOf('piyao-wangchuan-zhenxiang-piyaobang');
    const meta = between(h, '<div class="py-meta">', '</div>');
    expect(meta).toContain('辟谣来源：溱川市水务集团');
    expect(meta).toContain(`来源：${d.origin}`);
    expect(d.paragraphs[0]).toMatch(/^【网传】/);
    expect(d.paragraphs[1]).toMatch(/^【真相】/);
    expect(between(h, '<div class="py-wangchuan">', '</div></div>')).toContain('alt="网传截图"');
    expect(between(h, '<h3>辟谣榜</h3>', '</ul>').match(/class="py-rank/g)).toHaveLength(8);
  });

  it('拟接收预备党员公示: a 7-column 名单 with three 年月 columns, 公示时间 after, a 落款', () => {
    const h = html('yubei-dangyuan-jieshou-gongshi-mingdan-biao');
    const d = defOf('yubei-dangyuan-jieshou-gongshi-mingdan-biao');
    const t = between(h, '<table class="gs-table"', '</table>');
    expect(t.match(/<tr>/g)).toHaveLength(7);
    expect(t.match(/<th>/g)).toHaveLength(7);
    expect(d.paragraphs.filter((p) => /(\d{4}年\d+月.*){3}/.test(p))).toHaveLength(6);
    expect(d.paragraphs.slice(-2)).toEqual(['党委组织部', '2024年5月27日']);
  });

  it('地震速报: two short paragraphs and a 参数 table on a page of eight same-pattern 速报 titles and five times its text in chrome', () => {
    const h = html('dizhen-zhengshi-sukuai-canshu-biao');
    const d = defOf('dizhen-zhengshi-sukuai-canshu-biao');
    expect(d.paragraphs.join('').length).toBeLessThan(250);
    expect(between(h, '<table class="dz-table"', '</table>').match(/<tr>/g)).toHaveLength(2);
    expect(h.match(/发生\d\.\d级地震<\/a>/g)).toHaveLength(8);
    expect(visible(h).length).toBeGreaterThan(5 * d.paragraphs.join('').length);
  });

  it('人事任免: GBK with a gbk meta and a bare header, no h-tag, the 文号 in its own row above the text, 任命/免去 lines', () => {
    const name = 'renshi-renmian-tongzhi-wenhao-ziduan-gbk';
    const d = defOf(name);
    expect(d.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes(name))).toThrow();
    const h = html(name);
    expect(h).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gbk">');
    expect(h).not.toMatch(/<h[1-6][\s>]/);
    expect(h.indexOf('<td class="wh">文号：沅政人〔2024〕9号</td>')).toBeLessThan(h.indexOf(d.paragraphs[0]!));
    expect(d.paragraphs.filter((p) => /^(任命|免去)/.test(p))).toHaveLength(5);
    expect(h).toContain('更新时间：2024-7-19 16:48:02');
  });

  it('优秀习作: a five-character title, 作者 (班级) and 指导教师 in the meta row, 【教师点评】 after the essay, comments', () => {
    const h = html('xiaoyuan-youxiu-xizuo-jiaoshi-dianping');
    const d = defOf('xiaoyuan-youxiu-xizuo-jiaoshi-dianping');
    expect(d.title).toHaveLength(6);
    expect(between(h, '<div class="essay-meta">', '</div>')).toContain('指导教师：罗文静');
    expect(d.paragraphs.at(-2)).toBe('【教师点评】');
    expect(h.indexOf('<div class="dp">')).toBeGreaterThan(h.indexOf(d.paragraphs[5]!));
    expect(between(h, '<ul class="cm-list">', '</ul>').match(/<li>/g)).toHaveLength(6);
  });

  it('答辩公告: a label | value table and a 答辩委员会 table make the text, the 答辩 date after publication', () => {
    const h = html('xuewei-lunwen-dabian-gonggao-weiyuanhui-biao');
    const d = defOf('xuewei-lunwen-dabian-gonggao-weiyuanhui-biao');
    expect(between(h, '<table class="db-info"', '</table>')).not.toContain('<th>');
    expect(d.paragraphs[0]).toBe('答辩人 梁书航');
    expect(d.paragraphs).toContain('答辩时间 2024年5月28日（星期二）14:30');
    expect(between(h, '<table class="db-wyh"', '</table>').match(/<tr>/g)).toHaveLength(7);
    expect(h.match(/学位论文答辩公告（[^）]+）<\/a>/g)).toHaveLength(5);
  });
});
