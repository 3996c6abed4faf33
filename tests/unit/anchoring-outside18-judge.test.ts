// The eighteenth outside anchoring bench's judge (tests/bench/anchoring-outside18-judge.ts, on the
// eleventh's tracked-character model through the twelfth to seventeenth) and its revisions, on a
// made-up article of our own: every origin and verdict below is worked out by hand.
import { describe, expect, it } from 'vitest';
import { KINDS, makeHighlights, mixedKinds, revise, TYPES, type Kind } from '../bench/anchoring-outside18';
import { Builder, judgeOne, mask, positions, splice, track, transpose, type Span, type Tracked } from '../bench/anchoring-outside18-judge';
import { mulberry32 } from '../bench/seeded';

const OLD =
  '青禾县推进全民阅读\n' +
  '目前全县已建成书屋120个，覆盖人口8.5万人。在县委的领导下各乡镇建立了农家书屋和阅读站点并将持续开展读书活动。\n' +
  '县文旅局局长周明远表示，“阅读和生活要紧密相连”。活动包括读经典、读原著、读新书，这是大家的共识。\n' +
  '2019年，青禾县启动书香工程，投入资金300万元，建成图书馆分馆5个。\n' +
  '明年将新增座位200个，欢迎读者参与。';
const at = (text: string, words: string, from = 0): Span => {
  const i = text.indexOf(words, from);
  if (i < 0) throw new Error(`not found: ${words}`);
  return { start: i, end: i + words.length };
};
const judged = (t: Tracked, h: Span, placed: Span | null) => judgeOne(OLD, t, positions(t, OLD.length), h, placed);
/** The kind's revision with every draw of the random numbers `r`. */
const rev = (kind: Kind, r = 0) => revise(kind, track(OLD), () => r);

describe('TRANSPOSED: a 倒字 is two units retyped in place', () => {
  const sentence = at(OLD, '在县委的领导下各乡镇建立了农家书屋和阅读站点并将持续开展读书活动。');
  const pair = OLD.indexOf('书屋和');
  const swapped = splice(track(OLD), [transpose(track(OLD), pair)]);

  it('writes the two units in each other place, each slot keeping its old origin, flagged', () => {
    expect(swapped.text).toContain('农家屋书和阅读');
    expect(swapped.origin[pair]).toBe(pair);
    expect(swapped.changed[pair]).toBe(1);
    expect(swapped.changed[pair + 1]).toBe(1);
  });

  it('a long sentence over it survives and its place is right; a 4-unit term holding it is lost', () => {
    const j = judged(swapped, sentence, at(swapped.text, '在县委的领导下各乡镇建立了农家屋书和阅读站点并将持续开展读书活动。'));
    expect(j.truth.state).toBe('surviving');
    expect(j.verdict).toBe('right');
    const term = judged(swapped, at(OLD, '农家书屋'), null);
    expect(term.truth.state).toBe('lost');
  });

  it('without the rule (the pair read as a move of the two old units) the sentence would be parted', () => {
    const moved = new Builder(track(OLD))
      .keep(0, pair)
      .keep(pair + 1, pair + 2)
      .keep(pair, pair + 1)
      .keep(pair + 2, OLD.length)
      .done();
    expect(moved.text).toBe(swapped.text);
    expect(judged(moved, sentence, null).truth.state).toBe('parted');
  });

  it('the 倒字 kind swaps two different Han units in the sentences it picks', () => {
    const t = rev('daozi');
    expect(t.text).toContain('前目全县');
    expect(positions(t, OLD.length).every((p) => p >= 0)).toBe(true);
  });
});

describe('MASKED: digits written as × are retyped digits', () => {
  const t = rev('baomi', 0.3);

  it('masks the figures digit by digit, not years, keeping the decimal point', () => {
    expect(t.text).toContain('书屋×××个，覆盖人口×.×万人');
    expect(t.text).toContain('2019年');
    expect(t.text).toContain('分馆×个');
    expect(mask(track('投入300万元'), 2, 5, '＊').insert).toBe('＊＊＊');
  });

  it('a number highlight masked is lost, and a placement on its masked remains is tolerated, not wrong', () => {
    const j = judged(t, at(OLD, '8.5万人'), at(t.text, '×.×万人'));
    expect(j.truth.state).toBe('lost');
    expect(j.verdict).toBe('on_remains');
  });

  it('a sentence with few masked digits survives (4 of 36 units, ⌊36/8⌋ = 4) and its place is right', () => {
    const s = at(OLD, '2019年，青禾县启动书香工程，投入资金300万元，建成图书馆分馆5个。');
    const j = judged(t, s, at(t.text, '2019年，青禾县启动书香工程，投入资金×××万元，建成图书馆分馆×个。'));
    expect(j.truth.state).toBe('surviving');
    expect(j.verdict).toBe('right');
  });

  it('a fifth of the figures with a unit go to 若干 (written text: the figure gone)', () => {
    const r = rev('baomi', 0);
    expect(r.text).toContain('投入资金若干，');
    expect(judged(r, at(OLD, '300万元'), null).truth.state).toBe('lost');
  });
});

describe('copies the kinds write: a placement on one is wrong', () => {
  it('zhaiyao copies the opening under the title; the copy is wrong, the original right', () => {
    const t = rev('zhaiyao');
    expect(t.text.startsWith('青禾县推进全民阅读\n摘要：目前全县已建成书屋120个，覆盖人口8.5万人。在县委')).toBe(true);
    const h = at(OLD, '目前全县已建成书屋120个');
    const copy = at(t.text, '目前全县已建成书屋120个');
    const own = at(t.text, '目前全县已建成书屋120个', copy.end);
    const wrong = judged(t, h, copy);
    expect(wrong.verdict).toBe('wrong');
    expect(wrong.source).toBe('copy');
    expect(judged(t, h, own).verdict).toBe('right');
  });

  it('huiyi writes the form around the text and quotes a term it holds twice; a placement on the quote is wrong', () => {
    const t = revise('huiyi', track(OLD), mulberry32(3));
    expect(t.text).toContain('学习内容：学习《青禾县推进全民阅读》\n学习材料：\n青禾县推进全民阅读\n');
    expect(t.text).toContain('\n交流发言：\n');
    const quoted = /文中提到“([^”]+)”/.exec(t.text);
    expect(quoted).not.toBeNull();
    const term = quoted![1]!;
    expect(OLD.indexOf(term, OLD.indexOf(term) + 1)).toBeGreaterThan(0);
    const h = at(OLD, term);
    const j = judged(t, h, { start: quoted!.index + 5, end: quoted!.index + 5 + term.length });
    expect(j.verdict).toBe('wrong');
    expect(judged(t, h, at(t.text, term, t.text.indexOf('学习材料'))).verdict).toBe('right');
  });

  it('yaodian writes bullets of sentence heads after the first body paragraph', () => {
    const t = rev('yaodian');
    expect(t.text).toContain('覆盖人口8.5万人。在县委的领导下各乡镇建立了农家书屋和阅读站点并将持续开展读书活动。\n【本文要点】\n●');
  });
});

describe('moves, cuts and insertions', () => {
  it('beijing moves the 背景 paragraph to a box at the end: a placement there is right, on the old place wrong', () => {
    const t = rev('beijing');
    expect(t.text.endsWith('\n【背景链接】\n2019年，青禾县启动书香工程，投入资金300万元，建成图书馆分馆5个。')).toBe(true);
    const h = at(OLD, '青禾县启动书香工程');
    const j = judged(t, h, at(t.text, '青禾县启动书香工程'));
    expect(j.verdict).toBe('right');
    // the paragraph after it: old units now stand after it that stood before it (the thirteenth judge's wasMoved)
    expect(judged(t, at(OLD, '明年将新增座位'), at(t.text, '明年将新增座位')).moved).toBe(true);
    // what now stands where the paragraph was: the next paragraph's first words
    const old = h.start;
    expect(judged(t, h, { start: old, end: old + 9 }).verdict).toBe('wrong');
  });

  it('jingjian drops 了 after a verb: the passage holding it is lost, a placement on its remains tolerated', () => {
    const t = rev('jingjian');
    expect(t.text).toContain('各乡镇建立农家书屋');
    const j = judged(t, at(OLD, '各乡镇建立了农家书屋'), at(t.text, '各乡镇建立农家书屋'));
    expect(j.truth.state).toBe('lost');
    expect(j.verdict).toBe('on_remains');
  });

  it('dunju writes commas after 目前, after 在…领导下 and before 并将 after a long run; the sentence survives', () => {
    const t = rev('dunju');
    expect(t.text).toContain('目前，全县');
    expect(t.text).toContain('在县委的领导下，各乡镇建立了农家书屋和阅读站点，并将持续开展读书活动。');
    const s = at(OLD, '在县委的领导下各乡镇建立了农家书屋和阅读站点并将持续开展读书活动。');
    expect(judged(t, s, at(t.text, '在县委的领导下，各乡镇建立了农家书屋和阅读站点，并将持续开展读书活动。')).verdict).toBe('right');
    expect(judged(t, s, null).verdict).toBe('miss');
  });

  it('xuhao numbers a 、-list inline, the first item as long as the second', () => {
    expect(rev('xuhao').text).toContain('活动包括①读经典；②读原著；③读新书，');
    const t = rev('xuhao', 0.6);
    expect(t.text).toContain('活动包括（1）读经典、（2）读原著、（3）读新书，');
    // ①② inside a list of 9 content units: 2 foreign ≤ 4, it survives; （1）（2） inside: 6 > 4, parted
    const list = at(OLD, '读经典、读原著、读新书');
    expect(judged(t, list, null).truth.state).toBe('parted');
  });
});

describe('the bench pieces', () => {
  it('every kind changes the made-up article; mixed takes three different kinds', () => {
    for (const k of KINDS) expect(rev(k, k === 'baomi' ? 0.3 : 0).text, k).not.toBe(OLD);
    const m = mixedKinds(mulberry32(1));
    expect(new Set(m).size).toBe(3);
  });

  it('highlights are spans of content of the types the header lists', () => {
    const hs = makeHighlights(OLD, mulberry32(9), 20);
    expect(hs.length).toBeGreaterThan(10);
    for (const h of hs) {
      expect(TYPES).toContain(h.type);
      expect(OLD.slice(h.start, h.end).trim()).toBe(OLD.slice(h.start, h.end));
    }
  });
});
