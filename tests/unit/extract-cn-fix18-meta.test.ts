/**
 * Issue 16, eighteenth outside set (titles and dates): kinds of markup in general terms, with our
 * own text. A heading that holds a separator of its own is still the title when <title> is the
 * heading and a site's name; a 落款's unit (an organisation over a date line after the text) never
 * titles a page, nor does an organisation's name that <title> carries after a page kind; a field
 * table's label cell 刊登日期 dates the page over its 落款; an edit stamp (编辑于 …) that keeps the
 * publication day in its tooltip gives that day; a page dated only by a last-change line (the
 * footer's 最后编辑于 / 修订时间) takes that date, a site's own update line not.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { lastChangeDate } from '../../main/services/extract/patterns';

const RIDE = [
  '周六早上七点从东门出发，沿湖边绿道一路向北，风不大，骑起来很舒服～',
  '🚲路线：东门→柳堤→观鸟台→北岸码头→返回东门，全程二十六公里左右。',
  '☕补给：北岸码头旁边有家小店，豆浆油条都有，价格也实在。',
  '⚠️提醒：柳堤那一段周末人多，记得减速慢行，注意避让散步的老人和孩子。',
  '下次打算试试逆时针骑一圈，看看日落时的湖面。',
];

describe('a heading with a separator of its own', () => {
  const page = (
    title: string,
  ): string => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><meta property="og:title" content="${title}"></head><body>
<div class="top"><a href="/">首页</a><a href="/explore">发现</a></div>
<div class="note">
<div class="note-head"><a href="/u/1">骑车的阿青</a></div>
<div class="post-title">环湖骑行｜半日路线分享</div>
<div class="note-desc"><span>${RIDE.join('<br>')}</span></div>
<div class="note-foot"><span class="date">2024-05-18</span></div>
</div>
<div class="feed"><a href="/n/2">周末去哪儿｜城郊露营地合集</a><a href="/n/3">新手骑行装备清单</a></div>
</body></html>`;

  it('takes the heading, not <title> with the site’s name after it', () => {
    const a = extractArticle(page('环湖骑行｜半日路线分享 - 示例社区'), 'https://www.example.org/n/1');
    expect(a.title).toBe('环湖骑行｜半日路线分享');
  });
});

const NOTICE = [
  '本局受理的示例县城关镇某地块国有建设用地使用权出让一事，已完成地价评估和出让方案审批。',
  '现将出让地块的位置、面积、用途和起始价等事项予以公告，有意竞买者可于公告期内到本局查阅出让文件。',
  '公告期为二十日，期满后按规定组织网上挂牌出让。',
  '特此公告。',
];

describe('a notice with a field table and a 落款', () => {
  const page = (
    fields: string,
  ): string => `<!doctype html><html><head><meta charset="utf-8"><title>通知公告-示例县自然资源局</title></head><body>
<div class="logo"><img src="/logo.png" alt="示例县自然资源局"></div>
<div class="menu"><a href="/">首页</a><a href="/tzgg/">通知公告</a><a href="/zwgk/">政务公开</a></div>
<div class="main">
<h2 class="main-title">示例县自然资源局关于城关镇某地块国有建设用地使用权挂牌出让的公告</h2>
${fields}
<div class="text">
${NOTICE.map((p) => `<p>${p}</p>`).join('\n')}
<p style="text-align:right">示例县自然资源局</p>
<p style="text-align:right">二〇二四年五月六日</p>
</div>
</div>
<div class="side"><h3>最新公告</h3><ul><li><a href="/tzgg/2">关于开展耕地保护检查的通知</a><span>2024-05-20</span></li></ul></div>
</body></html>`;
  const table = `<table class="fields">
<tr><td>公告类别</td><td>出让公告</td><td>发布单位</td><td>示例县自然资源局</td></tr>
<tr><td>所属乡镇</td><td>城关镇</td><td>刊登日期</td><td>2024-05-09</td></tr>
</table>`;

  it('takes the heading, not the 落款’s unit or the organisation in <title>', () => {
    const a = extractArticle(page(table), 'https://zrzy.example.gov.cn/tzgg/show.jsp?id=88');
    expect(a.title).toBe('示例县自然资源局关于城关镇某地块国有建设用地使用权挂牌出让的公告');
  });

  it('takes the 刊登日期 cell for the date, not the 落款’s', () => {
    const a = extractArticle(page(table), 'https://zrzy.example.gov.cn/tzgg/show.jsp?id=88');
    expect(a.publishedAt).toBe('2024-05-09');
  });

  it('dates the notice by its 落款 when no field names a date', () => {
    const a = extractArticle(page(''), 'https://zrzy.example.gov.cn/tzgg/show.jsp?id=88');
    expect(a.title).toBe('示例县自然资源局关于城关镇某地块国有建设用地使用权挂牌出让的公告');
    expect(a.publishedAt).toBe('2024-05-06');
  });
});

const ANSWER = [
  '做了三年社区图书角的志愿者，说几点体会。',
  '一是书要常换。我们每月和区图书馆交换一次，一次换两百本，老人孩子都有新书看。',
  '二是要有人在。每天下午安排一名志愿者值守，帮着找书、登记，也陪孩子读一会儿。',
  '三是活动要小而勤。每周六一次亲子共读，不求人多，十来个家庭刚刚好。',
];

describe('an edit stamp with the publication day in its tooltip', () => {
  const page = (
    stamp: string,
  ): string => `<!doctype html><html><head><meta charset="utf-8"><title>社区图书角怎样才能办得长久？ - 示例问答</title></head><body>
<div class="head"><a href="/">首页</a><a href="/hot">热榜</a></div>
<div class="question"><h1 class="q-title">社区图书角怎样才能办得长久？</h1><div class="q-detail">我们小区刚建了图书角，担心过一阵就没人管了。</div></div>
<div class="answer">
<div class="who"><a href="/people/a1">图书角志愿者</a></div>
<div class="rich">${ANSWER.map((p) => `<p>${p}</p>`).join('')}</div>
<div class="answer-time"><a href="/q/1/a/1">${stamp}</a> · IP 属地湖北</div>
</div>
<div class="more"><h4>更多回答</h4>
<div class="item"><a href="/people/a2">读书人</a><div class="excerpt">可以和学校合作，让学生来当小管理员。</div><div class="item-time"><span>发布于 2024-04-30 08:10</span></div></div>
<div class="item"><a href="/people/a3">老街坊</a><div class="excerpt">关键是有固定的经费，哪怕很少。</div><div class="item-time"><span>发布于 2024-05-22 19:45</span></div></div>
</div>
</body></html>`;

  it('takes the 发布于 day of the tooltip, not the edit or another answer’s day', () => {
    const a = extractArticle(
      page('<span title="发布于 2024-05-03 21:30">编辑于 2024-05-15 10:02</span>'),
      'https://www.example.org/q/1/a/1',
    );
    expect(a.publishedAt).toBe('2024-05-03');
  });

  it('reads aria-label as a tooltip too', () => {
    const a = extractArticle(
      page('<span aria-label="发布于 2024-05-04 07:00">编辑于 2024-05-15 10:02</span>'),
      'https://www.example.org/q/1/a/1',
    );
    expect(a.publishedAt).toBe('2024-05-04');
  });
});

const MANUAL = [
  '本页说明办公室打印机的共享设置。办公室里只有一台打印机连在某一台电脑上时，其他同事每次打印都要把文件拷过去，既费时间又容易传错版本；把打印机设为共享后，同一网段里的电脑都能把它添加为网络打印机，像使用自己的打印机一样直接打印，管理员也便于统一安装驱动和查看打印队列。下面先说在连接打印机的那台电脑上怎样打开共享，再说其他电脑怎样添加，最后列出几种常见的连接问题和处理办法，供各科室参考。',
  '打印机共享后，同一办公室的电脑都可以直接打印，不必再用U盘拷文件。',
  '先在连接打印机的电脑上打开“设置—设备—打印机”，选中打印机后点“管理”，在“打印机属性”里勾选“共享这台打印机”。',
  '其他电脑在“添加打印机”时选择“按名称选择共享的打印机”，输入共享电脑的地址和打印机名称即可。',
  '如提示找不到打印机，请确认两台电脑在同一网段，并关闭防火墙后重试。',
];

describe('a page dated only by a last-change line', () => {
  const page = (
    footer: string,
  ): string => `<!doctype html><html><head><meta charset="utf-8"><title>共享办公室打印机 · 办公电脑使用指南</title></head><body>
<div class="book-header"><h1>办公电脑使用指南</h1></div>
<div class="book-summary"><ul><li><a href="a.html">连接无线网络</a></li><li><a href="b.html">共享办公室打印机</a></li><li><a href="c.html">安装杀毒软件</a></li></ul></div>
<div class="body-inner"><section class="content"><h1>共享办公室打印机</h1>
${MANUAL.map((p) => `<p>${p}</p>`).join('\n')}
</section></div>
<div class="nav-links"><a href="a.html">上一页</a><a href="c.html">下一页</a></div>
<footer id="footer" class="site-footer">${footer}</footer>
</body></html>`;

  it('takes a 修订时间 line after the copyright in the footer', () => {
    const a = extractArticle(
      page('<span>Copyright © 示例单位信息科 2024</span><span>本页修订时间：2024-03-21 16:05:12</span>'),
      'https://docs.example.org/b.html',
    );
    expect(a.publishedAt).toBe('2024-03-21');
  });

  it('takes a footer’s 此页面最后编辑于 line', () => {
    const a = extractArticle(
      page('<ul><li>此页面最后编辑于2024年2月7日 (星期三) 09:12。</li><li>内容可自由转载</li></ul>'),
      'https://docs.example.org/b.html',
    );
    expect(a.publishedAt).toBe('2024-02-07');
  });
});

describe('lastChangeDate', () => {
  it('reads the date after a last-change label anywhere in a line', () => {
    expect(lastChangeDate('© 信息科 2024 该文档最近修改时间：2024-03-21 16:05')).toMatch(/^2024-03-21/);
    expect(lastChangeDate('此条目最后一次编辑于2024年2月7日')).toMatch(/^2024年2月7日/);
  });

  it('reads no site’s or system’s update line, nor a bare 编辑于', () => {
    expect(lastChangeDate('本站最后更新：2024-06-30')).toBeNull();
    expect(lastChangeDate('数据更新时间：2024-06-30')).toBeNull();
    expect(lastChangeDate('编辑于 2024-06-30 12:00')).toBeNull();
  });
});
