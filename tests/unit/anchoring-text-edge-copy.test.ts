/**
 * Issue 12 item 4: an advert block (相关阅读) inserted at the first line's sentence end, repeating
 * the whole first line. The passage opened the old text; one copy still opens the new text with the
 * stored suffix's nearest units, the block's copy a line below has the whole suffix. The text's
 * edge is context no other copy has, the longer suffix says the opposite, and the copies stand a
 * line apart, so neighbours cannot tell either: the passage is an orphan (copyAtTextEdge), never
 * the advert's copy. A copy added far from the edge changes nothing.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';

const title = '市教育局发布消息：今年本市将新建二十所中小学校！新增学位三万个。';
const body = [
  '记者从市教育局获悉，新建学校将集中在人口增长较快的东部新区和南部片区。',
  '据介绍，这些学校预计将在后年秋季学期前全部投入使用，届时可有效缓解入学压力。',
  '市教育局有关负责人表示，将同步加强师资队伍建设，确保新校开学即有好老师。',
];
const old = [title, ...body].join('\n');
const opening = describe(old, 0, 8);

suite('a passage that opened the text, its words copied by a block inserted a line below', () => {
  it('is not placed on the block’s copy', () => {
    const now = [
      '市教育局发布消息：今年本市将新建二十所中小学校！',
      '相关阅读：',
      title,
      '暑期安全提示：防溺水六不准',
      '新增学位三万个。',
      ...body,
    ].join('\n');
    expect(opening.copies).toBe(0);
    expect(anchor(now, opening)).toBeNull();
    // Nor with its neighbours placed around it.
    const later = old.indexOf(body[0]!);
    const placed = anchorAll(now, [opening, describe(old, later, later + 12)]);
    expect(placed[0]).toBeNull();
    expect(placed[1]?.start).toBe(now.indexOf(body[0]!));
  });

  it('keeps its place when the copy is added far from the edge, or the edge copy keeps its whole side', () => {
    expect(anchor([title, ...body, '相关阅读：', title].join('\n'), opening)?.start).toBe(0);
    expect(anchor([title, '相关阅读：', title, ...body].join('\n'), opening)?.start).toBe(0);
  });
});
