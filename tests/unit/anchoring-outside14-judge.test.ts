// The fourteenth outside anchoring bench's judge (tests/bench/anchoring-outside14-judge.ts, on the
// eleventh's tracked-character model through the twelfth and thirteenth) and its revisions, on a
// made-up article of our own: every origin and verdict below is worked out by hand.
import { describe, expect, it } from 'vitest';
import { abridge, KINDS, makeHighlights, mixedKinds, paragraphs, revise, sentences, type Context } from '../bench/anchoring-outside14';
import {
  around,
  Books,
  judgeOne,
  positions,
  restyled,
  sameMark,
  splice,
  track,
  type Span,
  type Tracked,
} from '../bench/anchoring-outside14-judge';
import { mulberry32 } from '../bench/seeded';

const OLD =
  '乡村书屋开进村\n' +
  '今年以来，平安县在12个村建起书屋，著名作家也来捐书。站长说：“书屋要办成大家的‘加油站’。”\n' +
  '书屋的信息通过网络发布，借阅数据每月公开（由村委会负责）。据了解，借阅量比去年增加三成。\n' +
  '下一步——按照县里的安排——书屋将覆盖全部村组，环保局也将派人讲解垃圾分类。';
const NONE: Context = { oldLength: OLD.length, pieces: [] };
const at = (text: string, words: string, from = 0): Span => {
  const i = text.indexOf(words, from);
  if (i < 0) throw new Error(`not found: ${words}`);
  return { start: i, end: i + words.length };
};
const judged = (rev: Tracked, h: Span, placed: Span | null) => judgeOne(OLD, rev, positions(rev, OLD.length), h, placed);
/** Every mark of old[s, e) retyped as `map` gives it. */
const retypeMarks = (t: Tracked, s: Span, map: Record<string, string>) =>
  splice(
    t,
    [...OLD.slice(s.start, s.end)].flatMap((ch, i) =>
      map[ch] ? [{ start: s.start + i, end: s.start + i + 1, insert: map[ch]!, retype: true }] : [],
    ),
  );

describe('restyled marks: another form of the same mark is the same unit', () => {
  const VERT: Record<string, string> = { '：': '︓', '“': '﹁', '‘': '﹃', '’': '﹄', '。': '︒', '”': '﹂', '，': '︐' };
  const said = at(OLD, '站长说：“书屋要办成大家的‘加油站’。”');

  it('a sentence whose marks came back in vertical forms survives and is right on its place', () => {
    const raw = retypeMarks(track(OLD), said, VERT);
    // 6 marks of 20 content units retyped: more than ⌊20/8⌋ = 2, so without the rule it is lost
    expect(judged(raw, said, null).truth.state).toBe('lost');
    const rev = restyled(OLD, raw);
    const there = at(rev.text, '站长说︓﹁书屋要办成大家的﹃加油站﹄︒﹂');
    expect(judged(rev, said, there).verdict).toBe('right');
    expect(judged(rev, said, null).verdict).toBe('miss');
  });

  it('a quote put one level down (“ → ‘) is retyped, not restyled: a short quote with its marks is lost', () => {
    const q = at(OLD, '“书屋要办成大家的‘加油站’。”');
    const rev = restyled(OLD, retypeMarks(track(OLD), q, { '“': '‘', '”': '’', '‘': '“', '’': '”' }));
    expect(rev.text).toContain('‘书屋要办成大家的“加油站”。’');
    // 16 content units, 4 retyped > ⌊16/8⌋ = 2
    expect(judged(rev, q, null).truth.state).toBe('lost');
    // the words inside, no mark among them, stand
    const words = at(OLD, '书屋要办成大家');
    expect(judged(rev, words, at(rev.text, '书屋要办成大家')).verdict).toBe('right');
  });

  it('sameMark knows the groups and nothing else', () => {
    expect(sameMark('—', '―')).toBe(true);
    expect(sameMark('“', '"')).toBe(true);
    expect(sameMark('”', '"')).toBe(true);
    expect(sameMark('“', '‘')).toBe(false);
    expect(sameMark('。', '.')).toBe(false);
    expect(sameMark('书', '书')).toBe(true);
  });
});

describe('verdicts on the kinds’ edits', () => {
  it('a word the round trip rewrote is gone from a short highlight: orphan fine, remains tolerated, elsewhere wrong', () => {
    const rev = restyled(OLD, revise('roundtrip', track(OLD), mulberry32(1), NONE));
    expect(rev.text).toContain('书屋的资讯通过网路发布');
    expect(rev.text).toContain('着名作家');
    const h = at(OLD, '通过网络发布');
    expect(judged(rev, h, null).verdict).toBe('orphan_ok');
    expect(judged(rev, h, at(rev.text, '通过网路发布')).verdict).toBe('on_remains');
    expect(judged(rev, h, at(rev.text, '借阅资料')).verdict).toBe('wrong_lost');
    // an untouched passage placed on other words is WRONG (on a twin: old words), right on its own
    const stay = at(OLD, '借阅量比去年增加三成');
    expect(judged(rev, stay, at(rev.text, '借阅资料每月公开')).verdict).toBe('wrong');
    expect(judged(rev, stay, at(rev.text, '借阅资料每月公开')).source).toBe('twin');
    expect(judged(rev, stay, at(rev.text, '借阅量比去年增加三成')).verdict).toBe('right');
  });

  it('a 注释 quoting a term is written text: the term placed on it is wrong (copy)', () => {
    const rev = splice(track(OLD), [
      { start: at(OLD, '捐书').end, end: at(OLD, '捐书').end, insert: '[1]' },
      { start: OLD.length, end: OLD.length, insert: '\n注释：\n[1]捐书：指本文所述的有关情况。' },
    ]);
    const term = at(OLD, '捐书');
    const copy = at(rev.text, '捐书', at(rev.text, '注释').start);
    const j = judged(rev, term, copy);
    expect(j.verdict).toBe('wrong');
    expect(j.source).toBe('copy');
    // the marker after it is not inside the term's true span; the sentence with it survives
    const sentence = at(OLD, '今年以来，平安县在12个村建起书屋，著名作家也来捐书。');
    expect(judged(rev, sentence, at(rev.text, '今年以来，平安县在12个村建起书屋，著名作家也来捐书[1]。')).verdict).toBe('right');
  });

  it('（…） restyled as ——…——: the brackets are retyped, so the aside with its marks is lost, its words right', () => {
    let seed = 1;
    while (!revise('asides', track(OLD), mulberry32(seed), NONE).text.includes('——由村委会负责——') && seed < 20) seed++;
    const rev = restyled(OLD, revise('asides', track(OLD), mulberry32(seed), NONE));
    expect(rev.text).toContain('借阅数据每月公开——由村委会负责——。');
    const aside = at(OLD, '（由村委会负责）');
    expect(judged(rev, aside, null).truth.state).toBe('lost');
    const words = at(OLD, '由村委会负责');
    expect(judged(rev, words, at(rev.text, '由村委会负责')).verdict).toBe('right');
  });
});

describe('the books', () => {
  it('recall is right over surviving, wrong counts surviving and lost ones placed elsewhere, per name', () => {
    const rev = restyled(OLD, revise('roundtrip', track(OLD), mulberry32(1), NONE));
    const books = new Books();
    const add = (type: string, h: Span, placed: Span | null) =>
      books.add(['all', 'kind:roundtrip', `type:${type}`], judged(rev, h, placed));
    const tail = at(OLD, '书屋将覆盖全部村组');
    add('clause', tail, at(rev.text, '书屋将复盖全部村组')); // 1 of 9 retyped, not more than ⌊9/8⌋ = 1: surviving, right
    add('clause', at(OLD, '借阅量比去年增加三成'), at(rev.text, '书屋的资讯')); // surviving, on other words: wrong
    add('term', at(OLD, '站长'), null); // miss
    add('term', at(OLD, '网络'), at(rev.text, '站长')); // lost, placed elsewhere: wrong_lost
    const all = books.get('all');
    expect(all.highlights).toBe(4);
    expect(all.surviving).toBe(3);
    expect(all.right).toBe(1);
    expect(all.recallPct).toBe(33.3);
    expect(all.allWrong).toBe(2);
    expect(books.get('type:term').miss).toBe(1);
    expect(books.get('kind:roundtrip').wrongLost).toBe(1);
  });

  it('the list context shows the span in brackets with ⏎ for breaks', () => {
    expect(around(OLD, at(OLD, '乡村书屋开进村'), 2)).toBe('[乡村书屋开进村]⏎今');
  });
});

describe('the bench’s texts, highlights and revisions', () => {
  it('splits paragraphs and sentences, a closing mark kept on its sentence', () => {
    const ps = paragraphs(OLD);
    expect(ps.length).toBe(4);
    expect(sentences(OLD, ps[1]!).map((s) => OLD.slice(s.start, s.end))).toEqual([
      '今年以来，平安县在12个村建起书屋，著名作家也来捐书。',
      '站长说：“书屋要办成大家的‘加油站’。”',
    ]);
  });

  it('highlights lie inside the text, never start or end on white space, first and last once each', () => {
    const hs = makeHighlights(OLD, 40, mulberry32(3));
    expect(hs.length).toBeGreaterThan(15);
    for (const h of hs) {
      expect(h.end).toBeGreaterThan(h.start);
      expect(OLD[h.start]).not.toMatch(/\s/);
      expect(OLD[h.end - 1]).not.toMatch(/\s/);
    }
    expect(hs.filter((h) => h.type === 'first').length).toBe(1);
    expect(hs.filter((h) => h.type === 'last').length).toBe(1);
  });

  it('the 摘编 leaves out whole paragraphs and sentences, and fulltext writes them back exactly', () => {
    const full = Array.from(
      { length: 14 },
      (_, k) => `第${k}段开头写一句。第${k}段又写一句话。第${k}段再写第三句。第${k}段最后一句。`,
    ).join('\n');
    let cut = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const ed = abridge(full, mulberry32(seed));
      if (ed.pieces.length) cut++;
      const ctx: Context = { oldLength: ed.text.length, pieces: ed.pieces };
      const rev = revise('fulltext', track(ed.text), mulberry32(seed), ctx);
      expect(rev.text).toBe(full);
      expect(rev.origin.filter((o) => o >= 0).length).toBe(ed.text.length);
      // the first two paragraphs and the last are never left out
      expect(ed.text.split('\n')[0]).toContain('第0段开头');
      expect(ed.text.split('\n').pop()).toMatch(/^第13段开头/);
    }
    expect(cut).toBeGreaterThan(4);
  });

  it('every kept unit reads as its old unit, another form of its mark, or is flagged retyped, in every kind and in mixes', () => {
    for (const kind of [...KINDS, 'mixed' as const])
      for (let seed = 1; seed <= 8; seed++) {
        const rev = restyled(OLD, revise(kind, track(OLD), mulberry32(seed), NONE));
        rev.origin.forEach((o, i) => {
          if (o >= 0 && !rev.changed[i]) expect(sameMark(OLD[o]!, rev.text[i]!)).toBe(true);
        });
      }
  });

  it('mixed applies the three different kinds mixedKinds names', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const ks = mixedKinds(mulberry32(seed));
      expect(new Set(ks).size).toBe(3);
    }
  });

  it('endnotes only write: without markers and notes the old text is back; no note on a line without an end mark', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const rev = revise('endnotes', track(OLD), mulberry32(seed), NONE);
      expect(rev.origin.filter((o) => o >= 0).length).toBe(OLD.length);
      const body = rev.text.split('\n注释：\n')[0]!;
      expect(body.replace(/\[\d+\]|〔\d+〕|［\d+］|[\u2460-\u2473]/g, '')).toBe(OLD);
      expect(body.split('\n')[0]).toBe('乡村书屋开进村');
    }
  });

  it('forward quotes the article: “ opens every paragraph, ” closes the last, inner marks one level down', () => {
    const rev = revise('forward', track(OLD), mulberry32(1), NONE);
    expect(rev.text).toMatch(/^关于转发《[^》]+》的通知\n/);
    expect(rev.text).toContain('\n“书屋的信息通过网络发布');
    expect(rev.text).toContain('站长说：‘书屋要办成大家的“加油站”。’');
    expect(rev.text).toMatch(/垃圾分类。”\n/);
  });

  it('transitions, rename, codepage and vertical change only what they say', () => {
    let added = false;
    for (let seed = 1; seed <= 12; seed++) {
      const t = revise('transitions', track(OLD), mulberry32(seed), NONE).text;
      expect(t.split('\n')[0]).toBe('乡村书屋开进村');
      if (t.length > OLD.length) added = true;
    }
    expect(added).toBe(true);
    const r = revise('rename', track(OLD), mulberry32(1), NONE).text;
    expect(r).toContain('平安区在12个村');
    expect(r).toContain('按照县里的安排');
    expect(r).toContain('生态环境局也将派人');
    const c = revise('codepage', track(OLD), mulberry32(1), NONE).text;
    expect(c).toContain('下一步――按照');
    // half the texts get straight quotes; the sentence holding them still survives (restyled)
    let straight = 0;
    const said = at(OLD, '站长说：“书屋要办成大家的‘加油站’。”');
    for (let seed = 1; seed <= 12; seed++) {
      const rev = restyled(OLD, revise('codepage', track(OLD), mulberry32(seed), NONE));
      if (!rev.text.includes('站长说："书屋要办成大家的\'加油站\'。"')) continue;
      straight++;
      expect(judged(rev, said, at(rev.text, '站长说："书屋要办成大家的\'加油站\'。"')).verdict).toBe('right');
    }
    expect(straight).toBeGreaterThan(2);
    // a connective of the list already opening a sentence is taken away in some seeds: its units are gone
    const lead = at(OLD, '据了解，借阅量');
    let removed = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const rev = revise('transitions', track(OLD), mulberry32(seed), NONE);
      if (rev.text.includes('据了解，借阅量')) continue;
      removed++;
      expect(judged(rev, lead, null).truth.state).toBe('lost');
      expect(judged(rev, at(OLD, '借阅量比去年增加三成'), at(rev.text, '借阅量比去年增加三成')).verdict).toBe('right');
    }
    expect(removed).toBeGreaterThan(2);
    let vertical = 0;
    for (let seed = 1; seed <= 8; seed++)
      if (/[︐︒﹁﹂︓︵︶]/.test(revise('vertical', track(OLD), mulberry32(seed), NONE).text)) vertical++;
    expect(vertical).toBeGreaterThan(4);
  });
});
