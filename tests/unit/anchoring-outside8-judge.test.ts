import { describe, expect, it } from 'vitest';
import { Builder, docOf, judge, MAX_INSERT, originOf, rewrite, truthsOf, type Doc } from '../bench/anchoring-outside8-judge';
import { abridge, attribMove, footnoteInline, qaLabels, zhuanti } from '../bench/anchoring-outside8';

// Hand-made texts of our own; positions are found with indexOf so the cases read as words.
const OLD = '春风吹过小镇。\n居民们种下了桃树和梨树。\n三年后果园丰收了。';
const at = (text: string, words: string, from = 0) => {
  const s = text.indexOf(words, from);
  if (s < 0) throw new Error(`no ${words}`);
  return { start: s, end: s + words.length };
};
const span = (text: string, words: string, from = 0) => {
  const r = at(text, words, from);
  return [r.start, r.end] as const;
};

describe('anchoring-outside8 judge: the tracked-character model', () => {
  it('carries kept units with their origin, written units with none, and refuses a unit kept twice', () => {
    const d = docOf(OLD);
    const b = new Builder().write('【更新】').keep(d, 0, 7);
    const n = b.build();
    expect(n.text).toBe('【更新】春风吹过小镇。');
    expect(Array.from(n.origin.slice(0, 5))).toEqual([-1, -1, -1, -1, 0]);
    expect(originOf(n, 0, n.text.length)).toBe('new×4 + old 0–7');
    expect(() => new Builder().keep(d, 0, 3).keep(d, 2, 4).build()).toThrow(/kept twice/);
  });

  it('an unchanged passage is RIGHT at its new place and WRONG on an identical twin elsewhere', () => {
    const old = '桃树开花了。梨树也开花了。桃树开花了。';
    const d = docOf(old);
    const n = new Builder().write('导语。').keep(d, 0, old.length).build();
    const h = at(old, '桃树开花了');
    expect(judge(n, old, h.start, h.end, at(n.text, '桃树开花了')).verdict).toBe('right');
    const twin = at(n.text, '桃树开花了', at(n.text, '桃树开花了').end);
    expect(judge(n, old, h.start, h.end, twin).verdict).toBe('wrong');
    expect(judge(n, old, h.start, h.end, null).verdict).toBe('miss');
  });

  it('a deleted passage is LOST: no placement is right, one elsewhere is WRONG, one on its remains is tolerated', () => {
    const d = docOf(OLD);
    const [s, e] = span(OLD, '居民们种下了桃树和梨树。');
    // Keep only the first two units of the sentence.
    const n = new Builder()
      .keep(d, 0, s + 2)
      .keep(d, e, OLD.length)
      .build();
    expect(truthsOf(n, OLD, s, e).surviving).toBe(false);
    expect(judge(n, OLD, s, e, null).verdict).toBe('orphan');
    expect(judge(n, OLD, s, e, at(n.text, '果园')).verdict).toBe('wrong');
    expect(judge(n, OLD, s, e, { start: s, end: s + 3 }).verdict).toBe('on_remains');
  });

  it('SURVIVING needs 60% of the content units (all of them for one or two)', () => {
    const [s, e] = span(OLD, '种下了桃树'); // 5 units: 3 needed
    const d = docOf(OLD);
    const twoChanged = rewrite(d, /桃树/g, () => ['??']);
    expect(truthsOf(twoChanged, OLD, s, e).surviving).toBe(true);
    const threeChanged = rewrite(d, /了桃树/g, () => ['???']);
    expect(truthsOf(threeChanged, OLD, s, e).surviving).toBe(false);
    const [ts, te] = span(OLD, '桃树');
    const oneChanged = rewrite(d, /桃/g, () => ['?']);
    expect(truthsOf(oneChanged, OLD, ts, te).surviving).toBe(false);
  });

  it('a note inserted inside a passage keeps it whole up to MAX_INSERT units, a longer one parts it', () => {
    const [s, e] = span(OLD, '居民们种下了桃树和梨树');
    const cut = s + 6; // after 居民们种下了
    const d = docOf(OLD);
    const short = new Builder().keep(d, 0, cut).write('（注：据记者了解）').keep(d, cut, OLD.length).build();
    const t = truthsOf(short, OLD, s, e);
    expect(t.own).toEqual({ start: s, end: e + '（注：据记者了解）'.length });
    expect(judge(short, OLD, s, e, t.own).verdict).toBe('right');
    const long = new Builder()
      .keep(d, 0, cut)
      .write('插'.repeat(MAX_INSERT + 5))
      .keep(d, cut, OLD.length)
      .build();
    const t2 = truthsOf(long, OLD, s, e);
    // The runs are 居民们种下了 (6) and 桃树和梨树 (5): the larger is the own truth and it holds 6 of 11 < 7.
    expect(t2.surviving).toBe(false);
  });

  it('PARTIAL when a placement holds less than half of the words or is more than twice as long', () => {
    const d = docOf(OLD);
    const n = new Builder().keep(d, 0, OLD.length).build();
    const [s, e] = span(OLD, '居民们种下了桃树和梨树。');
    expect(judge(n, OLD, s, e, { start: s, end: s + 3 }).verdict).toBe('partial');
    expect(judge(n, OLD, s, e, { start: 0, end: OLD.length }).verdict).toBe('partial');
    expect(judge(n, OLD, s, e, { start: s, end: e - 2 }).verdict).toBe('right');
  });

  it('a copy printed by the revision counts RIGHT_COPY, and keeps a passage whose own words are gone surviving', () => {
    const d = docOf(OLD);
    const [s, e] = span(OLD, '三年后果园丰收了');
    const both = new Builder().copyOf(d, s, e).write('\n').keep(d, 0, OLD.length).build();
    expect(judge(both, OLD, s, e, { start: 0, end: e - s }).verdict).toBe('right_copy');
    expect(judge(both, OLD, s, e, at(both.text, '三年后果园丰收了', 3)).verdict).toBe('right');
    const onlyCopy = new Builder().keep(d, 0, s).write('\n').copyOf(d, s, e).build();
    const t = truthsOf(onlyCopy, OLD, s, e);
    expect(t.own).toBeNull();
    expect(t.surviving).toBe(true);
    expect(judge(onlyCopy, OLD, s, e, t.copies[0]!).verdict).toBe('right_copy');
  });

  it('units moved behind the rest of the passage start a new run; the larger run is the truth', () => {
    const old = '王建华说：“今年要把果园扩大一倍，再种一千棵树。”';
    const d = docOf(old);
    const always = () => 0.1; // the first style: “…，”王建华说。
    const n = attribMove.revise(d, always);
    expect(n.text).toBe('“今年要把果园扩大一倍，再种一千棵树，”王建华说。');
    const [s, e] = span(old, '说：“今年要把果园扩大一倍');
    const t = truthsOf(n, old, s, e);
    // 说 moved to the end, “ and ： are gone: the 10 units of 今年要把果园扩大一倍 (of 13) are the truth.
    expect(t.own).toEqual(at(n.text, '今年要把果园扩大一倍'));
    // With the speaker's whole name in it, neither part holds 60%: the passage is lost.
    const [s2, e2] = span(old, '王建华说：“今年要把果园');
    expect(truthsOf(n, old, s2, e2).surviving).toBe(false);
  });
});

describe('anchoring-outside8 kinds follow every unit', () => {
  const rng = (xs: number[]) => {
    let i = 0;
    return () => xs[i++ % xs.length]!;
  };
  const check = (old: string, n: Doc) => {
    for (let j = 0; j < n.text.length; j++) {
      const o = n.origin[j]!;
      if (o >= 0) expect(old[o]).toBe(n.text[j]);
    }
  };

  it('qa_labels relabels without touching the answers', () => {
    const old = qaLabels.prepare('标题\n第一问的内容？\n第一答的内容。', rng([0]));
    expect(old).toBe('标题\n问：第一问的内容？\n答：第一答的内容。');
    const n = qaLabels.revise(docOf(old), rng([0.5, 0]));
    check(old, n);
    expect(n.text).toBe('标题\n**记者**：第一问的内容？\n**王建华**：第一答的内容。');
  });

  it('abridge and zhuanti carry kept paragraphs and mark the reprint as copies', () => {
    const old = '标题\n第一段。\n第二段。\n第三段。\n第四段。';
    const a = abridge.revise(docOf(old), rng([0]));
    check(old, a);
    expect(a.text).toBe('标题\n第一段。\n第三段。\n（有删节）');
    const z = zhuanti.revise(docOf(old), rng([0.9]));
    check(old, z);
    const [s, e] = span(old, '第四段。');
    const t = truthsOf(z, old, s, e);
    expect(t.own).not.toBeNull();
    expect(t.copies).toEqual([]); // the abridged copy drops the fourth paragraph
    const [s2, e2] = span(old, '第三段。');
    expect(truthsOf(z, old, s2, e2).copies).toHaveLength(1);
  });

  it('footnote_inline moves the note text to the marker', () => {
    const old = '标题\n这是一项新规定①，今年起实行。\n注释：\n①指有关部门的规定';
    const n = footnoteInline.revise(docOf(old), rng([0]));
    check(old, n);
    expect(n.text).toBe('标题\n这是一项新规定（注：指有关部门的规定），今年起实行。');
    const [s, e] = span(old, '指有关部门的规定');
    expect(truthsOf(n, old, s, e).own).toEqual(at(n.text, '指有关部门的规定'));
  });
});
