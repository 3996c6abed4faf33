/**
 * Issue 12 item 4, round 49 (anchor24a): built by hand, our own words.
 * - The closing line printed twice at the text's end (a pull quote of it set right above it): the
 *   passage is the copy that still closes the text (stutter.ts pairAtEdges; restatedline.ts takes
 *   the text's end as the line's stored side). With new words after both copies (a footer), its
 *   empty stored suffix stands after either: nothing tells, an orphan.
 * - A number rewritten in place (28岁 → 二十八岁) while a pull quote elsewhere keeps the old
 *   form: the stored context stands around the rewritten number, so the exact copy elsewhere is
 *   not the passage (replaced.ts reads numbers in Arabic digits).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

suite('the closing line printed twice at the text end', () => {
  const F = filler(0, 6);
  const LAST = '（文中受访者均为化名，照片由社区提供，部分段落有删节，感谢各位读者一直以来的耐心阅读。）';
  const OLD = [...F, LAST].join('\n');
  const sels = [
    describe(OLD, ...span(OLD, F[4]!.slice(2, 12))),
    describe(OLD, ...span(OLD, F[5]!.slice(3, 14))),
    describe(OLD, ...span(OLD, LAST)),
    describe(OLD, ...span(OLD, '照片由社区提供')),
  ];

  it('places the passage on the copy that still closes the text', () => {
    const neu = [...F, LAST, LAST].join('\n');
    const got = anchorAll(neu, sels);
    expect(got[1]?.start).toBe(at(neu, F[5]!.slice(3, 14)));
    expect(got[2]?.start).toBe(at(neu, LAST, 1));
    expect(got[3]?.start).toBe(at(neu, '照片由社区提供', 1));
  });

  it('leaves it an orphan when new words follow both copies (the end no longer says which)', () => {
    const neu = [...F, LAST, LAST, '（本文有删节，原题为“社区里的一天”）'].join('\n');
    const got = anchorAll(neu, sels);
    expect(got[1]?.start).toBe(at(neu, F[5]!.slice(3, 14)));
    expect(got[2]).toBeNull();
    expect(got[3]).toBeNull();
  });

  it('still places a line printed twice in the middle on its first copy, and the closing line left alone', () => {
    const neu = [...F.slice(0, 3), F[3], F[3], ...F.slice(4), LAST].join('\n');
    const sel = describe(OLD, ...span(OLD, F[3]!.slice(0, 10)));
    const got = anchorAll(neu, [...sels, sel]);
    expect(got[2]?.start).toBe(at(neu, LAST));
    expect(got[4]?.start).toBe(at(neu, F[3]!.slice(0, 10)));
  });
});

suite('a number rewritten in place, the old form kept in a pull quote elsewhere', () => {
  const F = filler(3, 6);
  const P = '28岁的王小红从师范学校毕业后回到家乡，在村小教语文和音乐，一教就是六年。';
  const OLD = [F[0], F[1], P, F[2], F[3], F[4], F[5]].join('\n');
  const sels = [describe(OLD, ...span(OLD, '28岁')), describe(OLD, ...span(OLD, F[3]!.slice(2, 12)))];

  it('does not place the number on the pull quote', () => {
    const rewritten = P.replace('28岁', '二十八岁');
    const neu = [F[0], F[1], rewritten, F[2], F[3], F[4], P, F[5]].join('\n');
    const got = anchorAll(neu, sels);
    const a = got[0];
    expect(!a || a.start < at(neu, F[2]!)).toBe(true);
    expect(got[1]?.start).toBe(at(neu, F[3]!.slice(2, 12)));
  });

  it('still places it in place when the number stands as it was beside the pull quote', () => {
    const neu = [F[0], F[1], P, F[2], F[3], F[4], P, F[5]].join('\n');
    const got = anchorAll(neu, sels);
    expect(got[0]?.start).toBe(at(neu, '28岁'));
  });
});
