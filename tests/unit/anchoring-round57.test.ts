/**
 * Issue 12 item 4, round 57 (anchor26a: the default bench's prose wrongs, seeds 921, 929, 931).
 * - pinned.ts labelsOutweigh: the words reading reads past a short parenthetical note; a bare
 *   numeral in brackets is a list label, not a note, and inside a quote of a few units, as long as
 *   half of it, it is new words set into the passage (（四） between 护 and 士小): an orphan.
 * - editedaway.ts: a copy of a repeated sentence that a reorder moved to where the passage's
 *   paragraph was is another paragraph's while the passage's own place, its quote edited away,
 *   stands in a paragraph holding the rest of its old paragraph's words: an orphan.
 * - labelhead.ts: words written in before a paragraph's opening label (第十九条 read as one marker
 *   unit only at a paragraph's head) are not the passage: the placement starts at its own opening.
 * Each case in our own made-up text, with the look-alike case that must not change.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

function sel(text: string, words: string, n = 0) {
  const s = at(text, words, n);
  return describe(text, s, s + words.length);
}

suite('a list label set inside a short quote (pinned.ts labelsOutweigh)', () => {
  const before = '值班室的灯一直亮到深夜，大家轮流守着电话。';
  const after = '第二天一早，食堂送来了热乎乎的包子和米粥。';
  const own = '连着加了三个夜班以后，有个护士小妹妹在日记里写道：“我想回家吃一顿妈妈做的饭”。';
  const old = [...filler(0, 6), before, own, after, ...filler(6, 6)].join('\n');
  const selectors = (text: string) => [sel(text, '护士小'), sel(text, '值班室的灯一直亮到深夜'), sel(text, '食堂送来了热乎乎的包子')];

  it('leaves the orphan when a list label is written between its units', () => {
    const neu = [...filler(0, 6), before, own.replace('护士小', '护（四）士小'), after, ...filler(6, 6)].join('\n');
    const [a, b, c] = anchorAll(neu, selectors(old));
    expect(b).not.toBeNull();
    expect(c).not.toBeNull();
    expect(a).toBeNull();
  });

  it('still reads past a note in words inside the same short quote (a watermark)', () => {
    const neu = [...filler(0, 6), before, own.replace('护士小', '护士（未经授权，禁止转载）小'), after, ...filler(6, 6)].join('\n');
    const [a] = anchorAll(neu, selectors(old));
    expect(a).not.toBeNull();
    expect(neu.slice(a!.start, a!.end)).toBe('护士（未经授权，禁止转载）小');
  });

  it('still reads past a short note inside a longer quote', () => {
    const words = '有个护士小妹妹在日记里写道';
    const neu = [...filler(0, 6), before, own.replace('日记里', '日记（下同）里'), after, ...filler(6, 6)].join('\n');
    const s = sel(old, words);
    const [a] = anchorAll(neu, [s, sel(old, '值班室的灯一直亮到深夜'), sel(old, '食堂送来了热乎乎的包子')]);
    expect(a).not.toBeNull();
    expect(neu.slice(a!.start, a!.end)).toBe('有个护士小妹妹在日记（下同）里写道');
  });
});

suite('a repeated sentence whose own place stands edited away in its paragraph (editedaway.ts)', () => {
  // The sentence the article repeats: its words before the quote fill the whole stored prefix.
  const LEAD = '据市民政局介绍，该市今年在各个街道和乡镇新建社区食堂一百二十家，日均供餐三万份，';
  const QUOTE = '覆盖老年人口超过八万';
  const OWN_LEAD = '市民政局会同街道办事处开展了为期三个月的走访调研，摸清了辖区老人的就餐需求和口味偏好。';
  const OWN = `${OWN_LEAD}${LEAD}${QUOTE}，下一步还将延伸到农村地区。`;
  const OTHER = `在昨天举行的新闻发布会上，几位委员围绕养老服务体系建设回答了记者提问。${LEAD}${QUOTE}，相关经验将在全省推广。`;
  const before = '上一段讲的是老年大学的课程安排和报名办法。';
  const after = '下一段讲的是社区医院的家庭医生签约服务。';
  const head = filler(0, 8);
  const mid = filler(8, 30);
  const tail = filler(40, 8);
  const old = [...head, before, OWN, after, ...mid, OTHER, ...tail].join('\n');
  const others = ['老年大学的课程安排和报名办法', '社区医院的家庭医生签约服务'];
  const selectors = () => [sel(old, QUOTE, 0), ...others.map((w) => sel(old, w))];

  it('leaves the orphan when another copy’s paragraph took the place of the passage’s, its quote edited away', () => {
    const edited = OWN.replace(QUOTE, '覆盖面进一步扩大');
    // The copy moved in has words written into its part of the sentence (the stored prefix's).
    const neu = [...head, before, OTHER.replace('新建社区食堂', '新建”记者说。【社区食堂'), after, ...mid, edited, ...tail].join('\n');
    const [a, b, c] = anchorAll(neu, selectors());
    expect(b).not.toBeNull();
    expect(c).not.toBeNull();
    expect(a).toBeNull();
  });

  it('still places the passage in its frame when its paragraph was split before the sentence and the other copy edited', () => {
    const neu = [
      ...head,
      before,
      OWN_LEAD,
      OWN.slice(OWN_LEAD.length),
      after,
      ...mid,
      OTHER.replace(QUOTE, '覆盖面进一步扩大'),
      ...tail,
    ].join('\n');
    const [a] = anchorAll(neu, selectors());
    const own = at(neu, QUOTE);
    expect(a).toMatchObject({ start: own, end: own + QUOTE.length });
  });
});

suite('words written in before an opening label (labelhead.ts)', () => {
  const ARTICLE = '第十九条　对可能发生职务违法的监察对象，监察机关按照管理权限，可以直接或者委托有关机关进行谈话。';
  const old = [
    ...filler(0, 5),
    '本章规定监察机关的调查措施和程序要求。',
    ARTICLE,
    '第二十条　调查人员应当依法出示证件并制作笔录。',
    ...filler(5, 5),
  ].join('\n');

  it('starts the placement at the label, not at the words written in before it', () => {
    const edited = '【本报讯】' + ARTICLE.replace('可以直接', '以直接');
    const neu = [
      ...filler(0, 5),
      '本章规定监察机关的调查措施和程序要求。',
      edited,
      '第二十条　调查人员应当依法出示证件并制作笔录。',
      ...filler(5, 5),
    ].join('\n');
    const a = anchor(neu, describe(old, at(old, ARTICLE), at(old, ARTICLE) + ARTICLE.length));
    const label = at(neu, '第十九条');
    expect(a).toMatchObject({ start: label, end: label + edited.length - '【本报讯】'.length });
  });

  it('does not move the start onto a later copy of its opening when its own opening was edited', () => {
    const edited = '第十九条　就可能发生职务违法的监察对象，监察机关按照管理权限，可以直接或者委托有关机关进行谈话。';
    const neu = [
      ...filler(0, 5),
      '本章规定监察机关的调查措施和程序要求。',
      edited,
      '第二十条　调查人员应当依法出示证件并制作笔录。',
      ...filler(5, 5),
    ].join('\n');
    const a = anchor(neu, describe(old, at(old, ARTICLE), at(old, ARTICLE) + ARTICLE.length));
    if (a) expect(a.start).toBe(at(neu, edited));
  });
});
