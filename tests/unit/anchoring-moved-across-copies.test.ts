/**
 * Issue 12 item 4: a 答记者问 whose question–answer pairs were reordered. The passage's paragraph
 * is printed twice, and its old next line (a question) now follows the other copy, after that
 * copy's own line. Approximate matching reads the stored next line past that line, so the other
 * copy looked like the passage's; context beyond a break counts only where the stored neighbouring
 * line opens right after it (ownContextBesideLines), and the copy of the passage's rank is its place.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';

const lead = '记者昨天从市住建部门了解到，酝酿多年的老城区改造方案已经正式出台，一位参与论证的专家表示“这回是真的要动了”。';
const paras = [
  '旧城改造答问',
  lead,
  '问：先拆后建下一步将如何推进？',
  '答：“先拆后建!”改造资金由市财政安排。',
  lead,
  '“先拆后建”',
  '问：居民怎么安置？',
  '答：原则上就近安置，也可以选择货币补偿。',
  '以上内容由记者整理。',
];
const old = paras.join('\n');
/** The pairs reordered: the first pair now follows the second copy and its own line. */
const now = [0, 1, 6, 7, 4, 5, 2, 3, 8].map((i) => paras[i]).join('\n');
const ownCopy = now.indexOf('真的要动');
const otherCopy = now.indexOf('真的要动', ownCopy + 1);

suite('a copy that gained the passage’s next line across its own line is not the passage', () => {
  it('places the first copy’s passage on the first copy, not on the one its old question now follows', () => {
    const at = old.indexOf('真的要动');
    const s = describe(old, at, at + 4);
    expect(s.copies).toBe(1);
    expect(s.copyRank).toBe(0);
    expect(anchor(now, s)?.start).toBe(ownCopy);
  });

  it('never moves the second copy’s passage onto the first copy (its own line still follows the second)', () => {
    const at = old.indexOf('真的要动', old.indexOf('真的要动') + 1);
    const placed = anchorAll(now, [describe(old, at, at + 4)])[0];
    // Its next-but-one line changed too: an orphan is fair, the first copy is not.
    expect([null, otherCopy]).toContain(placed?.start ?? null);
  });

  it('keeps a copy whose stored next line opens right after the break (an edit farther off)', () => {
    const at = old.indexOf('真的要动');
    const edited = old.replace('改造资金由市财政安排', '改造资金由区财政安排');
    expect(anchor(edited, describe(old, at, at + 4))?.start).toBe(at);
  });
});
