/**
 * Issue 12 item 4, round 61 (anchor27a): a 摘要 line (summarycopy.ts). A CMS prints its summary
 * field above the body: a label (摘要： / 【摘要】 / 简介：) and the body's opening copied, lines run
 * together, cut with …… . The copy keeps the old words where the body was edited since (a figure
 * masked, two units transposed, a box set between two lines), so it can read the stored quote
 * better than the body: a passage made in the body is not placed on it. Guards: a text whose
 * lines were unwrapped everywhere (no label, no copy), a label line that copies nothing, and a
 * passage made in a 摘要 line the old text had. Our own made-up text throughout.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { summaryLines } from '../../shared/anchoring/summarycopy';
import { at, filler } from './helpers/anchoring-text';

function sel(text: string, words: string, n = 0) {
  const s = at(text, words, n);
  return describe(text, s, s + words.length);
}

const TITLE = '山区小学迎来新学期';
const FIRST = '今天上午，青石镇中心小学的三百二十名学生背着书包走进新教室，开始了新学期的学习。';
const SECOND = '学校今年新建了图书馆和食堂，老师们提前一周就把教室打扫得干干净净。';
const REST = filler(0, 6);
const OLD = [TITLE, FIRST, SECOND, ...REST].join('\n');
/** The summary field: the opening cut mid-sentence, lines joined, …… after it. */
const SUMMARY = '摘要：' + (FIRST + SECOND).slice(0, 60) + '……';

suite('a 摘要 line copying the body’s opening (summarycopy.ts)', () => {
  it('finds the 摘要 line: a label, then most of its words right after it', () => {
    const neu = [TITLE, SUMMARY, FIRST, SECOND, ...REST].join('\n');
    expect(summaryLines(neu)).toEqual([{ start: TITLE.length + 1, end: TITLE.length + 1 + SUMMARY.length }]);
  });

  it('places a passage whose body copy was transposed on the body, not on the 摘要’s exact copy', () => {
    // 倒字 in the body: 书包 → 包书; the summary kept the old words.
    const neu = [TITLE, SUMMARY, FIRST.replace('书包', '包书'), SECOND, ...REST].join('\n');
    const a = anchor(neu, sel(OLD, '青石镇中心小学的三百二十名学生背着书包走进新教室'));
    const line = summaryLines(neu)[0]!;
    expect(a === null || a.start >= line.end).toBe(true);
    // Base placed it on the summary's copy.
    expect(a?.start ?? -1).not.toBe(at(neu, '青石镇'));
  });

  it('places a short figure whose neighbour was masked in the body on the body’s copy', () => {
    // 保密审查: the figure before the date masked digit by digit in the body only.
    const first = '开学已经第32天，9月2日，青石镇中心小学的学生们走进新教室，开始报到。';
    const old = [TITLE, first, SECOND, ...REST].join('\n');
    const neu = [TITLE, '简介：' + (first + SECOND).slice(0, 50) + '……', first.replace('32', '××'), SECOND, ...REST].join('\n');
    const [a] = anchorAll(neu, [sel(old, '2日')]);
    expect(a).toMatchObject({ start: at(neu, '2日', 1), end: at(neu, '2日', 1) + 2 });
  });

  it('guard: leaves a passage over a break an orphan when the body parted it (base did so too)', () => {
    // A 要点 box set between the two lines in the body; the summary joined them.
    const box = ['【本文要点】', '●学校新建了图书馆。', '●学生走进新教室。'];
    const neu = [TITLE, SUMMARY, FIRST, ...box, SECOND, ...REST].join('\n');
    const a = anchor(neu, sel(OLD, '开始了新学期的学习。\n学校今年新建了图书馆'));
    const line = summaryLines(neu)[0]!;
    expect(a === null || a.start >= line.end).toBe(true);
  });

  it('keeps a passage made in a 摘要 line the old text had on that line', () => {
    const old = [TITLE, SUMMARY, FIRST, SECOND, ...REST].join('\n');
    const neu = [TITLE, SUMMARY, FIRST.replace('书包', '包书'), SECOND, ...REST].join('\n');
    const a = anchor(neu, sel(old, '摘要：今天上午，青石镇'));
    expect(a).toMatchObject({ start: at(neu, '摘要：'), end: at(neu, '摘要：') + '摘要：今天上午，青石镇'.length });
  });

  it('finds no 摘要 in a text unwrapped everywhere, nor in a label line that copies nothing', () => {
    const unwrapped = [TITLE, FIRST + SECOND, REST.join('')].join('\n');
    expect(summaryLines(unwrapped)).toEqual([]);
    const note = '简介：青石镇位于县城东南，全镇共有九个行政村，以种植茶叶和板栗为主。';
    expect(summaryLines([TITLE, note, FIRST, SECOND, ...REST].join('\n'))).toEqual([]);
  });
});
