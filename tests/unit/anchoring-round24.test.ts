/**
 * Issue 12 item 4, round 24: wrongs on a verbatim copy of removed or kept text, built by hand. A
 * copy that restates a passage (a serial's 上期回顾 quoting two paragraphs as one line) is never
 * placed on by the edge rule while the passage's own pieces still stand parted by their break.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { at, FILLER } from './helpers/anchoring-text';

suite('a span over a break that a recap quotes as one line', () => {
  // The stored prefix lies inside A, so the recap's copy has all of it, as the passage has.
  const A = '据县农业农村局统计，今年全县粮食总产量达到十二万吨，比上年增长百分之六，其中小麦和玉米的单产都创下了历史新高。';
  const B = '粮食增产的背后是农田水利设施的持续改善和良种的推广';
  const old = [FILLER[0], FILLER[1], A, B, '（未完待续）'].join('\n');
  const start = at(old, '玉米');
  const end = at(old, '水利') + 2;
  const sel = describe(old, start, end);
  const recap = `上期回顾：${A}${B}`;
  const neu = [FILLER[0], FILLER[1], A, B, '（接上期）', recap, FILLER[2], FILLER[3]].join('\n');

  it('is never placed on the recap, which joins the two paragraphs', () => {
    const joinedAt = neu.indexOf(A, neu.indexOf('上期回顾'));
    for (const a of [anchorAll(neu, [sel])[0], anchor(neu, sel)]) {
      if (a) expect(a.start < joinedAt).toBe(true);
    }
  });

  it('still finds the span whose paragraphs were joined when no parted copy stands', () => {
    const merged = [FILLER[0], FILLER[1], `${A}${B}`, FILLER[2]].join('\n');
    const a = anchorAll(merged, [sel])[0];
    expect(a).not.toBeNull();
    expect(merged.slice(a!.start, a!.end)).toContain('水利');
  });
});

suite('a short paragraph that a recap copies inside a longer paragraph', () => {
  const LAST = '记者随后致电县水利局，截至发稿时尚未得到答复。';
  const PREV = '村民们说，水渠修好以后，下游几个村子再也不用抢水了。';
  const old = [FILLER[0], FILLER[1], FILLER[2], PREV, LAST].join('\n');
  const start = at(old, '尚未得到');
  const sel = describe(old, start, start + LAST.length - LAST.indexOf('尚未得到'));
  // The neighbour paragraph replaced by ……, a source line after the passage, a recap joining
  // the last two paragraphs' sentences into one line near the text's end.
  const neu = [FILLER[0], FILLER[1], FILLER[2], '……', LAST, '（摘自《乡村周刊》）', `上期回顾：${PREV}${LAST}`, '（完）'].join('\n');

  it('is never placed on the recap, its own paragraph standing apart as it was', () => {
    const recapAt = neu.indexOf('上期回顾');
    for (const a of [anchorAll(neu, [sel])[0], anchor(neu, sel)]) {
      if (a) expect(a.start < recapAt).toBe(true);
    }
  });

  it('still finds the passage when its paragraph was merged into a longer one and stands nowhere apart', () => {
    const merged = [FILLER[0], FILLER[1], FILLER[2], `${PREV}${LAST}`].join('\n');
    const a = anchorAll(merged, [sel])[0];
    expect(a && merged.slice(a.start, a.end)).toBe(sel.exact);
  });
});

suite('a number whose spec paragraph was dropped, the next paragraph its look-alike', () => {
  const spec = (name: string, screen: string, weight: string, battery: string, tail: string) =>
    `${name}的屏幕尺寸为${screen}英寸，重量为${weight}克，后置三颗摄像头，支持三倍光学变焦，前置一千万像素摄像头，电池容量为${battery}毫安时，支持25瓦快充。${tail}`;
  const P0 = `${FILLER[3]}${FILLER[4]}${FILLER[5]}`;
  const P1 = spec('甲款', '6.2', '163', '4000', '存储方面为八加一百二十八，四种颜色可选。');
  const P2 = spec('乙款', '6.7', '186', '4500', '存储方面为八加二百五十六，两种颜色可选。');
  const P3 = '丙款是三款中最重的，为220克，另外还支持25瓦无线充电，只提供一个存储版本。';
  const old = [FILLER[0], P0, P1, P2, P3, FILLER[1]].join('\n');
  const neighbour = at(old, FILLER[5]!);
  const start = at(old, '25瓦', 0);
  const selectors = [describe(old, neighbour, neighbour + 10), describe(old, start, start + 2)];

  it('leaves it an orphan: a neighbour in another paragraph moving as far says nothing about that copy', () => {
    // P1 dropped; P2 (one figure edited) now begins where P1 began, its 25 about where P1's was.
    const neu = [FILLER[0], P0, P2.replace('186', '188'), P3, FILLER[1]].join('\n');
    const placed = anchorAll(neu, selectors);
    expect(placed[0]?.start).toBe(at(neu, FILLER[5]!));
    expect(placed[1]).toBeNull();
  });

  it('still places it when its paragraph stands and only text before it went', () => {
    const neu = [P0, P1, P2, P3, FILLER[1]].join('\n');
    expect(anchorAll(neu, selectors)[1]?.start).toBe(at(neu, '25瓦', 0));
  });
});

suite('a term whose paragraph went, its words standing elsewhere with a mark inside', () => {
  const P1 = '记者了解到，涉事项目的名称为长沙“龙湖水晶花城”，合同约定以精装房交付。';
  const P3 = '业主提供的一份举报信中提到，长沙龙湖水晶花城项目还存在精装修没有第三方验收的问题。';
  const old = [FILLER[0], P1, FILLER[1], P3, FILLER[2]].join('\n');
  const a = at(old, FILLER[0]!) + 3;
  const b = at(old, FILLER[2]!) + 3;
  const term = at(old, '长沙龙湖');
  const selectors = [describe(old, a, a + 8), describe(old, term, term + 4), describe(old, b, b + 8)];

  it('records that the old text held its words once more, marks aside', () => {
    expect(selectors[1]).toMatchObject({ copies: 0, wordCopies: 1 });
  });

  it('is not placed on the look-alike read by its words alone', () => {
    const neu = [FILLER[0], P1, FILLER[1], FILLER[2]].join('\n');
    const placed = anchorAll(neu, selectors);
    expect(placed[0]?.start).toBe(a);
    expect(placed[1]).toBeNull();
  });

  it('is still read by its words alone when the old text held them once', () => {
    const plain = [FILLER[0], FILLER[1], P3, FILLER[2]].join('\n');
    const t = at(plain, '长沙龙湖');
    const sels = [
      describe(plain, a, a + 8),
      describe(plain, t, t + 4),
      describe(plain, at(plain, FILLER[2]!) + 3, at(plain, FILLER[2]!) + 11),
    ];
    expect(sels[1]?.wordCopies).toBeUndefined();
    // The term's own words now marked off (长沙“龙湖…”), its context changed on both sides.
    const neu = plain.replace('提到，长沙龙湖水晶花城项目还', '提及长沙“龙湖水晶花城”项目依然');
    const placed = anchorAll(neu, sels)[1];
    expect(placed && neu.slice(placed.start, placed.end).replace('“', '')).toBe('长沙龙湖');
  });
});

suite('a span over a break whose first paragraph was a whole timeline entry, the entries reversed', () => {
  const E = [
    '4月10日，大会主会场',
    '4月13日，大会分会场',
    '4月16日，本次大会共收到论文三百余篇，设立了九个分会场和两个开放性论坛，专家学者围绕乡村振兴等议题作了专题报告。',
    '4月18日，大会闭幕式',
  ];
  const old = [FILLER[0], ...E, FILLER[1]].join('\n');
  const start = at(old, E[1]!);
  const sel = describe(old, start, at(old, '本次') + 2);

  it("is not stretched over the new neighbour entry that took the first paragraph's place", () => {
    const neu = [FILLER[0], ...[...E].reverse(), FILLER[1]].join('\n');
    for (const a of [anchorAll(neu, [sel])[0], anchor(neu, sel)]) {
      if (a) expect(neu.slice(a.start, a.end)).not.toContain('闭幕式');
    }
  });

  it('is still found when the entries kept their order and a date was restyled', () => {
    const neu = old.replace('4月13日，', '4月13日：');
    const a = anchorAll(neu, [sel])[0];
    expect(a?.start).toBe(start);
  });
});

suite('a figure in one of two timeline entries holding the same sentence, the entries reversed', () => {
  const S =
    '自专项工作开展以来，截至8月25日，全市立案一千一百八十七宗，同比下降25%；刑拘三百一十四人，同比下降12.3%；破案五百五十九宗，同比上升5.9%，实现了总目标。';
  const E1 = `5月25日，记者向市公安局了解到，${S}`;
  const E2 = `7月2日，记者了解到，${S}`;
  const old = [FILLER[0], E1, E2, FILLER[1]].join('\n');
  const start = at(old, '刑拘');
  const sel = describe(old, start, start + 8);

  it('is not placed on the other entry, which took its rank and its place', () => {
    const neu = [FILLER[0], E2.replace('日，', '日：'), E1.replace('日，', '日：'), FILLER[1]].join('\n');
    const other = [at(neu, '7月2日'), at(neu, '5月25日')];
    for (const a of [anchorAll(neu, [sel])[0], anchor(neu, sel)]) {
      if (a) expect(a.start > other[1]!).toBe(true);
    }
  });

  it('is still placed when the entries kept their order', () => {
    const neu = [FILLER[0], E1.replace('日，', '日：'), E2.replace('日，', '日：'), FILLER[1]].join('\n');
    expect(anchorAll(neu, [sel])[0]?.start).toBe(at(neu, '刑拘'));
  });
});
