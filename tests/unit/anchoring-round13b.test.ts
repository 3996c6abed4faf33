/**
 * Issue 12 item 4, thirteenth round (b): orphans of a batch found again between their placed
 * neighbours when the quote, held once (or its copies all kept), is found once there exactly or
 * read another way: through OCR look-alikes, with numbers in Chinese read as Arabic ones, or by
 * its words alone (marks restyled, line breaks turned into ；, a note put inside). Built by hand
 * on our own short texts; each case is an orphan for the code before this round.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe, type TextSelector } from '../../shared/anchoring/index';
import { lookAlikeFold, numeralReading, wordsReading } from '../../shared/anchoring/pinned';
import { at, filler } from './helpers/anchoring-text';

/** Paragraphs of our own, each with something a reader marks. */
const BODY = [
  '这次调研覆盖了全省十一个地市。调研组先后召开座谈会二十多场，听取了基层干部和群众的意见。大家普遍反映，审批环节仍然偏多，办事要跑好几个窗口。下一步将把意见汇总成报告，提交省里研究。',
  '去年全市新增就业岗位1200个，其中一半以上来自新引进的企业，这项工作已经完成年初定下的目标。',
  '景区改造项目总投资3000万元，二〇二三年十二月开工，建成后每年可接待游客五十万人次，带动周边农户增收。',
  '老支书说：“这条路修通以后，山里的果子就能卖到城里去了。”村民们都鼓起了掌。',
  '新修订的条例明确了网格员的职责，要求每周入户走访一次，遇到困难及时上报。',
  '会议提出三项要求：\n一、加强组织领导\n二、完善联席会议和信息通报工作机制\n三、强化督促检查落实',
];
const OLD = [...filler(0, 3), ...BODY, ...filler(3, 3)].join('\n');

/** Neighbours on both sides, in paragraphs no revision touches. */
const NEIGHBOURS = ['工作队走访了四十多户农家', '晚饭后来借书的村民', '老党员讲起当年修水渠的经历', '村民看病不必再跑到县城'];

function selectors(quotes: readonly string[]): TextSelector[] {
  return [...NEIGHBOURS, ...quotes].map((q) => describe(OLD, at(OLD, q), at(OLD, q) + q.length));
}

function replaced(text: string, from: string, to: string): string {
  const i = at(text, from);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** The placed words of the last selector, or null for an orphan. */
function placedLast(text: string, quotes: readonly string[]): string | null {
  const out = anchorAll(text, selectors(quotes));
  expect(out.slice(0, NEIGHBOURS.length).every((a) => a !== null)).toBe(true);
  const a = out[out.length - 1];
  return a ? text.slice(a.start, a.end) : null;
}

suite('a passage held once, found once between its placed neighbours', () => {
  const SENTENCE = '调研组先后召开座谈会二十多场，听取了基层干部和群众的意见。';
  // The sentence moved to the end of its paragraph: neither side of its stored context is there.
  const moved = replaced(replaced(OLD, SENTENCE, ''), '提交省里研究。', `提交省里研究。${SENTENCE}`);

  it('is placed on its words after a sentence moved inside its paragraph took its context on both sides', () => {
    expect(placedLast(moved, [SENTENCE])).toBe(SENTENCE);
  });

  it('is still an orphan for anchor() alone: without neighbours nothing pins it', () => {
    const s = describe(OLD, at(OLD, SENTENCE), at(OLD, SENTENCE) + SENTENCE.length);
    expect(anchor(moved, s)).toBeNull();
  });

  it('stays an orphan when the new text holds the quote twice (a copy gained)', () => {
    const twice = replaced(moved, '遇到困难及时上报。', `遇到困难及时上报。${SENTENCE}`);
    expect(placedLast(twice, [SENTENCE])).toBeNull();
  });

  it('stays an orphan when the only copy is a paragraph of its own set apart (a pull quote) and its own was deleted', () => {
    const pull = replaced(replaced(OLD, SENTENCE, ''), '\n景区改造项目', `\n${SENTENCE}\n景区改造项目`);
    expect(placedLast(pull, [SENTENCE])).toBeNull();
  });
});

suite('read through OCR look-alikes', () => {
  it('folds look-alike pairs to one character, length kept', () => {
    expect(lookAlikeFold('20l9年已经')).toBe(lookAlikeFold('2019年己经'));
    expect(lookAlikeFold('12O0')).toHaveLength(4);
    expect(lookAlikeFold('读书')).toBe('读书');
  });

  it('places a 4-unit number with a letter read for a digit (1200 → 12O0)', () => {
    const ocr = replaced(replaced(OLD, '岗位1200个', '岗位12O0个'), '新引进的企业', '新引进的企丠');
    expect(placedLast(ocr, ['1200'])).toBe('12O0');
  });

  it('places a term with 已 misread as 己 and its context misread too', () => {
    const ocr = replaced(OLD, '这项工作已经完成年初', '这项工作己经完成年初');
    expect(placedLast(ocr, ['已经完成'])).toBe('己经完成');
  });

  it('leaves an orphan when more than a third of the units differ', () => {
    const ocr = replaced(OLD, '岗位1200个', '岗位lZOO个');
    expect(placedLast(ocr, ['1200'])).toBeNull();
  });
});

suite('read with numbers in Chinese as Arabic ones', () => {
  it('reads 三千万, 二〇二三, 三点五 and 百分之五十 as the Arabic numbers', () => {
    expect(numeralReading('三千万元').text).toBe('3000万元');
    expect(numeralReading('二〇二三年').text).toBe('2023年');
    expect(numeralReading('三点五米').text).toBe('3.5米');
    expect(numeralReading('百分之五十').text).toBe('50%');
    expect(numeralReading('第三项').text).toBe('第3项');
  });

  it('places a clause whose number was written in Chinese (3000万元 → 三千万元)', () => {
    const zh = replaced(OLD, '总投资3000万元', '总投资三千万元');
    expect(placedLast(zh, ['项目总投资3000万元'])).toBe('项目总投资三千万元');
  });

  it('places a clause whose date in Chinese numerals became Arabic (二〇二三年十二月 → 2023年12月)', () => {
    const ar = replaced(OLD, '二〇二三年十二月开工', '2023年12月开工');
    expect(placedLast(ar, ['二〇二三年十二月开工'])).toBe('2023年12月开工');
  });
});

suite('read by its words alone', () => {
  it('drops marks and short parenthetical notes, keeping offsets', () => {
    const r = wordsReading('走」.这(以下简称"条例")上');
    expect(r.text).toBe('走这上');
    expect([...r.from]).toEqual([0, 3, 14]);
  });

  it('places a quotation whose full stop moved out of its restyled marks (。” → 」。)', () => {
    const quote = '这条路修通以后，山里的果子就能卖到城里去了。';
    const restyled = replaced(OLD, `“${quote}”`, '「这条路修通以后，山里的果子就能卖到城里去了」。');
    expect(placedLast(restyled, [quote])).toBe('这条路修通以后，山里的果子就能卖到城里去了」。');
  });

  it('places a sentence with a note inserted inside it', () => {
    const sentence = '新修订的条例明确了网格员的职责，要求每周入户走访一次，遇到困难及时上报。';
    const glossed = replaced(OLD, '新修订的条例明确', '新修订的条例（以下简称“条例”）明确');
    expect(placedLast(glossed, [sentence])).toBe(
      '新修订的条例（以下简称“条例”）明确了网格员的职责，要求每周入户走访一次，遇到困难及时上报。',
    );
  });

  it('places a list item after the list became one paragraph of ；-parts', () => {
    const prose = replaced(
      OLD,
      '\n一、加强组织领导\n二、完善联席会议和信息通报工作机制\n三、强化督促检查落实',
      '加强组织领导；完善联席会议和信息通报工作机制；强化督促检查落实',
    );
    expect(placedLast(prose, ['完善联席会议和信息通报工作机制'])).toBe('完善联席会议和信息通报工作机制');
  });
});
