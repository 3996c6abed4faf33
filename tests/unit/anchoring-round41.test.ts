/**
 * Issue 12 item 4, round 41 (anchor22a): built by hand, our own words.
 * - A block of paragraphs the OLD text already held twice in a row (a page printed twice), the
 *   highlight in its second printing, and a 专题 printing the story again elsewhere: the pair still
 *   stands side by side, but it is no paste the revision made (stutter.ts): the first copy of the
 *   pair is the other printing, unchanged. A paste twice in a row the revision made is still placed.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at } from './helpers/anchoring-text';

const select = (text: string, q: string, n = 0) => {
  const i = at(text, q, n);
  return describe(text, i, i + q.length);
};

suite('a block the old text already held twice in a row', () => {
  const BLOCK = [
    '湖畔图书馆将于下月中旬恢复夜间开放，每晚闭馆时间推迟到九点半。',
    '馆方介绍，新装的自助借还机可以同时处理十本书，排队的读者会明显减少，老人和孩子另有专门的服务台。',
    '此外，二楼的期刊阅览区改成了安静自习区，座位需要提前一天在小程序上预约。',
  ];
  const BEFORE = ['社区简讯', '上周末，东街菜场的改造方案在居民议事会上通过，施工将分三期进行。'];
  const AFTER = ['城南的公交线路调整方案也已公布，三条线路的末班车将延后半小时发车。', '（编辑：周晓岚）'];
  const OLD = [...BEFORE, ...BLOCK, ...BLOCK, ...AFTER].join('\n');
  const QUOTE = '自助借还机可以同时处理十本书';

  it('leaves a passage of the second printing an orphan when a 专题 prints the story once more elsewhere', () => {
    // The 专题: a head, an abridged copy of the old text (its second paragraph of every two), then the article.
    const abridged = ['专题：身边的变化', BLOCK[1], BLOCK[1], '相关报道：社区服务再升级'];
    const NEW = [...abridged, ...BEFORE, ...BLOCK, ...BLOCK, ...AFTER].join('\n');
    const s = select(OLD, QUOTE, 1);
    const a = anchorAll(NEW, [s])[0] ?? null;
    // Never on the first printing of the pair (the other passage's words); the second is the passage's.
    expect(a === null || a.start === at(NEW, QUOTE, 3)).toBe(true);
    expect(a?.start).not.toBe(at(NEW, QUOTE, 2));
  });

  it('still places a passage on the first copy of a paste the revision made, the old text holding the quote elsewhere with less context', () => {
    const old = [...BEFORE, ...BLOCK, ...AFTER, '读者留言：' + QUOTE + '，这个改进很实用。'].join('\n');
    const s = select(old, QUOTE, 0);
    expect(s.copies).toBe(1);
    const NEW = [...BEFORE, BLOCK[0], BLOCK[1], BLOCK[1], BLOCK[2], ...AFTER, '读者留言：' + QUOTE + '，这个改进很实用。'].join('\n');
    const a = anchorAll(NEW, [s])[0] ?? null;
    expect(a?.start).toBe(at(NEW, QUOTE, 0));
  });
});
