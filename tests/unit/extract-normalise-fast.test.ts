import { describe, expect, it } from 'vitest';
import { CJK, collapseSpaces, normaliseText } from '../../main/services/extract/patterns';

const CJK_SPACE = new RegExp(`([${CJK}]) +(?=[${CJK}])`, 'g');

/** normaliseText as it was before its fast path for already-collapsed lines (issue 16, speed). */
function normaliseTextSlow(s: string): string {
  const t = s
    .replace(/[\s\u3000\u00a0\u200b-\u200d\u2002\u2003\u2009\ufeff]+/g, (run) =>
      run.includes('\u3000') && !run.includes('\n') ? '\u3000' : ' ',
    )
    .trim();
  return t.includes(' ') ? t.replace(CJK_SPACE, '$1') : t;
}

/** collapseSpaces as it was before its one-pass form (issue 16, speed). */
function collapseSpacesSlow(s: string): string {
  return s.replace(/[\s\u3000\u00a0\u200b-\u200d\u2002\u2003\u2009\ufeff]+/g, ' ').trim();
}

describe('normaliseText fast path', () => {
  it('leaves a Latin line of single spaces as it is and still collapses every other kind of space', () => {
    expect(normaliseText('The council met on Tuesday.')).toBe('The council met on Tuesday.');
    expect(normaliseText(' The council  met\ton\u00a0Tuesday. ')).toBe('The council met on Tuesday.');
    expect(normaliseText('a\u200bb c')).toBe('a b c');
    expect(normaliseText('会议 在 北京 举行')).toBe('会议在北京举行');
    expect(normaliseText('会议\u3000在北京')).toBe('会议\u3000在北京');
  });

  it('gives the slow path result on seeded random lines of words, CJK and every kind of space', () => {
    const parts = [
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
      ' ',
      '  ',
      '\n',
      '\t',
      '\u3000',
      '\u00a0',
      '\u200b',
      '\u2009',
      '\ufeff',
      '\u2028',
    ];
    let seed = 20261205;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < 20000; i++) {
      let s = '';
      const n = Math.floor(next() * 12);
      for (let j = 0; j < n; j++) s += parts[Math.floor(next() * parts.length)];
      expect(normaliseText(s), JSON.stringify(s)).toBe(normaliseTextSlow(s));
      expect(collapseSpaces(s), JSON.stringify(s)).toBe(collapseSpacesSlow(s));
    }
  });

  it('treats as space exactly the code units of the regex class, and drops a space between exactly the CJK class', () => {
    const spaceClass = /[\s\u3000\u00a0\u200b-\u200d\u2002\u2003\u2009\ufeff]/;
    const cjkClass = new RegExp(`[${CJK}]`);
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const line of [ch, `a${ch}b`, `a${ch}${ch}b`, ` ${ch}`, `${ch} `, `${ch} ${ch}`, `a ${ch} b`]) {
        if (normaliseText(line) !== normaliseTextSlow(line)) wrong.push(`normaliseText ${JSON.stringify(line)}`);
        if (collapseSpaces(line) !== collapseSpacesSlow(line)) wrong.push(`collapseSpaces ${JSON.stringify(line)}`);
      }
      // Between two of them a space goes only when both are of the CJK class (and not spaces).
      if (!spaceClass.test(ch)) {
        if ((normaliseText(`${ch} ${ch}`) === ch + ch) !== cjkClass.test(ch)) wrong.push(`CJK ${c.toString(16)}`);
      } else if (normaliseText(`a${ch}b`) !== (ch === '\u3000' ? 'a\u3000b' : 'a b')) wrong.push(`space ${c.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('collapses metadata lines to single spaces and keeps them between CJK characters', () => {
    expect(collapseSpaces('  来源：本报\u3000\u3000 作者：张三\n')).toBe('来源：本报 作者：张三');
    expect(collapseSpaces('发布时间 2024-03-05')).toBe('发布时间 2024-03-05');
    expect(collapseSpaces('\u200b')).toBe('');
  });
});
