// The nineteenth outside anchoring bench's judge (tests/bench/anchoring-outside19-judge.ts, on the
// eleventh's tracked-character model through the twelfth to eighteenth) and its revisions, on a
// made-up article of our own: every origin and verdict below is worked out by hand.
import { describe, expect, it } from 'vitest';
import { KINDS, makeHighlights, mixedKinds, prepareDuplicates, revise, TYPES } from '../bench/anchoring-outside19';
import {
  dedupedSpan,
  judgeDeduped,
  judgeOne,
  positions,
  reword,
  splice,
  track,
  type Span,
  type Tracked,
} from '../bench/anchoring-outside19-judge';
import { mulberry32 } from '../bench/seeded';

const OLD =
  '青禾县推进全民阅读\n' +
  '目前全县已建成书屋120个，覆盖面积35.27平方公里，人均藏书256.7册。这真是一件大好事啊！大家都很高兴地读书！！\n' +
  '在十九大精神指引下，县里围绕十四五规划推进一带一路文化交流，今年GDP增长6.5%，新冠肺炎疫情期间也没有停止。\n' +
  '县文旅局局长周明远表示，“阅读和生活要紧密相连”。活动包括读经典、读原著、读新书，这是大家的共识。\n' +
  '2019年，青禾县启动书香工程，投入资金300万元，建成图书馆分馆5个，最远的分馆离县城45公里。气温常年在20℃左右，适合阅读。\n' +
  '明年将新增座位200个，欢迎读者参与。';
const at = (text: string, words: string, from = 0): Span => {
  const i = text.indexOf(words, from);
  if (i < 0) throw new Error(`not found: ${words}`);
  return { start: i, end: i + words.length };
};
const judged = (t: Tracked, h: Span, placed: Span | null, old = OLD) => judgeOne(old, t, positions(t, old.length), h, placed);

describe('REWORDED: a word replaced in its place', () => {
  it('retypes the shared length one for one, writes the extra new units, drops the extra old ones', () => {
    const t = track(OLD);
    const km = at(OLD, '公里');
    expect(reword(t, km.start, km.end, '千米')).toEqual([{ start: km.start, end: km.end, insert: '千米', retype: true }]);
    const c = at(OLD, '℃');
    expect(reword(t, c.start, c.end, '摄氏度')).toEqual([
      { start: c.start, end: c.end, insert: '摄', retype: true },
      { start: c.end, end: c.end, insert: '氏度' },
    ]);
    const n = at(OLD, '35.27');
    expect(reword(t, n.start, n.end, '35.3')).toEqual([
      { start: n.start + 3, end: n.start + 4, insert: '3', retype: true },
      { start: n.start + 4, end: n.start + 5, insert: '' },
    ]);
    expect(reword(t, n.start, n.end, '35.27')).toEqual([]);
  });

  it('a number holding the unit word is lost; the 42-unit sentence around it survives and its place is right', () => {
    const km = at(OLD, '45公里');
    const t = splice(track(OLD), reword(track(OLD), km.start + 2, km.end, '千米'));
    expect(t.text).toContain('离县城45千米。');
    expect(judged(t, km, at(t.text, '45千米')).verdict).toBe('on_remains');
    const s = at(OLD, '2019年，青禾县启动书香工程，投入资金300万元，建成图书馆分馆5个，最远的分馆离县城45公里。');
    const j = judged(t, s, at(t.text, '2019年，青禾县启动书香工程，投入资金300万元，建成图书馆分馆5个，最远的分馆离县城45千米。'));
    expect(j.truth.state).toBe('surviving');
    expect(j.verdict).toBe('right');
  });
});

describe('DEDUPED: a highlight in a deleted second copy is read at the first copy', () => {
  const prepared = prepareDuplicates(OLD, () => 0.4);
  const old = prepared.text;
  const dups = prepared.dups;
  const t = revise('quchong', track(old), () => 0.4, dups);

  it('prepare pastes a paragraph twice in a row; the revision deletes the second copy and gives the old text back', () => {
    expect(dups).toHaveLength(1);
    const d = dups[0]!;
    expect(old.slice(d.removed.start, d.removed.end)).toBe(old.slice(d.kept, d.kept + d.removed.end - d.removed.start));
    expect(old[d.removed.start - 1]).toBe('\n');
    expect(t.text).toBe(OLD);
  });

  it('judged at the first copy: a placement there is right, an orphan a miss, one elsewhere wrong', () => {
    const d = dups[0]!;
    const h = at(old, '县里围绕十四五规划', d.removed.start);
    expect(dedupedSpan(h, dups)).toEqual(at(old, '县里围绕十四五规划'));
    const pos = positions(t, old.length);
    expect(judgeDeduped(old, t, pos, h, at(t.text, '县里围绕十四五规划'), dups).verdict).toBe('right');
    expect(judgeDeduped(old, t, pos, h, null, dups).verdict).toBe('miss');
    expect(judgeDeduped(old, t, pos, h, at(t.text, '欢迎读者参与'), dups).verdict).toBe('wrong');
  });

  it('without the rule the same highlight would be lost (its units deleted) and the first copy wrong_lost', () => {
    const d = dups[0]!;
    const h = at(old, '县里围绕十四五规划', d.removed.start);
    const j = judged(t, h, at(t.text, '县里围绕十四五规划'), old);
    expect(j.truth.state).toBe('lost');
    expect(j.verdict).toBe('wrong_lost');
  });

  it('a highlight reaching out of the copy is judged as it stands', () => {
    const d = dups[0]!;
    const h = { start: d.removed.start - 5, end: d.removed.start + 4 };
    expect(dedupedSpan(h, dups)).toEqual(h);
  });

  it('a third of the pasted paragraphs land 2–4 paragraphs further on; deleted all the same', () => {
    const p = prepareDuplicates(OLD, () => 0.3);
    const d = p.dups[0]!;
    const lines = p.text.split('\n');
    expect(lines[5]).toBe(lines[2]);
    expect(d.kept).toBe(p.text.indexOf(lines[2]!));
    expect(d.removed.start).toBe(p.text.lastIndexOf(lines[2]!));
    const r = revise('quchong', track(p.text), () => 0.3, p.dups);
    expect(r.text).toBe(OLD);
    const h = at(p.text, '今年GDP增长6.5%', d.removed.start);
    expect(judgeDeduped(p.text, r, positions(r, p.text.length), h, at(r.text, '今年GDP增长6.5%'), p.dups).verdict).toBe('right');
  });

  it('a sentence written twice in a row is the other duplicate prepare makes', () => {
    const p = prepareDuplicates(OLD, () => 0.6);
    expect(p.dups).toHaveLength(1);
    const d = p.dups[0]!;
    const copy = p.text.slice(d.removed.start, d.removed.end);
    expect(p.text.slice(d.kept, d.removed.start)).toBe(copy);
    expect(revise('quchong', track(p.text), () => 0.6, p.dups).text).toBe(OLD);
  });
});

describe('the kinds, on the made-up article', () => {
  const rev = (kind: Exclude<(typeof KINDS)[number], 'mixed'>, r = 0.1) => revise(kind, track(OLD), () => r);

  it('yuqi: ！ → 。 (retyped), a run of marks cut to one, a 啊 before the mark dropped', () => {
    const t = rev('yuqi');
    expect(t.text).toContain('这真是一件大好事。大家都很高兴地读书。\n');
    const s = at(OLD, '这真是一件大好事啊！');
    expect(judged(t, s, at(t.text, '这真是一件大好事。')).truth.state).toBe('lost');
    // 10 units, one retyped (⌊10/8⌋ = 1): the same sentence; with the dropped second ！ it is lost
    const calm = at(OLD, '大家都很高兴地读书！');
    const j = judged(t, calm, at(t.text, '大家都很高兴地读书。'));
    expect(j.truth.state).toBe('surviving');
    expect(j.verdict).toBe('right');
    expect(judged(t, at(OLD, '大家都很高兴地读书！！'), null).truth.state).toBe('lost');
  });

  it('danwei: statutory unit words after figures', () => {
    const t = rev('danwei');
    expect(t.text).toContain('35.27平方千米');
    expect(t.text).toContain('45千米');
    expect(t.text).toContain('20摄氏度左右');
    expect(rev('danwei', 0.9).text).toBe(OLD);
  });

  it('tifa: 党的 before 十九大, “” around 十四五 and 一带一路, 新冠肺炎 reworded', () => {
    const t = rev('tifa');
    expect(t.text).toContain('在党的十九大精神指引下，县里围绕“十四五”规划推进“一带一路”文化交流');
    expect(t.text).toContain('新冠病毒感染疫情期间');
    expect(revise('tifa', track('二十九大项目和中共十九大'), () => 0.1).text).toBe('二十九大项目和中共十九大');
    const s = at(OLD, '县里围绕十四五规划推进一带一路文化交流');
    const j = judged(t, s, at(t.text, '县里围绕“十四五”规划推进“一带一路”文化交流'));
    expect(j.truth.state).toBe('surviving');
    expect(j.verdict).toBe('right');
  });

  it('xiuyue: two decimals to one, one decimal of 100+ to a whole number, not 6.5 or 2019', () => {
    const t = rev('xiuyue');
    expect(t.text).toContain('覆盖面积35.3平方公里，人均藏书257册');
    expect(t.text).toContain('增长6.5%');
    expect(judged(t, at(OLD, '256.7册'), null).truth.state).toBe('lost');
    expect(revise('xiuyue', track('时间2024.05，版本1.2.35，数值3.14。'), () => 0.1).text).toBe('时间2024.05，版本1.2.35，数值3.1。');
  });

  it('suoxie: the full name written before the first use of a known acronym', () => {
    expect(rev('suoxie').text).toContain('今年国内生产总值（GDP）增长6.5%');
  });

  it('buchong: a clause written before the 。 of long sentences; the sentence survives, a placement over it is right', () => {
    const t = rev('buchong');
    expect(t.text).toContain('最远的分馆离县城45公里，取得了积极成效。');
    expect(t.text).toContain('县文旅局局长周明远表示，“阅读和生活要紧密相连”。');
    const s = at(OLD, '2019年，青禾县启动书香工程，投入资金300万元，建成图书馆分馆5个，最远的分馆离县城45公里。');
    const placed = at(t.text, '2019年，青禾县启动书香工程，投入资金300万元，建成图书馆分馆5个，最远的分馆离县城45公里，取得了积极成效。');
    expect(judged(t, s, placed).verdict).toBe('right');
    // a short sentence with 8 written units inside: more than max(4, ⌊18/4⌋) others, parted
    const short = at(OLD, '明年将新增座位200个，欢迎读者参与。');
    expect(judged(t, short, null).truth.state).toBe('parted');
  });

  it('xiaobiaoti: a long paragraph split at the sentence end nearest its middle, a heading between', () => {
    const long =
      '标题\n' +
      '这是第一句话，写得比较长一些，用来凑够字数。'.repeat(4) +
      '这是中间的一句。' +
      '后面还有很多内容，也写得比较长一些。'.repeat(6);
    expect(long.split('\n')[1]!.length).toBeGreaterThanOrEqual(150);
    const t = revise('xiaobiaoti', track(long), () => 0.1);
    expect(t.text).toMatch(/^标题\n(这是第一句话，写得比较长一些，用来凑够字数。){4}这是中间的一句。\n一、坚持问题导向\n后面还有很多内容/);
  });

  it('daoxu: a run of paragraphs written in reverse order; a sentence there is moved and right, a span over a reversed break parted', () => {
    const t = rev('daoxu');
    expect(t.text.split('\n')).toEqual([0, 1, 4, 3, 2, 5].map((k) => OLD.split('\n')[k]));
    const s = at(OLD, '活动包括读经典、读原著、读新书，这是大家的共识。');
    const j = judged(t, s, at(t.text, '活动包括读经典、读原著、读新书，这是大家的共识。'));
    expect(j.verdict).toBe('right');
    expect(j.moved).toBe(true);
    expect(judged(t, at(OLD, '这是大家的共识。\n2019年'), null).truth.state).toBe('parted');
  });

  it('mixed draws three different kinds, quchong first when drawn', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const ks = mixedKinds(mulberry32(seed));
      expect(new Set(ks).size).toBe(3);
      if (ks.includes('quchong')) expect(ks[0]).toBe('quchong');
    }
  });
});

describe('highlights', () => {
  it('draws the count asked, forced spans first, no span twice, none of white space only', () => {
    const forced = [at(OLD, '欢迎读者参与')];
    const hs = makeHighlights(OLD, mulberry32(7), 30, forced);
    expect(hs).toHaveLength(30);
    expect(hs[0]).toMatchObject(forced[0]!);
    expect(new Set(hs.map((h) => `${h.start}:${h.end}`)).size).toBe(30);
    for (const h of hs) {
      expect(TYPES).toContain(h.type);
      expect(OLD.slice(h.start, h.end).trim()).not.toBe('');
    }
  });
});
