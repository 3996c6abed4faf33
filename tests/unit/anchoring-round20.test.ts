/**
 * Issue 12 item 4, twentieth round: no placement on words that are not the passage.
 * - A 连载 recap (上期回顾) quotes old sentences one after another; the excerpt then drops the
 *   paragraphs they came from. The recap holds the passage's sentence with its whole stored
 *   context, but the rest of the passage's old paragraph is gone and the recap's other words stand
 *   elsewhere too: a restatement (restated.ts), an orphan.
 * - A heading label alone (第五章) whose line was deleted is not placed, as one marker unit, on the
 *   next article's label (第三十五条); a renumbered label over its stored words still is.
 * - anchor() is a batch of one: it refuses what anchorAll refuses.
 * Texts built by hand, our own words; each of the refusals placed the passage wrongly before.
 */
import { describe as suite, expect, it } from 'vitest';
import * as v from 'valibot';
import { anchor, anchorAll, describe, type TextSelector } from '../../shared/anchoring/index';
import { StoredSelectorSchema } from '../../shared/domain/highlight';

const span = (text: string, q: string, from = 0): [number, number] => {
  const i = text.indexOf(q, from);
  expect(i, q).toBeGreaterThanOrEqual(0);
  return [i, i + q.length];
};

suite('a recap quoting the passage after its paragraph went is not the passage', () => {
  const P1 = '十月十二日上午，区里在中心广场举办了一场防范电信诈骗的宣传活动，吸引了上千名居民前来参加。';
  const P2 = '志愿者们在广场上向市民讲解防骗知识';
  const P3 = '上午的活动分成三个部分进行，持续了两个多小时。同时，主办方还设置了有奖问答环节，让市民在游戏中学到了不少实用的知识。';
  const P4 =
    '本次活动的主题是提高全社会的风险防范意识，针对老年人群体开展专项宣传。面对日益翻新的诈骗手法，主办方呼吁大家提高警惕，遇到可疑情况及时拨打电话报警求助。（记者 林晓）';
  const OLD = [P1, '活动现场', P2, P3, P4].join('\n');
  const S3 = '同时，主办方还设置了有奖问答环节，让市民在游戏中学到了不少实用的知识。';
  const S4 = '本次活动的主题是提高全社会的风险防范意识，针对老年人群体开展专项宣传。';
  // The excerpt dropped P3 and P4; the recap quoted P2, P3's last and P4's first sentence.
  const NEW = [P1, '活动现场', P2, '（接上期）', `上期回顾：${P2}${S3}${S4}`, '（完）'].join('\n');
  const quotes = ['老年人群体', S4, '让市民在游戏中学到了'];
  const selectors = quotes.map((q) => describe(OLD, ...span(OLD, q)));

  it('records pieces of the paragraph beyond the stored context', () => {
    expect(selectors[0]?.restAfter?.length).toBeGreaterThan(0);
    expect(selectors[2]?.restBefore?.length).toBeGreaterThan(0);
    // As stored on a highlight (and checked on restore and packet import): the pieces pass the row
    // schema, which still bounds them.
    for (const sel of selectors) expect(v.safeParse(StoredSelectorSchema, JSON.parse(JSON.stringify(sel))).success).toBe(true);
    const tooMany = { ...selectors[0]!, restAfter: Array.from({ length: 17 }, () => '八个单位的片段') };
    expect(v.safeParse(StoredSelectorSchema, tooMany).success).toBe(false);
  });

  it('leaves the passages unplaced, in the batch and alone', () => {
    expect(anchorAll(NEW, selectors)).toEqual([null, null, null]);
    for (const s of selectors) expect(anchor(NEW, s)).toBeNull();
  });

  it('places them in their paragraph when it stands, recap or not', () => {
    const kept = [P1, '活动现场', P2, P3, P4, '（接上期）', `上期回顾：${P2}${S3}${S4}`, '（完）'].join('\n');
    anchorAll(kept, selectors).forEach((a, i) => expect(a).toMatchObject({ start: OLD.indexOf(quotes[i]!) }));
  });

  it('places a passage whose paragraph went when no copies stand around it (a split, not a recap)', () => {
    // P4's first sentence kept as its own paragraph, the rest of P4 cut: no other words copied there.
    const cut = [P1, '活动现场', P2, P3, S4, '（完）'].join('\n');
    const a = anchorAll(cut, [selectors[0]!])[0];
    expect(a).toMatchObject({ start: cut.indexOf('老年人群体') });
  });
});

suite('a heading label whose line was deleted is not placed on the next label', () => {
  const LINES = [
    '第三十三条　监察机关依法履行职责，有关单位和个人应当如实提供情况。',
    '第三十四条　人民法院、人民检察院在工作中发现公职人员涉嫌违法的问题线索，应当移送监察机关。',
    '第五章　监察程序',
    '第三十五条　监察机关对于报案或者举报，应当接受并按照有关规定处理。',
    '第三十六条　监察机关应当严格按照程序开展工作，建立相互制约的工作机制。',
  ];
  const OLD = LINES.join('\n');
  const label = describe(OLD, ...span(OLD, '第五章'));

  it('leaves the label unplaced when its line is gone', () => {
    const NEW = LINES.filter((l) => !l.startsWith('第五章')).join('\n');
    expect(anchorAll(NEW, [label])).toEqual([null]);
    expect(anchor(NEW, label)).toBeNull();
  });

  it('still places a renumbered label over its stored words', () => {
    const NEW = OLD.replace('第五章', '第六章');
    expect(anchorAll(NEW, [label])[0]).toMatchObject({ start: NEW.indexOf('第六章'), end: NEW.indexOf('第六章') + 3 });
    expect(anchor(NEW, label)).toMatchObject({ start: NEW.indexOf('第六章') });
  });
});

suite('anchor() decides as anchorAll() does', () => {
  // A term whose clause an edit dropped, with the same term a few units on in its stored context:
  // the batch leaves it unplaced (apart.ts, a twin in its own context), and so does the single form.
  const HEAD = '本报讯 记者从市水务局获悉，今年以来全市供水运行平稳，重点工程推进有力。';
  const SENT_OLD = '每到夏季用水高峰的时候，二次供水设施的巡检频次都会明显增加，二次供水设施的清洗消毒也会随之加密，各街道要提前做好排查。';
  const SENT_NEW = '每到夏季用水高峰的时候，二次供水设施的清洗消毒也会随之加密，各街道要提前做好排查。';
  const TAIL = '下一步，市水务局将加强水质监测，确保群众喝上放心水。';
  const OLD = [HEAD, SENT_OLD, TAIL].join('\n');
  const NEW = [HEAD, SENT_NEW, TAIL].join('\n');
  const s: TextSelector = describe(OLD, ...span(OLD, '二次供水设施'));

  it('gives the answer of the batch for one selector', () => {
    expect(anchorAll(NEW, [s])).toEqual([null]);
    expect(anchor(NEW, s)).toBeNull();
  });

  it('and places the twin itself, highlighted, on its words', () => {
    const twin = describe(OLD, ...span(OLD, '二次供水设施', OLD.indexOf('二次供水设施') + 1));
    expect(anchor(NEW, twin)).toEqual(anchorAll(NEW, [twin])[0]);
    expect(anchor(NEW, twin)?.start).toBe(NEW.indexOf('二次供水设施'));
  });
});

suite('a common quote of a page the text holds twice counts its far twin', () => {
  // 11 stands in every notice line, more than MAX_COPIES times; the page with the passage is printed
  // twice, the second time after all of them. Its first printing is cut: the twin far on, context
  // and all, is another passage's, which the recorded copyContext must know.
  const PAGE = '来看看新码头现场是什么样子的↓↓↓11月17日开港，可停靠目前世界上最大的游轮，工程已进入最后的验收阶段。';
  const notices = Array.from({ length: 80 }, (_, i) => `第${i + 200}条消息：本月11日，有关单位发布了第${i + 300}号通知。`);
  const A1 = '码头位于新区南端，距离地铁站约五百米，交通十分便利。';
  const A2 = '据介绍，码头建成后每年可接待旅客七十五万人次。';
  const OLD = [A1, PAGE, A2, ...notices, '以下为转载内容。', PAGE, '转载内容到此结束。'].join('\n');
  const NEW = [A1, A2, ...notices, '以下为转载内容。', PAGE, '转载内容到此结束。'].join('\n');
  const at = OLD.indexOf('11月', OLD.indexOf(PAGE));
  const number = describe(OLD, at, at + 2);
  const others = [describe(OLD, ...span(OLD, '交通十分便利')), describe(OLD, ...span(OLD, '每年可接待旅客'))];

  it('records as copyContext the whole context its twin shares', () => {
    expect(number.exact).toBe('11');
    expect(number.copies).toBe(64);
    expect(number.copyContext).toBeGreaterThanOrEqual(number.prefix.length);
  });

  it('leaves the number unplaced rather than on the twin page', () => {
    const [a, b, c] = anchorAll(NEW, [number, ...others]);
    expect(a).toBeNull();
    expect(b).not.toBeNull();
    expect(c).not.toBeNull();
  });

  it('still places it when its page stands', () => {
    const kept = OLD.replace(A2, '据介绍，码头建成后每年可接待旅客八十万人次。');
    expect(anchorAll(kept, [number, ...others])[0]).toMatchObject({ start: number.start, end: number.end });
  });
});
