/**
 * Issue 12 item 4, round 42 (anchor22b): built by hand, our own words.
 * - A line deleted from a 名单 of look-alike lines: its neighbour, the line the stored suffix held
 *   next to it, closes up onto its context and differs only in the name. Not taken (closedup.ts);
 *   a line whose name was corrected by a unit is still placed on itself.
 * - A stock sentence closing every section of a long text (held more often than copies are
 *   counted), deleted from one section whose sentence before it the text prints twice: the other
 *   print is not taken where the stored prefix runs straight into the suffix (dropped.ts).
 * - An 附件 item restating a body sentence, the 附件 split off: the body's paragraph, unchanged,
 *   is another passage's paragraph for every pass (index.ts, the own-paragraph pass too).
 * - A template question held several times, Q&A blocks reordered: the copy of the passage's rank
 *   between its neighbours is not taken where the first pass found another copy reading more of
 *   the stored context (firstread.ts).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

suite('a line deleted from a 名单 of look-alike lines', () => {
  const LINES = [
    '郑秋实\u3000区文化馆馆员',
    '冯雨桐\u3000区档案馆副馆长',
    '林溪\u3000区图书馆少儿部副主任',
    '石磊\u3000区图书馆少儿部副主任',
    '白露晞\u3000区科技馆讲解员',
    '唐远山\u3000区少年宫教师',
  ];
  const OLD = [...filler(0, 3), '二、拟表彰先进个人名单', ...LINES, ...filler(3, 3)].join('\n');
  const sels = [
    describe(OLD, ...span(OLD, '四十多户农家')),
    describe(OLD, ...span(OLD, LINES[2]!)),
    describe(OLD, ...span(OLD, '年轻人听得很认真')),
  ];

  it('leaves the deleted line an orphan, never its neighbour', () => {
    const NEW = [...filler(0, 3), '二、拟表彰先进个人名单', ...LINES.filter((_, i) => i !== 2), ...filler(3, 3)].join('\n');
    const out = anchorAll(NEW, sels);
    expect(out[1]).toBeNull();
    expect(out[2]?.start).toBe(at(NEW, '年轻人听得很认真'));
  });

  it('still places a line whose name was corrected by one unit', () => {
    const fixed = LINES.map((l, i) => (i === 2 ? l.replace('林溪', '林曦') : l));
    const NEW = [...filler(0, 3), '二、拟表彰先进个人名单', ...fixed, ...filler(3, 3)].join('\n');
    const out = anchorAll(NEW, sels);
    expect(out[1]?.start).toBe(at(NEW, '林曦'));
  });
});

suite('a stock sentence deleted from one section of a long text', () => {
  const STOCK = '请各单位对照检查，按期报送整改情况。';
  const TWIN = '据了解，今年以来全市共开展安全生产专项检查四轮，会上通报了第三季度安全生产检查中发现的问题，要求限期整改到位。';
  const AFTER_OWN = '随后，与会人员实地察看了老旧小区燃气管道改造现场，听取了施工进度汇报。';
  const AFTER_TWIN = '此外，市应急局还就汛期值班值守工作作出安排，要求各单位落实领导带班制度。';
  // Seventy-two sections, each closing with the stock sentence (more copies than describe() counts);
  // the twin sentence in sections 65 (the passage's) and 66.
  const sections = (drop: boolean) =>
    Array.from({ length: 72 }, (_, i) => {
      if (i === 65) return [TWIN + (drop ? '' : STOCK), AFTER_OWN];
      if (i === 66) return [TWIN + STOCK, AFTER_TWIN];
      return [filler(i, 1)[0]! + STOCK];
    }).flat();
  const OLD = sections(false).join('\n');
  const own = at(OLD, TWIN) + TWIN.length;
  const sels = [describe(OLD, own, own + STOCK.length), describe(OLD, ...span(OLD, '随后，与会人员实地察看'))];

  it('leaves the deleted copy an orphan, never the other print of its sentence', () => {
    const NEW = sections(true).join('\n');
    const out = anchorAll(NEW, sels);
    expect(out[0]).toBeNull();
    expect(out[1]?.start).toBe(at(NEW, '随后，与会人员实地察看'));
  });

  it('still places the stock sentence where it stands', () => {
    const NEW = sections(false).join('\n').replace('听取了施工进度汇报', '听取了工程进度汇报');
    const out = anchorAll(NEW, sels);
    expect(out[0]?.start).toBe(at(NEW, TWIN) + TWIN.length);
  });
});

suite('an 附件 item restating a body sentence, the 附件 split off', () => {
  const BODY = '★需要说明的是，城东换乘枢纽距离轻轨三号线东湖站步行约300米，是全省首个实现公交与轻轨同台换乘的枢纽。';
  const ITEMS = [
    '1．城东换乘枢纽位于东湖片区核心地段，规划用地面积约8公顷。',
    '2．' + BODY,
    '3．资料显示，枢纽一期工程计划于明年年底前投入使用。',
  ];
  const OLD = [...filler(0, 3), BODY, ...filler(3, 3), '附件：有关情况说明', ...ITEMS, ...filler(6, 2)].join('\n');
  const item = at(OLD, '2．');
  // The stored prefix reaches back exactly to the item's first word, past its marker.
  const term = item + ('2．' + BODY).indexOf('是全省');
  const sels = [
    describe(OLD, ...span(OLD, '四十多户农家')),
    describe(OLD, term, term + 2),
    describe(OLD, ...span(OLD, '省下不少路费')),
    describe(OLD, ...span(OLD, '河堤加固工程')),
  ];

  it('leaves the 附件 copy an orphan, never the body sentence', () => {
    const NEW = [...filler(0, 3), BODY, ...filler(3, 3), '（附件另发）', ...filler(6, 2)].join('\n');
    const out = anchorAll(NEW, sels);
    expect(out[1]).toBeNull();
    expect(out[2]?.start).toBe(at(NEW, '省下不少路费'));
  });

  it('still places it on the 附件 item when the body paragraph went instead', () => {
    const NEW = [...filler(0, 3), ...filler(3, 3), '附件：有关情况说明', ...ITEMS, ...filler(6, 2)].join('\n');
    const out = anchorAll(NEW, sels);
    expect(out[1]?.start).toBe(at(NEW, '2．') + ('2．' + BODY).indexOf('是全省'));
  });
});

suite('a template question held three times, the Q&A blocks reordered', () => {
  const Q = '问：这项工作下一步将如何推进？';
  const A = [
    '答：市交通局有关负责人介绍，今年将新开通公交线路十二条，优化调整线路二十条。',
    '答：市教育局有关负责人表示，今年秋季学期起，全市中小学将全面推行课后延时服务。',
    '答：记者从市卫健委获悉，年内将在各街道建成十五分钟健康服务圈，方便群众就近看病。',
  ];
  const block = (i: number) => [filler(3 + i * 2, 1)[0]!, Q, A[i]!, filler(4 + i * 2, 1)[0]!];
  const OLD = [...filler(0, 2), '答记者问', ...block(0), ...block(1), ...block(2), ...filler(10, 2)].join('\n');
  const NEW = [...filler(0, 2), '答记者问', ...block(1), ...block(2), ...block(0), ...filler(10, 2)].join('\n');
  // The first question's words, without its 问： label.
  const q = at(OLD, Q) + 2;
  const question = describe(OLD, q, q + Q.length - 2);
  const others = [
    describe(OLD, ...span(OLD, '四十多户农家')),
    describe(OLD, ...span(OLD, '全面推行课后延时服务')),
    describe(OLD, ...span(OLD, '十五分钟健康服务圈')),
    describe(OLD, ...span(OLD, '准备在丰收节上')),
  ];

  it('leaves the question an orphan, never the copy of its old rank', () => {
    const out = anchorAll(NEW, [question, ...others]);
    expect(out[0] === null || out[0]?.start === at(NEW, Q, 2) + 2).toBe(true);
    expect(out[0]?.start).not.toBe(at(NEW, Q) + 2);
    expect(out[2]?.start).toBe(at(NEW, '全面推行课后延时服务'));
  });

  it('still places it before its own answer when a highlight in that answer moved with it', () => {
    const answer = describe(OLD, ...span(OLD, '今年将新开通公交线路'));
    const out = anchorAll(NEW, [question, answer, ...others]);
    expect(out[0]?.start).toBe(at(NEW, Q, 2) + 2);
    expect(out[1]?.start).toBe(at(NEW, '今年将新开通公交线路'));
  });
});

suite('a span over a break, a 学习问答 question quoting its second piece written at the break', () => {
  const PREV = '这么好的新馆大家都想去看看了！！！';
  const HEAD = '划重点：';
  const PARA = '一位接近馆方的人士对《城南晚报》表示，新馆从年初就在筹备开馆活动，“这次应该是最热闹的一次”。';
  const OLD = [...filler(0, 3), PREV, HEAD, PARA, ...filler(3, 3)].join('\n');
  const sels = [
    describe(OLD, ...span(OLD, '四十多户农家')),
    describe(OLD, ...span(OLD, '划重点：\n一位接近馆方的')),
    describe(OLD, ...span(OLD, '年轻人听得很认真')),
  ];

  it('never places the span on the question’s copy of its second piece', () => {
    const NEW = [
      ...filler(0, 3),
      PREV,
      HEAD,
      '【问】为什么说一位接近馆方的人士对《城南晚报》表示？',
      '【答】' + PARA,
      ...filler(3, 3),
    ].join('\n');
    const out = anchorAll(NEW, sels);
    expect(out[1] === null || out[1]?.start === at(NEW, '一位接近馆方的', 1)).toBe(true);
    expect(out[2]?.start).toBe(at(NEW, '年轻人听得很认真'));
  });

  it('still places the span whole where the question was written after its paragraph', () => {
    const NEW = [...filler(0, 3), PREV, HEAD, PARA, '【问】为什么说一位接近馆方的人士对《城南晚报》表示？', ...filler(3, 3)].join('\n');
    const out = anchorAll(NEW, sels);
    expect(out[1]?.start).toBe(at(NEW, HEAD));
  });
});
