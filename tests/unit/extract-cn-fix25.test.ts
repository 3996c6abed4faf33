/**
 * Issue 16, twenty-fifth outside set: kinds of page in general terms, with our own markup and text.
 * Body: a notice's event line written as a sentence (时间：…上午9:00。) and a period under a label
 * named for what happens then (缴费时间：3月1日至3月15日) are lines of the text, not the page's
 * stamp; an office's drafting credit (拟稿：… 审核：…, 核稿：…) closing the text is no body.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { isMetaLine } from '../../main/services/extract/patterns';

const para = (s: string): string => `<p>${s}</p>`;
const URL = 'https://www.example-town.cn/tzgg/2024/0301/12.html';

const page = (
  meta: string,
  lines: string[],
): string => `<html><head><meta charset="utf-8"><title>关于开展社区义诊活动的通知 - 某某街道办事处</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/tzgg/">通知公告</a></div>
<div class="main"><h1>关于开展社区义诊活动的通知</h1>
<div class="info">${meta}</div>
<div class="text">${lines.map(para).join('\n')}</div></div>
<div class="foot">某某街道办事处 版权所有</div></body></html>`;

const opening = ['为方便辖区居民就近看病问诊，街道办事处联合社区卫生服务中心开展义诊活动，现将有关事项通知如下：', '一、活动安排'];
const closing = [
  '二、其他事项',
  '请有意参加的居民携带既往病历和正在服用的药品，按时到场，服从现场工作人员安排，有序排队就诊。',
  '某某街道办事处',
];

describe('a notice’s date line written as a sentence', () => {
  it('keeps 时间：…。 (a bare date label, the line closed by a full stop) in the text', () => {
    const line = '时间：2024年3月9日（星期六）上午8:30。';
    const a = extractArticle(
      page('<span>发布时间：2024-03-01</span><span>来源：社区服务科</span>', [...opening, line, '地点：街道文化广场。', ...closing]),
      URL,
    );
    expect(a.text).toContain(line);
    expect(a.text).toContain('地点：街道文化广场。');
    expect(a.publishedAt).toBe('2024-03-01');
  });

  it('keeps an event-named label’s sentence (义诊时间：…。) too', () => {
    const line = '义诊时间：2024年3月9日上午8:30至11:30。';
    const a = extractArticle(page('<span>发布时间：2024-03-01</span>', [...opening, line, ...closing]), URL);
    expect(a.text).toContain(line);
  });

  it('still treats the page’s own stamp as metadata, with or without a bare label', () => {
    expect(isMetaLine('时间：2024-03-01 10:21')).toBe(true);
    expect(isMetaLine('发布时间：2024年3月1日。')).toBe(true);
    expect(isMetaLine('更新日期：2024年3月1日。')).toBe(true);
    const a = extractArticle(
      page('<span>时间：2024-03-01 10:21</span><span>来源：社区服务科</span>', [...opening, '请居民提前预约。', ...closing]),
      URL,
    );
    expect(a.text).not.toContain('2024-03-01');
    expect(a.publishedAt).toBe('2024-03-01');
  });
});

describe('a period under a label named for what happens then', () => {
  it('keeps 缴费时间：… 至 … (no full stop) in the text', () => {
    const line = '缴费时间：2024年3月11日9时至2024年3月22日17时';
    expect(isMetaLine(line)).toBe(false);
    const a = extractArticle(page('<span>发布日期：2024-03-01</span>', [...opening, line, ...closing]), URL);
    expect(a.text).toContain(line);
    expect(a.publishedAt).toBe('2024-03-01');
  });

  it('leaves a record label’s span (发布时间, 信息更新日期) as metadata', () => {
    expect(isMetaLine('发布时间：2024年3月1日至2024年3月2日')).toBe(true);
    expect(isMetaLine('信息更新日期：2024-03-01至2024-03-02')).toBe(true);
  });
});

describe('an office’s drafting credit closing the text', () => {
  it('drops 拟稿：… 审核：… and 核稿：… lines after the text', () => {
    for (const credit of ['拟稿：韩一鸣　　审核：宋晓岚', '拟稿：韩一鸣', '核稿：宋晓岚']) {
      const a = extractArticle(
        page('<span>发布时间：2024-03-01</span>', [
          ...opening,
          '时间：2024年3月9日上午。',
          ...closing,
          `<span style="float:right">${credit}</span>`,
        ]),
        URL,
      );
      expect(a.text).not.toContain(credit.split('：')[1]!.split('　')[0]!);
      expect(a.text).toContain('某某街道办事处');
    }
  });

  it('keeps a sentence of the text about drafting', () => {
    const line = '拟稿单位应当对文稿内容负责，核稿人员要逐字逐句核对数字和日期。';
    const a = extractArticle(page('<span>发布时间：2024-03-01</span>', [...opening, line, ...closing]), URL);
    expect(a.text).toContain(line);
  });
});

describe('an outlet’s tag closing a piece, asking for its app', () => {
  const body = [
    '春节假期，全市各大公园共接待游客一百二十万人次，比去年同期增长一成半。',
    '公园管理部门在主要出入口增设了临时服务点，为游客提供饮水、急救和寻人服务。',
    '据介绍，节后各公园将陆续撤除临时设施，恢复日常开放安排。',
  ];
  const tag = '(本文来自示例晨报，更多原创资讯请下载“示例晨报”APP)';
  it('drops the bracketed (本文来自…，更多…请下载…APP) line after the text', () => {
    const a = extractArticle(
      page('<span>发布时间：2024-02-18</span>', [...body, `<span class="tag">${tag}</span>`]),
      'https://news.example-paper.cn/a/2024/0218/3.html',
    );
    expect(a.text).toContain(body[2]);
    expect(a.text).not.toContain('更多原创资讯');
  });

  it('keeps a sentence of the text that tells readers to download an app', () => {
    const line = '市民可下载“示例停车”客户端，查询公园周边停车位的实时空余情况。';
    const a = extractArticle(
      page('<span>发布时间：2024-02-18</span>', [...body, line]),
      'https://news.example-paper.cn/a/2024/0218/3.html',
    );
    expect(a.text).toContain(line);
  });
});
