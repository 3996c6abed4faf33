/**
 * Issue 12 item 4, thirteenth round (d): a short quote that a revision renumbered. A clause is
 * inserted before the highlighted 第二条, which becomes 第三条, and the new clause takes 第二条
 * right after the same paragraph. The exact words 第二条 there are new text: the passage's other
 * side stands beside 第三条. Built by hand on our own text; the pinned pass placed it on the new
 * clause before this round.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';

const HEAD = '为规范机关会议管理，提高会议效率，结合本单位实际，制定本办法。各部门应当严格执行，不得擅自变更。';
const TAIL = '本办法由办公室负责解释，自印发之日起施行，此前有关规定与本办法不一致的，以本办法为准。';

function article(clauses: readonly string[]): string {
  return [HEAD, ...clauses.map((c, i) => `第${'一二三四五六'[i]}条\u3000${c}`), TAIL].join('\n');
}

const OLD = article([
  '会议实行年度计划管理，由各部门于每年一月报送。',
  '一般性会议原则上不超过一个半小时，发言不超过十分钟。',
  '会议材料应当提前两天印发参会人员。',
]);
const NEW = article([
  '会议实行年度计划管理，由各部门于每年一月报送。',
  '能合并召开的会议一律合并召开，能以文件代替的不再开会。',
  '一般性会议原则上不超过一个半小时，发言不超过十分钟。',
  '会议材料应当提前两天印发参会人员。',
]);

const span = (text: string, q: string, from = 0): [number, number] => {
  const i = text.indexOf(q, from);
  expect(i, q).toBeGreaterThanOrEqual(0);
  return [i, i + q.length];
};

suite('a renumbered clause number is not placed on the new clause that took its number', () => {
  const quotes = ['由各部门于每年一月报送', '第二条', '会议材料应当提前两天印发'];
  const selectors = quotes.map((q) => describe(OLD, ...span(OLD, q)));

  it('the highlighted 第二条 is left unplaced, not put on the inserted clause', () => {
    const out = anchorAll(NEW, selectors);
    expect(out[0]).not.toBeNull();
    expect(out[2]).not.toBeNull();
    const placed = out[1];
    const inserted = span(NEW, '第二条　能合并');
    // Either an orphan or on the renumbered clause: never on the new clause's number.
    if (placed) expect(placed.start).not.toBe(inserted[0]);
  });

  it('an unchanged clause number whose next sentence moved away is still placed', () => {
    const moved = article([
      '会议实行年度计划管理，由各部门于每年一月报送。',
      '发言不超过十分钟，一般性会议原则上不超过一个半小时。',
      '会议材料应当提前两天印发参会人员。',
    ]);
    const out = anchorAll(moved, selectors);
    const placed = out[1];
    expect(placed).not.toBeNull();
    expect(moved.slice(placed!.start, placed!.end)).toBe('第二条');
    expect(placed!.start).toBe(span(moved, '第二条')[0]);
  });
});
