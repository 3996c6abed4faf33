/**
 * Issue 12 item 4, eleventh round (b): evidence rules against placements on look-alikes and on
 * other copies of a surviving passage (the WRONG classes look-alike and other-copy of
 * tests/bench/anchoring-outside2.ts), each built by hand on our own short texts.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

/** An opening paragraph that the page repeats further down (a page holding its body twice). */
const OPEN = '市委理论学习中心组召开专题学习会议，传达学习全会精神并部署下一阶段工作。';
const NEXT = '会议强调，各级党组织要把学习成果落实到推动发展的具体行动中去。';

suite('the text start is context too', () => {
  const old = [OPEN, NEXT, ...filler(0, 4), OPEN, NEXT, ...filler(4, 3)].join('\n');
  const quote = '市委理论学习中心组召开专题学习会议';
  const sel = describe(old, 0, quote.length);

  it('keeps the opening passage at the start when a paragraph is inserted after it', () => {
    // The start's own suffix now runs into new words; the copy further down still has them all.
    const neu = old.replace(OPEN + '\n' + NEXT, OPEN + '\n' + '（本报讯）' + filler(9, 1).join('') + '\n' + NEXT);
    expect(anchor(neu, sel)).toMatchObject({ start: 0, end: quote.length });
    expect(anchorAll(neu, [sel])[0]).toMatchObject({ start: 0, end: quote.length });
  });

  it('does not take the copy further down when the words right after the start were corrected', () => {
    // The unit right after the quote changed at the start only: the copy has the stored suffix whole.
    const neu = '市委理论学习中心组召开专题学习会议：' + old.slice(quote.length + 1);
    const placed = anchor(neu, sel);
    expect(placed === null || placed.start === 0).toBe(true);
    expect(placed?.start).not.toBe(at(neu, quote, 1));
  });

  it('still places the opening passage behind a new first line, and a passage with no copy anywhere', () => {
    const neu = '来源：本报记者\n' + old;
    expect(anchor(neu, sel)).toMatchObject({ start: '来源：本报记者\n'.length });
    const single = [OPEN, NEXT, ...filler(0, 4)].join('\n');
    const own = describe(single, 0, quote.length);
    expect(anchor('编者按：' + filler(8, 1).join('') + '\n' + single, own)).not.toBeNull();
  });

  it('keeps the closing passage at the end when a paragraph is inserted before it', () => {
    // The closing paragraph and the one before it appear earlier too (the body twice).
    const close = '会议要求，把学习成果转化为推动发展的实际成效。';
    const body = [...filler(0, 2), NEXT, close, ...filler(2, 4), NEXT, close].join('\n');
    const quote = '转化为推动发展的实际成效。';
    const start = body.length - quote.length;
    const end = describe(body, start, body.length);
    const neu = body.slice(0, body.lastIndexOf(close)) + '（记者 王明 摄）\n' + close;
    expect(anchor(neu, end)).toMatchObject({ start: neu.length - quote.length, end: neu.length });
    expect(anchorAll(neu, [end])[0]).toMatchObject({ start: neu.length - quote.length });
  });
});
