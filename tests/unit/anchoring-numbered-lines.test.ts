/**
 * Issue 12 item 4, the tenth outside bench's line_numbers misses, built by hand: the article copied
 * from a line-numbered layout (a draft's PDF): wrapped every few dozen units, each line led by its
 * number and a tab, a space or an ideographic space, lines breaking inside sentences and numbers.
 * A passage whose words all stand, in order, with only such line numbers inside, is placed over
 * them; numbers that do not run on from line to line are text, and two places that read alike
 * leave the passage an orphan.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { newDocument } from '../../shared/anchoring/doc';
import { numberedLinesPlace } from '../../shared/anchoring/numbered';
import { at, filler } from './helpers/anchoring-text';

const SENTENCE = '会议要求各地在今年汛期到来之前完成全部堤防的检查，发现隐患的地段要在九十天内整改到位。';
const TERM = '堤防';
const PARA = `水利部门昨天召开了专题会议。${SENTENCE}会后各地陆续上报了检查计划。`;

/** The text wrapped every `width` units, each line led by its number (1 … `perPage`, then again) and `sep`. */
function numberLines(text: string, width: number, sep: string, perPage = 25): string {
  const lines: string[] = [];
  for (const para of text.split('\n')) for (let x = 0; x < para.length; x += width) lines.push(para.slice(x, x + width));
  return lines.map((line, i) => `${(i % perPage) + 1}${sep}${line}`).join('\n');
}

/** The line-numbered copy of `words`, as it stands in `numbered` (lines break inside it). */
function spanOf(numbered: string, words: string): string {
  const re = new RegExp([...words].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(?:\\n[0-9]{1,3}[ \\t\\u3000]+)?'));
  const m = re.exec(numbered);
  if (!m) throw new Error(`no copy of ${words}`);
  return m[0];
}

suite('a passage read through a line-numbered copy', () => {
  const [a, b, c, d] = filler(0, 4);
  const old = [a, b, PARA, c, d].join('\n');
  const start = at(old, SENTENCE);
  const sentence = describe(old, start, start + SENTENCE.length);
  const termAt = at(old, TERM);
  const term = describe(old, termAt, termAt + TERM.length);

  it('places a sentence parted by three line numbers (a space after each) over the whole stretch', () => {
    const neu = numberLines(old, 15, ' ');
    const span = spanOf(neu, SENTENCE);
    expect(span.split('\n').length).toBeGreaterThanOrEqual(3);
    const placed = anchorAll(neu, [sentence])[0];
    expect(placed).not.toBeNull();
    expect(neu.slice(placed!.start, placed!.end)).toBe(span);
  });

  it('places it with an ideographic space after the numbers, and a two-unit term cut by a line (堤⏎9　防)', () => {
    const neu = numberLines(old, 17, '\u3000');
    expect(spanOf(neu, TERM)).toBe('堤\n9\u3000防');
    const placed = anchorAll(neu, [sentence, term]);
    expect(placed[0]).not.toBeNull();
    expect(neu.slice(placed[0]!.start, placed[0]!.end)).toBe(spanOf(neu, SENTENCE));
    expect(placed[1]).not.toBeNull();
    expect(neu.slice(placed[1]!.start, placed[1]!.end)).toBe(spanOf(neu, TERM));
  });

  it('does not read through numbers that do not run on from line to line (the text’s own)', () => {
    const own = old.replace('完成全部堤防的检查，发现', '完成全部\n5 堤防的检查，\n9 发现');
    expect(numberedLinesPlace(newDocument(own), sentence)).toBeNull();
  });

  it('does not read a passage that also lost a unit, nor choose between two places that read alike', () => {
    const lost = numberLines(old.replace('九十天内', '九十天'), 17, '\t');
    expect(numberedLinesPlace(newDocument(lost), sentence)).toBeNull();
    const twice = numberLines([a, b, PARA, c, d, a, b, PARA, c].join('\n'), 17, '\t');
    expect(numberedLinesPlace(newDocument(twice), sentence)).toBeNull();
  });
});
