/**
 * The sixteenth outside Chinese set (tests/fixtures/cms-outside16) is what its generator writes,
 * and is well formed: every expected title, line, 来源 and chrome string is on its page, no
 * expected line holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE16_DIR, OUTSIDE16_PAGES, buildAll } from '../fixtures/cms-outside16/generate';

const SET = outsideSet({
  dir: OUTSIDE16_DIR,
  defs: OUTSIDE16_PAGES,
  buildAll,
  count: 12,
  // More than 15 KB and less than 60 KB.
  bytes: { min: 15 * 1024 + 1, max: 60 * 1024 - 1 },
});
const { defOf, html, bytes } = outsidePages(SET);

describe('sixteenth outside Chinese pages (cms-outside16)', () => {
  checkOutsideSet(SET);

  it('招聘公告: a 时间安排 table of later dates and 附件 lines in the text; a 相关附件 box with sizes after it', () => {
    const h = html('sydw-zhaopin-shijian-biao-fujian');
    const text = between(h, '<div class="TRS_UEDITOR TRS_WEB">', '<div class="rsj-appendix">');
    expect(text.match(/<tr>/g)).toHaveLength(6);
    expect(text).toContain('2024年9月14日上午');
    expect(text).toMatch(/附件：<a href="\.\/P0202408\d+\.xlsx"/);
    expect(h.indexOf('相关附件')).toBeGreaterThan(h.indexOf('2024年8月19日</p>'));
    expect(h).toContain('<span>发布时间：2024-08-19 17:30</span><span>来源：示例市人力资源和社会保障局</span>');
  });

  it('任前公示: GBK bytes, a table of five people, 公示时间 later than the page date, 落款', () => {
    const d = defOf('renqian-gongshi-ganbu-biao-gbk');
    expect(bytes(d.name).includes(Buffer.from('任职前公示', 'utf8'))).toBe(false);
    const h = html(d.name);
    expect(h).toContain('charset=gbk');
    const text = between(h, '<div class="content" id="content">', '<div class="attach"');
    expect(text.match(/<tr/g)).toHaveLength(6);
    expect(text).toContain('2024年8月22日至8月28日');
    expect(h).toContain('发布时间：2024-08-21 18:00:12 &nbsp;&nbsp; 来源：中共示例市委组织部');
  });

  it('意见征集: 征集单位 the only unit label, 开始时间 / 结束时间 and no 发布/来源 label; a hidden 反馈 pane and a form', () => {
    const h = html('yijian-zhengji-kaishi-jieshu');
    expect(h).not.toMatch(/来源[：:]|发布(?:时间|日期)[：:]/);
    expect(h).toContain('<tr><th>开始时间</th><td>2024-08-15</td><th>结束时间</th><td>2024-09-14</td></tr>');
    expect(h).toContain('<th>征集单位</th><td>示例区城市管理和综合执法局</td>');
    expect(h).toContain('id="tab-fk" style="display:none;"');
    expect(h).toContain('<form id="adviceForm"');
  });

  it('新浪: the 来源 an unlabelled link after the date; 原标题 opens div#article; show_author after the text', () => {
    const h = html('sina-date-source-unlabelled-link');
    expect(h).toContain(
      '<div class="date-source"><span class="date">2024年08月20日 07:31</span><a href="https://www.example-hxrb.com.cn/" class="source ent-source"',
    );
    expect(h).not.toMatch(/来源[：:]/);
    const art = between(h, '<div class="article" id="article">', '<div class="keywords"');
    expect(art.indexOf('原标题：')).toBeLessThan(art.indexOf(defOf('sina-date-source-unlabelled-link').paragraphs[0]!.slice(0, 10)));
    expect(art).toContain('<p class="show_author">责任编辑：');
  });

  it('中新网: date, 来源 and 参与互动 in one line; caption inside left_zw; (完) and the xGv00 comment; 【编辑:】 after', () => {
    const h = html('chinanews-left-zw-wan-bianji');
    expect(h).toContain('<div class="content_left_time">2024年08月20日 18:45　来源：中国新闻网　<a class="cnhudong"');
    const zw = between(h, '<div class="left_zw"', '<div class="left_name">');
    expect(zw).toContain('中新社记者 陈立 摄');
    expect(zw).toContain('<span>(完)</span>');
    expect(zw).toContain('<!--[if !IE]>|xGv00|');
    expect(defOf('chinanews-left-zw-wan-bianji').paragraphs.at(-1)).toMatch(/\(完\)$/);
  });

  it('MetInfo: generator meta, an unlabelled date span and 发布者：admin, met-editor, met-pager; no 来源', () => {
    const h = html('metinfo-met-editor-fabuzhe-admin');
    expect(h).toContain('<meta name="generator" content="MetInfo 7.9"');
    expect(h).toMatch(/<div class="info font-size-14">\n<span>2024-08-16 10:20:35<\/span>\n<span>发布者：admin<\/span>/);
    expect(h).toContain('<section class="met-editor clearfix">');
    expect(h).not.toMatch(/来源[：:]/);
    expect(defOf('metinfo-met-editor-fabuzhe-admin').origin).toBeNull();
  });

  it('VitePress: the only date an empty <time datetime> in UTC; a zero-width anchor in the h1; code lines and a tip', () => {
    const h = html('vitepress-doc-lastupdated-empty-time');
    expect(h).toContain('最后更新于: <time datetime="2024-08-20T02:31:22.000Z" data-v-e98dd255></time>');
    expect(visible(h)).not.toMatch(/2024[-/年.]0?8/);
    expect(h).toContain('class="header-anchor"');
    expect(h).toContain('&#8203;</a></h1>');
    expect(h.match(/<span class="line">/g)).toHaveLength(2);
    expect(h).toContain('<div class="tip custom-block">');
  });

  it('新浪博客: the date only parenthesised in span.time; 标签/分类; 前一篇/后一篇; dated 博文目录 entries', () => {
    const h = html('sinablog-titname-time-parens');
    expect(h).toContain('<span class="time SG_txtc">(2024-09-02 21:06:41)</span>');
    expect(h).toContain('class="titName SG_txta"');
    expect(h.match(/<span class="atc_tm SG_txtc">\(2024-/g)).toHaveLength(8);
    expect(h).not.toMatch(/来源[：:]|发布(?:时间|日期)/);
  });

  it('学报: 收稿日期 and 修回日期 before 出版日期; the front matter in a label table; 参考文献 in the text', () => {
    const h = html('xuebao-qinyun-shougao-chuban-riqi');
    expect(h.indexOf('收稿日期：')).toBeLessThan(h.indexOf('出版日期：'));
    expect(h).toContain('<td class="label" valign="top" nowrap="nowrap">出版日期：</td><td>2024-08-15</td>');
    const text = between(h, '<div class="jx-fulltext" id="fulltext">', '<div class="jx-cite">');
    expect(text.match(/<li>［\d］/g)).toHaveLength(3);
    expect(h).not.toMatch(/来源[：:]/);
  });

  it('VSB 讲座预告: the text is label lines (报告时间 later, 主办单位); 来源 in the info line inside the form', () => {
    const h = html('vsb-jiangzuo-yugao-label-lines');
    const form = between(h, '<form name="_newscontent_fromname">', '</form>');
    expect(form).toContain('来源：经济学院');
    expect(form).toContain('_showDynClicks("wbnews", 1784765521, 5821)');
    const text = between(form, '<div class="v_news_content">', '</div>');
    expect(text).toContain('<strong>报告时间：</strong>2024年9月6日');
    expect(text).toContain('<strong>主办单位：</strong>示例大学经济学院');
  });

  it('图文直播: entries newest first, each with its own clock time; photo entries with captions; the 发布会 card before', () => {
    const h = html('fabuhui-tuwen-zhibo-daoxu');
    const live = between(h, '<ul class="bd live-list">', '</ul>');
    const times = [...live.matchAll(/<span class="time">(\d\d:\d\d)<\/span>/g)].map((m) => m[1]!);
    expect(times).toHaveLength(10);
    expect([...times].sort().reverse()).toEqual(times);
    expect(live.match(/class="pic-desc"/g)).toHaveLength(2);
    expect(h.indexOf('<b>发布人：</b>')).toBeLessThan(h.indexOf('live-list'));
    expect(defOf('fabuhui-tuwen-zhibo-daoxu').paragraphs[0]).toMatch(/^主持人：今天的新闻发布会到此结束/);
  });

  it('上市公司公告: 证券代码 head and the title again inside the text; the statement boxed; contract day a day earlier', () => {
    const h = html('shangshi-gonggao-zhengquan-daima');
    const d = defOf('shangshi-gonggao-zhengquan-daima');
    const text = between(h, '<div class="detail-content TRS_Editor">', '<div class="detail-attach">');
    expect(text.indexOf('证券代码：600987')).toBeLessThan(text.indexOf(d.title));
    expect(text).toContain(`<strong>${d.title}</strong>`);
    expect(text).toContain('<table style="border:1px solid #000;width:100%;">');
    expect(text).toContain('2024年8月19日，公司控股子公司');
    expect(h).toContain('<span>发布日期：2024-08-20</span><span>来源：证券事务部</span>');
  });
});
