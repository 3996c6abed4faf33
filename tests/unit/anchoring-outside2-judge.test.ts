// The second outside anchoring bench's judge and position map, on small hand-made edits.
import { describe, expect, it } from 'vitest';
import {
  Builder,
  KINDS,
  applyOps,
  identity,
  inverse,
  judge,
  rngFor,
  validate,
  type Doc,
  type Span,
} from '../bench/anchoring-outside2-judge';
import { classify } from '../bench/anchoring-outside2';

const TEXT =
  '一、总体要求\n国家统计局局长表示，2023年GDP增长5.2%，经济回升向好。他说：“我们有信心完成全年目标。”\n发展是第一要务。记者王磊说，这是关键一年。';

function at(needle: string, from = 0): Span {
  const s = TEXT.indexOf(needle, from);
  if (s < 0) throw new Error(`no ${needle}`);
  return { start: s, end: s + needle.length };
}

function verdict(doc: Doc, h: Span, placed: Span | null) {
  return judge(doc, inverse(doc, TEXT.length), h.start, h.end, placed);
}

function find(doc: Doc, needle: string, from = 0): Span {
  const s = doc.text.indexOf(needle, from);
  if (s < 0) throw new Error(`no ${needle} in edited text`);
  return { start: s, end: s + needle.length };
}

describe('judge', () => {
  it('an untouched text: the same span is right, none is a miss, another place is wrong', () => {
    const doc = identity(TEXT);
    const h = at('经济回升向好');
    expect(verdict(doc, h, h).verdict).toBe('right');
    expect(verdict(doc, h, null).verdict).toBe('miss');
    expect(verdict(doc, h, at('我们有信心')).verdict).toBe('wrong');
  });

  it('a placement twice as long as the passage, or half of it off, is wrong', () => {
    const doc = identity(TEXT);
    const h = at('经济回升向好');
    expect(verdict(doc, h, { start: h.start - 4, end: h.end + 4 }).verdict).toBe('wrong');
    expect(verdict(doc, h, { start: h.start + 2, end: h.end + 1 }).verdict).toBe('right');
    expect(verdict(doc, h, { start: h.start + 4, end: h.end + 6 }).verdict).toBe('wrong');
  });

  it('captions / boilerplate / merge: text inserted before moves the truth', () => {
    const doc = applyOps(identity(TEXT), [{ from: at('发展是').start, to: at('发展是').start, text: '图为会议现场。\n' }]);
    const h = at('这是关键一年');
    const truth = find(doc, '这是关键一年');
    const j = verdict(doc, h, truth);
    expect(j).toMatchObject({ verdict: 'right', surviving: true, truth });
    expect(verdict(doc, h, h).verdict).toBe('wrong');
  });

  it('footnotes: a marker inside a long passage keeps it; inside a term it is lost, and only its remains may hold it', () => {
    const long = at('我们有信心完成全年目标');
    const term = at('信心');
    const doc = applyOps(identity(TEXT), [{ from: term.start + 1, to: term.start + 1, text: '[1]' }]);
    const j = verdict(doc, long, find(doc, '我们有信[1]心完成全年目标'));
    expect(j.surviving).toBe(true);
    expect(j.verdict).toBe('right');
    const t = verdict(doc, term, null);
    expect(t).toMatchObject({ surviving: false, verdict: 'lost' });
    expect(verdict(doc, term, find(doc, '信[1]心')).verdict).toBe('lost-on-remains');
    expect(verdict(doc, term, find(doc, '发展')).verdict).toBe('wrong');
  });

  it('variants: one changed character keeps a sentence, not a two-character term', () => {
    const k = at('经济').start;
    const doc = applyOps(identity(TEXT), [{ from: k, to: k + 2, text: '經濟', sub: 'form' }]);
    expect(doc.text).toContain('經濟回升向好');
    const sentence = at('2023年GDP增长5.2%，经济回升向好');
    expect(verdict(doc, sentence, find(doc, '2023年GDP增长5.2%，經濟回升向好')).verdict).toBe('right');
    const term = at('经济');
    expect(verdict(doc, term, find(doc, '經濟')).verdict).toBe('lost-on-remains');
    expect(verdict(doc, term, null).verdict).toBe('lost');
  });

  it('width: full-width letters are the same characters in another form', () => {
    const g = at('GDP');
    const doc = applyOps(identity(TEXT), [{ from: g.start, to: g.end, text: 'ＧＤＰ', sub: 'form' }]);
    validate(doc, TEXT.length);
    expect(verdict(doc, g, find(doc, 'ＧＤＰ')).verdict).toBe('lost-on-remains');
    const clause = at('2023年GDP增长5.2%');
    // Units changed only in form count as kept in a long passage.
    expect(verdict(doc, clause, find(doc, '2023年ＧＤＰ增长5.2%'))).toMatchObject({ surviving: true, verdict: 'right' });
    expect(verdict(doc, clause, null).verdict).toBe('miss');
  });

  it('content changes: three other characters in a twelve-unit passage lose it', () => {
    const clause = at('2023年GDP增长5.2%');
    const doc = applyOps(identity(TEXT), [{ from: clause.start + 5, to: clause.start + 8, text: 'CPI', sub: 'content' }]);
    expect(verdict(doc, clause, find(doc, '2023年CPI增长5.2%'))).toMatchObject({ surviving: false, verdict: 'lost-on-remains' });
  });

  it('near copy: the highlighted paragraph deleted, the look-alike elsewhere is another passage', () => {
    const p = at('发展是第一要务。记者王磊说，这是关键一年。');
    const doc = applyOps(identity(TEXT), [{ from: p.start - 1, to: p.end, text: '' }]);
    const h = at('发展是第一要务');
    expect(verdict(doc, h, null)).toMatchObject({ verdict: 'lost', truth: null });
    expect(verdict(doc, h, { start: 0, end: 5 }).verdict).toBe('wrong');
  });

  it('correction: the quoted old phrase is inserted text, the corrected original is the passage', () => {
    const h = at('经济回升向好');
    const k = h.start + 2;
    const doc = applyOps(identity(TEXT), [
      { from: k, to: k + 1, text: '上', sub: 'content' },
      { from: TEXT.length, to: TEXT.length, text: '\n更正：“经济回升向好”应为“经济上升向好”。' },
    ]);
    expect(verdict(doc, h, find(doc, '经济回升向好')).verdict).toBe('wrong');
    expect(verdict(doc, h, find(doc, '经济上升向好')).verdict).toBe('right');
  });

  it('lead rewrite: clauses moved keep their origin; a passage across the moved boundary is lost', () => {
    const a = at('国家统计局局长表示，');
    const b = at('2023年GDP增长5.2%，');
    const doc = new Builder(identity(TEXT)).keep(0, a.start).keep(b.start, b.end).keep(a.start, a.end).keep(b.end, TEXT.length).done();
    validate(doc, TEXT.length);
    expect(verdict(doc, at('国家统计局局长表示'), find(doc, '国家统计局局长表示')).verdict).toBe('right');
    const across = at('局长表示，2023年GDP');
    expect(verdict(doc, across, null)).toMatchObject({ surviving: false, verdict: 'lost' });
  });

  it('hard wrap and unwrap: a line break inside or removed between paragraphs keeps a passage', () => {
    const h = at('我们有信心完成全年目标');
    const wrapped = applyOps(identity(TEXT), [{ from: h.start + 5, to: h.start + 5, text: '\n' }]);
    expect(verdict(wrapped, h, find(wrapped, '我们有信心\n完成全年目标')).verdict).toBe('right');
    const cross = at('目标。”\n发展是');
    const nl = TEXT.indexOf('\n', cross.start);
    const unwrapped = applyOps(identity(TEXT), [{ from: nl, to: nl + 1, text: '' }]);
    expect(verdict(unwrapped, cross, find(unwrapped, '目标。”发展是')).verdict).toBe('right');
  });

  it('truncate: a passage in the cut half may not be placed anywhere', () => {
    const cut = TEXT.indexOf('\n发展是');
    const doc = applyOps(identity(TEXT), [{ from: cut, to: TEXT.length, text: '\n（未完待续）' }]);
    const h = at('这是关键一年');
    expect(verdict(doc, h, null).verdict).toBe('lost');
    expect(verdict(doc, h, find(doc, '未完待续')).verdict).toBe('wrong');
  });

  it('noise: an entity replacing a quote mark costs one unit; a zero-width unit in a term loses it', () => {
    const q = at('“我们有信心完成全年目标。”');
    const doc = applyOps(identity(TEXT), [
      { from: q.start, to: q.start + 1, text: '&ldquo;' },
      { from: at('王磊').start + 1, to: at('王磊').start + 1, text: '\u200b' },
    ]);
    // Its first unit is gone: not surviving; a placement on the rest is on its remains.
    expect(verdict(doc, q, find(doc, '我们有信心完成全年目标。”')).verdict).toBe('lost-on-remains');
    expect(verdict(doc, at('王磊'), find(doc, '王\u200b磊')).verdict).toBe('lost-on-remains');
    expect(verdict(doc, at('我们有信心完成全年目标'), find(doc, '我们有信心完成全年目标')).verdict).toBe('right');
  });

  it('repeat edited in one place: the untouched copy is wrong for the edited one', () => {
    const text = 'AAA。发展是第一要务，必须坚持。BBB。发展是第一要务，必须坚持。CCC。';
    const second = text.lastIndexOf('发展是第一要务，必须坚持');
    const doc = applyOps(identity(text), [{ from: second + 3, to: second + 4, text: '首', sub: 'content' }]);
    const pos = inverse(doc, text.length);
    const h = { start: second, end: second + 12 };
    const first = { start: text.indexOf('发展'), end: text.indexOf('发展') + 12 };
    expect(judge(doc, pos, h.start, h.end, first).verdict).toBe('wrong');
    expect(judge(doc, pos, h.start, h.end, { start: second, end: second + 12 }).verdict).toBe('right');
  });

  it('a page pasted above a copy of itself: the pasted copy, read the same and no farther, is undecidable; a far copy is wrong', () => {
    // The whole text inserted (new words) before itself, with a rule between: every passage now
    // has a twin that reads the same around it, at its old offset.
    const doc = applyOps(identity(TEXT), [{ from: 0, to: 0, text: TEXT + '\n——\n' }]);
    const pos = inverse(doc, TEXT.length);
    const h = at('经济回升向好');
    const pasted = find(doc, '经济回升向好');
    const original = find(doc, '经济回升向好', pasted.end);
    expect(judge(doc, pos, h.start, h.end, original).verdict).toBe('right');
    expect(judge(doc, pos, h.start, h.end, pasted).verdict).toBe('undecidable');
    // Pasted below instead: the copy lies farther from the old place than the original, so wrong.
    const below = applyOps(identity(TEXT), [{ from: TEXT.length, to: TEXT.length, text: '\n——\n' + TEXT }]);
    const far = find(below, '经济回升向好', h.end);
    expect(judge(below, inverse(below, TEXT.length), h.start, h.end, far).verdict).toBe('wrong');
  });

  it('the builder refuses to copy one original unit twice', () => {
    const doc = new Builder(identity(TEXT)).keep(0, 5).keep(3, 8).done();
    expect(() => validate(doc, TEXT.length)).toThrow(/twice/);
  });
});

describe('revision kinds', () => {
  const english = Array.from(
    { length: 10 },
    (_, i) =>
      `Part ${i + 1}. The minister said the GDP grew 5.2 percent in 2023. “Growth is our first task,” she told reporters. Officials added that it was a key year.`,
  ).join('\n');
  for (const kind of KINDS) {
    it(`${kind.name} on English text keeps a valid position map`, () => {
      const rng = rngFor(5, kind.name);
      const prep = kind.prepare?.(english, rng, 'en') ?? null;
      const original = prep ? prep.text : english;
      const doc = kind.edit(identity(original), rng, {
        lang: 'en',
        other: 'Another story.\nIts second paragraph.',
        highlights: [{ start: 12, end: 40 }],
        ...(prep ? { prep: prep.info } : {}),
      });
      validate(doc, original.length);
      for (let i = 0; i < doc.text.length; i++) {
        const s = doc.src[i]!;
        if (s >= 0 && !doc.changed[i]) expect(doc.text[i]).toBe(original[s]);
      }
    });
  }

  const long = Array.from(
    { length: 12 },
    (_, i) =>
      `第${i + 1}段：国家发展改革委表示，2023年GDP增长5.2%，经济回升向好。${i % 3 === 0 ? '“发展是第一要务。”' : '记者王磊说，这是关键一年。'}`,
  ).join('\n');
  for (const kind of KINDS) {
    it(`${kind.name} keeps a valid position map and changes the text`, () => {
      const rng = rngFor(3, kind.name);
      const prep = kind.prepare?.(long, rng, 'zh') ?? null;
      const original = prep ? prep.text : long;
      const doc = kind.edit(identity(original), rng, {
        lang: 'zh',
        other: '另一篇文章的第一段。\n第二段。',
        highlights: [{ start: 10, end: 30 }],
        ...(prep ? { prep: prep.info } : {}),
      });
      validate(doc, original.length);
      expect(doc.text).not.toBe(original);
      // Every kept unit is the original unit unless marked changed.
      for (let i = 0; i < doc.text.length; i++) {
        const s = doc.src[i]!;
        if (s >= 0 && !doc.changed[i]) expect(doc.text[i]).toBe(original[s]);
      }
    });
  }
});

describe('failure classes', () => {
  const text = '甲说：发展是第一要务。乙说：发展是第一要务。丙说：发展是第一要务！';
  const sel = { exact: '发展是第一要务', prefix: '说：', suffix: '。' };
  it('tells a twin with the same context from one with other context and from a look-alike', () => {
    expect(classify(text, sel, false, null, { start: 14, end: 21 })).toBe('wrong/identical-copy-and-context');
    expect(classify(text, sel, false, null, { start: 25, end: 32 })).toBe('wrong/identical-copy');
    expect(classify(text, sel, false, null, { start: 24, end: 31 })).toBe('wrong/look-alike');
    expect(classify(text, sel, true, { start: 3, end: 10 }, { start: 14, end: 21 })).toBe('wrong/other-copy');
  });
  it('sorts misses by whether the words stand unchanged, once or more', () => {
    expect(classify(text, sel, true, { start: 3, end: 10 }, null)).toBe('miss/unchanged-repeated');
    expect(classify(text, { ...sel, exact: '甲说' }, true, { start: 0, end: 2 }, null)).toBe('miss/unchanged-unique');
    expect(classify(text, { ...sel, exact: '甲讲' }, true, { start: 0, end: 2 }, null)).toBe('miss/edited-inside');
  });
});
