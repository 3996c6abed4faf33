/**
 * Issue 12 item 4, the ninth outside bench's enum_reorder kind, built by hand: a 、-list put in
 * another order (和 before the last item sometimes written as 、). A passage over the whole list
 * is placed on the list reordered; a passage on one item on that item, where its list's other
 * items stand around it; neither where two places read so.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const LIST = '白菜、萝卜、土豆、南瓜和冬瓜';
const PARA = `今年秋天，合作社的菜地收获了${LIST}等蔬菜，一部分送到了镇上的食堂。`;

suite('a 、-list put in another order', () => {
  const [a, b, c, d] = filler(2, 4) as [string, string, string, string];
  const old = [a, b, PARA, c, d].join('\n');
  const place = (neu: string, quote: string) => {
    const start = at(old, quote);
    const placed = anchorAll(neu, [describe(old, start, start + quote.length)])[0];
    return placed ? neu.slice(placed.start, placed.end) : null;
  };
  const reordered = '南瓜、土豆、冬瓜、白菜、萝卜';
  const neu = [a, b, PARA.replace(LIST, reordered), c, d].join('\n');

  it('places a passage over the whole list on the list in its new order', () => {
    expect(place(neu, LIST)).toBe(reordered);
    expect(place(neu, `收获了${LIST}等蔬菜`)).toBe(`收获了${reordered}等蔬菜`);
  });

  it('places one item among the others moved around it', () => {
    expect(place(neu, '土豆')).toBe('土豆');
    expect(place(neu, '萝卜')).toBe('萝卜');
  });

  it('leaves an item an orphan where two lists hold it with the same items', () => {
    const twice = [a, b, PARA.replace(LIST, reordered), c, PARA.replace(LIST, '冬瓜、萝卜、白菜、南瓜、土豆'), d].join('\n');
    expect(place(twice, '土豆')).toBeNull();
  });

  it('leaves an item an orphan when its list lost one of the items the context showed', () => {
    expect(place([a, b, PARA.replace(LIST, '南瓜、土豆、冬瓜、白菜'), c, d].join('\n'), '土豆')).toBeNull();
  });

  it('leaves a whole list an orphan when an item was changed, not moved', () => {
    expect(place([a, b, PARA.replace(LIST, '南瓜、土豆、冬瓜、白菜、茄子'), c, d].join('\n'), LIST)).toBeNull();
  });
});

suite('an item of a list printed twice', () => {
  it('is not placed on the other print when its own was edited', () => {
    const [a, b, c, d] = filler(5, 4) as [string, string, string, string];
    const old = [a, PARA, b, c, PARA, d].join('\n');
    const neu = [a, PARA.replace(LIST, '南瓜、马铃薯、冬瓜、白菜、萝卜'), b, c, PARA, d].join('\n');
    const start = at(old, '土豆');
    const placed = anchorAll(neu, [describe(old, start, start + 2)])[0];
    expect(placed?.start).not.toBe(at(neu, '土豆'));
  });
});
