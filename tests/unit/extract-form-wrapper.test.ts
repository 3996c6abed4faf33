/**
 * Issue 16: a form that wraps the page is a layout wrapper, not a form. ASP.NET WebForms pages
 * (common on intranets and government sites) put the whole page in one form carrying its view
 * state; a short notice inside it came out with no body, date or 来源. Real forms (search boxes,
 * comment forms) stay out.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const NOTICE = ['为做好节前安全工作，定于5月8日开展全面检查，请各部门做好准备。', '检查结果将在内网公布。'];

function page(formAttrs: string, inForm: string, headline = '<h1>关于开展安全检查的通知</h1>'): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>关于开展安全检查的通知_示例公司内网</title></head><body>
<form ${formAttrs}>${inForm}
<div class="top"><a href="/">首页</a> <a href="/news">新闻中心</a> <input type="text" name="q"><input type="submit" value="搜索"></div>
<div class="main">${headline}
<div class="info">发布时间：2024-05-06 来源：安全环保部</div>
<div class="body">${NOTICE.map((p) => `<p>${p}</p>`).join('')}</div></div>
<div class="foot">版权所有 示例公司</div>
</form></body></html>`;
}

const run = (html: string) => extractArticle(html, 'http://oa.example.com/news/view.aspx?id=12', { referee: 'never' });

describe('a form wrapping the whole page', () => {
  it('ASP.NET view state: the short notice inside is the article, with its date and 来源', () => {
    const r = run(
      page(
        'name="aspnetForm" method="post" action="./view.aspx?id=12" id="aspnetForm"',
        '<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />',
        '<div class="headline">关于开展安全检查的通知</div>',
      ),
    );
    expect(r.paragraphs).toEqual(NOTICE);
    expect(r.publishedAt).toBe('2024-05-06');
    expect(r.origin).toBe('安全环保部');
  });

  it('a form holding the headline and a paragraph of prose wraps the article', () => {
    const r = run(page('id="form1" method="post"', ''));
    expect(r.paragraphs).toEqual(NOTICE);
  });

  it('a short salutation opening the notice stays (各部门：), a widget label does not', () => {
    const withSalutation = run(page('id="form1" method="post"', '').replace('<div class="body">', '<div class="body"><p>各部门：</p>'));
    expect(withSalutation.paragraphs).toEqual(['各部门：', ...NOTICE]);
    const withWidget = run(page('id="form1" method="post"', '').replace('<div class="body">', '<div class="body"><p>分享：</p>'));
    expect(withWidget.paragraphs).toEqual(NOTICE);
  });

  it('a comment form beside the article stays out', () => {
    const html = page('id="x"', '').replace(
      '</form>',
      '</form><form id="comment" method="post"><p>发表评论：请文明发言，评论审核后显示。</p><textarea name="c"></textarea><input type="submit" value="提交"></form>',
    );
    const r = run(html);
    expect(r.text).not.toContain('发表评论');
  });
});
