/**
 * Issue 12 item 4, round 41 (anchor22a): built by hand, our own words.
 * - A block of paragraphs the OLD text already held twice in a row (a page printed twice), the
 *   highlight in its second printing, and a 专题 printing the story again elsewhere: the pair still
 *   stands side by side, but it is no paste the revision made (stutter.ts): the first copy of the
 *   pair is the other printing, unchanged. A paste twice in a row the revision made is still placed.
 * - A Q&A page printed twice, a speaker's attribution before a question in its first printing only;
 *   the abridged reprint drops the passage's answer in the second printing, the labels are
 *   restyled and the attribution moved behind the question: the first printing's answer now reads
 *   a few units more of the stored context than it did, no more than it still misses (neared.ts).
 * - A 专题 printing the article and an abridged copy: a passage the old text held once, in the
 *   article's opening paragraphs, its whole stored context there, its one-sided neighbour moved
 *   otherwise by a sentence dropped between (onesidednear.ts).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at } from './helpers/anchoring-text';

const select = (text: string, q: string, n = 0) => {
  const i = at(text, q, n);
  return describe(text, i, i + q.length);
};

suite('a block the old text already held twice in a row', () => {
  const BLOCK = [
    '湖畔图书馆将于下月中旬恢复夜间开放，每晚闭馆时间推迟到九点半。',
    '馆方介绍，新装的自助借还机可以同时处理十本书，排队的读者会明显减少，老人和孩子另有专门的服务台。',
    '此外，二楼的期刊阅览区改成了安静自习区，座位需要提前一天在小程序上预约。',
  ];
  const BEFORE = ['社区简讯', '上周末，东街菜场的改造方案在居民议事会上通过，施工将分三期进行。'];
  const AFTER = ['城南的公交线路调整方案也已公布，三条线路的末班车将延后半小时发车。', '（编辑：周晓岚）'];
  const OLD = [...BEFORE, ...BLOCK, ...BLOCK, ...AFTER].join('\n');
  const QUOTE = '自助借还机可以同时处理十本书';

  it('leaves a passage of the second printing an orphan when a 专题 prints the story once more elsewhere', () => {
    // The 专题: a head, an abridged copy of the old text (its second paragraph of every two), then the article.
    const abridged = ['专题：身边的变化', BLOCK[1], BLOCK[1], '相关报道：社区服务再升级'];
    const NEW = [...abridged, ...BEFORE, ...BLOCK, ...BLOCK, ...AFTER].join('\n');
    const s = select(OLD, QUOTE, 1);
    const a = anchorAll(NEW, [s])[0] ?? null;
    // Never on the first printing of the pair (the other passage's words); the second is the passage's.
    expect(a === null || a.start === at(NEW, QUOTE, 3)).toBe(true);
    expect(a?.start).not.toBe(at(NEW, QUOTE, 2));
  });

  it('still places a passage on the first copy of a paste the revision made, the old text holding the quote elsewhere with less context', () => {
    const old = [...BEFORE, ...BLOCK, ...AFTER, '读者留言：' + QUOTE + '，这个改进很实用。'].join('\n');
    const s = select(old, QUOTE, 0);
    expect(s.copies).toBe(1);
    const NEW = [...BEFORE, BLOCK[0], BLOCK[1], BLOCK[1], BLOCK[2], ...AFTER, '读者留言：' + QUOTE + '，这个改进很实用。'].join('\n');
    const a = anchorAll(NEW, [s])[0] ?? null;
    expect(a?.start).toBe(at(NEW, QUOTE, 0));
  });
});

suite('a copy an edit beside it brought nearer the stored context', () => {
  const QUESTION = '市民可以通过哪些渠道提前购票，学生和老人是否还有优惠票，优惠票又该到哪里领取？';
  const page = (attrib: boolean, label: (l: '问' | '答') => string) => [
    label('问') + '今年的读书节有哪些新的安排？',
    label('答') + '主会场设在滨江广场，展位比去年多出三成，参展的出版社来自二十多个省份，还将首次开设夜场。',
    label('问') + (attrib ? '王建华说：“' + QUESTION + '”' : QUESTION),
    label('答') + '除了官方小程序，各区图书馆的服务台也可以代购。',
  ];
  const plain = (l: '问' | '答') => l + '：';
  const bracket = (l: '问' | '答') => (l === '问' ? '【问】' : l + '：');
  const OTHER = ['城东新建的体育公园本月对外开放，设有篮球场和环湖跑道。', '公园管理处提醒市民，夜间锻炼请结伴而行。'];
  const OLD = [...page(true, plain), ...OTHER, ...page(false, plain), '（完）'].join('\n');
  const QUOTE = '还将首次开设夜场';
  const moved = (p: string[]) => p.map((x) => x.replace('王建华说：“' + QUESTION + '”', '“' + QUESTION + '”王建华说。'));

  it('leaves the passage an orphan when its own answer was dropped and the other printing only neared it', () => {
    const s = select(OLD, QUOTE, 1);
    const second = page(false, bracket);
    second.splice(1, 1);
    const NEW = [...moved(page(true, bracket)), ...OTHER, ...second, '（完）'].join('\n');
    expect(anchorAll(NEW, [s])[0] ?? null).toBeNull();
  });

  it('still places the passage on its own answer, the other printing dropped, a label restyled beside it', () => {
    const s = select(OLD, QUOTE, 1);
    const first = moved(page(true, bracket));
    first.splice(1, 1);
    const NEW = [...first, ...OTHER, ...page(false, bracket), '（完）'].join('\n');
    expect(anchorAll(NEW, [s])[0]?.start).toBe(at(NEW, QUOTE, 0));
  });
});

suite('a passage of the article printed again in a 专题, its one-sided neighbour moved otherwise', () => {
  const DROPPED = '街道办还在每条街口设了垃圾分类点，并请来两位保洁员专门负责夜市收摊以后的清扫工作。';
  const P = [
    '老城区的三条夜市街今年五月完成了改造，摊位统一换成了可移动的餐车，每辆车都配了油烟净化器，可这件事一开始并不被看好。',
    '2019年，他从市场监管所调到街道办，接手的第一件事就是这片最乱的夜市。',
    '改造以后，油烟和噪声的投诉少了很多，周边居民说晚上出门散步的人也多了起来。' +
      DROPPED +
      '夜市管理员每晚十点准时巡查一遍，发现问题当场登记。',
    '摊主们也有自己的账本。卖烤红薯的老周说，换了餐车以后出摊收摊都快了，一晚上能多卖四十来个。',
    '不过也有摊主担心租金上涨。街道办表示，今年内租金不变，明年将根据经营情况听取摊主意见后再定。',
  ];
  const OLD = P.join('\n');
  const QUOTE = P[1]!;
  const NEIGHBOUR = '夜市管理员每晚十点准时巡查一遍';
  const article = [P[0]!, P[1]!, P[2]!.replace(DROPPED, ''), P[3]!, P[4]!];
  const zhuanti = (copy: string[]) =>
    [
      '专题｜城市观察',
      '【权威发布】老城区的三条夜市街',
      ...article,
      '相关报道',
      '延伸阅读：夜间经济怎么做',
      '【摘要版】老城区的三条夜市街',
      ...copy,
      '（本专题由编辑部整理）',
    ].join('\n');

  it('places it on the article, the abridged copy lacking its neighbouring paragraph', () => {
    const NEW = zhuanti([P[0]!, P[1]!, P[3]!]);
    const placed = anchorAll(NEW, [select(OLD, QUOTE), select(OLD, NEIGHBOUR)]);
    expect(placed[0]?.start).toBe(at(NEW, QUOTE, 0));
    expect(placed[1]?.start).toBe(at(NEW, NEIGHBOUR, 0));
  });

  // Left an orphan by onesidednear.ts (the copy nearby reads the whole stored context too). Since
  // round 53 (farbracket.ts loneCopyInFrame, for a quote held once) the frame from the text's start
  // to the sure neighbour did not grow and holds the article's copy alone: that copy is placed. The
  // abridged copy lies after the neighbour, which the passage preceded in the old text.
  it('places it on the article when the copy after its neighbour reads the whole stored context too (a paragraph cut to its opening sentence)', () => {
    const NEW = zhuanti([P[0]!, P[1]!, '改造以后，油烟和噪声的投诉少了很多，周边居民说晚上出门散步的人也多了起来。']);
    const placed = anchorAll(NEW, [select(OLD, QUOTE), select(OLD, NEIGHBOUR)]);
    expect(placed[0]?.start).toBe(at(NEW, QUOTE, 0));
    expect(placed[1]?.start).toBe(at(NEW, NEIGHBOUR, 0));
  });
});
