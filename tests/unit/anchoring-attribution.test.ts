/**
 * Issue 12 item 4: a quotation's attribution moved or rewritten (the eighth outside bench's
 * attrib_move kind), built by hand. 林青说：“X。” becomes “X，”林青说。 (the full stop turned into a
 * comma inside the marks), 林青表示，X。 (marks dropped), or “A，”林青说，“B。” (split at a comma).
 * The quotation's words stand whole; the speaker's words moved across its edge (edges.ts).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';

const PRE = '县里今年新修了三条通村公路，沿线的果园第一次通上了货车，“再也不用肩挑背扛了”。';
const WORDS = '路通了，果子就不愁卖，收入也能跟着涨起来，明年还打算再种一片新品种';
const POST = '不少果农算了一笔账，运费比往年省下了将近一半，都说这条路修到了心坎上。';
const OLD = [PRE, `林青说：“${WORDS}。”`, POST].join('\n');
const AT = OLD.indexOf(WORDS);

/** The words with their full stop; with their marks; begun with the speaker (8 units of the words). */
const withStop = describe(OLD, AT, AT + WORDS.length + 1);
const withMarks = describe(OLD, AT - 1, AT + WORDS.length + 2);
const withSpeaker = describe(OLD, OLD.indexOf('林青说'), AT + 8);

const placed = (neu: string, s: ReturnType<typeof describe>) => {
  const a = anchorAll(neu, [s])[0];
  return a ? neu.slice(a.start, a.end) : null;
};

suite('a quotation whose attribution moved behind it', () => {
  const neu = [PRE, `“${WORDS}，”林青说。`, POST].join('\n');

  it('places the words that ended with the full stop, now followed by the comma and the speaker', () => {
    expect(placed(neu, withStop)).toBe(WORDS);
  });

  it('places a highlight begun with the speaker on the words it opened on', () => {
    expect(placed(neu, withSpeaker)).toBe(`“${WORDS.slice(0, 8)}`);
  });

  it('leaves it an orphan where another speaker is named behind it (words inserted, not moved)', () => {
    const other = [PRE, `“${WORDS}，”周文说。`, POST].join('\n');
    expect(placed(other, withStop)).toBeNull();
  });
});

suite('a quotation whose attribution was rewritten (说：“…。” → 表示，…。)', () => {
  const neu = [PRE, `林青表示，${WORDS}。`, POST].join('\n');

  it('places the highlight taken with its quotation marks on its words', () => {
    expect(placed(neu, withMarks)).toBe(`${WORDS}。`);
  });
});

suite('a quotation split by its attribution at a comma', () => {
  const neu = [PRE, `“路通了，”林青说，“果子就不愁卖，收入也能跟着涨起来，明年还打算再种一片新品种。”`, POST].join('\n');

  it('places it over both parts and the attribution between them', () => {
    expect(placed(neu, withStop)).toBe(`路通了，”林青说，“果子就不愁卖，收入也能跟着涨起来，明年还打算再种一片新品种。`);
    expect(placed(neu, withSpeaker)).toBe('“路通了，”林青说，“果子就不');
  });

  it('leaves it an orphan where the split stands twice', () => {
    const part = '“路通了，”林青说，“果子就不愁卖，收入也能跟着涨起来，明年还打算再种一片新品种。”';
    const twice = [PRE, part, POST, PRE, part, POST].join('\n');
    expect(placed(twice, withStop)).toBeNull();
  });
});
