/**
 * Issue 12 item 4, round 48 (the fifteenth outside bench's tuoyan kind): a re-typist's copy writes
 * a character or a word twice (衍字 老槐槐树下, 衍文 经过文过文刃) inside a highlighted passage.
 * Every unit of the passage stands; the written run repeats the units right before it. A short
 * passage loses too large a share to it for the approximate search: doubledrun.ts places it where,
 * without the run, the stored quote and the stored context's nearest units stand exactly, at one
 * place only. A run that repeats nothing, a unit changed as well, or the same doubled words at two
 * places stays an orphan.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { wordsOf } from '../../shared/anchoring/restated';
import { at, filler } from './helpers/anchoring-text';

const STORY = '清明前后，村口那棵老槐树下总是聚满了人，大家等着从县城开来的头班车。';
const BOOK = '王老师说，经过文刃重新编排的课本已经寄到学校，下周一就能发到学生手里。';
const paras = [...filler(0, 3), STORY, ...filler(3, 2), BOOK, ...filler(5, 3)];
const old = paras.join('\n');

function sel(words: string, n = 0) {
  const s = at(old, words, n);
  return describe(old, s, s + words.length);
}

suite('a word written twice inside a highlight (衍字, 衍文)', () => {
  it('places a four-character term with one character written twice on the doubled words', () => {
    const neu = old.replace('老槐树下', '老槐槐树下');
    const [a] = anchorAll(neu, [sel('老槐树下')]);
    expect(a).not.toBeNull();
    expect(neu.slice(a!.start, a!.end)).toBe('老槐槐树下');
  });

  it('places a phrase with a two-character word written twice inside it', () => {
    const neu = old.replace('经过文刃重新编排', '经过文过文刃重新编排');
    const [a] = anchorAll(neu, [sel('经过文刃重新编排')]);
    expect(a).not.toBeNull();
    expect(neu.slice(a!.start, a!.end)).toBe('经过文过文刃重新编排');
  });

  it('places the first words of the text with a character written twice (the passage stood at the start)', () => {
    const first = paras[0]!.slice(0, 4);
    const s = describe(old, 0, 4);
    const neu = first.slice(0, 2) + first.slice(1, 2) + old.slice(2);
    const [a] = anchorAll(neu, [s]);
    expect(a).toMatchObject({ start: 0, end: 5 });
  });

  it('leaves an orphan where the written unit repeats nothing (a word inserted, not doubled)', () => {
    const neu = old.replace('老槐树下', '老槐柳树下');
    expect(anchorAll(neu, [sel('老槐树下')])[0]).toBeNull();
  });

  it('leaves an orphan where a unit was changed beside the doubled one', () => {
    const neu = old.replace('老槐树下', '老槐槐树上');
    expect(anchorAll(neu, [sel('老槐树下')])[0]).toBeNull();
  });

  it('places the copy whose context is the stored one when the paragraph was printed twice', () => {
    const twice = [...filler(0, 3), STORY, ...filler(3, 2), BOOK, STORY, ...filler(5, 3)].join('\n');
    const s0 = at(twice, '老槐树下', 1);
    const s = describe(twice, s0, s0 + 4);
    const neu = twice.split('老槐树下').join('老槐槐树下');
    const [a] = anchorAll(neu, [s]);
    expect(a).toMatchObject({ start: at(neu, '老槐槐树下', 1), end: at(neu, '老槐槐树下', 1) + 5 });
  });

  it('leaves an orphan where the same doubled words stand at two places with the same context', () => {
    // A block of three paragraphs printed twice, the re-typist doubling the same character in
    // both: nothing tells which copy is the passage's.
    const block = [...filler(0, 1), STORY, ...filler(1, 1)];
    const twice = [...block, ...filler(3, 2), ...block].join('\n');
    const s0 = at(twice, '老槐树下');
    const s = describe(twice, s0, s0 + 4);
    const neu = twice.split('老槐树下').join('老槐槐树下');
    expect(anchorAll(neu, [s])[0]).toBeNull();
  });

  it('does not take the doubled words in another paragraph when its own paragraph went', () => {
    // The passage's paragraph deleted; another paragraph (other context) holds the words doubled.
    const other = '县志里记着，老槐槐树下曾是赶集的地方，如今改成了小广场。';
    const neu = [...filler(0, 3), ...filler(3, 2), other, BOOK, ...filler(5, 3)].join('\n');
    expect(anchorAll(neu, [sel('老槐树下')])[0]).toBeNull();
  });
});

suite('a paragraph without the marks at its edges, read from each end (restated.ts wordsOf)', () => {
  const byPattern = (form: string) => form.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}]+$/u, '');
  it('gives what the two edge patterns give, surrogate pairs and stray halves included', () => {
    const forms = [
      '',
      '。。……',
      '“村口的老槐树下，聚满了人。”',
      '（一）春耕时节，工作队走访了四十多户。……',
      '𠀀读书𠀀！',
      '！𠀀',
      '路\ud800',
      '\udc00路！',
      '１２３。',
      '，据统计，去年共接待游客三百万人次（数据为初步统计）。'.repeat(30),
    ];
    for (const form of forms) expect(wordsOf(form)).toBe(byPattern(form));
  });
});
