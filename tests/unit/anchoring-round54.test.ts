/**
 * Issue 12 item 4, round 54 (the seventh and fifth outside benches' last wrongs, session 25).
 * - lookalikes.ts closerPlaceThanLookAlike: a report sentence the old text printed twice, the
 *   second print naming one more source (a recorded look-alike sharing the sentence after it);
 *   its quotation marks stripped and an advert block set after the passage's own print, the
 *   context ranked the look-alike first, though it differs from the quote in as many units as it
 *   did before while the passage's own print differs in fewer. Nothing tells: not the look-alike.
 * - cutrestated.ts: a paragraph cut mid-sentence by a print page's number and running header,
 *   the old paragraph quoted whole in an 附件 at the end; the cut paragraph's copy was moved to the
 *   附件's (taken for a pull quote restating it). Not moved where the cut is plain.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe, type TextSelector } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

function select(text: string, quote: string, n = 0): TextSelector {
  const i = at(text, quote, n);
  return describe(text, i, i + quote.length);
}

suite('a report printed twice, one print naming one more source', () => {
  const OWN = '晚报记者了解到，在市交通局“夜间快修”的工作安排下，自4月2日至6月9日，全市共修补路面坑洞318处、更换井盖57个。';
  const TWIN = '晚报记者向城建部门了解到，在市交通局“夜间快修”的工作安排下，自4月2日至6月9日，全市共修补路面坑洞318处、更换井盖57个。';
  const TAIL = '自夜间快修开展以来，截至6月底，市民关于道路的投诉下降了四成。';
  const LEAD = '城东的旧桥正在加固，施工队伍已经进场，沿河的人行道暂时封闭。';
  const NEAR = '目前，工程进展顺利。';
  const TWIN_LEAD = '另一篇报道的开头写在这里，说的是同一件事。';
  const TWIN_LEAD_NOW = '另一篇报道的开头写在这里，目前，工程进展顺利。';
  const OLD = [...filler(0, 3), LEAD + NEAR, OWN + TAIL, ...filler(3, 3), TWIN_LEAD, TWIN + TAIL, ...filler(6, 3)].join('\n');
  const stripped = (t: string) => t.replace(/[“”]/g, '');
  const ADVERT = '\n相关阅读：\n城市新闻一览｜本周道路施工提示\n';
  /** Advert blocks set at two sentence ends: inside the paragraph before, and after the passage. */
  const adverts = (t: string) => t.replace(LEAD + NEAR, LEAD + ADVERT + NEAR).replace(OWN + TAIL, OWN + ADVERT + TAIL);

  it('records the twin print as a look-alike', () => {
    const s = select(OLD, OWN);
    expect(s.nearErrors).toBeGreaterThan(0);
  });

  it('does not place the passage on the twin print when an advert parts its own print from the next sentence', () => {
    // The twin print's lead-in updated too, its last words now those before the passage's own:
    // the twin reads a unit more of the stored context than it did in the old text.
    const neu = stripped(adverts(OLD)).replace(TWIN_LEAD, TWIN_LEAD_NOW);
    const a = anchor(neu, select(OLD, OWN));
    expect(a?.start).not.toBe(at(neu, stripped(TWIN)));
    expect(a).toBeNull();
  });

  it('still places it on its own print when only the marks were stripped', () => {
    const neu = stripped(OLD);
    const a = anchor(neu, select(OLD, OWN));
    expect(a?.start).toBe(at(neu, stripped(OWN)));
  });

  it('places it on its own print where its placed neighbours put it', () => {
    const neu = stripped(adverts(OLD)).replace(TWIN_LEAD, TWIN_LEAD_NOW);
    const placed = anchorAll(neu, [select(OLD, '第2段'), select(OLD, OWN), select(OLD, '第3段')]);
    expect(placed[1]?.start).toBe(at(neu, stripped(OWN)));
  });
});

suite('a paragraph cut by a print page break, quoted whole in an 附件', () => {
  const WORDS =
    '我希望今后能够继续推动社区图书馆的建设，特别是面向老年读者的阅读服务，也非常关注我们城市公共文化的长远发展，推动更多志愿者参与服务，并尽自己的一份心意。';
  const SPEECH = `她在座谈会上说：“${WORDS}”`;
  const NEXT = '市图书馆的介绍写道，她出生在江边小镇，退休前是一名中学语文教师。';
  const OLD = [...filler(0, 3), SPEECH, NEXT, ...filler(3, 3)].join('\n');
  const quote = '并尽自己的一份心意';
  const cut = SPEECH.indexOf('长远发') + 3;
  const APPENDIX = `附件\n3．${WORDS}”`;

  it('does not place the highlight on the 附件’s quotation of the paragraph', () => {
    const page = SPEECH.slice(0, cut) + '\n— 2 —\n城市阅读周刊\n' + SPEECH.slice(cut);
    const neu = [...filler(0, 3), page, NEXT, ...filler(3, 3), APPENDIX].join('\n');
    const a = anchor(neu, select(OLD, quote));
    expect(a?.start).not.toBe(at(neu, quote, 1));
  });

  it('still takes a pull quote of the paragraph’s second half, set apart, for a restatement', () => {
    // The pull quote's line begins where the old paragraph went on, but the words before that
    // point stand nowhere just above it: no cut, the paragraph itself is the passage.
    const pull = '■ ' + SPEECH.slice(cut);
    const neu = [...filler(0, 3), SPEECH, pull, NEXT, ...filler(3, 3)].join('\n');
    const a = anchor(neu, select(OLD, quote));
    expect(a?.start).toBe(at(neu, quote, 0));
  });
});

suite('a passage whose head was dropped or rewritten in place, its context untouched', () => {
  // Our own speech, made into a summary: 我们必须 → 必须, 我们要 → 他强调，要.
  const MUST = '我们必须把旧小区的加装电梯工作抓紧抓实';
  const WANT = '我们要让更多居民用上便捷的公共服务';
  const OLD = [
    ...filler(0, 3),
    `同志们，今年的民生实事已经过半。${MUST}，年底前完成二十部的安装任务。`,
    `社区食堂的选址也定下来了。${WANT}，不让一位老人吃饭犯难。`,
    ...filler(3, 3),
  ].join('\n');
  const summary = (t: string) => t.replace(MUST, MUST.slice(2)).replace(WANT, '他强调，' + WANT.slice(2));

  it('places the dropped opener’s rest on its kept words', () => {
    const neu = summary(OLD);
    const placed = anchorAll(neu, [select(OLD, MUST), select(OLD, WANT)]);
    expect(placed[0]).toMatchObject({ start: at(neu, MUST.slice(2)), end: at(neu, MUST.slice(2)) + MUST.length - 2 });
    // A long one is found approximately too (its placement may take in the lead-in): its end.
    expect(placed[1]?.end).toBe(at(neu, WANT.slice(2)) + WANT.length - 2);
  });

  it('places a short one too (我们必须X → 必须X)', () => {
    const neu = summary(OLD);
    const quote = '我们必须把旧';
    const [a] = anchorAll(neu, [select(OLD, quote)]);
    expect(a).toMatchObject({ start: at(neu, '必须把旧'), end: at(neu, '必须把旧') + 4 });
  });

  it('leaves an orphan where another print holds the kept words with the same next words', () => {
    // The summary printed after the speech itself, whose own opener was rewritten otherwise.
    const neu = summary(OLD) + '\n' + OLD.split('\n')[3]!.replace(MUST, '大家' + MUST.slice(2));
    const [a] = anchorAll(neu, [select(OLD, '我们必须把旧')]);
    expect(a).toBeNull();
  });

  it('leaves an orphan where a figure lost a digit (3.5% → 3%)', () => {
    const old = [...filler(0, 3), '今年一季度全市消费品零售总额增长3.5%，高于全省平均水平。', ...filler(3, 3)].join('\n');
    const neu = old.replace('3.5%', '3%');
    const [a] = anchorAll(neu, [select(old, '增长3.5%')]);
    expect(a).toBeNull();
  });

  it('leaves an orphan where other words replaced the head (我们要 → 各部门要)', () => {
    const neu = OLD.replace(WANT, '各部门' + WANT.slice(2));
    const [a] = anchorAll(neu, [select(OLD, WANT)]);
    expect(a?.start).not.toBe(at(neu, WANT.slice(2)));
  });
});
