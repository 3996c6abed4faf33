/**
 * The twenty-fifth outside Chinese set (tests/fixtures/cms-outside25) is what its generator writes,
 * and is well formed: every expected title, line, 来源 and chrome string is on its page, no
 * expected line holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE25_DIR, OUTSIDE25_PAGES, buildAll } from '../fixtures/cms-outside25/generate';

const SET = outsideSet({
  dir: OUTSIDE25_DIR,
  defs: OUTSIDE25_PAGES,
  buildAll,
  count: 12,
  // More than 15 KB and less than 60 KB.
  bytes: { min: 15 * 1024 + 1, max: 60 * 1024 - 1 },
});
const { defOf, html, bytes } = outsidePages(SET);

describe('twenty-fifth outside Chinese pages (cms-outside25)', () => {
  checkOutsideSet(SET);

  it('地名命名公告: a 7-column road table in the text, a 落款 dated before the 发布时间, a 地名查询 form beside it', () => {
    const h = html('diming-mingming-gonggao-daolu-biao');
    const d = defOf('diming-mingming-gonggao-daolu-biao');
    const t = between(h, '<table class="dmtable"', '</table>');
    expect(t.match(/<tr>/g)).toHaveLength(7);
    expect(t.match(/<th>/g)).toHaveLength(7);
    expect(d.paragraphs.slice(-2)).toEqual(['泠川市人民政府', '2024年11月12日']);
    expect(h).toContain('发布时间：2024-11-18 10:30');
    expect(h.indexOf('<form action="/dmcx/search.jsp"')).toBeLessThan(h.indexOf('<h1>'));
    expect(h.match(/关于[^<]*部分道路(?:命名|更名)的公告<\/a>/g)).toHaveLength(3);
  });

  it('价格听证会公告: the 听证会 and 报名 dates after publication, a 直播 预约 box, an 听证专栏 list of same-kind titles', () => {
    const h = html('jiage-tingzheng-gonggao-baoming-tingzhenghui-riqi');
    const d = defOf('jiage-tingzheng-gonggao-baoming-tingzhenghui-riqi');
    expect(d.paragraphs).toContain('时间：2024年12月20日（星期五）上午9:00。');
    expect(d.paragraphs.some((p) => p.startsWith('报名时间：2024年11月26日'))).toBe(true);
    expect(d.publishedAt).toBe('2024-11-25');
    expect(between(h, '<div class="box zhibo">', '</div>')).toContain('已预约 1268 人');
    expect(h.match(/听证会(?:参加人名单|的)?公告<\/a>/g)).toHaveLength(4);
  });

  it('行政复议决定书: an xxgk field table (成文日期 and 发布日期) above the title, 申请人 / 被申请人 lines, a 落款 two weeks earlier', () => {
    const h = html('xingzheng-fuyi-jueding-shu-xxgk-biao');
    const d = defOf('xingzheng-fuyi-jueding-shu-xxgk-biao');
    expect(h.indexOf('<table class="xxgk-meta"')).toBeLessThan(h.indexOf('<h1>'));
    expect(between(h, '<table class="xxgk-meta"', '</table>')).toContain('成文日期：</td><td>2024-09-30');
    expect(d.paragraphs[1]).toMatch(/^申请人：/);
    expect(d.paragraphs[2]).toMatch(/^被申请人：/);
    expect(d.paragraphs.at(-1)).toBe('2024年9月30日');
    expect(h.match(/泠政复(?:决|驳|调)〔2024〕\d+号）<\/a>/g)).toHaveLength(6);
  });

  it('依申请公开 答复书: a 申请 record table above the title, a masked 申请人, a seal image before the 落款', () => {
    const h = html('yishenqing-gongkai-dafushu-shenqing-jilu');
    const d = defOf('yishenqing-gongkai-dafushu-shenqing-jilu');
    expect(h.indexOf('<table width="100%" class="sqjl">')).toBeLessThan(h.indexOf('<h1>'));
    expect(between(h, 'class="sqjl">', '</table>')).toContain('2024-08-02 15:47');
    expect(d.paragraphs[1]).toBe('王**：');
    expect(h.indexOf('alt="政府信息公开专用章"')).toBeLessThan(h.indexOf('>岚台区人民政府办公室</p>'));
    expect(d.paragraphs.slice(-2)).toEqual(['岚台区人民政府办公室', '2024年8月21日']);
  });

  it('土地挂牌出让公告: GB2312 with a gb2312 meta and a bare header, no h-tag, an 8-column 地块 table, 更新时间 in the old style', () => {
    const name = 'tudi-guapai-churang-gonggao-dikuai-biao-gb2312';
    const d = defOf(name);
    expect(d.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes(name))).toThrow();
    const h = html(name);
    expect(h).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    expect(h).not.toMatch(/<h[1-6][\s>]/);
    expect(between(h, '<table class="dk"', '</table>').match(/<th>/g)).toHaveLength(8);
    expect(h).toContain('更新时间：2024-6-25 9:12:40');
    expect(h.match(/桐自然资告字〔2024〕\d+号）<\/a>/g)).toHaveLength(4);
  });

  it('病虫情报: the 期数 in the title, a captioned table, 拟稿 / 审核 credits in the text div, chart data in a script, 5 往期', () => {
    const h = html('bingchong-qingbao-qishu-chongliang-biao');
    const d = defOf('bingchong-qingbao-qishu-chongliang-biao');
    expect(d.title).toMatch(/^2024年第9期病虫情报：/);
    expect(d.paragraphs).toContain('表1　主要测报点田间调查结果（7月15日）');
    expect(between(h, '<table class="bc"', '</table>').match(/<tr>/g)).toHaveLength(5);
    expect(between(h, '<div class="content">', '</div>')).toContain('拟稿：梁晓禾　　审核：方启明');
    expect(d.paragraphs.some((p) => p.includes('拟稿'))).toBe(false);
    expect(between(h, 'var dengData = ', '</script>')).toContain('"feishi":[312,405,566,702,840,910]');
    expect(h.match(/2024年第\d期病虫情报：[^<]+<\/a>/g)).toHaveLength(5);
  });

  it('每周食谱: the week after publication in the title, a 6-row 日期 × 三餐 table, 供应商 and 陪餐 boxes beside it, 往期 of the same pattern', () => {
    const h = html('xuexiao-shitang-meizhou-shipu-biao');
    const d = defOf('xuexiao-shitang-meizhou-shipu-biao');
    expect(d.title).toContain('（6月3日—6月7日）');
    expect(d.publishedAt).toBe('2024-05-31');
    expect(between(h, '<table class="sp"', '</table>').match(/<tr>/g)).toHaveLength(6);
    expect(d.paragraphs[1]).toBe('日期 早餐 午餐 晚餐');
    expect(between(h, '<div class="box pc">', '</div>').match(/陪餐人/g)).toHaveLength(3);
    expect(h.match(/周（\d+月\d+日—\d+月\d+日）学生食堂食谱<\/a>/g)).toHaveLength(5);
  });

  it('领导之窗: a three-character name as the only heading, a 简历 of dated lines, no 来源, tabs of other leaders', () => {
    const h = html('lingdao-zhichuang-jianli-fengong');
    const d = defOf('lingdao-zhichuang-jianli-fengong');
    expect(d.title).toHaveLength(3);
    expect(d.origin).toBeNull();
    expect(h).not.toMatch(/<h1[\s>]/);
    expect(h).toContain(`<h2 class="ld-name">${d.title}</h2>`);
    expect(d.paragraphs.filter((p) => /^\d{4}\.\d\d—/.test(p))).toHaveLength(6);
    expect(h).toContain('更新时间：2024-03-08');
    expect(between(h, '<ul class="ld-list">', '</ul>').match(/<li/g)).toHaveLength(6);
  });

  it('消费提示: 看/问/签/存 heads, the 12315 line last in the text, a 相关链接 row after it, a 维权 figures box', () => {
    const h = html('xiaofei-tishi-yufuka-kan-wen-qian-cun');
    const d = defOf('xiaofei-tishi-yufuka-kan-wen-qian-cun');
    expect(d.paragraphs.filter((p) => /^[一二三四]、“[看问签存]”/.test(p))).toHaveLength(4);
    expect(d.paragraphs.at(-1)).toContain('12315');
    expect(h.indexOf('<div class="xglj">')).toBeGreaterThan(h.indexOf(d.paragraphs.at(-1)!));
    expect(between(h, '<div class="box wq">', '</div>')).toContain('挽回经济损失');
  });

  it('资助政策 十问十答: ten 问 / 答 pairs, a 快速导航 box repeating the questions as anchors', () => {
    const h = html('xuesheng-zizhu-zhengce-shiwen-shida');
    const d = defOf('xuesheng-zizhu-zhengce-shiwen-shida');
    expect(d.paragraphs.filter((p) => /^\d+\.问：/.test(p))).toHaveLength(10);
    expect(d.paragraphs.filter((p) => p.startsWith('答：'))).toHaveLength(10);
    const nav = between(h, '<div class="box kjdh">', '</div>');
    expect(nav.match(/<a href="#q\d+">/g)).toHaveLength(10);
    expect(h.match(/<div class="qa" id="q\d+">/g)).toHaveLength(10);
  });

  it('集体资产招租公告: GBK with a gbk meta and a bare header, no h-tag, 信息来源 before 发布时间, a 标的 table without th', () => {
    const name = 'jiti-zichan-zhaozu-gonggao-biaodi-gbk';
    const d = defOf(name);
    expect(d.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes(name))).toThrow();
    const h = html(name);
    expect(h).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gbk">');
    expect(h).not.toMatch(/<h[1-6][\s>]/);
    expect(h.indexOf('信息来源：镇三资管理服务中心')).toBeLessThan(h.indexOf('发布时间：2024-04-03'));
    const t = between(h, '<table class="bd"', '</table>');
    expect(t).not.toContain('<th>');
    expect(t.match(/<tr>/g)).toHaveLength(4);
    expect(d.paragraphs.slice(-2)).toEqual(['栎山镇三资管理服务中心', '2024年4月2日']);
  });

  it('讲解词: 【单元】 heads, years of the 1930s–40s all through the text, a 参观预约 box and an audio guide', () => {
    const h = html('jinianguan-jiangjieci-zhanting-danyuan');
    const d = defOf('jinianguan-jiangjieci-zhanting-danyuan');
    expect(d.paragraphs.filter((p) => /^【第.单元\u3000/.test(p))).toHaveLength(3);
    expect(d.paragraphs.filter((p) => /19[34]\d年/.test(p)).length).toBeGreaterThanOrEqual(5);
    expect(h.indexOf('<audio')).toBeLessThan(h.indexOf('<div class="content">'));
    expect(visible(between(h, '<div class="box yy">', '</div>'))).toContain('今日余票');
  });
});
