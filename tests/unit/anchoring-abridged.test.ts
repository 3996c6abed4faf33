/**
 * Issue 12 item 4: an abridged reprint (the eighth outside bench's abridge kind), built by hand.
 * Every paragraph is cut to its first sentence, so a highlighted opening sentence keeps its words
 * while both sides of its stored context are gone, and it now stands as a paragraph of its own.
 * Between its placed neighbours, held once, it is the passage (pinned.ts), not a pull quote: it
 * opened its old paragraph. A sentence from inside a paragraph set apart the same way is still
 * read as a pull quote and left an orphan.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at } from './helpers/anchoring-text';

const PARAS = [
  '河湾村的蔬菜大棚今年扩建到了一百二十个。村里请来农技员常驻，每周给菜农上一次课。菜农说，跟着学了半年，心里有底了。',
  '大棚里的黄瓜和番茄已经进入采收期。每天清晨，收购商的货车就停在村口，菜农把刚摘下的菜装箱过秤。价格比去年同期高出一成多。',
  '村合作社今年新建了一座冷库，能存放两百吨蔬菜。有了冷库，菜价低的时候可以先存起来，等行情好了再卖。不少菜农算过账，一年能多收好几千元。',
  '为了让蔬菜卖得更远，合作社还和县里的物流公司签了协议。每天下午，冷链车把蔬菜运往省城的几家大型超市。',
  '村支书表示，明年打算再建五十个大棚，并试种几个新品种。他说，要让更多在外打工的年轻人愿意回村种菜。',
];
const OLD = PARAS.join('\n');

/** The reprint: the first and last paragraphs kept whole, the others cut to their first sentence. */
function abridged(paras = PARAS): string {
  return [paras[0]!, ...paras.slice(1, -1).map((p) => p.slice(0, p.indexOf('。') + 1)), paras[paras.length - 1]!, '（有删节）'].join('\n');
}

const span = (words: string) => describe(OLD, at(OLD, words), at(OLD, words) + words.length);
const NEIGHBOURS = ['跟着学了半年，心里有底了', '明年打算再建五十个大棚'];

function placed(neu: string, words: string): string | null {
  const out = anchorAll(neu, [...NEIGHBOURS.map(span), span(words)]);
  expect(out.slice(0, NEIGHBOURS.length).every((a) => a !== null)).toBe(true);
  const a = out[out.length - 1];
  return a ? neu.slice(a.start, a.end) : null;
}

suite('a paragraph cut to its first sentence', () => {
  it('places the opening sentence, now a paragraph of its own, on its words', () => {
    const sentence = '村合作社今年新建了一座冷库，能存放两百吨蔬菜。';
    const neu = abridged();
    expect(placed(neu, sentence)).toBe(sentence);
  });

  it('leaves a sentence from inside its paragraph, standing alone there, an orphan (a pull quote)', () => {
    const inner = '有了冷库，菜价低的时候可以先存起来，等行情好了再卖。';
    // The paragraph gone, one of its inner sentences set alone where it stood.
    const neu = abridged().replace('村合作社今年新建了一座冷库，能存放两百吨蔬菜。', inner);
    expect(placed(neu, inner)).toBeNull();
  });
});
