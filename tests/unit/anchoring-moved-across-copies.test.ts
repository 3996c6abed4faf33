/**
 * Issue 12 item 4: a 答记者问 whose question–answer pairs were reordered. The passage's paragraph
 * is printed twice, and its old next line (a question) now follows the other copy, after that
 * copy's own line. Approximate matching reads the stored next line past that line, so the other
 * copy looked like the passage's; context beyond a break counts only where the stored neighbouring
 * line is still beside it (ownContextBesideLines). Rank alone does not place it either (a timeline
 * reversed moves copies across each other): an orphan.
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
  it('does not place the first copy’s passage on the one its old question now follows', () => {
    const at = old.indexOf('真的要动');
    const s = describe(old, at, at + 4);
    expect(s.copies).toBe(1);
    expect(s.copyRank).toBe(0);
    // Read across lines, the context says the other copy; the rank says the first; neither is taken.
    expect(anchor(now, s)).toBeNull();
  });

  it('is not taken to the other copy when its old question, highlighted too, moved with it', () => {
    const at = old.indexOf('真的要动');
    const q = old.indexOf('先拆后建下一步');
    // The question's paragraph moved whole to after the other copy: it moved, the passage's paragraph did not.
    const placed = anchorAll(now, [describe(old, at, at + 4), describe(old, q, q + 7)]);
    expect(placed[1]?.start).toBe(now.indexOf('先拆后建下一步'));
    // Rank says the first copy, the moved question says the other: neither is taken.
    expect(placed[0]).toBeNull();
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

/**
 * A heading repeated in every section, one section cut (a copy lost): the passage's copy, its
 * stored line before standing, is still placed (ownContextBesideLines keeps that line's context).
 */
suite('a lost copy: the passage whose stored line before stands', () => {
  const heading = '政府现在应该做什么？';
  const question = '投资者应该出售还是继续持有手中的房产？';
  const section = (q: string, a: string, body: string) => [q, a, heading, body];
  const old = [
    '楼市问答',
    ...section(
      question,
      '客户应根据自身的负债情况和所追求的投资结果来考虑是否出售。',
      '稳定预期是当务之急，政策应当保持连续，不宜大起大落。',
    ),
    ...section('哪些城市的风险最大？', '库存较高的三四线城市。', '应当加快棚户区改造的收尾工作，同时稳住土地市场。'),
    ...section(question, '本报不提供投资建议。', '更多的刺激政策可能会推高房价，加剧社会不平等，并积累金融风险。'),
    '以上观点仅代表受访者本人。',
  ];
  const text = old.join('\n');
  const first = text.indexOf(heading);
  const own = text.indexOf(heading, text.indexOf(heading, first + 1) + 1);
  const s = describe(text, own, own + heading.length);

  it('still places it where its stored line before stands (the body after it cut)', () => {
    const now = [old[0], old[1], old[2], old[3], old[4], old[9], old[10], heading, '……', old[13]].join('\n');
    expect(anchor(now, s)?.start).toBe(now.lastIndexOf(heading));
  });
});
