/**
 * Issue 16, thirteenth outside set (body): kinds of markup in general terms, with our own text.
 * Labelled panels side by side (a question and its answer, a programme's summary and its folded
 * transcript) are one text; a PDF converter's printed lines are joined into their paragraphs, across
 * a page break; a 公文's red head, 发文字号 and 版记 lines are not text; a framework's image element
 * takes its caption with it, and an expand button is chrome.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const shell = (title: string, main: string, side = ''): string => `<!doctype html><html><head><meta charset="utf-8">
<title>${title}-示例平台</title></head><body>
<div class="menu"><a href="/">首页</a><a href="/a">栏目一</a><a href="/b">栏目二</a></div>
<div class="wrap"><div class="main">${main}</div>
<div class="col-r">${side}</div></div>
<div class="foot">版权所有：示例平台</div></body></html>`;

describe('labelled panels beside the article root', () => {
  const ASK = ['河口路两侧的路灯已经坏了半个多月，晚上路面一片漆黑，行人和骑车的人都很不安全。', '希望有关部门尽快修好，并定期巡查。'];
  const ANSWER = [
    '李女士：您好！',
    '收到您的反映后，我中心当天安排维修人员到现场查看，确认是线路老化导致十二盏路灯不亮。',
    '目前线路已全部更换，路灯于3月8日晚恢复照明。我们已把该路段纳入每周夜间巡查范围。',
    '感谢您对城市照明工作的关心。',
    '示例市路灯管理中心',
    '2024年3月9日',
  ];
  const page = shell(
    '河口路路灯不亮',
    `<div class="detail"><div class="q-title"><h2>河口路路灯不亮</h2><span>已办结</span></div>
<table class="q-info"><tr><th>编号</th><td>Q20240305-11</td><th>提交时间</th><td>2024-03-05 19:02</td></tr></table>
<div class="q-part"><div class="q-label">咨询内容</div><div class="q-text">${ASK.map((p) => `<p>${p}</p>`).join('')}</div></div>
<div class="q-part"><div class="q-label">答复内容</div><div class="q-meta">答复单位：示例市路灯管理中心\u3000答复时间：2024-03-09 10:20</div>
<div class="q-text">${ANSWER.map((p) => `<p>${p}</p>`).join('')}</div></div>
<div class="q-rate"><span>评价：</span>您对答复是否满意？<button>提交</button></div></div>`,
    `<div class="box"><h3>注意事项</h3><p>请文明留言，不得发布违法内容。</p><p>涉及隐私的内容将被隐藏。</p></div>`,
  );

  it('takes the question and the answer, without the panel labels or the side box', () => {
    const a = extractArticle(page, 'https://wz.example.org/detail?id=11');
    for (const p of [...ASK, ...ANSWER]) expect(a.paragraphs).toContain(p);
    expect(a.text).not.toContain('咨询内容');
    expect(a.text).not.toContain('答复内容');
    expect(a.text).not.toContain('请文明留言');
    expect(a.text).not.toContain('Q20240305-11');
  });

  const INTRO = '本期节目走进示例县的一所山村小学，讲述一名年轻教师用五年时间带出一支足球队的故事。';
  const SCRIPT = [
    '各位观众大家好，欢迎收看本期节目。',
    '五年前，刚从师范学校毕业的陈老师来到这所只有六十名学生的小学，学校里连一个像样的足球都没有。',
    '他自己出钱买了球和球门网，每天放学后带着孩子们在土操场上练习。',
    '去年，这支队伍第一次走出大山，在全市小学生足球赛上拿到了第三名。',
  ];
  const video = shell(
    '山村小学的足球梦',
    `<div class="info"><h1>山村小学的足球梦</h1><div class="meta"><span>时长：08:15</span><span>发布时间：2024-05-02</span></div>
<div class="summary"><h3>节目简介</h3><p>${INTRO}</p></div>
<div class="script fold"><h3>节目文稿</h3><div class="script-body" style="max-height:80px;overflow:hidden">${SCRIPT.map((p) => `<p>${p}</p>`).join('')}</div>
<a class="more" href="javascript:;">展开全文 ∨</a></div>
<div class="ops"><a href="javascript:;">点赞 12</a><a href="javascript:;">收藏</a></div></div>`,
  );

  it('takes a summary panel above a folded transcript', () => {
    const a = extractArticle(video, 'https://tv.example.org/v/2024/0502/88.html');
    expect(a.paragraphs[0]).toBe(INTRO);
    for (const p of SCRIPT) expect(a.paragraphs).toContain(p);
    expect(a.text).not.toContain('展开全文');
    expect(a.text).not.toContain('节目简介');
  });

  it('does not take a labelled panel of links beside the text', () => {
    const links = shell(
      '山村小学的足球梦',
      `<div class="info"><h1>山村小学的足球梦</h1><div class="meta"><span>发布时间：2024-05-02</span></div>
<div class="script"><h3>节目文稿</h3><div class="script-body">${SCRIPT.map((p) => `<p>${p}</p>`).join('')}</div></div>
<div class="more-list"><h3>往期节目</h3><ul><li><a href="/v/1.html">老街上的修表铺，一门手艺守了三十年。</a></li><li><a href="/v/2.html">湖边的候鸟观测站，十年记录两百种鸟。</a></li></ul></div></div>`,
    );
    const a = extractArticle(links, 'https://tv.example.org/v/2024/0502/88.html');
    for (const p of SCRIPT) expect(a.paragraphs).toContain(p);
    expect(a.text).not.toContain('修表铺');
  });
});

describe('printed lines of a PDF converted to HTML', () => {
  // pdf2htmlEX-like line boxes: x = left edge, fs = font size; x2 is the first-line indent.
  const line = (x: string, fs: string, text: string): string => `<div class="t m0 ${x} h2 y1 ff1 ${fs} fc0 sc0 ls0 ws0">${text}</div>`;
  // The converter's stylesheet places each edge class; the indented edge is further right.
  const page = `<!doctype html><html><head><meta charset="utf-8"><title></title>
<style>.x1{left:110.5px;}.x2{left:142.5px;}.x5{left:201px;}.x7{left:360px;}.fs2{font-size:56px;}.fs3{font-size:64px;}</style></head><body><div id="page-container">
<div class="pf w0 h0"><div class="pc pc1 w0 h0">
${line('x5', 'fs4', '示例区植树活动情况通报')}
${line('x2', 'fs3', '3月12日，全区组织机关干部和志愿者')}
${line('x1', 'fs3', '在滨河公园开展义务植树活动，共栽下香樟')}
${line('x1', 'fs3', '和桂花树<span class="ff4">1200</span>余株。')}
${line('x2', 'fs3', '一、组织有序')}
${line('x2', 'fs3', '各街道按片区分组，每组配一名园林技术')}
${line('x1', 'fs3', '人员现场指导，确保栽一棵活一棵。活动结束后')}
${line('x7', 'fs2', '— 1 —')}
</div></div>
<div class="pf w0 h0"><div class="pc pc2 w0 h0">
${line('x1', 'fs3', '各组对树苗进行了浇水和培土。')}
${line('x2', 'fs3', '二、后续管护')}
${line('x2', 'fs3', '新栽树木由属地街道负责管护一年，区园林')}
${line('x1', 'fs3', '部门每月检查一次成活情况。')}
${line('x1', 'fs2', '报：区委办公室，区政府办公室。')}
${line('x1', 'fs2', '送：区人大办公室，区政协办公室。')}
${line('x7', 'fs2', '— 2 —')}
</div></div></div></body></html>`;

  it('joins a paragraph’s lines, across a page break, and drops page numbers and 报/送 lines', () => {
    const a = extractArticle(page, 'https://www.example.org/uploads/P020240313000001.html');
    expect(a.paragraphs).toContain('3月12日，全区组织机关干部和志愿者在滨河公园开展义务植树活动，共栽下香樟和桂花树1200余株。');
    expect(a.paragraphs).toContain(
      '各街道按片区分组，每组配一名园林技术人员现场指导，确保栽一棵活一棵。活动结束后各组对树苗进行了浇水和培土。',
    );
    expect(a.paragraphs).toContain('一、组织有序');
    expect(a.paragraphs).toContain('新栽树木由属地街道负责管护一年，区园林部门每月检查一次成活情况。');
    expect(a.text).not.toContain('— 1 —');
    expect(a.text).not.toContain('报：区委办公室');
    expect(a.text).not.toContain('送：区人大办公室');
  });

  it('leaves ordinary divs alone', () => {
    const plain = shell(
      '区植树活动',
      `<h1>区植树活动</h1><div class="date">2024-03-13</div><div class="t">3月12日，全区组织机关干部开展义务植树活动。</div>
<div class="t">各街道按片区分组，每组配一名园林技术人员现场指导。</div>`,
    );
    const a = extractArticle(plain, 'https://www.example.org/a/1.html');
    expect(a.paragraphs).toEqual(['3月12日，全区组织机关干部开展义务植树活动。', '各街道按片区分组，每组配一名园林技术人员现场指导。']);
  });
});

describe('a 公文’s head and record lines', () => {
  const TEXT = [
    '各街道办事处，区直各单位：',
    '为做好今年汛期安全工作，区应急管理局决定自6月1日起开展防汛隐患排查。现将有关事项通知如下：',
    '一、各单位要对辖区内的低洼地段、地下车库和在建工地逐一排查，建立隐患台账。',
    '二、排查结果请于6月20日前报区应急管理局。',
    '示例区应急管理局',
    '2024年5月28日',
    '（此件公开发布）',
  ];
  const doc = (
    tail: string,
  ): string => `<!doctype html><html><head><meta charset="gb2312"><title>关于开展汛前隐患排查的通知</title></head><body>
<div class="Section0">
<p class=MsoNormal align=center><span style="color:rgb(255,0,0)">示例区应急管理局文件</span></p>
<p class=MsoNormal>&nbsp;</p>
<p class=MsoNormal align=center><span>示区应急发〔2024〕9号</span></p>
<p class=MsoNormal align=center><span>关于开展汛前隐患排查的通知</span></p>
${TEXT.map((t) => `<p class=MsoNormal><span>${t}</span></p>`).join('\n')}
${tail}
</div></body></html>`;

  it('drops the red head, the 文号 and the 抄送/印发 lines, keeps the 落款 and the notice', () => {
    const a = extractArticle(
      doc(`<p class=MsoNormal><span>抄送：区委办公室，区政府办公室。</span></p>
<p class=MsoNormal><span>示例区应急管理局办公室\u3000\u30002024年5月28日印发</span></p>`),
      'https://www.example.org/zwgk/2024/0528/9.html',
    );
    expect(a.paragraphs).toEqual(TEXT);
  });

  it('keeps a 文号 under the title where no red head is above it', () => {
    const page = doc('')
      .replace(/<p class=MsoNormal align=center><span style="color:rgb\(255,0,0\)">[^<]*<\/span><\/p>/, '')
      .replace(/(<p class=MsoNormal align=center><span>示区应急发〔2024〕9号<\/span><\/p>)\n(<p[^\n]*通知<\/span><\/p>)/, '$2\n$1');
    const a = extractArticle(page, 'https://www.example.org/zwgk/2024/0528/9.html');
    expect(a.paragraphs[0]).toBe('示区应急发〔2024〕9号');
  });

  it('keeps such words inside the text', () => {
    const mid = '抄送：各成员单位的排查结果同时抄送区水利局，由其汇总后统一上报。';
    const page = doc('').replace(`<p class=MsoNormal><span>${TEXT[3]}</span></p>`, `<p class=MsoNormal><span>${mid}</span></p>\n$&`);
    const a = extractArticle(page, 'https://www.example.org/zwgk/2024/0528/9.html');
    expect(a.paragraphs).toContain(mid);
    expect(a.paragraphs.at(-1)).toBe('（此件公开发布）');
  });
});

describe('framework image elements and expand buttons', () => {
  const P = [
    '5月18日，示例市第二届青少年科技节在市科技馆开幕，全市四十所中小学的三百多件作品参展。',
    '参展作品涵盖机器人、航模、编程和生物观察等类别，不少作品由学生和家长共同完成。',
    '科技节期间，科技馆每天安排两场科普讲座，并向中小学生免费开放全部展厅。',
    '组委会表示，优秀作品将推荐参加全省青少年科技创新大赛。',
  ];
  const page = `<!doctype html><html mip><head><meta charset="utf-8"><title>青少年科技节开幕</title></head><body>
<mip-fixed type="top"><header class="m-header"><a href="/">示例新闻</a></header></mip-fixed>
<div class="article"><h1>青少年科技节开幕</h1><div class="info"><span class="time">2024-05-18 17:30</span><span>来源：示例新闻网</span></div>
<div class="content"><p>${P[0]}</p>
<mip-img layout="responsive" width="600" height="400" src="https://img.example.org/2024/0518/a.jpg"></mip-img>
<p class="img-desc">学生在展台前演示自制机器人。</p>
<p>${P[1]}</p>
<mip-showmore maxheight="screen:0.6" id="more1"><p>${P[2]}</p>
<amp-img width="600" height="400" src="https://img.example.org/2024/0518/b.jpg"></amp-img>
<p class="img-desc">航模展区。</p>
<p>${P[3]}</p></mip-showmore>
<div on="tap:more1.toggle" class="mip-showmore-btn">展开全文</div></div></div>
<div class="foot">版权所有：示例新闻网</div></body></html>`;

  it('takes the folded text, keeps the pictures, drops their captions and the button', () => {
    const a = extractArticle(page, 'https://m.example.org/mip/2024-05/18/1.html');
    expect(a.paragraphs).toEqual(P);
    expect(a.images.map((i) => i.src)).toEqual(['https://img.example.org/2024/0518/a.jpg', 'https://img.example.org/2024/0518/b.jpg']);
  });
});
