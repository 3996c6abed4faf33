/**
 * The twentieth outside Chinese set (tests/fixtures/cms-outside20) is what its generator writes,
 * and is well formed: every expected title, line, 来源 and chrome string is on its page, no
 * expected line holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE20_DIR, OUTSIDE20_PAGES, buildAll } from '../fixtures/cms-outside20/generate';

const SET = outsideSet({
  dir: OUTSIDE20_DIR,
  defs: OUTSIDE20_PAGES,
  buildAll,
  count: 12,
  // More than 15 KB and less than 60 KB.
  bytes: { min: 15 * 1024 + 1, max: 60 * 1024 - 1 },
});
const { defOf, html, bytes } = outsidePages(SET);

describe('twentieth outside Chinese pages (cms-outside20)', () => {
  checkOutsideSet(SET);

  it('网页存档: the archive toolbar and banner before the page, capture dates later than the page date, every link rewritten, trailer comments', () => {
    const h = html('cundang-kuaizhao-toolbar-capture-date');
    const d = defOf('cundang-kuaizhao-toolbar-capture-date');
    expect(d.url).toMatch(/\/web\/20250106083012\/https:\/\/www\.example-hxq\.gov\.cn\//);
    expect(h.indexOf('<div id="wm-ipp-base"')).toBeLessThan(h.indexOf('<h1'));
    expect(between(h, '<div id="wm-ipp-base"', '<!-- END ARCHIVE TOOLBAR -->')).toContain('存档时间：2025-01-06 08:30:12');
    expect(h).toContain('<span>发布时间：2024-09-23 16:40</span>');
    expect(h).not.toMatch(/(?:href|src)="https:\/\/www\.example-hxq\.gov\.cn/);
    expect(h.match(/href="\/web\/20250106083012\/https:\/\/www\.example-hxq\.gov\.cn/g)!.length).toBeGreaterThan(30);
    expect(h.trimEnd()).toMatch(/<\/html>\n<!--\n\s+FILE ARCHIVED ON[\s\S]+-->$/);
  });

  it('博物馆 藏品: a 基本信息 table with 年代 and 藏品来源 above the description; 信息来源 under the title', () => {
    const h = html('bowuguan-cangpin-jiben-xinxi-laiyuan');
    const d = defOf('bowuguan-cangpin-jiben-xinxi-laiyuan');
    expect(h.indexOf('<tr><th>藏品来源</th><td>1983年湖西县窑址出土</td></tr>')).toBeLessThan(h.indexOf(d.paragraphs[0]!));
    expect(h).toContain(`<span>信息来源：${d.origin}</span>`);
    expect(between(h, '<table class="cp-table">', '</table>').match(/<tr>/g)).toHaveLength(8);
  });

  it('农技 问答: 问/答 lines in the text; an expert card after it and six in 专家在线; a 农资价格 table', () => {
    const h = html('nongji-wenda-zhuanjia-kapian');
    const d = defOf('nongji-wenda-zhuanjia-kapian');
    expect(d.paragraphs.filter((p) => p.startsWith('问：'))).toHaveLength(3);
    expect(d.paragraphs.filter((p) => p.startsWith('答：'))).toHaveLength(3);
    expect(h.indexOf('<div class="hd">本期专家</div>')).toBeGreaterThan(h.indexOf(d.paragraphs.at(-1)!));
    expect(between(h, '<ul class="expert-list">', '</ul>').match(/<li>/g)).toHaveLength(6);
  });

  it('读书会 书评: two book excerpts in <blockquote>s are body lines; a 图书信息 card with an older 出版时间 before the text', () => {
    const h = html('dushuhui-shuping-yinwen-shuxinxi');
    const d = defOf('dushuhui-shuping-yinwen-shuxinxi');
    const quotes = [...h.matchAll(/<blockquote><p>([^<]+)<\/p><\/blockquote>/g)].map((m) => m[1]);
    expect(quotes).toHaveLength(2);
    for (const q of quotes) expect(d.paragraphs).toContain(q);
    expect(h.indexOf('<p>出版时间：2021年6月</p>')).toBeLessThan(h.indexOf('<div class="lib-content"'));
  });

  it('香港 同鄉會: Big5 bytes, a big5 meta and a bare header; Traditional 發佈日期 with slashes and 來源', () => {
    const d = defOf('xianggang-tongxianghui-big5-huixun');
    expect(d.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes('xianggang-tongxianghui-big5-huixun'))).toThrow();
    const h = html('xianggang-tongxianghui-big5-huixun');
    expect(h).toContain('<meta http-equiv="Content-Type" content="text/html; charset=big5">');
    expect(h).toContain(`發佈日期：2024/10/2\u3000\u3000來源：${d.origin}`);
    expect(h).not.toMatch(/<h[1-6][\s>]/);
  });

  it('放假通知: dates all through the text, the 落款 two days before publication, 发布单位 as the only 来源 label', () => {
    const h = html('gaoxiao-fangjia-tongzhi-riqi-hang');
    const d = defOf('gaoxiao-fangjia-tongzhi-riqi-hang');
    expect(d.paragraphs.join('').match(/\d+月\d+日/g)!.length).toBeGreaterThanOrEqual(5);
    expect(d.paragraphs.at(-1)).toBe('2024年12月18日');
    expect(h).toContain(`发布单位：${d.origin}`);
    expect(visible(h)).not.toContain('来源');
  });

  it('停电公告: the outage table rows (dated after publication) are body lines; a 停电查询 box and earlier notices beside', () => {
    const h = html('gongdian-tingdian-gonggao-biao');
    const d = defOf('gongdian-tingdian-gonggao-biao');
    const rows = between(h, '<table class="td-table"', '</table>').match(/<tr><td>/g);
    expect(rows).toHaveLength(5);
    expect(d.paragraphs.filter((p) => /^11月(1[89]|2[0-2])日 /.test(p))).toHaveLength(5);
    expect(h).toContain('<input type="text" name="hh" placeholder="请输入户号" />');
  });

  it('讣告: a greyed page; death, birth and farewell dates in the text; the 治丧小组 落款 a day earlier; dated 悼念 messages after', () => {
    const h = html('gaoxiao-fugao-huise-daonian-liuyan');
    const d = defOf('gaoxiao-fugao-huise-daonian-liuyan');
    expect(h).toContain('filter:grayscale(100%)');
    expect(d.paragraphs.at(-1)).toBe('2024年10月27日');
    expect(between(h, '<ul class="msgs">', '</ul>').match(/<span>2024-10-28 \d\d:\d\d<\/span>/g)).toHaveLength(6);
    expect(h.indexOf('网上悼念')).toBeGreaterThan(h.indexOf(d.paragraphs.at(-1)!));
  });

  it('以案说法: 【…】 section heads as bold lines, the 法条 in <blockquote>s, meta PubDate / ContentSource', () => {
    const h = html('sifaju-yian-shuofa-fatiao-lianjie');
    const d = defOf('sifaju-yian-shuofa-fatiao-lianjie');
    expect(h.match(/<p><strong>【[^】]+】<\/strong><\/p>/g)).toHaveLength(3);
    expect(h.match(/<blockquote><p>《中华人民共和国民法典》/g)).toHaveLength(2);
    expect(h).toContain(`<meta name="ContentSource" content="${d.origin}" />`);
  });

  it('学会 征文通知: 一、… heads, dates months after publication, 落款 earlier; 附件 links after the text', () => {
    const h = html('xuehui-zhengwen-tongzhi-jiezhi-huizhi');
    const d = defOf('xuehui-zhengwen-tongzhi-jiezhi-huizhi');
    expect(d.paragraphs.filter((p) => /^[一二三四五]、/.test(p))).toHaveLength(5);
    expect(d.paragraphs.some((p) => p.includes('2025年3月31日'))).toBe(true);
    expect(d.paragraphs.at(-1)).toBe('2024年11月28日');
    expect(h.indexOf('<div class="xh-attach">')).toBeGreaterThan(h.indexOf(d.paragraphs.at(-1)!));
  });

  it('微博 正文: a generic <title>, the headline as the 【…】 opening of the text, 来自 naming the device, counts and dated comments after', () => {
    const h = html('weibo-zhengwen-zhengwu-laizi-shebei');
    const d = defOf('weibo-zhengwen-zhengwu-laizi-shebei');
    expect(h).toContain('<title>微博正文 - 微博</title>');
    expect(h).toContain(`<div class="weibo-text">【${d.title}】${d.paragraphs[0]}<br />`);
    expect(h).toContain('<span class="time">2024-7-12 18:05</span><span class="from">来自 iPhone客户端</span>');
    expect(h).toContain('"created_at":"Fri Jul 12 18:05:31 +0800 2024"');
    expect(h).not.toMatch(/<h1|<h2/);
    expect(h.match(/<span class="time">7-12 \d\d:\d\d<\/span>/g)).toHaveLength(6);
  });

  it('党员教育 课件: 课程简介 one tab among 课程目录 and 学员评价; 上线时间 and 课程来源 in the course box; a 考试 link', () => {
    const h = html('dangyuan-kejian-kecheng-mulu-xueshi');
    const d = defOf('dangyuan-kejian-kecheng-mulu-xueshi');
    expect(h).toContain('<li>上线时间：2024-06-20</li>');
    expect(h).toContain(`<li>课程来源：${d.origin}</li>`);
    expect(between(h, '<ol class="lessons">', '</ol>').match(/<li>/g)).toHaveLength(5);
    expect(h).toContain('href="/exam/course/4418"');
    expect(h.indexOf('<div class="tab-pane on" id="jj">')).toBeLessThan(h.indexOf(d.paragraphs[0]!));
  });
});
