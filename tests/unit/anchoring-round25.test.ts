/**
 * Issue 12 item 4, round 25: the fifth and sixth outside benches' weak kinds
 * (tests/bench/anchoring-outside5.ts, anchoring-outside6.ts), built by hand with our own text.
 * An anti-copy phrase set without brackets at random units through the new text, one of them
 * inside a passage (inserted.ts): the passage is placed over it when the old words stored with
 * the article's highlights never held the phrase, and the phrase is shown inserted elsewhere
 * too (another highlight's stored words read straight across its place there, or it stands
 * at several places as a whole run, with different units on each side).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler, FILLER } from './helpers/anchoring-text';

/** Our own made-up watermark, without brackets. */
const MARK = '转载请注明来自某某平台';

/** Inserts MARK into `text` right after each of `afters` (first occurrence of each). */
function marked(text: string, afters: readonly string[]): string {
  let out = text;
  for (const a of afters) {
    const i = out.indexOf(a);
    if (i < 0) throw new Error(`no ${a}`);
    out = out.slice(0, i + a.length) + MARK + out.slice(i + a.length);
  }
  return out;
}

suite('an unbracketed phrase the revision inserted inside a passage and elsewhere', () => {
  const old = FILLER.slice(0, 8).join('\n');
  const start = at(old, '账目每季度');
  const passage = describe(old, start, start + '账目每季度张榜公布'.length);
  // Another highlight whose stored context covers the other place the phrase went.
  const otherStart = at(old, '卫生院添了');
  const other = describe(old, otherStart, otherStart + 5);

  it('places the passage over the phrase when another highlight saw the other place without it', () => {
    const neu = marked(old, ['账目每季', '镇里的卫生院添了新设备，村民']);
    const placed = anchorAll(neu, [passage, other]);
    expect(placed[0]).not.toBeNull();
    expect(neu.slice(placed[0]!.start, placed[0]!.end)).toBe(`账目每季${MARK}度张榜公布`);
    expect(neu.slice(placed[1]!.start, placed[1]!.end)).toBe('卫生院添了');
  });

  it('places a passage over twice its length when the phrase stands at several other places, each between other units', () => {
    const long = describe(old, at(old, '合作社'), at(old, '哪里') + 2);
    const neu = marked(old, ['账目每季', '春耕时节，驻村', '图书室重新开放以后，晚', '河堤加固工程赶在']);
    const placed = anchorAll(neu, [long]);
    expect(placed[0]).not.toBeNull();
    expect(neu.slice(placed[0]!.start, placed[0]!.end)).toBe(`合作社的账目每季${MARK}度张榜公布，哪一笔钱花在哪里`);
    expect(anchor(neu, long)).toEqual(placed[0]);
    // A shorter passage, no other highlight having seen those places: the phrase is over half its
    // length, as likely a rewrite of it, and it stays an orphan.
    expect(anchorAll(neu, [passage])[0]).toBeNull();
  });

  it('leaves it an orphan when the phrase is held once more with nothing to show it was inserted there', () => {
    const neu = marked(old, ['账目每季', '春耕时节，驻村']);
    expect(anchorAll(neu, [passage])[0]).toBeNull();
  });

  it('leaves it an orphan when the old words stored with the highlights held the phrase', () => {
    // The phrase was the text's own words (a sentence the old text held), cut into the passage.
    const own = `${FILLER[0]}${MARK}。\n${old}`;
    const ownStart = at(own, '账目每季度');
    const sel = describe(own, ownStart, ownStart + '账目每季度张榜公布'.length);
    const seen = describe(own, at(own, MARK) - 4, at(own, MARK));
    const neu = marked(own, ['账目每季', '镇里的卫生院添了新设备，村民', '河堤加固工程赶在']);
    expect(anchorAll(neu, [sel, seen])[0]).toBeNull();
  });

  it('leaves it an orphan when the phrase is followed by the same words at every other place (a sentence cut)', () => {
    // A sentence the new text repeats, its first words inserted inside the passage.
    const sentence = `${MARK}的说明见文末。`;
    const neu = [
      FILLER[0],
      FILLER[1],
      FILLER[2]!.replace('账目每季', `账目每季${MARK}`),
      FILLER[3],
      sentence,
      FILLER[4],
      sentence,
      FILLER[5],
      sentence,
      ...FILLER.slice(6, 8),
    ].join('\n');
    expect(anchorAll(neu, [passage])[0]).toBeNull();
  });
});

suite('a sentence kept verbatim while a stock sentence fills its rewritten paragraph', () => {
  const STOCK = '另外，相关工作正在有序开展。';
  const SENTENCE = '全镇今年新建了十二座蔬菜大棚，带动六十多户农民增收。';
  const NEAR_BEFORE = '请农技专家讲解大棚种植的要点，又组织种植户到邻县的示范基地参观学习，回来后大家信心更足了。';
  const NEAR_AFTER = '镇里还计划明年再建一批冷库，帮助农户把菜卖到城里去，卖个好价钱，';
  const PARA = `开春以来，镇里召开了三次动员会，${NEAR_BEFORE}${SENTENCE}${NEAR_AFTER}也让城里人吃上更新鲜的蔬菜，农户和市民两头都得实惠。`;
  const OLD = [FILLER[0], FILLER[1], PARA, FILLER[2], FILLER[3]].join('\n');
  const sel = describe(OLD, at(OLD, SENTENCE), at(OLD, SENTENCE) + SENTENCE.length);

  it('records pieces of the paragraph past the stored context', () => {
    expect((sel.restBefore?.length ?? 0) + (sel.restAfter?.length ?? 0)).toBeGreaterThan(0);
  });

  it('places the sentence though a stock line of its own stands whole inside its paragraph', () => {
    // The paragraph's far words rewritten (its recorded pieces gone), the stored context kept; the
    // stock sentence added at its end, in other paragraphs, and set once as a line of its own.
    const rewritten = `今年春天，镇里先后组织了多场培训，${NEAR_BEFORE}${SENTENCE}${NEAR_AFTER}${STOCK}`;
    const NEW = [`${FILLER[0]}${STOCK}`, STOCK, rewritten, `${FILLER[2]}${STOCK}`, FILLER[3]].join('\n');
    const placed = anchorAll(NEW, [sel])[0];
    expect(placed).toMatchObject({ start: at(NEW, SENTENCE), end: at(NEW, SENTENCE) + SENTENCE.length });
    expect(anchor(NEW, sel)).toEqual(placed);
  });

  it('still leaves it unplaced in a block that quotes a line standing once elsewhere (a recap)', () => {
    // The paragraph went; a recap quotes the sentence and a whole line that stands once more.
    const NEW = [FILLER[0], FILLER[1], FILLER[3], `回顾：${FILLER[1]}${SENTENCE}`].join('\n');
    expect(anchorAll(NEW, [sel])[0]).toBeNull();
  });
});

suite('a repeated passage between neighbours that a translation after every paragraph pushed apart', () => {
  const NOTICE = '通知：本周六上午九点在村委会召开全体党员大会，请大家准时参加，不得缺席。';
  const paras = filler(0, 64);
  paras.splice(20, 0, NOTICE);
  paras.splice(45, 0, NOTICE);
  const OLD = paras.join('\n');
  const english = (i: number) =>
    `Paragraph ${i} in English: the village work team visited many families this spring and wrote down, one by one, what each household needed most.`;
  const NEW = paras.map((p, i) => `${p}\n${english(i)}`).join('\n');
  // A highlight on each numbered paragraph's number (unique), and the notice's last words at its second copy.
  const numbered = paras.flatMap((p, i) => {
    const m = /（第\d+段）/u.exec(p);
    if (!m) return [];
    const start = OLD.split('\n').slice(0, i).join('\n').length + (i > 0 ? 1 : 0) + m.index;
    return [describe(OLD, start, start + m[0].length)];
  });
  const tail = '请大家准时参加，不得缺席。';
  const second = at(OLD, tail, 1);
  const sel = describe(OLD, second, second + tail.length);

  it('records the notice as held twice, the second copy', () => {
    expect(sel.copies).toBe(1);
    expect(sel.copyRank).toBe(1);
  });

  it('places it on the second copy, the one between its placed neighbours', () => {
    const placed = anchorAll(NEW, [...numbered, sel]);
    expect(placed.slice(0, numbered.length).filter((a) => a !== null).length).toBeGreaterThan(numbered.length / 2);
    expect(placed[numbered.length]).toMatchObject({ start: at(NEW, tail, 1), end: at(NEW, tail, 1) + tail.length });
  });

  it('leaves it an orphan when the copies are no longer as many as before', () => {
    const third = `${NEW}\n${NOTICE}`;
    expect(anchorAll(third, [...numbered, sel])[numbered.length]).toBeNull();
  });
});
