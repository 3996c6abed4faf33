/**
 * Issue 12 item 4, sixteenth round: placements that join what an edit parted (apart.ts).
 * - 答记者问 blocks reordered: a highlight over the break between an answer's last words and the
 *   next question is not stretched over the question that now follows, which has the same frame
 *   (问：请介绍一下…的有关情况。), while its own question stands whole elsewhere.
 * - 征求意见稿 → 正式稿: a clause that held the highlighted term is dropped, and the same term a few
 *   units on (in the passage's own stored context) now follows the passage's left context. That
 *   twin is not the passage.
 * Texts built by hand, our own words; each placement was wrong before this round.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';

const span = (text: string, q: string, from = 0): [number, number] => {
  const i = text.indexOf(q, from);
  expect(i, q).toBeGreaterThanOrEqual(0);
  return [i, i + q.length];
};

suite('a span over a break whose halves a reorder parted is not stretched over another question', () => {
  const INTRO = '市政府新闻办今天举行发布会，市发展改革委负责人就今年重点工作回答了记者提问。';
  const QA = [
    ['问：请介绍一下城市更新的有关情况。', '答：今年全市将启动老旧小区改造一百二十个，惠及居民三万余户，年底前全部开工建设。'],
    ['问：请介绍一下营商环境的有关情况。', '答：我们将推行企业开办一日办结，涉企审批事项压减三成，让企业少跑腿、好办事。'],
    ['问：请介绍一下乡村振兴的有关情况。', '答：全市将新建高标准农田五万亩，培育农业龙头企业二十家，带动农民持续增收。'],
  ];
  const OLD = [INTRO, ...QA.flat()].join('\n');
  // The second block moved to the end: the first answer is now followed by the third question.
  const NEW = [INTRO, ...QA[0]!, ...QA[2]!, ...QA[1]!].join('\n');
  const quote = '年底前全部开工建设。\n问：请介绍一下营商环境的';
  const others = ['惠及居民三万余户', '涉企审批事项压减三成', '培育农业龙头企业二十家'];
  const selectors = [quote, ...others].map((q) => describe(OLD, ...span(OLD, q)));

  it('leaves the span over the parted break unplaced rather than on the next question', () => {
    const a = anchorAll(NEW, selectors)[0] ?? null;
    if (a) expect(NEW.slice(a.start, a.end)).not.toContain('乡村振兴');
    expect(a === null || NEW.slice(a.start, a.end).includes('营商环境')).toBe(true);
  });

  it('still places the passages that moved whole', () => {
    const placed = anchorAll(NEW, selectors).slice(1);
    placed.forEach((a, i) => {
      expect(a, others[i]).not.toBeNull();
      expect(NEW.slice(a!.start, a!.end)).toBe(others[i]);
    });
  });

  it('a span over an unchanged break is still placed', () => {
    const moved = [INTRO, ...QA.flat(), '以上为本次发布会的全部内容。'].join('\n');
    const [a] = anchorAll(moved, selectors);
    expect(a).not.toBeNull();
    expect(moved.slice(a!.start, a!.end)).toBe(quote);
  });
});

suite('a term whose clause was dropped is not placed on its twin from the same context', () => {
  const HEAD = '本报讯 记者从市财政局获悉，今年以来全市财政收支运行平稳，重点支出保障有力。';
  const SENT_OLD = '每逢年末资金面偏紧的时候，专项债券的发行节奏都会明显加快，专项债券的资金拨付也会随之提速，各区县要提前做好项目储备。';
  const SENT_NEW = '每逢年末资金面偏紧的时候，专项债券的资金拨付也会随之提速，各区县要提前做好项目储备。';
  const TAIL = '下一步，市财政局将加强预算执行监控，确保资金安全高效使用。';
  const OLD = [HEAD, SENT_OLD, TAIL].join('\n');
  const NEW = [HEAD, SENT_NEW, TAIL].join('\n');
  // The first 专项债券, whose clause (…的发行节奏都会明显加快，) the final text dropped.
  const first = span(OLD, '专项债券');
  const second = span(OLD, '专项债券', first[1]);
  const others = ['重点支出保障有力', '加强预算执行监控'];

  it('leaves the first term unplaced rather than on the second one', () => {
    const selectors = [describe(OLD, ...first), ...others.map((q) => describe(OLD, ...span(OLD, q)))];
    const [a] = anchorAll(NEW, selectors);
    expect(a).toBeNull();
  });

  it('the twin itself, highlighted, is still placed on its words', () => {
    const selectors = [describe(OLD, ...second), ...others.map((q) => describe(OLD, ...span(OLD, q)))];
    const [a] = anchorAll(NEW, selectors);
    expect(a).not.toBeNull();
    expect(a!.start).toBe(NEW.indexOf('专项债券'));
  });

  it('with the clause kept, the first term is still placed on its own words', () => {
    const edited = OLD.replace('本报讯 ', '');
    const selectors = [describe(OLD, ...first), ...others.map((q) => describe(OLD, ...span(OLD, q)))];
    const [a] = anchorAll(edited, selectors);
    expect(a).not.toBeNull();
    expect(a!.start).toBe(edited.indexOf('专项债券'));
  });
});
