/**
 * How many copies of its quote a passage's text held, and how much of its context they shared.
 * describe() records the quote's other occurrences in the old text (`copies`, comparison form)
 * and the most units of the stored context found next to any of them (`copyContext`, by edit
 * distance). Anchoring counts the quote in the new text: fewer copies there means one was
 * deleted or edited, and the passage's own may be the one gone. A copy found elsewhere is then
 * the passage only if more of its stored context stands next to it than stood next to any other
 * copy (another copy, unchanged, shows no more than it did), or if neighbours say so (index.ts).
 */
import { indexedDocumentOf, lineBreakBefore, occurrencesIn, toNormalised, type Doc } from './doc';
import { anchoredDistance, compilePattern, type Pattern } from './myers';
import { normalise, normalisePrefix, normaliseQuote, normaliseSuffix, storedForms } from './normalise';
import { fingerprint, paragraphRange } from './paragraphs';
import { CONTEXT_READ, reverse } from './query';
import { CONTEXT_LENGTH, type TextSelector } from './types';

/** Copies counted at most: a quote this common (一个, 2020年) says nothing by its count. */
export const MAX_COPIES = 64;
/**
 * Occurrences whose context describe() compares, at most; past that no context can set the passage
 * apart (copyContext is then more than the stored context holds).
 */
const MAX_CONTEXT_SCAN = 4096;

export interface CopyCounts {
  copies: number;
  copyContext: number;
  copyRank: number;
}

/** Occurrences of `quote` in `text` (overlapping ones too), up to `limit`. */
export function occurrences(text: string, quote: string, limit: number): number[] {
  // The same occurrences, in the same order, through the trigram index when the text is an indexed document's.
  if (quote.length > 0 && limit > 0) {
    const doc = indexedDocumentOf(text);
    if (doc) return occurrencesIn(doc, quote, limit);
  }
  const out: number[] = [];
  for (let at = text.indexOf(quote); at >= 0 && out.length < limit; at = text.indexOf(quote, at + 1)) out.push(at);
  return out;
}

/**
 * A context side shorter than CONTEXT_LENGTH reached the text's edge (or was cut short by a
 * surrogate pair there): the passage stood at that edge, which no other copy can share.
 */
function atEdges(s: Pick<TextSelector, 'prefix' | 'suffix'>): { start: boolean; end: boolean } {
  return { start: s.prefix.length < CONTEXT_LENGTH, end: s.suffix.length < CONTEXT_LENGTH };
}

export interface Sides {
  prefix: string;
  suffix: string;
  /** The prefix reversed and the suffix, compiled for anchoredDistance. */
  before: Pattern | null;
  after: Pattern | null;
  edge: { start: boolean; end: boolean };
}

export function sidesOf(s: Pick<TextSelector, 'exact' | 'prefix' | 'suffix' | 'start'>): Sides {
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  return {
    prefix,
    suffix,
    before: prefix ? compilePattern(reverse(prefix)) : null,
    after: suffix ? compilePattern(suffix) : null,
    edge: atEdges(s),
  };
}

/**
 * Units of the stored context found next to norm[from, to): each side's length less its edit
 * distance there, so an edit a few units off the quote costs only its own units. A side that
 * reached the text's edge, found whole at the edge again, counts one more (the edge is context).
 */
export function contextMatch(norm: string, from: number, to: number, sides: Sides): number {
  const { prefix, suffix, before, after, edge } = sides;
  let m = 0;
  if (before) m += prefix.length - anchoredDistance(before, norm, from - 1, Math.min(from, prefix.length + CONTEXT_READ), -1);
  if (after) m += suffix.length - anchoredDistance(after, norm, to, Math.min(norm.length - to, suffix.length + CONTEXT_READ), 1);
  if (edge.start && from === prefix.length && norm.startsWith(prefix)) m++;
  if (edge.end && to + suffix.length === norm.length && norm.endsWith(suffix)) m++;
  return m;
}

/** Whether a context side that reached the old text's edge is found whole at the new text's edge next to norm[from, to). */
function atSameEdge(norm: string, from: number, to: number, sides: Sides): boolean {
  const { prefix, suffix, edge } = sides;
  return (
    (edge.start && from === prefix.length && norm.startsWith(prefix)) ||
    (edge.end && to + suffix.length === norm.length && norm.endsWith(suffix))
  );
}

/**
 * The quote's other occurrences in the old text `norm` (comparison form, capped at MAX_COPIES)
 * and the longest context run next to any of them; null when the quote occurs once. `own` is the
 * passage's normalised start.
 */
export function copyCounts(norm: string, own: number, s: Pick<TextSelector, 'exact' | 'prefix' | 'suffix' | 'start'>): CopyCounts | null {
  const quote = normaliseQuote(s);
  if (quote.length === 0) return null;
  const found = occurrences(norm, quote, MAX_COPIES + 1);
  const others = found.filter((at) => at !== own);
  // A quote the old text held once says so: a new text holding it more often has gained copies.
  if (others.length === 0) return found.length === 1 ? { copies: 0, copyContext: 0, copyRank: 0 } : null;
  const sides = sidesOf(s);
  // The context is compared at every occurrence, not only the first MAX_COPIES: a common quote (11,
  // 2020年) of a page the text holds twice has its twin, context and all, far down the list.
  const all = found.length > MAX_COPIES ? occurrences(norm, quote, MAX_CONTEXT_SCAN + 1) : found;
  let copyContext = 0;
  if (all.length > MAX_CONTEXT_SCAN) copyContext = sides.prefix.length + sides.suffix.length + 2;
  else for (const at of all) if (at !== own) copyContext = Math.max(copyContext, contextMatch(norm, at, at + quote.length, sides));
  return { copies: Math.min(others.length, MAX_COPIES), copyContext, copyRank: found.filter((at) => at < own).length };
}

/** Whether the new text holds fewer copies of the (normalised) quote than the old one did. */
export function copiesLost(doc: Doc, quote: string, s: TextSelector): boolean {
  const old = s.copies;
  if (typeof old !== 'number' || !Number.isInteger(old) || old <= 0 || old >= MAX_COPIES || quote.length === 0) return false;
  return occurrencesIn(doc, quote, old + 1).length < old + 1;
}

/**
 * Units of context by which a copy must beat every other copy's: one or two more are what an
 * alignment finds by chance (a full stop or a break that any sentence end has).
 */
export const OWN_CONTEXT_MARGIN = 2;

/**
 * Whether the copy of the quote at normalised [from, to) has more of the stored context next to
 * it than any other copy had in the old text: no other copy, unchanged, can be this one.
 */
export function ownContextAt(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  const known = s.copyContext;
  if (typeof known !== 'number' || !Number.isInteger(known) || known < 0) return false;
  const sides = sidesOf(s);
  const m = contextMatch(doc.norm.text, from, to, sides);
  // A side found whole at the text's edge again is no chance: no other copy can stand there.
  return m > known + OWN_CONTEXT_MARGIN || (m > known && atSameEdge(doc.norm.text, from, to, sides));
}

/** Units of a stored side that must stand unbroken past an edit for the side to count as resuming there. */
const RESUME_RUN = 8;

/** Whether some RESUME_RUN units of `side` stand in norm[lo, hi). */
function resumes(norm: string, side: string, lo: number, hi: number): boolean {
  const window = norm.slice(Math.max(0, lo), Math.max(0, hi));
  for (let k = 0; k + RESUME_RUN <= side.length; k++) if (window.includes(side.slice(k, k + RESUME_RUN))) return true;
  return false;
}

/**
 * Units of the stored context next to norm[from, to) that are no chance: on each side the run of
 * it unbroken from the placement, or, where the side resumes past an edit (RESUME_RUN units of it
 * standing together within its reach: a line dropped between, a clause rewritten), the side as
 * contextMatch reads it. A side past an edit that only shares scattered units with the text there
 * (的, ，, a 近 or 一张 in a sentence that follows any copy) adds nothing; a side reaching the text's
 * edge, found whole at the edge again, one more.
 */
export function contextRunsAt(doc: Doc, s: TextSelector, from: number, to: number): number {
  const { prefix, suffix, before, after, edge } = sidesOf(s);
  const norm = doc.norm.text;
  let runBefore = 0;
  while (runBefore < prefix.length && from - 1 - runBefore >= 0 && norm[from - 1 - runBefore] === prefix[prefix.length - 1 - runBefore])
    runBefore++;
  let runAfter = 0;
  while (runAfter < suffix.length && to + runAfter < norm.length && norm[to + runAfter] === suffix[runAfter]) runAfter++;
  let m = runBefore + runAfter;
  const reachBefore = Math.min(from, prefix.length + CONTEXT_READ);
  if (
    before &&
    runBefore < prefix.length &&
    resumes(norm, prefix.slice(0, prefix.length - runBefore), from - reachBefore, from - runBefore)
  ) {
    m += Math.max(0, prefix.length - anchoredDistance(before, norm, from - 1, reachBefore, -1) - runBefore);
  }
  const reachAfter = Math.min(norm.length - to, suffix.length + CONTEXT_READ);
  if (after && runAfter < suffix.length && resumes(norm, suffix.slice(runAfter), to + runAfter, to + reachAfter)) {
    m += Math.max(0, suffix.length - anchoredDistance(after, norm, to, reachAfter, 1) - runAfter);
  }
  if (edge.start && from === prefix.length && runBefore === prefix.length) m++;
  if (edge.end && to + suffix.length === norm.length && runAfter === suffix.length) m++;
  return m;
}

/** Units of a stored neighbouring line that must show in the line beside a break for context beyond it to count. */
const LINE_OPENING = 4;
/** Units of a neighbouring line read, at most, looking for them. */
const LINE_READ = 4 * CONTEXT_LENGTH;

/** The comparison form of the line that begins (dir 1) or ends (dir −1) at normalised `at`, at most LINE_READ units. */
function lineBeside(doc: Doc, at: number, dir: 1 | -1): string {
  const norm = doc.norm.text;
  if (dir === 1) {
    let end = at + 1;
    while (end < norm.length && end - at < LINE_READ && !lineBreakBefore(doc, end)) end++;
    return norm.slice(at, Math.min(end, norm.length));
  }
  let head = at - 1;
  while (head > 0 && at - head < LINE_READ && !lineBreakBefore(doc, head)) head--;
  return norm.slice(Math.max(0, head), at);
}

/**
 * ownContextAt, with context beyond a line break counted only where the stored neighbouring line
 * is still the line beside the break (its first LINE_OPENING stored units show in it): a side
 * whose own line stands up to the break while another line stands beyond is cut there.
 * Approximate matching otherwise reads the stored neighbouring line past a line inserted between,
 * or the line before it across one deleted: a block moved across copies (a 答记者问 reordered) put
 * the passage's old neighbour after another copy's own line, or an excerpt deleted the line
 * before a twin heading, and that copy then looks more like the passage than its own copy does.
 * A neighbouring line edited (its end cut) still shows its words and keeps its context.
 */
export function ownContextBesideLines(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  const known = s.copyContext;
  if (typeof known !== 'number' || !Number.isInteger(known) || known < 0) return false;
  const norm = doc.norm.text;
  const forms = storedForms(s);
  let { prefix, suffix } = forms;
  let cut = false;
  const ownAfter = forms.suffixBeforeBreak;
  if (ownAfter !== null && ownAfter < suffix.length) {
    const at = to + ownAfter;
    const opening = suffix.slice(ownAfter, ownAfter + LINE_OPENING);
    if (norm.startsWith(suffix.slice(0, ownAfter), to) && lineBreakBefore(doc, at) && !lineBeside(doc, at, 1).includes(opening)) {
      suffix = suffix.slice(0, ownAfter);
      cut = true;
    }
  }
  const ownBefore = forms.prefixAfterBreak;
  const lines = s.prefix.split('\n');
  if (ownBefore !== null && ownBefore < prefix.length && lines.length >= 2) {
    const at = from - ownBefore;
    // The stored line before, as far as the prefix holds it (cut at its head by the context's length).
    const opening = normalise(lines[lines.length - 2] ?? '', lines.length > 2).slice(0, LINE_OPENING);
    if (
      opening.length > 0 &&
      norm.endsWith(prefix.slice(prefix.length - ownBefore), from) &&
      lineBreakBefore(doc, at) &&
      !lineBeside(doc, at, -1).includes(opening)
    ) {
      prefix = prefix.slice(prefix.length - ownBefore);
      cut = true;
    }
  }
  if (!cut) return ownContextAt(doc, s, from, to);
  const sides: Sides = {
    prefix,
    suffix,
    before: prefix ? compilePattern(reverse(prefix)) : null,
    after: suffix ? compilePattern(suffix) : null,
    edge: { start: false, end: false },
  };
  return contextMatch(norm, from, to, sides) > known + OWN_CONTEXT_MARGIN;
}

/**
 * Where the quote's own copy must be when the new text holds exactly as many copies as the old
 * one did: copies keep their order unless text moves across another copy, so the copy of the
 * same rank (normalised start); null when the count changed or no rank was recorded.
 */
export function sameRankCopy(doc: Doc, quote: string, s: TextSelector): number | null {
  const old = s.copies;
  const rank = s.copyRank;
  if (typeof old !== 'number' || !Number.isInteger(old) || old <= 0 || old >= MAX_COPIES || quote.length === 0) return null;
  if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 0 || rank > old) return null;
  const found = occurrencesIn(doc, quote, old + 2);
  return found.length === old + 1 ? (found[rank] ?? null) : null;
}

/** Units of the stored context standing next to the copy at normalised [from, to), and the most there could be. */
export function contextAt(doc: Doc, s: TextSelector, from: number, to: number): { found: number; full: number } {
  const sides = sidesOf(s);
  return { found: contextMatch(doc.norm.text, from, to, sides), full: sides.prefix.length + sides.suffix.length };
}

/** Whether the new text holds more copies of the (normalised) quote than the old one did: some are new text. */
export function copiesGained(doc: Doc, quote: string, s: TextSelector): boolean {
  const old = s.copies;
  if (typeof old !== 'number' || !Number.isInteger(old) || old < 0 || old >= MAX_COPIES || quote.length === 0) return false;
  return occurrencesIn(doc, quote, old + 2).length > old + 1;
}

/**
 * The normalised [from, to) of the raw paragraph holding normalised unit `at`; marks at its edges
 * (a ■ or ▲ before a pull quote, its closing stop) are not its words and are left out.
 */
function paragraphWords(doc: Doc, at: number): [number, number] {
  const raw = doc.norm.map[at] ?? 0;
  const [pf, pt] = paragraphRange(doc.raw, raw, raw + 1);
  return wordsBetween(doc, pf, pt);
}

/** The normalised [from, to) of the raw paragraph [pf, pt), marks at its edges left out. */
function wordsBetween(doc: Doc, pf: number, pt: number): [number, number] {
  let from = toNormalised(doc, pf);
  let to = toNormalised(doc, pt);
  const words = doc.norm.text.slice(from, to);
  const lead = words.length - words.replace(/^[^\p{L}\p{N}]+/u, '').length;
  const trail = words.length - words.replace(/[^\p{L}\p{N}]+$/u, '').length;
  from += lead;
  to = Math.max(from, to - trail);
  return [from, to];
}

/**
 * A copy of the quote at normalised `at` that may restate another paragraph (a pull quote, a
 * summary line set on its own): its whole paragraph, marks at its edges aside, is a stretch of
 * another paragraph, longer or with other marks. Returns the quote's start at the same place in
 * each such stretch (a summary box on top may hold the words too). Which of them is the
 * passage, likestParagraph says.
 */
export function restatedFrom(doc: Doc, quote: string, at: number): number[] {
  const [from, to] = paragraphWords(doc, at);
  // The quote may take in marks at the paragraph's edges (a closing stop), not more.
  const raw = doc.norm.map[at] ?? 0;
  const [pf, pt] = paragraphRange(doc.raw, raw, raw + 1);
  if (at < toNormalised(doc, pf) || at + quote.length > toNormalised(doc, pt) || to <= from) return [];
  const words = doc.norm.text.slice(from, to);
  const sources: number[] = [];
  for (let o = doc.norm.text.indexOf(words); o >= 0 && sources.length < MAX_COPIES; o = doc.norm.text.indexOf(words, o + 1)) {
    if (o === from) continue;
    const [pf, pt] = paragraphWords(doc, o);
    // The same paragraph printed twice, marks and all, is a twin, not a restatement.
    if (pt - pf < words.length || (pt - pf === words.length && paragraphLength(doc, o, o + 1) === paragraphLength(doc, from, from + 1)))
      continue;
    if (doc.norm.text.startsWith(quote, o + (at - from))) sources.push(o + (at - from));
  }
  return sources;
}

/**
 * Of the copies at `sources`, the one whose paragraph is nearest the passage's old paragraph in
 * size (`paraLength`) and nearer than the paragraph of the copy at `at`; null when two are
 * equally near or none is nearer: of a copy and the paragraphs it restates, the one that kept
 * the old paragraph's size is the passage.
 */
export function likestParagraph(doc: Doc, s: TextSelector, quote: string, at: number, sources: readonly number[]): number | null {
  const old = s.paraLength;
  if (typeof old !== 'number' || !Number.isInteger(old) || old <= 0) return null;
  const off = (o: number) => Math.abs(paragraphLength(doc, o, o + quote.length) - old);
  let best: number | null = null;
  let bestOff = off(at);
  let tie = false;
  for (const o of sources) {
    const d = off(o);
    if (d < bestOff) {
      best = o;
      bestOff = d;
      tie = false;
    } else if (d === bestOff && best !== null) tie = true;
  }
  return tie ? null : best;
}

/**
 * Whether the paragraph holding normalised `at` stands right next to the same paragraph, marks
 * and all, or next to one that ends (before it) or begins (after it) with its words: a paragraph
 * set twice in a row. When the new text gained
 * a copy of the quote there, either of the two can be the new one (A S S B reads the same
 * whichever was inserted), and each keeps the stored context on one side only.
 */
export function twinBeside(doc: Doc, at: number): boolean {
  const raw = doc.raw;
  const pos = doc.norm.map[at] ?? 0;
  const [pf, pt] = paragraphRange(raw, pos, pos + 1);
  const own = doc.norm.text.slice(toNormalised(doc, pf), toNormalised(doc, pt));
  if (own.length === 0) return false;
  // Marks and all: a paragraph with other marks (■ before a pull quote) restates it (restatedFrom).
  const sameWords = (f: number, t: number) => doc.norm.text.slice(toNormalised(doc, f), toNormalised(doc, t)) === own;
  // Or the paragraph's words end the paragraph before it or begin the one after (S set twice
  // across one break, one of them run into its neighbour: A；S ⏎ S ⏎ B): the two copies meet at
  // the break, and again each keeps the stored context on one side only.
  // Only a paragraph of some words, run in after a mark into a paragraph of its own words (a
  // line of one number ends many paragraphs; a numbered heading 二、 restating it is no paragraph).
  const runIn = own.length >= RUN_IN_MIN;
  const ranInto = (rest: string, mark: string) => !WORD_UNIT.test(mark) && (rest.match(WORD_UNITS)?.length ?? 0) >= RUN_IN_MIN;
  const endsWith = (f: number, t: number) => {
    const words = doc.norm.text.slice(toNormalised(doc, f), toNormalised(doc, t));
    const cut = words.length - own.length;
    return runIn && cut > 0 && words.endsWith(own) && ranInto(words.slice(0, cut - 1), words.charAt(cut - 1));
  };
  const startsWith = (f: number, t: number) => {
    const words = doc.norm.text.slice(toNormalised(doc, f), toNormalised(doc, t));
    return runIn && words.length > own.length && words.startsWith(own) && ranInto(words.slice(own.length + 1), words.charAt(own.length));
  };
  // The nearest non-empty paragraph on each side.
  let before = pf - 1;
  while (before > 0 && raw.charCodeAt(before - 1) === 10) before--;
  if (before > 0) {
    const start = raw.lastIndexOf('\n', before - 1) + 1;
    if (sameWords(start, before) || endsWith(start, before)) return true;
  }
  let after = pt + 1;
  while (after < raw.length && raw.charCodeAt(after) === 10) after++;
  if (after >= raw.length) return false;
  const end = raw.indexOf('\n', after);
  return sameWords(after, end < 0 ? raw.length : end) || startsWith(after, end < 0 ? raw.length : end);
}

/** Units a paragraph needs before its words run into a neighbour count as the same paragraph set twice. */
const RUN_IN_MIN = 8;
const WORD_UNIT = /[\p{L}\p{N}]/u;
const WORD_UNITS = /[\p{L}\p{N}]/gu;

/** Units, in the comparison form, of the paragraph(s) holding normalised [from, to). */
export function paragraphLength(doc: Doc, from: number, to: number): number {
  const start = doc.norm.map[from] ?? 0;
  const end = (doc.norm.map[Math.max(from, to - 1)] ?? 0) + 1;
  const [pf, pt] = paragraphRange(doc.raw, start, end);
  return toNormalised(doc, pt) - toNormalised(doc, pf);
}

/**
 * Whether the exact copy of the quote at normalised `from` is one of copies the stored context
 * cannot tell apart (another copy had all of it, copyContext), in a paragraph whose length differs
 * from the passage's old paragraph (paraLength) while another copy's paragraph has exactly that
 * length: a paragraph of the same frame (a figure repeated in another entry), its own reordered
 * away, is not told from the passage by rank or position; the lengths say it is another.
 */
export function otherParagraphsLength(doc: Doc, s: TextSelector, quote: string, from: number): boolean {
  const length = s.paraLength;
  const known = s.copyContext;
  if (!s.copies || typeof length !== 'number' || typeof known !== 'number' || quote.length === 0) return false;
  const sides = sidesOf(s);
  if (known < sides.prefix.length + sides.suffix.length || !doc.norm.text.startsWith(quote, from)) return false;
  if (paragraphLength(doc, from, from + quote.length) === length) return false;
  for (const o of occurrencesIn(doc, quote, MAX_COPIES)) {
    if (o !== from && paragraphLength(doc, o, o + quote.length) === length) return true;
  }
  return false;
}

/** Units past the sentence's end a stored side must go on for its break there to say anything. */
const PAST_SENTENCE = 4;

/** Whether norm[i] ends a sentence: 。！？ (folded to . ! ?), a full stop not inside a number. */
function sentenceEnd(norm: string, i: number): boolean {
  const c = norm[i];
  if (c === '!' || c === '?') return true;
  return c === '.' && !(/\d/u.test(norm[i - 1] ?? '') && /\d/u.test(norm[i + 1] ?? ''));
}

/** Index of the first sentence end in `s` (UTF-16 units), or -1. */
function firstSentenceEnd(s: string): number {
  for (let i = 0; i < s.length; i++) if (sentenceEnd(s, i)) return i;
  return -1;
}

/**
 * Whether the stored context standing next to the copy at normalised [from, to) is its sentence's
 * own words only: one side runs whole inside the sentence, the other stands to the sentence's end
 * and not past it (the next sentence's first units differ). A sentence restated elsewhere (a
 * recap, the same figure in the same frame) carries exactly that much; so a copy found elsewhere
 * with it is the passage no more than any other copy of that sentence.
 */
export function onlyItsSentence(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  // In a paragraph of the passage's own paragraph's size or print: its paragraph, kept, whose neighbour went.
  if (s.paraLength === paragraphLength(doc, from, to) || (s.para !== undefined && s.para === paragraphPrintAt(doc, from, to))) return false;
  const norm = doc.norm.text;
  // A quote holding a sentence's end has context past its own sentence already.
  const quote = normalise(s.exact);
  if (firstSentenceEnd(quote) >= 0) return false;
  // Only a copy of the quote's very words: an edited place is judged by the usual passes.
  if (norm.slice(from, to) !== quote) return false;
  const { prefix, suffix, edge } = sidesOf(s);
  // A side that reached the text's edge is no sentence's frame: the edge is context.
  if (edge.start || edge.end) return false;
  const end = firstSentenceEnd(suffix);
  let start = prefix.length - 1;
  while (start >= 0 && !sentenceEnd(prefix, start)) start--;
  // The suffix breaks past the sentence's end; the prefix holds no sentence end and stands whole.
  if (end >= 0 && start < 0 && suffix.length - end - 1 >= PAST_SENTENCE && norm.endsWith(prefix, from)) {
    return norm.startsWith(suffix.slice(0, end + 1), to) && !norm.startsWith(suffix.slice(end + 1, end + 1 + PAST_SENTENCE), to + end + 1);
  }
  // The mirror: the prefix breaks before the sentence's start; the suffix stands whole.
  if (start >= 0 && end < 0 && start >= PAST_SENTENCE && norm.startsWith(suffix, to)) {
    const own = prefix.slice(start + 1);
    const before = prefix.slice(start + 1 - PAST_SENTENCE, start + 1);
    return norm.endsWith(own, from) && !norm.endsWith(before, from - own.length);
  }
  return false;
}

/** The fingerprint of the raw paragraph holding normalised [from, to). */
function paragraphPrintAt(doc: Doc, from: number, to: number): string {
  const start = doc.norm.map[from] ?? 0;
  const end = (doc.norm.map[Math.max(from, to - 1)] ?? 0) + 1;
  const [pf, pt] = paragraphRange(doc.raw, start, end);
  return fingerprint(doc.raw.slice(pf, pt));
}
