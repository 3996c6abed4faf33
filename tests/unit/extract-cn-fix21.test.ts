/**
 * Issue 16, twenty-first outside set: kinds of page in general terms, with our own markup and text.
 * Metadata: a Taiwan page dates in the 民國 calendar (發布日期：112-05-17); a webmail's read page
 * names its letter in a subject slot under a <title> naming the mail system; a party platform's
 * record names its publisher as 发布组织.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { findRocYearDate, matchOrigin } from '../../main/services/extract/patterns';

const para = (s: string): string => `<p>${s}</p>`;
const prose = [
  '本月起，镇卫生院组织家庭医生团队分片走访辖区内的独居老人，为每位老人测量血压血糖、整理用药清单，并留下签约医生的联系电话。',
  '走访中发现需要进一步检查的老人，由团队联系上级医院预约号源，安排车辆接送，检查结果再由家庭医生上门解读，做到小病不拖、大病早治。',
  '镇卫生院负责人介绍，走访将持续到年底，覆盖全镇十二个村的四百余名独居老人，走访记录将录入健康档案，作为下一步随访的依据。',
];

describe('dates in the 民國 calendar', () => {
  it('reads a three-digit year after a date label or after 民國 as year + 1911', () => {
    expect(findRocYearDate('發布日期：112-05-17')).toBe('2023-05-17');
    expect(findRocYearDate('日期：112年5月7日')).toBe('2023-05-07');
    expect(findRocYearDate('本案於民國111年12月30日公告')).toBe('2022-12-30');
  });

  it('reads no number outside a label as such a date', () => {
    expect(findRocYearDate('案號 112-05-17 號')).toBeNull();
    expect(findRocYearDate('發布日期：24-05-17')).toBeNull();
  });

  it('gives the date of a Taiwan news release dated only that way, not its update date', () => {
    const html = `<html><head><meta charset="utf-8"><title>新聞稿 - 某某縣政府</title></head><body>
<div class="nav"><a href="/">首頁</a><a href="/news">新聞稿</a></div>
<div class="list"><ul><li><a href="/n/1">縣府辦理防災演練</a><span>112-05-10</span></li><li><a href="/n/2">圖書館暑期活動</a><span>112-05-02</span></li></ul></div>
<div class="main"><h3>鄉間獨居長者 家醫團隊到府關懷</h3>
<ul class="info"><li>發布日期：112-05-17</li><li>發布單位：衛生局</li><li>更新日期：112-05-18</li></ul>
<div class="cp">${prose.map(para).join('\n')}</div></div><div class="foot">某某縣政府 版權所有</div></body></html>`;
    const a = extractArticle(html, 'https://www.example-county.gov.tw/News_Content.aspx?s=1');
    expect(a.publishedAt).toBe('2023-05-17');
    expect(a.origin).toBe('衛生局');
  });
});

describe('a webmail read page', () => {
  const mail = (subjectClass: string): string => `<html><head><meta charset="utf-8"><title>某某邮件系统</title></head><body>
<div class="top"><span>zhang@example-corp.cn</span><a href="/logout">退出</a></div>
<ul class="folders"><li><a href="/f/1">收件箱</a><em>(4)</em></li><li><a href="/f/2">草稿箱</a></li><li><a href="/f/3">已发送</a></li></ul>
<div class="reader"><div class="bar"><a href="javascript:;">回复</a><a href="javascript:;">转发</a><a href="javascript:;">删除</a></div>
<div class="${subjectClass}">关于做好今冬供暖设备检修工作的通知</div>
<table class="head"><tr><td>发件人：</td><td><span>后勤保障部</span>&lt;hq@example-corp.cn&gt;</td></tr>
<tr><td>收件人：</td><td><span>一车间</span>; <span>二车间</span>; <span>三车间</span></td></tr>
<tr><td>时\u3000间：</td><td>2023年11月2日(星期四) 上午9:40</td></tr></table>
<div class="content">${para('各车间：')}${para('入冬在即，为保障职工宿舍和生产车间按时供暖，请各车间于本月十日前完成本部门供暖管道、阀门和散热器的检修，发现问题及时报修。')}${para('检修情况请填写附表，并由车间负责人签字后报后勤保障部，联系人：刘工。')}${para('后勤保障部')}</div></div></body></html>`;

  it('takes the letter subject in its own element for the title', () => {
    const a = extractArticle(mail('mail-subject'), 'https://mail.example-corp.cn/read?mid=1');
    expect(a.title).toBe('关于做好今冬供暖设备检修工作的通知');
    expect(a.publishedAt).toBe('2023-11-02');
  });

  it('keeps the <title> where no element is named as a subject', () => {
    const a = extractArticle(mail('mail-line'), 'https://mail.example-corp.cn/read?mid=1');
    expect(a.title).not.toBe('关于做好今冬供暖设备检修工作的通知');
  });

  it('does not take one of a list of subjects for the title', () => {
    const html = `<html><head><meta charset="utf-8"><title>秋季用药提示</title></head><body>
<div class="subjects"><div class="item-subject">专题一：合理用药</div><div class="item-subject">专题二：慢病管理</div></div>
<h1>秋季用药提示</h1><div class="info">发布时间：2023-09-01\u3000来源：某某医院药学部</div>
<div class="content">${prose.map(para).join('')}</div></body></html>`;
    expect(extractArticle(html, 'https://www.example-yy.cn/a/1.html').title).toBe('秋季用药提示');
  });
});

describe('发布组织 as a 来源 label', () => {
  it('reads the organisation after 发布组织', () => {
    expect(matchOrigin('发布组织：某某局机关第二党支部\u3000发布时间：2023-06-30 16:00')).toBe('某某局机关第二党支部');
  });

  it('does not read a sentence about organising a release', () => {
    expect(matchOrigin('会议要求各支部认真组织发布会筹备工作。')).toBeNull();
  });
});

/*
 * Body: a box holding its paragraph as bare text between the title and the text (an 编者按 outside
 * the text's own box) is the text's; a list of messages each stamped with a date and time under the
 * text, the panels of a page built like a panel above the title, and a table of labelled fields
 * between the title and the text (a record's metadata) are not.
 */
const lines = (a: { text: string }): string[] => a.text.split('\n');

describe('an editor’s note in a box of its own above the text', () => {
  const page = (note: string): string => `<html><head><meta charset="utf-8"><title>读书班发言选登_某某党建网</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/dj">党建动态</a><a href="/llxx">理论学习</a></div>
<div class="main"><h1 class="t">读书班发言选登</h1><div class="m">发布时间：2023-04-12 10:00\u3000\u3000来源：某某县委宣传部</div>
${note}
<div class="text">${prose.map(para).join('\n')}</div>
<div class="tool"><a href="javascript:window.print()">打印</a><a href="javascript:window.close()">关闭</a></div></div></body></html>`;

  it('keeps the note, written as bare text in its box, as the first line of the text', () => {
    const note = '编者按：四月上旬，县委举办读书班，参训同志围绕基层治理交流心得。现选登部分发言，供大家学习参考。';
    const a = extractArticle(page(`<div class="note">${note}</div>`), 'https://www.example-dj.cn/a/1.html');
    expect(lines(a)[0]).toBe(note);
    expect(a.text).toContain(prose[2]);
  });

  it('leaves out a short box of bare text that is no sentence (a counter line)', () => {
    const a = extractArticle(page('<div class="note">阅读 1024 次　点赞 36</div>'), 'https://www.example-dj.cn/a/1.html');
    expect(a.text).not.toContain('阅读 1024');
    expect(lines(a)[0]).toBe(prose[0]);
  });
});

describe('messages stamped with a date and time under the text', () => {
  const msgs = (stamp: (i: number) => string): string =>
    ['支持，写得真好！', '我们小区也在推广这个做法。', '希望多报道这样的好事。', '点赞家庭医生团队！']
      .map((m, i) => `<li><b>网友${i + 1}</b>：${m}<span>${stamp(i)}</span></li>`)
      .join('');
  const page = (list: string): string => `<html><head><meta charset="utf-8"><title>家庭医生走访独居老人</title></head><body>
<div class="wrap"><h1>家庭医生走访独居老人</h1><div class="pub">发布时间：2023-03-08\u3000来源：某某镇卫生院</div>
<div class="body">${prose.map(para).join('\n')}</div>
<ul class="list">${list}</ul></div></body></html>`;

  it('leaves the messages out of the text', () => {
    const a = extractArticle(page(msgs((i) => `2023-03-1${i} 1${i}:20`)), 'https://www.example-wsy.cn/a/2.html');
    expect(a.text).toContain(prose[2]);
    expect(a.text).not.toContain('我们小区也在推广这个做法');
  });

  it('keeps a list of dated entries without a time of day (a chronicle) with the text', () => {
    const a = extractArticle(page(msgs((i) => `3月${i + 8}日`)), 'https://www.example-wsy.cn/a/2.html');
    expect(a.text).toContain('我们小区也在推广这个做法');
  });
});

describe('panels built like the one above the title', () => {
  const page = (afterClass: string): string => `<html><head><meta charset="utf-8"><title>十佳志愿者评选</title></head><body>
<div class="panel"><p><strong>评选说明</strong></p><p>评选分推荐、审核、公示三个阶段，结果由评审组综合确定，请勿重复提交。</p></div>
<div class="story"><h1>赵晓梅：守护社区的“银发管家”</h1><div class="pub">发布时间：2023-06-01\u3000来源：某某区志愿者协会</div>
${prose.map(para).join('\n')}</div>
<div class="${afterClass}"><p><strong>活动介绍</strong></p><p>本次评选由区志愿者协会主办，旨在表彰一年来扎根社区、服务群众的优秀志愿者，共有二十名志愿者入围。</p>
<p>入围名单经各街道推荐、协会审核后产生，评选结果将在协会网站公示七天，接受群众监督。</p></div></body></html>`;

  it('leaves a later panel of the same build out of the story', () => {
    const a = extractArticle(page('panel intro'), 'https://www.example-zyz.cn/p/7.html');
    expect(a.title).toBe('赵晓梅：守护社区的“银发管家”');
    expect(a.text).toContain(prose[2]);
    expect(a.text).not.toContain('入围名单经各街道推荐');
  });

  it('keeps a later box of another build that goes on with the text', () => {
    const a = extractArticle(page('more'), 'https://www.example-zyz.cn/p/7.html');
    expect(a.text).toContain('入围名单经各街道推荐');
  });
});

describe('a table of labelled fields between the title and the text', () => {
  const page = (table: string): string => `<html><head><meta charset="utf-8"><title>支部学习记录</title></head><body>
<div class="detail"><h2>6月支部学习：读原著学原文</h2><div class="pub">发布时间：2023-06-28 17:00</div>
${table}
<div class="rec">${prose.map(para).join('\n')}</div></div></body></html>`;

  it('leaves the field table out of the text', () => {
    const table = `<table class="f"><tr><th>学习形式</th><td>集中学习</td><th>学习时间</th><td>2023-06-27 15:00</td></tr>
<tr><th>地点</th><td>三楼会议室</td><th>主持人</th><td>孙明</td></tr>
<tr><th>参加人员</th><td colspan="3">孙明、周红、钱伟、吴刚、郑洁、冯涛、陈丽、褚亮、卫东、蒋平、沈阳、韩梅、杨柳、朱琳、秦岭、许诺、何川、吕军</td></tr>
<tr><th>缺席人员</th><td colspan="3">施云（出差）、张彤（病假）</td></tr>
<tr><th>列席人员</th><td colspan="3">机关党委委员、组织委员、宣传委员</td></tr></table>`;
    const a = extractArticle(page(table), 'https://www.example-djy.cn/r/3.html');
    expect(a.text).toContain(prose[0]);
    expect(a.text).not.toContain('三楼会议室');
    expect(a.text).not.toContain('周红、钱伟');
  });

  it('keeps a table of data (a header row, then rows of values) with the text', () => {
    const table = `<table class="f"><tr><th>村名</th><th>走访情况</th></tr>
<tr><td>东岭村</td><td>走访独居老人四十六人，其中五人需要复查，已预约县医院号源，下周安排车辆接送。</td></tr>
<tr><td>西岭村</td><td>走访独居老人三十八人，其中三人需要复查，两人已完成检查，结果均无大碍。</td></tr>
<tr><td>南岗村</td><td>走访独居老人五十二人，其中七人需要复查，因道路施工，改由医生上门抽血化验。</td></tr>
<tr><td>北山村</td><td>走访独居老人二十九人，其中两人需要复查，一人行动不便，由村医陪同前往镇卫生院。</td></tr></table>`;
    const a = extractArticle(page(table), 'https://www.example-djy.cn/r/3.html');
    expect(a.text).toContain('走访独居老人四十六人');
  });
});
