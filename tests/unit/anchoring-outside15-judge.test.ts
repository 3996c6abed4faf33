// The fifteenth outside anchoring bench's judge (tests/bench/anchoring-outside15-judge.ts, on the
// eleventh's tracked-character model through the twelfth to fourteenth) and its revisions, on a
// made-up article of our own: every origin and verdict below is worked out by hand.
import { describe, expect, it } from 'vitest';
import { isHeading, KINDS, makeHighlights, mixedKinds, paragraphs, revise, sentences, type Kind } from '../bench/anchoring-outside15';
import {
  around,
  Books,
  editPct,
  judgeDoubled,
  judgeOne,
  otherReading,
  positions,
  splice,
  track,
  traded,
  type Span,
  type Tracked,
} from '../bench/anchoring-outside15-judge';
import { mulberry32 } from '../bench/seeded';

const OLD =
  '书香满城记\n' +
  '一、总体情况\n' +
  '今年以来，县图书馆先后组织读书会12场，参加人数2000余人。馆长表示，活动要办成群众的“精神粮仓。”大家称它为“书香驿站”。\n' +
  '图书馆还印发了“读书活动实施方案”、“志愿服务管理办法”，规定每周三、四开放夜间阅览。下一步，馆里将在上午9时30分举办讲座。\n' +
  '二、下步打算\n' +
  '据了解，3-5月将是借阅高峰。馆里计划新增座位200个，并延长开放时间。工作人员说，这是大家的期盼。';
const at = (text: string, words: string, from = 0): Span => {
  const i = text.indexOf(words, from);
  if (i < 0) throw new Error(`not found: ${words}`);
  return { start: i, end: i + words.length };
};
const judged = (rev: Tracked, h: Span, placed: Span | null) => judgeOne(OLD, rev, positions(rev, OLD.length), h, placed);
/** The first seed (1–50) whose revision of `kind` satisfies `ok`. */
const seedWhere = (kind: Kind, ok: (r: Tracked) => boolean): Tracked => {
  for (let seed = 1; seed <= 50; seed++) {
    const r = revise(kind, track(OLD), mulberry32(seed));
    if (ok(r)) return traded(OLD, r);
  }
  throw new Error(`no seed gives the ${kind} edit`);
};

describe('traded: the stop and the closing mark trading places is no edit of the words', () => {
  const quote = at(OLD, '“精神粮仓。”');
  const swap = (): Tracked => splice(track(OLD), [{ start: quote.end - 2, end: quote.end, insert: '”。', retype: true }]);

  it('without the rule the quote with its marks is lost; with it the quote survives and is right', () => {
    const raw = swap();
    expect(raw.text).toContain('“精神粮仓”。');
    // 7 content units, 2 retyped > ⌊7/8⌋ = 0
    expect(judged(raw, quote, null).truth.state).toBe('lost');
    const rev = traded(OLD, raw);
    const there = at(rev.text, '“精神粮仓”。');
    expect(judged(rev, quote, there).verdict).toBe('right');
    expect(judged(rev, quote, null).verdict).toBe('miss');
  });

  it('another mark retyped beside a closing mark is not a trade', () => {
    const comma = at(OLD, '，活动');
    const raw = splice(track(OLD), [{ start: comma.start, end: comma.start + 1, insert: '。', retype: true }]);
    const rev = traded(OLD, raw);
    expect(rev.changed[comma.start]).toBe(1);
    // a 5-unit clause with one retyped unit (> ⌊5/8⌋ = 0) is lost
    expect(judged(rev, at(OLD, '馆长表示，'), null).truth.state).toBe('lost');
  });

  it('the biaodian kind takes the stop of a quote inside a sentence outside, and leaves a quote after ： alone', () => {
    const rev = seedWhere('biaodian', (r) => r.text.includes('“精神粮仓”。'));
    expect(judged(rev, at(OLD, '活动要办成群众的“精神粮仓。”'), at(rev.text, '活动要办成群众的“精神粮仓”。')).verdict).toBe('right');
    // titles of documents take 《》 and lose the 、 between them; 三、四 (an estimate) loses its 、
    const titles = seedWhere('biaodian', (r) => r.text.includes('《读书活动实施方案》《志愿服务管理办法》'));
    expect(titles.text).toContain('每周三四开放');
    const h = at(OLD, '规定每周三、四开放夜间阅览');
    expect(judged(titles, h, null).truth.state).toBe('lost');
  });
});

describe('verdicts on the kinds’ edits', () => {
  it('doubled: a word the re-typist wrote twice is the word on either copy; a copy written elsewhere is WRONG(copy)', () => {
    const term = at(OLD, '读书会');
    const rev = splice(track(OLD), [
      { start: term.end, end: term.end, insert: '读书会' },
      { start: OLD.length, end: OLD.length, insert: '（本文所说读书会为公益活动）' },
    ]);
    expect(rev.text).toContain('组织读书会读书会12场');
    const pos = positions(rev, OLD.length);
    const alt = otherReading(rev, OLD.length);
    expect(alt).not.toBeNull();
    const twice = (h: Span, p: Span | null) => judgeDoubled(OLD, rev, pos, alt, h, p);
    expect(twice(term, at(rev.text, '读书会')).verdict).toBe('right');
    const second = { start: at(rev.text, '读书会').end, end: at(rev.text, '读书会').end + 3 };
    // without the rule the second copy is written words: wrong (copy); with it, right
    expect(judged(rev, term, second).verdict).toBe('wrong');
    expect(twice(term, second).verdict).toBe('right');
    // a sentence holding the doubled word, placed with the second copy's end: right either way
    const s = at(OLD, '今年以来，县图书馆先后组织读书会12场');
    expect(twice(s, at(rev.text, '今年以来，县图书馆先后组织读书会读书会12场')).verdict).toBe('right');
    // the note's copy far below stays written words
    const far = at(rev.text, '读书会', at(rev.text, '本文所说').start);
    const j = twice(term, far);
    expect(j.verdict).toBe('wrong');
    expect(j.source).toBe('copy');
    const other = judged(rev, at(OLD, '借阅高峰'), at(rev.text, '开放时间'));
    expect(other.verdict).toBe('wrong');
    expect(other.source).toBe('twin');
  });

  it('doubledReading takes only a written run of 1–4 units equal to the kept units right before it', () => {
    const u = at(OLD, '借阅高峰');
    // 的的-style single unit: read on the second copy
    const one = splice(track(OLD), [{ start: u.start + 1, end: u.start + 1, insert: '借' }]);
    expect(otherReading(one, OLD.length)).not.toBeNull();
    // a written run that differs from the units before it, or longer than 4, is no doubling
    expect(otherReading(splice(track(OLD), [{ start: u.end, end: u.end, insert: '高峰期' }]), OLD.length)).toBeNull();
    expect(otherReading(splice(track(OLD), [{ start: u.end, end: u.end, insert: '将是借阅高峰' }]), OLD.length)).toBeNull();
    // the units before it retyped: no doubling
    const re = splice(track(OLD), [
      { start: u.start, end: u.start + 1, insert: '接', retype: true },
      { start: u.start + 1, end: u.start + 1, insert: '接' },
    ]);
    expect(otherReading(re, OLD.length)).toBeNull();
  });

  it('a dropped unit makes the sentence lost: orphan fine, remains tolerated, elsewhere wrong', () => {
    const s = at(OLD, '馆里计划新增座位200个，并延长开放时间。');
    const u = at(OLD, '新增').start + 1;
    const rev = splice(track(OLD), [{ start: u, end: u + 1, insert: '' }]);
    expect(rev.text).toContain('馆里计划新座位200个');
    expect(judged(rev, s, null).verdict).toBe('orphan_ok');
    expect(judged(rev, s, at(rev.text, '馆里计划新座位200个，并延长开放时间。')).verdict).toBe('on_remains');
    expect(judged(rev, s, at(rev.text, '工作人员说')).verdict).toBe('wrong_lost');
  });

  it('an image placeholder inside a sentence pair belongs to its true span; a separator line inside a span too', () => {
    const pair = at(OLD, '参加人数2000余人。馆长表示，活动要办成群众的');
    const rev = splice(track(OLD), [{ start: at(OLD, '馆长表示').start, end: at(OLD, '馆长表示').start, insert: '[图片]' }]);
    expect(judged(rev, pair, at(rev.text, '参加人数2000余人。[图片]馆长表示，活动要办成群众的')).verdict).toBe('right');
    // placed on the words before the placeholder alone: 10 of 22 own units, partial
    expect(judged(rev, pair, at(rev.text, '参加人数2000余人。')).verdict).toBe('partial');
    const cross = at(OLD, '开放夜间阅览。下一步，馆里将在上午9时30分举办讲座。\n二、下步打算');
    const sep = splice(track(OLD), [{ start: at(OLD, '\n二、').start, end: at(OLD, '\n二、').start, insert: '\n◆◆◆' }]);
    const j = judged(sep, cross, at(sep.text, '开放夜间阅览。下一步，馆里将在上午9时30分举办讲座。\n◆◆◆\n二、下步打算'));
    expect(j.truth.state).toBe('surviving');
    expect(j.verdict).toBe('right');
  });

  it('retitle rewrites a heading’s words and keeps its marker; the heading is lost, the paragraph below stands', () => {
    const rev = seedWhere('retitle', (r) => !r.text.includes('下步打算'));
    expect(rev.text).not.toContain('书香满城记');
    // no two headings given the same words
    const heads = paragraphs(rev.text)
      .filter((p, i) => isHeading(rev.text, p, i))
      .map((p) => rev.text.slice(p.start, p.end).replace(/^[一二三四五六七八九十]+、/, ''));
    expect(new Set(heads).size).toBe(heads.length);
    expect(rev.text).toMatch(/\n二、[^\n]+\n据了解/);
    expect(judged(rev, at(OLD, '下步打算'), null).truth.state).toBe('lost');
    expect(judged(rev, at(OLD, '据了解，3-5月将是借阅高峰'), at(rev.text, '据了解，3-5月将是借阅高峰')).verdict).toBe('right');
  });

  it('snip cuts a sentence and writes ……: what it cut is lost, the rest of its paragraph right', () => {
    const rev = seedWhere('snip', (r) => r.text.includes('……') || r.text.includes('（略）'));
    const all = paragraphs(OLD).flatMap((p) => sentences(OLD, p));
    const cut = all.filter((s) => !rev.text.includes(OLD.slice(s.start, s.end)));
    expect(cut.length).toBeGreaterThan(0);
    for (const s of cut) expect(judged(rev, s, null).verdict).toBe('orphan_ok');
    // the paragraph's first sentence is never cut, and stands right
    const firsts = paragraphs(OLD)
      .slice(1)
      .map((p) => sentences(OLD, p)[0]!);
    for (const s of firsts) expect(judged(rev, s, at(rev.text, OLD.slice(s.start, s.end))).verdict).toBe('right');
  });

  it('bingju joins two sentences: the stop retyped as ， or ；, a span over the join survives', () => {
    const rev = seedWhere('bingju', (r) => /借阅高峰[，；]/.test(r.text));
    const span = at(OLD, '借阅高峰。馆里计划新增座位200个');
    const from = at(rev.text, '借阅高峰').start;
    const to = at(rev.text, '新增座位200个').end;
    expect(judged(rev, span, { start: from, end: to }).verdict).toBe('right');
  });

  it('tili writes times and ranges in the other style: a time highlight whose units went is lost', () => {
    const rev = seedWhere('tili', (r) => r.text.includes('9:30'));
    expect(rev.text).toMatch(/3[至—]5月/);
    expect(judged(rev, at(OLD, '9时30分'), null).truth.state).toBe('lost');
    expect(judged(rev, at(OLD, '举办讲座'), at(rev.text, '举办讲座')).verdict).toBe('right');
  });

  it('laiyuan writes a 数据来源 note at the end of a paragraph with figures, outside every old passage', () => {
    const rev = seedWhere('laiyuan', (r) => /[（]数据|（据|（来源/.test(r.text));
    const s = at(OLD, '工作人员说，这是大家的期盼。');
    const j = judged(rev, s, at(rev.text, '工作人员说，这是大家的期盼'));
    expect(['right', 'partial']).toContain(j.verdict);
    expect(j.truth.state).toBe('surviving');
  });
});

describe('the books and the edit share', () => {
  it('recall is right over surviving, wrong counts surviving and lost ones placed elsewhere, per name', () => {
    const u = at(OLD, '新增').start + 1;
    const rev = splice(track(OLD), [{ start: u, end: u + 1, insert: '' }]);
    const books = new Books();
    const add = (type: string, h: Span, placed: Span | null) => books.add(['all', 'kind:tuoyan', `type:${type}`], judged(rev, h, placed));
    add('clause', at(OLD, '据了解'), at(rev.text, '据了解')); // right
    add('clause', at(OLD, '借阅高峰'), at(rev.text, '开放时间')); // wrong
    add('term', at(OLD, '书香驿站'), null); // miss
    add('term', at(OLD, '新增座位'), at(rev.text, '工作人员')); // lost, placed elsewhere: wrong_lost
    const all = books.get('all');
    expect(all.highlights).toBe(4);
    expect(all.surviving).toBe(3);
    expect(all.right).toBe(1);
    expect(all.recallPct).toBe(33.3);
    expect(all.allWrong).toBe(2);
    expect(books.get('type:term').miss).toBe(1);
    expect(books.get('kind:tuoyan').wrongLost).toBe(1);
  });

  it('edit share: gone, retyped and written units over the old length', () => {
    expect(editPct(OLD.length, track(OLD))).toBe(0);
    const rev = splice(track(OLD), [
      { start: 0, end: 1, insert: '' },
      { start: 2, end: 3, insert: '文', retype: true },
      { start: 5, end: 5, insert: '新' },
    ]);
    expect(editPct(OLD.length, rev)).toBe(Math.round((1000 * 3) / OLD.length) / 10);
  });

  it('the list context shows the span in brackets with ⏎ for breaks', () => {
    expect(around(OLD, at(OLD, '书香满城记'), 2)).toBe('[书香满城记]⏎一');
  });
});

describe('the bench’s texts, highlights and kinds', () => {
  it('splits paragraphs and sentences, a closing mark kept on its sentence; knows a heading', () => {
    const ps = paragraphs(OLD);
    expect(ps.length).toBe(6);
    expect(sentences(OLD, ps[2]!).map((s) => OLD.slice(s.start, s.end))).toEqual([
      '今年以来，县图书馆先后组织读书会12场，参加人数2000余人。',
      '馆长表示，活动要办成群众的“精神粮仓。”',
      '大家称它为“书香驿站”。',
    ]);
    expect(ps.map((p, i) => isHeading(OLD, p, i))).toEqual([false, true, false, false, true, false]);
  });

  it('makes 40 highlights, the first and last words among them, none empty, no two alike', () => {
    const hs = makeHighlights(OLD, mulberry32(7), 40);
    expect(hs.length).toBeGreaterThan(30);
    expect(hs.some((h) => h.type === 'first' && h.start === 0)).toBe(true);
    expect(hs.some((h) => h.type === 'last' && h.end === OLD.length)).toBe(true);
    expect(new Set(hs.map((h) => `${h.start}:${h.end}`)).size).toBe(hs.length);
    for (const h of hs) expect(OLD.slice(h.start, h.end).trim()).not.toBe('');
  });

  it('every kind edits our article on some seed, and mixed draws three different kinds', () => {
    for (const k of KINDS) seedWhere(k, (r) => r.text !== OLD);
    const m = mixedKinds(mulberry32(3));
    expect(new Set(m).size).toBe(3);
  });
});
