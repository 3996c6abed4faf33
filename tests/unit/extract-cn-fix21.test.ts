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
