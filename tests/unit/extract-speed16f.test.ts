/**
 * Speed work on the extractor (issue 16, speed16f): each shortcut gives what the long way gave.
 */
import { describe, expect, it } from 'vitest';
import { collapseSpaces, INK_RE, normaliseCollapsed, normaliseText } from '../../main/services/extract/patterns';
import { escapeHtml } from '../../shared/html-policy';

const PARTS = [
  'a',
  'Zed',
  '9',
  '.',
  '会',
  '议',
  '，',
  '“',
  ' ',
  ' ',
  '  ',
  '\n',
  '\t',
  '\u3000',
  '\u00a0',
  '\u200b',
  '\u2009',
  '\ufeff',
  '&',
  '<',
  '"',
  "'",
  '>',
];

/** Seeded random lines of words, CJK, markup characters and every kind of space. */
function* lines(count: number): Generator<string> {
  let seed = 20261206;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < count; i++) {
    let s = '';
    const n = Math.floor(next() * 12);
    for (let j = 0; j < n; j++) s += PARTS[Math.floor(next() * PARTS.length)];
    yield s;
  }
}

describe("the walker's one collapse per line", () => {
  it('normaliseCollapsed(s, collapseSpaces(s)) is normaliseText(s)', () => {
    expect(normaliseCollapsed('会议 在\u3000北京', collapseSpaces('会议 在\u3000北京'))).toBe('会议在\u3000北京');
    expect(normaliseCollapsed(' The  council\n met ', collapseSpaces(' The  council\n met '))).toBe('The council met');
    for (const s of lines(20000)) expect(normaliseCollapsed(s, collapseSpaces(s)), JSON.stringify(s)).toBe(normaliseText(s));
  });

  it('INK_RE finds something exactly when normaliseText leaves something', () => {
    expect(INK_RE.test('\n\t \u3000\u00a0\u200b')).toBe(false);
    expect(INK_RE.test('\n x')).toBe(true);
    for (const s of lines(20000)) expect(INK_RE.test(s), JSON.stringify(s)).toBe(normaliseText(s) !== '');
  });
});

describe('escapeHtml without a replacement when nothing needs one', () => {
  it("gives the callback form's result", () => {
    const slow = (s: string): string =>
      s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
    expect(escapeHtml(`a<b & "c" 'd'>`)).toBe('a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;');
    for (const s of lines(20000)) expect(escapeHtml(s), JSON.stringify(s)).toBe(slow(s));
  });
});
