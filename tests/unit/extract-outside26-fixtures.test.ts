/**
 * The twenty-sixth outside Chinese set (tests/fixtures/cms-outside26) is what its generator writes,
 * and is well formed: every expected title, line, 来源 and chrome string is on its page, no
 * expected line holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE26_DIR, OUTSIDE26_PAGES, buildAll } from '../fixtures/cms-outside26/generate';

const SET = outsideSet({
  dir: OUTSIDE26_DIR,
  defs: OUTSIDE26_PAGES,
  buildAll,
  count: 12,
  // More than 15 KB and less than 60 KB.
  bytes: { min: 15 * 1024 + 1, max: 60 * 1024 - 1 },
});
const { defOf, html, bytes } = outsidePages(SET);

describe('twenty-sixth outside Chinese pages (cms-outside26)', () => {
  checkOutsideSet(SET);

  it('供水水质公告: a 7-column 指标 table with `<` values, a 落款 the same day, an 在线监测 box, 停水通知 dated after the page', () => {
    const name = 'gongshui-shuizhi-gonggao-zhibiao-biao';
    const h = html(name);
    const d = defOf(name);
    const t = between(h, '<table class="sz-table"', '</table>');
    expect(t.match(/<th>/g)).toHaveLength(7);
    expect(t.match(/<tr>/g)).toHaveLength(13);
    expect(t).toContain('<td>&lt;0.02</td>');
    expect(d.paragraphs).toContain('9 氨（以N计） mg/L ≤0.5 <0.02 <0.02 0.03');
    expect(d.paragraphs.slice(-2)).toEqual(['澄沅市水务集团有限公司', '2024年7月10日']);
    expect(visible(between(h, '<p class="ol-time">', '</p>'))).toContain('数据更新：2024-07-10 08:00');
    expect(between(h, '<div class="box tstz">', '</ul>')).toContain('<span class="date">07-12</span>');
  });

  it('空气质量排名通报: GBK with a gbk meta and a bare header, no h-tag, an 8-row ranking with signed 同比, a 落款 the day before', () => {
    const name = 'kongqi-zhiliang-paiming-tongbao-quxian-biao-gbk';
    const d = defOf(name);
    expect(d.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes(name))).toThrow();
    const h = html(name);
    expect(h).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gbk">');
    expect(h).not.toMatch(/<h[1-6][\s>]/);
    const t = between(h, '<table width="100%" class="table_bk"', '</table>');
    expect(t.match(/<tr>/g)).toHaveLength(9);
    expect(d.paragraphs.filter((p) => /^\d \S+ \d\.\d\d [+-]\d\.\d /.test(p))).toHaveLength(8);
    expect(h).toContain('发布时间：2024年02月06日 15:20:33');
    expect(d.paragraphs.slice(-2)).toEqual(['澄沅市生态环境局', '2024年2月5日']);
    expect(h.match(/全市环境空气质量状况及各区县排名情况通报<\/a>/g)).toHaveLength(2);
  });

  it('督察 信访件 公示: a 10-column table of long cells, the 交办 date before the page, the next 批次 (dated later) in the side list', () => {
    const name = 'ducha-xinfang-jubaojian-banli-gongshi-shilie-biao';
    const h = html(name);
    const d = defOf(name);
    const t = between(h, '<table class="dc-table"', '</table>');
    expect(t.match(/<th>/g)).toHaveLength(10);
    expect(t.match(/<tr>/g)).toHaveLength(7);
    expect(d.paragraphs[0]).toMatch(/^2024年8月13日/);
    expect(d.paragraphs.filter((p) => p.split(' ').length === 10)).toHaveLength(7);
    expect(between(h, '<div class="box dczl">', '</ul>')).toContain(
      '第十三批群众信访举报件办理情况的公示</a><span class="date">2024-08-16</span>',
    );
    expect(h).toContain('<meta name="PubDate" content="2024-08-15 21:30">');
  });

  it('合同示范文本: blanks of underscores, □ choices, 第X条 heads, a signature table, a Word 下载 box before the text', () => {
    const name = 'hetong-shifan-wenben-kongge-fuxuankuang';
    const h = html(name);
    const d = defOf(name);
    expect(d.paragraphs.filter((p) => /_{4,}/.test(p)).length).toBeGreaterThanOrEqual(12);
    expect(d.paragraphs.filter((p) => p.includes('□')).length).toBeGreaterThanOrEqual(4);
    expect(d.paragraphs.filter((p) => /^第[一二三四五六七]条\u3000/.test(p))).toHaveLength(7);
    expect(
      between(h, '<table width="100%" border="0" cellspacing="0" cellpadding="6" class="sign">', '</table>').match(/<tr>/g),
    ).toHaveLength(4);
    expect(h.indexOf('Word版下载')).toBeLessThan(h.indexOf('<div class="con" id="zoom">'));
    expect(h.match(/（示范文本）[^<]*<\/a>/g)).toHaveLength(6);
  });

  it('网站工作年度报表: the text is the 报表, rowspan groups and colspan labels, a 填报日期 before the page', () => {
    const name = 'zhengfu-wangzhan-gongzuo-niandu-baobiao-rowspan';
    const h = html(name);
    const d = defOf(name);
    const t = between(h, '<table class="bbtable"', '</table>');
    expect(t.match(/rowspan="\d"/g)).toHaveLength(7);
    expect(t.match(/colspan="2"/g)!.length).toBeGreaterThanOrEqual(7);
    expect(t.match(/<tr>/g)).toHaveLength(31);
    expect(d.paragraphs).toContain('信息发布（单位：条） 总数 2864');
    expect(d.paragraphs).toContain('概况类信息更新量 41');
    expect(d.paragraphs.at(-1)).toContain('填报日期：2024-01-18');
    expect(d.publishedAt).toBe('2024-01-29');
  });

  it('专家门诊出诊安排: the week after the page in the title, three 10-column tables under heads, 停诊 lines with that week’s dates', () => {
    const name = 'yiyuan-zhuanjia-menzhen-chuzhen-biao-tingzhen';
    const h = html(name);
    const d = defOf(name);
    expect(d.title).toContain('（10月14日—10月20日）');
    expect(h.match(/<table class="cz"/g)).toHaveLength(3);
    expect(d.paragraphs.filter((p) => p === '科室 专家 职称 周一 周二 周三 周四 周五 周六 周日')).toHaveLength(3);
    expect(d.paragraphs.filter((p) => p.split(' ').length === 10)).toHaveLength(17);
    expect(d.paragraphs.some((p) => p.includes('10月16日（周三）'))).toBe(true);
    expect(h).toContain('来源：门诊部　　时间：2024-10-11 17:05');
  });

  it('公交线路调整公告: the change from a date after the page, station lists, a 线路查询 form above the title, a later 公告 beside it', () => {
    const name = 'gongjiao-xianlu-tiaozheng-gonggao-zhandian-zouxiang';
    const h = html(name);
    const d = defOf(name);
    expect(d.paragraphs[1]).toContain('自2024年6月22日（星期六）首班车起');
    expect(d.paragraphs.filter((p) => p.split('—').length >= 7)).toHaveLength(2);
    expect(d.paragraphs.find((p) => p.startsWith('调整后站点'))!.split('、')).toHaveLength(19);
    expect(h.indexOf('<form action="/line/search"')).toBeLessThan(h.indexOf('<h1>'));
    expect(between(h, '<div class="box gg">', '</ul>')).toContain('<span class="date">2024-06-20</span>');
    expect(d.paragraphs.slice(-2)).toEqual(['澄沅市公共交通集团有限公司', '2024年6月18日']);
  });

  it('银行 网点迁址公告: no 来源, the date bare under the title, 迁址 dates after it, 外汇牌价 and a later 公告 beside it', () => {
    const name = 'yinhang-wangdian-qianzhi-gonggao-wu-laiyuan';
    const h = html(name);
    const d = defOf(name);
    expect(d.origin).toBeNull();
    expect(h).not.toMatch(/来源[:：]/);
    expect(h).toContain('<div class="n-date">2024-09-30</div>');
    expect(visible(between(h, '<div class="box whpj">', '</table>'))).toContain('美元 700.62 703.58');
    expect(between(h, '<div class="box bhgg">', '</ul>')).toContain('<span class="date">2024-10-08</span>');
    expect(d.paragraphs.slice(-2)).toEqual(['澄泰银行股份有限公司澄沅分行', '2024年9月30日']);
  });

  it('文库 document page: three reader pages with page numbers, the last folded, the upload date glued to 上传, no 来源', () => {
    const name = 'wenku-wendang-yulan-fenye-zhankai-xiazaiquan';
    const h = html(name);
    const d = defOf(name);
    expect(h.match(/<div class="reader-page[^"]*" data-page="\d">/g)).toHaveLength(3);
    expect(h).toContain('<div class="reader-page fold" data-page="3">');
    expect(h.match(/第 \d 页 \/ 共 3 页/g)).toHaveLength(3);
    expect(h).toContain('<span>2023-12-18上传</span>');
    expect(d.origin).toBeNull();
    expect(d.paragraphs.at(-1)).toBe('2023年12月15日');
    expect(between(h, '<div class="doc-rel"><h3>相关文档</h3>', '</div>\n<div')).toContain('4.6分 · 12页');
  });

  it('规划 批前公示: a 项目 table, the 公示期 from the day after the page in the meta row and the text, 附图 captions, a later 公示 beside it', () => {
    const name = 'guihua-xuke-piqian-gongshi-gongshiqi-futu';
    const h = html(name);
    const d = defOf(name);
    expect(between(h, '<table class="xm"', '</table>').match(/<tr>/g)).toHaveLength(10);
    expect(h).toContain(
      '<span>发布时间：2024-05-09</span><span>来源：市自然资源和规划局</span><span>公示编号：CYGS-2024-0317</span><span>公示期限：2024-05-10至2024-05-19</span>',
    );
    expect(d.paragraphs).toContain('2024年5月10日至2024年5月19日（10个自然日）。');
    expect(d.paragraphs.slice(-2)).toEqual(['附图1：总平面图', '附图2：鸟瞰效果图']);
    expect(between(h, '<div class="box pqgs">', '</ul>')).toContain('<span class="date">2024-05-11</span>');
  });

  it('校运会 成绩公告: a 团体总分 table and five 名次 tables under event heads, marks with : and 米, 校园快讯 beside it', () => {
    const name = 'xiaoyundonghui-chengji-gonggao-xiangmu-mingci-biao';
    const h = html(name);
    const d = defOf(name);
    expect(h.match(/<table class="cj"/g)).toHaveLength(6);
    expect(d.paragraphs.filter((p) => /^[1-6] /.test(p))).toHaveLength(30);
    expect(d.paragraphs).toContain('1 林若汐 高一（7）班 2:31.45');
    expect(d.paragraphs.filter((p) => /^(?:男子|女子)\S+$/.test(p))).toHaveLength(5);
    expect(h).toContain('作者：体育组　来源：体育组　发布时间：2024-10-25');
    expect(d.paragraphs.slice(-2)).toEqual(['学校运动会组委会', '2024年10月25日']);
  });

  it('征兵通告: GB2312 with a gb2312 meta and a bare header, 来源 in an ASP.NET label, a long __VIEWSTATE, a 落款 of two bodies on one line', () => {
    const name = 'zhengbing-tonggao-shijian-anpai-aspnet-gb2312';
    const d = defOf(name);
    expect(d.contentType).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes(name))).toThrow();
    const h = html(name);
    expect(h).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />');
    expect(h).toContain('来源：<span id="ctl00_ContentPlaceHolder1_lblSource">县征兵办公室</span>');
    expect(between(h, 'id="__VIEWSTATE" value="', '"').length).toBeGreaterThan(7000);
    expect(d.paragraphs.filter((p) => /\d+月\d+日/.test(p))).toHaveLength(4);
    expect(d.paragraphs.slice(-2)).toEqual(['枫岭县人民政府　　枫岭县人民武装部', '2024年1月25日']);
    expect(h.match(/征兵通告<\/a>/g)).toHaveLength(1);
  });
});
