/**
 * Issue 12 item 4 (speed25): 200 highlights on a long article re-anchored within 100 ms. These
 * tests hold the machinery made cheaper without moving any placement: occurrences of a one- or
 * two-unit word found through the document's unit index (not an indexOf scan of the whole text
 * for every passage), the bit-parallel search's per-column lookup in typed arrays (not a Map), and
 * reverse() building a flat string. Each is checked against the plain way on our own text.
 */
import { afterEach, describe as suite, expect, it, vi } from 'vitest';
import { exactCandidates } from '../../shared/anchoring/candidates';
import { newDocument, occurrencesIn, trigramIndex } from '../../shared/anchoring/doc';
import { anchoredDistance, compilePattern, scan } from '../../shared/anchoring/myers';
import { prepareQuery, reverse } from '../../shared/anchoring/query';
import { describe } from '../../shared/anchoring/index';

/** Every occurrence (overlapping ones too) by indexOf, up to `limit`: what occurrencesIn must give. */
function byIndexOf(text: string, words: string, limit: number): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(words); at >= 0 && out.length < limit; at = text.indexOf(words, at + 1)) out.push(at);
  return out;
}

/** Plain edit-distance DP: out[j] = distance of `p` against text ending at column j (begun anywhere, or at `from`). */
function naiveScan(p: string, text: string, from: number, count: number, step: 1 | -1, anchored: boolean): number[] {
  let col = Array.from({ length: p.length + 1 }, (_, i) => i);
  const out: number[] = [];
  for (let j = 0; j < count; j++) {
    const c = text.charCodeAt(from + j * step);
    const next = [anchored ? j + 1 : 0];
    for (let i = 1; i <= p.length; i++) {
      const sub = (col[i - 1] as number) + (p.charCodeAt(i - 1) === c ? 0 : 1);
      next.push(Math.min(sub, (col[i] as number) + 1, (next[i - 1] as number) + 1));
    }
    col = next;
    out.push(col[p.length] as number);
  }
  return out;
}

const para = [
  '春天的河边，柳树发芽了，孩子们在河边放风筝。哈哈哈，风筝飞得很高。',
  '老师说：“春天是播种的季节，也是读书的季节。”我们在河边读书。',
  '第二天又下雨了，河水涨了，柳树的新芽更绿了。哈哈，孩子们说。',
];
const long = Array.from({ length: 60 }, (_, i) => para[i % para.length]).join('\n');

afterEach(() => {
  vi.restoreAllMocks();
});

suite('speed25: one- and two-unit words through the unit index', () => {
  it('gives the indexOf occurrences, overlapping ones and limits included', () => {
    const doc = newDocument(long);
    const text = doc.norm.text;
    for (const words of ['河', '河边', '哈哈', '哈', '。', '”我', '柳', '雪', '雪花', 'a']) {
      for (const limit of [0, 1, 2, 3, 7, Infinity, NaN, 2.5, -1]) {
        expect(occurrencesIn(doc, words, limit), `${words} ${limit}`).toEqual(byIndexOf(text, words, limit));
      }
    }
  });

  it('does not scan the whole text for each short word once the index is built', () => {
    const doc = newDocument(long);
    occurrencesIn(doc, '河边', 1);
    const indexOf = vi.spyOn(String.prototype, 'indexOf');
    for (const words of ['河边', '风筝', '季节', '雪']) occurrencesIn(doc, words, Infinity);
    expect(indexOf).not.toHaveBeenCalled();
  });

  it('places a two-unit quote at the same exact candidates, in order, without indexOf scans', () => {
    const doc = newDocument(long);
    trigramIndex(doc);
    const at = long.indexOf('风筝', 1000);
    const selector = describe(long, at, at + 2);
    const query = prepareQuery(long, selector);
    occurrencesIn(doc, '风筝', 1);
    const indexOf = vi.spyOn(String.prototype, 'indexOf');
    const starts = exactCandidates(doc, query).map((c) => c.start);
    expect(indexOf).not.toHaveBeenCalled();
    indexOf.mockRestore();
    const expected = byIndexOf(doc.norm.text, '风筝', Infinity);
    expect(expected.length).toBeGreaterThan(24);
    // More than MAX_EXACT_SCORED occurrences are ranked by context first: the placed one is among them.
    expect(starts).toContain(
      doc.norm.text.indexOf(
        '风筝',
        doc.norm.map.findIndex((m) => m >= at),
      ),
    );
    for (const s of starts) expect(expected).toContain(s);
  });
});

suite('speed25: the bit-parallel search with its lookup in typed arrays', () => {
  it('scores as the plain DP, one block and several, forwards and backwards', () => {
    const text = long.slice(0, 900);
    const patterns = [
      '',
      '河',
      '河边放风筝',
      '柳树发芽了，孩子们在河边放风筝。', // under 32 units
      para[1] as string, // over 32: two blocks
      (para[0] as string) + (para[2] as string), // three blocks, many distinct units
      '雪花飘飘', // units the text lacks
    ];
    for (const p of patterns) {
      const compiled = compilePattern(p);
      // (An empty pattern scores 0 everywhere, anchored or not, as it always did.)
      for (const anchored of p ? [false, true] : [false]) {
        const out = new Int32Array(300);
        scan(compiled, text, 100, 300, 1, anchored, out);
        expect([...out], `${p} forward ${anchored}`).toEqual(naiveScan(p, text, 100, 300, 1, anchored));
        scan(compiled, text, 700, 300, -1, anchored, out);
        expect([...out], `${p} backward ${anchored}`).toEqual(naiveScan(p, text, 700, 300, -1, anchored));
      }
      const best = Math.min(p.length, ...naiveScan(p, text, 40, 80, 1, true));
      expect(anchoredDistance(compiled, text, 40, 80, 1)).toBe(best);
    }
  });

  it('reads a column past the text as a unit of no pattern', () => {
    const compiled = compilePattern('河边');
    const out = new Int32Array(4);
    scan(compiled, '河边', 0, 4, 1, false, out);
    expect([...out]).toEqual([1, 0, 1, 2]);
  });
});

suite('speed25: reverse() as one flat string', () => {
  it('reverses UTF-16 units, pairs and lone halves as they are, long strings too', () => {
    const plain = (s: string) => {
      let out = '';
      for (let i = s.length - 1; i >= 0; i--) out += s[i] ?? '';
      return out;
    };
    for (const s of ['', '河', '河边', '春😀天', '\ud83d', long, long + long + long]) expect(reverse(s)).toBe(plain(s));
  });
});
