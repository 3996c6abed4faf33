/**
 * Issue 12 item 4, fifteenth round (anchor13b): paragraph labels. A paragraph's outline or list
 * marker (一、 （一） 1. 1） ● 第N条, a table row's number 1⇥) is one kind of unit in the comparison
 * form: a restyle (（一）→1.), a renumbering (第二条→第三条) or a reprint that drops the markers
 * leaves the passage and its context matching. Built by hand on our own text.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { HEAD_MARK, normalise } from '../../shared/anchoring/normalise';

const span = (text: string, q: string, from = 0): [number, number] => {
  const i = text.indexOf(q, from);
  expect(i, q).toBeGreaterThanOrEqual(0);
  return [i, i + q.length];
};

const placedText = (text: string, a: { start: number; end: number } | null) => (a ? text.slice(a.start, a.end) : null);

const MARK = String.fromCharCode(HEAD_MARK);

suite('paragraph head markers in the comparison form', () => {
  it('markers of every style at a paragraph head are one unit, each of several its own', () => {
    expect(normalise('（一）会议材料', true)).toBe(`${MARK}会议材料`);
    expect(normalise('1.会议材料', true)).toBe(`${MARK}会议材料`);
    expect(normalise('二、会议材料', true)).toBe(`${MARK}会议材料`);
    expect(normalise('第十二条\u3000会议材料', true)).toBe(`${MARK}会议材料`);
    expect(normalise('3\t会议材料', true)).toBe(`${MARK}会议材料`);
    expect(normalise('（二）●会议材料', true)).toBe(`${MARK}${MARK}会议材料`);
  });

  it('numbers and words that only look like markers stay words', () => {
    expect(normalise('1.5亿元投入', true)).toBe('1.5亿元投入');
    expect(normalise('2024年起', true)).toBe('2024年起');
    expect(normalise('第一条新闻是', true)).toBe('第一条新闻是');
    // Not at a paragraph head: words.
    expect(normalise('依照第二条\u3000规定', false)).toBe('依照第二条规定');
  });
});

const OUTLINE_OLD = [
  '关于加强机关会议管理的通知',
  '一、总体要求',
  '（一）会议实行年度计划管理，由各部门于每年一月报送计划。',
  '（二）一般性会议原则上不超过一个半小时，发言不超过十分钟。',
  '二、具体措施',
  '（一）会议材料应当提前两天印发参会人员，避免临时加印。',
  '（二）能合并召开的会议一律合并召开，能以文件代替的不再开会。',
].join('\n');

suite('outline markers restyled or dropped', () => {
  const restyled = OUTLINE_OLD.replace(/（一）/g, '1.')
    .replace(/（二）/g, '2.')
    .replace('一、', '（一）')
    .replace('二、', '（二）');
  const dropped = OUTLINE_OLD.replace(/^(?:[一二]、|（[一二]）)/gm, '');

  it('a highlight that begins with its item marker is placed with the new marker', () => {
    const s = describe(OUTLINE_OLD, ...span(OUTLINE_OLD, '（一）会议材料应当提前两天印发'));
    const a = anchor(restyled, s);
    expect(placedText(restyled, a)).toBe('1.会议材料应当提前两天印发');
    expect(a!.start).toBe(span(restyled, '1.会议材料')[0]);
  });

  it('a heading highlighted whole is found with its restyled number', () => {
    const s = describe(OUTLINE_OLD, ...span(OUTLINE_OLD, '二、具体措施'));
    expect(placedText(restyled, anchor(restyled, s))).toBe('（二）具体措施');
  });

  it('with the markers dropped by a reprint the words alone are placed', () => {
    const s = describe(OUTLINE_OLD, ...span(OUTLINE_OLD, '（二）能合并召开的会议一律合并召开'));
    expect(placedText(dropped, anchor(dropped, s))).toBe('能合并召开的会议一律合并召开');
  });

  it('one item under two headings, its markers restyled, is not put on the other copy', () => {
    const item = '会议结束后三日内形成纪要并报送办公室。';
    const old = [
      '一、总体要求',
      `（一）${item}`,
      '1.会议材料应当提前两天印发参会人员，避免临时加印。',
      '二、具体措施',
      `1.${item}`,
      '（一）能合并召开的会议一律合并召开，能以文件代替的不再开会。',
    ].join('\n');
    // （一）→1. and 1.→（1）: the copy that had 1. now looks like the old （一） one did.
    const revised = old
      .replace(/（一）/g, '#')
      .replace(/1\./g, '（1）')
      .replace(/#/g, '1.');
    const s = describe(old, ...span(old, `（一）${item}`));
    const a = anchor(revised, s);
    const other = span(revised, `（1）${item}`);
    if (a) expect(a.start).not.toBe(other[0]);
  });
});

const ARTICLE = (clauses: readonly string[]) =>
  [
    '为规范机关会议管理，提高会议效率，结合本单位实际，制定本办法。',
    ...clauses.map((c, i) => `第${'一二三四五六'[i]}条\u3000${c}`),
    '本办法由办公室负责解释，自印发之日起施行。',
  ].join('\n');

suite('article numbers renumbered', () => {
  const old = ARTICLE([
    '会议实行年度计划管理，由各部门于每年一月报送。',
    '一般性会议原则上不超过一个半小时，发言不超过十分钟。',
    '会议材料应当提前两天印发参会人员。',
  ]);
  const revised = ARTICLE([
    '会议实行年度计划管理，由各部门于每年一月报送。',
    '能合并召开的会议一律合并召开，能以文件代替的不再开会。',
    '一般性会议原则上不超过一个半小时，发言不超过十分钟。',
    '会议材料应当提前两天印发参会人员。',
  ]);

  it('a highlighted article number goes to its article, renumbered, not to the new one that took it', () => {
    const quotes = ['由各部门于每年一月报送', '第三条', '会议材料应当提前两天印发'];
    const out = anchorAll(
      revised,
      quotes.map((q) => describe(old, ...span(old, q))),
    );
    expect(placedText(revised, out[1] ?? null)).toBe('第四条');
    expect(out[1]!.start).toBe(span(revised, '第四条')[0]);
  });

  it('a highlight over the number and the first words keeps the new number', () => {
    const s = describe(old, ...span(old, '第二条\u3000一般性会议原则上'));
    expect(placedText(revised, anchor(revised, s))).toBe('第三条\u3000一般性会议原则上');
  });
});
