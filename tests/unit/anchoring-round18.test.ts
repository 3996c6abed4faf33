/**
 * Issue 12 item 4, anchor14c: copies that the stored selector cannot tell from the passage stay
 * orphans, and copies it can tell apart are chosen (tests/bench/anchoring-outside3.ts seeds 170
 * and 178), on our own short texts:
 * - a story kept while the text on both sides of it was replaced (a section swapped for pages
 *   that print the story again): its passages, found far from where both neighbouring runs of
 *   placed passages moved, with orphans between, are orphans;
 * - a line set as its own paragraph, run into its neighbours (breaks → ；) and copied as a pull
 *   quote further on: the copy that kept its context is the passage, not the one that kept its
 *   paragraph edges;
 * - a paragraph run into the one before it and set again right after it (A；S ⏎ S ⏎ B): either
 *   S may be the new one, so it is an orphan.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe, type TextSelector } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

function selector(text: string, quote: string): TextSelector {
  const start = at(text, quote);
  return describe(text, start, start + quote.length);
}

const placedText = (text: string, a: { start: number; end: number } | null) => (a ? text.slice(a.start, a.end) : null);

suite('a story found inside text that replaced both its sides', () => {
  // Our own story, three paragraphs, set between numbered filler paragraphs.
  const STORY = [
    '东湖渡口的新码头下月启用，候船厅比旧厅大了两倍，设有母婴室和无障碍通道。',
    '据码头负责人介绍，首批开通三条航线，单程票价十二元，学生凭证半价。',
    '附近居民说，过去过江要绕行半小时，今后坐船十分钟就能到对岸上班。',
  ];
  const before = filler(0, 10);
  const oldLeft = filler(100, 5);
  const oldRight = filler(200, 50);
  const after = filler(300, 10);
  const OLD = [...before, ...oldLeft, ...STORY, ...oldRight, ...after].join('\n');
  // The numbered markers of filler paragraphs are unique quotes; the story's terms too.
  const marker = (n: number) => `（第${n}段）`;
  const quotes = [
    ...[1, 3, 5, 7, 9].map(marker),
    ...[101, 103].map(marker),
    '候船厅比旧厅大了两倍',
    '单程票价十二元',
    '坐船十分钟',
    ...[201, 210, 220, 230, 240].map(marker),
    ...[301, 303, 305, 307, 309].map(marker),
  ];
  const selectors = quotes.map((q) => selector(OLD, q));
  const storyQuotes = new Set(['候船厅比旧厅大了两倍', '单程票价十二元', '坐船十分钟']);
  const replacedQuotes = new Set([101, 103, 201, 210, 220, 230, 240].map(marker));

  it('leaves the story an orphan when the pages on both sides of it were replaced', () => {
    // The left side grew by over a thousand units, the right side shrank by about as much: the
    // text after the section stands where it stood, the story a thousand units on.
    const NEW = [...before, ...filler(500, 45), ...STORY, ...filler(600, 12), ...after].join('\n');
    const placed = anchorAll(NEW, selectors);
    quotes.forEach((q, i) => {
      const got = placedText(NEW, placed[i] ?? null);
      if (storyQuotes.has(q)) expect(got, q).toBeNull();
      else if (replacedQuotes.has(q)) expect(got, q).toBeNull();
      else expect(got, q).toBe(q);
    });
  });

  it('keeps the story placed when only the text on one side of it changed', () => {
    // Both sides' runs agree with the story on one side: a section removed before it.
    const NEW = [...before, ...filler(500, 2), ...STORY, ...oldRight, ...after].join('\n');
    const placed = anchorAll(NEW, selectors);
    quotes.forEach((q, i) => {
      if (storyQuotes.has(q)) expect(placedText(NEW, placed[i] ?? null), q).toBe(q);
    });
  });

  it('keeps a story placed that moved away as a block (no orphans beside it)', () => {
    // The story moved to the end: its neighbours lost nothing.
    const NEW = [...before, ...oldLeft, ...oldRight, ...after, ...STORY].join('\n');
    const placed = anchorAll(NEW, selectors);
    quotes.forEach((q, i) => expect(placedText(NEW, placed[i] ?? null), q).toBe(q));
  });
});

suite('a line run into its neighbours and copied as a pull quote', () => {
  const LINE = '新航线下月开通！';
  const OLD = [
    ...filler(0, 3),
    '江北新城的渡轮码头进入验收阶段。',
    LINE,
    '据介绍，首航仪式将在码头广场举行，市民可以免费登船参观。',
    ...filler(3, 4),
  ].join('\n');

  it('places it in the paragraph it was run into, not on the copy set apart', () => {
    const NEW = [
      ...filler(0, 3),
      `江北新城的渡轮码头进入验收阶段；${LINE}；据介绍，首航仪式将在码头广场举行，市民可以免费登船参观。`,
      filler(3, 1)[0]!,
      LINE,
      ...filler(4, 3),
    ].join('\n');
    const s = selector(OLD, LINE);
    const [found] = anchorAll(NEW, [s]);
    expect(found).not.toBeNull();
    expect(found!.start).toBe(at(NEW, LINE));
    expect(NEW.slice(found!.start, found!.end)).toBe(LINE);
  });
});

suite('a caption that copied the head of a sentence', () => {
  it('is not taken for the passage although it matches more context by chance', () => {
    // The caption ends where the highlight ends (mid-word) and stands before the paragraph that
    // followed; text added above shifts the passage, its one placed neighbour shifted more.
    const PARA = '春节前的一个下午，他放学回家，还不知道，那天来村里的客人，将是改变他一生命运的人。';
    const CAPTION = '图片说明：还不知道，那天来村里的客人，将是改变他一生命';
    const NEXT = '那天下着小雨，院子里的枣树刚刚落完叶子，他没想到眼前这位是校长。';
    const old = [...filler(0, 3), PARA, NEXT, ...filler(3, 3)].join('\n');
    const now = [
      '编者按：这是一组关于乡村教师的回忆文章，我们分三期刊出，今天是第一期。',
      ...filler(0, 3),
      PARA,
      CAPTION,
      NEXT,
      ...filler(3, 3),
    ].join('\n');
    const [found, neighbour] = anchorAll(now, [selector(old, '他一生命'), selector(old, '院子里的枣树')]);
    expect(neighbour).not.toBeNull();
    expect(found?.start).not.toBe(at(now, '他一生命', 1));
    // Its own words are in a paragraph, not set apart: nothing moves it; the doubt about a gained copy leaves it an orphan.
    expect(found).toBeNull();
  });
});

suite('a paragraph run into the one before it and set again right after it', () => {
  const PARA = '新建的过江隧道全长三千二百米，设计时速六十公里，双向六车道。';
  const OLD = [...filler(0, 3), '隧道的主体结构去年底已经贯通。', PARA, '隧道通车以后，两岸往来只需五分钟。', ...filler(3, 3)].join('\n');

  it('is an orphan: each copy keeps the stored context on one side only', () => {
    const NEW = [
      ...filler(0, 3),
      `隧道的主体结构去年底已经贯通；${PARA}`,
      PARA,
      '隧道通车以后，两岸往来只需五分钟。',
      ...filler(3, 3),
    ].join('\n');
    const [found] = anchorAll(NEW, [selector(OLD, PARA)]);
    expect(found).toBeNull();
  });

  it('is still placed under a numbered heading that restates it (二、S ⏎ S is no paragraph run in)', () => {
    const LINE = '新款秋季便民渡轮时刻表';
    const old = [...filler(0, 3), '渡轮公司今天公布了冬季的安排。', LINE, '每天早上六点首班，晚上十点末班。', ...filler(3, 3)].join('\n');
    const now = [
      ...filler(0, 3),
      '渡轮公司今天公布了冬季的安排。',
      `二、${LINE}`,
      LINE,
      '每天早上六点首班，晚上十点末班。',
      ...filler(3, 3),
    ].join('\n');
    const [found] = anchorAll(now, [selector(old, LINE)]);
    expect(found).not.toBeNull();
    expect(found!.start).toBe(at(now, LINE, 1));
  });

  it('is still placed when it is set once, run into the paragraph before', () => {
    const NEW = [...filler(0, 3), `隧道的主体结构去年底已经贯通；${PARA}`, '隧道通车以后，两岸往来只需五分钟。', ...filler(3, 3)].join(
      '\n',
    );
    const [found] = anchorAll(NEW, [selector(OLD, PARA)]);
    expect(found).not.toBeNull();
    expect(found!.start).toBe(at(NEW, PARA));
  });
});

suite('a repeated passage whose copies changed order', () => {
  // A block printed twice (a Q&A answer repeated in a long article), every unit of stored context alike.
  const BLOCK = [
    '问：新码头什么时候对外开放？',
    '答：码头计划在年底前完成验收，届时将开通至对岸的两条航线，票价与公交相当。',
    '问：周边交通如何衔接？',
  ];
  const OLD = [...filler(0, 6), ...BLOCK, ...filler(6, 12), ...BLOCK, ...filler(18, 4)].join('\n');
  const QUOTE = '开通至对岸的两条航线';
  // The passage is the first copy; the second block is moved to the top.
  const NEW = [...BLOCK, ...filler(0, 6), ...BLOCK, ...filler(6, 12), ...filler(18, 4)].join('\n');
  const s = (() => {
    const start = at(OLD, QUOTE, 0);
    return describe(OLD, start, start + QUOTE.length);
  })();

  it('is not moved to the copy of its rank when that copy is farther than the one placed', () => {
    const [found] = anchorAll(NEW, [s]);
    expect(found?.start).not.toBe(at(NEW, QUOTE, 0));
    expect(found).toBeNull();
  });

  it('is placed on the copy where sure neighbours put it', () => {
    const near = ['（第4段）', '（第5段）', '（第6段）', '（第7段）'].map((q) => selector(OLD, q));
    const placed = anchorAll(NEW, [s, ...near]);
    expect(placed[0]).not.toBeNull();
    expect(placed[0]!.start).toBe(at(NEW, QUOTE, 1));
  });
});
