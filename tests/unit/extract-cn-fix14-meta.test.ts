/**
 * Issue 16, fourteenth outside set (metadata): kinds of markup in general terms, with our own
 * text. Invisible line-end markers at a value's edges, a 落款 date where the page gives no other
 * full date, 发布部门 as a 来源 label.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { matchDepartment, trimInvisible } from '../../main/services/extract/patterns';

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
