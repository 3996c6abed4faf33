/**
 * Issue 12 item 4, round 32 (anchor20a): built by hand, our own words.
 * - A listing the revision wrote (a 目录 on top) copies a run of the text's short lines that stood
 *   one after another (a heading and a caption, lines of code), while at their own place each now
 *   follows a written 返回目录 line: the copy keeps the passage's old neighbours, its own place has
 *   the written line between them. A passage is never placed on the listing (listing.ts).
 * - Not a listing: a few of those lines repeated together later in the body (a later code block),
 *   or a 目录 the old text already had (its 返回目录 lines were in the stored words).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { listingBlocks } from '../../shared/anchoring/listing';
import { at } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

const TITLE = '山村夜校办了三年';
// Short lines (headings, a caption) and the paragraphs between them.
const PARTS: [string, string][] = [
  ['一盏灯照亮一间教室', '村委会腾出两间旧仓库，装上电灯、摆好桌椅，夜校就这样开了张，第一晚来了二十多个人。'],
  ['学员们围坐听讲', ''],
  ['农技课最受欢迎', '农技站的老师每周来讲一次，从选种讲到施肥，学员们的笔记本写得满满当当。'],
  ['法律常识进课堂', '司法所的同志带来一个个身边的案例，讲合同怎么签、借条怎么写，大家听得格外认真。'],
  ['孩子们也来旁听', '放学后不少孩子跟着父母来到夜校，坐在后排写作业，有时也举手问问题。'],
  ['下一步的打算', '村里准备再添一批书架和投影设备，把夜校办成全村人都爱来的学习场所。'],
];
const OLD = [TITLE, '夜校开办的消息一传出，报名的村民就挤满了村委会的院子，大家都想学点新本事。']
  .concat(PARTS.flatMap(([h, p]) => (p ? [h, p] : [h])))
  .join('\n');
/** The 目录 edition: the short lines listed on top, a 返回目录 line before each of them. */
function tocEdition(back: string, numbered: boolean): string {
  const list = PARTS.map(([h], k) => (numbered ? `${k + 1}. ${h}` : h)).join('\n');
  const body = PARTS.flatMap(([h, p]) => (p ? [back, h, p] : [back, h])).join('\n');
  return [TITLE, '目录', list, '夜校开办的消息一传出，报名的村民就挤满了村委会的院子，大家都想学点新本事。', body].join('\n');
}

suite('a listing the revision wrote on top', () => {
  // The caption between two headings, and a span over the caption and the next heading: their
  // stored neighbours are the lines that stood beside them, copied in the same order on top.
  const sels = [
    describe(OLD, ...span(OLD, '学员们围坐听讲')),
    describe(OLD, ...span(OLD, '围坐听讲\n农技课')),
    describe(OLD, ...span(OLD, '法律常识进课堂')),
    describe(OLD, ...span(OLD, '从选种讲到施肥')),
    describe(OLD, ...span(OLD, '照亮一间')),
    describe(OLD, ...span(OLD, '农技课最受')),
  ];

  it("does not place a listed line's passage on the listing", () => {
    const NEW = tocEdition('返回目录', false);
    const out = anchorAll(NEW, sels);
    const listEnd = at(NEW, '返回目录');
    // On its own line (after the 返回目录 line) or an orphan, never the copy on top.
    for (const a of out) expect(a === null || a.start > listEnd).toBe(true);
    expect(out[0] === null || out[0]?.start === at(NEW, '学员们围坐听讲', 1)).toBe(true);
    expect(out[2] === null || out[2]?.start === at(NEW, '法律常识进课堂', 1)).toBe(true);
    // A passage of the body is placed where it went.
    expect(out[3]?.start).toBe(at(NEW, '从选种讲到施肥'));
  });

  it('reads a numbered listing past its numbers', () => {
    const NEW = tocEdition('↑返回目录', true);
    const first = at(NEW, `1. ${PARTS[0]![0]}`);
    const last = at(NEW, PARTS[5]![0]) + PARTS[5]![0].length;
    expect(listingBlocks(NEW, () => false)).toEqual([{ start: first, end: last }]);
    for (const a of anchorAll(NEW, sels)) expect(a === null || a.start >= last).toBe(true);
  });

  it('finds the listing with a note written into one of its lines', () => {
    const NEW = tocEdition('返回目录', false).replace('农技课最受欢迎\n', '农技课最受欢迎（掌声）\n');
    const blocks = listingBlocks(NEW, () => false);
    expect(blocks).toEqual([{ start: at(NEW, PARTS[0]![0]), end: at(NEW, PARTS[5]![0]) + PARTS[5]![0].length }]);
  });

  it('keeps a 目录 the old text already had: its 返回目录 lines were in the stored words', () => {
    const OLDTOC = tocEdition('返回目录', false);
    const s = [describe(OLDTOC, ...span(OLDTOC, '学员们围坐听讲')), describe(OLDTOC, ...span(OLDTOC, '法律常识进课堂', 1))];
    const NEW = OLDTOC.replace(TITLE, `${TITLE}：一间教室里的新本事`);
    const out = anchorAll(NEW, s);
    expect(out[0]?.start).toBe(at(NEW, '学员们围坐听讲'));
    expect(out[1]?.start).toBe(at(NEW, '法律常识进课堂', 1));
  });
});

suite('a few of the lines repeated later are no listing', () => {
  // Eight short lines each after a 返回目录 line; a later block repeats three of them in a row
  // (a code sample shown again), fewer than half of them: no listing, its passage stays placed.
  const LINES = [
    'def load():',
    'rows = []',
    'for item in box:',
    'rows.append(item)',
    'box.close()',
    'return rows',
    'print(rows)',
    'save(rows)',
  ];
  const LEAD = '下面这段示例代码把盒子里的东西一件件取出来，放进一个列表里再交给后面的步骤。';
  const AGAIN = '稍作修改之后，循环部分仍然是下面这三行，只是外面多套了一层：';
  const OLD2 = [
    TITLE,
    LEAD,
    ...LINES,
    AGAIN,
    'for item in box:',
    'rows.append(item)',
    'box.close()',
    '这样改动以后，程序读起来更清楚了。',
  ].join('\n');
  const s = describe(OLD2, ...span(OLD2, 'rows.append(item)', 1));

  it('places a passage of the later block there', () => {
    const NEW = [
      TITLE,
      LEAD,
      ...LINES.flatMap((l) => ['返回目录', l]),
      AGAIN,
      'for item in box:',
      'rows.append(item)',
      'box.close()',
      '这样改动以后，程序读起来更清楚了。',
    ].join('\n');
    expect(listingBlocks(NEW, () => false)).toEqual([]);
    expect(anchorAll(NEW, [s])[0]?.start).toBe(at(NEW, 'rows.append(item)', 1));
  });
});

suite('first words of a short first line whose next lines were replaced', () => {
  const LEAD = '看要点：';
  const BODY = [
    '县里今年新修了三条通村公路，沿线十几个村子的农产品可以直接运到镇上的集市。',
    '公路通车那天，不少老人特地换上新衣服，站在路边看第一趟客车开进村口。',
    '交通部门表示，明年还将在山区增设两条公交线路，方便群众出行。',
  ];
  const OLD = [LEAD, ...BODY].join('\n');
  const s = describe(OLD, 0, LEAD.length);
  // Written lines long enough that the stored next words stand far from the quote.
  const ABSTRACT =
    '【摘要】本文围绕山区交通建设展开论述，介绍了通村公路修通以后群众出行、农产品运输和集市贸易的变化，并就下一步增设公交线路提出了思考。\n【关键词】公路；出行；山区；集市';

  it('places them at the start when they still open the text and stand nowhere else', () => {
    const NEW = [LEAD, ABSTRACT, ...BODY].join('\n');
    const a = anchorAll(NEW, [s])[0];
    expect(a?.start).toBe(0);
    expect(a?.end).toBe(LEAD.length);
  });

  it('leaves them an orphan when the new text holds them again (a head repeating the first line)', () => {
    const NEW = [LEAD, '来源：某某日报', '作者：某某', LEAD, ABSTRACT, ...BODY].join('\n');
    expect(anchorAll(NEW, [s])[0] ?? null).toBeNull();
  });

  it('leaves them an orphan when a line was written above them', () => {
    const NEW = ['交通建设专栏', LEAD, ABSTRACT, ...BODY].join('\n');
    expect(anchorAll(NEW, [s])[0] ?? null).toBeNull();
  });

  it('leaves a quote of under four units an orphan', () => {
    const OLD2 = ['要点：', ...BODY].join('\n');
    const s2 = describe(OLD2, 0, 3);
    const NEW = ['要点：', ABSTRACT, ...BODY].join('\n');
    expect(anchorAll(NEW, [s2])[0] ?? null).toBeNull();
  });
});
