/**
 * Issue 12 item 4, round 35 (anchor20d): built by hand, our own words.
 * - A paragraph's opening words quoted by a line written right before that paragraph (a 学习问答
 *   edition: 问：怎样做到<the clause>？ then 答： heading the paragraph). The stored prefix (the
 *   previous paragraph's end) reads best before the question's copy; the passage is the copy that
 *   opens the next line and goes on with its words (introduced.ts).
 * - A term blanked out in place by a 填空 edition (______ / （全角空格）), its answer listed at the end:
 *   a copy elsewhere is another mention, not the passage (blanked.ts).
 */
import { describe as suite, expect, it } from 'vitest';
import { blankedInPlace } from '../../shared/anchoring/blanked';
import { newDocument } from '../../shared/anchoring/doc';
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

suite('a term blanked out in place by a fill-in edition (blanked.ts)', () => {
  const P = [
    '全镇今年要把村容整治的根本任务、基本任务、重要任务一一落实，这是对各村工作的总体部署。',
    '镇里的卫生院添了新设备，村民看病不必再跑到县城，省下不少路费和时间。',
    '会上大家再次讨论了乡村振兴中根本任务、基本任务、重要任务，着力解决群众最关心的问题。',
  ];
  const OLD = P.join('\n');
  const s = describe(OLD, ...span(OLD, '基本'));
  const twinOf = (text: string, n: number) => ({ start: at(text, '基本', n), end: at(text, '基本', n) + 2, score: 1 });

  it('reads a copy elsewhere as not the passage when its own place holds a blank with its context around it', () => {
    for (const blank of ['______', '（\u3000\u3000）', '（    ）', '(    )']) {
      const NEW = [P[0]!.replace('基本', blank), P[1], P[2], '参考答案：1.基本'].join('\n');
      expect(blankedInPlace(newDocument(NEW), s, twinOf(NEW, 0))).toBe(true);
      expect(blankedInPlace(newDocument(NEW), s, twinOf(NEW, 1))).toBe(true);
    }
  });

  it('does not refuse the passage on its own place, nor a copy when its own words were replaced by other words', () => {
    const blankedTwin = [P[0], P[1], P[2]!.replace('基本', '______')].join('\n');
    expect(blankedInPlace(newDocument(blankedTwin), s, twinOf(blankedTwin, 0))).toBe(false);
    const reworded = [P[0]!.replace('基本', '主要'), P[1], P[2]].join('\n');
    expect(blankedInPlace(newDocument(reworded), s, twinOf(reworded, 0))).toBe(false);
    // Brackets around words are not a blank.
    const glossed = [P[0]!.replace('基本', '（主要）'), P[1], P[2]].join('\n');
    expect(blankedInPlace(newDocument(glossed), s, twinOf(glossed, 0))).toBe(false);
  });
});
