/**
 * Issue 12 item 4, tenth round: the second outside tester's near-copy traps
 * (tests/bench/anchoring-outside2.ts), built by hand. describe() sees the whole old text, so a
 * selector records fingerprints of the other paragraphs that hold the quote or words of it; a
 * placement inside one of those, unchanged, is another passage's paragraph and stays an orphan.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe, type TextSelector } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const HEAD = '区委中心组围绕学习贯彻全会精神开展专题研讨，';
const QUOTE = '与会同志一致认为要把学习成果转化为推动高质量发展的实际成效';
/** Two reports of one meeting that differ only in the last figure, far past the quote's stored context. */
const tail = (n: string) => `。会议还通报了上半年重点项目推进情况，全区新开工项目共计${n}个，完成年度计划的六成以上。`;
const OWN = HEAD + QUOTE + tail('二十三');
const NEAR = HEAD + QUOTE + tail('二十五');
/** The near copy with two units of the quote itself changed too. */
const NEAR_EDITED = HEAD + QUOTE.replace('实际成效', '具体成效') + tail('二十五');

function oldText(near: string): string {
  return [...filler(0, 3), OWN, ...filler(3, 4), near, ...filler(7, 3)].join('\n');
}

function without(text: string, paragraph: string): string {
  return text
    .split('\n')
    .filter((p) => p !== paragraph)
    .join('\n');
}

/** The same selector as an older version of the app stored it: no fingerprints. */
function plain(s: TextSelector): TextSelector {
  return { exact: s.exact, prefix: s.prefix, suffix: s.suffix, start: s.start, end: s.end };
}

suite('a paragraph deleted while its near copy stays', () => {
  const old = oldText(NEAR);
  const start = at(old, QUOTE);
  const sel = describe(old, start, start + QUOTE.length);

  it('records the look-alike paragraph, and stays plain JSON', () => {
    expect(sel.others?.length).toBe(1);
    expect(JSON.parse(JSON.stringify(sel))).toEqual(sel);
  });

  it('leaves the highlight an orphan instead of taking the copy, context and all', () => {
    const neu = without(old, OWN);
    expect(anchor(neu, sel)).toBeNull();
    expect(anchorAll(neu, [sel])[0]).toBeNull();
    // A selector without fingerprints (stored by an older version) is placed as before.
    expect(anchor(neu, plain(sel))).not.toBeNull();
  });

  it('still finds its own paragraph when the near copy is the one deleted', () => {
    const neu = without(old, NEAR);
    expect(anchor(neu, sel)).toMatchObject({ start, end: start + QUOTE.length });
    const moved = ['编者按：' + filler(10, 1).join(''), neu].join('\n');
    const shift = moved.length - neu.length;
    expect(anchor(moved, sel)).toMatchObject({ start: start + shift });
    expect(anchorAll(moved, [sel])[0]).toMatchObject({ start: start + shift });
  });

  it('still finds its own paragraph edited elsewhere, with the near copy standing', () => {
    const neu = old.replace(OWN, OWN.replace('二十三', '二十四'));
    expect(anchor(neu, sel)).toMatchObject({ start, end: start + QUOTE.length });
  });
});

suite('a paragraph deleted while a near copy with the quote edited stays', () => {
  const old = oldText(NEAR_EDITED);
  const start = at(old, QUOTE);
  const sel = describe(old, start, start + QUOTE.length);

  it('leaves the highlight an orphan instead of the look-alike', () => {
    const neu = without(old, OWN);
    expect(anchor(neu, sel)).toBeNull();
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('still places the quote edited at its own place', () => {
    const neu = old.replace(OWN, OWN.replace('推动', '促进'));
    expect(anchor(neu, sel)).toMatchObject({ start });
  });
});
