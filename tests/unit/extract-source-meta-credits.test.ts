/**
 * Issue 16 (cms-outside4): 来源 given only in a non-standard source meta, and credit lines
 * (文章录入：… 责任编辑：…) at the foot of a one-cell body are metadata, not body text.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { isMetaLine } from '../../main/services/extract/patterns';

const BODY = [
  '7月15日，全市秋粮收购工作动员部署会召开，会议总结了去年收购工作，分析了今年粮食市场形势。',
  '会议要求，各地要压实收购主体责任，合理布设收购网点，确保农民售粮方便、卖得出、卖得好。',
  '会议强调，要加强市场监管，严厉打击压级压价、短斤少两等坑农害农行为，维护正常收购秩序。',
];

function metaPage(metas: string, infoLine = '发布时间：2025-07-16 09:12'): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>全市秋粮收购工作动员部署会召开_部门动态_某某市人民政府</title>${metas}</head><body>
<div class="nav"><a href="/">首页</a><a href="/a">部门动态</a></div>
<div class="article"><h2>全市秋粮收购工作动员部署会召开</h2>
<div class="info">${infoLine}</div>
<div class="content">${BODY.map((p) => `<p>${p}</p>`).join('\n')}</div></div>
<div class="footer">版权所有 某某市人民政府</div></body></html>`;
}

const run = (html: string) => extractArticle(html, 'http://www.example.cn/bmdt/1.html', { referee: 'never' });

describe('来源 only in a source meta', () => {
  it.each([
    ['og:article:source', '<meta property="og:article:source" content="市粮食和物资储备局">'],
    ['og:source', '<meta property="og:source" content="市粮食和物资储备局">'],
    ['source', '<meta name="source" content="市粮食和物资储备局">'],
    ['ContentSource', '<meta name="ContentSource" content="市粮食和物资储备局">'],
    ['copyfrom', '<meta name="copyfrom" content="市粮食和物资储备局">'],
  ])('reads %s when the page shows no 来源 line', (_name, meta) => {
    const a = run(metaPage(meta));
    expect(a.origin).toBe('市粮食和物资储备局');
    expect(a.paragraphs).toEqual(BODY);
  });

  it('takes an author meta for no 来源', () => {
    const a = run(metaPage('<meta name="author" content="市粮食和物资储备局">'));
    expect(a.origin).toBeNull();
  });

  it('prefers the 来源 line the reader sees over the meta', () => {
    const a = run(
      metaPage('<meta property="og:article:source" content="某某市人民政府网">', '发布时间：2025-07-16\u3000来源：市粮食和物资储备局'),
    );
    expect(a.origin).toBe('市粮食和物资储备局');
  });
});

describe('credit lines at the foot of the body', () => {
  it.each(['文章录入：admin\u3000责任编辑：王磊', '文章录入：admin', '信息录入：张伟 审核：李娜 校对：陈静', '录入员：admin'])(
    '%s is a metadata line',
    (line) => {
      expect(isMetaLine(line)).toBe(true);
    },
  );

  it('keeps a sentence that mentions 录入 as body', () => {
    expect(isMetaLine('各单位要按时完成信息录入工作，确保数据真实准确，不得弄虚作假。')).toBe(false);
  });

  it('drops 文章录入 and 责任编辑 sharing one line at the end of a single <td> of <br> lines', () => {
    const indent = '&nbsp;'.repeat(8);
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>我县召开秋粮收购工作会</title></head><body>
<table width="760" align="center"><tr><td width="10"></td><td>
<div align="center"><b>全市秋粮收购工作动员部署会召开</b></div>
<div align="center">发布日期：2025-7-16\u3000来源：市粮食和物资储备局\u3000点击数：128</div><br>
${BODY.map((p) => `${indent}${p}<br>`).join('\n')}
<br><div align="right">文章录入：admin&nbsp;&nbsp;&nbsp;&nbsp;责任编辑：王磊</div>
</td><td width="10"></td></tr></table>
<table><tr><td>主办：某某县人民政府办公室</td></tr></table></body></html>`;
    const a = run(html);
    expect(a.paragraphs).toEqual(BODY);
    expect(a.text).not.toContain('文章录入');
    expect(a.text).not.toContain('责任编辑');
    expect(a.origin).toBe('市粮食和物资储备局');
  });
});
