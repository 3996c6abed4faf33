/**
 * A last look for the orphans of a batch (anchorAll): a passage whose quote the old text held
 * once (copies 0) and the new text holds once, between the new places of its nearest placed
 * neighbours, is that passage, whatever its context says. Its context can be gone on both sides
 * without the passage changing: a sentence moved inside its paragraph, list lines joined into
 * one paragraph of ；-parts. Only a copy that is new text could stand there instead, and the
 * old text's one copy being edited away while a new one appears between the same neighbours is
 * far rarer than a neighbour sentence moving (a paragraph of its own holding only the quote, a
 * pull quote, is still refused). A quote held several times is placed the same way when the new
 * text holds exactly as many copies: they keep their order, and the copy of the passage's rank
 * must be the only one between the neighbours.
 *
 * When the exact quote is found fewer times than that (the passage's own copy changed), it is
 * read other ways, each equating one kind of edit that leaves the passage what it was:
 * - through OCR look-alikes (已/己, 未/末, 0/O, 1/l, 8/B …; lookAlikeFold): a scanned reprint
 *   changes a unit here and there, and a 3-unit number (98% → 9B%) is never searched
 *   approximately; the place may differ in look-alike units only, under half of them;
 * - with numbers in Chinese read as Arabic ones (三千万元 = 3000万元, 二〇二三年 = 2023年,
 *   百分之五十 = 50%; numeralReading);
 * - by its words alone (wordsReading): marks restyled (。” → 」。), line breaks turned into ；,
 *   a short note (以下简称“…”) put inside; the quote's own edge marks must still stand in the run
 *   of marks beside the words, else its edge was edited.
 */
import { occurrences } from './copies';
import { toNormalised, type Doc } from './doc';
import { figureBesideRewritten } from './figureside';
import { noteLineInside } from './noteline';
import { compilePattern, anchoredDistance, levenshtein } from './myers';
import { normalise, normaliseQuote } from './normalise';
import { prefixRun, suffixRun, type Query } from './query';
import type { TextSelector } from './types';

/**
 * Look-alike groups that OCR and hurried retyping confuse, each folded to its first member.
 * Digits and the Latin letters drawn like them; Han characters differing in one short stroke.
 */
const LOOK_ALIKE_GROUPS = [
  '0Oo',
  '1lI',
  '5S',
  '8B',
  '2Z',
  '已己巳',
  '未末',
  '日曰',
  '人入',
  '土士',
  '千干于',
  '本木',
  '自白',
  '田由甲申',
  '今令',
  '天夭',
  '刀力',
  '王玉',
  '戊戌戍',
  '儿几',
  '大太犬',
  '免兔',
  '折拆',
  '侯候',
];

const FOLD = new Map<number, number>();
for (const group of LOOK_ALIKE_GROUPS) for (const ch of group) FOLD.set(ch.charCodeAt(0), group.charCodeAt(0));

/** `s` with every look-alike unit replaced by its group's first member (same length, same offsets). */
export function lookAlikeFold(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const to = FOLD.get(s.charCodeAt(i));
    if (to === undefined || to === s.charCodeAt(i)) continue;
    out += s.slice(from, i) + String.fromCharCode(to);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

const folded = new WeakMap<Doc, string>();

function foldedText(doc: Doc): string {
  let f = folded.get(doc);
  if (f === undefined) {
    f = lookAlikeFold(doc.norm.text);
    folded.set(doc, f);
  }
  return f;
}

/** A placed passage: its old extent and its new one (raw offsets). */
export interface PlacedSpan {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** Old-text distance beyond which a placed neighbour says nothing about where the passage is. */
const PIN_GAP = 3000;
/** Units by which the neighbours' new gap may exceed twice their old one (words inserted between). */
const PIN_SLACK = 200;
/** Quotes shorter than this need an exact run of their context on one side. */
const PIN_BARE = 8;
const PIN_RUN = 4;
/** Units of a paragraph beyond the quote that make a paragraph holding only the quote a copy set apart (a pull quote). */
const PULL_QUOTE_SLACK = 4;

/**
 * The new raw range [lo, hi) between the nearest placed neighbours of `s` in the old text (both
 * needed, each within PIN_GAP, on other old words), when their new gap is not much wider than
 * their old one (times `growth`, the whole text's: see textGrowth); else null.
 */
export function pinnedBracket(placed: readonly PlacedSpan[], s: TextSelector, growth = 1): [number, number] | null {
  let before: PlacedSpan | undefined;
  let after: PlacedSpan | undefined;
  for (const p of placed) {
    if (p.oldEnd <= s.start && (!before || p.oldStart > before.oldStart)) before = p;
    if (p.oldStart >= s.end && (!after || p.oldStart < after.oldStart)) after = p;
  }
  if (!before || !after) return null;
  if (s.start - before.oldStart > PIN_GAP || after.oldStart - s.start > PIN_GAP) return null;
  const lo = before.newEnd;
  const hi = after.newStart;
  if (hi < lo || hi - lo > 2 * Math.max(1, growth) * (after.oldStart - before.oldEnd) + PIN_SLACK) return null;
  return [lo, hi];
}

/** Placed passages, and old units between the first and last, a text's growth needs to be read. */
const GROWTH_PLACED = 8;
const GROWTH_SPAN = 2000;
/** Growth read no higher than this: a text many times longer is another text around the passages. */
const MAX_GROWTH = 4;

/**
 * How much longer the new text is than the old one where the placed passages stand: the new
 * distance between the first and the last of them (in old order) over their old distance; 1
 * with too few of them. A revision that adds words all through the text (a translation after
 * every paragraph) widens every gap between neighbours alike.
 */
export function textGrowth(placed: readonly PlacedSpan[]): number {
  if (placed.length < GROWTH_PLACED) return 1;
  let first = placed[0] as PlacedSpan;
  let last = first;
  for (const p of placed) {
    if (p.oldStart < first.oldStart) first = p;
    if (p.oldStart > last.oldStart) last = p;
  }
  const old = last.oldStart - first.oldStart;
  const now = last.newStart - first.newStart;
  if (old < GROWTH_SPAN || now <= old) return 1;
  return Math.min(MAX_GROWTH, now / old);
}

/** Chinese numerals: digits, then the units 十百千 (万 and 亿 stay as they are: 3000万 is as often written as 三千万). */
const ZH_DIGIT = new Map<string, number>([
  ['〇', 0],
  ['零', 0],
  ['一', 1],
  ['二', 2],
  ['两', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);
const ZH_UNIT = new Map<string, number>([
  ['十', 10],
  ['百', 100],
  ['千', 1000],
]);
/** Chinese numerals by code unit: 0 for none, else their value + 1 (digits 1–10, 十百千 11, 101, 1001). */
const ZH_TABLE = new Uint16Array(0x10000);
for (const [k, v] of [...ZH_DIGIT, ...ZH_UNIT]) ZH_TABLE[k.charCodeAt(0)] = v + 1;
const ZH_VALUE = {
  has: (c: number) => c < 0x10000 && (ZH_TABLE[c] ?? 0) > 0,
  get: (c: number): number | undefined => {
    const v = ZH_TABLE[c] ?? 0;
    return v > 0 ? v - 1 : undefined;
  },
};

/** A run of Chinese numerals in Arabic digits: 二〇二三 → 2023 (digits alone, read one by one), 三千 → 3000, 一百零五 → 105. */
export function arabicOf(run: string): string {
  let units = false;
  for (let i = 0; i < run.length && !units; i++) units = (ZH_VALUE.get(run.charCodeAt(i)) ?? 0) >= 10;
  if (!units) {
    let out = '';
    for (let i = 0; i < run.length; i++) out += ZH_VALUE.get(run.charCodeAt(i)) ?? '';
    return out;
  }
  let section = 0;
  let digit = 0;
  for (let i = 0; i < run.length; i++) {
    const v = ZH_VALUE.get(run.charCodeAt(i)) ?? 0;
    if (v < 10) digit = v;
    else {
      section += (digit || 1) * v;
      digit = 0;
    }
  }
  return String(section + digit);
}

/** A reading of a text with offsets back into it: unit i of `text` stands for source [from[i], to[i]). */
export interface Reading {
  text: string;
  from: Int32Array;
  to: Int32Array;
}

/**
 * `s` with its numbers written in Chinese read as Arabic ones, the way an edition that rewrites
 * them does: 三千元 → 3000元, 二〇二三年 → 2023年, 三点五 → 3.5, 百分之五十 → 50%. Words that merely
 * hold a numeral (统一, 一些) are read the same way in the quote and the text, so they still match.
 */
export function numeralReading(s: string): Reading {
  let from = new Int32Array(s.length + 16);
  let to = new Int32Array(s.length + 16);
  const parts: string[] = [];
  let n = 0;
  let run = 0;
  const room = (k: number) => {
    if (n + k <= from.length) return;
    const size = Math.max(2 * from.length, n + k);
    const f = new Int32Array(size);
    f.set(from);
    from = f;
    const t = new Int32Array(size);
    t.set(to);
    to = t;
  };
  // Plain units are copied in runs; a number is emitted with every unit standing for all of it.
  const emit = (str: string, a: number, b: number) => {
    if (a > run) parts.push(s.slice(run, a));
    parts.push(str);
    room(str.length);
    for (let k = 0; k < str.length; k++) {
      from[n] = a;
      to[n] = b;
      n++;
    }
    run = b;
  };
  const runEnd = (i: number) => {
    let j = i;
    while (j < s.length && ZH_VALUE.has(s.charCodeAt(j))) j++;
    return j;
  };
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    // 百分之 + a number: the number and %.
    if (c === 0x767e && s.charCodeAt(i + 1) === 0x5206 && s.charCodeAt(i + 2) === 0x4e4b) {
      let j = i + 3;
      let digits = '';
      if (isDigit(s.charCodeAt(j))) {
        while (isDigit(s.charCodeAt(j)) || s.charCodeAt(j) === 0x2e) j++;
        digits = s.slice(i + 3, j);
      } else if (ZH_VALUE.has(s.charCodeAt(j))) {
        const [d, e] = zhNumberAt(i + 3);
        digits = d;
        j = e;
      }
      if (digits) {
        emit(digits + '%', i, j);
        i = j;
        continue;
      }
    }
    if (ZH_VALUE.has(c)) {
      const [d, e] = zhNumberAt(i);
      emit(d, i, e);
      i = e;
      continue;
    }
    room(1);
    from[n] = i;
    to[n] = i + 1;
    n++;
    i++;
  }
  if (run < s.length) parts.push(s.slice(run));
  return { text: parts.join(''), from: from.subarray(0, n), to: to.subarray(0, n) };

  /** A Chinese number at i, with 点 and digits after it: its Arabic digits and end. */
  function zhNumberAt(i: number): [string, number] {
    const j = runEnd(i);
    let digits = arabicOf(s.slice(i, j));
    let end = j;
    if (s.charCodeAt(j) === 0x70b9 && (ZH_VALUE.get(s.charCodeAt(j + 1)) ?? 10) < 10) {
      let k = j + 1;
      while (k < s.length && (ZH_VALUE.get(s.charCodeAt(k)) ?? 10) < 10) k++;
      digits += '.' + arabicOf(s.slice(j + 1, k));
      end = k;
    }
    return [digits, end];
  }
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Parenthetical notes read past: up to this many units between the brackets. */
const NOTE_LENGTH = 30;

/**
 * Whether the bare labels among the parenthetical notes the words reading reads past, strictly
 * inside normalised [at, end), hold more units than half the quote's `m`. A note in words (a
 * watermark （未经授权，禁止转载）, （下同）) is put into a sentence and read past whatever its length;
 * a bracketed numeral alone ((四), (3)) is no note but a list item's label, new words set into the
 * passage, and inside a quote of a few units it is as much of the place as the passage's own
 * words: more new text than passage, as a rewrite of over half a quote no longer is the passage.
 */
function labelsOutweigh(norm: string, m: number, at: number, end: number): boolean {
  let inLabels = 0;
  for (let i = at + 1; i < end - 1; i++) {
    if (norm.charCodeAt(i) !== 0x28) continue;
    const close = norm.indexOf(')', i + 1);
    if (close < 0 || close > end - 2 || close - i - 1 > NOTE_LENGTH) continue;
    if (BARE_LABEL.test(norm.slice(i + 1, close))) inLabels += close - i + 1;
    i = close;
  }
  return inLabels * 2 > m;
}

/** A list item's label inside brackets: a numeral alone, in digits or in Chinese. */
const BARE_LABEL = /^[0-9〇零一二两三四五六七八九十百]{1,4}$/;

/** Whether a comparison unit is part of a word (a letter or digit of any script), not a mark. */
function wordUnit(c: number): boolean {
  // % belongs to its number (50% is 百分之五十 read).
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x25;
  if (c < 0x2000) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
  // General punctuation, arrows, symbols, CJK marks (、。「」【】〔〕…) and full-width forms are marks.
  if (c < 0x3040) return false;
  if (c >= 0xfe10 && c <= 0xfe6f) return false;
  return c < 0xff00 || c >= 0xff66;
}

/**
 * The words of `s` alone: every mark dropped, and short parenthetical notes with their brackets
 * ((以下简称“…”), (下同), (注：…)), which editions add and drop inside sentences. A passage whose
 * marks were restyled (。” → ”。), whose line breaks became ；, or with a note put inside it reads
 * the same as before.
 */
export function wordsReading(s: string): Reading {
  const from = new Int32Array(s.length);
  const to = new Int32Array(s.length);
  let out = '';
  let n = 0;
  let run = 0;
  const flush = (i: number) => {
    if (i > run) out += s.slice(run, i);
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x28) {
      const close = s.indexOf(')', i + 1);
      const open = s.indexOf('(', i + 1);
      if (close > i && close - i - 1 <= NOTE_LENGTH && (open < 0 || open > close)) {
        flush(i);
        i = close;
        run = close + 1;
        continue;
      }
    }
    if (!wordUnit(c)) {
      flush(i);
      run = i + 1;
      continue;
    }
    from[n] = i;
    to[n] = i + 1;
    n++;
  }
  flush(s.length);
  return { text: out, from: from.subarray(0, n), to: to.subarray(0, n) };
}

/** `outer` read again by `inner` (a reading of outer.text): offsets back into outer's source. */
function composed(outer: Reading, inner: Reading): Reading {
  const from = new Int32Array(inner.text.length);
  const to = new Int32Array(inner.text.length);
  for (let i = 0; i < inner.text.length; i++) {
    from[i] = outer.from[inner.from[i] ?? 0] ?? 0;
    to[i] = outer.to[(inner.to[i] ?? 1) - 1] ?? 0;
  }
  return { text: inner.text, from, to };
}

type ReadingName = 'numerals' | 'words' | 'numeralWords';
const READERS: Record<ReadingName, (s: string) => Reading> = {
  numerals: numeralReading,
  words: wordsReading,
  numeralWords: (s) => {
    const r = numeralReading(s);
    return composed(r, wordsReading(r.text));
  },
};

const readings = new WeakMap<Doc, Map<ReadingName, Reading>>();

function readingOf(doc: Doc, name: ReadingName): Reading {
  let byName = readings.get(doc);
  if (!byName) readings.set(doc, (byName = new Map()));
  let r = byName.get(name);
  if (!r) byName.set(name, (r = READERS[name](doc.norm.text)));
  return r;
}

/**
 * A place found by words alone, widened over the marks the quote begins and ends with, which must
 * stand in the run of marks right there (in any order, others between: 。” restyled as 」。; short
 * notes read past); null when they do not: words inserted between the quote's edge mark and its
 * words are an edit of the passage's edge, not a restyling.
 */
function withEdgeMarks(norm: string, quote: string, at: number, end: number): [number, number] | null {
  let lead = 0;
  while (lead < quote.length && !wordUnit(quote.charCodeAt(lead))) lead++;
  let trail = 0;
  while (trail < quote.length - lead && !wordUnit(quote.charCodeAt(quote.length - 1 - trail))) trail++;
  const start = lead ? marksReach(norm, quote.slice(0, lead), at, -1) : at;
  const stop = trail ? marksReach(norm, quote.slice(quote.length - trail), end, 1) : end;
  return start === null || stop === null ? null : [start, stop];
}

/** Marks looked through next to a place, at most. */
const MARK_RUN = 8;

/**
 * From `from`, going `step`, through marks (and short notes) only: the offset where all of
 * `marks` have been met, or null when a word or the run's end comes first.
 */
function marksReach(norm: string, marks: string, from: number, step: 1 | -1): number | null {
  const wanted = new Map<number, number>();
  for (let k = 0; k < marks.length; k++) wanted.set(marks.charCodeAt(k), (wanted.get(marks.charCodeAt(k)) ?? 0) + 1);
  let left = marks.length;
  let i = from;
  for (let seen = 0; seen < MARK_RUN + marks.length; seen++) {
    const at = step === 1 ? i : i - 1;
    if (at < 0 || at >= norm.length) return null;
    const c = norm.charCodeAt(at);
    // A short note read past, as the words reading does.
    if (step === 1 && c === 0x28) {
      const close = norm.indexOf(')', at + 1);
      if (close > at && close - at - 1 <= NOTE_LENGTH && !norm.slice(at + 1, close).includes('(')) {
        i = close + 1;
        continue;
      }
    }
    if (step === -1 && c === 0x29) {
      const open = norm.lastIndexOf('(', at - 1);
      if (open >= 0 && at - 1 - open <= NOTE_LENGTH && !norm.slice(open + 1, at).includes(')')) {
        i = open;
        continue;
      }
    }
    if (wordUnit(c)) return null;
    const n = wanted.get(c) ?? 0;
    if (n > 0) {
      wanted.set(c, n - 1);
      left--;
    }
    i += step;
    if (left === 0) return i;
  }
  return null;
}

/** Units read beyond the bracket when trying a reading on its words alone (a note cut by its edge). */
const BRACKET_MARGIN = NOTE_LENGTH + 2;

/** Units a quote read another way must keep. */
const MIN_READ = 2;

const HAS_NUMBER = /[0-9〇零一二两三四五六七八九十百千]/;

/** Occurrences of a quote counted at most: more than a passage's recorded copies (MAX_COPIES) are never needed. */
const MAX_OCCURRENCES = 80;

/**
 * Where the orphan `s` is, as a normalised [start, end) with its differing units, or null. The
 * quote's occurrences in the new text, exactly or else read through look-alikes, number as many
 * as the old text held (copies + 1): none lost or gained, so they keep their order and the one of
 * the passage's rank (copyRank) is its own; it must lie inside `bracket`, alone there.
 */
export function pinnedPlace(
  doc: Doc,
  q: Query,
  s: TextSelector,
  bracket: [number, number],
  exactOnly = false,
): { start: number; end: number; errors: number } | null {
  const copies = s.copies;
  if (typeof copies !== 'number' || q.quote.length < 2) return null;
  const rank = copies === 0 ? 0 : s.copyRank;
  if (typeof rank !== 'number' || rank < 0 || rank > copies) return null;
  const m = q.quote.length;
  const norm = doc.norm.text;
  // Normalised [start, end) of each occurrence, in the first reading that finds copies + 1 of them.
  let found: [number, number][] = occurrences(norm, q.quote, MAX_OCCURRENCES).map((at) => [at, at + m]);
  let reading: 'exact' | 'lookalike' | ReadingName = 'exact';
  // A copy gained: one is new text, and nothing tells which.
  if (found.length > copies + 1) return null;
  if (found.length <= copies) {
    // A far frame (farbracket.ts) reads the exact quote only: its copies' order is all it has.
    if (exactOnly) return null;
    // A copy lost: the passage's own may be the one a look-alike swap changed, a number rewritten
    // or a mark restyled.
    // Each reading is first tried on the bracket's words alone: the whole text is read only when
    // the passage may be there (most orphans' words are gone).
    const lo = Math.max(0, toNormalised(doc, bracket[0]) - BRACKET_MARGIN);
    const region = norm.slice(lo, toNormalised(doc, bracket[1]) + BRACKET_MARGIN);
    const folded = lookAlikeFold(q.quote);
    reading = 'lookalike';
    found = lookAlikeFold(region).includes(folded) ? occurrences(foldedText(doc), folded, MAX_OCCURRENCES).map((at) => [at, at + m]) : [];
    // The old text held the quote's words alone more often than the quote (a look-alike with a mark
    // inside): a place found by words alone may be that look-alike, its count says nothing.
    const wordsTold = !(typeof s.wordCopies === 'number' && s.wordCopies > copies);
    const names: ReadingName[] = (HAS_NUMBER.test(q.quote) ? ['numerals', 'words', 'numeralWords'] : ['words']).filter(
      (name) => name === 'numerals' || wordsTold,
    ) as ReadingName[];
    for (const name of names) {
      if (found.length === copies + 1) break;
      reading = name;
      const read = READERS[name](q.quote).text;
      // A quote of marks and a word or two says nothing once its marks are gone.
      if (read.length < MIN_READ) return null;
      if (!READERS[name](region).text.includes(read)) {
        found = [];
        continue;
      }
      const r = readingOf(doc, name);
      found = occurrences(r.text, read, MAX_OCCURRENCES).map((at) => [r.from[at] ?? 0, r.to[at + read.length - 1] ?? 0]);
    }
    if (found.length !== copies + 1) return null;
  }
  let [at, end] = found[rank] as [number, number];
  if (reading === 'words' || reading === 'numeralWords') {
    const widened = withEdgeMarks(norm, q.quote, at, end);
    if (!widened) return null;
    [at, end] = widened;
    // Not read past a note standing as a line of its own between the passage's paragraphs (noteline.ts).
    if (noteLineInside(doc, q.quote, at, end)) return null;
    // Nor past a list label set inside a quote of a few units: more than half of it new text (labelsOutweigh).
    if (reading === 'words' && labelsOutweigh(norm, m, at, end)) return null;
  }
  let errors = 0;
  if (reading === 'lookalike') {
    for (let i = 0; i < m; i++) if (norm.charCodeAt(at + i) !== q.quote.charCodeAt(i)) errors++;
    // Most of the passage must be its very units; a look-alike of the old text no closer than this is no evidence.
    if (errors * 2 >= m || errors > Math.ceil(m / 3)) return null;
    if (typeof s.nearErrors === 'number' && errors >= s.nearErrors) return null;
  } else if (reading !== 'exact') {
    errors = anchoredDistance(compilePattern(q.quote), norm, at, Math.min(norm.length - at, end - at + m), 1);
  }
  const inside = ([a, b]: [number, number]) => (doc.norm.map[a] ?? 0) >= bracket[0] && (doc.norm.ends[b - 1] ?? 0) <= bracket[1];
  if (!inside([at, end]) || found.some((o, k) => k !== rank && inside(o))) return null;
  if (m < PIN_BARE && Math.max(prefixRun(norm, q, at), suffixRun(norm, q, end)) < PIN_RUN) return null;
  if (m < PIN_BARE && editedElsewhere(norm, q, at, end, [toNormalised(doc, bracket[0]), toNormalised(doc, bracket[1])])) return null;
  // Nor a figure whose neighbour figure on the side it lacks was rewritten (figureside.ts).
  if (m < PIN_BARE && figureBesideRewritten(norm, q, at, end)) return null;
  if (pullQuote(doc, s, at, end)) return null;
  return { start: at, end, errors };
}

/**
 * For describe(): the other occurrences of the quote's words alone (wordsReading) in the old text
 * `doc`, when there are more of them than of the quote itself (`copies`); else null.
 */
export function wordCopiesIn(doc: Doc, quote: string, copies: number): number | null {
  const read = wordsReading(quote).text;
  if (read.length < MIN_READ) return null;
  const n = occurrences(readingOf(doc, 'words').text, read, MAX_OCCURRENCES).length - 1;
  return n > copies ? n : null;
}

/**
 * Whether a placement, normalised [from, to), not the quote itself, is the quote's words with
 * other marks while the old text held those words alone more often than the quote (wordCopies)
 * and the new text holds them no more often than the other runs were: the run lost may be the
 * passage's own (——时势造英雄 with its paragraph cut) and this the look-alike the old text had
 * elsewhere (时势造英雄 after a line cut to ……), whose marks the approximate search read as the
 * quote's. Nothing stored tells the look-alike's context from the passage's.
 */
export function onWordsLookAlike(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  const others = s.wordCopies;
  if (typeof others !== 'number' || !Number.isInteger(others) || others <= (s.copies ?? 0)) return false;
  const quote = normaliseQuote(s);
  const placed = doc.norm.text.slice(from, to);
  if (placed === quote) return false;
  const read = wordsReading(quote).text;
  if (read.length < MIN_READ || wordsReading(placed).text !== read) return false;
  return occurrences(readingOf(doc, 'words').text, read, others + 1).length <= others;
}

/** Units of a lost side's stored context looked for elsewhere in the bracket. */
const SIDE_KEY = 6;

/**
 * A short quote placed with its stored context on one side only, while the other side's stored
 * context stands elsewhere in the bracket beside an edited form of the quote: the passage went
 * there, edited, and the exact words here are new text. A clause inserted before 第二十九条
 * renumbers it 第三十条 and the new clause takes 第二十九条 right after the same paragraph; a
 * neighbour sentence merely moved away leaves no edited quote beside its words.
 */
function editedElsewhere(norm: string, q: Query, at: number, end: number, [lo, hi]: [number, number]): boolean {
  const m = q.quote.length;
  const near = (w: string) => w !== q.quote && levenshtein(w, q.quote) * 2 < m;
  if (suffixRun(norm, q, end) < PIN_RUN && q.suffixText.length >= SIDE_KEY) {
    const key = q.suffixText.slice(0, SIDE_KEY);
    for (let f = norm.indexOf(key, lo); f >= 0 && f < hi; f = norm.indexOf(key, f + 1)) {
      if (f === end) continue;
      for (let len = Math.max(1, m - 2); len <= m + 2; len++) if (f - len >= 0 && near(norm.slice(f - len, f))) return true;
    }
  }
  if (prefixRun(norm, q, at) < PIN_RUN && q.prefixText.length >= SIDE_KEY) {
    const key = q.prefixText.slice(-SIDE_KEY);
    for (let f = norm.indexOf(key, lo); f >= 0 && f < hi; f = norm.indexOf(key, f + 1)) {
      const after = f + SIDE_KEY;
      if (after === at) continue;
      for (let len = Math.max(1, m - 2); len <= m + 2; len++) if (near(norm.slice(after, after + len))) return true;
    }
  }
  return false;
}

/** A sentence's end, a closing quotation mark or bracket allowed after it. */
const SENTENCE_END = /[。！？!?…][”’」』）)]?$/u;

/** Whether the quote began its old paragraph (a line break, or the text's start, right before it). */
function openedParagraph(s: TextSelector): boolean {
  const bare = s.prefix.replace(/[ \t\u3000]+$/u, '');
  return bare.length === 0 ? s.start === s.prefix.length : bare.endsWith('\n');
}

/**
 * The place is a paragraph of its own holding only the quote (marks at its edges aside) while the
 * passage's old paragraph was longer: a copy set apart, new text, not the passage.
 */
function pullQuote(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  const old = s.paraLength;
  if (typeof old !== 'number' || old <= to - from + PULL_QUOTE_SLACK) return false;
  // The old paragraph's opening sentences, whole: an abridged reprint cuts a paragraph to its first
  // sentence (or few), which then stands alone where the paragraph stood. A pull quote sets apart
  // any striking sentence; this reading takes only one that opened its paragraph.
  if (openedParagraph(s) && SENTENCE_END.test(s.exact)) return false;
  const raw = doc.raw;
  const lineStart = raw.lastIndexOf('\n', (doc.norm.map[from] ?? 0) - 1) + 1;
  let lineEnd = raw.indexOf('\n', doc.norm.ends[to - 1] ?? 0);
  if (lineEnd < 0) lineEnd = raw.length;
  const words = (a: number, b: number) => normalise(raw.slice(a, b)).replace(/[^\p{L}\p{N}]/gu, '').length;
  const outside = words(lineStart, doc.norm.map[from] ?? 0) + words(doc.norm.ends[to - 1] ?? 0, lineEnd);
  return outside === 0 && toNormalised(doc, lineEnd) - toNormalised(doc, lineStart) <= to - from + PULL_QUOTE_SLACK;
}
