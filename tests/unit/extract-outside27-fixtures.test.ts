/**
 * The twenty-seventh outside Chinese set (tests/fixtures/cms-outside27) is what its generator writes,
 * and is well formed: every expected title, line, 来源 and chrome string is on its page, no
 * expected line holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE27_DIR, OUTSIDE27_PAGES, buildAll } from '../fixtures/cms-outside27/generate';

const SET = outsideSet({
  dir: OUTSIDE27_DIR,
  defs: OUTSIDE27_PAGES,
  buildAll,
  count: 12,
  // More than 15 KB and less than 60 KB.
  bytes: { min: 15 * 1024 + 1, max: 60 * 1024 - 1 },
});
const { defOf, html, bytes } = outsidePages(SET);

const notUtf8 = (name: string): void => {
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes(name))).toThrow();
};

describe('twenty-seventh outside Chinese pages (cms-outside27)', () => {
  checkOutsideSet(SET);

  it('党费收缴公示: an 18-member table with a colspan 合计 row, a 党费 standard box that reads like text beside it, a 落款 the day before', () => {
    const name = 'dangfei-shoujiao-gongshi-jidu-heji-jisuanqi';
    const h = html(name);
    const d = defOf(name);
    const t = between(h, '<table width="100%" border="1" cellspacing="0" cellpadding="4" class="dftable"', '</table>');
    expect(t.match(/<tr>/g)).toHaveLength(20);
    expect(t).toContain('<td colspan="6">合计</td>');
    expect(d.paragraphs.filter((p) => /^\d+ \S+ \d+\.\d\d \d\.\d% \d+\.\d\d 1—3月 \d+\.\d\d/.test(p))).toHaveLength(18);
    expect(d.paragraphs.find((p) => p.startsWith('合计 '))).toMatch(/^合计 \d+\.\d\d$/);
    expect(h.indexOf('<div class="box bz"><h3>党费交纳标准</h3>')).toBeGreaterThan(h.indexOf('<!--<$[信息内容]>end-->'));
    expect(visible(between(h, '<div class="box bz">', '</div></div>'))).toContain('交纳月工资收入的0.5%');
    expect(d.paragraphs.slice(-2)).toEqual(['中共泠川交通投资集团有限公司机关第二支部委员会', '2024年4月9日']);
    expect(h).toContain('<meta name="PubDate" content="2024-04-10 09:12" />');
  });

  it('政府采购意向: a 6-column table of long 需求 cells, purchase months after the page, a 落款 the same day, a TRS_Editor style', () => {
    const name = 'caigou-yixiang-gongkai-xuqiu-gaikuang-trs';
    const h = html(name);
    const d = defOf(name);
    const t = between(h, '<table border="1" cellspacing="0" cellpadding="0" width="100%"', '</table>');
    expect(t.match(/<th>/g)).toHaveLength(6);
    expect(t.match(/<tr>/g)).toHaveLength(8);
    expect(d.paragraphs.filter((p) => /^\d \S+ .{50,} \d+\.\d\d 2024年[678]月/.test(p))).toHaveLength(7);
    expect(h).toContain('.TRS_Editor P{');
    expect(d.url).toContain('/t20240515_');
    expect(h).not.toMatch(/<h[12][\s>]/);
    expect(d.paragraphs.slice(-2)).toEqual(['鹭汀区教育局', '2024年5月15日']);
  });

  it('公积金 政策解读: a Vue SSR page, title in a div, the article again in __INITIAL_STATE__ with escaped markup, a 贷款计算器 aside', () => {
    const name = 'gongjijin-zhengce-jiedu-wuwen-vue-initial-state';
    const h = html(name);
    const d = defOf(name);
    expect(h).toContain('<div id="app" data-server-rendered="true">');
    expect(h).not.toMatch(/<h[12][\s>]/);
    expect(h).toContain(`<div class="detail-title" data-v-5a1f>${d.title}</div>`);
    const stateJson = between(h, 'window.__INITIAL_STATE__=', ';(function(){').slice('window.__INITIAL_STATE__='.length);
    const state = JSON.parse(stateJson) as {
      policy: { detail: { title: string; publishTime: number; content: string } };
    };
    expect(state.policy.detail.title).toBe(d.title);
    // 2024-03-21 15:40 in Beijing time.
    expect(new Date(state.policy.detail.publishTime + 8 * 3600_000).toISOString().slice(0, 10)).toBe(d.publishedAt);
    expect(state.policy.detail.content).toContain('<h3 class="h">一、为什么要调整贷款政策？</h3>');
    expect(stateJson).not.toContain('<');
    expect(d.paragraphs.filter((p) => /^[一二三四五]、.+？$/.test(p))).toHaveLength(5);
    expect(h.indexOf('<h4 data-v-2c81>贷款计算器</h4>')).toBeGreaterThan(h.indexOf('<div class="rich" data-v-5a1f>'));
  });

  it('笔试成绩 公示: GBK with a GBK meta and a bare header, title in a td, four rowspan groups, 缺考 rows, a 考试日历 box', () => {
    const name = 'bishi-chengji-fushen-mingdan-rowspan-jsp-gbk';
    const d = defOf(name);
    expect(d.contentType).toBe('text/html');
    notUtf8(name);
    const h = html(name);
    expect(h).toContain('<meta http-equiv="Content-Type" content="text/html; charset=GBK">');
    expect(h).not.toMatch(/<h[1-6][\s>]/);
    expect(h).toContain(`<tr><td align="center" class="biaoti">${d.title}</td></tr>`);
    expect(h.match(/rowspan="\d"/g)).toHaveLength(8);
    expect(d.paragraphs.filter((p) => /^2024060\d{4} /.test(p))).toHaveLength(30);
    expect(d.paragraphs.filter((p) => p.includes(' 缺考 缺考 '))).toHaveLength(4);
    expect(h).toContain('发布日期：2024-6-3 17:05:22');
    expect(visible(between(h, '考试日历</td></tr>', '</td></tr>\n<tr><td height="30" class="lm">'))).toContain('6月22日 教育系统招聘面试');
  });

  it('拟聘用人员公示: a VSB form, the date bare in timestyle, the unit unlabelled in authorstyle, rowspan groups, a 公示期 from the page’s day', () => {
    const name = 'nipinyong-renyuan-gongshi-vsb-wubiaoqian-danwei';
    const h = html(name);
    const d = defOf(name);
    expect(h).toContain('<form name="_newscontent_fromname">');
    expect(h).toContain('<div class="v_news_content">');
    expect(h).toContain('<span class="timestyle1733926471">2024-07-05 16:20</span>');
    expect(h).toContain('<span class="authorstyle1733926471">人事处&nbsp;</span>');
    expect(h).not.toMatch(/来源[:：]/);
    expect(h).toContain('rowspan="2"');
    expect(h).toContain('rowspan="3"');
    expect(d.paragraphs.filter((p) => /^\d \S+ [男女] \d{4}\.\d\d /.test(p))).toHaveLength(8);
    expect(d.paragraphs).toContain('公示期：2024年7月5日至2024年7月11日（5个工作日）。');
    expect(d.paragraphs.slice(-2)).toEqual(['泠川理工学院人事处', '2024年7月5日']);
  });

  it('青年大学习 通报: a WeChat copy, the date only in script, section heads in nested sections, a ranking sorted by 参学率', () => {
    const name = 'qingnian-daxuexi-canxuelv-paiming-wechat';
    const h = html(name);
    const d = defOf(name);
    expect(h).toContain('<em id="publish_time" class="rich_media_meta rich_media_meta_text"></em>');
    expect(h).toContain('var create_time = "2024-05-21 18:30";');
    expect(visible(h)).not.toMatch(/2024-05-21|2024年5月21日/);
    expect(h).toContain('<a href="javascript:void(0);" id="js_name">鹭汀青年</a>');
    expect(h.match(/<section style="display:inline-block;/g)).toHaveLength(3);
    const rates = d.paragraphs
      .filter((p) => /^\d+ \S+ \d+ \d+ \d+\.\d\d%$/.test(p))
      .map((p) => Number((p.split(' ')[4] ?? '').slice(0, -1)));
    expect(rates).toHaveLength(10);
    expect([...rates].sort((a, b) => b - a)).toEqual(rates);
  });

  it('开庭公告: an ASP.NET form with a long __VIEWSTATE, 12 cases in the week after the page, 发布法院, a side list of same-pattern titles', () => {
    const name = 'fayuan-kaiting-gonggao-paiqi-biao-aspnet';
    const h = html(name);
    const d = defOf(name);
    expect(h).toContain('<form name="aspnetForm" method="post"');
    expect(between(h, 'id="__VIEWSTATE" value="', '"').length).toBeGreaterThan(5000);
    expect(d.paragraphs.filter((p) => /^2024-05-1[3-7] \d\d:\d\d 第\S法庭 （2024）泠0702/.test(p))).toHaveLength(12);
    expect(h).toContain('发布法院：<span id="ctl00_ContentPlaceHolder1_lblCourt">鹭汀区人民法院</span>');
    expect(h).toContain('发布日期：<span id="ctl00_ContentPlaceHolder1_lblDate">2024/5/6</span>');
    expect(between(h, '<div class="box ktgg">', '</ul>').match(/>开庭公告（2024年\d+月\d+日—\d+月\d+日）<\/a>/g)).toHaveLength(8);
  });

  it('中心组 学习计划: four rowspan quarters over 12 month rows, metadata inside the h1, a 落款 days before the page', () => {
    const name = 'zhongxinzu-xuexi-jihua-jidu-rowspan-phpcms';
    const h = html(name);
    const d = defOf(name);
    const t = between(h, '<table class="xxjh"', '</table>');
    expect(t.match(/rowspan="3"/g)).toHaveLength(4);
    expect(t.match(/<tr>/g)).toHaveLength(13);
    expect(d.paragraphs.filter((p) => /^(?:第[一二三四]季度 )?\d+月 /.test(p))).toHaveLength(12);
    expect(h).toContain('<span>2024-01-16 10:05:47&nbsp;&nbsp;&nbsp;来源：局办公室');
    expect(between(h, '<h1>', '</h1>')).toContain(d.title);
    expect(d.paragraphs.slice(-2)).toEqual(['中共泠川市统计局党组', '2024年1月12日']);
  });

  it('应知应会: ten questions, each answer folded by a class that CSS hides, a 查看答案 toggle between them', () => {
    const name = 'yingzhi-yinghui-wenda-zhedie-daan-diguocms';
    const h = html(name);
    const d = defOf(name);
    expect(h).toContain('.hide{display:none}');
    expect(h.match(/<div class="da hide"><p>答：/g)).toHaveLength(10);
    expect(h.match(/onclick="toggleDa\(this\)">查看答案<\/a>/g)).toHaveLength(10);
    const qa = d.paragraphs.slice(1, 21);
    expect(qa.filter((p, i) => (i % 2 === 0 ? /^\d+．/.test(p) : p.startsWith('答：')))).toHaveLength(20);
    expect(h).toContain('时间：2024-05-08 16:12&nbsp;&nbsp;来源：市直机关工委');
  });

  it('校历: GB2312 with a gb2312 meta and a bare header, no h-tag, a 20-week grid of day numbers, a Dreamweaver menu script', () => {
    const name = 'xiaoli-xueqi-zhouci-riqi-wangge-asp-gb2312';
    const d = defOf(name);
    expect(d.contentType).toBe('text/html');
    notUtf8(name);
    const h = html(name);
    expect(h).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    expect(h).not.toMatch(/<h[1-6][\s>]/);
    const weeks = d.paragraphs.filter((p) => /^(?:\d+月 )?\d+ (?:\d+月)?\d+ /.test(p));
    expect(weeks).toHaveLength(20);
    expect(weeks[0]).toBe('9月 1 9月2 3 4 5 6 7 8 9月2日开学注册');
    expect(h).toContain('更新时间：2024-6-28');
    expect(h).toContain('mm_menu_0628_0.writeMenus();');
  });

  it('低保 公示: masked names, the 信息公开 fields above the h1 with a 发文日期 the day before the page, 发布机构 the 来源', () => {
    const name = 'dibao-xinzeng-gongshi-tuoming-xingming-xxgk';
    const h = html(name);
    const d = defOf(name);
    expect(d.paragraphs.filter((p) => /^\d+ \S\*\S? \S+社区 \d \d+ \S+$/.test(p))).toHaveLength(10);
    expect(h.indexOf('<div class="xxgk-meta">')).toBeLessThan(h.indexOf('<h1'));
    expect(h).toContain('<span class="lab">发文日期：</span><span>2024-08-01</span>');
    expect(h).toContain('<span class="lab">发布机构：</span><span>望湄街道办事处</span>');
    expect(h).toContain('<span>发布时间：2024-08-02 09:35</span>');
    expect(d.paragraphs.slice(-2)).toEqual(['望湄街道办事处', '2024年8月1日']);
  });

  it('新书通报: a Next.js page, no 来源, the date in <time>, 12 books of three lines each with the title a link to the catalogue', () => {
    const name = 'tushuguan-xinshu-tongbao-suoshuhao-nextjs-wulaiyuan';
    const h = html(name);
    const d = defOf(name);
    expect(d.origin).toBeNull();
    expect(visible(h)).not.toMatch(/来源|供稿|出处/);
    expect(h).toContain('<time dateTime="2024-05-10T09:00:00+08:00">2024年5月10日</time>');
    expect(h).toContain('<script id="__NEXT_DATA__" type="application/json">');
    expect(h.match(/<li class="book"><h4 class="book-t"><a href="https:\/\/opac\./g)).toHaveLength(12);
    expect(d.paragraphs.filter((p) => /^《.+》$/.test(p))).toHaveLength(12);
    expect(d.paragraphs.filter((p) => p.startsWith('索书号：'))).toHaveLength(12);
  });
});
