/**
 * Issue 12 item 4, fourteenth round: a lost passage is not placed on the copy or look-alike of its
 * words that survives, and a surviving one is not pulled to a far copy (the classes of
 * tests/bench/anchoring-outside2.ts 441–480 and anchoring-outside3.ts 121–160), built by hand on
 * our own short texts.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe, type TextSelector } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

/** Where each highlight landed, or null. */
function starts(text: string, selectors: TextSelector[]): (number | null)[] {
  return anchorAll(text, selectors).map((a) => a?.start ?? null);
}

function select(text: string, quote: string, n = 0): TextSelector {
  const i = at(text, quote, n);
  return describe(text, i, i + quote.length);
}

// A report that lists its speakers twice: under the main session and, with three units mistyped
// (师动, 教门, 教取), under the main hall. The first list is the passage's; the second its look-alike.
const LIST =
  '在主报告环节，李明远研究员、华东农业大学王敏教授、南方大学陈德生教授、北方大学赵飞教授、水利研究院刘随研究员、东海大学孙林教授等八位专家分别作了学术报告。';
const LIST_MISTYPED = LIST.replace('农业', '农动').replace('王敏教授', '王敏教门').replace('孙林教授', '孙林教取');
const CHAIRS = '报告会分别由江城大学周立教授和东北大学秦亮教授主持。';

suite('a lost passage whose look-alike survives next to where it stood', () => {
  const head = filler(0, 3);
  const tail = filler(3, 3);
  const OLD = [...head, '主报告', LIST + CHAIRS, '主会场', LIST_MISTYPED + CHAIRS, '分会场', ...tail].join('\n');
  // The first list's paragraph deleted: the second now stands right after 主报告, the deleted
  // one's context, and the same chairs' sentence follows both. Its paragraph is set on two lines
  // (as a hard wrap does), so it is no longer the look-alike paragraph describe() recorded.
  const NEW = [...head, '主报告', '主会场', LIST_MISTYPED, CHAIRS, '分会场', ...tail].join('\n');

  it('is an orphan, not placed on the look-alike’s very words', () => {
    const s = select(OLD, LIST);
    expect(s.nearWords?.length).toBeGreaterThan(0);
    const placed = starts(NEW, [s, select(OLD, '春耕时节'), select(OLD, '老党员讲起')]);
    expect(placed[0]).toBeNull();
    expect(placed[1]).toBe(at(NEW, '春耕时节'));
    expect(placed[2]).toBe(at(NEW, '老党员讲起'));
  });

  it('leaves the deleted copy of a sentence held twice an orphan when the survivor has only the other copy’s context', () => {
    // The first 主持 sentence: its twin after the look-alike list keeps the context that twin had,
    // and a sure neighbour just before moved by about as much (the deleted paragraph was short).
    const s = select(OLD, CHAIRS, 0);
    expect(s.copies).toBe(1);
    const placed = starts(NEW, [s, select(OLD, '春耕时节'), select(OLD, '合作社的账目')]);
    expect(placed[0]).toBeNull();
    expect(placed[1]).toBe(at(NEW, '春耕时节'));
    expect(placed[2]).toBe(at(NEW, '合作社的账目'));
  });

  it('still places the surviving copy’s own highlight', () => {
    const s = select(OLD, CHAIRS, 1);
    expect(starts(NEW, [s, select(OLD, '春耕时节'), select(OLD, '合作社的账目')])[0]).toBe(at(NEW, CHAIRS));
  });

  it('still places the passage on its look-alike’s words when the words were corrected in place', () => {
    // The first list corrected to the look-alike's (mistyped) words where it stood, the second
    // list kept: the passage is found at its own place, between its own context.
    const fixed = [
      ...head,
      '主报告',
      LIST_MISTYPED.replace('孙林教取', '孙林教授') + CHAIRS,
      '主会场',
      LIST_MISTYPED + CHAIRS,
      '分会场',
      ...tail,
    ].join('\n');
    expect(starts(fixed, [select(OLD, LIST)])[0]).toBe(at(fixed, '在主报告环节'));
  });
});

// Guards for the remnant rule (copies lost: a third of the stored context must stand by a copy
// that confirms itself). Hand-made remnants like these are already refused by the first pass, on
// the old code too; the rule itself is shown by anchoring-outside2 seed 461 (mixed3), not here.
suite('a sentence held twice whose own copy went with its surroundings', () => {
  const Q = '湖边的柳树在春风里轻轻摇摆';
  const other = `第一回来这里时，${Q}，远处传来钟声。`;
  const own = `傍晚时分我们又回到公园，看见${Q}，孩子们在草地上放风筝。`;
  const OLD = [...filler(0, 3), other, ...filler(3, 4), own, ...filler(7, 3)].join('\n');

  it('is an orphan when the copy left keeps only a remnant of its context', () => {
    // The passage's paragraph deleted; the other copy's sentence edited so that a few units of the
    // passage's context (看见 … ，孩子) now stand next to it: more than that copy had, a remnant still.
    const edited = `第一回来这里时看见${Q}，孩子远处传来钟声。`;
    const NEW = [...filler(0, 3), edited, ...filler(3, 4), ...filler(7, 3)].join('\n');
    const s = select(OLD, Q, 1);
    expect(s.copies).toBe(1);
    expect(starts(NEW, [s])[0]).toBeNull();
  });

  it('is still placed when the copy left is its own, with its context', () => {
    const NEW = [...filler(0, 3), ...filler(3, 4), own, ...filler(7, 3)].join('\n');
    expect(starts(NEW, [select(OLD, Q, 1)])[0]).toBe(at(NEW, Q));
  });
});

suite('a paragraph hard-wrapped where it stood, its page pasted far away unwrapped', () => {
  const PARA = '研究者还对八千名使用“健康日记”小程序的居民做了量化分析，选择这些居民是因为他们连续记录了三个月的睡眠和饮食，数据比较完整。';
  const QUOTE = '健康日记';
  const before = filler(0, 4);
  const after = filler(4, 4);
  const OLD = [...before, PARA, ...after].join('\n');
  // The passage's paragraph broken into lines near its old place; far below (beyond any neighbour
  // gap) the same page pasted again, the paragraph whole.
  const wrapped = PARA.replace('分析，', '分析，\n').replace('饮食，', '饮食，\n');
  const far = Array.from({ length: 12 }, (_, k) => filler(k * 8, 8).join('\n')).join('\n');
  const NEW = [...before, wrapped, ...after, far, ...before, PARA, ...after].join('\n');

  it('keeps the passage on its wrapped line near its old place, not the far unwrapped copy', () => {
    expect(at(NEW, PARA) - at(OLD, PARA)).toBeGreaterThan(3000);
    const s = select(OLD, QUOTE);
    expect(starts(NEW, [s])[0]).toBe(at(NEW, QUOTE));
  });

  it('still moves a passage off a pull quote to the paragraph it restates near it', () => {
    // A pull quote (the sentence alone, set above) is new text; the paragraph it restates stands
    // near the passage's old place.
    const pull = '“健康日记”小程序的居民做了量化分析';
    const NEW2 = [...before, pull, PARA, ...after].join('\n');
    expect(starts(NEW2, [select(OLD, QUOTE)])[0]).toBe(at(NEW2, QUOTE, 1));
  });
});
