/**
 * Issue 16, thirteenth outside set (metadata): kinds of markup in general terms, with our own
 * text. A forum's bracketed category link before a thread's subject is no part of the title.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { isSignOffUnit, matchReplyUnit, unitAndDate } from '../../main/services/extract/patterns';

const BODY = [
  '上周六，我们合作社组织二十多户社员到邻县学习大棚蔬菜种植技术，一路上大家讨论得很热烈。',
  '回来以后，社里把学到的滴灌和轮作办法整理成一张明白纸，贴在村委会门口的公示栏里，方便大家对照。',
  '目前已有六户社员按新办法改造了大棚，下个月我们还打算请农技站的老师来村里现场指导一次。',
];

describe('a bracketed category label before a thread subject', () => {
  const SUBJECT = '合作社组织社员外出学习大棚种植的一点收获';
  const thread = (label: string): string => `<!doctype html><html><head><meta charset="utf-8">
<title>${SUBJECT} - 种植交流 - 示例乡村论坛</title></head><body>
<div class="hd"><a href="/">示例乡村论坛</a> <a href="/f1">种植交流</a></div>
<div class="thread"><h1 class="ts">${label} <span id="subject">${SUBJECT}</span></h1>
<div class="post"><div class="authi">发表于 2023-5-14 19:02</div>
<div class="message">${BODY.map((p) => `<p>${p}</p>`).join('')}</div></div></div>
<div class="ft">Powered by 示例论坛程序</div></body></html>`;

  it('takes the subject without the linked [category] beside it', () => {
    const a = extractArticle(thread('<a href="/f1?type=3">[心得体会]</a>'), 'http://bbs.example-xc.cn/thread-88-1-1.html', {
      referee: 'never',
    });
    expect(a.title).toBe(SUBJECT);
    expect(a.paragraphs).toEqual(BODY);
  });

  it('also for 【…】 brackets in an element of their own', () => {
    const a = extractArticle(thread('<em>【心得体会】</em>'), 'http://bbs.example-xc.cn/thread-88-1-1.html', { referee: 'never' });
    expect(a.title).toBe(SUBJECT);
  });

  it('keeps a bracketed label the page title itself carries', () => {
    const html = thread('<a href="/f1?type=3">[心得体会]</a>').replace(`<title>${SUBJECT}`, `<title>[心得体会] ${SUBJECT}`);
    const a = extractArticle(html, 'http://bbs.example-xc.cn/thread-88-1-1.html', { referee: 'never' });
    expect(a.title).toBe(`[心得体会] ${SUBJECT}`);
  });

  it('keeps brackets that are written into the heading text itself', () => {
    const html = thread('').replace(`<span id="subject">${SUBJECT}</span>`, `<span id="subject">[心得体会] ${SUBJECT}</span>`);
    const a = extractArticle(html, 'http://bbs.example-xc.cn/thread-88-1-1.html', { referee: 'never' });
    expect(a.title).toBe(`[心得体会] ${SUBJECT}`);
  });
});

const NOTICE = [
  '为进一步方便群众就近办理社保业务，县社会保险服务中心决定在各乡镇便民服务中心设立社保服务窗口。现将有关事项通知如下：',
  '一、各乡镇要在八月底前明确一名专职工作人员，负责窗口日常受理工作，并在便民服务中心显著位置公布服务事项清单。',
  '二、县社会保险服务中心负责对窗口人员开展业务培训，每季度组织一次业务考核，考核结果纳入年度目标管理。',
];

describe('a saved Word/WPS document: no <title>, no heading element', () => {
  // As an office suite writes it: every paragraph a p.MsoNormal, sizes in spans, a red masthead.
  const para = (text: string, size: number, extra = '', colour = ''): string =>
    `<p class=MsoNormal${extra}><span style="font-family:仿宋;${colour}font-size:${size}.0000pt;"><font face="仿宋">${text}</font></span><span style="font-size:16.0000pt;"><o:p></o:p></span></p>`;
  const doc = (titleColour = ''): string => `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title></title></head><body><div class="Section0">
${para('示例县社会保险服务中心文件', 34, ' align=center style="text-align:center;"', 'color:rgb(255,0,0);')}
${para('示社保发〔2023〕9号', 16, ' align=center style="text-align:center;"')}
${para('关于在乡镇便民服务中心设立社保服务窗口的通知', 22, ' align=center style="text-align:center;"', titleColour)}
${para('各乡镇人民政府：', 16)}
${NOTICE.map((t) => para(t, 16, ' style="text-indent:32pt;"')).join('\n')}
${para('示例县社会保险服务中心', 16, ' align=right style="text-align:right;"')}
${para('2023年8月2日', 16, ' align=right style="text-align:right;"')}
</div></body></html>`;

  it('takes the large centred line under the masthead as the title, and the 落款 unit as 来源', () => {
    const a = extractArticle(doc(), 'http://www.example-sb.gov.cn/files/0802.htm', { referee: 'never' });
    expect(a.title).toBe('关于在乡镇便民服务中心设立社保服务窗口的通知');
    expect(a.origin).toBe('示例县社会保险服务中心');
    expect(a.publishedAt).toBe('2023-08-02');
    expect(a.paragraphs).not.toContain('示例县社会保险服务中心文件');
    expect(a.paragraphs).not.toContain('示社保发〔2023〕9号');
    expect(a.paragraphs).toContain(NOTICE[0]);
  });

  it('never takes a red line for the title', () => {
    const a = extractArticle(doc('color:#ff0000;'), 'http://www.example-sb.gov.cn/files/0802.htm', { referee: 'never' });
    expect(a.title).toBe('（无标题）');
  });

  it('a document whose lines all have the text size has no title to find', () => {
    const flat = doc().replace(/font-size:(?:22|34)\.0000pt/g, 'font-size:16.0000pt');
    const a = extractArticle(flat, 'http://www.example-sb.gov.cn/files/0802.htm', { referee: 'never' });
    expect(a.title).toBe('（无标题）');
  });
});

describe('a PDF converted to HTML: one positioned div per printed line', () => {
  // Sizes and colours in class rules, as pdf2htmlEX writes them; `.t` sets 1px, the fs class the size.
  const css = `.t{position:absolute;white-space:pre;font-size:1px}
.fs0{font-size:180px;}.fs1{font-size:52px;}.fs2{font-size:60px;}.fs3{font-size:80px;}
.fc0{color:rgb(0,0,0);}.fc1{color:rgb(230,0,0);}
@media print{.fs0{font-size:240pt;}.fs2{font-size:80pt;}.fs3{font-size:30pt;}}`;
  const lines = [
    ['fs0 fc1', '农　业　简　报'],
    ['fs1 fc0', '示例县农业农村局办公室 2023年9月8日'],
    ['fs3 fc0', '示例县秋粮收获'],
    ['fs3 fc0', '进度过半'],
    ['fs2 fc0', '截至9月7日，全县已收获秋粮十二万亩，占播种面积的百分之五十三，'],
    ['fs2 fc0', '比去年同期快五个百分点。县农业农村局组织农机手跨乡作业，保障颗粒归仓。'],
    ['fs2 fc0', '下一步，县农业农村局将加强天气会商，引导农户抢抓晴好天气及时收晒。'],
  ];
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="generator" content="pdf2htmlEX"><title></title><style>${css}</style></head>
<body><div id="page-container"><div class="pf"><div class="pc">${lines
    .map(([cls, text], i) => `<div class="t m0 x1 y${i} ff1 ${cls}">${text}</div>`)
    .join('')}</div></div></div></body></html>`;

  it('joins the title printed over two lines, and reads the head line of unit and date', () => {
    const a = extractArticle(page, 'http://nyj.example-nx.gov.cn/attach/P020230909.html', { referee: 'never' });
    expect(a.title).toBe('示例县秋粮收获进度过半');
    expect(a.origin).toBe('示例县农业农村局办公室');
    expect(a.publishedAt).toBe('2023-09-08');
    expect(a.paragraphs.join('')).not.toContain('进度过半');
  });
});

describe('a 问政 reply names its office', () => {
  const page = (
    replyLine: string,
  ): string => `<!doctype html><html><head><meta charset="utf-8"><title>网上留言-示例市政务服务网</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/ly">我要留言</a><a href="/cx">留言查询</a></div>
<div class="detail"><h2>建议在滨江公园增设饮水点</h2>
<table><tr><th>留言时间</th><td>2023-07-02 10:11:12</td><th>处理单位</th><td>示例市城市管理局</td></tr></table>
<div class="block"><div class="lbl">留言内容</div><div class="con"><p>滨江公园每天晨练和散步的市民很多，夏天天气炎热，但公园里没有一处饮水点，老人和孩子很不方便。</p><p>建议在公园主要出入口附近增设直饮水设施。</p></div></div>
<div class="block"><div class="lbl">回复内容</div>${replyLine}
<div class="con"><p>市民朋友：您好！</p><p>您的建议收悉。经实地查看，我局已在滨江公园东门和南门各安装直饮水设备一台，并安排专人每周清洗维护。</p><p>感谢您对城市管理工作的支持。</p></div></div></div>
<div class="foot">主办：示例市人民政府办公室</div></body></html>`;

  it('takes 回复单位 as the 来源 where no 来源 is named', () => {
    const a = extractArticle(
      page('<div class="info">回复单位：示例市园林绿化中心　　回复时间：2023-07-10 09:30:00</div>'),
      'http://wz.example-bj.gov.cn/detail?id=7',
      {
        referee: 'never',
      },
    );
    expect(a.origin).toBe('示例市园林绿化中心');
  });

  it('does not take a person for the replying office', () => {
    const a = extractArticle(
      page('<div class="info">回复单位：张伟　　回复时间：2023-07-10 09:30:00</div>'),
      'http://wz.example-bj.gov.cn/detail?id=7',
      {
        referee: 'never',
      },
    );
    expect(a.origin).toBeNull();
  });
});

describe('origin helpers', () => {
  it('reads a unit-and-date head line only when it is nothing more', () => {
    expect(unitAndDate('示例县农业农村局办公室 2023年9月8日')).toBe('示例县农业农村局办公室');
    expect(unitAndDate('示例县农业农村局办公室　2023-09-08')).toBe('示例县农业农村局办公室');
    expect(unitAndDate('张伟 2023年9月8日')).toBeNull();
    expect(unitAndDate('来源：示例县农业农村局 2023年9月8日')).toBeNull();
    expect(unitAndDate('示例县农业农村局召开会议 2023年9月8日')).toBeNull();
  });
  it('knows a 落款 unit from a sentence', () => {
    expect(isSignOffUnit('示例县社会保险服务中心')).toBe(true);
    expect(isSignOffUnit('感谢您对我们工作的支持')).toBe(false);
    expect(isSignOffUnit('特此通知。')).toBe(false);
  });
  it('reads 回复单位 and 答复部门 labels', () => {
    expect(matchReplyUnit('回复单位：示例市交通局　回复时间：2023-07-10')).toBe('示例市交通局');
    expect(matchReplyUnit('答复部门：示例区教育局')).toBe('示例区教育局');
    expect(matchReplyUnit('回复单位：李明')).toBeNull();
  });
});
