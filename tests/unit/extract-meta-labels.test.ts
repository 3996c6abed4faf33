/**
 * Issue 16: metadata written with its labels in their own inline or cell elements — `<label>`,
 * `<dt>`/`<dd>`, `<th>`/`<td>`, `<em>`, `<strong>`, `<i>` — is read like a `发布日期：…` text line:
 * the 信息公开 record's 发布日期 (not the 成文日期 nor the 落款 date), 发布机构 as 来源, 文号.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const URL = 'http://www.example.gov.cn/xxgk/content/post_8812.html';
const TITLE = '关于做好2025年春季植树护绿工作的通知';
const BODY =
  '<p>各街道办事处，区直各有关单位：</p>' +
  '<p>为持续改善城区生态环境，巩固国家园林城区创建成果，现就做好今年春季植树护绿工作通知如下。</p>' +
  '<p>一、各单位要结合辖区实际，认真组织干部职工和居民群众参加义务植树，做到应栽尽栽、栽必成活。</p>' +
  '<p>二、加强新植苗木的浇水、修剪和病虫害防治，落实管护责任人，确保成活率不低于百分之九十五。</p>' +
  '<p>示例区园林绿化局</p><p>2025年3月4日</p>';

/** A 信息公开 detail page whose record is `fields` (each [label, value]) laid out by `layout`. */
function page(record: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}_示例区人民政府</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/xxgk/">政务公开</a><a href="/hd/">互动交流</a></div>
<div class="wrap"><div class="record">${record}</div>
<h1>${TITLE}</h1><div class="article-body">${BODY}</div></div>
<div class="footer">主办：示例区人民政府办公室</div></body></html>`;
}

const FIELDS: [string, string][] = [
  ['索 引 号', '11330100MB0000000A/2025-00031'],
  ['发布机构', '示例区园林绿化局'],
  ['成文日期', '二〇二五年三月四日'],
  ['文　　号', '示园绿〔2025〕3号'],
  ['发布日期', '2025-03-07'],
];

const LAYOUTS: Record<string, string> = {
  'ul > li > label + span': `<ul>${FIELDS.map(([l, v]) => `<li><label>${l}：</label><span>${v}</span></li>`).join('')}</ul>`,
  'li > label, value as text': `<ul>${FIELDS.map(([l, v]) => `<li><label>${l}：</label>${v}</li>`).join('')}</ul>`,
  'dl > dt + dd, no colon': `<dl>${FIELDS.map(([l, v]) => `<dt>${l}</dt><dd>${v}</dd>`).join('')}</dl>`,
  'table th + td': `<table><tbody>${FIELDS.map(([l, v]) => `<tr><th>${l}：</th><td>${v}</td></tr>`).join('')}</tbody></table>`,
  'table of two pairs a row': `<table><tbody><tr><td>${FIELDS[0]![0]}：</td><td>${FIELDS[0]![1]}</td><td>${FIELDS[1]![0]}：</td><td>${FIELDS[1]![1]}</td></tr><tr><td>${FIELDS[2]![0]}：</td><td>${FIELDS[2]![1]}</td><td>${FIELDS[3]![0]}：</td><td>${FIELDS[3]![1]}</td></tr><tr><td>${FIELDS[4]![0]}：</td><td>${FIELDS[4]![1]}</td></tr></tbody></table>`,
  'div > em label': FIELDS.map(([l, v]) => `<div><em>${l}：</em>${v}</div>`).join(''),
  'p > strong label': FIELDS.map(([l, v]) => `<p><strong>${l}：</strong><span>${v}</span></p>`).join(''),
  'li > i label': `<ul>${FIELDS.map(([l, v]) => `<li><i>${l}：</i><span>${v}</span></li>`).join('')}</ul>`,
};

describe('a 信息公开 record with its labels in elements of their own', () => {
  for (const [name, record] of Object.entries(LAYOUTS)) {
    it(name, () => {
      const a = extractArticle(page(record), URL, { referee: 'never' });
      expect(a.title).toBe(TITLE);
      // 发布日期, not the 成文日期 nor the 落款 date (both 2025-03-04).
      expect(a.publishedAt).toBe('2025-03-07');
      expect(a.origin).toBe('示例区园林绿化局');
      expect(a.docNumber).toBe('示园绿〔2025〕3号');
      // The record is metadata, the 落款 is body.
      expect(a.text).not.toContain('索引号');
      expect(a.text).not.toContain('11330100MB0000000A');
      expect(a.paragraphs.at(-1)).toBe('2025年3月4日');
    });
  }
});

describe('<label> elements', () => {
  it('an article line led by a <label> keeps its label text', () => {
    const html = `<!doctype html><html><head><title>${TITLE}</title></head><body>
<h1>${TITLE}</h1><div class="info"><label>发布时间：</label><span>2025-03-07</span>\u3000<label>来源：</label><span>示例区园林绿化局</span></div>
<div class="article-body">${BODY}</div></body></html>`;
    const a = extractArticle(html, 'http://www.example.gov.cn/a/8812.html', { referee: 'never' });
    expect(a.publishedAt).toBe('2025-03-07');
    expect(a.origin).toBe('示例区园林绿化局');
  });

  it("a form control's caption stays out of the text", () => {
    // Script-driven controls outside any <form>, under the text: their labels name the control.
    const html = `<!doctype html><html><head><title>${TITLE}</title></head><body>
<h1>${TITLE}</h1><div class="info">发布日期：2025-03-07</div>
<div class="article-body">${BODY}<p><label for="kw">请在这里写下您对本文的意见建议</label><textarea id="kw"></textarea></p>
<p><label>请输入要查找的内容关键词<input type="text"></label></p>
<div class="tracksetting"><label>字幕文字大小设置</label><select><option>100%</option></select></div></div></body></html>`;
    const a = extractArticle(html, 'http://www.example.gov.cn/a/8812.html', { referee: 'never' });
    expect(a.publishedAt).toBe('2025-03-07');
    const all = JSON.stringify(a);
    expect(all).not.toContain('请在这里写下您对本文的意见建议');
    expect(all).not.toContain('请输入要查找的内容关键词');
    expect(all).not.toContain('字幕文字大小设置');
  });
});
