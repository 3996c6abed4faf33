/**
 * Issue 12 item 4, eleventh round: a passage whose own words are gone must not be placed on
 * another copy of the same words. describe() records how many other copies of the quote the old
 * text held (`copies`) and how many of them had the stored context around them too
 * (`contextCopies`); when the new text holds fewer copies, one of them was deleted or edited and
 * a copy found elsewhere stands only at the stored position, with a context no other copy had, or
 * where sure neighbours on both sides put it. Hand-made texts (helpers/anchoring-text.ts).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe, type TextSelector } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

/** A paragraph the old text holds twice, with other paragraphs around each copy. */
const SAID = '读原著、学原文、悟原理，是这次专题学习最重要的一条要求，每一位同志都要在工作中把它落到实处。';
const TOP = '编者按：本文根据学习秘书的记录整理，个别文字有改动。';
/** A paragraph long enough that the stored context of a phrase in its middle stays inside it. */
const LONG = `年终总结时大家再次回顾了一年来的学习情况，普遍认为${SAID}明年还要继续坚持下去，每个支部都要拿出具体的措施来。`;

function join(paragraphs: readonly string[]): string {
  return paragraphs.join('\n');
}

/** Selectors for phrases of `text`, each the `n`th occurrence. */
function selectors(text: string, phrases: readonly [string, number][]): TextSelector[] {
  return phrases.map(([p, n]) => {
    const start = at(text, p, n);
    return describe(text, start, start + p.length);
  });
}

suite('describe records the copies of a quote', () => {
  const old = join([...filler(0, 2), SAID, ...filler(2, 3), SAID, ...filler(5, 2)]);

  it('counts the other copies, and how much of the stored context stood next to them', () => {
    const [sel] = selectors(old, [[SAID, 1]]);
    // Other paragraphs around the other copy: only 段）。 of （第N段）。 and chance units are alike.
    expect(sel?.copies).toBe(1);
    expect(sel?.copyContext).toBeGreaterThanOrEqual(3);
    expect(sel?.copyContext).toBeLessThan(16);
    expect(JSON.parse(JSON.stringify(sel))).toEqual(sel);
  });

  it('records no other copy for a quote the text holds once', () => {
    // copies 0 (round 12c): a new text holding the quote more often has gained copies (pull quotes).
    const [sel] = selectors(old, [[filler(3, 1)[0]!.slice(0, 8), 0]]);
    expect(sel?.copies).toBe(0);
    expect(sel?.copyContext).toBe(0);
  });

  it('counts the whole context for a copy inside an identical paragraph', () => {
    const twice = join([...filler(0, 2), LONG, ...filler(2, 3), LONG, ...filler(5, 2)]);
    const [sel] = selectors(twice, [['专题学习', 1]]);
    expect(sel).toMatchObject({ copies: 1, copyContext: 64 });
  });
});

suite('its own copy deleted, another copy elsewhere', () => {
  const old = join([...filler(0, 2), SAID, ...filler(2, 3), SAID, ...filler(5, 2)]);
  const sels = selectors(old, [
    [filler(4, 1)[0]!.slice(2, 14), 0],
    [SAID, 1],
    [filler(5, 1)[0]!.slice(3, 15), 0],
  ]);

  it('leaves the passage an orphan when placed neighbours on both sides put it elsewhere', () => {
    // The second copy deleted; an editor's note on top shifts everything.
    const neu = join([TOP, ...filler(0, 2), SAID, ...filler(2, 3), ...filler(5, 2)]);
    const placed = anchorAll(neu, sels);
    expect(placed[1]).toBeNull();
    // The neighbours themselves are found where they went.
    const shift = TOP.length + 1;
    expect(placed[0]).toMatchObject({ start: (sels[0]?.start ?? 0) + shift });
    expect(placed[2]).toMatchObject({ start: (sels[2]?.start ?? 0) + shift - SAID.length - 1 });
  });

  it('keeps a lone passage found with all its stored context, the other copy being the one deleted', () => {
    const [sel] = selectors(old, [[SAID, 1]]);
    const neu = join([TOP, ...filler(0, 2), ...filler(2, 3), SAID, ...filler(5, 2)]);
    const placed = anchorAll(neu, [sel!]);
    expect(placed[0]).toMatchObject({ start: at(neu, SAID), end: at(neu, SAID) + SAID.length });
  });
});

suite('a paragraph the old text held twice, its second copy deleted', () => {
  const old = join([...filler(0, 2), LONG, ...filler(2, 3), LONG, ...filler(5, 2)]);
  const neu = join([TOP, ...filler(0, 2), LONG, ...filler(2, 3), ...filler(5, 2)]);

  it('leaves a highlight on the deleted copy an orphan although the other has its context too', () => {
    const sels = selectors(old, [
      [filler(4, 1)[0]!.slice(2, 14), 0],
      ['专题学习', 1],
      [filler(5, 1)[0]!.slice(3, 15), 0],
    ]);
    expect(sels[1]).toMatchObject({ copies: 1, copyContext: 64 });
    const placed = anchorAll(neu, sels);
    expect(placed[1]).toBeNull();
    expect(placed[0]).not.toBeNull();
    expect(placed[2]).not.toBeNull();
    // Alone, with no neighbours to tell, too.
    expect(anchorAll(neu, [sels[1]!])[0]).toBeNull();
  });

  it('still places a highlight on the copy that stays, where its neighbours put it', () => {
    const sels = selectors(old, [
      [filler(1, 1)[0]!.slice(2, 14), 0],
      ['专题学习', 0],
      [filler(2, 1)[0]!.slice(3, 15), 0],
    ]);
    const placed = anchorAll(neu, sels);
    expect(placed[1]).toMatchObject({ start: at(neu, '专题学习') });
  });
});

suite('the last paragraph, repeated earlier in the old text', () => {
  // Long enough that the stored prefix of a phrase at its end stays inside it.
  const END = '本期简报到此结束，下一期将刊登各支部交流发言的摘要和学习秘书的工作体会，欢迎大家来稿。';
  const old = join([...filler(0, 2), END, ...filler(2, 3), END]);

  it('is found at the new text end: no other copy can stand at the edge', () => {
    const [sel] = selectors(old, [['欢迎大家来稿', 1]]);
    // The earlier copy had the whole prefix and the final 。, but not the text's end after it.
    expect(sel).toMatchObject({ copies: 1, copyContext: 33 });
    const neu = join([TOP, ...filler(0, 2), ...filler(2, 3), END]);
    expect(anchorAll(neu, [sel!])[0]).toMatchObject({ start: at(neu, '欢迎大家来稿') });
  });

  it('is an orphan when the end was cut, although the earlier copy stands', () => {
    const [sel] = selectors(old, [['欢迎大家来稿', 1]]);
    const neu = join([TOP, ...filler(0, 2), END, ...filler(2, 3)]);
    expect(anchorAll(neu, [sel!])[0]).toBeNull();
  });
});

suite('stored copy counts that make no sense', () => {
  it('are ignored, or leave a copy untrusted', () => {
    const old = join([...filler(0, 2), SAID, ...filler(2, 3), SAID, ...filler(5, 2)]);
    const [sel] = selectors(old, [[SAID, 1]]);
    const neu = join([TOP, ...filler(0, 2), ...filler(2, 3), SAID, ...filler(5, 2)]);
    const plain: TextSelector = { exact: sel!.exact, prefix: sel!.prefix, suffix: sel!.suffix, start: sel!.start, end: sel!.end };
    const expected = anchorAll(neu, [plain])[0];
    expect(expected).not.toBeNull();
    for (const copies of [-1, 1.5, Number.NaN, 10_000]) {
      expect(anchorAll(neu, [{ ...sel!, copies, copyContext: 3 }])[0]).toEqual(expected);
    }
    // Copies known lost but no usable context count: with no neighbours, the copy is not taken.
    for (const copyContext of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(anchorAll(neu, [{ ...sel!, copyContext }])[0]).toBeNull();
    }
  });
});
