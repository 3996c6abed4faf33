// The twelfth outside anchoring bench's judge (tests/bench/anchoring-outside12-judge.ts, on the
// eleventh's tracked-character model) and its revisions, on a made-up article of our own: every
// origin and verdict below is worked out by hand.
import { describe, expect, it } from 'vitest';
import { KINDS, makeHighlights, paragraphs, revise, sentences } from '../bench/anchoring-outside12';
import { positions, sourceOf, splice, Tally, track, verdictOf, type Tracked } from '../bench/anchoring-outside12-judge';
import { mulberry32 } from '../bench/seeded';

const OLD =
  '基层理论宣讲进社区\n' +
  '今年以来，街道组织宣讲员深入社区开展理论宣讲。宣讲员说：“我们要把道理讲透，把政策讲明，让群众听得懂、记得住、用得上。”\n' +
  '截至10月底，街道共开展宣讲120场，覆盖居民8000余人。社区书记表示，理论宣讲让群众看到了身边的变化。\n' +
  '下一步，街道将继续开展理论宣讲，推动宣讲常态化。\n' +
  '（通讯员 供稿）';
const at = (text: string, words: string, from = 0) => {
  const i = text.indexOf(words, from);
  if (i < 0) throw new Error(`not found: ${words}`);
  return { start: i, end: i + words.length };
};
const verdict = (rev: Tracked, h: { start: number; end: number }, placed: { start: number; end: number } | null) =>
  verdictOf(OLD, rev, positions(rev, OLD.length), h, placed);

describe('verdicts on the kinds’ edits', () => {
  it('a blanked term is lost: its 参考答案 copy is wrong (a copy), its remains tolerated, an orphan fine', () => {
    const blank = at(OLD, '宣讲常态化');
    const rev = splice(track(OLD), [
      { ...blank, insert: '（\u3000\u3000）' },
      { start: OLD.length, end: OLD.length, insert: '\n参考答案：\n1．宣讲常态化' },
    ]);
    const h = at(OLD, '推动宣讲常态化');
    const copy = at(rev.text, '宣讲常态化');
    expect(verdict(rev, h, null).verdict).toBe('orphan_ok');
    expect(verdict(rev, h, copy).verdict).toBe('wrong_lost');
    expect(sourceOf(rev, copy)).toBe('copy');
    expect(verdict(rev, h, at(rev.text, '推动（\u3000\u3000）')).verdict).toBe('on_remains');
    // the sentence's other clause is untouched: right where it now is, a miss when not placed
    const kept = at(OLD, '街道将继续开展理论宣讲');
    const t = verdict(rev, kept, at(rev.text, '街道将继续开展理论宣讲'));
    expect(t.truth.state).toBe('surviving');
    expect(t.verdict).toBe('right');
    expect(verdict(rev, kept, null).verdict).toBe('miss');
  });

  it('a term placed on a 名词解释 card’s copy or on another use of it is wrong, on its own use right', () => {
    const card = '\n【名词解释】理论宣讲：指面向群众讲解理论的活动。';
    const e = at(OLD, '用得上。”').end;
    const rev = splice(track(OLD), [{ start: e, end: e, insert: card }]);
    const h = at(OLD, '理论宣讲', at(OLD, '开展').start); // 开展理论宣讲。 in the first paragraph
    const own = { start: h.start, end: h.end }; // before the card: not moved
    const onCard = at(rev.text, '理论宣讲', at(rev.text, '【名词解释】').start);
    const other = at(rev.text, '理论宣讲', at(rev.text, '社区书记').start); // the second paragraph's use
    expect(verdict(rev, h, own).verdict).toBe('right');
    expect(verdict(rev, h, onCard).verdict).toBe('wrong');
    expect(sourceOf(rev, onCard)).toBe('copy');
    expect(verdict(rev, h, other).verdict).toBe('wrong');
    expect(sourceOf(rev, other)).toBe('twin');
  });

  it('朗读 pauses inside a sentence belong to it; a placement three units short is partial', () => {
    const s = at(OLD, '社区书记表示，理论宣讲让群众看到了身边的变化。'); // 23 content units
    const p1 = at(OLD, '理论宣讲让').start;
    const p2 = at(OLD, '看到了').start;
    const rev = splice(track(OLD), [
      { start: p1, end: p1, insert: ' / ' },
      { start: p2, end: p2, insert: ' / ' },
    ]);
    const truePlace = at(rev.text, '社区书记表示， / 理论宣讲让群众 / 看到了身边的变化。');
    const t = verdict(rev, s, truePlace);
    expect(t.truth.state).toBe('surviving');
    expect([t.truth.start, t.truth.end]).toEqual([truePlace.start, truePlace.end]);
    expect(t.verdict).toBe('right');
    // 20 of 23 own units < ⌈0.9·23⌉ = 21
    expect(verdict(rev, s, { start: truePlace.start, end: truePlace.end - 3 }).verdict).toBe('partial');
  });

  it('a share line between two sentences of a span: 4 units leave it whole, 7 part it', () => {
    const h = at(OLD, '宣讲120场，覆盖居民8000余人。社区书记表示'); // 24 content units: at most 6 others
    const e = at(OLD, '8000余人。').end;
    const short = splice(track(OLD), [{ start: e, end: e, insert: '\n【转发】\n' }]);
    const long = splice(track(OLD), [{ start: e, end: e, insert: '\n▶分享到朋友圈\n' }]);
    expect(verdict(short, h, null).truth.state).toBe('surviving');
    expect(verdict(long, h, null).truth.state).toBe('parted');
    expect(verdict(long, h, at(long.text, '社区书记表示')).verdict).toBe('on_remains');
  });

  it('a quotation set apart with its marks dropped: with the marks lost, without them surviving', () => {
    const q = at(OLD, '“我们要把道理讲透，把政策讲明，让群众听得懂、记得住、用得上。”');
    const rev = splice(track(OLD), [
      { start: q.start, end: q.start + 1, insert: '\n\u3000\u3000' },
      { start: q.end - 1, end: q.end, insert: '' },
    ]);
    expect(verdict(rev, q, null).truth.state).toBe('lost');
    const inner = { start: q.start + 1, end: q.end - 1 };
    const placed = at(rev.text, '我们要把道理讲透，把政策讲明，让群众听得懂、记得住、用得上。');
    expect(verdict(rev, inner, placed).verdict).toBe('right');
  });
});

describe('the tally', () => {
  it('recall is right over surviving; wrong counts surviving and lost ones placed elsewhere, and those on copies', () => {
    const card = '\n【名词解释】理论宣讲：指面向群众讲解理论的活动。';
    const e = at(OLD, '用得上。”').end;
    const rev = splice(track(OLD), [
      { start: e, end: e, insert: card },
      { ...at(OLD, '常态化'), insert: '' },
    ]);
    const tally = new Tally();
    const add = (h: { start: number; end: number }, placed: { start: number; end: number } | null) => {
      const v = verdict(rev, h, placed);
      const wrong = placed && (v.verdict === 'wrong' || v.verdict === 'wrong_lost');
      tally.add(v.truth, v.verdict, wrong ? sourceOf(rev, placed) : null);
    };
    const term = at(OLD, '理论宣讲', at(OLD, '开展').start);
    add(term, term); // right
    add(term, at(rev.text, '理论宣讲', at(rev.text, '【名词解释】').start)); // wrong, on a copy
    add(term, null); // miss
    add(at(OLD, '推动宣讲常态化'), at(rev.text, '理论宣讲', at(rev.text, '继续').start)); // lost, placed elsewhere
    expect(tally.highlights).toBe(4);
    expect(tally.surviving).toBe(3);
    expect(tally.lost).toBe(1);
    expect(tally.recallPct).toBe(33.3);
    expect(tally.allWrong).toBe(2);
    expect(tally.wrongLost).toBe(1);
    expect(tally.wrongCopy).toBe(1);
  });
});

describe('the bench’s texts, highlights and revisions', () => {
  it('splits paragraphs and sentences, a closing mark kept on its sentence', () => {
    const ps = paragraphs(OLD);
    expect(ps.length).toBe(5);
    expect(sentences(OLD, ps[1]!).map((s) => OLD.slice(s.start, s.end))).toEqual([
      '今年以来，街道组织宣讲员深入社区开展理论宣讲。',
      '宣讲员说：“我们要把道理讲透，把政策讲明，让群众听得懂、记得住、用得上。”',
    ]);
  });

  it('highlights lie inside the text, never start or end on white space, first and last once each', () => {
    const hs = makeHighlights(OLD, 40, mulberry32(7));
    expect(hs.length).toBeGreaterThan(15);
    for (const h of hs) {
      expect(h.end).toBeGreaterThan(h.start);
      expect(OLD[h.start]).not.toMatch(/\s/);
      expect(OLD[h.end - 1]).not.toMatch(/\s/);
    }
    expect(hs.filter((h) => h.type === 'first').length).toBe(1);
    expect(hs.filter((h) => h.type === 'last').length).toBe(1);
  });

  it('every kept unit reads as its old unit (or is flagged retyped), in every kind and in mixes', () => {
    for (const kind of [...KINDS, 'mixed' as const])
      for (let seed = 1; seed <= 8; seed++) {
        const rev = revise(kind, track(OLD), mulberry32(seed));
        rev.origin.forEach((o, i) => {
          if (o >= 0 && !rev.changed[i]) expect(rev.text[i]).toBe(OLD[o]);
        });
      }
  });

  it('kinds that only write lines or pauses keep every old unit; without what they wrote the old text is back', () => {
    const strip: Record<string, (s: string) => string> = {
      langdu: (s) => s.replace(/【音频】[^\n]*\n/g, '').replace(/ \/ | {2}| |\u3000/g, ''),
      fold: (s) => s.replace(/\n(展开全文∨|展开剩余\d+%|点击展开全文 ▼)\n|……\n阅读全文\n/g, '').replace(/\n收起全文∧$/, ''),
      // cards also break paragraphs between sentences: compared without line breaks
      cards: (s) => s.replace(/\n(—— 长按保存 分享给更多人 ——|▶分享到朋友圈|【转发】)/g, '').replace(/\n/g, ''),
    };
    const base = OLD.replace(/ /g, ''); // the old text's one space goes with the pauses
    for (const kind of ['langdu', 'fold', 'cards'] as const)
      for (let seed = 1; seed <= 8; seed++) {
        const rev = revise(kind, track(OLD), mulberry32(seed));
        expect(rev.origin.filter((o) => o >= 0).length).toBe(OLD.length);
        expect(strip[kind]!(rev.text).replace(/ /g, '')).toBe(kind === 'cards' ? base.replace(/\n/g, '') : base);
      }
  });

  it('quiz blanks terms and lists exactly them as answers; blockquote drops at most the quotation marks', () => {
    let blanked = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const rev = revise('quiz', track(OLD), mulberry32(seed));
      const gone = [...OLD].map((_, i) => i).filter((i) => !rev.origin.includes(i));
      if (!gone.length) continue;
      blanked++;
      expect(rev.text).toMatch(/（\u3000\u3000）|______|（ {4}）/);
      expect(rev.text).toContain('参考答案：');
      const answers = rev.text.slice(rev.text.indexOf('参考答案：'));
      // every run of cut units is a listed answer
      let run = '';
      gone.forEach((i, k) => {
        run += OLD[i];
        if (gone[k + 1] !== i + 1) {
          expect(answers).toContain(run);
          run = '';
        }
      });
    }
    expect(blanked).toBeGreaterThan(0);
    const marks = new Set([at(OLD, '“我们').start, at(OLD, '用得上。”').end - 1]);
    for (let seed = 1; seed <= 8; seed++) {
      const rev = revise('blockquote', track(OLD), mulberry32(seed));
      expect(rev.text).toMatch(/\n\u3000\u3000“?我们要把道理讲透/);
      for (let i = 0; i < OLD.length; i++) if (!rev.origin.includes(i)) expect(marks.has(i)).toBe(true);
    }
  });

  it('tujie, glossary and wenda write copies of old words as new units beside the untouched text', () => {
    for (const kind of ['tujie', 'glossary', 'wenda'] as const) {
      let grew = false;
      for (let seed = 1; seed <= 8; seed++) {
        const rev = revise(kind, track(OLD), mulberry32(seed));
        expect(rev.origin.filter((o) => o >= 0).length).toBe(OLD.length);
        if (rev.text.length > OLD.length) grew = true;
      }
      expect(grew).toBe(true);
    }
  });
});
