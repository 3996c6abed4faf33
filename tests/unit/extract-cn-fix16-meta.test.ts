/**
 * Issue 16, sixteenth outside set (titles and dates): kinds of markup in general terms, with our
 * own text. A heading that a labelled field right below repeats is the title, over a numbered
 * section heading of the text; an empty `<time datetime>` in a last-updated line dates a page
 * that has no other date (in China time); a paper's 出版日期 (or its `citation_date` meta) is its
 * date, never its 收稿日期 or 修回日期.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const TEXT = [
  '为改善社区公共空间，街道办事处拟定了《示例街道口袋公园建设方案（草案）》，现面向辖区居民征求意见。',
  '方案提出利用边角空地新建小型游园六处，配套休闲座椅、儿童游乐设施和夜间照明，计划年内完工。',
  '居民可通过社区服务站意见箱、电子邮箱或现场座谈等方式反映意见，我们将认真研究吸纳。',
  '对于采纳情况，街道将在征集结束后通过社区公告栏统一反馈，感谢各位居民的关心和参与。',
];

describe('a heading repeated in a labelled field below it', () => {
  const page = (rows: string): string => `<!doctype html><html><head><meta charset="utf-8"><title>征集详情-示例街道</title></head><body>
<div class="top-nav"><a href="/">首页</a><a href="/hd/">互动</a></div>
<div class="box">
<div class="box-head"><span class="badge">进行中</span><h3 class="box-title">示例街道口袋公园建设方案征求意见</h3></div>
${rows}
<div class="box-body">
<p>${TEXT[0]}</p>
<p><strong>一、意见征集期限</strong></p>
<p>2024年6月3日至2024年7月2日。</p>
<p><strong>二、方案主要内容</strong></p>
<p>${TEXT[1]}</p>
<p>${TEXT[2]}</p>
<p>${TEXT[3]}</p>
</div></div>
<div class="foot">示例街道办事处 版权所有</div></body></html>`;

  it('takes the heading whose text a field cell repeats, over a numbered section heading over a date', () => {
    const a = extractArticle(
      page(`<table class="info"><tr><th>意见主题</th><td>示例街道口袋公园建设方案征求意见</td></tr>
<tr><th>发起部门</th><td>示例街道办事处</td></tr>
<tr><th>开始日期</th><td>2024-06-03</td><th>截止日期</th><td>2024-07-02</td></tr></table>`),
      'https://jd.example.org/hd/zj/view?id=77',
    );
    expect(a.title).toBe('示例街道口袋公园建设方案征求意见');
    expect(a.publishedAt).toBe('2024-06-03');
  });

  it('takes it where the repeat is a label and value in one line', () => {
    const a = extractArticle(
      page(`<div class="info"><p>意见主题：示例街道口袋公园建设方案征求意见</p><p>开始日期：2024-06-03</p></div>`),
      'https://jd.example.org/hd/zj/view?id=78',
    );
    expect(a.title).toBe('示例街道口袋公园建设方案征求意见');
  });

  it('does not take a heading the text merely mentions again later', () => {
    const a = extractArticle(
      `<!doctype html><html><head><meta charset="utf-8"><title>示例街道口袋公园建设方案征求意见</title></head><body>
<h1>示例街道口袋公园建设方案征求意见</h1><p>发布日期：2024-06-03</p>
<div class="body"><p>${TEXT[0]}</p><h3>方案内容摘要说明</h3><p>${TEXT[1]}</p><p>${TEXT[2]}</p><p>${TEXT[3]}</p></div></body></html>`,
      'https://jd.example.org/hd/zj/view?id=79',
    );
    expect(a.title).toBe('示例街道口袋公园建设方案征求意见');
  });
});
