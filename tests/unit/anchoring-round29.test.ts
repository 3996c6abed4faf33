/**
 * Issue 12 item 4, round 29: kinds of misses of the eighth and ninth outside benches
 * (tests/bench/anchoring-outside8.ts abridge / zhuanti, anchoring-outside9.ts transcript /
 * md_links), built by hand in our own words.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at } from './helpers/anchoring-text';

// An article of our own: a lead and five paragraphs, each distinct.
const P0 = '本报讯 城东的旧厂房改成了社区书院，周末开放给附近的居民。';
const P1 =
  '书院一楼是阅览区，摆着两千多册捐来的图书，二楼是自习室，白天多是备考的年轻人，志愿者轮流值班，负责整理书架和登记借阅，晚上九点以后由保安锁门，钥匙放在街道办。';
const P2 = '开馆第一个月，登记办证的居民就有六百多人，其中不少是退休教师。';
const P3 = '街道还请来两位老木匠，把厂房留下的旧机床改成了书桌和展台。';
const P4 = '有居民提议增设少儿绘本角，书院已在二楼腾出一间屋子，下月起试运行。';
const P5 =
  '书院负责人表示，今后还将举办读书会和讲座，每月一次，主讲人从居民推荐的名单里挑选，欢迎居民报名参加，报名表放在一楼服务台，也可以在街道的公众号上填写。';
const OLD = [P0, P1, P2, P3, P4, P5].join('\n');

const sel = (text: string, phrase: string, n = 0) => {
  const s = at(text, phrase, n);
  return describe(text, s, s + phrase.length);
};

suite('a 专题 page printing an abridged copy beside the article (onesided.ts)', () => {
  // The passage in the second paragraph, which the abridged copy keeps; its placed neighbours are
  // in paragraphs the copy dropped (only the article holds them): after it, never before it.
  const QUOTE = '志愿者轮流值班';
  const batch = [sel(OLD, QUOTE), sel(OLD, '登记办证的居民'), sel(OLD, '增设少儿绘本角')];
  const abridged = [P0, P1, P3, P5].join('\n');
  const head = (tag: string) => `【${tag}】${P0.slice(0, 12)}`;

  it('places it on the copy that moved along with its neighbours when the copy comes first', () => {
    const neu = ['专题｜社区新事', head('摘要版'), abridged, '相关报道', '延伸阅读：城市更新怎么做', head('全文'), OLD].join('\n');
    const placed = anchorAll(neu, batch);
    const article = at(neu, OLD);
    expect(placed[1]?.start).toBe(article + at(OLD, '登记办证的居民'));
    expect(placed[2]?.start).toBe(article + at(OLD, '增设少儿绘本角'));
    // Both copies hold the passage's stored context; the article's continues into 登记办证.
    expect(placed[0]?.start).toBe(article + at(OLD, QUOTE));
  });

  it('places a passage of the last paragraph with the copy after the article (neighbours only before it)', () => {
    const batch5 = [sel(OLD, '登记办证的居民'), sel(OLD, '增设少儿绘本角'), sel(OLD, '欢迎居民报名参加')];
    const neu = ['专题｜社区新事', head('权威发布'), OLD, '相关报道', head('摘要版'), abridged, '（本专题由编辑部整理）'].join('\n');
    const placed = anchorAll(neu, batch5);
    expect(placed[2]?.start).toBe(at(neu, OLD) + at(OLD, '欢迎居民报名参加'));
  });

  it('leaves it an orphan when the text between it and its neighbour changed length in the article', () => {
    // A sentence written into the article between the passage and its neighbours: no copy moved
    // along with them, and the stored context cannot tell the copies apart.
    const edited = OLD.replace(P2, '据街道介绍，书院的场地由一家物流公司无偿提供，租期十年，水电费由街道承担。' + P2);
    const neu = ['专题｜社区新事', head('摘要版'), abridged, '相关报道', head('全文'), edited].join('\n');
    expect(anchorAll(neu, batch)[0]).toBeNull();
  });

  it('leaves a guess between placed neighbours on both sides to the two-sided rule', () => {
    // A line before the lead, kept on top of the page: a neighbour before the passage that moved
    // neither with the abridged copy (an editor's note between) nor with the article.
    const LINE = '编者按：城市里的旧厂房还能做些什么？我们走访了几处改造项目。';
    const old2 = [LINE, OLD].join('\n');
    const both = [sel(old2, '走访了几处改造项目'), sel(old2, QUOTE), sel(old2, '登记办证的居民'), sel(old2, '增设少儿绘本角')];
    const neu = [LINE, '本期导读：社区书院的一年', abridged, '相关报道', head('全文'), OLD].join('\n');
    const placed = anchorAll(neu, both);
    expect(placed[0]?.start).toBe(at(neu, '走访了几处改造项目'));
    expect(placed[2]?.start).toBe(at(neu, OLD) + at(OLD, '登记办证的居民'));
    // Between the two neighbours' shifts (the loose window), the first pass's copy stands; the
    // one-sided rule does not move it after the neighbour on one side.
    expect(placed[1]?.start).toBe(at(neu, QUOTE));
  });
});

suite('a Markdown export writing links into the passage or next to it (linked.ts)', () => {
  const A = '今年入冬以来，北方多地气温偏低，城郊的菜农提前给大棚加盖了草帘，保证蔬菜正常上市。';
  const B = '气象部门提醒，未来三天东部地区仍有大风降温，出行的市民要注意防寒保暖，减少户外活动。';
  const C = '农业部门组织技术人员下乡，帮助种植户检查大棚的保温设施，发现问题当场解决。';
  const old = [A, B, C].join('\n');
  const link = (w: string, n: number) => `[${w}](https://example.invalid/wiki/${1000 + n})`;

  it('places a two-unit term that became a link, a word of its context a link too', () => {
    const neu = [A.replace('城郊', link('城郊', 1)), '> ' + B.replace('东部', link('东部', 2)).replace('降温', link('降温', 3)), C].join(
      '\n\n',
    );
    const placed = anchorAll(neu, [sel(old, '东部')]);
    expect(placed[0]?.start).toBe(at(neu, '东部'));
    expect(placed[0]?.end).toBe(at(neu, '东部') + 2);
  });

  it('places a sentence with links inside it and in its context', () => {
    const neu = [
      A,
      B.replace('气象部门', link('气象部门', 1)).replace('市民', link('市民', 2)).replace('户外', link('户外', 3)),
      C.replace('技术人员', link('技术人员', 4)),
    ].join('\n');
    const q = '未来三天东部地区仍有大风降温，出行的市民要注意防寒保暖';
    const placed = anchorAll(neu, [sel(old, q)]);
    expect(placed[0]?.start).toBe(at(neu, '未来三天'));
    expect(neu.slice(placed[0]!.start, placed[0]!.end).endsWith('防寒保暖')).toBe(true);
  });

  it('leaves it to the passage’s own untouched words when a pull quote written before them took their old neighbour', () => {
    // A short line of its own copied as a pull quote (■ …) right above it: across the ■ the copy
    // reads with B's end before it, while the line itself, with its words after the figure, stands
    // untouched below the copy.
    const L = '17号楼加装电梯工程本周完工验收';
    const old2 = [A, B, L, C].join('\n');
    const neu = [A, B, '■ ' + L, L, C].join('\n');
    const s = at(old2, '17');
    const placed = anchorAll(neu, [describe(old2, s, s + 2)])[0];
    // Right or an orphan, never the pull quote.
    expect(!placed || placed.start === at(neu, L, 1)).toBe(true);
  });

  it('does not read a figure with a digit written inside it as the passage (its line deleted, a look-alike stays)', () => {
    // Two result lines alike but for the figure, each under the same heading line.
    const H = '抽检结果公布如下：';
    const line = (n: string) => `本次共检测样品${n}份，合格率为百分之九十八，不合格样品已经全部就地封存。`;
    const old2 = [A, H, line('1000'), B, H, line('10000'), C].join('\n');
    const neu = [A, H, B, H, line('10000'), C].join('\n');
    const s = at(old2, '样品1000份');
    expect(anchorAll(neu, [describe(old2, s, s + '样品1000份'.length)])[0]).toBeNull();
  });
});
