/**
 * Issue 16, seventeenth outside set (body and leaks): kinds of markup in general terms, with our
 * own text. An exhibition's text opens with label lines (展览时间：…, 主办单位：…) that are its own;
 * a picture's caption set grey in an inline wrapper of its line is not text; a guide's first
 * section head (a short line set like the section heads after it) is no widget crumb.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const page = (title: string, meta: string, content: string): string => `<!doctype html><html><head><meta charset="utf-8">
<title>${title}_示例网</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/a">展览</a><a href="/b">活动</a><a href="/c">关于</a></div>
<div class="main"><div class="article"><h1>${title}</h1>
<div class="info">${meta}</div>
<div class="content">${content}</div></div></div>
<div class="footer"><p>主办单位：示例文化中心</p><p>版权所有 示例文化中心</p></div></body></html>`;

describe('an exhibition page opening with its label lines', () => {
  const lines = [
    '展出时间：2025.03.01—2025.06.30',
    '展出地点：东楼一层序厅',
    '主办单位：示例县文化馆　示例县图书馆',
    '本次展出从县图书馆地方文献部收藏的老照片中选出一百二十幅，记录了县城七十年来街巷、河道和集市的变化。',
    '观众可以在留言墙写下自己对老街的回忆，部分留言将在展期结束后编入纪念册。',
  ];
  const html = page(
    '老街记忆——县城七十年影像展',
    '发布时间：2025-02-20　来源：展览部',
    lines.map((l) => `<p><strong>${l.slice(0, l.indexOf('：') + 1)}</strong>${l.slice(l.indexOf('：') + 1)}</p>`).join('\n'),
  );

  it('keeps the host line among the exhibition labels, not the footer credit', () => {
    const a = extractArticle(html, 'https://www.example-culture.cn/exhibit/88.html', { referee: 'never' });
    expect(a.paragraphs).toEqual(lines);
    expect(a.text).not.toContain('示例文化中心');
  });
});

describe("a picture's caption set grey on a span that wraps its line", () => {
  const para = [
    '10月12日上午，示例镇农技站的技术员来到桃源村，为种植户讲解秋冬季果树修剪和病虫害防治的要点。',
    '技术员现场示范了拉枝、疏枝的做法，并提醒大家修剪后及时涂抹伤口保护剂，防止病菌侵入。',
    '活动结束后，农技站还向种植户发放了技术手册两百余册，并建立了线上答疑群。',
  ];
  const picture = (n: number, caption: string, colour: string): string =>
    `<p style="text-align:center;"><img src="/upload/2024/10/p${n}.jpg"></p>\n<p style="text-align:center;"><span style="font-size:12px;color:${colour};">${caption}</span></p>`;

  it('drops the grey line under a picture; the picture and the text stay', () => {
    const html = page(
      '农技人员进村指导果树冬季管理',
      '发布时间：2024-10-13　来源：示例镇农技站',
      [`<p>${para[0]}</p>`, picture(1, '技术员在果园里示范修剪枝条', '#888'), `<p>${para[1]}</p>`, `<p>${para[2]}</p>`].join('\n'),
    );
    const a = extractArticle(html, 'https://www.example-town.gov.cn/news/1013.html', { referee: 'never' });
    expect(a.paragraphs).toEqual(para);
    expect(a.html).toContain('/upload/2024/10/p1.jpg');
  });

  it('keeps the grey lines under the pictures of a page told by its pictures (a 图解)', () => {
    const panels = ['第一部分　改造范围', '第二部分　资金来源：市级补助加居民自筹', '第三部分　施工时间安排', '第四部分　咨询方式'];
    const html = page(
      '一图读懂：老旧小区加装电梯实施办法',
      '发布时间：2024-10-13　来源：示例市住建局',
      [`<p>${para[0]}</p>`, ...panels.map((c, n) => picture(n + 1, c, '#666'))].join('\n'),
    );
    const a = extractArticle(html, 'https://www.example-city.gov.cn/jd/1013.html', { referee: 'never' });
    expect(a.paragraphs).toEqual([para[0], ...panels]);
  });

  it('keeps a line under a picture set in the same grey as the text after it', () => {
    const grey = (t: string): string => `<p><span style="color:#888;">${t}</span></p>`;
    const html = page(
      '农技人员进村指导果树冬季管理',
      '发布时间：2024-10-13　来源：示例镇农技站',
      [grey(para[0]!), picture(1, '一、冬季修剪要点', '#888'), grey(para[1]!), grey(para[2]!)].join('\n'),
    );
    const a = extractArticle(html, 'https://www.example-town.gov.cn/news/1013.html', { referee: 'never' });
    expect(a.paragraphs).toEqual([para[0], '一、冬季修剪要点', para[1], para[2]]);
  });
});

describe("a guide's sections, the first one a table", () => {
  const section = (head: string, inner: string): string =>
    `<div class="sec"><div class="sec-name"><span>${head}</span></div><div class="sec-text">${inner}</div></div>`;
  const html = page(
    '城乡居民医疗保险参保登记',
    '更新时间：2024-07-02',
    [
      section(
        '办理须知',
        '<table><tr><th>办理对象</th><td>自然人</td><th>办件类型</th><td>即办件</td></tr><tr><th>办理地点</th><td colspan="3">县政务服务中心二楼医保窗口</td></tr><tr><th>办理时间</th><td colspan="3">工作日上午8:30—12:00，下午14:30—17:30</td></tr></table>',
      ),
      section(
        '办理条件',
        '<p>具有本县户籍且未参加职工基本医疗保险的城乡居民，可以在户籍所在地参保登记；在本县居住并持有居住证的外地户籍居民，也可以在居住地参保。</p>',
      ),
      section('所需材料', '<p>居民身份证或户口簿原件，新生儿可凭出生医学证明办理；委托他人代办的，另需提供代办人身份证件。</p>'),
      section(
        '办理流程',
        '<p>1.提交：申请人到窗口或通过网上服务大厅提交材料。</p><p>2.审核：窗口当场审核，材料齐全的即时办结。</p><p>3.缴费：登记完成后，按年度标准缴纳个人应缴部分。</p>',
      ),
    ].join('\n'),
  );

  it('keeps the first section head, set like the heads after it', () => {
    const a = extractArticle(html, 'https://zwfw.example-county.gov.cn/guide/detail?id=2207', { referee: 'never' });
    expect(a.paragraphs.slice(0, 3)).toEqual(['办理须知', '办理对象', '自然人']);
    expect(a.paragraphs).toContain('办理条件');
    expect(a.paragraphs).toContain('所需材料');
  });

  it('still drops a short widget line before the text when nothing later is set like it', () => {
    const other = page(
      '城乡居民医疗保险参保登记',
      '更新时间：2024-07-02',
      '<div class="fav"><span>收藏本页</span></div><p>具有本县户籍且未参加职工基本医疗保险的城乡居民，可以在户籍所在地参保登记。</p><p>居民身份证或户口簿原件，新生儿可凭出生医学证明办理。</p>',
    );
    const a = extractArticle(other, 'https://zwfw.example-county.gov.cn/guide/detail?id=2208', { referee: 'never' });
    expect(a.paragraphs[0]).toBe('具有本县户籍且未参加职工基本医疗保险的城乡居民，可以在户籍所在地参保登记。');
  });
});
