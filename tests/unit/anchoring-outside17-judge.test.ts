// The seventeenth outside anchoring bench's judge (tests/bench/anchoring-outside17-judge.ts, on the
// eleventh's tracked-character model through the twelfth to sixteenth) and its revisions, on a
// made-up article of our own: every origin and verdict below is worked out by hand.
import { describe, expect, it } from 'vitest';
import { KINDS, makeHighlights, mixedKinds, revise, type Kind } from '../bench/anchoring-outside17';
import {
  broken,
  brokenEdges,
  judgeBroken,
  judgeOne,
  positions,
  splice,
  track,
  type Span,
  type Tracked,
} from '../bench/anchoring-outside17-judge';
import { mulberry32 } from '../bench/seeded';

const OLD =
  '青禾县推进全民阅读\n' +
  '一、基本情况\n' +
  '今年以来，青禾县新建三个书屋，引进两个企业参与运营。该县图书馆借阅量增长了15%，比去年多出一万册。\n' +
  '县文旅局局长周明远表示，“阅读和生活要紧密相连”。他指出，我省已出台《全民阅读促进办法》，我县将认真落实。\n' +
  '要读经典，要读原著，要读新书，这是大家的共识。\n' +
  '二、下步打算\n' +
  '明年将新增座位200个，本报将持续关注。';
const at = (text: string, words: string, from = 0): Span => {
  const i = text.indexOf(words, from);
  if (i < 0) throw new Error(`not found: ${words}`);
  return { start: i, end: i + words.length };
};
/** Judged as the bench judges: through broken(), without broken edge marks. */
const judged = (raw: Tracked, h: Span, placed: Span | null) => {
  const view = broken(OLD, raw);
  return judgeBroken(OLD, raw, view, positions(view, OLD.length), h, placed);
};
/** The kind's revision with every chance taken (rng always 0) or, with 0.99, the last choices. */
const rev = (kind: Kind, r = 0) => revise(kind, track(OLD), () => r);
/** Whether every old unit of OLD is still in `t`, unchanged and in order. */
const allKept = (t: Tracked): boolean => {
  const pos = positions(t, OLD.length);
  for (let i = 0; i < OLD.length; i++) if (pos[i]! < 0 || t.changed[pos[i]!] || (i && pos[i]! <= pos[i - 1]!)) return false;
  return true;
};

describe('broken: a pause mark set as a line break or a space is the same unit', () => {
  const sub = rev('zimu', 0.99);
  const list = at(OLD, '要读经典，要读原著，要读新书');

  it('the 字幕 kind sets the marks of a run of paragraphs as breaks, drops the last, writes 、 as a space', () => {
    expect(sub.text).toContain('县文旅局局长周明远表示\n“阅读和生活要紧密相连”\n他指出\n我省已出台《全民阅读促进办法》\n我县将认真落实\n');
    expect(sub.text).toContain('要读经典\n要读原著\n要读新书\n这是大家的共识\n二 下步打算');
    expect(sub.text.endsWith('明年将新增座位200个\n本报将持续关注')).toBe(true);
  });

  it('without the rule a list whose two commas became breaks is lost; with it, it survives and its new place is right', () => {
    // 14 content units, 2 retyped > ⌊14/8⌋ = 1
    const raw = judgeOne(OLD, sub, positions(sub, OLD.length), list, null);
    expect(raw.truth.state).toBe('lost');
    const j = judged(sub, list, at(sub.text, '要读经典\n要读原著\n要读新书'));
    expect(j.truth.state).toBe('surviving');
    expect(j.verdict).toBe('right');
    expect(judged(sub, list, null).verdict).toBe('miss');
  });

  it('a mark retyped as ANOTHER mark stays retyped; a dropped mark is gone', () => {
    const semi = splice(track(OLD), [
      { start: list.start + 4, end: list.start + 5, insert: '；', retype: true },
      { start: list.start + 9, end: list.start + 10, insert: '；', retype: true },
    ]);
    expect(judged(semi, list, null).truth.state).toBe('lost');
    // the sentence's 。 was the paragraph's last mark: dropped, so the sentence is lost
    expect(judged(sub, at(OLD, '要读经典，要读原著，要读新书，这是大家的共识。'), null).truth.state).toBe('lost');
  });

  it('a broken mark at a highlight’s edge is not asked of a placement (partial without the rule)', () => {
    const clause = at(OLD, '要读原著，');
    const words = at(sub.text, '要读原著');
    const view = broken(OLD, sub);
    const pos = positions(view, OLD.length);
    expect(judgeOne(OLD, view, pos, clause, words).verdict).toBe('partial');
    expect(brokenEdges(OLD, sub, pos, clause)).toEqual(at(OLD, '要读原著'));
    expect(judged(sub, clause, words).verdict).toBe('right');
  });

  it('a placement on other words is WRONG (twin), on none of its own units', () => {
    const j = judged(sub, at(OLD, '要读原著'), at(sub.text, '要读新书'));
    expect(j.verdict).toBe('wrong');
    expect(j.source).toBe('twin');
  });
});

describe('verdicts on the kinds’ edits', () => {
  it('jieyu restates a sentence at the end: a placement on the copy is WRONG (copy), on the sentence right', () => {
    const r = rev('jieyu');
    const sentence = '今年以来，青禾县新建三个书屋，引进两个企业参与运营。';
    expect(r.text.endsWith(`\n总之，${sentence}`)).toBe(true);
    expect(allKept(r)).toBe(true);
    const h = at(OLD, sentence);
    const copy = at(r.text, sentence, r.text.indexOf('总之'));
    const j = judged(r, h, copy);
    expect(j.verdict).toBe('wrong');
    expect(j.source).toBe('copy');
    expect(judged(r, h, at(r.text, sentence)).verdict).toBe('right');
  });

  it('lianjie labels a 《title》 and copies it into a 相关文件 list: the copy is WRONG (copy)', () => {
    const r = rev('lianjie');
    expect(r.text).toContain('《全民阅读促进办法》（点击查看），我县');
    expect(r.text.endsWith('\n相关文件：\n《全民阅读促进办法》')).toBe(true);
    const title = at(OLD, '《全民阅读促进办法》');
    expect(judged(r, title, at(r.text, '《全民阅读促进办法》')).verdict).toBe('right');
    expect(judged(r, title, at(r.text, '《全民阅读促进办法》', r.text.indexOf('相关文件'))).verdict).toBe('wrong');
    // a span over the title and the words after it: 13 content units, the 6 written label units between
    // them > max(4, ⌊13/4⌋): parted
    expect(judged(r, at(OLD, '《全民阅读促进办法》，我县'), null).truth.state).toBe('parted');
  });

  it('liangci retypes 个 as the noun’s measure word: the number with it is lost, remains tolerated, elsewhere wrong', () => {
    const r = rev('liangci');
    expect(r.text).toContain('引进两家企业');
    expect(r.text).toContain('新建三个书屋'); // 书屋 is in no list: left
    const n = at(OLD, '两个企业');
    expect(judged(r, n, null).verdict).toBe('orphan_ok');
    expect(judged(r, n, at(r.text, '两家企业')).verdict).toBe('on_remains');
    expect(judged(r, n, at(r.text, '三个书屋')).verdict).toBe('wrong_lost');
  });

  it('yinwen corrects a quoted word; waixuan names 我省 / 我县 / 本报; daici names 该县 and 他', () => {
    const q = rev('yinwen');
    expect(q.text).toContain('“阅读与生活要紧密相连”');
    // 10 content units, 1 retyped ≤ ⌊10/8⌋: the quotation survives
    expect(judged(q, at(OLD, '阅读和生活要紧密相连'), at(q.text, '阅读与生活要紧密相连')).verdict).toBe('right');
    const w = rev('waixuan');
    expect(w.text).toContain('湖南省已出台');
    expect(w.text).toContain('临川县将认真落实');
    expect(w.text).toContain('湖南日报将持续关注');
    expect(judged(w, at(OLD, '我省已出台'), null).truth.state).toBe('lost');
    const d = rev('daici');
    expect(d.text).toContain('青禾县图书馆借阅量');
    expect(d.text).toContain('周明远指出');
    expect(judged(d, at(OLD, '图书馆借阅量'), at(d.text, '图书馆借阅量')).verdict).toBe('right');
  });

  it('tongbi writes 同比 and drops 了; paibi sets the 排比 in lines and keeps every unit', () => {
    const t = rev('tongbi');
    expect(t.text).toContain('借阅量同比增长15%');
    expect(judged(t, at(OLD, '增长了15%'), null).truth.state).toBe('lost');
    expect(judged(t, at(OLD, '15%'), at(t.text, '15%')).verdict).toBe('right');
    const p = rev('paibi');
    expect(p.text).toContain('要读经典，\n\u3000\u3000要读原著，\n\u3000\u3000要读新书，这是');
    expect(allKept(p)).toBe(true);
    const list = at(OLD, '要读经典，要读原著，要读新书');
    const truth = judged(p, list, null).truth;
    expect(truth.state).toBe('surviving');
    expect(judged(p, list, { start: truth.start, end: truth.end }).verdict).toBe('right');
  });
});

describe('highlights and kinds', () => {
  it('makes the count asked for, first and last among them, none of white space', () => {
    const hs = makeHighlights(OLD, mulberry32(7), 20);
    expect(hs.length).toBe(20);
    expect(hs.some((h) => h.type === 'first' && h.start === 0)).toBe(true);
    expect(hs.some((h) => h.type === 'last' && h.end === OLD.length)).toBe(true);
    for (const h of hs) expect(OLD.slice(h.start, h.end).trim().length).toBeGreaterThan(1);
  });

  it('mixed takes three different kinds', () => {
    const ks = mixedKinds(mulberry32(3));
    expect(new Set(ks).size).toBe(3);
    for (const k of ks) expect(KINDS).toContain(k);
  });
});
