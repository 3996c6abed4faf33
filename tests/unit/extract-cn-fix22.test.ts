/**
 * Issue 16, twenty-second outside set: kinds of page in general terms, with our own markup and text.
 * Body: a record page (a person's, a place's) followed by a box indexing other records, each a
 * linked name with a short unlinked note (life years, a count), no sentence in it.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const para = (s: string): string => `<p>${s}</p>`;
const record = [
  '赵青禾，1931年生于某某县北岭乡，自幼随祖父学习竹编，十五岁便能独立编织精细的花篮和果盘。',
  '上世纪八十年代，她在乡文化站开办竹编培训班，先后带出学徒六十余人，整理出三十多种传统编法的图样。',
  '2012年，北岭竹编被列入省级非物质文化遗产名录，她被认定为代表性传承人，至今仍坚持每周到学校授课。',
  '她常说，竹编靠的是手上的耐心，一根篾片要经过剖、刮、劈、染等十几道工序，哪一道马虎了，编出来的器物就不周正。',
  '如今，北岭乡建起了竹编工坊，二十多户村民靠竹编增收，她编的花篮也多次在省里的非遗展会上展出，受到参观者的喜爱。',
];
const names = ['钱木生', '孙巧云', '李石匠', '周满仓', '吴桂枝', '郑长顺', '王小竹', '冯秋菊', '陈大有', '褚春兰', '卫金山', '蒋彩凤'];

const page = (after: string): string => `<html><head><meta charset="utf-8"><title>赵青禾 - 某某县非遗保护中心</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/crr">传承人</a><a href="/xm">保护项目</a></div>
<div class="wrap">
<h1>赵青禾：北岭竹编的守艺人</h1>
<p class="info">发布时间：2023-06-10\u3000来源：某某县非遗保护中心</p>
<div class="txt">${record.map(para).join('\n')}</div>
${after}
</div><div class="foot">某某县非遗保护中心 版权所有</div></body></html>`;

describe('an index of other records after a record page', () => {
  it('leaves out a box of linked names each with a short note', () => {
    const items = names
      .concat(
        names.map((n) => `${n}二`),
        names.map((n) => `${n}三`),
      )
      .map((n, i) => `<li><a href="/crr/show.php?id=${300 + i}">${n}</a>（${1920 + i}—${1990 + i}）</li>`)
      .join('');
    const a = extractArticle(
      page(`<div class="others"><h3>其他传承人</h3><ul>${items}</ul></div>`),
      'https://www.example-heritage.cn/crr/show.php?id=12',
    );
    expect(a.paragraphs).toEqual(record);
  });

  it('keeps a later list of linked names that go on in sentences', () => {
    const items = names
      .slice(0, 5)
      .map(
        (n, i) =>
          `<li><a href="/crr/show.php?id=${300 + i}">${n}</a>，${1940 + i}年生，随赵青禾学艺${8 + i}年，现在乡竹编工坊带徒授艺。</li>`,
      )
      .join('');
    const a = extractArticle(
      page(`<div class="others"><h3>她带出的徒弟</h3><ul>${items}</ul></div>`),
      'https://www.example-heritage.cn/crr/show.php?id=12',
    );
    expect(a.paragraphs.slice(0, record.length)).toEqual(record);
    expect(a.paragraphs).toContain('钱木生，1940年生，随赵青禾学艺8年，现在乡竹编工坊带徒授艺。');
  });
});
