/**
 * Issue 12 item 4, round 38 (anchor21c): built by hand, our own words.
 * - A term held twice in one sentence whose clauses were swapped, the text printed twice: the copy
 *   of the passage's rank is now the other clause's copy, and a copy beside it in its paragraph
 *   reads the stored context better: not taken (rankswap.ts). A rank's copy with its sentence
 *   in order, one word beside it edited, is still taken.
 * - A span over a paragraph break with a caption line （图片来源：…） set at the break is not read
 *   past the caption (noteline.ts); a short note put inside a sentence still is.
 * - A 正式稿 that cut the clause holding the passage and, in a twin sentence, another clause: the
 *   twin now reads as much exact context as the joint where the passage's stored sides run into
 *   each other across the cut, and the joint holds both sides whole: an orphan (dropped.ts). Nor
 *   is it taken where the stored prefix stands whole and runs on into the suffix's last units.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

suite('a term held twice in a sentence whose clauses were swapped', () => {
  const HEAD = '城南图书馆新馆开放时间定了！';
  const SENT = '近日，“城南图书馆新馆开放倒计时一百天”座谈会召开，城南图书馆新馆将于十月一日正式开放，可容纳读者两千余人。';
  const SWAPPED = '近日，城南图书馆新馆将于十月一日正式开放，“城南图书馆新馆开放倒计时一百天”座谈会召开，可容纳读者两千余人。';
  const page = (sent: string, k: number) => [HEAD, sent, ...filler(k, 3)];
  const OLD = [...filler(0, 2), ...page(SENT, 2), ...filler(5, 2), ...page(SENT, 7), ...filler(10, 2)].join('\n');
  // The second copy of 城南图 in the first printing's sentence (after 座谈会召开，; the heading holds one).
  const s = describe(OLD, ...span(OLD, '城南图', 2));

  it('leaves the term an orphan, never the other clause copy', () => {
    const NEW = [...filler(0, 2), ...page(SWAPPED, 2), ...filler(5, 2), ...page(SENT, 7), ...filler(10, 2)].join('\n');
    const a = anchorAll(NEW, [s])[0];
    expect(a === null || a?.start === at(NEW, '城南图书馆新馆将于')).toBe(true);
  });

  it('still takes the copy of its rank when the sentence kept its order and a word beside it changed', () => {
    const EDITED = SENT.replace('座谈会召开，', '座谈会举行，');
    const NEW = [...filler(0, 2), ...page(EDITED, 2), ...filler(5, 2), ...page(SENT, 7), ...filler(10, 2)].join('\n');
    const a = anchorAll(NEW, [s])[0];
    expect(a?.start).toBe(at(NEW, '城南图', 2));
  });
});

suite('a caption line set at the break of a span', () => {
  const P1 = '读者们最喜欢的还是那本旧书《小桔灯》“一盏桔灯”';
  const P2 = '林老师回忆起《小桔灯》的往事说，当年的孩子们都把这篇课文背得滚瓜烂熟。';
  const OLD = [...filler(0, 3), '你还记得吗', P1, P2, ...filler(3, 3)].join('\n');
  const quote = '《小桔灯》“一盏桔灯”\n林老师回忆起《小桔灯》的往事说，';
  const sels = [
    describe(OLD, ...span(OLD, '四十多户农家')),
    describe(OLD, ...span(OLD, '孩子们最爱看连环画')),
    describe(OLD, ...span(OLD, quote)),
    describe(OLD, ...span(OLD, '年轻人听得很认真')),
    describe(OLD, ...span(OLD, '省下不少路费')),
  ];

  it('leaves the span an orphan over a caption line', () => {
    const NEW = [...filler(0, 3), '你还记得吗', P1, '（图片来源：本报资料）', P2, ...filler(3, 3)].join('\n');
    const out = anchorAll(NEW, sels);
    expect(out[2]).toBeNull();
    expect(out[1]?.start).toBe(at(NEW, '孩子们最爱看连环画'));
  });

  it('still reads past a short note put inside the sentence', () => {
    const NEW = [...filler(0, 3), '你还记得吗', P1, P2.replace('林老师回忆起', '林老师（市第一中学退休教师）回忆起'), ...filler(3, 3)].join(
      '\n',
    );
    const out = anchorAll(NEW, sels);
    expect(out[2]?.start).toBe(at(NEW, '《小桔灯》“一盏桔灯”'));
  });
});

suite('a 正式稿 cutting the clause that held the passage and another clause in its twin', () => {
  const OWN =
    '据馆方介绍，每批新书的采购价格在几十元到几百元不等，最终算下来一位读者的年均购书成本大约在12元至30元之间，个别馆达到50元左右。';
  const OWN_NEXT = '市文化局的一位负责人对记者说，分馆的运营经费由区财政统一拨付。';
  const TWIN =
    '馆方还说，每批新书的采购价格在几十元到几百元不等，只要读者需要，一般都会多买几本。最终算下来一位读者的年均购书成本大约在12元至30元之间，个别馆达到50元左右。';
  const TWIN_NEXT = '记者从市文化局了解到，新馆将增设二十台自助借还机。';
  const OLD = [...filler(0, 2), OWN, OWN_NEXT, ...filler(2, 4), TWIN, TWIN_NEXT, ...filler(6, 2)].join('\n');
  const NEW = [
    ...filler(0, 2),
    OWN.replace('最终算下来一位读者的年均购书成本大约在12元至30元之间，', ''),
    OWN_NEXT,
    ...filler(2, 4),
    TWIN.replace('只要读者需要，', ''),
    TWIN_NEXT,
    ...filler(6, 2),
  ].join('\n');

  it('leaves a figure of the cut clause an orphan, not on the twin sentence', () => {
    const s = describe(OLD, ...span(OLD, '12元'));
    expect(anchorAll(NEW, [s])[0]).toBeNull();
  });

  it('leaves the cut clause head an orphan, the stored prefix whole before the last units of the suffix', () => {
    const s = describe(OLD, ...span(OLD, '最终算下'));
    expect(anchorAll(NEW, [s])[0]).toBeNull();
  });

  it('moves no neighbour along with a copy refused for the cut', () => {
    const old = OLD;
    const edited = [
      ...filler(0, 2),
      OWN.replace('最终算下来一位读者的年均购书成本大约在12元至30元之间，', ''),
      '文化局表示，运营经费由区财政拨付。',
      ...filler(2, 4),
      TWIN.replace('只要读者需要，', ''),
      TWIN_NEXT,
      ...filler(6, 2),
    ].join('\n');
    const sels = [describe(old, ...span(old, '最终算下')), describe(old, ...span(old, '50元'))];
    const [head, figure] = anchorAll(edited, sels);
    expect(head).toBeNull();
    // The figure still stands in its own sentence: there or an orphan, never on the twin's.
    expect(figure === null || figure?.start === at(edited, '50元')).toBe(true);
  });

  it('still places the figure on its own sentence when only the twin lost a clause', () => {
    const s = describe(OLD, ...span(OLD, '12元'));
    const TWIN_ONLY = [
      ...filler(0, 2),
      OWN,
      OWN_NEXT,
      ...filler(2, 4),
      TWIN.replace('只要读者需要，', ''),
      TWIN_NEXT,
      ...filler(6, 2),
    ].join('\n');
    expect(anchorAll(TWIN_ONLY, [s])[0]?.start).toBe(at(TWIN_ONLY, '12元'));
  });
});
