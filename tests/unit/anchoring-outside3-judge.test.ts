// The third outside anchoring bench's judge (tests/bench/anchoring-outside3-judge.ts) on hand-made
// revisions of our own text: the tracked origins and every verdict are worked out by hand here.
import { describe, expect, it } from 'vitest';
import { chineseNumber, KINDS } from '../bench/anchoring-outside3';
import { applyEdits, indexRevision, judge, original, placedOrigin, rebuild, type Tracked } from '../bench/anchoring-outside3-judge';

const OLD = '春天来了，河边的柳树发芽了。\n孩子们在草地上放风筝。\n老人坐在长椅上晒太阳。';
const at = (text: string, words: string, from = 0) => {
  const i = text.indexOf(words, from);
  if (i < 0) throw new Error(`not found: ${words}`);
  return { start: i, end: i + words.length };
};
const verdict = (rev: Tracked, words: string, placed: { start: number; end: number } | null, old = OLD) =>
  judge(old, indexRevision(rev), at(old, words), placed);

describe('tracked revisions', () => {
  it('keeps each unit’s origin through inserts, deletes, rewrites and moves', () => {
    const rev = applyEdits(original('甲乙丙丁戊'), [
      { at: 1, del: 1, ins: '' }, // 乙 deleted
      { at: 0, del: 0, ins: '新' },
      { at: 3, del: 1, ins: '叮', rewrite: true }, // 丁 rewritten
    ]);
    expect(rev.text).toBe('新甲丙叮戊');
    expect([...rev.from]).toEqual([-1, 0, 2, 3, 4]);
    expect([...rev.same]).toEqual([0, 1, 1, 0, 1]);
    const moved = rebuild(rev, [{ keep: [3, 5] }, { keep: [0, 3] }]);
    expect(moved.text).toBe('叮戊新甲丙');
    expect([...moved.from]).toEqual([3, 4, -1, 0, 2]);
  });

  it('spreads a rewrite of a different length over the old units and keeps only identical ones', () => {
    const rev = applyEdits(original('约10%的人'), [{ at: 1, del: 3, ins: '百分之十', rewrite: true }]);
    expect(rev.text).toBe('约百分之十的人');
    expect([...rev.from]).toEqual([0, 1, 1, 2, 3, 4, 5]);
    expect([...rev.same]).toEqual([1, 0, 0, 0, 0, 1, 1]);
    const kept = applyEdits(original('好，走'), [{ at: 1, del: 1, ins: '。同时，', rewrite: true }]);
    expect([...kept.same]).toEqual([1, 0, 0, 0, 1, 1]); // the comma at the end is the old comma
  });

  it('drops an edit that overlaps the one before it', () => {
    const rev = applyEdits(original('一二三四'), [
      { at: 1, del: 2, ins: 'X' },
      { at: 2, del: 1, ins: 'Y' },
    ]);
    expect(rev.text).toBe('一X四');
  });

  it('composes two revisions: origins stay those of the first text', () => {
    const first = applyEdits(original(OLD), [{ at: 0, del: 0, ins: '编者按：好文。\n' }]);
    const second = applyEdits(first, [{ at: first.text.indexOf('放风筝'), del: 0, ins: '一起' }]);
    const i = second.text.indexOf('风筝');
    expect(second.from[i]).toBe(OLD.indexOf('风筝'));
    expect(second.originalLength).toBe(OLD.length);
  });
});

describe('verdicts', () => {
  it('unchanged text: the same place is right, another sentence is wrong, none is a miss', () => {
    const rev = original(OLD);
    expect(verdict(rev, '放风筝', at(OLD, '放风筝')).kind).toBe('right');
    expect(verdict(rev, '放风筝', at(OLD, '晒太阳')).kind).toBe('wrong');
    expect(verdict(rev, '放风筝', null).kind).toBe('miss');
  });

  it('text inserted before: the shifted place is right, the old offsets (now other words) are wrong', () => {
    const rev = applyEdits(original(OLD), [{ at: 0, del: 0, ins: '编者按：这是一篇小文，写春天的公园。\n' }]);
    expect(verdict(rev, '柳树发芽', at(rev.text, '柳树发芽')).kind).toBe('right');
    expect(verdict(rev, '柳树发芽', at(OLD, '柳树发芽')).kind).toBe('wrong');
  });

  it('a copy of the passage (pull quote) is new text: placing there is wrong, the passage itself right', () => {
    const rev = applyEdits(original(OLD), [{ at: 0, del: 0, ins: '孩子们在草地上放风筝。\n' }]);
    const copy = at(rev.text, '孩子们在草地上放风筝');
    const own = at(rev.text, '孩子们在草地上放风筝', copy.end);
    expect(verdict(rev, '孩子们在草地上放风筝', copy).kind).toBe('wrong');
    expect(verdict(rev, '孩子们在草地上放风筝', own).kind).toBe('right');
    expect(placedOrigin(indexRevision(rev), copy)).toBe('new');
    expect(placedOrigin(indexRevision(rev), own)).toBe(OLD.indexOf('孩子们') + 5);
  });

  it('marks restyled inside a passage: it survives and its rewritten place is right', () => {
    const old = '他说：“今天很好。”然后走了。';
    const rev = applyEdits(original(old), [
      { at: old.indexOf('“'), del: 1, ins: '「', rewrite: true },
      { at: old.indexOf('”'), del: 1, ins: '」', rewrite: true },
    ]);
    const v = verdict(rev, '“今天很好。”', at(rev.text, '「今天很好。」'), old);
    expect(v.surviving).toBe(true);
    expect(v.truth).toEqual([at(rev.text, '「').start, at(rev.text, '」').end]);
    expect(v.kind).toBe('right');
  });

  it('survival is strictly more than half kept: 2 units with one swapped are lost, 3 with one survive', () => {
    const old = '已经来了，未来可期。';
    const rev = applyEdits(original(old), [
      { at: 0, del: 1, ins: '己', rewrite: true },
      { at: old.indexOf('未'), del: 1, ins: '末', rewrite: true },
    ]);
    expect(verdict(rev, '已经', at(rev.text, '己经'), old)).toMatchObject({ surviving: false, kind: 'remains' });
    expect(verdict(rev, '已经', null, old).kind).toBe('orphaned');
    expect(verdict(rev, '已经', at(rev.text, '可期'), old).kind).toBe('wrong');
    expect(verdict(rev, '未来可', at(rev.text, '末来可'), old)).toMatchObject({ surviving: true, kind: 'right' });
  });

  it('a deleted passage placed on the same words elsewhere is wrong', () => {
    const old = '我们出发吧。中间一句。我们出发吧。';
    const second = old.lastIndexOf('我们出发吧');
    const rev = applyEdits(original(old), [{ at: second, del: 6, ins: '' }]);
    const v = judge(old, indexRevision(rev), { start: second, end: second + 5 }, at(rev.text, '我们出发吧'));
    expect(v.surviving).toBe(false);
    expect(v.kind).toBe('wrong');
  });

  it('words inserted inside the passage are its own; a placement on a quarter of it is short', () => {
    const rev = applyEdits(original(OLD), [{ at: OLD.indexOf('草地'), del: 0, ins: '绿油油的' }]);
    const whole = at(rev.text, '孩子们在绿油油的草地上放风筝');
    expect(verdict(rev, '孩子们在草地上放风筝', whole)).toMatchObject({ kind: 'right', share: 1, cover: 1 });
    expect(verdict(rev, '孩子们在草地上放风筝', at(rev.text, '孩子')).kind).toBe('short');
    // Half on its words, half on the next sentence's: still not wrong (share 1/2), but short.
    const half = { start: at(rev.text, '风筝').start, end: at(rev.text, '风筝').end + 3 };
    expect(verdict(rev, '孩子们在草地上放风筝', half)).toMatchObject({ kind: 'short' });
  });

  it('a moved sentence is followed; a paragraph break is not a body unit', () => {
    const rev = rebuild(original(OLD), [
      { keep: [OLD.indexOf('老人'), OLD.length] },
      { add: '\n' },
      { keep: [0, OLD.indexOf('老人') - 1] },
    ]);
    expect(rev.text.startsWith('老人坐在长椅上晒太阳。\n春天来了')).toBe(true);
    expect(verdict(rev, '河边的柳树', at(rev.text, '河边的柳树')).kind).toBe('right');
    // A span over the old break, now joined without it (re-segmented): right on the joined words.
    const cross = '发芽了。\n孩子们';
    const joined = applyEdits(original(OLD), [{ at: OLD.indexOf('\n'), del: 1, ins: '' }]);
    expect(verdict(joined, cross, at(joined.text, '发芽了。孩子们')).kind).toBe('right');
  });
});

describe('pieces', () => {
  const old = '第一句话很短。第二句话稍微长一点。第三句。';
  const h = '第一句话很短。第二句话稍微长一点。';
  // The second sentence moved behind the third: the span lies in two pieces, other words between.
  const apart = () =>
    rebuild(original(old), [
      { keep: [0, old.indexOf('第二')] },
      { keep: [old.indexOf('第三'), old.length] },
      { keep: [old.indexOf('第二'), old.indexOf('第三')] },
    ]);

  it('a span moved apart is lost unless one piece holds more than half of it', () => {
    const rev = apart();
    expect(rev.text).toBe('第一句话很短。第三句。第二句话稍微长一点。');
    // 7 + 10 units: the second piece holds 10 of 17, more than half: it survives there.
    const v = verdict(rev, h, at(rev.text, '第二句话稍微长一点。'), old);
    expect(v).toMatchObject({ surviving: true, kind: 'right', truth: [11, 21] });
    expect(v.cover).toBeCloseTo(10 / 17);
    // The first piece alone is its own words but too little of them.
    expect(verdict(rev, h, at(rev.text, '第一句话很短。'), old).kind).toBe('short');
    const even = '一二三四。五六七八。九十。';
    const halves = rebuild(original(even), [{ keep: [0, 5] }, { keep: [10, 13] }, { keep: [5, 10] }]);
    expect(verdict(halves, '一二三四。五六七八。', null, even)).toMatchObject({ surviving: false, kind: 'orphaned' });
  });

  it('new words between the units of a passage do not part it', () => {
    const rev = applyEdits(original(old), [{ at: old.indexOf('第二'), del: 0, ins: '■ 金句一则。\n' }]);
    const v = verdict(rev, h, { start: 0, end: at(rev.text, '第三').start }, old);
    expect(v).toMatchObject({ surviving: true, kind: 'right', share: 1, truth: [0, at(rev.text, '第三').start] });
  });
});

describe('bench helpers', () => {
  it('writes numbers in Chinese numerals', () => {
    expect([3, 10, 12, 35, 105, 110, 2000, 30500].map(chineseNumber)).toEqual([
      '三',
      '十',
      '十二',
      '三十五',
      '一百零五',
      '一百一十',
      '二千',
      '三万零五百',
    ]);
  });

  it('every revision kind tracks its own edits: kept units are the old characters at their origins', () => {
    const text = [
      '编辑部认为，这篇文章写得很好（见附件），值得一读。老师指出，第三章最精彩。',
      '他在2023年写了35篇短文，约10%发表了。“春风又绿江南岸”是名句。',
      '一、读书',
      '二、写字',
      '三、散步',
      '最后一段很短，但是很重要，已经说完了。',
    ].join('\n');
    let s = 11;
    const rng = () => (s = (s * 48271) % 2147483647) / 2147483647;
    const foreign = ['外来的段落，写的是别的事情。另一句话也在这里。', '第二个外来段落，也有两句。这是第二句。'];
    for (const [name, kind] of Object.entries(KINDS)) {
      const rev = kind(original(text), { rng, foreign, quotes: [], long: false });
      expect(rev.from.length, name).toBe(rev.text.length);
      for (let p = 0; p < rev.text.length; p++) {
        const o = rev.from[p] as number;
        if (o >= 0 && rev.same[p]) expect(rev.text[p], `${name} at ${p}`).toBe(text[o]);
      }
    }
  });
});
