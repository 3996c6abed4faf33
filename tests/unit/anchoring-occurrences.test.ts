/**
 * Issue 12 item 4 (speed on long articles): counting a quote's copies, a context side's head, or a
 * recorded piece of the old paragraph in the new text goes through the text's trigram index
 * (occurrencesIn), not an indexOf scan of the whole text per passage, and the lines' words that the
 * restatement check compares are made once per text (linesOf). Both must say exactly what the scans
 * said: these are their semantics, on texts of our own.
 */
import { describe as suite, expect, it } from 'vitest';
import { newDocument, occurrencesIn } from '../../shared/anchoring/doc';
import { linesOf } from '../../shared/anchoring/restated';
import { startsAfterPrefix } from '../../shared/anchoring/stutter';
import { filler } from './helpers/anchoring-text';

/** The indexOf scan occurrencesIn replaces. */
function scanned(text: string, words: string, limit: number): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(words); at >= 0 && out.length < limit; at = text.indexOf(words, at + 1)) out.push(at);
  return out;
}

suite('occurrencesIn: every occurrence, as a scan finds them', () => {
  const text = [...filler(0, 30), '哈哈哈哈哈', '𠀋𠀋𠀋测试𠀋'].join('\n');
  const doc = newDocument(text);
  const norm = doc.norm.text;

  it('finds a phrase held many times, in text order, up to the limit', () => {
    const words = '（第';
    expect(occurrencesIn(doc, '的难处', 100)).toEqual(scanned(norm, '的难处', 100));
    expect(occurrencesIn(doc, words + '1', 100)).toEqual(scanned(norm, words + '1', 100));
    // 段） and its full stop, in the comparison form: one in each of the 30 paragraphs.
    const mark = norm.slice(norm.indexOf('段'), norm.indexOf('段') + 3);
    const all = scanned(norm, mark, 100);
    expect(all.length).toBe(30);
    expect(occurrencesIn(doc, mark, 100)).toEqual(all);
    expect(occurrencesIn(doc, mark, 7)).toEqual(all.slice(0, 7));
  });

  it('counts overlapping occurrences (哈哈哈 in 哈哈哈哈哈 three times)', () => {
    expect(occurrencesIn(doc, '哈哈哈', 10)).toEqual(scanned(norm, '哈哈哈', 10));
    expect(occurrencesIn(doc, '哈哈哈', 10)).toHaveLength(3);
  });

  it('finds words at the text\u2019s very start and end, and surrogate pairs', () => {
    const head = occurrencesIn(doc, norm.slice(0, 9), 5);
    expect(head[0]).toBe(0);
    expect(head).toEqual(scanned(norm, norm.slice(0, 9), 5));
    expect(occurrencesIn(doc, norm.slice(-7), 5)).toEqual([norm.length - 7]);
    expect(occurrencesIn(doc, '𠀋𠀋', 5)).toEqual(scanned(norm, '𠀋𠀋', 5));
    expect(occurrencesIn(doc, '𠀋测', 5)).toEqual(scanned(norm, '𠀋测', 5));
  });

  it('gives nothing for words the text does not hold, nor past a limit of 0', () => {
    expect(occurrencesIn(doc, '这句话文中没有', 5)).toEqual([]);
    expect(occurrencesIn(doc, '的难处', 0)).toEqual([]);
  });

  it('scans short words (under a trigram) as before', () => {
    expect(occurrencesIn(doc, '村', 50)).toEqual(scanned(norm, '村', 50));
    expect(occurrencesIn(doc, '晚饭', 50)).toEqual(scanned(norm, '晚饭', 50));
  });

  it('agrees with the scan on every 3–12-unit slice of a text that repeats itself', () => {
    const twice = newDocument([...filler(0, 6), ...filler(3, 6)].join('\n'));
    const n = twice.norm.text;
    for (let at = 0; at + 12 <= n.length; at += 5) {
      for (const length of [3, 4, 8, 12]) {
        const words = n.slice(at, at + length);
        expect(occurrencesIn(twice, words, 64)).toEqual(scanned(n, words, 64));
      }
    }
  });
});

suite('linesOf: each line\u2019s words, once per text', () => {
  it('gives every line its raw start and its comparison form without edge marks', () => {
    const text = '“第一行，有引号。”\n\n第三行：数字 12。\n— 末行 —';
    const doc = newDocument(text);
    const lines = linesOf(doc);
    expect(lines.map((l) => l.start)).toEqual([0, text.indexOf('\n') + 1, text.indexOf('第三行'), text.indexOf('—')]);
    expect(lines[1]!.words).toBe('');
    expect(lines[0]!.words.startsWith('第一行')).toBe(true);
    expect(lines[3]!.words).toBe('末行');
    // Made once: the same array for the same document.
    expect(linesOf(doc)).toBe(lines);
  });
});

suite('startsAfterPrefix: where the stored prefix ends, for passes that read on from there', () => {
  const prefix = '河边的老柳树下每天清晨都有人练太极拳，';
  const twin = '城里的新公园中每天清晨都有人练太极拳，';

  it('keeps only the ends where the whole prefix holds, in text order', () => {
    const norm = `${twin}甲。${prefix}乙。${prefix}丙。`;
    const first = norm.indexOf('乙');
    const second = norm.indexOf('丙');
    // The twin shares the prefix's last NEAR_RUN units but not the rest: not a start.
    expect(startsAfterPrefix(norm, prefix)).toEqual([first, second]);
  });

  it('gives up on a context held at more than sixteen places', () => {
    expect(startsAfterPrefix(`${prefix}甲。`.repeat(16), prefix)).toHaveLength(16);
    expect(startsAfterPrefix(`${prefix}甲。`.repeat(17), prefix)).toBeNull();
  });
});
