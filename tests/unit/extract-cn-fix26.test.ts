/**
 * Issue 16, twenty-sixth outside set: kinds of page in general terms, with our own markup and text.
 * Body: a data table of long cells under a header row is one piece of the text (the sentence
 * before it and the 注 after it are read with it); a document reader's page count (第 1 页 / 共 3
 * 页) and its fold notice (剩余1页未读，继续阅读) are chrome; a form's own date field (填报日期：…)
 * and the label cells of a form table (主办单位 | 某办公室) are lines of the text.
 * 来源: a document-sharing page's uploader (上传者：<a>a user</a>) is an account, not a 来源.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { isBoilerplate, isMetaLine } from '../../main/services/extract/patterns';

const URL = 'https://www.example-hill.gov.cn/zwgk/2024/0611/33.html';

const shell = (
  title: string,
  meta: string,
  text: string,
  side = '',
): string => `<html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="top"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/hd/">互动交流</a></div>
<div class="wrap"><div class="left"><div class="doc"><h1>${title}</h1>
<div class="info">${meta}</div>
<div class="text">${text}</div></div></div>
<div class="right">${side}</div></div>
<div class="foot"><p>主办单位：某某县人民政府办公室 承办单位：某某县信息中心</p><p>版权所有 某某县人民政府</p></div></body></html>`;

describe('a data table of long cells under a header row', () => {
  const row = (n: number): string =>
    `<tr><td>${n}</td><td>QY2024061${n}</td><td>群众反映某某村东侧鱼塘边有人堆放建筑垃圾，雨后有泥水流进沟渠，影响周边农田灌溉。</td><td>某某镇</td><td>固废</td>` +
    `<td>经现场核查，该处堆放装修垃圾约十余方，系附近两户村民翻建房屋时临时堆放，未采取遮盖措施。</td><td>属实</td>` +
    `<td>镇政府责令当事人三日内清运完毕，并在沟渠入口设置拦挡；县城管局已对清运情况进行复查。</td><td>已办结</td></tr>`;
  const table =
    '<div class="scroll"><table border="1"><thead><tr><th>序号</th><th>编号</th><th>反映问题</th><th>所在地</th><th>类别</th><th>核查情况</th><th>是否属实</th><th>处理情况</th><th>办理状态</th></tr></thead>' +
    `<tbody>${[1, 2, 3, 4, 5].map(row).join('')}</tbody></table></div>`;
  const intro = '6月7日，县整改办收到转办群众来信来电事项5件，截至6月10日已全部办结，现将办理情况公示如下：';
  const note = '注：上表所列事项均已由属地镇政府完成回访。';
  const side =
    '<div class="box"><h3>公示公告</h3><ul><li><a href="/a/1.html">关于第三批转办事项办理情况的公示</a></li><li><a href="/a/2.html">关于第二批转办事项办理情况的公示</a></li></ul></div>';

  it('reads the sentence before it, its header row and the note after it with the rows', () => {
    const a = extractArticle(
      shell(
        '关于第四批转办群众来信来电事项办理情况的公示',
        '<span>发布时间：2024-06-11</span><span>来源：县整改办</span>',
        `<p>${intro}</p>${table}<p>${note}</p>`,
        side,
      ),
      URL,
    );
    expect(a.text).toContain(intro);
    expect(a.text).toContain('核查情况');
    expect(a.text).toContain(note);
    expect(a.text).toContain('QY20240611');
    expect(a.text).not.toContain('第三批转办事项');
  });

  it('leaves a layout table alone: the cell that holds the article, not its link column', () => {
    const para = '为进一步做好夏季防汛工作，县应急管理局组织开展汛前隐患排查，重点检查河道堤防、山塘水库和地质灾害点，共发现问题十二处。';
    const layout = `<table><tr><td class="nav"><a href="/a/1.html">机构职能</a><br><a href="/a/2.html">领导信息</a><br><a href="/a/3.html">工作动态</a></td><td>${[
      1, 2, 3, 4,
    ]
      .map((i) => `<p>${para.replace('十二', String(10 + i))}</p>`)
      .join('')}</td></tr></table>`;
    const a = extractArticle(shell('县应急管理局开展汛前隐患排查', '<span>发布时间：2024-06-11</span>', layout), URL);
    expect(a.text).toContain('共发现问题11处');
    expect(a.text).not.toContain('机构职能');
  });
});

describe('a document reader’s page count and fold notice', () => {
  it('are chrome as whole lines only', () => {
    expect(isBoilerplate('第 1 页 / 共 3 页')).toBe(true);
    expect(isBoilerplate('共12页 第3页')).toBe(true);
    expect(isBoilerplate('剩余2页未读，继续阅读')).toBe(true);
    expect(isBoilerplate('还剩40%未读，点击展开')).toBe(true);
    // A sentence that counts pages is text.
    expect(isBoilerplate('这份材料共 12 页，第 3 页起为附表。')).toBe(false);
    expect(isBoilerplate('剩余2页未读的同学请于周五前读完。')).toBe(false);
  });

  it('leave the document’s pages without their counts on a shared document page', () => {
    const page = (n: number, total: number) =>
      `<div class="rpage"><p>第${n}部分：今年以来，支部坚持每月开展一次主题党日活动，组织党员到社区开展志愿服务，累计服务群众三百余人次。</p><div class="num">第 ${n} 页 / 共 ${total} 页</div></div>`;
    const a = extractArticle(
      shell(
        '某某支部上半年工作总结',
        '<span>2024-06-11上传</span>',
        `${page(1, 2)}${page(2, 2)}<div class="more"><p>剩余1页未读，<a href="#">继续阅读</a></p></div>`,
      ),
      URL,
    );
    expect(a.text).toContain('第2部分');
    expect(a.text).not.toContain('共 2 页');
    expect(a.text).not.toContain('未读');
  });
});

describe('a document-sharing page’s uploader', () => {
  const text =
    '<p>今年以来，支部坚持每月开展一次主题党日活动，组织党员到社区开展志愿服务，累计服务群众三百余人次，收到群众感谢信五封。</p>'.repeat(3);
  it('is a user account (its name a link to the user’s page), not the 来源', () => {
    const a = extractArticle(
      shell('某某支部上半年工作总结', '<span>上传者：<a href="/user/90817">云杉资料站</a></span><span>2024-06-11上传</span>', text),
      URL,
    );
    expect(a.origin).toBeNull();
  });

  it('a unit named as uploader in plain text is still the 来源', () => {
    const a = extractArticle(
      shell('某某支部上半年工作总结', '<span>上传者：县教育局办公室</span><span>发布日期：2024-06-11</span>', text),
      URL,
    );
    expect(a.origin).toBe('县教育局办公室');
  });
});

describe('a form inside the text', () => {
  const rows = [
    ['网站名称', '某某县人民政府门户网站'],
    ['主办单位', '某某县人民政府办公室'],
    ['网站总访问量（单位：次）', '2051377'],
    ['政务动态信息更新量（单位：条）', '906'],
    ['留言办结数量（单位：条）', '733'],
  ];
  const form =
    '<p>政府网站工作年度报表</p><p>填报单位：某某县人民政府办公室</p>' +
    `<table border="1">${rows.map(([l, v]) => `<tr><td>${l}</td><td>${v}</td></tr>`).join('')}</table>` +
    '<p>单位负责人：王某某　填报人：李某某</p><p>联系电话：0000-1234567　填报日期：2024-01-09</p>';

  it('keeps its label cells and its 填报日期 line, and the page’s date is still the page’s', () => {
    const a = extractArticle(
      shell('某某县人民政府门户网站工作年度报表（2023年度）', '<span>发布日期：2024-01-20</span><span>来源：县政府办公室</span>', form),
      URL,
    );
    expect(a.text).toContain('主办单位');
    expect(a.text).toContain('网站总访问量（单位：次）');
    expect(a.text).toContain('填报日期：2024-01-09');
    expect(a.publishedAt).toBe('2024-01-20');
    // The footer's own 主办单位 line is still chrome.
    expect(a.text).not.toContain('承办单位');
  });

  it('a page’s own date label is still metadata; a form’s date label is not', () => {
    expect(isMetaLine('发布日期：2024-01-20')).toBe(true);
    expect(isMetaLine('联系电话：0000-1234567　填报日期：2024-01-09')).toBe(false);
    expect(isMetaLine('签订日期：2024年3月1日')).toBe(false);
  });
});
