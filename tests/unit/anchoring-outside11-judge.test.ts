// The eleventh outside anchoring bench's judge (tests/bench/anchoring-outside11-judge.ts) and its
// revisions on hand-made text of our own: origins and every verdict are worked out by hand here.
import { describe, expect, it } from 'vitest';
import { KINDS, makeHighlights, revise, sentences, paragraphs } from '../bench/anchoring-outside11';
import { Builder, judge, positions, splice, track, truthOf, type Tracked } from '../bench/anchoring-outside11-judge';
import { mulberry32 } from '../bench/seeded';

const OLD =
  '山村小学见闻\n' +
  '清晨的山路上，学生们背着书包走向学校。老师早已在校门口等候，他在这里教书已经二十年了。\n' +
  '学校去年新建了图书室，藏书3000册，孩子们在课间总爱来这里看书。校长说：“我们在做的事情，就是让孩子们看到更远的地方。”\n' +
  '放学后，学生们背着书包走下山路，夕阳把他们的影子拉得很长。\n' +
  '采写：本报记者';
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
  it('keeps each unit’s origin through splices and retypes, and refuses a unit kept twice', () => {
    const rev = splice(track('甲乙丙丁戊'), [
      { start: 1, end: 2, insert: '' },
      { start: 3, end: 3, insert: '新' },
      { start: 4, end: 5, insert: '己', retype: true },
    ]);
    expect(rev.text).toBe('甲丙新丁己');
    expect([...rev.origin]).toEqual([0, 2, -1, 3, 4]);
    expect([...rev.changed]).toEqual([0, 0, 0, 0, 1]);
    expect(() => new Builder(track('甲乙')).keep(0, 2).keep(1, 2).done()).toThrow(/kept twice/);
    expect(() => splice(track('甲乙'), [{ start: 0, end: 1, insert: '丙丁', retype: true }])).toThrow(/length/);
    // retyped as the same unit is no change
    expect([...splice(track('甲乙'), [{ start: 0, end: 1, insert: '甲', retype: true }]).changed]).toEqual([0, 0]);
  });
});

describe('truth', () => {
  it('a stage note written inside a passage belongs to its true span', () => {
    const e = at(OLD, '等候，').end;
    const rev = splice(track(OLD), [{ start: e, end: e, insert: '（掌声）' }]);
    const { truth: t } = truth(rev, '老师早已在校门口等候，他在这里教书');
    expect(t.state).toBe('surviving');
    expect(rev.text.slice(t.start, t.end)).toBe('老师早已在校门口等候，（掌声）他在这里教书');
  });
  it('one IME slip leaves a sentence there; a slip in a short term makes it other words', () => {
    const z = at(OLD, '在这里').start;
    const rev = splice(track(OLD), [{ start: z, end: z + 1, insert: '再', retype: true }]);
    const { h, truth: t } = truth(rev, '老师早已在校门口等候，他在这里教书已经二十年了。');
    expect(t.state).toBe('surviving');
    expect(judge(rev, t, h.start, h.end, { start: t.start, end: t.end })).toBe('right');
    expect(truth(rev, '他在这里').truth.state).toBe('lost'); // 4 units: ⌊4/8⌋ = 0 slips allowed
  });
  it('lost when a unit goes, parted when too much comes between', () => {
    const cut = splice(track(OLD), [{ ...at(OLD, '藏书3000册，'), insert: '' }]);
    expect(truth(cut, '图书室，藏书3000册').truth.state).toBe('lost');
    // 8 content units: at most max(4, 2) = 4 others between
    const e = at(OLD, '图书室').end;
    expect(truth(splice(track(OLD), [{ start: e, end: e, insert: '（笑）' }]), '新建了图书室，藏书').truth.state).toBe('surviving');
    expect(truth(splice(track(OLD), [{ start: e, end: e, insert: '（热烈掌声）' }]), '新建了图书室，藏书').truth.state).toBe('parted');
  });
});

describe('verdicts', () => {
  const head = '【关键词】学生们背着书包\n';
  const rev = splice(track(OLD), [{ start: at(OLD, '清晨').start, end: at(OLD, '清晨').start, insert: head }]);
  const shift = head.length;
  it('right on its own units, wrong on the other occurrence or on a written copy, partial, miss', () => {
    const { h, truth: t } = truth(rev, '学生们背着书包');
    expect(t.state).toBe('surviving');
    expect(judge(rev, t, h.start, h.end, { start: h.start + shift, end: h.end + shift })).toBe('right');
    const other = at(OLD, '学生们背着书包', h.end); // 放学后，学生们背着书包…: the same words, not the reader's
    expect(judge(rev, t, h.start, h.end, { start: other.start + shift, end: other.end + shift })).toBe('wrong');
    expect(judge(rev, t, h.start, h.end, at(rev.text, '学生们背着书包'))).toBe('wrong'); // the 关键词 line's copy
    expect(judge(rev, t, h.start, h.end, { start: h.start + shift, end: h.start + shift + 3 })).toBe('partial');
    expect(judge(rev, t, h.start, h.end, null)).toBe('miss');
  });
  it('right tolerates a unit or two around, not a whole clause', () => {
    const { h, truth: t } = truth(rev, '学生们背着书包');
    expect(judge(rev, t, h.start, h.end, { start: h.start + shift - 1, end: h.end + shift + 1 })).toBe('right');
    expect(judge(rev, t, h.start, h.end, { start: h.start + shift, end: h.end + shift + 6 })).toBe('partial');
  });
  it('a lost passage: orphan fine, on its remains tolerated, elsewhere (a copy too) wrong', () => {
    const cut = splice(track(OLD), [
      { start: 0, end: 0, insert: '图书室，藏书3000册\n' },
      { ...at(OLD, '3000'), insert: '5000' },
    ]);
    const { h, truth: t } = truth(cut, '图书室，藏书3000册');
    expect(t.state).toBe('lost');
    expect(judge(cut, t, h.start, h.end, null)).toBe('orphan_ok');
    expect(judge(cut, t, h.start, h.end, at(cut.text, '图书室，藏书5000册'))).toBe('on_remains');
    expect(judge(cut, t, h.start, h.end, at(cut.text, '图书室，藏书3000册'))).toBe('wrong_lost');
  });
});

describe('the bench’s texts, highlights and revisions', () => {
  it('splits paragraphs and sentences with a closing mark kept on its sentence', () => {
    const ps = paragraphs(OLD);
    expect(ps.length).toBe(5);
    const ss = sentences(OLD, ps[2]!).map((s) => OLD.slice(s.start, s.end));
    expect(ss).toEqual([
      '学校去年新建了图书室，藏书3000册，孩子们在课间总爱来这里看书。',
      '校长说：“我们在做的事情，就是让孩子们看到更远的地方。”',
    ]);
  });
  it('highlights are inside the text, never white space at an end, first and last once each', () => {
    const hs = makeHighlights(OLD, 40, mulberry32(4));
    expect(hs.length).toBeGreaterThan(20);
    for (const h of hs) {
      expect(h.end).toBeGreaterThan(h.start);
      expect(OLD[h.start]).not.toMatch(/\s/);
      expect(OLD[h.end - 1]).not.toMatch(/\s/);
    }
    expect(hs.filter((h) => h.type === 'first').length).toBe(1);
    expect(hs.filter((h) => h.type === 'last').length).toBe(1);
  });
  it('every kept unit reads as the old unit it came from (or is flagged retyped), in every kind and in mixes', () => {
    for (const kind of [...KINDS, 'mixed' as const]) {
      for (let seed = 1; seed <= 8; seed++) {
        const rev = revise(kind, track(OLD), mulberry32(seed));
        rev.origin.forEach((o, i) => {
          if (o >= 0 && !rev.changed[i]) expect(rev.text[i]).toBe(OLD[o]);
        });
      }
    }
  });
  it('stage_notes only writes bracketed notes: without them the old text is back', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const rev = revise('stage_notes', track(OLD), mulberry32(seed));
      expect(rev.text.replace(/[（〔[][^（）〔〕[\]]*[）〕\]]/g, (m) => (OLD.includes(m) ? m : ''))).toBe(OLD);
    }
  });
  it('homophone only retypes units as their sound-alikes, and keeps the length', () => {
    const rev = revise('homophone', track(OLD.repeat(5)), mulberry32(2));
    expect(rev.text.length).toBe(OLD.length * 5);
    expect(rev.changed.some((c) => c === 1)).toBe(true);
    rev.changed.forEach((c, i) => {
      if (c)
        expect(`${OLD.repeat(5)[rev.origin[i]!]}${rev.text[i]}`).toMatch(
          /^(在再|再在|做作|作做|已以|以已|即既|他她|那哪|进近|象像|的得|地的)$/,
        );
    });
  });
  it('keywords, comments and toc write copies of old words as new units, beside the untouched text', () => {
    for (const kind of ['keywords', 'comments', 'toc'] as const) {
      const rev = revise(kind, track(OLD), mulberry32(3));
      const kept = rev.origin.filter((o) => o >= 0);
      expect(kept.length).toBe(OLD.length); // nothing of the old text lost
      expect(rev.text.length).toBeGreaterThan(OLD.length);
    }
    const toc = revise('toc', track(OLD), mulberry32(3));
    expect(toc.text).toContain('目录');
    expect(toc.text).toMatch(/返回目录/);
  });
  it('masthead puts a 电头 before the lead and replaces a short credit line at the end', () => {
    const rev = revise('masthead', track(OLD), mulberry32(1));
    expect(rev.text).toMatch(/(新华社|本报)\S+?[电讯]（记者[^）]*）清晨的山路上/);
    expect(rev.text.endsWith('（本报记者 某某 编辑 某某）')).toBe(true);
    expect(rev.text).not.toContain('采写：');
  });
});
