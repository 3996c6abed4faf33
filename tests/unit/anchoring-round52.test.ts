/**
 * Issue 12 item 4, round 52 (the fourteenth and third outside benches' twin and copy wrongs):
 * - twinread.ts twinReadsAlike: a page printed twice, a left-out line written back beside the
 *   twin while a mark (a “ opening each paragraph of a quotation) was set beside the passage's own
 *   copy: two copies read the stored context, one unit apart. In doubt: placed only where sure
 *   neighbours put it, else an orphan.
 * - twinread.ts twinAcrossMovedLine: twin paragraphs, one moved right before the line that stood
 *   after the passage: the twin reads the stored context across that break, the passage's own
 *   paragraph still holds the rest of its old words. An orphan, not the twin.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

function sel(text: string, words: string, n = 0) {
  const s = at(text, words, n);
  return describe(text, s, s + words.length);
}

// ---------------------------------------------------------------------------------------------
// A page printed twice; the abridged edition left the line LEFT out of its second printing.

const LEFT = '沿江步道北起老码头，南到新建的湿地公园，全长约四公里，沿途设有九处休息点。';
const WORK = '首期工程铺设透水砖一点二万平方米，新栽香樟和银杏六百余株，夜间照明同步更新。';
const NEXT = '市民可以从四个入口进入步道，周末还有志愿者在入口处发放导览图。';
const printing = (withLeft: boolean, open = '') => [...(withLeft ? [open + LEFT] : []), open + WORK, open + NEXT];

const oldRiver = [...filler(0, 20), ...printing(true), ...filler(20, 20), ...printing(false), ...filler(40, 20)].join('\n');

/** The 全文 writes LEFT back into the second printing, after a pass quoted the whole article (“ opening each paragraph). */
function quotedThenRestored(): string {
  const quoted = oldRiver
    .split('\n')
    .map((p) => '“' + p)
    .join('\n');
  const second = at(quoted, '“' + WORK, 1);
  // The line written back carries no quotation mark: it was not there when the article was quoted.
  return quoted.slice(0, second) + LEFT + '\n' + quoted.slice(second);
}

suite('a twin that gained the stored context, the passage’s own copy one mark short of it', () => {
  const neu = quotedThenRestored();
  const term = sel(oldRiver, '透水砖', 0);

  it('does not place the passage on the twin by one unit of context', () => {
    const [a] = anchorAll(neu, [term]);
    expect(a?.start).not.toBe(at(neu, '透水砖', 1));
    expect(a).toBeNull();
  });

  it('places it on its own printing where its neighbours went', () => {
    const placed = anchorAll(neu, [sel(oldRiver, '第17段'), term, sel(oldRiver, '第22段')]);
    expect(placed[1]?.start).toBe(at(neu, '透水砖', 0));
  });

  it('still places it alone where only its own printing reads the stored context', () => {
    // No line written back: the twin keeps the little context it had.
    const quoted = oldRiver
      .split('\n')
      .map((p) => '“' + p)
      .join('\n');
    expect(anchorAll(quoted, [term])[0]?.start).toBe(at(quoted, '透水砖', 0));
  });
});

// ---------------------------------------------------------------------------------------------
// Twin paragraphs: the same sentence in two paragraphs that open differently.

const SHARED = '新系统把存储单元和计算单元放在同一块电路板上，数据不必来回搬运，';
const TWIN_WORDS = '单次运算耗电减少一半';
const OWN = '研发团队介绍说，不同于传统的分离式设计思路，' + SHARED + TWIN_WORDS + '，处理速度也明显提升。';
const TWIN = '去年年底的测试报告里也提到，' + SHARED + TWIN_WORDS + '，处理速度也明显提升。';
const AFTER_OWN = '在城市交通调度中心，这套系统已经试运行了两个月。';
const AFTER_TWIN = '业内人士认为，这类芯片的成本还有下降空间。';
const oldChip = [...filler(100, 6), OWN, AFTER_OWN, ...filler(106, 6), TWIN, AFTER_TWIN, ...filler(112, 6)].join('\n');

suite('a twin paragraph moved right before the line that followed the passage', () => {
  // The twin's paragraph moved up, between the passage's paragraph and its old next line, its
  // head reworded (an unchanged paragraph would be another passage's, never taken); a line on top.
  const moved = TWIN.replace('去年年底的测试报告里', '去年底的一份测试报告');
  const neu = [
    '更新：本文的数据有所补充。',
    ...filler(100, 6),
    OWN,
    moved,
    AFTER_OWN,
    ...filler(106, 6),
    AFTER_TWIN,
    ...filler(112, 6),
  ].join('\n');
  const passage = sel(oldChip, TWIN_WORDS, 0);

  it('does not place the passage on the twin that now reads its next line', () => {
    const [a] = anchorAll(neu, [passage]);
    expect(a?.start).not.toBe(at(neu, TWIN_WORDS, 1));
    expect(a).toBeNull();
  });

  it('still places it on its own copy when nothing moved but a line written elsewhere', () => {
    const edited = oldChip.replace(AFTER_TWIN, '编者注：本文数据截至上月底。\n' + AFTER_TWIN);
    expect(anchorAll(edited, [passage])[0]?.start).toBe(at(edited, TWIN_WORDS, 0));
  });
});
