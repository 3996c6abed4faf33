/**
 * Issue 16, twenty-fourth outside set: kinds of page in general terms, with our own markup and text.
 * 来源: a 来源 qualified by what it is the source of (数据来源, 图片来源, 辟谣来源) beside the page's
 * own 来源. Body: a short notice of short lines on an old table site, where Readability's copy
 * adds only the side boxes' headings above the title, a labelled 文号 field and a bare label of a
 * menu; a picture's title set above it in a box of the two alone.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const para = (s: string): string => `<p>${s}</p>`;

describe('a 来源 qualified by what it is the source of', () => {
  const page = (meta: string): string => `<html><head><meta charset="utf-8"><title>城区供水管网改造完成 - 某某市政务网</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/dt/">政务动态</a></div>
<div class="main"><h1>城区供水管网改造完成</h1>
<div class="meta">${meta}</div>
<div class="text">${[
    '经过半年施工，城区老旧供水管网改造工程日前全部完成，共更换管道四十二公里。',
    '改造完成后，城区供水压力明显提升，高层住户用水难的问题得到解决。',
    '市水务部门表示，下一步将继续推进二次供水设施改造，确保群众喝上放心水。',
  ]
    .map(para)
    .join('\n')}</div></div>
<div class="foot">某某市人民政府 版权所有</div></body></html>`;

  it('reads the page’s 来源, not the 数据来源 or 辟谣来源 before it on the same line', () => {
    for (const label of ['数据来源', '辟谣来源', '图片来源']) {
      const a = extractArticle(
        page(`<span>${label}：某某市统计局</span><span>来源：某某市水务局</span><span>发布时间：2024-03-02</span>`),
        'https://www.example-city.cn/dt/2024/0302/5.html',
      );
      expect(a.origin).toBe('某某市水务局');
    }
  });

  it('still reads a 来源 with a plain label (信息来源, 文章来源)', () => {
    for (const label of ['信息来源', '文章来源', '来源']) {
      const a = extractArticle(
        page(`<span>${label}：某某市水务局</span><span>发布时间：2024-03-02</span>`),
        'https://www.example-city.cn/dt/2024/0302/5.html',
      );
      expect(a.origin).toBe('某某市水务局');
    }
  });
});

describe('Readability’s copy of a short notice on an old table site', () => {
  // A notice of short lines (no line of 40 characters): our confidence is low and Readability is
  // asked. On this layout it takes the whole page table: the side boxes' headings (their links
  // dropped), the banner, the title, a 文号 row and the label of a row of menus come with the text.
  const lines = [
    '各乡镇人民政府，县直各单位：',
    '经县人民政府研究决定：',
    '任命韩一鸣为某某县水利局副局长；',
    '任命宋晓岚为某某县文化馆馆长；',
    '免去陶建新的某某县林业站站长职务；',
    '免去柏玉华的某某县统计局副局长职务。',
    '某某县人民政府',
    '2023年11月6日',
  ];
  const side = (heading: string, n: number): string =>
    `<table width="100%" class="side"><tr><td class="side_tit">${heading}</td></tr>${Array.from(
      { length: n },
      (_, i) => `<tr><td class="side_li">·<a href="Show.asp?ID=${700 + i}">某某县人民政府关于第${i + 1}批同志职务任免的通知</a></td></tr>`,
    ).join('')}</table>`;
  const towns = [
    '东关镇',
    '西关镇',
    '南岭乡',
    '北岭乡',
    '石桥镇',
    '柳河镇',
    '青山乡',
    '白水镇',
    '黄土岗乡',
    '红旗街道',
    '新华街道',
    '城关街道',
  ];
  const menus = (label: string): string =>
    `<tr><td>${label}：${(
      [
        ['--省直部门--', 6],
        ['--市直部门--', 8],
        ['--乡镇街道--', 12],
      ] as const
    )
      .map(
        ([h, n], k) =>
          `<select name="s${k}"><option value="">${h}</option>${towns
            .slice(0, n)
            .map((t, i) => `<option value="http://t${k}${i}.example-gov.cn/">某某县${t}人民政府网站</option>`)
            .join('')}</select>`,
      )
      .join(' ')}</td></tr>`;
  const menu = ['网站首页', '县情概况', '政务动态', '政府文件', '人事信息', '规划计划', '财政信息', '办事指南', '县长信箱', '专题专栏'];
  const page = (o: {
    sides: string[];
    number?: string;
    menuLabel?: string;
  }): string => `<html><head><meta charset="utf-8"><title>某某县人民政府--某某县人民政府关于韩一鸣等同志职务任免的通知</title></head><body>
<table width="960" align="center"><tr><td align="right"><a href="#">设为首页</a> | <a href="#">加入收藏</a> | <a href="Map.asp">网站地图</a></td></tr>
<tr><td><img src="Skin/top.jpg" width="960" height="150" alt="某某县人民政府"></td></tr>
<tr><td class="menu">${menu.map((m, i) => `<a href="List.asp?ID=${i + 1}">${m}</a>`).join(' | ')}</td></tr>
<tr><td>您现在的位置：<a href="Index.asp">首页</a> &gt;&gt; <a href="List.asp?ID=5">人事信息</a> &gt;&gt; 正文</td></tr>
<tr><td><table width="100%"><tr><td width="230" valign="top">${o.sides.join('\n')}</td>
<td valign="top"><table width="100%">
<tr><td class="title_font">某某县人民政府关于韩一鸣等同志职务任免的通知</td></tr>
<tr><td class="meta">作者：县政府办\u3000文章来源：县人民政府办公室\u3000更新时间：2023-11-7 9:12:30</td></tr>
${o.number ? `<tr><td class="wh">文号：${o.number}</td></tr>` : ''}
<tr><td class="content">${lines.map(para).join('\n')}</td></tr>
<tr><td>上一篇：<a href="Show.asp?ID=690">某某县人民政府关于第九批同志职务任免的通知</a><br>下一篇：没有了</td></tr>
</table></td></tr></table></td></tr>
${o.menuLabel ? menus(o.menuLabel) : ''}
<tr><td class="foot">主办：某某县人民政府办公室\u3000地址：某某县府前路1号<br>版权所有：某某县人民政府\u3000某ICP备00000000号</td></tr></table></body></html>`;
  const url = 'http://www.example-county.gov.cn/Show.asp?ID=710';
  const sides = [side('人事信息', 5), side('本栏目最新文章', 4), side('政务动态', 4)];

  it('leaves out what stands above the title in Readability’s copy (the side boxes’ headings)', () => {
    const a = extractArticle(page({ sides, menuLabel: '相关网站' }), url, { referee: 'always' });
    expect(a.paragraphs).toEqual(lines);
  });

  it('leaves out a bare label closing Readability’s copy (the label of a row of menus)', () => {
    const a = extractArticle(page({ sides: [side('相关文章', 5)], menuLabel: '其他政府网站' }), url, { referee: 'always' });
    expect(a.paragraphs).toEqual(lines);
  });

  it('leaves out a labelled 文号 field in Readability’s copy', () => {
    const a = extractArticle(page({ sides: [side('相关文章', 5)], number: '某政人〔2023〕17号' }), url, { referee: 'always' });
    expect(a.paragraphs).toEqual(lines);
  });

  it('keeps a line ending in a colon that text follows, and a 文号 cited in a sentence', () => {
    const more = [
      ...lines.slice(0, 6),
      '文号：某政人〔2022〕5号文件中有关任职的内容同时废止。',
      '附：',
      '任免人员名单一份',
      ...lines.slice(6),
    ];
    const html = page({ sides: [side('相关文章', 5)] }).replace(lines.map(para).join('\n'), more.map(para).join('\n'));
    const a = extractArticle(html, url, { referee: 'always' });
    expect(a.paragraphs).toEqual(more);
  });
});

describe('a picture’s title set above it in a box of the two alone', () => {
  const text = [
    '据县气象台监测，6月18日20时至19日8时，全县普降大到暴雨，局部地区出现大暴雨，最大降雨量出现在北岭乡。',
    '受强降雨影响，县内两条河流水位上涨，县防汛办已启动四级应急响应，组织人员转移低洼地带群众一百二十人。',
  ];
  const page = (box: string): string => `<html><head><meta charset="utf-8"><title>我县出现强降雨天气 - 某某县应急管理局</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/yj/">应急动态</a></div>
<div class="main"><h1>我县出现强降雨天气</h1><div class="info">发布时间：2024-06-19 09:30\u3000来源：某某县应急管理局</div>
<div class="text">${text.map(para).join('\n')}
${box}</div></div><div class="foot">某某县应急管理局 版权所有</div></body></html>`;
  const url = 'https://yj.example-county.cn/yj/2024/0619/3.html';

  it('leaves out the title set above the picture in its box', () => {
    const a = extractArticle(
      page('<div class="pic-box"><div class="pic-hd">全县降雨量分布图</div><img src="/u/rain.png" alt="降雨量分布图"></div>'),
      url,
    );
    expect(a.paragraphs).toEqual(text);
    expect(a.html).toContain('rain.png');
  });

  it('keeps a subheading that is followed by a picture but not boxed with it alone', () => {
    const a = extractArticle(
      page('<p>全县降雨量分布</p><p><img src="/u/rain.png" alt="降雨量分布图"></p><p>各乡镇要做好防范工作，加强值班值守。</p>'),
      url,
    );
    expect(a.paragraphs).toContain('全县降雨量分布');
  });

  it('keeps a numbered section head boxed with a picture', () => {
    const a = extractArticle(page('<div class="sec"><div class="hd">二、降雨分布</div><img src="/u/rain.png" alt=""></div>'), url);
    expect(a.paragraphs).toContain('二、降雨分布');
  });
});
