// The thirteenth outside anchoring bench's judge (tests/bench/anchoring-outside13-judge.ts, on the
// eleventh's tracked-character model through the twelfth's) and its revisions, on a made-up article
// of our own: every origin and verdict below is worked out by hand.
import { describe, expect, it } from 'vitest';
import { KINDS, makeHighlights, paragraphs, revise, sentences } from '../bench/anchoring-outside13';
import { around, Books, Builder, judgeOne, positions, splice, track, type Span, type Tracked } from '../bench/anchoring-outside13-judge';
import { mulberry32 } from '../bench/seeded';

const OLD =
  '社区议事会开到家门口\n' +
  '今年以来，街道在12个社区设立议事会，提高了居民参与的积极性。主任说：“大事小事大家商量着办。”\n' +
  '议事规则\n' +
  '议事会每月举行一次，议题由居民提出、由议事会讨论、由街道督办。截至9月底，共解决问题86件。\n' +
  '下一步，街道将推动议事会覆盖全部小区。';
const OTHER = '另一篇报道的标题\n第一段另一篇的文字，写了别的事情。\n第二段也是别的内容。';
const at = (text: string, words: string, from = 0): Span => {
  const i = text.indexOf(words, from);
  if (i < 0) throw new Error(`not found: ${words}`);
  return { start: i, end: i + words.length };
};
const judged = (rev: Tracked, h: Span, placed: Span | null) => judgeOne(OLD, rev, positions(rev, OLD.length), h, placed);

describe('verdicts on the kinds’ edits', () => {
  it('a sentence lifted into a 导语 is the same units moved: right there, wrong on its old neighbours, a miss unplaced', () => {
    const s = at(OLD, '截至9月底，共解决问题86件。');
    const title = at(OLD, '社区议事会开到家门口');
    const b = new Builder(track(OLD));
    b.keep(0, title.end).write('\n【导读】').keep(s.start, s.end).keep(title.end, s.start).keep(s.end, OLD.length);
    const rev = b.done();
    expect(rev.text.startsWith('社区议事会开到家门口\n【导读】截至9月底，共解决问题86件。\n今年以来')).toBe(true);
    const there = at(rev.text, '截至9月底，共解决问题86件。');
    const j = judged(rev, s, there);
    expect(j.truth.state).toBe('surviving');
    expect(j.verdict).toBe('right');
    expect(j.moved).toBe(true);
    // its old neighbour (the sentence before it) holds none of its units: wrong, on old words (a twin)
    const j2 = judged(rev, s, at(rev.text, '由街道督办。'));
    expect(j2.verdict).toBe('wrong');
    expect(j2.source).toBe('twin');
    expect(judged(rev, s, null).verdict).toBe('miss');
    // a sentence that stayed is not moved though it shifted
    const stay = at(OLD, '主任说');
    expect(judged(rev, stay, at(rev.text, '主任说')).moved).toBe(false);
  });

  it('a followup quoting the lead verbatim: the quote is written units, a placement there is wrong (copy)', () => {
    const lead = at(OLD, '今年以来，街道在12个社区设立议事会');
    const rev = splice(track(OLD), [
      { start: OLD.length, end: OLD.length, insert: '\n【相关报道】\n据此前报道，今年以来，街道在12个社区设立议事会。' },
    ]);
    const copy = at(rev.text, '今年以来，街道在12个社区设立议事会', at(rev.text, '据此前报道').start);
    const j = judged(rev, lead, copy);
    expect(j.verdict).toBe('wrong');
    expect(j.source).toBe('copy');
    expect(judged(rev, lead, lead).verdict).toBe('right');
  });

  it('a word a 洗稿 swapped is gone: the highlight lost, its remains tolerated, elsewhere wrong_lost', () => {
    const w = at(OLD, '提高');
    const rev = splice(track(OLD), [{ ...w, insert: '提升' }]);
    const h = at(OLD, '提高了居民参与的积极性');
    expect(judged(rev, h, null).truth.state).toBe('lost');
    expect(judged(rev, h, null).verdict).toBe('orphan_ok');
    expect(judged(rev, h, at(rev.text, '提升了居民参与的积极性')).verdict).toBe('on_remains');
    expect(judged(rev, h, at(rev.text, '议事规则')).verdict).toBe('wrong_lost');
  });

  it('an entity for a quotation mark loses a quote with its marks, not the words inside', () => {
    const q = at(OLD, '“大事小事大家商量着办。”');
    const rev = splice(track(OLD), [
      { start: q.start, end: q.start + 1, insert: '&ldquo;' },
      { start: q.end - 1, end: q.end, insert: '&rdquo;' },
    ]);
    expect(judged(rev, q, null).truth.state).toBe('lost');
    const inner = { start: q.start + 1, end: q.end - 1 };
    expect(judged(rev, inner, at(rev.text, '大事小事大家商量着办。')).verdict).toBe('right');
  });

  it('、 retyped as ， keeps the units (retyped); a placement one item short of a long span is partial', () => {
    const list = at(OLD, '由居民提出、由议事会讨论、由街道督办');
    const sp = [...OLD.slice(list.start, list.end)].flatMap((ch, i) =>
      ch === '、' ? [{ start: list.start + i, end: list.start + i + 1, insert: '，', retype: true }] : [],
    );
    const rev = splice(track(OLD), sp);
    expect(rev.text).toContain('由居民提出，由议事会讨论，由街道督办');
    // 18 content units, 2 retyped ≤ ⌊18/8⌋ = 2: surviving
    const j = judged(rev, list, at(rev.text, '由居民提出，由议事会讨论，由街道督办'));
    expect(j.truth.state).toBe('surviving');
    expect(j.verdict).toBe('right');
    expect(judged(rev, list, at(rev.text, '由居民提出，由议事会讨论')).verdict).toBe('partial');
  });

  it('spaces written between units belong to the passage; a <strong> tag inside a short term parts it', () => {
    const h = at(OLD, '议事会每月举行一次');
    const sp = [...OLD.slice(h.start + 1, h.end)].map((_, i) => ({ start: h.start + 1 + i, end: h.start + 1 + i, insert: ' ' }));
    const rev = splice(track(OLD), sp);
    const place = at(rev.text, '议 事 会 每 月 举 行 一 次');
    expect(judged(rev, h, place).verdict).toBe('right');
    const term = at(OLD, '议事规则');
    const tagged = splice(track(OLD), [{ start: term.start + 2, end: term.start + 2, insert: '<strong>' }]);
    expect(judged(tagged, term, null).truth.state).toBe('parted');
  });
});

describe('the books', () => {
  it('recall is right over surviving, wrong counts surviving and lost ones placed elsewhere, per name', () => {
    const w = at(OLD, '提高');
    const rev = splice(track(OLD), [
      { ...w, insert: '提升' },
      { start: OLD.length, end: OLD.length, insert: '\n据此前报道，街道将推动议事会覆盖全部小区。' },
    ]);
    const books = new Books();
    const add = (type: string, h: Span, placed: Span | null) => books.add(['all', `type:${type}`], judged(rev, h, placed));
    const tail = at(OLD, '街道将推动议事会覆盖全部小区');
    add('clause', tail, tail); // right
    add('clause', tail, at(rev.text, '街道将推动议事会覆盖全部小区', at(rev.text, '据此前').start)); // wrong, copy
    add('term', at(OLD, '议事规则'), null); // miss
    add('term', at(OLD, '提高了'), at(rev.text, '主任说')); // lost, placed elsewhere
    const all = books.get('all');
    expect(all.highlights).toBe(4);
    expect(all.surviving).toBe(3);
    expect(all.recallPct).toBe(33.3);
    expect(all.allWrong).toBe(2);
    expect(all.wrongCopy).toBe(1);
    expect(books.get('type:clause').allWrong).toBe(1);
    expect(books.get('type:term').miss).toBe(1);
    expect(books.get('type:none').highlights).toBe(0);
  });

  it('the list context shows the span in brackets with ⏎ for breaks', () => {
    expect(around(OLD, at(OLD, '议事规则'), 2)).toBe('”⏎[议事规则]⏎议');
    expect(around(OLD, null)).toBe('—');
  });
});

describe('the bench’s texts, highlights and revisions', () => {
  it('splits paragraphs and sentences, a closing mark kept on its sentence', () => {
    const ps = paragraphs(OLD);
    expect(ps.length).toBe(5);
    expect(sentences(OLD, ps[1]!).map((s) => OLD.slice(s.start, s.end))).toEqual([
      '今年以来，街道在12个社区设立议事会，提高了居民参与的积极性。',
      '主任说：“大事小事大家商量着办。”',
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

  it('every kept unit reads as its old unit (or is flagged retyped), in every kind and in mixes', () => {
    for (const kind of [...KINDS, 'mixed' as const])
      for (let seed = 1; seed <= 8; seed++) {
        const rev = revise(kind, track(OLD), mulberry32(seed), OTHER);
        rev.origin.forEach((o, i) => {
          if (o >= 0 && !rev.changed[i]) expect(rev.text[i]).toBe(OLD[o]);
        });
      }
  });

  it('kinds that only write keep every old unit; without what they wrote the old text is back', () => {
    const strip: Record<string, (s: string) => string> = {
      tags: (s) => s.replace(/<[^>]*>/g, ''),
      spaced: (s) => s.replace(/(?<=[\u4e00-\u9fff])[ \u3000](?=[\u4e00-\u9fff])/g, ''),
      followup: (s) => s.slice(0, OLD.length),
    };
    for (const kind of ['tags', 'spaced', 'followup'] as const)
      for (let seed = 1; seed <= 8; seed++) {
        const rev = revise(kind, track(OLD), mulberry32(seed), OTHER);
        expect(rev.origin.filter((o) => o >= 0).length).toBe(OLD.length);
        expect(strip[kind]!(rev.text)).toBe(OLD);
      }
  });

  it('followup repeats the lead sentence after the article; lead_lift moves a sentence under the title', () => {
    const f = revise('followup', track(OLD), mulberry32(2), OTHER);
    expect(f.text.slice(OLD.length)).toContain('今年以来，街道在12个社区设立议事会，提高了居民参与的积极性。');
    expect(f.text).toContain('另一篇报道的标题');
    let lifted = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const rev = revise('lead_lift', track(OLD), mulberry32(seed), OTHER);
      const second = rev.text.split('\n')[1]!;
      if (second.replace('【导读】', '') !== OLD.split('\n')[1]) lifted++;
      // nothing but the line breaks of emptied paragraphs is lost
      const gone = [...OLD].map((_, i) => i).filter((i) => !rev.origin.includes(i));
      for (const i of gone) expect(OLD[i]).toBe('\n');
    }
    expect(lifted).toBe(8);
  });

  it('entities, localise, xigao and dunhao change only marks or listed words; runin joins the short line', () => {
    const e = revise('localise', track(OLD + '\n全国各地'), mulberry32(1));
    expect(e.text).toContain('（本网转载时有改动）');
    let swapped = false;
    for (let seed = 1; seed <= 12; seed++) if (revise('xigao', track(OLD), mulberry32(seed)).text.includes('提升')) swapped = true;
    expect(swapped).toBe(true);
    let listed = false;
    for (let seed = 1; seed <= 12; seed++)
      if (revise('dunhao', track(OLD), mulberry32(seed)).text.includes('由居民提出，由议事会讨论，由街道督办')) listed = true;
    expect(listed).toBe(true);
    let escaped = false;
    for (let seed = 1; seed <= 12; seed++)
      if (revise('entities', track(OLD), mulberry32(seed)).text.includes('&ldquo;大事')) escaped = true;
    expect(escaped).toBe(true);
    const r = revise('runin', track(OLD), mulberry32(1));
    expect(r.text).toMatch(/【议事规则】议事会|议事规则[。：]议事会/);
  });
});
