/**
 * Issue 16, fourteenth outside set (metadata): kinds of markup in general terms, with our own
 * text. Invisible line-end markers at a value's edges, a 落款 date where the page gives no other
 * full date, 发布部门 as a 来源 label.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { matchDepartment, matchJournalIssue, trimInvisible } from '../../main/services/extract/patterns';

const NOTICE = [
  '各村（社区）、镇直各单位：',
  '为做好今年秋冬季森林防火工作，镇防火办于十月中旬对全镇重点林区开展了一次专项巡查。现将巡查情况通报如下。',
  '一、巡查发现的主要问题',
  '巡查共发现火险隐患十二处，其中林区内违规堆放秸秆七处，防火通道被占用三处，宣传标牌缺损两处，均已要求属地限期整改。',
  '部分村护林员巡山记录填写不全，个别林区入口未设置防火检查站，进山人员登记流于形式。',
  '二、下一步工作要求',
  '各单位要落实专人值守制度，进山路口要设卡登记，对野外用火行为发现一起、制止一起、处理一起。',
  '镇防火办将于十一月上旬组织复查，复查结果纳入年度综合考评。',
];

describe('invisible characters at the edges of metadata values', () => {
  it('trims zero-width spaces, joiners, BOM, soft hyphens and direction marks at both ends only', () => {
    expect(trimInvisible('\u200b秋冬季森林防火巡查通报\u200b')).toBe('秋冬季森林防火巡查通报');
    expect(trimInvisible('\ufeff\u00ad镇防火办\u200d\u2060')).toBe('镇防火办');
    expect(trimInvisible('\u200e镇\u200b防火办\u200f')).toBe('镇\u200b防火办');
    expect(trimInvisible('镇防火办')).toBe('镇防火办');
  });

  // A block editor's page: every line a run of text spans closed by a zero-width line-end span.
  const line = (text: string, style = ''): string =>
    `<div class="blk" data-kind="text"><div class="line"${style}><span data-s="1">${text}</span><span data-s="1" data-end="1">\u200b</span></div></div>`;
  const editorPage = (signOff: string[], bar: string): string => `<!doctype html><html><head><meta charset="utf-8">
<title>关于秋冬季森林防火专项巡查情况的通报 - 在线文档</title></head><body>
<div class="bar"><span class="name">关于秋冬季森林防火专项巡查情况的通报</span><span class="stamp">${bar}</span></div>
<div class="doc"><div class="doc-title"><div class="line"><span data-s="1">关于秋冬季森林防火专项巡查情况的通报</span><span data-s="1" data-end="1">\u200b</span></div></div>
<div class="children">${NOTICE.map((p) => line(p)).join('\n')}
${signOff.map((p) => line(p, ' style="text-align:right"')).join('\n')}</div></div></body></html>`;

  it('takes a title whose line ends in a zero-width marker without the marker', () => {
    const a = extractArticle(
      editorPage(['示例镇森林防火办公室', '2023年10月26日'], '最近编辑：10月27日 09:40'),
      'https://docs.example-zx.cn/d/k3',
      {
        referee: 'never',
      },
    );
    expect(a.title).toBe('关于秋冬季森林防火专项巡查情况的通报');
    expect(a.title).not.toMatch(/[\u200b\ufeff]/);
    expect(a.origin).toBe('示例镇森林防火办公室');
  });

  it('dates a notice by its 落款 when the page shows only a yearless edit stamp', () => {
    const a = extractArticle(
      editorPage(['示例镇森林防火办公室', '2023年10月26日'], '最近编辑：10月27日 09:40'),
      'https://docs.example-zx.cn/d/k3',
      {
        referee: 'never',
      },
    );
    expect(a.publishedAt).toBe('2023-10-26');
    // The 落款 stays part of the text a reader copies.
    expect(a.paragraphs.slice(-2)).toEqual(['示例镇森林防火办公室', '2023年10月26日']);
  });

  it('takes no 落款 date without a signing unit above it', () => {
    const a = extractArticle(
      editorPage(['请各单位认真抓好落实。', '2023年10月26日'], '最近编辑：10月27日 09:40'),
      'https://docs.example-zx.cn/d/k3',
      { referee: 'never' },
    );
    expect(a.publishedAt).toBeNull();
    expect(a.paragraphs.at(-1)).toBe('2023年10月26日');
  });

  it('keeps a full date the page states over the 落款 date', () => {
    const a = extractArticle(
      editorPage(['示例镇森林防火办公室', '2023年10月26日'], '发布时间：2023-10-30 08:15'),
      'https://docs.example-zx.cn/d/k3',
      {
        referee: 'never',
      },
    );
    expect(a.publishedAt).toBe('2023-10-30');
  });
});

describe('发布部门 as the 来源 label', () => {
  const RULES = [
    '为规范公司车辆使用管理，降低运行成本，保障公务出行安全，结合公司实际，现就有关事项通知如下。',
    '公务用车实行统一调度，各部门用车须提前一个工作日通过办公系统提出申请，经部门负责人审核后由综合部派车。',
    '驾驶人员要严格遵守交通法规，不得酒后驾车，不得将车辆交给他人驾驶，车辆使用后应及时归位并登记行驶里程。',
  ];
  const wiki = (rows: string): string => `<!doctype html><html><head><meta charset="utf-8">
<title>关于加强公司公务用车管理的通知 - 综合部 - 内部知识库</title></head><body>
<h1 id="page-title">关于加强公司公务用车管理的通知</h1>
<div class="meta">由 孙悦 创建，最终由 周航 修改于 十一月 14, 2023</div>
<div class="content"><table class="props"><tbody>${rows}</tbody></table>
${RULES.map((p) => `<p>${p}</p>`).join('\n')}</div></body></html>`;

  it('reads it from a properties table of label and value cells (th/td)', () => {
    const a = extractArticle(
      wiki(
        '<tr><th>文档编号</th><td>ZHB-2023-041</td></tr><tr><th>发布部门</th><td>公司综合部</td></tr><tr><th>发布日期</th><td><time datetime="2023-11-08">2023-11-08</time></td></tr>',
      ),
      'https://wiki.example-gs.cn/pages/viewpage.action?pageId=771',
      { referee: 'never' },
    );
    expect(a.origin).toBe('公司综合部');
    expect(a.publishedAt).toBe('2023-11-08');
  });

  it('reads it from a 发布部门：… metadata line', () => {
    expect(matchDepartment('发布部门：公司综合部 发布日期：2023-11-08')).toBe('公司综合部');
    expect(matchDepartment('发布部门：2023-11-08')).toBeNull();
  });

  it('takes no 来源 from a table whose only label is 发布部门 (one row is not a properties table)', () => {
    const a = extractArticle(
      wiki('<tr><th>发布部门</th><td>公司综合部</td></tr><tr><th>适用对象</th><td>全体员工</td></tr>'),
      'https://wiki.example-gs.cn/p/771',
      {
        referee: 'never',
      },
    );
    expect(a.origin).not.toBe('公司综合部');
  });
});

const STUDY = [
  '乡村集体经济是巩固拓展脱贫攻坚成果的重要支撑。本文以示例县三十个行政村为样本，考察村级集体经济组织的经营方式与收益分配。',
  '研究发现，资产租赁型村庄收益稳定但增长有限，产业带动型村庄收益波动较大，村干部经营能力是影响收益的关键因素。',
  '据此提出完善村级集体经济组织治理结构、健全收益分配监督机制、加强经营人才培养等政策建议。',
];

describe('a journal article page', () => {
  const related = (n: number): string =>
    Array.from(
      { length: n },
      (_, i) =>
        `<li><a href="/paper/${i}">县域第${i + 1}类合作经济组织运行机制的比较研究</a><span class="source">示例农村观察</span><span class="date">2021-0${i + 1}-15</span></li>`,
    ).join('');
  const paper = (head: string): string => `<!doctype html><html><head><meta charset="utf-8">
<title>村级集体经济组织经营方式与收益分配研究 - 示例文献库</title></head><body>
<div class="top-bar"><a href="/">示例文献库</a> <a href="/login">登录</a></div>
<div class="paper-top">${head}
<h1>村级集体经济组织经营方式与收益分配研究</h1>
<h3><a href="/au/1">吴清扬</a><a href="/au/2">贺一鸣</a></h3>
<div class="pub">网络首发时间：2023-03-08 10:12:40</div></div>
<div class="abstract">${STUDY.map((p) => `<p>${p}</p>`).join('')}</div>
<div class="similar"><h2>相似文献</h2><ul>${related(4)}</ul></div></body></html>`;

  it('takes the journal of the citation head by the title (刊名. 年,(期)) as 来源', () => {
    const a = extractArticle(
      paper('<div class="cite"><span><a href="/journal/NCJJ">示例农业经济</a>. 2023,(03)</span></div>'),
      'https://lib.example-wx.cn/paper/77',
      {
        referee: 'never',
      },
    );
    expect(a.origin).toBe('示例农业经济');
    expect(a.publishedAt).toBe('2023-03-08');
  });

  it('never takes a related entry’s own source span as the page’s 来源', () => {
    const a = extractArticle(paper(''), 'https://lib.example-wx.cn/paper/77', { referee: 'never' });
    expect(a.origin).not.toBe('示例农村观察');
  });

  it('reads the citation forms of a journal issue, and nothing else', () => {
    expect(matchJournalIssue('示例农业经济. 2023,(03)')).toBe('示例农业经济');
    expect(matchJournalIssue('示例农业经济, 2023, 41(3) 核心期刊')).toBe('示例农业经济');
    expect(matchJournalIssue('《示例农业经济》2023年第3期')).toBe('示例农业经济');
    expect(matchJournalIssue('示例农业经济. 2023年3月8日')).toBeNull();
    expect(matchJournalIssue('截至2023年，全县共有村集体经济组织30个')).toBeNull();
  });
});

describe('an account card under a platform article’s title', () => {
  const TIPS = [
    '入冬以来，全市已进入流感等呼吸道传染病高发季节。市疾控中心提醒广大市民，做好个人防护，降低感染风险。',
    '外出时在人员密集的公共场所要规范佩戴口罩，回家后及时洗手；保持室内通风，每天开窗两到三次，每次不少于半小时。',
    '出现发热、咳嗽等症状时要及时就医，就医时主动告知旅居史和接触史，避免带病上班上学。',
  ];
  const card = (
    name: string,
  ): string => `<!doctype html><html><head><meta charset="utf-8"><title>冬季呼吸道疾病防护提示 - 示例社区平台</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/hot">发现</a></div>
<div class="article"><div class="headline">冬季呼吸道疾病防护提示</div>
<div class="author-line"><span class="face"><a href="/u/5521"><img src="/face/5521.jpg" alt="${name}"></a></span>
<em><a href="/u/5521">${name}</a></em><span class="t">2023-12-04 09:30</span><span>阅读 3.2万</span></div>
<div class="content">${TIPS.map((p) => `<p>${p}</p>`).join('')}</div></div></body></html>`;

  it('takes an organisation’s account (avatar and name linking to one profile) as 来源', () => {
    const a = extractArticle(card('示例市疾控中心'), 'https://www.example-sq.cn/ttarticle/p/show?id=23001', { referee: 'never' });
    expect(a.origin).toBe('示例市疾控中心');
    expect(a.publishedAt).toBe('2023-12-04');
    expect(a.paragraphs).toEqual(TIPS);
  });

  it('takes no 来源 from a person’s account card', () => {
    const a = extractArticle(card('林小雨'), 'https://www.example-sq.cn/ttarticle/p/show?id=23001', { referee: 'never' });
    expect(a.origin).toBeNull();
  });

  it('takes no 来源 from a name link that points elsewhere than the avatar', () => {
    const html = card('示例市疾控中心').replace('<em><a href="/u/5521">', '<em><a href="/topic/88">');
    const a = extractArticle(html, 'https://www.example-sq.cn/ttarticle/p/show?id=23001', { referee: 'never' });
    expect(a.origin).toBeNull();
  });
});

describe('刊名 as a 来源 label', () => {
  const paper = (row: string): string => `<!doctype html><html><head><meta charset="utf-8">
<title>村级集体经济组织经营方式与收益分配研究</title></head><body>
<div class="main"><h1>村级集体经济组织经营方式与收益分配研究</h1>
<div class="info">${row}<span>发表时间：2023-03-08</span></div>
<div class="abstract">${STUDY.map((p) => `<p>${p}</p>`).join('')}</div></div></body></html>`;

  it('reads a 刊名：… field', () => {
    const a = extractArticle(paper('<span>刊名：示例农业经济</span> '), 'https://lib.example-wx.cn/paper/78', { referee: 'never' });
    expect(a.origin).toBe('示例农业经济');
  });

  it('reads a 刊名 row of a property table', () => {
    const html = paper('').replace(
      '<div class="abstract">',
      '<table><tr><td>刊名</td><td>示例农业经济</td></tr><tr><td>发表日期</td><td>2023-03-08</td></tr></table><div class="abstract">',
    );
    const a = extractArticle(html, 'https://lib.example-wx.cn/paper/78', { referee: 'never' });
    expect(a.origin).toBe('示例农业经济');
  });
});
