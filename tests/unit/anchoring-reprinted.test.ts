/**
 * Issue 12 item 4: a 专题 page printing the article twice (the eighth outside bench's zhuanti kind
 * mixed with attrib_move), built by hand. A highlight that began with a speaker's attribution at a
 * paragraph's head (王某说：“…) is read by relabelled.ts as a label there; where the page's other
 * printing holds the quote's words with the speaker's name right before them (王某表示，…), that
 * copy holds more of the passage than the label-free place, and the highlight is left an orphan.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at } from './helpers/anchoring-text';

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
