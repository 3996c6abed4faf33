/**
 * Issue 12 item 4, round 33 (anchor20b): built by hand, our own words.
 * - An approximate match whose both stored sides stand is not refused for a place elsewhere that is
 *   edited as much and has less context (a 上期回顾 recap quoting the passage's sentences joined,
 *   an emoji between them, while the passage's own place has another emoji at its break).
 * - The larger piece of a span over a break is not taken on a look-alike paragraph of the old text
 *   that shares only the side's nearest words (the passage's own paragraph dropped).
 * - A gained copy whose paragraph holds none of the old paragraph's rest, while another copy's
 *   paragraph keeps it (a recap quoting the sentence word for word, the article's own paragraph
 *   touched up since), is an orphan.
 * - A copy of the passage's rank is not taken where its neighbours on the two sides moved apart by
 *   more than the copies lie apart, nor where the placement reads more of both stored sides than
 *   the rank's copy does; a repeated quote with its two stored sides at two different copies is in
 *   doubt (splitsides.ts).
 * - A passage that opened the old text, its own place at the new text's start split by an inserted
 *   line, is not placed on a copy the revision wrote elsewhere.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

suite('a recap joining the sentences is no surer than the passage edited at its break', () => {
  const A = '九月初，在第三届城市阅读论坛开幕式上，市图书馆馆长林某在报告中回顾了去年全市借阅数据，同时指出了社区分馆布局的不足之处。';
  const B = '去年借阅继续增长，突破两百万册次';
  const C = '林某指出，全市每三位读者就有两位常去社区分馆，周末的座位常常一早就坐满了。';
  const D = '林某强调，分馆十年前起步，主要靠街道出场地，这导致布局不均，且主要集中在老城区，这种情况急需调整。';
  const OLD = [...filler(0, 2), A, B, C, D, ...filler(2, 2)].join('\n');
  const quote = '了社区分馆布局的不足之处。\n去年借阅';
  const s = describe(OLD, ...span(OLD, quote));
  const RECAP = `上期回顾：${A}💡 ${B}${D}`;

  it('places the span on its own place, an emoji written at its break, not on the recap', () => {
    const NEW = [...filler(0, 2), A, `⭐️${B}`, C, D, RECAP, ...filler(2, 2)].join('\n');
    const a = anchorAll(NEW, [s])[0];
    expect(a?.start).toBe(at(NEW, '了社区分馆布局的不足之处'));
    expect(NEW.slice(a!.start, a!.end)).toBe(`了社区分馆布局的不足之处。\n⭐️去年借阅`);
  });

  it('still places the span on its own place when no recap copies it', () => {
    const NEW = [...filler(0, 2), A, `⭐️${B}`, C, D, ...filler(2, 2)].join('\n');
    const a = anchorAll(NEW, [s])[0];
    expect(a?.start).toBe(at(NEW, '了社区分馆布局的不足之处'));
  });
});

suite('the larger piece is not taken on a look-alike that shares only the nearest side', () => {
  const LOOK = '据了解，新系统根据读者借阅习惯，设计了专门的推荐规则以及快捷检索，实现一次查询完成多项操作，提高检索效率和图书流转效率。';
  const OWN =
    '馆方的做法是通过重新编排书目，让冷门书也有机会被借出。具体而言，新系统对书目和读者分组实现统一管理，实现一次查询完成多项操作，提高检索效率和图书流转效率。';
  const HEAD = '已在全市多个分馆试用';
  const OLD = [...filler(0, 2), LOOK, ...filler(2, 2), OWN, HEAD, ...filler(4, 2)].join('\n');
  const quote = '，提高检索效率和图书流转效率。\n已在全市多个';
  const s = describe(OLD, ...span(OLD, quote));

  it('leaves the span an orphan when its paragraph and heading were dropped', () => {
    // The look-alike touched up too (not the old paragraph unchanged, which notOnOther refuses).
    const NEW = [...filler(0, 2), LOOK.replace('据了解', '据悉'), ...filler(2, 2), ...filler(4, 2)].join('\n');
    expect(anchorAll(NEW, [s])[0] ?? null).toBeNull();
  });

  it('still places its larger piece on its own paragraph, the whole side there, when the heading went', () => {
    const NEW = [...filler(0, 2), ...filler(2, 2), OWN, ...filler(4, 2)].join('\n');
    const a = anchorAll(NEW, [s])[0] ?? null;
    expect(a?.start).toBe(at(NEW, '，提高检索效率和图书流转效率'));
  });
});

suite('a gained copy apart from the paragraph that keeps the old surroundings', () => {
  const P =
    '“读书月活动已经办了五届，今年人气最旺。”在城东社区，图书馆馆长周某当面告诉记者。这家以少儿读物为主、近半数读者来自周边学校的社区分馆受到场地改造的不小影响，但周某显然对分馆前景很有信心，他说，“我们有办法把读者留住，分批开放阅览区。此外，增加流动书车，我们也有更多办法，进而弥补改造期间的不便。”';
  const OLD = [...filler(0, 2), P, ...filler(2, 3)].join('\n');
  const quote = '近半数读者来自周边学校的社区分馆受到场地改造的不小影响';
  const s = describe(OLD, ...span(OLD, quote));
  const RECAP = `上期回顾：在城东社区，图书馆馆长周某当面告诉记者。这家以少儿读物为主、${quote}，但周某显然对分馆前景很有信心，“我们有办法把读者留住，他说，分批开放阅览区。`;

  it('does not place the passage on the recap when its own paragraph had two clauses swapped', () => {
    const SWAPPED = P.replace(
      `这家以少儿读物为主、${quote}，但周某显然对分馆前景很有信心，`,
      `但周某显然对分馆前景很有信心，这家以少儿读物为主、${quote}，`,
    );
    const NEW = [...filler(0, 2), SWAPPED, RECAP, ...filler(2, 3)].join('\n');
    const a = anchorAll(NEW, [s])[0] ?? null;
    expect(a === null || a.start === at(NEW, quote)).toBe(true);
  });

  it('still places it on its own paragraph, unchanged, with the recap below', () => {
    const NEW = [...filler(0, 2), P, RECAP, ...filler(2, 3)].join('\n');
    expect(anchorAll(NEW, [s])[0]?.start).toBe(at(NEW, quote));
  });
});

suite('a template question whose two stored sides stand at two copies', () => {
  const H1 = '第一部分：坚定制度自信，从三个方面论述';
  const H2 = '第二部分：抓好全会精神的贯彻落实';
  const Q = '问：请介绍一下这方面的有关情况。';
  const A1 = '答：馆长在报告中指出，这次改造通过的方案，全面回答了分馆建设中的一系列问题。';
  const A2 = '答：馆长在报告中说，我们既要坚持好已经证明有效的做法，也要补上服务中的短板。';
  const OLD = [...filler(0, 1), H1, Q, A1, ...filler(1, 2), H2, Q, A2, ...filler(3, 1)].join('\n');
  const i = at(OLD, Q);
  const s = describe(OLD, i + 2, i + Q.length);

  // Left: with the answers swapped across the copies, each copy holds one stored side and nothing
  // stored says which is the passage's. A refusal of that shape (splitsides.ts' sidesSplit) also
  // refused round12c's case (a text printed twice, words beside one printing misread), so it was
  // taken out; the still-placed case below holds.
  it('still places it where both sides stand', () => {
    const NEW = [...filler(0, 1), H1, Q, A1, ...filler(1, 3), H2, Q, A2, ...filler(3, 1)].join('\n');
    expect(anchorAll(NEW, [s])[0]?.start).toBe(at(NEW, Q) + 2);
  });
});

suite('the first words of a text split at their own place by an inserted line', () => {
  const CAP = '新馆阅览大厅。摄影 某某';
  const BODY = [
    '“以前借一本书要跑两趟，现在手机上一点就能预约。”读者小周说，她是图书馆的老读者。',
    ...filler(0, 3),
    '馆方介绍，预约服务上线以来，借阅量比去年同期增长了三成。',
  ];
  const OLD = [CAP, ...BODY].join('\n');
  const s = describe(OLD, 0, '新馆阅览大厅。摄影'.length);

  it('does not place them on a related-reading copy the revision wrote below', () => {
    const NEW = ['新馆阅览大厅。', '（扫码关注 获取更多资讯）', '摄影 某某', BODY[0], ...filler(0, 3), '相关阅读：', CAP, BODY[4]].join(
      '\n',
    );
    const a = anchorAll(NEW, [s])[0] ?? null;
    expect(a === null || a.start === 0).toBe(true);
  });

  it('still places them at the start when the text keeps them whole', () => {
    const NEW = [CAP, ...BODY.slice(0, 4), '相关阅读：', CAP, BODY[4]].join('\n');
    expect(anchorAll(NEW, [s])[0]?.start).toBe(0);
  });
});
