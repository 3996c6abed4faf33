/**
 * What is known about a passage (normalised quote and context) and how a place in the new text
 * is judged against it: scores, the acceptance rule and the choice among candidates.
 */
import { anchoredDistance, compilePattern, type Pattern } from './myers';
import { normalisePrefix, normaliseQuote, normaliseSuffix, storedForms } from './normalise';
import { CONTEXT_LENGTH, type TextSelector } from './types';

export interface Query {
  readonly selector: TextSelector;
  readonly quote: string;
  /** Normalised context, as text and as patterns (the prefix reversed, to read backwards). */
  readonly prefixText: string;
  readonly suffixText: string;
  readonly prefix: Pattern | null;
  readonly suffix: Pattern | null;
  /** The same read the other way: for searching where a side ends (prefix) or begins (suffix). */
  readonly prefixPattern: Pattern | null;
  readonly suffixReversed: Pattern | null;
  readonly textLength: number;
  /**
   * Where the quote's paragraph began before it (units of the normalised prefix after the last
   * line break, or the text start) and ended after it; null when the stored context does not
   * reach that far.
   */
  readonly prefixInPara: number | null;
  readonly suffixInPara: number | null;
  /** The quote's numbers and Latin words, in order (see alnumWords). */
  readonly words: string;
  /** Whether each stored context side has numbers or Latin words (see wordsGone). */
  readonly prefixWords: boolean;
  readonly suffixWords: boolean;
  /** Units of each stored side inside the quote's own sentence; null when no sentence ends in the side (see solidSide). */
  readonly prefixSentence: number | null;
  readonly suffixSentence: number | null;
  /**
   * The stored prefix + quote + suffix as one string, and where else the quote occurs in it (not
   * overlapping its own place): a passage whose neighbouring words repeat it (a title line and a
   * 视频- line under it saying the same) shows its own twin in its context (see twinInContext).
   */
  readonly around: string;
  readonly twinsInContext: readonly number[];
}

export function prepareQuery(text: string, selector: TextSelector): Query {
  const quote = normaliseQuote(selector);
  const prefixText = normalisePrefix(selector).slice(-CONTEXT_LENGTH);
  const suffixText = normaliseSuffix(selector).slice(0, CONTEXT_LENGTH);
  return {
    selector,
    quote,
    prefixText,
    suffixText,
    prefix: prefixText ? compilePattern(reverse(prefixText)) : null,
    suffix: suffixText ? compilePattern(suffixText) : null,
    prefixPattern: prefixText ? compilePattern(prefixText) : null,
    suffixReversed: suffixText ? compilePattern(reverse(suffixText)) : null,
    textLength: text.length,
    prefixInPara: paragraphStart(selector),
    suffixInPara: paragraphEnd(selector),
    words: alnumWords(quote),
    prefixWords: /[0-9A-Za-z]/.test(prefixText),
    suffixWords: /[0-9A-Za-z]/.test(suffixText),
    // A quote over a sentence end brings two sentences' words: more than one copied sentence.
    prefixSentence: oneSentence(quote) ? sentenceBefore(prefixText) : null,
    // A quote ending with its sentence's end leaves none of that sentence to the suffix.
    suffixSentence: !oneSentence(quote) ? null : sentenceEnd(quote, quote.length - 1) ? 0 : sentenceAfter(suffixText),
    around: prefixText + quote + suffixText,
    twinsInContext: twinsIn(prefixText + quote + suffixText, quote, prefixText.length),
  };
}

function twinsIn(around: string, quote: string, own: number): number[] {
  const out: number[] = [];
  if (!quote) return out;
  for (let at = around.indexOf(quote); at >= 0; at = around.indexOf(quote, at + 1)) {
    if (Math.abs(at - own) >= quote.length) out.push(at);
  }
  return out;
}

/**
 * Runs of digits and Latin letters, joined: the numbers, dates and names of a passage. Template
 * sentences differ in little else, so an approximate match whose numbers or names differ is
 * another sentence of the same shape, not the passage lightly edited.
 */
export function alnumWords(s: string): string {
  return (s.match(/[0-9A-Za-z]+/g) ?? []).join(' ');
}

const ALNUM = /[0-9A-Za-z]+/g;

/**
 * Whether the numbers and Latin words of `stored` (a context side past its exact run) are all
 * missing from `region` (the text where that part would be), which has others. A word cut by the context's own
 * edge (`cutStart`, `cutEnd`) may be a part of a longer one and is not counted.
 */
export function wordsGone(stored: string, region: string, cutStart: boolean, cutEnd: boolean): boolean {
  let words = 0;
  for (const m of stored.matchAll(ALNUM)) {
    if ((cutStart && m.index === 0) || (cutEnd && m.index + m[0].length === stored.length)) continue;
    if (region.includes(m[0])) return false;
    words++;
  }
  // Other words where these stood: another sentence of the same shape. None at all: they were
  // deleted, which is an edit of the passage's own context.
  return words > 0 && /[0-9A-Za-z]/.test(region);
}

function paragraphStart(s: TextSelector): number | null {
  const after = storedForms(s).prefixAfterBreak;
  if (after !== null) return after;
  return s.start === s.prefix.length ? normalisePrefix(s).length : null;
}

function paragraphEnd(s: TextSelector): number | null {
  const before = storedForms(s).suffixBeforeBreak;
  if (before !== null) return before;
  // describe() stops short of 32 units only at the text's end (or by one unit, for a surrogate pair).
  return s.suffix.length < CONTEXT_LENGTH - 1 ? normaliseSuffix(s).length : null;
}

/**
 * Units of the quote plus its own paragraph's context that make a kept paragraph edge count
 * as a matching side: paragraphs move whole, so the stored words past the edge belong to a
 * neighbour and say nothing; but a bare paragraph start next to a 2-unit quote is one of
 * hundreds.
 */
const EDGE_EVIDENCE = 8;
/** Share of the stored units past a kept edge counted as differing: unknown, neither matched nor not. */
const EDGE_UNKNOWN = 0.5;
/** Share of a whole paragraph's units that may differ for it to count as found again. */
const WHOLE_PARAGRAPH_ERRORS = 0.2;
/** Paragraphs shorter than this may differ in only a tenth of their units to count as found again. */
const WHOLE_EDITED_PARAGRAPH = 24;
const SHORT_PARAGRAPH_ERRORS = 0.1;
/** Exact units of a side's own paragraph that agree with a kept edge on the other side. */
const AGREEING_RUN = 8;
/** Share of a whole stored side that, matching, agrees with a kept edge on the other side without such a run. */
const AGREEING_SIDE = 0.6;

function sideAgrees(length: number, distance: number): boolean {
  return length >= AGREEING_RUN && distance <= (1 - AGREEING_SIDE) * length;
}

/** Reverses UTF-16 units; only ever compared with text read backwards, so pairs stay paired. */
export function reverse(s: string): string {
  // Built as one flat string (fromCharCode over the units), not as a chain of one-unit joins: the
  // result is a pattern cache's key (compilePattern), and hashing a chain first copies it flat.
  const n = s.length;
  const codes = new Array<number>(Math.min(n, REVERSE_CHUNK));
  let out = '';
  for (let end = n; end > 0; end -= REVERSE_CHUNK) {
    const count = Math.min(REVERSE_CHUNK, end);
    codes.length = count;
    for (let i = 0; i < count; i++) codes[i] = s.charCodeAt(end - 1 - i);
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Units reversed per fromCharCode call (far below any argument limit). */
const REVERSE_CHUNK = 4096;

/** A place for the quote in the normalised text. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  /** Edit distance between the quote and the text at this place. */
  readonly errors: number;
}

export interface Scored extends Candidate {
  readonly quoteSim: number;
  /** Mean similarity of the stored context sides (1 when the selector has none). */
  readonly context: number;
  /** Context units matching exactly right next to the quote, per side. */
  readonly prefixRun: number;
  readonly suffixRun: number;
  /**
   * The longer exact run next to the quote that stays inside the quote's paragraph (the text
   * edge counts as full). Paragraphs are deleted and moved whole, so the words of the next
   * paragraph show where a paragraph ends, not which paragraph it is.
   */
  readonly paraRun: number;
  /** Similarity of the worse-matching context side (1 when the selector has none). */
  readonly worseSide: number;
  /** The longer exact run of context next to the quote; a side wholly matched up to the text edge counts as full. */
  readonly contextRun: number;
  /** Each boundary is backed by exact text on one side of it (context or the quote's own ends). */
  readonly boundsConfirmed: boolean;
  /**
   * Each end of the place is the quote's own first / last unit, or else backed by a long exact
   * context run. An edited passage usually keeps its edges; an approximate place whose edge
   * differs and rests on a short run is a neighbour's words pulled in by look-alike context.
   */
  readonly edgesKept: boolean;
  /**
   * Units that differ between the stored prefix + quote + suffix and the text here: quote
   * errors plus the edit distance of each context side. Candidates are ranked by it.
   */
  readonly cost: number;
  /** Exact context runs next to the quote as found, before any paragraph-edge credit. */
  readonly prefixExact: number;
  readonly suffixExact: number;
  /** `cost` without the credit a kept paragraph edge gives the context past it (equal when none). */
  readonly plainCost: number;
  /** Edit distance of the nearer-matching context side (a full side's length when none). */
  readonly bestSide: number;
  /** Distance from the stored position, as a share of the text's length. */
  readonly distance: number;
  /** The stored context up to its paragraph's edge is here, and a paragraph edge is there too. */
  readonly prefixAtEdge: boolean;
  readonly suffixAtEdge: boolean;
  /**
   * A context side matches past its exact run next to the quote (most units beyond it agree),
   * or its run is long: evidence beyond the quote's own sentence, which copies share.
   */
  readonly prefixSolid: boolean;
  readonly suffixSolid: boolean;
  /** An approximate place whose numbers or Latin words are not the quote's. */
  readonly otherWords: boolean;
  /** The words around this place match those around a copy of the quote inside the stored context at least as well (see twinInContext). */
  readonly twinInContext: boolean;
  /** Similarity of each stored context side (1 when there is none). */
  readonly prefixSide: number;
  readonly suffixSide: number;
  /** 1 − cost over the stored units, nudged by the distance from the old position. */
  readonly total: number;
  /** Units of context the old text's start or end stood for that this place lacks (see textEdgeLost). */
  readonly edgeLost: number;
  /** A kept paragraph edge credited on the other side's loose match alone (no 8-unit run; see sideAgrees). */
  readonly looselyAgreed: boolean;
}

/** Extra units read past a context's length, so insertions next to the quote still fit. */
export const CONTEXT_READ = 16;

/** Edit distance of the stored prefix against the text that ends at `start`. */
export function prefixDistance(text: string, q: Query, start: number): number {
  if (!q.prefix) return 0;
  const count = Math.min(start, q.prefix.length + CONTEXT_READ);
  return anchoredDistance(q.prefix, text, start - 1, count, -1);
}

/** Edit distance of the stored suffix against the text that begins at `end`. */
export function suffixDistance(text: string, q: Query, end: number): number {
  if (!q.suffix) return 0;
  const count = Math.min(text.length - end, q.suffix.length + CONTEXT_READ);
  return anchoredDistance(q.suffix, text, end, count, 1);
}

/** How many units of the stored prefix match exactly, reading back from `start`. */
export function prefixRun(text: string, q: Query, start: number): number {
  const p = q.prefixText;
  let n = 0;
  while (n < p.length && n < start && p.charCodeAt(p.length - 1 - n) === text.charCodeAt(start - 1 - n)) n++;
  return n;
}

export function suffixRun(text: string, q: Query, end: number): number {
  const s = q.suffixText;
  let n = 0;
  while (n < s.length && end + n < text.length && s.charCodeAt(n) === text.charCodeAt(end + n)) n++;
  return n;
}

/** `rawStart`: the candidate's start in the real text, to compare with the stored position. */
export function score(text: string, q: Query, c: Candidate, rawStart: number, breakBefore: (i: number) => boolean = () => false): Scored {
  const quoteSim = 1 - c.errors / q.quote.length;
  let pRun = prefixRun(text, q, c.start);
  let sRun = suffixRun(text, q, c.end);
  let pPara = 0;
  while (pPara < pRun && !breakBefore(c.start - pPara)) pPara++;
  let sPara = 0;
  while (sPara < sRun && !breakBefore(c.end + sPara)) sPara++;
  let pd = q.prefix ? prefixDistance(text, q, c.start) : 0;
  let sd = q.suffix ? suffixDistance(text, q, c.end) : 0;
  // Past its exact run, a side whose numbers and names are all other ones is a sentence of the
  // same shape: only the run counts as matched there.
  // Words past the paragraph's edge belong to a neighbouring paragraph, free to move: not compared.
  const pOwn = q.prefixInPara ?? q.prefixText.length;
  if (q.prefixWords && pRun < pOwn) {
    const beyond = pOwn - pRun;
    const from = Math.max(0, c.start - pRun - beyond - CONTEXT_READ);
    const cut = q.prefixText.length === CONTEXT_LENGTH && pOwn === q.prefixText.length;
    if (
      wordsGone(q.prefixText.slice(q.prefixText.length - pOwn, q.prefixText.length - pRun), text.slice(from, c.start - pRun), cut, false)
    ) {
      pd = Math.max(pd, beyond);
    }
  }
  const sOwn = q.suffixInPara ?? q.suffixText.length;
  if (q.suffixWords && sRun < sOwn) {
    const beyond = sOwn - sRun;
    const region = text.slice(c.end + sRun, c.end + sRun + beyond + CONTEXT_READ);
    const cut = q.suffixText.length === CONTEXT_LENGTH && sOwn === q.suffixText.length;
    if (wordsGone(q.suffixText.slice(sRun, sOwn), region, false, cut)) sd = Math.max(sd, beyond);
  }
  const [pRun0, sRun0, pd0, sd0] = [pRun, sRun, pd, sd];
  // The stored context up to the paragraph's edge is here and the paragraph ends there too: what
  // lay past the edge was a neighbouring paragraph, free to move, so that side counts as matched.
  const m = q.quote.length;
  const pEdge = q.prefixInPara;
  const sEdge = q.suffixInPara;
  const pAtEdge = pEdge !== null && pRun >= pEdge && (c.start === pEdge || breakBefore(c.start - pEdge));
  const sAtEdge = sEdge !== null && sRun >= sEdge && (c.end + sEdge === text.length || breakBefore(c.end + sEdge));
  // At a kept paragraph edge the words past the sentence are another paragraph's: the run is all
  // there is to compare, so it counts whole.
  const pSentence = pAtEdge ? null : q.prefixSentence;
  // A sentence that ends at the stored suffix's last unit and begins at a kept paragraph edge is
  // the paragraph's first sentence, whole: its place in the paragraph is evidence too.
  const sSentence = sAtEdge || (pAtEdge && q.suffixSentence === q.suffixText.length) ? null : q.suffixSentence;
  const prefixSolid = q.prefixText.length > 0 ? solidSide(q.prefixText.length, pRun, pd, pSentence) : c.start === 0;
  const suffixSolid = q.suffixText.length > 0 ? solidSide(q.suffixText.length, sRun, sd, sSentence) : c.end === text.length;
  // The credit needs the other side's own paragraph to agree: a sentence repeated at the start of
  // another paragraph is followed there by other words.
  // Words edited right next to the quote cut that run short: most of the side still standing agrees too.
  const pAgrees = pAtEdge || pRun >= Math.min(AGREEING_RUN, q.prefixText.length) || sideAgrees(q.prefixText.length, pd);
  const sAgrees = sAtEdge || sRun >= Math.min(AGREEING_RUN, q.suffixText.length) || sideAgrees(q.suffixText.length, sd);
  let pKept = false;
  let sKept = false;
  // Both edges kept and the words nearly intact: a whole paragraph found again, wherever it went.
  // A short paragraph (a caption, a heading) edited more than lightly is one of many alike.
  const para = (pEdge ?? 0) + m + (sEdge ?? 0);
  const whole = c.errors <= para * (para >= WHOLE_EDITED_PARAGRAPH ? WHOLE_PARAGRAPH_ERRORS : SHORT_PARAGRAPH_ERRORS);
  const unknown = pAtEdge && sAtEdge && whole ? 0 : EDGE_UNKNOWN;
  // Agreed with only by a side matching loosely, not by an exact run: credit enough to place a
  // passage, not to choose it among copies sharing its runs (see decide).
  let looselyAgreed = false;
  if (pEdge !== null && pAtEdge && sAgrees && pEdge + m >= EDGE_EVIDENCE) {
    looselyAgreed ||= !sAtEdge && sRun < Math.min(AGREEING_RUN, q.suffixText.length);
    const half = Math.ceil((q.prefixText.length - pEdge) * unknown);
    pRun = Math.max(pRun, q.prefixText.length - half);
    pPara = c.start;
    pd = Math.min(pd, half);
    pKept = true;
  }
  if (sEdge !== null && sAtEdge && pAgrees && sEdge + m >= EDGE_EVIDENCE) {
    looselyAgreed ||= !pAtEdge && pRun < Math.min(AGREEING_RUN, q.prefixText.length);
    const half = Math.ceil((q.suffixText.length - sEdge) * unknown);
    sRun = Math.max(sRun, q.suffixText.length - half);
    sPara = text.length - c.end;
    sd = Math.min(sd, half);
    sKept = true;
  }
  const edgeLost = textEdgeLost(q, c, text.length);
  // The same cost without the credit for kept paragraph edges (see `plainCost`).
  const plainCost =
    pKept || sKept
      ? QUOTE_ERROR_UNITS * c.errors + (2 * pd0 + q.prefixText.length - pRun0) / 3 + (2 * sd0 + q.suffixText.length - sRun0) / 3 + edgeLost
      : -1;
  const sides: number[] = [];
  if (q.prefix) sides.push(1 - pd / q.prefix.length);
  else if (c.start === 0) sides.push(1); // was and still is at the start of the text
  if (q.suffix) sides.push(1 - sd / q.suffix.length);
  else if (c.end === text.length) sides.push(1);
  const context = combineSides(sides);
  const distance = Math.min(1, Math.abs(rawStart - q.selector.start) / Math.max(1, q.textLength));
  // Two thirds edit distance, one third the units missing from the exact run next to the quote:
  // set phrases make scattered similarity common between unrelated places; long adjacent
  // runs are not.
  // A changed unit of the quote itself counts double: the quote is what the reader chose.
  const cost =
    QUOTE_ERROR_UNITS * c.errors + (2 * pd + q.prefixText.length - pRun) / 3 + (2 * sd + q.suffixText.length - sRun) / 3 + edgeLost;
  const stored = q.quote.length + q.prefixText.length + q.suffixText.length;
  // Listed field by field, not spread from `c`: this object is made for every candidate, and a
  // spread of this many fields gives V8 a slow, dictionary-shaped object.
  return {
    start: c.start,
    end: c.end,
    errors: c.errors,
    quoteSim,
    context,
    prefixRun: pRun,
    suffixRun: sRun,
    worseSide: Math.min(q.prefix ? 1 - pd / q.prefix.length : 1, q.suffix ? 1 - sd / q.suffix.length : 1),
    paraRun: Math.max(pPara === c.start ? CONTEXT_LENGTH : pPara, c.end + sPara === text.length ? CONTEXT_LENGTH : sPara),
    contextRun: Math.max(
      pRun === q.prefixText.length && (pKept || pRun === c.start) ? CONTEXT_LENGTH : pRun,
      sRun === q.suffixText.length && (sKept || c.end + sRun === text.length) ? CONTEXT_LENGTH : sRun,
    ),
    boundsConfirmed: boundsConfirmed(text, q, c, pRun, sRun, pd0, sd0),
    edgesKept: startKept(text, q, c.start, pRun) && endKept(text, q, c.end, sRun),
    cost,
    plainCost: plainCost < 0 ? cost : plainCost,
    prefixExact: pRun0,
    suffixExact: sRun0,
    bestSide: Math.min(
      q.prefix ? pd + CONTEXT_LENGTH - q.prefix.length : CONTEXT_LENGTH,
      q.suffix ? sd + CONTEXT_LENGTH - q.suffix.length : CONTEXT_LENGTH,
    ),
    distance,
    prefixAtEdge: pAtEdge,
    suffixAtEdge: sAtEdge,
    prefixSolid,
    suffixSolid,
    otherWords: c.errors > 0 && alnumWords(text.slice(c.start, c.end)) !== q.words,
    twinInContext: q.twinsInContext.length > 0 && twinInContext(text, q, c, pRun0, sRun0),
    prefixSide: q.prefix ? 1 - pd / q.prefix.length : 1,
    suffixSide: q.suffix ? 1 - sd / q.suffix.length : 1,
    total: 1 - (cost + POSITION_UNITS * distance) / (stored + POSITION_UNITS),
    edgeLost,
    looselyAgreed,
  };
}

const QUOTE_ERROR_UNITS = 2;

/**
 * A stored side cut short by the old text's start (end) had the text's edge as the rest of its
 * context. A kept paragraph edge credits a copy at any paragraph's start as well, so a place whose
 * side does not reach the text's edge has the rest of that side unmatched, counted as the words
 * past a kept paragraph edge are: half (EDGE_UNKNOWN). The opening paragraph, repeated further
 * down, so keeps its place at the start. A ranking cost, left out of margins (see margin).
 */
function textEdgeLost(q: Query, c: Candidate, length: number): number {
  const s = q.selector;
  // describe() stores less than a full side only at the text's edge (or one unit less, for a surrogate pair).
  const start = s.start === s.prefix.length && c.start > q.prefixText.length;
  const end = s.suffix.length < CONTEXT_LENGTH - 1 && length - c.end > q.suffixText.length;
  return Math.ceil(((start ? CONTEXT_LENGTH - q.prefixText.length : 0) + (end ? CONTEXT_LENGTH - q.suffixText.length : 0)) * EDGE_UNKNOWN);
}

/** Units of a side the stored context must show past its copy of the quote to count as matched up to its end. */
const TWIN_SIDE = 4;

/**
 * The stored context holds another copy of the quote (the passage is a repeated phrase next to
 * its own copy), and the words around this place match those around that copy at least as far
 * on each side, farther on one (a side matched up to the stored context's end counts as far as
 * it can go when the context shows a few units there and the place lacks part of that stored
 * side): this place is better read as the copy the context shows, the passage's neighbour, than
 * as the passage. Its runs of context are the repeated phrase, not evidence.
 */
function twinInContext(text: string, q: Query, c: Candidate, pRun: number, sRun: number): boolean {
  const s = q.around;
  const m = q.quote.length;
  for (const j of q.twinsInContext) {
    let p = 0;
    while (p < j && p < c.start && s.charCodeAt(j - 1 - p) === text.charCodeAt(c.start - 1 - p)) p++;
    let n = 0;
    const rest = s.length - j - m;
    while (n < rest && c.end + n < text.length && s.charCodeAt(j + m + n) === text.charCodeAt(c.end + n)) n++;
    // Matched up to the stored context's end, a side is as far as it can be shown, if the context
    // shows a few units of it at all and the place does not have the whole stored side.
    const prefixAsFar = p >= pRun || (p === j && j >= TWIN_SIDE && pRun < q.prefixText.length);
    const suffixAsFar = n >= sRun || (n === rest && rest >= TWIN_SIDE && sRun < q.suffixText.length);
    if (prefixAsFar && suffixAsFar && (p > pRun || n > sRun)) return true;
  }
  return false;
}

/** Exact run that makes a side solid by itself. */
const SOLID_RUN = 24;

/**
 * `sentence`: units of the side that belong to the quote's own sentence (null when no sentence
 * ends in it). A long run that stops within a few units of that sentence's end is the sentence
 * itself, which a repeated copy shares: it makes the side solid only by what lies past it. So is
 * a run up to a sentence end at the side's own last unit: nothing past the sentence was stored.
 */
function solidSide(length: number, run: number, distance: number, sentence: number | null): boolean {
  const sentenceOnly = sentence !== null && run < sentence + PAST_SENTENCE;
  return (!sentenceOnly && run >= Math.min(SOLID_RUN, length)) || 2 * distance < length - run;
}

/** Units a run must reach past the quote's own sentence to say more than the sentence does. */
const PAST_SENTENCE = 4;

/** Units of the suffix up to and including the first sentence end (null when none). */
export function sentenceAfter(suffix: string): number | null {
  for (let i = 0; i < suffix.length; i++) if (sentenceEnd(suffix, i)) return i + 1;
  return null;
}

/** Units of the prefix after its last sentence end (null when none). */
export function sentenceBefore(prefix: string): number | null {
  for (let i = prefix.length - 1; i >= 0; i--) if (sentenceEnd(prefix, i)) return prefix.length - 1 - i;
  return null;
}

/** Whether no sentence ends inside the quote (a final full stop is its own sentence's end). */
function oneSentence(quote: string): boolean {
  for (let i = 0; i < quote.length - 1; i++) if (sentenceEnd(quote, i)) return false;
  return true;
}

/** A full stop, ! ? or ; in the comparison form (。！？； folded), not a decimal point. */
function sentenceEnd(s: string, i: number): boolean {
  const c = s[i];
  if (c === '!' || c === '?' || c === ';') return true;
  if (c !== '.') return false;
  // A decimal point; at the string's edge (context cut there: "宽30.") it may be one too.
  const before = s[i - 1];
  const after = s[i + 1];
  const digitOrEdge = (x: string | undefined) => x === undefined || /[0-9]/.test(x);
  return !(
    digitOrEdge(before) &&
    digitOrEdge(after) &&
    (before !== undefined || after !== undefined) &&
    /[0-9]/.test((before ?? '') + (after ?? ''))
  );
}

/** The old position as a weak prior: being a whole text away costs this many units. */
const POSITION_UNITS = 2;

/** One intact side identifies a passage (a neighbouring paragraph may have changed). */
function combineSides(sides: readonly number[]): number {
  const [a, b] = sides;
  if (a === undefined) return 1;
  if (b === undefined) return a;
  return 0.6 * Math.max(a, b) + 0.4 * Math.min(a, b);
}

/** Exact context units that back a boundary whose unit differs from the quote's own edge. */
const EDGE_RUN = 16;

export function startKept(text: string, q: Query, start: number, run = prefixRun(text, q, start)): boolean {
  if (text.charCodeAt(start) === q.quote.charCodeAt(0)) return true;
  return run >= Math.min(EDGE_RUN, q.prefixText.length) && (run > 0 || start === 0);
}

export function endKept(text: string, q: Query, end: number, run = suffixRun(text, q, end)): boolean {
  if (text.charCodeAt(end - 1) === q.quote.charCodeAt(q.quote.length - 1)) return true;
  return run >= Math.min(EDGE_RUN, q.suffixText.length) && (run > 0 || end === text.length);
}

/** Exact units a boundary needs on one side before an approximate match may be placed. */
const BOUNDARY_RUN = 6;

/** Whether both ends of a match are backed by exact text (context or the quote's own ends). */
export function boundsConfirmed(
  text: string,
  q: Query,
  c: Candidate,
  pRun = prefixRun(text, q, c.start),
  sRun = suffixRun(text, q, c.end),
  pd = Infinity,
  sd = Infinity,
): boolean {
  return startConfirmed(text, q, c, pRun, pd) && endConfirmed(text, q, c, sRun, sd);
}

/** Exact units next to a boundary that, with the whole side all but intact beyond them, back it. */
const INTACT_SIDE_BOUNDARY_RUN = 2;

/**
 * A side all but intact (a full stored side, at most STRONG_SIDE units differing) aligned right
 * at the boundary, with the quote's own edge unit there: an edit near the quote's edge cut the
 * exact runs short, but a boundary a unit off would misalign the whole side.
 */
function intactSideAt(run: number, distance: number, length: number, edgeKept: boolean): boolean {
  return edgeKept && length >= CONTEXT_LENGTH - 1 && run >= INTACT_SIDE_BOUNDARY_RUN && distance <= STRONG_SIDE;
}

function startConfirmed(text: string, q: Query, c: Candidate, run: number, distance = Infinity): boolean {
  if (run >= Math.min(BOUNDARY_RUN, q.prefixText.length) && (run > 0 || c.start === 0)) return true;
  if (intactSideAt(run, distance, q.prefixText.length, text.charCodeAt(c.start) === q.quote.charCodeAt(0))) return true;
  const head = q.quote.slice(0, BOUNDARY_RUN);
  return text.startsWith(head, c.start) && c.start + head.length <= c.end;
}

function endConfirmed(text: string, q: Query, c: Candidate, run: number, distance = Infinity): boolean {
  if (run >= Math.min(BOUNDARY_RUN, q.suffixText.length) && (run > 0 || c.end === text.length)) return true;
  const last = text.charCodeAt(c.end - 1) === q.quote.charCodeAt(q.quote.length - 1);
  if (intactSideAt(run, distance, q.suffixText.length, last)) return true;
  const tail = q.quote.slice(-BOUNDARY_RUN);
  return c.end - tail.length >= c.start && text.startsWith(tail, c.end - tail.length);
}

/**
 * Minimum context score for an exact occurrence, by quote length: short quotes are set phrases
 * that recur with similar surroundings, so they need nearly intact context.
 */
function minExactContext(m: number): number {
  if (m <= SHORT_QUOTE) return 0.7;
  if (m < 12) return 0.6;
  if (m < 24) return 0.45;
  return 0.5;
}

/** Same for an approximate occurrence. */
function minFuzzyContext(m: number): number {
  if (m < 12) return 0.75;
  return m < SHORT_FUZZY ? 0.6 : 0.5;
}

/** Quotes up to this long are found by their context: they need an intact run of it. */
export const SHORT_QUOTE = 4;
const SHORT_RUN = 8;
/** A quote this long (longer than any set phrase), found whole and only once, is the passage. */
const UNIQUE_QUOTE = 48;
/** Exact context run that, with a unique quote of 24+ units, places it whatever the rest says. */
const UNIQUE_RUN = 10;
export const MIN_FUZZY_LENGTH = 5;
export const MIN_FUZZY_QUOTE_SIM = 0.75;
/** Short quotes tolerate fewer edits: one changed unit in five is already a different phrase. */
const MIN_SHORT_FUZZY_QUOTE_SIM = 0.8;
const SHORT_FUZZY = 16;
/** Quote similarity that places a long passage without any context. */
const MIN_LONE_FUZZY_QUOTE_SIM = 0.85;

function acceptable(c: Scored, q: Query, uniqueExact: boolean): boolean {
  const m = q.quote.length;
  if (unexplainedSide(c, q) || c.twinInContext) return false;
  if (c.errors === 0) {
    if (m >= UNIQUE_QUOTE && uniqueExact) return true;
    // Found whole and only once, and some of its surroundings came with it (its paragraph moved);
    // surroundings that are only the quote's own sentence come with every copy of it, unless
    // its place in the paragraph came too (a kept paragraph edge).
    if (m >= 24 && uniqueExact && c.contextRun >= UNIQUE_RUN && (!sentenceCopy(c) || c.prefixAtEdge || c.suffixAtEdge)) return true;
    if (m <= SHORT_QUOTE) return shortRun(c) && (c.context >= minExactContext(m) || oneSideIntact(c) || runsBothSides(c, q));
    // A phrase under 24 units whose stored context touches it nowhere is a look-alike sentence.
    if (m < 24 && c.contextRun < TOUCHING_RUN) return false;
    if (!uniqueExact && weakContext(c) && c.distance > NEAR_OLD_PLACE) return false;
    if (sentenceCopy(c)) return false;
    return c.context >= minExactContext(m) || edgeAndIntactSide(c, q);
  }
  if (m < MIN_FUZZY_LENGTH || !c.boundsConfirmed || !c.edgesKept) return false;
  if (sentenceCopy(c) || otherWordsLoose(c)) return false;
  // As for a short exact quote: evidence must come from its own paragraph, or from both sides.
  if (m < SHORT_FUZZY && c.paraRun < SHORT_RUN && c.worseSide < OTHER_SIDE) return false;
  // A long passage nearly intact identifies itself, wherever its paragraph went.
  if (m >= UNIQUE_QUOTE && c.quoteSim >= MIN_LONE_FUZZY_QUOTE_SIM) return true;
  const minSim = m < SHORT_FUZZY ? MIN_SHORT_FUZZY_QUOTE_SIM : MIN_FUZZY_QUOTE_SIM;
  // Template sentences differing in a few numbers match a changed quote and half its context:
  // with neither a long exact run nor a nearly intact side, the context must match better.
  // In a short paragraph (a caption, a heading) the credit for kept edges is no exact run: such
  // paragraphs of one shape keep their edges and differ only inside.
  const shortPara = c.prefixAtEdge && c.suffixAtEdge && (q.prefixInPara ?? 0) + m + (q.suffixInPara ?? 0) < WHOLE_EDITED_PARAGRAPH;
  const run = shortPara ? Math.max(c.prefixExact, c.suffixExact) : c.contextRun;
  if (run < WEAK_RUN && c.bestSide > STRONG_SIDE && c.context < MIN_LOOSE_FUZZY_CONTEXT) return false;
  return c.quoteSim >= minSim && (c.context >= minFuzzyContext(m) || oneSideIntact(c));
}

/**
 * One side of the stored context is all but gone here, with no paragraph edge to explain it (a
 * neighbouring paragraph moved or deleted), and the place is away from the old position: a
 * look-alike matching the other side, not the passage (whose words were deleted). Near the old
 * position, words inserted next to the passage do the same and are let through.
 */
function unexplainedSide(c: Scored, q: Query): boolean {
  if (c.distance <= NEAR_OLD_PLACE_SIDE) return false;
  const prefixLost = c.prefixSide < WEAK_SIDE && !c.prefixAtEdge;
  const suffixLost = c.suffixSide < WEAK_SIDE && !c.suffixAtEdge;
  if (!prefixLost && !suffixLost) return false;
  // The quote found whole with the whole other side, past its own sentence: a look-alike matches
  // a side loosely, this is the passage moved with its words on that side.
  if (c.errors === 0 && prefixLost !== suffixLost) {
    const whole = (run: number, length: number, solid: boolean) => solid && length >= ONE_SIDE_RUN && run >= length;
    return prefixLost
      ? !whole(c.suffixExact, q.suffixText.length, c.suffixSolid)
      : !whole(c.prefixExact, q.prefixText.length, c.prefixSolid);
  }
  return true;
}

/**
 * Numbers or Latin words changed in an approximate match: only an edit made in place, with a
 * long exact run and a nearly intact side around it, is the passage; otherwise it is another
 * sentence of the same shape (the passage's own was deleted).
 */
function otherWordsLoose(c: Scored): boolean {
  return c.otherWords && !(c.contextRun >= WEAK_RUN && c.bestSide <= STRONG_SIDE);
}

/**
 * Away from the old position, neither context side matches beyond its exact run next to the
 * quote, and the place is not a whole paragraph found again: the runs are the quote's own
 * sentence (or phrase), which a copy elsewhere shares; the passage's own words were deleted.
 */
function sentenceCopy(c: Scored): boolean {
  if (c.distance <= NEAR_OLD_PLACE_SIDE || (c.prefixAtEdge && c.suffixAtEdge)) return false;
  return !c.prefixSolid && !c.suffixSolid;
}

/** Share of the text's length within which words inserted next to the passage explain a lost side. */
const NEAR_OLD_PLACE_SIDE = 0.1;
/** Side similarity below which a side is lost (more than half its units differ). */
const WEAK_SIDE = 0.45;

/**
 * Context with no long exact run and no close match on the whole: for a quote found whole in
 * several places it tells one copy from another only by template phrases. Such a copy is taken
 * only near the old place; far away it is more likely another copy than the passage moved
 * (whose own copy may well have been deleted).
 */
export function weakContext(c: Scored): boolean {
  return c.contextRun < WEAK_RUN && c.context < WEAK_CONTEXT && c.bestSide > STRONG_SIDE;
}

const WEAK_RUN = 16;
/** Exact context units right next to a short exact quote, on one side at least. */
const TOUCHING_RUN = 4;
/** Context an approximate match needs when no side of it is long intact. */
const MIN_LOOSE_FUZZY_CONTEXT = 0.65;
const WEAK_CONTEXT = 0.8;
/** Share of the text a weakly supported copy may lie from the old position. */
const NEAR_OLD_PLACE = 0.15;

/**
 * A short quote may rest on one side alone only when that side is all but intact and most of
 * it is an exact run: a look-alike sentence elsewhere matches a side loosely, not exactly.
 */
function oneSideIntact(c: Scored): boolean {
  return c.bestSide <= STRONG_SIDE && c.contextRun >= ONE_SIDE_RUN;
}

const ONE_SIDE_RUN = 24;

/**
 * A paragraph edge kept on one side (the quote starts or ends its paragraph, nearly) and the
 * other side all but intact, with a long exact run: the quote's place in its paragraph and its
 * neighbouring words both came with it, though what lay past the edge is another paragraph now.
 */
function edgeAndIntactSide(c: Scored, q: Query): boolean {
  const intact = (run: number, side: number, length: number) => run >= WEAK_RUN && (1 - side) * length <= STRONG_SIDE;
  return (
    (c.prefixAtEdge && intact(c.suffixExact, c.suffixSide, q.suffixText.length)) ||
    (c.suffixAtEdge && intact(c.prefixExact, c.prefixSide, q.prefixText.length))
  );
}

/**
 * A short quote with an exact run of its own paragraph's words on both sides (8 units each: the
 * quote inside 17+ units found whole) is placed whatever the rest of its context says: the words
 * farther out belong to sentences edited or moved on their own, not to the quote's place.
 */
function runsBothSides(c: Scored, q: Query): boolean {
  const before = Math.min(c.prefixExact, q.prefixInPara ?? CONTEXT_LENGTH);
  const after = Math.min(c.suffixExact, q.suffixInPara ?? CONTEXT_LENGTH);
  return before >= SHORT_RUN && after >= SHORT_RUN;
}

/** A short quote needs 8 units of its context intact right next to it on one side, in its own paragraph. */
function shortRun(c: Scored): boolean {
  if (c.paraRun >= SHORT_RUN) return true;
  // The run reaches past a paragraph break: the other side, inside the paragraph, must agree too.
  return c.contextRun >= SHORT_RUN && c.worseSide >= OTHER_SIDE;
}

const OTHER_SIDE = 0.6;

/**
 * A rival place (not overlapping the best) whose cost is within this many units of the best
 * makes the best doubtful: 3 units past an intact best, growing with the best's own cost (a
 * damaged match is noisy) up to a sixth of the stored context (a fifth for short quotes).
 */
function margin(q: Query, best: Scored): number {
  // A short quote is all context: look-alike sentences come closer, so it needs a wider lead.
  const share = q.quote.length <= SHORT_QUOTE ? 5 : 6;
  // The text's edge lost is a ranking cost (textEdgeLost), not noise in the match.
  return Math.max(3, Math.min((q.prefixText.length + q.suffixText.length) / share, 3 + (best.cost - best.edgeLost) / 2));
}

/**
 * The best has one context side nearly intact (32 units, ≤ 3 changed) and the rival matches
 * neither side nearly as well: a neighbouring sentence survived next to the best only.
 */
function strongSide(best: Scored, rival: Scored): boolean {
  return best.bestSide <= STRONG_SIDE && rival.bestSide >= best.bestSide + STRONG_SIDE_LEAD && rival.cost >= best.cost + 3;
}

const STRONG_SIDE = 3;
const STRONG_SIDE_LEAD = 8;

/** Context this close on both places means a repeated passage: the old position decides. */
const SAME_CONTEXT = 0.97;

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * The acceptable candidate with the lowest cost (the old position breaks ties), or null when
 * none is acceptable or another place is nearly as good.
 */
export function decide(candidates: readonly Scored[], q: Query): Scored | null {
  const uniqueExact = candidates.filter((c) => c.errors === 0).length === 1;
  let best: Scored | null = null;
  for (const c of candidates) {
    if (acceptable(c, q, uniqueExact) && (!best || c.total > best.total)) best = c;
  }
  if (!best) return null;
  best = preferWhole(best, candidates, q, uniqueExact);
  const credited = best;
  best = preferMatched(best, candidates, q, uniqueExact);
  // Chosen, with its neighbours' words really there, over copies that looked as good only by the
  // credit of kept paragraph edges: rivals are weighed by the context they really have.
  const byMatched = best !== credited && best.plainCost <= best.cost + 1;
  if (copiedContext(best, candidates)) return null;
  const need = margin(q, best);
  let runnerUp: Scored | null = null;
  let byPosition = false;
  for (const c of candidates) {
    if (c === best || overlaps(c, best)) continue;
    if (byMatched && c.plainCost >= best.plainCost + need) continue;
    if (!runnerUp || c.cost < runnerUp.cost) runnerUp = c;
    // A kept paragraph edge stands in for context lost when a neighbouring paragraph moved; it
    // cannot tell one copy of a repeated passage from another: without it, this copy is as good.
    // Near the old place the edge is still all that chose it: a guess, as a choice by position is
    // (kept in a batch only where placed neighbours put it).
    if (c.errors === 0 && best.errors === 0 && best.plainCost > best.cost && c.cost < best.plainCost + need && sharesRuns(c, best)) {
      if (best.distance > NEAR_OLD_PLACE_COPY || best.looselyAgreed) return null;
      byPosition = true;
      continue;
    }
    if (c.cost >= best.cost + need || strongSide(best, c)) continue;
    const repeated = c.errors === 0 && best.errors === 0 && c.context >= SAME_CONTEXT && best.context >= SAME_CONTEXT;
    if (!repeated) return null;
    byPosition = true;
  }
  // Only a rival with the quote as whole as here makes this a repeated passage.
  if (runnerUp && runnerUp.errors <= best.errors && !distinct(best, runnerUp, q)) return null;
  if (byPosition) chosenByPosition.add(best);
  return best;
}

/**
 * Places decide() took among copies whose context matches as well (a repeated passage longer
 * than the stored context): only the old position chose them (see nearNeighbours).
 */
export const chosenByPosition = new WeakSet<Scored>();

/**
 * Another copy of the quote has the same long exact run on one side (the passage and that side
 * are one repeated sentence), and the other side, the only one that could tell the copies apart,
 * has no long exact run here: far from the old position this is a copy left after the passage's
 * own was deleted, chosen on look-alike words.
 */
function copiedContext(best: Scored, candidates: readonly Scored[]): boolean {
  if (best.distance <= NEAR_OLD_PLACE_COPY) return false;
  // A run that is only the quote's own sentence (not solid) is shared by every copy of it.
  const ownPrefix = (best.prefixRun >= COPY_RUN && best.prefixSolid) || best.prefixAtEdge;
  const ownSuffix = (best.suffixRun >= COPY_RUN && best.suffixSolid) || best.suffixAtEdge;
  for (const c of candidates) {
    if (c === best || c.errors !== 0 || overlaps(c, best)) continue;
    if (c.prefixRun >= COPY_RUN && best.prefixRun >= COPY_RUN && !ownSuffix) return true;
    if (c.suffixRun >= COPY_RUN && best.suffixRun >= COPY_RUN && !ownPrefix) return true;
  }
  return false;
}

const COPY_RUN = 8;

/**
 * `rival` has the exact context runs `best` has where no paragraph edge credits `best`: the two
 * are copies of one passage with the same words around them (up to the edge).
 */
function sharesRuns(rival: Scored, best: Scored): boolean {
  const prefix = best.prefixAtEdge || rival.prefixExact >= Math.min(best.prefixExact, COPY_RUN);
  const suffix = best.suffixAtEdge || rival.suffixExact >= Math.min(best.suffixExact, COPY_RUN);
  return prefix && suffix && (rival.prefixExact >= COPY_RUN || rival.suffixExact >= COPY_RUN);
}
const NEAR_OLD_PLACE_COPY = 0.1;

/**
 * Against the next best place: the context both share next to the quote (a repeated sentence
 * around it) proves nothing, so the rest of the stored context must be mostly matched at the
 * best place. A deleted copy of a repeated sentence otherwise finds a look-alike.
 */
function distinct(best: Scored, rival: Scored, q: Query): boolean {
  const shared = Math.min(best.prefixRun, rival.prefixRun) + Math.min(best.suffixRun, rival.suffixRun);
  const rest = q.prefixText.length + q.suffixText.length - shared;
  return best.cost - Math.min(best.edgeLost, rival.edgeLost) <= DISTINCT_SHARE * rest;
}

/** Share of the non-shared context the best place may differ in. */
const DISTINCT_SHARE = 0.65;

/**
 * A kept paragraph edge counts the stored words past it as half or wholly matched, wherever the
 * paragraph went; a place as good with that credit whose neighbours' words really match (a
 * repeated heading whose own neighbours are still around it) is the passage, not a copy that is
 * merely nearer the old position.
 */
function preferMatched(best: Scored, candidates: readonly Scored[], q: Query, uniqueExact: boolean): Scored {
  if (best.plainCost <= best.cost) return best;
  // The best matched of them, not the first better one: among many copies of a repeated
  // paragraph, only one has the stored neighbours' words around it.
  let chosen = best;
  for (const c of candidates) {
    if (
      c === best ||
      overlaps(c, best) ||
      (!lightlyEdited(c, best) && !sideOverCredited(c, best, q)) ||
      (c.cost > best.cost + QUOTE_ERROR_UNITS * Math.max(0, c.errors - best.errors) + 1 && !wholeOverCredited(c, best))
    ) {
      continue;
    }
    if (c.plainCost + margin(q, c) <= best.plainCost && c.plainCost < chosen.plainCost && acceptable(c, q, uniqueExact)) chosen = c;
  }
  return chosen;
}

/**
 * `c` is the quote whole and `best` only a look-alike of it (units of the quote differ) that won
 * by the credit of kept paragraph edges (a caption repeated beside an entry a live blog inserted,
 * its paragraph's edges standing in for context): the credit says the look-alike's paragraph
 * moved, not that its other words are the passage's. The quote's own words with more of the
 * neighbours' words really there (plainCost, below) are the passage.
 */
function wholeOverCredited(c: Scored, best: Scored): boolean {
  return c.errors === 0 && best.errors > 0 && best.plainCost > best.cost;
}

/** Units of a stored side that `c` must read exactly, whole, for sideOverCredited. */
const REAL_SIDE_MIN = 16;
/** Exact units beside a copy below which a side says nothing of the passage's neighbours (习近平 of a sentence's head). */
const NO_REAL_SIDE = 4;

/**
 * `c`, the quote with a unit or two edited (a heading's typo fixed), reads one whole stored side
 * exactly (its neighbour paragraph's words really there), while `best`, the quote found whole,
 * won only by the credit of kept paragraph edges and reads under NO_REAL_SIDE units of either
 * side (a heading printed again elsewhere, other lines around it): the credit says `best`'s
 * paragraph stands apart, not that it is the passage's. `c` is weighed as lightlyEdited would.
 */
function sideOverCredited(c: Scored, best: Scored, q: Query): boolean {
  if (c.errors > 2 || best.plainCost <= best.cost || best.prefixExact >= NO_REAL_SIDE || best.suffixExact >= NO_REAL_SIDE) return false;
  const whole = (run: number, side: string) => side.length >= REAL_SIDE_MIN && run >= side.length;
  return whole(c.prefixExact, q.prefixText) || whole(c.suffixExact, q.suffixText);
}

/**
 * `c` has the quote as whole as `best`, or its neighbours' words really are there (no credit for
 * kept paragraph edges): a copy found whole (or nearly) only by that credit does not outweigh
 * the passage's own place, context and all, with a figure changed inside it. How much of the
 * quote may differ is acceptable()'s rule.
 */
function lightlyEdited(c: Scored, best: Scored): boolean {
  return c.errors <= best.errors || c.plainCost <= c.cost + 1;
}

/**
 * preferMatched() for a place chosen among exact candidates alone (anchor()'s quick path): the
 * approximate candidates may hold the passage's own place, lightly edited, that a copy found
 * whole by its kept paragraph edges hid.
 */
export function preferMatchedAmong(best: Scored, candidates: readonly Scored[], q: Query): Scored {
  return preferMatched(best, candidates, q, candidates.filter((c) => c.errors === 0).length === 1);
}

/**
 * The quote found whole beats an approximate match over the same words: what the fuzzy match
 * adds at its edges was inserted next to the passage, not into it.
 */
function preferWhole(best: Scored, candidates: readonly Scored[], q: Query, uniqueExact: boolean): Scored {
  if (best.errors === 0) return best;
  const whole = candidates.find((c) => c.errors === 0 && overlaps(c, best) && acceptable(c, q, uniqueExact));
  return whole ?? best;
}

/**
 * Context clear enough that a fuzzy search could not find anything better. Quotes under 12
 * units need more: a set phrase found whole elsewhere must not hide its own edited words.
 */
export function conclusive(c: Scored, q: Query): boolean {
  // Away from the text's edge its stored side stood at, the passage's own place edited may be better.
  return c.errors === 0 && c.edgeLost === 0 && c.context >= (q.quote.length < 12 ? 0.9 : 0.8);
}

/**
 * decide() among the places inside the window that placed neighbouring highlights imply (the
 * second pass of anchorAll): the neighbours already rule out every place outside it, so rivals
 * there, the old position and look-alikes far away no longer count. The place's own evidence
 * still does: the quote rules are the first pass's, the context must touch the quote, and a
 * rival inside the window must be clearly worse.
 */
export function decideNear(candidates: readonly Scored[], q: Query): Scored | null {
  let best: Scored | null = null;
  for (const c of candidates) {
    if (acceptableNear(c, q) && (!best || c.cost < best.cost)) best = c;
  }
  if (!best) return null;
  const chosen = best;
  const whole = chosen.errors > 0 ? candidates.find((c) => c.errors === 0 && overlaps(c, chosen) && acceptableNear(c, q)) : undefined;
  best = whole ?? chosen;
  const need = margin(q, best);
  for (const c of candidates) {
    if (c === best || overlaps(c, best)) continue;
    if (c.cost < best.cost + need && !strongSide(best, c)) return null;
  }
  return best;
}

/** Context a place inside the neighbours' window needs (half of it may have changed). */
const NEAR_CONTEXT = 0.5;

function acceptableNear(c: Scored, q: Query): boolean {
  const m = q.quote.length;
  if (c.twinInContext) return false;
  if (c.errors === 0) {
    // A 1–4-unit quote is all context: template words recur within any window.
    if (m <= SHORT_QUOTE) return shortRun(c) && (c.context >= minExactContext(m) || oneSideIntact(c) || runsBothSides(c, q));
    return c.contextRun >= TOUCHING_RUN && c.context >= NEAR_CONTEXT;
  }
  if (m < MIN_FUZZY_LENGTH || !c.boundsConfirmed || !c.edgesKept || otherWordsLoose(c)) return false;
  if (m < SHORT_FUZZY && c.paraRun < SHORT_RUN && c.worseSide < OTHER_SIDE) return false;
  const minSim = m < SHORT_FUZZY ? MIN_SHORT_FUZZY_QUOTE_SIM : MIN_FUZZY_QUOTE_SIM;
  return c.quoteSim >= minSim && c.context >= NEAR_CONTEXT;
}
