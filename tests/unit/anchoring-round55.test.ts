/**
 * Issue 12 item 4, round 55 (the seventeenth outside bench's zimu kind): a 字幕稿, a talk's
 * subtitles saved as the article's text: in a run of paragraphs every ，。；：！？ set as a line
 * break (the paragraph's last one dropped) and every 、 as a space. A short passage keeps its
 * words but every mark around it is gone, so both sides of its stored context read across breaks.
 * subtitled.ts reads both texts with pauses aside and places the passage where its words and the
 * nearest context stand once, the new text's pauses all where the old had one, a mark turned into
 * white space there. A place cut by a pause the old text did not have, or a window standing twice,
 * leaves the orphan.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

/** A paragraph set as subtitles: each pause mark a line break (the last dropped), each 、 a space. */
function subtitled(p: string): string {
  return p
    .replace(/[，。；：！？]+$/u, '')
    .replace(/[，。；：！？]/gu, '\n')
    .replace(/、/gu, ' ');
}

const TALK = [
  '主持人问她，为什么回到山里教书，她笑着说：孩子们需要有人陪着读书、写字、唱歌。',
  '她说，第一年学校只有12个学生，教室的窗户漏风，冬天要生炉子取暖。',
  '后来，县里拨款修了新校舍，又派来三位年轻老师，学生也多了起来。',
  '如今，每到周末，她还会带着孩子们去山坡上认识草药，讲它们的用处。',
];
const BEFORE = filler(0, 4);
const AFTER = filler(20, 4);
const old = [...BEFORE, ...TALK, ...AFTER].join('\n');
const talked = [...BEFORE, ...TALK.map(subtitled), ...AFTER].join('\n');

function sel(text: string, words: string, n = 0) {
  const s = at(text, words, n);
  return describe(text, s, s + words.length);
}

suite('a passage in a run of paragraphs set as subtitles (字幕稿)', () => {
  it('places a short number whose marks on both sides became line breaks', () => {
    const [a] = anchorAll(talked, [sel(old, '12个')]);
    expect(a).toMatchObject({ start: at(talked, '12个'), end: at(talked, '12个') + 3 });
  });

  it('places a two-unit term between two clauses set as lines', () => {
    const [a] = anchorAll(talked, [sel(old, '三位')]);
    expect(a).toMatchObject({ start: at(talked, '三位'), end: at(talked, '三位') + 2 });
  });

  // The look-alikes: the old text holds the long paragraph's words twice, once more as a line
  // with other pauses (a reprint's caption); the new text dropped the paragraph itself, so any
  // place is the other line's.
  const LONG = '他回忆说，那时候村里没有公路，运一车化肥要走两天山路，遇上下雨还得在半路的岩洞里过夜，第二天再接着赶路。';
  const withLine = (line: string, keep: boolean) => [...BEFORE, ...TALK, ...(keep ? [LONG] : []), ...AFTER, line].join('\n');

  it('places the long paragraph’s term once it is set as subtitles, the other line gone', () => {
    const line = '他回忆说那时候村里没有公路运一车化肥要走两天山路遇上下雨还得在半路的岩洞里过夜';
    const neu = [...BEFORE, ...TALK, subtitled(LONG), ...AFTER].join('\n');
    const [a] = anchorAll(neu, [sel(withLine(line, true), '两天')]);
    expect(a).toMatchObject({ start: at(neu, '两天'), end: at(neu, '两天') + 2 });
  });

  it('leaves the orphan where the words stand cut by pauses the old text did not have there', () => {
    const line = '他回忆说那时候村里没有公路，运一车化肥，要走两天山路遇上下雨还得在半路的岩洞里过夜';
    const [a] = anchorAll(withLine(subtitled(line), false), [sel(withLine(line, true), '两天')]);
    expect(a).toBeNull();
  });

  it('leaves the orphan where no mark became a break (the other line’s marks other marks)', () => {
    const line = '他回忆说、那时候村里没有公路、运一车化肥要走两天山路、遇上下雨还得在半路的岩洞里过夜';
    const [a] = anchorAll(withLine(line, false), [sel(withLine(line, true), '两天')]);
    expect(a).toBeNull();
  });

  it('leaves the orphan where the window stands twice (the paragraph set as subtitles printed twice)', () => {
    const twice = [subtitled(TALK[0]!), subtitled(TALK[1]!)];
    const neu = [...BEFORE, ...twice, '（重播）', ...twice, ...AFTER].join('\n');
    const [a] = anchorAll(neu, [sel(old, '12个')]);
    expect(a).toBeNull();
  });
});
