/**
 * Issue 12 item 4, round 34 (anchor20c): built by hand, our own words.
 * - A long read that prints a stretch of pages twice, far apart (a 合集 repeating its opening
 *   instalments at its end): every passage of the stretch has a copy with the same stored
 *   context, the first pass picks one by the old position (a guess), and inside the stretch no
 *   neighbour is sure. A guess whose guessed neighbours, link by link, lead to a sure neighbour
 *   that moved alike is the passage's copy (chained.ts); a stretch moved across its other
 *   printing is not (the chain meets sure neighbours that moved otherwise).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

// Paragraphs told apart by their numbers (made up here): a river patrol log and a warehouse count.
const patrol = (i: number) =>
  `甲组第${i}次巡河记录：上游来水${i * 3 + 7}立方米，岸边新栽柳树${i + 12}株，巡查员在${(i % 7) + 1}号闸口清理了漂浮物。`;
const stock = (i: number) => `乙区第${i}号仓库的盘点结果显示，库存纸箱${i * 5 + 3}件，叉车${(i % 4) + 2}台，夜班值守人员按时交接。`;
const tail = (i: number) => `丙站第${i}期简报：本期共收到群众来信${i + 40}封，已办结${i + 31}件，其余转交相关部门。`;

const T = Array.from({ length: 110 }, (_, i) => patrol(i)).join('\n');
const U1 = Array.from({ length: 90 }, (_, i) => stock(i)).join('\n');
const U2 = Array.from({ length: 20 }, (_, i) => tail(i)).join('\n');
// The stretch T printed at the start and again after U1.
const OLD = [T, U1, T, U2].join('\n');

// Passages of the first printing (far from any sure neighbour), sure ones in U1 and U2.
const IN_T = [5, 25, 45, 65, 85, 105].map((i) => `上游来水${i * 3 + 7}立方米`);
const SURE = [3, 30, 60, 88].map((i) => `库存纸箱${i * 5 + 3}件`).concat([5, 15].map((i) => `已办结${i + 31}件`));
const sels = [...IN_T.map((q) => describe(OLD, ...span(OLD, q, 0))), ...SURE.map((q) => describe(OLD, ...span(OLD, q, 0)))];

suite('a stretch printed twice far apart, its passages guessed by position', () => {
  it('places the first printing’s passages there when the text only moved a little', () => {
    // An update line on top and a note inserted in U1: everything after moved alike.
    const U1n = U1.replace(stock(50), `${stock(50)}（注：数据为初步统计）`);
    const NEW = ['（本文于当日傍晚更新）', T, U1n, T, U2].join('\n');
    const out = anchorAll(NEW, sels);
    IN_T.forEach((q, k) => expect(out[k]?.start).toBe(at(NEW, q, 0)));
    SURE.forEach((q, k) => expect(out[IN_T.length + k]?.start).toBe(at(NEW, q, 0)));
  });

  it('places them with words deleted in U1 too (the sure neighbours moved back alike)', () => {
    const U1n = U1.replace(`${stock(70)}\n`, '');
    const NEW = ['【合集】', T, U1n, T, U2].join('\n');
    const out = anchorAll(NEW, sels);
    IN_T.forEach((q, k) => expect(out[k]?.start).toBe(at(NEW, q, 0)));
  });

  it('does not put them on the other printing when the first one moved across it to the end', () => {
    // T's first printing moved after U2: the copy nearest the old place is the other printing.
    const NEW = [U1, T, U2, T].join('\n');
    const out = anchorAll(NEW, sels);
    IN_T.forEach((q, k) => {
      const a = out[k] ?? null;
      expect(a === null || a.start === at(NEW, q, 1)).toBe(true);
    });
  });

  it('does not place them by the chain when the new text holds a third printing', () => {
    // A third printing right after the first: the count pairs nothing, and copies stand close.
    const NEW = ['（本文于当日傍晚更新）', T, T, U1, T, U2].join('\n');
    const out = anchorAll(NEW, sels);
    IN_T.forEach((q, k) => {
      const a = out[k] ?? null;
      expect(a === null || a.start === at(NEW, q, 0)).toBe(true);
      expect(a?.start).not.toBe(at(NEW, q, 1));
    });
  });
});
