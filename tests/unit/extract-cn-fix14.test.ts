/**
 * Issue 16, fourteenth outside set (body): kinds of markup in general terms, with our own text.
 * A paper's abstract page: a reference list of citation entries never picks the text's container,
 * and a labelled 摘要 that is the only prose is the text, without its label. A 会议纪要's head table
 * (会议时间 / 出席 / 列席 rows) is text even when its class says `head`, while the 纪要's 版头 and
 * its bare 〔年〕号 are not. A property table opening the text (编号 / 发布单位 / 发布时间 rows) is
 * metadata, not text.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const shell = (title: string, main: string, side = ''): string => `<!doctype html><html><head><meta charset="utf-8">
<title>${title}-示例平台</title></head><body>
<div class="menu"><a href="/">首页</a><a href="/a">栏目一</a><a href="/b">栏目二</a></div>
<div class="wrap"><div class="main">${main}</div>
<div class="col-r">${side}</div></div>
<div class="foot">版权所有：示例平台</div></body></html>`;

describe('a paper abstract page: the labelled 摘要 among reference entries', () => {
  const ABSTRACT =
    '城市内涝治理涉及排水、园林、交通等多个部门。本文以示例市三个老城区为例，结合管网普查数据和居民访谈，分析内涝点位的空间分布及其成因。' +
    '研究表明，管网标准偏低与地面硬化率上升叠加是主要原因，部门之间信息不通加剧了处置迟缓。据此提出分区改造、海绵设施补短板和联合值守三项建议。';
  const refs = Array.from({ length: 24 }, (_, i) => {
    const kind = i % 3 === 0 ? '[M]' : '[J]';
    const where = `示例城市研究,${2010 + (i % 12)},(${(i % 6) + 1}):${10 + i}-${18 + i}.`;
    return `<li><em>[${i + 1}]</em><a href="/paper?v=r${i}">城市排水系统韧性评价方法探讨第${i + 1}篇</a>${kind}. ${where}</li>`;
  }).join('\n');
  const page = (text: string): string =>
    shell(
      '老城区内涝成因与治理对策研究',
      `<div class="paper"><div class="paper-top"><span class="journal"><a href="/j/slcs">示例城市研究</a>. 2023,(04)</span>
<h1>老城区内涝成因与治理对策研究</h1><h3><a href="/au/1">王晓川</a><a href="/au/2">刘佳</a></h3>
<div class="pubtime"><span>网络首发时间：2023-04-18 09:10:00</span></div></div>
<div class="abs">
<div class="line"><span class="lab">摘要：</span><span class="txt">${text}</span></div>
<p class="kw"><span class="lab">关键词：</span><a href="/k/1">内涝治理;</a><a href="/k/2">海绵城市;</a><a href="/k/3">老城区;</a></p>
<div class="line"><span class="lab">DOI：</span><p>10.00000/j.example.2023.04.003</p></div>
</div>
<div class="refbox"><h3>参考文献</h3><ul>${refs}</ul></div></div>`,
    );

  it('takes the abstract alone, without its label, keywords or reference entries', () => {
    const a = extractArticle(page(ABSTRACT), 'https://paper.example.org/abstract?v=xyz');
    expect(a.paragraphs).toEqual([ABSTRACT]);
    expect(a.html).not.toContain('摘要');
  });

  const FULL = [
    '近年来，示例市老城区每逢强降雨便出现多处积水，影响居民出行和商户经营。',
    '本研究在全市范围内开展了管网普查，共核查排水管道一百二十余公里，发现混接、错接点位三十余处。',
    '调查还发现，老城区地面硬化率已超过八成，雨水难以下渗，短时间内大量汇入管网。',
    '针对上述问题，本文建议按汇水分区分步改造，同时建设下凹式绿地和透水铺装，并建立多部门联合值守机制。',
  ];

  it('keeps a full text with its labelled abstract when other prose follows', () => {
    const html = shell(
      '老城区内涝成因与治理对策研究',
      `<h1>老城区内涝成因与治理对策研究</h1><div class="meta">发布时间：2023-04-18</div>
<div class="fulltext"><p>摘要：${ABSTRACT}</p>${FULL.map((p) => `<p>${p}</p>`).join('')}</div>`,
    );
    const a = extractArticle(html, 'https://paper.example.org/full?v=xyz');
    expect(a.paragraphs[0]).toBe(`摘要：${ABSTRACT}`);
    for (const p of FULL) expect(a.paragraphs).toContain(p);
  });

  it('a reference list in a box of its own never outscores a short text', () => {
    const html = shell(
      '老城区内涝成因与治理对策研究',
      `<h1>老城区内涝成因与治理对策研究</h1><div class="meta">发布时间：2023-04-18</div>
<div class="fulltext">${FULL.slice(0, 2)
        .map((p) => `<p>${p}</p>`)
        .join('')}</div>
<div class="refbox"><h3>参考文献</h3><ul>${refs}</ul></div>`,
    );
    const a = extractArticle(html, 'https://paper.example.org/full?v=abc');
    expect(a.paragraphs).toEqual(FULL.slice(0, 2));
  });
});

describe('a 会议纪要 opening with its head table', () => {
  const ROWS: [string, string][] = [
    ['会议时间', '2023年11月2日下午'],
    ['会议地点', '县政府二楼会议室'],
    ['主持人', '赵明远'],
    ['出席', '赵明远、孙立、黄海燕、钱进'],
    ['列席', '县水利局、交通运输局、乡村振兴局主要负责同志'],
    ['记录', '县政府办公室\u3000周敏'],
  ];
  const TEXT = [
    '2023年11月2日下午，县长赵明远主持召开县政府专题会议，研究冬季水利工程建设有关事项。现将会议议定事项纪要如下：',
    '一、关于小型水库除险加固工程',
    '会议要求，县水利局要在12月底前完成五座小型水库的主体工程，汛前全部通过验收。',
  ];
  const page = (tableClass: string): string =>
    shell(
      '县政府专题会议纪要',
      `<h1>县政府专题会议纪要</h1><div class="info">发布时间：2023-11-06\u3000来源：县政府办公室</div>
<div class="content"><p style="text-align:center"><b>示例县人民政府专题会议纪要</b></p><p style="text-align:center">〔2023〕7号</p>
<table class="${tableClass}">${ROWS.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>
${TEXT.map((p) => `<p>${p}</p>`).join('')}</div>`,
    );

  it('keeps the head table (named head) and drops the 版头 and its number', () => {
    const a = extractArticle(page('meeting-head'), 'https://gov.example.org/jy/7.html');
    for (const [k, v] of ROWS) {
      expect(a.paragraphs).toContain(k);
      expect(a.paragraphs).toContain(v);
    }
    for (const p of TEXT) expect(a.paragraphs).toContain(p);
    expect(a.paragraphs[0]).toBe('会议时间');
    expect(a.text).not.toContain('示例县人民政府专题会议纪要');
    expect(a.text).not.toContain('〔2023〕7号');
  });

  it('still drops a linked header table', () => {
    const html = shell(
      '县政府专题会议纪要',
      `<table class="head"><tr><td><a href="/">示例县人民政府门户网站</a></td><td><a href="/zwgk">政务公开</a>\u3000<a href="/bs">办事服务</a></td></tr></table>
<h1>县政府专题会议纪要</h1><div class="info">发布时间：2023-11-06</div>
<div class="content">${TEXT.map((p) => `<p>${p}</p>`).join('')}</div>`,
    );
    const a = extractArticle(html, 'https://gov.example.org/jy/8.html');
    expect(a.text).not.toContain('示例县人民政府门户网站');
    expect(a.text).not.toContain('办事服务');
  });
});

describe('a property table opening the text', () => {
  const TEXT = [
    '为加强公司办公用车管理，降低运行成本，现就有关事项通知如下。',
    '一、各部门用车须提前一个工作日在系统中提交申请，经部门负责人审批后由综合部统一派车。',
    '二、车辆使用后，驾驶员应如实填写行车记录，综合部每月汇总通报。',
  ];
  const table = (rows: [string, string][]): string =>
    `<table class="props"><tr><th>文件属性</th><th></th></tr>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>`;
  const page = (rows: [string, string][]): string =>
    shell(
      '关于加强办公用车管理的通知',
      `<h1>关于加强办公用车管理的通知</h1><div class="byline">由 李娜 创建</div>
<div class="doc-body">${table(rows)}${TEXT.map((p) => `<p>${p}</p>`).join('')}</div>`,
    );

  it('is metadata: its labels and values are not text', () => {
    const a = extractArticle(
      page([
        ['编号', 'ZH-2023-045'],
        ['发布单位', '综合管理部'],
        ['发布时间', '2023-10-09'],
        ['状态', '生效'],
      ]),
      'https://wiki.example.org/pages/45',
    );
    expect(a.paragraphs).toEqual(TEXT);
    expect(a.publishedAt).toBe('2023-10-09');
  });

  it('a leading table without metadata labels stays text', () => {
    const a = extractArticle(
      page([
        ['车型', '五座轿车'],
        ['数量', '六辆'],
        ['停放地点', '地下车库'],
      ]),
      'https://wiki.example.org/pages/46',
    );
    for (const p of ['五座轿车', '六辆', '地下车库', ...TEXT]) expect(a.paragraphs).toContain(p);
  });
});
