/**
 * Issue 12 item 4, round 27: the sixth outside bench's wrongs (tests/bench/anchoring-outside6.ts,
 * 摘编 excerpt and 连载 serial), built by hand in our own words. Four kinds:
 * - a quote held twice, the passage's paragraph dropped, the other copy found by the neighbour pass
 *   inside a window the dropped block widened (no more context than that copy had: held to firm);
 * - the same with a few units of a side past an edit aligning by chance: the context must exceed the
 *   other copy's in unbroken runs too (contextRunsAt);
 * - a span over three lines placed where its inner line is left out while that line stands
 *   elsewhere (innerline.ts);
 * - a span over a break whose line after the break is edited everywhere, its head with the whole
 *   prefix ending a line at two places (a 上期回顾 recap): an orphan (crosstail.ts).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

suite('a repeated figure whose paragraph an excerpt dropped, found by the neighbour pass', () => {
  const PHRASE = '沿江北部等地降温7～11℃';
  const LEAD = `本报综合消息，近日寒潮来袭，昨日北部平原、东部丘陵、中部盆地、西侧山地、${PHRASE}，局地降幅达十五度以上；明日起冷空气继续南下。`;
  const HEAD = '多地雨雪交加气温骤降';
  const BODY = `受寒潮影响，昨日北部平原、东部丘陵、中部盆地、西侧山地、${PHRASE}，山区南部等局地降幅达十五度以上；城区北部、水库沿线等地降中雨，局地大雨，沿线公路部分路段暂停通行，养护人员连夜撒盐除冰，保障早高峰车辆通行。`;
  const NEXT = '气象台预计，明天起冷空气继续南下，最低气温零度线将南压到湖区一带，请注意添衣保暖。';
  const [a, b, c] = filler(0, 3);
  const old = [LEAD, HEAD, BODY, NEXT, a, b, c].join('\n');
  const start = at(old, PHRASE, 1);
  const lead = at(old, '本报综合消息');
  const next = at(old, '气象台预计');
  const batch = [describe(old, start, start + PHRASE.length), describe(old, lead, lead + 12), describe(old, next, next + 14)];

  it('leaves the passage an orphan rather than on the lead paragraph’s copy', () => {
    // The lead's copy keeps more than half the stored context (the same list of places before it,
    // the same 局地降幅 after), as much as it had in the old text: the old code placed it there.
    const neu = [LEAD + '（节选）', '……', NEXT, a, b, c].join('\n');
    const placed = anchorAll(neu, batch);
    expect(placed[1]?.start).toBe(at(neu, '本报综合消息'));
    expect(placed[2]?.start).toBe(at(neu, '气象台预计'));
    expect(placed[0]).toBeNull();
  });

  it('still places the passage when the lead’s copy went and its own paragraph stands', () => {
    const neu = ['本报综合消息，近日寒潮来袭（节选）', HEAD, BODY, NEXT, a, b, c].join('\n');
    const placed = anchorAll(neu, [describe(old, start, start + PHRASE.length)]);
    expect(placed[0]?.start).toBe(at(neu, PHRASE));
  });
});

suite('a repeated sentence whose summary paragraph went, its other copy’s side aligning by chance', () => {
  const OWN = '可是没有自己的东西，这种做法并不值得提倡。';
  const QUOTE = '这种做法并不值得提倡。';
  const SUMMARY = `老作曲家的学生周敏认为，改编歌词图个热闹，大家一笑也就过去了，${OWN}`;
  const NEXT = '近日，一张截图在朋友圈里传开，一首老歌的歌词被改得面目全非。';
  const SPEECH = `“孩子们唱的歌，写的都是身边的小事，没有什么大道理。改编歌词图个热闹，大家一笑也就过去了，${OWN}”采访里，几位作曲家都有类似的看法。`;
  const [a, b, c, d] = filler(4, 4);
  const old = [a, SUMMARY, NEXT, b, SPEECH, c, d].join('\n');
  const start = at(old, QUOTE);
  const sel = describe(old, start, start + QUOTE.length);

  it('leaves the passage an orphan rather than on the speech’s copy', () => {
    // The summary and the next paragraph went; after the speech's copy a …… now stands where its
    // next sentence was, and the sentence after it reads like the stored suffix in scattered units
    // (近…，一张…在朋友…里传开，一首…老歌被改得面目…), none of them touching the quote: more units of
    // "context" by edit distance than the speech's copy had in the old text, no more in unbroken runs.
    const neu = [
      a,
      b,
      SPEECH.replace('采访里，几位作曲家都有类似的看法。', '……近来，一张张照片在朋友群里传开，一首首老歌被改得面目一新。'),
      c,
      d,
    ].join('\n');
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('still places the passage on its own paragraph when the speech went', () => {
    const neu = [a, SUMMARY, NEXT, b, c, d].join('\n');
    expect(anchorAll(neu, [sel])[0]?.start).toBe(at(neu, QUOTE));
  });
});

suite('a repeated sentence whose next line was dropped, its other copy gone', () => {
  const OWN = '可是没有自己的东西，这种做法并不值得提倡。';
  const QUOTE = '这种做法并不值得提倡。';
  const SUMMARY = `老作曲家的学生周敏认为，改编歌词图个热闹，大家一笑也就过去了，${OWN}`;
  const [a, b, c, d] = filler(2, 4);
  const SPEECH = `“孩子们唱的歌，写的都是身边的小事。改编歌词图个热闹，大家一笑也就过去了，${OWN}”几位作曲家都这样说。`;
  const old = [a, SUMMARY, '歌词改编引热议', b, SPEECH, c, d].join('\n');
  const start = at(old, QUOTE);
  const sel = describe(old, start, start + QUOTE.length);

  it('places the passage whose stored suffix resumes past a …… line (no chance: eight units and more in a row)', () => {
    // A case to keep (the context-runs rule must not refuse it): the speech's copy went (copies lost)
    // and the line after the passage became ……: the prefix is
    // no more than the speech's copy had, the suffix's first units are gone, and the next
    // paragraph's words standing past the …… are the passage's own context.
    const neu = [a, SUMMARY, '……', b, c, d].join('\n');
    expect(anchorAll(neu, [sel])[0]?.start).toBe(at(neu, QUOTE));
  });
});

suite('a span over three lines of a questionnaire, one answer dropped elsewhere', () => {
  const Q1 = '今年的订单会比去年多吗？';
  const Q2 = '原材料价格上涨的压力会传导到零售端吗？';
  const Q3 = '你们明年最看好的是哪个海外市场？你的判断是什么？';
  const section = (who: string, a1: string, a2: string, a3: string) => [who, Q1, a1, Q2, a2, Q3, a3];
  const first = section('第一位：某纺织厂厂长', '会多一些，主要是老客户回来了。', '不太可能。', '东南亚，那里的需求还在涨。');
  const second = section('第二位：某五金厂经理', '差不多持平，新客户不好找。', '会有一部分，幅度不大。', '还是国内，线上渠道增长很快。');
  const old = [...first, ...second].join('\n');
  // Q2's tail, the first answer to it, Q3's head.
  const start = at(old, '上涨的压力会传导到零售端吗？');
  const end = at(old, Q3) + 15;
  const sel = describe(old, start, end);

  it('leaves the passage an orphan rather than on the section where the answer between the same questions was dropped', () => {
    // The first section's Q3 line gave way to ……; the second lost its answer to Q2, so Q2 and Q3
    // stand together there, in the passage's shape, while the passage's answer stands in the first.
    const neu = [...first.slice(0, 5), '……', first[6], ...second.slice(0, 4), ...second.slice(5)].join('\n');
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('still places the passage whose answer was corrected in place', () => {
    const edited = first.map((l) => (l === '不太可能。' ? '不大可能。' : l));
    const neu = [...edited, ...second].join('\n');
    const placed = anchorAll(neu, [sel])[0];
    expect(placed?.start).toBe(at(neu, '上涨的压力会传导到零售端吗？'));
  });
});

suite('a span over the break before a serial’s 未完待续, the paragraph quoted by the next part’s recap', () => {
  const LAST =
    '下一步，镇里将在县委县政府的领导下，结合当前乡村振兴的要求，升级改造老街集市，进一步吸引返乡青年创业，促进老街进一步繁荣，为全镇发展注入新的活力。';
  const [a, b, c] = filler(8, 3);
  const old = [a, b, c, LAST, '（未完待续）'].join('\n');
  const start = at(old, '促进老街进一步繁荣');
  const sel = describe(old, start + 4, old.length);

  it('leaves the passage an orphan rather than on the recap’s copy', () => {
    const neu = [a, b, c, LAST, '（接上期）', `上期回顾：${b ?? ''}${LAST}`, '（完）'].join('\n');
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('still places the passage when the recap quotes other sentences', () => {
    const neu = [a, b, c, LAST, '（接上期）', `上期回顾：${a}${b}`, '（完）'].join('\n');
    const placed = anchorAll(neu, [sel])[0];
    expect(placed?.start).toBe(start + 4);
  });
});
