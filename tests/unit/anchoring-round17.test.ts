/**
 * Issue 12 item 4, seventeenth round: passages whose words stand whole while only their edges
 * changed (tests/bench/anchoring-outside5.ts: qa_prose, indirect), on our own short texts: a
 * question turned into prose (问：X？⏎答：Y → 在回答X的提问时，…，Y), an answer's label dropped,
 * quotation marks dropped with ：→ ， before them, a pronoun at the quote's edge changed. And
 * what must stay an orphan: the words whole but their neighbours gone, or the words held twice.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe, type TextSelector } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

function selector(text: string, quote: string, n = 0): TextSelector {
  const start = at(text, quote, n);
  return describe(text, start, start + quote.length);
}

function placed(text: string, s: TextSelector): string | null {
  const a = anchor(text, s);
  const b = anchorAll(text, [s])[0] ?? null;
  expect(b).toEqual(a);
  return a ? text.slice(a.start, a.end) : null;
}

const QUESTION = '问：乡村道路的养护资金今年从哪里来？';
const ANSWER = '答：养护资金由县财政和村集体共同承担，村民也自愿出了一部分工。';
const OLD_QA = [...filler(0, 3), QUESTION, ANSWER, ...filler(3, 3)].join('\n');
const PROSE = '在回答乡村道路的养护资金今年从哪里来的提问时，有关负责人介绍，养护资金由县财政和村集体共同承担，村民也自愿出了一部分工。';
const NEW_QA = [...filler(0, 3), PROSE, ...filler(3, 3)].join('\n');

suite('a question and answer turned into prose', () => {
  it('places the question on its words, without the ？ and the 问： that went', () => {
    const s = selector(OLD_QA, '乡村道路的养护资金今年从哪里来？');
    expect(placed(NEW_QA, s)).toBe('乡村道路的养护资金今年从哪里来');
  });

  it("places an answer's first words without the 答： label", () => {
    const s = selector(OLD_QA, '答：养护资金由县财政和村集体');
    expect(placed(NEW_QA, s)).toBe('养护资金由县财政和村集体');
  });

  it('places a span from the question into its answer over the lead-in that replaced the break', () => {
    const s = selector(OLD_QA, '资金今年从哪里来？\n答：养护资金由县财政');
    expect(placed(NEW_QA, s)).toBe('资金今年从哪里来的提问时，有关负责人介绍，养护资金由县财政');
  });

  it('leaves a span over a break an orphan when a caption paragraph now stands in the break', () => {
    const s = selector(OLD_QA, '资金今年从哪里来？\n答：养护资金由县财政');
    const captioned = [...filler(0, 3), QUESTION.slice(2, -1), '图片来源：本报记者', ANSWER.slice(2), ...filler(3, 3)].join('\n');
    expect(placed(captioned, s)).toBeNull();
  });

  it("places the article's first words, a labelled question, after the lead-in now before them", () => {
    const first = [QUESTION, ANSWER, ...filler(0, 3)].join('\n');
    const prose = ['谈及“乡村道路的养护资金今年从哪里来”时，他表示，' + ANSWER.slice(2), ...filler(0, 3)].join('\n');
    const s = describe(first, 0, 10);
    expect(s.exact).toBe('问：乡村道路的养护资');
    expect(placed(prose, s)).toBe('乡村道路的养护资');
  });

  it('leaves it an orphan when the words stand once but the neighbours are not beside them', () => {
    const s = selector(OLD_QA, '乡村道路的养护资金今年从哪里来？');
    // The same question asked again at the article's end, after other paragraphs: not this passage's place.
    const moved = [...filler(0, 3), ANSWER.slice(2), ...filler(3, 3), '有读者问乡村道路的养护资金今年从哪里来，我们将另文介绍。'].join(
      '\n',
    );
    expect(placed(moved, s)).toBeNull();
  });

  it('leaves it an orphan when the old text held the words twice and its own copy went', () => {
    const twice = [...filler(0, 3), QUESTION, ANSWER, ...filler(3, 2), '乡村道路的养护资金今年从哪里来？这是很多人关心的。'].join('\n');
    // The second copy, whose sentence the revision rewrote: the first copy is another passage.
    const s = selector(twice, '乡村道路的养护资金今年从哪里来？', 1);
    const revised = [...filler(0, 3), PROSE, ...filler(3, 2), '很多人关心的问题。'].join('\n');
    expect(placed(revised, s)).toBeNull();
  });
});

const QUOTED = '她指出：“我们的目标是让每个孩子都能就近上学。”';
const OLD_QUOTE = [...filler(0, 3), QUOTED, ...filler(3, 3)].join('\n');

suite('a quote turned into indirect speech', () => {
  it('places a quote with its marks on its words when the marks and the colon went', () => {
    const indirect = [...filler(0, 3), '她指出，我们的目标是让每个孩子都能就近上学。', ...filler(3, 3)].join('\n');
    const s = selector(OLD_QUOTE, '“我们的目标是让每个孩子都能就近上学。”');
    expect(placed(indirect, s)).toBe('我们的目标是让每个孩子都能就近上学。');
  });

  it('places the quote when its first person became the third (我们 → 他们), from the unchanged unit on', () => {
    const indirect = [...filler(0, 3), '她指出，他们的目标是让每个孩子都能就近上学。', ...filler(3, 3)].join('\n');
    const s = selector(OLD_QUOTE, '我们的目标是让每个孩子都能就近上学。');
    expect(placed(indirect, s)).toBe('们的目标是让每个孩子都能就近上学。');
  });

  it('leaves it an orphan when the sentence after it went too (one side is not evidence)', () => {
    const cut = [...filler(0, 3), '她指出，我们的目标是让每个孩子都能就近上学。另据统计，全县新建了五所小学。', ...filler(4, 2)].join('\n');
    const s = selector(OLD_QUOTE, '“我们的目标是让每个孩子都能就近上学。”');
    expect(placed(cut, s)).toBeNull();
  });
});

const CN = ['县里今年新修了三座桥，两岸的村民过河不用再绕远路了。', '桥修好以后，镇上的集市也比往年热闹了许多。'];
const OLD_PAIR = [...filler(0, 3), ...CN, ...filler(3, 3)].join('\n');
/** Our own English line after each Chinese paragraph, as a 中英对照 republish puts it. */
const EN = ['Three new bridges were built in the county this year.', 'The market in town is busier than before.'];
const BILINGUAL = [...filler(0, 3), CN[0], EN[0], CN[1], EN[1], ...filler(3, 3)].join('\n');

suite('a passage over a break whose paragraphs now have a translation between them', () => {
  it('places its larger piece, at its paragraph edge with its outer context', () => {
    const s = selector(OLD_PAIR, '两岸的村民过河不用再绕远路了。\n桥修');
    expect(placed(BILINGUAL, s)).toBe('两岸的村民过河不用再绕远路了。');
  });

  it('places the second piece when it is the larger', () => {
    const s = selector(OLD_PAIR, '了。\n桥修好以后，镇上的集市也比往年');
    expect(placed(BILINGUAL, s)).toBe('桥修好以后，镇上的集市也比往年');
  });

  it('leaves it an orphan when the pieces are about even (neither holds most of its words)', () => {
    const s = selector(OLD_PAIR, '不用再绕远路了。\n桥修好以后，镇上');
    expect(placed(BILINGUAL, s)).toBeNull();
  });

  it('leaves it an orphan when the larger piece no longer ends its paragraph', () => {
    const s = selector(OLD_PAIR, '两岸的村民过河不用再绕远路了。\n桥修');
    const joined = [...filler(0, 3), CN[0] + '这是大家盼了多年的事。', EN[0], CN[1], ...filler(3, 3)].join('\n');
    expect(placed(joined, s)).toBeNull();
  });
});
