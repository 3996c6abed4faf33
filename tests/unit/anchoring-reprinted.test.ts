/**
 * Issue 12 item 4: a 专题 page printing the article twice (the eighth outside bench's zhuanti kind),
 * built by hand. The page holds a 摘要 copy of the old article first (its first three paragraphs)
 * and then the article itself. A highlight whose words and whole stored context stand verbatim in
 * both printings is the passage in either (reprinted.ts), even where its placed neighbours, one in
 * each printing, cannot confirm the copy chosen by its old position; a passage the old text
 * already held twice with its context (twins) is left to its neighbours, as before.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { reprintedWhole } from '../../shared/anchoring/reprinted';
import { at } from './helpers/anchoring-text';

const PARAS = [
  '县里新开的三条公交线路本月起试运行，沿线二十多个村子的群众出行更方便了。',
  '过去从河湾村到县城要走半个小时山路再转两趟车，如今在村口就能坐上直达的班车。',
  '交通局的负责人介绍，新线路的站点是挨家挨户征求意见后才定下来的，票价也比原来便宜。',
  '试运行期间，每条线路早晚各加开两个班次，方便在县城上学的孩子和上班的年轻人。',
  '车站旁的小卖部老板说，这几天等车的人多了，店里的生意也跟着好了起来。',
  '不少老人第一次坐上了新能源公交车，直夸车里干净、座位宽敞、司机耐心。',
  '下一步，县里还打算在乡镇之间开通环线，让赶集和看病都不用再绕远路。',
  '交通局表示，试运行结束后将根据客流情况调整发车间隔，并公开征求乘客的意见。',
];
const OLD = PARAS.join('\n');

/** The 专题 page: a head, the 摘要 copy of the old article's lead, related lines, then the article (its last paragraph edited). */
function zhuanti(): string {
  const abridged = PARAS.slice(0, 3);
  const updated = PARAS.map((p, i) => (i === PARAS.length - 1 ? p.replace('试运行结束后', '试运行已经结束，') : p));
  return [
    '专题｜民生观察',
    '【摘要版】县里新开三条公交线路',
    ...abridged,
    '相关报道：一图读懂本周要闻',
    '【全文】县里新开三条公交线路',
    ...updated,
  ].join('\n');
}

suite('a passage printed twice with all its context', () => {
  const neu = zhuanti();
  const span = (old: string, words: string, n = 0) => describe(old, at(old, words, n), at(old, words, n) + words.length);
  // The passage stands in both printings, its whole context with it; its neighbour after stands
  // only in the article (the 摘要 copy ends before it), so the neighbours cannot confirm either copy.
  const passage = span(OLD, '如今在村口就能坐上直达的班车');
  const neighbour = span(OLD, '直夸车里干净、座位宽敞');

  it('places it on one of the printings, on its very words', () => {
    const [p, n] = anchorAll(neu, [passage, neighbour]);
    expect(n).toMatchObject({ start: at(neu, '直夸车里干净') });
    expect(p).not.toBeNull();
    expect(neu.slice(p!.start, p!.end)).toBe('如今在村口就能坐上直达的班车');
    expect([at(neu, '如今在村口', 0), at(neu, '如今在村口', 1)]).toContain(p!.start);
  });

  it('reads a place as a reprint only with the quote and both whole sides verbatim there', () => {
    const start = at(neu, '如今在村口', 1);
    const a = { start, end: start + passage.exact.length, score: 1 };
    expect(reprintedWhole(neu, passage, a)).toBe(true);
    // One unit of the stored context changed at that place: not this stretch printed again.
    const edited = neu.slice(0, start - 3) + '表示' + neu.slice(start - 1);
    expect(reprintedWhole(edited, passage, { ...a, start: start - 1, end: start - 1 + passage.exact.length })).toBe(false);
    // A passage whose old copies shared the whole context (a twin) is no reprint here.
    expect(reprintedWhole(neu, { ...passage, copies: 1, copyContext: 60 }, a)).toBe(false);
    // Nor one whose copies were not counted (a selector stored before copies were recorded).
    const { copies: _copies, ...uncounted } = passage;
    expect(reprintedWhole(neu, uncounted, a)).toBe(false);
    // Its old copies stood among other words (a set phrase with a few units of this context): still a reprint.
    expect(reprintedWhole(neu, { ...passage, copies: 1, copyContext: 10 }, a)).toBe(true);
  });
});

suite('an attribution at a paragraph head, the 专题 printing the quote twice', () => {
  const paras = [
    '青山镇茶叶合作社今年春茶收购工作近日结束，收购量创下新高。',
    '合作社理事长林青在收购现场接受了采访，她对今年的收成很满意。',
    '林青说：“今年的春茶比去年多了三成，主要是新开的两片茶园进入了采摘期，加上开春以后雨水充足，芽头长得又密又壮，采茶工从早忙到晚都采不完。”',
    '据了解，合作社和三家茶厂签了保底收购合同，茶农不必担心价格下跌。',
    '镇里还请来农技专家，为茶农讲解修剪和施肥的要领。',
  ];
  const old = paras.join('\n');
  // The article moves the attribution behind the quotation; the 摘要 copy rewrites it before.
  const moved = paras.map((p) => p.replace(/^林青说：“(.*)。”$/u, '“$1，”林青说。'));
  const rewritten = paras.map((p) => p.replace(/^林青说：“(.*)。”$/u, '林青表示，$1。'));
  const words = '林青说：“今年的春茶比去年多了三成';
  const sel = describe(old, at(old, words), at(old, words) + words.length);

  it('leaves it an orphan: the copy with the speaker named before the words holds more of it than the label-free place', () => {
    const page = [
      '专题｜一线调研',
      '【摘要版】青山镇春茶收购创新高',
      ...rewritten.slice(0, 4),
      '相关报道：一图读懂本周要闻',
      '【全文】青山镇春茶收购创新高',
      ...moved,
    ].join('\n');
    expect(anchorAll(page, [sel])[0]).toBeNull();
  });

  it('still places it where the article alone moved the attribution (no other copy names the speaker)', () => {
    const neu = moved.join('\n');
    const a = anchorAll(neu, [sel])[0];
    expect(a).not.toBeNull();
    expect(neu.slice(a!.start, a!.end)).toBe('“今年的春茶比去年多了三成');
  });
});
