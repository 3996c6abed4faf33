// The tenth outside anchoring bench's judge (tests/bench/anchoring-outside10-judge.ts) on hand-made
// revisions of our own text: origins and every verdict are worked out by hand here.
import { describe, expect, it } from 'vitest';
import { KINDS, prepareItems, revise, type Single } from '../bench/anchoring-outside10';
import { Builder, judge, positions, splice, track, truthOf, type Tracked } from '../bench/anchoring-outside10-judge';
import { mulberry32 } from '../bench/seeded';

const OLD = '春天来了，河边的柳树发芽了。\n孩子们在草地上放风筝。\n老人坐在长椅上晒太阳，孩子们在草地上跑。';
const at = (text: string, words: string, from = 0) => {
  const i = text.indexOf(words, from);
  if (i < 0) throw new Error(`not found: ${words}`);
  return { start: i, end: i + words.length };
};
const truth = (rev: Tracked, words: string, from = 0) => {
  const h = at(OLD, words, from);
  return { h, truth: truthOf(OLD, rev, positions(rev, OLD.length), h.start, h.end) };
};

describe('tracked revisions', () => {
  it('keeps each unit’s origin through splices and refuses a unit kept twice', () => {
    const rev = splice(track('甲乙丙丁戊'), [
      { start: 1, end: 2, insert: '' },
      { start: 3, end: 3, insert: '新' },
      { start: 4, end: 5, insert: '己' },
    ]);
    expect(rev.text).toBe('甲丙新丁己');
    expect([...rev.origin]).toEqual([0, 2, -1, 3, -1]);
    expect(() => new Builder(track('甲乙')).keep(0, 2).keep(1, 2).done()).toThrow(/kept twice/);
    expect(() =>
      splice(track('甲乙丙'), [
        { start: 0, end: 2, insert: '' },
        { start: 1, end: 1, insert: 'x' },
      ]),
    ).toThrow(/overlapping/);
  });
});

describe('truth', () => {
  it('a passage with a note written inside survives; its true span holds the note', () => {
    const rev = splice(track(OLD), [{ start: at(OLD, '柳树').end, end: at(OLD, '柳树').end, insert: '〔注〕' }]);
    const { truth: t } = truth(rev, '河边的柳树发芽了');
    expect(t.state).toBe('surviving');
    expect(rev.text.slice(t.start, t.end)).toBe('河边的柳树〔注〕发芽了');
    expect(t.len).toBe(8);
  });
  it('white space inserted inside never parts a passage, and white space in it need not be kept', () => {
    const rev = splice(track(OLD), [
      { start: at(OLD, '孩').start, end: at(OLD, '孩').start + 1, insert: '孩\n\n\u3000 ' },
      { start: at(OLD, '\n孩').start, end: at(OLD, '\n孩').start + 1, insert: ' ' },
    ]);
    expect(truth(rev, '了。\n孩子们').truth.state).toBe('lost'); // 孩 was rewritten: a new unit
    const rev2 = splice(track(OLD), [{ start: at(OLD, '\n孩').start, end: at(OLD, '\n孩').start + 1, insert: '\n\n  ' }]);
    const { truth: t2 } = truth(rev2, '了。\n孩子们');
    expect(t2.state).toBe('surviving');
    expect(t2.len).toBe(5);
  });
  it('lost when a unit goes, parted when order breaks or too much comes between', () => {
    expect(truth(splice(track(OLD), [{ ...at(OLD, '柳'), insert: '' }]), '河边的柳树').truth.state).toBe('lost');
    const a = at(OLD, '柳树');
    const swapped = new Builder(track(OLD))
      .keep(0, a.start)
      .keep(a.start + 1, a.end)
      .keep(a.start, a.start + 1)
      .keep(a.end, OLD.length)
      .done();
    expect(swapped.text).toContain('河边的树柳发芽');
    expect(truth(swapped, '河边的柳树').truth.state).toBe('parted');
    // 8 content units: at most max(4, 2) = 4 others between
    const four = splice(track(OLD), [{ start: a.end, end: a.end, insert: '一二三四' }]);
    expect(truth(four, '河边的柳树发芽了').truth.state).toBe('surviving');
    const five = splice(track(OLD), [{ start: a.end, end: a.end, insert: '一二三四五' }]);
    expect(truth(five, '河边的柳树发芽了').truth.state).toBe('parted');
  });
});

describe('verdicts', () => {
  const rev = splice(track(OLD), [{ start: 0, end: 0, insert: '导语：孩子们在草地上。\n' }]);
  const shift = '导语：孩子们在草地上。\n'.length;
  it('right on its own units, wrong on a twin or on written words, partial on a piece, miss when orphaned', () => {
    const { h, truth: t } = truth(rev, '孩子们在草地上');
    expect(t.state).toBe('surviving');
    expect(judge(rev, t, h.start, h.end, { start: h.start + shift, end: h.end + shift })).toBe('right');
    const twin = at(OLD, '孩子们在草地上', h.end);
    expect(judge(rev, t, h.start, h.end, { start: twin.start + shift, end: twin.end + shift })).toBe('wrong');
    expect(judge(rev, t, h.start, h.end, at(rev.text, '孩子们在草地上'))).toBe('wrong'); // the 导语's written copy
    expect(judge(rev, t, h.start, h.end, { start: h.start + shift, end: h.start + shift + 3 })).toBe('partial');
    expect(judge(rev, t, h.start, h.end, null)).toBe('miss');
  });
  it('right tolerates white space and a unit or two around, not a whole clause', () => {
    const { h, truth: t } = truth(rev, '孩子们在草地上');
    expect(judge(rev, t, h.start, h.end, { start: h.start + shift - 1, end: h.end + shift + 2 })).toBe('right'); // ⏎ + 放风
    expect(judge(rev, t, h.start, h.end, { start: h.start + shift, end: h.end + shift + 5 })).toBe('partial');
  });
  it('a lost passage: orphan fine, on its remains tolerated, elsewhere wrong', () => {
    const cut = splice(track(OLD), [{ ...at(OLD, '风筝'), insert: '纸鸢' }]);
    const { h, truth: t } = truth(cut, '放风筝');
    expect(t.state).toBe('lost');
    expect(judge(cut, t, h.start, h.end, null)).toBe('orphan_ok');
    expect(judge(cut, t, h.start, h.end, at(cut.text, '放纸鸢'))).toBe('on_remains');
    expect(judge(cut, t, h.start, h.end, at(cut.text, '晒太阳'))).toBe('wrong_lost');
  });
});

describe('the bench’s revisions', () => {
  const text = prepareItems(
    '总的要求是明确的。加强组织领导。完善工作机制。强化督促检查。\n他说：“我们要把这件事办好，不能拖，不能等，要抓紧落实。”\n这项工作由该部门负责，AI 技术在2024年得到应用。',
    () => 0,
  );
  it('prepare leads the sentences after the first with 一是…', () => {
    expect(text.startsWith('总的要求是明确的。一是加强组织领导。二是完善工作机制。三是强化督促检查。\n')).toBe(true);
  });
  it('every kept unit reads as the old unit it came from, in every kind and mix of kinds', () => {
    for (const kind of KINDS) {
      if (kind === 'mixed') continue;
      for (let seed = 1; seed <= 6; seed++) {
        const rng = mulberry32(seed);
        let rev = revise(kind as Single, track(text), rng, seed % 2 === 0);
        // then two more kinds on top, as `mixed` does
        for (const more of ['redline', 'dropcap'] as const) rev = revise(more, rev, rng, false);
        rev.origin.forEach((o, i) => {
          if (o >= 0) expect(rev.text[i]).toBe(text[o]);
        });
      }
    }
  });
  it('ordinals restyles every item marker in one of four house styles', () => {
    const firstLine = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const rev = revise('ordinals', track(text), mulberry32(seed), false);
      firstLine.add(rev.text.slice(0, rev.text.indexOf('他说')));
    }
    expect([...firstLine].sort()).toEqual(
      [
        '总的要求是明确的。首先，加强组织领导。其次，完善工作机制。最后，强化督促检查。\n',
        '总的要求是明确的。第一，加强组织领导。第二，完善工作机制。第三，强化督促检查。\n',
        '总的要求是明确的。\n（一）加强组织领导。\n（二）完善工作机制。\n（三）强化督促检查。\n',
        '总的要求是明确的。一是加强组织领导；二是完善工作机制；三是强化督促检查。\n',
      ].sort(),
    );
  });
  it('line_numbers and two_column keep every unit once and write only numbers, gaps and breaks', () => {
    for (const kind of ['line_numbers', 'two_column'] as const) {
      const rev = revise(kind, track(text), mulberry32(3), false);
      const kept = [...rev.origin].filter((o) => o >= 0);
      for (let i = 0; i < text.length; i++) if (!/\s/.test(text.charAt(i))) expect(kept).toContain(i);
      rev.origin.forEach((o, i) => {
        if (o < 0) expect(rev.text[i]).toMatch(/[\d\s]/);
      });
    }
  });
});
