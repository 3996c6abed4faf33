/**
 * The search query language:
 *   一把手 监督            several words: all must occur (any order, anywhere)
 *   "权力监督" “权力监督”   an exact phrase
 *   -考核 -"年度考核"       exclusion
 *   来源:人民日报 栏目:廉政 日期:2024-01..2024-06 有:划线 有:笔记 颜色:黄 标签:重点 类型:心得
 *   (English keys too: source: column: date: has: color: tag: kind:)
 * Unquoted Han text is split into words by Intl.Segmenter (a lone character stays with its
 * neighbour); every term is verified as a substring of the stored text.
 */
import type { HighlightColor } from '../domain/highlight';
import { bigramHash, bucketOf, followerHash, foldCase, pairHash, isHan, isLatin, segmentWords, termHash } from './tokenize';

export type FilterColor = HighlightColor;
export type FilterNoteKind = 'note' | 'outline' | 'reflection';

export interface SearchFilters {
  source?: string;
  column?: string;
  /** Inclusive ISO date bounds (YYYY-MM-DD). */
  from?: string;
  to?: string;
  hasHighlights?: boolean;
  hasNotes?: boolean;
  color?: FilterColor;
  tag?: string;
  noteKind?: FilterNoteKind;
}

export interface QueryTerm {
  /** What must occur (ASCII lower-cased). */
  text: string;
  phrase: boolean;
  /** Index terms whose postings every match must have (bigrams, Latin tokens). */
  keys: string[];
  hashes: number[];
  /** Bigrams of the term's Han runs with what follows them: [bigram hash, followerHash / pairHash of the next one or two characters]. */
  follow: [number, number][];
  /** A segmenter word of ≥ 3 characters: documents where it is a word rank higher. */
  word: number | null;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  exclude: QueryTerm[];
  filters: SearchFilters;
  /** Terms too short to look up (one Han character): they still must occur. */
  hasSearchableTerm: boolean;
}

const COLORS: Record<string, FilterColor> = {
  yellow: 'yellow',
  黄: 'yellow',
  黄色: 'yellow',
  green: 'green',
  绿: 'green',
  绿色: 'green',
  blue: 'blue',
  蓝: 'blue',
  蓝色: 'blue',
  pink: 'pink',
  粉: 'pink',
  粉色: 'pink',
  红: 'pink',
  purple: 'purple',
  紫: 'purple',
  紫色: 'purple',
  orange: 'orange',
  橙: 'orange',
  橙色: 'orange',
};
const KINDS: Record<string, FilterNoteKind> = {
  note: 'note',
  笔记: 'note',
  outline: 'outline',
  提纲: 'outline',
  发言提纲: 'outline',
  reflection: 'reflection',
  心得: 'reflection',
  心得体会: 'reflection',
};
const FILTER_KEYS: Record<string, keyof SearchFilters | 'date' | 'has'> = {
  来源: 'source',
  source: 'source',
  栏目: 'column',
  column: 'column',
  日期: 'date',
  date: 'date',
  时间: 'date',
  有: 'has',
  has: 'has',
  颜色: 'color',
  color: 'color',
  标签: 'tag',
  tag: 'tag',
  类型: 'noteKind',
  kind: 'noteKind',
};

/** "2024", "2024-03", "2024-03-05" (also 2024/3/5, 2024.3) → inclusive [from, to]. */
export function dateBounds(value: string): [string, string] | null {
  const m = /^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?年?$/.exec(value.trim());
  if (!m) return null;
  const y = m[1]!;
  const mo = m[2]?.padStart(2, '0');
  const d = m[3]?.padStart(2, '0');
  if (d) return [`${y}-${mo}-${d}`, `${y}-${mo}-${d}`];
  if (mo) return [`${y}-${mo}-01`, `${y}-${mo}-31`];
  return [`${y}-01-01`, `${y}-12-31`];
}

function applyFilter(filters: SearchFilters, key: string, value: string): boolean {
  const kind = FILTER_KEYS[key.toLowerCase()];
  if (!kind || !value) return false;
  switch (kind) {
    case 'date': {
      const [a, b] = value.split(/\.\.|~|～|至/);
      const lo = a ? dateBounds(a) : null;
      const hi = b !== undefined ? (b ? dateBounds(b) : null) : lo;
      if (!lo && !hi) return false;
      if (lo) filters.from = lo[0];
      if (hi) filters.to = hi[1];
      return true;
    }
    case 'has':
      if (/^(划线|highlights?)$/i.test(value)) filters.hasHighlights = true;
      else if (/^(笔记|notes?)$/i.test(value)) filters.hasNotes = true;
      else return false;
      return true;
    case 'color': {
      const c = COLORS[value.toLowerCase()];
      if (c) filters.color = c;
      return c !== undefined;
    }
    case 'noteKind': {
      const k = KINDS[value.toLowerCase()];
      if (k) filters.noteKind = k;
      return k !== undefined;
    }
    case 'source':
    case 'column':
    case 'tag':
      filters[kind] = value;
      return true;
    default:
      return false;
  }
}

/** The index terms a piece of query text needs: its Han bigrams and Latin tokens. */
function keysOf(text: string): string[] {
  const keys = new Set<string>();
  for (const m of text.matchAll(/[a-z0-9]+/g)) keys.add(m[0]);
  for (const run of text.match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]+/g) ?? [])
    for (let i = 0; i + 1 < run.length; i++) keys.add(run.slice(i, i + 2));
  return [...keys];
}

/** Within each Han run, each bigram with the character after it (the term occurs only where both do). */
function followsOf(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 2 < text.length; i++) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = text.charCodeAt(i + 2);
    if (!isHan(a) || !isHan(b) || !isHan(c)) continue;
    out.push([bigramHash(a, b), followerHash(c)]);
    const d = i + 3 < text.length ? text.charCodeAt(i + 3) : -1;
    if (d >= 0 && isHan(d)) out.push([bigramHash(a, b), pairHash(c, d)]);
  }
  return out;
}

function makeTerm(raw: string, phrase: boolean, word: boolean): QueryTerm {
  const text = foldCase(raw);
  const keys = keysOf(text);
  const isWord = word && text.length >= 3 && [...text].every((ch) => isHan(ch.charCodeAt(0)));
  return { text, phrase, keys, hashes: keys.map(termHash), follow: followsOf(text), word: isWord ? termHash(text) : null };
}

/** Unquoted text: Han runs split into segmenter words (lone characters kept with a neighbour). */
function splitWords(raw: string): string[] {
  const hanOnly = [...raw].every((ch) => isHan(ch.charCodeAt(0)));
  if (!hanOnly || raw.length <= 2) return [raw];
  const words = segmentWords(raw);
  if (words.join('') !== raw) return [raw];
  const out: string[] = [];
  for (const w of words) {
    if (w.length === 1 && out.length) out[out.length - 1] += w;
    else if (out.length && out[out.length - 1]!.length === 1) out[out.length - 1] += w;
    else out.push(w);
  }
  return out;
}

/** Splits on spaces (ASCII and U+3000), keeping "…" and “…” together. */
function lex(input: string): { text: string; quoted: boolean; negated: boolean }[] {
  const out: { text: string; quoted: boolean; negated: boolean }[] = [];
  const re = /(-?)(?:"([^"]*)"?|“([^”]*)”?|「([^」]*)」?|([^\s\u3000"“]+))/g;
  for (const m of input.matchAll(re)) {
    const quoted = m[2] ?? m[3] ?? m[4];
    const text = (quoted ?? m[5] ?? '').trim();
    if (!text) continue;
    out.push({ text, quoted: quoted !== undefined, negated: m[1] === '-' });
  }
  return out;
}

export function parseQuery(input: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  const exclude: QueryTerm[] = [];
  const filters: SearchFilters = {};
  for (const token of lex(input)) {
    if (!token.quoted && !token.negated) {
      const f = /^([^:：]{1,8})[:：](.+)$/.exec(token.text);
      if (f && applyFilter(filters, f[1]!, f[2]!.trim())) continue;
    }
    const target = token.negated ? exclude : terms;
    if (token.quoted || token.negated) target.push(makeTerm(token.text, token.quoted, false));
    else for (const w of splitWords(token.text)) target.push(makeTerm(w, false, true));
  }
  return { terms, exclude, filters, hasSearchableTerm: terms.some((t) => t.keys.length > 0) };
}

/** The bucket each hash of the query lives in, deduplicated. */
export function queryBuckets(query: ParsedQuery): number[] {
  const set = new Set<number>();
  for (const t of [...query.terms, ...query.exclude]) {
    for (const h of t.hashes) set.add(bucketOf(h));
    if (t.word !== null) set.add(bucketOf(t.word));
  }
  return [...set];
}

/** True when the term's first or last character is a Latin letter or digit (matched as a whole word). */
export function latinEdges(text: string): { start: boolean; end: boolean } {
  return { start: text.length > 0 && isLatin(text.charCodeAt(0)), end: text.length > 0 && isLatin(text.charCodeAt(text.length - 1)) };
}
