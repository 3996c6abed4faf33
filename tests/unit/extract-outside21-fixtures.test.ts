/**
 * The twenty-first outside Chinese set (tests/fixtures/cms-outside21) is what its generator writes,
 * and is well formed: every expected title, line, 来源 and chrome string is on its page, no
 * expected line holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE21_DIR, OUTSIDE21_PAGES, buildAll } from '../fixtures/cms-outside21/generate';

const SET = outsideSet({
  dir: OUTSIDE21_DIR,
  defs: OUTSIDE21_PAGES,
  buildAll,
  count: 12,
  // More than 15 KB and less than 60 KB.
  bytes: { min: 15 * 1024 + 1, max: 60 * 1024 - 1 },
});
const { defOf, html, bytes } = outsidePages(SET);

describe('twenty-first outside Chinese pages (cms-outside21)', () => {
  checkOutsideSet(SET);

  it('大事记: every entry but the closing note opens with a 月日 date of the month before publication; other months beside', () => {
    const h = html('dashiji-yuedu-riqi-tiaomu');
    const d = defOf('dashiji-yuedu-riqi-tiaomu');
    const dated = d.paragraphs.filter((p) => /^8月\d+日\u3000/.test(p));
    expect(dated).toHaveLength(d.paragraphs.length - 1);
    expect(h).toContain('<p><strong>8月1日</strong>\u3000县委常委会');
    expect(h).toContain('<span>发布时间：2024-09-06 10:15</span>');
    expect(between(h, '<h3>大事记</h3>', '</ul>').match(/<span>20\d\d-\d\d-\d\d<\/span>/g)).toHaveLength(8);
  });

  it('倡议书: a 称呼 line, 一、… items, two units and a date in the 落款 a day before publication; a 签名 form and counter', () => {
    const h = html('changyishu-wenmingban-luokuan-qianming');
    const d = defOf('changyishu-wenmingban-luokuan-qianming');
    expect(d.paragraphs[0]).toMatch(/：$/);
    expect(d.paragraphs.filter((p) => /^[一二三四]、/.test(p))).toHaveLength(4);
    expect(d.paragraphs.at(-1)).toBe('2024年10月15日');
    expect(h.match(/<p class="luokuan">/g)).toHaveLength(3);
    expect(h).toContain('<input type="text" name="sj" placeholder="手机号码" />');
    expect(h.indexOf('<div class="sign-box">')).toBeGreaterThan(h.indexOf(d.paragraphs.at(-1)!));
  });

  it('巡察整改通报: the last body line holds the 通报’s own phone, 信箱 and e-mail; other phones in the 举报 box and footer', () => {
    const h = html('xuncha-zhenggai-tongbao-lianxi-fangshi');
    const d = defOf('xuncha-zhenggai-tongbao-lianxi-fangshi');
    expect(d.paragraphs.at(-1)).toMatch(/联系电话：.+邮政信箱：.+电子邮箱：/);
    expect(h.match(/信访举报电话：0000-12388/g)).toHaveLength(2);
    expect(h.match(/<p><strong>[一二三]、/g)).toHaveLength(3);
    expect(h).toContain(`<meta name="ContentSource" content="${d.origin}" />`);
  });

  it('表彰决定: GB2312 bytes, an XML declaration and a gb2312 meta, a bare header; the 名单 as table rows in the body', () => {
    const d = defOf('biaozhang-jueding-mingdan-xhtml-gb2312');
    expect(d.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes('biaozhang-jueding-mingdan-xhtml-gb2312'))).toThrow();
    const h = html('biaozhang-jueding-mingdan-xhtml-gb2312');
    expect(h.startsWith('<?xml version="1.0" encoding="gb2312"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"')).toBe(
      true,
    );
    expect(h).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />');
    expect(between(h, '<table class="mingdan"', '</table>').match(/<tr><td class="xm">[^<]/g)).toHaveLength(8);
    expect(d.paragraphs).toContain('周建平 澜坪县自来水公司管网抢修班班长');
    expect(h).not.toMatch(/<h[1-6][\s>]/);
  });

  it('台湾 新聞稿: the date only as 民國 113-10-08, an 更新日期 a day later, ::: accesskey links, 發布單位 as the 來源 label', () => {
    const h = html('taiwan-xinwengao-minguo-riqi-gengxin');
    const d = defOf('taiwan-xinwengao-minguo-riqi-gengxin');
    expect(h).toContain('<span>發布日期：113-10-08</span>');
    expect(h).toContain('<span>更新日期：113-10-09</span>');
    expect(h).toContain(`<span>發布單位：${d.origin}</span>`);
    expect(h).not.toMatch(/2024-10-0[89]|2024年10月/);
    expect(h.match(/accesskey="[UCB]"[^>]*>:::</g)!.length).toBeGreaterThanOrEqual(3);
    expect(visible(h)).not.toMatch(/来源|來源/);
  });

  it('AMP: <html ⚡>, the boilerplate, an amp-sidebar menu before the article, figcaptions, JSON-LD and amp-analytics JSON', () => {
    const h = html('amp-dushibao-sidebar-figcaption');
    expect(h).toContain('<html ⚡ lang="zh-CN">');
    expect(h).toContain('<style amp-boilerplate>');
    expect(h.indexOf('<amp-sidebar')).toBeLessThan(h.indexOf('<h1>'));
    expect(h.match(/<figcaption>/g)).toHaveLength(2);
    expect(h).toContain('"datePublished":"2024-09-12T07:30:00+08:00"');
    expect(h).toContain('<time datetime="2024-09-12T07:30:00+08:00">2024-09-12 07:30</time>');
    expect(h.match(/<amp-analytics/g)).toHaveLength(2);
  });

  it('政府工作报告: a 目录 repeating the three section heads before the text, the 报告 date line first, 名词解释 last', () => {
    const h = html('zhengfu-gongzuo-baogao-mulu-mingci-jieshi');
    const d = defOf('zhengfu-gongzuo-baogao-mulu-mingci-jieshi');
    const toc = between(h, '<div class="bg-toc">', '</div>');
    expect(toc.match(/<a href="#part\d">/g)).toHaveLength(3);
    for (const head of ['一、2023年工作回顾', '二、2024年工作安排', '三、加强政府自身建设']) {
      expect(toc).toContain(head);
      expect(d.paragraphs).toContain(head);
    }
    expect(d.paragraphs[0]).toMatch(/^——2024年1月16日/);
    expect(d.paragraphs.slice(-4)[0]).toBe('名词解释');
    expect(h).toContain('<meta name="PubDate" content="2024-01-22 16:30" />');
  });

  it('发言摘登: the 编者按 in its own box before the content div; four speakers with a bold head and a name line', () => {
    const h = html('fayan-zhaideng-bianzhean-fenkuang');
    const d = defOf('fayan-zhaideng-bianzhean-fenkuang');
    expect(h).toContain(`<div class="bianzhean">${d.paragraphs[0]}</div>`);
    expect(h.indexOf('<div class="bianzhean">')).toBeLessThan(h.indexOf('<div class="TRS_Editor">'));
    expect(
      between(h, '<div class="TRS_Editor">', '<div class="tool">').match(/<p style="text-align:center;text-indent:0"><strong>/g),
    ).toHaveLength(4);
    expect(d.paragraphs.at(-1)).toBe('（根据发言整理，有删节）');
  });

  it('抽检通告: a 不合格 table (header row and four rows dated before publication), 附件 lines and a 落款; a download box after', () => {
    const h = html('choujian-tonggao-buhege-biao-fujian');
    const d = defOf('choujian-tonggao-buhege-biao-fujian');
    expect(between(h, '<table>', '</table>').match(/<tr>/g)).toHaveLength(5);
    expect(d.paragraphs.filter((p) => /^\d \S+ .* 2024-0[6-9]-\d\d /.test(p))).toHaveLength(4);
    expect(d.paragraphs.filter((p) => /^(附件：)?\d\./.test(p))).toHaveLength(3);
    expect(h.indexOf('<div class="fj-box">')).toBeGreaterThan(h.indexOf(d.paragraphs.at(-1)!));
    expect(h).toContain(`文章来源：${d.origin}`);
  });

  it('Coremail 读信: a generic <title>, no h-tag, the subject in a div, 下午3:26 with the weekday; 落款 lines in the letter', () => {
    const h = html('coremail-duxin-fajianren-xiawu');
    const d = defOf('coremail-duxin-fajianren-xiawu');
    expect(h).toContain('<title>Coremail邮件系统</title>');
    expect(h).not.toMatch(/<h[1-6][\s>]/);
    expect(h).toContain(`<div class="rd-subject">${d.title}</div>`);
    expect(h).toContain('<td>2024年10月9日(星期三) 下午3:26</td>');
    expect(d.paragraphs.slice(-2)).toEqual(['集团党委办公室', '2024年10月9日']);
    expect(d.origin).toBeNull();
  });

  it('主题党日 记录: a field table with 会议时间 three days before 发布时间 above the record; 发布组织 as the 来源 label', () => {
    const h = html('zhihui-dangjian-zhutidangri-jilu');
    const d = defOf('zhihui-dangjian-zhutidangri-jilu');
    expect(h).toContain('<title>活动详情 - 智慧党建云平台</title>');
    expect(h).toContain('<td>2024-09-20 14:30 至 2024-09-20 16:30</td>');
    expect(h).toContain(`<span>发布组织：${d.origin}</span><span>发布时间：2024-09-23 17:46</span>`);
    expect(h.indexOf('<table class="fields">')).toBeLessThan(h.indexOf(d.paragraphs[0]!));
    expect(visible(h)).not.toContain('来源');
    expect(h).toContain('window.__INITIAL_STATE__ = {');
  });

  it('投票 page: a generic <title>, the candidate card with votes before the 事迹, voting dates after publication, dated 助力 messages', () => {
    const h = html('zuimei-toupiao-houxuanren-shiji');
    const d = defOf('zuimei-toupiao-houxuanren-shiji');
    expect(h).toContain('<title>2024年桐湾市“最美社区工作者”评选</title>');
    expect(h.indexOf('<p class="votes">已获 3215 票</p>')).toBeLessThan(h.indexOf(d.paragraphs[0]!));
    expect(h).toContain('<p>投票时间：2024年9月1日0:00至9月10日24:00</p>');
    expect(between(h, '<div class="rule msgs">', '</ul>').match(/<span class="t">2024-09-\d\d \d\d:\d\d<\/span>/g)).toHaveLength(12);
    expect(between(h, '<div class="grid">', '</div>').match(/<a href="detail\.html\?pid=/g)).toHaveLength(11);
  });
});
