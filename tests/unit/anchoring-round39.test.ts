/**
 * Issue 12 item 4, round 39 (anchor21d): built by hand, our own words.
 * - A 转载 that writes 来源/作者/发布时间 lines under the title and the title again under them: a
 *   passage of the old first line has two copies, the top one backed by the text's start, the
 *   lower one by the body after it; nothing says which is the passage's (firstline.ts).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

suite('a title repeated under the lines of a 转载 head', () => {
  const TITLE = '山区小学的图书角：孩子们有了自己的书架';
  const BODY = filler(0, 6);
  const OLD = [TITLE, ...BODY].join('\n');
  const HEAD = ['来源：某某晚报', '作者：某某', '发布时间：2024-05-16 09:30'];
  const sels = [
    describe(OLD, ...span(OLD, '山区小学')),
    describe(OLD, ...span(OLD, '有了自己的书架')),
    describe(OLD, ...span(OLD, BODY[1]!.slice(0, 12))),
  ];

  it('leaves a passage of the old first line an orphan when the top line and its copy each keep one side', () => {
    for (const cut of [false, true]) {
      const neu = [TITLE, ...HEAD, TITLE, ...(cut ? ['（本文有删改）'] : []), ...BODY].join('\n');
      const got = anchorAll(neu, sels);
      expect(got[0]).toBeNull();
      expect(got[1]).toBeNull();
      expect(anchor(neu, sels[1]!)).toBeNull();
      // the body is placed as ever
      expect(got[2]?.start).toBe(at(neu, BODY[1]!.slice(0, 12)));
    }
  });

  it('still places the title moved under a line written above it (no copy at the top)', () => {
    const neu = ['【基层一线】', TITLE, '——记者走进大山深处', ...BODY].join('\n');
    const got = anchorAll(neu, sels);
    expect(got[0]?.start).toBe(at(neu, '山区小学'));
    expect(got[1]?.start).toBe(at(neu, '有了自己的书架'));
  });

  it('still places the title kept at the top when the body quotes its words', () => {
    const neu = [TITLE, ...BODY.slice(0, 3), `正如题目所说，孩子们有了自己的书架。`, ...BODY.slice(3)].join('\n');
    const got = anchorAll(neu, sels);
    expect(got[1]?.start).toBe(at(neu, '有了自己的书架'));
  });
});

suite('a paragraph of a page printed twice, given a label at its head', () => {
  const P =
    '去年秋天，县里在河滩上办起了苗木基地，育苗、嫁接、移栽都请农技站的专家手把手地教，一年下来培育的树苗卖到了周边三个县，参与的农户每家多收入四千多元，大家说这条路走对了，今年还打算再扩大一百亩，把育苗大棚也建起来。';
  const F = filler(0, 8);
  // A report elsewhere quoting the same words: describe() then records the paragraph's print.
  const Q = '据合作社年底统计，参与的农户每家多收入两千元左右。';
  const OLD = [F[0], F[1], P, F[2], F[3], F[4], P, F[5], Q].join('\n');
  const WORDS = '参与的农户每家多收入';
  const sels = [
    describe(OLD, ...span(OLD, WORDS)),
    describe(OLD, ...span(OLD, F[1]!.slice(2, 14))),
    describe(OLD, ...span(OLD, F[2]!.slice(2, 14))),
  ];

  it('places the passage in its own paragraph, labelled, not on the unlabelled copy', () => {
    for (const [q, a] of [
      ['问：基地办起来以后效果如何？', '答：'],
      ['【问】基地办起来以后效果如何？', '【答】'],
    ]) {
      const neu = [F[0], F[1], q, `${a}${P}`, F[2], F[3], F[4], P, F[5], Q].join('\n');
      expect(anchorAll(neu, sels)[0]?.start).toBe(at(neu, WORDS));
    }
  });

  it('does not place it on a longer paragraph that held its old paragraph after a date, moved into its place', () => {
    const E2 = `7月2日，${P}`;
    const old = [F[0], F[1], P, F[2], F[3], E2, F[4]].join('\n');
    const sel = describe(old, ...span(old, WORDS));
    // with the neighbours' words placed around E2 too: they moved as E2 stands
    const around = [describe(old, ...span(old, F[1]!.slice(2, 14))), describe(old, ...span(old, F[2]!.slice(2, 14)))];
    const neu = [F[0], F[1], E2, F[2], F[3], P, F[4]].join('\n');
    for (const a of [anchorAll(neu, [sel, ...around])[0], anchor(neu, sel)]) {
      if (a) expect(a.start).toBe(at(neu, WORDS, 1));
    }
  });
});

suite('a passage over a break parted by a caption in place, its page pasted again far below', () => {
  const A = '据气象部门介绍，今年入汛以来全省平均降雨量比常年同期偏多三成，部分河段水位接近警戒线。';
  const B = '防汛指挥部要求各地加密巡堤查险频次，提前转移低洼地带的群众，确保人员安全。';
  const BEFORE = filler(0, 6);
  const AFTER = filler(6, 100);
  const OLD = [...BEFORE, A, B, ...AFTER].join('\n');
  const QUOTE = '水位接近警戒线。\n防汛指挥部要求各地加密';
  const sel = describe(OLD, ...span(OLD, QUOTE));
  const around = [describe(OLD, ...span(OLD, BEFORE[4]!.slice(2, 14))), describe(OLD, ...span(OLD, AFTER[1]!.slice(2, 14)))];
  // the page pasted again at the end, re-wrapped (its breaks fall elsewhere)
  const pasted = `${A}${B}`.replace('比常年', '比常\n年').replace('查险频次', '查险\n频次');

  it('leaves it an orphan instead of placing it on the far copy that reads it joined', () => {
    const neu = [...BEFORE, `${A}（资料图片：河堤上的巡查人员）`, B, ...AFTER, pasted].join('\n');
    expect(at(neu, '水位接近警戒线') < 3000).toBe(true);
    const got = anchorAll(neu, [sel, ...around]);
    expect(got[0]).toBeNull();
    expect(anchor(neu, sel)).toBeNull();
  });

  it('still places the passage moved far away, nothing of it left where it was', () => {
    const neu = [...BEFORE, ...AFTER, pasted].join('\n');
    const got = anchorAll(neu, [sel, ...around]);
    expect(got[0]?.start).toBe(at(neu, '水位接近警戒线'));
  });
});

suite('a paragraph printed twice, its first copy edited outside the quote', () => {
  const P =
    '今年五月，新建的污水处理站距离镇中心约三公里，是全县第一座实现与管网自动联调的处理站，每天可处理生活污水八百吨，出水达到一级标准，周边六个村的生活污水从此不再直排河道。';
  const F = filler(20, 8);
  // a line elsewhere quoting the same words: describe() then records the paragraph's print and its twin
  const Q = '县里的通报说，实现与管网自动联调的处理站还有两座在建。';
  const OLD = [F[0], F[1], P, F[2], F[3], F[4], P, F[5], Q].join('\n');
  const WORDS = '自动联调的处理站';
  const sels = [
    describe(OLD, ...span(OLD, WORDS)),
    describe(OLD, ...span(OLD, F[1]!.slice(2, 14))),
    describe(OLD, ...span(OLD, F[2]!.slice(2, 14))),
  ];

  it('places the passage in its own copy with a word blanked out, not refused for the length of its twin', () => {
    const neu = [F[0], F[1], P.replace('全县第一座', '全县______'), F[2], F[3], F[4], P, F[5], Q].join('\n');
    expect(sels[0]!.twins).toBe(1);
    expect(anchorAll(neu, sels)[0]?.start).toBe(at(neu, WORDS));
  });

  it('does not place it on another entry holding the same sentence, moved into its place', () => {
    const E = `7月2日，记者从县环保局获悉，${P}`;
    const old = [F[0], F[1], P, F[2], F[3], F[4], P, F[5], E].join('\n');
    const sel = [
      describe(old, ...span(old, WORDS)),
      describe(old, ...span(old, F[1]!.slice(2, 14))),
      describe(old, ...span(old, F[2]!.slice(2, 14))),
    ];
    const neu = [F[0], F[1], E, F[2], F[3], F[4], P, F[5], P].join('\n');
    const got = anchorAll(neu, sel)[0];
    if (got) expect(got.start).not.toBe(at(neu, WORDS));
  });
});
