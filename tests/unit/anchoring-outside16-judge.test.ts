// The sixteenth outside anchoring bench's judge (tests/bench/anchoring-outside16-judge.ts, on the
// eleventh's tracked-character model through the twelfth to fifteenth) and its revisions, on a
// made-up article of our own: every origin and verdict below is worked out by hand.
import { describe, expect, it } from 'vitest';
import { cnValue, KINDS, makeHighlights, mixedKinds, paragraphs, revise, type Kind } from '../bench/anchoring-outside16';
import { judgeOne, otherWidth, positions, splice, track, widened, type Span, type Tracked } from '../bench/anchoring-outside16-judge';
import { mulberry32 } from '../bench/seeded';

const OLD =
  '社区读书月小记\n' +
  '一、主要做法\n' +
  '今年以来，县里先后组织读书会12场（含线上3场），参加人数2000余人。大家围绕“书香社区”开展交流，三个街道、五个乡镇、两所学校积极参与。\n' +
  '二、下步打算\n' +
  '据了解，明年将新增座位200个，百分之三十的座位面向老年人。工作人员说，这是群众的期盼。';
const at = (text: string, words: string, from = 0): Span => {
  const i = text.indexOf(words, from);
  if (i < 0) throw new Error(`not found: ${words}`);
  return { start: i, end: i + words.length };
};
const judged = (rev: Tracked, h: Span, placed: Span | null) => judgeOne(OLD, rev, positions(rev, OLD.length), h, placed);
/** The first seed (1–80) whose revision of `kind` satisfies `ok` (judged as the bench judges: widened). */
const seedWhere = (kind: Kind, ok: (r: Tracked) => boolean, text = OLD): Tracked => {
  for (let seed = 1; seed <= 80; seed++) {
    const r = widened(text, revise(kind, track(text), mulberry32(seed)));
    if (ok(r)) return r;
  }
  throw new Error(`no seed gives the ${kind} edit`);
};
// the format characters geshi writes (alternation: ZWJ in a character class is misleading)
const FORMAT = /\u00ad|\u2060|\u200c|\u200d|\u200e|\ufeff/;
const FORMAT_ALL = new RegExp(FORMAT.source, 'g');
/** Whether every old unit of `text` is still in `r`, unchanged and in order. */
const allKept = (text: string, r: Tracked): boolean => {
  const pos = positions(r, text.length);
  for (let i = 0; i < text.length; i++) if (pos[i]! < 0 || r.changed[pos[i]!] || (i && pos[i]! <= pos[i - 1]!)) return false;
  return true;
};

describe('widened: a letter or digit in its other width is the same unit', () => {
  const n = at(OLD, '2000余人');
  const wide = (): Tracked => splice(track(OLD), [{ start: n.start, end: n.start + 4, insert: '２０００', retype: true }]);

  it('without the rule the number is lost; with it the number survives and its full-width place is right', () => {
    const raw = wide();
    expect(raw.text).toContain('参加人数２０００余人');
    // 6 content units, 4 retyped > ⌊6/8⌋ = 0
    expect(judged(raw, n, null).truth.state).toBe('lost');
    const rev = widened(OLD, raw);
    expect(judged(rev, n, at(rev.text, '２０００余人')).verdict).toBe('right');
    expect(judged(rev, n, null).verdict).toBe('miss');
  });

  it('a digit retyped as ANOTHER digit (full width or not) stays retyped', () => {
    const raw = splice(track(OLD), [{ start: n.start, end: n.start + 1, insert: '３', retype: true }]);
    const rev = widened(OLD, raw);
    expect(rev.changed[n.start]).toBe(1);
    expect(judged(rev, n, null).truth.state).toBe('lost');
    expect(otherWidth('A')).toBe('Ａ');
    expect(otherWidth('％')).toBe('%');
    expect(otherWidth('书')).toBeNull();
  });

  it('the banjiao kind writes a run of paragraphs in full width, and the judge reads it as kept', () => {
    const rev = seedWhere('banjiao', (r) => r.text.includes('２０００余人'));
    expect(allKept(OLD, rev)).toBe(true);
    expect(judged(rev, n, at(rev.text, '２０００余人')).verdict).toBe('right');
  });
});

describe('verdicts on the kinds’ edits', () => {
  it('a placement on a 思考题 quoting the passage is WRONG (copy); on other old words WRONG (twin)', () => {
    const clause = at(OLD, '大家围绕“书香社区”开展交流');
    const rev = seedWhere('sikao', (r) => r.text.includes('“书香社区”？') || r.text.includes('“大家围绕“书香社区”开展交流”'));
    const qLine = paragraphs(rev.text).find(
      (p) => /^\d\./.test(rev.text.slice(p.start, p.end)) && rev.text.slice(p.start, p.end).includes('书香社区'),
    )!;
    const copy = at(rev.text, '书香社区', qLine.start);
    const term = at(OLD, '书香社区');
    const j = judged(rev, term, copy);
    expect(j.verdict).toBe('wrong');
    expect(j.source).toBe('copy');
    // the clause itself stands where it stood: right there, wrong on the people who attended
    expect(judged(rev, clause, at(rev.text, '大家围绕“书香社区”开展交流')).verdict).toBe('right');
    const twin = judged(rev, clause, at(rev.text, '参加人数2000余人'));
    expect(twin.verdict).toBe('wrong');
    expect(twin.source).toBe('twin');
  });

  it('qukuo: a sentence holding a dropped aside is lost (orphan fine, remains tolerated, elsewhere wrong); its other clause survives', () => {
    const rev = seedWhere('qukuo', (r) => !r.text.includes('（含线上3场）'));
    expect(rev.text).toContain('组织读书会12场，参加人数');
    const sentence = at(OLD, '今年以来，县里先后组织读书会12场（含线上3场），参加人数2000余人。');
    expect(judged(rev, sentence, null).verdict).toBe('orphan_ok');
    expect(judged(rev, sentence, at(rev.text, '今年以来，县里先后组织读书会12场，参加人数2000余人。')).verdict).toBe('on_remains');
    expect(judged(rev, sentence, at(rev.text, '工作人员说')).verdict).toBe('wrong_lost');
    expect(judged(rev, at(OLD, '参加人数2000余人'), at(rev.text, '参加人数2000余人')).verdict).toBe('right');
  });

  it('dengdeng cuts a 、-list after its first items and writes 等; shuzi writes counts in digits', () => {
    const cut = seedWhere('dengdeng', (r) => r.text.includes('三个街道等积极参与') || r.text.includes('三个街道、五个乡镇等积极参与'));
    const list = at(OLD, '三个街道、五个乡镇、两所学校');
    expect(judged(cut, list, null).truth.state).toBe('lost');
    expect(judged(cut, at(OLD, '三个街道'), at(cut.text, '三个街道')).verdict).toBe('right');
    const digits = seedWhere('shuzi', (r) => r.text.includes('3个街道') && r.text.includes('30%的座位'));
    expect(judged(digits, at(OLD, '三个街道'), null).verdict).toBe('orphan_ok');
    expect(cnValue('十五')).toBe(15);
    expect(cnValue('四十六')).toBe(46);
    expect(cnValue('二十')).toBe(20);
    expect(cnValue('两')).toBe(2);
    expect(cnValue('三四')).toBeNull();
  });

  it('quti drops a heading with its break; a cross span over it is lost, the paragraph after it survives', () => {
    const rev = seedWhere('quti', (r) => !r.text.includes('二、下步打算'));
    expect(rev.text).toContain('积极参与。\n据了解');
    expect(judged(rev, at(OLD, '二、下步打算\n据了解'), null).truth.state).toBe('lost');
    expect(judged(rev, at(OLD, '据了解，明年'), at(rev.text, '据了解，明年')).verdict).toBe('right');
  });

  it('markdown, fenye and geshi keep every old unit; a span over a written marker is still right on its true span', () => {
    const md = seedWhere('markdown', (r) => r.text.startsWith('# ') && r.text.includes('## 二、下步打算'));
    expect(allKept(OLD, md)).toBe(true);
    const cross = at(OLD, '积极参与。\n二、下步打算');
    const truth = judged(md, cross, null).truth;
    expect(truth.state).toBe('surviving');
    expect(judged(md, cross, { start: truth.start, end: truth.end }).verdict).toBe('right');
    // fenye needs a page longer than its page size: our own numbered sentences
    const long = Array.from(
      { length: 60 },
      (_, i) => `第${i + 1}段里，社区干部讲述了读书月的第${i + 1}个故事，大家认真聆听并积极发言。`,
    ).join('\n');
    const paged = seedWhere('fenye', (r) => /上一页|第2页|【下一页】/.test(r.text), long);
    expect(allKept(long, paged)).toBe(true);
    const gs = seedWhere('geshi', (r) => FORMAT.test(r.text));
    expect(allKept(OLD, gs)).toBe(true);
    expect(gs.text.replace(FORMAT_ALL, '')).toBe(OLD);
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
