/**
 * Issue 12 item 4, eighth round: the outside tester's failure classes (tests/bench/anchoring-
 * independent.ts) 1 and 2, built by hand. A paragraph repeated word for word (an interview that
 * asks several people the same question, a timestamp line) is found whole at every copy, and a
 * kept paragraph edge credits each copy with context it does not have: the copy whose
 * neighbours' words really match must win over nearness to the old offset.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const Q = '您认为债券市场存在泡沫吗？';
const ANSWERS = [
  '张教授：我看不存在整体泡沫，局部风险要高度警惕，尤其是地方融资平台的那部分对市场的看法。',
  '李研究员：短期内收益率还会下行，但是长期来看要看经济基本面能否企稳回升。',
  '王经济学家：关键在于信用利差，目前高收益债的定价已经偏离了违约风险很多。',
  '赵分析师：我的判断是不存在泡沫，央行的流动性投放是为了托底经济对市场的看法。',
  '孙所长：这个问题要分开看，利率债和信用债的情况完全不同，不能一概而论。',
  '周总监：从资金面看，机构加杠杆的动力明显减弱，风险在逐步释放之中。',
];

/** Intro paragraphs, then the question before each answer. */
function interview(intro: readonly string[]): string[] {
  return [...intro, ...ANSWERS.flatMap((a) => [Q, a])];
}

suite('a repeated paragraph after the whole text shifted', () => {
  it('takes the copy whose neighbours match, wherever the old offset now falls', () => {
    const paras = interview(filler(0, 2));
    const old = paras.join('\n');
    // The whole question before the fifth answer (a paragraph: each copy keeps both edges). The
    // answer before it ends like the first answer does, so the copy after that one matches a few
    // units more of the stored prefix than the rest, and it alone matches all of it.
    const start = at(old, `${Q}\n${ANSWERS[4]}`);
    const sel = describe(old, start, start + Q.length);
    // An editor's note on top moves everything by more than the distance between copies.
    const note = '编者按：' + filler(2, 6).join('');
    const neu = [note, ...paras].join('\n');
    const shift = note.length + 1;
    expect(anchor(neu, sel)).toMatchObject({ start: start + shift, end: start + shift + Q.length });
    expect(anchorAll(neu, [sel])[0]).toMatchObject({ start: start + shift });
  });
});

suite('a lightly edited passage beside an untouched copy', () => {
  it('keeps a timestamp paragraph whose minute changed at its own place, not on the same time elsewhere', () => {
    const T = '2019-09-30 07:42';
    const paras = [...filler(0, 3), T, ...filler(3, 4), T, ...filler(7, 3)];
    const old = paras.join('\n');
    const start = at(old, T);
    const sel = describe(old, start, start + T.length);
    const neu = old.slice(0, start) + '2019-09-30 07:43' + old.slice(start + T.length);
    expect(anchor(neu, sel)).toMatchObject({ start, end: start + T.length });
    expect(anchorAll(neu, [sel])[0]).toMatchObject({ start });
  });

  it('prefers the passage with three figures changed and its neighbours intact to a copy with one changed', () => {
    const T = '2019-09-30 07:42';
    const paras = [...filler(0, 3), T, ...filler(3, 4), T, ...filler(7, 3)];
    const old = paras.join('\n');
    const start = at(old, T, 1);
    const sel = describe(old, start, start + T.length);
    const neu = paras.map((p, i) => (p !== T ? p : i === 3 ? '2010-09-30 07:42' : '2019-00-30 08:43')).join('\n');
    expect(anchor(neu, sel)).toMatchObject({ start, end: start + T.length });
    expect(anchorAll(neu, [sel])[0]).toMatchObject({ start });
  });
});

suite('neighbours that are guesses', () => {
  it('places the end of a repeated question by the neighbours placed on their own words, not by another copy', () => {
    const paras = interview(filler(0, 2));
    const old = paras.join('\n');
    const para = at(old, `${Q}\n${ANSWERS[3]}`);
    // A term before the question, its two halves (every copy of the question has them) and a
    // term of the answer after it.
    const ranges = [
      [para - 20, para - 14],
      [para + 3, para + 8],
      [para + 8, para + Q.length],
      [para + Q.length + 10, para + Q.length + 18],
    ] as const;
    const selectors = ranges.map(([a, b]) => describe(old, a, b));
    // Words inserted inside that copy of the question, and a note on top moving everything by
    // more than the distance between copies.
    const note = filler(4, 6).join('');
    const inserted = '这是各方最关心的问题。';
    const own = paras.indexOf(Q, paras.indexOf(ANSWERS[2]!));
    const neuParas = [note, ...paras];
    neuParas[own + 1] = Q.slice(0, 8) + inserted + Q.slice(8);
    const neu = neuParas.join('\n');
    const shift = note.length + 1;
    // The first half, found whole at every copy, is a guess; as a neighbour it must not stand
    // for the shift of the text around the second half.
    const placed = anchorAll(neu, selectors);
    ranges.forEach(([a, b], i) => {
      const want = a + shift + (i >= 2 ? inserted.length : 0);
      expect(placed[i]).toMatchObject({ start: want, end: want + b - a });
    });
  });
});
