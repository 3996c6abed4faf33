import { describe, expect, it } from 'vitest';
import { Builder, judge, remains, remainsFinder, track } from '../bench/anchoring-outside9-judge';

// Our own text: three short paragraphs, one phrase twice.
const OLD = '今年春天，小镇新修了三座桥。\n桥边的柳树也发了新芽。\n居民说，三座桥方便了出行。';
const at = (s: string, from = 0): [number, number] => {
  const i = OLD.indexOf(s, from);
  if (i < 0) throw new Error(s);
  return [i, i + s.length];
};

describe('outside9 judge: tracked characters', () => {
  it('follows kept, written and restyled units through a revision and through a second one', () => {
    const [s, e] = at('三座桥', 0);
    const first = new Builder(track(OLD))
      .put('【更新】')
      .keep(0, s)
      .restyle(s, s + 1, '3')
      .keep(s + 1, OLD.length)
      .done();
    expect(first.text.startsWith('【更新】今年春天，小镇新修了3座桥。')).toBe(true);
    expect(first.origin[0]).toBe(-1);
    const three = first.text.indexOf('3');
    expect(first.origin[three]).toBe(s);
    expect(first.same[three]).toBe(0);
    // A second revision on the first: origins still point into OLD.
    const second = new Builder(first).keep(0, 4).put('\n').keep(4, first.text.length).done();
    expect(second.origin[second.text.indexOf('3')]).toBe(s);
    expect(remains(second, s, e)).toEqual([second.text.indexOf('3'), second.text.indexOf('3') + 1, second.text.indexOf('3') + 2]);
    expect(remainsFinder(second, OLD.length)(s, e)).toEqual(remains(second, s, e));
  });

  it('a restyle into more units shares the old units in turn', () => {
    const b = new Builder(track('长3公里。')).keep(0, 2).restyle(2, 4, 'km').keep(4, 5).done();
    expect(b.text).toBe('长3km。');
    expect(Array.from(b.origin)).toEqual([0, 1, 2, 3, 4]);
    const c = new Builder(track('约0.5平方米')).keep(0, 4).restyle(4, 7, '㎡').done();
    expect(Array.from(c.origin)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('outside9 judge: verdicts', () => {
  const [s, e] = at('柳树也发了新芽');
  // A revision that writes words in front and splits nothing: everything moves by 5.
  const moved = new Builder(track(OLD)).put('编者按：').put('\n').keep(0, OLD.length).done();
  const truthStart = s + 5;

  it('right on the moved words, partial on part of them, miss when left an orphan', () => {
    expect(judge(OLD, moved, s, e, { start: truthStart, end: truthStart + 7 }).verdict).toBe('right');
    expect(judge(OLD, moved, s, e, { start: truthStart, end: truthStart + 2 }).verdict).toBe('partial');
    // Far too wide: holds all the words but mostly other words.
    expect(judge(OLD, moved, s, e, { start: 0, end: moved.text.length }).verdict).toBe('partial');
    const miss = judge(OLD, moved, s, e, null);
    expect(miss).toMatchObject({ verdict: 'miss', surviving: true, truth: [truthStart, truthStart + 7] });
  });

  it('wrong on other words, even the same words elsewhere when their surroundings differ', () => {
    const [a] = at('三座桥', 0);
    const [b] = at('三座桥', a + 1);
    expect(judge(OLD, moved, a, a + 3, { start: b + 5, end: b + 8 }).verdict).toBe('wrong');
    expect(judge(OLD, moved, s, e, { start: 5, end: 12 }).verdict).toBe('wrong');
  });

  it('undecidable on an identical copy with identical surroundings', () => {
    const doubled = `${OLD}\n${OLD}`;
    const t = new Builder(track(doubled)).keep(0, doubled.length).done();
    // The judge is asked about the second copy's words; a placement on the first reads alike only
    // if the 60 units around are alike: here the start of the text differs, so it is wrong.
    const second = OLD.length + 1 + s;
    expect(judge(doubled, t, second, second + 7, { start: s, end: e }).verdict).toBe('wrong');
    // A long repeated block: the middle of two equal 200-unit halves reads alike both ways.
    const block = '甲乙丙丁戊己庚辛壬癸'.repeat(20);
    const text = `${block}${block}`;
    const tt = track(text);
    expect(judge(text, tt, 270, 280, { start: 70, end: 80 }).verdict).toBe('undecidable');
  });

  it('lost when under half remains; a lost one placed elsewhere is wrong, on its remains tolerated', () => {
    // Delete 柳树也发了 (5 of 7 units).
    const cut = new Builder(track(OLD))
      .keep(0, s)
      .keep(s + 5, OLD.length)
      .done();
    expect(judge(OLD, cut, s, e, null)).toMatchObject({ verdict: 'lost', surviving: false, gone: 'lost' });
    expect(judge(OLD, cut, s, e, { start: s, end: s + 2 }).verdict).toBe('on_remains');
    expect(judge(OLD, cut, s, e, { start: 0, end: 4 }).verdict).toBe('wrong');
    // Exactly half kept (of an even count) still survives.
    const [a, b] = at('柳树');
    const half = new Builder(track(OLD))
      .keep(0, a)
      .keep(a + 1, OLD.length)
      .done();
    expect(judge(OLD, half, a, b, null).surviving).toBe(true);
  });

  it('parted when written words stretch the remains far apart; spaces never count', () => {
    const [a, b] = at('小镇新修了');
    const filler = '插'.repeat(60);
    const parted = new Builder(track(OLD))
      .keep(0, a + 2)
      .put(filler)
      .keep(a + 2, OLD.length)
      .done();
    expect(judge(OLD, parted, a, b, null)).toMatchObject({ verdict: 'lost', gone: 'parted' });
    const spaced = new Builder(track(OLD))
      .keep(0, a + 2)
      .put('**')
      .keep(a + 2, OLD.length)
      .done();
    const j = judge(OLD, spaced, a, b, { start: a, end: b + 2 });
    expect(j.verdict).toBe('right');
    const withSpace = `${OLD.slice(0, a)} 小镇${OLD.slice(b - 3)}`;
    const ws = track(withSpace);
    expect(remains(ws, a, a + 3)).toEqual([a + 1, a + 2]);
  });

  it('a reordered list: the hull of the moved items is the truth', () => {
    const text = '会上，张三、李四、王五先后发言。';
    const i = text.indexOf('张三');
    const t = track(text);
    const r = new Builder(t)
      .keep(0, i)
      .keep(i + 6, i + 8)
      .keep(i + 2, i + 3)
      .keep(i + 3, i + 5)
      .keep(i + 5, i + 6)
      .keep(i, i + 2)
      .keep(i + 8, text.length)
      .done();
    expect(r.text).toBe('会上，王五、李四、张三先后发言。');
    const j = judge(text, r, i, i + 2, { start: r.text.indexOf('张三'), end: r.text.indexOf('张三') + 2 });
    expect(j.verdict).toBe('right');
    expect(judge(text, r, i, i + 2, { start: i, end: i + 2 }).verdict).toBe('wrong');
  });
});

describe('outside9 judge: a deleted stutter', () => {
  it('a lost copy placed on its twin right beside is undecidable; farther away it is wrong', () => {
    const text = '我们去感去感受古筝的魅力。后来又去感受了一次。';
    const i = text.indexOf('去感去感');
    const t = new Builder(track(text))
      .keep(0, i)
      .keep(i + 2, text.length)
      .done();
    expect(t.text).toBe('我们去感受古筝的魅力。后来又去感受了一次。');
    expect(judge(text, t, i, i + 2, { start: i, end: i + 2 }).verdict).toBe('undecidable');
    const far = t.text.lastIndexOf('去感');
    expect(judge(text, t, i, i + 2, { start: far, end: far + 2 }).verdict).toBe('wrong');
  });
});
