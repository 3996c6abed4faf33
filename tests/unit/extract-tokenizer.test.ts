/**
 * The light DOM's tokenizer (light-dom.ts, FastTokenizer) skips ahead with indexOf; htmlparser2's
 * own tokenizer reads every character. Through the same
 * htmlparser2 Parser both must make the same calls with the same positions: on every fixture
 * page and on seeded random markup built from the characters tokenizers get wrong.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser, Tokenizer } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { FastTokenizer } from '../../main/services/extract/light-dom';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Every .html page under tests/fixtures (read as latin1: any bytes, the tokenizer does not care). */
function fixturePages(dir = FIXTURES): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...fixturePages(p));
    else if (/\.html?$/.test(name)) out.push(readFileSync(p, 'latin1'));
  }
  return out;
}

/** Every parser event with its arguments and the parser's start/end indices at that moment. */
function events(html: string, tokenizer: typeof Tokenizer): string[] {
  const out: string[] = [];
  const parser: Parser = new Parser(
    Object.fromEntries(
      [
        'onopentagname',
        'onopentag',
        'onattribute',
        'ontext',
        'onclosetag',
        'oncomment',
        'oncdatastart',
        'onprocessinginstruction',
        'onend',
      ].map((name) => [name, (...args: unknown[]) => out.push(`${name} ${JSON.stringify(args)} ${parser.startIndex}-${parser.endIndex}`)]),
    ),
    { lowerCaseAttributeNames: true, decodeEntities: true, Tokenizer: tokenizer },
  );
  parser.write(html);
  parser.end();
  return out;
}

/** A small deterministic generator (LCG) so a failure names a reproducible input. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return Math.floor((s / 0x80000000) * n);
  };
}

// Pieces of markup where tokenizers differ: raw-text names (and htmlparser2's t/x look-alikes),
// entities, quotes, slashes and every kind of whitespace, comments, CDATA, processing instructions.
const PIECES = [
  '<',
  '>',
  '/',
  '=',
  '"',
  "'",
  '&',
  '&amp;',
  '&nbsp',
  '&#x41;',
  ' ',
  '\n',
  '\t',
  '\f',
  '\r',
  '\v',
  '\u00a0',
  'a',
  'b',
  'div',
  'p',
  'br',
  'script',
  'style',
  'title',
  'textarea',
  'xmp',
  'xitle',
  'tmp',
  'SCRIPT',
  'Ti',
  '<!--',
  '-->',
  '<!',
  '<?',
  ']]>',
  '<![CDATA[',
  '中',
  'x-y',
  'svg',
  'math',
  '</',
  '<a ',
  '<div class="',
  'href=',
  ' id=x',
  '/>',
  'td',
  'table',
  'li',
];
const NAMES = ['div', 'P', 'a', 'br', 'img', 'span', 'td', 'script', 'Style', 'title', 'xmp', 'tmp', 'svg', 'x1', 'a-b'];
const ATTR_NAMES = ['class', 'ID', 'href', 'data-x', '=x', '"q"', "'", 'a/b', 'x'];
const SPACES = [' ', '  ', '\n', '\t', '\f', '\r', '\v', '\u00a0', ''];
const SEPARATORS = ['=', ' = ', '=\n', ' =', '= '];
const VALUES = ['"v"', "'v'", 'v', 'v/', '/x/', '"a&amp;b"', "'&lt;'", 'a&b', '""', "''", '"', "'", '>', 'a"b', "a'b", '"x y"', '中文'];
const ENDS = ['>', '/>', ' />', ' >', '/ >', '', '/x>'];

/** Tags with attributes in every shape, quoted and unquoted values with and without entities. */
function tagSoup(pick: (n: number) => number): string {
  const one = <T>(xs: T[]): T => xs[pick(xs.length)]!;
  let s = '';
  for (let t = 0, n = 1 + pick(6); t < n; t++) {
    if (pick(4) === 0) s += `</${one(NAMES)}${one(['>', ' >', '', '/>'])}`;
    else {
      s += `<${one(NAMES)}`;
      for (let a = 0, k = pick(4); a < k; a++) s += one(SPACES) + one(ATTR_NAMES) + (pick(3) ? one(SEPARATORS) + one(VALUES) : '');
      s += one(SPACES) + one(ENDS);
    }
    s += one(['text', '', ' ', '&amp;', '中文', '<', 'a&b']);
  }
  return s;
}

describe('light DOM tokenizer', () => {
  it('makes the same parser calls as htmlparser2 on every fixture page', () => {
    const pages = fixturePages();
    expect(pages.length).toBeGreaterThan(60);
    for (const html of pages) expect(events(html, FastTokenizer)).toEqual(events(html, Tokenizer));
  });

  it('makes the same calls on seeded random markup', () => {
    const pick = random(16);
    const mismatches: string[] = [];
    for (let k = 0; k < 4000; k++) {
      let html = '';
      if (k % 2 === 0) for (let i = 0, n = 1 + pick(40); i < n; i++) html += PIECES[pick(PIECES.length)];
      else html = tagSoup(pick);
      if (events(html, FastTokenizer).join('\n') !== events(html, Tokenizer).join('\n')) mismatches.push(html);
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
  });

  it('is a different tokenizer from htmlparser2 (the fast paths are in use)', () => {
    expect(FastTokenizer).not.toBe(Tokenizer);
    // Text and attribute values are skipped over: the indices still land where htmlparser2's do.
    expect(events('<div class="a b" id=x hidden>t</div>', FastTokenizer)).toEqual(
      events('<div class="a b" id=x hidden>t</div>', Tokenizer),
    );
  });
});
