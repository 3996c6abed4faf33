/**
 * Issue 12 item 4, round 37 (anchor21b): built by hand, our own words.
 * - A short passage (a date) whose placement reads its own paragraph's words beside it only for a
 *   while (entries sharing a source tag 【…】 and differing after it), or not at all (a date whose
 *   day and its own short side 3月1 stand at another paragraph's start), while another place reads
 *   them farther: an orphan (ownside.ts ownSideReadsFarther).
 * - A passage repeated in twin paragraphs (timeline entries alike but for their date), entries
 *   reversed: the stored context cannot tell the copies, the rest of the old paragraph past it can;
 *   a copy whose paragraph keeps fewer of those pieces than another's is an orphan (restaside.ts
 *   onTwinParagraph).
 * - A caption's sentence whose look-alike (the caption printed again without its first words) won
 *   only by the credit of kept paragraph edges, while the quote stands whole with its neighbours'
 *   words really beside it: the whole quote is the passage (query.ts wholeOverCredited).
 */
import { describe as suite, expect, it } from 'vitest';
import { newDocument } from '../../shared/anchoring/doc';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { ownSideReadsFarther } from '../../shared/anchoring/ownside';
import { onTwinParagraph } from '../../shared/anchoring/restaside';
import { at, filler } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

suite('a date whose own words beside it stand farther at another entry (ownSideReadsFarther)', () => {
  const X = '街道办召开了夏季安全生产部署会，要求各单位排查隐患，落实责任。';
  const A = '5月3日，【城南晚报】社区食堂正式开业，老人用餐可享八折优惠，附近居民排起了长队。';
  const B = '5月3日，【城南晚报】河道清淤工程全部完工，沿岸步道重新开放，早晚散步的人多了起来。';
  const OLD = ['本站整理了近期的几条消息。', X, B, A, ...filler(0, 2)].join('\n');
  const s = describe(OLD, ...span(OLD, '5月3日', 0));
  const colon = (p: string) => p.replace('日，', '日：');
  // Entries moved: the other entry of the date now follows the line that preceded the passage.
  const NEW = ['本站整理了近期的几条消息。', colon(B), X, colon(A), ...filler(0, 2)].join('\n');

  it('refuses the other entry of the date, which reads the tag and then other words', () => {
    const doc = newDocument(NEW);
    const other = at(NEW, '5月3日', 1);
    expect(ownSideReadsFarther(doc, s, { start: other, end: other + 4, score: 1 })).toBe(true);
    const own = at(NEW, '5月3日', 0);
    expect(ownSideReadsFarther(doc, s, { start: own, end: own + 4, score: 1 })).toBe(false);
    const out = anchorAll(NEW, [s])[0];
    expect(out == null || out.start === own).toBe(true);
  });

  it('keeps a date whose own words are cut by lines inserted into its paragraph', () => {
    // An advert block parts the passage's paragraph right after the tag: a break, not other words.
    const cut = B.replace('】', '】\n— 推荐 —\n');
    const N2 = ['本站整理了近期的几条消息。', X, cut, A, ...filler(0, 2)].join('\n');
    const own = at(N2, '5月3日', 0);
    expect(ownSideReadsFarther(newDocument(N2), s, { start: own, end: own + 4, score: 1 })).toBe(false);
  });

  it("refuses a day placed after another month when the passage's short own side opens another paragraph", () => {
    const P1 = '3月1日，新码头一期工程岸线总长七百七十米，可以同时停靠两艘大型邮轮。';
    const P2 = '11月22日，新码头一期工程岸线总长七百七十米，可以同时停靠两艘大型邮轮。';
    const O2 = ['港口建设的进展如下。', ...filler(3, 2), P1, ...filler(6, 2), P2, ...filler(9, 1)].join('\n');
    const s2 = describe(O2, at(O2, '日，'), at(O2, '日，') + 2);
    const N3 = [
      '港口建设的进展如下。',
      ...filler(3, 2),
      P1.replace('日，', '日：'),
      ...filler(6, 2),
      `他指出，${P2}`,
      ...filler(9, 1),
    ].join('\n');
    const doc = newDocument(N3);
    const other = at(N3, '22日，') + 2;
    expect(ownSideReadsFarther(doc, s2, { start: other, end: other + 2, score: 1 })).toBe(true);
    // A lead-in written before the passage's own paragraph leaves its own short side beside it.
    const N4 = ['港口建设的进展如下。', ...filler(3, 2), `据介绍，${P1}`, ...filler(6, 2), P2, ...filler(9, 1)].join('\n');
    const own = at(N4, '3月1日，') + 3;
    expect(ownSideReadsFarther(newDocument(N4), s2, { start: own, end: own + 2, score: 1 })).toBe(false);
  });

  it('keeps a term whose gloss was written after it while a twin sentence elsewhere reads on', () => {
    const S = '他说，改成这样，唱起来就不拗口了。';
    const O5 = ['音乐课上，老师提到一首老歌的新唱法，学生们表示，改成这样，唱起来就不拗口了。', ...filler(0, 3), S, ...filler(4, 1)].join(
      '\n',
    );
    const s5 = describe(O5, ...span(O5, '改成这样', 0));
    const N5 = O5.replace('改成这样，', '改成这样（New Version），');
    const own = at(N5, '改成这样', 0);
    expect(ownSideReadsFarther(newDocument(N5), s5, { start: own, end: own + 4, score: 1 })).toBe(false);
  });
});

suite('a phrase of twin paragraphs told apart by the rest of its paragraph (onTwinParagraph)', () => {
  const body =
    '新码头一期工程岸线总长七百七十米，建成两个大型邮轮泊位和一个小型泊位，以及建筑面积约五万平方米的候船大楼，可停靠目前世界上最大的邮轮，年通过能力七十五万人次。';
  const E1 = `6月25日，目前建设的${body}`;
  const E2 = `10月9日，目前建设的${body}`;
  const OLD = ['港口建设大事记。', E1, ...filler(0, 2), E2, ...filler(2, 2)].join('\n');
  const s = describe(OLD, ...span(OLD, '积约五万平方米', 0));

  it('refuses the twin entry once the entries are reversed, and keeps its own entry', () => {
    const colon = (p: string) => p.replace('日，', '日：');
    const NEW = ['港口建设大事记。', ...filler(2, 2).reverse(), colon(E2), ...filler(0, 2).reverse(), colon(E1)].join('\n');
    const doc = newDocument(NEW);
    const twin = at(NEW, '积约五万平方米', 0);
    const own = at(NEW, '积约五万平方米', 1);
    expect(onTwinParagraph(doc, s, { start: twin, end: twin + 7, score: 1 })).toBe(true);
    expect(onTwinParagraph(doc, s, { start: own, end: own + 7, score: 1 })).toBe(false);
    const out = anchorAll(NEW, [s])[0];
    expect(out == null || out.start === own).toBe(true);
  });

  it('counts the pieces of its own paragraph past an advert block that parts it', () => {
    const colon = (p: string) => p.replace('日，', '日：');
    const parted = colon(E1).replace('七百七十米，', '七百七十米，\n— 广告 —\n▼ 点击图片了解更多\n');
    const NEW = ['港口建设大事记。', ...filler(2, 2).reverse(), colon(E2), ...filler(0, 2).reverse(), parted].join('\n');
    const own = at(NEW, '积约五万平方米', 1);
    expect(onTwinParagraph(newDocument(NEW), s, { start: own, end: own + 7, score: 1 })).toBe(false);
  });

  it('says nothing where the twin paragraphs keep the same pieces (no date to tell them)', () => {
    const O2 = ['港口建设大事记。', `目前建设的${body}`, ...filler(0, 2), `目前建设的${body}`, ...filler(2, 2)].join('\n');
    const s2 = describe(O2, ...span(O2, '积约五万平方米', 0));
    const doc = newDocument(O2);
    const second = at(O2, '积约五万平方米', 1);
    expect(onTwinParagraph(doc, s2, { start: second, end: second + 7, score: 1 })).toBe(false);
  });
});

suite('a whole quote over a look-alike credited by its paragraph edges (wholeOverCredited)', () => {
  const OLD = [
    '民警查询后发现，附近小区里还真有几名小孩单名一个飞字。',
    '天降“救命啊SOS”纸团。区公安分局供图本网发',
    '埋头书海写纸条的小男孩，后来在老师的陪同下来到了派出所。',
    ...filler(0, 3),
    '“救命啊SOS”纸团。区公安分局供图本网发',
    '报警人描述的位置有一栋商业楼，民警逐层走访了住户。',
  ].join('\n');
  const Q = '天降“救命啊SOS”纸团。';
  const s = describe(OLD, ...span(OLD, Q));

  it('places the quote on its own words, stamps inserted beside it, not on the caption printed again', () => {
    const lines = OLD.split('\n');
    lines[0] = `${lines[0]}（更新于17:17）`;
    lines[1] = `${lines[1]}（更新于11:50）`;
    lines.splice(6, 0, '【17:38更新】更多细节仍在核实中，相关部门已启动应急预案。');
    const NEW = lines.join('\n');
    const out = anchorAll(NEW, [s])[0];
    expect(out?.start).toBe(at(NEW, Q));
    expect(out?.end).toBe(at(NEW, Q) + Q.length);
  });

  it('still places an edited quote on its own paragraph when no whole copy stands', () => {
    const NEW = OLD.replace(Q, '天降“救命啊SOS！”纸团。');
    const out = anchorAll(NEW, [s])[0];
    expect(out == null || out.start === at(NEW, '天降')).toBe(true);
  });
});
