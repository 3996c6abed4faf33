/** The 勘误 diff (pure) and the preview that carries it; a downgrade cannot be confirmed. */
import { describe, expect, it } from 'vitest';
import { diffPacket, type DiffExcerpt } from '../../renderer/core/packetDiff';

const ex = (id: string, articleId: string, exact: string, comment: string | null = null, color = 'orange'): DiffExcerpt => ({
  id,
  articleId,
  exact,
  comment,
  color,
});

describe('diffPacket', () => {
  const titles = new Map([
    ['a1', '文章一'],
    ['a2', '文章二'],
    ['a3', '文章三'],
  ]);

  it('lists excerpts added, changed (both sides) and removed, readings added and removed, and notes kept', () => {
    const diff = diffPacket({
      before: [ex('h1', 'a1', '原来的摘编', '旧批注'), ex('h2', 'a1', '不变的摘编'), ex('h3', 'a2', '被删的摘编', '批注三')],
      after: [ex('h1', 'a1', '原来的摘编', '新批注'), ex('h2', 'a1', '不变的摘编'), ex('h4', 'a3', '新增的摘编')],
      readingsBefore: ['a1', 'a2'],
      readingsAfter: ['a1', 'a3'],
      titles,
      noteArticles: ['a1', 'a2', 'a2', null, 'elsewhere'],
    });
    expect(diff.excerptsAdded).toEqual([{ id: 'h4', articleTitle: '文章三', exact: '新增的摘编', comment: null }]);
    expect(diff.excerptsChanged).toEqual([
      {
        before: { id: 'h1', articleTitle: '文章一', exact: '原来的摘编', comment: '旧批注' },
        after: { id: 'h1', articleTitle: '文章一', exact: '原来的摘编', comment: '新批注' },
      },
    ]);
    expect(diff.excerptsRemoved).toEqual([{ id: 'h3', articleTitle: '文章二', exact: '被删的摘编', comment: '批注三' }]);
    expect(diff.readingsAdded).toEqual(['文章三']);
    expect(diff.readingsRemoved).toEqual(['文章二']);
    // Notes on the packet's readings are all kept; two of them are on the removed reading.
    expect(diff.notes).toEqual({ kept: 3, onRemovedReadings: 2 });
  });

  it('a changed quote or colour counts as a change; the same version is an empty diff', () => {
    const same = [ex('h1', 'a1', '甲'), ex('h2', 'a1', '乙', null, 'pink')];
    expect(diffPacket({ before: same, after: same, readingsBefore: ['a1'], readingsAfter: ['a1'], titles, noteArticles: [] })).toEqual({
      excerptsAdded: [],
      excerptsChanged: [],
      excerptsRemoved: [],
      readingsAdded: [],
      readingsRemoved: [],
      notes: { kept: 0, onRemovedReadings: 0 },
    });
    const diff = diffPacket({
      before: same,
      after: [ex('h1', 'a1', '甲改'), ex('h2', 'a1', '乙', null, 'orange')],
      readingsBefore: ['a1'],
      readingsAfter: ['a1'],
      titles,
      noteArticles: [],
    });
    expect(diff.excerptsChanged.map((c) => [c.before.exact, c.after.exact])).toEqual([
      ['甲', '甲改'],
      ['乙', '乙'],
    ]);
  });
});
