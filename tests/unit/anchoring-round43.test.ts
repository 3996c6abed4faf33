/**
 * Issue 12 item 4, round 43 (anchor22c): built by hand, our own words.
 * - ownSideReadsFarther narrowed (ownside.ts), two kinds it refused on the default bench:
 *   a passage over a paragraph break whose piece after the break is a whole sentence (longer than
 *   a short quote) is told by its own words, whatever the other piece's side reads; and a short
 *   passage whose own side is bounded by its paragraph's start is read as far only where the
 *   other place opens its paragraph too, not by a stock sentence repeated in mid-paragraph.
 */
import { describe as suite, expect, it } from 'vitest';
import { newDocument } from '../../shared/anchoring/doc';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { ownSideReadsFarther } from '../../shared/anchoring/ownside';
import { at, filler } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

suite('ownSideReadsFarther: a passage over a break with a long piece is read by its own words', () => {
  const P1 = '第二期读书会以“乡村振兴”为题，东坡村的十二名党员作了交流发言；';
  const P2 = '第五期座谈会以“教育公平”为题，西湾镇的八名教师分享了各自的做法，会后参观了新校舍。';
  const P4 = '第七期讲堂以“河湖治理”为题，东坡村的十二名党员作了交流发言，受到好评。';
  const OLD = ['本期简报汇总了各地的学习情况。', P1, P2, ...filler(0, 2), P4, ...filler(2, 1)].join('\n');
  const Q = '了交流发言；\n第五期座谈会以“教育公平”为题，西湾';

  it('keeps its own place when the words before the break were rewritten and stand elsewhere', () => {
    const s = describe(OLD, ...span(OLD, Q));
    // The words before the first piece replaced; the other paragraph still reads them before 了交.
    const NEW = OLD.replace('东坡村的十二名党员作了交流发言；', '第三期沙龙以“生态保护了交流发言；');
    const own = at(NEW, Q);
    expect(ownSideReadsFarther(newDocument(NEW), s, { start: own, end: own + Q.length, score: 1 })).toBe(false);
  });

  it('still refuses a passage short in both pieces joined to another entry', () => {
    const A = '会上，他谈到产业结构失衡，没有把产品作为发展中心';
    const B = '10月20日，周教授强调，芯片产业二十年前起步，主要依靠对外加工。';
    const C = '10月20日，周教授指出，全球每生产三块芯片就有一块用在手机上。';
    const O2 = ['行业会议纪要。', A, B, ...filler(3, 2), C, ...filler(5, 1)].join('\n');
    const Q2 = '产品作为发展中心\n10月20日，周';
    const s = describe(O2, ...span(O2, Q2));
    // The entries moved: the passage's first piece is now followed by the other entry of the date.
    const N2 = ['行业会议纪要。', A, C, ...filler(3, 2), B, ...filler(5, 1)].join('\n');
    const placed = at(N2, Q2);
    expect(ownSideReadsFarther(newDocument(N2), s, { start: placed, end: placed + Q2.length, score: 1 })).toBe(true);
  });
});

suite('ownSideReadsFarther: an own side bounded by its paragraph start is read as far only at a paragraph start', () => {
  const P1 = '正如《读书笔记》里所写：“一分耕耘一分收获。”队员们深有同感，决心把工作做细。';
  const P3 = '座谈会上大家畅所欲言；正如《读书笔记》里所写：“一分耕耘一分收获。”各组负责人表示赞同。';
  const OLD = ['驻村工作简报。', P1, ...filler(0, 2), P3, ...filler(2, 1)].join('\n');
  const s = describe(OLD, ...span(OLD, '读书笔记', 0));
  // Words after the passage deleted in its own paragraph: its after side reads 7 units, then other words.
  const cut = (p: string) => p.replace('一分耕耘一分收获。”', '一');

  it('keeps its own place against a copy of the sentence in the middle of another paragraph', () => {
    const NEW = ['驻村工作简报。', cut(P1), ...filler(0, 2), P3, ...filler(2, 1)].join('\n');
    const own = at(NEW, '读书笔记', 0);
    expect(ownSideReadsFarther(newDocument(NEW), s, { start: own, end: own + 4, score: 1 })).toBe(false);
  });

  it('refuses it where the copy of the sentence opens its paragraph too', () => {
    const P3b = '正如《读书笔记》里所写：“一分耕耘一分收获。”各组负责人表示赞同。';
    const NEW = ['驻村工作简报。', cut(P1), ...filler(0, 2), P3b, ...filler(2, 1)].join('\n');
    const own = at(NEW, '读书笔记', 0);
    expect(ownSideReadsFarther(newDocument(NEW), s, { start: own, end: own + 4, score: 1 })).toBe(true);
  });
});

suite('a heading with a unit edited at its own place over its copy found whole by kept edges alone (query.ts sideOverCredited)', () => {
  const P0 = '市里召开乡村振兴推进会，对下一阶段的工作作了部署。';
  const P1 = '会议通报了上半年的进展情况，各区县负责同志依次发言，会议内容分为两大部分。';
  const H = '巩固脱贫攻坚成果，从四个方面抓落实';
  const P2 = '会议指出，今年要把防止返贫监测放在首位，对收入不稳定的农户逐户建立台账。';
  const P3 = '各地要落实好帮扶政策，确保不发生规模性返贫。';
  const OLD = [P0, P1, H, P2, ...filler(0, 3), P3, ...filler(3, 2)].join('\n');
  const s = describe(OLD, ...span(OLD, H));

  it('places the heading at its own place, its previous paragraph whole before it', () => {
    // The heading's last word corrected in place, a sentence written at the head of the paragraph
    // after it, and the heading printed again elsewhere between other lines.
    const NEW = [
      P0,
      P1,
      H.replace('落实', '落地'),
      `春风化雨，润物无声。${P2}`,
      ...filler(0, 3),
      P3,
      H,
      '会议要求，各部门要各司其职。',
      ...filler(3, 2),
    ].join('\n');
    const out = anchorAll(NEW, [s])[0];
    const own = at(NEW, '巩固脱贫攻坚成果', 0);
    expect(out).toEqual({ start: own, end: own + H.length, score: expect.any(Number) });
  });

  it('does not take a heading rewritten in three units over the copy', () => {
    const NEW = [
      P0,
      P1,
      H.replace('抓落实', '再加力'),
      `春风化雨，润物无声。${P2}`,
      ...filler(0, 3),
      P3,
      H,
      '会议要求，各部门要各司其职。',
      ...filler(3, 2),
    ].join('\n');
    const out = anchorAll(NEW, [s])[0];
    expect(out?.start).not.toBe(at(NEW, '巩固脱贫攻坚成果', 0));
  });
});

suite(
  'a paragraph printed twice in a row: the first copy only where it is no farther from the passage (stutter.ts, index.ts stutterPlace)',
  () => {
    const H = '编者按：本报记者走访了三个村子，记下了几位老人的讲述。';
    const L = '村里的老戏台今年要翻修了，消息传开，不少在外打工的年轻人也打来电话询问。';
    const I1 = '老戏台建于上世纪五十年代，木柱上的彩绘早已斑驳，台下的石板被几代人踩得发亮。';
    const I2 = '每逢春节和中秋，附近几个村子的戏班都会来这里唱上三天，台下挤满了看戏的人。';
    const P =
      '七十多岁的李大爷坐在门口的竹椅上，慢慢说起往事，小时候他总爬到台边的槐树上看戏。修好以后，我还想再上台唱一段。他笑着补充，只怕嗓子不如当年了，到时候还得请孙子帮忙打拍子。';
    const T = '翻修方案已经报到镇里，预计秋收以后动工。';
    const OLD = [H, L, I1, I2, P, T, ...filler(0, 2)].join('\n');
    const q = '修好以后，我还想再上台唱一段。';
    const s = describe(OLD, ...span(OLD, q));

    it('leaves an orphan when the second copy stands nearer the old place (a copy pasted in front, paragraphs moved)', () => {
      // The paragraph moved above the two before it and printed twice: nothing tells which copy is new.
      const NEW = [H, L, P, P, I1, I2, T, ...filler(0, 2)].join('\n');
      expect(anchorAll(NEW, [s])[0]).toBeNull();
    });

    it('takes the first copy of a paragraph pasted twice at its own place, also with a highlight after it and an edit above', () => {
      // Every passage after the pair moved by one copy, so the one after points at the second copy;
      // the edit above moved the first copy off the old place, but by less than a copy.
      const H2 = H.replace('编者按：', '编者按：这是本报“乡村记忆”栏目的第三篇。');
      const NEW = [H2, L, I1, I2, P, P, T, ...filler(0, 2)].join('\n');
      const sAfter = describe(OLD, ...span(OLD, '预计秋收以后动工'));
      const out = anchorAll(NEW, [s, sAfter]);
      expect(out[1]?.start).toBe(at(NEW, '预计秋收以后动工', 0));
      const first = at(NEW, q, 0);
      expect(out[0]).toEqual({ start: first, end: first + q.length, score: expect.any(Number) });
    });

    it('still takes the first copy of a paragraph pasted twice at its own place', () => {
      const NEW = [H, L, I1, I2, P, P, T, ...filler(0, 2)].join('\n');
      const first = at(NEW, q, 0);
      expect(anchorAll(NEW, [s])[0]).toEqual({ start: first, end: first + q.length, score: expect.any(Number) });
    });
  },
);
