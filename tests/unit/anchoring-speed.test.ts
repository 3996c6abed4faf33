/**
 * The speed pass of anchorAll (anchor19e): caches, tables and indexes that must answer exactly
 * as the scans they replace. Each data structure is checked against the plain computation.
 */
import { describe, expect, it } from 'vitest';
import { isLetterOrDigitUnit } from '../../shared/anchoring/wordcodes';

describe('isLetterOrDigitUnit (wordcodes.ts)', () => {
  it('answers as /[\\p{L}\\p{N}]/u on the one unit, for every UTF-16 unit, twice (filled, then cached)', () => {
    const WORD = /[\p{L}\p{N}]/u;
    for (let pass = 0; pass < 2; pass++) {
      const wrong: number[] = [];
      for (let c = 0; c <= 0xffff; c++) if (isLetterOrDigitUnit(c) !== WORD.test(String.fromCharCode(c))) wrong.push(c);
      expect(wrong).toEqual([]);
    }
  });

  it('takes Han, Latin letters, digits and full-width digits; not marks, spaces or surrogate halves', () => {
    const units = (s: string) => [...s].map((c) => c.charCodeAt(0));
    expect(units('读书笔记Ab9９').every(isLetterOrDigitUnit)).toBe(true);
    expect(units('，。“”《》 \u3000\n-').some(isLetterOrDigitUnit)).toBe(false);
    expect(isLetterOrDigitUnit(0xd840)).toBe(false);
    expect(isLetterOrDigitUnit(0xdc00)).toBe(false);
  });
});

import { occurrences } from '../../shared/anchoring/copies';
import { indexedDocumentOf, newDocument, trigramIndex } from '../../shared/anchoring/doc';
import { compilePattern, scan } from '../../shared/anchoring/myers';

/** Plain DP: out[j] = edit distance of `pattern` against the text read from `from` by `step`, ending at column j. */
function plainScan(pattern: string, text: string, from: number, count: number, step: 1 | -1, anchored: boolean): number[] {
  const m = pattern.length;
  let col = Array.from({ length: m + 1 }, (_, i) => i);
  const out: number[] = [];
  for (let j = 0, pos = from; j < count; j++, pos += step) {
    const next = [anchored ? j + 1 : 0];
    for (let i = 1; i <= m; i++) {
      const same = pattern.charCodeAt(i - 1) === text.charCodeAt(pos) ? 0 : 1;
      next.push(Math.min((col[i] ?? 0) + 1, (next[i - 1] ?? 0) + 1, (col[i - 1] ?? 0) + same));
    }
    col = next;
    out.push(col[m] ?? 0);
  }
  return out;
}

/** A small seeded generator, so that the cases are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const UNITS = '春风又绿江南岸明月何时照我还读书笔记，。的了';

function made(r: () => number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += UNITS[Math.floor(r() * UNITS.length)];
  return out;
}

describe('scan (myers.ts): the one-block path and the block form answer as the plain DP', () => {
  it('patterns of 1–70 units (one, two and three blocks), both directions, anchored or not', () => {
    const r = rng(19);
    for (let m = 1; m <= 70; m++) {
      const pattern = made(r, m);
      const text = made(r, 120) + pattern + made(r, 40);
      for (const anchored of [false, true]) {
        for (const step of [1, -1] as const) {
          const from = step === 1 ? 5 : text.length - 6;
          const count = text.length - 11;
          const out = new Int32Array(count);
          scan(compilePattern(pattern), text, from, count, step, anchored, out);
          expect(Array.from(out)).toEqual(plainScan(pattern, text, from, count, step, anchored));
        }
      }
    }
  });

  it('an empty pattern (no last row to read) gives 0 in every column, anchored or not, as the block form did', () => {
    const out = new Int32Array(4);
    scan(compilePattern(''), '读书笔记', 0, 4, 1, false, out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
    scan(compilePattern(''), '读书笔记', 0, 4, 1, true, out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
  });
});

describe('compilePattern cache (myers.ts)', () => {
  it('gives the same compiled pattern for the same text, and a pattern of its own to another text', () => {
    const a = compilePattern('江南岸边的一棵树');
    expect(compilePattern('江南岸边的一棵树')).toBe(a);
    const b = compilePattern('江南岸边的两棵树');
    expect(b).not.toBe(a);
    const out = new Int32Array(8);
    scan(b, '江南岸边的两棵树', 0, 8, 1, true, out);
    expect(out[7]).toBe(0);
    scan(a, '江南岸边的两棵树', 0, 8, 1, true, out);
    expect(out[7]).toBe(1);
  });

  it('still compiles correctly after the cache was emptied for growing large', () => {
    const r = rng(7);
    for (let i = 0; i < 5000; i++) compilePattern(made(r, 6) + i);
    const p = compilePattern('明月何时照我还');
    const out = new Int32Array(7);
    scan(p, '明月何时照我还', 0, 7, 1, true, out);
    expect(out[6]).toBe(0);
  });
});

describe('occurrences (copies.ts) through an indexed document', () => {
  const text = '春风又绿江南岸，明月何时照我还。\n江南岸上春风起，春风又绿江南岸。\n江江江江江南南南';

  it('finds the same places, overlapping and in text order, as an indexOf scan, with or without the index', () => {
    const doc = newDocument(text);
    const norm = doc.norm.text;
    const plain = (q: string, limit: number) => {
      const out: number[] = [];
      for (let at = norm.indexOf(q); at >= 0 && out.length < limit; at = norm.indexOf(q, at + 1)) out.push(at);
      return out;
    };
    const quotes = ['江南岸', '春风又绿江南岸', '江江江', '江江', '照我还.', '没有的话', '南南南'];
    const before = quotes.map((q) => occurrences(norm, q, 64));
    expect(indexedDocumentOf(norm)).toBeNull();
    trigramIndex(doc);
    expect(indexedDocumentOf(norm)).toBe(doc);
    for (const [i, q] of quotes.entries()) {
      for (const limit of [0, 1, 2, 64]) expect(occurrences(norm, q, limit)).toEqual(plain(q, limit));
      expect(occurrences(norm, q, 64)).toEqual(before[i]);
    }
    expect(occurrences(norm, '江江江', 64)).toEqual([norm.indexOf('江江江'), norm.indexOf('江江江') + 1, norm.indexOf('江江江') + 2]);
  });

  it('a string that is not an indexed document comparison form is scanned as before', () => {
    const doc = newDocument(text);
    trigramIndex(doc);
    const other = doc.norm.text.replace('明月', '白日');
    expect(indexedDocumentOf(other)).toBeNull();
    expect(occurrences(other, '白日何时', 8)).toEqual([other.indexOf('白日何时')]);
  });
});

import { fingerprint, textPrints } from '../../shared/anchoring/paragraphs';

describe('textPrints (paragraphs.ts): one pass over the whole text, the same prints as each line alone', () => {
  /** Pieces whose comparison form depends on what stands around them: markers, references, readings, breaks. */
  const PIECES = [
    '第一条 ',
    '第二条',
    '（一）',
    '1. ',
    '2、',
    '一、',
    '● ',
    '\t',
    '1\t',
    '&nbsp;',
    '&#8220;',
    '&amp',
    ';',
    '&ldquo',
    '[12]',
    '^5',
    '〔3〕',
    '龃jǔ龉yǔ',
    '龃龉（jǔ yǔ）',
    '(ā)',
    '\r',
    '\u3000',
    ' ',
    '，',
    '。',
    '“',
    '”',
    '《',
    '》',
    '读书',
    '笔记',
    '江南',
    'Ab',
    '９',
    '\ud840',
    '\ud840\udc00',
    '①',
    '國',
    '\u200b',
  ];

  function plain(text: string): Set<string> {
    return new Set(text.split('\n').map((line) => fingerprint(line)));
  }

  it('matches the line-by-line prints on texts made of those pieces, breaks anywhere among them', () => {
    const r = rng(2026);
    for (let t = 0; t < 300; t++) {
      let text = '';
      const n = 1 + Math.floor(r() * 40);
      for (let i = 0; i < n; i++) text += r() < 0.2 ? '\n' : PIECES[Math.floor(r() * PIECES.length)];
      expect(textPrints({}, text)).toEqual(plain(text));
    }
  });

  it('a label at a line end, a reference cut by a break, empty lines and a final break', () => {
    for (const text of ['第一条\n第二条 条文\n\n', '&amp\n;读书\n&nbsp;笔记', '\n\n读书\n', '龃jǔ\n龉yǔ', '[1\n2]笔记', '']) {
      expect(textPrints({}, text)).toEqual(plain(text));
    }
  });
});

import { bucketSize, buildTrigramIndex, forEachOccurrence } from '../../shared/anchoring/trigrams';

describe('buildTrigramIndex (trigrams.ts), its hash carried along the text', () => {
  it('lists every position of every trigram, in text order, and nothing else', () => {
    const r = rng(31);
    const text = made(r, 3000);
    const index = buildTrigramIndex(text);
    for (let i = 0; i + 3 <= text.length; i += 7) {
      const found: number[] = [];
      forEachOccurrence(index, text, i, (p) => found.push(p));
      const plainFound: number[] = [];
      const tri = text.slice(i, i + 3);
      for (let at = text.indexOf(tri); at >= 0; at = text.indexOf(tri, at + 1)) plainFound.push(at);
      expect(found).toEqual(plainFound);
      expect(bucketSize(index, text, i)).toBeGreaterThanOrEqual(plainFound.length);
    }
  });
});

import { withMarkersLiteral, withMarksDropped } from '../../shared/anchoring/normalise';

describe("textPrints reuses a document's own comparison form only when it was built with marks kept", () => {
  const text = '第一条 “读书”笔记\n《江南》岸边\n（二）“明月”何时';
  const plain = new Set(text.split('\n').map((line) => fingerprint(line)));

  it('the main document (marks kept, markers as one unit)', () => {
    expect(textPrints(newDocument(text), text)).toEqual(plain);
  });

  it('a mark-free document or one with markers literal: prints still with marks kept and markers as one unit', () => {
    const markFree = withMarksDropped(() => newDocument(text));
    const literal = withMarkersLiteral(() => newDocument(text));
    expect(markFree.norm.text).not.toEqual(newDocument(text).norm.text);
    expect(literal.norm.text).not.toEqual(newDocument(text).norm.text);
    expect(textPrints(markFree, text)).toEqual(plain);
    expect(textPrints(literal, text)).toEqual(plain);
  });
});
