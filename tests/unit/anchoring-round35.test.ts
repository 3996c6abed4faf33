/**
 * Issue 12 item 4, round 35 (anchor20d): built by hand, our own words.
 * - A paragraph's opening words quoted by a line written right before that paragraph (a 学习问答
 *   edition: 问：怎样做到<the clause>？ then 答： heading the paragraph). The stored prefix (the
 *   previous paragraph's end) reads best before the question's copy; the passage is the copy that
 *   opens the next line and goes on with its words (introduced.ts).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

suite("a paragraph's opening quoted by a question line written before it", () => {
  const P = [
    '村里的图书室去年冬天重新装修，书架换成了松木的，窗边添了两张长桌，孩子们放学后常来写作业。',
    '在图书室开放的第一个周末，管理员老周把捐来的旧书一本本登记造册，又贴上了手写的分类标签。',
    '到了春天，镇上的文化站送来一批新书，其中有不少农业技术手册，很受种地的乡亲们欢迎。',
    '如今每到赶集的日子，图书室里总是坐满了人，有人看报，有人抄写果树嫁接的要领。',
  ];
  const OLD = P.join('\n');
  const CLAUSE = '在图书室开放的第一个周末';
  const HEAD = '在图书室开放的第一';

  it('places the opening on the paragraph, not on the question quoting it', () => {
    const sels = [
      describe(OLD, ...span(OLD, CLAUSE)),
      describe(OLD, ...span(OLD, HEAD)),
      describe(OLD, ...span(OLD, '孩子们放学后常来写作业')),
    ];
    for (const [q, a] of [
      ['问：', '答：'],
      ['Q：', 'A：'],
    ] as const) {
      const NEW = [P[0], `${q}怎样做到${CLAUSE}？`, `${a}${P[1]}`, P[2], P[3]].join('\n');
      const out = anchorAll(NEW, sels);
      const own = at(NEW, `${a}${CLAUSE}`) + a.length;
      expect(out[0]?.start).toBe(own);
      expect(out[0]?.end).toBe(own + CLAUSE.length);
      expect(out[1]?.start).toBe(own);
      expect(out[2]?.start).toBe(at(NEW, '孩子们放学后常来写作业'));
    }
  });

  it('does not move a led-in opening onto a next line that opens with the same words but goes on otherwise', () => {
    const sels = [describe(OLD, ...span(OLD, CLAUSE))];
    // The passage's own paragraph got a lead-in (its words go on there); the next line is another
    // paragraph opening with the same words and other ones after them.
    const NEW = [P[0], `据镇文化站的同志介绍，${P[1]}`, `${CLAUSE}，镇里还办了一场读书分享会，来了三十多位村民。`, P[2], P[3]].join('\n');
    const out = anchorAll(NEW, sels);
    expect(out[0]?.start).toBe(at(NEW, CLAUSE));
    expect(out[0]?.end).toBe(at(NEW, CLAUSE) + CLAUSE.length);
  });
});
