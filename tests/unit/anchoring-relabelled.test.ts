/**
 * Issue 12 item 4: an interview reprinted in another house style (the eighth outside bench's
 * qa_labels kind), built by hand. The speakers' labels at the paragraphs' heads change form
 * (问：/答： → **记者**：/**林青**：, 【问】/【答】, Q：/A：, or dropped) while not one word of the
 * passage does. A highlight over a question and its answer, or one begun inside its paragraph's
 * label, is placed on its words (relabelled.ts); where the label-free words and context stand
 * twice, it stays an orphan.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { filler } from './helpers/anchoring-text';
import { labelFree } from '../../shared/anchoring/relabelled';

const PARAS = [
  '青山镇茶叶合作社访谈录',
  '问：合作社今年的春茶收成怎么样？',
  '答：比去年多了三成，主要是新开的两片茶园进入了采摘期。',
  '问：价格会不会因此下跌？',
  '答：不会，我们和三家茶厂签了保底收购合同，价格早就定下来了。',
  '问：明年还打算扩大种植面积吗？',
  '答：打算再开一片坡地，不过要先把灌溉渠修好。',
];
const OLD = PARAS.join('\n');

/** The interview with its labels written as `q` and `a` (an edition's house style). */
function restyled(q: string, a: string, paras = PARAS): string {
  return paras.map((p, i) => (i === 0 ? p : p.replace(/^问：/u, q).replace(/^答：/u, a))).join('\n');
}

/** Styles the old passes left this highlight an orphan in (Q：/A： they placed, with the Q's colon). */
const STYLES: [string, string][] = [
  ['**记者**：', '**林青**：'],
  ['【问】', '【答】'],
  ['', ''],
];

suite('labels restyled inside a highlight', () => {
  // Begun inside the question's label (its colon), over the answer's label.
  const from = OLD.indexOf('：价格会不会');
  const to = OLD.indexOf('我们和三家');
  const sel = describe(OLD, from, to);

  for (const [q, a] of STYLES) {
    it(`places the question and the answer's head on their words with labels ${q || '(none)'} / ${a || '(none)'}`, () => {
      const neu = restyled(q, a);
      const placed = anchorAll(neu, [sel])[0];
      expect(placed).not.toBeNull();
      const start = neu.indexOf('价格会不会');
      expect(placed).toMatchObject({ start, end: neu.indexOf('我们和三家') });
      expect(neu.slice(placed!.start, placed!.end)).toBe(`价格会不会因此下跌？\n${a}不会，`);
    });
  }

  it('leaves it an orphan where the restyled interview is printed twice (its label-free words and context stand twice)', () => {
    const neu = [restyled('记者：', '林青：'), restyled('记者：', '林青：')].join('\n');
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('leaves it an orphan where the answer after the label was edited (the words are not the passage as it was)', () => {
    const neu = restyled('**记者**：', '**林青**：').replace('不会，我们', '不，我们');
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('places nothing where no label was at or inside the quote (other passes judge those)', () => {
    const s = OLD.indexOf('主要是新开');
    const plain = describe(OLD, s, s + 10);
    // The words moved away: the relabelling rule has no label to read past, so it adds nothing.
    const neu = restyled('记者：', '林青：').replace('主要是新开的两片茶园进入了采摘期。', '');
    expect(anchorAll(neu, [plain])[0]).toBeNull();
  });
});

suite('an interview printed twice, its labels alternating otherwise in the first printing', () => {
  const swapped = PARAS.map((p) => p.replace(/^问：/u, '＃').replace(/^答：/u, '问：').replace(/^＃/u, '答：'));
  const old = [...swapped, ...filler(0, 3), ...PARAS].join('\n');
  // The second printing's question, with its label.
  const start = old.lastIndexOf('问：价格会不会');
  const sel = describe(old, start, start + '问：价格会不会因此下跌？'.length);

  it('leaves it an orphan where only the first printing keeps the whole context, labels read past', () => {
    // Restyled; the answer after the passage's own question edited (不会 → 不会的).
    const edited = PARAS.map((p) => p.replace('答：不会，我们', '答：不会的，我们'));
    const neu = [restyled('记者：', '林青：', swapped), ...filler(0, 3), restyled('记者：', '林青：', edited)].join('\n');
    // The first printing's 答：价格会不会因此下跌？ was a look-alike differing in its label alone
    // (describe() recorded it): read label-free, the two printings cannot be told apart.
    expect(sel.nearErrors).toBe(1);
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });
});

suite('labelFree', () => {
  it('leaves out head labels in every style and keeps a map to the raw text', () => {
    const raw = '问：甲乙\n**记者**：丙丁\n【答】戊\nQ：己\n庚：辛';
    const f = labelFree(raw, true);
    expect(f.text).toBe('甲乙\n丙丁\n戊\n己\n辛');
    expect(Array.from(f.map, (i) => raw[i]).join('')).toBe(f.text);
  });

  it('takes no label from a line it did not see begin', () => {
    expect(labelFree('记者：甲乙\n问：丙', false).text).toBe('记者：甲乙\n丙');
  });
});
