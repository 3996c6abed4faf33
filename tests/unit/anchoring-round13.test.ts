/**
 * Issue 12 item 4, thirteenth round: no highlight on the wrong words when copies of its quote
 * come or go (the pull-quote, reordered-copy, look-alike and added-page classes of
 * tests/bench/anchoring-outside3.ts, -outside2.ts, -independent.ts and anchoring.ts), built by
 * hand on our own short texts.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe, type TextSelector } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

/** Where each highlight landed, or null. */
function starts(text: string, selectors: TextSelector[]): (number | null)[] {
  return anchorAll(text, selectors).map((a) => a?.start ?? null);
}

function select(text: string, quote: string, n = 0): TextSelector {
  const i = at(text, quote, n);
  return describe(text, i, i + quote.length);
}

suite('a paragraph set twice in a row', () => {
  const LINE = '夜校的结业仪式上，二十名学员领到了证书，其中年纪最大的已经六十七岁。';
  const paras = [...filler(0, 4), LINE, ...filler(4, 4)];
  const OLD = paras.join('\n');
  const quotes = [LINE, '领到了证书', '春耕时节', '河堤加固工程'];
  const selectors = () => quotes.map((q) => select(OLD, q));

  // anchor15a: A S S B reads the same whichever S is new (a paste twice in a row, or a whole
  // paragraph copied right next to it); each copy keeps the stored context on its outer side,
  // and the passage goes to the first (stutter.ts). Was: both orphans.
  for (const where of ['after', 'before'] as const) {
    it(`places the highlights of its words on the first copy when a copy is set right ${where} it`, () => {
      const copy = [...paras];
      copy.splice(where === 'after' ? 5 : 4, 0, LINE);
      const neu = copy.join('\n');
      const placed = starts(neu, selectors());
      expect(placed[0]).toBe(at(neu, LINE));
      expect(placed[1]).toBe(at(neu, '领到了证书'));
      // Passages elsewhere are untouched by the rule.
      expect(placed[2]).toBe(at(neu, '春耕时节'));
      expect(placed[3]).toBe(at(neu, '河堤加固工程'));
    });
  }

  it('keeps them on their own paragraph when the copy stands apart, where context tells them apart', () => {
    const copy = [...paras];
    copy.splice(1, 0, LINE);
    const neu = copy.join('\n');
    const placed = starts(neu, selectors());
    expect(placed[0]).toBe(at(neu, LINE, 1));
    expect(placed[1]).toBe(at(neu, '领到了证书', 1));
  });

  it('keeps them where they were when the old text already held the paragraph twice in a row', () => {
    const twice = [...paras.slice(0, 5), LINE, ...paras.slice(5)];
    const old = twice.join('\n');
    const s = [select(old, '领到了证书', 0), select(old, '领到了证书', 1)];
    const neu = [...twice.slice(0, 2), '新增的一段说明文字，与其他段落都不相同。', ...twice.slice(2)].join('\n');
    expect(starts(neu, s)).toEqual([at(neu, '领到了证书', 0), at(neu, '领到了证书', 1)]);
  });
});

suite('a pull quote restating a paragraph that a summary on top restates too', () => {
  const SOURCE = '社区医生每周二上门为行动不便的老人测量血压，并把结果登记在健康档案里（来源：卫生院）';
  const OLD = [...filler(0, 3), SOURCE, ...filler(3, 4)].join('\n');
  const quote = '卫生院）';

  it('puts the highlight on the paragraph of the old size, not on the ■ copy below it', () => {
    const summary = `内容提要：医生上门服务受到欢迎。${SOURCE}本报将继续关注。`;
    const neu = [summary, ...filler(0, 3), SOURCE, `■ ${SOURCE}`, ...filler(3, 4)].join('\n');
    const s = select(OLD, quote);
    expect(s.copies).toBe(0);
    const [placed] = starts(neu, [s, select(OLD, '春耕时节')]);
    expect(placed).toBe(at(neu, quote, 1));
  });
});

suite('copies of a heading whose paragraphs were reordered', () => {
  const HEAD = '从试点到推广只用了半年';
  const BODY = `镇长介绍，这项服务${HEAD}。`;
  const paras = [...filler(0, 3), HEAD, BODY, ...filler(3, 3)];
  const OLD = paras.join('\n');

  it('does not move a highlight in the heading onto its words inside the paragraph now before it', () => {
    const s = [select(OLD, '推广只用', 0), select(OLD, HEAD, 0)];
    expect(s[0]).toMatchObject({ copies: 1, copyRank: 0 });
    const neu = [...paras.slice(0, 3), BODY, HEAD, ...paras.slice(5)].join('\n');
    const inBody = at(neu, HEAD, 0);
    const inHead = at(neu, HEAD, 1);
    const placed = starts(neu, s);
    expect(placed[0]).not.toBe(inBody + HEAD.indexOf('推广只用'));
    expect([null, inHead + HEAD.indexOf('推广只用')]).toContain(placed[0]);
    expect([null, inHead]).toContain(placed[1]);
  });
});

suite('a deleted passage whose quote had a copy, beside a look-alike', () => {
  // The same saying opens two paragraphs that differ in one unit (各 / 多): the passage's and a
  // look-alike, with the same paragraphs around them; a third sentence holds the quote exactly.
  const lead = '大家一致认为要做到稳步推进、逐项落实。';
  const after = '会后各小组分别讨论了明年的工作计划。';
  const quote = '实践出真知。”机关各部门在实践中体会到';
  const tail = '这一点。下一步要把学习成果转化为推动工作的实际成效，让群众真正得到实惠。';
  const own = `正如老话所说：“实践出真知。”机关各部门在实践中体会到${tail}`;
  const look = `正如老话所说：“实践出真知。”机关多部门在实践中体会到${tail}`;
  const copy = '参加人数达到八百人次。正如老话所说：“实践出真知。”机关各部门在实践中体会到这一点，认真健全安全生产。';
  const OLD = [...filler(0, 3), lead, look, after, ...filler(3, 3), lead, own, after, ...filler(6, 3), copy, ...filler(9, 2)].join('\n');
  const selectors = () => [select(OLD, quote, 0), select(OLD, '春耕时节'), select(OLD, '图书室重新开放')];

  it('records the look-alike and the copy', () => {
    expect(selectors()[0]).toMatchObject({ copies: 1, nearErrors: 1 });
  });

  it('is an orphan, not on the look-alike, when its paragraph is deleted and the copy edited', () => {
    const neu = [
      ...filler(0, 3),
      lead,
      // Edited beyond the stored context: no longer the look-alike paragraph as it was.
      look.replace('真正得到', '切实得到'),
      after,
      ...filler(3, 3),
      lead,
      after,
      ...filler(6, 3),
      copy.replace('机关各部门在实践中体会到', '理论学习中心组深有同感'),
      ...filler(9, 2),
    ].join('\n');
    const placed = starts(neu, selectors());
    expect(placed[0]).toBeNull();
    expect(placed[1]).toBe(at(neu, '春耕时节'));
  });

  it('still places it when only its copy was edited', () => {
    const neu = OLD.replace(copy, copy.replace('机关各部门在实践中体会到', '理论学习中心组深有同感'));
    expect(starts(neu, selectors())[0]).toBe(at(neu, quote, 0));
  });
});

suite('a page of the same story added far away', () => {
  const STORY = [
    '债券市场的狂热把价格推得很高，而央行仍在买入，加剧了这一趋势。',
    '然而，如果经济意外出现好消息，看涨情绪反而会带来更剧烈的抛售。',
    '会有破坏性的崩盘吗？短期内不太可能，长期来看政策的极限会受到考验。',
  ];
  const quotes = ['然而，如果经济意外出现好消息，看涨情绪反而会带来更剧烈的抛售。', '政策的极限会受到考验'];
  // Some 4,000 units of other paragraphs between the story and the page added after them.
  const far = Array.from({ length: 8 }, (_, k) => filler(0, 12).map((p) => p.replace('段', `段之${k}`))).flat();
  const OLD = [...filler(20, 3), ...STORY, ...filler(23, 3), ...far].join('\n');

  it('leaves its passages on their own page, or orphans, when marks were slipped into their context there', () => {
    const s = quotes.map((q) => select(OLD, q));
    for (const x of s) expect(x.copies).toBe(0);
    // Its own page: a zero-width space and a mark slipped in beside the passages.
    const own = [STORY[0]!.replace('而央行', '而央\u200b行'), STORY[1]!, STORY[2]!.replace('吗？', '吗？✅')];
    const neu = [...filler(20, 3), ...own, ...filler(23, 3), ...far, ...STORY].join('\n');
    expect(neu.length - OLD.length).toBeLessThan(200);
    expect(at(neu, quotes[0]!, 1) - at(neu, quotes[0]!, 0)).toBeGreaterThan(3000);
    const placed = starts(neu, s);
    const mine = [at(neu, quotes[0]!, 0), at(neu, quotes[1]!, 0)];
    expect([null, mine[0]]).toContain(placed[0]);
    expect([null, mine[1]]).toContain(placed[1]);
  });
});

suite('a copy that keeps one unit more of the context than it had', () => {
  // An advertisement printed twice; the passage's own printing is deleted, and the one left
  // gains a full stop before it, one unit of the stored prefix, by an edit elsewhere.
  const Q = '不用系裤带的设计，颜色花纹款型都很酷';
  const AD = `怀抱自然，${Q}，干净利落的线条剪裁，整体增加立体感，其实在细节上放满了心思，透气百搭。`;
  const P = `管道施工的缺陷会增加重新钻孔的成本。${AD}`;
  const C1 = `这段视频播出以后引发热议！${AD}`;
  const OLD = [...filler(0, 3), P, ...filler(3, 6), C1, ...filler(9, 3)].join('\n');
  const selectors = () => [select(OLD, Q, 0), select(OLD, '春耕时节'), select(OLD, '河堤加固工程')];

  it('is not confirmed by that unit: the deleted passage is an orphan', () => {
    const neu = [...filler(0, 3), '管道施工的缺陷会增加重新钻孔的成本。', ...filler(3, 6), C1.replace('！', '。'), ...filler(9, 3)].join(
      '\n',
    );
    expect(selectors()[0]).toMatchObject({ copies: 1 });
    const placed = starts(neu, selectors());
    expect(placed[0]).toBeNull();
    expect(placed[2]).toBe(at(neu, '河堤加固工程'));
  });

  it('still places the passage when the other printing is the one deleted', () => {
    const neu = [...filler(0, 3), P, ...filler(3, 6), '这段视频播出以后引发热议。', ...filler(9, 3)].join('\n');
    expect(starts(neu, selectors())[0]).toBe(at(neu, Q));
  });
});
