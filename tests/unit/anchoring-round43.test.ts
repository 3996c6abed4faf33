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
import { describe } from '../../shared/anchoring/index';
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
