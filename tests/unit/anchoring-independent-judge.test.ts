/**
 * The judge of the independent anchoring bench (tests/bench/anchoring-independent-judge.ts):
 * where each original character went through each kind of revision, hand-made small cases,
 * and the rules for surviving, right, wrong, remains and ambiguous placements.
 */
import { describe, expect, it } from 'vitest';
import {
  EDITS,
  KINDS,
  ambiguous,
  deleteRange,
  docOf,
  editOf,
  insertAt,
  judge,
  onCopy,
  paragraphs,
  reassemble,
  replaceAt,
  rngOf,
  sameCharacter,
  sentences,
  substituteAll,
  textOf,
  truthOf,
  whereOf,
  type Doc,
  type Part,
  type Range,
} from '../bench/anchoring-independent-judge';

/** The truth for original [s, e) after `doc`, and the new text. */
function follow(original: string, doc: Doc, s: number, e: number) {
  const text = textOf(doc);
  const truth = truthOf(whereOf(doc, original), s, e);
  return { text, truth, span: truth.span ? text.slice(truth.span[0], truth.span[1]) : null };
}

function at(text: string, needle: string, from = 0): Range {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`no ${needle}`);
  return [i, i + needle.length];
}

const ZH = [
  '一、总体要求',
  '会议指出，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。今年全市完成投资2023亿元，同比增长5.2%。',
  '会议强调，各级党组织要把学习贯彻工作抓紧抓实，做到学思用贯通、知信行统一。',
  '二、重点任务',
  '他说：“我们要把十四五规划确定的三项任务落到实处……”随后，与会同志进行了交流。',
  '会议要求，要加强组织领导，压实工作责任。会议要求，要加强组织领导，确保各项部署落地见效。',
  '责任编辑：王晓',
].join('\n');

describe('tracking through each kind of edit (hand-made)', () => {
  it('an untouched text: every highlight is where it was', () => {
    const doc = docOf(ZH);
    const [s, e] = at(ZH, '完整准确全面贯彻新发展理念');
    const { truth, span } = follow(ZH, doc, s, e);
    expect(truth.survives).toBe(true);
    expect(truth.span).toEqual([s, e]);
    expect(span).toBe('完整准确全面贯彻新发展理念');
  });

  it('typo fix inside a long highlight: survives in place; inside a short one: lost', () => {
    const [s, e] = at(ZH, '完整准确全面贯彻新发展理念');
    const doc = replaceAt(docOf(ZH), s + 3, s + 4, '地');
    const long = follow(ZH, doc, s, e);
    expect(long.truth.survives).toBe(true);
    expect(long.span).toBe('完整准地全面贯彻新发展理念');
    const [t0, t1] = at(ZH, '要求');
    const short = follow(ZH, replaceAt(docOf(ZH), t0 + 1, t0 + 2, '球'), t0, t1);
    expect(short.truth.survives).toBe(false);
    // Placed on what is left of it: neither right nor wrong; elsewhere: wrong.
    expect(judge(short.truth, [t0, t1])).toBe('remains');
    expect(judge(short.truth, at(short.text, '要求', t1))).toBe('wrong');
    expect(judge(short.truth, null)).toBe('orphan');
  });

  it('punctuation normalised: quotes to corner brackets, …… to ... (first and last mapped)', () => {
    const q = at(ZH, '“我们要把十四五规划确定的三项任务落到实处……”');
    const text = textOf(docOf(ZH));
    const subs = [...text.matchAll(/[“”]|……/g)].map((m) => ({
      i: m.index,
      j: m.index + m[0].length,
      str: m[0] === '“' ? '「' : m[0] === '”' ? '」' : '...',
    }));
    const doc = substituteAll(docOf(ZH), subs);
    const r = follow(ZH, doc, q[0], q[1]);
    expect(r.truth.survives).toBe(true);
    expect(r.span).toBe('「我们要把十四五规划确定的三项任务落到实处...」');
    // The ellipsis: its first and last dots stand for the two …, the middle one is new.
    const where = whereOf(doc, ZH);
    const e0 = ZH.indexOf('……');
    expect(textOf(doc)[where.pos[e0]!]).toBe('.');
    expect(where.pos[e0 + 1]! - where.pos[e0]!).toBe(2);
    expect(where.mod[e0]).toBe(1);
  });

  it('a number changed: 2023亿元 survives as 2024亿元; 5.2% (≤ 4) is lost', () => {
    const [s, e] = at(ZH, '2023亿元');
    const doc = replaceAt(docOf(ZH), s + 3, s + 4, '4');
    expect(follow(ZH, doc, s, e).span).toBe('2024亿元');
    const [p0, p1] = at(ZH, '5.2%');
    const r = follow(ZH, replaceAt(docOf(ZH), p0 + 2, p0 + 3, '3'), p0, p1);
    expect(r.truth.survives).toBe(false);
    expect(r.truth.why).toMatch(/short/);
  });

  it('a character written another way is unchanged: 全角 digits, ，→, and “ → 「 keep a short highlight', () => {
    expect(sameCharacter('２', '2')).toBe(true);
    expect(sameCharacter('，', ',')).toBe(true);
    expect(sameCharacter('“', '「')).toBe(true);
    expect(sameCharacter('“', '」')).toBe(false);
    expect(sameCharacter('3', '4')).toBe(false);
    const [s, e] = at(ZH, '5.2%');
    const wide = follow(ZH, replaceAt(docOf(ZH), s, e, '５.２％'), s, e);
    expect(wide.truth.survives).toBe(true);
    expect(wide.span).toBe('５.２％');
    const q = at(ZH, '“我们要把十四五规划确定的三项任务落到实处……”');
    const corner = replaceAt(replaceAt(docOf(ZH), q[1] - 1, q[1], '」'), q[0], q[0] + 1, '「');
    expect(whereOf(corner, ZH).mod[q[0]]).toBe(0);
  });

  it('a sentence inserted before a highlighted one moves it by its length', () => {
    const [s, e] = at(ZH, '会议强调，各级党组织要把学习贯彻工作抓紧抓实');
    const added = '这是新加的一句话。';
    const doc = insertAt(docOf(ZH), s, added);
    const r = follow(ZH, doc, s, e);
    expect(r.truth.span).toEqual([s + added.length, e + added.length]);
    expect(r.span).toBe('会议强调，各级党组织要把学习贯彻工作抓紧抓实');
  });

  it('a highlighted sentence deleted: lost, and any placement is wrong', () => {
    const [s, e] = at(ZH, '今年全市完成投资2023亿元，同比增长5.2%。');
    const doc = deleteRange(docOf(ZH), s, e);
    const r = follow(ZH, doc, s, e);
    expect(r.truth.survives).toBe(false);
    expect(r.truth.why).toBe('all deleted');
    expect(judge(r.truth, [0, 4])).toBe('wrong');
    expect(judge(r.truth, null)).toBe('orphan');
  });

  it('a clause rewritten inside a highlighted sentence: same length survives, a long insertion does not', () => {
    const sentence = '会议指出，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。';
    const [s, e] = at(ZH, sentence);
    const c = at(ZH, '要坚持稳中求进工作总基调');
    const same = follow(ZH, replaceAt(docOf(ZH), c[0], c[1], '要始终保持战略定力'), s, e);
    // 12 of 32 characters replaced by 9 others: 20/32 unchanged < 80%, so lost.
    expect(same.truth.survives).toBe(false);
    const small = at(ZH, '稳中求进');
    const light = follow(ZH, replaceAt(docOf(ZH), small[0], small[1], '稳字当头'), s, e);
    expect(light.truth.survives).toBe(true);
    expect(light.span).toBe('会议指出，要坚持稳字当头工作总基调，完整准确全面贯彻新发展理念。');
    const grown = follow(ZH, insertAt(docOf(ZH), small[1], '，并且要在更高的起点上谋划和推进各方面的工作'), s, e);
    expect(grown.truth.survives).toBe(false);
    // 22 new characters inside 32: the run breaks there (or, were it kept whole, too much is new).
    expect(grown.truth.why).toMatch(/inserted|unchanged/);
  });

  it('paragraphs split and merged: a highlight across the break keeps its characters', () => {
    const from = at(ZH, '同比增长5.2%。')[0];
    const to = at(ZH, '会议强调，各级党组织')[1];
    const nl = ZH.indexOf('\n', from);
    const merged = follow(ZH, deleteRange(docOf(ZH), nl, nl + 1), from, to);
    expect(merged.truth.survives).toBe(true);
    expect(merged.span).toBe('同比增长5.2%。会议强调，各级党组织');
    const split = follow(ZH, insertAt(docOf(ZH), at(ZH, '今年全市')[0], '\n'), ...at(ZH, '新发展理念。今年全市完成投资'));
    expect(split.truth.survives).toBe(true);
    expect(split.span).toBe('新发展理念。\n今年全市完成投资');
  });

  it('paragraphs reordered and a section moved: highlights go with their paragraph; one across a broken join is lost', () => {
    const doc = docOf(ZH);
    const ps = paragraphs(doc);
    // Move paragraphs 3–4 (二、重点任务 and the quotation) before paragraph 1.
    const order = [0, 3, 4, 1, 2, 5, 6];
    const moved = reassemble(
      doc,
      order.map((i) => ({ a: ps[i]![0], b: ps[i]![1] })),
    );
    expect(textOf(moved).split('\n')).toEqual(order.map((i) => ZH.split('\n')[i]));
    const q = at(ZH, '十四五规划');
    const r = follow(ZH, moved, ...q);
    expect(r.span).toBe('十四五规划');
    expect(r.truth.span![0]).toBeLessThan(q[0]);
    // 二、重点任务 and the quotation stayed neighbours: their '\n' is the old one.
    const where = whereOf(moved, ZH);
    expect(where.pos[ps[3]![1]]).toBeGreaterThanOrEqual(0);
    // A highlight from the end of paragraph 2 into 二、重点任务 is broken apart.
    const across = follow(ZH, moved, at(ZH, '知信行统一。')[0], at(ZH, '二、重点任务')[1]);
    expect(across.truth.survives).toBe(false);
  });

  it('whitespace noise: 10 年, NBSP for a space and an indent do not break a highlight', () => {
    const text = 'Growth was 10年 in the region.\nThe plan covers three years.';
    const [s, e] = at(text, '10年');
    const spaced = follow(text, insertAt(docOf(text), s + 2, ' '), s, e);
    expect(spaced.truth.survives).toBe(true);
    expect(spaced.span).toBe('10 年');
    const [p, q] = at(text, 'covers three years');
    const nb = follow(text, replaceAt(docOf(text), p + 6, p + 7, '\u00a0'), p, q);
    expect(nb.truth.survives).toBe(true);
    expect(whereOf(replaceAt(docOf(text), p + 6, p + 7, '\u00a0'), text).mod[p + 6]).toBe(0);
    const indented = follow(text, insertAt(docOf(text), text.indexOf('\n') + 1, '\u3000\u3000'), p, q);
    expect(indented.truth.span).toEqual([p + 2, q + 2]);
  });

  it('blanks do not break a run: a sentence and an indent put at a break inside a long highlight', () => {
    const from = at(ZH, '会议指出，要坚持')[0];
    const to = at(ZH, '会议强调，各级党组织要把学习贯彻工作抓紧抓实，做到学思用贯通、知信行统一。')[1];
    const nl = ZH.indexOf('\n', from);
    // A 94-character highlight allows gaps of 23: 23 new characters plus a two-blank indent.
    expect(to - from).toBe(94);
    const doc = insertAt(docOf(ZH), nl + 1, '\u3000\u3000此外复审、复核期间，均不停止原处理决定的执行。');
    const r = follow(ZH, doc, from, to);
    expect(r.truth.survives).toBe(true);
    expect(r.span).toContain('复核期间');
  });

  it('a boilerplate line and an editor note at the top move everything by their length', () => {
    const note = '编者按：本文有删节。\n';
    const doc = insertAt(deleteRange(docOf(ZH), ZH.lastIndexOf('\n'), ZH.length), 0, note);
    const [s, e] = at(ZH, '二、重点任务');
    expect(follow(ZH, doc, s, e).truth.span).toEqual([s + note.length, e + note.length]);
    const gone = follow(ZH, doc, ...at(ZH, '责任编辑：王晓'));
    expect(gone.truth.survives).toBe(false);
  });

  it('a duplicated paragraph: the copy is new text, the original is the truth', () => {
    const doc = docOf(ZH);
    const ps = paragraphs(doc);
    const parts: Part[] = ps.map((r) => ({ a: r[0], b: r[1] }));
    parts.splice(5, 0, { a: ps[1]![0], b: ps[1]![1], copy: true });
    const dup = reassemble(doc, parts);
    const text = textOf(dup);
    const [s, e] = at(ZH, '完整准确全面贯彻新发展理念');
    const r = follow(ZH, dup, s, e);
    expect(r.truth.span).toEqual([s, e]);
    const copy = at(text, '完整准确全面贯彻新发展理念', e);
    expect(onCopy(dup, copy, s, e)).toBe(true);
    expect(judge(r.truth, copy)).toBe('wrong');
    // The copy's surroundings differ from the stored ones, the original's do not: not ambiguous.
    const sel = { exact: ZH.slice(s, e), prefix: ZH.slice(s - 32, s), suffix: ZH.slice(e, e + 32), start: s };
    expect(ambiguous(text, r.truth, copy, sel)).toBe(false);
  });

  it('ambiguous: a copy with the stored context at the stored position, the original moved away', () => {
    const text = 'aaaa XY bbbb\ncccc XY dddd';
    const truth = truthOf(whereOf(docOf(text), text), 18, 20);
    const sel = { exact: 'XY', prefix: 'aaaa ', suffix: ' bbbb', start: 5 };
    // Context and position both point at the first: placing there is ambiguous, not wrong.
    expect(ambiguous(text, truth, [5, 7], sel)).toBe(true);
    // The context points at the truth: wrong.
    expect(ambiguous(text, truth, [5, 7], { ...sel, prefix: 'cccc ', suffix: ' dddd' })).toBe(false);
    // The context points at the copy but the stored position at the truth: wrong as well.
    expect(ambiguous(text, truth, [5, 7], { ...sel, start: 18 })).toBe(false);
  });
});

describe('judging a placement', () => {
  const text = '0123456789abcdefghijklmnopqrst';
  const truth = truthOf(whereOf(docOf(text), text), 5, 15);

  it('right when it overlaps the true span by half of both lengths', () => {
    expect(judge(truth, [5, 15])).toBe('right');
    expect(judge(truth, [8, 15])).toBe('right');
    expect(judge(truth, [5, 9])).toBe('wrong');
    // Exactly half of the placement on the span still counts; less does not.
    expect(judge(truth, [0, 20])).toBe('right');
    expect(judge(truth, [0, 21])).toBe('wrong');
    expect(judge(truth, null)).toBe('miss');
  });
});

/** Own hand-made paragraphs (no corpus text): enough sentences, numbers and quotes for every edit. */
const SAMPLE = Array.from(
  { length: 12 },
  (_, k) =>
    `第${k + 1}部分，会议指出，要坚持${k % 2 ? '稳中求进' : '改革创新'}，全年完成投资${2010 + k}亿元。他说：“要把三项任务落到实处……”各地要加强领导(试点)，确保落地见效。`,
).join('\n');

describe('every revision kind keeps the tracking honest', () => {
  const pool = ['新的一句话在这里出现。', '有关部门正在研究具体的实施办法。', '与会同志围绕主题进行了深入交流。'];
  const hls: Range[] = sentences(SAMPLE).filter((_, i) => i % 3 === 0);

  for (const kind of KINDS) {
    it(`${kind}: kept characters read as before, in order where the kind keeps order, and something changes`, () => {
      let changed = 0;
      for (let seed = 1; seed <= 12; seed++) {
        const hot = (doc: Doc): Range[] => {
          const where = whereOf(doc, SAMPLE);
          return hls.map(([s, e]): Range => [where.pos[s]!, where.pos[e - 1]! + 1]).filter((r) => r[0] >= 0 && r[1] > r[0]);
        };
        const doc = editOf(kind)(docOf(SAMPLE), { rng: rngOf(seed), hot, pool, lang: 'zh' });
        if (textOf(doc) !== SAMPLE) changed++;
        const seen = new Set<number>();
        const bad: string[] = [];
        for (const t of doc) {
          if (t.c.length !== 1) bad.push(`token ${JSON.stringify(t.c)}`);
          if (t.s < 0) continue;
          if (seen.has(t.s)) bad.push(`offset ${t.s} twice`);
          seen.add(t.s);
          if (t.m === 0 && t.c !== SAMPLE[t.s]) bad.push(`offset ${t.s} reads ${t.c}, was ${SAMPLE[t.s]}`);
        }
        expect(bad).toEqual([]);
        if (!['para-reorder', 'section-move', 'para-duplicate', 'mixed'].includes(kind)) {
          const order = doc.filter((t) => t.s >= 0).map((t) => t.s);
          expect(order).toEqual([...order].sort((a, b) => a - b));
        }
      }
      expect(changed).toBeGreaterThan(0);
    });
  }

  it('has one function per listed kind', () => {
    expect(KINDS.length).toBe(Object.keys(EDITS).length + 1);
  });
});
