/**
 * Issue 12 item 4, thirteenth round (c): passages found again after reprints that change how
 * characters look but not the words (tests/bench/anchoring-outside4.ts: pdf, traditional,
 * emphasis), on our own short texts: Kangxi radicals and compatibility ideographs compared as
 * their NFKC character, traditional characters as simplified, and quotation/title marks put
 * around or taken from a term dropped in a retry for passages not found with them.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe, type TextSelector } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

/** Our own article: filler around three paragraphs the tests edit. */
const BODY = [
  '一个人的力量有限，大家一起努力，日子才会越过越好。',
  '这个国家的经济发展很快，许多城市开通了地铁，交通比过去方便得多。',
  '研究团队设计了特定的硬件和高速连接的存储结构，对内存实现高效组织。',
];
const OLD = [...filler(0, 4), ...BODY, ...filler(4, 4)].join('\n');

function selector(text: string, quote: string): TextSelector {
  const start = at(text, quote);
  return describe(text, start, start + quote.length);
}

/** `text` with the paragraph holding `from` rewritten as `to`. */
function reprint(text: string, from: string, to: string): string {
  const i = at(text, from);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

suite('PDF compatibility forms compare as their NFKC character', () => {
  // ⼀ U+2F00, ⼈ U+2F08, ⼤ U+2F24, ⽇ U+2F47: Kangxi radicals a PDF's text layer hands out.
  const pasted = BODY[0]!.replace(/一/g, '\u2f00').replace(/人/g, '\u2f08').replace(/大/g, '\u2f24').replace(/日/g, '\u2f47');
  const edited = reprint(OLD, BODY[0]!, pasted);

  it('places a short passage whose every character became a radical, on the real offsets', () => {
    const s = selector(OLD, '一个人');
    const found = anchor(edited, s);
    expect(found).not.toBeNull();
    expect(edited.slice(found!.start, found!.end)).toBe('\u2f00个\u2f08');
    expect(found!.start).toBe(at(edited, '\u2f00个\u2f08'));
  });

  it('places passages in a batch the same way, and a compatibility ideograph as its character', () => {
    // U+F9B2 is a compatibility form of 零 (its NFKC form).
    const text = reprint(edited, '越过越好', '越过越好\uf9b2');
    const selectors = [selector(OLD, '大家一起'), selector(OLD, '日子才会')];
    const placed = anchorAll(text, selectors).map((a) => (a ? text.slice(a.start, a.end) : null));
    expect(placed).toEqual(['\u2f24家\u2f00起', '\u2f47子才会']);
    expect('\uf9b2'.normalize('NFKC')).toBe('零');
    const zero = selector(OLD.replace('越过越好', '越过越好零'), '越好零');
    expect(anchor(text, zero)).toEqual(expect.objectContaining({ start: at(text, '越好\uf9b2') }));
  });
});

suite('a 繁体 reprint compares as simplified', () => {
  const traditional = '這個國家的經濟發展很快，許多城市開通了地鐵，交通比過去方便得多。';
  const edited = reprint(OLD, BODY[1]!, traditional);

  it('places a clause whose characters were turned traditional', () => {
    const s = selector(OLD, '这个国家的经济发展');
    const found = anchor(edited, s);
    expect(found).not.toBeNull();
    expect(edited.slice(found!.start, found!.end)).toBe('這個國家的經濟發展');
  });

  it('places a short term in the reprinted paragraph by its reprinted context', () => {
    const [found] = anchorAll(edited, [selector(OLD, '地铁')]);
    expect(found).not.toBeNull();
    expect(edited.slice(found!.start, found!.end)).toBe('地鐵');
  });
});

suite('quotation and title marks put around a term or taken away', () => {
  it('places a term once the edition put it and its neighbours in marks', () => {
    const edited = reprint(OLD, '特定的硬件和高速连接的存储结构', '特定的“硬件”和高速连接的“存储”结构');
    const [found] = anchorAll(edited, [selector(OLD, '存储')]);
    expect(found).not.toBeNull();
    expect(found!.start).toBe(at(edited, '存储'));
    expect(found!.end).toBe(found!.start + 2);
  });

  it('places a quoted term whose marks were taken away on the bare words', () => {
    const old = OLD.replace('高速连接的存储结构', '高速连接的“存储”结构').replace('特定的硬件', '特定的《硬件》');
    const edited = reprint(old, '特定的《硬件》和高速连接的“存储”结构', '特定的硬件和高速连接的存储结构');
    const found = anchor(edited, selector(old, '“存储”'));
    expect(found).not.toBeNull();
    expect(edited.slice(found!.start, found!.end)).toBe('存储');
  });

  it('keeps the quote’s own marks where the edition swapped them for others', () => {
    const old = OLD.replace('高速连接的存储结构', '高速连接的“存储”结构').replace('特定的硬件', '特定的“硬件”');
    const edited = reprint(old, '特定的“硬件”和高速连接的“存储”结构', '特定的【硬件】和高速连接的《存储》结构');
    const found = anchor(edited, selector(old, '“存储”'));
    expect(found).not.toBeNull();
    expect(edited.slice(found!.start, found!.end)).toBe('《存储》');
  });

  it('still counts marks where the passage stands with them: a highlight of one mark moves with the text', () => {
    const old = OLD.replace('高速连接的存储结构', '高速连接的“存储”结构');
    const s = describe(old, at(old, '“'), at(old, '“') + 1);
    const edited = '新加的一段话。\n' + old;
    expect(anchorAll(edited, [s])[0]).toEqual(expect.objectContaining({ start: at(edited, '“'), end: at(edited, '“') + 1 }));
  });

  it('does not take the bare words when the edit went on just past a mark', () => {
    // The title grew inside its marks: the quote's words stand, but what followed them is new.
    const old = OLD.replace('对内存实现高效组织', '对内存实现高效组织，成果刊登在《科技日报》上');
    const s = selector(old, '科技日报》');
    const edited = old.replace('《科技日报》上', '《科技日报社内刊》上');
    const found = anchorAll(edited, [s])[0];
    // An orphan, or the whole title: never the bare two words left of the edit.
    expect(found === null || found!.end > at(edited, '内刊')).toBe(true);
  });
});
