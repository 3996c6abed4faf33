/**
 * Issue 12 item 4, seventh round: kinds of wrong placement (and of miss) seen on generated seeds
 * 80001–80060 and prose seeds 700–739 and 800–860, each built by hand here. The bench
 * (tests/bench/anchoring.ts) measures them on generated edits.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

suite('evidence that is only the quote’s own sentence', () => {
  // 63 units; a 26-unit quote inside it whose 32 stored units after it end exactly at the
  // sentence's full stop: nothing past the sentence was stored on that side.
  const S =
    '县委理论学习中心组集中学习了关于加强基层治理的重要论述，并就进一步改进调查研究、密切联系群众、推动工作落实等问题作了深入交流。';
  const Q = '习中心组集中学习了关于加强基层治理的重要论述，并就进';

  it('does not take the one copy left of a repeated sentence for the passage when nothing past the sentence matches', () => {
    const own = `会后，各支部把这次集中学习的体会整理成文，交到了县委组织部。${S}大家表示要把学习成果转化为工作成效。`;
    // The words before the copy are like the passage's in part (about half of the 32 units).
    const copy = `会后，几位书记把这次集中学习的体会写成了简报，交给县委。${S}随后，与会同志观看了专题片。`;
    const paras = [...filler(0, 2), own, ...filler(2, 10), copy, ...filler(12, 2)];
    const old = paras.join('\n');
    const start = at(old, own) + own.indexOf(Q);
    const sel = describe(old, start, start + Q.length);
    expect(sel.suffix.endsWith('深入交流。')).toBe(true);
    // The passage's paragraph is deleted: the copy far away shares only the sentence.
    const edited = paras.filter((p) => p !== own).join('\n');
    expect(anchor(edited, sel)).toBeNull();
    // Moved far away with its paragraph instead, it brings the words before the sentence along.
    const moved = [...filler(0, 2), ...filler(2, 10), copy, own, ...filler(12, 2)].join('\n');
    const want = at(moved, own) + own.indexOf(Q);
    expect(anchor(moved, sel)).toMatchObject({ start: want, end: want + Q.length });
  });

  it('finds a whole-sentence quote by the next sentence, which lies past the quote’s own sentence', () => {
    // The quote is one sentence; the words before it were edited, the sentence after it is intact
    // (30 units, so a run through it reaches only 2 units past its end). Its paragraph moved far:
    // the whole next sentence is context past the quote's own, which a copy would not bring.
    const q = '驻村干部把群众的意见逐条记下来。';
    const para = `春节前后，工作队挨家挨户走访。${q}能当场解决的问题当场就解决，一时解决不了的说明原因限期答复。群众对此都很满意。`;
    const paras = [...filler(0, 2), para, ...filler(2, 12)];
    const old = paras.join('\n');
    const start = at(old, para) + para.indexOf(q);
    const sel = describe(old, start, start + q.length);
    const edited = para.replace('挨家挨户走访。', '逐户走访。');
    const moved = [...filler(0, 2), ...filler(2, 9), edited, ...filler(11, 3)].join('\n');
    const want = at(moved, edited) + edited.indexOf(q);
    expect(anchor(moved, sel)).toMatchObject({ start: want, end: want + q.length });
  });
});
