/**
 * The machinery of the independent anchoring bench (anchoring-independent.ts): a text as a list
 * of tracked characters, the revisions an article goes through as edits on that list, and the
 * judge that says, from the tracking alone, where each highlighted character went.
 *
 * Written without reading shared/anchoring beyond its exported signatures, and without reading
 * the project's own anchoring tests or bench: the edits are modelled on what revised and
 * re-extracted news articles look like, not on what the anchoring code is known to handle.
 *
 * Tracking: every character of the new text is a Tok whose `s` is the offset of the original
 * character it is (or -1 when it is new), `m` = 1 when it stands in the place of that original
 * character but now reads differently (a typo fix, 2023→2024, ，→, ), `cp` the original offset
 * it is a copy of (a duplicated paragraph: the copy is new text, the original stays the one).
 * Each edit works on that list only, so where each original character went is known by
 * construction, never guessed from the text.
 *
 * SURVIVING (the highlight still exists in the new text), for a highlight of L characters:
 * - its remaining characters are grouped into runs that keep their order and lie close together
 *   (a gap of at most max(3, L/4) foreign characters between two neighbours, blanks not
 *   counted); the best run is the one with most unchanged characters;
 * - L ≤ 4: the run holds all L characters, unchanged and with nothing between them;
 * - L > 4: the run holds ≥ 80% of the L characters unchanged, holds the first and the last
 *   character (changed or not: ，→, at the end still ends the passage), and the new span it
 *   covers holds at most L/4 + 2 characters that were not part of the highlight.
 * Whitespace is noise throughout: a space that became an NBSP or U+3000 is unchanged, and blanks
 * put inside by re-extraction (10年 → 10 年, an indent) are never counted as foreign. A character
 * only written another way (２０２３ → 2023, ，→ , , “ → 「) is unchanged too: the reader's
 * words are still there (see sameCharacter).
 * The TRUE SPAN is the new-text range from the run's first to its last character.
 *
 * JUDGING a placement [a, b) of a highlight:
 * - RIGHT: it overlaps the true span by ≥ 50% of the placement's length and ≥ 50% of the true
 *   span's length (EXACT when it is the true span to the unit);
 * - MISS: the highlight survived and was not placed (null);
 * - WRONG: the highlight survived and the placement is not right, or it did not survive and the
 *   placement does not land on its remains (≥ 50% of the placement inside one run of its
 *   remaining characters); a lost highlight placed on its own remains is REMAINS (neither right
 *   nor wrong), and a lost highlight left an orphan is the right outcome.
 */
import { mulberry32 } from './seeded';

export interface Tok {
  /** One UTF-16 unit. */
  c: string;
  /** Offset of the original character this is, -1 for new text. */
  s: number;
  /** 1 when it takes the place of original character `s` but reads differently. */
  m: 0 | 1;
  /** For a copy of original text (a duplicated paragraph): the offset it copies. */
  cp?: number;
}

export type Doc = Tok[];
export type Range = [number, number];

export function docOf(text: string): Doc {
  const out: Doc = new Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = { c: text[i]!, s: i, m: 0 };
  return out;
}

export function textOf(doc: Doc): string {
  let out = '';
  for (const t of doc) out += t.c;
  return out;
}

function fresh(str: string): Tok[] {
  return Array.from(str, (c) => ({ c, s: -1, m: 0 as const })).flatMap((t) =>
    // Array.from splits by code point; keep one token per UTF-16 unit.
    t.c.length === 1 ? [t] : Array.from({ length: t.c.length }, (_, k) => ({ c: t.c[k]!, s: -1, m: 0 as const })),
  );
}

/**
 * Replaces doc[i, j) by `str`. Same length: character for character (a changed character keeps
 * its place, marked m = 1). Other lengths: the first and last new characters take the places of
 * the first and last old ones (… for ..., 「 for “), the rest is new.
 */
export function replaceAt(doc: Doc, i: number, j: number, str: string): Doc {
  const old = doc.slice(i, j);
  const neu = fresh(str);
  const take = (n: Tok, o: Tok): Tok => ({ c: n.c, s: o.s, m: n.c === o.c ? o.m : 1, ...(o.cp !== undefined ? { cp: o.cp } : {}) });
  if (old.length === neu.length) {
    for (let k = 0; k < neu.length; k++) neu[k] = take(neu[k]!, old[k]!);
  } else if (old.length > 0 && neu.length > 0) {
    neu[0] = take(neu[0]!, old[0]!);
    if (old.length > 1 && neu.length > 1) neu[neu.length - 1] = take(neu[neu.length - 1]!, old[old.length - 1]!);
  }
  return [...doc.slice(0, i), ...neu, ...doc.slice(j)];
}

export function insertAt(doc: Doc, i: number, str: string): Doc {
  return [...doc.slice(0, i), ...fresh(str), ...doc.slice(i)];
}

export function deleteRange(doc: Doc, i: number, j: number): Doc {
  return [...doc.slice(0, i), ...doc.slice(j)];
}

/** Paragraph ranges [a, b) (b at the '\n' or the end). */
export function paragraphs(doc: Doc): Range[] {
  const out: Range[] = [];
  let a = 0;
  for (let i = 0; i <= doc.length; i++) {
    if (i === doc.length || doc[i]!.c === '\n') {
      out.push([a, i]);
      a = i + 1;
    }
  }
  return out;
}

export interface Part {
  a: number;
  b: number;
  /** A copy: its tokens become new text that remembers what it copies. */
  copy?: boolean;
}

/**
 * Joins slices of `doc` as paragraphs. Between two slices that were neighbours around one '\n'
 * that '\n' is kept; any other join is a new '\n'.
 */
export function reassemble(doc: Doc, parts: Part[]): Doc {
  const out: Doc = [];
  parts.forEach((p, k) => {
    if (k > 0) {
      const prev = parts[k - 1]!;
      const same = !prev.copy && !p.copy && p.a === prev.b + 1 && doc[prev.b]?.c === '\n';
      out.push(same ? doc[prev.b]! : { c: '\n', s: -1, m: 0 });
    }
    for (let i = p.a; i < p.b; i++) {
      const t = doc[i]!;
      out.push(p.copy ? { c: t.c, s: -1, m: 0, ...(t.s >= 0 ? { cp: t.s } : t.cp !== undefined ? { cp: t.cp } : {}) } : t);
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Judge

export interface Truth {
  survives: boolean;
  /** The true span in the new text (survivors only). */
  span: Range | null;
  /** Runs of the highlight's remaining characters in the new text. */
  runs: Range[];
  /** Why it is lost (for --list). */
  why: string;
}

/** Where each original offset is in the new text (-1: gone) and whether it reads differently. */
export interface Where {
  pos: Int32Array;
  mod: Uint8Array;
  /** New-text positions holding whitespace (U+0020, NBSP, U+3000, ZWSP, tab). */
  blank: Uint8Array;
  /** For each new-text position, the original offset it is (-1: new). */
  src: Int32Array;
  /** blanks[i]: how many blanks lie before new-text position i. */
  blanks: Int32Array;
}

const BLANK = /^[\s\u00a0\u3000\u200b]$/;

const OPENING = '“‘「『"\'';
const CLOSING = '”’」』"\'';

/**
 * One character written another way: blank for blank, the same letter, digit or mark in
 * another width (NFKC: ２→2, ，→,), a quotation mark of the same side (“ → 「).
 */
export function sameCharacter(a: string, b: string): boolean {
  if (a === b) return true;
  if (BLANK.test(a) && BLANK.test(b)) return true;
  if (a.normalize('NFKC') === b.normalize('NFKC')) return true;
  return (OPENING.includes(a) && OPENING.includes(b)) || (CLOSING.includes(a) && CLOSING.includes(b));
}

/**
 * Whitespace is noise, not words: a space that became an NBSP is unchanged, and blanks put
 * inside a highlight by re-extraction (10年 → 10 年) are not foreign characters.
 */
export function whereOf(doc: Doc, original: string): Where {
  const pos = new Int32Array(original.length).fill(-1);
  const mod = new Uint8Array(original.length);
  const blank = new Uint8Array(doc.length);
  const src = new Int32Array(doc.length);
  doc.forEach((t, i) => {
    src[i] = t.s;
    const isBlank = BLANK.test(t.c) && t.c !== '\n';
    if (isBlank) blank[i] = 1;
    if (t.s >= 0) {
      pos[t.s] = i;
      mod[t.s] = sameCharacter(t.c, original[t.s]!) ? 0 : 1;
    }
  });
  const blanks = new Int32Array(doc.length + 1);
  for (let i = 0; i < doc.length; i++) blanks[i + 1] = blanks[i]! + blank[i]!;
  return { pos, mod, blank, src, blanks };
}

interface Run {
  first: number;
  last: number;
  /** Original offsets of the run's first and last characters. */
  s0: number;
  s1: number;
  count: number;
  unchanged: number;
}

export function truthOf(where: Where, start: number, end: number): Truth {
  const L = end - start;
  const gap = Math.max(3, Math.floor(L / 4));
  const runs: Run[] = [];
  let cur: Run | null = null;
  for (let s = start; s < end; s++) {
    const p = where.pos[s]!;
    if (p < 0) continue;
    const same = where.mod[s] === 0 ? 1 : 0;
    // Blanks between two kept characters are noise, not a gap (an indent after a new '\n').
    if (cur && p > cur.last && p - cur.last - 1 - (where.blanks[p]! - where.blanks[cur.last + 1]!) <= gap) {
      cur.last = p;
      cur.s1 = s;
      cur.count++;
      cur.unchanged += same;
    } else {
      cur = { first: p, last: p, s0: s, s1: s, count: 1, unchanged: same };
      runs.push(cur);
    }
  }
  const ranges = runs.map((r): Range => [r.first, r.last + 1]);
  if (runs.length === 0) return { survives: false, span: null, runs: ranges, why: 'all deleted' };
  const best = runs.reduce((a, b) => (b.unchanged > a.unchanged ? b : a));
  const span: Range = [best.first, best.last + 1];
  let foreign = span[1] - span[0] - best.count;
  for (let i = span[0]; i < span[1]; i++) {
    const src = where.src[i]!;
    if (where.blank[i] && (src < start || src >= end)) foreign--;
  }
  let why = '';
  if (L <= 4) {
    if (best.unchanged !== L || foreign !== 0) why = `short, not intact (${best.unchanged}/${L} unchanged, ${foreign} inserted)`;
  } else if (best.unchanged < Math.ceil(0.8 * L)) why = `${best.unchanged}/${L} unchanged in one run`;
  else if (best.s0 !== start || best.s1 !== end - 1) why = 'first or last character gone';
  else if (foreign > L / 4 + 2) why = `${foreign} characters inserted inside`;
  return why ? { survives: false, span: null, runs: ranges, why } : { survives: true, span, runs: ranges, why: '' };
}

export type Verdict = 'right' | 'miss' | 'wrong' | 'orphan' | 'remains' | 'ambiguous';

function overlap(a: Range, b: Range): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

export function judge(truth: Truth, placed: Range | null): Verdict {
  if (!placed) return truth.survives ? 'miss' : 'orphan';
  const len = Math.max(1, placed[1] - placed[0]);
  if (truth.survives) {
    const span = truth.span!;
    const o = overlap(placed, span);
    return o >= 0.5 * len && o >= 0.5 * (span[1] - span[0]) ? 'right' : 'wrong';
  }
  return truth.runs.some((r) => overlap(placed, r) >= 0.5 * len) ? 'remains' : 'wrong';
}

/** Whether [a, b) lies mostly on a copy of original [s, e) (a duplicated paragraph). */
export function onCopy(doc: Doc, placed: Range, s: number, e: number): boolean {
  let n = 0;
  for (let i = placed[0]; i < placed[1]; i++) {
    const cp = doc[i]?.cp;
    if (cp !== undefined && cp >= s && cp < e) n++;
  }
  return n >= 0.5 * (placed[1] - placed[0]);
}

// ---------------------------------------------------------------------------------------------
// Randomness

export type Rng = () => number;

/** mulberry32: small, seeded, the same on every machine. */
export function rngOf(seed: number): Rng {
  return mulberry32(seed >>> 0);
}

export function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!;
}

// ---------------------------------------------------------------------------------------------
// Text shapes

const HAN = /\p{Script=Han}/u;
export const isHan = (c: string): boolean => HAN.test(c);
const SENTENCE_END = /[。！？!?]/;
const CLOSERS = /[”」』’"）)]/;

/** Sentence ranges of a text (never across '\n'), each with its end mark and closing quote. */
export function sentences(text: string): Range[] {
  const out: Range[] = [];
  let a = 0;
  const push = (b: number): void => {
    let s = a;
    while (s < b && /\s/.test(text[s]!)) s++;
    if (b > s) out.push([s, b]);
    a = b;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i);
      a = i + 1;
      continue;
    }
    const ends = SENTENCE_END.test(c) || (c === '.' && (i + 1 === text.length || /\s/.test(text[i + 1]!)) && !/\d/.test(text[i - 1] ?? ''));
    if (!ends) continue;
    let b = i + 1;
    while (b < text.length && (SENTENCE_END.test(text[b]!) || CLOSERS.test(text[b]!))) b++;
    i = b - 1;
    push(b);
  }
  push(text.length);
  return out;
}

/** Clause ranges inside [a, b): split after ，,；;：:、 (the mark stays with its clause). */
export function clauses(text: string, a: number, b: number): Range[] {
  const out: Range[] = [];
  let s = a;
  for (let i = a; i < b; i++) {
    if (/[，,；;：:、]/.test(text[i]!)) {
      if (i + 1 - s > 0) out.push([s, i + 1]);
      s = i + 1;
      while (s < b && text[s] === ' ') s++;
      i = s - 1;
    }
  }
  if (b > s) out.push([s, b]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Revisions

export interface EditContext {
  rng: Rng;
  /** Where the highlights' characters are now in `doc` (edits aim at and around them). */
  hot: (doc: Doc) => Range[];
  /** Sentences from other articles: the new words a revision brings. */
  pool: readonly string[];
  lang: 'zh' | 'en';
}

export type Edit = (doc: Doc, ctx: EditContext) => Doc;

/** Replaces each [i, j) by its string in one pass (sorted, disjoint), as replaceAt does. */
export function substituteAll(doc: Doc, subs: { i: number; j: number; str: string }[]): Doc {
  const sorted = [...subs].sort((x, y) => x.i - y.i);
  const out: Doc = [];
  let at = 0;
  for (const sub of sorted) {
    if (sub.i < at) continue;
    for (let k = at; k < sub.i; k++) out.push(doc[k]!);
    out.push(...replaceAt(doc.slice(sub.i, sub.j), 0, sub.j - sub.i, sub.str));
    at = sub.j;
  }
  for (let k = at; k < doc.length; k++) out.push(doc[k]!);
  return out;
}

/** A position: inside a highlight (p = bias) or anywhere. */
function aim(doc: Doc, ctx: EditContext, bias = 0.6): number {
  const hot = ctx.hot(doc).filter((r) => r[1] > r[0]);
  if (hot.length && ctx.rng() < bias) {
    const r = pick(ctx.rng, hot);
    return int(ctx.rng, r[0], r[1] - 1);
  }
  return Math.floor(ctx.rng() * doc.length);
}

function poolSentence(ctx: EditContext, min = 6, max = 120): string {
  for (let k = 0; k < 50; k++) {
    const s = pick(ctx.rng, ctx.pool).trim();
    if (s.length >= min && s.length <= max) return s;
  }
  return pick(ctx.rng, ctx.pool).trim().slice(0, max);
}

function poolRun(ctx: EditContext, len: number): string {
  for (let k = 0; k < 50; k++) {
    const s = pick(ctx.rng, ctx.pool);
    if (ctx.lang === 'zh') {
      const runs = s.match(new RegExp(`\\p{Script=Han}{${len},}`, 'gu'));
      if (runs?.length) {
        const r = pick(ctx.rng, runs);
        const at = int(ctx.rng, 0, r.length - len);
        return r.slice(at, at + len);
      }
    } else {
      const words = s.split(/\s+/).filter((w) => /^[a-z]+$/.test(w));
      if (words.length >= len) {
        const at = int(ctx.rng, 0, words.length - len);
        return words.slice(at, at + len).join(' ');
      }
    }
  }
  return ctx.lang === 'zh' ? '有关方面'.slice(0, len) : 'the said';
}

/** 错别字 corrected: one letter replaced, several times, mostly inside highlights. */
export const typo: Edit = (doc, ctx) => {
  const n = int(ctx.rng, 2, 6);
  for (let k = 0; k < n; k++) {
    for (let tries = 0; tries < 40; tries++) {
      const p = aim(doc, ctx);
      const c = doc[p]?.c ?? '';
      if (ctx.lang === 'zh' ? !isHan(c) : !/[a-z]/.test(c)) continue;
      let r = c;
      while (r === c) r = ctx.lang === 'zh' ? poolRun(ctx, 1) : String.fromCharCode(97 + int(ctx.rng, 0, 25));
      doc = replaceAt(doc, p, p + 1, r);
      break;
    }
  }
  return doc;
};

const PUNCT_ZH: Record<string, [RegExp, (m: string, text: string, i: number) => string][]> = {
  half: [[/[，；：？！（）]/g, (m) => ({ '，': ',', '；': ';', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')' })[m]!]],
  full: [
    [
      /[,;:?!()]/g,
      (m, t, i) =>
        isHan(t[i - 1] ?? '') || isHan(t[i + 1] ?? '')
          ? { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' }[m]!
          : m,
    ],
  ],
  corner: [[/[“”‘’]/g, (m) => ({ '“': '「', '”': '」', '‘': '『', '’': '』' })[m]!]],
  curly: [[/[「」『』]/g, (m) => ({ '「': '“', '」': '”', '『': '‘', '』': '’' })[m]!]],
  ellipsis: [[/……|…|\.{3,6}|。{3}/g, (m) => (m.startsWith('…') ? '...' : '……')]],
  // 全角 digits and letters made ASCII, or ASCII digits next to Han made 全角 (older CMSes).
  ascii: [[/[０-９Ａ-Ｚａ-ｚ％]/g, (m) => m.normalize('NFKC')]],
  wide: [
    [
      /[0-9%]+/g,
      (m, t, i) =>
        isHan(t[i - 1] ?? '') || isHan(t[i + m.length] ?? '')
          ? [...m].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')
          : m,
    ],
  ],
};

const PUNCT_EN: typeof PUNCT_ZH = {
  straight: [[/[“”‘’]/g, (m) => (m === '“' || m === '”' ? '"' : "'")]],
  curly: [[/"|'/g, (m, t, i) => (m === "'" ? '’' : /\s|^$/.test(t[i - 1] ?? '') ? '“' : '”')]],
  dashes: [[/—|–/g, (m) => (m === '—' ? '--' : '-')]],
  ellipsis: [[/…|\.\.\./g, (m) => (m === '…' ? '...' : '…')]],
};

/** Punctuation normalised through the whole text (a CMS or an editor's house style). */
export const punct: Edit = (doc, ctx) => {
  const table = ctx.lang === 'zh' ? PUNCT_ZH : PUNCT_EN;
  const names = Object.keys(table);
  const chosen = new Set<string>();
  const n = int(ctx.rng, 1, 3);
  while (chosen.size < Math.min(n, names.length)) chosen.add(pick(ctx.rng, names));
  for (const name of chosen) {
    for (const [re, fn] of table[name]!) {
      const text = textOf(doc);
      const subs: { i: number; j: number; str: string }[] = [];
      for (const m of text.matchAll(re)) {
        const str = fn(m[0], text, m.index);
        if (str !== m[0]) subs.push({ i: m.index, j: m.index + m[0].length, str });
      }
      doc = substituteAll(doc, subs);
    }
  }
  return doc;
};

const CN_DIGITS = '一二三四五六七八九';

/** A figure corrected: 2023→2024, 5.2%→5.3%, 三项→四项. */
export const number: Edit = (doc, ctx) => {
  const text = textOf(doc);
  const found: Range[] = [];
  for (const m of text.matchAll(/\d+/g)) found.push([m.index + m[0].length - 1, m.index + m[0].length]);
  if (ctx.lang === 'zh') {
    for (const m of text.matchAll(/[一二三四五六七八九](?=[个年项次条种名家大批位届点方倍成])/g)) found.push([m.index, m.index + 1]);
  }
  if (!found.length) return doc;
  const hot = ctx.hot(doc);
  const inHot = found.filter((r) => hot.some((h) => h[0] <= r[0] && r[0] < h[1]));
  const subs: { i: number; j: number; str: string }[] = [];
  const n = int(ctx.rng, 2, 5);
  for (let k = 0; k < n; k++) {
    const r = pick(ctx.rng, inHot.length && ctx.rng() < 0.6 ? inHot : found);
    const c = text[r[0]]!;
    const str = /\d/.test(c) ? String((Number(c) + 1) % 10) : CN_DIGITS[(CN_DIGITS.indexOf(c) + 1) % 9]!;
    if (!subs.some((s) => s.i === r[0])) subs.push({ i: r[0], j: r[1], str });
  }
  return substituteAll(doc, subs);
};

/** Sentences near highlights (p = bias) or anywhere; null when the text has none. */
function aimSentence(doc: Doc, ctx: EditContext, bias: number): { all: Range[]; k: number } | null {
  const all = sentences(textOf(doc));
  if (!all.length) return null;
  const hot = ctx.hot(doc);
  if (hot.length && ctx.rng() < bias) {
    const h = pick(ctx.rng, hot);
    const k = all.findIndex((r) => r[1] > h[0]);
    if (k >= 0) return { all, k };
  }
  return { all, k: Math.floor(ctx.rng() * all.length) };
}

/** A sentence added, often right before or after a highlighted one (its context changes). */
export const sentenceInsert: Edit = (doc, ctx) => {
  const n = int(ctx.rng, 1, 4);
  for (let k = 0; k < n; k++) {
    const at = aimSentence(doc, ctx, 0.7);
    if (!at) break;
    const r = at.all[at.k]!;
    const s = poolSentence(ctx);
    doc = ctx.rng() < 0.5 ? insertAt(doc, r[0], ctx.lang === 'en' ? `${s} ` : s) : insertAt(doc, r[1], ctx.lang === 'en' ? ` ${s}` : s);
  }
  return doc;
};

/** A sentence cut: a highlighted one (the highlight is gone), its neighbour, or any. */
export const sentenceDelete: Edit = (doc, ctx) => {
  const n = int(ctx.rng, 1, 3);
  for (let k = 0; k < n; k++) {
    const at = aimSentence(doc, ctx, 0.75);
    if (!at) break;
    let j = at.k;
    const roll = ctx.rng();
    if (roll < 0.3 && j > 0) j--;
    else if (roll < 0.6 && j + 1 < at.all.length) j++;
    let [a, b] = at.all[j]!;
    const lineStart = a === 0 || doc[a - 1]!.c === '\n';
    const lineEnd = b === doc.length || doc[b]!.c === '\n';
    if (lineStart && lineEnd) {
      // The whole paragraph: its line goes too.
      if (b < doc.length) b++;
      else if (a > 0) a--;
    } else if (ctx.lang === 'en' && doc[b]?.c === ' ') b++;
    doc = deleteRange(doc, a, b);
  }
  return doc;
};

/** Inside a highlighted sentence a clause or a few words are rewritten. */
export const clauseRewrite: Edit = (doc, ctx) => {
  const n = int(ctx.rng, 1, 4);
  for (let k = 0; k < n; k++) {
    const hot = ctx.hot(doc).filter((r) => r[1] - r[0] >= 12);
    if (!hot.length) break;
    const [a, b] = pick(ctx.rng, hot);
    const text = textOf(doc);
    const inner = clauses(text, a, b).filter((c) => c[0] > a + 1 && c[1] < b - 1 && c[1] - c[0] >= 4);
    if (inner.length && ctx.rng() < 0.6) {
      const [ca, cb] = pick(ctx.rng, inner);
      // Keep the clause's own mark; the new words are about as long as the old.
      const len = Math.max(2, Math.round((cb - 1 - ca) * (0.7 + 0.6 * ctx.rng())));
      doc = replaceAt(doc, ca, cb - 1, poolRun(ctx, ctx.lang === 'zh' ? len : Math.max(1, Math.round(len / 6))));
    } else if (ctx.lang === 'zh') {
      const len = int(ctx.rng, 2, 5);
      const at = int(ctx.rng, a + 2, Math.max(a + 2, b - 2 - len));
      doc = replaceAt(doc, at, at + len, poolRun(ctx, Math.max(1, len + int(ctx.rng, -1, 1))));
    } else {
      const words = [...text.slice(a, b).matchAll(/[a-z]+/g)].filter((m) => m.index > 2 && m.index + m[0].length < b - a - 2);
      if (!words.length) continue;
      const w = pick(ctx.rng, words);
      doc = replaceAt(doc, a + w.index, a + w.index + w[0].length, poolRun(ctx, int(ctx.rng, 1, 2)));
    }
  }
  return doc;
};

/** Paragraphs split at a sentence and neighbours merged (re-typeset or re-extracted). */
export const paraSplitMerge: Edit = (doc, ctx) => {
  const splits = int(ctx.rng, 1, 3);
  for (let k = 0; k < splits; k++) {
    const at = aimSentence(doc, ctx, 0.6);
    if (!at) break;
    const [a] = at.all[at.k]!;
    if (a === 0 || doc[a - 1]!.c === '\n') continue;
    doc = doc[a - 1]!.c === ' ' ? replaceAt(doc, a - 1, a, '\n') : insertAt(doc, a, '\n');
  }
  const merges = int(ctx.rng, 1, 3);
  for (let k = 0; k < merges; k++) {
    const breaks: number[] = [];
    doc.forEach((t, i) => t.c === '\n' && breaks.push(i));
    if (!breaks.length) break;
    const p = aim(doc, ctx, 0.6);
    // The line break nearest the aimed position.
    const br = breaks.reduce((x, y) => (Math.abs(y - p) < Math.abs(x - p) ? y : x));
    doc = ctx.lang === 'zh' ? deleteRange(doc, br, br + 1) : replaceAt(doc, br, br + 1, ' ');
  }
  return doc;
};

function hotParagraph(doc: Doc, ctx: EditContext, paras: Range[], bias: number): number {
  const hot = ctx.hot(doc);
  if (hot.length && ctx.rng() < bias) {
    const h = pick(ctx.rng, hot);
    const k = paras.findIndex((r) => r[1] >= h[0]);
    if (k >= 0) return k;
  }
  return Math.floor(ctx.rng() * paras.length);
}

function moveParagraphs(doc: Doc, paras: Range[], from: number, count: number, to: number): Doc {
  const ids = paras.map((_, i) => i);
  const block = ids.splice(from, count);
  const at = to > from ? to - count : to;
  ids.splice(at, 0, ...block);
  return reassemble(
    doc,
    ids.map((i) => ({ a: paras[i]![0], b: paras[i]![1] })),
  );
}

/** A paragraph or two moved a few places up or down. */
export const paraReorder: Edit = (doc, ctx) => {
  const n = int(ctx.rng, 1, 2);
  for (let k = 0; k < n; k++) {
    const paras = paragraphs(doc);
    if (paras.length < 3) break;
    const from = hotParagraph(doc, ctx, paras, 0.7);
    let to = from;
    while (to === from || to === from + 1) to = Math.max(0, Math.min(paras.length, from + int(ctx.rng, -4, 5)));
    doc = moveParagraphs(doc, paras, from, 1, to);
  }
  return doc;
};

/** A section (several paragraphs together) moved elsewhere in the article. */
export const sectionMove: Edit = (doc, ctx) => {
  const paras = paragraphs(doc);
  if (paras.length < 4) return paraReorder(doc, ctx);
  const count = int(ctx.rng, 2, Math.min(8, Math.floor(paras.length / 2)));
  const from = int(ctx.rng, 0, paras.length - count);
  let to = from;
  while (to >= from && to <= from + count) to = int(ctx.rng, 0, paras.length);
  return moveParagraphs(doc, paras, from, count, to);
};

/** Re-extraction noise: indents, spaces between Han and Latin, NBSP, trailing and zero-width spaces. */
export const whitespace: Edit = (doc, ctx) => {
  const kinds = ['indent', 'spacing', 'nbsp', 'trailing', 'zwsp'];
  const chosen = new Set<string>();
  const n = int(ctx.rng, 1, 3);
  while (chosen.size < n) chosen.add(pick(ctx.rng, kinds));
  for (const kind of chosen) {
    const text = textOf(doc);
    const subs: { i: number; j: number; str: string }[] = [];
    const share = 0.3 + 0.7 * ctx.rng();
    if (kind === 'indent') {
      const indent = ctx.lang === 'zh' ? '\u3000\u3000' : '  ';
      for (const [a] of paragraphs(doc)) if (ctx.rng() < share) subs.push({ i: a, j: a, str: indent });
    } else if (kind === 'trailing') {
      for (const [, b] of paragraphs(doc)) if (ctx.rng() < share) subs.push({ i: b, j: b, str: ctx.rng() < 0.5 ? ' ' : '\u3000' });
    } else if (kind === 'spacing') {
      // 2023年 → 2023 年, GDP增长 → GDP 增长 (pangu-style spacing added by a CMS).
      for (const m of text.matchAll(/(?<=\p{Script=Han})(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%])(?=\p{Script=Han})/gu))
        subs.push({ i: m.index, j: m.index, str: ' ' });
      if (ctx.lang === 'en') for (const m of text.matchAll(/(?<=[.!?]) (?=[A-Z])/g)) subs.push({ i: m.index, j: m.index, str: ' ' });
    } else if (kind === 'nbsp') {
      for (const m of text.matchAll(/ /g)) if (ctx.rng() < share) subs.push({ i: m.index, j: m.index + 1, str: '\u00a0' });
    } else {
      for (let k = int(ctx.rng, 1, 6); k > 0; k--) {
        const p = aim(doc, ctx, 0.5);
        subs.push({ i: p, j: p, str: '\u200b' });
      }
    }
    // Insertions at one place: keep one.
    const seen = new Set<number>();
    doc = substituteAll(
      doc,
      subs.filter((s) => (s.i === s.j ? !seen.has(s.i) && (seen.add(s.i), true) : true)),
    );
  }
  return doc;
};

const TRAILERS_ZH = ['责任编辑：王晓', '（完）', '【纠错】', '来源：新华社', '编辑：李明 校对：张华', '（本文来自澎湃新闻）'];
const CAPTIONS_ZH = ['图片来源：视觉中国', '（图片来源：新华社）', '图为会议现场。'];
const TRAILERS_EN = ['Advertisement', 'This article was updated on 12 May.', 'Follow us on social media.', 'Related coverage'];
const BOILER = /^[\s\u3000]*(责任编辑|编辑|来源|图片来源|（完）|\(完\)|【纠错】|原标题|本文来自|Advertisement|Related|Follow us)/;

/** Lines like 责任编辑 / （完） / 图片来源 added (end, top, between paragraphs) or removed. */
export const boilerplate: Edit = (doc, ctx) => {
  const text = textOf(doc);
  const paras = paragraphs(doc);
  const existing = paras.filter((r) => r[1] - r[0] < 40 && BOILER.test(text.slice(r[0], r[1])));
  if (existing.length && ctx.rng() < 0.4) {
    for (const r of existing.reverse()) {
      if (paragraphs(doc).length <= 1) break;
      doc = r[1] < doc.length ? deleteRange(doc, r[0], r[1] + 1) : deleteRange(doc, r[0] - 1, r[1]);
    }
    return doc;
  }
  const trailers = ctx.lang === 'zh' ? TRAILERS_ZH : TRAILERS_EN;
  const n = int(ctx.rng, 1, 3);
  for (let k = 0; k < n; k++) {
    const where = ctx.rng();
    if (where < 0.5) doc = insertAt(doc, doc.length, `\n${pick(ctx.rng, trailers)}`);
    else if (where < 0.7) doc = insertAt(doc, 0, `${ctx.lang === 'zh' ? `原标题：${poolRun(ctx, 8)}` : 'Advertisement'}\n`);
    else {
      const ps = paragraphs(doc);
      const at = ps[hotParagraph(doc, ctx, ps, 0.5)]![0];
      doc = insertAt(doc, at, `${ctx.lang === 'zh' ? pick(ctx.rng, CAPTIONS_ZH) : pick(ctx.rng, TRAILERS_EN)}\n`);
    }
  }
  return doc;
};

/** An editor's note put at the top: every offset moves. */
export const editorNote: Edit = (doc, ctx) => {
  const parts: string[] = [];
  for (let k = int(ctx.rng, 2, 4); k > 0; k--) parts.push(poolSentence(ctx));
  const note = ctx.lang === 'zh' ? `编者按：${parts.join('')}` : `Editor's note: ${parts.join(' ')}`;
  return insertAt(doc, 0, `${note}\n`);
};

/** A paragraph repeated elsewhere (a lead echoed as a summary, a passage quoted again). */
export const paraDuplicate: Edit = (doc, ctx) => {
  const n = int(ctx.rng, 1, 2);
  for (let k = 0; k < n; k++) {
    const paras = paragraphs(doc);
    if (paras.length < 4) break;
    const from = hotParagraph(doc, ctx, paras, 0.8);
    // Never next to itself: two copies side by side cannot be told apart by anyone.
    const options = paras.map((_, i) => i).filter((i) => i < from - 1 || i > from + 2);
    if (!options.length) break;
    const to = pick(ctx.rng, options.concat(paras.length > from + 2 ? [paras.length] : []));
    const parts: Part[] = paras.map((r) => ({ a: r[0], b: r[1] }));
    parts.splice(to, 0, { a: paras[from]![0], b: paras[from]![1], copy: true });
    doc = reassemble(doc, parts);
  }
  return doc;
};

/**
 * A paginated article re-fetched: its tail lost (only page 1 came back) or a next page appended.
 * A lost tail takes its highlights with it; their words may still stand earlier in the text.
 */
export const pages: Edit = (doc, ctx) => {
  const paras = paragraphs(doc);
  if (paras.length >= 4 && ctx.rng() < 0.6) {
    const keep = Math.max(2, Math.round(paras.length * (0.5 + 0.3 * ctx.rng())));
    return doc.slice(0, paras[keep - 1]![1]);
  }
  const added: string[] = [];
  for (let k = int(ctx.rng, 2, 6); k > 0; k--) added.push(poolSentence(ctx));
  return insertAt(doc, doc.length, `\n${added.join(ctx.lang === 'zh' ? '\n' : ' ')}`);
};

export const EDITS: Record<string, Edit> = {
  typo,
  punct,
  number,
  'sentence-insert': sentenceInsert,
  'sentence-delete': sentenceDelete,
  'clause-rewrite': clauseRewrite,
  'para-split-merge': paraSplitMerge,
  'para-reorder': paraReorder,
  'section-move': sectionMove,
  whitespace,
  boilerplate,
  'editor-note': editorNote,
  'para-duplicate': paraDuplicate,
  pages,
};

/** Several kinds in a row: a real revision rarely does one thing. */
export const mixed: Edit = (doc, ctx) => {
  const names = Object.keys(EDITS);
  for (let k = int(ctx.rng, 3, 6); k > 0; k--) doc = EDITS[pick(ctx.rng, names)]!(doc, ctx);
  return doc;
};

export const KINDS = [...Object.keys(EDITS), 'mixed'];

export function editOf(kind: string): Edit {
  if (kind === 'mixed') return mixed;
  const e = EDITS[kind];
  if (!e) throw new Error(`unknown edit kind: ${kind}`);
  return e;
}

/** The text without blanks. */
export const squeeze = (s: string): string => s.replace(/[\s\u00a0\u3000\u200b]/g, '');

/**
 * How well the words around `r` in `text` agree with a stored prefix and suffix: matching
 * characters counted outwards from the passage, blanks ignored on both sides.
 */
export function contextScore(text: string, r: Range, prefix: string, suffix: string): number {
  const before = squeeze(text.slice(Math.max(0, r[0] - 3 * prefix.length), r[0]));
  const after = squeeze(text.slice(r[1], r[1] + 3 * suffix.length));
  const p = squeeze(prefix);
  const s = squeeze(suffix);
  let score = 0;
  for (let k = 1; k <= p.length && k <= before.length; k++) if (before[before.length - k] === p[p.length - k]) score++;
  for (let k = 0; k < s.length && k < after.length; k++) if (after[k] === s[k]) score++;
  return score;
}

/**
 * A surviving highlight placed on other words that read the same (a duplicated paragraph, or a
 * passage the article already held twice) whose surroundings agree with the stored context at
 * least as well as the true span's and which lies at least as near the stored position: nothing
 * in the selector favours the truth, so such a placement is AMBIGUOUS, reported apart and not
 * counted as wrong (nor in the recall). A twin far from the stored position is WRONG even when
 * an edit near the truth made the twin's context a little better.
 */
export function ambiguous(
  text: string,
  truth: Truth,
  placed: Range,
  sel: { exact: string; prefix: string; suffix: string; start: number },
): boolean {
  if (!truth.survives || !truth.span) return false;
  const words = squeeze(text.slice(placed[0], placed[1]));
  if (words !== squeeze(sel.exact) && words !== squeeze(text.slice(truth.span[0], truth.span[1]))) return false;
  const mine = contextScore(text, placed, sel.prefix, sel.suffix);
  const its = contextScore(text, truth.span, sel.prefix, sel.suffix);
  // Neither of the selector's two kinds of evidence, context and position, favours the truth.
  return mine >= its && Math.abs(placed[0] - sel.start) <= Math.abs(truth.span[0] - sel.start);
}
