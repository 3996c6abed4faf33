/**
 * speed16e (issue 16, speed): each faster path gives the answer of the plainer code it replaces,
 * on hand-made inputs chosen where the two could part.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle, keptShare } from '../../main/services/extract/extract';
import { parseLightDocument } from '../../main/services/extract/light-dom';
import { anyOf, isLatinEndLine, isLatinNotice } from '../../main/services/extract/patterns';

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

describe('light DOM selectors: a whole-word attribute test without splitting the value', () => {
  // Values with the separators `\s` knows and one it does not (U+200B), tokens at either end.
  const values = ['b', 'a b', 'ab b', 'bb', 'b\tc', 'a\u00a0b', 'a\u3000b c', 'a\u200bb', 'a\u2028b', ' b ', 'a-b', 'B', 'ba ab', ''];
  const html = values.map((v, i) => `<span id="s${i}" data-k="${v}"></span>`).join('');
  it('`~=` finds the elements whose value, split at white space, holds the word', () => {
    const doc = parseLightDocument(`<!doctype html><html><head></head><body>${html}</body></html>`);
    const found = doc.querySelectorAll('[data-k~="b"]').map((el) => el.getAttribute('id'));
    const expected = values.map((v, i) => (v.split(/\s/).includes('b') ? `s${i}` : null)).filter((x) => x !== null);
    expect(found).toEqual(expected);
    expect(expected).toEqual(['s0', 's1', 's2', 's4', 's5', 's6', 's8', 's9']);
  });
  it('a class list matches each of its words, and a compound needs all its parts', () => {
    const doc = parseLightDocument(
      '<!doctype html><html><head></head><body><p class="x  y\tz">1</p><p class="xy">2</p><p class="y">3</p></body></html>',
    );
    expect(doc.querySelectorAll('.y').map((el) => el.textContent)).toEqual(['1', '3']);
    expect(doc.querySelectorAll('p.x.z').map((el) => el.textContent)).toEqual(['1']);
    expect(doc.querySelectorAll('.xy, .z').map((el) => el.textContent)).toEqual(['1', '2']);
  });
});

describe("the walker's blank lines", () => {
  const prose = (n: number): string =>
    `Sentence number ${n} of our own hand-made article, written for this test, with commas, clauses, and a full stop.`;
  it('indentation between blocks makes no block, and an inline tag open across it reopens in each block', () => {
    const html = `<!doctype html><html><head><title>A test page</title></head><body><article>
  <h1>A test page</h1>
  <p>${prose(1)} ${prose(2)}</p>
  <b>
    <p>${prose(3)}</p>
    <p>${prose(4)}<br>  <br>${prose(5)}</p>
  </b>
  <a href="/x">
    <div>   </div>
  </a>
  <p><em>${prose(6)}</em></p>
</article></body></html>`;
    const a = extractArticle(html, 'https://example.org/a', { referee: 'never' });
    expect(a.html.split('\n')).toEqual([
      `<p>${prose(1)} ${prose(2)}</p>`,
      `<p><b>${prose(3)}</b></p>`,
      `<p><b>${prose(4)}</b></p>`,
      `<p><b>${prose(5)}</b></p>`,
      `<p><em>${prose(6)}</em></p>`,
    ]);
  });
});

describe("the referee's character overlap", () => {
  /** The plain reading: a bag of the strings' characters as their iterator gives them. */
  function oracle(ours: string, theirs: string): number {
    const bag = new Map<string, number>();
    for (const ch of theirs) bag.set(ch, (bag.get(ch) ?? 0) + 1);
    let shared = 0;
    let total = 0;
    for (const ch of ours) {
      if (/\s/.test(ch)) continue;
      total++;
      const n = bag.get(ch) ?? 0;
      if (n > 0) {
        shared++;
        bag.set(ch, n - 1);
      }
    }
    return total === 0 ? 1 : shared / total;
  }
  const pairs: [string, string][] = [
    ['abc def', 'fed cba'],
    ['aaa', 'a'],
    ['', 'anything'],
    ['   \u3000\u00a0', 'x'],
    ['长江 大桥\u3000通车', '大桥通车了'],
    ['😀 face 😀', '😀'], // a surrogate pair is one character
    ['\ud83d alone', '\ud83d\ude00'], // a lone high surrogate is not the pair's character
    ['\ude00\ud83d', '\ud83d\ude00'], // the same code units in the other order: two lone halves
    ['zero\u200bwidth', 'zerowidth'], // U+200B is not white space to \s
    ['line\u2028sep\ufeff', 'linesep'],
  ];
  it('answers as counting a bag of character strings does', () => {
    for (const [ours, theirs] of pairs) expect([ours, keptShare(ours, theirs)]).toEqual([ours, oracle(ours, theirs)]);
    expect(keptShare('aaa', 'a')).toBeCloseTo(1 / 3);
    expect(keptShare('\ud83d alone', '\ud83d\ude00')).toBeCloseTo(0);
  });
});

describe('English line rules joined', () => {
  it('a notice, an end line and a widget line are still known, and prose is not', () => {
    expect(isLatinNotice('Already a subscriber? Sign in', false)).toBe(true);
    expect(isLatinNotice('We have a small favour to ask of our readers.', false)).toBe(true);
    expect(isLatinNotice('The council met on Tuesday to ask residents about the bridge.', false)).toBe(false);
    expect(isLatinEndLine('Related stories')).toBe(true);
    expect(isLatinEndLine('Ends')).toBe(true);
    expect(isLatinEndLine('The bridge ends at the river.')).toBe(false);
  });
});
