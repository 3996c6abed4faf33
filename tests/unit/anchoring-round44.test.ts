/**
 * Issue 12 item 4, round 44 (anchor22d): built by hand, our own words.
 * - A passage that closed the old text, its nearest line a short one (祝大家 on a line of its own),
 *   a pull quote of it set above that line: the copy at the end keeps the short line whole, the
 *   pull quote keeps more of the prefix; nothing says which (index.ts nearSideStands).
 * - A one-sentence paragraph printed again a paragraph further on: the neighbours after it moved
 *   with the later printing, which says nothing about which printing is the passage (twinmove.ts).
 * - The title line parted near its start by a 相关阅读 block that repeats the whole line: a
 *   placement after a copy of the line's opening is on the copy (partedopening.ts).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

suite('the closing line with a short line above it, a pull quote of it set above that line', () => {
  const F = filler(0, 5);
  const LAST = '出门在外，平安回家。';
  const OLD = [...F, '请把这条消息告诉身边的人，', '祝大家', LAST].join('\n');
  const sels = [describe(OLD, ...span(OLD, LAST)), describe(OLD, ...span(OLD, '出门在外，平安回家'))];

  it('does not place the passage on the pull quote', () => {
    const neu = ['内容提要：请把消息告诉身边的人。', ...F, '请把这条消息告诉身边的人，', LAST, '祝大家', LAST].join('\n');
    const got = anchorAll(neu, sels);
    for (const a of got) expect(a === null || a.start === at(neu, LAST, 1)).toBe(true);
  });

  it('still places it at the end when nothing was set above the short line', () => {
    const neu = [...F.slice(0, 2), F[3], F[2], F[4], '请把这条消息告诉身边的人，', '祝大家', LAST].join('\n');
    const got = anchorAll(neu, sels);
    expect(got[0]?.start).toBe(at(neu, LAST));
    expect(got[1]?.start).toBe(at(neu, LAST));
  });
});

suite('a one-sentence first paragraph printed again a paragraph further on', () => {
  const P1 =
    '今天上午，市图书馆在城东新馆举行开馆仪式，正式向市民开放全部阅览室、少儿借阅区和自习区，首批上架的十二万册图书可以凭身份证免费借阅。';
  const X = '■ 新馆的自习区共有六百个座位，晚上开放到十点。';
  const F = filler(0, 6);
  const OLD = [P1, ...F].join('\n');
  const sels = [
    describe(OLD, ...span(OLD, '今天上午，市图书馆')),
    describe(OLD, ...span(OLD, '城东新馆')),
    describe(OLD, ...span(OLD, F[0]!.slice(3, 15))),
    describe(OLD, ...span(OLD, F[1]!.slice(2, 12))),
    describe(OLD, ...span(OLD, F[3]!.slice(4, 14))),
  ];
  const SUMMARY = '内容提要：新馆开放，自习区晚上开放到十点，全部阅览室免费进入。';

  it('leaves the passage an orphan rather than moving it to the printing its neighbours point at', () => {
    const neu = [SUMMARY, P1, X, P1, ...F].join('\n');
    const got = anchorAll(neu, sels);
    for (const a of got.slice(0, 2)) expect(a === null || a.start < at(neu, X)).toBe(true);
    expect(got[2]?.start).toBe(at(neu, F[0]!.slice(3, 15)));
  });

  it('still places it when the paragraph is printed once', () => {
    const neu = [SUMMARY, P1, X, ...F].join('\n');
    const got = anchorAll(neu, sels);
    expect(got[0]?.start).toBe(at(neu, '今天上午，市图书馆'));
    expect(got[1]?.start).toBe(at(neu, '城东新馆'));
  });
});

suite('the title line parted near its start by a 相关阅读 block repeating it', () => {
  const TITLE = '本站原题：《好消息！城东新图书馆下月开放！借书全免费》';
  const F = filler(0, 6);
  const OLD = [TITLE, ...F].join('\n');
  const QS = ['城东新图书馆下月开放', '城东新图书馆', '新图书馆下月', '《好消息！城东新图书馆'];
  const sels = QS.map((q) => describe(OLD, ...span(OLD, q)));

  it('does not place a passage of the line on the block’s copy', () => {
    const neu = ['本站原题：《好消息！', '相关阅读：', TITLE, '社区动态｜新书推荐', '城东新图书馆下月开放！借书全免费》', ...F].join('\n');
    const got = anchorAll(neu, sels);
    const copy = at(neu, TITLE);
    got.forEach((a) => expect(a === null || a.start < copy || a.start >= copy + TITLE.length).toBe(true));
  });

  it('still places it in the first printing of a text printed twice, its first line whole', () => {
    const old = [TITLE, F[0], F[1], TITLE, F[2], F[3]].join('\n');
    const s = describe(old, ...span(old, '城东新图书馆下月开放'));
    const neu = [TITLE, F[0], F[4], F[1], TITLE, F[2], F[3]].join('\n');
    expect(anchorAll(neu, [s])[0]?.start).toBe(at(neu, '城东新图书馆下月开放'));
  });

  it('still places it when the title line was not parted', () => {
    const neu = ['相关阅读：社区动态｜新书推荐', TITLE, ...F].join('\n');
    const got = anchorAll(neu, sels);
    got.forEach((a, i) => expect(a?.start).toBe(at(neu, QS[i]!)));
  });
});
