/**
 * speed16e (issue 16, speed): each faster path gives the answer of the plainer code it replaces,
 * on hand-made inputs chosen where the two could part.
 */
import { describe, expect, it } from 'vitest';
import { anyOf } from '../../main/services/extract/patterns';

describe('anyOf: a list of rules joined into few regexes', () => {
  const rules = [
    /^start only$/,
    /middle\s+words/,
    /^(?:Close|Share)$/i,
    /\p{Lu}{3}\d/u,
    /dot.all/s,
    /(ab)\1/, // a back reference: its group number would move in a join
    /counted/g, // stateful: test() moves lastIndex
    /换一张|^登\s*录$/,
    /^$/,
  ];
  const inputs = [
    'start only',
    'not start only',
    'the middle \n words here',
    'middlewords',
    'close',
    'CLOSE',
    'close it',
    'ABC1',
    'abC1',
    'dot\nall',
    'dotall',
    'abab',
    'ab ab',
    'counted',
    'counted twice counted',
    '看不清？换一张',
    '登 录',
    '请登录',
    '',
    'nothing at all',
  ];
  it('answers as testing each rule in turn, flags, anchors and back references included', () => {
    const joined = anyOf(rules);
    for (const s of inputs) {
      const expected = rules.some((re) => {
        re.lastIndex = 0;
        return re.test(s);
      });
      rules[6]!.lastIndex = 0;
      expect([s, joined(s)]).toEqual([s, expected]);
    }
    // Both answers occur: the comparison above is not all one way.
    expect(inputs.filter((s) => joined(s)).length).toBeGreaterThan(5);
    expect(inputs.filter((s) => !joined(s)).length).toBeGreaterThan(5);
  });

  it('an empty list matches nothing', () => {
    expect(anyOf([])('anything')).toBe(false);
  });
});
