/**
 * Issue 16, eighteenth outside set (body and leaks): kinds of markup in general terms, with our
 * own text. A notice's numbered items that open with an event's date label ((一)报名时间：…) are
 * its text; an encyclopedia page's fact box above the text, its 目录 box and navbox (marked as
 * navigation), its headings' bracketed edit links and its notes' ↑ links back are not; a copy
 * button's label inside a code block's <pre> is not code; a caption set grey by a class of the
 * page's style sheet is not text.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { isMetaLine } from '../../main/services/extract/patterns';

const page = (title: string, meta: string, content: string, head = ''): string => `<!doctype html><html><head><meta charset="utf-8">
<title>${title}_示例网</title>${head}</head><body>
<div class="nav"><a href="/">首页</a><a href="/a">通知</a><a href="/b">动态</a><a href="/c">关于</a></div>
<div class="main"><div class="article"><h1>${title}</h1>
<div class="info">${meta}</div>
<div class="content">${content}</div></div></div>
<div class="footer"><p>版权所有 示例中心</p></div></body></html>`;

describe("a notice's numbered items led by an event's date label", () => {
  it('are no metadata lines', () => {
    expect(isMetaLine('（一）报名时间：2025年5月6日至5月9日，请在系统中填写信息。')).toBe(false);
    expect(isMetaLine('2. 考试日期：2025年5月18日，地点另行通知。')).toBe(false);
    expect(isMetaLine('三、培训时间：2025年6月2日')).toBe(false);
    // The page's own date line stays one, numbered or not.
    expect(isMetaLine('发布时间：2025-04-28')).toBe(true);
    expect(isMetaLine('（一）发布时间：2025-04-28')).toBe(true);
  });

  it('stay in the text', () => {
    const lines = [
      '一、报名方式',
      '（一）报名时间：2025年5月6日至5月9日，考生在报名系统填写个人信息并上传证件照。',
      '（二）考试时间：2025年5月18日上午，地点为学校东区教学楼，准考证于5月14日起下载。',
      '（三）考试内容：综合素质面试，满分一百分。',
    ];
    const html = page(
      '示例学院2025年技能培训班招生通知',
      '发布时间：2025-04-28　来源：继续教育学院',
      lines.map((l) => `<p>${l}</p>`).join('\n'),
    );
    const a = extractArticle(html, 'https://www.example-xy.edu.cn/info/1020/5512.htm', { referee: 'never' });
    expect(a.paragraphs).toEqual(lines);
    expect(a.publishedAt).toBe('2025-04-28');
  });
});

describe('an encyclopedia page', () => {
  const lead = '青石桥位于示例县城关镇南门外，是一座三孔石拱桥，横跨南溪，为县级文物保护单位。';
  const history = '桥始建于清代，民国时期两次修缮。上世纪八十年代县文物部门对桥面进行了加固。';
  const note = '《示例县文物志》，示例出版社，2009年，第88页。';
  const wiki = (box: string): string =>
    page(
      '青石桥',
      '',
      `${box}
<p><b>青石桥</b>${lead.slice(3)}<sup><a href="#note-1">[1]</a></sup></p>
<div role="navigation" class="contents-box"><h2>目录</h2><ul><li><a href="#h1">1 历史</a></li><li><a href="#h2">2 注释</a></li></ul></div>
<h2><span id="h1">历史</span><span class="section-edit">[<a href="/w/index.php?title=x&amp;action=edit&amp;section=1">编辑</a>]</span></h2>
<p>${history}</p>
<h2><span id="h2">注释</span><span class="section-edit">[<a href="/w/index.php?title=x&amp;action=edit&amp;section=2">编辑</a>]</span></h2>
<ol><li id="note-1"><a href="#ref-1">↑</a> <span>${note}</span></li></ol>
<div role="navigation" class="related-box"><table><tr><th colspan="2">示例县古桥</th></tr><tr><th>石拱桥</th><td><a href="/w/a">青石桥</a> <a href="/w/b">万福桥</a> <a href="/w/c">永济桥</a></td></tr></table></div>`,
    );

  it('drops its fact box, 目录 box, navbox, edit links and ↑ links back; keeps its text and notes', () => {
    const box = `<table class="facts"><tr><th colspan="2">青石桥</th></tr><tr><td colspan="2"><img src="/img/qsq.jpg" width="220" height="150"></td></tr>
<tr><th>地点</th><td>城关镇南门外</td></tr><tr><th>始建</th><td>清代</td></tr><tr><th>结构</th><td>三孔石拱</td></tr><tr><th>级别</th><td>县级文物保护单位</td></tr></table>`;
    const a = extractArticle(wiki(box), 'https://wiki.example-fz.cn/wiki/qsq', { referee: 'never' });
    expect(a.paragraphs).toEqual([`${lead}[1]`, '历史', history, '注释', note]);
    expect(a.text).not.toContain('编辑');
    expect(a.text).not.toContain('目录');
    expect(a.text).not.toContain('万福桥');
    expect(a.text).not.toContain('↑');
  });

  it("keeps a note's bracketed mark in a heading (a number, not a control's word)", () => {
    const html = wiki('').replace('<span id="h1">历史</span>', '<span id="h1">历史沿革与修缮</span><sup><a href="#note-1">[1]</a></sup>');
    const a = extractArticle(html, 'https://wiki.example-fz.cn/wiki/qsq', { referee: 'never' });
    expect(a.paragraphs).toContain('历史沿革与修缮[1]');
  });

  it("keeps a document's own table of label rows above the text (no row across it)", () => {
    const rows = [
      ['会议时间', '2025年3月4日上午'],
      ['会议地点', '镇政府二楼会议室'],
      ['主持人', '王建新'],
    ];
    const table = `<table class="facts">${rows.map(([l, v]) => `<tr><th>${l}</th><td>${v}</td></tr>`).join('')}</table>`;
    const text = '会议听取了各村关于春耕备耕工作的汇报，研究部署了农田水利设施维修和种子化肥供应工作。';
    const html = page('示例镇2025年第3次镇长办公会议纪要', '发布时间：2025-03-06　来源：镇党政办', `${table}\n<p>${text}</p>`);
    const a = extractArticle(html, 'https://www.example-zhen.gov.cn/zwgk/2025/0306/31.html', { referee: 'never' });
    expect(a.text).toContain('会议地点');
    expect(a.text).toContain('镇政府二楼会议室');
    expect(a.paragraphs.at(-1)).toBe(text);
  });
});

describe("a code block's copy button inside its <pre>", () => {
  it('is no line of the code; the code lines stay', () => {
    const lead = '备份脚本放在服务器的定时任务里，每天凌晨两点把数据库导出到备份盘，命令如下：';
    const after = '执行后检查备份盘里是否生成了当天日期命名的文件，文件大小应与前一天相近。';
    const html = page(
      '给小型数据库加上每日备份',
      '发布时间：2025-02-11　来源：运维组',
      `<p>${lead}</p>
<pre><code class="language-bash">pg_dump notes &gt; /backup/notes.sql
gzip -f /backup/notes.sql</code><span class="btn-copy">一键复制</span></pre>
<p>${after}</p>`,
    );
    const a = extractArticle(html, 'https://blog.example-yw.cn/post/88', { referee: 'never' });
    expect(a.paragraphs).toEqual([lead, 'pg_dump notes > /backup/notes.sql', 'gzip -f /backup/notes.sql', after]);
  });
});

describe("a caption the page's style sheet sets grey by its class", () => {
  const para = [
    '3月12日上午，示例社区组织志愿者在河堤两侧补种香樟和桂花树苗一百二十株，并为新栽树苗挂上了认养牌。',
    '社区负责人介绍，认养家庭将负责树苗第一年的浇水和看护，社区每季度组织一次养护评比。',
  ];
  const body = (cls: string): string =>
    `<p>${para[0]}</p>\n<p><img src="/upload/2025/03/zs1.jpg"></p>\n<p class="${cls}">志愿者在河堤补种树苗</p>\n<p>${para[1]}</p>`;

  it('drops the grey line under a picture; the picture and the text stay', () => {
    const sheet = '<style>.pic-line{text-align:center;color:#777;font-size:13px}.content p{line-height:2}</style>';
    const a = extractArticle(
      page('社区开展植树认养活动', '发布时间：2025-03-12　来源：示例社区', body('pic-line'), sheet),
      'https://www.example-sq.cn/news/312.html',
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs).toEqual(para);
    expect(a.html).toContain('/upload/2025/03/zs1.jpg');
  });

  it('keeps the line when the class sets only its background grey', () => {
    const sheet = '<style>.pic-line{text-align:center;background-color:#777}</style>';
    const a = extractArticle(
      page('社区开展植树认养活动', '发布时间：2025-03-12　来源：示例社区', body('pic-line'), sheet),
      'https://www.example-sq.cn/news/312.html',
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs).toEqual([para[0], '志愿者在河堤补种树苗', para[1]]);
  });
});
