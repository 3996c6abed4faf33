/**
 * Issue 12 item 4, twelfth round: no highlight placed on the wrong words. describe() records the
 * quote's look-alikes in the old text (the quote with a few units changed elsewhere: a summary
 * box repeating a paragraph), `nearErrors` and `nearContext` (lookalikes.ts); anchorAll keeps a
 * placement that differs from the quote in as many units as a look-alike did only with more of
 * the stored context than the look-alike had, or where sure neighbours put it. Hand-made texts
 * (helpers/anchoring-text.ts).
 */
import { describe as suite, expect, it } from 'vitest';
import * as v from 'valibot';
import { anchorAll, describe, type TextSelector } from '../../shared/anchoring/index';
import { StoredSelectorSchema } from '../../shared/domain/highlight';
import { at, filler } from './helpers/anchoring-text';

/** A paragraph, and its near copy with two units changed (栏目 → 专栏 would be a rewrite; 两 → 二, 请 → 邀 are not). */
const OWN = '这次读书会请来了两位退休教师，他们把自己几十年来读书做笔记的方法毫无保留地讲给年轻人听。';
const NEAR = '这次读书会邀来了二位退休教师，他们把自己几十年来读书做笔记的方法毫无保留地讲给年轻人听。';
/** The near copy edited once more in the new text (年轻人 → 青年人), so its fingerprint changes too. */
const NEAR_EDITED = '这次读书会邀来了二位退休教师，他们把自己几十年来读书做笔记的方法毫无保留地讲给青年人听。';

function join(paragraphs: readonly string[]): string {
  return paragraphs.join('\n');
}

function select(text: string, phrase: string, n = 0): TextSelector {
  const start = at(text, phrase, n);
  return describe(text, start, start + phrase.length);
}

const OLD = join([...filler(0, 2), OWN, ...filler(2, 3), NEAR, ...filler(5, 2)]);

suite('describe records look-alikes of the quote', () => {
  it('records the fewest units a look-alike differs in and its context, and the schema accepts them', () => {
    const sel = select(OLD, OWN);
    expect(sel.nearErrors).toBe(2);
    // Other paragraphs around the look-alike: only chance units of the context stand next to it.
    expect(sel.nearContext).toBeGreaterThanOrEqual(0);
    expect(sel.nearContext).toBeLessThan(16);
    expect(v.safeParse(StoredSelectorSchema, JSON.parse(JSON.stringify(sel))).success).toBe(true);
  });

  it('records nothing for a quote without look-alikes, nor for one held exactly twice', () => {
    expect(select(OLD, filler(3, 1)[0]!).nearErrors).toBeUndefined();
    const twice = join([...filler(0, 2), OWN, ...filler(2, 3), OWN, ...filler(5, 2)]);
    expect(select(twice, OWN).nearErrors).toBeUndefined();
  });
});

suite('its paragraph deleted, a look-alike elsewhere edited too', () => {
  const neighbours = (text: string) => [select(text, filler(1, 1)[0]!.slice(2, 16)), select(text, filler(2, 1)[0]!.slice(3, 17))];

  it('leaves the passage an orphan instead of placing it on the look-alike', () => {
    const sels = [neighbours(OLD)[0]!, select(OLD, OWN), neighbours(OLD)[1]!];
    const neu = join([...filler(0, 2), ...filler(2, 3), NEAR_EDITED, ...filler(5, 2)]);
    const placed = anchorAll(neu, sels);
    expect(placed[1]).toBeNull();
    expect(placed[0]).not.toBeNull();
    expect(placed[2]).not.toBeNull();
    // Alone, with no neighbours to tell, too; and a clause of it.
    expect(anchorAll(neu, [select(OLD, OWN)])[0]).toBeNull();
    expect(anchorAll(neu, [select(OLD, '他们把自己几十年来读书做笔记的方法毫无保留地讲给年轻人听')])[0]).toBeNull();
  });

  it('still places the passage edited as much, where its own context stands', () => {
    const own = OWN.replace('两位', '三位').replace('年轻人', '青年人');
    const neu = join([...filler(0, 2), own, ...filler(2, 3), NEAR, ...filler(5, 2)]);
    const [placed] = anchorAll(neu, [select(OLD, OWN)]);
    expect(placed).toMatchObject({ start: at(neu, own), end: at(neu, own) + own.length });
  });

  it('places the look-alike’s own highlight on it, edited', () => {
    const neu = join([...filler(0, 2), ...filler(2, 3), NEAR_EDITED, ...filler(5, 2)]);
    const [placed] = anchorAll(neu, [select(OLD, NEAR)]);
    expect(placed).toMatchObject({ start: at(neu, NEAR_EDITED), end: at(neu, NEAR_EDITED) + NEAR_EDITED.length });
  });
});

/** A paragraph long enough that the stored context of a phrase in its middle stays inside it. */
const LONG =
  '年终总结时大家再次回顾了一年来的学习情况，普遍认为读原著、学原文、悟原理是这次专题学习最重要的一条要求，明年还要继续坚持下去，每个支部都要拿出具体的措施来，年底再逐条对照检查落实的情况。';
const PHRASE = '这次专题学习最重要的一条要求';

suite('a repeated paragraph, the passage’s context edited, the other copy untouched', () => {
  // The page holds the paragraph twice (a story and its reprint), far apart.
  const old = join([...filler(0, 2), LONG, ...filler(2, 3), ...filler(6, 4), LONG, ...filler(5, 2)]);
  // A word right after the phrase changed in the first copy: its suffix no longer matches wholly there.
  const neu = old.replace(`${PHRASE}，明年`, `${PHRASE}，后年`);
  const sel = select(old, PHRASE, 0);

  it('is not placed on the other copy, which kept the context, but on the copy of its own rank', () => {
    expect(sel).toMatchObject({ copies: 1, copyContext: 64, copyRank: 0 });
    // Alone: the other copy shows no more context than it had in the old text, so its context
    // cannot tell; the copies kept their count and order, so the first copy is the passage's.
    expect(anchorAll(neu, [sel])[0]).toMatchObject({ start: at(neu, PHRASE, 0), end: at(neu, PHRASE, 0) + PHRASE.length });
  });

  it('is placed on its own copy where placed neighbours put it', () => {
    const sels = [select(old, filler(1, 1)[0]!.slice(2, 16)), sel, select(old, filler(2, 1)[0]!.slice(3, 17))];
    const placed = anchorAll(neu, sels);
    expect(placed[1]).toMatchObject({ start: at(neu, PHRASE, 0), end: at(neu, PHRASE, 0) + PHRASE.length });
  });

  it('a highlight on the other copy is still placed there', () => {
    const other = select(old, PHRASE, 1);
    expect(anchorAll(neu, [other])[0]).toMatchObject({ start: at(neu, PHRASE, 1) });
  });
});

/** A sentence the old text holds twice, with other paragraphs around each copy. */
const SAID = '读原著、学原文、悟原理，是这次专题学习最重要的一条要求，每一位同志都要在工作中把它落到实处。';

suite('a quote held twice, its own copy deleted and the other edited', () => {
  const old = join([...filler(0, 2), SAID, ...filler(2, 3), SAID, ...filler(5, 2)]);
  const edited = SAID.replace('最重要', '最要紧');

  it('is not placed on the other copy edited: that differs from the quote as much as from any copy', () => {
    const sel = select(old, SAID, 0);
    expect(sel.copies).toBe(1);
    const neu = join([...filler(0, 2), ...filler(2, 3), edited, ...filler(5, 2)]);
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('is not placed on the other copy when its own words were edited instead', () => {
    const neu = join([...filler(0, 2), edited, ...filler(2, 3), SAID, ...filler(5, 2)]);
    const [placed] = anchorAll(neu, [select(old, SAID, 0)]);
    // Its own words edited, an orphan is safe; the untouched copy is another passage's.
    expect(placed?.start).not.toBe(at(neu, SAID));
  });
});
